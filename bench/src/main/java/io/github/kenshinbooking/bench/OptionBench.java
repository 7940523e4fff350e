package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.bench.Population.Person;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * The option bottleneck (OPT-2): slots of many places whose optional test has few, booked one after the
 * other by every client at once, each booking asking for the test. On each slot the test's places go to
 * the first bookings, the rest are refused {@code OPTION_FULL} and the crowd moves on to the next slot.
 * Through the library (a booking with a test takes PostgreSQL's transaction path) and through a raw-JDBC
 * loop sending the library's statements ({@link RawBookers#sameSqlWithOption}, checked equal to what one
 * library booking sends), alternating run by run; the database is checked after every run: no slot or test
 * over capacity, each counter equal to the live rows holding it. See {@code bench/README.md}.
 *
 * <pre>
 * java -cp bench/target/kenshin-booking-bench.jar io.github.kenshinbooking.bench.OptionBench \
 *     [--jdbc-url URL] [--user U] [--password P] [--clients 16] [--seconds 10] [--repeat 1]
 *     [--option-slots 2000] [--slot-capacity 100] [--option-places 4] [--households 2000] [--pool 8]
 *     [--history-years 2] [--warmup 3] [--mechanism both|library|raw] [--keep-schema]
 * </pre>
 *
 * <p>Exit status 0 when every run verified and the raw loop sends the library's statements, 1 when not, 2 on
 * bad arguments.
 */
final class OptionBench {
    /** The optional test every booking asks for: no sex or age limit, so every bench member may take it. */
    static final OptionId OPTION = OptionId.of("GI-SCOPE");
    static final String OPTION_NAME = "胃内視鏡";
    static final String LIBRARY = "library";
    /** The raw-JDBC loop of the library's statements. */
    static final String RAW = "raw same-SQL";

