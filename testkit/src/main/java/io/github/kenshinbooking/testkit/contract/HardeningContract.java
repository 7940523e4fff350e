package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.LoginAttempts;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.policy.LockoutPolicy;
import io.github.kenshinbooking.policy.SourceThrottle;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Engine-level contract of the hardening rules (HARD-1..HARD-6, STAFF-1 and the source throttle),
 * one test per finding of the attack run against 0.1.0, each named after its rule. It runs the whole
 * engine over the adapter's storage, so a store that lets a bad input through, keeps a raw token or
 * forgets to void a link fails here. Every expectation comes from the rules, with the manual's
 * numbers: 3 failures lock (AUTH-4), one reset mail per household per 5 minutes (HARD-2).
 */
public abstract class HardeningContract extends StorageContractSupport {
    private static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    private static final String TARO_KANA = "ｹﾝｾﾂ ﾀﾛｳ";
    private static final String TARO_INITIAL = "kenren19600210";
    private static final String JIRO_KANA = "ｵﾂ ｼﾞﾛｳ";
    private static final String JIRO_INITIAL = "kenren19700505";
    private static final String PASSWORD = "sakura2024";
    private static final String TARO_MAIL = "taro@example.jp";
    private static final StaffId STAFF = new StaffId("staff-01");

    private final MutableClock clock =
            MutableClock.of(LocalDateTime.of(2024, 1, 10, 10, 0).atZone(ZONE).toInstant(), ZONE);

