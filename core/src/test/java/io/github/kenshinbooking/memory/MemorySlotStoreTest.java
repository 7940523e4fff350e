package io.github.kenshinbooking.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotId;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-memory slot store against the {@code SlotStore} port (SLOT-1, SLOT-6). */
class MemorySlotStoreTest {
    private static final Venue NAKAGAWA = Venue.of("ミリカローデン那珂川");
    private static final Venue HAKATA = Venue.of("博多区役所");
    private static final LocalDate FEB18 = LocalDate.of(2024, 2, 18);
    private static final Instant OPENS = Instant.parse("2023-11-30T15:00:00Z");

    private final MemorySlotStore slots = new MemorySlotStore(new MemoryTransactions());

    private Slot add(Venue venue, LocalDate date, LocalTime start) {
        return slots.add(new SlotSpec(venue, "ヘルスポートクリニック", date, start, Duration.ofMinutes(30), 10, OPENS));
    }

    @Test
    @DisplayName("SLOT-1 a new slot gets a new id, no reservation and is not cancelled")
    void add() {
        Slot a = add(NAKAGAWA, FEB18, LocalTime.of(9, 0));
        Slot b = add(NAKAGAWA, FEB18, LocalTime.of(9, 0));

        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.reserved()).isZero();
        assertThat(a.eventCancelled()).isFalse();
        assertThat(slots.find(a.id())).contains(a);
        assertThat(slots.find(SlotId.of(999))).isEmpty();
    }

    @Test
    @DisplayName("findBetween orders by date, venue name, start time and id, from inclusive, to exclusive")
    void findBetweenOrder() {
        Slot nakagawaLate = add(NAKAGAWA, FEB18, LocalTime.of(10, 0));
        Slot nakagawaEarly1 = add(NAKAGAWA, FEB18, LocalTime.of(9, 0));
        Slot hakata = add(HAKATA, FEB18, LocalTime.of(8, 0)); // earliest start, but its venue sorts last
        Slot nakagawaEarly2 = add(NAKAGAWA, FEB18, LocalTime.of(9, 0));
        Slot dayBefore = add(NAKAGAWA, FEB18.minusDays(1), LocalTime.of(15, 0));
        add(NAKAGAWA, FEB18.plusDays(1), LocalTime.of(9, 0)); // on the end date: excluded
        add(NAKAGAWA, FEB18.minusDays(2), LocalTime.of(9, 0)); // before the first date: excluded

        List<Slot> all = slots.findBetween(Optional.empty(), FEB18.minusDays(1), FEB18.plusDays(1));

        // names compare as strings: "ミ" (U+30DF) before "博" (U+535A), so ミリカローデン那珂川 comes first
        assertThat(all).extracting(Slot::id).containsExactly(dayBefore.id(), nakagawaEarly1.id(),
                nakagawaEarly2.id(), nakagawaLate.id(), hakata.id());
        assertThat(slots.findBetween(Optional.of(HAKATA), FEB18.minusDays(1), FEB18.plusDays(1)))
                .extracting(Slot::id).containsExactly(hakata.id());
    }

    @Test
    @DisplayName("SLOT-6 cancelEventDay cancels the venue-day's slots, by start time then id, and no other")
    void cancelEventDay() {
        Slot late = add(NAKAGAWA, FEB18, LocalTime.of(10, 0));
        Slot early1 = add(NAKAGAWA, FEB18, LocalTime.of(9, 0));
        Slot early2 = add(NAKAGAWA, FEB18, LocalTime.of(9, 0));
        Slot otherVenue = add(HAKATA, FEB18, LocalTime.of(9, 0));
        Slot otherDay = add(NAKAGAWA, FEB18.plusDays(1), LocalTime.of(9, 0));

        List<Slot> cancelled = slots.cancelEventDay(NAKAGAWA, FEB18);

        assertThat(cancelled).extracting(Slot::id).containsExactly(early1.id(), early2.id(), late.id());
        assertThat(cancelled).allMatch(Slot::eventCancelled);
        assertThat(slots.find(late.id()).orElseThrow().eventCancelled()).isTrue();
        assertThat(slots.find(otherVenue.id()).orElseThrow().eventCancelled()).isFalse();
        assertThat(slots.find(otherDay.id()).orElseThrow().eventCancelled()).isFalse();
        assertThat(slots.cancelEventDay(HAKATA, FEB18.plusDays(7))).isEmpty();
    }
}
