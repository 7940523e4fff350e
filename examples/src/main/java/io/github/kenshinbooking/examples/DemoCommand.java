package io.github.kenshinbooking.examples;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.account.Account;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.LoginResult;
import io.github.kenshinbooking.account.PasswordHasher;
import io.github.kenshinbooking.account.Pbkdf2PasswordHasher;
import io.github.kenshinbooking.eligibility.JapaneseAge;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.error.RefusalMessages;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.MemberId;
import io.github.kenshinbooking.household.Sex;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.mail.CapturingMailSender;
import io.github.kenshinbooking.mail.MailMessage;
import io.github.kenshinbooking.mail.MailRenderer;
import io.github.kenshinbooking.mail.OutboxRelay;
import io.github.kenshinbooking.mail.RelayPolicy;
import io.github.kenshinbooking.memory.InMemoryHouseholdDirectory;
import io.github.kenshinbooking.policy.UnionPolicy;
import io.github.kenshinbooking.reservation.BookingConfirmation;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.HistoryEntry;
import io.github.kenshinbooking.reservation.HistoryFilter;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.ReservationStatus;
import io.github.kenshinbooking.schedule.CalendarDay;
import io.github.kenshinbooking.schedule.DeadlineKind;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotAvailability;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.SlotStatus;
import io.github.kenshinbooking.schedule.Venue;
import io.github.kenshinbooking.storage.Storage;
import java.io.PrintStream;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.threeten.extra.MutableClock;

/**
 * {@code demo}: part I to III of the union's manual (2024-03 edition) told in the terminal with the
 * real engine: first login with the initial password, a new password, the e-mail, the month
 * calendar (○△×, 残りN名), bookings for two family members (続けて予約), a refusal for a member
 * outside the age range, a change, a cancel, the history, the day-before reminder and every mail
 * as rendered. Time is a demo clock; passwords are hashed at a low PBKDF2 cost to keep it quick.
 */
