package io.github.kenshinbooking.audit;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.Venue;
import java.time.LocalDate;

/**
 * What an audited action acted on (AUDIT-1): a household, a reservation, a slot, an event day (a
 * venue on a date) or a staff account, by kind and id. Immutable and thread-safe.
 *
 * @param kind what kind of thing
 * @param id its id as text: a symbol number, a 予約ID, a slot id, {@code yyyy-MM-dd venue}, a staff id
 */
public record AuditTarget(Kind kind, String id) {
    /** The longest id: a date, a space and the longest venue name. */
    public static final int MAX_ID_LENGTH = 11 + Venue.MAX_LENGTH;

    /** The kinds of target. */
    public enum Kind {
        /** A household, by symbol number (logins, locks, password, e-mail, reset). */
        HOUSEHOLD,
        /** A reservation, by 予約ID. */
        RESERVATION,
        /** A slot, by id. */
        SLOT,
        /** An event day (SLOT-6): the date and the venue. */
        VENUE_DAY,
        /** A staff account, by staff id (staff logins and account changes). */
        STAFF_ACCOUNT,
        /** A waiting-list entry, by id (WAIT-1..WAIT-4). */
        WAITING_ENTRY,
        /** A data import (DATA-2, DATA-3), by what it imported: {@code slots} or {@code members}. */
        IMPORT,
        /** A notification of the outbox, by its id. */
        NOTIFICATION
    }

    /**
     * Checks the components.
     *
     * @param kind what kind of thing
     * @param id its id as text
     * @throws NullPointerException if a component is {@code null}
     * @throws IllegalArgumentException if the id is blank, longer than {@link #MAX_ID_LENGTH} or holds
     *     a control character or malformed UTF-16
     */
    public AuditTarget {
        requireNonNull(kind, "kind");
        requireNonNull(id, "id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH || !InputText.isClean(id)) {
            throw new IllegalArgumentException("target id must be 1.." + MAX_ID_LENGTH + " characters");
        }
    }

    /**
     * A household.
     *
     * @param household its symbol number
     * @return the target
     */
    public static AuditTarget household(SymbolNumber household) {
        return new AuditTarget(Kind.HOUSEHOLD, household.value());
    }

    /**
     * A reservation.
     *
     * @param id its 予約ID
     * @return the target
     */
    public static AuditTarget reservation(ReservationId id) {
        return new AuditTarget(Kind.RESERVATION, id.toString());
    }

    /**
     * A slot.
     *
     * @param id its id
     * @return the target
     */
    public static AuditTarget slot(SlotId id) {
        return new AuditTarget(Kind.SLOT, Long.toString(id.value()));
    }

    /**
     * An event day (SLOT-6).
     *
     * @param venue the venue
     * @param date the date
     * @return the target, id {@code yyyy-MM-dd venue}
     */
    public static AuditTarget venueDay(Venue venue, LocalDate date) {
        return new AuditTarget(Kind.VENUE_DAY, date + " " + venue.name());
    }

    /**
     * A staff account.
     *
     * @param staff its staff id
     * @return the target
     */
    public static AuditTarget staffAccount(StaffId staff) {
        return new AuditTarget(Kind.STAFF_ACCOUNT, staff.value());
    }

    /**
     * A waiting-list entry (WAIT-1..WAIT-4).
     *
     * @param id its id
     * @return the target
     */
    public static AuditTarget waitingEntry(WaitingEntryId id) {
        return new AuditTarget(Kind.WAITING_ENTRY, id.toString());
    }

    /**
     * A data import (DATA-2, DATA-3).
     *
     * @param what what was imported, e.g. {@code slots} or {@code members}
     * @return the target
     */
    public static AuditTarget dataImport(String what) {
        return new AuditTarget(Kind.IMPORT, what);
    }

    /**
     * A notification of the outbox.
     *
     * @param id its outbox id
     * @return the target
     */
    public static AuditTarget notification(long id) {
        return new AuditTarget(Kind.NOTIFICATION, Long.toString(id));
    }
}
