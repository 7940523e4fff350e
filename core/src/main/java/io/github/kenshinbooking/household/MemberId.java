package io.github.kenshinbooking.household;

import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.error.Refusal;

import static java.util.Objects.requireNonNull;

/**
 * Identifies one member (組合員 or 家族) across the union, as the integrator's member records do
 * (e.g. symbol number + branch). Opaque to the library. Immutable and thread-safe.
 *
 * @param value the id, 1 to 64 characters, not blank
 */
public record MemberId(String value) {
    /** The longest member id, in UTF-16 units. */
    public static final int MAX_LENGTH = 64;

    /**
     * Checks the value.
     *
     * @param value the id, 1 to 64 characters, not blank
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException if it is blank, longer than 64 characters, or holds a control
     *     character or malformed UTF-16 (HARD-3)
     */
    public MemberId {
        requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH || !InputText.isClean(value)) {
            throw new IllegalArgumentException("member id must be 1..64 characters without control characters");
        }
    }

    /**
     * A member id as typed or sent by a client (HARD-3).
     *
     * @param raw the id as received
     * @return the id
     * @throws Refusal {@code INVALID_INPUT} (field {@code member}) for a missing, blank or over-long id,
     *     a control character or malformed UTF-16
     */
    public static MemberId parse(String raw) throws Refusal {
        InputText.line(raw, Refusal.FIELD_MEMBER, MAX_LENGTH);
        if (raw.isBlank()) {
            throw Refusal.invalidInput(Refusal.FIELD_MEMBER, "required");
        }
        return new MemberId(raw);
    }

    /**
     * The member id of that value.
     *
     * @param value the id, 1 to 64 characters, not blank
     * @return the member id
     */
    public static MemberId of(String value) {
        return new MemberId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
