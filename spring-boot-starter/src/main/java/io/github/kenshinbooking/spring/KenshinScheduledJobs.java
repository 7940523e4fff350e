package io.github.kenshinbooking.spring;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.ReminderJob;
import io.github.kenshinbooking.WaitingListService;
import io.github.kenshinbooking.reservation.WaitingListRun;
import io.github.kenshinbooking.mail.OutboxRelay;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the outbox relay ({@link OutboxRelay#drain()}), the reminder job ({@link ReminderJob#run()}) and the
 * waiting-list job ({@link WaitingListService#expireAndOffer()}) with a fixed pause between runs, on two daemon
 * threads of its own (not the application's task scheduler, so it
 * needs no {@code @EnableScheduling}); started and stopped with the application context. A failed run is
 * logged and the next one runs on time.
 *
 * <p>Safe on many instances: the relay claims due entries with a lease ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL and MariaDB), so relays of several instances take disjoint entries and an entry whose relay
 * died is due again after the lease (at least once, same Message-ID); the reminder job records each
 * reminder under a dedupe key (reservation and exam date) in the outbox, so runs on several instances, or
 * many runs in a day, record it once; the waiting-list job moves each entry and place by a conditional update,
 * so a place is offered once however many instances run it. Thread-safe.
 */
public final class KenshinScheduledJobs implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(KenshinScheduledJobs.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Optional<OutboxRelay> relay;
    private final Duration relayInterval;
    private final Optional<ReminderJob> reminders;
    private final Duration reminderDelay;
    private final Duration reminderInterval;
    private final Optional<WaitingListService> waitingList;
    private final Duration waitingListInterval;
    private final AtomicLong relayRuns = new AtomicLong();
    private final AtomicLong reminderRuns = new AtomicLong();
    private final AtomicLong waitingListRuns = new AtomicLong();
    private ScheduledExecutorService executor;

    /**
     * The jobs; an empty one is not scheduled.
     *
     * @param relay            the relay, if this instance runs it
     * @param relayInterval    the pause between two relay runs (also the wait before the first)
     * @param reminders        the reminder job, if this instance runs it
     * @param reminderDelay    the wait before the first reminder run
     * @param reminderInterval the pause between two reminder runs
     */
    public KenshinScheduledJobs(Optional<OutboxRelay> relay, Duration relayInterval, Optional<ReminderJob> reminders,
            Duration reminderDelay, Duration reminderInterval) {
        this(relay, relayInterval, reminders, reminderDelay, reminderInterval, Optional.empty(), Duration.ofMinutes(1));
    }

    /**
     * The jobs with the waiting-list job; an empty one is not scheduled.
     *
     * @param relay               the relay, if this instance runs it
     * @param relayInterval       the pause between two relay runs (also the wait before the first)
     * @param reminders           the reminder job, if this instance runs it
     * @param reminderDelay       the wait before the first reminder run
     * @param reminderInterval    the pause between two reminder runs
     * @param waitingList         the waiting list whose job this instance runs, if it does
     * @param waitingListInterval the pause between two waiting-list runs (also the wait before the first)
     */
    public KenshinScheduledJobs(Optional<OutboxRelay> relay, Duration relayInterval, Optional<ReminderJob> reminders,
            Duration reminderDelay, Duration reminderInterval, Optional<WaitingListService> waitingList,
            Duration waitingListInterval) {
        this.relay = requireNonNull(relay, "relay");
        this.relayInterval = requireNonNull(relayInterval, "relayInterval");
        this.reminders = requireNonNull(reminders, "reminders");
        this.reminderDelay = requireNonNull(reminderDelay, "reminderDelay");
        this.reminderInterval = requireNonNull(reminderInterval, "reminderInterval");
        this.waitingList = requireNonNull(waitingList, "waitingList");
        this.waitingListInterval = requireNonNull(waitingListInterval, "waitingListInterval");
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "kenshin-jobs-" + pool + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = Executors.newScheduledThreadPool(2, factory);
        relay.ifPresent(r -> executor.scheduleWithFixedDelay(() -> runRelay(r), relayInterval.toMillis(),
                relayInterval.toMillis(), TimeUnit.MILLISECONDS));
        reminders.ifPresent(j -> executor.scheduleWithFixedDelay(() -> runReminders(j), reminderDelay.toMillis(),
                reminderInterval.toMillis(), TimeUnit.MILLISECONDS));
        waitingList.ifPresent(w -> executor.scheduleWithFixedDelay(() -> runWaitingList(w),
                waitingListInterval.toMillis(), waitingListInterval.toMillis(), TimeUnit.MILLISECONDS));
        LOG.info("kenshin jobs: outbox relay {}, reminder job {}, waiting-list job {}",
                relay.isPresent() ? "every " + relayInterval : "off", reminders.isPresent() ? "every " + reminderInterval : "off",
                waitingList.isPresent() ? "every " + waitingListInterval : "off");
    }

    private void runWaitingList(WaitingListService w) {
        try {
            WaitingListRun run = w.expireAndOffer();
            if (run.expired() + run.offered() + run.released() > 0) {
                LOG.info("kenshin waiting-list job: {} holds ended, {} offers made, {} places given back", run.expired(),
                        run.offered(), run.released());
            }
        } catch (RuntimeException e) {
            LOG.warn("kenshin waiting-list job run failed; the next run is in {}", waitingListInterval, e);
        } finally {
            waitingListRuns.incrementAndGet();
        }
    }

    private void runRelay(OutboxRelay r) {
        try {
            r.drain();
        } catch (RuntimeException e) {
            LOG.warn("kenshin outbox relay run failed; the next run is in {}", relayInterval, e);
        } finally {
            relayRuns.incrementAndGet();
        }
    }

    private void runReminders(ReminderJob j) {
        try {
            int recorded = j.run();
            if (recorded > 0) {
                LOG.info("kenshin reminder job recorded {} reminders", recorded);
            }
        } catch (RuntimeException e) {
            LOG.warn("kenshin reminder job run failed; the next run is in {}", reminderInterval, e);
        } finally {
            reminderRuns.incrementAndGet();
        }
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /**
     * Whether the relay is scheduled on this instance.
     *
     * @return {@code true} if it runs here
     */
    public boolean relayScheduled() {
        return relay.isPresent();
    }

    /**
     * Whether the reminder job is scheduled on this instance.
     *
     * @return {@code true} if it runs here
     */
    public boolean remindersScheduled() {
        return reminders.isPresent();
    }

    /**
     * Whether the waiting-list job is scheduled on this instance.
     *
     * @return {@code true} if it runs here
     */
    public boolean waitingListScheduled() {
        return waitingList.isPresent();
    }

    /**
     * Waiting-list runs finished so far, failed ones included.
     *
     * @return the count
     */
    public long waitingListRuns() {
        return waitingListRuns.get();
    }

    /**
     * Relay runs finished so far, failed ones included.
     *
     * @return the count
     */
    public long relayRuns() {
        return relayRuns.get();
    }

    /**
     * Reminder runs finished so far, failed ones included.
     *
     * @return the count
     */
    public long reminderRuns() {
        return reminderRuns.get();
    }
}
