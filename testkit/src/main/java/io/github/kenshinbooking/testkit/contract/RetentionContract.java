package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.exchange.Anonymised;
import io.github.kenshinbooking.exchange.RetentionReport;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.schedule.Slot;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of the retention purge (DATA-4) on an adapter: the {@link io.github.kenshinbooking.storage.RetentionStore}
 * through {@code engine.retention()}. A fixture of reservations of fiscal years 2024 and 2025 (one
 * cancelled by staff, one with an idempotency key), four accounts with e-mail, three
 * notifications, two waiting-list entries and four audit records; the clock moves to the first instant each is past the default period (the end of
 * the 5th fiscal year after) and just before.
 */
public abstract class RetentionContract extends DataExchangeSupport {
    private static final SymbolNumber GONE = SymbolNumber.of("3777777");
    private static final SymbolNumber LEFT = SymbolNumber.of("4666666");
    /** 2030-04-01 00:00 in Tokyo: fiscal year 2024 has ended five fiscal years ago. */
    private static final Instant FY2030 = ZonedDateTime.of(2030, 4, 1, 0, 0, 0, 0, TOKYO).toInstant();

    private Slot fy2024;
    private Reservation taro;
    private Reservation hanako;
    private Reservation jiro;
    private long oldMail;
    private long unsentMail;
    private long newMail;
    private WaitingEntry waitingOld;
    private WaitingEntry waitingNew;
    private long auditOld;
    private long auditFy2024;
    private long auditNew;
    private long auditStaffBare;

    @BeforeEach
    void fixture() throws Exception {
        registry.putAll(List.of(kensetsu(), takasaki(), Household.of(LEFT, List.of(new Member(MemberId.of("4666666-00"),
                KanaName.of("ﾀﾞｯﾀｲ"), "脱退 一", LocalDate.of(1960, 1, 1), Sex.M, LocalDate.of(2000, 4, 1),
                Optional.of(LocalDate.of(2024, 6, 1)), true)))));
        fy2024 = addSlot(FY2024_DAY, 5);
        taro = book(TARO, fy2024);
        hanako = book(HANAKO, fy2024);
        Reservation cancelled = hanako.cancelled(T0, Optional.of(new StaffAction(StaffId.parse("staff-1"),
                "本人より電話 090-1111-2222", T0)));
        inUnitOfWork(() -> {
            storage.reservations().cancel(hanako, cancelled);
            storage.idempotency().claim(HOUSEHOLD, IdempotencyKey.parse("key-1"), taro.id());
            return null;
        });
        hanako = cancelled;
        Slot fy2025 = addSlot(FY2025_DAY, 5);
        jiro = book(JIRO, fy2025);
        for (SymbolNumber s : List.of(HOUSEHOLD, OTHER_HOUSEHOLD, GONE, LEFT)) {
            storage.accounts().save(Account.initial(s).withEmail(Optional.of(EmailAddress.parse(s + "@example.jp"))));
        }
        oldMail = sentMail(T0);
        storage.outbox().add(mail("unsent@example.jp"), T0);
        unsentMail = storage.outbox().pending().get(0).id();
        newMail = sentMail(ZonedDateTime.of(2025, 6, 1, 9, 0, 0, 0, TOKYO).toInstant());
        waitingOld = inUnitOfWork(() -> storage.waitingList().join(HOUSEHOLD, HANAKO, fy2024.id(),
                FiscalYear.of(2024), PHONE, T0, 3)).orElseThrow();
        waitingNew = inUnitOfWork(() -> storage.waitingList().join(OTHER_HOUSEHOLD, JIRO, fy2025.id(),
                FiscalYear.of(2025), PHONE, T0, 3)).orElseThrow();
        // T0 is in fiscal year 2023; a staff record without details has nothing to purge
        auditOld = appendAudit(AuditRecord.of(T0, AuditActor.household(HOUSEHOLD, TARO), AuditChannel.WEB,
                AuditAction.BOOKED, AuditTarget.reservation(taro.id()), "", "予約 9:00 の枠"));
        auditFy2024 = appendAudit(new AuditRecord(ZonedDateTime.of(2024, 6, 1, 9, 0, 0, 0, TOKYO).toInstant(),
                AuditActor.staff(StaffId.parse("staff-1")), AuditChannel.PHONE, AuditAction.LOCKED,
                AuditTarget.household(OTHER_HOUSEHOLD), "", "", Optional.of("本人より電話")));
        auditStaffBare = appendAudit(AuditRecord.of(T0, AuditActor.staff(StaffId.parse("staff-1")),
                AuditChannel.STAFF, AuditAction.SLOT_EDITED, AuditTarget.slot(fy2024.id()), "", ""));
        auditNew = appendAudit(AuditRecord.of(ZonedDateTime.of(2025, 6, 1, 9, 0, 0, 0, TOKYO).toInstant(),
                AuditActor.household(OTHER_HOUSEHOLD, JIRO), AuditChannel.WEB, AuditAction.BOOKED,
                AuditTarget.reservation(jiro.id()), "", "予約"));
    }

