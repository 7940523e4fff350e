package io.github.kenshinbooking.testkit.scenario;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.testkit.scenario.Fixtures.Step;

/**
 * Runs scenarios as {@code SCENARIOS.md} says: each on a fresh store from the factory, with a
 * {@link org.threeten.extra.MutableClock} that steps move forward, household master data in an
 * {@code InMemoryHouseholdDirectory}, and the outbox drained after every step through mail-port's
 * real rendering into a capturing sender. The engine uses PBKDF2 at 1,000 iterations: scenarios
 * are not about hashing cost.
 *
 * <p>A run stops at the first step whose outcome differs from its {@code expect} and reports
 * {@code step N: expected X, got Y} (steps counted from 1, values as JSON). Whatever a step
 * throws is such a failure too, never an exception out of {@link #run}. Thread-safe if the
 * factory is.
 */
public final class ScenarioRunner {
    private final StorageFactory storage;

    /**
     * A runner over a storage adapter.
     *
     * @param storage gives each scenario a fresh, empty store
     */
    public ScenarioRunner(StorageFactory storage) {
        this.storage = requireNonNull(storage, "storage");
    }

    /**
     * Runs one scenario on a fresh store.
     *
     * @param scenario the scenario
     * @return passed, or failed with the first mismatching step; never throws for a failing step
     */
    public ScenarioResult run(Scenario scenario) {
        requireNonNull(scenario, "scenario");
        ScenarioContext c;
        try {
            c = ScenarioContext.start(scenario, storage);
        } catch (Refusal r) {
            return ScenarioResult.fail(scenario.name(), "setup: refused " + r.getMessage(), r);
        } catch (Throwable t) {
            rethrowIfFatal(t);
            return ScenarioResult.fail(scenario.name(), "setup: " + describe(t), t);
        }
        for (Step step : scenario.steps()) {
            String prefix = "step " + step.number() + ": ";
            Outcome outcome;
            try {
                step.at().ifPresent(c.clock()::setInstant);
                try {
                    outcome = step.action().run(c);
                } catch (Refusal r) {
                    outcome = Outcome.refused(r);
                }
            } catch (Throwable t) {
                rethrowIfFatal(t);
                return ScenarioResult.fail(scenario.name(),
                        prefix + "expected " + step.expectation().show() + ", got " + describe(t), t);
            }
            try {
                c.drainMail();
            } catch (Throwable t) {
                rethrowIfFatal(t);
                return ScenarioResult.fail(scenario.name(), prefix + "draining the outbox failed: " + describe(t), t);
            }
            String mismatch = step.expectation().mismatch(outcome);
            if (mismatch != null) {
                return ScenarioResult.fail(scenario.name(), prefix + mismatch, outcome.refusal().orElse(null));
            }
        }
        return ScenarioResult.pass(scenario.name());
    }

    private static String describe(Throwable t) {
        return "exception " + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError e && !(t instanceof StackOverflowError)) {
            throw e;
        }
        if (t instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
