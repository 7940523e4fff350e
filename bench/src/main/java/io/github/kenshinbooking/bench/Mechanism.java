package io.github.kenshinbooking.bench;

import java.util.Locale;

/** The ways the load driver books: through the library, and the two raw-JDBC baselines. */
enum Mechanism {
    /** {@code BookingService.book} over {@code JdbcStorage}: every check, the outbox row, the capacity update. */
    LIBRARY("library"),
    /** The SQL the adapter issues for one booking, as raw JDBC statements in a minimal loop. */
    RAW("raw-same-sql"),
    /** The same loop with the peers' capacity mechanism: {@code SELECT … FOR UPDATE}, {@code count(*)}, insert. */
    LOCK_COUNT("lock-and-count"),
    /**
     * A proposal, PostgreSQL only, not run unless asked for: the same reads in auto-commit, then
     * capacity update, reservation and outbox row as one auto-commit statement, so no round trip
     * falls between taking the slot's row lock and the commit that releases it.
     */
    ONE_STATEMENT("one-statement");

    private final String label;

    Mechanism(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Mechanism parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        for (Mechanism m : values()) {
            if (m.label.equals(v) || m.name().toLowerCase(Locale.ROOT).equals(v)
                    || (m == RAW && v.equals("raw")) || (m == LOCK_COUNT && v.equals("lock"))
                    || (m == ONE_STATEMENT && v.equals("one"))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mechanism " + s + " (library, raw, lock, one)");
    }
}
