/**
 * Abstract JUnit 5 contract tests of every persistence port: an adapter's test extends each with a
 * factory for a fresh, empty {@link io.github.kenshinbooking.storage.Storage} (or directory) and so
 * proves the port's documented semantics, refusal codes and rollback. The in-memory and JDBC
 * adapters both run them.
 */
package io.github.kenshinbooking.testkit.contract;
