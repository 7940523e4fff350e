package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditActor;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditEntry;
import io.github.kenshinbooking.audit.AuditLog;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.IdempotencyKey;
import io.github.kenshinbooking.reservation.NewBooking;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.StaffId;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.Venue;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link AuditLog} (AUDIT-1, AUDIT-2), and of
 * {@link io.github.kenshinbooking.storage.Storage#book(NewBooking, AuditRecord)}.
 *
 * <p>Extend it and implement {@link StorageContractSupport#createStorage()} to return a fresh, empty
 * storage of the adapter. It checks: the port has append and reads only (no update or delete); an
 * appended record reads back equal, every field and text (Japanese, quotes, line breaks in a reason,
 * the longest summaries) unchanged, with a positive sequence number that grows with each append; reads
 * are in time order (then by sequence), whatever order the records were appended in; the period is
 * half-open and the filters select by actor (a household without a member: all its members), action
 * and target; pages continue after the last entry and {@code forEach} streams every record of a period
 * bigger than a page, in order; an append in a unit of work that fails is gone; concurrent appends all
 * stay, with distinct sequence numbers; a booking and its audit record are written together or not
 * at all (a full slot or a key already claimed leaves no record).
 */
public abstract class AuditLogContract extends StorageContractSupport {
    private static final AuditQuery ALL = AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));

    private static AuditRecord record(Instant at, AuditActor actor, AuditAction action, AuditTarget target) {
        return AuditRecord.of(at, actor, AuditChannel.WEB, action, target, "before", "after");
    }

    private AuditLog log() {
        return storage.audit();
    }

    private List<AuditEntry> all(AuditQuery query) {
        List<AuditEntry> out = new ArrayList<>();
        log().forEach(query, out::add);
        return out;
    }

    private static List<AuditRecord> records(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::record).toList();
    }

    @Test
    @DisplayName("AUDIT-2 the port appends and reads only: no method updates or deletes a record")
    void appendOnlyApi() {
        List<String> methods = Arrays.stream(AuditLog.class.getMethods()).map(Method::getName).distinct().toList();
        assertThat(methods).containsExactlyInAnyOrder("append", "read", "forEach");
    }

    @Test
    @DisplayName("AUDIT-1 an appended record reads back equal, every field, with a positive sequence that grows")
    void roundTrip() {
        AuditRecord a = new AuditRecord(T0, AuditActor.household(HOUSEHOLD, TARO), AuditChannel.WEB,
                AuditAction.BOOKED, AuditTarget.reservation(io.github.kenshinbooking.reservation.ReservationId.of(5247)),
                "", "slot=1 start=2024-06-16T09:00 venue=ミリカローデン那珂川 phone=*******5678 status=CONFIRMED",
                Optional.empty());
        AuditRecord b = new AuditRecord(T0, AuditActor.staff(new StaffId("clerk-7")), AuditChannel.PHONE,
                AuditAction.CANCELLED, AuditTarget.venueDay(Venue.of("O'Brien \"Hall\"; -- 会場%_"), FY2024_DAY),
                "x".repeat(AuditRecord.MAX_SUMMARY_LENGTH), "'; DROP TABLE kb_audit; --",
                Optional.of("電話にて\n体調不良のため\t取消 'quote' \"dq\""));
        AuditRecord c = AuditRecord.of(T0.plusSeconds(1), AuditActor.job("schedule"), AuditChannel.BATCH,
                AuditAction.SLOT_ADDED, AuditTarget.household(OTHER_HOUSEHOLD), "", "");
        log().append(a);
        log().append(b);
        log().append(c);

        List<AuditEntry> read = all(ALL);
        assertThat(records(read)).containsExactly(a, b, c);
        assertThat(read.get(0).sequence()).isPositive();
        assertThat(read.get(1).sequence()).isGreaterThan(read.get(0).sequence());
        assertThat(read.get(2).sequence()).isGreaterThan(read.get(1).sequence());
    }

    @Test
    @DisplayName("AUDIT-2 reads are in time order, then by sequence, whatever the order of appending")
    void timeOrder() {
        AuditTarget t = AuditTarget.household(HOUSEHOLD);
        AuditRecord late = record(T0.plusSeconds(20), AuditActor.household(HOUSEHOLD), AuditAction.LOGIN_ATTEMPT, t);
        AuditRecord early = record(T0, AuditActor.household(HOUSEHOLD), AuditAction.LOGIN_ATTEMPT, t);
        AuditRecord earlyToo = record(T0, AuditActor.household(HOUSEHOLD), AuditAction.LOGIN_SUCCEEDED, t);
        log().append(late);
        log().append(early);
        log().append(earlyToo);

        assertThat(records(all(ALL))).containsExactly(early, earlyToo, late);
        assertThat(records(log().read(ALL, Optional.empty(), 10))).containsExactly(early, earlyToo, late);
    }

    @Test
    @DisplayName("AUDIT-2 a period is half-open; filters select by actor (a household without member: all members), action and target")
    void filters() {
        AuditTarget r1 = AuditTarget.reservation(io.github.kenshinbooking.reservation.ReservationId.of(1));
        AuditTarget r2 = AuditTarget.reservation(io.github.kenshinbooking.reservation.ReservationId.of(2));
        AuditRecord taro = record(T0, AuditActor.household(HOUSEHOLD, TARO), AuditAction.BOOKED, r1);
        AuditRecord hanako = record(T0.plusSeconds(1), AuditActor.household(HOUSEHOLD, HANAKO), AuditAction.BOOKED, r2);
        AuditRecord jiro = record(T0.plusSeconds(2), AuditActor.household(OTHER_HOUSEHOLD, JIRO), AuditAction.CANCELLED,
                r2);
        AuditRecord staff = record(T0.plusSeconds(3), AuditActor.staff(new StaffId(HOUSEHOLD.value())),
                AuditAction.CANCELLED, r1);
        AuditRecord atEnd = record(T0.plusSeconds(4), AuditActor.household(HOUSEHOLD), AuditAction.LOGIN_ATTEMPT,
                AuditTarget.household(HOUSEHOLD));
        for (AuditRecord r : List.of(taro, hanako, jiro, staff, atEnd)) {
            log().append(r);
        }
        AuditQuery period = AuditQuery.period(T0, T0.plusSeconds(4));

        assertThat(records(all(period))).containsExactly(taro, hanako, jiro, staff);
        assertThat(records(all(AuditQuery.period(T0.plusSeconds(1), T0.plusSeconds(3))))).containsExactly(hanako, jiro);
        assertThat(records(all(period.byActor(AuditActor.household(HOUSEHOLD))))).containsExactly(taro, hanako);
        assertThat(records(all(period.byActor(AuditActor.household(HOUSEHOLD, HANAKO))))).containsExactly(hanako);
        assertThat(records(all(period.byActor(AuditActor.staff(new StaffId(HOUSEHOLD.value()))))))
                .containsExactly(staff);
        assertThat(records(all(period.byAction(AuditAction.CANCELLED)))).containsExactly(jiro, staff);
        assertThat(records(all(period.byTarget(r2)))).containsExactly(hanako, jiro);
        assertThat(records(all(period.byTarget(r2).byAction(AuditAction.CANCELLED)
                .byActor(AuditActor.household(OTHER_HOUSEHOLD))))).containsExactly(jiro);
        assertThat(all(AuditQuery.period(T0, T0))).isEmpty();
    }

    @Test
    @DisplayName("AUDIT-2 pages continue after the last entry; forEach streams a period bigger than a page, in order")
    void pagesAndStream() {
        int n = AuditLog.STREAM_PAGE * 2 + 7;
        List<AuditRecord> appended = new ArrayList<>();
        inUnitOfWorkUnchecked(() -> {
            for (int i = 0; i < n; i++) {
                // a few share an instant: the sequence orders them
                AuditRecord r = record(T0.plusSeconds(i / 3), AuditActor.household(HOUSEHOLD), AuditAction.LOGIN_ATTEMPT,
                        AuditTarget.household(HOUSEHOLD));
                log().append(r);
                appended.add(r);
            }
        });
        List<AuditEntry> streamed = all(ALL);
        assertThat(records(streamed)).containsExactlyElementsOf(appended);
        for (int i = 1; i < streamed.size(); i++) {
            assertThat(streamed.get(i).isAfter(streamed.get(i - 1))).isTrue();
        }

        List<AuditEntry> paged = new ArrayList<>();
        Optional<AuditEntry> after = Optional.empty();
        for (List<AuditEntry> page = log().read(ALL, after, 100); !page.isEmpty();
                page = log().read(ALL, after, 100)) {
            assertThat(page.size()).isLessThanOrEqualTo(100);
            paged.addAll(page);
            after = Optional.of(page.get(page.size() - 1));
        }
        assertThat(paged).containsExactlyElementsOf(streamed);
        assertThatThrownBy(() -> log().read(ALL, Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log().read(ALL, Optional.empty(), AuditLog.MAX_PAGE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void inUnitOfWorkUnchecked(Runnable work) {
        try {
            inUnitOfWork(() -> {
                work.run();
                return null;
            });
        } catch (Refusal r) {
            throw new AssertionError(r);
        }
    }

    @Test
    @DisplayName("AUDIT-1 an append joins the unit of work: one that fails leaves no record")
    void rollback() {
        AuditRecord kept = record(T0, AuditActor.household(HOUSEHOLD), AuditAction.LOGIN_ATTEMPT,
                AuditTarget.household(HOUSEHOLD));
        log().append(kept);
        inFailedUnitOfWork(() -> {
            log().append(record(T0.plusSeconds(1), AuditActor.household(HOUSEHOLD), AuditAction.LOGIN_SUCCEEDED,
                    AuditTarget.household(HOUSEHOLD)));
            assertThat(all(ALL)).hasSize(2); // seen inside its own unit of work
            return null;
        });
        assertThat(records(all(ALL))).containsExactly(kept);
    }

    @Test
    @DisplayName("AUDIT-1 concurrent appends on real threads all stay, each with its own sequence number")
    void concurrentAppends() throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < 25; i++) {
                    log().append(record(T0.plusSeconds(thread), AuditActor.household(HOUSEHOLD),
                            AuditAction.LOGIN_ATTEMPT, AuditTarget.household(HOUSEHOLD)));
                }
                return 25;
            });
        }
        concurrently(tasks);
        List<AuditEntry> read = all(ALL);
        assertThat(read).hasSize(200);
        assertThat(read.stream().map(AuditEntry::sequence).distinct()).hasSize(200);
    }

    @Test
    @DisplayName("AUDIT-1 a booking and its audit record are written together; a refused booking or a claimed key writes no record")
    void bookWithAudit() throws Exception {
        Slot s = addSlot(FY2024_DAY, 1);
        Reservation first = newReservation(TARO, s);
        AuditRecord firstRecord = record(T0, AuditActor.household(HOUSEHOLD, TARO), AuditAction.BOOKED,
                AuditTarget.reservation(first.id()));
        IdempotencyKey key = IdempotencyKey.parse("audit-contract-1");
        Optional<Notification> mail = Optional.of(Notification.of(NotificationKind.BOOKED, "taro@example.jp",
                Map.of("reservationId", first.id().toString())));

        assertThat(storage.book(new NewBooking(first, mail, T0, Optional.of(key)), firstRecord)).isTrue();
        assertThat(records(all(ALL))).containsExactly(firstRecord);

        Reservation again = newReservation(HANAKO, s);
        assertThat(storage.book(new NewBooking(again, Optional.empty(), T0, Optional.of(key)),
                record(T0, AuditActor.household(HOUSEHOLD, HANAKO), AuditAction.BOOKED,
                        AuditTarget.reservation(again.id())))).isFalse();
        Reservation full = newReservation(JIRO, s);
        assertThat(codeOf(() -> storage.book(new NewBooking(full, Optional.empty(), T0, Optional.empty()),
                record(T0, AuditActor.household(OTHER_HOUSEHOLD, JIRO), AuditAction.BOOKED,
                        AuditTarget.reservation(full.id()))))).isEqualTo(ErrorCode.SLOT_FULL);
        assertThat(records(all(ALL))).containsExactly(firstRecord);
        assertThat(slot(s).reserved()).isEqualTo(1);

        Slot other = addSlot(FY2025_DAY, 3);
        Reservation inFailed = newReservation(HANAKO, other);
        inFailedUnitOfWork(() -> storage.book(new NewBooking(inFailed, Optional.empty(), T0, Optional.empty()),
                record(T0, AuditActor.household(HOUSEHOLD, HANAKO), AuditAction.BOOKED,
                        AuditTarget.reservation(inFailed.id()))));
        assertThat(records(all(ALL))).containsExactly(firstRecord);
        assertThat(slot(other).reserved()).isZero();
    }
}
