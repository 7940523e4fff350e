package io.github.kenshinbooking;

import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;

import io.github.kenshinbooking.error.Refusal;

/**
 * The union's schedule: opening slots (SLOT-1, SLOT-2). Cancelling an event day (SLOT-6) is a staff
 * action, {@link StaffService#cancelEventDay}. Authenticating union staff is the integrator's concern.
 * Thread-safe.
 */
public final class ScheduleService {
    private final EngineContext ctx;

    ScheduleService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Opens a slot.
     *
     * @param spec the slot's venue, institution, date, start, length, capacity and reception opening
     * @return the slot, with its id
     * @throws Refusal {@code INVALID_INPUT} for a missing spec
     */
    public Slot addSlot(SlotSpec spec) throws Refusal {
        Inputs.required(spec, Refusal.FIELD_SLOT);
        return ctx.storage().unitOfWork().execute(() -> ctx.storage().slots().add(spec));
    }
}
