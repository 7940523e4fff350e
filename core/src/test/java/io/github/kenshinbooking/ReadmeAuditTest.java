package io.github.kenshinbooking;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "The audit trail and the back office" example, kept compiling and passing. */
class ReadmeAuditTest {
    @Test
    @DisplayName("STAFF-2 STAFF-3 AUDIT-2 the README's back-office example: a phone booking, a capacity, a closed slot, the staff member's trail")
    void readme() throws Refusal {
        Fixtures f = new Fixtures();
        KenshinBooking engine = f.engine;
        MemberId taro = Fixtures.TARO;
        Slot slot = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        // --- README audit start
        StaffId clerk = new StaffId("clerk-7");                  // authenticated by your back office
        Reservation byPhone = engine.staff().book(clerk, "電話予約", BookingRequest.of(taro, slot.id(), "090-1234-5678", true),
                ReceptionClosing.ENFORCED);                      // OVERRIDDEN: past the booking deadline (STAFF-2)
        engine.staff().changeCapacity(clerk, "医師増員", slot.id(), 12); // never below the places taken (STAFF-3)
        engine.staff().closeSlot(clerk, "会場都合", slot.id());          // new bookings: SLOT_CLOSED

        AuditQuery january = AuditQuery.period(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"))
                .byActor(AuditActor.staff(clerk));
        engine.storage().audit().forEach(january, e ->             // in time order, a page at a time
                System.out.println(e.record().at() + " " + e.record().action() + " " + e.record().target().id()
                        + " " + e.record().reason().orElse("")));
        // --- README audit end
        List<AuditEntry> trail = new ArrayList<>();
        engine.storage().audit().forEach(january, trail::add);
        assertThat(trail).extracting(e -> e.record().action()).containsExactly(AuditAction.BOOKED,
                AuditAction.SLOT_CAPACITY_CHANGED, AuditAction.SLOT_CLOSED);
        assertThat(trail.get(0).record().target().id()).isEqualTo(byPhone.id().toString());
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(Refusal.class, () -> engine.staff().book(clerk, "x",
                BookingRequest.of(Fixtures.HANAKO, slot.id(), "090-1234-5678", true), ReceptionClosing.OVERRIDDEN))
                .code()).isEqualTo(ErrorCode.SLOT_CLOSED);
    }

    @Test
    @DisplayName("AUDIT-2 the README shows exactly the code of this test")
    void readmeShowsThisCode() throws IOException {
        String own = Files.readString(Path.of("src/test/java/io/github/kenshinbooking/ReadmeAuditTest.java"),
                StandardCharsets.UTF_8);
        String start = "// --- README audit start\n";
        String block = own.substring(own.indexOf(start) + start.length(),
                own.indexOf("        // --- README audit end"));
        String expected = Arrays.stream(block.split("\n"))
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8)).contains(expected);
    }
}
