package io.github.kenshinbooking.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A roster row holds a character the chosen encoding has no code for (e.g. 𠮷 in Windows-31J): the
 * export stops at that row, before writing it, and the message names the reservation, the column and
 * the character. Export in UTF-8 instead, or correct the member record.
 */
public final class CsvEncodingException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The reservation whose row could not be written. */
    private final long reservation;
    /** The column. */
    private final String column;
    /** The code point without a code. */
    private final int codePoint;

    /**
     * The exception for one character of one row.
     *
     * @param reservation the row's 予約ID
     * @param column the column's header
     * @param codePoint the character without a code
     * @param encoding the encoding's name
     */
    public CsvEncodingException(long reservation, String column, int codePoint, String encoding) {
        super(String.format("予約ID %d, column %s: %s (U+%04X) has no code in %s; export in UTF-8 or correct the record",
                reservation, requireNonNull(column, "column"), new String(Character.toChars(codePoint)), codePoint,
                requireNonNull(encoding, "encoding")));
        this.reservation = reservation;
        this.column = column;
        this.codePoint = codePoint;
    }

    /**
     * The row's 予約ID.
     *
     * @return the reservation id
     */
    public long reservation() {
        return reservation;
    }

    /**
     * The column's header, e.g. {@code 漢字氏名}.
     *
     * @return the column
     */
    public String column() {
        return column;
    }

    /**
     * The character without a code.
     *
     * @return its code point
     */
    public int codePoint() {
        return codePoint;
    }
}
