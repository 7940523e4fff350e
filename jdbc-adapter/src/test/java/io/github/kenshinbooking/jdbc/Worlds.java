package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.DeadlinePolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.reservation.WaitingState;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.SlotOption;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.ExclusiveGroup;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.statistics.Statistics;
import org.threeten.extra.MutableClock;

/**
 * The model-based test's state: the same union run by two engines, one on the in-memory adapter
 * (the reference) and one on the JDBC adapter, on one clock. Every action runs on both and must
 * give the same outcome; {@link #assertSameState()} compares what a user or the union could see.
 */
final class Worlds {
    static final Venue HALL = Venue.of("博多区 健診センター");

    /** Households: an eligible couple; an over-age representative with eligible family; one without e-mail. */
    static final List<Household> HOUSEHOLDS = List.of(
            Union.household("1000001", LocalDate.of(1970, 5, 5), LocalDate.of(1984, 6, 1)),
            Union.household("1000002", LocalDate.of(1945, 1, 1), LocalDate.of(1975, 3, 3)),
            Union.household("1000003", LocalDate.of(1960, 10, 10)));
    static final List<Optional<String>> EMAILS =
            List.of(Optional.of("ichi@example.jp"), Optional.of("ni@example.jp"), Optional.empty());
    static final List<Member> MEMBERS =
            HOUSEHOLDS.stream().flatMap(h -> h.members().stream()).toList();

    private static final Instant OPEN = Instant.parse("2024-01-01T00:00:00Z");
    /** Optional tests (OPT-1, OPT-2): マンモグラフィ and 胃内視鏡 in one exclusive group, 大腸がん 隔年. */
    static final OptionId MAMMO = OptionId.of("mammo");
    static final OptionId SCOPE = OptionId.of("scope");
    static final OptionId COLON = OptionId.of("colon");
    static final CourseCatalog COURSES = CourseCatalog.builder()
            .option(ExamOption.of(MAMMO, "マンモグラフィ").inGroup(ExclusiveGroup.of("g")))
            .option(ExamOption.of(SCOPE, "胃内視鏡").inGroup(ExclusiveGroup.of("g")))
            .option(ExamOption.of(COLON, "大腸がん").withInterval(1)).build();
    /** The sets of tests a booking or change may choose. */
    static final List<Set<OptionId>> CHOICES = List.of(Set.of(), Set.of(MAMMO), Set.of(COLON), Set.of(MAMMO, COLON),
            Set.of(MAMMO, SCOPE));
    /** Slots: two on one venue-day, one on another day, one next fiscal year, one whose reception opens later. */
    static final List<SlotSpec> SLOTS = List.of(
            spec(Union.MIRIKA, LocalDate.of(2024, 6, 16), 9, 2, OPEN).withOption(MAMMO, 1).withOption(COLON, 2)
                    .withOption(SCOPE, 1),
            spec(Union.MIRIKA, LocalDate.of(2024, 6, 16), 10, 1, OPEN),
            spec(HALL, LocalDate.of(2024, 6, 30), 9, 2, OPEN).withOption(MAMMO, 1),
            spec(HALL, LocalDate.of(2025, 5, 25), 9, 1, OPEN),
            spec(Union.MIRIKA, LocalDate.of(2024, 8, 4), 13, 1,
                    ZonedDateTime.of(2024, 6, 1, 0, 0, 0, 0, Union.TOKYO).toInstant()));

    final MutableClock clock = MutableClock.of(Union.NOW, Union.TOKYO);
    final World memory;
    final World jdbc;
    /** The refusal of the last step run on both worlds, or empty: for jqwik's statistics. */
    private String lastRefusal = "";
    /** Reservation ids handed out so far, the same in both worlds. */
    final List<ReservationId> reservations = new ArrayList<>();

