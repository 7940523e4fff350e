package io.github.kenshinbooking.testkit.contract;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.audit.AuditAction;
import io.github.kenshinbooking.audit.AuditQuery;
import io.github.kenshinbooking.audit.AuditRecord;
import io.github.kenshinbooking.exchange.MemberRow;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.policy.DataExchangePolicy;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.storage.HouseholdRegistry;
import io.github.kenshinbooking.storage.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.threeten.extra.MutableClock;

/**
 * What the data exchange contracts (DATA-1..DATA-4) share: besides a fresh storage, the adapter's
 * writable member records over it and an engine over both, on a clock the test moves, with batches of
 * 2 so that every test crosses a batch boundary.
 */
public abstract class DataExchangeSupport extends StorageContractSupport {
    /** The policy of the contracts' engine: the defaults, with batches of 2 and 5 errors reported. */
    protected static final UnionPolicy POLICY = UnionPolicy.builder()
            .exchange(new DataExchangePolicy(5, 5, 2)).build();

    /** The member records under test, fresh for each test. */
    protected HouseholdRegistry registry;
    /** The engine's clock, at {@link #T0} before each test. */
    protected MutableClock clock;
    /** The engine over {@link #storage} and {@link #registry}. */
    protected KenshinBooking engine;

    /**
     * The adapter's writable member records over the storage's database (or beside it, in memory);
     * called before each test, after {@link #createStorage()}.
     *
     * @param storage the storage just created
     * @return an empty registry, not shared with any returned before
     */
    protected abstract HouseholdRegistry createRegistry(Storage storage);

    @BeforeEach
    void freshEngine() {
        registry = createRegistry(storage);
        clock = MutableClock.of(T0, TOKYO);
        engine = KenshinBooking.builder().storage(storage).directory(registry).clock(clock).policy(POLICY)
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1)).build();
    }

    /**
     * A member born 1970-05-05, qualified since 2000-04-01 without end.
     *
     * @param id the member id
     * @param kana the kana name
     * @param name the kanji name
     * @param sex the sex
     * @param representative whether the representative
     * @return the member
     */
    protected static Member member(String id, String kana, String name, Sex sex, boolean representative) {
        return new Member(MemberId.of(id), KanaName.of(kana), name, LocalDate.of(1970, 5, 5), sex,
                LocalDate.of(2000, 4, 1), Optional.empty(), representative);
    }

    /**
     * The household of {@link #HOUSEHOLD}: 建設 太郎 ({@link #TARO}, representative) and 建設 花子 ({@link #HANAKO}).
     *
     * @return the household
     */
    protected static Household kensetsu() {
        return Household.of(HOUSEHOLD, List.of(member(TARO.value(), "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", Sex.M, true),
                member(HANAKO.value(), "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", Sex.F, false)));
    }

    /**
     * The household of {@link #OTHER_HOUSEHOLD}: 髙﨑 次郎 ({@link #JIRO}, representative).
     *
     * @return the household
     */
    protected static Household takasaki() {
        return Household.of(OTHER_HOUSEHOLD, List.of(member(JIRO.value(), "ﾀｶｻｷ ｼﾞﾛｳ", "髙﨑 次郎", Sex.M, true)));
    }

    /**
     * An import row of a member as {@link #member} makes it.
     *
     * @param line the line
     * @param symbol the household
     * @param id the member id
     * @param kana the kana name
     * @param name the kanji name
     * @param representative {@code "1"} or {@code "0"}
     * @return the row
     */
    protected static MemberRow row(long line, String symbol, String id, String kana, String name, String representative) {
        return new MemberRow(line, symbol, id, kana, name, "1970-05-05", "M", "2000-04-01", "", representative);
    }

    /**
     * The audit records of one action since the epoch, in time order.
     *
     * @param action the action
     * @return its records
     */
    protected List<AuditRecord> audit(AuditAction action) {
        List<AuditRecord> out = new ArrayList<>();
        storage.audit().forEach(AuditQuery.period(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                .byAction(action), e -> out.add(e.record()));
        return out;
    }

    /**
     * A symbol number's household as the registry holds it.
     *
     * @param symbol the symbol number
     * @return the household, or empty
     */
    protected Optional<Household> onRecord(SymbolNumber symbol) {
        return registry.find(symbol);
    }

    /**
     * Moves the engine's clock.
     *
     * @param instant the new instant
     */
    protected void at(Instant instant) {
        clock.setInstant(instant);
    }
}
