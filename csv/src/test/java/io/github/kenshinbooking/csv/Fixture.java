package io.github.kenshinbooking.csv;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.Course;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An in-memory engine with a slot and households to book, for the CSV tests. */
final class Fixture {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final LocalDate DAY = LocalDate.of(2024, 6, 16);
    static final Venue VENUE = Venue.of("ミリカローデン那珂川");
    static final CourseId CANCER_SET = CourseId.of("cancer-set");
    static final OptionId STOMACH_XRAY = OptionId.of("stomach-xray");
    static final OptionId MAMMOGRAPHY = OptionId.of("mammography");
    /** The union's catalog: a second course, and two optional tests. */
    static final CourseCatalog COURSES = CourseCatalog.builder()
            .course(Course.of(CANCER_SET, "特定健診＋がん検診セット"))
            .option(ExamOption.of(STOMACH_XRAY, "胃部X線"))
            .option(ExamOption.of(MAMMOGRAPHY, "マンモグラフィ"))
            .build();

    final Storage storage = new InMemoryStorage();
    final InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
    final KenshinBooking engine = KenshinBooking.builder().storage(storage).directory(directory)
            .clock(Clock.fixed(Instant.parse("2024-05-01T00:00:00Z"), TOKYO)).courses(COURSES)
            .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1)).build();

    static Member member(String id, String kana, String name, LocalDate birth, Sex sex) {
        return new Member(MemberId.of(id), KanaName.of(kana), name, birth, sex, LocalDate.of(2000, 4, 1),
                Optional.empty(), true);
    }

    void household(String symbol, Member representative) {
        directory.put(Household.of(SymbolNumber.of(symbol), List.of(representative)));
    }

    Slot slot(Venue venue, String institution, LocalTime start) {
        return storage.slots().add(new SlotSpec(venue, institution, DAY, start, Duration.ofMinutes(30), 10,
                Instant.parse("2024-04-01T00:00:00Z")));
    }

    /** A slot offering both courses and both tests, a few places each. */
    Slot slotWithTests(Venue venue, String institution, LocalTime start) {
        return storage.slots().add(new SlotSpec(venue, institution, DAY, start, Duration.ofMinutes(30), 10,
                Instant.parse("2024-04-01T00:00:00Z")).withCourses(Set.of(CourseId.DEFAULT, CANCER_SET))
                .withOption(STOMACH_XRAY, 4).withOption(MAMMOGRAPHY, 4));
    }

    Reservation book(String symbol, String member, Slot slot, String phone) throws Exception {
        return book(symbol, member, slot, phone, ExamChoice.DEFAULT);
    }

    Reservation book(String symbol, String member, Slot slot, String phone, ExamChoice choice) throws Exception {
        Reservation r = Reservation.booked(storage.reservationIds().next(), SymbolNumber.of(symbol), MemberId.of(member),
                slot.id(), FiscalYear.containing(slot.date()), new PhoneNumber(phone), "2024-03",
                Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-27T15:00:00Z"),
                Instant.parse("2024-06-10T15:00:00Z")).withChoice(choice);
        storage.unitOfWork().execute(() -> {
            storage.reservations().insert(r);
            return null;
        });
        return r;
    }
}