    Worlds(JdbcStorage jdbcStorage) {
        InMemoryHouseholdDirectory memoryDirectory = new InMemoryHouseholdDirectory();
        JdbcHouseholdDirectory jdbcDirectory = JdbcHouseholdDirectory.of(jdbcStorage);
        HOUSEHOLDS.forEach(memoryDirectory::put);
        HOUSEHOLDS.forEach(jdbcDirectory::put);
        memory = new World(new InMemoryStorage(), memoryDirectory);
        jdbc = new World(jdbcStorage, jdbcDirectory);
        assertThat(jdbc.slots).isEqualTo(memory.slots);
    }

    private static SlotSpec spec(Venue venue, LocalDate date, int hour, int capacity, Instant opens) {
        return new SlotSpec(venue, "健診機関", date, LocalTime.of(hour, 0), Duration.ofMinutes(30), capacity, opens);
    }

    /** One engine and what the test holds of it. */
    final class World {
        final Storage storage;
        final HouseholdDirectory directory;
        /** Replaced by a new engine over the same storage when the union changes its deadline days. */
        KenshinBooking engine;
        final List<HouseholdSession> sessions = new ArrayList<>();
        final List<Slot> slots = new ArrayList<>();

        World(Storage storage, HouseholdDirectory directory) {
            this.storage = storage;
            this.directory = directory;
            this.engine = KenshinBooking.builder().storage(storage).directory(directory).clock(clock)
                    .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).courses(COURSES).build();
            try {
                for (int i = 0; i < HOUSEHOLDS.size(); i++) {
                    sessions.add(Union.activate(engine, HOUSEHOLDS.get(i), EMAILS.get(i)));
                }
                for (SlotSpec s : SLOTS) {
                    slots.add(engine.schedule().addSlot(s));
                }
            } catch (Refusal r) {
                throw new AssertionError("set-up refused: " + r.getMessage(), r);
            }
        }

