package io.github.kenshinbooking.reservation;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** The record of a staff change or cancel (CNL-2): who, why and when. Immutable and thread-safe. */
public record StaffAction(StaffId staff, String reason, Instant at) {
    public StaffAction {
        requireNonNull(staff, "staff");
        requireNonNull(reason, "reason");
        requireNonNull(at, "at");
    }
}
