package io.github.kenshinbooking.audit;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.StaffId;
import java.util.Optional;

/**
 * Who did an audited action (AUDIT-1): a household (and the member selected, when one was), a union
 * staff member, or a system job. Stored as a kind, an id and an optional member. Immutable and
 * thread-safe.
 */
public sealed interface AuditActor permits AuditActor.Household, AuditActor.Staff, AuditActor.Job {
    /** The three kinds of actor, as stored. */
    enum Kind {
        /** A household: {@link Household}. */
        HOUSEHOLD,
        /** A union staff member: {@link Staff}. */
        STAFF,
        /** A system job: {@link Job}. */
        JOB
    }

    /**
     * The actor's kind.
     *
     * @return the kind
     */
    Kind kind();

    /**
     * The actor's id: the symbol number, the staff id or the job's name.
     *
     * @return the id
     */
    String id();

    /**
     * The member a household acted as, if one was selected.
     *
     * @return the member's id, or empty (always empty for staff and jobs)
     */
    Optional<MemberId> member();

    /**
     * A household, no member selected (e.g. a login).
     *
     * @param household the household's symbol number, as typed for a login
     * @return the actor
     */
    static AuditActor household(SymbolNumber household) {
        return new Household(household, Optional.empty());
    }

    /**
     * A household acting as one of its members (e.g. a booking).
     *
     * @param household the household's symbol number
     * @param member the member selected
     * @return the actor
     */
    static AuditActor household(SymbolNumber household, MemberId member) {
        return new Household(household, Optional.of(requireNonNull(member, "member")));
    }

    /**
     * A union staff member.
     *
     * @param staff the staff id
     * @return the actor
     */
    static AuditActor staff(StaffId staff) {
        return new Staff(staff);
    }

    /**
     * A system job.
     *
     * @param name the job's name, 1 to 64 characters
     * @return the actor
     */
    static AuditActor job(String name) {
        return new Job(name);
    }

    /**
     * The actor as stored: the inverse of {@link #kind()}, {@link #id()} and {@link #member()}.
     *
     * @param kind the kind
     * @param id the id
     * @param member the member, for a household
     * @return the actor
     * @throws IllegalArgumentException if the id is not one of that kind, or a member is given for
     *     staff or a job
     */
    static AuditActor of(Kind kind, String id, Optional<MemberId> member) {
        requireNonNull(member, "member");
        if (kind != Kind.HOUSEHOLD && member.isPresent()) {
            throw new IllegalArgumentException("only a household acts as a member");
        }
        return switch (requireNonNull(kind, "kind")) {
            case HOUSEHOLD -> new Household(SymbolNumber.of(id), member);
            case STAFF -> new Staff(new StaffId(id));
            case JOB -> new Job(id);
        };
    }

    /**
     * A household, and the member selected if one was.
     *
     * @param household the household's symbol number
     * @param member the member selected, or empty
     */
    record Household(SymbolNumber household, Optional<MemberId> member) implements AuditActor {
        /**
         * Checks the components.
         *
         * @param household the household's symbol number
         * @param member the member selected, or empty
         * @throws NullPointerException if a component is {@code null}
         */
        public Household {
            requireNonNull(household, "household");
            requireNonNull(member, "member");
        }

        @Override
        public Kind kind() {
            return Kind.HOUSEHOLD;
        }

        @Override
        public String id() {
            return household.value();
        }
    }

    /**
     * A union staff member (STAFF-4).
     *
     * @param staff the staff id
     */
    record Staff(StaffId staff) implements AuditActor {
        /**
         * Checks the component.
         *
         * @param staff the staff id
         * @throws NullPointerException if it is {@code null}
         */
        public Staff {
            requireNonNull(staff, "staff");
        }

        @Override
        public Kind kind() {
            return Kind.STAFF;
        }

        @Override
        public String id() {
            return staff.value();
        }

        @Override
        public Optional<MemberId> member() {
            return Optional.empty();
        }
    }

    /**
     * A system job, e.g. the integrator's set-up or an import.
     *
     * @param name the job's name, 1 to 64 characters, not blank
     */
    record Job(String name) implements AuditActor {
        /** The longest job name. */
        public static final int MAX_LENGTH = 64;

        /**
         * Checks the name.
         *
         * @param name the job's name
         * @throws IllegalArgumentException unless 1 to 64 characters, not blank, without control
         *     characters or malformed UTF-16
         */
        public Job {
            if (name == null || name.isBlank() || name.length() > MAX_LENGTH || !InputText.isClean(name)) {
                throw new IllegalArgumentException("job name must be 1.." + MAX_LENGTH + " characters");
            }
        }

        @Override
        public Kind kind() {
            return Kind.JOB;
        }

        @Override
        public String id() {
            return name;
        }

        @Override
        public Optional<MemberId> member() {
            return Optional.empty();
        }
    }
}
