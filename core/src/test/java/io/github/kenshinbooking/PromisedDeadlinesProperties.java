package io.github.kenshinbooking;

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
import io.github.kenshinbooking.policy.AgePolicy;
import io.github.kenshinbooking.policy.DeadlinePolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationDetails;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
 * CHG-1, CNL-1 promised deadlines as a property: for any deadline days before and after a policy
 * change, a reservation booked under the first policy keeps exactly the first policy's deadlines for
 * its slot until it is changed, and whether a change or cancel is allowed at any instant is decided by
 * the promised deadline ({@code now <} it), computed here independently as "N days before 00:00 in the
 * union's zone". A change re-promises the new slot's deadlines under the policy in force.
 */
class PromisedDeadlinesProperties {
    private static final MemberId M = MemberId.of("1-1");
    private static final SymbolNumber S = SymbolNumber.of("1");

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("Asia/Tokyo"), ZoneId.of("UTC"), ZoneId.of("America/New_York"));
    }

    @Provide
    Arbitrary<Long> offsets() {
        // seconds around the promised deadline, dense near it
        return Arbitraries.oneOf(Arbitraries.longs().between(-3, 3), Arbitraries.longs().between(-40 * 86_400L, 40 * 86_400L));
    }

    private static Instant independentDeadline(LocalDate exam, int days, ZoneId zone) {
        return exam.minusDays(days).atTime(LocalTime.MIDNIGHT).atZone(zone).toInstant();
    }

    private static UnionPolicy policy(ZoneId zone, int change, int cancel) {
        // booking deadline 0 days: the later slot stays bookable around every deadline tried
        return UnionPolicy.builder().zone(zone).deadlines(new DeadlinePolicy(0, change, cancel))
                .ages(new AgePolicy(0, 75, 16)).build();
    }

    @Property(tries = 300)
    @Label("CHG-1 CNL-1 a reservation keeps the deadlines of the policy it was booked under; they decide change and cancel")
    void promised(@ForAll("zones") ZoneId zone, @ForAll @IntRange(min = 0, max = 30) int change1,
            @ForAll @IntRange(min = 0, max = 30) int cancel1, @ForAll @IntRange(min = 0, max = 30) int change2,
            @ForAll @IntRange(min = 0, max = 30) int cancel2, @ForAll @IntRange(min = 0, max = 700) int dayOfYear,
            @ForAll boolean tryChange, @ForAll("offsets") long offset) throws Refusal {
        LocalDate exam = LocalDate.of(2024, 1, 1).plusDays(dayOfYear);
        Instant opens = exam.minusYears(1).atStartOfDay(zone).toInstant();
        MutableClock clock = MutableClock.of(opens, zone);
        InMemoryStorage storage = new InMemoryStorage();
        InMemoryHouseholdDirectory dir = new InMemoryHouseholdDirectory();
        dir.put(Household.of(S, List.of(new Member(M, KanaName.of("ｱ"), "亜", LocalDate.of(1960, 6, 6), Sex.M,
                LocalDate.of(1980, 1, 1), Optional.empty(), true))));
        Pbkdf2PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1);
        storage.accounts().save(Account.initial(S).withPasswordHash(hasher.hash("pass1234")));
        KenshinBooking before = KenshinBooking.builder().policy(policy(zone, change1, cancel1)).clock(clock)
                .storage(storage).directory(dir).passwordHasher(hasher).build();
        KenshinBooking after = KenshinBooking.builder().policy(policy(zone, change2, cancel2)).clock(clock)
                .storage(storage).directory(dir).passwordHasher(hasher).build();
        HouseholdSession session = before.logins().login("1", "ｱ", "pass1234").session();
        Slot slot = before.schedule().addSlot(new SlotSpec(Venue.of("v"), "i", exam, LocalTime.of(10, 0),
                Duration.ofMinutes(30), 5, opens));
        LocalDate laterExam = exam.plusDays(60);
        Slot later = before.schedule().addSlot(new SlotSpec(Venue.of("v"), "i", laterExam, LocalTime.of(10, 0),
                Duration.ofMinutes(30), 5, opens));

        Reservation r = before.bookings().book(session, BookingRequest.of(M, slot.id(), "0312345678", true));
        Instant promisedChange = independentDeadline(exam, change1, zone);
        Instant promisedCancel = independentDeadline(exam, cancel1, zone);
        assertThat(r.changeDeadline()).contains(promisedChange);
        assertThat(r.cancelDeadline()).contains(promisedCancel);

        Instant promised = tryChange ? promisedChange : promisedCancel;
        Instant now = promised.plusSeconds(offset);
        clock.setInstant(now);
        boolean expected = now.isBefore(promised);
        // the new policy shows and judges the first policy's deadlines
        ReservationDetails d = after.bookings().details(session, r.id());
        assertThat(d.changeDeadline()).isEqualTo(LocalDateTime.ofInstant(promisedChange, zone));
        assertThat(d.cancelDeadline()).isEqualTo(LocalDateTime.ofInstant(promisedCancel, zone));
        assertThat(tryChange ? d.changeable() : d.cancellable()).as("allowed at %s", now).isEqualTo(expected);
        assertThat(storage.reservations().find(r.id())).contains(r);
        try {
            if (tryChange) {
                Reservation moved = after.bookings().change(session, r.id(), later.id(), null);
                // re-promised under the policy in force at the change
                assertThat(moved.changeDeadline()).contains(independentDeadline(laterExam, change2, zone));
                assertThat(moved.cancelDeadline()).contains(independentDeadline(laterExam, cancel2, zone));
            } else {
                Reservation cancelled = after.bookings().cancel(session, r.id());
                assertThat(cancelled.changeDeadline()).contains(promisedChange);
                assertThat(cancelled.cancelDeadline()).contains(promisedCancel);
            }
            assertThat(expected).as("allowed at %s", now).isTrue();
        } catch (Refusal e) {
            assertThat(expected).as("refused %s at %s", e.code(), now).isFalse();
            assertThat(e.code()).isEqualTo(tryChange ? ErrorCode.CHANGE_DEADLINE_PASSED : ErrorCode.CANCEL_DEADLINE_PASSED);
            assertThat(storage.reservations().find(r.id())).contains(r);
        }
    }
}
