package io.github.kenshinbooking.bench.jmh;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.CalendarDay;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory engine's hot paths: a book/cancel cycle, the month calendar of a venue with
 * 30 days x 8 slots, and an eligibility check.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class EngineBenchmarks {
    private InMemoryEngine e;
    private BookingRequest request;
    private Member member;
    private int day;

    @Setup
    public void setUp() throws Refusal {
        e = new InMemoryEngine(1_000_000);
        request = BookingRequest.of(InMemoryEngine.MEMBER, e.slots.get(100).id(), "090-1234-5678", true);
        member = e.engine.directory().findByMember(InMemoryEngine.MEMBER).orElseThrow()
                .member(InMemoryEngine.MEMBER).orElseThrow();
    }

    /** BOOK-1 + CNL-1: one booking and its cancellation, outbox rows included. */
    @Benchmark
    public Reservation bookCancelCycle() throws Refusal {
        Reservation r = e.engine.bookings().book(e.session, request);
        return e.engine.bookings().cancel(e.session, r.id());
    }

    /** SLOT-5: the month view of one venue with 30 days x 8 slots for a selected member. */
    @Benchmark
    public List<CalendarDay> monthCalendar() throws Refusal {
        return e.engine.calendar().month(e.session, InMemoryEngine.MEMBER, YearMonth.of(2024, 2),
                Optional.of(InMemoryEngine.VENUE));
    }

    /** ELIG-2 + ELIG-3 for one member and a date. */
    @Benchmark
    public boolean eligibility() {
        day = (day + 1) % 3650;
        return e.engine.eligibility().isEligible(member, LocalDate.of(2020, 1, 1).plusDays(day));
    }
}
