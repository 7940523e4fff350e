package io.github.kenshinbooking;

import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.threeten.extra.MutableClock;

/**
 * SLOT-3 and ONE-1 as properties: any sequence of book, change and cancel by many members, with
 * random clock moves, keeps {@code 0 <= remaining <= capacity}, {@code remaining == capacity -
 * live reservations}, and at most one live reservation per member and fiscal year.
 */
class CapacityProperties {
    private static final int HOUSEHOLDS = 4;
    private static final Set<ErrorCode> RULE_CODES = Set.of(ErrorCode.SLOT_FULL, ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR,
            ErrorCode.ALREADY_CANCELLED, ErrorCode.BOOKING_CLOSED, ErrorCode.CHANGE_DEADLINE_PASSED,
            ErrorCode.CANCEL_DEADLINE_PASSED, ErrorCode.NOT_FOUND, ErrorCode.INVALID_INPUT, ErrorCode.RECEPTION_NOT_OPEN);

    enum Kind { BOOK, CHANGE, CANCEL, CLOCK }

    record Action(Kind kind, int member, int slot, int minutes) {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> a = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, HOUSEHOLDS * 2 - 1),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 60 * 24 * 12))
                .as(Action::new);
        return a.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 200)
    @Label("SLOT-3 ONE-1 any interleaving keeps 0 <= remaining <= capacity, remaining = capacity - live, one live per member and year")
    void capacityAndOnePerYear(@ForAll("actions") List<Action> actions, @ForAll @IntRange(min = 1, max = 3) int capacity)
            throws Refusal {
        ZoneId zone = UnionPolicy.defaults().zone();
        MutableClock clock = MutableClock.of(LocalDateTime.of(2024, 1, 10, 9, 0).atZone(zone).toInstant(), zone);
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryHouseholdDirectory dir = new InMemoryHouseholdDirectory();
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1);
        List<MemberId> members = new ArrayList<>();
        List<SymbolNumber> householdOf = new ArrayList<>();
        for (int h = 0; h < HOUSEHOLDS; h++) {
            SymbolNumber sym = SymbolNumber.of("10" + h);
            MemberId rep = MemberId.of(sym + "-1");
            MemberId fam = MemberId.of(sym + "-2");
            dir.put(Household.of(sym, List.of(
                    new Member(rep, KanaName.of("ｱ" + h), "代表" + h, LocalDate.of(1960, 5, 5), Sex.M, LocalDate.of(1990, 1, 1),
                            Optional.empty(), true),
                    new Member(fam, KanaName.of("ｲ" + h), "家族" + h, LocalDate.of(1962, 5, 5), Sex.F, LocalDate.of(1990, 1, 1),
                            Optional.empty(), false))));
            storage.accounts().save(Account.initial(sym).withPasswordHash(hasher.hash("pass1234")));
            members.add(rep);
            members.add(fam);
            householdOf.add(sym);
            householdOf.add(sym);
        }
        KenshinBooking engine = KenshinBooking.builder().clock(clock).storage(storage).directory(dir)
                .passwordHasher(hasher).build();
        Map<SymbolNumber, HouseholdSession> sessions = new HashMap<>();
        for (int h = 0; h < HOUSEHOLDS; h++) {
            SymbolNumber sym = SymbolNumber.of("10" + h);
            sessions.put(sym, engine.logins().login(sym.value(), "ｱ" + h, "pass1234").session());
        }
        Venue venue = Venue.of("会場");
        List<Slot> slots = new ArrayList<>();
        LocalDate[] dates = {LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 18), LocalDate.of(2024, 3, 10),
                LocalDate.of(2024, 4, 20)};
        for (LocalDate d : dates) {
            slots.add(engine.schedule().addSlot(new SlotSpec(venue, "機関", d, LocalTime.of(9, 0), Duration.ofMinutes(30),
                    capacity, LocalDateTime.of(2023, 12, 1, 0, 0).atZone(clock.getZone()).toInstant())));
        }
        Map<Integer, ReservationId> lastOf = new HashMap<>();

        for (Action a : actions) {
            HouseholdSession s = sessions.get(householdOf.get(a.member()));
            MemberId m = members.get(a.member());
            try {
                switch (a.kind()) {
                    case BOOK -> lastOf.put(a.member(),
                            engine.bookings().book(s, BookingRequest.of(m, slots.get(a.slot()).id(), "0312345678", true)).id());
                    case CHANGE -> {
                        if (lastOf.containsKey(a.member())) {
                            engine.bookings().change(s, lastOf.get(a.member()), slots.get(a.slot()).id(), null);
                        }
                    }
                    case CANCEL -> {
                        if (lastOf.containsKey(a.member())) {
                            engine.bookings().cancel(s, lastOf.get(a.member()));
                        }
                    }
                    case CLOCK -> clock.add(Duration.ofMinutes(a.minutes()));
                }
            } catch (Refusal r) {
                assertThat(RULE_CODES).contains(r.code());
            }
            for (Slot slot : slots) {
                int remaining = engine.calendar().remaining(slot.id());
                int live = storage.reservations().findLiveBySlot(slot.id()).size();
                assertThat(remaining).isBetween(0, capacity);
                assertThat(remaining).isEqualTo(capacity - live);
            }
            for (MemberId member : members) {
                Map<Integer, Long> perYear = new HashMap<>();
                storage.reservations().findByMember(member).stream().filter(Reservation::live)
                        .forEach(r -> perYear.merge(r.fiscalYear().startYear(), 1L, Long::sum));
                assertThat(perYear.values()).allMatch(n -> n <= 1);
            }
        }
    }
}
