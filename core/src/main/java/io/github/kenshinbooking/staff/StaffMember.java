package io.github.kenshinbooking.staff;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.reservation.StaffId;

/**
 * An authenticated staff member as the back office sees it: id, display name and role, without the
 * password hash. Immutable and thread-safe.
 *
 * @param id          the staff id
 * @param displayName the name shown
 * @param role        staff or administrator
 */
public record StaffMember(StaffId id, String displayName, StaffRole role) {
    /**
     * Checks the components.
     *
     * @param id the staff id
     * @param displayName the name shown
     * @param role staff or administrator
     * @throws NullPointerException if a component is {@code null}
     */
    public StaffMember {
        requireNonNull(id, "id");
        requireNonNull(displayName, "displayName");
        requireNonNull(role, "role");
    }
}
