package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.PasswordRules;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.Eligibility;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.observation.Operation;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.reservation.BookingRules;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.storage.Storage;
import java.security.SecureRandom;
import java.time.Clock;

/** What every use case of one engine shares; the domain rules are built once from the policy. */
record EngineContext(UnionPolicy policy, Clock clock, Storage storage, HouseholdDirectory directory,
        PasswordHasher hasher, SecureRandom random, Deadlines deadlines, Eligibility eligibility,
        BookingRules bookingRules, PasswordRules passwordRules, Notifier notifier, EngineObserver observer,
        CourseCatalog courses) {
    EngineContext {
        requireNonNull(policy, "policy");
        requireNonNull(clock, "clock");
        requireNonNull(storage, "storage");
        requireNonNull(directory, "directory");
        requireNonNull(hasher, "hasher");
        requireNonNull(random, "random");
        requireNonNull(deadlines, "deadlines");
        requireNonNull(eligibility, "eligibility");
        requireNonNull(bookingRules, "bookingRules");
        requireNonNull(passwordRules, "passwordRules");
        requireNonNull(notifier, "notifier");
        requireNonNull(observer, "observer");
        requireNonNull(courses, "courses");
    }

    static EngineContext create(UnionPolicy policy, Clock clock, Storage storage, HouseholdDirectory directory,
            PasswordHasher hasher, SecureRandom random, EngineObserver observer, CourseCatalog courses) {
        Deadlines deadlines = new Deadlines(policy);
        Eligibility eligibility = new Eligibility(policy);
        return new EngineContext(policy, clock, storage, directory, hasher, random, deadlines, eligibility,
                new BookingRules(deadlines, eligibility, courses), new PasswordRules(policy.passwords()),
                new Notifier(storage, deadlines), new SafeObserver(observer), courses);
    }

    /**
     * Runs a use case whose work has committed when it returns and tells the observer: succeeded after
     * the commit, or refused with the code.
     */
    <T> T observe(Operation operation, UseCaseWork<T> work) throws Refusal {
        T result;
        try {
            result = work.run();
        } catch (Refusal r) {
            observer.refused(operation, r.code());
            throw r;
        }
        observer.succeeded(operation);
        return result;
    }
}
