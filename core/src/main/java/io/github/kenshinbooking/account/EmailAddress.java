package io.github.kenshinbooking.account;

import io.github.kenshinbooking.error.InputText;

import com.google.common.net.InternetDomainName;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;

/**
 * A household's e-mail address (MAIL-ADDR-1): a local part, {@code @}, and a domain with at least
 * one dot and no empty labels that is a valid domain name for Guava's {@link InternetDomainName}
 * (labels of letters, digits, hyphens; at most 63 characters each; not an IP address); no white
 * space. Immutable and thread-safe.
 *
 * @param value the address as stored, at most 254 characters
 */
public record EmailAddress(String value) {
    private static final int MAX_LENGTH = 254;

    /**
     * Checks the value.
     *
     * @param value the address as stored, at most 254 characters
     * @throws IllegalArgumentException unless {@link #valid} accepts it
     */
    public EmailAddress {
        if (!valid(value)) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    /**
     * Parses an address as typed; surrounding white space is stripped.
     *
     * @param raw the address as typed, may be {@code null}
     * @return the address
     * @throws Refusal {@code INVALID_EMAIL} on field {@code email}
     */
    public static EmailAddress parse(String raw) throws Refusal {
        String v = raw == null ? null : raw.strip();
        if (!valid(v)) {
            throw Refusal.onField(ErrorCode.INVALID_EMAIL, Refusal.FIELD_EMAIL, "local@domain.tld expected");
        }
        return new EmailAddress(v);
    }

    /**
     * Whether the text is a valid address under MAIL-ADDR-1.
     *
     * @param v the text, may be {@code null}
     * @return {@code true} if valid as it is (nothing is stripped)
     */
    public static boolean valid(String v) {
        if (v == null || v.isEmpty() || v.length() > MAX_LENGTH || !InputText.isClean(v)) {
            return false;
        }
        int at = v.indexOf('@');
        if (at <= 0 || at != v.lastIndexOf('@') || at == v.length() - 1) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '\\') {
                return false;
            }
        }
        String domain = v.substring(at + 1);
        if (domain.indexOf('.') < 0) {
            return false;
        }
        for (String label : domain.split("\\.", -1)) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
        }
        return InternetDomainName.isValid(domain);
    }

    /**
     * Compares the way mail systems do in practice: the domain case-insensitively, the local part
     * exactly.
     *
     * @param other the other address
     * @return {@code true} if both name the same mailbox
     */
    public boolean sameMailbox(EmailAddress other) {
        int a = value.indexOf('@');
        int b = other.value.indexOf('@');
        return value.substring(0, a).equals(other.value.substring(0, b))
                && value.substring(a + 1).equalsIgnoreCase(other.value.substring(b + 1));
    }

    /**
     * The mailbox this address names, as one string: the local part as it is, the domain in lower
     * case (the comparison of {@link #sameMailbox}, as a key).
     *
     * @return {@code local@domain} with the domain lower-cased
     */
    public String mailbox() {
        int at = value.indexOf('@');
        return value.substring(0, at + 1) + value.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
