package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.policy.WaitingListPolicy;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingState;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotOption;
import io.github.kenshinbooking.schedule.SlotSpec;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * The waiting list's race (WAIT-1..WAIT-4) through the real engine and a connection pool: members book,
 * cancel, join, leave, accept and decline while several threads run the offer job and move the clock so
 * that holds end. Afterwards every slot's places taken are exactly its live reservations, its offered
 * entries and its pool of held places, never above its capacity; likewise every optional test's places
 * (members book and wait with and without a test of one place, so some wait for the slot, some only for
 * the test, some for both); no entry was offered twice and every offer has its one mail and its one audit
 * record; ONE-1 and WAIT-1's limits hold. One subclass per database.
 */
abstract class WaitingListRaceTests {
    private static final int MEMBERS = 18;
    private static final int JOBS = 6;
    private static final int[] CAPACITIES = {3, 2, 4};
    /** The places of マンモグラフィ per slot: slot 1 does not offer it; slot 2 has room but not for the test. */
    private static final int[] MAMMO = {1, -1, 1};
    private static final OptionId MAMMO_TEST = OptionId.of("mammo");
    /** Short holds, so that the job threads' clock moves end some of them during the race. */
    private static final Duration HOLD = Duration.ofHours(2);
    private static final Set<ErrorCode> EXPECTED = EnumSet.of(ErrorCode.SLOT_FULL,
            ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR, ErrorCode.WAITLIST_LIMIT, ErrorCode.NOT_WAITING,
            ErrorCode.OFFER_EXPIRED, ErrorCode.INVALID_INPUT, ErrorCode.OPTION_FULL);

    abstract TestDatabase database();

    private JdbcStorage storage;
    private KenshinBooking engine;
    private MutableClock clock;
    private List<Slot> slots;

