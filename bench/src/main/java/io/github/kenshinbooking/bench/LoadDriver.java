package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.bench.Population.Person;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.schedule.Slot;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * The JDBC load driver: N client threads book first come, first served through the library's use
 * case on a database via HikariCP for a fixed time, in two shapes, against two raw-JDBC baselines
 * in the same run, and check the database after every run. See {@code bench/README.md}.
 *
 * <pre>
 * java -cp bench/target/kenshin-booking-bench.jar io.github.kenshinbooking.bench.LoadDriver \
 *     [--jdbc-url URL[,URL...]] [--user U] [--password P] [--clients 1,4,16,64] [--seconds N]
 *     [--shape spread|hot|both] [--mechanisms library,raw,lock] [--repeat N] [--pool N]
 *     [--households N] [--spread-capacity N] [--hot-slots N] [--hot-capacity N] [--history-years N] [--warmup N]
 *     [--no-sample] [--keep-schema]
 * </pre>
 *
 * Several URLs (each starting with {@code jdbc:}) are the nodes of one cluster (Galera): the schema is
 * made through the first, each node gets a pool, and client i books through node i mod nodes.
 *
 * <p>Exit status 0 when every run verified, 1 when one did not, 2 on bad arguments.
 */
public final class LoadDriver {
    /** The two load shapes. */
    enum Shape {
        /** 200 slots, each booking picks one at random. */
        SPREAD,
        /** 5 slots, everyone books one of them at once. */
        HOT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The command line, parsed. */
    record Options(String url, String user, String password, List<Integer> clients, Duration duration,
            List<Shape> shapes, List<Mechanism> mechanisms, int pool, int households, int spreadCapacity,
            int hotSlots, int hotCapacity, int historyYears, int repeat, Duration warmup, boolean sample,
            boolean keepSchema) {

        static Options parse(String[] args) {
            Parsing b = new Parsing();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--no-sample")) {
                    b.sample = false;
                    continue;
                }
                if (a.equals("--keep-schema")) {
                    b.keepSchema = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--jdbc-url" -> b.url = v;
                    case "--user" -> b.user = v;
                    case "--password" -> b.password = v;
                    case "--clients" -> b.clients = Arrays.stream(v.split(",")).map(String::trim).map(Integer::valueOf)
                            .collect(Collectors.toList());
                    case "--seconds" -> b.duration = seconds(v);
                    case "--warmup" -> b.warmup = seconds(v);
                    case "--shape" -> b.shapes = v.equals("both") ? List.of(Shape.values())
                            : List.of(Shape.valueOf(v.toUpperCase(Locale.ROOT)));
                    case "--mechanisms" -> b.mechanisms = Arrays.stream(v.split(",")).map(Mechanism::parse)
                            .collect(Collectors.toList());
                    case "--pool" -> b.pool = Integer.parseInt(v);
                    case "--households" -> b.households = Integer.parseInt(v);
                    case "--spread-capacity" -> b.spreadCapacity = Integer.parseInt(v);
                    case "--hot-slots" -> b.hotSlots = Integer.parseInt(v);
                    case "--hot-capacity" -> b.hotCapacity = Integer.parseInt(v);
                    case "--repeat" -> b.repeat = Integer.parseInt(v);
                    case "--history-years" -> b.historyYears = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (b.clients.isEmpty() || b.clients.stream().anyMatch(c -> c < 1)) {
                throw new IllegalArgumentException("--clients takes positive counts");
            }
            if (b.pool < 1 || b.households < 1 || b.hotSlots < 1 || b.repeat < 1 || b.duration.isNegative()
                    || b.duration.isZero() || b.warmup.isNegative()) {
                throw new IllegalArgumentException("--pool, --households, --hot-slots, --repeat and --seconds must be"
                        + " positive");
            }
            if (b.mechanisms.isEmpty()) {
                throw new IllegalArgumentException("--mechanisms names none");
            }
            return new Options(b.url, b.user, b.password, List.copyOf(b.clients), b.duration, List.copyOf(b.shapes),
                    List.copyOf(b.mechanisms), b.pool, b.households, b.spreadCapacity, b.hotSlots, b.hotCapacity,
                    b.historyYears, b.repeat, b.warmup, b.sample, b.keepSchema);
        }

        private static Duration seconds(String v) {
            return Duration.ofNanos(Math.round(Double.parseDouble(v) * 1e9));
        }
    }

