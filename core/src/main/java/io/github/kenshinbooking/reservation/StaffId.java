package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.error.Refusal;

/**
 * A union staff member (組合職員) acting under CNL-2. Immutable and thread-safe.
 *
 * @param value the staff id, 1 to 64 characters, not blank
 */
public record StaffId(String value) {
    /**
     * Checks the value.
     *
     * @param value the staff id, 1 to 64 characters, not blank
     * @throws IllegalArgumentException unless 1 to 64 characters, not blank, without control
     *     characters or malformed UTF-16 (HARD-3)
     */
    public StaffId {
        if (value == null || value.isBlank() || value.length() > 64 || !InputText.isClean(value)) {
            throw new IllegalArgumentException("staff id must be 1..64 characters");
        }
    }

    /**
     * Parses a staff id as the caller gave it.
     *
     * @param raw the id, may be {@code null}
     * @return the staff id
     * @throws Refusal {@code INVALID_INPUT} on field {@code staff}
     */
    public static StaffId parse(String raw) throws Refusal {
        InputText.line(raw, Refusal.FIELD_STAFF, 64);
        if (raw.isBlank()) {
            throw Refusal.invalidInput(Refusal.FIELD_STAFF, "1..64 characters");
        }
        return new StaffId(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
