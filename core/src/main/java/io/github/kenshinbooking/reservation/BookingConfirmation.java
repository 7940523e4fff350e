package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDateTime;

/**
 * The confirm screen (確認) of BOOK-2: what would be booked, checked but not written.
 * Immutable and thread-safe.
 *
 * @param member         the member to be booked
 * @param slot           the slot to be booked
 * @param phone          the daytime phone (日中の連絡先)
 * @param termsVersion   the version of the terms to be accepted (BOOK-1)
 * @param changeDeadline the change deadline (CHG-1), local to the union's zone
 * @param cancelDeadline the cancel deadline (CNL-1), local to the union's zone
 */
public record BookingConfirmation(Member member, Slot slot, PhoneNumber phone, String termsVersion,
        LocalDateTime changeDeadline, LocalDateTime cancelDeadline) {
    /**
     * Checks the components.
     *
     * @param member the member to be booked
     * @param slot the slot to be booked
     * @param phone the daytime phone (日中の連絡先)
     * @param termsVersion the version of the terms to be accepted (BOOK-1)
     * @param changeDeadline the change deadline (CHG-1), local to the union's zone
     * @param cancelDeadline the cancel deadline (CNL-1), local to the union's zone
     * @throws NullPointerException if a component is {@code null}
     */
    public BookingConfirmation {
        requireNonNull(member, "member");
        requireNonNull(slot, "slot");
        requireNonNull(phone, "phone");
        requireNonNull(termsVersion, "termsVersion");
        requireNonNull(changeDeadline, "changeDeadline");
        requireNonNull(cancelDeadline, "cancelDeadline");
    }
}
