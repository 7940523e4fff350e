package io.github.kenshinbooking;

import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditChannel;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.audit.AuditTarget;
import io.github.kenshinbooking.error.InfrastructureException;
import io.github.kenshinbooking.error.InputText;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.ImportRun;
import io.github.kenshinbooking.exchange.MemberRow;
import io.github.kenshinbooking.exchange.RosterEntry;
import io.github.kenshinbooking.exchange.RosterQuery;
import io.github.kenshinbooking.exchange.RosterRow;
import io.github.kenshinbooking.exchange.SlotRow;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.reservation.StaffAction;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.HouseholdRegistry;
import io.github.kenshinbooking.storage.UnitOfWork;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Data exchange with the checkup institutions and the union (DATA-1..DATA-3): the roster
 * (受診者名簿) of a day or a fiscal year, and the slot and member imports, each all rows or none.
 * Formats are the caller's: the {@code csv} module reads and writes CSV over these methods.
 * Authenticating union staff is the integrator's concern. Thread-safe.
 */
public final class DataExchangeService {
    /** The longest kana or kanji name of a member record. */
    static final int MAX_NAME_LENGTH = 200;
    /** The longest slot, in minutes. */
    private static final int MAX_MINUTES = 24 * 60;
    /** The most places of one slot an import accepts. */
    private static final int MAX_CAPACITY = 100_000;

    private final EngineContext ctx;

