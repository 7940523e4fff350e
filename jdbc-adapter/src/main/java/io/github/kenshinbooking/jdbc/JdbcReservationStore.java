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
import io.github.kenshinbooking.reservation.DuplicateReservationIdException;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.SlotId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * {@link ReservationStore} over the {@code reservation} table and the places of the slots in
 * {@code kb_slot_stripe} ({@link Places}). Capacity (SLOT-3) is a conditional update of one stripe,
 * never a read then a write; ONE-1 is the
 * unique constraint {@code uq_kb_reservation_live} on (member, live fiscal year, course family, CRS-1),
 * which cancelled rows
 * (live fiscal year NULL) do not hit. A refusal leaves the transaction to be rolled back by the unit
 * of work (on PostgreSQL a failed statement has aborted it anyway). The promised change and cancel
 * deadlines (CHG-1, CNL-1) are {@code change_deadline} and {@code cancel_deadline}, NULL for rows stored
 * before they were kept (V4). The places of a reservation's optional tests (OPT-2) are taken after the
 * slot's, in code order, by conditional updates of their stripes in {@code kb_slot_option}
 * ({@link OptionPlaces}); the reservation's course, family and tests are columns of its row (V7).
 * Internal.
 */
final class JdbcReservationStore implements ReservationStore {
    static final String LIVE_CONSTRAINT = "uq_kb_reservation_live";
    static final String COLUMNS = "id, household, member_id, slot_id, fiscal_year, status, phone,"
            + " terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at, change_deadline, cancel_deadline,"
            + " course, course_family, options";
    static final String INSERT_COLUMNS = "id, household, member_id, slot_id, fiscal_year, status,"
            + " live_fiscal_year, phone, terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at,"
            + " change_deadline, cancel_deadline, course, course_family, options";
    /** The parameters {@link #setRest} binds: fiscal_year .. options. */
    static final int REST_PARAMS = 15;

    private final Transactions tx;
    private final int stripes;
    private final JdbcReservationIds ids;

    JdbcReservationStore(Transactions tx, int stripes, JdbcReservationIds ids) {
        this.tx = tx;
        this.stripes = stripes;
        this.ids = ids;
    }

    @Override
    public Optional<Reservation> find(ReservationId id) {
        requireNonNull(id, "id");
        return tx.read("find reservation", c -> one(c, "SELECT " + COLUMNS + " FROM kb_reservation WHERE id = ?",
                ps -> ps.setLong(1, id.value())));
    }

    @Override
    public Optional<Reservation> findLive(MemberId member, FiscalYear fiscalYear, CourseFamily family) {
        requireNonNull(member, "member");
        requireNonNull(fiscalYear, "fiscalYear");
        requireNonNull(family, "family");
        return tx.read("find live reservation", c -> one(c, "SELECT " + COLUMNS
                + " FROM kb_reservation WHERE member_id = ? AND live_fiscal_year = ? AND course_family = ?", ps -> {
                    ps.setString(1, member.value());
                    ps.setInt(2, fiscalYear.startYear());
                    ps.setString(3, family.value());
                }));
    }

    @Override
    public List<Reservation> findByMember(MemberId member) {
        requireNonNull(member, "member");
        return tx.read("find reservations of member", c -> list(c,
                "SELECT " + COLUMNS + " FROM kb_reservation WHERE member_id = ? ORDER BY id",
                ps -> ps.setString(1, member.value())));
    }

    @Override
    public List<Reservation> findLiveBySlot(SlotId slot) {
        requireNonNull(slot, "slot");
        return tx.read("find reservations of slot", c -> list(c,
                "SELECT " + COLUMNS + " FROM kb_reservation WHERE slot_id = ? AND status = 'CONFIRMED' ORDER BY id",
                ps -> ps.setLong(1, slot.value())));
    }

    @Override
    public List<Reservation> findLiveOn(LocalDate examDate) {
        requireNonNull(examDate, "examDate");
        String cols = "r." + COLUMNS.replace(", ", ", r.");
        return tx.read("find reservations on date", c -> list(c,
                "SELECT " + cols + " FROM kb_reservation r JOIN kb_slot s ON s.id = r.slot_id"
                        + " WHERE s.exam_date = ? AND r.status = 'CONFIRMED' ORDER BY r.id",
                ps -> Jdbc.setDate(ps, 1, examDate)));
    }

