package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

/**
 * The opaque token of a household session (SES-1): what a web tier keeps (in a cookie, say) to
 * {@link SessionService#resume resume} the session on any engine instance sharing the store. It
 * carries at least 128 random bits, URL-safe Base64 without padding; the library stores only its
 * hash. {@link #toString()} never shows it, so it does not end up in logs. Immutable and thread-safe.
 */
public final class SessionToken {
    private final String value;

    SessionToken(String value) {
        this.value = requireNonNull(value, "value");
    }

    /**
     * The raw token, to hand to the web tier; treat it like a password.
     *
     * @return the token as {@link SessionService#resume} takes it
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionToken t && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                t.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return a fixed text without the token */
    @Override
    public String toString() {
        return "SessionToken[****]";
    }
}
