package io.github.kenshinbooking.error;

import static java.util.Objects.requireNonNull;

/**
 * One bad row of an import file (DATA-2, DATA-3), as {@link Refusal#lineErrors()} reports it: the
 * line of the file it starts on (the header is line 1), the field at fault and why. Immutable and
 * thread-safe.
 *
 * @param line   the row's line in the file, 1 for the header
 * @param field  the field at fault, one of {@link Refusal}'s {@code FIELD_} constants
 *               ({@link Refusal#FIELD_ROW} for the row as a whole, {@link Refusal#FIELD_HEADER} for the header)
 * @param detail why, for the staff fixing the file and for logs
 */
public record LineError(long line, String field, String detail) {
    /**
     * Checks the components.
     *
     * @param line the row's line in the file, 1 for the header
     * @param field the field at fault
     * @param detail why
     * @throws NullPointerException if {@code field} or {@code detail} is {@code null}
     * @throws IllegalArgumentException if {@code line} is not positive
     */
    public LineError {
        requireNonNull(field, "field");
        requireNonNull(detail, "detail");
        if (line < 1) {
            throw new IllegalArgumentException("line must be positive: " + line);
        }
    }

    /**
     * The error of a refusal raised while checking a row's field.
     *
     * @param line the row's line
     * @param refusal the refusal of the field's check; its field, or {@link Refusal#FIELD_ROW}
     * @return the line error
     */
    public static LineError of(long line, Refusal refusal) {
        String detail = refusal.getMessage();
        return new LineError(line, refusal.field().orElse(Refusal.FIELD_ROW), detail);
    }
}
