package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.error.Refusal;

/**
 * A caller-given key that makes the final booking step idempotent within one household (BOOK-4):
 * 1 to 100 printable ASCII characters. Immutable and thread-safe.
 *
 * @param value the key, compared exactly
 */
public record IdempotencyKey(String value) {
    /**
     * Checks the value.
     *
     * @param value the key, compared exactly
     * @throws IllegalArgumentException unless 1 to 100 printable ASCII characters
     */
    public IdempotencyKey {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("idempotency key must be 1..100 printable ASCII characters");
        }
    }

    /**
     * Parses a key as the caller gave it.
     *
     * @param raw the key, may be {@code null}
     * @return the key
     * @throws Refusal {@code INVALID_INPUT} on field {@code idempotencyKey}
     */
    public static IdempotencyKey parse(String raw) throws Refusal {
        if (!wellFormed(raw)) {
            throw Refusal.invalidInput(Refusal.FIELD_IDEMPOTENCY_KEY, "1..100 printable ASCII characters");
        }
        return new IdempotencyKey(raw);
    }

    private static boolean wellFormed(String v) {
        if (v == null || v.isEmpty() || v.length() > 100) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
