/**
 * Abstract JUnit 5 contract tests of every persistence port: an adapter's test extends each with a
 * factory for a fresh, empty {@link io.github.kenshinbooking.storage.Storage} (or directory) and so
 * proves the port's documented semantics, refusal codes and rollback. The in-memory and JDBC
 * adapters both run them. {@link io.github.kenshinbooking.testkit.contract.BadInputProperties} is a
 * jqwik property class of the same kind for HARD-3: it feeds the bad-input corpus
 * {@link io.github.kenshinbooking.testkit.contract.BadInput} to every entry point of the engine on the
 * adapter's storage.
 */
package io.github.kenshinbooking.testkit.contract;
