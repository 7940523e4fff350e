package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.reservation.WaitingListStore;
import io.github.kenshinbooking.reservation.WaitingState;
import io.github.kenshinbooking.schedule.SlotId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link WaitingListStore} over {@code kb_waiting_entry} and the slot's {@code waiting_places} pool.
 * WAIT-1's limits are unique constraints: (member, live slot) for one live entry per slot, and
 * (member, live fiscal year, live ordinal) for at most N live entries a year, the ordinal being one of
 * 1..N; a join inserts without an error on conflict (so it waits for a concurrent joiner's commit and
 * never aborts the caller's transaction) and tries the next free ordinal. Every step of an entry is an
 * update conditional on its state, every change of the pool an update conditional on its count, and a
 * place is taken from and given back to the slot's stripes as a booking does ({@link Places}).
 *
 * <p>An entry's course, family and tests are columns of its row (V10). A test's pool is the
 * {@code waiting_places} of its stripe 0 in {@code kb_slot_option} (V10); a hold or release of a test's
 * place locks that row first and then takes or gives back a stripe's place ({@link OptionPlaces}), so it
 * locks the test's stripes in stripe order, as a booking's lock of every stripe does. Internal.
 */
final class JdbcWaitingListStore implements WaitingListStore {
    private static final String COLUMNS = "id, household, member_id, slot_id, fiscal_year, phone, state, joined_at,"
            + " updated_at, held_until, reservation_id, course, course_family, options";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM kb_waiting_entry";

    private final Transactions tx;
    private final int stripes;

    JdbcWaitingListStore(Transactions tx, int stripes) {
        this.tx = tx;
        this.stripes = stripes;
    }

    @Override
    public Optional<WaitingEntry> join(SymbolNumber household, MemberId member, SlotId slot, FiscalYear fiscalYear,
            PhoneNumber phone, Instant at, ExamChoice choice, int maxLive) throws Refusal {
        requireNonNull(household, "household");
        requireNonNull(member, "member");
        requireNonNull(slot, "slot");
        requireNonNull(fiscalYear, "fiscalYear");
        requireNonNull(phone, "phone");
        requireNonNull(at, "at");
        requireNonNull(choice, "choice");
        Jdbc.fits(JdbcReservationStore.options(choice), 1000, "options");
        String insert = tx.dialect().insertIgnore("kb_waiting_entry", COLUMNS
                + ", live_slot_id, live_fiscal_year, live_ordinal", 17);
        return tx.writeRefusing("join waiting list", c -> {
            Set<Integer> used = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT live_slot_id, live_ordinal FROM kb_waiting_entry"
                    + " WHERE member_id = ? AND live_fiscal_year = ?")) {
                ps.setString(1, member.value());
                ps.setInt(2, fiscalYear.startYear());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(1) == slot.value()) {
                            return Optional.<WaitingEntry>empty();
                        }
                        used.add(rs.getInt(2));
                    }
                }
            }
            for (int ordinal = 1; ordinal <= maxLive && used.size() < maxLive; ordinal++) {
                if (used.contains(ordinal)) {
                    continue;
                }
                WaitingEntry e = WaitingEntry.joined(WaitingEntryId.of(nextId(c)), household, member, slot, fiscalYear,
                        phone, Jdbc.stored(at), choice);
                int o = ordinal;
                if (InsertIgnore.run(tx.dialect(), c, insert, ps -> {
                    int i = bind(ps, e);
                    ps.setLong(i, slot.value());
                    ps.setInt(i + 1, fiscalYear.startYear());
                    ps.setInt(i + 2, o);
                })) {
                    return Optional.of(e);
                }
                // a concurrent join committed this ordinal, or this slot
                if (liveOf(c, member, slot)) {
                    return Optional.<WaitingEntry>empty();
                }
                used.add(ordinal);
            }
            throw Refusal.of(ErrorCode.WAITLIST_LIMIT);
        });
    }

    @Override
    public Optional<WaitingEntry> find(WaitingEntryId id) {
        requireNonNull(id, "id");
        List<WaitingEntry> l = list("find waiting entry", SELECT + " WHERE id = ?", ps -> ps.setLong(1, id.value()));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<WaitingEntry> findByMember(MemberId member) {
        requireNonNull(member, "member");
        return list("find waiting entries by member", SELECT + " WHERE member_id = ? ORDER BY id",
                ps -> ps.setString(1, member.value()));
    }

    @Override
    public List<WaitingEntry> findLive(MemberId member, FiscalYear fiscalYear) {
        requireNonNull(member, "member");
        requireNonNull(fiscalYear, "fiscalYear");
        return list("find live waiting entries", SELECT + " WHERE member_id = ? AND live_fiscal_year = ? ORDER BY id",
                ps -> {
                    ps.setString(1, member.value());
                    ps.setInt(2, fiscalYear.startYear());
                });
    }

    @Override
    public List<WaitingEntry> findWaiting(SlotId slot) {
        requireNonNull(slot, "slot");
        return list("find waiting entries of a slot", SELECT + " WHERE slot_id = ? AND state = 'WAITING' ORDER BY joined_at, id",
                ps -> ps.setLong(1, slot.value()));
    }

    @Override
    public List<WaitingEntry> findEndedOffers(Instant now, int limit) {
        requireNonNull(now, "now");
        return list("find ended offers", SELECT + " WHERE state = 'OFFERED' AND held_until <= ? ORDER BY id LIMIT "
                + Math.max(1, limit), ps -> Jdbc.setInstant(ps, 1, now));
    }

    @Override
    public List<SlotId> slotsWithPooledPlaces() {
        return tx.read("find slots with pooled places", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM kb_slot WHERE waiting_places > 0"
                    + " UNION SELECT slot_id FROM kb_slot_option WHERE waiting_places > 0 ORDER BY 1");
                    ResultSet rs = ps.executeQuery()) {
                List<SlotId> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(SlotId.of(rs.getLong(1)));
                }
                return out;
            }
        });
    }

    @Override
    public int pooledPlaces(SlotId slot) {
        requireNonNull(slot, "slot");
        return tx.read("read pooled places", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT waiting_places FROM kb_slot WHERE id = ?")) {
                ps.setLong(1, slot.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    @Override
    public boolean update(WaitingEntry current, WaitingEntry next) {
        requireNonNull(current, "current");
        requireNonNull(next, "next");
        if (!current.id().equals(next.id())) {
            throw new IllegalArgumentException("an update keeps the entry's id");
        }
        // a live entry keeps its live columns; an ended one clears them (its unique keys are free again)
        String live = next.live() ? "" : ", live_slot_id = NULL, live_fiscal_year = NULL, live_ordinal = NULL";
        return tx.write("update waiting entry", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_waiting_entry SET state = ?, updated_at = ?,"
                    + " held_until = ?, reservation_id = ?" + live + " WHERE id = ? AND state = ?")) {
                ps.setString(1, next.state().name());
                Jdbc.setInstant(ps, 2, next.updatedAt());
                Jdbc.setInstant(ps, 3, next.heldUntil().orElse(null));
                if (next.reservation().isPresent()) {
                    ps.setLong(4, next.reservation().get().value());
                } else {
                    ps.setNull(4, Types.BIGINT);
                }
                ps.setLong(5, current.id().value());
                ps.setString(6, current.state().name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean holdPlace(SlotId slot) {
        requireNonNull(slot, "slot");
        return tx.write("hold a place for the waiting list", c -> {
            if (!Places.take(c, tx.dialect(), slot.value(), stripes)) {
                return false;
            }
            changePool(c, slot, "+ 1", "");
            return true;
        });
    }

    @Override
    public boolean claimPlace(SlotId slot) {
        requireNonNull(slot, "slot");
        return tx.write("claim a pooled place", c -> changePool(c, slot, "- 1", " AND waiting_places > 0"));
    }

    @Override
    public void returnPlace(SlotId slot) {
        requireNonNull(slot, "slot");
        tx.write("return a place to the pool", c -> changePool(c, slot, "+ 1", ""));
    }

    @Override
    public boolean releasePlace(SlotId slot) {
        requireNonNull(slot, "slot");
        return tx.write("release a pooled place", c -> {
            if (!changePool(c, slot, "- 1", " AND waiting_places > 0")) {
                return false;
            }
            Places.release(c, tx.dialect(), slot.value());
            return true;
        });
    }

    @Override
    public Map<OptionId, Integer> pooledOptionPlaces(SlotId slot) {
        requireNonNull(slot, "slot");
        return tx.read("read pooled test places", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT option_id, waiting_places FROM kb_slot_option"
                    + " WHERE slot_id = ? AND stripe = 0 AND waiting_places > 0")) {
                ps.setLong(1, slot.value());
                Map<OptionId, Integer> out = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(OptionId.of(rs.getString(1)), rs.getInt(2));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean holdOptionPlace(SlotId slot, OptionId option) {
        requireNonNull(slot, "slot");
        requireNonNull(option, "option");
        return tx.write("hold a test's place for the waiting list", c -> {
            if (!lockOptionPool(c, slot, option) || !OptionPlaces.take(c, tx.dialect(), slot.value(), option)) {
                return false;
            }
            changeOptionPool(c, slot, option, "+ 1", "");
            return true;
        });
    }

    @Override
    public boolean claimOptionPlace(SlotId slot, OptionId option) {
        requireNonNull(slot, "slot");
        requireNonNull(option, "option");
        return tx.write("claim a pooled test place", c -> {
            if (tx.dialect() == Dialect.MARIADB) {
                lockOptionPool(c, slot, option); // as changePool: the UPDATE then judges the current row
            }
            return changeOptionPool(c, slot, option, "- 1", " AND waiting_places > 0");
        });
    }

    @Override
    public void returnOptionPlace(SlotId slot, OptionId option) {
        requireNonNull(slot, "slot");
        requireNonNull(option, "option");
        tx.write("return a test place to the pool", c -> changeOptionPool(c, slot, option, "+ 1", ""));
    }

    @Override
    public boolean releaseOptionPlace(SlotId slot, OptionId option) {
        requireNonNull(slot, "slot");
        requireNonNull(option, "option");
        return tx.write("release a pooled test place", c -> {
            lockOptionPool(c, slot, option);
            if (!changeOptionPool(c, slot, option, "- 1", " AND waiting_places > 0")) {
                return false;
            }
            OptionPlaces.release(c, tx.dialect(), slot.value(), option);
            return true;
        });
    }

    // ---- internals --------------------------------------------------------------------------------

    private boolean changePool(Connection c, SlotId slot, String by, String condition) throws SQLException {
        if (!condition.isEmpty() && tx.dialect() == Dialect.MARIADB) {
            // InnoDB's UPDATE at READ COMMITTED judges a row another transaction holds by its last committed
            // version ("semi-consistent read") and may skip it although it matches once that commits: seen as a
            // pooled place nobody could claim. A locking read first makes the UPDATE judge the current row.
            try (PreparedStatement lock = c.prepareStatement("SELECT waiting_places FROM kb_slot WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, slot.value());
                lock.executeQuery().close();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE kb_slot SET waiting_places = waiting_places " + by
                + " WHERE id = ?" + condition)) {
            ps.setLong(1, slot.value());
            return ps.executeUpdate() == 1;
        }
    }

    /** Locks the row of the test's pool, its stripe 0; {@code false} if the slot does not offer the test. */
    private static boolean lockOptionPool(Connection c, SlotId slot, OptionId option) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT waiting_places FROM kb_slot_option"
                + " WHERE slot_id = ? AND option_id = ? AND stripe = 0 FOR UPDATE")) {
            ps.setLong(1, slot.value());
            ps.setString(2, option.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean changeOptionPool(Connection c, SlotId slot, OptionId option, String by, String condition)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kb_slot_option SET waiting_places = waiting_places "
                + by + " WHERE slot_id = ? AND option_id = ? AND stripe = 0" + condition)) {
            ps.setLong(1, slot.value());
            ps.setString(2, option.value());
            return ps.executeUpdate() == 1;
        }
    }

    private long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(tx.dialect().nextValue("kb_waiting_entry_id_seq"));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("sequence returned no value");
            }
            return rs.getLong(1);
        }
    }

    private static boolean liveOf(Connection c, MemberId member, SlotId slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM kb_waiting_entry WHERE member_id = ? AND live_slot_id = ?")) {
            ps.setString(1, member.value());
            ps.setLong(2, slot.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The columns of {@link #COLUMNS} from parameter 1; answers the next index. */
    private static int bind(PreparedStatement ps, WaitingEntry e) throws SQLException {
        ps.setLong(1, e.id().value());
        ps.setString(2, e.household().value());
        ps.setString(3, e.member().value());
        ps.setLong(4, e.slot().value());
        ps.setInt(5, e.fiscalYear().startYear());
        ps.setString(6, e.phone().digits());
        ps.setString(7, e.state().name());
        Jdbc.setInstant(ps, 8, e.joinedAt());
        Jdbc.setInstant(ps, 9, e.updatedAt());
        Jdbc.setInstant(ps, 10, e.heldUntil().orElse(null));
        if (e.reservation().isPresent()) {
            ps.setLong(11, e.reservation().get().value());
        } else {
            ps.setNull(11, Types.BIGINT);
        }
        ps.setString(12, e.choice().course().value());
        ps.setString(13, e.choice().family().value());
        ps.setString(14, JdbcReservationStore.options(e.choice()));
        return 15;
    }

    private List<WaitingEntry> list(String what, String sql, Binder binder) {
        return tx.read(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                List<WaitingEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
                return out;
            }
        });
    }

    private static WaitingEntry map(ResultSet rs) throws SQLException {
        long reservation = rs.getLong("reservation_id");
        Optional<ReservationId> r = rs.wasNull() ? Optional.empty() : Optional.of(ReservationId.of(reservation));
        return new WaitingEntry(WaitingEntryId.of(rs.getLong("id")), SymbolNumber.of(rs.getString("household")),
                MemberId.of(rs.getString("member_id")), SlotId.of(rs.getLong("slot_id")),
                FiscalYear.of(rs.getInt("fiscal_year")), new PhoneNumber(rs.getString("phone")),
                WaitingState.valueOf(rs.getString("state")), Jdbc.getInstant(rs, "joined_at"),
                Jdbc.getInstant(rs, "updated_at"), Jdbc.getOptionalInstant(rs, "held_until"), r,
                new ExamChoice(CourseId.of(rs.getString("course")), CourseFamily.of(rs.getString("course_family")),
                        JdbcReservationStore.options(rs.getString("options"))));
    }
}
