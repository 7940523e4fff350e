package io.github.kenshinbooking.testkit.scenario;

import static io.github.kenshinbooking.testkit.scenario.StepRefs.staff;

import io.github.kenshinbooking.reservation.ReservationStatus;
import java.time.LocalDateTime;
import java.util.Optional;

/** Readers of the reservation steps: book, change, cancel (also by staff), event cancellation, history. Internal. */
final class BookingSteps {
    private BookingSteps() {
    }

    static Action book(Node n, StepRefs refs) throws InvalidScenarioException {
        String member = refs.member(n);
        Optional<String> household = refs.householdRef(n);
        String slot = refs.slotRef(n);
        String phone = n.opt("phone").isPresent() ? n.req("phone").stringOrNull() : null;
        boolean terms = n.optNonNull("acceptTerms").isPresent() && n.req("acceptTerms").bool();
        Optional<String> key = n.optNonNull("idempotencyKey").isPresent()
                ? Optional.of(n.req("idempotencyKey").string()) : Optional.empty();
        return new Action.Book(member, household, slot, phone, terms, key, refs.as(n));
    }

    static Action change(Node n, StepRefs refs) throws InvalidScenarioException {
        String reservation = refs.reservationRef(n);
        Optional<String> household = refs.householdRef(n);
        String slot = refs.slotRef(n);
        String phone = n.opt("phone").isPresent() ? n.req("phone").stringOrNull() : null;
        return new Action.Change(reservation, household, slot, phone, staff(n), refs.as(n));
    }

    static Action cancel(Node n, StepRefs refs) throws InvalidScenarioException {
        String reservation = refs.reservationRef(n);
        return new Action.Cancel(reservation, refs.householdRef(n), staff(n));
    }

    static Action cancelEvent(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.CancelEvent(n.req("venue").nonBlank(), n.req("date").date());
    }

    static Action history(Node n, StepRefs refs) throws InvalidScenarioException {
        String member = refs.member(n);
        Optional<String> household = refs.householdRef(n);
        Optional<ReservationStatus> status = n.optNonNull("status").isPresent()
                ? Optional.of(n.req("status").oneOf(ReservationStatus.class, true)) : Optional.empty();
        Optional<LocalDateTime> from = n.optNonNull("from").isPresent()
                ? Optional.of(n.req("from").dateOrDateTime(false)) : Optional.empty();
        Optional<LocalDateTime> to = n.optNonNull("to").isPresent()
                ? Optional.of(n.req("to").dateOrDateTime(true)) : Optional.empty();
        return new Action.History(member, household, status, from, to);
    }
}