    DataExchangeService(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The roster (受診者名簿, DATA-1): every live reservation of the query's dates (and venue) with its
     * exam and the member's particulars, in a stable order (exam date, venue, start time, slot, 予約ID),
     * handed to the action one by one. Streams: the store delivers reservations without loading them
     * all, and the member records are read for a batch of the policy's size at a time, so a fiscal
     * year runs in bounded memory. Reads only.
     *
     * @param query the exam day and venue, or the fiscal year
     * @param action receives each row; it must not write to the engine's storage
     * @return how many rows the action received
     * @throws Refusal {@code INVALID_INPUT} for a missing query or action
     */
    public long roster(RosterQuery query, Consumer<RosterRow> action) throws Refusal {
        Inputs.required(query, Refusal.FIELD_FILTER);
        Inputs.required(action, Refusal.FIELD_REQUEST);
        int batch = ctx.policy().exchange().batchSize();
        List<RosterEntry> page = new ArrayList<>(batch);
        long[] rows = {0};
        ctx.storage().forEachLive(query, entry -> {
            page.add(entry);
            if (page.size() >= batch) {
                rows[0] += emit(page, action);
            }
        });
        rows[0] += emit(page, action);
        return rows[0];
    }

    private int emit(List<RosterEntry> page, Consumer<RosterRow> action) {
        if (page.isEmpty()) {
            return 0;
        }
        List<MemberId> ids = new ArrayList<>(page.size());
        page.forEach(e -> ids.add(e.reservation().member()));
        Map<MemberId, Member> members = ctx.directory().findMembers(ids);
        for (RosterEntry e : page) {
            action.accept(RosterRow.of(e, Optional.ofNullable(members.get(e.reservation().member())), ctx.courses()));
        }
        int n = page.size();
        page.clear();
        return n;
    }

    /**
     * Imports slots (DATA-2), all rows or none: every row is checked (HARD-3 first, then venue,
     * institution, date, start, minutes, capacity and reception opening in the union's zone) and
     * added in one unit of work; if any row is bad, nothing is added and every bad field is reported
     * with its row's line. The rows are read once, in one pass, holding one row at a time.
     *
     * @param rows the rows, in file order; read once
     * @return what was added: every row is a new slot
     * @throws Refusal {@code IMPORT_INVALID} with the bad rows' lines (at most the policy's number
     *     reported, all counted); {@code INVALID_INPUT} for missing rows
     * @throws InfrastructureException if the store fails; if it asks to run the unit of work again
     *     (a serialization failure), the import fails instead, as the rows can be read only once
     */
    public ImportReport importSlots(Iterator<SlotRow> rows) throws Refusal {
        Inputs.required(rows, Refusal.FIELD_REQUEST);
        return ctx.storage().unitOfWork().execute(slots(rows));
    }

    /**
     * Imports slots (DATA-2) as {@link #importSlots(Iterator)}, by a staff member with a reason (STAFF-4):
     * the import appends one audit record ({@code SLOTS_IMPORTED}, with the counts) in its unit of work.
     * A dry run checks and counts every row the same way, then rolls back: nothing is written or audited.
     *
     * @param rows the rows, in file order; read once
     * @param run who, why, and whether it is a dry run
     * @return what was (or would be) added
     * @throws Refusal as {@link #importSlots(Iterator)}; {@code INVALID_INPUT} (field {@code reason}) for a
     *     blank reason
     */
    public ImportReport importSlots(Iterator<SlotRow> rows, ImportRun run) throws Refusal {
        Inputs.required(rows, Refusal.FIELD_REQUEST);
        Inputs.required(run, Refusal.FIELD_REQUEST);
        Inputs.reason(run.reason());
        UnitOfWork.Work<ImportReport> work = slots(rows);
        try {
            return ctx.storage().unitOfWork().execute(() -> {
                ImportReport report = work.run();
                if (run.dryRun()) {
                    throw new DryRun(report);
                }
                Audits.append(ctx, imported(run, "slots", AuditAction.SLOTS_IMPORTED, report));
                return report;
            });
        } catch (DryRun dry) {
            return dry.report;
        }
    }

    private UnitOfWork.Work<ImportReport> slots(Iterator<SlotRow> rows) {
        AtomicBoolean started = new AtomicBoolean();
        return () -> {
            onlyOnce(started);
            ImportFields f = new ImportFields(ctx.policy().exchange().maxReportedErrors());
            long read = 0;
            while (rows.hasNext()) {
                SlotRow row = rows.next();
                read++;
                Optional<SlotSpec> spec = slot(f, row);
                if (spec.isPresent() && !f.any()) {
                    ctx.storage().slots().add(spec.get()); // after the first bad row only checked, not written
                }
            }
            if (f.any()) {
                throw f.refusal();
            }
            return new ImportReport(read, read, 0, 0);
        };
    }

    private Optional<SlotSpec> slot(ImportFields f, SlotRow row) {
        if (row == null) {
            f.row(1);
            f.fail(Refusal.FIELD_ROW, "missing row");
            return Optional.empty();
        }
        f.row(row.line());
        row.problem().ifPresent(p -> f.fail(Refusal.FIELD_ROW, p));
        if (row.problem().isPresent()) {
            return Optional.empty();
        }
        Optional<String> venue = f.text(row.venue(), Refusal.FIELD_VENUE, Venue.MAX_LENGTH);
        Optional<String> institution = f.text(row.institution(), Refusal.FIELD_INSTITUTION, Venue.MAX_LENGTH);
        Optional<LocalDate> date = f.date(row.date(), Refusal.FIELD_DATE);
        Optional<LocalTime> start = f.time(row.start(), Refusal.FIELD_START);
        Optional<Integer> minutes = f.number(row.durationMinutes(), Refusal.FIELD_DURATION, 1, MAX_MINUTES);
        Optional<Integer> capacity = f.number(row.capacity(), Refusal.FIELD_CAPACITY, 0, MAX_CAPACITY);
        Optional<LocalDateTime> opens = f.dateTime(row.receptionOpens(), Refusal.FIELD_RECEPTION_OPENS);
        if (f.rowBad()) {
            return Optional.empty();
        }
        return Optional.of(new SlotSpec(Venue.of(venue.get()), institution.get(), date.get(), start.get(),
                Duration.ofMinutes(minutes.get()), capacity.get(), opens.get().atZone(ctx.policy().zone()).toInstant()));
    }

    /**
     * Imports the union's eligibility list (DATA-3), all rows or none. Each row is one member; the
     * rows of a household follow one another and are all its members (exactly one representative).
     * Each household in the file is added, or replaces the one on record (its branch number and
     * address are kept), or is left alone when it is already on record exactly so: importing the same
     * file twice changes nothing the second time and reports every household unchanged. Households not
     * in the file are left alone. A member may move to another household if its old household comes
     * earlier in the file, without it.
     *
     * <p>Every field is checked (HARD-3 first, then symbol number, member number, kana and kanji name,
     * birth date, sex, qualification dates, representative flag); if any row is bad, nothing is
     * written and every bad field is reported with its row's line. One pass over the rows, written
     * in batches of the policy's size inside one unit of work of the registry; memory holds one batch,
     * the reported errors and the symbol numbers seen (to refuse a household whose rows are split).
     *
     * @param rows the rows, in file order; read once
     * @return households added, changed and unchanged
     * @throws Refusal {@code IMPORT_INVALID} with the bad rows' lines (at most the policy's number
     *     reported, all counted); {@code INVALID_INPUT} for missing rows
     * @throws IllegalStateException if the engine's directory is read-only (not a {@link HouseholdRegistry})
     * @throws InfrastructureException if the store fails; if it asks to run the unit of work again
     *     (a serialization failure), the import fails instead, as the rows can be read only once
     */
    public ImportReport importMembers(Iterator<MemberRow> rows) throws Refusal {
        Inputs.required(rows, Refusal.FIELD_REQUEST);
        return registry().unitOfWork().execute(members(rows));
    }

    /**
     * Imports the union's eligibility list (DATA-3) as {@link #importMembers(Iterator)}, by a staff member
     * with a reason (STAFF-4), audited with one record ({@code MEMBERS_IMPORTED}, with the counts). The
     * member records may live in another store than the audit trail, so the record is appended in a unit
     * of work of the engine's storage right after the registry's commit. A dry run checks and counts every
     * row the same way in the registry's unit of work, then rolls it back: nothing is written or audited.
     *
     * @param rows the rows, in file order; read once
     * @param run who, why, and whether it is a dry run
     * @return households (that would be) added, changed and unchanged
     * @throws Refusal as {@link #importMembers(Iterator)}; {@code INVALID_INPUT} (field {@code reason})
     *     for a blank reason
     * @throws IllegalStateException if the engine's directory is read-only
     */
    public ImportReport importMembers(Iterator<MemberRow> rows, ImportRun run) throws Refusal {
        Inputs.required(rows, Refusal.FIELD_REQUEST);
        Inputs.required(run, Refusal.FIELD_REQUEST);
        Inputs.reason(run.reason());
        UnitOfWork.Work<ImportReport> work = members(rows);
        ImportReport report;
        try {
            report = registry().unitOfWork().execute(() -> {
                ImportReport counted = work.run();
                if (run.dryRun()) {
                    throw new DryRun(counted);
                }
                return counted;
            });
        } catch (DryRun dry) {
            return dry.report;
        }
        ctx.storage().unitOfWork().execute(() -> {
            Audits.append(ctx, imported(run, "members", AuditAction.MEMBERS_IMPORTED, report));
            return null;
        });
        return report;
    }

    private HouseholdRegistry registry() {
        if (!(ctx.directory() instanceof HouseholdRegistry registry)) {
            throw new IllegalStateException("the engine's directory is read-only: build it with a HouseholdRegistry"
                    + " (InMemoryHouseholdDirectory, JdbcHouseholdDirectory) to import members");
        }
        return registry;
    }

    private UnitOfWork.Work<ImportReport> members(Iterator<MemberRow> rows) {
        HouseholdRegistry registry = registry();
        AtomicBoolean started = new AtomicBoolean();
        return () -> {
            onlyOnce(started);
            return new MemberImport(registry, new ImportFields(ctx.policy().exchange().maxReportedErrors()),
                    ctx.policy().exchange().batchSize()).run(rows);
        };
    }

    private AuditRecord imported(ImportRun run, String what, AuditAction action, ImportReport report) {
        return Audits.byStaff(new StaffAction(run.staff(), run.reason(), ctx.clock().instant()), AuditChannel.STAFF,
                action, AuditTarget.dataImport(what), "", "rows=" + report.rows() + " added=" + report.added()
                        + " changed=" + report.changed() + " unchanged=" + report.unchanged());
    }

    /** Ends a dry run's unit of work, which rolls back every write, carrying what it counted. */
    private static final class DryRun extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ImportReport report;

        DryRun(ImportReport report) {
            super("dry run", null, false, false);
            this.report = report;
        }
    }