    /** The command line, parsed. */
    record Options(String url, String user, String password, int clients, Duration duration, int repeat,
            int optionSlots, int slotCapacity, int optionPlaces, int households, int pool, int historyYears,
            Duration warmup, boolean keepSchema, List<String> mechanisms) {

        static Options parse(String[] args) {
            Map<String, String> v = new HashMap<>(Map.of("--jdbc-url", BenchDatabase.DEFAULT_URL, "--clients", "16",
                    "--seconds", "10", "--repeat", "1", "--option-slots", "2000", "--slot-capacity", "100",
                    "--option-places", "4", "--households", "2000", "--pool",
                    Integer.toString(Math.max(2, 4 * Runtime.getRuntime().availableProcessors())),
                    "--history-years", "2"));
            v.put("--warmup", "3");
            v.put("--mechanism", "both");
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--keep-schema")) {
                    keep = true;
                } else if (args[i].equals("--user") || args[i].equals("--password") || v.containsKey(args[i])) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("missing value after " + args[i]);
                    }
                    v.put(args[i], args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            Options o = new Options(v.get("--jdbc-url"), v.get("--user"), v.get("--password"),
                    Integer.parseInt(v.get("--clients")),
                    Duration.ofNanos(Math.round(Double.parseDouble(v.get("--seconds")) * 1e9)),
                    Integer.parseInt(v.get("--repeat")), Integer.parseInt(v.get("--option-slots")),
                    Integer.parseInt(v.get("--slot-capacity")), Integer.parseInt(v.get("--option-places")),
                    Integer.parseInt(v.get("--households")), Integer.parseInt(v.get("--pool")),
                    Integer.parseInt(v.get("--history-years")),
                    Duration.ofNanos(Math.round(Double.parseDouble(v.get("--warmup")) * 1e9)), keep,
                    switch (v.get("--mechanism")) {
                        case "both" -> List.of(LIBRARY, RAW);
                        case "library" -> List.of(LIBRARY);
                        case "raw" -> List.of(RAW);
                        default -> throw new IllegalArgumentException("--mechanism is both, library or raw");
                    });
            if (o.clients < 1 || o.repeat < 1 || o.optionSlots < 1 || o.slotCapacity < 1 || o.optionPlaces < 0
                    || o.households < 1 || o.pool < 1 || o.duration.isNegative() || o.duration.isZero()
                    || o.warmup.isNegative()) {
                throw new IllegalArgumentException("counts and --seconds must be positive (--option-places 0 or more)");
            }
            return o;
        }
    }

    /**
     * One timed run.
     *
     * @param mechanism    {@link #LIBRARY} or {@link #RAW}
     * @param seconds      wall time from the common start to the last client's last attempt
     * @param attempts     booking attempts completed: booked + refused + failed
     * @param booked       bookings committed, each holding the test
     * @param slotsSoldOut slots whose test the clients found full and left behind
     * @param latency      every attempt's latency in µs, pool wait included
     * @param deadlocks    deadlocks PostgreSQL detected in the database during the run (every session, so
     *                     also other users'), each rolled back and retried by the adapter; -1 elsewhere
     * @param check        the database afterwards
     */
    record Run(String mechanism, int round, double seconds, long attempts, long booked, long slotsSoldOut, Map<String, Long> refusals,
            Map<String, Long> errors, Histogram latency, boolean ranOutOfSlots, long deadlocks, Check check) {

        double perSecond(long n) {
            return n / seconds;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }

        boolean ok() {
            return check.ok() && errors.isEmpty();
        }
    }

    /**
     * The database after a run.
     *
     * @param overbookedSlots     slots with more live rows than places (SLOT-3)
     * @param slotMismatches      slots whose stripes' reserved sum is not their live rows
     * @param overbookedOptions   (slot, test) pairs with more live rows holding the test than its places (OPT-2)
     * @param optionMismatches    (slot, test) pairs whose stripes' reserved sum is not the live rows holding it
     * @param withoutOption       live rows of the run without the test: a booking took the slot but not its test
     * @param one1Violations      (member, fiscal year, family) with more than one live reservation (ONE-1)
     * @param liveRows            live reservations of the run
     * @param holders             live reservations holding the test
     * @param problems            what failed, in words; empty when all holds
     */
    record Check(long overbookedSlots, long slotMismatches, long overbookedOptions, long optionMismatches,
            long withoutOption, long one1Violations, long liveRows, long holders, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }

        String summary() {
            return (ok() ? "OK" : "FAILED: " + String.join("; ", problems)) + " (slots overbooked " + overbookedSlots
                    + ", slot counters != live rows " + slotMismatches + ", tests overbooked " + overbookedOptions
                    + ", test counters != live rows holding it " + optionMismatches + ", bookings without the test "
                    + withoutOption + ", ONE-1 violations " + one1Violations + ", live rows " + liveRows
                    + ", holding the test " + holders + ")";
        }
    }

    /** Everything measured; {@code rawSql} is what one booking of the raw loop sent, equal to the library's. */
    record Report(List<Run> runs, List<String> librarySql, List<String> rawSql, boolean sqlMatches) {
        boolean ok() {
            return sqlMatches && runs.stream().allMatch(Run::ok);
        }
    }

    private final Options options;
    private final PrintStream out;
    private BenchDatabase db;
    private Population population;
    private final List<Slot> slots = new ArrayList<>();
    private final Map<String, Booker> bookers = new HashMap<>();

    private OptionBench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: OptionBench [--jdbc-url URL] [--user U] [--password P] [--clients N]"
                    + " [--seconds N] [--repeat N] [--option-slots N] [--slot-capacity N] [--option-places N]"
                    + " [--households N] [--pool N] [--history-years N] [--warmup N] [--mechanism both|library|raw]"
                    + " [--keep-schema]");
            System.exit(2);
            return;
        }
        System.exit(run(o, System.out).ok() ? 0 : 1);
    }

    /** Runs the bench as the command line would, printing to {@code out}. */
    static Report run(Options o, PrintStream out) throws Exception {
        return new OptionBench(o, out).run();
    }

    private Report run() throws Exception {
        out.println("# kenshin-booking option bottleneck (OPT-2)");
        out.println("date:     " + java.time.Instant.now());
        out.println("machine:  " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        out.printf(Locale.ROOT, "options:  %d clients, %.1f s per run, %d run(s), %d slots of %d places whose test"
                + " %s (%s) has %d places, every booking asks for it; pool %d, %d households x %d members%n",
                options.clients, options.duration.toMillis() / 1000.0, options.repeat, options.optionSlots,
                options.slotCapacity, OPTION_NAME, OPTION.value(), options.optionPlaces, options.pool,
                options.households, Population.MEMBERS_PER_HOUSEHOLD);
        long t0 = System.nanoTime();
        db = BenchDatabase.open(options.url, options.user, options.password, "optbench", options.pool,
                options.keepSchema);
        try {
            out.println("database: " + db.serverVersion() + ", schema " + db.schema() + " (dropped at the end)");
            CourseCatalog catalog = CourseCatalog.builder().option(ExamOption.of(OPTION, OPTION_NAME)).build();
            population = Population.load(db.dataSource(), options.households, 1, 0, 1, options.pool, catalog);
            long history = population.addHistory(db.dataSource(), options.historyYears);
            addOptionSlots();
            out.printf(Locale.ROOT, "set-up:   %d members, %d option slots, %d history reservations: %.1f s%n",
                    population.people.size(), slots.size(), history, (System.nanoTime() - t0) / 1e9);
            bookers.put(LIBRARY, (person, slot) -> book(population.engine, person, slot));
            bookers.put(RAW, RawBookers.sameSqlWithOption(db.dataSource(), db.dialect(), population, OPTION.value()));
            List<List<String>> sql = captureSql();
            boolean same = sql.get(0).equals(sql.get(1));
            out.println();
            out.println("attempts/s = booked + refused + failed per second; booked/s = bookings committed with the"
                    + " test; OPTION_FULL/s = refusals because the test was full; slots/s = slots whose test sold"
                    + " out and the clients moved on. Library and raw runs alternate (library first in odd rounds,"
                    + " raw first in even ones), each from the same state");
            if (!options.warmup.isZero()) {
                for (String m : options.mechanisms) {
                    Run w = run(m, -1, options.warmup);
                    out.printf(Locale.ROOT, "warm-up %s %.0f attempts/s, %.0f booked/s (not reported)%n", m,
                            w.perSecond(w.attempts()), w.perSecond(w.booked()));
                }
            }
            List<Run> runs = new ArrayList<>();
            for (int round = 0; round < options.repeat; round++) {
                List<String> order = new ArrayList<>(options.mechanisms);
                if (round % 2 == 1) {
                    java.util.Collections.reverse(order);
                }
                for (String m : order) {
                    Run r = run(m, round, options.duration);
                    runs.add(r);
                    print(r);
                }
            }
            Report report = new Report(List.copyOf(runs), sql.get(0), sql.get(1), same);
            summary(runs);
            out.println();
            out.println("SQL of the raw loop = the library's: " + (same ? "yes" : "NO"));
            out.println("every run verified (no slot or test overbooked, counters = live rows, all or none,"
                    + " ONE-1, no errors): " + (runs.stream().allMatch(Run::ok) ? "yes" : "NO"));
            return report;
        } finally {
            db.close();
        }
    }

    private void addOptionSlots() throws Refusal {
        var opens = LocalDateTime.of(2024, 1, 9, 0, 0).atZone(Population.TOKYO).toInstant();
        for (int i = 0; i < options.optionSlots; i++) {
            // 16 half-hour slots a day from 2024-02-19 on: inside the reception window the clock is fixed in
            LocalDate date = LocalDate.of(2024, 2, 19).plusDays(i / 16 % 30);
            LocalTime start = LocalTime.of(9, 0).plusMinutes(30L * (i % 16));
            slots.add(population.engine.schedule().addSlot(new SlotSpec(Venue.of("オプション会場" + (i / 480 + 1)),
                    "ヘルスポートクリニック", date, start, Duration.ofMinutes(30), options.slotCapacity, opens)
                    .withOption(OPTION, options.optionPlaces)));
        }
    }

    /**
     * Books once through the library and once through the raw loop, each through a recording data source, and
     * shows the SQL of a booking with the test: {library's, raw loop's}.
     */
    private List<List<String>> captureSql() throws Exception {
        SqlCapture capture = new SqlCapture(db.dataSource());
        KenshinBooking recorded = KenshinBooking.builder().storage(JdbcStorage.create(capture.dataSource()))
                .directory(population.directory).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000))
                .courses(population.engine.courses()).clock(Population.CLOCK).build();
        capture.take();
        String refused = book(recorded, population.people.get(0), slots.get(0));
        List<String> sql = capture.take();
        if (refused != null) {
            throw new IllegalStateException("the SQL capture booking was refused: " + refused);
        }
        out.println("SQL of one booking with the test through the library (" + db.dialect()
                + ", recorded at the DataSource):");
        for (int i = 0; i < sql.size(); i++) {
            out.printf("  %d. %s%n", i + 1, sql.get(i));
        }
        // in another slot: a second booking of slot 0 would find the stripe the first took full (H2 tries it first)
        String rawRefused = RawBookers.sameSqlWithOption(capture.dataSource(), db.dialect(), population, OPTION.value())
                .book(population.people.get(1), slots.get(Math.min(1, slots.size() - 1)));
        List<String> raw = capture.take();
        if (rawRefused != null) {
            throw new IllegalStateException("the raw loop's SQL capture booking was refused: " + rawRefused);
        }
        boolean same = sql.equals(raw);
        out.println("raw same-SQL loop sends exactly these statements: " + (same ? "yes" : "NO"));
        if (!same) {
            raw.forEach(s -> out.println("  raw: " + s));
        }
        return List.of(sql, raw);
    }

    private static String book(KenshinBooking engine, Person person, Slot slot) {
        try {
            engine.bookings().book(person.session(), BookingRequest.of(person.member(), slot.id(), Population.PHONE,
                    true).withOptions(Set.of(OPTION)));
            return null;
        } catch (Refusal r) {
            return r.code().name();
        }
    }

    private Run run(String mechanism, int round, Duration duration) throws Exception {
        Booker booker = bookers.get(mechanism);
        reset();
        long deadlocksBefore = deadlocks();
        int n = options.clients;
        List<Person> people = population.people;
        int slice = people.size() / n;
        AtomicInteger current = new AtomicInteger();
        AtomicInteger soldOut = new AtomicInteger();
        long[] attempts = new long[n];
        long[] booked = new long[n];
        long[] lastEnd = new long[n];
        List<Map<String, Long>> refusals = new ArrayList<>();
        List<Map<String, Long>> errors = new ArrayList<>();
        List<Histogram> latencies = new ArrayList<>();
        long[] window = new long[2];
        CyclicBarrier start = new CyclicBarrier(n, () -> {
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
        });
        boolean[] ranOut = new boolean[1];
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            int id = t;
            Map<String, Long> refused = new TreeMap<>();
            Map<String, Long> failed = new TreeMap<>();
            Histogram h = new Histogram(3_600_000_000L, 3);
            refusals.add(refused);
            errors.add(failed);
            latencies.add(h);
            threads.add(new Thread(() -> {
                int next = id * slice;
                int end = next + slice;
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                long now = System.nanoTime();
                while (now < window[1] && next < end) {
                    int k = current.get();
                    if (k >= slots.size()) {
                        ranOut[0] = true;
                        break;
                    }
                    String r;
                    try {
                        r = booker.book(people.get(next), slots.get(k));
                    } catch (Exception e) {
                        r = "!" + e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    long done = System.nanoTime();
                    h.recordValue(Math.max(1, (done - now) / 1_000));
                    attempts[id]++;
                    if (r == null) {
                        booked[id]++;
                        next++; // a refused member booked nothing and may try again (ONE-1)
                    } else if (r.startsWith("!")) {
                        failed.merge(r.substring(1), 1L, Long::sum);
                    } else {
                        refused.merge(r, 1L, Long::sum);
                        if (r.equals("OPTION_FULL") && current.compareAndSet(k, k + 1)) {
                            soldOut.incrementAndGet();
                        }
                    }
                    lastEnd[id] = done;
                    now = done;
                }
            }, "option-client-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        long endNanos = window[0];
        for (long e : lastEnd) {
            endNanos = Math.max(endNanos, e);
        }
        Histogram all = new Histogram(3_600_000_000L, 3);
        latencies.forEach(all::add);
        Map<String, Long> refused = new TreeMap<>();
        refusals.forEach(m -> m.forEach((k, v) -> refused.merge(k, v, Long::sum)));
        Map<String, Long> failed = new TreeMap<>();
        errors.forEach(m -> m.forEach((k, v) -> failed.merge(k, v, Long::sum)));
        long bookedTotal = java.util.Arrays.stream(booked).sum();
        return new Run(mechanism, round, Math.max(1, endNanos - window[0]) / 1e9, java.util.Arrays.stream(attempts).sum(),
                bookedTotal, soldOut.get(), refused, failed, all, ranOut[0],
                deadlocksBefore < 0 ? -1 : deadlocks() - deadlocksBefore, check(bookedTotal));
    }

    private long deadlocks() throws SQLException {
        if (db.dialect() != Dialect.POSTGRESQL) {
            return -1;
        }
        // the statistics collector reports with a delay: a fresh snapshot, taken after the counters settle
        try (Connection c = db.unpooled(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Deletes the bookings of the fiscal year, empties the outbox, and sets every place of its slots free. */
    private void reset() throws SQLException {
        String fy = "DATE '" + Population.FISCAL_YEAR_START + "'";
        try (Connection c = db.unpooled(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM kb_reservation WHERE fiscal_year >= " + Population.FISCAL_YEAR_START.getYear());
            s.execute("DELETE FROM kb_outbox");
            s.execute("UPDATE kb_slot_stripe SET reserved = 0 WHERE slot_id IN (SELECT id FROM kb_slot WHERE exam_date >= "
                    + fy + ")");
            s.execute("UPDATE kb_slot_option SET reserved = 0 WHERE slot_id IN (SELECT id FROM kb_slot WHERE exam_date >= "
                    + fy + ")");
            if (db.dialect() == Dialect.POSTGRESQL) {
                s.execute("VACUUM ANALYZE kb_slot, kb_slot_stripe, kb_slot_option, kb_reservation, kb_outbox");
                s.execute("CHECKPOINT");
            }
        }
    }

    /** The database after a run, checked against SLOT-3, OPT-2 (all or none) and ONE-1. */
    private Check check(long bookedByClients) throws SQLException {
        DataSource ds = db.dataSource();
        int fy = Population.FISCAL_YEAR_START.getYear();
        List<String> problems = new ArrayList<>();
        long overbooked = Verification.count(ds, "SELECT count(*) FROM kb_slot s WHERE (SELECT count(*) FROM kb_reservation r"
                + " WHERE r.slot_id = s.id AND r.status = 'CONFIRMED') > s.capacity");
        long slotMismatches = Verification.count(ds, "SELECT count(*) FROM kb_slot s WHERE (SELECT count(*) FROM kb_reservation r"
                + " WHERE r.slot_id = s.id AND r.status = 'CONFIRMED') <> (SELECT COALESCE(SUM(st.reserved), 0)"
                + " FROM kb_slot_stripe st WHERE st.slot_id = s.id)");
        long one1 = Verification.count(ds, "SELECT count(*) FROM (SELECT member_id, fiscal_year, course_family FROM kb_reservation"
                + " WHERE status = 'CONFIRMED' GROUP BY member_id, fiscal_year, course_family HAVING count(*) > 1) x");
        long live = Verification.count(ds, "SELECT count(*) FROM kb_reservation WHERE status = 'CONFIRMED' AND fiscal_year >= " + fy);
        long outbox = Verification.count(ds, "SELECT count(*) FROM kb_outbox");
        // live rows holding each (slot, test), from the reservations' own list of tests
        Map<String, Long> holding = new HashMap<>();
        long without = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT slot_id, options FROM kb_reservation WHERE status = 'CONFIRMED'"
                        + " AND fiscal_year >= " + fy)) {
            while (rs.next()) {
                String tests = rs.getString(2);
                if (tests == null || tests.isEmpty()) {
                    without++;
                    continue;
                }
                for (String t : tests.split(",")) {
                    holding.merge(rs.getLong(1) + "/" + t, 1L, Long::sum);
                }
            }
        }
        long overbookedOptions = 0;
        long optionMismatches = 0;
        long seen = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT slot_id, option_id, SUM(capacity), SUM(reserved)"
                        + " FROM kb_slot_option GROUP BY slot_id, option_id")) {
            while (rs.next()) {
                String key = rs.getLong(1) + "/" + rs.getString(2);
                long holders = holding.getOrDefault(key, 0L);
                seen += holders;
                overbookedOptions += holders > rs.getLong(3) ? 1 : 0;
                optionMismatches += holders != rs.getLong(4) ? 1 : 0;
            }
        }
        long holders = holding.values().stream().mapToLong(Long::longValue).sum();
        add(problems, overbooked, "slot(s) overbooked");
        add(problems, slotMismatches, "slot(s) whose counter is not their live rows");
        add(problems, overbookedOptions, "test(s) overbooked");
        add(problems, optionMismatches, "test(s) whose counter is not the live rows holding it");
        add(problems, without, "booking(s) without the test they asked for");
        add(problems, one1, "ONE-1 violation(s)");
        add(problems, holders - seen, "reservation(s) holding a test their slot does not offer");
        if (live != bookedByClients) {
            problems.add(live + " live rows but the clients counted " + bookedByClients + " bookings");
        }
        if (outbox != bookedByClients) {
            problems.add(outbox + " outbox rows for " + bookedByClients + " bookings");
        }
        return new Check(overbooked, slotMismatches, overbookedOptions, optionMismatches, without, one1, live, holders,
                List.copyOf(problems));
    }

    /** The runs side by side, round by round: library against raw. */
    private void summary(List<Run> runs) {
        out.println();
        out.println("| round | mechanism | attempts/s | booked/s | OPTION_FULL/s | slots sold out/s | p50 ms | p99 ms"
                + " | deadlocks | verified |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Run r : runs) {
            out.printf(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.0f | %.1f | %.2f | %.2f | %s | %s |%n", r.round() + 1,
                    r.mechanism(), r.perSecond(r.attempts()), r.perSecond(r.booked()),
                    r.perSecond(r.refusals().getOrDefault("OPTION_FULL", 0L)), r.perSecond(r.slotsSoldOut()),
                    r.millis(50), r.millis(99), r.deadlocks() < 0 ? "-" : Long.toString(r.deadlocks()),
                    r.ok() ? "yes" : "NO");
        }
        if (options.mechanisms.size() == 2) {
            out.println();
            out.println("| round | library / raw booked/s | library / raw attempts/s |");
            out.println("|---:|---:|---:|");
            for (int round = 0; round < options.repeat; round++) {
                Run lib = null;
                Run raw = null;
                for (Run r : runs) {
                    if (r.round() == round) {
                        if (r.mechanism().equals(LIBRARY)) {
                            lib = r;
                        } else {
                            raw = r;
                        }
                    }
                }
                out.printf(Locale.ROOT, "| %d | %.2f | %.2f |%n", round + 1,
                        lib.perSecond(lib.booked()) / raw.perSecond(raw.booked()),
                        lib.perSecond(lib.attempts()) / raw.perSecond(raw.attempts()));
            }
        }
    }

    private static void add(List<String> problems, long n, String what) {
        if (n != 0) {
            problems.add(n + " " + what);
        }
    }

    private void print(Run r) {
        long full = r.refusals().getOrDefault("OPTION_FULL", 0L);
        out.printf(Locale.ROOT, "[run %d, %d clients, %s] %.1f s: %d attempts (%.0f/s), %d booked with the test"
                + " (%.0f/s), %d OPTION_FULL (%.0f/s), %d slots sold out (%.1f/s); latency ms p50 %.2f p95 %.2f"
                + " p99 %.2f max %.1f%n", r.round() + 1, options.clients, r.mechanism(), r.seconds(), r.attempts(),
                r.perSecond(r.attempts()), r.booked(), r.perSecond(r.booked()), full, r.perSecond(full),
                r.slotsSoldOut(), r.perSecond(r.slotsSoldOut()), r.millis(50), r.millis(95), r.millis(99),
                r.latency().getMaxValue() / 1000.0);
        out.println("    refusals " + r.refusals() + ", errors " + r.errors()
                + (r.deadlocks() < 0 ? "" : ", deadlocks detected in the database " + r.deadlocks())
                + (r.ranOutOfSlots() ? ", WARNING the clients ran out of slots before the end (raise --option-slots)"
                        : ""));
        out.println("    verify " + r.check().summary());
    }
}
