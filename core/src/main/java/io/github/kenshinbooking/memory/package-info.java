/** The in-memory adapter of every port: thread-safe, atomic, with the same invariants as the JDBC adapter. */
package io.github.kenshinbooking.memory;
