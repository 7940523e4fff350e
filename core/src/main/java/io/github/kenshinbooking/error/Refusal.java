package io.github.kenshinbooking.error;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A rule refused the request: the one checked outcome every use case declares.
 *
 * <p>It carries a stable {@link ErrorCode} from RULES.md and, for {@link ErrorCode#INVALID_INPUT}
 * (and other field-level codes), the name of the offending field. A refusal means nothing was
 * written. It has no stack trace: it is an expected outcome, not a bug.
 */
public final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** The RULES.md code. */
    private final ErrorCode code;
    /** The offending field, or {@code null}. */
    private final String field;

    private Refusal(ErrorCode code, String field, String detail) {
        super(message(code, field, detail), null, false, false);
        this.code = requireNonNull(code, "code");
        this.field = field;
    }

    /**
     * A refusal with the given code.
     *
     * @param code the RULES.md code
     * @return the refusal, to throw
     */
    public static Refusal of(ErrorCode code) {
        return new Refusal(code, null, null);
    }

    /**
     * A refusal with the given code and a human-readable detail (never shown as the code).
     *
     * @param code the RULES.md code
     * @param detail a detail for logs and developers, or {@code null}
     * @return the refusal, to throw
     */
    public static Refusal of(ErrorCode code, String detail) {
        return new Refusal(code, null, detail);
    }

    /**
     * A refusal of one field, e.g. {@code onField(INVALID_PHONE, "phone", "10 or 11 digits")}.
     *
     * @param code the RULES.md code
     * @param field the name of the offending field; not {@code null}
     * @param detail a detail for logs and developers, or {@code null}
     * @return the refusal, to throw
     */
    public static Refusal onField(ErrorCode code, String field, String detail) {
        return new Refusal(code, requireNonNull(field, "field"), detail);
    }

    /**
     * {@link ErrorCode#INVALID_INPUT} for the named field.
     *
     * @param field the name of the malformed field; not {@code null}
     * @param detail a detail for logs and developers, or {@code null}
     * @return the refusal, to throw
     */
    public static Refusal invalidInput(String field, String detail) {
        return onField(ErrorCode.INVALID_INPUT, field, detail);
    }

    /**
     * The RULES.md code.
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * The offending field, where the refusal concerns one.
     *
     * @return the field's name, or empty
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    private static String message(ErrorCode code, String field, String detail) {
        StringBuilder sb = new StringBuilder(String.valueOf(code));
        if (field != null) {
            sb.append(" [").append(field).append(']');
        }
        if (detail != null) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
