package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Races through the real engine and a connection pool: capacity (SLOT-3), ONE-1, idempotency
 * (BOOK-4) and the outbox (MAIL-2) must hold under any interleaving. One subclass per database.
 */
abstract class ConcurrencyTests {
    private static final int THREADS = 64;
    private static final int[] CAPACITIES = {7, 7, 6};

    abstract TestDatabase database();

    private JdbcStorage storage;
    private JdbcHouseholdDirectory directory;
    private KenshinBooking engine;
    private List<Slot> slots;

    @BeforeEach
    void setUp() throws Refusal {
        storage = database().reset(false);
        directory = JdbcHouseholdDirectory.of(storage);
        engine = Union.engine(storage, directory, MutableClock.of(Union.NOW, Union.TOKYO));
        slots = new ArrayList<>();
        for (int i = 0; i < CAPACITIES.length; i++) {
            slots.add(Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(9 + i, 0), CAPACITIES[i]));
        }
    }

    private HouseholdSession household(String symbol, Household[] out) throws Refusal {
        Household h = Union.household(symbol, LocalDate.of(1970, 5, 5));
        directory.put(h);
        out[0] = h;
        return Union.activate(engine, h, Optional.of("h" + symbol + "@example.jp"));
    }

    @Test
    @DisplayName("SLOT-3 ONE-1 MAIL-2 64 threads race for 20 places in 3 slots with book, change and cancel")
    void raceForPlaces() throws Exception {
        List<Household> households = new ArrayList<>();
        List<HouseholdSession> sessions = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Household[] h = new Household[1];
            sessions.add(household(Integer.toString(1_000_000 + i), h));
            households.add(h[0]);
        }
        Map<NotificationKind, AtomicInteger> successes = new EnumMap<>(NotificationKind.class);
        for (NotificationKind k : List.of(NotificationKind.BOOKED, NotificationKind.CHANGED, NotificationKind.CANCELLED)) {
            successes.put(k, new AtomicInteger());
        }
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        List<Callable<Optional<Reservation>>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                Random rnd = new Random(thread);
                HouseholdSession session = sessions.get(thread);
                MemberId member = Union.member(households.get(thread), 0);
                Optional<Reservation> mine = Optional.empty(); // what this thread knows it holds
                for (int op = 0; op < 8; op++) {
                    Slot target = slots.get(rnd.nextInt(slots.size()));
                    int choice = mine.isEmpty() ? 0 : 1 + rnd.nextInt(3);
                    try {
                        switch (choice) {
                            case 0 -> {
                                mine = Optional.of(engine.bookings().book(session,
                                        BookingRequest.of(member, target.id(), Union.PHONE, true)));
                                successes.get(NotificationKind.BOOKED).incrementAndGet();
                            }
                            case 1 -> {
                                if (target.id().equals(mine.get().slot())) {
                                    target = slots.get((slots.indexOf(target) + 1) % slots.size());
                                }
                                mine = Optional.of(engine.bookings().change(session, mine.get().id(), target.id(), null));
                                successes.get(NotificationKind.CHANGED).incrementAndGet();
                            }
                            case 2 -> {
                                engine.bookings().cancel(session, mine.get().id());
                                mine = Optional.empty();
                                successes.get(NotificationKind.CANCELLED).incrementAndGet();
                            }
                            default -> {
                                engine.bookings().book(session, BookingRequest.of(member, target.id(), Union.PHONE, true));
                                unexpected.add("thread " + thread + " booked twice in one fiscal year");
                            }
                        }
                    } catch (Refusal r) {
                        boolean expected = r.code() == ErrorCode.SLOT_FULL
                                || (choice == 3 && r.code() == ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
                        if (!expected) {
                            unexpected.add("thread " + thread + " op " + choice + ": " + r.code());
                        }
                    } catch (RuntimeException e) {
                        unexpected.add("thread " + thread + " op " + choice + ": " + e);
                    }
                }
                return mine;
            });
        }
        List<Optional<Reservation>> held = concurrently(tasks);

        assertThat(unexpected).isEmpty();
        int live = 0;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = storage.slots().find(slots.get(i).id()).orElseThrow();
            int liveRows = storage.reservations().findLiveBySlot(s.id()).size();
            assertThat(s.reserved()).isBetween(0, CAPACITIES[i]).isEqualTo(liveRows);
            assertThat(s.remaining()).isEqualTo(CAPACITIES[i] - liveRows);
            live += liveRows;
        }
        assertThat(database().count("SELECT COUNT(*) FROM (SELECT member_id FROM kb_reservation WHERE status = 'CONFIRMED'"
                + " GROUP BY member_id, fiscal_year HAVING COUNT(*) > 1) d")).as("ONE-1 violations").isZero();
        for (int t = 0; t < THREADS; t++) {
            assertThat(storage.reservations().findLive(Union.member(households.get(t), 0), FiscalYear.of(2024)))
                    .as("thread %s holds what it was told", t).isEqualTo(held.get(t));
        }
        assertThat(live).isEqualTo(held.stream().filter(Optional::isPresent).count());
        Map<NotificationKind, Long> mails = kinds(storage.outbox().pending());
        successes.forEach((kind, n) -> assertThat(mails.getOrDefault(kind, 0L)).as("%s mails", kind).isEqualTo(n.get()));
        assertThat(successes.get(NotificationKind.BOOKED).get()).isGreaterThanOrEqualTo(20);
    }

    @Test
    @DisplayName("ONE-1 the same member booking from 8 threads at once gets exactly one reservation")
    void sameMemberEightThreads() throws Exception {
        Household[] h = new Household[1];
        HouseholdSession session = household("1999999", h);
        MemberId member = Union.member(h[0], 0);
        List<Callable<ErrorCode>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Slot target = slots.get(t % slots.size());
            tasks.add(() -> {
                try {
                    engine.bookings().book(session, BookingRequest.of(member, target.id(), Union.PHONE, true));
                    return null;
                } catch (Refusal r) {
                    return r.code();
                }
            });
        }
        List<ErrorCode> codes = concurrently(tasks);

        assertThat(codes.stream().filter(c -> c == null).count()).isEqualTo(1);
        assertThat(codes.stream().filter(c -> c != null)).hasSize(7)
                .containsOnly(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        assertThat(storage.reservations().findByMember(member)).hasSize(1);
        assertThat(slots.stream().mapToInt(s -> storage.slots().find(s.id()).orElseThrow().reserved()).sum())
                .isEqualTo(1);
        assertThat(kinds(storage.outbox().pending()).get(NotificationKind.BOOKED)).isEqualTo(1L);
    }

    @Test
    @DisplayName("BOOK-4 an idempotent repeat from 8 threads gets one reservation and one notification")
    void idempotentRepeatEightThreads() throws Exception {
        Household[] h = new Household[1];
        HouseholdSession session = household("1999999", h);
        MemberId member = Union.member(h[0], 0);
        BookingRequest request = BookingRequest.of(member, slots.get(0).id(), Union.PHONE, true)
                .withIdempotencyKey("submit-0b5e");
        List<Callable<Reservation>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            tasks.add(() -> engine.bookings().book(session, request));
        }
        List<Reservation> results = concurrently(tasks);

        assertThat(results.stream().map(Reservation::id).distinct()).hasSize(1);
        assertThat(storage.reservations().findByMember(member)).containsExactly(results.get(0));
        assertThat(storage.slots().find(slots.get(0).id()).orElseThrow().reserved()).isEqualTo(1);
        assertThat(kinds(storage.outbox().pending()).get(NotificationKind.BOOKED)).isEqualTo(1L);
    }

    private static Map<NotificationKind, Long> kinds(List<OutboxEntry> entries) {
        Map<NotificationKind, Long> out = new EnumMap<>(NotificationKind.class);
        entries.forEach(e -> out.merge(e.notification().kind(), 1L, Long::sum));
        return out;
    }

    static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        return io.github.kenshinbooking.testkit.Threads.concurrently(tasks, java.time.Duration.ofSeconds(120));
    }
}
