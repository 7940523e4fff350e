package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.PhoneNumber;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import io.github.kenshinbooking.storage.UnitOfWork;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the storage port contracts share: a fresh, empty {@link Storage} per test from the
 * adapter's factory, and small fixtures. Instants are whole seconds, so every adapter can store
 * them exactly.
 */
public abstract class StorageContractSupport {
    /** A household and members; the ports do not consult the member records. */
    protected static final SymbolNumber HOUSEHOLD = SymbolNumber.of("1999999");
    /** A second household (世帯), the one of {@link #JIRO}. */
    protected static final SymbolNumber OTHER_HOUSEHOLD = SymbolNumber.of("2888888");
    /** A member of {@link #HOUSEHOLD}. */
    protected static final MemberId TARO = MemberId.of("1999999-00");
    /** Another member of {@link #HOUSEHOLD}. */
    protected static final MemberId HANAKO = MemberId.of("1999999-01");
    /** The member of {@link #OTHER_HOUSEHOLD}. */
    protected static final MemberId JIRO = MemberId.of("2888888-00");
    /** The daytime phone number (日中の連絡先) of every reservation the fixtures make. */
    protected static final PhoneNumber PHONE = new PhoneNumber("0921234567");
    /** The instant the fixtures book at, a whole second. */
    protected static final Instant T0 = Instant.parse("2024-01-10T01:02:03Z");
    /** The zone the contracts' promised deadlines fall in. */
    protected static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** The venue (会場) of {@link #addSlot}. */
    protected static final Venue MIRIKA = Venue.of("ミリカローデン那珂川");
    /** A second venue (会場). */
    protected static final Venue HALL = Venue.of("博多区 健診センター");
    /** A date in fiscal year 2024 (ELIG-1). */
    protected static final LocalDate FY2024_DAY = LocalDate.of(2024, 6, 16);
    /** A date in fiscal year 2025 (ELIG-1). */
    protected static final LocalDate FY2025_DAY = LocalDate.of(2025, 6, 15);

    /** The storage under test, fresh for each test. */
    protected Storage storage;

    /**
     * A new, empty storage of the adapter under test; called before each test.
     *
     * @return a storage holding no slot, reservation, account, key or notification, not shared
     *     with any storage returned before
     */
    protected abstract Storage createStorage();

    @BeforeEach
    void freshStorage() {
        storage = createStorage();
    }

    /**
     * A slot spec (SLOT-1) at the institution 那珂川健診センター, 30 minutes long, reception open since
     * 2024-01-01.
     *
     * @param venue    the venue (会場)
     * @param date     the exam date
     * @param start    the start time
     * @param capacity the places
     * @return the spec
     */
    protected static SlotSpec spec(Venue venue, LocalDate date, LocalTime start, int capacity) {
        return new SlotSpec(venue, "那珂川健診センター", date, start, Duration.ofMinutes(30), capacity,
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    /**
     * Adds a 09:00 slot at {@link #MIRIKA} to the storage.
     *
     * @param date     the exam date
     * @param capacity the places
     * @return the stored slot
     */
    protected Slot addSlot(LocalDate date, int capacity) {
        return storage.slots().add(spec(MIRIKA, date, LocalTime.of(9, 0), capacity));
    }

    /**
     * Reads a slot again from the storage.
     *
     * @param s a slot the storage holds
     * @return its current state
     */
    protected Slot slot(Slot s) {
        return storage.slots().find(s.id()).orElseThrow();
    }

    /**
     * A new live reservation of the member for the slot, with an id from the storage, promised the
     * slot's deadlines under deadline days 20 / 5 (CHG-1, CNL-1), not the defaults, so that a store
     * that recomputed them would be caught.
     *
     * @param member the member; {@link #JIRO} books for {@link #OTHER_HOUSEHOLD}, any other for
     *     {@link #HOUSEHOLD}
     * @param slot   the slot, whose date decides the fiscal year
     * @return the reservation, booked at {@link #T0}
     */
    protected Reservation newReservation(MemberId member, Slot slot) {
        SymbolNumber household = member.equals(JIRO) ? OTHER_HOUSEHOLD : HOUSEHOLD;
        return Reservation.booked(storage.reservationIds().next(), household, member, slot.id(),
                FiscalYear.containing(slot.date()), PHONE, "2024-03", T0, promisedChange(slot), promisedCancel(slot));
    }

    /**
     * A new reservation as {@link #newReservation} but with the id a stored one holds, as an id source
     * hands it out again after its database's sequence was set back (BOOK-3).
     *
     * @param held   the stored reservation whose id to take
     * @param member the member, as for {@link #newReservation}
     * @param slot   the slot
     * @return the reservation, not stored
     */
    protected Reservation withIdOf(Reservation held, MemberId member, Slot slot) {
        SymbolNumber household = member.equals(JIRO) ? OTHER_HOUSEHOLD : HOUSEHOLD;
        return Reservation.booked(held.id(), household, member, slot.id(), FiscalYear.containing(slot.date()), PHONE,
                "2024-03", T0, promisedChange(slot), promisedCancel(slot));
    }

    /**
     * The change deadline (CHG-1) the contracts promise for the slot: 20 days before at 00:00 Tokyo.
     *
     * @param slot the slot
     * @return the promised change deadline
     */
    protected static Instant promisedChange(Slot slot) {
        return slot.date().minusDays(20).atStartOfDay(TOKYO).toInstant();
    }

    /**
     * The cancel deadline (CNL-1) the contracts promise for the slot: 5 days before at 00:00 Tokyo.
     *
     * @param slot the slot
     * @return the promised cancel deadline
     */
    protected static Instant promisedCancel(Slot slot) {
        return slot.date().minusDays(5).atStartOfDay(TOKYO).toInstant();
    }

    /**
     * Inserts a new reservation in a unit of work and returns it.
     *
     * @param member the member, as for {@link #newReservation}
     * @param slot   the slot
     * @return the stored reservation
     * @throws Refusal if the store refuses it (SLOT-3, SLOT-6, ONE-1)
     */
    protected Reservation book(MemberId member, Slot slot) throws Refusal {
        Reservation r = newReservation(member, slot);
        storage.unitOfWork().execute(() -> {
            storage.reservations().insert(r);
            return null;
        });
        return r;
    }

    /**
     * Runs the work in one unit of work of the storage.
     *
     * @param <T>  the work's result type
     * @param work the work
     * @return the work's result
     * @throws Refusal the work's refusal, after the rollback
     */
    protected <T> T inUnitOfWork(UnitOfWork.Work<T> work) throws Refusal {
        return storage.unitOfWork().execute(work);
    }

    /**
     * Runs the work in a unit of work that then fails, so everything it wrote must roll back.
     *
     * @param work the work; it must not refuse
     */
    protected void inFailedUnitOfWork(UnitOfWork.Work<?> work) {
        try {
            storage.unitOfWork().execute(() -> {
                work.run();
                throw Refusal.of(ErrorCode.INVALID_INPUT, "contract: roll back");
            });
            fail("the unit of work should have failed");
        } catch (Refusal expected) {
            assertThat(expected.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        }
    }

    /**
     * The refusal code of a call, or {@code null} if it succeeded.
     *
     * @param call the call
     * @return the code of its refusal, or {@code null}
     */
    protected static ErrorCode codeOf(UnitOfWork.Work<?> call) {
        try {
            call.run();
            return null;
        } catch (Refusal r) {
            return r.code();
        }
    }

    /**
     * Runs the tasks on their own threads, released together, and returns their results in task
     * order. Fails if a task does not end within a minute.
     *
     * @param <T>   the tasks' result type
     * @param tasks the tasks, one thread each
     * @return their results, in task order
     * @throws Exception as {@link io.github.kenshinbooking.testkit.Threads#concurrently}
     */
    protected static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
        return io.github.kenshinbooking.testkit.Threads.concurrently(tasks, java.time.Duration.ofSeconds(60));
    }
}
