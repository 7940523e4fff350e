package io.github.kenshinbooking.csv;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.jdbc.Dialect;
import io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory;
import io.github.kenshinbooking.jdbc.JdbcStorage;
import io.github.kenshinbooking.jdbc.KenshinMigrations;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The child JVM of {@link StreamingHeapTest}, started with a small heap: writes a member file of N
 * members, imports it (DATA-3) into an H2 file database, imports it again (unchanged), books every
 * member by SQL, and exports the fiscal year's roster (DATA-1) to a file; prints the counts, the times
 * and the heap's peak. Arguments: a directory for the files, the number of members.
 */
public final class HeapCheck {
    private static final int SLOTS = 200;

    private HeapCheck() {
    }

    /**
     * Runs the check.
     *
     * @param args the working directory and the number of members
     * @throws Exception if anything fails
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        JdbcDataSource ds = new JdbcDataSource();
        // kept open between connections: without a pool, H2 would close and reopen the file each time
        ds.setURL("jdbc:h2:file:" + dir.resolve("kb").toAbsolutePath() + ";CACHE_SIZE=8192;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations(KenshinMigrations.location(Dialect.H2))
                .table(KenshinMigrations.HISTORY_TABLE).load().migrate();
        JdbcStorage storage = JdbcStorage.create(ds);
        KenshinBooking engine = KenshinBooking.builder().storage(storage).directory(JdbcHouseholdDirectory.of(storage))
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1)).build();

        Path members = dir.resolve("members.csv");
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(members, StandardCharsets.UTF_8))) {
            w.write("記号番号,組合員番号,カナ氏名,漢字氏名,生年月日,性別,資格取得日,資格喪失日,代表者\r\n");
            for (int i = 0; i < n; i++) {
                int household = 1_000_000 + i / 3;
                w.write(household + "," + household + "-" + (i % 3) + ",ｹﾝｾﾂ ﾀﾛｳ" + (i % 3) + ",建設 太郎" + i
                        + ",1960-02-10," + (i % 2 == 0 ? "M" : "F") + ",2000-04-01,," + (i % 3 == 0 ? "1" : "0") + "\r\n");
            }
        }

        long t0 = System.nanoTime();
        ImportReport first;
        try (InputStream in = Files.newInputStream(members)) {
            first = CsvImport.members(engine.exchange(), in);
        }
        long t1 = System.nanoTime();
        ImportReport again;
        try (InputStream in = Files.newInputStream(members)) {
            again = CsvImport.members(engine.exchange(), in);
        }
        long t2 = System.nanoTime();

        for (int s = 0; s < SLOTS; s++) {
            storage.slots().add(new SlotSpec(Venue.of("会場" + (s % 4)), "健診機関", LocalDate.of(2024, 6, 1).plusDays(s / 4),
                    LocalTime.of(9, 0), Duration.ofMinutes(30), n, Instant.parse("2024-04-01T00:00:00Z")));
        }
        // every member booked, by batched SQL (the fixture, not under test), streamed like the file
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO kb_reservation"
                + " (id, household, member_id, slot_id, fiscal_year, status, live_fiscal_year, phone, terms_version,"
                + " booked_at, updated_at) VALUES (?, ?, ?, ?, 2024, 'CONFIRMED', 2024, '0921234567', '2024-03',"
                + " TIMESTAMP '2024-04-01 00:00:00', TIMESTAMP '2024-04-01 00:00:00')")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                int household = 1_000_000 + i / 3;
                ps.setLong(1, i + 1);
                ps.setString(2, Integer.toString(household));
                ps.setString(3, household + "-" + (i % 3));
                ps.setLong(4, i % SLOTS + 1);
                ps.addBatch();
                if (i % 1000 == 999 || i == n - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }

        long t3 = System.nanoTime();
        System.out.printf("fixture: %d slots and %d reservations in %d ms%n", SLOTS, n, (t3 - t2) / 1_000_000);
        Path roster = dir.resolve("roster.csv");
        long rows;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(roster))) {
            rows = RosterCsv.export(engine.exchange(), RosterQuery.fiscalYear(FiscalYear.of(2024)), out);
        }
        long t4 = System.nanoTime();

        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("members %d imported %s in %d ms%n", n, first, (t1 - t0) / 1_000_000);
        System.out.printf("same file again %s in %d ms%n", again, (t2 - t1) / 1_000_000);
        System.out.printf("roster rows %d exported (%d bytes) in %d ms%n", rows, Files.size(roster), (t4 - t3) / 1_000_000);
        System.out.printf("heap max %d MB, peak used %d MB%n", Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }
}
