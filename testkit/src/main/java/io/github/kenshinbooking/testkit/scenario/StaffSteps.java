package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.audit.AuditAction;
import java.util.Optional;

/**
 * Readers of the union staff's steps (STAFF-2..STAFF-4): a booking on a member's behalf, closing,
 * reopening and the capacity of a slot; and the audit trail query (AUDIT-1, AUDIT-2). Internal.
 */
final class StaffSteps {
    private StaffSteps() {
    }

    /** The reason a staff step gives: {@code reason} if present, else {@link Action#STAFF_REASON}. */
    static String reason(Node n) throws InvalidScenarioException {
        Optional<Node> r = n.optNonNull("reason");
        return r.isPresent() ? r.get().string() : Action.STAFF_REASON;
    }

    /** {@code overrideClosing} (default false): staff book or move past the booking deadline (STAFF-2). */
    static boolean overrideClosing(Node n) throws InvalidScenarioException {
        return n.optNonNull("overrideClosing").isPresent() && n.req("overrideClosing").bool();
    }

    static Action staffBook(Node n, StepRefs refs) throws InvalidScenarioException {
        String member = refs.member(n);
        String slot = refs.slotRef(n);
        String staff = n.req("staff").string();
        String reason = reason(n);
        String phone = n.opt("phone").isPresent() ? n.req("phone").stringOrNull() : null;
        boolean terms = n.optNonNull("acceptTerms").isPresent() && n.req("acceptTerms").bool();
        Optional<String> key = n.optNonNull("idempotencyKey").isPresent()
                ? Optional.of(n.req("idempotencyKey").string()) : Optional.empty();
        return new Action.StaffBook(member, slot, staff, reason, phone, terms, key, overrideClosing(n), refs.as(n));
    }

    static Action closeSlot(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.CloseSlot(refs.slotRef(n), n.req("staff").string(), reason(n), true);
    }

    static Action reopenSlot(Node n, StepRefs refs) throws InvalidScenarioException {
        return new Action.CloseSlot(refs.slotRef(n), n.req("staff").string(), reason(n), false);
    }

    static Action setCapacity(Node n, StepRefs refs) throws InvalidScenarioException {
        String slot = refs.slotRef(n);
        int capacity = n.req("capacity").int32();
        return new Action.SetCapacity(slot, capacity, n.req("staff").string(), reason(n));
    }

    static Action audit(Node n, StepRefs refs) throws InvalidScenarioException {
        int targets = (n.has("reservation") ? 1 : 0) + (n.has("slot") ? 1 : 0) + (n.has("household") ? 1 : 0);
        if (targets != 1) {
            throw n.error("give exactly one of \"reservation\", \"slot\" or \"household\"");
        }
        Optional<AuditAction> action = n.optNonNull("action").isPresent()
                ? Optional.of(n.req("action").oneOf(AuditAction.class, true)) : Optional.empty();
        if (n.has("reservation")) {
            return new Action.Audit(Optional.of(refs.reservationRef(n)), Optional.empty(), Optional.empty(), action);
        }
        if (n.has("slot")) {
            return new Action.Audit(Optional.empty(), Optional.of(refs.slotRef(n)), Optional.empty(), action);
        }
        return new Action.Audit(Optional.empty(), Optional.empty(), Optional.of(refs.household(n)), action);
    }
}
