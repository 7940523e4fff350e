package io.github.kenshinbooking.spring;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** One household (representative born 1970-05-05) and one venue, and the steps to book there. */
final class TestUnion {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final String SYMBOL = "2000001";
    static final MemberId MEMBER = MemberId.of("2000001-01");
    static final String KANA = "ｹﾝｾﾂ ﾀﾛｳ";
    static final String INITIAL_PASSWORD = "kenren19700505";
    static final String PASSWORD = "sakura2024";
    static final String EMAIL = "taro@example.jp";
    static final Venue VENUE = Venue.of("ミリカローデン那珂川");

    private TestUnion() {
    }

    static Household household() {
        return Household.of(SymbolNumber.of(SYMBOL), List.of(new Member(MEMBER, KanaName.of(KANA), "建設 太郎",
                LocalDate.of(1970, 5, 5), Sex.M, LocalDate.of(1995, 4, 1), Optional.empty(), true)));
    }

    /** Logs in with the initial password, sets the password and the e-mail address. */
    static HouseholdSession activate(KenshinBooking engine) throws Refusal {
        HouseholdSession s = engine.logins().login(SYMBOL, KANA, INITIAL_PASSWORD).session();
        engine.passwords().changePassword(s, MEMBER, INITIAL_PASSWORD, PASSWORD, PASSWORD);
        engine.emails().setEmail(s, MEMBER, EMAIL, EMAIL);
        return s;
    }

    /** A slot of ten places at 09:00 that day, open for reception since the day before {@code now}. */
    static Slot slot(KenshinBooking engine, LocalDate date, Instant now) throws Refusal {
        return engine.schedule().addSlot(new SlotSpec(VENUE, "ヘルスポートクリニック", date, LocalTime.of(9, 0),
                Duration.ofMinutes(30), 10, now.minus(Duration.ofDays(1))));
    }

    static Reservation book(KenshinBooking engine, HouseholdSession s, Slot slot) throws Refusal {
        return engine.bookings().book(s, BookingRequest.of(MEMBER, slot.id(), "090-1234-5678", true));
    }

    /** 2024-01-10 10:00 in Tokyo: slots of 2024-02-18 are open for booking. */
    static Instant january10() {
        return LocalDateTime.of(2024, 1, 10, 10, 0).atZone(TOKYO).toInstant();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return TOKYO;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A fast stand-in for PBKDF2 in tests that are not about the hasher: unsalted SHA-256. */
    static final class FastHasher implements PasswordHasher {
        @Override
        public PasswordHash hash(String password) {
            return new PasswordHash("test-sha256$" + sha256(password));
        }

        @Override
        public boolean verify(String password, PasswordHash hash) {
            return MessageDigest.isEqual(hash(password).encoded().getBytes(StandardCharsets.UTF_8),
                    hash.encoded().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return false;
        }

        private static String sha256(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
