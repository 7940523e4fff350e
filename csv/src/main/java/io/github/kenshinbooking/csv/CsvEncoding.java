package io.github.kenshinbooking.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The encodings of the roster export (DATA-1): what the clinics' software reads. */
public enum CsvEncoding {
    /** UTF-8 with a byte order mark, so that Excel reads it as UTF-8: the default. */
    UTF_8_BOM(StandardCharsets.UTF_8, true),
    /** UTF-8 without a byte order mark. */
    UTF_8(StandardCharsets.UTF_8, false),
    /**
     * Windows-31J (Microsoft's Shift_JIS, with the NEC and IBM extensions: 髙, 﨑, ①, ㈱ have codes); a
     * character without a code (e.g. 𠮷) refuses the export with {@link CsvEncodingException}.
     */
    WINDOWS_31J(Charset.forName("windows-31j"), false);

    private final Charset charset;
    private final boolean bom;

    CsvEncoding(Charset charset, boolean bom) {
        this.charset = charset;
        this.bom = bom;
    }

    /**
     * The character set.
     *
     * @return the charset
     */
    public Charset charset() {
        return charset;
    }

    /**
     * Whether a byte order mark starts the file.
     *
     * @return {@code true} for {@link #UTF_8_BOM}
     */
    public boolean bom() {
        return bom;
    }
}
