package io.github.kenshinbooking.csv;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.DataExchangeService;
import io.github.kenshinbooking.error.LineError;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.ImportRun;
import io.github.kenshinbooking.exchange.MemberRow;
import io.github.kenshinbooking.exchange.SlotRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The slot (DATA-2) and member (DATA-3) imports from CSV: a header row naming the columns (in any
 * order, by their Japanese or English name, see {@link #SLOT_COLUMNS} and {@link #MEMBER_COLUMNS}),
 * then one row per slot or member. UTF-8 by default (a byte order mark is tolerated), or another
 * charset such as Windows-31J. All rows or none: a file with a bad row writes nothing and answers
 * {@code IMPORT_INVALID} naming each bad field with the row's line in the file (the header is line
 * 1; a quoted field spanning lines counts every line). Streams: one row is read, checked and handed
 * on at a time. Stateless and thread-safe.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(path)) {
 *     ImportReport report = CsvImport.members(engine.exchange(), in);
 * } catch (Refusal r) {          // IMPORT_INVALID
 *     r.lineErrors().forEach(e -> System.out.println(messages.lineMessage(e)));
 * }
 * }</pre>
 */
public final class CsvImport {
    /**
     * The slot import's columns, each as its Japanese and English header; all required: 会場/venue,
     * 健診機関/institution, 受診日/date, 開始時刻/start, 所要時間(分)/duration, 定員/capacity,
     * 受付開始日時/receptionOpens.
     */
    public static final List<List<String>> SLOT_COLUMNS = List.of(List.of("会場", "venue"),
            List.of("健診機関", "institution"), List.of("受診日", "date"), List.of("開始時刻", "start"),
            List.of("所要時間(分)", "duration"), List.of("定員", "capacity"), List.of("受付開始日時", "receptionOpens"));
    /**
     * The member import's columns, each as its Japanese and English header; all required but
     * 資格喪失日: 記号番号/symbolNumber, 組合員番号/memberId, カナ氏名/kana, 漢字氏名/name,
     * 生年月日/birthDate, 性別/sex, 資格取得日/qualifiedFrom, 資格喪失日/qualifiedUntil, 代表者/representative.
     */
    public static final List<List<String>> MEMBER_COLUMNS = List.of(List.of("記号番号", "symbolNumber"),
            List.of("組合員番号", "memberId"), List.of("カナ氏名", "kana"), List.of("漢字氏名", "name"),
            List.of("生年月日", "birthDate"), List.of("性別", "sex"), List.of("資格取得日", "qualifiedFrom"),
            List.of("資格喪失日", "qualifiedUntil"), List.of("代表者", "representative"));
    private static final int QUALIFIED_UNTIL = 7;

    private CsvImport() {
    }

    /**
     * Imports slots from UTF-8 CSV.
     *
     * @param exchange the engine's data exchange
     * @param in the file; read to its end, not closed
     * @return what was added
     * @throws Refusal {@code IMPORT_INVALID} with the bad rows' lines (the header's problems on line 1)
     * @throws IOException if reading fails
     */
    public static ImportReport slots(DataExchangeService exchange, InputStream in) throws Refusal, IOException {
        return slots(exchange, in, StandardCharsets.UTF_8);
    }

    /**
     * Imports slots from CSV in the given charset.
     *
     * @param exchange the engine's data exchange
     * @param in the file; read to its end, not closed
     * @param charset the file's charset, e.g. {@code Charset.forName("windows-31j")}
     * @return what was added
     * @throws Refusal {@code IMPORT_INVALID} with the bad rows' lines (the header's problems on line 1)
     * @throws IOException if reading fails
     */
    public static ImportReport slots(DataExchangeService exchange, InputStream in, Charset charset)
            throws Refusal, IOException {
        requireNonNull(exchange, "exchange");
        return run(in, charset, SLOT_COLUMNS, -1, rows -> exchange.importSlots(map(rows, r -> new SlotRow(r.line,
                r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.problem))));
    }

    /**
     * Imports the union's eligibility list from UTF-8 CSV.
     *
     * @param exchange the engine's data exchange
     * @param in the file; read to its end, not closed
     * @return households added, changed and unchanged
     * @throws Refusal {@code IMPORT_INVALID} with the bad rows' lines (the header's problems on line 1)
     * @throws IOException if reading fails
     */
    public static ImportReport members(DataExchangeService exchange, InputStream in) throws Refusal, IOException {
        return members(exchange, in, StandardCharsets.UTF_8);
    }

