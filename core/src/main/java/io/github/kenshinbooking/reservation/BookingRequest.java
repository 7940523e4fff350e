package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.schedule.SlotId;

/**
 * What the booking form (予約登録) submits (BOOK-1): the selected member, the slot, the daytime
 * phone as typed, whether the terms were accepted, an optional idempotency key (BOOK-4), the course
 * (CRS-1) and the optional tests chosen (OPT-1).
 * Fields are checked by the use case, which answers {@code INVALID_INPUT}, {@code INVALID_PHONE}
 * or {@code TERMS_NOT_ACCEPTED}; so this record accepts anything. Immutable and thread-safe.
 *
 * @param member         the selected member
 * @param slot           the selected slot
 * @param phone          the daytime phone as typed
 * @param termsAccepted  whether the terms were accepted
 * @param idempotencyKey may be {@code null}: no idempotency
 * @param course         the course; {@code null} for {@link CourseId#DEFAULT}
 * @param options        the optional tests; {@code null} for none
 */
public record BookingRequest(MemberId member, SlotId slot, String phone, boolean termsAccepted,
        String idempotencyKey, CourseId course, java.util.Set<OptionId> options) {

    /**
     * A request of the default course without optional tests.
     *
     * @param member the selected member
     * @param slot the selected slot
     * @param phone the daytime phone as typed
     * @param termsAccepted whether the terms were accepted
     * @param idempotencyKey may be {@code null}: no idempotency
     */
    public BookingRequest(MemberId member, SlotId slot, String phone, boolean termsAccepted, String idempotencyKey) {
        this(member, slot, phone, termsAccepted, idempotencyKey, null, null);
    }

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
        return new BookingRequest(member, slot, phone, termsAccepted, key, course, options);
    }

    /**
     * The same request for a course (CRS-1).
     *
     * @param chosen the course, or {@code null} for the default course
     * @return a new request
     */
    public BookingRequest withCourse(CourseId chosen) {
        return new BookingRequest(member, slot, phone, termsAccepted, idempotencyKey, chosen, options);
    }

    /**
     * The same request with optional tests (OPT-1).
     *
     * @param chosen the tests, or {@code null} for none
     * @return a new request
     */
    public BookingRequest withOptions(java.util.Set<OptionId> chosen) {
        return new BookingRequest(member, slot, phone, termsAccepted, idempotencyKey, course, chosen);
    }
}
