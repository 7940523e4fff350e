package io.github.kenshinbooking.storage;

import io.github.kenshinbooking.error.Refusal;

/**
 * Port: runs one use case's writes atomically — one database transaction in the JDBC adapter, one
 * atomic step in memory. If the work throws (a {@link Refusal} included) nothing it wrote stays.
 * An adapter may run the work again after a serialization failure or deadlock, so the work must
 * read what it needs inside itself. Implementations must be thread-safe.
 */
public interface UnitOfWork {

    /**
     * Work that runs inside a unit of work.
     *
     * @param <T> the work's result
     */
    @FunctionalInterface
    interface Work<T> {
        /**
         * Does the work; every port it calls joins the unit of work.
         *
         * @return the work's result
         * @throws Refusal if a rule refuses; the unit of work then rolls back
         */
        T run() throws Refusal;
    }

    /**
     * Runs the work atomically and returns its result; a refusal rolls everything back and is rethrown.
     * The work sees its own writes before the commit. Called inside another unit of work, it joins
     * the outer one: it commits and rolls back with it. An unchecked exception also rolls back and is
     * rethrown; the unit of work stays usable after a failure.
     *
     * @param <T> the work's result
     * @param work the work to run
     * @return the work's result
     * @throws Refusal the work's refusal, the same instance, after the rollback
     */
    <T> T execute(Work<T> work) throws Refusal;
}
