package io.github.kenshinbooking.testkit.scenario;

/**
 * Reads one step kind's own keys into its {@link Action}: a row of {@link StepReaders}. The
 * parser reads {@code do}, {@code at}, {@code rule(s)} and {@code expect} before, and rejects
 * any key left unread after. Internal.
 */
@FunctionalInterface
interface StepReader {
    Action read(Node step, StepRefs refs) throws InvalidScenarioException;
}
