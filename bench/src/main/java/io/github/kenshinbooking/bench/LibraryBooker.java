package io.github.kenshinbooking.bench;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.bench.Population.Person;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.schedule.Slot;

/** Books through the library's use case, {@code BookingService.book}, without idempotency key. */
final class LibraryBooker implements Booker {
    private final KenshinBooking engine;

    LibraryBooker(KenshinBooking engine) {
        this.engine = engine;
    }

    @Override
    public String book(Person person, Slot slot) {
        try {
            engine.bookings().book(person.session(), BookingRequest.of(person.member(), slot.id(), Population.PHONE, true));
            return null;
        } catch (Refusal r) {
            return r.code().name();
        }
    }
}
