package io.github.kenshinbooking;

import io.github.kenshinbooking.error.Refusal;

/** Input checks that answer {@code INVALID_INPUT} with the field's name instead of an NPE. Internal. */
final class Inputs {
    private Inputs() {
    }

    static <T> T required(T value, String field) throws Refusal {
        if (value == null) {
            throw Refusal.invalidInput(field, "required");
        }
        return value;
    }

    static String requiredText(String value, String field) throws Refusal {
        if (value == null || value.isBlank()) {
            throw Refusal.invalidInput(field, "required");
        }
        return value;
    }
}