        HouseholdSession sessionOf(Member m) {
            for (int i = 0; i < HOUSEHOLDS.size(); i++) {
                if (HOUSEHOLDS.get(i).member(m.id()).isPresent()) {
                    return sessions.get(i);
                }
            }
            throw new IllegalArgumentException("no household of " + m.id());
        }
    }

    /** Something done to an engine; its outcome is compared as text. */
    @FunctionalInterface
    interface Step {
        Object run(World w) throws Refusal;
    }

    /**
     * Runs the step on both worlds and requires the same outcome (the same refusal code or the same
     * result); returns the JDBC world's result, or null when refused.
     */
    Object both(Step step) {
        Object[] results = new Object[2];
        String expected = outcome(memory, step, results, 0);
        String actual = outcome(jdbc, step, results, 1);
        assertThat(actual).as("outcome on JDBC vs in memory").isEqualTo(expected);
        lastRefusal = expected.startsWith("refused ") ? expected.substring("refused ".length()) : "";
        return results[1];
    }

    private static String outcome(World w, Step step, Object[] results, int index) {
        try {
            Object result = step.run(w);
            results[index] = result;
            return "ok " + result;
        } catch (Refusal r) {
            return "refused " + r.code() + r.field().map(f -> " [" + f + "]").orElse("")
                    + r.subject().map(f -> " (" + f + ")").orElse("");
        } catch (RuntimeException e) {
            return "error " + e;
        }
    }

    // ---- actions ------------------------------------------------------------------------------------

    void book(int member, int slot, Optional<String> key, int sessionOf, int options) {
        Member m = MEMBERS.get(member);
        Object result = both(w -> {
            HouseholdSession s = sessionOf < 0 ? w.sessionOf(m) : w.sessions.get(sessionOf);
            BookingRequest r = BookingRequest.of(m.id(), w.slots.get(slot).id(), Union.PHONE, true)
                    .withOptions(CHOICES.get(options));
            return w.engine.bookings().book(s, key.map(r::withIdempotencyKey).orElse(r));
        });
        if (result instanceof Reservation r && !reservations.contains(r.id())) {
            reservations.add(r.id());
        }
    }

    private ReservationId pick(int index) {
        return reservations.isEmpty() ? ReservationId.of(999_999) : reservations.get(index % reservations.size());
    }

    /** The session of the reservation's own household, or of another one (HIST-2). */
    private HouseholdSession session(World w, ReservationId id, int sessionOf) {
        if (sessionOf >= 0) {
            return w.sessions.get(sessionOf);
        }
        return w.storage.reservations().find(id).map(r -> w.sessions.get(indexOf(r.household().value())))
                .orElse(w.sessions.get(0));
    }

    private static int indexOf(String symbol) {
        for (int i = 0; i < HOUSEHOLDS.size(); i++) {
            if (HOUSEHOLDS.get(i).symbolNumber().value().equals(symbol)) {
                return i;
            }
        }
        return 0;
    }

    /** {@code options} -1 keeps the reservation's tests (OPT-3); else one of {@link #CHOICES}. */
    void change(int reservation, int slot, boolean newPhone, int sessionOf, int options) {
        ReservationId id = pick(reservation);
        both(w -> w.engine.bookings().change(session(w, id, sessionOf), id, w.slots.get(slot).id(),
                newPhone ? "090-1111-2222" : null, options < 0 ? null : CHOICES.get(options)));
    }

    void cancel(int reservation, int sessionOf) {
        ReservationId id = pick(reservation);
        both(w -> w.engine.bookings().cancel(session(w, id, sessionOf), id));
    }

    void staffCancel(int reservation) {
        ReservationId id = pick(reservation);
        both(w -> w.engine.staff().cancel(new StaffId("staff-1"), "本人より電話", id));
    }

    void cancelEventDay(int slot) {
        SlotSpec s = SLOTS.get(slot);
        both(w -> w.engine.staff().cancelEventDay(s.venue(), s.date()));
    }

    /**
     * The union changes its change and cancel deadline days (CHG-1, CNL-1): both worlds go on with an
     * engine under the new policy over the same storage; live reservations keep their promised deadlines.
     */
    void changeDeadlines(int changeDays, int cancelDays) {
        UnionPolicy policy = UnionPolicy.builder()
                .deadlines(new DeadlinePolicy(DeadlinePolicy.defaults().bookingDays(), changeDays, cancelDays)).build();
        for (World w : List.of(memory, jdbc)) {
            w.engine = KenshinBooking.builder().policy(policy).storage(w.storage).directory(w.directory).clock(clock)
                    .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).courses(COURSES).build();
        }
    }

    void advance(Duration d) {
        clock.add(d);
    }

    void login(int household, boolean correctPassword) {
        Household h = HOUSEHOLDS.get(household);
        both(w -> w.engine.logins().login(h.symbolNumber().value(), h.representative().kana().value(),
                correctPassword ? Union.PASSWORD : "wrong-pass1").firstLogin());
    }

    void reminders() {
        both(w -> w.engine.reminders().run());
    }

    /** {@code options}: one of {@link #CHOICES}; a full test is waited for as a full slot is (WAIT-1). */
    void join(int member, int slot, int sessionOf, int options) {
        Member m = MEMBERS.get(member);
        Object r = both(w -> w.engine.waitingList().join(sessionOf < 0 ? w.sessionOf(m) : w.sessions.get(sessionOf),
                BookingRequest.of(m.id(), w.slots.get(slot).id(), Union.PHONE, true).withOptions(CHOICES.get(options))));
        Statistics.label("joins").collect(r == null ? lastRefusal : "joined");
    }

    void leave(int member, int slot) {
        Member m = MEMBERS.get(member);
        both(w -> w.engine.waitingList().leave(w.sessionOf(m), m.id(), w.slots.get(slot).id()));
    }

    /**
     * Accepts or declines the offer of the member's latest offered entry, as the offer mail names it, or else
     * answers the member's latest entry (to see it refused).
     */
    void answer(int member, boolean accept) {
        Member m = MEMBERS.get(member);
        Object result = both(w -> {
            HouseholdSession s = w.sessionOf(m);
            List<WaitingEntry> entries = w.engine.waitingList().history(s, m.id());
            Optional<WaitingEntry> e = entries.stream().filter(x -> x.state() == WaitingState.OFFERED).findFirst()
                    .or(() -> entries.stream().findFirst());
            if (e.isEmpty()) {
                return "no entry";
            }
            return accept ? w.engine.waitingList().accept(s, e.get().id()) : w.engine.waitingList().decline(s, e.get().id());
        });
        if (result instanceof Reservation r && !reservations.contains(r.id())) {
            reservations.add(r.id());
        }
        // how often a chain reaches an offer to answer, in jqwik's report
        Statistics.label("offer answers").collect(result instanceof Reservation ? "accepted"
                : result instanceof WaitingEntry ? "declined" : result == null ? lastRefusal : "no entry");
    }

    void waitingListJob() {
        both(w -> w.engine.waitingList().expireAndOffer());
    }

    // ---- observable state -------------------------------------------------------------------------

    /**
     * Remaining places per slot, every member's reservations (with their promised deadlines) and
     * history, notifications, lock states.
     */
    void assertSameState() {
        assertThat(view(jdbc)).as("state on JDBC vs in memory").isEqualTo(view(memory));
        for (Slot s : jdbc.slots) {
            Slot now = jdbc.storage.slots().find(s.id()).orElseThrow();
            List<Reservation> live = jdbc.storage.reservations().findLiveBySlot(s.id());
            List<WaitingEntry> offers = MEMBERS.stream()
                    .flatMap(m -> jdbc.storage.waitingList().findByMember(m.id()).stream())
                    .filter(e -> e.slot().equals(s.id()) && e.state() == WaitingState.OFFERED).toList();
            long offered = offers.size();
            Map<OptionId, Integer> optionPools = jdbc.storage.waitingList().pooledOptionPlaces(s.id());
            // WAIT-2: the places taken are the live reservations, the offered entries and the pool
            assertThat((long) now.reserved()).isBetween(0L, (long) now.capacity())
                    .isEqualTo(live.size() + offered + jdbc.storage.waitingList().pooledPlaces(s.id()));
            // OPT-2, WAIT-2: each test's places taken are those its live reservations and offered entries hold and
            // its pool, never above its capacity
            for (SlotOption o : now.options()) {
                assertThat((long) o.reserved()).isBetween(0L, (long) o.capacity())
                        .isEqualTo(live.stream().filter(r -> r.choice().options().contains(o.option())).count()
                                + offers.stream().filter(e -> e.choice().options().contains(o.option())).count()
                                + optionPools.getOrDefault(o.option(), 0));
            }
        }
    }

    private Map<String, Object> view(World w) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (Slot s : w.slots) {
            v.put("slot " + s.id(), w.storage.slots().find(s.id()).orElseThrow());
            v.put("pooled " + s.id(), w.storage.waitingList().pooledPlaces(s.id()));
            v.put("pooled tests " + s.id(), w.storage.waitingList().pooledOptionPlaces(s.id()));
        }
        for (Member m : MEMBERS) {
            v.put("reservations " + m.id(), sorted(w.storage.reservations().findByMember(m.id()), r -> r.id().value()));
            v.put("history " + m.id(), outcome(w, x -> x.engine.bookings().history(x.sessionOf(m), m.id(),
                    HistoryFilter.all()), new Object[1], 0));
            v.put("waiting " + m.id(), outcome(w, x -> x.engine.waitingList().history(x.sessionOf(m), m.id()),
                    new Object[1], 0));
        }
        v.put("notifications", w.storage.outbox().pending().stream()
                .map(e -> List.of(e.notification(), e.createdAt(), e.attempts(), e.nextAttemptAt())).toList());
        for (Household h : HOUSEHOLDS) {
            v.put("lock " + h.symbolNumber(), w.storage.loginAttempts().find(h.symbolNumber().value()));
        }
        return v;
    }

    private static <T> List<T> sorted(List<T> list, Function<T, Long> key) {
        List<T> out = new ArrayList<>(list);
        out.sort(Comparator.comparing(key));
        return out;
    }

    List<MemberId> memberIds() {
        return MEMBERS.stream().map(Member::id).toList();
    }

    @Override
    public String toString() {
        return "Worlds[now=" + clock.instant() + ", reservations=" + reservations + "]";
    }
}