    private KenshinBooking engine(UnionPolicy policy) {
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
        directory.put(Household.of(HOUSEHOLD, List.of(
                member(TARO, TARO_KANA, LocalDate.of(1960, 2, 10), true),
                member(HANAKO, "ｹﾝｾﾂ ﾊﾅｺ", LocalDate.of(1964, 8, 3), false))));
        directory.put(Household.of(OTHER_HOUSEHOLD, List.of(member(JIRO, JIRO_KANA, LocalDate.of(1970, 5, 5), true))));
        return KenshinBooking.builder().policy(policy).clock(clock).storage(storage).directory(directory)
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).build();
    }

    private KenshinBooking engine() {
        return engine(UnionPolicy.defaults());
    }

    private static Member member(MemberId id, String kana, LocalDate birth, boolean representative) {
        return new Member(id, KanaName.of(kana), "組合員", birth, Sex.M, LocalDate.of(1990, 4, 1), Optional.empty(),
                representative);
    }

    /** Household 1999999 past first login, with {@link #PASSWORD} and {@link #TARO_MAIL}. */
    private static HouseholdSession taro(KenshinBooking engine) throws Refusal {
        HouseholdSession s = engine.logins().login(HOUSEHOLD.value(), TARO_KANA, TARO_INITIAL).session();
        engine.passwords().changePassword(s, TARO, TARO_INITIAL, PASSWORD, PASSWORD);
        engine.emails().setEmail(s, TARO, TARO_MAIL, TARO_MAIL);
        return s;
    }

    private static Refusal refusal(Callable<?> call) {
        Refusal r = catchThrowableOfType(Refusal.class, call::call);
        assertThat(r).as("a typed refusal").isNotNull();
        return r;
    }

    private static void assertInvalidInput(Callable<?> call, String field) {
        Refusal r = refusal(call);
        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(r.field()).contains(field);
    }

    private List<OutboxEntry> resetMails() {
        return storage.outbox().pending().stream()
                .filter(e -> e.notification().kind() == NotificationKind.PASSWORD_RESET).toList();
    }

    private String lastResetToken() {
        List<OutboxEntry> mails = resetMails();
        return mails.get(mails.size() - 1).notification().get(NotificationData.RESET_TOKEN).orElseThrow();
    }

    private Slot slot(LocalTime start) {
        return storage.slots().add(spec(MIRIKA, FY2024_DAY, start, 5));
    }

    // ---- HARD-1 ---------------------------------------------------------------------------------

    @Test
    @DisplayName("HARD-1 three wrong current passwords in a password change lock the household like three failed logins")
    void hard1WrongCurrentPasswordLocks() throws Refusal {
        KenshinBooking engine = engine();
        HouseholdSession s = taro(engine);
        for (int i = 1; i <= 2; i++) {
            String wrong = "wrong-" + i;
            Refusal r = refusal(() -> {
                engine.passwords().changePassword(s, TARO, wrong, "another2024", "another2024");
                return null;
            });
            assertThat(r.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        }
        Refusal third = refusal(() -> {
            engine.passwords().changePassword(s, TARO, "wrong-3", "another2024", "another2024");
            return null;
        });
        assertThat(third.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(third.lockedUntil()).contains(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(refusal(() -> engine.logins().login(HOUSEHOLD.value(), TARO_KANA, PASSWORD)).code())
                .isEqualTo(ErrorCode.ACCOUNT_LOCKED);
    }

    @Test
    @DisplayName("HARD-1 failed logins and wrong current passwords add up; a right one clears the count")
    void hard1FailuresAddUp() throws Refusal {
        KenshinBooking engine = engine();
        HouseholdSession s = taro(engine);
        refusal(() -> engine.logins().login(HOUSEHOLD.value(), TARO_KANA, "wrong-1"));
        engine.passwords().changePassword(s, TARO, PASSWORD, "another2024", "another2024");
        assertThat(storage.loginAttempts().find(HOUSEHOLD.value()).consecutiveFailures()).isZero();
        refusal(() -> engine.logins().login(HOUSEHOLD.value(), TARO_KANA, "wrong-1"));
        refusal(() -> engine.logins().login(HOUSEHOLD.value(), TARO_KANA, "wrong-2"));
        Refusal r = refusal(() -> {
            engine.passwords().changePassword(s, TARO, "wrong-3", "third2024x", "third2024x");
            return null;
        });
        assertThat(r.code()).isEqualTo(ErrorCode.ACCOUNT_LOCKED);
    }

    // ---- HARD-2 ---------------------------------------------------------------------------------

    @Test
    @DisplayName("HARD-2 a reset voids the household's older links: the first link no longer resets")
    void hard2ResetVoidsOlderLinks() throws Refusal {
        KenshinBooking engine = engine();
        taro(engine);
        engine.resets().requestReset(TARO_MAIL);
        String older = lastResetToken();
        clock.add(Duration.ofMinutes(6));
        engine.resets().requestReset(TARO_MAIL);
        String newer = lastResetToken();
        assertThat(newer).isNotEqualTo(older);
        engine.resets().resetPassword(newer, HOUSEHOLD.value(), TARO_KANA, "newpass2024", "newpass2024");
        Refusal r = refusal(() -> {
            engine.resets().resetPassword(older, HOUSEHOLD.value(), TARO_KANA, "evilpass2024", "evilpass2024");
            return null;
        });
        assertThat(r.code()).isEqualTo(ErrorCode.RESET_TOKEN_INVALID);
        assertThat(engine.logins().login(HOUSEHOLD.value(), TARO_KANA, "newpass2024").session().household())
                .isEqualTo(HOUSEHOLD);
    }

    @Test
    @DisplayName("HARD-2 a password change voids every outstanding reset link")
    void hard2PasswordChangeVoidsLinks() throws Refusal {
        KenshinBooking engine = engine();
        HouseholdSession s = taro(engine);
        engine.resets().requestReset(TARO_MAIL);
        String token = lastResetToken();
        engine.passwords().changePassword(s, TARO, PASSWORD, "another2024", "another2024");
        Refusal r = refusal(() -> {
            engine.resets().resetPassword(token, HOUSEHOLD.value(), TARO_KANA, "evilpass2024", "evilpass2024");
            return null;
        });
        assertThat(r.code()).isEqualTo(ErrorCode.RESET_TOKEN_INVALID);
    }

    @Test
    @DisplayName("SES-3 a session from before a reset no longer works")
    void ses3ResetEndsOldSessions() throws Refusal {
        KenshinBooking engine = engine();
        taro(engine);
        String token = engine.logins().login(HOUSEHOLD.value(), TARO_KANA, PASSWORD).token().value();
        engine.resets().requestReset(TARO_MAIL);
        engine.resets().resetPassword(lastResetToken(), HOUSEHOLD.value(), TARO_KANA, "newpass2024", "newpass2024");
        assertThat(refusal(() -> engine.sessions().resume(token)).code()).isEqualTo(ErrorCode.SESSION_EXPIRED);
    }

    @Test
    @DisplayName("HARD-2 200 reset requests within 5 minutes send one mail; the next after 5 minutes sends another")
    void hard2OneMailPerInterval() throws Refusal {
        KenshinBooking engine = engine();
        taro(engine);
        for (int i = 0; i < 200; i++) {
            engine.resets().requestReset(TARO_MAIL);
        }
        assertThat(resetMails()).hasSize(1);
        clock.add(Duration.ofMinutes(5).minusSeconds(1));
        engine.resets().requestReset(TARO_MAIL);
        assertThat(resetMails()).hasSize(1);
        clock.add(Duration.ofSeconds(1));
        engine.resets().requestReset(TARO_MAIL);
        assertThat(resetMails()).hasSize(2);
    }

    @Test
    @DisplayName("HARD-2 once the reset mail is sent the outbox keeps no raw token; the link in the mail still works")
    void hard2SentMailKeepsNoToken() throws Refusal {
        KenshinBooking engine = engine();
        taro(engine);
        engine.resets().requestReset(TARO_MAIL);
        OutboxEntry mail = resetMails().get(0);
        String token = mail.notification().get(NotificationData.RESET_TOKEN).orElseThrow();
        List<OutboxEntry> claimed = storage.outbox().claimDue(clock.instant(), 100, Duration.ofMinutes(1));
        assertThat(claimed).extracting(OutboxEntry::id).contains(mail.id());
        storage.outbox().markSent(mail.id(), clock.instant());
        OutboxEntry sent = storage.outbox().find(mail.id()).orElseThrow();
        assertThat(sent.sent()).isTrue();
        assertThat(sent.notification().data()).doesNotContainKey(NotificationData.RESET_TOKEN)
                .containsKey(NotificationData.RESET_EXPIRES_AT);
        assertThat(sent.notification().data().values()).noneMatch(v -> v.contains(token));
        engine.resets().resetPassword(token, HOUSEHOLD.value(), TARO_KANA, "newpass2024", "newpass2024");
    }

    // ---- HARD-3 ---------------------------------------------------------------------------------

    @Test
    @DisplayName("HARD-3 NUL in a member id, venue, staff id or reason is INVALID_INPUT before any store is touched")
    void hard3Nul() throws Refusal {
        KenshinBooking engine = engine();
        HouseholdSession s = taro(engine);
        Slot slot = slot(LocalTime.of(9, 0));
        Reservation r = engine.bookings().book(s, BookingRequest.of(TARO, slot.id(), "0921234567", true));
        assertInvalidInput(() -> MemberId.parse("a\u0000b"), "member");
        assertInvalidInput(() -> Venue.parse("ミリカ\u0000"), "venue");
        assertInvalidInput(() -> StaffId.parse("st\u0000aff"), "staff");
        assertInvalidInput(() -> engine.staff().cancel(STAFF, "reason\u0000", r.id()), "reason");
        assertInvalidInput(() -> engine.bookings().book(s,
                BookingRequest.of(HANAKO, slot.id(), "092\u00001234567", true)), "phone");
        assertThat(storage.reservations().find(r.id()).orElseThrow().live()).isTrue();
        assertThat(storage.slots().find(slot.id()).orElseThrow().reserved()).isEqualTo(1);
        assertThat(engine.calendar().month(s, TARO, YearMonth.of(2024, 6), Optional.of(MIRIKA))).isNotEmpty();
    }

    @Test
    @DisplayName("HARD-3 a lone surrogate is refused, never stored altered: e-mail, password, staff id")
    void hard3LoneSurrogate() throws Refusal {
        KenshinBooking engine = engine();
        HouseholdSession s = taro(engine);
        assertInvalidInput(() -> {
            engine.emails().setEmail(s, TARO, "a\uD800@example.jp", "a\uD800@example.jp");
            return null;
        }, "email");
        assertThat(storage.accounts().find(HOUSEHOLD).orElseThrow().email().orElseThrow().value())
                .isEqualTo(TARO_MAIL);
        assertInvalidInput(() -> engine.logins().login(HOUSEHOLD.value(), TARO_KANA, "sakura\uD800"), "password");
        assertInvalidInput(() -> engine.logins().login(HOUSEHOLD.value(), TARO_KANA, "sakura\uDC00\uD800"), "password");
        assertThat(storage.loginAttempts().find(HOUSEHOLD.value())).as("a refused input counts no failure")
                .isEqualTo(LoginAttempts.none());
        assertInvalidInput(() -> {
            engine.passwords().changePassword(s, TARO, PASSWORD, "newpass\uD800", "newpass\uD800");
            return null;
        }, "new");
        assertThat(engine.logins().login(HOUSEHOLD.value(), TARO_KANA, PASSWORD).session().household())
                .isEqualTo(HOUSEHOLD);
        assertInvalidInput(() -> StaffId.parse("\uD800x"), "staff");
    }

    @Test
    @DisplayName("HARD-3 a 10-million-character symbol number and C1 controls are INVALID_INPUT")
    void hard3OverLongAndC1() {
        KenshinBooking engine = engine();
        assertInvalidInput(() -> engine.logins().login("１".repeat(10_000_000), TARO_KANA, PASSWORD), "symbolNumber");
        assertInvalidInput(() -> engine.logins().login("1999999\u0085", TARO_KANA, PASSWORD), "symbolNumber");
        assertInvalidInput(() -> engine.logins().login(HOUSEHOLD.value(), "ｹﾝｾﾂ\u009fﾀﾛｳ", PASSWORD), "kana");
        assertInvalidInput(() -> engine.sessions().resume("tok\u0000en"), "session");
        assertThat(storage.loginAttempts().find(HOUSEHOLD.value())).isEqualTo(LoginAttempts.none());
    }

    // ---- HARD-6 ---------------------------------------------------------------------------------

    @Test
    @DisplayName("HARD-6 a key reused for another member or slot is IDEMPOTENCY_KEY_REUSED and writes nothing")
    void hard6KeyReused() throws Refusal {
        KenshinBooking engine = engine();
        HouseholdSession s = taro(engine);
        Slot nine = slot(LocalTime.of(9, 0));
        Slot ten = slot(LocalTime.of(10, 0));
        Reservation first = engine.bookings().book(s,
                BookingRequest.of(TARO, nine.id(), "0921234567", true).withIdempotencyKey("k-1"));
        Refusal otherMember = refusal(() -> engine.bookings().book(s,
                BookingRequest.of(HANAKO, nine.id(), "0921234567", true).withIdempotencyKey("k-1")));
        assertThat(otherMember.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(otherMember.field()).contains("idempotencyKey");
        Refusal otherSlot = refusal(() -> engine.bookings().book(s,
                BookingRequest.of(TARO, ten.id(), "0921234567", true).withIdempotencyKey("k-1")));
        assertThat(otherSlot.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(refusal(() -> engine.bookings().confirm(s,
                BookingRequest.of(HANAKO, nine.id(), "0921234567", true).withIdempotencyKey("k-1"))).code())
                .isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(storage.reservations().findLive(HANAKO, nine.fiscalYear())).isEmpty();
        assertThat(storage.slots().find(nine.id()).orElseThrow().reserved()).isEqualTo(1);
        assertThat(storage.slots().find(ten.id()).orElseThrow().reserved()).isZero();
        assertThat(engine.bookings().book(s,
                BookingRequest.of(TARO, nine.id(), "0921234567", true).withIdempotencyKey("k-1")).id())
                .isEqualTo(first.id());
    }

    @Test
    @DisplayName("HARD-6 the repeat of a cancelled booking's key answers the cancelled reservation, marked so, and books nothing")
    void hard6RepeatAfterCancel() throws Refusal {
        KenshinBooking engine = engine();
        HouseholdSession s = taro(engine);
        Slot nine = slot(LocalTime.of(9, 0));
        BookingRequest request = BookingRequest.of(TARO, nine.id(), "0921234567", true).withIdempotencyKey("k-2");
        Reservation first = engine.bookings().book(s, request);
        engine.bookings().cancel(s, first.id());
        Reservation repeat = engine.bookings().book(s, request);
        assertThat(repeat.id()).isEqualTo(first.id());
        assertThat(repeat.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(storage.slots().find(nine.id()).orElseThrow().reserved()).isZero();
        assertThat(storage.reservations().findLive(TARO, nine.fiscalYear())).isEmpty();
    }

    // ---- STAFF-1 and the source throttle ---------------------------------------------------------

    @Test
    @DisplayName("STAFF-1 staff lift a lock: the way out for a household without e-mail that someone keeps locking")
    void staff1Unlock() throws Refusal {
        KenshinBooking engine = engine();
        for (int i = 0; i < 3; i++) {
            refusal(() -> engine.logins().login(OTHER_HOUSEHOLD.value(), JIRO_KANA, "guess"));
        }
        assertThat(refusal(() -> engine.logins().login(OTHER_HOUSEHOLD.value(), JIRO_KANA, JIRO_INITIAL)).code())
                .isEqualTo(ErrorCode.ACCOUNT_LOCKED);
        assertThat(engine.staff().unlock(STAFF, "本人から電話", OTHER_HOUSEHOLD.value())).isTrue();
        assertThat(engine.logins().login(OTHER_HOUSEHOLD.value(), JIRO_KANA, JIRO_INITIAL).firstLogin()).isTrue();
        assertThat(engine.staff().unlock(STAFF, "念のため", OTHER_HOUSEHOLD.value())).isFalse();
        Refusal unknown = refusal(() -> engine.staff().unlock(STAFF, "誤入力", "3777777"));
        assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertInvalidInput(() -> engine.staff().unlock(STAFF, " ", OTHER_HOUSEHOLD.value()), "reason");
    }

    @Test
    @DisplayName("source throttle: failures from one source across households throttle that source, not others")
    void sourceThrottle() throws Refusal {
        UnionPolicy policy = UnionPolicy.defaults().toBuilder()
                .lockout(new LockoutPolicy(3, Duration.ofMinutes(30)).withSourceThrottle(
                        new SourceThrottle(4, Duration.ofMinutes(30))))
                .build();
        KenshinBooking engine = engine(policy);
        String attacker = "198.51.100.7";
        for (String symbol : List.of("1999999", "2888888", "3777777", "4666666")) {
            assertThat(refusal(() -> engine.logins().login(symbol, "ｱ", "guess", attacker)).code())
                    .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        }
        Refusal throttled = refusal(() -> engine.logins().login(HOUSEHOLD.value(), TARO_KANA, TARO_INITIAL, attacker));
        assertThat(throttled.code()).isEqualTo(ErrorCode.SOURCE_THROTTLED);
        assertThat(throttled.lockedUntil()).contains(clock.instant().plus(Duration.ofMinutes(30)));
        assertThat(engine.logins().login(HOUSEHOLD.value(), TARO_KANA, TARO_INITIAL, "203.0.113.9").firstLogin())
                .isTrue();
        clock.add(Duration.ofMinutes(30));
        assertThat(engine.logins().login(HOUSEHOLD.value(), TARO_KANA, TARO_INITIAL, attacker).firstLogin()).isTrue();
    }
}
