package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.ExamChoice;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.schedule.Slot;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link BookingRules} judge for one booking or change (ORDER-1): the member, the slot, the course
 * and optional tests chosen (CRS-1, OPT-1), whether the member holds another live reservation of the
 * course's family in the slot's fiscal year (ONE-1), the tests the member took in earlier fiscal years
 * (OPT-1's interval) and, for a change, the reservation being changed (its places in the slot count as
 * its own, OPT-3). Immutable and thread-safe.
 *
 * @param member            the member
 * @param slot              the slot to book or move to
 * @param choice            the course and optional tests
 * @param liveInFamilyYear  whether the member holds another live reservation of the family in the slot's year
 * @param taken             the optional tests the member took, by fiscal year
 * @param changing          the reservation being changed, empty for a booking
 */
public record BookingCase(Member member, Slot slot, ExamChoice choice, boolean liveInFamilyYear,
        Map<FiscalYear, Set<OptionId>> taken, Optional<Reservation> changing) {
    /**
     * Checks the components; the taken tests are copied.
     *
     * @param member the member
     * @param slot the slot to book or move to
     * @param choice the course and optional tests
     * @param liveInFamilyYear whether the member holds another live reservation of the family in the year
     * @param taken the optional tests the member took, by fiscal year
     * @param changing the reservation being changed, empty for a booking
     * @throws NullPointerException if a component is {@code null}
     */
    public BookingCase {
        requireNonNull(member, "member");
        requireNonNull(slot, "slot");
        requireNonNull(choice, "choice");
        taken = Map.copyOf(requireNonNull(taken, "taken"));
        requireNonNull(changing, "changing");
    }

    /**
     * A new booking of the default course without optional tests: the manual's case.
     *
     * @param member the member
     * @param slot the slot
     * @param liveInSlotYear whether the member holds a live reservation in the slot's fiscal year
     * @return the case
     */
    public static BookingCase of(Member member, Slot slot, boolean liveInSlotYear) {
        return new BookingCase(member, slot, ExamChoice.DEFAULT, liveInSlotYear, Map.of(), Optional.empty());
    }

    /**
     * Whether the reservation being changed already holds the slot's own place (a change within the slot).
     *
     * @return {@code true} for a change that stays in the slot
     */
    public boolean holdsSlot() {
        return changing.isPresent() && changing.get().slot().equals(slot.id());
    }

    /**
     * Whether the reservation being changed already holds a place of this test in the slot.
     *
     * @param option the test
     * @return {@code true} if it is held and stays held
     */
    public boolean holdsOption(OptionId option) {
        return holdsSlot() && changing.get().choice().options().contains(option);
    }

    /**
     * The optional tests the member took in live reservations of earlier fiscal years than {@code fy}
     * (OPT-1's interval), from every reservation of the member.
     *
     * @param reservations the member's reservations, live and cancelled
     * @param fy the fiscal year of the exam to book
     * @return the tests by fiscal year
     */
    public static Map<FiscalYear, Set<OptionId>> taken(Iterable<Reservation> reservations, FiscalYear fy) {
        Map<FiscalYear, Set<OptionId>> out = new java.util.HashMap<>();
        for (Reservation r : reservations) {
            if (r.live() && r.fiscalYear().compareTo(fy) < 0 && !r.choice().options().isEmpty()) {
                out.computeIfAbsent(r.fiscalYear(), k -> new java.util.TreeSet<>()).addAll(r.choice().options());
            }
        }
        return out;
    }
}
