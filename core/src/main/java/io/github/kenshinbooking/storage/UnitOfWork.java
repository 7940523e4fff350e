package io.github.kenshinbooking.storage;

import io.github.kenshinbooking.error.Refusal;

/**
 * Port: runs one use case's writes atomically — one database transaction in the JDBC adapter, one
 * atomic step in memory. If the work throws (a {@link Refusal} included) nothing it wrote stays.
 * An adapter may run the work again after a serialization failure or deadlock, so the work must
 * read what it needs inside itself. Implementations must be thread-safe.
 */
public interface UnitOfWork {

    /** Work that runs inside a unit of work. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Refusal;
    }

    /** Runs the work atomically and returns its result; a refusal rolls everything back and is rethrown. */
    <T> T execute(Work<T> work) throws Refusal;
}
