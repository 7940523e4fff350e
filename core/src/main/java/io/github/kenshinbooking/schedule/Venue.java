package io.github.kenshinbooking.schedule;

import static java.util.Objects.requireNonNull;

/** A venue (会場), e.g. ミリカローデン那珂川. Immutable and thread-safe. */
public record Venue(String name) {
    public Venue {
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("venue name must not be blank");
        }
    }

    public static Venue of(String name) {
        return new Venue(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
