package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.error.Refusal;

/** A union staff member (組合職員) acting under CNL-2. Immutable and thread-safe. */
public record StaffId(String value) {
    public StaffId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("staff id must be 1..64 characters");
        }
    }

    /** @throws Refusal {@code INVALID_INPUT} on field {@code staff} */
    public static StaffId parse(String raw) throws Refusal {
        if (raw == null || raw.isBlank() || raw.length() > 64) {
            throw Refusal.invalidInput("staff", "1..64 characters");
        }
        return new StaffId(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
