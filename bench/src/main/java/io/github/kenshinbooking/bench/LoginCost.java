package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.bench.LoginPaths.Path;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * PW-3 and HARD-4: the CPU time and the wall time of one hash verification per hasher and of one
 * failed login per path ({@link LoginPaths}), each call measured on its own on the calling thread.
 * The cases take turns, round after round in a rotating order, so that a shared machine's other work
 * slows every case alike; the CPU time ({@link ThreadMXBean}) is what a case costs whatever else
 * runs, the wall time what a caller waits. Prints the median, lowest and highest of each.
 *
 * <pre>
 * java -cp bench/target/kenshin-booking-bench.jar io.github.kenshinbooking.bench.LoginCost \
 *     [--verify pbkdf2,argon2id,pbkdf2-100000] [--logins pbkdf2,argon2id-migrating] [--rounds 20] [--warmup 3]
 * </pre>
 */
public final class LoginCost {
    /** What to measure. */
    record Options(List<String> verify, List<String> logins, int rounds, int warmup) {
        static Options parse(String[] args) {
            List<String> verify = List.of("pbkdf2", "argon2id", "pbkdf2-100000");
            List<String> logins = List.of("pbkdf2", "argon2id-migrating");
            int rounds = 20;
            int warmup = 3;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                if (value == null) {
                    throw new IllegalArgumentException("missing value after " + args[i]);
                }
                switch (args[i]) {
                    case "--verify" -> verify = names(value);
                    case "--logins" -> logins = names(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (rounds < 1 || warmup < 0) {
                throw new IllegalArgumentException("--rounds must be at least 1 and --warmup at least 0");
            }
            return new Options(verify, logins, rounds, warmup);
        }

        private static List<String> names(String csv) {
            return csv.isBlank() ? List.of() : List.of(csv.split(","));
        }
    }

    /** One measured call. */
    private record Case(String name, Supplier<Object> call) {
    }

    /** What one case cost, in milliseconds. */
    record Cost(String name, double cpuMedian, double cpuMin, double cpuMax, double wallMedian, double wallMax) {
    }

    private LoginCost() {
    }

    /**
     * Runs with the options of the class comment.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        run(Options.parse(args), System.out);
    }

    static List<Cost> run(Options o, PrintStream out) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isCurrentThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
        }
        List<Case> cases = new ArrayList<>();
        for (String name : o.verify()) {
            PasswordHasher hasher = Hashers.named(name);
            PasswordHash stored = hasher.hash("sakura2024");
            cases.add(new Case("verify  " + name + " (" + hasher + ")", () -> hasher.verify("sakura2024", stored)));
        }
        for (String name : o.logins()) {
            LoginPaths paths = LoginPaths.named(name);
            for (Path path : Path.values()) {
                cases.add(new Case("login   " + name + " " + path, () -> paths.attempt(path)));
            }
        }
        out.println("load average before: " + loadAverage());
        CpuMeter.Reading start = CpuMeter.read();
        long[][] cpu = new long[cases.size()][o.rounds()];
        long[][] wall = new long[cases.size()][o.rounds()];
        Object sink = null;
        for (int round = -o.warmup(); round < o.rounds(); round++) {
            for (int k = 0; k < cases.size(); k++) {
                int i = Math.floorMod(k + round, cases.size());
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                sink = cases.get(i).call().get();
                long w1 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                if (round >= 0) {
                    cpu[i][round] = c1 - c0;
                    wall[i][round] = w1 - w0;
                }
            }
        }
        CpuMeter.Usage usage = CpuMeter.between(start, CpuMeter.read(), Set.of());
        List<Cost> costs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            long[] c = cpu[i].clone();
            long[] w = wall[i].clone();
            Arrays.sort(c);
            Arrays.sort(w);
            costs.add(new Cost(cases.get(i).name(), ms(c[c.length / 2]), ms(c[0]), ms(c[c.length - 1]),
                    ms(w[w.length / 2]), ms(w[w.length - 1])));
        }
        out.printf("%d rounds after %d warm-up rounds, the cases in a rotating order; ms per call, one thread%n",
                o.rounds(), o.warmup());
        out.printf("%-75s %9s %9s %9s %10s %9s%n", "case", "CPU p50", "CPU min", "CPU max", "wall p50", "wall max");
        for (Cost c : costs) {
            out.printf("%-75s %9.1f %9.1f %9.1f %10.1f %9.1f%n", c.name(), c.cpuMedian(), c.cpuMin(), c.cpuMax(),
                    c.wallMedian(), c.wallMax());
        }
        out.println("during the run: " + usage);
        out.println("load average after: " + loadAverage() + " (last: " + (sink == null ? "-" : sink) + ")");
        return costs;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Paths.get("/proc/loadavg"), StandardCharsets.US_ASCII).trim();
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }
}
