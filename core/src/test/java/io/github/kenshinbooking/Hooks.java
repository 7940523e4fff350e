package io.github.kenshinbooking;

import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Decorators that run a step of another request in the middle of a use case, at a point where a
 * real concurrent request could run: while the directory is read, or while a password is hashed or
 * verified (both happen outside the unit of work, SES-4). Interleavings without threads.
 */
final class Hooks {
    private Hooks() {
    }

    /** Something another request does; may refuse. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            throw new IllegalStateException("the interleaved step failed", e);
        }
    }

    /** Member records that run a step on every {@code find} and can hide households. */
    static final class Directory implements HouseholdDirectory {
        private final HouseholdDirectory records;
        final Set<SymbolNumber> hidden = new HashSet<>();
        Step onFind = () -> { };

        Directory(HouseholdDirectory records) {
            this.records = records;
        }

        @Override
        public Optional<Household> find(SymbolNumber symbolNumber) {
            run(onFind);
            return hidden.contains(symbolNumber) ? Optional.empty() : records.find(symbolNumber);
        }

        @Override
        public Optional<Household> findByMember(MemberId memberId) {
            return records.findByMember(memberId).filter(h -> !hidden.contains(h.symbolNumber()));
        }
    }

    /** A hasher that runs a step, once, on the next hash or verify. */
    static final class Hasher implements PasswordHasher {
        private final PasswordHasher hasher;
        private Step next;

        Hasher(PasswordHasher hasher) {
            this.hasher = hasher;
        }

        /** Runs the step on the next hash or verify (not on those the step itself causes). */
        void once(Step step) {
            next = step;
        }

        private void fire() {
            Step s = next;
            next = null;
            if (s != null) {
                run(s);
            }
        }

        @Override
        public PasswordHash hash(String password) {
            fire();
            return hasher.hash(password);
        }

        @Override
        public boolean verify(String password, PasswordHash hash) {
            fire();
            return hasher.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return hasher.needsRehash(hash);
        }
    }
}
