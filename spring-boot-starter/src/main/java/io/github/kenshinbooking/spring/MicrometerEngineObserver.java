package io.github.kenshinbooking.spring;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.observation.Operation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * The engine's outcomes as Micrometer counters:
 * <ul>
 * <li>{@value #BOOKINGS}: bookings committed (a repeated idempotency key is none);</li>
 * <li>{@value #CHANGES} by {@code by} = {@code household} or {@code staff};</li>
 * <li>{@value #CANCELS} by {@code by} = {@code household}, {@code staff} or {@code event_day} (one per
 *     reservation an event-day cancellation cancelled);</li>
 * <li>{@value #REFUSALS} by {@code operation} (the {@link Operation} in lower case) and {@code code}
 *     (the {@link ErrorCode} name), logins included;</li>
 * <li>{@value #LOGINS} by {@code outcome} = {@code SUCCESS} or the refusal's {@link ErrorCode} name.</li>
 * </ul>
 * Thread-safe.
 */
public final class MicrometerEngineObserver implements EngineObserver {
    /** Bookings committed. */
    public static final String BOOKINGS = "kenshin.bookings";
    /** Changes committed. */
    public static final String CHANGES = "kenshin.changes";
    /** Cancellations committed. */
    public static final String CANCELS = "kenshin.cancels";
    /** Refusals by operation and code. */
    public static final String REFUSALS = "kenshin.refusals";
    /** Logins by outcome. */
    public static final String LOGINS = "kenshin.logins";

    private final MeterRegistry registry;

    /**
     * Counts into a registry.
     *
     * @param registry where the counters are registered
     */
    public MicrometerEngineObserver(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry");
        // the usual ones exist from the start, at zero, so dashboards see them before the first booking
        counter(BOOKINGS, "Bookings committed (BOOK-2)");
        counter(CHANGES, "Changes committed (CHG-1, CNL-2)", "by", "household");
        counter(CANCELS, "Cancellations committed (CNL-1, CNL-2, SLOT-6)", "by", "household");
        counter(LOGINS, "Logins by outcome (AUTH-1..AUTH-4)", "outcome", "SUCCESS");
    }

    @Override
    public void succeeded(Operation operation) {
        switch (operation) {
            case LOGIN -> counter(LOGINS, "Logins by outcome (AUTH-1..AUTH-4)", "outcome", "SUCCESS").increment();
            case BOOK, STAFF_BOOK -> counter(BOOKINGS, "Bookings committed (BOOK-2)").increment();
            case CHANGE -> counter(CHANGES, "Changes committed (CHG-1, CNL-2)", "by", "household").increment();
            case STAFF_CHANGE -> counter(CHANGES, "Changes committed (CHG-1, CNL-2)", "by", "staff").increment();
            case CANCEL -> counter(CANCELS, "Cancellations committed (CNL-1, CNL-2, SLOT-6)", "by", "household").increment();
            case STAFF_CANCEL -> counter(CANCELS, "Cancellations committed (CNL-1, CNL-2, SLOT-6)", "by", "staff").increment();
            case CANCEL_EVENT_DAY ->
                    counter(CANCELS, "Cancellations committed (CNL-1, CNL-2, SLOT-6)", "by", "event_day").increment();
        }
    }

    @Override
    public void refused(Operation operation, ErrorCode code) {
        Counter.builder(REFUSALS).description("Refusals by operation and error code")
                .tag("operation", operation.name().toLowerCase(Locale.ROOT)).tag("code", code.name())
                .register(registry).increment();
        if (operation == Operation.LOGIN) {
            counter(LOGINS, "Logins by outcome (AUTH-1..AUTH-4)", "outcome", code.name()).increment();
        }
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
