package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

/**
 * A venue (会場), e.g. ミリカローデン那珂川. Immutable and thread-safe.
 *
 * @param name the venue's name, compared exactly
 */
public record Venue(String name) {
    /**
     * Checks the name.
     *
     * @param name the venue's name, compared exactly
     * @throws NullPointerException if the name is {@code null}
     * @throws IllegalArgumentException if the name is blank
     */
    public Venue {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("venue name must not be blank");
        }
    }

    /**
     * The venue of that name.
     *
     * @param name the venue's name, not blank
     * @return the venue
     */
    public static Venue of(String name) {
        return new Venue(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