    /** The defaults, changed by the command line. */
    private static final class Parsing {
        String url = BenchDatabase.DEFAULT_URL;
        String user;
        String password;
        List<Integer> clients = List.of(1, 4, 16, 64);
        Duration duration = Duration.ofSeconds(10);
        List<Shape> shapes = List.of(Shape.values());
        List<Mechanism> mechanisms = List.of(Mechanism.LIBRARY, Mechanism.RAW, Mechanism.LOCK_COUNT);
        // 4 x cores: the top of the 2-4 x cores a pool is sized to; clients beyond it queue in the pool
        int pool = Math.max(2, 4 * Runtime.getRuntime().availableProcessors());
        int households = 12_500;
        int historyYears = 2;
        // places enough that no run fills a slot: the baselines then face the same not-full slots
        int spreadCapacity = 1_000_000;
        int hotSlots = Population.HOT_SLOTS;
        int hotCapacity = 1_000_000;
        int repeat = 1;
        Duration warmup = Duration.ofSeconds(3);
        boolean sample = true;
        boolean keepSchema;
    }

    /**
     * One timed run.
     *
     * @param seconds  wall time from the common start to the last client's last attempt
     * @param attempts booking attempts completed (booked + refused + failed)
     * @param booked   attempts that committed a reservation
     * @param latency  every attempt's latency in microseconds, pool wait included
     */
    record Point(Shape shape, int clients, Mechanism mechanism, int round, double seconds, long attempts, long booked,
            Map<String, Long> refusals, Map<String, Long> errors, Histogram latency, int exhaustedClients,
            Verification verification, CpuMeter.Usage cpu, Map<String, Double> waits, double busyBackends,
            double clientCpuNanos, double lastBookingSeconds, Conflicts conflicts) {

        /** CPU time the client threads spent per attempt (library or raw loop, JDBC driver, pool), in µs. */
        double clientCpuMicrosPerAttempt() {
            return attempts == 0 ? 0 : clientCpuNanos / attempts / 1_000;
        }

        /** CPU time the pool's PostgreSQL backends spent per attempt, in µs; -1 when unknown. */
        double serverCpuMicrosPerAttempt() {
            return attempts == 0 || cpu.pgBench() < 0 ? -1 : cpu.pgBench() * seconds / attempts * 1e6;
        }

        double attemptsPerSecond() {
            return attempts / seconds;
        }

        double bookedPerSecond() {
            return booked / seconds;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /**
     * Write conflicts during one run: serialization failures and deadlocks the clients' connections
     * threw, each retried by the adapter (counted on a cluster or on Galera only, else -1), by where
     * they were thrown (a statement's first words, or the commit), and Galera's own counters summed
     * over the nodes: certification failures at commit and local transactions aborted by a
     * replicated write set (-1 elsewhere).
     */
    record Conflicts(long seen, Map<String, Long> where, long certFailures, long bfAborts) {

        /** Conflicts the clients saw per 1,000 bookings, or -1 when not counted. */
        double perThousandBooked(long booked) {
            return seen < 0 ? -1 : booked == 0 ? 0 : 1000.0 * seen / booked;
        }
    }

    /** Everything a run measured. */
    record Report(List<Point> points, boolean sqlMatches, List<String> librarySql, List<String> rawSql) {
        boolean ok() {
            return sqlMatches && points.stream().allMatch(p -> p.verification().ok() && p.errors().isEmpty());
        }

        /** The rounds of one point, by booked/s ascending. */
        List<Point> rounds(Shape shape, int clients, Mechanism m) {
            return points.stream().filter(p -> p.shape() == shape && p.clients() == clients && p.mechanism() == m)
                    .sorted(Comparator.comparingDouble(Point::bookedPerSecond)).collect(Collectors.toList());
        }

        /** The round with the median booked/s (the lower middle one of an even count), or null. */
        Point median(Shape shape, int clients, Mechanism m) {
            List<Point> r = rounds(shape, clients, m);
            return r.isEmpty() ? null : r.get((r.size() - 1) / 2);
        }
    }

    private final Options options;
    private final PrintStream out;
    private List<ConflictCounter> counters = List.of();
    private BenchDatabase db;
    private Population population;
    private boolean checkpointAllowed = true;

    private LoadDriver(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: LoadDriver [--jdbc-url URL[,URL...]] [--user U] [--password P] [--clients 1,4,16,64]"
                    + " [--seconds N] [--shape spread|hot|both] [--mechanisms library,raw,lock] [--repeat N]"
                    + " [--pool N] [--households N] [--spread-capacity N] [--hot-slots N] [--hot-capacity N] [--history-years N]"
                    + " [--warmup N] [--no-sample] [--keep-schema]");
            System.exit(2);
            return;
        }
        Report r = run(o, System.out);
        System.exit(r.ok() ? 0 : 1);
    }

