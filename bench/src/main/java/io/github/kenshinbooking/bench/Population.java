package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * What the load driver books with: households of {@value #MEMBERS_PER_HOUSEHOLD} eligible members
 * in an in-memory directory (the directory is not what is measured), one account per household
 * with e-mail (so every booking writes its outbox row) and a cheap password hash, the spread slots
 * (200) and the hot slots (5 unless told otherwise), an engine over the given storage with a fixed
 * clock inside the reception window, and one logged-in session per household.
 */
final class Population {
    static final int MEMBERS_PER_HOUSEHOLD = 8;
    static final int SPREAD_SLOTS = 200;
    static final int HOT_SLOTS = 5;
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Inside every slot's reception window: opened 2024-01-09, closes 13 days before the exam. */
    static final Clock CLOCK = Clock.fixed(LocalDateTime.of(2024, 1, 10, 10, 0).atZone(TOKYO).toInstant(), TOKYO);
    static final String PASSWORD = "sakura2024";
    static final String KANA = "ｹﾝｾﾂ ﾀﾛｳ";
    static final String PHONE = "090-1234-5678";
    static final String PHONE_DIGITS = "09012345678";
    /** The first day of the fiscal year the bench books in (FY2023); the history lies before it. */
    static final LocalDate FISCAL_YEAR_START = LocalDate.of(2023, 4, 1);

    /** One bookable person: household, member, and the household's session. */
    record Person(String household, MemberId member, HouseholdSession session) {
    }

    final KenshinBooking engine;
    final JdbcStorage storage;
    final InMemoryHouseholdDirectory directory;
    final List<Person> people;
    final List<Slot> spread = new ArrayList<>();
    final List<Slot> hot = new ArrayList<>();
    /** A booking mail's payload of typical size, for the raw loops' outbox rows. */
    final String outboxPayload;
    final String termsVersion;

    private Population(KenshinBooking engine, JdbcStorage storage, InMemoryHouseholdDirectory directory,
            List<Person> people, String payload) {
        this.engine = engine;
        this.storage = storage;
        this.directory = directory;
        this.people = people;
        this.outboxPayload = payload;
        this.termsVersion = engine.policy().termsVersion();
    }

    /**
     * Loads {@code households} households, their accounts and the slots, and logs every household
     * in once with {@code loginThreads} threads.
     */
    static Population load(DataSource dataSource, int households, int spreadCapacity, int hotSlots,
            int hotCapacity, int loginThreads) throws Exception {
        return load(dataSource, households, spreadCapacity, hotSlots, hotCapacity, loginThreads, CourseCatalog.none());
    }

    /** As {@link #load(DataSource, int, int, int, int, int)}, the engine knowing the union's courses and tests. */
    static Population load(DataSource dataSource, int households, int spreadCapacity, int hotSlots,
            int hotCapacity, int loginThreads, CourseCatalog courses) throws Exception {
        JdbcStorage storage = JdbcStorage.create(dataSource);
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1_000);
        InMemoryHouseholdDirectory dir = new InMemoryHouseholdDirectory();
        List<String> symbols = new ArrayList<>(households);
        for (int h = 0; h < households; h++) {
            String symbol = Integer.toString(1_000_000 + h);
            symbols.add(symbol);
            List<Member> members = new ArrayList<>(MEMBERS_PER_HOUSEHOLD);
            for (int m = 0; m < MEMBERS_PER_HOUSEHOLD; m++) {
                // born 1950..1983: 40..74 in FY2023 and under 75 on the exam dates (ELIG-2)
                members.add(new Member(MemberId.of(symbol + "-" + m), KanaName.of(m == 0 ? KANA : "ｹﾝｾﾂ ﾊﾅｺ"),
                        m == 0 ? "建設 太郎" : "建設 花子", LocalDate.of(1950 + (h + m) % 34, 1 + m, 10),
                        m == 0 ? Sex.M : Sex.F, LocalDate.of(1990, 4, 1), Optional.empty(), m == 0));
            }
            dir.put(Household.of(SymbolNumber.of(symbol), members));
        }
        // one hash for every household: login is not what is measured, and PBKDF2 per household would
        // dominate the set-up time
        insertAccounts(dataSource, symbols, hasher.hash(PASSWORD));
        KenshinBooking engine = KenshinBooking.builder().storage(storage).directory(dir).passwordHasher(hasher)
                .courses(courses).clock(CLOCK).build();
        Population p = new Population(engine, storage, dir, login(engine, dir, symbols, loginThreads), payload());
        p.addSlots(spreadCapacity, hotSlots, hotCapacity);
        return p;
    }

    private static void insertAccounts(DataSource ds, List<String> symbols, PasswordHash hash) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO kb_account (household, password_hash, email, email_key) VALUES (?, ?, ?, ?)")) {
                int n = 0;
                for (String s : symbols) {
                    String email = "h" + s + "@example.jp";
                    ps.setString(1, s);
                    ps.setString(2, hash.encoded());
                    ps.setString(3, email);
                    ps.setString(4, email);
                    ps.addBatch();
                    if (++n % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static List<Person> login(KenshinBooking engine, InMemoryHouseholdDirectory dir, List<String> symbols,
            int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<List<Person>>> parts = new ArrayList<>();
            AtomicInteger next = new AtomicInteger();
            for (int t = 0; t < Math.max(1, threads); t++) {
                parts.add(pool.submit(() -> {
                    List<Person> out = new ArrayList<>();
                    for (int i = next.getAndIncrement(); i < symbols.size(); i = next.getAndIncrement()) {
                        String s = symbols.get(i);
                        HouseholdSession session = engine.logins().login(s, KANA, PASSWORD).session();
                        for (Member m : dir.find(SymbolNumber.of(s)).orElseThrow().members()) {
                            out.add(new Person(s, m.id(), session));
                        }
                    }
                    return out;
                }));
            }
            List<Person> all = new ArrayList<>(symbols.size() * MEMBERS_PER_HOUSEHOLD);
            for (Future<List<Person>> f : parts) {
                all.addAll(f.get());
            }
            // a fixed order, so every run hands the clients the same members
            all.sort((a, b) -> a.member().value().compareTo(b.member().value()));
            Collections.shuffle(all, new Random(42));
            return List.copyOf(all);
        } finally {
            pool.shutdown();
        }
    }

    private void addSlots(int spreadCapacity, int hotSlots, int hotCapacity) throws Refusal {
        var opens = LocalDateTime.of(2024, 1, 9, 0, 0).atZone(TOKYO).toInstant();
        int perVenue = SPREAD_SLOTS / 5;
        for (int v = 0; v < 5; v++) {
            Venue venue = Venue.of("会場" + (v + 1));
            for (int i = 0; i < perVenue; i++) {
                spread.add(engine.schedule().addSlot(new SlotSpec(venue, "ヘルスポートクリニック",
                        LocalDate.of(2024, 2, 19).plusDays(i / 8), LocalTime.of(9, 0).plusMinutes(30L * (i % 8)),
                        Duration.ofMinutes(30), spreadCapacity, opens)));
            }
        }
        Venue hotVenue = Venue.of("ミリカローデン那珂川");
        for (int i = 0; i < hotSlots; i++) {
            hot.add(engine.schedule().addSlot(new SlotSpec(hotVenue, "ヘルスポートクリニック", LocalDate.of(2024, 2, 20),
                    LocalTime.of(9, 0).plusMinutes(30L * (i % 16)), Duration.ofMinutes(30), hotCapacity, opens)));
        }
    }

    /**
     * Gives every member a reservation in each of the {@code years} fiscal years before FY2023
     * (1 in 20 cancelled), on 200 slots a year, as a union's database holds after some years: the
     * booking's reads then look up real index entries, and the planner sees tables of a realistic
     * size instead of the empty ones a fresh schema has. The rows take ids 1..n and the sequence is
     * moved past them; the slots' counters match their live rows.
     *
     * @return the number of rows loaded
     */
    long addHistory(DataSource ds, int years) throws SQLException {
        if (years <= 0) {
            return 0;
        }
        var opens = LocalDateTime.of(2000, 1, 1, 0, 0).atZone(TOKYO).toInstant();
        long rows = 0;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO kb_reservation (id, household, member_id,"
                    + " slot_id, fiscal_year, status, live_fiscal_year, phone, terms_version, booked_at, updated_at,"
                    + " change_deadline, cancel_deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int y = 1; y <= years; y++) {
                    int fy = FISCAL_YEAR_START.getYear() - y;
                    List<Slot> slots = new ArrayList<>(SPREAD_SLOTS);
                    for (int i = 0; i < SPREAD_SLOTS; i++) {
                        Venue venue = Venue.of("会場" + (i % 5 + 1));
                        slots.add(storage.slots().add(new SlotSpec(venue, "ヘルスポートクリニック",
                                LocalDate.of(fy, 6, 1).plusDays(i / 40), LocalTime.of(9, 0).plusMinutes(30L * (i % 8)),
                                Duration.ofMinutes(30), Math.max(1, people.size()), opens)));
                    }
                    LocalDateTime at = LocalDateTime.of(fy, 5, 1, 0, 0);
                    for (int j = 0; j < people.size(); j++) {
                        Person person = people.get(j);
                        boolean cancelled = j % 20 == 0;
                        ps.setLong(1, rows + 1);
                        ps.setString(2, person.household());
                        ps.setString(3, person.member().value());
                        Slot slot = slots.get(j % slots.size());
                        ps.setLong(4, slot.id().value());
                        ps.setInt(5, fy);
                        ps.setString(6, cancelled ? "CANCELLED" : "CONFIRMED");
                        if (cancelled) {
                            ps.setNull(7, java.sql.Types.INTEGER);
                        } else {
                            ps.setInt(7, fy);
                        }
                        ps.setString(8, PHONE_DIGITS);
                        ps.setString(9, termsVersion);
                        ps.setObject(10, at);
                        ps.setObject(11, at);
                        // promised at booking under the engine's policy (CHG-1, CNL-1), stored in UTC
                        ps.setObject(12, LocalDateTime.ofInstant(
                                engine.deadlines().deadline(DeadlineKind.CHANGE, slot.date()), ZoneOffset.UTC));
                        ps.setObject(13, LocalDateTime.ofInstant(
                                engine.deadlines().deadline(DeadlineKind.CANCEL, slot.date()), ZoneOffset.UTC));
                        ps.addBatch();
                        if (++rows % 1_000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
                ps.executeBatch();
            }
            try (Statement st = c.createStatement()) {
                // Galera refuses a sequence change that does not restate the sequence's INCREMENT BY 0
                st.execute("ALTER SEQUENCE kb_reservation_id_seq "
                        + (storage.dialect() == Dialect.MARIADB ? "INCREMENT BY 0 " : "") + "RESTART WITH " + (rows + 1));
                // each stripe filled up to its share, in stripe order, with the slot's live rows
                st.executeUpdate("UPDATE kb_slot_stripe SET reserved = LEAST(capacity, GREATEST(0,"
                        + " (SELECT count(*) FROM kb_reservation r WHERE r.slot_id = kb_slot_stripe.slot_id"
                        + " AND r.status = 'CONFIRMED') - (SELECT COALESCE(SUM(p.capacity), 0) FROM kb_slot_stripe p"
                        + " WHERE p.slot_id = kb_slot_stripe.slot_id AND p.stripe < kb_slot_stripe.stripe)))"
                        + " WHERE slot_id IN (SELECT id FROM kb_slot WHERE exam_date < DATE '" + FISCAL_YEAR_START + "')");
            }
            c.commit();
            c.setAutoCommit(true);
        }
        return rows;
    }

    private static String payload() {
        return NotificationData.encode(Map.of(NotificationData.RESERVATION_ID, "123456",
                NotificationData.SYMBOL_NUMBER, "1000000", NotificationData.MEMBER_NAME, "建設 花子",
                NotificationData.VENUE, "会場1", NotificationData.INSTITUTION, "ヘルスポートクリニック",
                NotificationData.EXAM_DATE, "2024-02-19", NotificationData.START_TIME, "09:30",
                NotificationData.MINUTES, "30", NotificationData.CHANGE_DEADLINE, "2024-02-06T00:00",
                NotificationData.CANCEL_DEADLINE, "2024-02-17T00:00"));
    }
}
