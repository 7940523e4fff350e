package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.reservation.NewBooking;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * A slot's places split over stripes ({@code kb_slot_stripe}, V2): how they are stored, that capacity
 * stays exact with uneven shares (SLOT-3), that an event-day cancellation closes every stripe and
 * gives the places back (SLOT-6), and races of real threads through the engine on one hot slot.
 * One subclass per database.
 */
abstract class StripeTests {
    abstract TestDatabase database();

    /** A stored stripe row. */
    record Stripe(int stripe, int capacity, int reserved, boolean bookable) {
    }

    /** A household's active session and its representative. */
    record Booker(HouseholdSession session, MemberId member) {
    }

    private JdbcStorage storage;
    private JdbcHouseholdDirectory directory;
    private KenshinBooking engine;
    private int nextSymbol = 2_000_000;
    private final AtomicInteger storeMembers = new AtomicInteger();

    @BeforeEach
    void setUp() {
        storage = database().reset(false);
        directory = JdbcHouseholdDirectory.of(storage);
        engine = Union.engine(storage, directory, MutableClock.of(Union.NOW, Union.TOKYO));
    }

    // ---- storing the stripes ------------------------------------------------------------------

    @Test
    @DisplayName("SLOT-3 a slot of 10 places is stored as 8 stripes (the default) of 2,2,1,1,1,1,1,1, none reserved, all bookable")
    void tenPlacesEightStripes() throws Refusal {
        assertThat(JdbcStorage.DEFAULT_STRIPES_PER_SLOT).isEqualTo(8);
        Slot slot = addSlot(engine, 9, 10);

        List<Stripe> stripes = stripes(slot.id());
        assertThat(stripes).extracting(Stripe::stripe).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(stripes).extracting(Stripe::capacity).containsExactly(2, 2, 1, 1, 1, 1, 1, 1);
        assertThat(stripes.stream().mapToInt(Stripe::capacity).sum()).isEqualTo(10);
        assertThat(stripes).allMatch(s -> s.reserved() == 0 && s.bookable());
        Slot stored = storage.slots().find(slot.id()).orElseThrow();
        assertThat(stored.reserved()).isZero();
        assertThat(stored.remaining()).isEqualTo(10);
    }

    @Test
    @DisplayName("SLOT-3 a slot with fewer places than stripes gets one stripe per place: 3 places, 3 stripes of 1")
    void fewerPlacesThanStripes() throws Refusal {
        Slot slot = addSlot(engine, 9, 3);

        assertThat(stripes(slot.id())).containsExactly(new Stripe(0, 1, 0, true), new Stripe(1, 1, 0, true),
                new Stripe(2, 1, 0, true));
    }

    @Test
    @DisplayName("SLOT-3 stripesPerSlot(1) stores one stripe with the whole capacity, and it fills exactly")
    void oneStripePerSlot() throws Refusal {
        JdbcStorage single = JdbcStorage.builder(database().dataSource()).stripesPerSlot(1).build();
        KenshinBooking singleEngine = Union.engine(single, JdbcHouseholdDirectory.of(single),
                MutableClock.of(Union.NOW, Union.TOKYO));
        Slot slot = addSlot(singleEngine, 9, 10);

        assertThat(stripes(slot.id())).containsExactly(new Stripe(0, 10, 0, true));
        for (int i = 0; i < 10; i++) {
            assertThat(storeBook(single, slot)).as("booking %s", i).isNull();
        }
        assertThat(storeBook(single, slot)).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(stripes(slot.id())).containsExactly(new Stripe(0, 10, 10, true));
        assertThat(liveRows(slot.id())).isEqualTo(10);
    }

