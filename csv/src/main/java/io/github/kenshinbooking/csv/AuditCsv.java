package io.github.kenshinbooking.csv;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditLog;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit trail (監査ログ, AUDIT-2) of a period as CSV, UTF-8 with a byte order mark: a header row ({@link #HEADER}),
 * then one row per record in the order it was appended, lines ending CRLF. Times are local to the given zone
 * ({@code 2024/06/16 09:00:00}). Streams through {@link AuditLog#forEach}: constant memory for any period. What a
 * record holds is already free of passwords, tokens and full phone numbers (AUDIT-1), so the file is too.
 * Stateless and thread-safe.
 *
 * <pre>{@code
 * AuditCsv.export(engine.storage().audit(), AuditQuery.period(from, to), engine.policy().zone(), out);
 * }</pre>
 */
public final class AuditCsv {
    /** The header row. */
    public static final List<String> HEADER = List.of("連番", "日時", "操作者種別", "操作者", "組合員番号", "経路", "操作",
            "対象種別", "対象", "変更前", "変更後", "理由");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

    private AuditCsv() {
    }

    /**
     * Writes the records the query accepts.
     *
     * @param log the audit log
     * @param query the period and filters
     * @param zone the zone of the times written (the union's)
     * @param out where to write; flushed, not closed
     * @return the rows written, the header not counted
     * @throws IOException if writing fails
     */
    public static long export(AuditLog log, AuditQuery query, ZoneId zone, OutputStream out) throws IOException {
        requireNonNull(log, "log");
        requireNonNull(query, "query");
        requireNonNull(zone, "zone");
        requireNonNull(out, "out");
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        CsvGenerator csv = CsvWriting.open(writer);
        CsvWriting.row(csv, HEADER.toArray(String[]::new));
        AtomicLong rows = new AtomicLong();
        try {
            log.forEach(query, entry -> CsvWriting.rowUnchecked(csv, () -> {
                CsvWriting.row(csv, fields(entry, zone));
                rows.incrementAndGet();
            }));
        } catch (UncheckedIOException e) {
            csv.flush();
            throw e.getCause();
        }
        csv.flush();
        writer.flush();
        return rows.get();
    }

    private static String[] fields(AuditEntry entry, ZoneId zone) {
        AuditRecord r = entry.record();
        String member = r.actor() instanceof AuditActor.Household h ? h.member().map(m -> m.value()).orElse("") : "";
        return new String[] {Long.toString(entry.sequence()), TIME.format(r.at().atZone(zone)), r.actor().kind().name(),
            r.actor().id(), member, r.channel().name(), r.action().name(), r.target().kind().name(), r.target().id(),
            r.before(), r.after(), r.reason().orElse("")};
    }
}
