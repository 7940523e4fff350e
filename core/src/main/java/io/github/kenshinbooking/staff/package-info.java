/**
 * Union staff accounts (組合職員): who may sign in to the union's back office, with which role, and
 * the port that stores them. The staff use cases themselves (STAFF-1..STAFF-4) are the engine's
 * {@code StaffService}; accounts are managed and authenticated by its {@code StaffAccountService}.
 */
package io.github.kenshinbooking.staff;