final class DemoCommand {
    private static final UnionPolicy POLICY = UnionPolicy.defaults();
    private static final Venue VENUE = Venue.of("ミリカローデン那珂川");
    private static final String INSTITUTION = "ヘルスポートクリニック";
    private static final String EMAIL = "taro@example.jp";
    private static final String PHONE = "090-1234-5678";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Why a refusal happened, in the manual's words, with the policy's numbers (the library's bundle). */
    private static final RefusalMessages WHY = RefusalMessages.defaults(POLICY);

    private final StorageTarget target;
    private final PrintStream out;
    private final MutableClock clock =
            MutableClock.of(LocalDateTime.of(2024, 1, 5, 9, 0).atZone(POLICY.zone()).toInstant(), POLICY.zone());
    private final CapturingMailSender mailbox = new CapturingMailSender();
    private final Map<String, Slot> slots = new HashMap<>();
    private KenshinBooking engine;
    private OutboxRelay relay;
    private int announcedMails;

    DemoCommand(StorageTarget target, PrintStream out) {
        this.target = requireNonNull(target, "target");
        this.out = requireNonNull(out, "out");
    }

    int run() {
        try {
            setUp();
            story();
            return Main.OK;
        } catch (Refusal r) {
            out.println("デモが想定外に拒否されました: " + r.getMessage());
            return Main.FAILED;
        }
    }

    // ---- the union's data before the story --------------------------------------------------------

    private static final SymbolNumber KENSETSU = SymbolNumber.of("1999999");
    private static final MemberId TARO = MemberId.of("1999999-01");
    private static final MemberId HANAKO = MemberId.of("1999999-02");
    private static final MemberId JIRO = MemberId.of("1999999-03");

    private void setUp() throws Refusal {
        UnionPolicy policy = POLICY;
        InMemoryHouseholdDirectory directory = new InMemoryHouseholdDirectory();
        directory.put(new Household(KENSETSU, Optional.of("01"), Optional.of("東京都港区西新橋1-6-11 西新橋光和ビル6F"),
                List.of(member(TARO, "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎", "1960-02-10", Sex.M, "1990-03-01", true),
                        member(HANAKO, "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子", "1964-08-03", Sex.F, "1999-06-02", false),
                        member(JIRO, "ｹﾝｾﾂ ｼﾞﾛｳ", "建設 次郎", "1998-06-03", Sex.M, "2022-04-15", false))));
        directory.put(Household.of(SymbolNumber.of("1888888"),
                List.of(member(MemberId.of("1888888-01"), "ｳﾒﾀﾞ ｳﾒ", "梅田 うめ", "1958-05-05", Sex.F, "1980-04-01", true))));
        directory.put(Household.of(SymbolNumber.of("1777777"),
                List.of(member(MemberId.of("1777777-01"), "ﾏﾂﾓﾄ ﾏﾂ", "松本 まつ", "1962-11-11", Sex.F, "1985-04-01", true))));
        PasswordHasher hasher = Pbkdf2PasswordHasher.insecureForTests(1_000);
        Storage storage = target.fresh();
        engine = KenshinBooking.builder().policy(policy).clock(clock).storage(storage).directory(directory)
                .passwordHasher(hasher).build();
        relay = new OutboxRelay(storage.outbox(), MailRenderer.withDefaults(policy), mailbox, clock,
                RelayPolicy.defaults());
        for (String household : List.of("1888888", "1777777")) {
            Account account = Account.initial(SymbolNumber.of(household)).withPasswordHash(hasher.hash("matsuume1"));
            storage.unitOfWork().execute(() -> {
                storage.accounts().save(account);
                return null;
            });
        }
        LocalDateTime opens = LocalDateTime.of(2023, 12, 1, 0, 0);
        slot("02-11 09:00", "2024-02-11", "09:00", 1, opens);
        slot("02-18 09:00", "2024-02-18", "09:00", 10, opens);
        slot("02-18 09:30", "2024-02-18", "09:30", 10, opens);
        slot("02-18 10:00", "2024-02-18", "10:00", 3, opens);
        slot("02-18 10:30", "2024-02-18", "10:30", 1, opens);
        slot("02-25 09:00", "2024-02-25", "09:00", 10, LocalDateTime.of(2024, 2, 1, 0, 0));
        // other households took places before our story starts
        book(login("1888888", "ｳﾒﾀﾞ ｳﾒ", "matsuume1").session(), MemberId.of("1888888-01"), "02-11 09:00");
        book(login("1777777", "ﾏﾂﾓﾄ ﾏﾂ", "matsuume1").session(), MemberId.of("1777777-01"), "02-18 10:30");
        relay.drain();
    }

    private static Member member(MemberId id, String kana, String name, String birth, Sex sex, String from,
            boolean representative) {
        return new Member(id, KanaName.of(kana), name, LocalDate.parse(birth), sex, LocalDate.parse(from),
                Optional.empty(), representative);
    }

    private void slot(String key, String date, String time, int capacity, LocalDateTime opens) throws Refusal {
        slots.put(key, engine.schedule().addSlot(new SlotSpec(VENUE, INSTITUTION, LocalDate.parse(date),
                LocalTime.parse(time), engine.policy().slots().defaultDuration(), capacity, opens.atZone(POLICY.zone())
                .toInstant())));
    }

    private LoginResult login(String symbol, String kana, String password) throws Refusal {
        return engine.logins().login(symbol, kana, password);
    }

    private Reservation book(HouseholdSession s, MemberId member, String slot) throws Refusal {
        return engine.bookings().book(s, BookingRequest.of(member, slots.get(slot).id(), PHONE, true));
    }

    // ---- the story -----------------------------------------------------------------------------

    private void story() throws Refusal {
        out.println("集団特定健診 WEB予約システム デモ — 操作方法のご案内(2024年03月版)の流れ");
        out.println("組合: " + engine.policy().mail().contact().unionName() + " ／ 保存先: " + target.describe()
                + " ／ 時刻はデモ用の時計です");

        at(2024, 1, 10, 10, 0, "I-Step 1-1 ログイン(初めてログインされる方)");
        String initial = engine.passwords().initialPassword(memberOf(TARO));
        out.println("  記号番号: 1999999 ／ 組合員フリガナ: ｹﾝｾﾂ ﾀﾛｳ ／ パスワード: " + initial + " ("
                + engine.policy().passwords().initialPrefix() + "＋代表者の生年月日)");
        LoginResult first = login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", initial);
        HouseholdSession session = first.session();
        out.println("  → ログインしました" + (first.firstLogin() ? "。初回ログイン: 新しいパスワードの設定が必要です" : ""));
        out.print("  (この状態で予約しようとすると) ");
        refusal(() -> book(session, TARO, "02-18 09:00"));

        step("I-Step 2 組合員を選択(初回ログイン時は代表者のみ) → " + kana(TARO));
        step("I-Step 3 新しいパスワードの設定");
        out.print("  「sakura」 ");
        refusal(() -> engine.passwords().changePassword(session, TARO, initial, "sakura", "sakura"));
        engine.passwords().changePassword(session, TARO, initial, "sakura2024", "sakura2024");
        out.println("  「sakura2024」 → パスワードを変更しました(世帯共通。ご家族にもお知らせください)");

        step("I-Step 4 メールアドレスの設定");
        engine.emails().setEmail(session, TARO, EMAIL, EMAIL);
        out.println("  " + EMAIL + " → メールアドレスを設定しました");
        mails();

        step("I-Step 5 利用者の選択");
        out.println("      " + pad("氏名", 18) + "生年月日    資格取得日  資格喪失日");
        for (MemberId m : List.of(TARO, HANAKO, JIRO)) {
            Member x = memberOf(m);
            out.println("  ( ) " + pad(kana(m), 18) + x.birthDate().format(DATE) + "  " + x.qualifiedFrom().format(DATE)
                    + "  " + x.qualifiedUntil().map(DATE::format).orElse(""));
        }
        out.println("  → " + kana(TARO) + " を選択");

        step("I-Step 6 受診日時を選択");
        calendar(session, TARO, YearMonth.of(2024, 2));
        timeTable(session, TARO, LocalDate.of(2024, 2, 18));

        step("I-Step 7 ご予約内容の確認と利用規約への同意");
        BookingConfirmation c = engine.bookings().confirm(session,
                BookingRequest.of(TARO, slots.get("02-18 09:00").id(), PHONE, true));
        out.println("  予約枠名: " + c.slot().venue() + "(" + c.slot().institution() + ")");
        out.println("  予約変更締切タイミング: 利用日時の " + engine.policy().deadlines().changeDays() + "日前 00:00 ("
                + dateTime(c.changeDeadline()) + ")");
        out.println("  予約キャンセル締切タイミング: 利用日時の " + engine.policy().deadlines().cancelDays() + "日前 00:00 ("
                + dateTime(c.cancelDeadline()) + ")");
        out.println("  利用日: " + date(c.slot().date()) + " ／ 利用時間: " + c.slot().start().format(TIME) + " ~");
        out.println("  日中の連絡先: " + PHONE + " ／ [x] 利用規約に同意する (版 " + c.termsVersion() + ")");

        step("I-Step 8 ご予約の完了");
        Reservation taro = book(session, TARO, "02-18 09:00");
        out.println("  予約を受け付けました。 予約ID : " + taro.id());
        mails();

        step("続けて予約をする → " + kana(HANAKO));
        timeTable(session, HANAKO, LocalDate.of(2024, 2, 18));
        Reservation hanako = book(session, HANAKO, "02-18 09:30");
        out.println("  " + date(LocalDate.of(2024, 2, 18)) + " 09:30 ~ を予約しました。 予約ID : " + hanako.id());
        mails();

        Member jiro = memberOf(JIRO);
        step("続けて予約をする → " + kana(JIRO) + " (" + jiro.birthDate().format(DATE) + "生、受診日に "
                + JapaneseAge.ageOn(jiro.birthDate(), LocalDate.of(2024, 2, 18)) + "歳)");
        out.println("  対象年齢外の方も選択とカレンダー表示はできます:");
        calendar(session, JIRO, YearMonth.of(2024, 2));
        out.print("  しかし最終的に ");
        refusal(() -> book(session, JIRO, "02-18 10:00"));

        at(2024, 1, 20, 10, 0, "II ご予約を変更したいとき: " + kana(HANAKO) + " 09:30 → 10:00");
        Reservation moved = engine.bookings().change(session, hanako.id(), slots.get("02-18 10:00").id(), null);
        out.println("  予約を変更しました。予約IDは変わりません: " + moved.id());
        mails();

        at(2024, 2, 1, 9, 0, "III ご予約をキャンセルしたいとき: " + kana(TARO) + " 予約ID " + taro.id());
        engine.bookings().cancel(session, taro.id());
        out.println("  キャンセルしました。(キャンセル締切: " + dateTime(engine.deadlines().localDeadline(
                DeadlineKind.CANCEL, LocalDate.of(2024, 2, 18))) + ")");
        mails();
        step("改めて予約 → " + kana(TARO) + " (2月25日の枠は 2024/02/01 00:00 に受付開始)");
        Reservation again = book(session, TARO, "02-25 09:00");
        out.println("  " + date(LocalDate.of(2024, 2, 25)) + " 09:00 ~ を予約しました。 予約ID : " + again.id());
        mails();

        step("予約履歴");
        for (MemberId m : List.of(TARO, HANAKO)) {
            out.println("  " + kana(m) + ":");
            for (HistoryEntry e : engine.bookings().history(session, m, HistoryFilter.all())) {
                Slot s = e.slot();
                out.printf("    %s %s ~  %s(%s) %d分  予約ID %s  %s%n", date(s.date()), s.start().format(TIME),
                        s.venue(), s.institution(), e.duration().toMinutes(), e.id(),
                        e.reservation().status() == ReservationStatus.CONFIRMED ? "確定" : "キャンセル");
            }
        }

        at(2024, 2, 17, 8, 0, "健診1日前のお知らせ(リマインダー処理)");
        int sent = engine.reminders().run();
        out.println("  " + sent + "件のお知らせを作成しました");
        mails();

        out.println();
        out.println("■ 届いたメール (" + EMAIL + "、届いた順)");
        List<MailMessage> received = mailbox.to(EMAIL);
        for (int i = 0; i < received.size(); i++) {
            MailMessage m = received.get(i);
            out.println("---- " + (i + 1) + " / " + received.size() + " ----------------------------------------");
            out.println("From: " + m.fromName() + " <" + m.from() + ">");
            out.println("To: " + m.to());
            out.println("件名: " + m.subject());
            out.println();
            out.println(m.body().stripTrailing());
        }
        out.println("---- 以上 " + received.size() + "通 ----");
    }

    // ---- printing ------------------------------------------------------------------------------

    private void at(int y, int mo, int d, int h, int mi, String title) {
        clock.setInstant(LocalDateTime.of(y, mo, d, h, mi).atZone(POLICY.zone()).toInstant());
        out.println();
        out.println("■ " + date(LocalDate.of(y, mo, d)) + " " + LocalTime.of(h, mi).format(TIME) + "  " + title);
    }

    private void step(String title) {
        out.println("■ " + title);
    }

    @FunctionalInterface
    private interface Attempt {
        void run() throws Refusal;
    }

    private void refusal(Attempt a) {
        try {
            a.run();
            out.println("→ 受け付けられました(想定外)");
        } catch (Refusal r) {
            out.println("→ お受けできません: " + r.code() + " " + WHY.message(r));
        }
    }

    private void mails() {
        relay.drain();
        List<MailMessage> all = mailbox.messages();
        for (; announcedMails < all.size(); announcedMails++) {
            MailMessage m = all.get(announcedMails);
            out.println("  ✉ メール送信: 「" + m.subject() + "」 → " + m.to());
        }
    }

    private void calendar(HouseholdSession s, MemberId member, YearMonth month) throws Refusal {
        Map<LocalDate, CalendarDay> days = new HashMap<>();
        for (CalendarDay d : engine.calendar().month(s, member, month, Optional.of(VENUE))) {
            days.put(d.date(), d);
        }
        out.println("  < " + month.format(DateTimeFormatter.ofPattern("uuuu/MM")) + " >  " + VENUE + "  ("
                + kana(member) + " さん)");
        out.println("   日   月   火   水   木   金   土");
        StringBuilder line = new StringBuilder("  ");
        int offset = month.atDay(1).getDayOfWeek().getValue() % 7;
        line.append("     ".repeat(offset));
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            LocalDate date = month.atDay(day);
            CalendarDay cd = days.get(date);
            line.append(String.format(" %02d%s", day, cd == null ? "  " : symbol(cd.status())));
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder("  ");
            }
        }
        if (line.toString().isBlank()) {
            line.setLength(0);
        } else {
            out.println(line.toString().stripTrailing());
        }
        out.println("  凡例: －受付期間外  ×空きなし  ○空きあり  ◎予約済み");
        for (CalendarDay d : days.values().stream().sorted((a, b) -> a.date().compareTo(b.date())).toList()) {
            out.println("    " + date(d.date()) + "  " + label(d.status()) + "  予約締切日時: " + dateTime(d.bookingDeadline()));
        }
    }

    private void timeTable(HouseholdSession s, MemberId member, LocalDate day) throws Refusal {
        List<SlotAvailability> list = engine.calendar().list(s, member, day, day.plusDays(1), Optional.of(VENUE));
        out.println("  予約枠時間一覧  " + VENUE + " (" + INSTITUTION + ")  " + date(day) + "  予約締切日時: "
                + dateTime(list.get(0).bookingDeadline()));
        out.println("    時間      空き情報");
        for (SlotAvailability a : list) {
            String info = a.status() == SlotStatus.RESERVED ? "予約済み" : "残り" + a.remaining() + "名";
            out.printf("    %s ~   %-8s %s%n", a.slot().start().format(TIME), info, a.mark().symbol());
        }
        out.println("    (○…空き有、△…残りわずか、×…定員に達した)");
    }

    private static String symbol(SlotStatus s) {
        return switch (s) {
            case RESERVED -> "◎";
            case OUTSIDE_RECEPTION -> "－";
            case FULL -> "×";
            case AVAILABLE -> "○";
        };
    }

    private static String label(SlotStatus s) {
        return switch (s) {
            case RESERVED -> "予約済み";
            case OUTSIDE_RECEPTION -> "受付期間外";
            case FULL -> "空きなし";
            case AVAILABLE -> "空きあり";
        };
    }

    private Member memberOf(MemberId id) {
        return engine.directory().findByMember(id).flatMap(h -> h.member(id)).orElseThrow();
    }

    /** The kana as the site shows it: full width (the records hold half width). */
    private String kana(MemberId id) {
        return Normalizer.normalize(memberOf(id).kana().value(), Normalizer.Form.NFKC);
    }

    /** Pads to a terminal width, counting full-width characters as two columns. */
    private static String pad(String s, int columns) {
        int width = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            width += c < 0x1100 || (c >= 0xFF61 && c <= 0xFF9F) ? 1 : 2;
        }
        return s + " ".repeat(Math.max(1, columns - width));
    }

    private static String date(LocalDate d) {
        return d.format(DATE) + "(" + d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + ")";
    }

    private static String dateTime(LocalDateTime t) {
        return date(t.toLocalDate()) + " " + t.toLocalTime().format(TIME);
    }
}
