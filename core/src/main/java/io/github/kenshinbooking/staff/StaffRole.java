package io.github.kenshinbooking.staff;

/** What a staff account may do in the back office. */
public enum StaffRole {
    /** Staff: the staff actions (locks, bookings on behalf, slots). */
    STAFF,
    /** Administrator: also creates and disables staff accounts. */
    ADMIN
}
