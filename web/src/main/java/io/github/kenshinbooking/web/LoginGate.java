package io.github.kenshinbooking.web;

import io.github.kenshinbooking.error.Refusal;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Password verification at login, bounded to what the processors can hash: at most {@code threads} logins
 * verify at once, and the others wait in arrival order (a fair semaphore) as long as their expected wait (the
 * logins ahead of them times the measured time between two logins leaving) stays within {@code maxWait} and at most
 * {@code queue} wait. A login beyond that is turned away at once, instead of holding a server thread, with a
 * ticket: its place in line, due when the queue will have drained to half of {@code maxWait}. The ticket's
 * {@code Retry-After} says when; coming back with it, the login is let in ahead of logins that arrived after
 * it, so the line stays first come first served across the wait page, and logins turned away come back spread
 * over time instead of all at once (each such wave would turn most of them away again). Households already
 * logged in never pass here, so their pages keep their latency while logins pile up. Tickets live in this
 * instance's memory only (another instance treats one as a new arrival), at most {@code 16 ×} the admitted
 * logins, and lapse {@code maxWait} after they are due. Thread-safe.
 */
@Component
class LoginGate implements AutoCloseable {
    /** A login turned away: come back after {@code retryAfter} with {@code ticket}. */
    static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;
        private final String ticket;

        Busy(Duration retryAfter, String ticket) {
            super("busy, retry after " + retryAfter, null, false, false);
            this.retryAfter = retryAfter;
            this.ticket = ticket;
        }

        Duration retryAfter() {
            return retryAfter;
        }

