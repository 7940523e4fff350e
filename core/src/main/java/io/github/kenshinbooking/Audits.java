package io.github.kenshinbooking;

import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.schedule.Slot;
import java.util.Optional;

/**
 * The audit records the use cases append (AUDIT-1), and their summaries: short, and built only from
 * what may be shown (ids, times, places, counts, a masked phone or address), never a password, hash or
 * token. Internal.
 */
final class Audits {
    /** The actor of {@code ScheduleService.addSlot} without a named staff member: the integrator's set-up. */
    static final AuditActor SCHEDULE_JOB = AuditActor.job("schedule");
    /** The actor of an event-day cancellation without a named staff member. */
    static final AuditActor EVENT_DAY_JOB = AuditActor.job("event-day-cancellation");
    /** The most characters of a free text (a venue, an institution) a summary quotes. */
    private static final int QUOTED = 120;

    private Audits() {
    }

    /** Appends the record in the caller's unit of work. */
    static void append(EngineContext ctx, AuditRecord record) {
        ctx.storage().audit().append(record);
    }

    /** A staff action's record: the staff member as actor and the reason (STAFF-4). */
    static AuditRecord byStaff(StaffAction staff, AuditChannel channel, AuditAction action, AuditTarget target,
            String before, String after) {
        return AuditRecord.of(staff.at(), AuditActor.staff(staff.staff()), channel, action, target, before, after)
                .withReason(staff.reason());
    }

    /** The actor of a reservation change: the staff member, or the household as the reserved member. */
    static AuditActor actorOf(Reservation r, Optional<StaffAction> staff) {
        return staff.map(s -> AuditActor.staff(s.staff())).orElseGet(() -> AuditActor.household(r.household(),
                r.member()));
    }

    /** A record of a reservation by its household or by staff (STAFF-2: the phone channel). */
    static AuditRecord ofReservation(Reservation r, Optional<StaffAction> staff, AuditAction action, String before,
            String after) {
        if (staff.isPresent()) {
            return byStaff(staff.get(), AuditChannel.PHONE, action, AuditTarget.reservation(r.id()), before, after);
        }
        return AuditRecord.of(r.updatedAt(), actorOf(r, staff), AuditChannel.WEB, action,
                AuditTarget.reservation(r.id()), before, after);
    }

    /** A reservation in its slot: slot, start, venue, masked phone, status. */
    static String reservation(Reservation r, Slot s) {
        return "slot=" + s.id() + " start=" + s.startDateTime() + " venue=" + quote(s.venue().name()) + " phone="
                + AuditRecord.maskPhone(r.phone()) + " status=" + r.status() + choice(r);
    }

    /** The course and optional tests (CRS-1, OPT-2), only where they differ from the manual's one checkup. */
    private static String choice(Reservation r) {
        if (r.choice().equals(io.github.kenshinbooking.eligibility.ExamChoice.DEFAULT)) {
            return "";
        }
        return " course=" + r.choice().course() + (r.choice().options().isEmpty() ? ""
                : " options=" + String.join(",", r.choice().options().stream().map(o -> o.value()).toList()));
    }

    /** A slot as staff manage it (STAFF-3). */
    static String slot(Slot s) {
        return "date=" + s.date() + " start=" + s.start() + " minutes=" + s.duration().toMinutes() + " capacity="
                + s.capacity() + " reserved=" + s.reserved() + " receptionOpens=" + s.receptionOpens() + " closed="
                + s.closed() + " cancelled=" + s.eventCancelled() + " venue=" + quote(s.venue().name())
                + " institution=" + quote(s.institution());
    }

    /** A login key's count and lock (AUTH-4). */
    static String attempts(LoginAttempts a) {
        return "failures=" + a.consecutiveFailures() + a.lockedUntil().map(u -> " lockedUntil=" + u).orElse("");
    }

    /** An e-mail address as a record may show it, or none. */
    static String email(Optional<EmailAddress> email) {
        return "email=" + email.map(AuditRecord::maskEmail).orElse("none");
    }

    private static String quote(String text) {
        if (text.length() <= QUOTED) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(QUOTED - 1)) ? QUOTED - 1 : QUOTED; // keep pairs whole
        return text.substring(0, end) + "…";
    }
}