    /** Runs the whole driver as the command line would, printing to {@code out}. */
    static Report run(Options o, PrintStream out) throws Exception {
        return new LoadDriver(o, out).run();
    }

    private Report run() throws Exception {
        Clock wall = Clock.systemUTC();
        out.println("# kenshin-booking load driver");
        out.println("date:     " + ZonedDateTime.now(wall).withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
        out.println("machine:  " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", Java "
                + System.getProperty("java.version") + ", load average " + loadAverage());
        out.println("options:  clients " + options.clients + ", " + options.duration.toMillis() / 1000.0
                + " s per point, shapes " + options.shapes + ", pool " + options.pool + " connections, households "
                + options.households + " x " + Population.MEMBERS_PER_HOUSEHOLD + " members, capacity spread "
                + options.spreadCapacity + " / hot " + options.hotCapacity + " per slot, " + options.hotSlots
                + " hot slots, " + options.repeat + " round(s) per point");
        long t0 = System.nanoTime();
        db = BenchDatabase.open(options.url, options.user, options.password, "bench", options.pool,
                options.keepSchema);
        try {
            out.println("database: " + db.serverVersion() + (db.galera() ? ", Galera" : "") + ", schema " + db.schema()
                    + " (dropped at the end)" + (db.nodes().size() > 1 ? "; " + db.nodes().size()
                    + " nodes, a pool of " + options.pool + " on each, client i books through node i mod "
                    + db.nodes().size() : ""));
            population = Population.load(db.dataSource(), options.households, options.spreadCapacity,
                    options.hotSlots, options.hotCapacity, options.pool);
            long history = population.addHistory(db.dataSource(), options.historyYears);
            out.printf(Locale.ROOT, "set-up:   %d members in an in-memory directory (not measured), %d accounts,"
                    + " %d + %d slots, every household logged in once, %d history reservations (%d earlier fiscal"
                    + " year(s), kept between points): %.1f s%n", population.people.size(),
                    options.households, population.spread.size(), population.hot.size(), history,
                    options.historyYears, (System.nanoTime() - t0) / 1e9);
            out.println();
            // one booker per node and mechanism; on a cluster (or Galera) through a data source that counts conflicts
            Map<Mechanism, List<Booker>> bookers = new EnumMap<>(Mechanism.class);
            boolean count = db.galera() || db.nodes().size() > 1;
            counters = new ArrayList<>();
            for (Mechanism m : Mechanism.values()) {
                bookers.put(m, new ArrayList<>());
            }
            for (javax.sql.DataSource node : db.nodes()) {
                javax.sql.DataSource ds = node;
                if (count) {
                    ConflictCounter counter = new ConflictCounter(node);
                    counters.add(counter);
                    ds = counter.dataSource();
                }
                KenshinBooking engine = db.nodes().size() == 1 && !count ? population.engine
                        : KenshinBooking.builder().storage(JdbcStorage.create(ds)).directory(population.directory)
                                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).clock(Population.CLOCK)
                                .build();
                bookers.get(Mechanism.LIBRARY).add(new LibraryBooker(engine));
                bookers.get(Mechanism.RAW).add(RawBookers.sameSql(ds, db.dialect(), population));
                bookers.get(Mechanism.LOCK_COUNT).add(RawBookers.lockAndCount(ds, db.dialect(), population));
            }
            Report sql = captureSql();
            out.println();
            legend();
            if (!options.warmup.isZero()) {
                for (Mechanism m : options.mechanisms) {
                    Point w = point(Shape.SPREAD, Math.min(4, options.clients.stream().max(Integer::compare).get()), m,
                            0, bookers.get(m), options.warmup, false);
                    out.printf(Locale.ROOT, "warm-up %-15s %5.0f bookings/s (not reported)%n", m.label(),
                            w.bookedPerSecond());
                }
                out.println();
            }
            List<Point> points = new ArrayList<>();
            List<Mechanism> ms = options.mechanisms;
            for (Shape shape : options.shapes) {
                for (int clients : options.clients) {
                    for (int round = 0; round < options.repeat; round++) {
                        // each round starts with the next mechanism, so none always runs first or last
                        for (int i = 0; i < ms.size(); i++) {
                            Mechanism m = ms.get((i + round) % ms.size());
                            Point p = point(shape, clients, m, round, bookers.get(m), options.duration, options.sample);
                            points.add(p);
                            print(p);
                        }
                    }
                }
            }
            Report report = new Report(List.copyOf(points), sql.sqlMatches(), sql.librarySql(), sql.rawSql());
            summary(report);
            return report;
        } finally {
            db.close();
        }
    }

