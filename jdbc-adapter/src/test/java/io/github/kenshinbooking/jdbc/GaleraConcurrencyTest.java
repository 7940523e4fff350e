package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.schedule.Slot;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

/**
 * The engine's races on a Galera cluster, from env {@code KENSHIN_GALERA_URLS}: the threads book
 * through engines over the nodes in turn (no causal reads), so rival writes on different nodes meet
 * only in certification, and the loser's deadlock error (1213) runs its unit of work again.
 */
class GaleraConcurrencyTest extends ConcurrencyTests {
    @RegisterExtension
    static final DatabaseExtension DB = new DatabaseExtension(TestDatabase.Kind.GALERA, 16);

    @Override
    TestDatabase database() {
        return DB.get();
    }

    @Test
    @DisplayName("SLOT-3 each node looks for a free stripe in its own share first: one booking of a slot per node"
            + " takes a different stripe on each")
    void nodesStartInTheirOwnStripes() throws Exception {
        TestDatabase db = database();
        JdbcStorage storage = db.reset(false);
        MutableClock clock = MutableClock.of(Union.NOW, Union.TOKYO);
        List<KenshinBooking> engines = new ArrayList<>();
        for (int node = 0; node < db.nodeCount(); node++) {
            JdbcStorage s = db.storage(node);
            engines.add(Union.engine(s, JdbcHouseholdDirectory.of(s), clock));
        }
        Slot slot = Union.addSlot(engines.get(0), Union.MIRIKA, Union.EXAM_DAY, LocalTime.of(9, 0), 80);
        JdbcHouseholdDirectory directory = JdbcHouseholdDirectory.of(storage);
        List<HouseholdSession> sessions = new ArrayList<>();
        List<Household> households = new ArrayList<>();
        for (int node = 0; node < db.nodeCount(); node++) {
            Household h = Union.household(Integer.toString(1_300_000 + node), LocalDate.of(1970, 5, 5));
            directory.put(h);
            households.add(h);
            sessions.add(Union.activate(engines.get(0), h, Optional.empty()));
        }
        db.awaitReplication();
        for (int node = 0; node < db.nodeCount(); node++) {
            engines.get(node).bookings().book(sessions.get(node),
                    BookingRequest.of(Union.member(households.get(node), 0), slot.id(), Union.PHONE, true));
        }
        db.awaitReplication();

        assertThat(db.count("SELECT COUNT(*) FROM kb_slot_stripe WHERE slot_id = " + slot.id().value()
                + " AND reserved = 1")).as("stripes holding one booking each").isEqualTo(db.nodeCount());
        assertThat(db.count("SELECT COUNT(*) FROM kb_slot_stripe WHERE slot_id = " + slot.id().value()
                + " AND reserved > 1")).isZero();
        assertThat(storage.slots().find(slot.id()).orElseThrow().reserved()).isEqualTo(db.nodeCount());
    }
}
