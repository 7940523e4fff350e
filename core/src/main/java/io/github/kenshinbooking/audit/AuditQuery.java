package io.github.kenshinbooking.audit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit records to read (AUDIT-2): those of a period {@code [from, to)}, optionally of one actor,
 * one action and one target. Immutable and thread-safe.
 *
 * @param from   the first instant, inclusive
 * @param to     the end, exclusive
 * @param actor  only this actor's records: the same kind and id; a household actor without a member
 *     matches every member of the household, one with a member only that member
 * @param action only records of this action
 * @param target only records on this target
 */
public record AuditQuery(Instant from, Instant to, Optional<AuditActor> actor, Optional<AuditAction> action,
        Optional<AuditTarget> target) {
    /**
     * Checks the components.
     *
     * @param from the first instant, inclusive
     * @param to the end, exclusive
     * @param actor only this actor's records, or empty
     * @param action only records of this action, or empty
     * @param target only records on this target, or empty
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public AuditQuery {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(actor, "actor");
        requireNonNull(action, "action");
        requireNonNull(target, "target");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
    }

    /**
     * Every record of the period {@code [from, to)}.
     *
     * @param from the first instant, inclusive
     * @param to the end, exclusive
     * @return the query
     */
    public static AuditQuery period(Instant from, Instant to) {
        return new AuditQuery(from, to, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * This query for one actor's records only.
     *
     * @param actor the actor
     * @return a new query
     */
    public AuditQuery byActor(AuditActor actor) {
        return new AuditQuery(from, to, Optional.of(actor), action, target);
    }

    /**
     * This query for one action's records only.
     *
     * @param action the action
     * @return a new query
     */
    public AuditQuery byAction(AuditAction action) {
        return new AuditQuery(from, to, actor, Optional.of(action), target);
    }

    /**
     * This query for one target's records only.
     *
     * @param target the target
     * @return a new query
     */
    public AuditQuery byTarget(AuditTarget target) {
        return new AuditQuery(from, to, actor, action, Optional.of(target));
    }

    /**
     * Whether a record is one this query reads: in the period and matching every filter given.
     *
     * @param r the record
     * @return {@code true} if it is read
     */
    public boolean accepts(AuditRecord r) {
        requireNonNull(r, "record");
        if (r.at().isBefore(from) || !r.at().isBefore(to)) {
            return false;
        }
        if (actor.isPresent()) {
            AuditActor a = actor.get();
            if (a.kind() != r.actor().kind() || !a.id().equals(r.actor().id())
                    || (a.member().isPresent() && !a.member().equals(r.actor().member()))) {
                return false;
            }
        }
        return action.map(x -> x == r.action()).orElse(true) && target.map(t -> t.equals(r.target())).orElse(true);
    }
}
