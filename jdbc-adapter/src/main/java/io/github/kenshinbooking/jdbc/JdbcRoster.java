package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.exchange.RosterEntry;
import io.github.kenshinbooking.exchange.RosterQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The roster's read (DATA-1): one query over reservations and their slots, read through a
 * forward-only cursor so that rows arrive as the action takes them, never all at once. The drivers
 * need help to stream: PostgreSQL streams with a fetch size only inside a transaction (auto-commit
 * off), MariaDB Connector/J streams with any positive fetch size (and then the connection runs no
 * other statement until the cursor is closed: the action reads the member records on another one).
 * Internal.
 */
final class JdbcRoster {
    /** Rows the driver fetches per round trip. */
    static final int FETCH_SIZE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcRoster.class);

    private final Transactions tx;
    private final String sqlAll;
    private final String sqlVenue;

    JdbcRoster(Transactions tx) {
        this.tx = tx;
        // the slots' reserved counts in one aggregate, not one subquery per row
        String slot = Arrays.stream(JdbcSlotStore.COLUMNS.split(",\\s*"))
                .map(c -> (c.equals("reserved") ? "COALESCE(st.reserved, 0)" : "s." + c) + " AS s_" + c)
                .collect(Collectors.joining(", "))
                + ", " + OptionPlaces.placesOf(tx.dialect(), "s") + " AS s_" + JdbcSlotStore.OPTION_PLACES;
        String select = "SELECT " + slot + ", "
                + Arrays.stream(JdbcReservationStore.COLUMNS.split(",\\s*")).map(c -> "r." + c + " AS r_" + c)
                        .collect(Collectors.joining(", "))
                + " FROM kb_reservation r JOIN kb_slot s ON s.id = r.slot_id"
                + " LEFT JOIN (SELECT slot_id, SUM(reserved) AS reserved FROM kb_slot_stripe GROUP BY slot_id) st"
                + " ON st.slot_id = s.id"
                + " WHERE r.status = 'CONFIRMED' AND s.exam_date >= ? AND s.exam_date < ?";
        String order = " ORDER BY s.exam_date, s.venue, s.start_time, s.id, r.id";
        this.sqlAll = select + order;
        this.sqlVenue = select + " AND s.venue = ?" + order;
    }

    void forEachLive(RosterQuery query, Consumer<RosterEntry> action) {
        if (tx.inUnitOfWork()) {
            tx.read("read roster", c -> {
                stream(c, query, action);
                return null;
            });
            return;
        }
        try (Connection c = tx.dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            boolean transaction = tx.dialect() == Dialect.POSTGRESQL && autoCommit;
            if (transaction) {
                c.setAutoCommit(false);
            }
            try {
                stream(c, query, action);
            } finally {
                if (transaction) {
                    end(c);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate("read roster", e);
        }
    }

    private void stream(Connection c, RosterQuery query, Consumer<RosterEntry> action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query.venue().isPresent() ? sqlVenue : sqlAll,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            Jdbc.setDate(ps, 1, query.from());
            Jdbc.setDate(ps, 2, query.to());
            if (query.venue().isPresent()) {
                ps.setString(3, query.venue().get().name());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    action.accept(new RosterEntry(JdbcReservationStore.map(rs, "r_"), JdbcSlotStore.map(rs, "s_")));
                }
            }
        }
    }

    /** Ends the read-only transaction and hands the connection back in auto-commit, as it came. */
    private static void end(Connection c) {
        try {
            if (!c.isClosed()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("could not end the roster's read transaction", e);
        }
    }
}