    private static void onlyOnce(AtomicBoolean started) {
        if (!started.compareAndSet(false, true)) {
            throw new InfrastructureException("the import's unit of work was to run again after a serialization"
                    + " failure, but its rows can be read only once: import the file again");
        }
    }

    /** One member import: the household being read, the batch being written, the counts. */
    private static final class MemberImport {
        private final HouseholdRegistry registry;
        private final ImportFields f;
        private final int batchSize;
        private final Set<String> seen = new HashSet<>();
        private final List<Group> batch = new ArrayList<>();
        private Group group;
        private long read;
        private long added;
        private long changed;
        private long unchanged;

        MemberImport(HouseholdRegistry registry, ImportFields f, int batchSize) {
            this.registry = registry;
            this.f = f;
            this.batchSize = batchSize;
        }

        ImportReport run(Iterator<MemberRow> rows) throws Refusal {
            while (rows.hasNext()) {
                MemberRow row = rows.next();
                read++;
                if (row == null) {
                    f.row(1);
                    f.fail(Refusal.FIELD_ROW, "missing row");
                    continue;
                }
                f.row(row.line());
                if (row.problem().isPresent()) {
                    f.fail(Refusal.FIELD_ROW, row.problem().get());
                    if (group != null) {
                        group.bad = true; // the row may have been one of its members
                    }
                    continue;
                }
                Optional<SymbolNumber> symbol = symbol(row.symbolNumber());
                Optional<Member> member = member(row);
                if (symbol.isEmpty()) {
                    continue; // the row belongs to no household: reported, and the current one goes on
                }
                if (group == null || !group.symbol.equals(symbol.get())) {
                    finish();
                    if (!seen.add(symbol.get().value())) {
                        f.fail(Refusal.FIELD_SYMBOL_NUMBER, "the rows of household " + symbol.get()
                                + " must follow one another: it appeared on an earlier line");
                    }
                    group = new Group(symbol.get(), row.line());
                }
                if (!f.rowBad() && group.members.containsKey(member.get().id())) {
                    f.fail(Refusal.FIELD_MEMBER, "member " + member.get().id() + " is listed twice in household "
                            + group.symbol);
                }
                if (f.rowBad()) {
                    group.bad = true;
                } else {
                    group.add(member.get(), row.line());
                }
            }
            finish();
            flush();
            if (f.any()) {
                throw f.refusal();
            }
            return new ImportReport(read, added, changed, unchanged);
        }