    /** Books once per mechanism through a recording data source and shows the SQL each sends. */
    private Report captureSql() throws Exception {
        SqlCapture capture = new SqlCapture(db.dataSource());
        KenshinBooking recorded = KenshinBooking.builder().storage(JdbcStorage.create(capture.dataSource()))
                .directory(population.directory).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000))
                .clock(Population.CLOCK).build();
        capture.take();
        List<Person> people = population.people;
        String r1 = new LibraryBooker(recorded).book(people.get(0), population.spread.get(0));
        List<String> lib = capture.take();
        String r2 = RawBookers.sameSql(capture.dataSource(), db.dialect(), population).book(people.get(1),
                population.spread.get(0));
        List<String> raw = capture.take();
        String r3 = RawBookers.lockAndCount(capture.dataSource(), db.dialect(), population).book(people.get(2),
                population.spread.get(0));
        List<String> lock = capture.take();
        if (r1 != null || r2 != null || r3 != null) {
            throw new IllegalStateException("the SQL capture bookings were refused: " + r1 + ", " + r2 + ", " + r3);
        }
        out.println("SQL of one booking through the library (" + db.dialect() + ", recorded at the DataSource):");
        for (int i = 0; i < lib.size(); i++) {
            out.printf("  %d. %s%n", i + 1, lib.get(i));
        }
        boolean same = lib.equals(raw);
        out.println("raw same-SQL loop sends exactly these statements: " + (same ? "yes" : "NO"));
        if (!same) {
            raw.forEach(s -> out.println("  raw: " + s));
        }
        out.println("lock-and-count loop sends:");
        for (int i = 0; i < lock.size(); i++) {
            out.printf("  %d. %s%n", i + 1, lock.get(i));
        }
        return new Report(List.of(), same, lib, raw);
    }

    private void legend() {
        out.println("Each point: one mechanism, one shape, N client threads booking for a fixed time on a pool of "
                + options.pool + " connections");
        out.println("(clients beyond the pool wait for a connection; that wait is in the latency). Between points the");
        out.println("reservations of earlier points and the outbox are emptied (the history stays), the slot counters");
        out.println("reset, the tables vacuumed and, where allowed, a CHECKPOINT taken, so every point starts from the");
        out.println("same state.");
        out.println("  attempts/s  booking attempts completed per second (booked + refused + failed)");
        out.println("  booked/s    attempts that committed a reservation, per second; the ratios use this");
        out.println("  p50/p95/p99 latency of one attempt in ms, from the call to its return, pool wait included");
        out.println("  refusals    refusal codes the attempts answered; errors: infrastructure failures");
        out.println("  verify      after the run, against the database: no slot over capacity, remaining = capacity");
        out.println("              - live rows (library, raw), ONE-1, live rows = bookings counted, outbox rows");
        out.println("  cpu         cores busy during the run, from /proc: this JVM, the pool's PostgreSQL backends,");
        out.println("              other PostgreSQL processes (WAL writer, other clients), the rest of the machine;");
        out.println("              and CPU time per attempt of the client threads (JVM thread CPU time) and of the");
        out.println("              pool's backends: what a booking costs, whatever else the machine was doing");
        out.println("  server      PostgreSQL only, pg_stat_activity of the pool's backends every "
                + WaitSampler.PERIOD_MILLIS + " ms: how many were in a");
        out.println("              transaction, and what those did: running, waiting for the driver's next statement,");
        out.println("              waiting on a row lock (Lock:transactionid, Lock:tuple), on the WAL flush (IO:WALSync,");
        out.println("              LWLock:WALWrite)");
        out.println();
    }

    private Point point(Shape shape, int clients, Mechanism m, int round, List<Booker> bookers, Duration duration,
            boolean sample) throws Exception {
        reset();
        List<Slot> slots = shape == Shape.SPREAD ? population.spread : population.hot;
        List<Person> people = population.people;
        int per = people.size() / clients;
        long[] attempts = new long[clients];
        long[] booked = new long[clients];
        boolean[] exhausted = new boolean[clients];
        long[] ends = new long[clients];
        long[] cpuNanos = new long[clients];
        long[] lastBooked = new long[clients];
        List<Map<String, Long>> refusals = new ArrayList<>();
        List<Map<String, Long>> errors = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        long[] window = new long[2]; // start, deadline
        CyclicBarrier start = new CyclicBarrier(clients, () -> {
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
        });
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            refusals.add(new TreeMap<>());
            errors.add(new TreeMap<>());
            histograms.add(new Histogram(60_000_000L, 3));
            int client = i;
            Booker booker = bookers.get(i % bookers.size());
            Thread t = new Thread(() -> {
                Random random = new Random(client * 7919L + shape.ordinal());
                Histogram h = histograms.get(client);
                int next = client * per;
                int last = next + per;
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                long cpu0 = cpu.getCurrentThreadCpuTime();
                long deadline = window[1];
                long now = System.nanoTime();
                while (now < deadline) {
                    if (next >= last) {
                        exhausted[client] = true;
                        break;
                    }
                    Person person = people.get(next++);
                    Slot slot = slots.get(random.nextInt(slots.size()));
                    String refusal;
                    try {
                        refusal = booker.book(person, slot);
                        if (refusal == null) {
                            booked[client]++;
                            lastBooked[client] = System.nanoTime();
                        } else {
                            refusals.get(client).merge(refusal, 1L, Long::sum);
                        }
                    } catch (Exception | AssertionError e) {
                        String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
                        errors.get(client).merge(msg.length() > 160 ? msg.substring(0, 160) : msg, 1L, Long::sum);
                    }
                    long done = System.nanoTime();
                    h.recordValue(Math.min(60_000_000L, Math.max(0, (done - now) / 1_000)));
                    attempts[client]++;
                    now = done;
                }
                ends[client] = now;
                cpuNanos[client] = cpu.getCurrentThreadCpuTime() - cpu0;
            }, "kb-client-" + i);
            threads.add(t);
        }
        Set<Integer> pids = Set.of();
        WaitSampler sampler = null;
        if (db.dialect() == Dialect.POSTGRESQL) {
            try (Connection c = db.unpooled()) {
                pids = WaitSampler.benchPids(c);
            }
            if (sample) {
                sampler = WaitSampler.start(db.unpooled());
            }
        }
        long seen0 = conflictsSeen();
        Map<String, Long> where0 = new TreeMap<>();
        counters.forEach(c -> c.byStatement().forEach((k, v) -> where0.merge(k, v, Long::sum)));
        long[] galera0 = db.galeraConflicts();
        CpuMeter.Reading before = CpuMeter.read();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        CpuMeter.Reading after = CpuMeter.read();
        long[] galera1 = db.galeraConflicts();
        Map<String, Long> where = new TreeMap<>();
        counters.forEach(c -> c.byStatement().forEach((k, v) -> where.merge(k, v, Long::sum)));
        where0.forEach((k, v) -> where.merge(k, -v, Long::sum));
        where.values().removeIf(v -> v == 0);
        Conflicts conflicts = new Conflicts(counters.isEmpty() ? -1 : conflictsSeen() - seen0, where,
                db.galera() ? galera1[0] - galera0[0] : -1, db.galera() ? galera1[1] - galera0[1] : -1);
        db.awaitReplication(); // the checks read through the first node
        Map<String, Double> waits = Map.of();
        double busyBackends = 0;
        if (sampler != null) {
            sampler.close();
            waits = sampler.shares();
            busyBackends = sampler.busyBackends();
        }
        long end = Arrays.stream(ends).max().orElse(window[0]);
        Histogram all = new Histogram(60_000_000L, 3);
        histograms.forEach(all::add);
        Map<String, Long> refused = new TreeMap<>();
        refusals.forEach(r -> r.forEach((k, v) -> refused.merge(k, v, Long::sum)));
        Map<String, Long> failed = new TreeMap<>();
        errors.forEach(r -> r.forEach((k, v) -> failed.merge(k, v, Long::sum)));
        long bookedTotal = Arrays.stream(booked).sum();
        Verification v = Verification.check(db.dataSource(), population.engine, slots, m, bookedTotal);
        int exhaustedCount = 0;
        for (boolean b : exhausted) {
            exhaustedCount += b ? 1 : 0;
        }
        return new Point(shape, clients, m, round, (end - window[0]) / 1e9, Arrays.stream(attempts).sum(), bookedTotal,
                refused, failed, all, exhaustedCount, v, CpuMeter.between(before, after, pids), waits, busyBackends,
                Arrays.stream(cpuNanos).sum(),
                Math.max(0, Arrays.stream(lastBooked).max().orElse(0) - window[0]) / 1e9, conflicts);
    }

    private long conflictsSeen() {
        return counters.stream().mapToLong(ConflictCounter::conflicts).sum();
    }

    /**
     * Deletes the reservations of earlier points (the history of earlier fiscal years stays), empties the
     * outbox and keys, resets the bench slots' counters, vacuums, and checkpoints where allowed.
     */
    private void reset() throws SQLException {
        try (Connection c = db.unpooled(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM kb_reservation WHERE fiscal_year >= " + Population.FISCAL_YEAR_START.getYear());
            s.execute("DELETE FROM kb_outbox");
            s.execute("DELETE FROM kb_idempotency_key");
            s.execute("UPDATE kb_slot_stripe SET reserved = 0 WHERE slot_id IN (SELECT id FROM kb_slot WHERE exam_date >= DATE '"
                    + Population.FISCAL_YEAR_START + "')");
            if (db.dialect() == Dialect.POSTGRESQL) {
                s.execute("VACUUM ANALYZE kb_slot, kb_slot_stripe, kb_reservation, kb_outbox");
                if (checkpointAllowed) {
                    try {
                        s.execute("CHECKPOINT");
                    } catch (SQLException e) {
                        checkpointAllowed = false;
                        out.println("(no CHECKPOINT between points: " + e.getMessage() + ")");
                    }
                }
            }
        }
        db.awaitReplication(); // no node starts the next point with the last one's rows
    }

    private void print(Point p) {
        out.printf(Locale.ROOT, "[%s, %d clients, %s%s] %.1f s: %d attempts (%.0f/s), %d booked (%.0f/s);"
                + " latency ms p50 %.2f p95 %.2f p99 %.2f max %.1f%n", p.shape().label(), p.clients(),
                p.mechanism().label(), options.repeat > 1 ? ", round " + (p.round() + 1) : "", p.seconds(), p.attempts(), p.attemptsPerSecond(), p.booked(),
                p.bookedPerSecond(), p.millis(50), p.millis(95), p.millis(99), p.latency().getMaxValue() / 1000.0);
        out.println("    refusals " + p.refusals() + (p.refusals().containsKey("SLOT_FULL")
                ? String.format(Locale.ROOT, " (the last place was taken %.2f s after the start)",
                        p.lastBookingSeconds()) : "") + ", errors " + p.errors()
                + (p.exhaustedClients() > 0 ? ", WARNING " + p.exhaustedClients()
                        + " client(s) ran out of members before the end (raise --households)" : ""));
        out.println("    verify " + p.verification().summary());
        if (p.conflicts().seen() >= 0 || p.conflicts().certFailures() >= 0) {
            out.printf(Locale.ROOT, "    conflicts: %d serialization failures/deadlocks seen by the clients, each retried"
                    + " (%.1f per 1000 booked)%s%n", p.conflicts().seen(), p.conflicts().perThousandBooked(p.booked()),
                    p.conflicts().certFailures() < 0 ? "" : "; Galera: " + p.conflicts().certFailures()
                            + " certification failures, " + p.conflicts().bfAborts() + " brute-force aborts");
            if (!p.conflicts().where().isEmpty()) {
                out.println("    conflicts thrown by: " + p.conflicts().where());
            }
        }
        out.printf(Locale.ROOT, "    cpu: %s; per attempt: client threads %.0f µs%s%n", p.cpu(),
                p.clientCpuMicrosPerAttempt(), p.serverCpuMicrosPerAttempt() < 0 ? ""
                        : String.format(Locale.ROOT, ", PostgreSQL backends %.0f µs", p.serverCpuMicrosPerAttempt()));
        if (!p.waits().isEmpty()) {
            out.printf(Locale.ROOT, "    server: %.1f of %d backends in a transaction on average; in a transaction: %s%n",
                    p.busyBackends(), options.pool, p.waits().entrySet().stream().limit(6)
                            .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue()))
                            .collect(Collectors.joining(", ")));
        }
    }

    private void summary(Report r) {
        boolean rounds = options.repeat > 1;
        out.println();
        out.println("## Results");
        out.println();
        if (rounds) {
            out.println("Each row is the round with the median booked/s of " + options.repeat + " rounds; the last column"
                    + " lists every round's booked/s.");
            out.println();
        }
        boolean conflicts = !counters.isEmpty();
        out.println("| shape | clients | mechanism | attempts/s | booked/s | p50 ms | p95 ms | p99 ms | refusals | errors"
                + " | verified |" + (conflicts ? " conflicts / 1000 booked |" : "")
                + (rounds ? " booked/s of each round |" : ""));
        out.println("|---|---:|---|---:|---:|---:|---:|---:|---|---:|---|" + (conflicts ? "---:|" : "")
                + (rounds ? "---|" : ""));
        for (Shape s : options.shapes) {
            for (int c : options.clients) {
                for (Mechanism m : options.mechanisms) {
                    Point p = r.median(s, c, m);
                    List<Point> all = r.rounds(s, c, m);
                    boolean verified = all.stream().allMatch(x -> x.verification().ok());
                    long errors = all.stream().mapToLong(x -> x.errors().values().stream().mapToLong(Long::longValue)
                            .sum()).sum();
                    out.printf(Locale.ROOT, "| %s | %d | %s | %.0f | %.0f | %.2f | %.2f | %.2f | %s | %d | %s |%s%s%n",
                            s.label(), c, m.label(), p.attemptsPerSecond(), p.bookedPerSecond(), p.millis(50),
                            p.millis(95), p.millis(99), p.refusals().isEmpty() ? "-" : p.refusals(), errors,
                            verified ? "yes" : "NO", conflicts ? String.format(Locale.ROOT, " %.1f |",
                                    p.conflicts().perThousandBooked(p.booked())) : "", rounds ? " " + all.stream().sorted(Comparator.comparingInt(
                                    Point::round)).map(x -> String.format(Locale.ROOT, "%.0f", x.bookedPerSecond()))
                                    .collect(Collectors.joining(", ")) + " |" : "");
                }
            }
        }
        if (options.mechanisms.contains(Mechanism.LIBRARY) && options.mechanisms.size() > 1) {
            out.println();
            out.println("Ratios of booked/s (library / baseline)" + (rounds ? ", of the medians; in brackets the lowest"
                    + " and highest ratio within one round" : "") + ":");
            out.println();
            out.println("| shape | clients | library / raw same-SQL | library / lock-and-count |");
            out.println("|---|---:|---:|---:|");
            for (Shape s : options.shapes) {
                for (int c : options.clients) {
                    out.printf(Locale.ROOT, "| %s | %d | %s | %s |%n", s.label(), c, ratios(r, s, c, Mechanism.RAW),
                            ratios(r, s, c, Mechanism.LOCK_COUNT));
                }
            }
        }
        out.println();
        out.println("SQL of the raw loop = the library's: " + (r.sqlMatches() ? "yes" : "NO"));
        out.println("every run verified (no overbooking, remaining consistent, ONE-1, no errors): "
                + (r.ok() ? "yes" : "NO"));
    }

    private String ratios(Report r, Shape s, int c, Mechanism baseline) {
        String median = ratio(r.median(s, c, Mechanism.LIBRARY), r.median(s, c, baseline));
        if (options.repeat == 1 || median.equals("-")) {
            return median;
        }
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Point lib : r.rounds(s, c, Mechanism.LIBRARY)) {
            for (Point b : r.rounds(s, c, baseline)) {
                if (b.round() == lib.round() && b.booked() > 0) {
                    double x = lib.bookedPerSecond() / b.bookedPerSecond();
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        return String.format(Locale.ROOT, "%s (%.2f-%.2f)", median, lo, hi);
    }

    private static String ratio(Point a, Point b) {
        if (a == null || b == null || b.booked() == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", a.bookedPerSecond() / b.bookedPerSecond());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " (1 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
