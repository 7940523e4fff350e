package io.github.kenshinbooking;

import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.observation.EngineObserver;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.threeten.extra.MutableClock;

/**
 * The manual's household and venue on an in-memory engine, for core tests. Taro (1960-02-10,
 * representative), Hanako (1964-08-03) and Jiro (1998-06-03, under 40) of household 1999999; the
 * venue ミリカローデン那珂川 with reception opening 2023-12-01 00:00.
 */
public final class Fixtures {
    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final SymbolNumber SYMBOL = SymbolNumber.of("1999999");
    public static final MemberId TARO = MemberId.of("1999999-01");
    public static final MemberId HANAKO = MemberId.of("1999999-02");
    public static final MemberId JIRO = MemberId.of("1999999-03");
    public static final SymbolNumber OTHER_SYMBOL = SymbolNumber.of("1888888");
    public static final MemberId UME = MemberId.of("1888888-01");
    public static final Venue VENUE = Venue.of("ミリカローデン那珂川");
    public static final String TARO_KANA = "ｹﾝｾﾂ ﾀﾛｳ";
    public static final String PASSWORD = "sakura2024";
    public static final String PHONE = "090-1234-5678";

    public final UnionPolicy policy;
    public final MutableClock clock;
    public final InMemoryStorage storage = new InMemoryStorage();
    public final InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
    public final KenshinBooking engine;

    public Fixtures() {
        this(UnionPolicy.defaults());
    }

    public Fixtures(UnionPolicy policy) {
        this(policy, EngineObserver.NONE);
    }

    /** The fixtures with an observer on the engine. */
    public Fixtures(UnionPolicy policy, EngineObserver observer) {
        this(policy, observer, io.github.kenshinbooking.eligibility.CourseCatalog.none());
    }

    /** The fixtures with the union's courses and optional tests (CRS-1, OPT-1). */
    public Fixtures(io.github.kenshinbooking.eligibility.CourseCatalog courses) {
        this(UnionPolicy.defaults(), EngineObserver.NONE, courses);
    }

    private Fixtures(UnionPolicy policy, EngineObserver observer,
            io.github.kenshinbooking.eligibility.CourseCatalog courses) {
        this.policy = policy;
        this.clock = MutableClock.of(instant(LocalDateTime.of(2024, 1, 10, 10, 0)), policy.zone());
        directory.put(new Household(SYMBOL, Optional.of("27"), Optional.of("大阪府"), List.of(
                member(TARO, TARO_KANA, "建設 太郎", LocalDate.of(1960, 2, 10), Sex.M, true, LocalDate.of(1990, 3, 1)),
                member(HANAKO, "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", LocalDate.of(1964, 8, 3), Sex.F, false,
                        LocalDate.of(1999, 6, 2)),
                member(JIRO, "ｹﾝｾﾂ ｼﾞﾛｳ", "建設 次郎", LocalDate.of(1998, 6, 3), Sex.M, false,
                        LocalDate.of(2022, 4, 15)))));
        directory.put(Household.of(OTHER_SYMBOL, List.of(
                member(UME, "ｳﾒﾀﾞ ｳﾒ", "梅田 うめ", LocalDate.of(1950, 5, 5), Sex.F, true, LocalDate.of(1980, 4, 1)))));
        this.engine = KenshinBooking.builder().policy(policy).clock(clock).storage(storage).directory(directory)
                .passwordHasher(Pbkdf2PasswordHasher.insecureForTests(1_000)).observer(observer).courses(courses).build();
    }

    public static Member member(MemberId id, String kana, String name, LocalDate birth, Sex sex, boolean rep,
            LocalDate from) {
        return new Member(id, KanaName.of(kana), name, birth, sex, from, Optional.empty(), rep);
    }

    /** A slot at the manual's venue; reception opens 2023-12-01 00:00 Tokyo. */
    /** A local date-time of the policy's zone as an instant, e.g. to set the clock to. */
    public Instant instant(LocalDateTime local) {
        return local.atZone(policy.zone()).toInstant();
    }

    public Slot slot(LocalDate date, LocalTime start, int capacity) {
        try {
            return engine.schedule().addSlot(new SlotSpec(VENUE, "ヘルスポートクリニック", date, start,
                    Duration.ofMinutes(30), capacity, LocalDateTime.of(2023, 12, 1, 0, 0).atZone(policy.zone()).toInstant()));
        } catch (Refusal e) {
            throw new AssertionError(e);
        }
    }

    /** Household 1999999 past first login, with the password {@link #PASSWORD} and e-mail taro@example.jp. */
    public HouseholdSession activeSession() {
        try {
            HouseholdSession s = engine.logins().login(SYMBOL.value(), TARO_KANA, "kenren19600210").session();
            engine.passwords().changePassword(s, TARO, "kenren19600210", PASSWORD, PASSWORD);
            engine.emails().setEmail(s, TARO, "taro@example.jp", "taro@example.jp");
            return s;
        } catch (Refusal e) {
            throw new AssertionError(e);
        }
    }

    /** Household 1888888 past first login, without e-mail. */
    public HouseholdSession otherSession() {
        try {
            HouseholdSession s = engine.logins().login(OTHER_SYMBOL.value(), "ｳﾒﾀﾞ ｳﾒ", "kenren19500505").session();
            engine.passwords().changePassword(s, UME, "kenren19500505", "ume2024ok", "ume2024ok");
            return s;
        } catch (Refusal e) {
            throw new AssertionError(e);
        }
    }

    public static BookingRequest request(MemberId member, Slot slot) {
        return BookingRequest.of(member, slot.id(), PHONE, true);
    }

    public long outboxCount(NotificationKind kind) {
        return storage.outbox().pending().stream().filter(e -> e.notification().kind() == kind).count();
    }
}
