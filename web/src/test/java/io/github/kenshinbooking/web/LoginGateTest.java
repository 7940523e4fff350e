package io.github.kenshinbooking.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The login gate on its own, with real threads: bounded, first come first served, turning away at once. */
class LoginGateTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private static LoginGate gate(int threads, int queue, Duration maxWait) {
        return new LoginGate(new WebProperties(null, new WebProperties.Logins(threads, queue, maxWait), null));
    }

    @Test
    @DisplayName("SES-4: beyond the threads and the queue a login is turned away at once with a Retry-After of at least a second")
    void turnsAwayBeyondTheQueueAtOnce() throws Exception {
        LoginGate gate = gate(1, 2, Duration.ofSeconds(10));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> gate.run(() -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> second = pool.submit(() -> gate.run(() -> "second"));
        Future<String> third = pool.submit(() -> gate.run(() -> "third"));
        awaitInside(gate, 3);

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> gate.run(() -> "fourth")).isInstanceOfSatisfying(LoginGate.Busy.class,
                busy -> assertThat(busy.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(gate.inside()).isEqualTo(3);

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo("third");
        assertThat(gate.inside()).isZero();
        assertThat(gate.run(() -> "again")).isEqualTo("again");
    }

    @Test
    @DisplayName("waiting logins are served in arrival order")
    void servesWaitingLoginsFirstComeFirstServed() throws Exception {
        LoginGate gate = gate(1, 20, Duration.ofSeconds(30));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Future<Integer> holder = pool.submit(() -> gate.run(() -> {
            running.countDown();
            await(release);
            return -1;
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        List<Integer> served = new CopyOnWriteArrayList<>();
        List<Future<Integer>> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = i;
            waiting.add(pool.submit(() -> gate.run(() -> {
                served.add(n);
                return n;
            })));
            awaitInside(gate, 2 + i); // the next arrives only once this one waits
        }
        release.countDown();
        holder.get(5, TimeUnit.SECONDS);
        for (Future<Integer> f : waiting) {
            f.get(5, TimeUnit.SECONDS);
        }
        assertThat(served).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    @DisplayName("a login turned away gets a ticket; back with it, it is let in ahead of logins that arrived after it")
    void ticketKeepsThePlaceInLine() throws Exception {
        LoginGate gate = gate(1, 1, Duration.ofSeconds(10));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> gate.run(() -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch releaseSecond = new CountDownLatch(1);
        Future<String> second = pool.submit(() -> gate.run(() -> {
            await(releaseSecond);
            return "second";
        }));
        awaitInside(gate, 2);

        String ticket = turnedAway(gate, null).ticket().orElseThrow();
        String later = turnedAway(gate, null).ticket().orElseThrow();
        assertThat(later).isNotEqualTo(ticket);
        assertThat(gate.ticketsOut()).isEqualTo(2);

        release.countDown(); // one place frees: it belongs to the first ticket, not to a new arrival
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        awaitInside(gate, 1);
        assertThat(turnedAway(gate, null).ticket()).isPresent();
        Future<String> back = pool.submit(() -> gate.run(ticket, () -> "back with its ticket"));
        awaitInside(gate, 2);
        assertThat(gate.ticketsOut()).isEqualTo(2); // the later one and the new arrival's

        releaseSecond.countDown();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(back.get(5, TimeUnit.SECONDS)).isEqualTo("back with its ticket");
        assertThat(gate.run(later, () -> "the later ticket")).isEqualTo("the later ticket");
    }

    @Test
    @DisplayName("a ticket brought back early keeps its place and gets the rest of the wait; turned-away logins come back spread out")
    void earlyTicketKeepsItsPlace() throws Exception {
        LoginGate gate = gate(1, 50, Duration.ofSeconds(1));
        CountDownLatch release = new CountDownLatch(1);
        try {
            // the gate's first estimate of a login is 200 ms, so 6 fit in a second's wait
            for (int i = 0; i < 6; i++) {
                pool.submit(() -> gate.run(() -> {
                    await(release);
                    return null;
                }));
                awaitInside(gate, i + 1);
            }
            Duration previous = Duration.ZERO;
            LoginGate.Busy last = null;
            for (int i = 0; i < 8; i++) {
                last = turnedAway(gate, null);
                assertThat(last.retryAfter()).isGreaterThanOrEqualTo(previous);
                previous = last.retryAfter();
            }
            assertThat(previous).isGreaterThan(Duration.ofSeconds(1)); // later tickets are due later
            String ticket = last.ticket().orElseThrow();
            LoginGate.Busy early = turnedAway(gate, ticket);
            assertThat(early.ticket()).contains(ticket);
            assertThat(early.retryAfter()).isLessThanOrEqualTo(last.retryAfter());
            assertThat(gate.ticketsOut()).isEqualTo(8);
        } finally {
            release.countDown();
        }
    }

    @Test
    @DisplayName("a ticket is due at 70 % of the estimated time until the line is down to half of max-wait: early costs"
            + " a busy page, late leaves the processors idle")
    void ticketsAreDueEarly() throws Exception {
        LoginGate gate = gate(1, 50, Duration.ofSeconds(10));
        CountDownLatch release = new CountDownLatch(1);
        try {
            // first estimate 200 ms a login on the one thread: 51 logins fit in the line (the 51st waits 10.0 s)
            for (int i = 0; i < 51; i++) {
                pool.submit(() -> gate.run(() -> {
                    await(release);
                    return null;
                }));
                awaitInside(gate, i + 1);
            }
            // the next one would wait 51 × 0.2 = 10.2 s: due when 5 s are left, at 70 % of 5.2 s = 3.64 s, so 4 s
            assertThat(turnedAway(gate, null).retryAfter()).isEqualTo(Duration.ofSeconds(4));
            // the tenth ticket: 60 ahead, 12.0 s; 70 % of 7.0 s = 4.9 s, so 5 s
            for (int i = 0; i < 8; i++) {
                turnedAway(gate, null);
            }
            assertThat(turnedAway(gate, null).retryAfter()).isEqualTo(Duration.ofSeconds(5));
        } finally {
            release.countDown();
        }
    }

    @Test
    @DisplayName("tickets not brought back lapse, so they hold no place for ever")
    void ticketsLapse() throws Exception {
        LoginGate gate = gate(1, 0, Duration.ofMillis(100));
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.submit(() -> gate.run(() -> {
                await(release);
                return null;
            }));
            awaitInside(gate, 1);
            turnedAway(gate, null);
            assertThat(gate.ticketsOut()).isEqualTo(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (gate.ticketsOut() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(gate.ticketsOut()).isZero();
        } finally {
            release.countDown();
        }
    }

    private static LoginGate.Busy turnedAway(LoginGate gate, String ticket) {
        try {
            gate.run(ticket, () -> {
                throw new AssertionError("let in");
            });
        } catch (LoginGate.Busy busy) {
            return busy;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("not turned away");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitInside(LoginGate gate, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gate.inside() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + gate.inside() + " inside, expected " + n);
            }
            Thread.sleep(5);
        }
        Thread.sleep(20); // and parked on the semaphore
    }
}
