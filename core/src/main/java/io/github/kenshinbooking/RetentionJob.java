package io.github.kenshinbooking;

import io.github.kenshinbooking.eligibility.FiscalYear;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.RetentionReport;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.ReservationId;
import io.github.kenshinbooking.reservation.WaitingEntryId;
import io.github.kenshinbooking.storage.RetentionStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The retention job (DATA-4): personal data past the policy's period is purged, keeping the records
 * and their counts, anonymised. The period ends with the {@code retentionFiscalYears}-th fiscal year
 * (default 5) after the data's own fiscal year, judged on the clock in the union's zone:
 * <ul>
 *   <li>a reservation's (live or cancelled) household, member, phone and staff reason, and its
 *       idempotency keys, after the exam's fiscal year;</li>
 *   <li>a sent notification's recipient and body, after the fiscal year it was recorded in;</li>
 *   <li>a waiting-list entry's household, member and phone, after its slot's fiscal year;</li>
 *   <li>an audit record's details (summaries, reason, a household as actor or target), after the
 *       fiscal year it was appended in; the record itself stays (AUDIT-2);</li>
 *   <li>an account's e-mail address, once the household has no reservation within the period and
 *       the member records no longer know it or every member's qualification ended before the
 *       period (a household that never booked counts as one without reservations).</li>
 * </ul>
 * {@link #dryRun()} reports what {@link #purge()} would purge and writes nothing. A purge runs page by
 * page (the policy's batch size), each page one unit of work, so memory stays bounded and a run that
 * stops halfway is finished by the next. Schedule it, e.g. monthly; runs on several instances at once
 * are harmless. Thread-safe.
 */
public final class RetentionJob {
    private final EngineContext ctx;

    RetentionJob(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * What a purge now would purge; writes nothing (DATA-4).
     *
     * @return the counts of records past the period
     */
    public RetentionReport dryRun() {
        return run(false);
    }

    /**
     * Purges the personal data past the period (DATA-4).
     *
     * @return the counts of records purged
     */
    public RetentionReport purge() {
        return run(true);
    }

    /**
     * The last fiscal year past the period at the clock's instant: its data and older is purged.
     *
     * @return the fiscal year
     */
    public FiscalYear lastPurgedFiscalYear() {
        LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), ctx.policy().zone());
        return FiscalYear.of(FiscalYear.containing(today).startYear() - ctx.policy().exchange().retentionFiscalYears() - 1);
    }

    private RetentionReport run(boolean write) {
        FiscalYear last = lastPurgedFiscalYear();
        int batch = ctx.policy().exchange().batchSize();
        RetentionStore store = ctx.storage().retention();

        long reservations = 0;
        for (long after = 0;;) {
            List<ReservationId> ids = store.expiredReservations(last, after, batch);
            if (ids.isEmpty()) {
                break;
            }
            reservations += write ? inUnitOfWork(() -> store.anonymise(ids)) : ids.size();
            after = ids.get(ids.size() - 1).value();
        }

        long accounts = 0;
        for (String after = "";;) {
            List<SymbolNumber> page = store.dormantContacts(last, after, batch);
            if (page.isEmpty()) {
                break;
            }
            List<SymbolNumber> past = new ArrayList<>(page.size());
            for (SymbolNumber s : page) {
                if (pastPeriod(ctx.directory().find(s), last)) {
                    past.add(s);
                }
            }
            if (!past.isEmpty()) {
                accounts += write ? inUnitOfWork(() -> store.eraseContacts(past)) : past.size();
            }
            after = page.get(page.size() - 1).value();
        }

        long notifications = 0;
        Instant before = last.endExclusive().atStartOfDay(ctx.policy().zone()).toInstant();
        for (long after = 0;;) {
            List<Long> ids = store.expiredNotifications(before, after, batch);
            if (ids.isEmpty()) {
                break;
            }
            notifications += write ? inUnitOfWork(() -> store.eraseNotifications(ids)) : ids.size();
            after = ids.get(ids.size() - 1);
        }

        long waiting = 0;
        for (long after = 0;;) {
            List<WaitingEntryId> ids = store.expiredWaitingEntries(last, after, batch);
            if (ids.isEmpty()) {
                break;
            }
            waiting += write ? inUnitOfWork(() -> store.anonymiseWaitingEntries(ids)) : ids.size();
            after = ids.get(ids.size() - 1).value();
        }

        long audit = 0;
        for (long after = 0;;) {
            List<Long> ids = store.expiredAuditRecords(before, after, batch);
            if (ids.isEmpty()) {
                break;
            }
            audit += write ? inUnitOfWork(() -> store.eraseAuditDetails(ids)) : ids.size();
            after = ids.get(ids.size() - 1);
        }
        return new RetentionReport(!write, last, reservations, accounts, notifications, waiting, audit);
    }

    /** A household the records no longer know, or whose every member's qualification ended before the period. */
    private static boolean pastPeriod(Optional<Household> household, FiscalYear last) {
        if (household.isEmpty()) {
            return true;
        }
        for (Member m : household.get().members()) {
            // the qualification's last day is the day before 資格喪失日
            if (m.qualifiedUntil().isEmpty()
                    || FiscalYear.containing(m.qualifiedUntil().get().minusDays(1)).compareTo(last) > 0) {
                return false;
            }
        }
        return true;
    }

    private int inUnitOfWork(IntSupplier work) {
        try {
            return ctx.storage().unitOfWork().execute(work::getAsInt);
        } catch (Refusal r) {
            throw new AssertionError("a purge refuses nothing", r);
        }
    }
}
