package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntPredicate;

/**
 * A steady booking load for fault tests: client threads book the members of their own households
 * into random slots, each request with an idempotency key. A request that fails (a dead connection,
 * a node or server going away: the outcome is unknown) is repeated with its key on the next engine
 * until it is answered (BOOK-4), so at the end every booking a client was told about is known, and
 * nothing else may be in the database.
 */
final class BookingLoad {
    private static final int MEMBERS = 8;

    /** One booking a client was told about: the reservation, the engine that answered, when. */
    record Told(Reservation reservation, int engine, long at) {
    }

    private final List<KenshinBooking> engines;
    private final List<Slot> slots;
    private final List<List<Household>> households = new ArrayList<>();
    private final List<List<HouseholdSession>> sessions = new ArrayList<>();
    private final long pauseMillis;
    private final ConcurrentLinkedQueue<Told> told = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final Set<String> failureKinds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger slotFull = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger exhausted = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * Households of 8 members for {@code threads} clients, {@code perThread} each, stored in the
     * directory and activated (first login, password, e-mail) through {@code engines.get(0)}.
     */
    BookingLoad(List<KenshinBooking> engines, JdbcHouseholdDirectory directory, List<Slot> slots, int threads,
            int perThread, int symbolBase, long pauseMillis) throws Refusal {
        this.engines = List.copyOf(engines);
        this.slots = List.copyOf(slots);
        this.pauseMillis = pauseMillis;
        LocalDate[] births = new LocalDate[MEMBERS];
        for (int m = 0; m < MEMBERS; m++) {
            births[m] = LocalDate.of(1960 + m, 4, 1 + m);
        }
        for (int t = 0; t < threads; t++) {
            households.add(new ArrayList<>());
            sessions.add(new ArrayList<>());
            for (int i = 0; i < perThread; i++) {
                Household h = Union.household(Integer.toString(symbolBase + t * 1_000 + i), births);
                directory.put(h);
                households.get(t).add(h);
                sessions.get(t).add(Union.activate(engines.get(0), h, Optional.of("h" + t + "-" + i + "@example.jp")));
            }
        }
    }

    /** Starts the clients; client {@code t} first tries engine {@code t % engines}. */
    void start() {
        for (int t = 0; t < households.size(); t++) {
            int thread = t;
            Thread th = new Thread(() -> run(thread), "kb-load-client-" + t);
            threads.add(th);
            th.start();
        }
    }

    private void run(int thread) {
        Random random = new Random(thread);
        int home = thread % engines.size();
        int n = 0;
        for (int i = 0; i < households.get(thread).size(); i++) {
            HouseholdSession session = sessions.get(thread).get(i);
            for (Member m : households.get(thread).get(i).members()) {
                if (stop.get()) {
                    return;
                }
                BookingRequest request = BookingRequest.of(m.id(), slots.get(random.nextInt(slots.size())).id(),
                        Union.PHONE, true).withIdempotencyKey("t" + thread + "-" + n++);
                int engine = home;
                for (int attempt = 0;; attempt++) {
                    try {
                        Reservation r = engines.get(engine).bookings().book(session, request);
                        told.add(new Told(r, engine, System.nanoTime()));
                        break;
                    } catch (Refusal r) {
                        if (r.code() == ErrorCode.SLOT_FULL) {
                            slotFull.incrementAndGet();
                        } else {
                            unexpected.add("client " + thread + ": " + r.code());
                        }
                        break;
                    } catch (InfrastructureException e) {
                        failures.incrementAndGet();
                        failureKinds.add("engine " + engine + ": " + e.getMessage());
                        if (attempt >= 300) {
                            unexpected.add("client " + thread + " gave up: " + e);
                            break;
                        }
                        engine = (engine + 1) % engines.size();
                        pause(50);
                    } catch (RuntimeException e) {
                        unexpected.add("client " + thread + ": " + e);
                        break;
                    }
                }
                pause(pauseMillis); // a steady load, not a flood: the tests count their phases in bookings
            }
        }
        exhausted.incrementAndGet();
    }

    /** Stops the clients after their current request and waits for them. */
    void stop() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(120_000);
        }
    }

    /** Waits (at most 90 s) until the condition holds. */
    void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what + " (" + summary() + ")");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    int toldCount() {
        return told.size();
    }

    /** Bookings told after {@code nanoTime} by an engine the predicate accepts. */
    long toldSince(long nanoTime, IntPredicate engine) {
        return told.stream().filter(x -> x.at() > nanoTime && engine.test(x.engine())).count();
    }

    /** Bookings told between the two instants. */
    long toldBetween(long from, long to) {
        return told.stream().filter(x -> x.at() > from && x.at() <= to).count();
    }

    /** The reservations the clients were told about, as {@link #key}s. */
    Set<String> toldKeys() {
        Set<String> keys = new HashSet<>();
        told.forEach(x -> keys.add(key(x.reservation())));
        return keys;
    }

    /** How many distinct reservation ids the clients were told (fewer than bookings if an id was handed out twice). */
    long distinctToldIds() {
        return told.stream().map(x -> x.reservation().id()).distinct().count();
    }

    /**
     * A reservation as id and member: after a fail-over that lost bookings, the promoted server's
     * sequence may hand a lost booking's id to another one, so the id alone does not identify it.
     */
    static String key(Reservation r) {
        return r.id() + " " + r.member();
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    int slotFull() {
        return slotFull.get();
    }

    int exhausted() {
        return exhausted.get();
    }

    String summary() {
        return told.size() + " bookings told, " + slotFull.get() + " SLOT_FULL, " + failures.get()
                + " failed attempts repeated with their key " + failureKinds;
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
