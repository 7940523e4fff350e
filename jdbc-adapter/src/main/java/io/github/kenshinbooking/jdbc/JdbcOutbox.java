package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link NotificationOutbox} over the {@code outbox} table; the data map is one text column in
 * {@link NotificationData#encode} form. {@link #claimDue} leases rows in a transaction of its own
 * (or the caller's unit of work) with {@code FOR UPDATE SKIP LOCKED} where the database has it, so
 * relays on several instances take disjoint rows. Internal.
 */
final class JdbcOutbox implements NotificationOutbox {
    private static final String COLUMNS =
            "id, kind, recipient, dedupe_key, payload, created_at, attempts, next_attempt_at, sent_at, last_error";

    private final Transactions tx;

    JdbcOutbox(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public boolean add(Notification n, Instant at) {
        requireNonNull(n, "notification");
        requireNonNull(at, "at");
        checkText(n);
        String columns = "kind, recipient, dedupe_key, payload, created_at, attempts, next_attempt_at";
        Dialect d = tx.dialect();
        String sql = n.dedupeKey().isPresent() ? d.insertIgnore("kb_outbox", columns, 7)
                : "INSERT INTO kb_outbox (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
        return tx.write("add notification", c -> InsertIgnore.run(d, c, sql, ps -> {
            ps.setString(1, n.kind().name());
            ps.setString(2, n.recipient());
            Jdbc.setText(ps, 3, n.dedupeKey().orElse(null));
            ps.setString(4, NotificationData.encode(n.data()));
            Jdbc.setInstant(ps, 5, at);
            ps.setInt(6, 0);
            Jdbc.setInstant(ps, 7, at);
        }));
    }

    /** Rejects text the columns cannot hold, before anything is written. */
    static void checkText(Notification n) {
        Jdbc.fits(n.recipient(), 320, "recipient");
        n.dedupeKey().ifPresent(k -> Jdbc.fits(k, 200, "dedupe key"));
    }

    @Override
    public boolean withdrawUnsent(String dedupeKey) {
        requireNonNull(dedupeKey, "dedupeKey");
        if (dedupeKey.length() > 200) {
            return false; // longer than any stored key
        }
        return tx.write("withdraw notification", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM kb_outbox WHERE dedupe_key = ? AND sent_at IS NULL")) {
                ps.setString(1, dedupeKey);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<OutboxEntry> claimDue(Instant now, int max, Duration lease) {
        requireNonNull(now, "now");
        requireNonNull(lease, "lease");
        if (max <= 0) {
            return List.of();
        }
        Instant until = now.plus(lease);
        String select = "SELECT " + COLUMNS + " FROM kb_outbox WHERE sent_at IS NULL AND next_attempt_at <= ?"
                + " ORDER BY id" + tx.dialect().limit() + tx.dialect().forUpdateSkipLocked();
        return tx.write("claim due notifications", c -> {
            List<OutboxEntry> due;
            try (PreparedStatement ps = c.prepareStatement(select)) {
                Jdbc.setInstant(ps, 1, now);
                ps.setInt(2, max);
                due = list(ps);
            }
            List<OutboxEntry> claimed = new ArrayList<>(due.size());
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_outbox SET next_attempt_at = ?"
                    + " WHERE id = ? AND sent_at IS NULL AND next_attempt_at <= ?")) {
                for (OutboxEntry e : due) {
                    Jdbc.setInstant(ps, 1, until);
                    ps.setLong(2, e.id());
                    Jdbc.setInstant(ps, 3, now);
                    // the condition again: where rows are not skipped (H2), another relay may have taken it
                    if (ps.executeUpdate() == 1) {
                        claimed.add(new OutboxEntry(e.id(), e.notification(), e.createdAt(), e.attempts(),
                                Jdbc.stored(until), e.sentAt(), e.lastError()));
                    }
                }
            }
            return claimed;
        });
    }

    @Override
    public void markSent(long id, Instant at) {
        requireNonNull(at, "at");
        tx.write("mark notification sent", c -> {
            // HARD-2: the payload is kept without its secrets (the raw reset token)
            String payload = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM kb_outbox WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        payload = rs.getString(1);
                    }
                }
            }
            Map<String, String> data = NotificationData.decode(payload);
            boolean secret = data.keySet().removeAll(NotificationData.SECRETS);
            try (PreparedStatement ps = c.prepareStatement(secret
                    ? "UPDATE kb_outbox SET sent_at = ?, attempts = attempts + 1, payload = ? WHERE id = ?"
                    : "UPDATE kb_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ?")) {
                Jdbc.setInstant(ps, 1, at);
                if (secret) {
                    Jdbc.setText(ps, 2, NotificationData.encode(data));
                }
                ps.setLong(secret ? 3 : 2, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void markFailed(long id, Instant retryAt, String error) {
        requireNonNull(retryAt, "retryAt");
        tx.write("mark notification failed", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_outbox SET attempts = attempts + 1,"
                    + " next_attempt_at = ?, last_error = ? WHERE id = ? AND sent_at IS NULL")) {
                Jdbc.setInstant(ps, 1, retryAt);
                Jdbc.setText(ps, 2, error);
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean retryNow(long id, Instant now) {
        requireNonNull(now, "now");
        return tx.write("retry notification", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kb_outbox SET next_attempt_at = ? WHERE id = ? AND sent_at IS NULL")) {
                Jdbc.setInstant(ps, 1, now);
                ps.setLong(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<OutboxEntry> pending() {
        return tx.read("pending notifications", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM kb_outbox WHERE sent_at IS NULL ORDER BY id")) {
                return list(ps);
            }
        });
    }

    @Override
    public Optional<OutboxEntry> find(long id) {
        return tx.read("find notification", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM kb_outbox WHERE id = ?")) {
                ps.setLong(1, id);
                return list(ps).stream().findFirst();
            }
        });
    }

    private static List<OutboxEntry> list(PreparedStatement ps) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Notification n = new Notification(NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("recipient"), Optional.ofNullable(rs.getString("dedupe_key")),
                        NotificationData.decode(rs.getString("payload")));
                out.add(new OutboxEntry(rs.getLong("id"), n, Jdbc.getInstant(rs, "created_at"), rs.getInt("attempts"),
                        Jdbc.getInstant(rs, "next_attempt_at"), Jdbc.getOptionalInstant(rs, "sent_at"),
                        Optional.ofNullable(rs.getString("last_error"))));
            }
        }
        return out;
    }
}
