package io.github.kenshinbooking.web;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.account.EmailAddress;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.eligibility.AgeRange;
import io.github.kenshinbooking.eligibility.Course;
import io.github.kenshinbooking.eligibility.CourseCatalog;
import io.github.kenshinbooking.eligibility.CourseId;
import io.github.kenshinbooking.eligibility.ExamOption;
import io.github.kenshinbooking.eligibility.ExclusiveGroup;
import io.github.kenshinbooking.eligibility.OptionId;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.staff.StaffMember;
import io.github.kenshinbooking.staff.StaffRole;
import io.github.kenshinbooking.jdbc.JdbcHouseholdDirectory;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.ReceptionClosing;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * The manual's union on a fresh database: the 建設 household in its first login (initial password
 * {@code kenren19600210}), the 梅田 household that set its own password and an e-mail (for the reset flow),
 * three venues with slots from three to eight weeks ahead whose reception opened yesterday, and the staff
 * console's administrator {@code admin} / {@code kanri2024} and staff member {@code tanto} / {@code tanto2024}.
 * Beyond the manual: the courses and optional tests of {@link #catalog()}, offered by the slots four weeks
 * ahead with a few places each (OPT-2), and one slot five weeks ahead whose one place the 町田 household
 * holds, so its waiting list (キャンセル待ち) can be joined.
 */
@Component
@ConditionalOnBooleanProperty(name = "kenshin.web.demo.enabled", matchIfMissing = true)
class DemoData implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** The household of the manual's example card, still on its initial password. */
    static final String KENSETSU = "1999999";
    /** Its representative's kana (半角カナ, as typed at login). */
    static final String KENSETSU_KANA = "ｹﾝｾﾂ ﾀﾛｳ";
    /** The initial password: prefix and the representative's birth date (AUTH-3). */
    static final String KENSETSU_PASSWORD = "kenren19600210";
    /** A household that already set its password and e-mail. */
    static final String UMEDA = "1888888";
    static final String UMEDA_KANA = "ｳﾒﾀﾞ ｳﾒ";
    static final String UMEDA_PASSWORD = "umeume2024";
    static final String UMEDA_EMAIL = "ume@example.jp";
    /** The staff console's administrator (職員画面, /staff). */
    static final String STAFF_ADMIN = "admin";
    static final String STAFF_ADMIN_PASSWORD = "kanri2024";
    /** A staff member without the administrator's role. */
    static final String STAFF_CLERK = "tanto";
    static final String STAFF_CLERK_PASSWORD = "tanto2024";
    /** A household whose member holds the one place of the full demo slot (キャンセル待ち). */
    static final String MACHIDA = "1777777";
    static final String MACHIDA_KANA = "ﾏﾁﾀﾞ ｲﾁﾛｳ";
    static final String MACHIDA_PASSWORD = "machi2024";
    static final String MACHIDA_EMAIL = "machi@example.jp";
    /** The courses (CRS-1). */
    static final CourseId CANCER_SET = CourseId.of("cancer-set");
    /** The optional tests (OPT-1): 胃部X線 and 胃内視鏡 exclude each other. */
    static final OptionId STOMACH_XRAY = OptionId.of("stomach-xray");
    static final OptionId GASTROSCOPY = OptionId.of("gastroscopy");
    static final OptionId MAMMOGRAPHY = OptionId.of("mammography");
    static final OptionId COLON = OptionId.of("colon");
    /** The venue of the slot full from the start, on the fifth Sunday ahead at 11:00 with one place. */
    static final String FULL_VENUE = "建設会館 別館";

    @Autowired private KenshinBooking engine;
    @Autowired private JdbcHouseholdDirectory directory;
    @Autowired private Storage storage;
    @Autowired private PasswordHasher hasher;
    @Autowired private Environment environment;

    @Override
    public void run(ApplicationArguments args) throws Refusal {
        if (directory.find(SymbolNumber.of(KENSETSU)).isPresent()) {
            return; // a demo database from an earlier run
        }
        directory.put(new Household(SymbolNumber.of(KENSETSU), Optional.of("01"),
                Optional.of("東京都港区西新橋1-6-11 西新橋光和ビル6F"),
                List.of(member("1999999-01", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", "1960-02-10", Sex.M, "1990-03-01", true),
                        member("1999999-02", "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", "1964-08-03", Sex.F, "1999-06-02", false),
                        member("1999999-03", "ｹﾝｾﾂ ｼﾞﾛｳ", "建設 次郎", "1998-06-03", Sex.M, "2022-04-15", false))));
        directory.put(Household.of(SymbolNumber.of(UMEDA), List.of(
                member("1888888-01", UMEDA_KANA, "梅田 うめ", "1958-05-05", Sex.F, "1980-04-01", true),
                member("1888888-02", "ｳﾒﾀﾞ ﾏﾂｵ", "梅田 松男", "1957-01-20", Sex.M, "1980-04-01", false))));
        Account umeda = Account.initial(SymbolNumber.of(UMEDA)).withPasswordHash(hasher.hash(UMEDA_PASSWORD))
                .withEmail(Optional.of(EmailAddress.parse(UMEDA_EMAIL)));
        directory.put(Household.of(SymbolNumber.of(MACHIDA), List.of(
                member("1777777-01", MACHIDA_KANA, "町田 一郎", "1965-07-07", Sex.M, "1990-04-01", true),
                member("1777777-02", "ﾏﾁﾀﾞ ｻﾁｺ", "町田 幸子", "1967-09-09", Sex.F, "1992-04-01", false))));
        Account machida = Account.initial(SymbolNumber.of(MACHIDA)).withPasswordHash(hasher.hash(MACHIDA_PASSWORD))
                .withEmail(Optional.of(EmailAddress.parse(MACHIDA_EMAIL)));
        storage.unitOfWork().execute(() -> {
            storage.accounts().save(umeda);
            storage.accounts().save(machida);
            return null;
        });
        Instant opened = engine.clock().instant().minus(1, ChronoUnit.DAYS);
        LocalDate today = LocalDate.now(engine.clock());
        List<String[]> venues = List.of(new String[] {"ミリカローデン那珂川", "ヘルスポートクリニック"},
                new String[] {"建設会館", "新橋健診センター"}, new String[] {"大阪府建設会館", "ヘルスポートクリニック"});
        for (int week = 3; week <= 8; week++) {
            LocalDate sunday = today.plusWeeks(week).with(java.time.temporal.TemporalAdjusters.nextOrSame(
                    java.time.DayOfWeek.SUNDAY));
            String[] venue = venues.get(week % venues.size());
            for (LocalTime start = LocalTime.of(9, 0); start.isBefore(LocalTime.of(11, 0)); start = start.plusMinutes(30)) {
                int capacity = start.getHour() == 10 && start.getMinute() == 30 ? 2 : 10;
                SlotSpec spec = new SlotSpec(Venue.of(venue[0]), venue[1], sunday, start, Duration.ofMinutes(30),
                        capacity, opened);
                if (week == OPTIONS_WEEK) { // every course; OPT-2: a few places of each test, one 胃内視鏡 a slot
                    spec = spec.withOption(STOMACH_XRAY, 3).withOption(GASTROSCOPY, 1).withOption(MAMMOGRAPHY, 4)
                            .withOption(COLON, 5);
                } else { // the manual's slots: its one course, no choice on the booking form
                    spec = spec.withCourses(java.util.Set.of(CourseId.DEFAULT));
                }
                engine.schedule().addSlot(spec);
            }
        }
        StaffMember admin = engine.staffAccounts().bootstrapAdmin(STAFF_ADMIN, "組合 管理者", STAFF_ADMIN_PASSWORD);
        engine.staffAccounts().create(admin.id(), "デモ用の職員アカウント", STAFF_CLERK, "健診 担当", StaffRole.STAFF,
                STAFF_CLERK_PASSWORD);
        // the full slot: its one place booked by 町田 一郎 at the union's counter
        Slot full = engine.schedule().addSlot(new SlotSpec(Venue.of(FULL_VENUE), "新橋健診センター", fullSlotDate(engine),
                LocalTime.of(11, 0), Duration.ofMinutes(30), 1, opened).withCourses(java.util.Set.of(CourseId.DEFAULT)));
        engine.staff().book(admin.id(), "デモ用の満席の枠", BookingRequest.of(MemberId.of("1777777-01"), full.id(),
                "03-1234-5678", true), ReceptionClosing.ENFORCED);
        LOG.info("demo data loaded: 3 households, 4 venues, 25 slots (one full), 2 staff accounts, {} courses, {} tests",
                catalog().courses().size(), catalog().options().size());
    }

    /** The week ahead whose slots offer the optional tests. */
    static final int OPTIONS_WEEK = 4;

    /** The date of the slot full from the start: the fifth Sunday ahead. */
    static LocalDate fullSlotDate(KenshinBooking engine) {
        return LocalDate.now(engine.clock()).plusWeeks(5).with(java.time.temporal.TemporalAdjusters.nextOrSame(
                java.time.DayOfWeek.SUNDAY));
    }

    /** The date of the slots offering the optional tests. */
    static LocalDate optionsDate(KenshinBooking engine) {
        return LocalDate.now(engine.clock()).plusWeeks(OPTIONS_WEEK).with(java.time.temporal.TemporalAdjusters
                .nextOrSame(java.time.DayOfWeek.SUNDAY));
    }

    /**
     * RULES-2's example courses and tests (CRS-1, OPT-1): 特定健診 (the default) and 特定健診＋がん検診セット;
     * 胃部X線 or 胃内視鏡 (one of the two, 胃内視鏡 from 50 and with the set only), マンモグラフィ for women
     * from 40 every other year (隔年), 大腸がん from 40.
     */
    static CourseCatalog catalog() {
        AgeRange from40 = AgeRange.of(40, 75);
        ExclusiveGroup stomach = ExclusiveGroup.of("stomach");
        return CourseCatalog.builder()
                .course(Course.of(CANCER_SET, "特定健診＋がん検診セット"))
                .option(ExamOption.of(STOMACH_XRAY, "胃部X線").forAges(from40).inGroup(stomach))
                .option(ExamOption.of(GASTROSCOPY, "胃内視鏡").forAges(AgeRange.of(50, 75)).inGroup(stomach)
                        .requiringCourse(java.util.Set.of(CANCER_SET)))
                .option(ExamOption.of(MAMMOGRAPHY, "マンモグラフィ").forSex(Sex.F).forAges(from40).withInterval(1))
                .option(ExamOption.of(COLON, "大腸がん").forAges(from40))
                .build();
    }

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        String port = environment.getProperty("local.server.port", "8080");
        String url = "http://localhost:" + port + "/";
        System.out.println();
        System.out.println("集団特定健診 WEB予約システム (デモ) が起動しました: " + url);
        System.out.println("  初回ログイン: 記号番号 " + KENSETSU + " / 組合員フリガナ " + KENSETSU_KANA
                + " / パスワード " + KENSETSU_PASSWORD);
        System.out.println("  2回目以降:   記号番号 " + UMEDA + " / 組合員フリガナ " + UMEDA_KANA
                + " / パスワード " + UMEDA_PASSWORD + " (メール " + UMEDA_EMAIL + ")");
        System.out.println("  満席の枠の予約者: 記号番号 " + MACHIDA + " / 組合員フリガナ " + MACHIDA_KANA
                + " / パスワード " + MACHIDA_PASSWORD + " (メール " + MACHIDA_EMAIL + ")");
        System.out.println("  職員画面:     " + url + "staff/  職員ID " + STAFF_ADMIN + " / パスワード "
                + STAFF_ADMIN_PASSWORD + " (管理者), " + STAFF_CLERK + " / " + STAFF_CLERK_PASSWORD + " (職員)");
        System.out.println("  デモ用メールボックス: " + url + "demo/mails");
        System.out.println();
    }

    private static Member member(String id, String kana, String name, String birth, Sex sex, String qualified,
            boolean representative) {
        return new Member(MemberId.of(id), KanaName.of(kana), name, LocalDate.parse(birth), sex,
                LocalDate.parse(qualified), Optional.empty(), representative);
    }
}
