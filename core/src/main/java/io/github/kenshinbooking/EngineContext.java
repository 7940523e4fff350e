package io.github.kenshinbooking;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.eligibility.Eligibility;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.storage.Storage;
import java.security.SecureRandom;
import java.time.Clock;

/** What every service of one engine shares. Internal; built by the engine. */
public record EngineContext(UnionPolicy policy, Clock clock, Storage storage, HouseholdDirectory directory,
        PasswordHasher hasher, SecureRandom random, Deadlines deadlines, Eligibility eligibility,
        Notifier notifier) {
    public EngineContext {
        requireNonNull(policy, "policy");
        requireNonNull(clock, "clock");
        requireNonNull(storage, "storage");
        requireNonNull(directory, "directory");
        requireNonNull(hasher, "hasher");
        requireNonNull(random, "random");
        requireNonNull(deadlines, "deadlines");
        requireNonNull(eligibility, "eligibility");
        requireNonNull(notifier, "notifier");
    }

    public static EngineContext create(UnionPolicy policy, Clock clock, Storage storage,
            HouseholdDirectory directory, PasswordHasher hasher, SecureRandom random) {
        Deadlines deadlines = new Deadlines(policy);
        return new EngineContext(policy, clock, storage, directory, hasher, random, deadlines,
                new Eligibility(policy), new Notifier(storage, directory, deadlines));
    }
}
