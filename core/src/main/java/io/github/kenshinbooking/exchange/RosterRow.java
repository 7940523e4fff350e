package io.github.kenshinbooking.exchange;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.schedule.Venue;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One line of the roster (受診者名簿, DATA-1) for the checkup institution: a live reservation with its
 * exam, its course and optional tests (CRS-1, OPT-2: the institution prepares the tests), and the
 * member's particulars from the member records. Immutable and thread-safe.
 *
 * @param reservation the 予約ID
 * @param examStart   the exam's date and start time, local to the union's zone
 * @param venue       the venue (会場)
 * @param institution the checkup institution (健診機関)
 * @param household   the household's symbol number (記号番号)
 * @param member      the member's number (組合員番号 or 家族番号, as the member records identify them)
 * @param details     the member as the member records hold them now (kana and kanji name, birth date,
 *                    sex); empty if the records no longer know the member
 * @param phone       the daytime phone given with the booking (日中の連絡先)
 * @param choice      the course and optional tests booked, by code
 * @param courseName  the course's name in the union's catalog, or its code if the catalog no longer has it
 * @param optionNames the optional tests' names in code order, likewise
 */
public record RosterRow(ReservationId reservation, LocalDateTime examStart, Venue venue, String institution,
        SymbolNumber household, MemberId member, Optional<Member> details, PhoneNumber phone, ExamChoice choice,
        String courseName, List<String> optionNames) {
    /**
     * Checks the components.
     *
     * @param reservation the 予約ID
     * @param examStart the exam's date and start time
     * @param venue the venue
     * @param institution the checkup institution
     * @param household the household's symbol number
     * @param member the member's number
     * @param details the member's particulars, or empty
     * @param phone the daytime phone
     * @param choice the course and optional tests
     * @param courseName the course's name
     * @param optionNames the optional tests' names; copied
     * @throws NullPointerException if a component is {@code null}
     */
    public RosterRow {
        requireNonNull(reservation, "reservation");
        requireNonNull(examStart, "examStart");
        requireNonNull(venue, "venue");
        requireNonNull(institution, "institution");
        requireNonNull(household, "household");
        requireNonNull(member, "member");
        requireNonNull(details, "details");
        requireNonNull(phone, "phone");
        requireNonNull(choice, "choice");
        requireNonNull(courseName, "courseName");
        optionNames = List.copyOf(requireNonNull(optionNames, "optionNames"));
    }

    /**
     * The row of a store's entry with the member's particulars and the catalog's names.
     *
     * @param entry the reservation and its slot
     * @param details the member's particulars, or empty
     * @param courses the union's catalog, for the names of the course and tests
     * @return the row
     */
    public static RosterRow of(RosterEntry entry, Optional<Member> details, CourseCatalog courses) {
        var r = entry.reservation();
        var s = entry.slot();
        ExamChoice c = r.choice();
        String course = courses.course(c.course()).map(x -> x.name()).orElse(c.course().value());
        List<String> options = c.options().stream().map(courses::optionName).toList();
        return new RosterRow(r.id(), s.startDateTime(), s.venue(), s.institution(), r.household(), r.member(),
                details, r.phone(), c, course, options);
    }
}
