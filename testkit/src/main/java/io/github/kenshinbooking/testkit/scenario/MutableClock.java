package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until it is set or advanced, so tests move time instead of waiting
 * for it. Views made by {@link #withZone} share this clock's instant. Thread-safe.
 */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock standing at {@code start}, in {@code zone}. */
    public MutableClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(requireNonNull(start, "start")), requireNonNull(zone, "zone"));
    }

    /** A clock standing at the local date-time {@code start} of {@code zone}. */
    public static MutableClock at(LocalDateTime start, ZoneId zone) {
        requireNonNull(start, "start");
        requireNonNull(zone, "zone");
        return new MutableClock(start.atZone(zone).toInstant(), zone);
    }

    /** Sets the clock to an instant (forward or backward). */
    public void set(Instant instant) {
        now.set(requireNonNull(instant, "instant"));
    }

    /** Sets the clock to a local date-time of this clock's zone. */
    public void set(LocalDateTime local) {
        set(requireNonNull(local, "local").atZone(zone).toInstant());
    }

    /** Moves the clock by {@code amount} (negative moves it back); returns the new instant. */
    public Instant advance(Duration amount) {
        requireNonNull(amount, "amount");
        return now.updateAndGet(i -> i.plus(amount));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's instant. */
    @Override
    public MutableClock withZone(ZoneId newZone) {
        return new MutableClock(now, requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "MutableClock[" + now.get() + ", " + zone + "]";
    }
}
