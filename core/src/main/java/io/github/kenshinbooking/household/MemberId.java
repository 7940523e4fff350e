package io.github.kenshinbooking.household;

import static java.util.Objects.requireNonNull;

/**
 * Identifies one member (組合員 or 家族) across the union, as the integrator's member records do
 * (e.g. symbol number + branch). Opaque to the library. Immutable and thread-safe.
 *
 * @param value the id, 1 to 64 characters, not blank
 */
public record MemberId(String value) {
    /**
     * Checks the value.
     *
     * @param value the id, 1 to 64 characters, not blank
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException if it is blank or longer than 64 characters
     */
    public MemberId {
        requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("member id must be 1..64 characters");
        }
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