    @BeforeEach
    void setUp() throws Refusal {
        storage = database().reset(false);
        clock = MutableClock.of(Union.NOW, Union.TOKYO);
        UnionPolicy policy = UnionPolicy.builder()
                .waitingList(WaitingListPolicy.builder().hold(HOLD).build()).build();
        CourseCatalog courses = CourseCatalog.builder().option(ExamOption.of(MAMMO_TEST, "マンモグラフィ")).build();
        engine = KenshinBooking.builder().storage(storage).directory(JdbcHouseholdDirectory.of(storage)).clock(clock)
                .policy(policy).passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).courses(courses).build();
        slots = new ArrayList<>();
        for (int i = 0; i < CAPACITIES.length; i++) {
            SlotSpec spec = new SlotSpec(Union.MIRIKA, "那珂川健診センター", Union.EXAM_DAY, LocalTime.of(9 + i, 0),
                    Duration.ofMinutes(30), CAPACITIES[i], Instant.parse("2024-01-01T00:00:00Z"));
            slots.add(engine.schedule().addSlot(MAMMO[i] < 0 ? spec : spec.withOption(MAMMO_TEST, MAMMO[i])));
        }
    }

    @Test
    @DisplayName("WAIT-2 WAIT-3 18 members book, cancel, join, leave, accept and decline while 6 threads run the offer job")
    void race() throws Exception {
        JdbcHouseholdDirectory directory = JdbcHouseholdDirectory.of(storage);
        List<HouseholdSession> sessions = new ArrayList<>();
        List<MemberId> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Household h = Union.household(Integer.toString(1_000_000 + i), LocalDate.of(1970, 5, 5));
            directory.put(h);
            sessions.add(Union.activate(engine, h, Optional.of("h" + i + "@example.jp")));
            members.add(Union.member(h, 0));
        }
        // the first two slots start full and every test's place is taken, so the first places come free by cancels
        int m = 0;
        for (int i = 0; i < slots.size(); i++) {
            int booked = i == 2 ? 1 : CAPACITIES[i];
            for (int p = 0; p < booked; p++, m++) {
                BookingRequest r = BookingRequest.of(members.get(m), slots.get(i).id(), Union.PHONE, true);
                engine.bookings().book(sessions.get(m), p == 0 && MAMMO[i] > 0 ? r.withOptions(Set.of(MAMMO_TEST)) : r);
            }
        }
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger accepted = new AtomicInteger();
        // members go on while any job runs, so that the offers the jobs make meet members who answer them
        AtomicInteger jobsRunning = new AtomicInteger(JOBS);
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int t = 0; t < MEMBERS; t++) {
            int thread = t;
            tasks.add(() -> {
                memberThread(thread, sessions.get(thread), members.get(thread), accepted, jobsRunning, unexpected);
                return null;
            });
        }
        for (int j = 0; j < JOBS; j++) {
            int job = j;
            tasks.add(() -> {
                try {
                    for (int round = 0; round < 12; round++) {
                        try {
                            clock.add(Duration.ofMinutes(2)); // 6 threads x 12 rounds: a little over one hold
                            engine.waitingList().expireAndOffer();
                        } catch (RuntimeException e) {
                            unexpected.add("job " + job + ": " + e);
                        }
                    }
                } finally {
                    jobsRunning.decrementAndGet();
                }
                return null;
            });
        }
        ConcurrencyTests.concurrently(tasks);

        assertThat(unexpected).isEmpty();
        assertPlacesAccounted();
        // and once every hold has ended and the job has run again
        clock.add(HOLD.plusMinutes(1));
        engine.waitingList().expireAndOffer();
        assertPlacesAccounted();
        assertThat(accepted.get()).as("offers accepted during the race").isPositive();
        assertThat(database().count("SELECT COUNT(*) FROM kb_audit WHERE action = 'WAITING_OFFERED'"))
                .as("offers made").isGreaterThan(accepted.get());
        assertThat(database().count("SELECT COUNT(*) FROM kb_waiting_entry WHERE options = 'mammo'"
                + " AND held_until IS NOT NULL")).as("offers holding a test's place").isPositive();
        for (WaitingEntry e : allEntries(members)) {
            if (e.state() == WaitingState.OFFERED) {
                assertThat(e.holding(clock.instant())).as("entry %s holds a running offer", e.id()).isTrue();
            }
        }
    }

    private void memberThread(int thread, HouseholdSession session, MemberId member, AtomicInteger accepted,
            AtomicInteger jobsRunning, ConcurrentLinkedQueue<String> unexpected) {
        Random rnd = new Random(thread);
        for (int op = 0; op < 40 || jobsRunning.get() > 0; op++) {
            Slot target = slots.get(rnd.nextInt(slots.size()));
            int choice = rnd.nextInt(5);
            try {
                Optional<WaitingEntry> offer = engine.waitingList().history(session, member).stream()
                        .filter(e -> e.state() == WaitingState.OFFERED).findFirst();
                if (offer.isPresent()) {
                    choice = 5;
                    if (rnd.nextInt(4) == 0) {
                        engine.waitingList().decline(session, offer.get().id());
                    } else {
                        engine.waitingList().accept(session, offer.get().id());
                        accepted.incrementAndGet();
                    }
                    continue;
                }
                // with the test, where the slot offers it, every other time
                BookingRequest request = BookingRequest.of(member, target.id(), Union.PHONE, true);
                if (target.option(MAMMO_TEST).isPresent() && rnd.nextBoolean()) {
                    request = request.withOptions(Set.of(MAMMO_TEST));
                }
                switch (choice) {
                    case 0 -> engine.bookings().book(session, request);
                    case 1 -> {
                        Optional<Reservation> mine = storage.reservations().findLive(member, FiscalYear.of(2024));
                        if (mine.isPresent() && !mine.get().choice().options().isEmpty() && rnd.nextBoolean()) {
                            // OPT-3: drop the test, keep the slot: the test's place frees up
                            engine.bookings().change(session, mine.get().id(), mine.get().slot(), null, Set.of());
                        } else if (mine.isPresent()) {
                            engine.bookings().cancel(session, mine.get().id());
                        }
                    }
                    case 2, 3 -> engine.waitingList().join(session, request);
                    default -> engine.waitingList().leave(session, member, target.id());
                }
            } catch (Refusal r) {
                if (!EXPECTED.contains(r.code())) {
                    unexpected.add("thread " + thread + " op " + choice + ": " + r.code());
                }
            } catch (RuntimeException e) {
                unexpected.add("thread " + thread + " op " + choice + ": " + e);
            }
        }
    }

    /**
     * Every slot's places taken (its stripes) are its live reservations, offered entries and pooled places,
     * within capacity; each entry was offered at most once, each offer with one mail and one audit record.
     */
    private void assertPlacesAccounted() {
        for (int i = 0; i < slots.size(); i++) {
            Slot s = storage.slots().find(slots.get(i).id()).orElseThrow();
            long live = storage.reservations().findLiveBySlot(s.id()).size();
            long offered = database().count("SELECT COUNT(*) FROM kb_waiting_entry WHERE state = 'OFFERED' AND slot_id = "
                    + s.id().value());
            int pooled = storage.waitingList().pooledPlaces(s.id());
            assertThat(s.reserved()).as("places taken in slot %s", s.id()).isLessThanOrEqualTo(CAPACITIES[i])
                    .isEqualTo(live + offered + pooled);
            if (MAMMO[i] >= 0) {
                SlotOption test = s.option(MAMMO_TEST).orElseThrow();
                long liveWithTest = storage.reservations().findLiveBySlot(s.id()).stream()
                        .filter(r -> r.choice().options().contains(MAMMO_TEST)).count();
                long offeredWithTest = database().count("SELECT COUNT(*) FROM kb_waiting_entry WHERE state = 'OFFERED'"
                        + " AND options = 'mammo' AND slot_id = " + s.id().value());
                int pooledTest = storage.waitingList().pooledOptionPlaces(s.id()).getOrDefault(MAMMO_TEST, 0);
                assertThat(test.reserved()).as("test places taken in slot %s", s.id()).isLessThanOrEqualTo(MAMMO[i])
                        .isEqualTo(liveWithTest + offeredWithTest + pooledTest);
            }
        }
        assertThat(database().count("SELECT COUNT(*) FROM (SELECT member_id FROM kb_reservation WHERE status = 'CONFIRMED'"
                + " GROUP BY member_id, fiscal_year HAVING COUNT(*) > 1) d")).as("ONE-1 violations").isZero();
        assertThat(database().count("SELECT COUNT(*) FROM (SELECT member_id FROM kb_waiting_entry WHERE state IN"
                + " ('WAITING', 'OFFERED') GROUP BY member_id, slot_id HAVING COUNT(*) > 1) d"))
                .as("two live entries of one member in one slot").isZero();
        assertThat(database().count("SELECT COUNT(*) FROM (SELECT member_id FROM kb_waiting_entry WHERE state IN"
                + " ('WAITING', 'OFFERED') GROUP BY member_id, fiscal_year HAVING COUNT(*) > 3) d"))
                .as("more than 3 live entries a year").isZero();
        assertThat(database().count("SELECT COUNT(*) FROM (SELECT target_id FROM kb_audit WHERE action = 'WAITING_OFFERED'"
                + " GROUP BY target_id HAVING COUNT(*) > 1) d")).as("entries offered twice").isZero();
        long everOffered = database().count("SELECT COUNT(*) FROM kb_waiting_entry WHERE held_until IS NOT NULL");
        assertThat(database().count("SELECT COUNT(*) FROM kb_audit WHERE action = 'WAITING_OFFERED'"))
                .isEqualTo(everOffered);
        List<OutboxEntry> pending = storage.outbox().pending();
        assertThat(pending.stream().filter(e -> e.notification().kind() == NotificationKind.WAITING_OFFER).count())
                .as("offer mails").isEqualTo(everOffered);
        assertThat(database().count("SELECT COUNT(*) FROM kb_waiting_entry w WHERE w.state = 'BOOKED' AND NOT EXISTS"
                + " (SELECT 1 FROM kb_reservation r WHERE r.id = w.reservation_id AND r.slot_id = w.slot_id"
                + " AND r.member_id = w.member_id)")).as("booked entries without their reservation").isZero();
    }

    private List<WaitingEntry> allEntries(List<MemberId> members) {
        List<WaitingEntry> out = new ArrayList<>();
        for (MemberId member : members) {
            out.addAll(storage.waitingList().findByMember(member));
        }
        return out;
    }
}