        private Optional<SymbolNumber> symbol(String raw) {
            return f.text(raw, Refusal.FIELD_SYMBOL_NUMBER, InputText.DEFAULT_MAX_LENGTH)
                    .flatMap(s -> {
                        try {
                            return Optional.of(SymbolNumber.parse(s, Refusal.FIELD_SYMBOL_NUMBER));
                        } catch (Refusal r) {
                            f.fail(Refusal.FIELD_SYMBOL_NUMBER, "1 to 20 digits: " + s);
                            return Optional.empty();
                        }
                    });
        }

        private Optional<Member> member(MemberRow row) {
            Optional<MemberId> id = f.text(row.memberId(), Refusal.FIELD_MEMBER, MemberId.MAX_LENGTH).map(MemberId::of);
            Optional<KanaName> kana = f.text(row.kana(), Refusal.FIELD_KANA, MAX_NAME_LENGTH).flatMap(k -> {
                if (KanaName.matchKey(k).isEmpty()) {
                    f.fail(Refusal.FIELD_KANA, "required");
                    return Optional.empty();
                }
                return Optional.of(KanaName.of(k));
            });
            Optional<String> name = f.text(row.name(), Refusal.FIELD_NAME, MAX_NAME_LENGTH);
            Optional<LocalDate> birth = f.date(row.birthDate(), Refusal.FIELD_BIRTH_DATE);
            Optional<Sex> sex = f.normalised(row.sex(), Refusal.FIELD_SEX).flatMap(this::sex);
            Optional<LocalDate> from = f.date(row.qualifiedFrom(), Refusal.FIELD_QUALIFIED_FROM);
            Optional<LocalDate> until = f.optionalDate(row.qualifiedUntil(), Refusal.FIELD_QUALIFIED_UNTIL);
            Optional<Boolean> representative = f.normalised(row.representative(), Refusal.FIELD_REPRESENTATIVE)
                    .flatMap(this::flag);
            if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
                f.fail(Refusal.FIELD_QUALIFIED_UNTIL, "before the qualification began");
            }
            if (f.rowBad()) {
                return Optional.empty();
            }
            return Optional.of(new Member(id.get(), kana.get(), name.get(), birth.get(), sex.get(), from.get(), until,
                    representative.get()));
        }

