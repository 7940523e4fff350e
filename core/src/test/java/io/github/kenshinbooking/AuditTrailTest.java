package io.github.kenshinbooking;

import static io.github.kenshinbooking.Fixtures.HANAKO;
import static io.github.kenshinbooking.Fixtures.PASSWORD;
import static io.github.kenshinbooking.Fixtures.SYMBOL;
import static io.github.kenshinbooking.Fixtures.TARO;
import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static io.github.kenshinbooking.Fixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** AUDIT-1 and AUDIT-2 through the engine on the in-memory adapter: one record per committed change. */
class AuditTrailTest {
    private static final AuditQuery ALL = AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private Fixtures f;
    private Slot feb18;
    private Slot feb25;

    @BeforeEach
    void setUp() {
        f = new Fixtures();
        feb18 = f.slot(LocalDate.of(2024, 2, 18), LocalTime.of(9, 0), 10);
        feb25 = f.slot(LocalDate.of(2024, 2, 25), LocalTime.of(9, 0), 10);
    }

    private List<AuditEntry> all() {
        List<AuditEntry> out = new ArrayList<>();
        f.storage.audit().forEach(ALL, out::add);
        return out;
    }

    private List<AuditAction> actionsSince(int from) {
        return all().subList(from, all().size()).stream().map(e -> e.record().action()).toList();
    }