    @Override
    public void insert(Reservation r) throws Refusal {
        requireNonNull(r, "reservation");
        if (!r.live()) {
            throw new IllegalArgumentException("insert takes a new live reservation");
        }
        checkText(r);
        tx.writeRefusing("insert reservation", c -> {
            try {
                if (!Places.take(c, tx.dialect(), r.slot().value(), stripes)) {
                    throw noPlace(c, r, true);
                }
                takeOptions(c, r, r.choice().options(), true);
                insertRow(c, r);
            } catch (SQLException e) {
                throw insertFailure(e, r, ids);
            }
            return null;
        });
    }

    /**
     * What a failed insert of a new reservation means: ONE-1 ({@code ALREADY_RESERVED_THIS_FISCAL_YEAR},
     * thrown) for the live constraint; for another unique key (the only other one the insert can hit is
     * the primary key) an id handed out twice, thrown after {@code ids} dropped the ids it holds; any
     * other error is returned for the caller to throw.
     */
    static SQLException insertFailure(SQLException e, Reservation r, JdbcReservationIds ids) throws Refusal {
        if (SqlErrors.isUniqueViolation(e, LIVE_CONSTRAINT)) {
            throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        }
        if (SqlErrors.isUniqueViolation(e, null)) {
            ids.drop(r.id());
            throw new DuplicateReservationIdException(r.id(), e);
        }
        return e;
    }