        private Optional<Sex> sex(String s) {
            switch (s.toUpperCase(Locale.ROOT)) {
                case "M", "男", "男性", "1":
                    return Optional.of(Sex.M);
                case "F", "女", "女性", "2":
                    return Optional.of(Sex.F);
                default:
                    f.fail(Refusal.FIELD_SEX, "M or F (男/女, 1/2): " + s);
                    return Optional.empty();
            }
        }

        private Optional<Boolean> flag(String s) {
            switch (Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)) {
                case "1", "true", "yes", "○", "代表者":
                    return Optional.of(true);
                case "0", "false", "no", "":
                    return Optional.of(false);
                default:
                    f.fail(Refusal.FIELD_REPRESENTATIVE, "1 or 0 (true/false): " + s);
                    return Optional.empty();
            }
        }

        /** Checks the household just read and queues it for writing. */
        private void finish() {
            Group g = group;
            group = null;
            if (g == null || g.bad) {
                return;
            }
            long reps = g.members.values().stream().filter(Member::representative).count();
            if (reps != 1) {
                f.fail(g.firstLine, Refusal.FIELD_REPRESENTATIVE, "household " + g.symbol
                        + " needs exactly one representative, has " + reps);
                return;
            }
            batch.add(g);
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        /** Writes the queued households that are not on record exactly so, in one batch. */
        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<SymbolNumber> symbols = new ArrayList<>(batch.size());
            List<MemberId> memberIds = new ArrayList<>();
            for (Group g : batch) {
                symbols.add(g.symbol);
                memberIds.addAll(g.members.keySet());
            }
            Map<SymbolNumber, Household> existing = registry.findAll(symbols);
            Map<MemberId, SymbolNumber> owners = registry.householdsOf(memberIds);
            Map<SymbolNumber, Group> earlier = new HashMap<>();
            Map<MemberId, SymbolNumber> listed = new HashMap<>();
            List<Household> writes = new ArrayList<>();
            for (Group g : batch) {
                boolean ok = true;
                for (Map.Entry<MemberId, Member> m : g.members.entrySet()) {
                    SymbolNumber twice = listed.get(m.getKey());
                    if (twice != null) {
                        f.fail(g.lines.get(m.getKey()), Refusal.FIELD_MEMBER, "member " + m.getKey()
                                + " is listed for household " + twice + " too");
                        ok = false;
                        continue;
                    }
                    SymbolNumber owner = owners.get(m.getKey());
                    if (owner == null || owner.equals(g.symbol)) {
                        continue;
                    }
                    Group before = earlier.get(owner);
                    if (before != null && !before.members.containsKey(m.getKey())) {
                        continue; // moves from a household replaced earlier in this batch
                    }
                    f.fail(g.lines.get(m.getKey()), Refusal.FIELD_MEMBER, "member " + m.getKey()
                            + " belongs to household " + owner + " (on record or earlier in this file);"
                            + " a member moving households needs the old household earlier in the file, without it");
                    ok = false;
                }
                earlier.put(g.symbol, g);
                g.members.keySet().forEach(id -> listed.put(id, g.symbol));
                if (!ok) {
                    continue;
                }
                Household old = existing.get(g.symbol);
                Household now = new Household(g.symbol, old == null ? Optional.empty() : old.branchNumber(),
                        old == null ? Optional.empty() : old.address(), new ArrayList<>(g.members.values()));
                if (old == null) {
                    added++;
                    writes.add(now);
                } else if (old.equals(now)) {
                    unchanged++;
                } else {
                    changed++;
                    writes.add(now);
                }
            }
            batch.clear();
            // written even after a bad row, so that later rows are checked against what the file means;
            // the unit of work rolls it all back at the end
            registry.putAll(writes);
        }
    }

    /** The members of one household as read, in file order, with their lines. */
    private static final class Group {
        final SymbolNumber symbol;
        final long firstLine;
        final Map<MemberId, Member> members = new LinkedHashMap<>();
        final Map<MemberId, Long> lines = new HashMap<>();
        boolean bad;

        Group(SymbolNumber symbol, long firstLine) {
            this.symbol = symbol;
            this.firstLine = firstLine;
        }

        void add(Member m, long line) {
            members.put(m.id(), m);
            lines.put(m.id(), line);
        }
    }
}
