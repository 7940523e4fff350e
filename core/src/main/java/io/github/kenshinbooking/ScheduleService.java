package io.github.kenshinbooking;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;

import io.github.kenshinbooking.error.Refusal;

/**
 * The union's schedule set up by the integrator: opening slots (SLOT-1, SLOT-2), audited as the
 * system job {@code schedule} (channel {@code BATCH}). Staff open, edit, close and cancel slots with
 * their name and a reason through {@link StaffService} (STAFF-3, STAFF-4). Thread-safe.
 */
public final class ScheduleService {
    private final EngineContext ctx;

    ScheduleService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Opens a slot, audited as the system job {@code schedule} (AUDIT-1); for a staff member with a
     * reason use {@link StaffService#addSlot}.
     *
     * @param spec the slot's venue, institution, date, start, length, capacity and reception opening
     * @return the slot, with its id
     * @throws Refusal {@code INVALID_INPUT} for a missing spec
     */
    public Slot addSlot(SlotSpec spec) throws Refusal {
        Inputs.required(spec, Refusal.FIELD_SLOT);
        return ctx.storage().unitOfWork().execute(() -> {
            Slot added = ctx.storage().slots().add(spec);
            Audits.append(ctx, AuditRecord.of(ctx.clock().instant(), Audits.SCHEDULE_JOB, AuditChannel.BATCH,
                    AuditAction.SLOT_ADDED, AuditTarget.slot(added.id()), "", Audits.slot(added)));
            return added;
        });
    }
}
