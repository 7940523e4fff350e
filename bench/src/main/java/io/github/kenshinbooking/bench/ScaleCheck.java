package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
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
import io.github.kenshinbooking.reservation.HistoryEntry;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.CalendarDay;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.schedule.Venue;
import java.io.PrintStream;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.postgresql.PGConnection;

/**
 * The read side at scale: loads {@code --slots} slots and {@code --reservations} reservations
 * (COPY on PostgreSQL, batched inserts elsewhere), then runs the month calendar of one venue
 * ({@code CalendarService.month}: the member's reservations + {@code findBetween}) and the
 * history of a member ({@code BookingService.history}) through the library, one call at a time,
 * and prints their latency percentiles, the SQL each sends, and the plans of those statements.
 *
 * <pre>
 * java -cp bench/target/kenshin-booking-bench.jar io.github.kenshinbooking.bench.ScaleCheck \
 *     [--jdbc-url URL] [--user U] [--password P] [--slots 5000] [--reservations 1000000]
 *     [--iterations 5000] [--rounds 3] [--keep-schema]
 * </pre>
 *
 * Layout: 5 fiscal years (FY2020..FY2024) x 5 venues; every venue holds its slots of a year in the
 * same two season months, June and July (at the defaults 100 slots a venue-month: 13 days x 8
 * times, so a one-venue month calendar shows 100 slots and the all-venues one 500).
 * Members live in households of 4 and book once per fiscal year (ONE-1), so a member's history
 * has one row per year; 5 % of the rows are cancelled. The calls run in rounds, each with its own
 * percentiles and the CPU the rest of the machine used meanwhile (a shared machine disturbs the
 * tail). Exit status 0 when both p99 targets are met over all rounds together, 1 otherwise.
 */
public final class ScaleCheck {
    static final int YEARS = 5;
    static final int VENUES = 5;
    static final int FIRST_FY = 2020;
    static final int MEMBERS_PER_HOUSEHOLD = 4;
    static final int SEASON_MONTHS = 2;
    static final double TARGET_P99_MILLIS = 5.0;

    /** The command line, parsed. */
    record Options(String url, String user, String password, int slots, int reservations, int iterations,
            int rounds, boolean keepSchema) {
        static Options parse(String[] args) {
            String url = BenchDatabase.DEFAULT_URL;
            String user = null;
            String password = null;
            int slots = 5_000;
            int reservations = 1_000_000;
            int iterations = 5_000;
            int rounds = 3;
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--keep-schema")) {
                    keep = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--jdbc-url" -> url = v;
                    case "--user" -> user = v;
                    case "--password" -> password = v;
                    case "--slots" -> slots = Integer.parseInt(v);
                    case "--reservations" -> reservations = Integer.parseInt(v);
                    case "--iterations" -> iterations = Integer.parseInt(v);
                    case "--rounds" -> rounds = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (slots < YEARS * VENUES || slots % (YEARS * VENUES) != 0) {
                throw new IllegalArgumentException("--slots must be a positive multiple of " + YEARS * VENUES);
            }
            if (reservations < slots || iterations < 1 || rounds < 1) {
                throw new IllegalArgumentException("--reservations must be at least --slots; --iterations and --rounds"
                        + " positive");
            }
            return new Options(url, user, password, slots, reservations, iterations, rounds, keep);
        }
    }

    /** Latencies of one query, in microseconds. */
    record Measured(String name, Histogram latency) {
        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    /** What the check measured. */
    record Result(Measured calendar, Measured history, List<String> plansWithoutIndex) {
        boolean targetsMet() {
            return calendar.millis(99) <= TARGET_P99_MILLIS && history.millis(99) <= TARGET_P99_MILLIS;
        }
    }

    private final Options o;
    private final PrintStream out;
    private BenchDatabase db;
    private final int slotsPerVenueYear;
    private final int membersPerYear;
    private final int households;