    @Test
    @DisplayName("SLOT-3 stripesPerSlot(64) splits 100 places over 64 stripes adding up to 100")
    void sixtyFourStripes() throws Refusal {
        JdbcStorage wide = JdbcStorage.builder(database().dataSource()).stripesPerSlot(64).build();
        KenshinBooking wideEngine = Union.engine(wide, JdbcHouseholdDirectory.of(wide),
                MutableClock.of(Union.NOW, Union.TOKYO));
        Slot slot = addSlot(wideEngine, 9, 100);

        List<Stripe> stripes = stripes(slot.id());
        assertThat(stripes).hasSize(64);
        assertThat(stripes.stream().mapToInt(Stripe::capacity).sum()).isEqualTo(100);
        assertThat(stripes).allMatch(s -> s.capacity() == 1 || s.capacity() == 2);
        assertThat(wide.slots().find(slot.id()).orElseThrow().remaining()).isEqualTo(100);
    }

    @Test
    @DisplayName("SLOT-3 the builder takes 1..64 stripes per slot and rejects 0, 65 and negatives")
    void builderBounds() {
        JdbcStorage.Builder builder = JdbcStorage.builder(database().dataSource());
        assertThatThrownBy(() -> builder.stripesPerSlot(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.stripesPerSlot(65)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.stripesPerSlot(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> builder.stripesPerSlot(1)).doesNotThrowAnyException();
        assertThatCode(() -> builder.stripesPerSlot(64)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("SLOT-3 a slot of capacity 0 has no stripe; booking it answers SLOT_FULL, in the engine and in the store, writing nothing")
    void capacityZero() throws Refusal {
        Slot slot = addSlot(engine, 9, 0);
        Booker b = booker();
        long outbox = outboxRows();

        assertThat(stripes(slot.id())).isEmpty();
        Slot stored = storage.slots().find(slot.id()).orElseThrow();
        assertThat(stored.reserved()).isZero();
        assertThat(stored.remaining()).isZero();
        assertThat(codeOf(() -> book(b, slot))).isEqualTo(ErrorCode.SLOT_FULL);
        // past the engine's check: the store itself has no place to take
        assertThat(storeBook(storage, slot)).isEqualTo(ErrorCode.SLOT_FULL);

        assertThat(reservationRows()).isZero();
        assertThat(outboxRows()).isEqualTo(outbox);
        assertThat(stripes(slot.id())).isEmpty();
    }

    // ---- exactness with uneven stripes ----------------------------------------------------------

    @Test
    @DisplayName("SLOT-3 CNL-1 10 places in 8 uneven stripes: exactly 10 bookings, the 11th SLOT_FULL writing nothing;"
            + " a cancelled place, alone in one stripe, is booked again, then SLOT_FULL")
    void exactWithUnevenStripes() throws Refusal {
        Slot slot = addSlot(engine, 9, 10);
        List<Booker> bookers = newBookers(10);
        List<Reservation> booked = bookEach(bookers, slot);
        assertThat(remaining(slot)).isZero();
        assertThat(stripes(slot.id())).allMatch(s -> s.reserved() == s.capacity());
        assertConsistent(slot.id(), 10);
        assertThat(bookedMails()).isEqualTo(10);

        Booker eleventh = booker();
        long reservationsBefore = reservationRows();
        long outboxBefore = outboxRows();
        assertThat(codeOf(() -> book(eleventh, slot))).isEqualTo(ErrorCode.SLOT_FULL);
        // past the engine's check: the store finds every stripe full, and its outbox row is rolled back
        assertThat(storeBook(storage, slot)).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(reservationRows()).isEqualTo(reservationsBefore);
        assertThat(outboxRows()).isEqualTo(outboxBefore);
        assertThat(storage.reservations().findByMember(eleventh.member())).isEmpty();
        assertConsistent(slot.id(), 10);

        engine.bookings().cancel(bookers.get(3).session(), booked.get(3).id());
        assertThat(remaining(slot)).isEqualTo(1);
        List<Stripe> afterCancel = stripes(slot.id());
        assertThat(afterCancel.stream().filter(s -> s.reserved() < s.capacity()).toList())
                .as("the one free place sits in one stripe, the others are full")
                .singleElement().satisfies(s -> assertThat(s.capacity() - s.reserved()).isEqualTo(1));
        assertConsistent(slot.id(), 10);

        Reservation again = book(eleventh, slot);
        assertThat(again.slot()).isEqualTo(slot.id());
        assertThat(remaining(slot)).isZero();
        assertThat(stripes(slot.id())).allMatch(s -> s.reserved() == s.capacity());
        assertConsistent(slot.id(), 10);

        Booker twelfth = booker();
        assertThat(codeOf(() -> book(twelfth, slot))).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(storeBook(storage, slot)).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(liveRows(slot.id())).isEqualTo(10);
        assertConsistent(slot.id(), 10);
    }

    @Test
    @DisplayName("SLOT-3 CNL-1 cancelling every reservation of a full striped slot brings every stripe back to 0")
    void cancelAll() throws Refusal {
        Slot slot = addSlot(engine, 9, 10);
        List<Booker> bookers = newBookers(10);
        List<Reservation> booked = bookEach(bookers, slot);
        for (int i = 0; i < 10; i++) {
            engine.bookings().cancel(bookers.get(i).session(), booked.get(i).id());
            assertConsistent(slot.id(), 10);
            assertThat(remaining(slot)).isEqualTo(i + 1);
        }
        assertThat(stripes(slot.id())).hasSize(8).allMatch(s -> s.reserved() == 0 && s.bookable());
        assertThat(codeOf(() -> engine.bookings().cancel(bookers.get(0).session(), booked.get(0).id())))
                .isEqualTo(ErrorCode.ALREADY_CANCELLED);
        assertConsistent(slot.id(), 10);
    }

    @Test
    @DisplayName("CHG-1 SLOT-3 a change moves one place between two striped slots, both ways; into a full slot SLOT_FULL changing nothing")
    void changeBetweenStripedSlots() throws Refusal {
        Slot a = addSlot(engine, 9, 10);
        Slot b = addSlot(engine, 10, 3);
        assertThat(a.id().value()).isLessThan(b.id().value());
        List<Booker> bookers = newBookers(10);
        List<Reservation> booked = bookEach(bookers, a);
        Booker mover = bookers.get(0);

        // from the lower slot id to the higher
        engine.bookings().change(mover.session(), booked.get(0).id(), b.id(), null);
        assertThat(remaining(a)).isEqualTo(1);
        assertThat(remaining(b)).isEqualTo(2);
        assertConsistent(a.id(), 10);
        assertConsistent(b.id(), 3);

        book(booker(), a);
        assertThat(remaining(a)).isZero();
        assertThat(codeOf(() -> engine.bookings().change(mover.session(), booked.get(0).id(), a.id(), null)))
                .isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(storage.reservations().find(booked.get(0).id()).orElseThrow().slot()).isEqualTo(b.id());
        assertThat(remaining(a)).isZero();
        assertThat(remaining(b)).isEqualTo(2);
        assertConsistent(a.id(), 10);
        assertConsistent(b.id(), 3);

        // from the higher slot id to the lower, into the place a cancel freed
        engine.bookings().cancel(bookers.get(1).session(), booked.get(1).id());
        engine.bookings().change(mover.session(), booked.get(0).id(), a.id(), null);
        assertThat(storage.reservations().find(booked.get(0).id()).orElseThrow().slot()).isEqualTo(a.id());
        assertThat(remaining(a)).isZero();
        assertThat(remaining(b)).isEqualTo(3);
        assertThat(stripes(b.id())).allMatch(s -> s.reserved() == 0);
        assertConsistent(a.id(), 10);
        assertConsistent(b.id(), 3);
    }

    // ---- event day cancelled ----------------------------------------------------------------------

    @Test
    @DisplayName("SLOT-6 cancelling the event day closes every stripe of the day's slots, releases their places, and booking answers EVENT_CANCELLED")
    void eventDayCancelled() throws Refusal {
        Slot morning = addSlot(engine, 9, 10);
        Slot noon = addSlot(engine, 12, 3);
        Slot otherDay = Union.addSlot(engine, Union.MIRIKA, Union.EXAM_DAY.plusDays(1), LocalTime.of(9, 0), 10);
        for (int i = 0; i < 4; i++) {
            book(booker(), morning);
        }
        for (int i = 0; i < 2; i++) {
            book(booker(), noon);
        }
        Booker elsewhere = booker();
        Reservation kept = book(elsewhere, otherDay);
        long eventMailsBefore = mails(NotificationKind.EVENT_CANCELLED);

        List<Reservation> cancelled = engine.staff().cancelEventDay(Union.MIRIKA, Union.EXAM_DAY);

        assertThat(cancelled).hasSize(6);
        assertThat(mails(NotificationKind.EVENT_CANCELLED) - eventMailsBefore).isEqualTo(6);
        for (Slot s : List.of(morning, noon)) {
            List<Stripe> stripes = stripes(s.id());
            assertThat(stripes).as("stripes of slot %s", s.id()).isNotEmpty()
                    .allMatch(st -> !st.bookable() && st.reserved() == 0);
            Slot stored = storage.slots().find(s.id()).orElseThrow();
            assertThat(stored.eventCancelled()).isTrue();
            assertThat(stored.reserved()).isZero();
            assertThat(liveRows(s.id())).isZero();
            assertConsistent(s.id(), s.capacity());
        }
        assertThat(stripes(morning.id())).hasSize(8);
        assertThat(stripes(noon.id())).hasSize(3);

        Booker late = booker();
        long outboxBefore = outboxRows();
        assertThat(codeOf(() -> book(late, morning))).isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(codeOf(() -> book(late, noon))).isEqualTo(ErrorCode.EVENT_CANCELLED);
        // past the engine's check: the store finds no bookable stripe and tells why
        assertThat(storeBook(storage, morning)).isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(storeBook(storage, noon)).isEqualTo(ErrorCode.EVENT_CANCELLED);
        assertThat(outboxRows()).isEqualTo(outboxBefore);
        assertThat(liveRows(morning.id()) + liveRows(noon.id())).isZero();

        // another day of the venue is untouched
        assertThat(stripes(otherDay.id())).hasSize(8).allMatch(Stripe::bookable);
        assertThat(storage.reservations().find(kept.id()).orElseThrow().live()).isTrue();
        assertConsistent(otherDay.id(), 10);
        assertThat(remaining(otherDay)).isEqualTo(9);
        book(late, otherDay);
        assertThat(remaining(otherDay)).isEqualTo(8);
        assertConsistent(otherDay.id(), 10);
    }

    @Test
    @DisplayName("SLOT-6 SLOT-3 an event-day cancellation racing 24 bookings of its slot leaves no live reservation and no reserved place")
    void eventDayCancelRacingBookings() throws Exception {
        Slot slot = addSlot(engine, 9, 20);
        List<Callable<Object>> tasks = bookingTasks(newBookers(24), slot);
        tasks.add(() -> engine.staff().cancelEventDay(Union.MIRIKA, Union.EXAM_DAY));
        List<Object> results = ConcurrencyTests.concurrently(tasks);

        List<Object> bookings = results.subList(0, 24);
        assertThat(bookings).allMatch(o -> o instanceof Reservation || o == ErrorCode.EVENT_CANCELLED
                || o == ErrorCode.SLOT_FULL, "booked, EVENT_CANCELLED or SLOT_FULL");
        long succeeded = bookings.stream().filter(o -> o instanceof Reservation).count();
        assertThat(succeeded).isLessThanOrEqualTo(20);
        @SuppressWarnings("unchecked")
        List<Reservation> cancelled = (List<Reservation>) results.get(24);
        assertThat(cancelled).as("every booking that got in is cancelled by the event day").hasSize((int) succeeded);

        assertThat(liveRows(slot.id())).isZero();
        assertThat(stripes(slot.id())).hasSize(8).allMatch(s -> !s.bookable() && s.reserved() == 0);
        assertThat(mails(NotificationKind.EVENT_CANCELLED)).isEqualTo(succeeded);
        assertThat(mails(NotificationKind.BOOKED)).isEqualTo(succeeded);
        assertConsistent(slot.id(), 20);
        Booker late = booker();
        assertThat(codeOf(() -> book(late, slot))).isEqualTo(ErrorCode.EVENT_CANCELLED);
    }

    /** {@code n} new households, each with its representative, logged in. */
    private List<Booker> newBookers(int n) throws Refusal {
        List<Booker> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(booker());
        }
        return out;
    }

    /** Each booker books the slot through the engine, one after the other. */
    private List<Reservation> bookEach(List<Booker> bookers, Slot slot) throws Refusal {
        List<Reservation> out = new ArrayList<>();
        for (Booker b : bookers) {
            out.add(book(b, slot));
        }
        return out;
    }

    /** One task per booker that books the slot through the engine and answers its outcome. */
    private List<Callable<Object>> bookingTasks(List<Booker> bookers, Slot slot) {
        List<Callable<Object>> tasks = new ArrayList<>();
        for (Booker b : bookers) {
            tasks.add(() -> outcome(() -> book(b, slot)));
        }
        return tasks;
    }

    // ---- races on one hot slot ---------------------------------------------------------------------

    @Test
    @DisplayName("SLOT-3 as many bookers as places at once: every one gets a place (a free place busy in another stripe is never SLOT_FULL)")
    void asManyBookersAsPlaces() throws Exception {
        Slot slot = addSlot(engine, 9, 24);
        List<Callable<Object>> tasks = bookingTasks(newBookers(24), slot);
        List<Object> results = ConcurrencyTests.concurrently(tasks);

        assertThat(results).allMatch(o -> o instanceof Reservation, "booked");
        assertThat(remaining(slot)).isZero();
        assertThat(stripes(slot.id())).allMatch(s -> s.reserved() == s.capacity());
        assertThat(liveRows(slot.id())).isEqualTo(24);
        assertThat(mails(NotificationKind.BOOKED)).isEqualTo(24);
        assertConsistent(slot.id(), 24);
    }

    @Test
    @DisplayName("SLOT-3 CNL-1 48 threads book 20 places at once: exactly 20 booked, 28 SLOT_FULL; then 5 cancels race 16 bookings and"
            + " capacity holds, the freed places staying bookable")
    void hotSlot() throws Exception {
        int capacity = 20;
        Slot slot = addSlot(engine, 9, capacity);
        assertThat(stripes(slot.id())).extracting(Stripe::capacity).containsExactly(3, 3, 3, 3, 2, 2, 2, 2);
        List<Booker> bookers = newBookers(48);
        List<Callable<Object>> tasks = bookingTasks(bookers, slot);
        List<Object> first = ConcurrencyTests.concurrently(tasks);

        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i) instanceof Reservation) {
                winners.add(i);
            }
        }
        assertThat(winners).hasSize(capacity);
        assertThat(first.stream().filter(o -> !(o instanceof Reservation)).toList()).hasSize(28)
                .containsOnly(ErrorCode.SLOT_FULL);
        assertThat(remaining(slot)).isZero();
        assertThat(liveRows(slot.id())).isEqualTo(capacity);
        List<Stripe> full = stripes(slot.id());
        assertThat(full.stream().mapToInt(Stripe::reserved).sum()).isEqualTo(capacity);
        assertThat(full).allMatch(s -> s.reserved() == s.capacity(), "every stripe full, none above its share");
        assertThat(mails(NotificationKind.BOOKED)).isEqualTo(capacity);
        assertConsistent(slot.id(), capacity);

        // mixed race on the full slot: 5 of the holders cancel while 16 newcomers book
        List<Booker> newcomers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            newcomers.add(booker());
        }
        List<Callable<Object>> mixed = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            int holder = winners.get(k);
            Reservation r = (Reservation) first.get(holder);
            mixed.add(() -> outcome(() -> engine.bookings().cancel(bookers.get(holder).session(), r.id())));
        }
        for (Booker b : newcomers) {
            mixed.add(() -> outcome(() -> book(b, slot)));
        }
        List<Object> second = ConcurrencyTests.concurrently(mixed);

        assertThat(second.subList(0, 5)).as("cancels of own live reservations before the deadline")
                .allMatch(o -> o instanceof Reservation r && !r.live());
        List<Object> newBookings = second.subList(5, second.size());
        assertThat(newBookings).allMatch(o -> o instanceof Reservation || o == ErrorCode.SLOT_FULL,
                "booked or SLOT_FULL");
        int newSuccesses = (int) newBookings.stream().filter(o -> o instanceof Reservation).count();
        long live = liveRows(slot.id());
        assertThat(live).isEqualTo(capacity - 5 + newSuccesses).isLessThanOrEqualTo(capacity);
        assertThat(newSuccesses).isLessThanOrEqualTo(5);
        assertThat(mails(NotificationKind.BOOKED)).isEqualTo(capacity + newSuccesses);
        assertThat(mails(NotificationKind.CANCELLED)).isEqualTo(5);
        assertConsistent(slot.id(), capacity);

        // places freed and not taken in the race are still there, one by one, and then no more
        int left = capacity - (int) live;
        for (int i = 0; i < left; i++) {
            Booker b = booker();
            assertThat(codeOf(() -> book(b, slot))).as("place %s of %s left", i + 1, left).isNull();
        }
        assertThat(codeOf(() -> book(booker(), slot))).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(storeBook(storage, slot)).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(liveRows(slot.id())).isEqualTo(capacity);
        assertThat(stripes(slot.id())).allMatch(s -> s.reserved() == s.capacity());
        assertConsistent(slot.id(), capacity);
    }

    @Test
    @DisplayName("SLOT-3 CNL-1 a booking of a full slot that waits behind a cancel in flight gets the place the cancel frees"
            + " (after the wait the stripes are looked at again)")
    void bookingWaitsForCancelInFlight() throws Exception {
        Slot slot = addSlot(engine, 9, 10);
        for (int i = 0; i < 10; i++) {
            assertThat(storeBook(storage, slot)).isNull();
        }
        Reservation victim = storage.reservations().findLiveBySlot(slot.id()).get(4);
        CountDownLatch released = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Object> cancel = threads.submit(() -> storage.unitOfWork().execute(() -> {
                storage.reservations().cancel(victim, victim.cancelled(Union.NOW, Optional.empty()));
                released.countDown(); // the place is given back, not yet committed: its stripe is locked
                try {
                    assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            }));
            assertThat(released.await(30, TimeUnit.SECONDS)).isTrue();
            // past the engine's check (which would read the slot full): the store alone decides
            Future<ErrorCode> booking = threads.submit(() -> storeBook(storage, slot));
            Thread.sleep(500);
            assertThat(booking.isDone()).as("the booking waits for the stripe the cancel holds").isFalse();
            commit.countDown();
            cancel.get(30, TimeUnit.SECONDS);

            assertThat(booking.get(30, TimeUnit.SECONDS)).as("refusal of the waiting booking").isNull();
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat(storage.reservations().find(victim.id()).orElseThrow().live()).isFalse();
        assertThat(remaining(slot)).isZero();
        assertThat(liveRows(slot.id())).isEqualTo(10);
        assertThat(stripes(slot.id())).allMatch(s -> s.reserved() == s.capacity());
        assertConsistent(slot.id(), 10);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * SLOT-3 on the stored rows: shares add up to the capacity, each stripe within 0..its share, the
     * slot's reserved count (the sum of its stripes) equal to its live reservations.
     */
    private void assertConsistent(SlotId slot, int capacity) {
        List<Stripe> stripes = stripes(slot);
        assertThat(stripes.stream().mapToInt(Stripe::capacity).sum()).as("shares of slot %s", slot).isEqualTo(capacity);
        assertThat(stripes).as("stripes of slot %s", slot)
                .allMatch(s -> s.reserved() >= 0 && s.reserved() <= s.capacity(), "0 <= reserved <= share");
        long live = liveRows(slot);
        assertThat(stripes.stream().mapToInt(Stripe::reserved).sum()).as("reserved of slot %s", slot)
                .isEqualTo((int) live);
        Slot stored = storage.slots().find(slot).orElseThrow();
        assertThat(stored.reserved()).isEqualTo((int) live);
        assertThat(stored.remaining()).isEqualTo(capacity - (int) live);
    }

    private Slot addSlot(KenshinBooking on, int hour, int capacity) throws Refusal {
        return Union.addSlot(on, Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(hour, 0), capacity);
    }

    private Booker booker() throws Refusal {
        Household h = Union.household(Integer.toString(nextSymbol++), LocalDate.of(1970, 5, 5));
        directory.put(h);
        HouseholdSession session = Union.activate(engine, h, Optional.of("h" + h.symbolNumber().value() + "@example.jp"));
        return new Booker(session, Union.member(h, 0));
    }

    private Reservation book(Booker b, Slot slot) throws Refusal {
        return engine.bookings().book(b.session(), BookingRequest.of(b.member(), slot.id(), Union.PHONE, true));
    }

    /**
     * A booking written straight through the storage port ({@link JdbcStorage#book}), past the
     * engine's own check of the slot: the store alone decides. With a mail, so that a refusal shows
     * whether the outbox row was rolled back.
     *
     * @return null if booked, else the refusal's code
     */
    private ErrorCode storeBook(JdbcStorage on, Slot slot) {
        try {
            int n = storeMembers.incrementAndGet();
            Reservation r = Reservation.booked(on.reservationIds().next(), SymbolNumber.of("3999999"),
                    MemberId.of("3999999-" + n), slot.id(), slot.fiscalYear(), PhoneNumber.parse(Union.PHONE),
                    "terms-test", Union.NOW, Union.NOW.plusSeconds(86_400),
                    Union.NOW.plusSeconds(2 * 86_400));
            Notification mail = Notification.of(NotificationKind.BOOKED, "store@example.jp",
                    Map.of("reservationId", r.id().toString()));
            assertThat(on.book(new NewBooking(r, Optional.of(mail), Union.NOW, Optional.empty()))).isTrue();
            return null;
        } catch (Refusal e) {
            return e.code();
        }
    }

    private int remaining(Slot slot) {
        return storage.slots().find(slot.id()).orElseThrow().remaining();
    }

    @FunctionalInterface
    interface Call {
        Object call() throws Refusal;
    }

    /** The call's result, or its refusal's code. */
    private static Object outcome(Call call) {
        try {
            return call.call();
        } catch (Refusal r) {
            return r.code();
        }
    }

    private static ErrorCode codeOf(Call call) {
        Object o = outcome(call);
        return o instanceof ErrorCode c ? c : null;
    }

    private List<Stripe> stripes(SlotId slot) {
        try (Connection c = database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT stripe, capacity, reserved, bookable FROM kb_slot_stripe"
                        + " WHERE slot_id = ? ORDER BY stripe")) {
            ps.setLong(1, slot.value());
            List<Stripe> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stripe(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading stripes failed", e);
        }
    }

    private long liveRows(SlotId slot) {
        return database().count("SELECT COUNT(*) FROM kb_reservation WHERE slot_id = " + slot.value()
                + " AND status = 'CONFIRMED'");
    }

    private long reservationRows() {
        return database().count("SELECT COUNT(*) FROM kb_reservation");
    }

    private long outboxRows() {
        return database().count("SELECT COUNT(*) FROM kb_outbox");
    }

    private long mails(NotificationKind kind) {
        return database().count("SELECT COUNT(*) FROM kb_outbox WHERE kind = '" + kind.name() + "'");
    }

    private long bookedMails() {
        return mails(NotificationKind.BOOKED);
    }
}