    /**
     * Imports the union's eligibility list from CSV in the given charset.
     *
     * @param exchange the engine's data exchange
     * @param in the file; read to its end, not closed
     * @param charset the file's charset, e.g. {@code Charset.forName("windows-31j")}
     * @return households added, changed and unchanged
     * @throws Refusal {@code IMPORT_INVALID} with the bad rows' lines (the header's problems on line 1)
     * @throws IOException if reading fails
     */
    public static ImportReport members(DataExchangeService exchange, InputStream in, Charset charset)
            throws Refusal, IOException {
        requireNonNull(exchange, "exchange");
        return run(in, charset, MEMBER_COLUMNS, QUALIFIED_UNTIL, rows -> exchange.importMembers(map(rows,
                r -> new MemberRow(r.line, r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6),
                        r.get(7), r.get(8), r.problem))));
    }

    /**
     * Imports slots from CSV in the given charset by a staff member (STAFF-4, audited), or checks them in a
     * dry run that writes nothing ({@link ImportRun#dryRun}).
     *
     * @param exchange the engine's data exchange
     * @param in the file; read to its end, not closed
     * @param charset the file's charset
     * @param run who, why, and whether it is a dry run
     * @return what was (or would be) added
     * @throws Refusal {@code IMPORT_INVALID} with the bad rows' lines (the header's problems on line 1);
     *     {@code INVALID_INPUT} for a blank reason
     * @throws IOException if reading fails
     */
    public static ImportReport slots(DataExchangeService exchange, InputStream in, Charset charset, ImportRun run)
            throws Refusal, IOException {
        requireNonNull(exchange, "exchange");
        return run(in, charset, SLOT_COLUMNS, -1, rows -> exchange.importSlots(map(rows, r -> new SlotRow(r.line,
                r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6), r.problem)), run));
    }

    /**
     * Imports the union's eligibility list from CSV in the given charset by a staff member (STAFF-4,
     * audited), or checks it in a dry run that writes nothing ({@link ImportRun#dryRun}).
     *
     * @param exchange the engine's data exchange
     * @param in the file; read to its end, not closed
     * @param charset the file's charset
     * @param run who, why, and whether it is a dry run
     * @return households (that would be) added, changed and unchanged
     * @throws Refusal {@code IMPORT_INVALID} with the bad rows' lines (the header's problems on line 1);
     *     {@code INVALID_INPUT} for a blank reason
     * @throws IOException if reading fails
     */
    public static ImportReport members(DataExchangeService exchange, InputStream in, Charset charset, ImportRun run)
            throws Refusal, IOException {
        requireNonNull(exchange, "exchange");
        return run(in, charset, MEMBER_COLUMNS, QUALIFIED_UNTIL, rows -> exchange.importMembers(map(rows,
                r -> new MemberRow(r.line, r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), r.get(6),
                        r.get(7), r.get(8), r.problem)), run));
    }

    /** An import over the file's rows. */
    @FunctionalInterface
    private interface Import {
        ImportReport run(Iterator<Row> rows) throws Refusal;
    }

    private static ImportReport run(InputStream in, Charset charset, List<List<String>> columns, int optional,
            Import work) throws Refusal, IOException {
        requireNonNull(in, "in");
        requireNonNull(charset, "charset");
        CsvRecords records = CsvRecords.open(in, charset);
        try {
            int[] index = header(records.next(), columns, optional);
            return work.run(new Rows(records, index));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** For each column, its position in the file, or -1 for an absent optional column. */
    private static int[] header(CsvRecords.Record header, List<List<String>> columns, int optional) throws Refusal {
        if (header == null) {
            throw Refusal.importInvalid(List.of(new LineError(1, Refusal.FIELD_HEADER, "the header row is missing")), 1);
        }
        if (header.problem().isPresent()) {
            throw Refusal.importInvalid(List.of(new LineError(header.line(), Refusal.FIELD_HEADER,
                    header.problem().get())), 1);
        }
        Map<String, Integer> byName = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            for (String name : columns.get(c)) {
                byName.put(name.toLowerCase(Locale.ROOT), c);
            }
        }
        int[] index = new int[columns.size()];
        Arrays.fill(index, -1);
        List<LineError> errors = new ArrayList<>();
        List<String> fields = header.fields();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip();
            Integer c = byName.get(name.toLowerCase(Locale.ROOT));
            if (c == null) {
                errors.add(new LineError(header.line(), Refusal.FIELD_HEADER, "unknown column \"" + name + "\""));
            } else if (index[c] >= 0) {
                errors.add(new LineError(header.line(), Refusal.FIELD_HEADER, "column \"" + name + "\" twice"));
            } else {
                index[c] = i;
            }
        }
        for (int c = 0; c < columns.size(); c++) {
            if (index[c] < 0 && c != optional) {
                errors.add(new LineError(header.line(), Refusal.FIELD_HEADER, "missing column \""
                        + columns.get(c).get(0) + "\" (" + columns.get(c).get(1) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.importInvalid(errors, errors.size());
        }
        return index;
    }

    private static <T> Iterator<T> map(Iterator<Row> rows, Function<Row, T> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public T next() {
                return f.apply(rows.next());
            }
        };
    }

    /** A data row by column, with the header's width checked. */
    private static final class Row {
        final long line;
        final String[] values;
        final Optional<String> problem;

        Row(long line, String[] values, Optional<String> problem) {
            this.line = line;
            this.values = values;
            this.problem = problem;
        }

        String get(int column) {
            return values[column];
        }
    }

    /** The data rows after the header. */
    private static final class Rows implements Iterator<Row> {
        private final CsvRecords records;
        private final int[] index;
        private final int width;
        private CsvRecords.Record next;

        Rows(CsvRecords records, int[] index) {
            this.records = records;
            this.index = index;
            int w = 0;
            for (int i : index) {
                w = Math.max(w, i + 1);
            }
            this.width = w;
            this.next = records.next();
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Row next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            CsvRecords.Record r = next;
            next = records.next();
            Optional<String> problem = r.problem();
            List<String> fields = r.fields();
            if (problem.isEmpty() && fields.size() > width
                    && fields.subList(width, fields.size()).stream().anyMatch(s -> !s.isBlank())) {
                problem = Optional.of(fields.size() + " columns, the header has " + width);
            }
            String[] values = new String[index.length];
            for (int c = 0; c < index.length; c++) {
                values[c] = index[c] >= 0 && index[c] < fields.size() ? fields.get(index[c]) : null;
            }
            return new Row(r.line(), values, problem);
        }
    }
}
