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
 * verify at once, at most {@code queue} more wait in arrival order (a fair semaphore), and a login beyond
 * that, or one that waited {@code maxWait}, is turned away at once with a retry-after estimate instead of
 * holding a server thread. Households already logged in never pass here, so their pages keep their latency
 * while logins pile up. Thread-safe.
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
        if (inside.incrementAndGet() > admitted) {
            inside.decrementAndGet();
            throw new Busy(retryAfter(admitted));
        }
        try {
            if (!running.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Busy(retryAfter(inside.get()));
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
            throw new Busy(retryAfter(inside.get()));
        } finally {
            inside.decrementAndGet();
        }
    }

    /** @return logins inside the gate now, verifying or waiting */
    int inside() {
        return inside.get();
    }

    private Duration retryAfter(int ahead) {
        long nanos = (long) Math.ceil((double) ahead / threads) * meanNanos.get();
        return Duration.ofSeconds(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