    private static void refused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo(code));
    }

    @Test
    @DisplayName("AUDIT-1 slots the integrator adds are audited as the system job schedule, channel BATCH")
    void scheduleJob() {
        assertThat(all()).hasSize(2).allSatisfy(e -> {
            assertThat(e.record().action()).isEqualTo(AuditAction.SLOT_ADDED);
            assertThat(e.record().actor()).isEqualTo(AuditActor.job("schedule"));
            assertThat(e.record().channel()).isEqualTo(AuditChannel.BATCH);
        });
        assertThat(all().get(0).record().target()).isEqualTo(AuditTarget.slot(feb18.id()));
        assertThat(all().get(0).record().after()).contains("capacity=10").contains("date=2024-02-18");
    }

    @Test
    @DisplayName("AUDIT-1 AUTH-4 SES-4 a login appends its attempt when counted and its success when it succeeds; a failure only the attempt; the locking failure LOCKED")
    void logins() throws Refusal {
        int start = all().size();
        f.engine.logins().login(SYMBOL.value(), TARO_KANA, "kenren19600210");
        assertThat(actionsSince(start)).containsExactly(AuditAction.LOGIN_ATTEMPT, AuditAction.LOGIN_SUCCEEDED);
        AuditRecord success = all().get(start + 1).record();
        assertThat(success.actor()).isEqualTo(AuditActor.household(SYMBOL));
        assertThat(success.target()).isEqualTo(AuditTarget.household(SYMBOL));
        assertThat(success.channel()).isEqualTo(AuditChannel.WEB);
        assertThat(success.after()).contains("session=started").contains("firstLogin");

        int failures = all().size();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> f.engine.logins().login(SYMBOL.value(), TARO_KANA, "wrong-1"))
                    .isInstanceOf(Refusal.class);
        }
        refused(() -> f.engine.logins().login(SYMBOL.value(), TARO_KANA, "kenren19600210"), ErrorCode.ACCOUNT_LOCKED);
        assertThat(actionsSince(failures)).containsExactly(AuditAction.LOGIN_ATTEMPT, AuditAction.LOGIN_ATTEMPT,
                AuditAction.LOCKED, AuditAction.LOGIN_REFUSED_LOCKED);
        assertThat(all().get(failures + 2).record().after()).contains("lockedUntil=");

        int unlock = all().size();
        f.engine.staff().unlock(new StaffId("clerk-7"), "電話で本人確認", SYMBOL.value());
        assertThat(actionsSince(unlock)).containsExactly(AuditAction.UNLOCKED);
        AuditRecord unlocked = all().get(unlock).record();
        assertThat(unlocked.actor()).isEqualTo(AuditActor.staff(new StaffId("clerk-7")));
        assertThat(unlocked.channel()).isEqualTo(AuditChannel.STAFF);
        assertThat(unlocked.reason()).contains("電話で本人確認");
        assertThat(unlocked.before()).contains("lockedUntil=");
    }

    @Test
    @DisplayName("AUDIT-1 HARD-1 password change, e-mail change, reset request, identity mismatch and reset are each one record")
    void accounts() throws Refusal {
        HouseholdSession s = f.engine.logins().login(SYMBOL.value(), TARO_KANA, "kenren19600210").session();
        int start = all().size();
        f.engine.passwords().changePassword(s, TARO, "kenren19600210", PASSWORD, PASSWORD);
        assertThat(actionsSince(start)).containsExactly(AuditAction.PASSWORD_ATTEMPT, AuditAction.PASSWORD_CHANGED);
        assertThat(all().get(start + 1).record().actor()).isEqualTo(AuditActor.household(SYMBOL, TARO));

        int refusedNew = all().size();
        refused(() -> f.engine.passwords().changePassword(s, TARO, PASSWORD, "short", "short"),
                ErrorCode.PASSWORD_POLICY);
        assertThat(actionsSince(refusedNew)).containsExactly(AuditAction.PASSWORD_ATTEMPT,
                AuditAction.PASSWORD_CHANGE_REFUSED);

        int email = all().size();
        f.engine.emails().setEmail(s, TARO, "taro@example.jp", "taro@example.jp");
        assertThat(actionsSince(email)).containsExactly(AuditAction.EMAIL_CHANGED);
        AuditRecord changed = all().get(email).record();
        assertThat(changed.before()).isEqualTo("email=none");
        assertThat(changed.after()).isEqualTo("email=t***@example.jp");

        int reset = all().size();
        f.engine.resets().requestReset("taro@example.jp");
        f.engine.resets().requestReset("nobody@example.jp");
        assertThat(actionsSince(reset)).containsExactly(AuditAction.RESET_REQUESTED);
        String token = f.storage.outbox().pending().stream().map(OutboxEntry::notification)
                .filter(n -> n.kind() == NotificationKind.PASSWORD_RESET).reduce((a, b) -> b).orElseThrow()
                .get(NotificationData.RESET_TOKEN).orElseThrow();
        refused(() -> f.engine.resets().resetPassword(token, SYMBOL.value(), "ｹﾝｾﾂ ﾊﾅｺ", "sakura2025", "sakura2025"),
                ErrorCode.RESET_IDENTITY_MISMATCH);
        f.engine.resets().resetPassword(token, SYMBOL.value(), TARO_KANA, "sakura2025", "sakura2025");
        assertThat(actionsSince(reset)).containsExactly(AuditAction.RESET_REQUESTED,
                AuditAction.RESET_IDENTITY_MISMATCH, AuditAction.PASSWORD_RESET);
    }

    @Test
    @DisplayName("AUDIT-1 a booking, change and cancel are one record each; a refused one appends nothing")
    void reservations() throws Refusal {
        HouseholdSession s = f.activeSession();
        int start = all().size();
        Reservation r = f.engine.bookings().book(s, request(TARO, feb18));
        refused(() -> f.engine.bookings().book(s, request(TARO, feb25)), ErrorCode.ALREADY_RESERVED_THIS_FISCAL_YEAR);
        f.engine.bookings().change(s, r.id(), feb25.id(), "03-1111-2222");
        f.engine.bookings().cancel(s, r.id());
        refused(() -> f.engine.bookings().cancel(s, r.id()), ErrorCode.ALREADY_CANCELLED);

        assertThat(actionsSince(start)).containsExactly(AuditAction.BOOKED, AuditAction.CHANGED,
                AuditAction.CANCELLED);
        List<AuditEntry> mine = all().subList(start, all().size());
        assertThat(mine).allSatisfy(e -> {
            assertThat(e.record().actor()).isEqualTo(AuditActor.household(SYMBOL, TARO));
            assertThat(e.record().channel()).isEqualTo(AuditChannel.WEB);
            assertThat(e.record().target()).isEqualTo(AuditTarget.reservation(r.id()));
            assertThat(e.record().reason()).isEmpty();
        });
        assertThat(mine.get(0).record().after()).contains("slot=" + feb18.id()).contains("phone=*******5678");
        assertThat(mine.get(1).record().before()).contains("slot=" + feb18.id());
        assertThat(mine.get(1).record().after()).contains("slot=" + feb25.id()).contains("phone=******2222");
        assertThat(mine.get(2).record().after()).contains("status=CANCELLED");
    }

    @Test
    @DisplayName("AUDIT-2 a staff cancel after a staff change keeps both reasons: the reservation shows the last, the trail both")
    void bothReasons() throws Refusal {
        HouseholdSession s = f.activeSession();
        Reservation r = f.engine.bookings().book(s, request(HANAKO, feb18));
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 10, 0, 0)));
        f.engine.staff().change(new StaffId("clerk-7"), "電話: 日程変更の依頼", r.id(), feb25.id(), null);
        f.clock.setInstant(f.instant(LocalDateTime.of(2024, 2, 24, 0, 0)));
        f.engine.staff().cancel(new StaffId("clerk-9"), "電話: 体調不良", r.id());

        assertThat(f.storage.reservations().find(r.id()).orElseThrow().staffAction())
                .hasValueSatisfying(a -> assertThat(a.reason()).isEqualTo("電話: 体調不良"));
        List<AuditEntry> trail = new ArrayList<>();
        f.storage.audit().forEach(ALL.byTarget(AuditTarget.reservation(r.id())), trail::add);
        assertThat(trail).extracting(e -> e.record().action()).containsExactly(AuditAction.BOOKED,
                AuditAction.CHANGED, AuditAction.CANCELLED);
        assertThat(trail.get(1).record().reason()).contains("電話: 日程変更の依頼");
        assertThat(trail.get(1).record().actor()).isEqualTo(AuditActor.staff(new StaffId("clerk-7")));
        assertThat(trail.get(2).record().reason()).contains("電話: 体調不良");
        assertThat(trail.get(2).record().actor()).isEqualTo(AuditActor.staff(new StaffId("clerk-9")));
        assertThat(trail).extracting(e -> e.record().channel()).containsExactly(AuditChannel.WEB,
                AuditChannel.PHONE, AuditChannel.PHONE);
    }

    @Test
    @DisplayName("AUDIT-1 the record is appended in the change's unit of work: a rolled-back change leaves no record")
    void sameUnitOfWork() {
        int start = all().size();
        assertThatThrownBy(() -> f.storage.unitOfWork().execute(() -> {
            f.engine.staff().closeSlot(new StaffId("clerk-7"), "x", feb18.id());
            throw Refusal.of(ErrorCode.INVALID_INPUT, "roll back");
        })).isInstanceOf(Refusal.class);
        assertThat(all()).hasSize(start);
        assertThat(f.storage.slots().find(feb18.id()).orElseThrow().closed()).isFalse();
    }

    @Test
    @DisplayName("AUDIT-2 reads filter by period, actor (a household matches all its members), action and target, in time order")
    void filters() throws Refusal {
        HouseholdSession s = f.activeSession();
        Instant before = f.clock.instant();
        f.clock.setInstant(before.plusSeconds(60));
        Reservation taro = f.engine.bookings().book(s, request(TARO, feb18));
        f.clock.setInstant(before.plusSeconds(120));
        f.engine.bookings().book(s, request(HANAKO, feb18));
        Instant end = before.plusSeconds(121);

        AuditQuery period = AuditQuery.period(before.plusSeconds(1), end);
        List<AuditEntry> inPeriod = new ArrayList<>();
        f.storage.audit().forEach(period, inPeriod::add);
        assertThat(inPeriod).extracting(e -> e.record().action()).containsExactly(AuditAction.BOOKED,
                AuditAction.BOOKED);
        assertThat(f.storage.audit().read(period.byActor(AuditActor.household(SYMBOL)), java.util.Optional.empty(), 10))
                .hasSize(2);
        assertThat(f.storage.audit().read(period.byActor(AuditActor.household(SYMBOL, HANAKO)),
                java.util.Optional.empty(), 10)).hasSize(1);
        assertThat(f.storage.audit().read(period.byTarget(AuditTarget.reservation(taro.id())),
                java.util.Optional.empty(), 10)).hasSize(1);
        assertThat(f.storage.audit().read(ALL.byAction(AuditAction.PASSWORD_CHANGED), java.util.Optional.empty(), 10))
                .hasSize(1);
        List<AuditEntry> page1 = f.storage.audit().read(ALL, java.util.Optional.empty(), 3);
        List<AuditEntry> page2 = f.storage.audit().read(ALL, java.util.Optional.of(page1.get(2)), 3);
        assertThat(page2.get(0).isAfter(page1.get(2))).isTrue();
        assertThat(page1).doesNotContainAnyElementsOf(page2);
    }
}
