package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.bench.Population.Person;
import io.github.kenshinbooking.schedule.Slot;

/** One booking attempt of one mechanism. Implementations are thread-safe. */
@FunctionalInterface
interface Booker {
    /**
     * Books the person into the slot.
     *
     * @return {@code null} when booked, else the refusal's error code
     * @throws Exception on an infrastructure failure (counted as an error, not a refusal)
     */
    String book(Person person, Slot slot) throws Exception;
}
