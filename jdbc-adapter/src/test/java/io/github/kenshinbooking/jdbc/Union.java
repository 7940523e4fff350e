package io.github.kenshinbooking.jdbc;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.HouseholdDirectory;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Fixtures of a union for tests through the real engine: households, slots, active sessions. */
final class Union {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** Reception is open and no deadline of the June exams has passed. */
    static final Instant NOW = ZonedDateTime.of(2024, 5, 20, 9, 0, 0, 0, TOKYO).toInstant();
    static final Venue MIRIKA = Venue.of("ミリカローデン那珂川");
    static final LocalDate EXAM_DAY = LocalDate.of(2024, 6, 16);
    static final String PASSWORD = "sakura2024";
    static final String PHONE = "092-123-4567";

    private Union() {
    }

    static KenshinBooking engine(Storage storage, HouseholdDirectory directory, Clock clock) {
        return KenshinBooking.builder().storage(storage).directory(directory).clock(clock)
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();
    }

    /** A household whose representative (index 0) and family were born on the given dates. */
    static Household household(String symbol, LocalDate... births) {
        Member[] members = new Member[births.length];
        for (int i = 0; i < births.length; i++) {
            members[i] = new Member(MemberId.of(symbol + "-" + i), KanaName.of(i == 0 ? "ｹﾝｾﾂ ﾀﾛｳ" : "ｹﾝｾﾂ ﾊﾅｺ"),
                    (i == 0 ? "建設 太郎 " : "建設 花子 ") + symbol, births[i], i == 0 ? Sex.M : Sex.F,
                    LocalDate.of(2000, 4, 1), Optional.empty(), i == 0);
        }
        return Household.of(SymbolNumber.of(symbol), List.of(members));
    }

    static MemberId member(Household h, int index) {
        return h.members().get(index).id();
    }

    /**
     * Logs the household in with its initial password (AUTH-3), sets {@link #PASSWORD} and, if
     * given, the e-mail: the session is then past first-login (AUTH-5).
     */
    static HouseholdSession activate(KenshinBooking engine, Household h, Optional<String> email) throws Refusal {
        Member rep = h.representative();
        String initial = "kenren" + rep.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE);
        HouseholdSession session = engine.logins().login(h.symbolNumber().value(), rep.kana().value(), initial)
                .session();
        engine.passwords().changePassword(session, rep.id(), initial, PASSWORD, PASSWORD);
        if (email.isPresent()) {
            engine.emails().setEmail(session, rep.id(), email.get(), email.get());
        }
        return session;
    }

    static Slot addSlot(KenshinBooking engine, Venue venue, LocalDate date, LocalTime start, int capacity)
            throws Refusal {
        return engine.schedule().addSlot(new SlotSpec(venue, "那珂川健診センター", date, start, Duration.ofMinutes(30),
                capacity, Instant.parse("2024-01-01T00:00:00Z")));
    }
}
