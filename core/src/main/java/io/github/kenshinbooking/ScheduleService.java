package io.github.kenshinbooking;

import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.Reservation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The union's schedule: opening slots (SLOT-1, SLOT-2) and cancelling an event day (開催中止,
 * SLOT-6). Authenticating union staff is the integrator's concern. Thread-safe.
 */
public final class ScheduleService {
    private final EngineContext ctx;

    public ScheduleService(EngineContext ctx) {
        this.ctx = requireNonNull(ctx, "ctx");
    }

    /**
     * Opens a slot.
     *
     * @throws Refusal {@code INVALID_INPUT} for a missing spec
     */
    public Slot addSlot(SlotSpec spec) throws Refusal {
        Inputs.required(spec, "slot");
        return ctx.storage().unitOfWork().execute(() -> ctx.storage().slots().add(spec));
    }

    /**
     * Cancels every slot of a venue-day: each live reservation there is cancelled, its place
     * released and its household notified ({@code EVENT_CANCELLED}); the slots refuse new bookings.
     *
     * @return the reservations cancelled
     * @throws Refusal {@code NOT_FOUND} if the venue has no slot that day
     */
    public List<Reservation> cancelEventDay(Venue venue, LocalDate date) throws Refusal {
        Inputs.required(venue, "venue");
        Inputs.required(date, "date");
        return ctx.storage().unitOfWork().execute(() -> {
            Instant now = ctx.clock().instant();
            List<Slot> slots = ctx.storage().slots().cancelEventDay(venue, date);
            if (slots.isEmpty()) {
                throw Refusal.of(ErrorCode.NOT_FOUND, "no slot at " + venue + " on " + date);
            }
            List<Reservation> cancelled = new java.util.ArrayList<>();
            for (Slot s : slots) {
                for (Reservation r : ctx.storage().reservations().findLiveBySlot(s.id())) {
                    Reservation c = r.cancelled(now, Optional.empty());
                    ctx.notifier().withdrawReminder(r.id(), s.date());
                    ctx.notifier().reservation(NotificationKind.EVENT_CANCELLED, c, s, Optional.empty(), false,
                            Optional.empty(), now);
                    ctx.storage().reservations().cancel(r, c);
                    cancelled.add(c);
                }
            }
            return List.copyOf(cancelled);
        });
    }
}