    private long appendAudit(AuditRecord r) throws Exception {
        inUnitOfWork(() -> {
            storage.audit().append(r);
            return null;
        });
        return auditEntry(r.at(), r.action()).sequence();
    }

    private AuditEntry auditEntry(Instant at, AuditAction action) {
        List<AuditEntry> page = storage.audit().read(AuditQuery.period(at, at.plusNanos(1000)).byAction(action),
                Optional.empty(), 10);
        assertThat(page).hasSize(1);
        return page.get(0);
    }

    private AuditRecord auditRecord(long sequence) {
        List<AuditEntry> all = storage.audit().read(AuditQuery.period(Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z")), Optional.empty(), 100);
        return all.stream().filter(e -> e.sequence() == sequence).findFirst().orElseThrow().record();
    }

    private static Notification mail(String to) {
        return Notification.of(NotificationKind.BOOKED, to, Map.of("memberName", "建設 太郎"));
    }

    private long sentMail(Instant at) {
        storage.outbox().add(mail("taro@example.jp"), at);
        OutboxEntry e = storage.outbox().claimDue(at, 10, Duration.ofMinutes(5)).stream()
                .filter(x -> x.notification().recipient().equals("taro@example.jp")).findFirst().orElseThrow();
        storage.outbox().markSent(e.id(), at);
        return e.id();
    }

    @Test
    @DisplayName("DATA-4 the dry run reports what is past the period and writes nothing")
    void dryRun() {
        at(FY2030);

        RetentionReport report = engine.retention().dryRun();

        assertThat(report).isEqualTo(new RetentionReport(true, FiscalYear.of(2024), 2, 2, 1, 1, 2));
        assertThat(storage.reservations().find(taro.id())).contains(taro);
        assertThat(storage.accounts().find(GONE).orElseThrow().email()).isPresent();
        assertThat(storage.outbox().find(oldMail).orElseThrow().notification().recipient()).isEqualTo("taro@example.jp");
        assertThat(storage.waitingList().find(waitingOld.id())).contains(waitingOld);
        assertThat(auditRecord(auditOld).after()).isEqualTo("予約 9:00 の枠");
    }

    @Test
    @DisplayName("DATA-4 WAIT-4 a purge anonymises waiting-list entries of fiscal years past the period, keeping slot,"
            + " state and times")
    void waitingEntries() {
        at(FY2030);

        assertThat(engine.retention().purge().waitingEntries()).isEqualTo(1);

        WaitingEntry old = storage.waitingList().find(waitingOld.id()).orElseThrow();
        assertThat(old.household()).isEqualTo(Anonymised.HOUSEHOLD);
        assertThat(old.member()).isEqualTo(Anonymised.waitingMember(waitingOld.id()));
        assertThat(old.phone()).isEqualTo(Anonymised.PHONE);
        assertThat(old.slot()).isEqualTo(waitingOld.slot());
        assertThat(old.fiscalYear()).isEqualTo(FiscalYear.of(2024));
        assertThat(old.state()).isEqualTo(waitingOld.state());
        assertThat(old.joinedAt()).isEqualTo(waitingOld.joinedAt());
        assertThat(old.choice()).isEqualTo(waitingOld.choice());
        assertThat(storage.waitingList().findByMember(HANAKO)).isEmpty();
        assertThat(storage.waitingList().find(waitingNew.id())).contains(waitingNew);
    }

    @Test
    @DisplayName("DATA-4 AUDIT-2 a purge removes the details of audit records appended before the period; the records,"
            + " their time, channel, action and staff stay, and records of the period are untouched")
    void auditDetails() {
        at(FY2030);

        assertThat(engine.retention().purge().auditRecords()).isEqualTo(2);

        AuditRecord old = auditRecord(auditOld);
        assertThat(old.actor()).isEqualTo(AuditActor.household(Anonymised.HOUSEHOLD));
        assertThat(old.target()).isEqualTo(AuditTarget.reservation(taro.id()));
        assertThat(old.after()).isEmpty();
        assertThat(old.action()).isEqualTo(AuditAction.BOOKED);
        assertThat(old.channel()).isEqualTo(AuditChannel.WEB);
        assertThat(old.at()).isEqualTo(T0);
        AuditRecord locked = auditRecord(auditFy2024);
        assertThat(locked.actor()).isEqualTo(AuditActor.staff(staff1()));
        assertThat(locked.target()).isEqualTo(AuditTarget.household(Anonymised.HOUSEHOLD));
        assertThat(locked.reason()).isEmpty();
        assertThat(auditRecord(auditStaffBare)).isEqualTo(AuditRecord.of(T0, AuditActor.staff(staff1()),
                AuditChannel.STAFF, AuditAction.SLOT_EDITED, AuditTarget.slot(fy2024.id()), "", ""));
        assertThat(auditRecord(auditNew).actor()).isEqualTo(AuditActor.household(OTHER_HOUSEHOLD, JIRO));
        assertThat(auditRecord(auditNew).after()).isEqualTo("予約");
    }

    private static StaffId staff1() {
        try {
            return StaffId.parse("staff-1");
        } catch (io.github.kenshinbooking.error.Refusal r) {
            throw new AssertionError(r);
        }
    }

    @Test
    @DisplayName("DATA-4 a purge anonymises reservations past the period, keeping slot, status, times and counts")
    void reservations() {
        at(FY2030);

        assertThat(engine.retention().purge().reservations()).isEqualTo(2);

        Reservation t = storage.reservations().find(taro.id()).orElseThrow();
        assertThat(t.household()).isEqualTo(Anonymised.HOUSEHOLD);
        assertThat(t.member()).isEqualTo(Anonymised.member(taro.id()));
        assertThat(t.phone()).isEqualTo(Anonymised.PHONE);
        assertThat(Anonymised.isAnonymised(t)).isTrue();
        assertThat(t.slot()).isEqualTo(taro.slot());
        assertThat(t.fiscalYear()).isEqualTo(taro.fiscalYear());
        assertThat(t.status()).isEqualTo(ReservationStatus.CONFIRMED);
        assertThat(t.bookedAt()).isEqualTo(taro.bookedAt());
        Reservation h = storage.reservations().find(hanako.id()).orElseThrow();
        assertThat(h.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(h.staffAction()).hasValueSatisfying(a -> {
            assertThat(a.staff()).isEqualTo(hanako.staffAction().orElseThrow().staff());
            assertThat(a.reason()).isEmpty();
        });
        assertThat(slot(fy2024).reserved()).isEqualTo(1);
        assertThat(storage.reservations().findByMember(TARO)).isEmpty();
        assertThat(storage.reservations().findLiveBySlot(fy2024.id())).extracting(Reservation::id)
                .containsExactly(taro.id());
        assertThat(storage.idempotency().find(HOUSEHOLD, idempotencyKey())).isEmpty();
        assertThat(storage.reservations().find(jiro.id())).contains(jiro);
    }

    private static IdempotencyKey idempotencyKey() {
        try {
            return IdempotencyKey.parse("key-1");
        } catch (io.github.kenshinbooking.error.Refusal r) {
            throw new AssertionError(r);
        }
    }

    @Test
    @DisplayName("DATA-4 a purge removes the e-mail of households without reservations in the period that left the records")
    void contacts() {
        at(FY2030);

        assertThat(engine.retention().purge().accounts()).isEqualTo(2);

        assertThat(storage.accounts().find(GONE).orElseThrow().email()).isEmpty();
        assertThat(storage.accounts().find(LEFT).orElseThrow().email()).isEmpty();
        // still qualified, and a reservation within the period: kept
        assertThat(storage.accounts().find(HOUSEHOLD).orElseThrow().email()).isPresent();
        assertThat(storage.accounts().find(OTHER_HOUSEHOLD).orElseThrow().email()).isPresent();
    }

    @Test
    @DisplayName("DATA-4 a purge empties sent notifications recorded before the period, keeping kind and times")
    void notifications() {
        at(FY2030);

        assertThat(engine.retention().purge().outboxEntries()).isEqualTo(1);

        OutboxEntry old = storage.outbox().find(oldMail).orElseThrow();
        assertThat(old.notification().recipient()).isEmpty();
        assertThat(old.notification().data()).isEmpty();
        assertThat(old.notification().kind()).isEqualTo(NotificationKind.BOOKED);
        assertThat(old.sentAt()).contains(T0);
        assertThat(storage.outbox().find(unsentMail).orElseThrow().notification().recipient())
                .isEqualTo("unsent@example.jp");
        assertThat(storage.outbox().find(newMail).orElseThrow().notification().recipient())
                .isEqualTo("taro@example.jp");
    }

    @Test
    @DisplayName("DATA-4 just before the period ends nothing of that fiscal year is purged; a second purge finds nothing")
    void boundaryAndRepeat() {
        at(FY2030.minusSeconds(1));
        assertThat(engine.retention().purge()).isEqualTo(new RetentionReport(false, FiscalYear.of(2023), 0, 1, 1, 0, 1));
        assertThat(storage.reservations().find(taro.id())).contains(taro);

        at(FY2030);
        assertThat(engine.retention().purge()).isEqualTo(new RetentionReport(false, FiscalYear.of(2024), 2, 1, 0, 1, 1));
        assertThat(engine.retention().purge()).isEqualTo(new RetentionReport(false, FiscalYear.of(2024), 0, 0, 0, 0, 0));
        assertThat(engine.retention().dryRun().total()).isZero();
    }
}
