package io.github.kenshinbooking.web;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.PasswordHash;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The rush bench's households and slots ({@link WebProperties.Rush}), added to the demo when
 * {@code kenshin.web.demo.rush.households} is above 0: households that set their own password, as on the
 * morning reception opens, and one venue whose slots hold fewer places than there are households; and on the
 * day after, one slot with room for every household, open already, where the bench warms the site up.
 */
@Component
@ConditionalOnBooleanProperty(name = "kenshin.web.demo.enabled", matchIfMissing = true)
class RushData implements SmartInitializingSingleton {
    private static final Logger LOG = LoggerFactory.getLogger(RushData.class);
    static final String VENUE = "ラッシュ会場";
    /** The manual's one course: the booking form shows no choice, as the bench expects (CRS-1). */
    private static final java.util.Set<CourseId> DEFAULT_COURSE = java.util.Set.of(CourseId.DEFAULT);

    private final WebProperties.Rush rush;
    private final KenshinBooking engine;
    private final JdbcHouseholdDirectory directory;
    private final Storage storage;
    private final PasswordHasher hasher;

    RushData(WebProperties properties, KenshinBooking engine, JdbcHouseholdDirectory directory, Storage storage,
            PasswordHasher hasher) {
        this.rush = properties.demo().rush();
        this.engine = engine;
        this.directory = directory;
        this.storage = storage;
        this.hasher = hasher;
    }

    /**
     * Loads the data before the web server starts (Spring starts it after every singleton is ready): a runner
     * ran while the site already answered, so the bench's warm-up logged in as households not there yet.
     */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            load();
        } catch (Refusal r) {
            throw new IllegalStateException("rush data refused: " + r.getMessage(), r);
        }
    }

    private void load() throws Refusal {
        if (rush.households() <= 0
                || directory.find(SymbolNumber.of(Integer.toString(WebProperties.Rush.FIRST_SYMBOL_NUMBER))).isPresent()) {
            return;
        }
        // one hash for all: the bench measures verifying it at login, not hashing it at start-up
        PasswordHash hash = hasher.hash(WebProperties.Rush.PASSWORD);
        for (int i = 0; i < rush.households(); i++) {
            String symbol = Integer.toString(WebProperties.Rush.FIRST_SYMBOL_NUMBER + i);
            directory.put(Household.of(SymbolNumber.of(symbol), List.of(new Member(MemberId.of(symbol + "-01"),
                    KanaName.of(WebProperties.Rush.KANA), "ラッシュ 太郎", LocalDate.of(1970, 1, 1), Sex.M,
                    LocalDate.of(2000, 4, 1), Optional.empty(), true))));
            Account account = Account.initial(SymbolNumber.of(symbol)).withPasswordHash(hash)
                    .withEmail(Optional.of(EmailAddress.parse("rush" + symbol + "@example.jp")));
            storage.unitOfWork().execute(() -> {
                storage.accounts().save(account);
                return null;
            });
        }
        LocalDate date = rush.date() != null ? rush.date() : LocalDate.now(engine.clock()).plusWeeks(4);
        Instant opens = rush.opensAt() != null ? rush.opensAt() : engine.clock().instant().plusSeconds(60);
        LocalTime start = LocalTime.of(9, 0);
        for (int s = 0; s < rush.slots(); s++, start = start.plusMinutes(30)) {
            // the places spread as evenly as they divide: the first slots take the remainder
            int capacity = rush.places() / rush.slots() + (s < rush.places() % rush.slots() ? 1 : 0);
            engine.schedule().addSlot(new SlotSpec(Venue.of(VENUE), "ヘルスポートクリニック", date, start,
                    Duration.ofMinutes(30), capacity, opens).withCourses(DEFAULT_COURSE));
        }
        // the bench's warm-up books and cancels here, the day after, with reception open already
        engine.schedule().addSlot(new SlotSpec(Venue.of(VENUE), "ヘルスポートクリニック", date.plusDays(1), LocalTime.of(9, 0),
                Duration.ofMinutes(30), rush.households(), engine.clock().instant()).withCourses(DEFAULT_COURSE));
        LOG.info("rush data loaded: {} households from {}, {} places in {} slots on {}, reception opens at {}",
                rush.households(), WebProperties.Rush.FIRST_SYMBOL_NUMBER, rush.places(), rush.slots(), date, opens);
    }
}
