package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Deadlines;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.storage.Storage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records reservation notifications in the outbox, inside the caller's unit of work (MAIL-1, MAIL-2).
 * It never reads the household directory: callers read the member's name before their unit of work,
 * because a directory may take a connection of its own (a pool of 1 must do). Internal.
 */
final class Notifier {
    private final Storage storage;
    private final Deadlines deadlines;

    Notifier(Storage storage, Deadlines deadlines) {
        this.storage = storage;
        this.deadlines = deadlines;
    }

    /** The household's e-mail, if any: nothing is sent to a household without one (MAIL-1). */
    Optional<EmailAddress> emailOf(SymbolNumber household) {
        return storage.accounts().find(household).flatMap(Account::email);
    }

    /**
     * Records a reservation notification for the household's address, if it has one.
     *
     * @param memberName the member's name, read from the directory before the unit of work
     * @param previous for CHANGED, the slot before the change
     * @param dedupeKey for REMINDER, the key that keeps it at most once
     */
    boolean reservation(NotificationKind kind, Reservation r, Optional<String> memberName, Slot slot,
            Optional<Slot> previous, boolean byStaff, Optional<String> dedupeKey, Instant at) {
        Optional<EmailAddress> to = emailOf(r.household());
        if (to.isEmpty()) {
            return false;
        }
        Notification n = reservationNotification(to, kind, r, memberName, slot, previous, byStaff, dedupeKey).orElseThrow();
        return storage.outbox().add(n, at);
    }

    /** The reserved member's name in a household read from the directory, if both are still there. */
    static Optional<String> memberName(Optional<Household> household, Reservation r) {
        return household.flatMap(h -> h.member(r.member())).map(Member::name);
    }

    /**
     * The notification {@link #reservation} records, without recording it, for an address and a member
     * name the caller has read already; empty without an address (MAIL-1).
     */
    Optional<Notification> reservationNotification(Optional<EmailAddress> to, NotificationKind kind,
            Reservation r, Optional<String> memberName, Slot slot, Optional<Slot> previous, boolean byStaff,
            Optional<String> dedupeKey) {
        if (to.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> d = new HashMap<>();
        d.put(NotificationData.RESERVATION_ID, r.id().toString());
        d.put(NotificationData.SYMBOL_NUMBER, r.household().value());
        memberName.ifPresent(n -> d.put(NotificationData.MEMBER_NAME, n));
        putSlot(d, slot);
        // the reservation's promised deadlines (CHG-1, CNL-1), shown local to the union's zone
        d.put(NotificationData.CHANGE_DEADLINE,
                deadlines.local(r.deadline(DeadlineKind.CHANGE, deadlines, slot.date())).toString());
        d.put(NotificationData.CANCEL_DEADLINE,
                deadlines.local(r.deadline(DeadlineKind.CANCEL, deadlines, slot.date())).toString());
        previous.ifPresent(p -> {
            d.put(NotificationData.PREVIOUS_VENUE, p.venue().name());
            d.put(NotificationData.PREVIOUS_INSTITUTION, p.institution());
            d.put(NotificationData.PREVIOUS_EXAM_DATE, p.date().toString());
            d.put(NotificationData.PREVIOUS_START_TIME, p.start().toString());
        });
        if (byStaff) {
            d.put(NotificationData.BY_STAFF, "true");
        }
        return Optional.of(new Notification(kind, to.get().value(), dedupeKey, d));
    }

    /**
     * Records the offer mail of a held place (WAIT-2) for the household's address, if it has one: the
     * entry's id for the accept link, the slot, and the end of the hold in the union's zone.
     *
     * @param memberName the member's name, read from the directory before the unit of work
     */
    boolean waitingOffer(WaitingEntry offered, Optional<String> memberName, Slot slot, Instant at) {
        Optional<EmailAddress> to = emailOf(offered.household());
        if (to.isEmpty()) {
            return false;
        }
        Map<String, String> d = new HashMap<>();
        d.put(NotificationData.WAITING_ENTRY_ID, offered.id().toString());
        d.put(NotificationData.SYMBOL_NUMBER, offered.household().value());
        memberName.ifPresent(n -> d.put(NotificationData.MEMBER_NAME, n));
        putSlot(d, slot);
        d.put(NotificationData.HELD_UNTIL, deadlines.local(offered.heldUntil().orElseThrow()).toString());
        return storage.outbox().add(Notification.of(NotificationKind.WAITING_OFFER, to.get().value(), d), at);
    }

    /** The dedupe key of the reminder of a reservation for an exam date (MAIL-3). */
    static String reminderKey(ReservationId id, LocalDate examDate) {
        return "REMINDER:" + id + ":" + examDate;
    }

    /**
     * Withdraws the reservation's reminder for the exam date if it is recorded and not yet sent: the
     * reservation is being cancelled or moved in the caller's unit of work (MAIL-3: cancelled ones get
     * none, and a moved one gets its reminder for its new slot from the next reminder run).
     */
    void withdrawReminder(ReservationId id, LocalDate examDate) {
        storage.outbox().withdrawUnsent(reminderKey(id, examDate));
    }

    /** Records a notification for an explicit address. */
    boolean to(EmailAddress address, NotificationKind kind, Map<String, String> data, Instant at) {
        return storage.outbox().add(Notification.of(kind, address.value(), data), at);
    }

    private static void putSlot(Map<String, String> d, Slot slot) {
        d.put(NotificationData.VENUE, slot.venue().name());
        d.put(NotificationData.INSTITUTION, slot.institution());
        d.put(NotificationData.EXAM_DATE, slot.date().toString());
        d.put(NotificationData.START_TIME, slot.start().toString());
        d.put(NotificationData.MINUTES, Long.toString(slot.duration().toMinutes()));
    }
}
