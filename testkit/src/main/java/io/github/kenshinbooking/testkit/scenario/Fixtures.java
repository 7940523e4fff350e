package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.schedule.SlotSpec;
import java.time.Instant;
import java.util.Optional;

/** The parsed fixture and step types of a scenario. Internal. */
final class Fixtures {
    private Fixtures() {
    }

    /** A household with the account state the file gives it (AUTH-3: no password = initial). */
    record HouseholdFixture(Household household, Optional<String> email, Optional<String> password) {
        HouseholdFixture {
            requireNonNull(household, "household");
            requireNonNull(email, "email");
            requireNonNull(password, "password");
        }

        String symbol() {
            return household.symbolNumber().value();
        }
    }

    /** A member and the symbol number of its household; {@code key} is the scenario's name for it. */
    record MemberFixture(String key, Member member, String household) {
        MemberFixture {
            requireNonNull(key, "key");
            requireNonNull(member, "member");
            requireNonNull(household, "household");
        }
    }

    /** A slot to open before the steps; {@code key} is the scenario's name for it. */
    record SlotFixture(String key, SlotSpec spec) {
        SlotFixture {
            requireNonNull(key, "key");
            requireNonNull(spec, "spec");
        }
    }

    /**
     * One step: its number (from 1), where it is in the file, the instant to set first, what it
     * does and what it must give.
     */
    record Step(int number, String path, Optional<Instant> at, Action action, Expectation expectation) {
        Step {
            requireNonNull(path, "path");
            requireNonNull(at, "at");
            requireNonNull(action, "action");
            requireNonNull(expectation, "expectation");
        }
    }
}
