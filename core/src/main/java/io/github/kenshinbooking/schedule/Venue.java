package io.github.kenshinbooking.schedule;

import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.error.Refusal;

import static java.util.Objects.requireNonNull;

/**
 * A venue (会場), e.g. ミリカローデン那珂川. Immutable and thread-safe.
 *
 * @param name the venue's name, compared exactly
 */
public record Venue(String name) {
    /** The longest venue name, in UTF-16 units. */
    public static final int MAX_LENGTH = 200;

    /**
     * Checks the name.
     *
     * @param name the venue's name, compared exactly
     * @throws NullPointerException if the name is {@code null}
     * @throws IllegalArgumentException if the name is blank, longer than {@link #MAX_LENGTH}, or holds a
     *     control character or malformed UTF-16 (HARD-3)
     */
    public Venue {
        requireNonNull(name, "name");
        if (name.isBlank() || name.length() > MAX_LENGTH || !InputText.isClean(name)) {
            throw new IllegalArgumentException("venue name must be 1.." + MAX_LENGTH
                    + " characters without control characters");
        }
    }

    /**
     * A venue name as a client sent it, e.g. a calendar filter (HARD-3).
     *
     * @param raw the name as received
     * @return the venue
     * @throws Refusal {@code INVALID_INPUT} (field {@code venue}) for a missing, blank or over-long
     *     name, a control character or malformed UTF-16
     */
    public static Venue parse(String raw) throws Refusal {
        InputText.line(raw, Refusal.FIELD_VENUE, MAX_LENGTH);
        if (raw.isBlank()) {
            throw Refusal.invalidInput(Refusal.FIELD_VENUE, "required");
        }
        return new Venue(raw);
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
