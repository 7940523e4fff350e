package io.github.kenshinbooking.household;

import io.github.kenshinbooking.error.InputText;

import io.github.kenshinbooking.error.Refusal;

/**
 * A household's card symbol number (記号番号): digits only, 1 to 20 of them (HH-1). Not the
 * insurer number (保険者番号). Immutable and thread-safe.
 *
 * @param value the ASCII digits
 */
public record SymbolNumber(String value) {
    private static final int MAX_LENGTH = 20;

    /**
     * Checks the value.
     *
     * @param value the ASCII digits
     * @throws IllegalArgumentException unless 1 to 20 ASCII digits
     */
    public SymbolNumber {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("symbol number must be 1.." + MAX_LENGTH + " ASCII digits");
        }
    }

    /**
     * For trusted values (master data); throws {@link IllegalArgumentException} if malformed.
     *
     * @param value 1 to 20 ASCII digits
     * @return the symbol number
     */
    public static SymbolNumber of(String value) {
        return new SymbolNumber(value);
    }

    /**
     * For user input: surrounding white space is ignored, full-width digits are accepted.
     *
     * @param raw the symbol number as typed, may be {@code null}
     * @param field the input field to name in a refusal
     * @return the symbol number
     * @throws Refusal {@code INVALID_INPUT} on the given field when not a symbol number
     */
    public static SymbolNumber parse(String raw, String field) throws Refusal {
        // HARD-3: controls, malformed UTF-16 and over-long input are refused before normalising
        InputText.line(raw, field, InputText.DEFAULT_MAX_LENGTH);
        String s = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC).strip();
        if (!isWellFormed(s)) {
            throw Refusal.invalidInput(field, "digits only");
        }
        return new SymbolNumber(s);
    }

    private static boolean isWellFormed(String v) {
        if (v == null || v.isEmpty() || v.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
