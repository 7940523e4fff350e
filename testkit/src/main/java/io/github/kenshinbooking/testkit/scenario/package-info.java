/**
 * The compliance-scenario runner of {@code SCENARIOS.md}: parsing scenario files with precise
 * errors ({@link io.github.kenshinbooking.testkit.scenario.Scenario#load}), running them on a fresh
 * store with a controllable clock and a capturing mailbox
 * ({@link io.github.kenshinbooking.testkit.scenario.ScenarioRunner}), and a JUnit 5 factory that
 * turns a folder of scenarios into dynamic tests
 * ({@link io.github.kenshinbooking.testkit.scenario.ScenarioTests}).
 */
package io.github.kenshinbooking.testkit.scenario;
