package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.mail.CapturingMailSender;
import io.github.kenshinbooking.mail.MailMessage;
import io.github.kenshinbooking.mail.MailRenderer;
import io.github.kenshinbooking.mail.OutboxRelay;
import io.github.kenshinbooking.mail.RelayPolicy;
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
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.schedule.SlotSpec;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Races through the real engine and a connection pool: capacity (SLOT-3), ONE-1, idempotency
 * (BOOK-4), the outbox (MAIL-2) and the reminders (MAIL-3, with the job and the relay on several
 * instances at once) must hold under any interleaving. One subclass per database; on a
 * cluster each thread books through an engine over one node's pool, the threads taking the nodes
 * in turn, and the checks read after every node has applied everything.
 */
abstract class ConcurrencyTests {
    private static final int THREADS = 64;
    private static final int[] CAPACITIES = {7, 7, 6};

    abstract TestDatabase database();

    private JdbcStorage storage;
    private JdbcHouseholdDirectory directory;
    private KenshinBooking engine;
    /** One engine per node of the database (one for a single server), all on {@link #clock}. */
    private List<KenshinBooking> engines;
    private MutableClock clock;
    private List<Slot> slots;

    @BeforeEach
    void setUp() throws Refusal {
        storage = database().reset(false);
        directory = JdbcHouseholdDirectory.of(storage);
        clock = MutableClock.of(Union.NOW, Union.TOKYO);
        engine = Union.engine(storage, directory, clock);
        engines = new ArrayList<>(List.of(engine));
        for (int node = 1; node < database().nodeCount(); node++) {
            JdbcStorage s = database().storage(node);
            engines.add(Union.engine(s, JdbcHouseholdDirectory.of(s), clock));
        }
        slots = new ArrayList<>();
        for (int i = 0; i < CAPACITIES.length; i++) {
            slots.add(Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(9 + i, 0), CAPACITIES[i]));
        }
    }

    /** The engine thread {@code thread} books through: the nodes in turn. */
    private KenshinBooking engineOf(int thread) {
        return engines.get(thread % engines.size());
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
        database().awaitReplication();
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
                KenshinBooking engine = engineOf(thread);
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
        database().awaitReplication();

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
    @DisplayName("OPT-2 16 households book a hot slot of 100 places with a test of 4 places at once: exactly 4 hold it")
    void hotOptionSixteenThreads() throws Exception {
        OptionId mammo = OptionId.of("mammo");
        CourseCatalog courses = CourseCatalog.builder().option(ExamOption.of(mammo, "マンモグラフィ")).build();
        Slot hot = engine.schedule().addSlot(new SlotSpec(Union.MIRIKA, "ヘルスポートクリニック", Union.EXAM_DAY,
                LocalTime.of(14, 0), java.time.Duration.ofMinutes(30), 100, Instant.parse("2024-01-01T00:00:00Z"))
                .withOption(mammo, 4));
        List<KenshinBooking> withCourses = new ArrayList<>();
        for (int node = 0; node < database().nodeCount(); node++) {
            JdbcStorage st = node == 0 ? storage : database().storage(node);
            withCourses.add(KenshinBooking.builder().storage(st).directory(JdbcHouseholdDirectory.of(st)).clock(clock)
                    .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).courses(courses).build());
        }
        List<Callable<ErrorCode>> tasks = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Household[] h = new Household[1];
            HouseholdSession session = household(String.valueOf(3_000_000 + t), h);
            MemberId member = Union.member(h[0], 0);
            KenshinBooking booking = withCourses.get(t % withCourses.size());
            tasks.add(() -> {
                try {
                    booking.bookings().book(session, BookingRequest.of(member, hot.id(), Union.PHONE, true)
                            .withOptions(Set.of(mammo)));
                    return null;
                } catch (Refusal r) {
                    return r.code();
                }
            });
        }
        database().awaitReplication();
        List<ErrorCode> codes = concurrently(tasks);
        database().awaitReplication();

        assertThat(codes.stream().filter(c -> c == null).count()).isEqualTo(4);
        assertThat(codes.stream().filter(c -> c != null)).hasSize(12).containsOnly(ErrorCode.OPTION_FULL);
        Slot after = storage.slots().find(hot.id()).orElseThrow();
        assertThat(after.option(mammo).orElseThrow().reserved()).isEqualTo(4);
        assertThat(after.reserved()).isEqualTo(4);
        assertThat(storage.reservations().findLiveBySlot(hot.id())).hasSize(4)
                .allSatisfy(r -> assertThat(r.choice().options()).containsExactly(mammo));
    }

    @Test
    @DisplayName("ONE-1 the same member booking from 8 threads at once gets exactly one reservation")
    void sameMemberEightThreads() throws Exception {
        Household[] h = new Household[1];
        HouseholdSession session = household("1999999", h);
        MemberId member = Union.member(h[0], 0);
        database().awaitReplication();
        List<Callable<ErrorCode>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Slot target = slots.get(t % slots.size());
            KenshinBooking engine = engineOf(t);
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
        database().awaitReplication();

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
        database().awaitReplication();
        List<Callable<Reservation>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            KenshinBooking engine = engineOf(t);
            tasks.add(() -> engine.bookings().book(session, request));
        }
        List<Reservation> results = concurrently(tasks);
        database().awaitReplication();

        assertThat(results.stream().map(Reservation::id).distinct()).hasSize(1);
        assertThat(storage.reservations().findByMember(member)).containsExactly(results.get(0));
        assertThat(storage.slots().find(slots.get(0).id()).orElseThrow().reserved()).isEqualTo(1);
        assertThat(kinds(storage.outbox().pending()).get(NotificationKind.BOOKED)).isEqualTo(1L);
    }

    @Test
    @DisplayName("MAIL-2 MAIL-3 the reminder job and the outbox relay on every node at once: one mail per committed action")
    void remindersAndRelaysEverywhere() throws Exception {
        List<HouseholdSession> sessions = new ArrayList<>();
        List<MemberId> members = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            Household[] h = new Household[1];
            sessions.add(household(Integer.toString(1_100_000 + i), h));
            members.add(Union.member(h[0], 0));
        }
        database().awaitReplication();
        List<Reservation> live = new ArrayList<>();
        List<Reservation> cancelled = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            KenshinBooking engine = engineOf(i); // booked, and some cancelled, through the nodes in turn
            Reservation r = engine.bookings().book(sessions.get(i),
                    BookingRequest.of(members.get(i), slots.get(i % slots.size()).id(), Union.PHONE, true));
            if (i % 6 == 5) {
                engine.bookings().cancel(sessions.get(i), r.id());
                cancelled.add(r);
            } else {
                live.add(r);
            }
        }
        database().awaitReplication();
        // the day the reminders for EXAM_DAY go out
        clock.setInstant(Union.EXAM_DAY.minusDays(engine.policy().mail().reminderDaysBefore()).atTime(9, 0)
                .atZone(Union.TOKYO).toInstant());
        CapturingMailSender sender = new CapturingMailSender();
        MailRenderer renderer = MailRenderer.withDefaults(engine.policy());
        // three instances of the application, each with its own job and relay (on a cluster: one per node)
        int instances = Math.max(3, engines.size());
        List<OutboxRelay> relays = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            relays.add(new OutboxRelay(database().storage(i % engines.size()).outbox(), renderer, sender, clock,
                    RelayPolicy.defaults().withBatchSize(4)));
        }
        AtomicInteger recorded = new AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            KenshinBooking engine = engineOf(i);
            OutboxRelay relay = relays.get(i);
            tasks.add(() -> {
                for (int round = 0; round < 3; round++) {
                    recorded.addAndGet(engine.reminders().run());
                }
                return 0;
            });
            tasks.add(() -> {
                int sent = 0;
                for (int round = 0; round < 6; round++) {
                    sent += relay.drain();
                }
                return sent;
            });
        }
        concurrently(tasks);
        database().awaitReplication();
        relays.get(0).drain(); // what was recorded after the last relay's last round

        assertThat(recorded).as("reminders recorded by all runs together").hasValue(live.size());
        List<MailMessage> mails = sender.messages();
        assertThat(mails.stream().map(MailMessage::messageId).distinct()).as("no mail sent twice").hasSameSizeAs(mails);
        Map<NotificationKind, Long> sent = new EnumMap<>(NotificationKind.class);
        mails.forEach(m -> sent.merge(m.kind(), 1L, Long::sum));
        assertThat(sent).containsOnly(Map.entry(NotificationKind.EMAIL_CHANGED, (long) sessions.size()),
                Map.entry(NotificationKind.BOOKED, (long) sessions.size()),
                Map.entry(NotificationKind.CANCELLED, (long) cancelled.size()),
                Map.entry(NotificationKind.REMINDER, (long) live.size()));
        assertThat(mails.stream().filter(m -> m.kind() == NotificationKind.REMINDER).map(m -> m.reservationId().orElseThrow()))
                .containsExactlyInAnyOrderElementsOf(live.stream().map(r -> r.id().toString()).toList());
        assertThat(storage.outbox().pending()).isEmpty();
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
