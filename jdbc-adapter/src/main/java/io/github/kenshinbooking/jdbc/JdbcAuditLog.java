package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditLog;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.household.MemberId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditLog} over the {@code kb_audit} table (AUDIT-1, AUDIT-2): it only inserts and selects;
 * no statement of this adapter updates or deletes an audit row (a test reads the sources to hold it
 * so). A page is one keyset query in time order, {@code (occurred_at, id)} after the previous page's
 * last entry, so streaming a period reads a bounded page at a time. Internal.
 */
final class JdbcAuditLog implements AuditLog {
    /** The columns of an appended record, in the order {@link #bind} sets them. */
    static final String INSERT_COLUMNS = "occurred_at, actor_kind, actor_id, actor_member, channel, action,"
            + " target_kind, target_id, before_summary, after_summary, reason";
    /** How many parameters {@link #bind} sets. */
    static final int INSERT_PARAMS = 11;
    private static final String SELECT = "SELECT id, " + INSERT_COLUMNS + " FROM kb_audit";

    private final Transactions tx;

    JdbcAuditLog(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void append(AuditRecord record) {
        requireNonNull(record, "record");
        tx.write("append audit record", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_audit (" + INSERT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(ps, 1, record);
                return ps.executeUpdate();
            }
        });
    }

    /** Sets the record's {@link #INSERT_PARAMS} columns from parameter {@code i} on; answers the next index. */
    static int bind(PreparedStatement ps, int i, AuditRecord r) throws SQLException {
        Jdbc.setInstant(ps, i, r.at());
        ps.setString(i + 1, r.actor().kind().name());
        ps.setString(i + 2, r.actor().id());
        Jdbc.setText(ps, i + 3, r.actor().member().map(MemberId::value).orElse(null));
        ps.setString(i + 4, r.channel().name());
        ps.setString(i + 5, r.action().name());
        ps.setString(i + 6, r.target().kind().name());
        ps.setString(i + 7, r.target().id());
        ps.setString(i + 8, r.before());
        ps.setString(i + 9, r.after());
        Jdbc.setText(ps, i + 10, r.reason().orElse(null));
        return i + INSERT_PARAMS;
    }

    @Override
    public List<AuditEntry> read(AuditQuery query, Optional<AuditEntry> after, int limit) {
        requireNonNull(query, "query");
        requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE);
        }
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE occurred_at >= ? AND occurred_at < ?");
        List<Binder> params = new ArrayList<>();
        params.add(ps -> Jdbc.setInstant(ps, 1, query.from()));
        params.add(ps -> Jdbc.setInstant(ps, 2, query.to()));
        if (query.actor().isPresent()) {
            AuditActor a = query.actor().get();
            sql.append(" AND actor_kind = ? AND actor_id = ?");
            param(params, a.kind().name());
            param(params, a.id());
            if (a.member().isPresent()) {
                sql.append(" AND actor_member = ?");
                param(params, a.member().get().value());
            }
        }
        if (query.action().isPresent()) {
            sql.append(" AND action = ?");
            param(params, query.action().get().name());
        }
        if (query.target().isPresent()) {
            sql.append(" AND target_kind = ? AND target_id = ?");
            param(params, query.target().get().kind().name());
            param(params, query.target().get().id());
        }
        if (after.isPresent()) {
            AuditEntry last = after.get();
            sql.append(" AND (occurred_at > ? OR (occurred_at = ? AND id > ?))");
            int at = params.size() + 1;
            params.add(ps -> Jdbc.setInstant(ps, at, last.record().at()));
            params.add(ps -> Jdbc.setInstant(ps, at + 1, last.record().at()));
            params.add(ps -> ps.setLong(at + 2, last.sequence()));
        }
        sql.append(" ORDER BY occurred_at, id").append(tx.dialect().limit());
        int limitIndex = params.size() + 1;
        params.add(ps -> ps.setInt(limitIndex, limit));
        String statement = sql.toString();
        return tx.read("read audit records", c -> {
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                for (Binder b : params) {
                    b.bind(ps);
                }
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    private static void param(List<Binder> params, String value) {
        int index = params.size() + 1;
        params.add(ps -> ps.setString(index, value));
    }

    private static AuditEntry map(ResultSet rs) throws SQLException {
        String member = rs.getString("actor_member");
        AuditActor actor = AuditActor.of(AuditActor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_id"),
                Optional.ofNullable(member).map(MemberId::of));
        AuditRecord r = new AuditRecord(Jdbc.getInstant(rs, "occurred_at"), actor,
                AuditChannel.valueOf(rs.getString("channel")), AuditAction.valueOf(rs.getString("action")),
                new AuditTarget(AuditTarget.Kind.valueOf(rs.getString("target_kind")), rs.getString("target_id")),
                rs.getString("before_summary"), rs.getString("after_summary"),
                Optional.ofNullable(rs.getString("reason")));
        return new AuditEntry(rs.getLong("id"), r);
    }
}
