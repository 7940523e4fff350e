package io.github.kenshinbooking;

import io.github.kenshinbooking.error.InputText;
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
        line(value, field);
        if (value.isBlank()) {
            throw Refusal.invalidInput(field, "required");
        }
        return value;
    }

    /** STAFF-4's reason: multi-line text, not blank (HARD-3). */
    static String reason(String value) throws Refusal {
        InputText.multiline(value, Refusal.FIELD_REASON, InputText.MAX_MULTILINE_LENGTH);
        if (value.isBlank()) {
            throw Refusal.invalidInput(Refusal.FIELD_REASON, "required");
        }
        return value;
    }

    /** HARD-3 for a single-line field without a bound of its own; blank allowed. */
    static String line(String value, String field) throws Refusal {
        return InputText.line(value, field, InputText.DEFAULT_MAX_LENGTH);
    }
}
