/**
 * Reservations (予約): booking (BOOK-1..4), change (CHG-1), cancel (CNL-1), staff actions (CNL-2),
 * refusal order (ORDER-1), history (HIST-1, HIST-2); the reservation, id and idempotency ports; the
 * waiting list's entries and port (キャンセル待ち, WAIT-1..WAIT-4).
 */
package io.github.kenshinbooking.reservation;
