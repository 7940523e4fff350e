package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.exchange.Anonymised;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.storage.RetentionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@link RetentionStore} over {@code kb_reservation}, {@code kb_idempotency_key}, {@code kb_account},
 * {@code kb_outbox}, {@code kb_waiting_entry} and {@code kb_audit}: pages by key, updates by id lists of bounded size. An anonymised reservation is
 * one whose member id starts with {@code #} ({@link Anonymised}); an emptied notification has an
 * empty recipient. Internal.
 */
final class JdbcRetentionStore implements RetentionStore {
    /** The most ids in one IN list. */
    private static final int MAX_IN = 500;

    /** A record that still holds details: {@code AuditRecord#hasDetails()} in SQL. */
    private static final String AUDIT_DETAILS = "(before_summary <> '' OR after_summary <> '' OR reason IS NOT NULL"
            + " OR (actor_kind = 'HOUSEHOLD' AND (actor_id <> '" + Anonymised.HOUSEHOLD.value()
            + "' OR actor_member IS NOT NULL)) OR (target_kind = 'HOUSEHOLD' AND target_id <> '"
            + Anonymised.HOUSEHOLD.value() + "'))";

    private final Transactions tx;

    JdbcRetentionStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<ReservationId> expiredReservations(FiscalYear lastPurged, long after, int limit) {
        requireNonNull(lastPurged, "lastPurged");
        String sql = "SELECT id FROM kb_reservation WHERE fiscal_year <= ? AND id > ? AND member_id NOT LIKE '"
                + Anonymised.MEMBER_PREFIX + "%' ORDER BY id" + tx.dialect().limit();
        return ids("find expired reservations", sql, ps -> {
            ps.setInt(1, lastPurged.startYear());
            ps.setLong(2, after);
            ps.setInt(3, positive(limit));
        }).stream().map(ReservationId::of).toList();
    }

    @Override
    public int anonymise(Collection<ReservationId> ids) {
        List<Long> values = distinct(ids.stream().map(ReservationId::value).toList());
        return tx.write("anonymise reservations", c -> {
            int n = 0;
            for (List<Long> chunk : chunks(values)) {
                String in = in(chunk.size());
                n += update(c, "UPDATE kb_reservation SET household = '" + Anonymised.HOUSEHOLD.value()
                        + "', member_id = CONCAT('" + Anonymised.MEMBER_PREFIX + "', id), phone = '"
                        + Anonymised.PHONE.digits() + "', staff_reason = CASE WHEN staff_reason IS NULL THEN NULL"
                        + " ELSE '' END WHERE id IN (" + in + ") AND member_id NOT LIKE '" + Anonymised.MEMBER_PREFIX
                        + "%'", chunk);
                update(c, "DELETE FROM kb_idempotency_key WHERE reservation_id IN (" + in + ")", chunk);
            }
            return n;
        });
    }

    @Override
    public List<SymbolNumber> dormantContacts(FiscalYear lastPurged, String after, int limit) {
        requireNonNull(lastPurged, "lastPurged");
        requireNonNull(after, "after");
        String sql = "SELECT a.household FROM kb_account a WHERE a.email IS NOT NULL AND a.household > ?"
                + " AND NOT EXISTS (SELECT 1 FROM kb_reservation r WHERE r.household = a.household"
                + " AND r.fiscal_year > ?) ORDER BY a.household" + tx.dialect().limit();
        return tx.read("find dormant contacts", c -> {
            List<SymbolNumber> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, after);
                ps.setInt(2, lastPurged.startYear());
                ps.setInt(3, positive(limit));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(SymbolNumber.of(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int eraseContacts(Collection<SymbolNumber> households) {
        List<String> values = distinct(households.stream().map(SymbolNumber::value).toList());
        return tx.write("erase contacts", c -> {
            int n = 0;
            for (List<String> chunk : chunks(values)) {
                n += update(c, "UPDATE kb_account SET email = NULL, email_key = NULL WHERE household IN ("
                        + in(chunk.size()) + ") AND email IS NOT NULL", chunk);
            }
            return n;
        });
    }

    @Override
    public List<Long> expiredNotifications(Instant before, long after, int limit) {
        requireNonNull(before, "before");
        String sql = "SELECT id FROM kb_outbox WHERE sent_at IS NOT NULL AND created_at < ? AND recipient <> ''"
                + " AND id > ? ORDER BY id" + tx.dialect().limit();
        return ids("find expired notifications", sql, ps -> {
            Jdbc.setInstant(ps, 1, before);
            ps.setLong(2, after);
            ps.setInt(3, positive(limit));
        });
    }

    @Override
    public int eraseNotifications(Collection<Long> ids) {
        List<Long> values = distinct(ids);
        return tx.write("erase notifications", c -> {
            int n = 0;
            for (List<Long> chunk : chunks(values)) {
                n += update(c, "UPDATE kb_outbox SET recipient = '', payload = '', last_error = NULL WHERE id IN ("
                        + in(chunk.size()) + ") AND recipient <> ''", chunk);
            }
            return n;
        });
    }

    @Override
    public List<WaitingEntryId> expiredWaitingEntries(FiscalYear lastPurged, long after, int limit) {
        requireNonNull(lastPurged, "lastPurged");
        String sql = "SELECT id FROM kb_waiting_entry WHERE fiscal_year <= ? AND id > ? AND member_id NOT LIKE '"
                + Anonymised.MEMBER_PREFIX + "%' ORDER BY id" + tx.dialect().limit();
        return ids("find expired waiting entries", sql, ps -> {
            ps.setInt(1, lastPurged.startYear());
            ps.setLong(2, after);
            ps.setInt(3, positive(limit));
        }).stream().map(WaitingEntryId::of).toList();
    }

    @Override
    public int anonymiseWaitingEntries(Collection<WaitingEntryId> ids) {
        List<Long> values = distinct(ids.stream().map(WaitingEntryId::value).toList());
        return tx.write("anonymise waiting entries", c -> {
            int n = 0;
            for (List<Long> chunk : chunks(values)) {
                // the member "#w<id>" is unique, so the unique keys over member_id still hold
                n += update(c, "UPDATE kb_waiting_entry SET household = '" + Anonymised.HOUSEHOLD.value()
                        + "', member_id = CONCAT('" + Anonymised.MEMBER_PREFIX + "w', id), phone = '"
                        + Anonymised.PHONE.digits() + "' WHERE id IN (" + in(chunk.size()) + ") AND member_id NOT LIKE '"
                        + Anonymised.MEMBER_PREFIX + "%'", chunk);
            }
            return n;
        });
    }

    @Override
    public List<Long> expiredAuditRecords(Instant before, long after, int limit) {
        requireNonNull(before, "before");
        String sql = "SELECT id FROM kb_audit WHERE occurred_at < ? AND id > ? AND " + AUDIT_DETAILS + " ORDER BY id"
                + tx.dialect().limit();
        return ids("find expired audit details", sql, ps -> {
            Jdbc.setInstant(ps, 1, before);
            ps.setLong(2, after);
            ps.setInt(3, positive(limit));
        });
    }

    @Override
    public int eraseAuditDetails(Collection<Long> sequences) {
        List<Long> values = distinct(sequences);
        String household = Anonymised.HOUSEHOLD.value();
        return tx.write("erase audit details", c -> {
            int n = 0;
            for (List<Long> chunk : chunks(values)) {
                // the kinds are not assigned, so MariaDB's left-to-right SET sees them unchanged
                n += update(c, "UPDATE kb_audit SET before_summary = '', after_summary = '', reason = NULL,"
                        + " actor_id = CASE WHEN actor_kind = 'HOUSEHOLD' THEN '" + household + "' ELSE actor_id END,"
                        + " actor_member = NULL,"
                        + " target_id = CASE WHEN target_kind = 'HOUSEHOLD' THEN '" + household + "' ELSE target_id END"
                        + " WHERE id IN (" + in(chunk.size()) + ") AND " + AUDIT_DETAILS, chunk);
            }
            return n;
        });
    }

    /** The first column of a query's rows, as ids in the order answered. */
    private List<Long> ids(String what, String sql, Binder binder) {
        return tx.read(what, c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return limit;
    }

    private static <T> List<T> distinct(Collection<T> values) {
        requireNonNull(values, "values");
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX_IN) {
            out.add(values.subList(from, Math.min(values.size(), from + MAX_IN)));
        }
        return out;
    }

    private static String in(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static int update(Connection c, String sql, List<?> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            return ps.executeUpdate();
        }
    }
}
