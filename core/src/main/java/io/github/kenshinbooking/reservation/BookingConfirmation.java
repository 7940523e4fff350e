package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDateTime;

/**
 * The confirm screen (確認) of BOOK-2: what would be booked, checked but not written.
 * Immutable and thread-safe.
 */
public record BookingConfirmation(Member member, Slot slot, PhoneNumber phone, String termsVersion,
        LocalDateTime changeDeadline, LocalDateTime cancelDeadline) {
    public BookingConfirmation {
        requireNonNull(member, "member");
        requireNonNull(slot, "slot");
        requireNonNull(phone, "phone");
        requireNonNull(termsVersion, "termsVersion");
        requireNonNull(changeDeadline, "changeDeadline");
        requireNonNull(cancelDeadline, "cancelDeadline");
    }
}