        /** @return the place in line to come back with, if one was given */
        Optional<String> ticket() {
            return Optional.ofNullable(ticket);
        }
    }

    /** The guarded work: a login that may be refused. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Refusal;
    }

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /**
     * Tickets are due at this share of the time the estimate gives: a ticket back too early costs one busy page,
     * one too late leaves the processors idle while households wait outside (the line speeds up once the crowd
     * is in, faster than an estimate made before it; and Retry-After rounds up to whole seconds).
     */
    private static final long EARLY_PERCENT = 70;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Semaphore running;
    private final int threads;
    private final int admitted;
    private final int maxTickets;
    private final Duration maxWait;
    private final AtomicInteger inside = new AtomicInteger();
    /** The first guess of one login's time, until the line has moved. */
    private static final Duration FIRST_GUESS = Duration.ofMillis(200);
    /**
     * Exponentially weighted mean time between two logins leaving while others wait, in nanoseconds: how fast
     * the line moves, measured, so it counts whatever else the processors do meanwhile (pages, the database).
     */
    private final AtomicLong drainNanos;
    private final AtomicLong lastDone = new AtomicLong();
    /** Ticket → when it is due ({@link System#nanoTime}); guarded by itself, with {@link #inside}'s admissions. */
    private final Map<String, Long> tickets = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** The {@code threads} threads that verify; the semaphore hands them at most that many logins. */
    private final ExecutorService hashing;

    LoginGate(WebProperties properties) {
        WebProperties.Logins logins = properties.logins();
        this.threads = logins.threads();
        this.running = new Semaphore(threads, true);
        this.admitted = threads + logins.queue();
        this.maxTickets = 16 * admitted;
        this.maxWait = logins.maxWait();
        this.drainNanos = new AtomicLong(FIRST_GUESS.toNanos() / threads);
        AtomicInteger n = new AtomicInteger();
        this.hashing = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "login-hashing-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    <T> T run(Work<T> work) throws Busy, Refusal {
        return run(null, work);
    }

    /**
     * Runs a login, or turns it away.
     *
     * @param ticket the ticket of an earlier {@link Busy}, or null
     * @param work   the login
     * @return the login's result
     * @throws Busy   if it is turned away: come back after its {@code Retry-After} with its ticket
     * @throws Refusal as the login refuses
     */
    <T> T run(String ticket, Work<T> work) throws Busy, Refusal {
        admit(ticket);
        try {
            if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw backInLine();
            }
            long start = System.nanoTime();
            long[] cpu = {-1};
            try {
                return onHashingThread(work, cpu);
            } finally {
                running.release();
                long done = System.nanoTime();
                long took = done - start;
                long previous = lastDone.getAndSet(done);
                // with others waiting, the time since the last login left; else this login's share of the threads
                // from its CPU time, not its wall time: before the first crowd, whose tickets this estimate times,
                // the JIT and pages compete for the processors, and a wall-time estimate called every ticket back
                // too late, so the line ran dry while households waited outside. Too early costs a busy page.
                long interval = inside.get() > threads && previous != 0 ? Math.min(done - previous, took)
                        : (cpu[0] > 0 ? Math.min(cpu[0], took) : took) / threads;
                drainNanos.getAndUpdate(mean -> mean + (interval - mean) / 16);
            }
        } catch (InterruptedException e) {
            // a login already handed to a hashing thread still finishes there; the pool's size bounds them
            Thread.currentThread().interrupt();
            throw backInLine();
        } finally {
            inside.decrementAndGet();
        }
    }

    /**
     * Runs the login on one of the gate's own threads while this server thread waits: those threads have the
     * lowest priority, so where the JVM maps priorities to the OS (Linux with {@code -XX:ThreadPriorityPolicy=1})
     * the pages of households already logged in go before hashing instead of sharing the processors with it.
     */
    private <T> T onHashingThread(Work<T> work, long[] cpu) throws Refusal, InterruptedException {
        Future<T> result = hashing.submit(() -> {
            long before = cpuNanos();
            try {
                return work.run();
            } finally {
                cpu[0] = before < 0 ? -1 : cpuNanos() - before; // read after get(): the future orders it
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Refusal r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static long cpuNanos() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    /** Stops the hashing threads with the application (Spring closes an {@link AutoCloseable} bean). */
    @Override
    public void close() {
        hashing.shutdownNow();
    }

    /** Lets the login in (counted in {@link #inside}), or throws the {@link Busy} that turns it away. */
    private void admit(String ticket) throws Busy {
        long now = System.nanoTime();
        synchronized (tickets) {
            lapse(now);
            Long due = ticket == null ? null : tickets.get(ticket);
            int ahead = inside.get();
            if (due != null) {
                if (due - now > SECOND) { // early: the place is kept until its time
                    throw new Busy(retryAfter(due - now), ticket);
                }
                if (ahead < admitted) {
                    tickets.remove(ticket);
                    inside.incrementAndGet();
                    return;
                }
                tickets.put(ticket, now + drainNanos.get());
                throw new Busy(retryAfter(drainNanos.get()), ticket);
            }
            // a new arrival queues behind the logins inside and every ticket still out
            int line = ahead + tickets.size();
            long expectedWait = waitNanos(line);
            if (line < admitted && expectedWait <= maxWait.toNanos()) {
                inside.incrementAndGet();
                return;
            }
            long comeBack = Math.max(0, expectedWait - maxWait.toNanos() / 2) * EARLY_PERCENT / 100;
            if (tickets.size() >= maxTickets) {
                throw new Busy(retryAfter(comeBack), null);
            }
            String issued = newTicket();
            tickets.put(issued, now + comeBack);
            throw new Busy(retryAfter(comeBack), issued);
        }
    }

    /** A login admitted but not served within {@code maxWait}: first in line when it comes back. */
    private Busy backInLine() {
        synchronized (tickets) {
            String issued = newTicket();
            tickets.put(issued, System.nanoTime());
            return new Busy(retryAfter(0), issued);
        }
    }

    private void lapse(long now) {
        long grace = maxWait.toNanos();
        for (Iterator<Long> it = tickets.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > grace) {
                it.remove();
            }
        }
    }

    private String newTicket() {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** @return logins inside the gate now, verifying or waiting */
    int inside() {
        return inside.get();
    }

    /** @return tickets out: logins turned away that are expected back */
    int ticketsOut() {
        synchronized (tickets) {
            lapse(System.nanoTime());
            return tickets.size();
        }
    }

    /** The expected wait of a login with {@code ahead} logins before it, at the rate the line moves. */
    private long waitNanos(int ahead) {
        return Math.max(0, ahead - threads + 1) * drainNanos.get();
    }

    /** A wait as a {@code Retry-After}: whole seconds, rounded up (coming back early finds no room), at least 1. */
    private static Duration retryAfter(long nanos) {
        return Duration.ofSeconds(Math.max(1, (nanos + SECOND - 1) / SECOND));
    }
}
