package io.github.kenshinbooking.bench;

import java.util.Locale;

/** The ways the load driver books: through the library, and the two raw-JDBC baselines. */
enum Mechanism {
    /** {@code BookingService.book} over {@code JdbcStorage}: every check, the outbox row, the capacity update. */
    LIBRARY("library"),
    /** The SQL the adapter issues for one booking, as raw JDBC statements in a minimal loop. */
    RAW("raw-same-sql"),
    /** The same reads, then the peers' capacity mechanism: {@code SELECT … FOR UPDATE}, {@code count(*)}, insert. */
    LOCK_COUNT("lock-and-count");

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
                    || (m == RAW && v.equals("raw")) || (m == LOCK_COUNT && v.equals("lock"))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mechanism " + s + " (library, raw, lock)");
    }
}
