package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link io.github.kenshinbooking.schedule.SlotStore} (SLOT-1, SLOT-5, SLOT-6).
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: {@code add} stores the spec under a new id of its own, with
 * no reservation and not cancelled; {@code find} of an unknown id is empty; {@code findAll} reads the
 * slots that exist in one call, ignoring unknown and repeated ids; {@code findBetween} is half-open
 * [from, to), ordered by date, venue (会場) name, start time and id, and of one venue leaves the others
 * out; {@code cancelEventDay} (開催中止) marks every slot of that venue-day only and returns them by
 * start time; text round-trips unchanged; a slot added in a unit of work that fails is gone.
 */
public abstract class SlotStoreContract extends StorageContractSupport {

    @Test
    @DisplayName("SLOT-1 add stores the spec with a new id, no reservation and not cancelled")
    void addStoresSpec() {
        SlotSpec spec = new SlotSpec(MIRIKA, "那珂川健診センター", FY2024_DAY, LocalTime.of(9, 30), Duration.ofMinutes(45),
                12, Instant.parse("2024-01-05T00:00:00Z"));
        Slot added = storage.slots().add(spec);

        assertThat(added.id().value()).isPositive();
        assertThat(added).isEqualTo(Slot.of(added.id(), spec));
        assertThat(added.reserved()).isZero();
        assertThat(added.remaining()).isEqualTo(12);
        assertThat(added.eventCancelled()).isFalse();
        assertThat(storage.slots().find(added.id())).contains(added);
    }

    @Test
    @DisplayName("SLOT-1 every slot gets its own id")
    void distinctIds() {
        List<Slot> slots = List.of(addSlot(FY2024_DAY, 1), addSlot(FY2024_DAY, 1), addSlot(FY2025_DAY, 1));
        assertThat(slots.stream().map(Slot::id).distinct()).hasSize(3);
    }

    @Test
    @DisplayName("find of an id never handed out is empty")
    void findUnknown() {
        Slot s = addSlot(FY2024_DAY, 1);
        assertThat(storage.slots().find(io.github.kenshinbooking.schedule.SlotId.of(s.id().value() + 1000)))
                .isEmpty();
    }

