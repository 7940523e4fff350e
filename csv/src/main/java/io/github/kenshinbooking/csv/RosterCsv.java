package io.github.kenshinbooking.csv;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import io.github.kenshinbooking.DataExchangeService;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.exchange.RosterRow;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.Sex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The roster (受診者名簿, DATA-1) as CSV for the checkup institutions' software: a header row, then one
 * row per live reservation in the roster's order, lines ending CRLF, fields quoted where they need it.
 * Columns: {@link #HEADER}; dates {@code 2024/06/16}, times {@code 09:00}, sex 男/女, the phone's
 * digits; the course (CRS-1) and the optional tests (OPT-2) by name for the staff and by code for the
 * institution's software, several tests joined with {@code 、} (names) and a space (codes), empty when
 * none. Streams: rows are written as the store delivers them, in constant memory. Stateless and
 * thread-safe.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path)) {
 *     RosterCsv.export(engine.exchange(), RosterQuery.day(venue, date), out);          // UTF-8 with BOM
 *     // RosterCsv.export(engine.exchange(), query, out, CsvEncoding.WINDOWS_31J);    // Shift_JIS
 * }
 * }</pre>
 */
public final class RosterCsv {
    /** The header row. */
    public static final List<String> HEADER = List.of("予約ID", "受診日", "開始時刻", "会場", "健診機関", "記号番号",
            "組合員番号", "カナ氏名", "漢字氏名", "生年月日", "性別", "日中の連絡先", "コース", "オプション検査", "コースコード",
            "オプション検査コード");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private RosterCsv() {
    }

    /**
     * Writes the roster as UTF-8 with a byte order mark.
     *
     * @param exchange the engine's data exchange
     * @param query the exam day and venue, or the fiscal year
     * @param out where to write; flushed, not closed
     * @return the rows written, the header not counted
     * @throws Refusal as {@link DataExchangeService#roster}
     * @throws IOException if writing fails
     */
    public static long export(DataExchangeService exchange, RosterQuery query, OutputStream out)
            throws Refusal, IOException {
        return export(exchange, query, out, CsvEncoding.UTF_8_BOM);
    }

    /**
     * Writes the roster in the given encoding.
     *
     * @param exchange the engine's data exchange
     * @param query the exam day and venue, or the fiscal year
     * @param out where to write; flushed, not closed
     * @param encoding the encoding
     * @return the rows written, the header not counted
     * @throws Refusal as {@link DataExchangeService#roster}
     * @throws CsvEncodingException if a row holds a character the encoding has no code for; the rows
     *     before it are written
     * @throws IOException if writing fails
     */
    public static long export(DataExchangeService exchange, RosterQuery query, OutputStream out, CsvEncoding encoding)
            throws Refusal, IOException {
        requireNonNull(exchange, "exchange");
        requireNonNull(out, "out");
        requireNonNull(encoding, "encoding");
        CharsetEncoder encoder = encoding.charset().newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharsetEncoder check = encoding.charset().newEncoder();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, encoder), 1 << 16);
        if (encoding.bom()) {
            writer.write('\uFEFF');
        }
        CsvGenerator csv = CsvWriting.open(writer);
        CsvWriting.row(csv, HEADER.toArray(String[]::new));
        long rows;
        try {
            rows = exchange.roster(query, row -> CsvWriting.rowUnchecked(csv,
                    () -> write(csv, fields(row), row.reservation().value(), check, encoding)));
        } catch (UncheckedIOException e) {
            csv.flush();
            throw e.getCause();
        }
        csv.flush();
        writer.flush();
        return rows;
    }

    private static String[] fields(RosterRow r) {
        Optional<Member> m = r.details();
        return new String[] {Long.toString(r.reservation().value()), DATE.format(r.examStart()),
            TIME.format(r.examStart()), r.venue().name(), r.institution(), r.household().value(), r.member().value(),
            m.map(x -> x.kana().value()).orElse(""), m.map(Member::name).orElse(""),
            m.map(x -> DATE.format(x.birthDate())).orElse(""), m.map(x -> x.sex() == Sex.M ? "男" : "女").orElse(""),
            r.phone().digits(), r.courseName(), String.join("、", r.optionNames()), r.choice().course().value(),
            r.choice().options().stream().map(OptionId::value).collect(Collectors.joining(" "))};
    }

    private static void write(CsvGenerator csv, String[] fields, long reservation, CharsetEncoder check,
            CsvEncoding encoding) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (!check.canEncode(fields[i])) {
                throw new CsvEncodingException(reservation, HEADER.get(i), unmappable(fields[i], check),
                        encoding.charset().name());
            }
        }
        CsvWriting.row(csv, fields);
    }

    private static int unmappable(String s, CharsetEncoder check) {
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            if (!check.canEncode(new String(Character.toChars(cp)))) {
                return cp;
            }
            i += Character.charCount(cp);
        }
        return s.isEmpty() ? 0 : s.codePointAt(0);
    }
}
