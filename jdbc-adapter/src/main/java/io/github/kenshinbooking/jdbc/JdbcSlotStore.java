package io.github.kenshinbooking.jdbc;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotEdit;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.SlotStore;
import io.github.kenshinbooking.schedule.Venue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** {@link SlotStore} over the {@code slot} table and its places in {@code kb_slot_stripe} ({@link Places}). Internal. */
final class JdbcSlotStore implements SlotStore {
    /** The names under which {@link #select} answers the slot's columns (after a prefix). */
    static final String COLUMNS =
            "id, venue, institution, exam_date, start_time, duration_seconds, capacity, reserved, reception_opens, cancelled,"
            + " closed, courses";
    /** The name under which {@link #select} answers the places of the slot's optional tests (OPT-2). */
    static final String OPTION_PLACES = "option_places";
    private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::date)
            .thenComparing(s -> s.venue().name()).thenComparing(Slot::start).thenComparing(s -> s.id().value());

    private final Transactions tx;
    private final int stripes;
    private final String selectList;

    JdbcSlotStore(Transactions tx, int stripes) {
        this.tx = tx;
        this.stripes = stripes;
        this.selectList = select("kb_slot", "", tx.dialect());
    }

    /**
     * The select list of the slot aliased {@code alias}, each column as {@code prefix + name}; the
     * reserved count is the sum of the slot's stripes ({@link Places}), its optional tests' places those
     * of theirs ({@link OptionPlaces}).
     */
    static String select(String alias, String prefix, Dialect dialect) {
        StringBuilder sb = new StringBuilder();
        for (String col : COLUMNS.split(",\\s*")) {
            sb.append(sb.length() == 0 ? "" : ", ")
                    .append(col.equals("reserved") ? Places.reservedOf(alias) : alias + "." + col)
                    .append(" AS ").append(prefix).append(col);
        }
        return sb.append(", ").append(OptionPlaces.placesOf(dialect, alias)).append(" AS ").append(prefix)
                .append(OPTION_PLACES).toString();
    }

    @Override
    public Slot add(SlotSpec spec) {
        requireNonNull(spec, "spec");
        Jdbc.fits(spec.venue().name(), 255, "venue name");
        Jdbc.fits(spec.institution(), 255, "institution");
        String courses = spec.courses().isEmpty() ? null
                : String.join(",", spec.courses().stream().map(CourseId::value).toList());
        Jdbc.fits(courses == null ? "" : courses, 1000, "courses");
        String sql = "INSERT INTO kb_slot (venue, institution, exam_date, start_time, duration_seconds, capacity,"
                + " reception_opens, cancelled, courses) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, ?)";
        long id = tx.write("add slot", c -> {
            try (PreparedStatement ps = tx.dialect() == Dialect.POSTGRESQL
                    ? c.prepareStatement(sql, new String[] {"id"})
                    : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, spec.venue().name());
                ps.setString(2, spec.institution());
                Jdbc.setDate(ps, 3, spec.date());
                Jdbc.setTime(ps, 4, spec.start());
                ps.setLong(5, spec.duration().getSeconds());
                ps.setInt(6, spec.capacity());
                Jdbc.setInstant(ps, 7, spec.receptionOpens());
                Jdbc.setText(ps, 8, courses);
                ps.executeUpdate();
                long slot;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no generated slot id");
                    }
                    slot = keys.getLong(1);
                }
                Places.create(c, slot, spec.capacity(), stripes);
                OptionPlaces.create(c, slot, spec.options(), stripes);
                return slot;
            }
        });
        return find(SlotId.of(id)).orElseThrow(() -> new IllegalStateException("slot " + id + " vanished"));
    }

    private static final int MAX_IN = 100;

    @Override
    public Optional<Slot> find(SlotId id) {
        requireNonNull(id, "id");
        return tx.read("find slot", c -> find(c, id.value()));
    }

    Optional<Slot> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + selectList + " FROM kb_slot WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Map<SlotId, Slot> findAll(Collection<SlotId> ids) {
        requireNonNull(ids, "ids");
        List<Long> distinct = ids.stream().map(SlotId::value).distinct().toList();
        Map<SlotId, Slot> out = new HashMap<>();
        // bounded IN lists: one statement for a history page, a few for anything larger
        for (int from = 0; from < distinct.size(); from += MAX_IN) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + MAX_IN));
            String sql = "SELECT " + selectList + " FROM kb_slot WHERE id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            List<Slot> found = tx.read("find slots by id", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    return list(ps);
                }
            });
            found.forEach(sl -> out.put(sl.id(), sl));
        }
        return out;
    }

    @Override
    public List<Slot> findBetween(Optional<Venue> venue, LocalDate from, LocalDate to) {
        requireNonNull(venue, "venue");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        String sql = "SELECT " + selectList + " FROM kb_slot WHERE exam_date >= ? AND exam_date < ?"
                + (venue.isPresent() ? " AND venue = ?" : "");
        List<Slot> out = tx.read("find slots", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.setDate(ps, 1, from);
                Jdbc.setDate(ps, 2, to);
                if (venue.isPresent()) {
                    ps.setString(3, venue.get().name());
                }
                return list(ps);
            }
        });
        // sorted here, not by ORDER BY: the database's collation need not order names as Java does
        out.sort(ORDER);
        return out;
    }

    @Override
    public List<Slot> cancelEventDay(Venue venue, LocalDate date) {
        requireNonNull(venue, "venue");
        requireNonNull(date, "date");
        List<Slot> out = tx.write("cancel event day", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kb_slot SET cancelled = TRUE WHERE venue = ? AND exam_date = ?")) {
                ps.setString(1, venue.name());
                Jdbc.setDate(ps, 2, date);
                if (ps.executeUpdate() == 0) {
                    return new ArrayList<Slot>();
                }
            }
            Places.closeEventDay(c, venue.name(), date);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + selectList + " FROM kb_slot WHERE venue = ? AND exam_date = ?")) {
                ps.setString(1, venue.name());
                Jdbc.setDate(ps, 2, date);
                return list(ps);
            }
        });
        out.sort(Comparator.comparing(Slot::start).thenComparing(s -> s.id().value()));
        return out;
    }

    @Override
    public Optional<Slot> changeCapacity(SlotId id, int capacity) throws Refusal {
        requireNonNull(id, "id");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        return tx.writeRefusing("change slot capacity", c -> Places.changeCapacity(c, tx.dialect(), id.value(),
                capacity, stripes) ? find(c, id.value()) : Optional.<Slot>empty());
    }

    @Override
    public Optional<Slot> setClosed(SlotId id, boolean closed) {
        requireNonNull(id, "id");
        return tx.write("close slot", c -> {
            if (find(c, id.value()).isEmpty()) {
                return Optional.<Slot>empty();
            }
            // the stripes first, as a booking takes them: a booking in flight finishes before the close
            Places.setBookable(c, id.value(), closed);
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_slot SET closed = ? WHERE id = ?")) {
                ps.setBoolean(1, closed);
                ps.setLong(2, id.value());
                ps.executeUpdate();
            }
            return find(c, id.value());
        });
    }

    @Override
    public Optional<Slot> edit(SlotId id, SlotEdit edit) throws Refusal {
        requireNonNull(id, "id");
        requireNonNull(edit, "edit");
        return tx.writeRefusing("edit slot", c -> {
            Boolean empty = Places.lockEmpty(c, tx.dialect(), id.value());
            if (empty == null) {
                return Optional.<Slot>empty();
            }
            if (!empty) {
                throw Refusal.onField(ErrorCode.SLOT_HAS_RESERVATIONS, Refusal.FIELD_SLOT, "live reservations hold it");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE kb_slot SET start_time = ?, duration_seconds = ?,"
                    + " reception_opens = ? WHERE id = ?")) {
                Jdbc.setTime(ps, 1, edit.start());
                ps.setLong(2, edit.duration().getSeconds());
                Jdbc.setInstant(ps, 3, edit.receptionOpens());
                ps.setLong(4, id.value());
                ps.executeUpdate();
            }
            return find(c, id.value());
        });
    }

    private static List<Slot> list(PreparedStatement ps) throws SQLException {
        List<Slot> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    static Slot map(ResultSet rs) throws SQLException {
        return map(rs, "");
    }

    /** The slot in the columns named {@code prefix + column} (a join selects them with an alias). */
    static Slot map(ResultSet rs, String p) throws SQLException {
        String courses = rs.getString(p + "courses");
        TreeSet<CourseId> offered = new TreeSet<>();
        if (courses != null && !courses.isEmpty()) {
            for (String code : courses.split(",")) {
                offered.add(CourseId.of(code));
            }
        }
        return new Slot(SlotId.of(rs.getLong(p + "id")), Venue.of(rs.getString(p + "venue")),
                rs.getString(p + "institution"), Jdbc.getDate(rs, p + "exam_date"), Jdbc.getTime(rs, p + "start_time"),
                Duration.ofSeconds(rs.getLong(p + "duration_seconds")), rs.getInt(p + "capacity"),
                Jdbc.getInstant(rs, p + "reception_opens"), rs.getInt(p + "reserved"), rs.getBoolean(p + "cancelled"),
                rs.getBoolean(p + "closed"), offered, OptionPlaces.parse(rs.getString(p + OPTION_PLACES)));
    }
}
