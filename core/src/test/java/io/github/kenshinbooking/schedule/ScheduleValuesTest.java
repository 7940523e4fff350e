package io.github.kenshinbooking.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The schedule's value types at their documented bounds (SLOT-1, SLOT-3). */
class ScheduleValuesTest {
    private static final Venue VENUE = Venue.of("ミリカローデン那珂川");
    private static final LocalDate FEB18 = LocalDate.of(2024, 2, 18);
    private static final Instant OPENS = Instant.parse("2023-11-30T15:00:00Z");

    private static Slot slot(int capacity, int reserved) {
        return new Slot(SlotId.of(1), VENUE, "ヘルスポートクリニック", FEB18, LocalTime.of(9, 0), Duration.ofMinutes(30),
                capacity, OPENS, reserved, false);
    }

    private static SlotSpec spec(int capacity) {
        return new SlotSpec(VENUE, "ヘルスポートクリニック", FEB18, LocalTime.of(9, 0), Duration.ofMinutes(30), capacity,
                OPENS);
    }

    @Test
    @DisplayName("a slot id is positive and prints as its number")
    void slotId() {
        assertThat(SlotId.of(1).value()).isEqualTo(1);
        assertThat(SlotId.of(42)).hasToString("42");
        assertThatThrownBy(() -> SlotId.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlotId.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a venue has a name that is not blank, and prints as it")
    void venue() {
        assertThat(VENUE).hasToString("ミリカローデン那珂川");
        assertThatThrownBy(() -> Venue.of(" \u3000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Venue.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("SLOT-1 a slot may have no place at all, never fewer")
    void specCapacity() {
        assertThat(spec(0).capacity()).isZero();
        assertThat(Slot.of(SlotId.of(1), spec(0)).remaining()).isZero();
        assertThatThrownBy(() -> spec(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlotSpec(VENUE, "i", FEB18, LocalTime.NOON, Duration.ZERO, 1, OPENS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("SLOT-3 0 <= reserved <= capacity: a full slot is a slot, an overbooked one is not")
    void reservedWithinCapacity() {
        assertThat(slot(3, 3).remaining()).isZero();
        assertThat(slot(0, 0).remaining()).isZero();
        assertThat(slot(3, 0).remaining()).isEqualTo(3);
        assertThatThrownBy(() -> slot(3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> slot(3, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> slot(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
