package io.github.kenshinbooking;

import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.reservation.StaffId;
import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.schedule.SlotId;
import java.util.Optional;

/**
 * Union staff actions after a deadline (CNL-2, お問い合わせください): change or cancel any
 * reservation, bypassing the reservation's change and cancel deadlines but still respecting
 * capacity, ONE-1, eligibility and the new slot's reception window. Recorded with staff id and
 * reason. Authenticating staff is the integrator's concern. Thread-safe.
 */
public final class StaffService {
    private final EngineContext ctx;
    private final BookingService bookings;

    public StaffService(EngineContext ctx, BookingService bookings) {
        this.ctx = requireNonNull(ctx, "ctx");
        this.bookings = requireNonNull(bookings, "bookings");
    }

    /**
     * @param phone the new phone, or {@code null} to keep it
     * @throws Refusal {@code INVALID_INPUT}, {@code INVALID_PHONE}, {@code NOT_FOUND},
     *     {@code ALREADY_CANCELLED}, then the new slot as for a booking
     */
    public Reservation change(StaffId staff, String reason, ReservationId id, SlotId newSlot, String phone)
            throws Refusal {
        Inputs.required(staff, "staff");
        Inputs.requiredText(reason, "reason");
        Inputs.required(id, "reservation");
        Inputs.required(newSlot, "slot");
        Optional<PhoneNumber> newPhone = phone == null ? Optional.empty() : Optional.of(PhoneNumber.parse(phone));
        return ctx.storage().unitOfWork().execute(() -> bookings.changeChecked(bookings.anyReservation(id), newSlot,
                newPhone, Optional.of(new StaffAction(staff, reason, ctx.clock().instant()))));
    }

    /** @throws Refusal {@code INVALID_INPUT}, {@code NOT_FOUND}, {@code ALREADY_CANCELLED} */
    public Reservation cancel(StaffId staff, String reason, ReservationId id) throws Refusal {
        Inputs.required(staff, "staff");
        Inputs.requiredText(reason, "reason");
        Inputs.required(id, "reservation");
        return ctx.storage().unitOfWork().execute(() -> bookings.cancelChecked(bookings.anyReservation(id),
                Optional.of(new StaffAction(staff, reason, ctx.clock().instant()))));
    }
}
