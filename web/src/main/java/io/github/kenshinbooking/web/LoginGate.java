package io.github.kenshinbooking.web;

import io.github.kenshinbooking.error.Refusal;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Password verification at login, bounded to what the processors can hash: at most {@code threads} logins
 * verify at once, and the others wait in arrival order (a fair semaphore) as long as their expected wait (the
 * logins ahead of them times the moving mean of one login) stays within {@code maxWait} and at most
 * {@code queue} wait. A login beyond that is turned away at once with a {@code Retry-After} for when the
 * queue will have room again, instead of holding a server thread; so the hashing threads are never idle
 * while logins wait, and no thread waits for nothing. Households already logged in never pass here, so
 * their pages keep their latency while logins pile up. Thread-safe.
 */
@Component
class LoginGate {
    /** A login turned away: come back after {@code retryAfter}. */
    static final class Busy extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        Busy(Duration retryAfter) {
            super("busy, retry after " + retryAfter, null, false, false);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The guarded work: a login that may be refused. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Refusal;
    }

    private final Semaphore running;
    private final int threads;
    private final int admitted;
    private final Duration maxWait;
    private final AtomicInteger inside = new AtomicInteger();
    /** Exponentially weighted mean of a login's service time, in nanoseconds. */
    private final AtomicLong meanNanos = new AtomicLong(Duration.ofMillis(200).toNanos());

    LoginGate(WebProperties properties) {
        WebProperties.Logins logins = properties.logins();
        this.threads = logins.threads();
        this.running = new Semaphore(threads, true);
        this.admitted = threads + logins.queue();
        this.maxWait = logins.maxWait();
    }

    <T> T run(Work<T> work) throws Busy, Refusal {
        int ahead = inside.incrementAndGet() - 1;
        long expectedWait = waitNanos(ahead);
        if (ahead >= admitted || expectedWait > maxWait.toNanos()) {
            inside.decrementAndGet();
            throw new Busy(retryAfter(expectedWait));
        }
        try {
            if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Busy(retryAfter(waitNanos(inside.get())));
            }
            long start = System.nanoTime();
            try {
                return work.run();
            } finally {
                running.release();
                long took = System.nanoTime() - start;
                meanNanos.getAndUpdate(mean -> mean + (took - mean) / 8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(retryAfter(waitNanos(inside.get())));
        } finally {
            inside.decrementAndGet();
        }
    }

    /** @return logins inside the gate now, verifying or waiting */
    int inside() {
        return inside.get();
    }

    /** The expected wait of a login with {@code ahead} logins before it: whole rounds of {@code threads}. */
    private long waitNanos(int ahead) {
        return (long) (ahead / threads) * meanNanos.get();
    }

    /**
     * When a login turned away with {@code expectedWait} should come back: once the queue has drained to half
     * of {@code maxWait}, so that it finds room and the queue still holds work when it arrives (coming back
     * late would leave the processors idle). Whole seconds, at least 1.
     */
    private Duration retryAfter(long expectedWait) {
        long nanos = expectedWait - maxWait.toNanos() / 2;
        return Duration.ofSeconds(Math.max(1, nanos / 1_000_000_000L));
    }
}
