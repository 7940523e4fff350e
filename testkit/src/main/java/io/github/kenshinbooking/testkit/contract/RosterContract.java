package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.exchange.RosterRow;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.Venue;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of the roster (受診者名簿, DATA-1) on an adapter: {@code Storage.forEachLive} and the
 * member records' batch read, through {@code engine.exchange().roster}. Extend it with the adapter's
 * storage and registry factories.
 *
 * <p>It checks that a day's roster lists exactly the live reservations of that venue and day with
 * every column (reservation ID, exam start, venue, institution, symbol number, member number, kana
 * and kanji name, birth date, sex, phone, course and optional tests), in start order; that cancelled reservations, other venues
 * and other days are left out; that a fiscal year's roster lists every venue in the stable order
 * (date, venue, start, slot, reservation) across more rows than one batch; and that a member no
 * longer in the records is listed without particulars.
 */
public abstract class RosterContract extends DataExchangeSupport {
    private static final Venue A = Venue.of("A 会場");
    private static final Venue B = Venue.of("B 会場");

    private List<RosterRow> roster(RosterQuery query) throws Exception {
        List<RosterRow> rows = new ArrayList<>();
        long n = engine.exchange().roster(query, rows::add);
        assertThat(n).isEqualTo(rows.size());
        return rows;
    }

    private Slot slotAt(Venue venue, LocalDate date, int hour) {
        return storage.slots().add(spec(venue, date, LocalTime.of(hour, 0), 10));
    }

