package io.github.kenshinbooking.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.LineError;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.exchange.ImportReport;
import io.github.kenshinbooking.exchange.MemberRow;
import io.github.kenshinbooking.exchange.SlotRow;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.policy.DataExchangePolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.HouseholdRegistry;
import io.github.kenshinbooking.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * DATA-2 and DATA-3 all or nothing, as properties over generated files on the adapter under test: a
 * file whose rows are each valid or spoilt in one field (a control character, malformed UTF-16, an
 * impossible date or number, a missing value) either is written whole, when no row is spoilt, or
 * changes nothing and answers {@code IMPORT_INVALID} reporting exactly the spoilt rows' lines. Batches
 * of 2 households, so that a spoilt row after a written batch must still undo it. Extend it with the
 * adapter's storage and registry factories; each try starts from a fresh storage holding one slot and
 * one household.
 */
public abstract class ImportProperties {
    private static final UnionPolicy POLICY = UnionPolicy.builder().exchange(new DataExchangePolicy(5, 1000, 2)).build();
    private static final LocalDate FROM = LocalDate.of(2024, 4, 1);
    private static final LocalDate TO = LocalDate.of(2025, 4, 1);
    private static final Household ON_RECORD = Household.of(SymbolNumber.of("100"), List.of(new Member(
            MemberId.of("100-0"), KanaName.of("ｷｿﾞﾝ"), "既存", LocalDate.of(1960, 1, 1), Sex.F, LocalDate.of(2000, 4, 1),
            Optional.empty(), true)));

    /** Creates the properties. */
    protected ImportProperties() {
    }

    /**
     * A new, empty storage of the adapter under test; called once per try.
     *
     * @return a storage holding nothing
     */
    protected abstract Storage createStorage();

    /**
     * The adapter's writable member records over (or beside) the storage, empty.
     *
     * @param storage the storage just created
     * @return an empty registry
     */
    protected abstract HouseholdRegistry createRegistry(Storage storage);

    /** How a generated row is spoilt, if at all. */
    enum Spoil {
        NONE, CONTROL, LONE_SURROGATE, BAD_DATE, BAD_NUMBER, MISSING
    }