    @Test
    @DisplayName("HIST-1 findAll reads the slots that exist, by id, in one call; unknown and repeated ids are harmless")
    void findAllById() {
        Slot a = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9, 0), 5));
        Slot b = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(10, 0), 3));
        java.util.List<io.github.kenshinbooking.schedule.SlotId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(a.id()); // more ids than one IN list holds
        }
        ids.add(b.id());
        ids.add(io.github.kenshinbooking.schedule.SlotId.of(b.id().value() + 1000));
        java.util.Map<io.github.kenshinbooking.schedule.SlotId, Slot> found = storage.slots().findAll(ids);
        assertThat(found).containsOnlyKeys(a.id(), b.id());
        assertThat(found.get(a.id())).isEqualTo(a);
        assertThat(found.get(b.id())).isEqualTo(b);
        assertThat(storage.slots().findAll(java.util.List.of())).isEmpty();
    }

    @Test
    @DisplayName("SLOT-5 findBetween is half-open [from, to) and ordered by date, venue name, start time, id")
    void findBetweenOrder() {
        LocalDate d = FY2024_DAY;
        Slot late = storage.slots().add(spec(MIRIKA, d, LocalTime.of(13, 0), 5));
        Slot early = storage.slots().add(spec(MIRIKA, d, LocalTime.of(9, 0), 5));
        Slot earlyTwin = storage.slots().add(spec(MIRIKA, d, LocalTime.of(9, 0), 5));
        Slot otherVenue = storage.slots().add(spec(Venue.of("A会場"), d, LocalTime.of(15, 0), 5));
        Slot nextDay = storage.slots().add(spec(MIRIKA, d.plusDays(1), LocalTime.of(8, 0), 5));
        Slot before = storage.slots().add(spec(MIRIKA, d.minusDays(1), LocalTime.of(9, 0), 5));
        Slot atEnd = storage.slots().add(spec(MIRIKA, d.plusDays(2), LocalTime.of(9, 0), 5));

        List<Slot> found = storage.slots().findBetween(Optional.empty(), d, d.plusDays(2));

        // "A会場" sorts before "ミリカ..." by the name's characters
        assertThat(found).containsExactly(otherVenue, early, earlyTwin, late, nextDay);
        assertThat(found).doesNotContain(before, atEnd);
    }

    @Test
    @DisplayName("SLOT-5 findBetween of one venue leaves the other venues out; names compare exactly")
    void findBetweenVenue() {
        Slot mirika = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9, 0), 5));
        storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(9, 0), 5));
        Slot upper = storage.slots().add(spec(Venue.of("Hall A"), FY2024_DAY, LocalTime.of(9, 0), 5));
        storage.slots().add(spec(Venue.of("hall a"), FY2024_DAY, LocalTime.of(9, 0), 5));
        storage.slots().add(spec(Venue.of("Hall A "), FY2024_DAY, LocalTime.of(9, 0), 5));

        assertThat(storage.slots().findBetween(Optional.of(MIRIKA), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .containsExactly(mirika);
        assertThat(storage.slots().findBetween(Optional.of(Venue.of("Hall A")), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .containsExactly(upper);
        assertThat(storage.slots().findBetween(Optional.of(MIRIKA), FY2024_DAY.plusDays(1), FY2024_DAY.plusDays(9)))
                .isEmpty();
    }

    @Test
    @DisplayName("SLOT-6 cancelEventDay marks every slot of that venue-day only and returns them by start time")
    void cancelEventDay() {
        Slot afternoon = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(13, 0), 5));
        Slot morning = storage.slots().add(spec(MIRIKA, FY2024_DAY, LocalTime.of(9, 0), 5));
        Slot otherVenue = storage.slots().add(spec(HALL, FY2024_DAY, LocalTime.of(9, 0), 5));
        Slot otherDay = storage.slots().add(spec(MIRIKA, FY2024_DAY.plusDays(1), LocalTime.of(9, 0), 5));

        List<Slot> cancelled = storage.slots().cancelEventDay(MIRIKA, FY2024_DAY);

        assertThat(cancelled).extracting(Slot::id).containsExactly(morning.id(), afternoon.id());
        assertThat(cancelled).allMatch(Slot::eventCancelled);
        assertThat(slot(morning).eventCancelled()).isTrue();
        assertThat(slot(afternoon).eventCancelled()).isTrue();
        assertThat(slot(otherVenue).eventCancelled()).isFalse();
        assertThat(slot(otherDay).eventCancelled()).isFalse();
    }

    @Test
    @DisplayName("SLOT-6 cancelEventDay of a venue-day without slots returns nothing and changes nothing")
    void cancelEmptyDay() {
        Slot s = addSlot(FY2024_DAY, 3);
        assertThat(storage.slots().cancelEventDay(MIRIKA, FY2024_DAY.plusDays(3))).isEmpty();
        assertThat(storage.slots().cancelEventDay(HALL, FY2024_DAY)).isEmpty();
        assertThat(slot(s)).isEqualTo(s);
    }

    @Test
    @DisplayName("text is data: quotes, SQL and Japanese round-trip unchanged")
    void textIsData() {
        Venue tricky = Venue.of("O'Brien \"Hall\"; DROP TABLE slot; -- ミリカ%_\\");
        SlotSpec spec = new SlotSpec(tricky, "健診機関 'x' OR '1'='1", FY2024_DAY, LocalTime.of(10, 15),
                Duration.ofMinutes(30), 2, T0);
        Slot s = storage.slots().add(spec);

        assertThat(storage.slots().find(s.id())).contains(Slot.of(s.id(), spec));
        assertThat(storage.slots().findBetween(Optional.of(tricky), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .containsExactly(s);
        assertThat(storage.slots().findBetween(Optional.of(Venue.of("%")), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .isEmpty();
    }

    @Test
    @DisplayName("a slot added in a unit of work that fails is gone")
    void rollback() {
        Slot kept = addSlot(FY2024_DAY, 1);
        inFailedUnitOfWork(() -> {
            Slot s = addSlot(FY2024_DAY, 1);
            assertThat(storage.slots().find(s.id())).contains(s);
            storage.slots().cancelEventDay(MIRIKA, FY2024_DAY);
            return null;
        });
        assertThat(storage.slots().findBetween(Optional.empty(), FY2024_DAY, FY2024_DAY.plusDays(1)))
                .containsExactly(kept);
    }

    @Test
    @DisplayName("SLOT-5 slots of many dates come back grouped by date")
    void manyDates() {
        for (int i = 0; i < 10; i++) {
            storage.slots().add(spec(i % 2 == 0 ? MIRIKA : HALL, FY2024_DAY.plusDays(9 - i), LocalTime.of(9, 0), 1));
        }
        List<LocalDate> dates = storage.slots().findBetween(Optional.empty(), FY2024_DAY, FY2024_DAY.plusDays(10))
                .stream().map(Slot::date).collect(Collectors.toList());
        assertThat(dates).hasSize(10).isSorted();
    }
}