    @Override
    public void move(Reservation current, Reservation moved) throws Refusal {
        requireNonNull(current, "current");
        requireNonNull(moved, "moved");
        if (!current.id().equals(moved.id())) {
            throw new IllegalArgumentException("a move keeps the reservation id");
        }
        checkText(moved);
        tx.writeRefusing("move reservation", c -> {
            Stored stored = lockLive(c, current.id());
            if ((!moved.fiscalYear().equals(stored.fiscalYear) || !moved.choice().family().value().equals(stored.family))
                    && liveExists(c, moved.member(), moved.fiscalYear(), moved.choice().family())) {
                throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
            }
            long to = moved.slot().value();
            long from = stored.slot;
            if (from == to) {
                changeOptions(c, moved, stored.options);
            } else {
                // both slots' stripes in slot id order (each slot's own, then its tests' in code order), so
                // two opposite moves do not deadlock on them
                if (from < to) {
                    release(c, from, stored.options);
                }
                if (!Places.take(c, tx.dialect(), to, stripes)) {
                    throw noPlace(c, moved, false);
                }
                takeOptions(c, moved, moved.choice().options(), false);
                if (from >= to) {
                    release(c, from, stored.options);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_reservation SET slot_id = ?, fiscal_year = ?,"
                    + " status = ?, live_fiscal_year = ?, phone = ?, updated_at = ?, staff_id = ?, staff_reason = ?,"
                    + " staff_at = ?, change_deadline = ?, cancel_deadline = ?, course = ?, course_family = ?,"
                    + " options = ? WHERE id = ?")) {
                ps.setLong(1, to);
                ps.setInt(2, moved.fiscalYear().startYear());
                ps.setString(3, moved.status().name());
                if (moved.live()) {
                    ps.setInt(4, moved.fiscalYear().startYear());
                } else {
                    ps.setNull(4, java.sql.Types.INTEGER);
                }
                ps.setString(5, moved.phone().digits());
                Jdbc.setInstant(ps, 6, moved.updatedAt());
                setStaff(ps, 7, moved.staffAction());
                setPromised(ps, 10, moved);
                setChoice(ps, 12, moved);
                ps.setLong(15, moved.id().value());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (SqlErrors.isUniqueViolation(e, LIVE_CONSTRAINT)) {
                    throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public void cancel(Reservation current, Reservation cancelled) throws Refusal {
        requireNonNull(current, "current");
        requireNonNull(cancelled, "cancelled");
        if (!current.id().equals(cancelled.id())) {
            throw new IllegalArgumentException("a cancel keeps the reservation id");
        }
        checkText(cancelled);
        tx.writeRefusing("cancel reservation", c -> {
            String end = "status = 'CANCELLED', live_fiscal_year = NULL, updated_at = ?, staff_id = ?,"
                    + " staff_reason = ?, staff_at = ?";
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kb_reservation SET " + end + " WHERE id = ? AND status = 'CONFIRMED'")) {
                Jdbc.setInstant(ps, 1, cancelled.updatedAt());
                setStaff(ps, 2, cancelled.staffAction());
                ps.setLong(5, cancelled.id().value());
                if (ps.executeUpdate() == 0) {
                    throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
                }
            }
            long slot;
            SortedSet<OptionId> options;
            // the row is locked by the update above: its slot and tests cannot change before the commit
            try (PreparedStatement ps = c.prepareStatement("SELECT slot_id, options FROM kb_reservation WHERE id = ?")) {
                ps.setLong(1, cancelled.id().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    slot = rs.getLong(1);
                    options = options(rs.getString(2));
                }
            }
            release(c, slot, options);
            return null;
        });
    }

    // ---- internals --------------------------------------------------------------------------------

    static void checkText(Reservation r) {
        Jdbc.fits(r.termsVersion(), 200, "terms version");
        Jdbc.fits(options(r.choice()), 1000, "options");
    }

    /**
     * OPT-2: takes a place of each test in code order, after the slot's; a test without a place is
     * {@code OPTION_FULL} naming it, unless ONE-1 refuses first (when asked), as ORDER-1 answers.
     */
    private void takeOptions(Connection c, Reservation r, Set<OptionId> options, boolean checkLive)
            throws SQLException, Refusal {
        for (OptionId o : options) {
            if (!OptionPlaces.take(c, tx.dialect(), r.slot().value(), o)) {
                if (checkLive && liveExists(c, r.member(), r.fiscalYear(), r.choice().family())) {
                    throw Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
                }
                throw Refusal.onOption(ErrorCode.OPTION_FULL, o.value(), o.value());
            }
        }
    }

    /**
     * OPT-3, a change within the slot: takes the tests added and releases those dropped, in code order
     * (the order every booking and release locks them in).
     */
    private void changeOptions(Connection c, Reservation moved, Set<OptionId> held) throws SQLException, Refusal {
        SortedSet<OptionId> all = new TreeSet<>(held);
        all.addAll(moved.choice().options());
        for (OptionId o : all) {
            boolean keep = moved.choice().options().contains(o);
            if (keep && !held.contains(o)) {
                if (!OptionPlaces.take(c, tx.dialect(), moved.slot().value(), o)) {
                    throw Refusal.onOption(ErrorCode.OPTION_FULL, o.value(), o.value());
                }
            } else if (!keep) {
                OptionPlaces.release(c, tx.dialect(), moved.slot().value(), o);
            }
        }
    }

    /** Gives back the slot's place, then its tests' in code order. */
    private void release(Connection c, long slot, Set<OptionId> options) throws SQLException {
        Places.release(c, tx.dialect(), slot);
        for (OptionId o : options) {
            OptionPlaces.release(c, tx.dialect(), slot, OptionId.of(o.value()));
        }
    }

    /**
     * The {@code options} column of a reservation or waiting entry: its tests' codes, comma-separated, in code
     * order.
     */
    static String options(ExamChoice choice) {
        return String.join(",", choice.options().stream().map(OptionId::value).toList());
    }

    /** The tests of an {@code options} column, as {@link #options(ExamChoice)} wrote it. */
    static SortedSet<OptionId> options(String column) {
        SortedSet<OptionId> out = new TreeSet<>();
        if (column != null && !column.isEmpty()) {
            for (String code : column.split(",")) {
                out.add(OptionId.of(code));
            }
        }
        return out;
    }

    /** course, course_family, options from parameter {@code i} on (CRS-1, OPT-2). */
    private static void setChoice(PreparedStatement ps, int i, Reservation r) throws SQLException {
        ps.setString(i, r.choice().course().value());
        ps.setString(i + 1, r.choice().family().value());
        ps.setString(i + 2, options(r.choice()));
    }

    private static void insertRow(Connection c, Reservation r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_reservation (" + INSERT_COLUMNS
                + ") VALUES (?, ?, ?, ?, " + String.join(", ", java.util.Collections.nCopies(REST_PARAMS, "?")) + ")")) {
            ps.setLong(1, r.id().value());
            ps.setString(2, r.household().value());
            ps.setString(3, r.member().value());
            ps.setLong(4, r.slot().value());
            setRest(ps, 5, r);
            ps.executeUpdate();
        }
    }

    /**
     * fiscal_year .. cancel_deadline of a new live reservation, from parameter {@code i} on; answers
     * the next parameter index.
     */
    static int setRest(PreparedStatement ps, int i, Reservation r) throws SQLException {
        ps.setInt(i, r.fiscalYear().startYear());
        ps.setString(i + 1, ReservationStatus.CONFIRMED.name());
        ps.setInt(i + 2, r.fiscalYear().startYear());
        ps.setString(i + 3, r.phone().digits());
        ps.setString(i + 4, r.termsVersion());
        Jdbc.setInstant(ps, i + 5, r.bookedAt());
        Jdbc.setInstant(ps, i + 6, r.updatedAt());
        setStaff(ps, i + 7, r.staffAction());
        setPromised(ps, i + 10, r);
        setChoice(ps, i + 12, r);
        return i + REST_PARAMS;
    }

    /** change_deadline, cancel_deadline: the promised deadlines (CHG-1, CNL-1), NULL when not promised. */
    private static void setPromised(PreparedStatement ps, int i, Reservation r) throws SQLException {
        Jdbc.setInstant(ps, i, r.changeDeadline().orElse(null));
        Jdbc.setInstant(ps, i + 1, r.cancelDeadline().orElse(null));
    }

    private static void setStaff(PreparedStatement ps, int i, Optional<StaffAction> staff) throws SQLException {
        Jdbc.setText(ps, i, staff.map(s -> s.staff().value()).orElse(null));
        Jdbc.setText(ps, i + 1, staff.map(StaffAction::reason).orElse(null));
        Jdbc.setInstant(ps, i + 2, staff.map(StaffAction::at).orElse(null));
    }

    /**
     * Why a place could not be taken, in the order of the in-memory store: ONE-1 (when asked),
     * then {@code EVENT_CANCELLED}, then {@code SLOT_CLOSED}, then {@code SLOT_FULL}.
     */
    static Refusal noPlace(Connection c, Reservation r, boolean checkLive) throws SQLException {
        SlotId slot = r.slot();
        if (checkLive && liveExists(c, r.member(), r.fiscalYear(), r.choice().family())) {
            return Refusal.of(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT cancelled, closed FROM kb_slot WHERE id = ?")) {
            ps.setLong(1, slot.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no slot " + slot);
                }
                return Refusal.of(rs.getBoolean(1) ? ErrorCode.EVENT_CANCELLED
                        : rs.getBoolean(2) ? ErrorCode.SLOT_CLOSED : ErrorCode.SLOT_FULL);
            }
        }
    }

    private static boolean liveExists(Connection c, MemberId member, FiscalYear fy, CourseFamily family)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM kb_reservation WHERE member_id = ? AND live_fiscal_year = ? AND course_family = ?")) {
            ps.setString(1, member.value());
            ps.setInt(2, fy.startYear());
            ps.setString(3, family.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private record Stored(long slot, FiscalYear fiscalYear, String family, SortedSet<OptionId> options) {
    }

    /** Locks the reservation's row; {@code ALREADY_CANCELLED} unless it is live. */
    private static Stored lockLive(Connection c, ReservationId id) throws SQLException, Refusal {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT slot_id, fiscal_year, status, course_family, options FROM kb_reservation WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !ReservationStatus.CONFIRMED.name().equals(rs.getString("status"))) {
                    throw Refusal.of(ErrorCode.ALREADY_CANCELLED);
                }
                return new Stored(rs.getLong("slot_id"), FiscalYear.of(rs.getInt("fiscal_year")),
                        rs.getString("course_family"), options(rs.getString("options")));
            }
        }
    }

    private static Optional<Reservation> one(Connection c, String sql, Binder binder) throws SQLException {
        List<Reservation> l = list(c, sql, binder);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<Reservation> list(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<Reservation> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        }
    }

    private static Reservation map(ResultSet rs) throws SQLException {
        return map(rs, "");
    }

    /** The reservation in the columns named {@code prefix + column} (a join selects them with an alias). */
    static Reservation map(ResultSet rs, String p) throws SQLException {
        String staff = rs.getString(p + "staff_id");
        Optional<StaffAction> action = staff == null ? Optional.empty()
                : Optional.of(new StaffAction(new StaffId(staff), rs.getString(p + "staff_reason"),
                        Jdbc.getInstant(rs, p + "staff_at")));
        return new Reservation(ReservationId.of(rs.getLong(p + "id")), SymbolNumber.of(rs.getString(p + "household")),
                MemberId.of(rs.getString(p + "member_id")), SlotId.of(rs.getLong(p + "slot_id")),
                FiscalYear.of(rs.getInt(p + "fiscal_year")), ReservationStatus.valueOf(rs.getString(p + "status")),
                new PhoneNumber(rs.getString(p + "phone")), rs.getString(p + "terms_version"),
                Jdbc.getInstant(rs, p + "booked_at"), Jdbc.getInstant(rs, p + "updated_at"), action,
                Jdbc.getOptionalInstant(rs, p + "change_deadline"), Jdbc.getOptionalInstant(rs, p + "cancel_deadline"),
                new ExamChoice(CourseId.of(rs.getString(p + "course")), CourseFamily.of(rs.getString(p + "course_family")),
                        options(rs.getString(p + "options"))));
    }
}
