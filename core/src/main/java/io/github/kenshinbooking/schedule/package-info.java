/**
 * Venues, slots and their reception windows (SLOT-1, SLOT-2), deadlines (SLOT-2, CHG-1, CNL-1),
 * status and marks (SLOT-4), calendars (SLOT-5), event-day cancellation (SLOT-6), and the courses a slot
 * offers and the places of its optional tests (CRS-1, OPT-2, OPT-3).
 */
package io.github.kenshinbooking.schedule;
