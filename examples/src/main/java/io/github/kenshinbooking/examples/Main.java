package io.github.kenshinbooking.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runnable jar's entry point.
 *
 * <pre>
 * java -jar examples/target/kenshin-booking-examples.jar scenarios [--jdbc-url URL [--user U] [--password P]] FILE_OR_DIR...
 * java -jar examples/target/kenshin-booking-examples.jar scenarios [--jdbc-url URL ...] --builtin [FILE_OR_DIR...]
 * java -jar examples/target/kenshin-booking-examples.jar demo
 * </pre>
 *
 * Exit status: 0 all scenarios passed (or the demo ran); 1 a scenario failed; 2 a file is not a
 * valid scenario, or the command line is wrong.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int INVALID = 2;
    /** Option of {@code scenarios}: run the corpus shipped in the testkit jar. */
    static final String BUILTIN = "--builtin";

    static final String USAGE = """
            usage: java -jar kenshin-booking-examples.jar COMMAND
              scenarios [--jdbc-url URL [--user USER] [--password PASSWORD]] FILE_OR_DIR...
                  runs compliance scenarios (SCENARIOS.md); one PASS/FAIL line each, then "N passed, M failed"
              scenarios [--jdbc-url URL ...] --builtin [FILE_OR_DIR...]
                  the same for the corpus shipped in the testkit jar (every rule ID), then the given files
              demo
                  the manual's story: first login, password, e-mail, calendar, bookings, change, cancel, mails""";

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    /** Runs a command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return INVALID;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "scenarios": {
                boolean builtin = rest.contains(BUILTIN);
                List<String> options = rest.stream().filter(a -> !a.equals(BUILTIN)).toList();
                return withTarget(options, err, (target, paths) -> {
                    if (paths.isEmpty() && !builtin) {
                        err.println("scenarios: give at least one scenario file or directory, or --builtin");
                        err.println(USAGE);
                        return INVALID;
                    }
                    return new ScenariosCommand(target, out, err).run(builtin, paths);
                });
            }
            case "demo":
                return withTarget(rest, err, (target, extra) -> {
                    if (!extra.isEmpty()) {
                        err.println("demo: unexpected argument " + extra.get(0));
                        return INVALID;
                    }
                    return new DemoCommand(target, out).run();
                });
            case "-h":
            case "--help":
            case "help":
                out.println(USAGE);
                return OK;
            default:
                err.println("unknown command " + args[0]);
                err.println(USAGE);
                return INVALID;
        }
    }

    @FunctionalInterface
    private interface Command {
        int run(StorageTarget target, List<String> arguments);
    }

    /** Parses the storage options, opens the target, runs the command with the other arguments. */
    private static int withTarget(List<String> args, PrintStream err, Command command) {
        String url = null;
        String user = null;
        String password = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (!name.equals("--jdbc-url") && !name.equals("--user") && !name.equals("--password")) {
                if (a.startsWith("--")) {
                    err.println("unknown option " + a);
                    err.println(USAGE);
                    return INVALID;
                }
                rest.add(a);
                continue;
            }
            String value;
            if (a.contains("=")) {
                value = a.substring(a.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                err.println("option " + a + " needs a value");
                return INVALID;
            }
            switch (name) {
                case "--jdbc-url" -> url = value;
                case "--user" -> user = value;
                default -> password = value;
            }
        }
        if (url == null && (user != null || password != null)) {
            err.println("--user and --password need --jdbc-url");
            return INVALID;
        }
        StorageTarget target;
        if (url == null) {
            target = StorageTarget.defaultTarget();
        } else {
            try {
                target = JdbcTarget.of(url, user, password);
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return INVALID;
            }
        }
        try (StorageTarget t = target) {
            return command.run(t, rest);
        }
    }
}
