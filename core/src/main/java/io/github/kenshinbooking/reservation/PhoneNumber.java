package io.github.kenshinbooking.reservation;

import io.github.kenshinbooking.error.InputText;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import java.text.Normalizer;

/**
 * A daytime phone number (日中の連絡先, BOOK-1): a Japanese number of 10 or 11 digits starting with
 * 0; hyphens are optional in input and not kept. Immutable and thread-safe.
 *
 * @param digits the digits only, e.g. {@code 09012345678}
 */
public record PhoneNumber(String digits) {
    /** The longest phone number input accepted before normalising, in UTF-16 units (digits, hyphens, spaces). */
    public static final int MAX_RAW_LENGTH = 40;

    /**
     * Checks the digits.
     *
     * @param digits the digits only, e.g. {@code 09012345678}
     * @throws IllegalArgumentException unless 10 or 11 ASCII digits starting with 0
     */
    public PhoneNumber {
        if (!wellFormed(digits)) {
            throw new IllegalArgumentException("phone number must be 10 or 11 digits starting with 0");
        }
    }

    /**
     * Parses user input: ASCII or full-width digits, hyphens (any dash) and spaces allowed.
     *
     * @param raw the phone as typed, may be {@code null}
     * @return the number, digits only
     * @throws Refusal {@code INVALID_PHONE} on field {@code phone}
     */
    public static PhoneNumber parse(String raw) throws Refusal {
        if (raw == null) {
            throw Refusal.onField(ErrorCode.INVALID_PHONE, Refusal.FIELD_PHONE, "required");
        }
        InputText.line(raw, Refusal.FIELD_PHONE, MAX_RAW_LENGTH); // HARD-3, before normalising
        String n = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c != '-' && c != '\u2010' && c != '\u2012' && c != '\u2013' && c != '\u2014'
                    && c != '\u2212' && c != '\u30FC' && c != '\uFF70') {
                throw Refusal.onField(ErrorCode.INVALID_PHONE, Refusal.FIELD_PHONE, "digits and hyphens only");
            }
        }
        String digits = sb.toString();
        if (!wellFormed(digits)) {
            throw Refusal.onField(ErrorCode.INVALID_PHONE, Refusal.FIELD_PHONE, "10 or 11 digits starting with 0");
        }
        return new PhoneNumber(digits);
    }

    private static boolean wellFormed(String d) {
        if (d == null || (d.length() != 10 && d.length() != 11) || d.charAt(0) != '0') {
            return false;
        }
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) < '0' || d.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return digits;
    }
}
