package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The record of a staff change or cancel (CNL-2): who, why and when. Immutable and thread-safe.
 *
 * @param staff  the staff member who acted
 * @param reason why, as the staff member gave it
 * @param at     when
 */
public record StaffAction(StaffId staff, String reason, Instant at) {
    /**
     * Checks the components.
     *
     * @param staff the staff member who acted
     * @param reason why, as the staff member gave it
     * @param at when
     * @throws NullPointerException if a component is {@code null}
     */
    public StaffAction {
        requireNonNull(staff, "staff");
        requireNonNull(reason, "reason");
        requireNonNull(at, "at");
    }
}