    @Test
    @DisplayName("DATA-1 a day's roster lists each live reservation of the venue-day with every column, by start time")
    void dayRoster() throws Exception {
        registry.putAll(List.of(kensetsu(), takasaki()));
        Slot ten = slotAt(A, FY2024_DAY, 10);
        Slot nine = slotAt(A, FY2024_DAY, 9);
        Reservation jiro = book(JIRO, ten);
        Reservation taro = book(TARO, nine);

        List<RosterRow> rows = roster(RosterQuery.day(A, FY2024_DAY));

        assertThat(rows).extracting(RosterRow::reservation).containsExactly(taro.id(), jiro.id());
        RosterRow first = rows.get(0);
        assertThat(first.examStart()).isEqualTo(LocalDateTime.of(FY2024_DAY, LocalTime.of(9, 0)));
        assertThat(first.venue()).isEqualTo(A);
        assertThat(first.institution()).isEqualTo("那珂川健診センター");
        assertThat(first.household()).isEqualTo(HOUSEHOLD);
        assertThat(first.member()).isEqualTo(TARO);
        assertThat(first.phone()).isEqualTo(PHONE);
        assertThat(first.details()).hasValueSatisfying(m -> {
            assertThat(m.kana().value()).isEqualTo("ｹﾝｾﾂ ﾀﾛｳ");
            assertThat(m.name()).isEqualTo("建設 太郎");
            assertThat(m.birthDate()).isEqualTo(LocalDate.of(1970, 5, 5));
            assertThat(m.sex()).isEqualTo(Sex.M);
        });
        assertThat(rows.get(1).details()).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("髙﨑 次郎"));
    }

    @Test
    @DisplayName("DATA-1 cancelled reservations, other venues and other days are not on a day's roster")
    void onlyLiveOfTheDay() throws Exception {
        registry.putAll(List.of(kensetsu(), takasaki()));
        Slot day = slotAt(A, FY2024_DAY, 9);
        Slot otherVenue = slotAt(B, FY2024_DAY, 9);
        Slot nextDay = slotAt(A, FY2024_DAY.plusDays(1), 9);
        Reservation kept = book(TARO, day);
        Reservation cancelled = book(HANAKO, day);
        inUnitOfWork(() -> {
            storage.reservations().cancel(cancelled, cancelled.cancelled(T0, Optional.empty()));
            return null;
        });
        book(JIRO, otherVenue);
        Reservation later = book(MemberId.of("1999999-02"), nextDay);

        assertThat(roster(RosterQuery.day(A, FY2024_DAY))).extracting(RosterRow::reservation)
                .containsExactly(kept.id());
        assertThat(roster(RosterQuery.day(A, FY2024_DAY.plusDays(1)))).extracting(RosterRow::reservation)
                .containsExactly(later.id());
        assertThat(roster(RosterQuery.day(B, FY2024_DAY.plusDays(1)))).isEmpty();
    }

    @Test
    @DisplayName("DATA-1 a fiscal year's roster lists every venue by date, venue, start, slot and reservation, across batches")
    void fiscalYearRoster() throws Exception {
        List<Household> households = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            households.add(Household.of(SymbolNumber.of("30000" + i), List.of(
                    member("30000" + i + "-00", "ｶﾆﾕｳ ｲﾁ", "加入 一", Sex.F, true))));
        }
        registry.putAll(households);
        Slot bLate = slotAt(B, FY2024_DAY, 11);
        Slot aLate = slotAt(A, FY2024_DAY, 11);
        Slot aEarly = slotAt(A, FY2024_DAY, 9);
        Slot nextDay = slotAt(A, FY2024_DAY.plusDays(1), 8);
        Slot otherYear = slotAt(A, FY2025_DAY, 9);
        Slot[] order = {nextDay, bLate, aEarly, aLate, aLate, aEarly};
        List<Reservation> booked = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            booked.add(book(MemberId.of("30000" + i + "-00"), order[i]));
        }
        book(MemberId.of("300006-00"), otherYear);

        List<RosterRow> rows = roster(RosterQuery.fiscalYear(FiscalYear.of(2024)));

        // by date, then venue (A before B), then start, then slot, then reservation id
        assertThat(rows).extracting(RosterRow::reservation).containsExactly(booked.get(2).id(), booked.get(5).id(),
                booked.get(3).id(), booked.get(4).id(), booked.get(1).id(), booked.get(0).id());
        assertThat(rows).allSatisfy(r -> assertThat(r.details()).isPresent());
    }

    @Test
    @DisplayName("DATA-1 a member no longer in the member records is listed without particulars")
    void memberGone() throws Exception {
        Slot s = slotAt(A, FY2024_DAY, 9);
        Reservation r = book(TARO, s);

        List<RosterRow> rows = roster(RosterQuery.day(A, FY2024_DAY));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.reservation()).isEqualTo(r.id());
            assertThat(row.member()).isEqualTo(TARO);
            assertThat(row.details()).isEmpty();
        });
    }

    @Test
    @DisplayName("DATA-1 CRS-1 OPT-2 a row carries the course and optional tests the store holds for the reservation,"
            + " named by codes when the engine's catalog does not know them")
    void courseAndTests() throws Exception {
        registry.putAll(List.of(kensetsu()));
        OptionId xray = OptionId.of("stomach-xray");
        OptionId colon = OptionId.of("colon");
        Slot s = storage.slots().add(spec(A, FY2024_DAY, LocalTime.of(9, 0), 10)
                .withCourses(Set.of(CourseId.DEFAULT, CourseId.of("cancer-set")))
                .withOption(xray, 2).withOption(colon, 2));
        ExamChoice choice = new ExamChoice(CourseId.of("cancer-set"), CourseFamily.DEFAULT,
                new TreeSet<>(Set.of(xray, colon)));
        Reservation r = newReservation(TARO, s).withChoice(choice);
        inUnitOfWork(() -> {
            storage.reservations().insert(r);
            return null;
        });
        book(HANAKO, s);

        List<RosterRow> rows = roster(RosterQuery.day(A, FY2024_DAY));

        assertThat(rows).hasSize(2);
        RosterRow withTests = rows.stream().filter(x -> x.reservation().equals(r.id())).findFirst().orElseThrow();
        assertThat(withTests.choice()).isEqualTo(choice);
        assertThat(withTests.courseName()).isEqualTo("cancer-set");
        assertThat(withTests.optionNames()).containsExactly("colon", "stomach-xray");
        RosterRow plain = rows.stream().filter(x -> x.member().equals(HANAKO)).findFirst().orElseThrow();
        assertThat(plain.choice()).isEqualTo(ExamChoice.DEFAULT);
        assertThat(plain.courseName()).isEqualTo("特定健診");
        assertThat(plain.optionNames()).isEmpty();
    }
}