    @Provide
    Arbitrary<List<Spoil>> rows() {
        Arbitrary<Spoil> spoil = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Spoil.NONE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Spoil.CONTROL, Spoil.LONE_SURROGATE, Spoil.BAD_DATE,
                        Spoil.BAD_NUMBER, Spoil.MISSING)));
        return spoil.list().ofMinSize(1).ofMaxSize(12);
    }

    private KenshinBooking engine(Storage storage, HouseholdRegistry registry) {
        return KenshinBooking.builder().storage(storage).directory(registry).policy(POLICY)
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1)).build();
    }

    @Property(tries = 60)
    @Label("DATA-2 a slot file with spoilt rows adds nothing and reports exactly their lines; without, adds every row")
    void slotImportIsAllOrNothing(@ForAll("rows") List<Spoil> spoils) throws Exception {
        Storage storage = createStorage();
        KenshinBooking engine = engine(storage, createRegistry(storage));
        Slot existing = storage.slots().add(new SlotSpec(Venue.of("既存会場"), "機関", LocalDate.of(2024, 5, 1),
                LocalTime.of(9, 0), Duration.ofMinutes(30), 3, Instant.parse("2024-01-01T00:00:00Z")));
        List<SlotRow> rows = new ArrayList<>();
        Set<Long> spoilt = new TreeSet<>();
        for (int i = 0; i < spoils.size(); i++) {
            long line = i + 2;
            String venue = "会場" + i;
            String date = "2024-06-" + (10 + i);
            String capacity = "10";
            switch (spoils.get(i)) {
                case CONTROL -> venue = "会場\u0007" + i;
                case LONE_SURROGATE -> venue = "会場\uD800";
                case BAD_DATE -> date = "2024-06-31";
                case BAD_NUMBER -> capacity = "十";
                case MISSING -> venue = " ";
                default -> { }
            }
            if (spoils.get(i) != Spoil.NONE) {
                spoilt.add(line);
            }
            rows.add(new SlotRow(line, venue, "那珂川健診センター", date, "9:00", "30", capacity, "2024-04-01 09:00"));
        }

        if (spoilt.isEmpty()) {
            ImportReport report = engine.exchange().importSlots(rows.iterator());
            assertThat(report.added()).isEqualTo(rows.size());
            assertThat(storage.slots().findBetween(Optional.empty(), FROM, TO)).hasSize(rows.size() + 1);
        } else {
            Refusal r = catchThrowableOfType(Refusal.class, () -> engine.exchange().importSlots(rows.iterator()));
            assertThat(r.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
            Set<Long> reported = r.lineErrors().stream().map(LineError::line)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(reported).isEqualTo(spoilt);
            assertThat(storage.slots().findBetween(Optional.empty(), FROM, TO)).containsExactly(existing);
        }
    }

    @Property(tries = 60)
    @Label("DATA-3 a member file with spoilt rows changes nothing and reports exactly their lines; without, writes every household")
    void memberImportIsAllOrNothing(@ForAll("rows") List<Spoil> spoils,
            @ForAll("householdSizes") List<Integer> sizes) throws Exception {
        Storage storage = createStorage();
        HouseholdRegistry registry = createRegistry(storage);
        KenshinBooking engine = engine(storage, registry);
        registry.putAll(List.of(ON_RECORD));
        List<MemberRow> rows = new ArrayList<>();
        Set<Long> spoilt = new TreeSet<>();
        List<SymbolNumber> symbols = new ArrayList<>(List.of(ON_RECORD.symbolNumber()));
        int row = 0;
        // household "100" first: it replaces the one on record
        for (int h = 0; h < sizes.size(); h++) {
            String symbol = Integer.toString(100 + h);
            symbols.add(SymbolNumber.of(symbol));
            for (int m = 0; m < sizes.get(h); m++) {
                long line = row + 2;
                Spoil spoil = spoils.get(row % spoils.size());
                String id = symbol + "-" + m;
                String kana = "ｶﾆﾕｳ " + m;
                String name = "加入 " + m;
                String birth = "1970-01-0" + (m + 1);
                switch (spoil) {
                    case CONTROL -> kana = "ｶﾆﾕｳ\u0000";
                    case LONE_SURROGATE -> name = "加入\uDC00";
                    case BAD_DATE -> birth = "1970-13-01";
                    case BAD_NUMBER -> id = "x".repeat(MemberId.MAX_LENGTH + 1);
                    case MISSING -> id = "";
                    default -> { }
                }
                if (spoil != Spoil.NONE) {
                    spoilt.add(line);
                }
                rows.add(new MemberRow(line, symbol, id, kana, name, birth, m % 2 == 0 ? "M" : "F", "2000-04-01", "",
                        m == 0 ? "1" : "0"));
                row++;
            }
        }
        Map<SymbolNumber, Household> before = registry.findAll(symbols);

        if (spoilt.isEmpty()) {
            ImportReport report = engine.exchange().importMembers(rows.iterator());
            assertThat(report.rows()).isEqualTo(rows.size());
            assertThat(report.added() + report.changed() + report.unchanged()).isEqualTo(sizes.size());
            assertThat(registry.findAll(symbols)).hasSize(sizes.size());
            assertThat(engine.exchange().importMembers(rows.iterator()).changedNothing()).isTrue();
        } else {
            Refusal r = catchThrowableOfType(Refusal.class, () -> engine.exchange().importMembers(rows.iterator()));
            assertThat(r.code()).isEqualTo(ErrorCode.IMPORT_INVALID);
            Set<Long> reported = r.lineErrors().stream().map(LineError::line)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(reported).isEqualTo(spoilt);
            assertThat(registry.findAll(symbols)).isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<List<Integer>> householdSizes() {
        return Arbitraries.integers().between(1, 3).list().ofMinSize(1).ofMaxSize(5);
    }
}
