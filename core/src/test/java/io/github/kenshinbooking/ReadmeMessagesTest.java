package io.github.kenshinbooking;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.error.RefusalMessages;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "Messages" example, kept compiling and passing. */
class ReadmeMessagesTest {
    private final KenshinBooking engine = KenshinBooking.builder()
            .storage(new InMemoryStorage())
            .directory(new InMemoryHouseholdDirectory().put(Household.of(SymbolNumber.of("1999999"), List.of(
                    new Member(MemberId.of("1999999-01"), KanaName.of("ｹﾝｾﾂ ﾀﾛｳ"), "建設 太郎",
                            LocalDate.of(1960, 2, 10), Sex.M, LocalDate.of(1990, 3, 1), Optional.empty(), true)))))
            .clock(Clock.fixed(Instant.parse("2024-01-10T01:00:00Z"), ZoneId.of("Asia/Tokyo")))
            .build();

    @Test
    @DisplayName("AUTH-1 the README's messages example shows the Japanese message, the field label and a union's override")
    void readme() {
        // --- README messages starts
        RefusalMessages messages = RefusalMessages.defaults(engine.policy()) // the union's ages, lockout and zone
                .withOverrides(ResourceBundle.getBundle("union-messages"));   // optional: your keys win, one by one
        try {
            engine.logins().login("abc", "ｹﾝｾﾂ ﾀﾛｳ", "kenren19600210");
        } catch (Refusal refusal) {
            System.out.println(messages.message(refusal));     // 記号番号を正しくご入力ください。
            refusal.field().map(messages::fieldLabel)            // Refusal.FIELD_SYMBOL_NUMBER → 記号番号
                    .ifPresent(label -> System.out.println("項目: " + label));
        }
        // --- README messages ends
        Refusal refusal = org.junit.jupiter.api.Assertions.assertThrows(Refusal.class,
                () -> engine.logins().login("abc", "ｹﾝｾﾂ ﾀﾛｳ", "kenren19600210"));
        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(refusal.field()).contains(Refusal.FIELD_SYMBOL_NUMBER);
        assertThat(messages.message(refusal)).isEqualTo("記号番号を正しくご入力ください。");
        assertThat(messages.message(Refusal.of(ErrorCode.SLOT_FULL))).isEqualTo("この時間帯は満員です。別の日時をお選びください。");
        assertThat(RefusalMessages.unknownKeys(ResourceBundle.getBundle("union-messages"))).isEmpty();
    }

    @Test
    @DisplayName("the README shows exactly the messages example of this test")
    void readmeShowsThisCode() throws IOException {
        Path source = Path.of("src/test/java/io/github/kenshinbooking/ReadmeMessagesTest.java");
        String own = Files.readString(source, StandardCharsets.UTF_8);
        String start = "// --- README messages starts\n";
        String block = own.substring(own.indexOf(start) + start.length(),
                own.indexOf("        // --- README messages ends"));
        String expected = Arrays.stream(block.split("\n"))
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n"));
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(expected);
    }
}
