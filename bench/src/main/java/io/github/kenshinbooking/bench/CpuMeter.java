package io.github.kenshinbooking.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU time of the whole machine, of this JVM, of the PostgreSQL backends serving the bench's pool
 * and of all other PostgreSQL processes, from {@code /proc} (Linux; elsewhere only the JVM's), so
 * a point can say whether the cores were saturated and by whom: the driver, its database
 * backends, the server's other work (WAL writer, other clients), or something else on the machine.
 */
final class CpuMeter {
    private static final double TICKS = 100.0; // USER_HZ on Linux

    /** A reading; CPU in seconds, -1 where unknown; {@code postgres} in ticks by process id. */
    record Reading(long nanos, double machineBusy, double jvm, Map<Integer, Long> postgres) {
    }

    /** Cores busy between two readings; -1 where unknown. */
    record Usage(double machine, double jvm, double pgBench, double pgOther) {
        double other() {
            return machine < 0 || pgOther < 0 ? -1 : Math.max(0, machine - jvm - pgBench - pgOther);
        }

        @Override
        public String toString() {
            if (machine < 0) {
                return String.format("driver JVM %.2f cores", jvm);
            }
            return String.format("cores busy %.2f of %d: driver JVM %.2f, its PostgreSQL backends %.2f,"
                    + " other PostgreSQL processes %.2f, rest of machine %.2f", machine,
                    Runtime.getRuntime().availableProcessors(), jvm, pgBench, pgOther, other());
        }
    }

    private CpuMeter() {
    }

    /** A reading; {@code benchPids} are the server processes of the bench's pool (may be empty). */
    static Reading read() {
        return new Reading(System.nanoTime(), machineBusy(), jvm(), postgres());
    }

    /**
     * Cores busy between two readings; {@code benchPids} are the server processes of the bench's
     * pool. A PostgreSQL process that ended in between is not counted; one that started is counted
     * from its start.
     */
    static Usage between(Reading a, Reading b, Set<Integer> benchPids) {
        double secs = (b.nanos - a.nanos) / 1e9;
        if (a.postgres == null || b.postgres == null) {
            return new Usage(-1, (b.jvm - a.jvm) / secs, -1, -1);
        }
        long bench = 0;
        long other = 0;
        for (Map.Entry<Integer, Long> e : b.postgres.entrySet()) {
            long delta = e.getValue() - a.postgres.getOrDefault(e.getKey(), 0L);
            if (benchPids.contains(e.getKey())) {
                bench += delta;
            } else {
                other += delta;
            }
        }
        return new Usage(a.machineBusy < 0 ? -1 : (b.machineBusy - a.machineBusy) / secs, (b.jvm - a.jvm) / secs,
                bench / TICKS / secs, other / TICKS / secs);
    }

    private static double jvm() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    private static double machineBusy() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (total - idle) / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU ticks of every PostgreSQL process by id; null without /proc. */
    private static Map<Integer, Long> postgres() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return null;
        }
        Map<Integer, Long> out = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc,
                p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path pid : pids) {
                try {
                    String stat = Files.readString(pid.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    if (!comm.startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    // utime and stime, fields 14 and 15 of stat, are the 12th and 13th after the command
                    out.put(Integer.valueOf(pid.getFileName().toString()),
                            Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return null;
        }
        return out;
    }
}
