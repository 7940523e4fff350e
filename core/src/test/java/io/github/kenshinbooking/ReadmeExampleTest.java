package io.github.kenshinbooking;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's embedding example, kept compiling and passing. */
class ReadmeExampleTest {
    @Test
    @DisplayName("AUTH-1 AUTH-5 BOOK-1 BOOK-3 the README's embedding example books a place after first login")
    void readme() throws Refusal {
        // --- README example starts
        MemberId taro = MemberId.of("1999999-01");
        var directory = new InMemoryHouseholdDirectory().put(Household.of(SymbolNumber.of("1999999"), List.of(
                new Member(taro, KanaName.of("ｹﾝｾﾂ ﾀﾛｳ"), "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M,
                        LocalDate.of(1990, 3, 1), Optional.empty(), true))));
        KenshinBooking engine = KenshinBooking.builder()
                .storage(new InMemoryStorage())            // or JdbcStorage.create(dataSource)
                .directory(directory)                      // your member records
                .clock(Clock.fixed(Instant.parse("2024-01-10T01:00:00Z"), ZoneId.of("Asia/Tokyo"))) // omit: system clock
                .build();                                  // UnionPolicy.defaults(): the manual's numbers
        Slot slot = engine.schedule().addSlot(new SlotSpec(Venue.of("ミリカローデン那珂川"), "ヘルスポートクリニック",
                LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), Duration.ofMinutes(30), 10,
                Instant.parse("2023-11-30T15:00:00Z")));

        LoginResult login = engine.logins().login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", "kenren19600210"); // AUTH-1, AUTH-3
        HouseholdSession session = login.session();
        if (login.firstLogin()) {                                                             // AUTH-5
            engine.passwords().changePassword(session, taro, "kenren19600210", "sakura2024", "sakura2024");
        }
        try {
            Reservation r = engine.bookings().book(session, BookingRequest.of(taro, slot.id(), "090-1234-5678", true));
            System.out.println("予約ID: " + r.id());
        } catch (Refusal refusal) {
            System.out.println("refused: " + refusal.code());                                // e.g. SLOT_FULL
        }
        // --- README example ends
        assertThat(engine.calendar().remaining(slot.id())).isEqualTo(9);
        Refusal again = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class,
                () -> engine.bookings().book(session, BookingRequest.of(taro, slot.id(), "090-1234-5678", true)));
        assertThat(again.code()).isEqualTo(ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
    }

    @Test
    @DisplayName("the README shows exactly the code of this test")
    void readmeShowsThisCode() throws IOException {
        Path source = Path.of("src/test/java/io/github/kenshinbooking/ReadmeExampleTest.java");
        String own = Files.readString(source, StandardCharsets.UTF_8);
        String block = own.substring(own.indexOf("// --- README example starts\n") + 29,
                own.indexOf("        // --- README example ends"));
        String expected = Arrays.stream(block.split("\n"))
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(expected);
    }
}
