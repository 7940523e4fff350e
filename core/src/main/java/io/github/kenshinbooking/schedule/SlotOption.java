package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.eligibility.OptionId;

/**
 * The places of one optional test inside a slot (OPT-2), e.g. 4 mammographies per 30-minute slot: its
 * capacity and how many live reservations hold one. Immutable and thread-safe.
 *
 * @param option   the optional test
 * @param capacity its places in the slot, at least 0
 * @param reserved live reservations holding one; {@code 0 <= reserved <= capacity}
 */
public record SlotOption(OptionId option, int capacity, int reserved) {
    /**
     * Checks the components.
     *
     * @param option the optional test
     * @param capacity its places in the slot, at least 0
     * @param reserved live reservations holding one
     * @throws NullPointerException if the option is {@code null}
     * @throws IllegalArgumentException unless {@code 0 <= reserved <= capacity}
     */
    public SlotOption {
        requireNonNull(option, "option");
        if (capacity < 0 || reserved < 0 || reserved > capacity) {
            throw new IllegalArgumentException("need 0 <= reserved <= capacity for option " + option);
        }
    }

    /**
     * Places left for the test (残りN名, OPT-3).
     *
     * @return capacity − reserved, at least 0
     */
    public int remaining() {
        return capacity - reserved;
    }

    /**
     * The same test with another count taken.
     *
     * @param newReserved the places taken
     * @return a new value
     */
    public SlotOption withReserved(int newReserved) {
        return new SlotOption(option, capacity, newReserved);
    }
}