    private ScaleCheck(Options o, PrintStream out) {
        this.o = o;
        this.out = out;
        this.slotsPerVenueYear = o.slots / (YEARS * VENUES);
        this.membersPerYear = o.reservations / YEARS;
        this.households = (membersPerYear + MEMBERS_PER_HOUSEHOLD - 1) / MEMBERS_PER_HOUSEHOLD;
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ScaleCheck [--jdbc-url URL] [--user U] [--password P] [--slots 5000]"
                    + " [--reservations 1000000] [--iterations 5000] [--rounds 3] [--keep-schema]");
            System.exit(2);
            return;
        }
        System.exit(run(o, System.out).targetsMet() ? 0 : 1);
    }

    static Result run(Options o, PrintStream out) throws Exception {
        return new ScaleCheck(o, out).run();
    }

    private Result run() throws Exception {
        out.println("# kenshin-booking scale check");
        out.println("date:     " + ZonedDateTime.now(Clock.systemUTC()).withZoneSameInstant(ZoneOffset.UTC)
                .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z");
        out.println("machine:  " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        db = BenchDatabase.open(o.url, o.user, o.password, "scale", 2, o.keepSchema);
        try {
            out.println("database: " + db.serverVersion() + ", schema " + db.schema());
            long t0 = System.nanoTime();
            int reservations = load();
            out.printf(Locale.ROOT, "loaded:   %d slots, %d reservations (%d members in %d households, one per"
                    + " member and fiscal year, 5 %% cancelled), %d accounts in %.1f s (%s), then VACUUM ANALYZE%n",
                    o.slots, reservations, membersPerYear, households, households, (System.nanoTime() - t0) / 1e9,
                    db.dialect() == Dialect.POSTGRESQL ? "COPY" : "batched inserts");
            printSizes();
            return measure();
        } finally {
            db.close();
        }
    }

    // ---- data -------------------------------------------------------------------------------------

    /** The first day of the fiscal year's {@code m}-th season month (June, July). */
    private static LocalDate month(int year, int m) {
        return LocalDate.of(FIRST_FY + year, 6 + m, 1);
    }

    private long slotId(int year, int venue, int i) {
        return 1 + ((long) year * VENUES + venue) * slotsPerVenueYear + i;
    }

    /** Every venue's slots of a year fill the season's months alike, 8 a day from the 1st. */
    private LocalDate slotDate(int year, int venue, int i) {
        int perMonth = (slotsPerVenueYear + SEASON_MONTHS - 1) / SEASON_MONTHS;
        return month(year, i / perMonth).plusDays(i % perMonth / 8 % 28);
    }

    private static String venueName(int v) {
        return "会場" + (v + 1);
    }

    private String memberId(int m) {
        return symbol(m / MEMBERS_PER_HOUSEHOLD) + "-" + m % MEMBERS_PER_HOUSEHOLD;
    }

    private static String symbol(int household) {
        return Integer.toString(1_000_000 + household);
    }

    /** Loads slots, reservations and accounts; answers the number of reservations. */
    private int load() throws SQLException {
        int slotsPerYear = VENUES * slotsPerVenueYear;
        int perSlot = (membersPerYear + slotsPerYear - 1) / slotsPerYear;
        int capacity = perSlot + 10;
        Random random = new Random(2024);
        int[][] slotOf = new int[YEARS][];
        int[][] live = new int[YEARS][slotsPerYear];
        boolean[][] cancelled = new boolean[YEARS][];
        for (int y = 0; y < YEARS; y++) {
            int[] perm = new int[membersPerYear];
            for (int i = 0; i < perm.length; i++) {
                perm[i] = i;
            }
            for (int i = perm.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            slotOf[y] = new int[membersPerYear];
            cancelled[y] = new boolean[membersPerYear];
            for (int k = 0; k < membersPerYear; k++) {
                slotOf[y][perm[k]] = k / perSlot;
                cancelled[y][perm[k]] = random.nextInt(100) < 5;
                if (!cancelled[y][perm[k]]) {
                    live[y][k / perSlot]++;
                }
            }
        }
        int n = 0;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            Rows slots = new Rows(c, db.dialect(), "kb_slot", "id, venue, institution, exam_date, start_time,"
                    + " duration_seconds, capacity, reception_opens, cancelled", 9);
            for (int y = 0; y < YEARS; y++) {
                for (int v = 0; v < VENUES; v++) {
                    for (int i = 0; i < slotsPerVenueYear; i++) {
                        LocalDate d = slotDate(y, v, i);
                        slots.add(slotId(y, v, i), venueName(v), "ヘルスポートクリニック", d,
                                LocalTime.of(9, 0).plusMinutes(30L * (i % 8)), 1800L, capacity,
                                d.minusMonths(2).atStartOfDay(), false);
                    }
                }
            }
            slots.flush();
            // the places as the adapter splits them (stripes of even shares), filled in stripe order
            Rows stripes = new Rows(c, db.dialect(), "kb_slot_stripe", "slot_id, stripe, capacity, reserved, bookable", 5);
            int n0 = Math.min(JdbcStorage.DEFAULT_STRIPES_PER_SLOT, capacity);
            for (int y = 0; y < YEARS; y++) {
                for (int v = 0; v < VENUES; v++) {
                    for (int i = 0; i < slotsPerVenueYear; i++) {
                        int left = live[y][v * slotsPerVenueYear + i];
                        for (int k = 0; k < n0; k++) {
                            int share = capacity / n0 + (k < capacity % n0 ? 1 : 0);
                            int taken = Math.min(share, left);
                            left -= taken;
                            stripes.add(slotId(y, v, i), k, share, taken, true);
                        }
                    }
                }
            }
            stripes.flush();
            Rows rows = new Rows(c, db.dialect(), "kb_reservation", "id, household, member_id, slot_id, fiscal_year,"
                    + " status, live_fiscal_year, phone, terms_version, booked_at, updated_at, staff_id,"
                    + " staff_reason, staff_at, change_deadline, cancel_deadline", 16);
            // the deadlines each row was promised at booking (CHG-1, CNL-1): the engine's policy, the defaults
            Deadlines deadlines = new Deadlines(UnionPolicy.defaults());
            long id = 0;
            for (int y = 0; y < YEARS; y++) {
                int fy = FIRST_FY + y;
                LocalDateTime booked = LocalDate.of(fy, 4, 10).atTime(10, 0);
                for (int m = 0; m < membersPerYear; m++) {
                    int inYear = slotOf[y][m];
                    long slot = slotId(y, inYear / slotsPerVenueYear, inYear % slotsPerVenueYear);
                    LocalDate exam = slotDate(y, inYear / slotsPerVenueYear, inYear % slotsPerVenueYear);
                    boolean cxl = cancelled[y][m];
                    rows.add(++id, symbol(m / MEMBERS_PER_HOUSEHOLD), memberId(m), slot, fy,
                            cxl ? "CANCELLED" : "CONFIRMED", cxl ? null : fy, "09012345678", "2024-03", booked,
                            cxl ? booked.plusDays(3) : booked, null, null, null,
                            LocalDateTime.ofInstant(deadlines.deadline(DeadlineKind.CHANGE, exam), ZoneOffset.UTC),
                            LocalDateTime.ofInstant(deadlines.deadline(DeadlineKind.CANCEL, exam), ZoneOffset.UTC));
                    n++;
                }
            }
            rows.flush();
            Rows accounts = new Rows(c, db.dialect(), "kb_account", "household, password_hash, email, email_key", 4);
            String hash = Pbkdf2PasswordHasher.insecureForTests(1_000).hash(Population.PASSWORD).encoded();
            for (int h = 0; h < households; h++) {
                accounts.add(symbol(h), hash, null, null);
            }
            accounts.flush();
            try (Statement s = c.createStatement()) {
                s.execute(db.dialect() == Dialect.POSTGRESQL ? "SELECT setval('kb_reservation_id_seq', " + id + ")"
                        : "ALTER SEQUENCE kb_reservation_id_seq " + (db.dialect() == Dialect.MARIADB
                                ? "INCREMENT BY 0 " : "") + "RESTART WITH " + (id + 1));
            }
            c.commit();
            c.setAutoCommit(true);
        }
        try (Connection c = db.unpooled(); Statement s = c.createStatement()) {
            if (db.dialect() == Dialect.POSTGRESQL) {
                s.execute("VACUUM ANALYZE kb_slot, kb_slot_stripe, kb_reservation, kb_account");
            } else if (db.dialect() == Dialect.H2) {
                s.execute("ANALYZE");
            } else {
                s.execute("ANALYZE TABLE kb_slot, kb_slot_stripe, kb_reservation, kb_account");
            }
        }
        return n;
    }

    /** Rows for one table: COPY on PostgreSQL, batched inserts elsewhere. */
    private static final class Rows {
        private static final int CHUNK = 50_000;
        private final Connection c;
        private final boolean copy;
        private final String table;
        private final String columns;
        private final int width;
        private final StringBuilder text = new StringBuilder();
        private final List<Object[]> batch = new ArrayList<>();
        private int pending;

        Rows(Connection c, Dialect dialect, String table, String columns, int width) {
            this.c = c;
            this.copy = dialect == Dialect.POSTGRESQL;
            this.table = table;
            this.columns = columns;
            this.width = width;
        }

        void add(Object... values) throws SQLException {
            if (copy) {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        text.append('\t');
                    }
                    Object v = values[i];
                    text.append(v == null ? "\\N" : v instanceof Boolean ? ((Boolean) v ? "t" : "f")
                            : v instanceof LocalDateTime ? ((LocalDateTime) v).toString().replace('T', ' ')
                            : v.toString());
                }
                text.append('\n');
            } else {
                batch.add(values);
            }
            if (++pending >= CHUNK) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending == 0) {
                return;
            }
            if (copy) {
                try {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN",
                            new StringReader(text.toString()));
                } catch (java.io.IOException e) {
                    throw new SQLException("COPY into " + table + " failed", e);
                }
                text.setLength(0);
            } else {
                StringBuilder q = new StringBuilder("INSERT INTO " + table + " (" + columns + ") VALUES (");
                for (int i = 0; i < width; i++) {
                    q.append(i == 0 ? "?" : ", ?");
                }
                try (PreparedStatement ps = c.prepareStatement(q.append(')').toString())) {
                    int n = 0;
                    for (Object[] row : batch) {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.addBatch();
                        if (++n % 1_000 == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                batch.clear();
            }
            pending = 0;
        }
    }

    private void printSizes() throws SQLException {
        if (db.dialect() != Dialect.POSTGRESQL) {
            return;
        }
        try (Connection c = db.unpooled(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname IN ('kb_slot',"
                        + " 'kb_reservation', 'uq_kb_reservation_live', 'ix_kb_reservation_live_slot', 'ix_kb_slot_venue_date',"
                        + " 'kb_reservation_pkey') ORDER BY c.relname")) {
            StringBuilder sb = new StringBuilder("sizes:    ");
            while (rs.next()) {
                sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(", ");
            }
            out.println(sb.substring(0, sb.length() - 2));
        }
    }

    // ---- measurement --------------------------------------------------------------------------------

    private Result measure() throws Exception {
        InMemoryHouseholdDirectory dir = new InMemoryHouseholdDirectory();
        for (int h = 0; h < households; h++) {
            List<Member> members = new ArrayList<>();
            for (int m = 0; m < MEMBERS_PER_HOUSEHOLD; m++) {
                members.add(new Member(MemberId.of(symbol(h) + "-" + m), KanaName.of(m == 0 ? Population.KANA : "ｹﾝｾﾂ ﾊﾅｺ"),
                        "建設 太郎", LocalDate.of(1960 + (h + m) % 20, 1 + m, 10), m == 0 ? Sex.M : Sex.F,
                        LocalDate.of(1990, 4, 1), Optional.empty(), m == 0));
            }
            dir.put(Household.of(SymbolNumber.of(symbol(h)), members));
        }
        Clock clock = Clock.fixed(LocalDateTime.of(2024, 4, 1, 10, 0).atZone(Population.TOKYO).toInstant(),
                Population.TOKYO);
        SqlCapture capture = new SqlCapture(db.dataSource());
        KenshinBooking engine = KenshinBooking.builder().storage(JdbcStorage.create(capture.dataSource()))
                .directory(dir).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).clock(clock).build();
        // sessions for a sample of households (login is not measured)
        Random random = new Random(7);
        int sampled = Math.min(households, 500);
        List<HouseholdSession> sessions = new ArrayList<>();
        List<Integer> sampledHouseholds = new ArrayList<>();
        for (int i = 0; i < sampled; i++) {
            int h = random.nextInt(households);
            sampledHouseholds.add(h);
            sessions.add(engine.logins().login(symbol(h), Population.KANA, Population.PASSWORD).session());
        }
        capture.take();
        // one call of each, to show its SQL
        MemberId shown = MemberId.of(symbol(sampledHouseholds.get(0)) + "-1");
        List<CalendarDay> days = engine.calendar().month(sessions.get(0), shown, YearMonth.from(month(YEARS - 1, 0)),
                Optional.of(Venue.of(venueName(0))));
        List<String> calendarSql = capture.take();
        List<HistoryEntry> history = engine.bookings().history(sessions.get(0), shown, HistoryFilter.all());
        List<String> historySql = capture.take();
        out.println();
        out.printf("month calendar (CalendarService.month, one venue): %d days, %d slots; SQL:%n", days.size(),
                days.stream().mapToInt(d -> d.slots().size()).sum());
        calendarSql.forEach(s -> out.println("  " + s));
        out.printf("history (BookingService.history, all): %d entries; SQL:%n", history.size());
        historySql.forEach(s -> out.println("  " + s));

        int warmup = Math.max(200, o.iterations / 5);
        java.util.Set<Integer> pids = java.util.Set.of();
        if (db.dialect() == Dialect.POSTGRESQL) {
            try (Connection c = db.unpooled()) {
                pids = WaitSampler.benchPids(c);
            }
        }
        out.println();
        out.printf("%d rounds of %d calls each, one at a time, after %d warm-up calls; random member of %d logged-in"
                + " households, random venue and season month%n", o.rounds, o.iterations, warmup, sampled);
        out.println();
        out.println("| round | query | calls | p50 ms | p95 ms | p99 ms | max ms | target p99 | met | rest of machine,"
                + " cores |");
        out.println("|---:|---|---:|---:|---:|---:|---:|---:|---|---:|");
        Histogram cal = new Histogram(60_000_000L, 3);
        Histogram his = new Histogram(60_000_000L, 3);
        Histogram all = new Histogram(60_000_000L, 3);
        Measured calendar = new Measured("month calendar, one venue", cal);
        Measured hist = new Measured("history of a member", his);
        Measured allVenues = new Measured("month calendar, all venues (no target)", all);
        List<String> cpus = new ArrayList<>();
        boolean everyRound = true;
        for (int round = 1; round <= o.rounds; round++) {
            Histogram rc = new Histogram(60_000_000L, 3);
            Histogram rh = new Histogram(60_000_000L, 3);
            Histogram ra = new Histogram(60_000_000L, 3);
            CpuMeter.Reading before = null;
            for (int i = round == 1 ? -warmup : 0; i < o.iterations; i++) {
                if (i == 0 && before == null) {
                    rc.reset();
                    rh.reset();
                    ra.reset();
                    before = CpuMeter.read();
                }
                int k = random.nextInt(sampled);
                HouseholdSession s = sessions.get(k);
                MemberId member = MemberId.of(symbol(sampledHouseholds.get(k)) + "-"
                        + random.nextInt(MEMBERS_PER_HOUSEHOLD));
                YearMonth month = YearMonth.from(month(random.nextInt(YEARS), random.nextInt(SEASON_MONTHS)));
                Venue venue = Venue.of(venueName(random.nextInt(VENUES)));
                long t = System.nanoTime();
                engine.calendar().month(s, member, month, Optional.of(venue));
                long t2 = System.nanoTime();
                rc.recordValue((t2 - t) / 1_000);
                engine.bookings().history(s, member, HistoryFilter.all());
                long t3 = System.nanoTime();
                rh.recordValue((t3 - t2) / 1_000);
                engine.calendar().month(s, member, month, Optional.empty());
                ra.recordValue((System.nanoTime() - t3) / 1_000);
            }
            CpuMeter.Usage cpu = CpuMeter.between(before, CpuMeter.read(), pids);
            cpus.add("round " + round + ": " + cpu);
            for (Measured m : List.of(new Measured(calendar.name(), rc), new Measured(hist.name(), rh),
                    new Measured(allVenues.name(), ra))) {
                boolean target = !m.name().equals(allVenues.name());
                everyRound &= !target || m.millis(99) <= TARGET_P99_MILLIS;
                row(String.valueOf(round), m, target, cpu.other());
            }
            cal.add(rc);
            his.add(rh);
            all.add(ra);
        }
        for (Measured m : List.of(calendar, hist, allVenues)) {
            row("all", m, !m.name().equals(allVenues.name()), -1);
        }
        out.println();
        cpus.forEach(c -> out.println("cpu " + c));
        List<String> noIndex = explain(shown, sampledHouseholds.get(0));
        Result r = new Result(calendar, hist, noIndex);
        out.println();
        out.println("plans without an index scan: " + (noIndex.isEmpty() ? "none" : noIndex));
        out.println("targets (p99 <= 5 ms for both, all rounds together): " + (r.targetsMet() ? "met" : "MISSED")
                + "; in every round: " + (everyRound ? "met" : "MISSED"));
        return r;
    }

    private void row(String round, Measured m, boolean target, double otherCores) {
        out.printf(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %.1f | %s | %s | %s |%n", round, m.name(),
                m.latency().getTotalCount(), m.millis(50), m.millis(95), m.millis(99),
                m.latency().getMaxValue() / 1000.0, target ? "5 ms" : "-",
                !target ? "-" : m.millis(99) <= TARGET_P99_MILLIS ? "yes" : "NO",
                otherCores < 0 ? "-" : String.format(Locale.ROOT, "%.2f", otherCores));
    }

    /** Prints the plans of the adapter's statements the two queries send; answers those that scan a table. */
    private List<String> explain(MemberId member, int household) throws SQLException {
        String slotCols = "kb_slot.id AS id, kb_slot.venue AS venue, kb_slot.institution AS institution, kb_slot.exam_date AS"
                + " exam_date, kb_slot.start_time AS start_time, kb_slot.duration_seconds AS duration_seconds, kb_slot.capacity AS"
                + " capacity, (SELECT COALESCE(SUM(st.reserved), 0) FROM kb_slot_stripe st WHERE st.slot_id = kb_slot.id) AS"
                + " reserved, kb_slot.reception_opens AS reception_opens, kb_slot.cancelled AS cancelled";
        String resCols = "id, household, member_id, slot_id, fiscal_year, status, phone, terms_version, booked_at,"
                + " updated_at, staff_id, staff_reason, staff_at";
        LocalDate from = month(YEARS - 1, 0);
        record Q(String name, String sql, String types, Object[] params) {
        }
        List<Q> qs = List.of(
                new Q("findBetween (month, one venue)", "SELECT " + slotCols
                        + " FROM kb_slot WHERE exam_date >= ? AND exam_date < ? AND venue = ?", "date, date, varchar",
                        new Object[] {from, from.plusMonths(1), venueName(0)}),
                new Q("findBetween (month, all venues)", "SELECT " + slotCols
                        + " FROM kb_slot WHERE exam_date >= ? AND exam_date < ?", "date, date",
                        new Object[] {from, from.plusMonths(1)}),
                new Q("findByMember", "SELECT " + resCols + " FROM kb_reservation WHERE member_id = ? ORDER BY id",
                        "varchar", new Object[] {member.value()}),
                new Q("slot by id (history, once per entry)", "SELECT " + slotCols + " FROM kb_slot WHERE id = ?", "bigint",
                        new Object[] {slotId(YEARS - 1, 0, 17)}),
                new Q("account (every use case)", "SELECT household, password_hash, email FROM kb_account WHERE household = ?", "varchar", new Object[] {symbol(household)}));
        List<String> scans = new ArrayList<>();
        boolean pg = db.dialect() == Dialect.POSTGRESQL;
        try (Connection c = db.unpooled()) {
            for (Q q : qs) {
                out.println();
                out.println("-- " + q.name() + ": " + q.sql());
                String plan;
                if (pg) {
                    // custom plan: the parameters bound as the adapter binds them (server-side, typed)
                    out.println("-- custom plan (the first 5 executions of a prepared statement):");
                    plan = plan(c, "EXPLAIN (ANALYZE, BUFFERS) " + q.sql(), q.params());
                    out.print(plan);
                    // generic plan: what a server-prepared statement may switch to after 5 executions
                    String numbered = q.sql();
                    for (int i = 1; numbered.contains("?"); i++) {
                        numbered = numbered.replaceFirst("\\?", "\\$" + i);
                    }
                    StringBuilder literals = new StringBuilder();
                    for (Object p : q.params()) {
                        literals.append(literals.length() == 0 ? "" : ", ")
                                .append(p instanceof Number ? p.toString() : "'" + p.toString().replace("'", "''") + "'");
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute("SET plan_cache_mode = force_generic_plan");
                        s.execute("PREPARE kb_q(" + q.types() + ") AS " + numbered);
                    }
                    out.println("-- generic plan (plan_cache_mode = force_generic_plan):");
                    String generic = plan(c, "EXPLAIN (ANALYZE, BUFFERS) EXECUTE kb_q(" + literals + ")", new Object[0]);
                    out.print(generic);
                    try (Statement s = c.createStatement()) {
                        s.execute("DEALLOCATE kb_q");
                        s.execute("RESET plan_cache_mode");
                    }
                    plan += generic;
                } else {
                    plan = plan(c, "EXPLAIN ANALYZE " + q.sql(), q.params());
                    out.print(plan);
                }
                // PostgreSQL names a table scan "Seq Scan", H2 ".tableScan"
                if (plan.contains("Seq Scan") || plan.contains(".tableScan")) {
                    scans.add(q.name());
                }
            }
        }
        return scans;
    }

    private static String plan(Connection c, String sql, Object[] params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
