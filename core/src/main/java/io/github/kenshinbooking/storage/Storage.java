package io.github.kenshinbooking.storage;

import io.github.kenshinbooking.reservation.BookingSnapshot;
import io.github.kenshinbooking.reservation.NewBooking;
import io.github.kenshinbooking.account.AccountStore;
import io.github.kenshinbooking.account.LoginAttemptStore;
import io.github.kenshinbooking.account.ResetTokenStore;
import io.github.kenshinbooking.account.SessionStore;
import io.github.kenshinbooking.audit.AuditLog;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.RosterEntry;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.eligibility.CourseFamily;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationOutbox;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.IdempotencyStore;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.ReservationIds;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.reservation.WaitingListStore;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotStore;
import io.github.kenshinbooking.staff.StaffAccountStore;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The library's own data, as one adapter provides it: every persistence port plus the unit of work
 * that makes their writes atomic together. Implemented by the in-memory adapter and the JDBC adapter.
 *
 * <p>A booking, the operation that must be fast when reception opens, has two composite operations
 * of its own: {@link #bookingSnapshot} (every read of the decision) and {@link #book} (every write).
 * Their default implementations compose the fine-grained ports; an adapter may override them with
 * an equivalent that costs fewer round trips (the JDBC adapter reads with one statement and, on
 * PostgreSQL, writes with one statement that commits on its own). testkit's
 * {@code BookingStorageContract} holds both to the same behaviour.
 */
public interface Storage {
    /**
     * The unit of work that makes the writes of every port below atomic together.
     *
     * @return the unit of work
     */
    UnitOfWork unitOfWork();

    /**
     * Slots (健診枠) and their places.
     *
     * @return the slot store
     */
    SlotStore slots();

    /**
     * Reservations (予約).
     *
     * @return the reservation store
     */
    ReservationStore reservations();

    /**
     * The source of new reservation IDs (予約ID).
     *
     * @return the ID source
     */
    ReservationIds reservationIds();

    /**
     * Idempotency keys of bookings (BOOK-4).
     *
     * @return the idempotency store
     */
    IdempotencyStore idempotency();

    /**
     * The waiting lists and the places they hold (WAIT-1..WAIT-4).
     *
     * @return the waiting list store
     */
    WaitingListStore waitingList();

    /**
     * The notification outbox (MAIL-2).
     *
     * @return the outbox
     */
    NotificationOutbox outbox();

    /**
     * Household accounts (HH-2).
     *
     * @return the account store
     */
    AccountStore accounts();

    /**
     * Login lock state (AUTH-4).
     *
     * @return the login attempt store
     */
    LoginAttemptStore loginAttempts();

    /**
     * Password-reset tokens (RESET-1, RESET-2).
     *
     * @return the reset token store
     */
    ResetTokenStore resetTokens();

    /**
     * Household sessions (SES-1..SES-3).
     *
     * @return the session store
     */
    SessionStore sessions();

    /**
     * The audit trail (AUDIT-1, AUDIT-2), appended in the same unit of work as every change.
     *
     * @return the audit log
     */
    AuditLog audit();

    /**
     * Union staff accounts of the back office.
     *
     * @return the staff account store
     */
    StaffAccountStore staffAccounts();

    /**
     * Personal data past its retention period (DATA-4).
     *
     * @return the retention store
     */
    RetentionStore retention();

    /**
     * Hands every live reservation of the query's dates (and venue) with its slot to the action, in a
     * stable order: exam date, venue name, start time, slot id, reservation id (DATA-1). Streams: the default
     * holds the range's slots and one slot's reservations at a time, an adapter may hold a database
     * cursor instead, so a whole fiscal year never sits in memory. Reads outside any unit of work; the action must
     * not write to this storage.
     *
     * @param query the dates and venue
     * @param action receives each entry
     */
    default void forEachLive(RosterQuery query, Consumer<RosterEntry> action) {
        for (Slot s : slots().findBetween(query.venue(), query.from(), query.to())) {
            for (Reservation r : reservations().findLiveBySlot(s.id())) {
                action.accept(new RosterEntry(r, s));
            }
        }
    }

    /**
     * Reads what a booking decision needs: the household's account, the slot, the member's live
     * reservation in the slot's fiscal year and, with a key, the reservation the key already
     * produced. Joins the current unit of work if there is one.
     *
     * @param household the booking household
     * @param member the member to book
     * @param slot the slot to book
     * @param key the request's idempotency key, if any
     * @return what was found; missing entities are empty
     */
    default BookingSnapshot bookingSnapshot(SymbolNumber household, MemberId member, SlotId slot,
            Optional<IdempotencyKey> key) {
        return bookingSnapshot(household, member, slot, key, CourseFamily.DEFAULT);
    }

    /**
     * Reads what a booking decision needs, as {@link #bookingSnapshot(SymbolNumber, MemberId, SlotId,
     * Optional)}, with the member's live reservation of one course family (ONE-1 per family, CRS-1).
     *
     * @param household the booking household
     * @param member the member to book
     * @param slot the slot to book
     * @param key the request's idempotency key, if any
     * @param family the family of the course to book
     * @return what was found; missing entities are empty
     */
    default BookingSnapshot bookingSnapshot(SymbolNumber household, MemberId member, SlotId slot,
            Optional<IdempotencyKey> key, CourseFamily family) {
        Optional<ReservationId> first = key.flatMap(k -> idempotency().find(household, k));
        Optional<Reservation> repeat = first.flatMap(id -> reservations().find(id));
        Optional<Slot> s = slots().find(slot);
        Optional<Reservation> live = s.flatMap(x -> reservations().findLive(member, x.fiscalYear(), family));
        return new BookingSnapshot(accounts().find(household), s, live, repeat);
    }

    /**
     * Writes a booking atomically: claims the idempotency key, takes the place, stores the
     * reservation and records the notification, all or nothing. Joins the current unit of work if
     * there is one; otherwise it is a unit of work of its own.
     *
     * @param booking the reservation, its notification, the time and the key
     * @return {@code false}, having written nothing, if another request claimed the same key first
     *     (it has committed by then: its reservation can be read)
     * @throws Refusal as {@link io.github.kenshinbooking.reservation.ReservationStore#insert}:
     *     {@code SLOT_FULL}, {@code EVENT_CANCELLED}, {@code ALREADY_RESERVED_THIS_FISCAL_YEAR}
     * @throws io.github.kenshinbooking.reservation.DuplicateReservationIdException if the reservation's id
     *     is held already; called outside a unit of work, nothing of the booking is written and it can be
     *     written again with a new id (inside one, the caller's unit of work must roll back)
     */
    default boolean book(NewBooking booking) throws Refusal {
        Reservation r = booking.reservation();
        return unitOfWork().execute(() -> {
            if (booking.key().isPresent() && !idempotency().claim(r.household(), booking.key().get(), r.id())) {
                return false;
            }
            if (booking.notification().isPresent()) {
                outbox().add(booking.notification().get(), booking.at());
            }
            reservations().insert(r);
            return true;
        });
    }

    /**
     * Writes a booking as {@link #book(NewBooking)} and appends its audit record (AUDIT-1) in the same
     * unit of work: both or neither. The default runs {@link #book(NewBooking)} and
     * {@link AuditLog#append} in one unit of work; an adapter may override it with an equivalent that
     * costs fewer round trips (the JDBC adapter on PostgreSQL writes both in its one statement).
     *
     * @param booking the reservation, its notification, the time and the key
     * @param audit the booking's audit record
     * @return {@code false}, having written nothing (no audit record either), if another request
     *     claimed the same key first
     * @throws Refusal as {@link #book(NewBooking)}
     * @throws io.github.kenshinbooking.reservation.DuplicateReservationIdException as
     *     {@link #book(NewBooking)}, no audit record written either
     */
    default boolean book(NewBooking booking, AuditRecord audit) throws Refusal {
        java.util.Objects.requireNonNull(audit, "audit");
        return unitOfWork().execute(() -> {
            if (!book(booking)) {
                return false;
            }
            audit().append(audit);
            return true;
        });
    }
}
