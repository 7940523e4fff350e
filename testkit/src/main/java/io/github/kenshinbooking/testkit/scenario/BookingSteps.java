package io.github.kenshinbooking.testkit.scenario;

import static io.github.kenshinbooking.testkit.scenario.StepRefs.staff;

import io.github.kenshinbooking.reservation.ReservationStatus;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Readers of the reservation steps: book, change, cancel (also by staff), event cancellation, history. Internal. */
final class BookingSteps {
    private BookingSteps() {
    }

    static Action book(Node n, StepRefs refs) throws InvalidScenarioException {
        String member = refs.member(n);
        Optional<String> household = refs.householdRef(n);
        String slot = refs.slotRef(n);
        Optional<String> key = n.optNonNull("idempotencyKey").isPresent()
                ? Optional.of(n.req("idempotencyKey").string()) : Optional.empty();
        Optional<String> course = n.optNonNull("course").isPresent()
                ? Optional.of(ScenarioParser.code(n.req("course"))) : Optional.empty();
        return new Action.Book(member, household, slot, phone(n), acceptTerms(n), key, refs.as(n), course,
                options(n).orElse(List.of()));
    }

    /** {@code phone}: the typed daytime phone, {@code null} when absent or null. */
    static String phone(Node n) throws InvalidScenarioException {
        return n.opt("phone").isPresent() ? n.req("phone").stringOrNull() : null;
    }

    /** {@code acceptTerms} (default false). */
    static boolean acceptTerms(Node n) throws InvalidScenarioException {
        return n.optNonNull("acceptTerms").isPresent() && n.req("acceptTerms").bool();
    }

    /** OPT-1..OPT-3: a step's {@code options}, optional test codes; absent is empty. */
    static Optional<List<String>> options(Node n) throws InvalidScenarioException {
        if (n.optNonNull("options").isEmpty()) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (Node o : n.req("options").array()) {
            out.add(ScenarioParser.code(o));
        }
        return Optional.of(out);
    }

    static Action change(Node n, StepRefs refs) throws InvalidScenarioException {
        String reservation = refs.reservationRef(n);
        Optional<String> household = refs.householdRef(n);
        String slot = refs.slotRef(n);
        String phone = n.opt("phone").isPresent() ? n.req("phone").stringOrNull() : null;
        Optional<String> staff = staff(n);
        boolean override = StaffSteps.overrideClosing(n);
        Optional<String> reason = n.optNonNull("reason").isPresent() ? Optional.of(StaffSteps.reason(n))
                : Optional.empty();
        if (staff.isEmpty() && (override || reason.isPresent())) {
            throw n.error("\"overrideClosing\" and \"reason\" go with \"staff\" (a household change has neither)");
        }
        Optional<List<String>> options = options(n);
        if (staff.isPresent() && options.isPresent()) {
            throw n.error("\"options\" go with a household change (OPT-3); a staff change keeps the tests");
        }
        return new Action.Change(reservation, household, slot, phone, staff, reason, override, refs.as(n), options);
    }

    static Action cancel(Node n, StepRefs refs) throws InvalidScenarioException {
        String reservation = refs.reservationRef(n);
        Optional<String> staff = staff(n);
        Optional<String> reason = n.optNonNull("reason").isPresent() ? Optional.of(StaffSteps.reason(n))
                : Optional.empty();
        if (staff.isEmpty() && reason.isPresent()) {
            throw n.error("\"reason\" goes with \"staff\" (a household cancel has none)");
        }
        return new Action.Cancel(reservation, refs.householdRef(n), staff, reason);
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
