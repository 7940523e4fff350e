package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.schedule.SlotId;

/**
 * What the booking form (予約登録) submits (BOOK-1): the selected member, the slot, the daytime
 * phone as typed, whether the terms were accepted, and an optional idempotency key (BOOK-4).
 * Fields are checked by the use case, which answers {@code INVALID_INPUT}, {@code INVALID_PHONE}
 * or {@code TERMS_NOT_ACCEPTED}; so this record accepts anything. Immutable and thread-safe.
 *
 * @param member         the selected member
 * @param slot           the selected slot
 * @param phone          the daytime phone as typed
 * @param termsAccepted  whether the terms were accepted
 * @param idempotencyKey may be {@code null}: no idempotency
 */
public record BookingRequest(MemberId member, SlotId slot, String phone, boolean termsAccepted,
        String idempotencyKey) {

    /**
     * A request without idempotency key.
     *
     * @param member the selected member
     * @param slot the selected slot
     * @param phone the daytime phone as typed
     * @param termsAccepted whether the terms were accepted
     * @return the request
     */
    public static BookingRequest of(MemberId member, SlotId slot, String phone, boolean termsAccepted) {
        return new BookingRequest(member, slot, phone, termsAccepted, null);
    }

    /**
     * The same request with an idempotency key (BOOK-4).
     *
     * @param key the key as given, or {@code null} for none
     * @return a new request
     */
    public BookingRequest withIdempotencyKey(String key) {
        return new BookingRequest(member, slot, phone, termsAccepted, key);
    }
}
