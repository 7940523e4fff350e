package io.github.kenshinbooking;

import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.policy.DeadlinePolicy;
import io.github.kenshinbooking.policy.AgePolicy;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
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
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.threeten.extra.MutableClock;

/**
 * SLOT-2, CHG-1, CNL-1 as properties: for any exam date, policy day counts, zone and instant, each
 * action is allowed iff {@code now <} its deadline, computed here independently as "N days before
 * 00:00 in the union's zone".
 */
class DeadlineProperties {
    private static final MemberId M = MemberId.of("1-1");
    private static final SymbolNumber S = SymbolNumber.of("1");

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("Asia/Tokyo"), ZoneId.of("UTC"), ZoneId.of("America/New_York"),
                ZoneId.of("Europe/London"));
    }

    @Provide
    Arbitrary<Long> offsets() {
        // seconds around a deadline, dense near it
        return Arbitraries.oneOf(Arbitraries.longs().between(-3, 3), Arbitraries.longs().between(-3 * 86_400, 3 * 86_400));
    }

    private static Instant independentDeadline(LocalDate exam, int days, ZoneId zone) {
        LocalDate d = exam.minusDays(days);
        return d.atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant();
    }

    private record Setup(KenshinBooking engine, MutableClock clock, HouseholdSession session, Slot slot, Slot later) {
    }

    private static Setup setup(UnionPolicy policy, LocalDate exam) throws Refusal {
        Instant opens = exam.minusYears(1).atStartOfDay(policy.zone()).toInstant();
        MutableClock clock = MutableClock.of(opens, policy.zone());
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryHouseholdDirectory dir = new InMemoryHouseholdDirectory();
        dir.put(Household.of(S, List.of(new Member(M, KanaName.of("ｱ"), "亜", LocalDate.of(1960, 6, 6), Sex.M,
                LocalDate.of(1980, 1, 1), Optional.empty(), true))));
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1);
        storage.accounts().save(Account.initial(S).withPasswordHash(hasher.hash("pass1234")));
        KenshinBooking engine = KenshinBooking.builder().policy(policy).clock(clock).storage(storage).directory(dir)
                .passwordHasher(hasher).build();
        HouseholdSession session = engine.logins().login("1", "ｱ", "pass1234").session();
        Slot slot = engine.schedule().addSlot(new SlotSpec(Venue.of("v"), "i", exam, LocalTime.of(10, 0),
                Duration.ofMinutes(30), 5, opens));
        Slot later = engine.schedule().addSlot(new SlotSpec(Venue.of("v"), "i", exam.plusDays(60), LocalTime.of(10, 0),
                Duration.ofMinutes(30), 5, opens));
        return new Setup(engine, clock, session, slot, later);
    }

    private static UnionPolicy policy(ZoneId zone, int booking, int change, int cancel) {
        return UnionPolicy.builder().zone(zone).deadlines(new DeadlinePolicy(booking, change, cancel))
                .ages(new AgePolicy(0, 75, 16)).build();
    }

    private static LocalDate exam(int dayOfYear) {
        // fiscal years stay apart from the later slot's (exam + 60 days) for most dates; ONE-1 is not what is tested
        return LocalDate.of(2024, 1, 1).plusDays(dayOfYear);
    }

    @Property(tries = 300)
    @Label("SLOT-2 booking is allowed iff opens <= now < exam - N days at 00:00 in the union's zone")
    void booking(@ForAll("zones") ZoneId zone, @ForAll @IntRange(min = 0, max = 30) int days,
            @ForAll @IntRange(min = 0, max = 700) int dayOfYear, @ForAll("offsets") long offset) throws Refusal {
        LocalDate exam = exam(dayOfYear);
        Setup s = setup(policy(zone, days, 13, 2), exam);
        Instant now = independentDeadline(exam, days, zone).plusSeconds(offset);
        s.clock().setInstant(now);
        boolean expected = now.isBefore(independentDeadline(exam, days, zone));
        try {
            s.engine().bookings().book(s.session(), BookingRequest.of(M, s.slot().id(), "0312345678", true));
            assertThat(expected).as("booked at %s", now).isTrue();
        } catch (Refusal r) {
            assertThat(expected).as("refused %s at %s", r.code(), now).isFalse();
            assertThat(r.code()).isEqualTo(ErrorCode.BOOKING_CLOSED);
        }
    }

    @Property(tries = 300)
    @Label("CHG-1 change is allowed iff now < current exam - N days at 00:00 in the union's zone")
    void change(@ForAll("zones") ZoneId zone, @ForAll @IntRange(min = 0, max = 30) int days,
            @ForAll @IntRange(min = 0, max = 700) int dayOfYear, @ForAll("offsets") long offset) throws Refusal {
        LocalDate exam = exam(dayOfYear);
        Setup s = setup(policy(zone, 0, days, 0), exam);
        Reservation r = s.engine().bookings().book(s.session(), BookingRequest.of(M, s.slot().id(), "0312345678", true));
        Instant now = independentDeadline(exam, days, zone).plusSeconds(offset);
        s.clock().setInstant(now);
        boolean expected = now.isBefore(independentDeadline(exam, days, zone));
        try {
            s.engine().bookings().change(s.session(), r.id(), s.later().id(), null);
            assertThat(expected).as("changed at %s", now).isTrue();
        } catch (Refusal e) {
            assertThat(expected).as("refused %s at %s", e.code(), now).isFalse();
            assertThat(e.code()).isEqualTo(ErrorCode.CHANGE_DEADLINE_PASSED);
        }
    }

    @Property(tries = 300)
    @Label("CNL-1 cancel is allowed iff now < exam - N days at 00:00 in the union's zone")
    void cancel(@ForAll("zones") ZoneId zone, @ForAll @IntRange(min = 0, max = 30) int days,
            @ForAll @IntRange(min = 0, max = 700) int dayOfYear, @ForAll("offsets") long offset) throws Refusal {
        LocalDate exam = exam(dayOfYear);
        Setup s = setup(policy(zone, 0, 0, days), exam);
        Reservation r = s.engine().bookings().book(s.session(), BookingRequest.of(M, s.slot().id(), "0312345678", true));
        Instant now = independentDeadline(exam, days, zone).plusSeconds(offset);
        s.clock().setInstant(now);
        boolean expected = now.isBefore(independentDeadline(exam, days, zone));
        try {
            s.engine().bookings().cancel(s.session(), r.id());
            assertThat(expected).as("cancelled at %s", now).isTrue();
        } catch (Refusal e) {
            assertThat(expected).as("refused %s at %s", e.code(), now).isFalse();
            assertThat(e.code()).isEqualTo(ErrorCode.CANCEL_DEADLINE_PASSED);
        }
    }
}
