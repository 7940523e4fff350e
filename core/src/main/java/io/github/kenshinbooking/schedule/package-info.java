/**
 * Venues, slots and their reception windows (SLOT-1, SLOT-2), deadlines (SLOT-2, CHG-1, CNL-1),
 * status and marks (SLOT-4), calendars (SLOT-5) and event-day cancellation (SLOT-6).
 */
package io.github.kenshinbooking.schedule;
