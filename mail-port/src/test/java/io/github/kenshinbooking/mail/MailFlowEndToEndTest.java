package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.household.Household;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.household.SymbolNumber;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.reservation.BookingRequest;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.schedule.Slot;
import io.github.kenshinbooking.schedule.SlotSpec;
import io.github.kenshinbooking.schedule.Venue;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's use cases on in-memory storage, the relay, the default templates and real SMTP
 * (GreenMail): every kind of MAIL-1 reaches the household's inbox with what the rules say.
 */
class MailFlowEndToEndTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String LINK_BASE = "https://kenren-jigyo.jp/password/reset?token=";
    private static final String TARO_MAIL = "taro@example.jp";
    private static final Member TARO = EngineFixture.member("1999999-00", "ｹﾝｾﾂ ﾀﾛｳ", "建設 太郎",
            LocalDate.of(1960, 2, 10), true);
    private static final Member HANAKO = EngineFixture.member("1999999-01", "ｹﾝｾﾂ ﾊﾅｺ", "建設 花子",
            LocalDate.of(1964, 8, 3), false);

    private final EngineFixture fx = new EngineFixture(LocalDateTime.of(2024, 1, 10, 10, 0));
    private final KenshinBooking engine = fx.engine;
    private OutboxRelay relay;

    private final List<MimeMessage> seen = new ArrayList<>();

    @BeforeEach
    void relayToGreenMail() {
        // the server's port is known once the extension started it
        relay = new OutboxRelay(fx.storage.outbox(),
                MailRenderer.withDefaults(engine.policy()).withResetLinkBase(LINK_BASE),
                new SmtpMailSender(SmtpSettings.builder().host(GREEN_MAIL.getSmtp().getBindTo())
                        .port(GREEN_MAIL.getSmtp().getPort()).build(), fx.clock),
                fx.clock, RelayPolicy.defaults());
    }

    /** Drains the outbox and returns the mails that arrived since the last call. */
    private List<MimeMessage> deliver(int expected) {
        relay.drain();
        assertThat(GREEN_MAIL.waitForIncomingEmail(5_000, seen.size() + expected)).isTrue();
        List<MimeMessage> all = Arrays.asList(GREEN_MAIL.getReceivedMessages());
        List<MimeMessage> fresh = new ArrayList<>(all.subList(seen.size(), all.size()));
        seen.addAll(fresh);
        assertThat(fresh).hasSize(expected);
        return fresh;
    }

    private static String kind(MimeMessage m) throws Exception {
        return m.getHeader("X-Kenshin-Kind")[0];
    }

    private static String to(MimeMessage m) throws Exception {
        return m.getAllRecipients()[0].toString();
    }

    private static String body(MimeMessage m) throws Exception {
        return ((String) m.getContent()).replace("\r\n", "\n");
    }

    @Test
    @DisplayName("MAIL-1 every kind reaches the inbox over SMTP with the rules' data; none without e-mail")
    void everyKind() throws Exception {
        // first login: new password, then the e-mail (MAIL-ADDR-1 sends a notice to the new address)
        fx.directory.put(Household.of(SymbolNumber.of("1999999"), List.of(TARO, HANAKO)));
        HouseholdSession taro = engine.logins().login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", "kenren19600210").session();
        engine.passwords().changePassword(taro, TARO.id(), "kenren19600210", EngineFixture.PASSWORD,
                EngineFixture.PASSWORD);
        engine.emails().setEmail(taro, TARO.id(), TARO_MAIL, TARO_MAIL);
        MimeMessage emailChanged = deliver(1).get(0);
        assertThat(kind(emailChanged)).isEqualTo("EMAIL_CHANGED");
        assertThat(to(emailChanged)).isEqualTo(TARO_MAIL);
        assertThat(emailChanged.getSubject()).contains("メールアドレス変更完了");
        assertThat(body(emailChanged)).contains("登録メールアドレス：" + TARO_MAIL);

        Slot feb18 = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", LocalDate.of(2024, 2, 18), LocalTime.of(9, 0));
        Slot mar3 = fx.slot("那珂川市健康福祉センター", "ヘルスポートクリニック", LocalDate.of(2024, 3, 3), LocalTime.of(10, 30));
        Slot feb25 = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", LocalDate.of(2024, 2, 25), LocalTime.of(13, 0));

        // BOOK-3 booking complete; BOOK-4 a repeat with the same key sends no second mail
        BookingRequest request = BookingRequest.of(TARO.id(), feb18.id(), EngineFixture.PHONE, true)
                .withIdempotencyKey("click-1");
        Reservation r1 = engine.bookings().book(taro, request);
        assertThat(engine.bookings().book(taro, request).id()).isEqualTo(r1.id());
        MimeMessage booked = deliver(1).get(0);
        assertThat(kind(booked)).isEqualTo("BOOKED");
        assertThat(booked.getSubject()).contains("ご予約完了", "予約ID：" + r1.id());
        // CHG-1 / CNL-1 deadlines: 13 and 2 days before 2024-02-18 at 00:00
        assertThat(body(booked)).contains("予約ID　　　　　　：" + r1.id(), "建設 太郎 様",
                "ミリカローデン那珂川（ヘルスポートクリニック）", "2024年2月18日(日)", "09:00 ～",
                "予約変更締切　　　：2024年2月5日(月) 00:00", "予約キャンセル締切：2024年2月16日(金) 00:00",
                "受診セット", "保険証", "〒550-0014");

        // CHG-1 change complete, with the previous slot
        engine.bookings().change(taro, r1.id(), mar3.id(), null);
        MimeMessage changed = deliver(1).get(0);
        assertThat(kind(changed)).isEqualTo("CHANGED");
        assertThat(body(changed)).contains("那珂川市健康福祉センター（ヘルスポートクリニック）", "2024年3月3日(日)",
                "10:30 ～", "予約変更締切　　　：2024年2月19日(月) 00:00", "予約キャンセル締切：2024年3月1日(金) 00:00",
                "■変更前のご予約", "ミリカローデン那珂川（ヘルスポートクリニック）", "2024年2月18日(日) 09:00 ～");

        // CNL-1 cancel complete (the family's mails go to the household's address)
        Reservation r2 = fx.book(taro, HANAKO, feb18);
        deliver(1);
        engine.bookings().cancel(taro, r2.id());
        MimeMessage cancelled = deliver(1).get(0);
        assertThat(kind(cancelled)).isEqualTo("CANCELLED");
        assertThat(to(cancelled)).isEqualTo(TARO_MAIL);
        assertThat(body(cancelled)).contains("建設 花子 様", "予約ID　　　　　　：" + r2.id(), "2024年2月18日(日)");

        // SLOT-6 event cancelled, with what to do next
        engine.staff().cancelEventDay(Venue.of("那珂川市健康福祉センター"), LocalDate.of(2024, 3, 3));
        MimeMessage eventCancelled = deliver(1).get(0);
        assertThat(kind(eventCancelled)).isEqualTo("EVENT_CANCELLED");
        assertThat(eventCancelled.getSubject()).contains("開催中止", "2024年3月3日(日)");
        assertThat(body(eventCancelled)).contains("開催中止となりました", "予約ID　　　　　　：" + r1.id(),
                "改めてご予約", "受診券", "人間ドック等補助金");

        // WAIT-2 a freed place is held for the first on the waiting list: the offer mail with the entry's number and
        // the end of the 24-hour hold (the other household has no e-mail, so its cancel sends nothing)
        Slot mar10 = engine.schedule().addSlot(new SlotSpec(Venue.of("ミリカローデン那珂川"), "ヘルスポートクリニック",
                LocalDate.of(2024, 3, 10), LocalTime.of(9, 0), Duration.ofMinutes(30), 1,
                LocalDateTime.of(2023, 12, 1, 0, 0).atZone(EngineFixture.TOKYO).toInstant()));
        Member ume = EngineFixture.member("3777777-00", "ｳﾒﾀﾞ ｳﾒ", "梅田 うめ", LocalDate.of(1950, 5, 5), true);
        HouseholdSession umes = fx.household("3777777", null, ume);
        Reservation umesPlace = fx.book(umes, ume, mar10);
        WaitingEntry waiting = engine.waitingList().join(taro, BookingRequest.of(TARO.id(), mar10.id(),
                EngineFixture.PHONE, true));
        engine.bookings().cancel(umes, umesPlace.id());
        MimeMessage offer = deliver(1).get(0);
        assertThat(kind(offer)).isEqualTo("WAITING_OFFER");
        assertThat(offer.getSubject()).contains("キャンセル待ち", "受付番号：" + waiting.id());
        assertThat(body(offer)).contains("建設 太郎 様", "受付番号　　　　　：" + waiting.id(),
                "ミリカローデン那珂川（ヘルスポートクリニック）", "2024年3月10日(日)", "09:00 ～",
                "確保期限　　　　　：2024年1月11日(木) 10:00", "【お問い合わせ先】\n〒550-0014");

        // MAIL-1: a household without e-mail gets nothing
        Member jiro = EngineFixture.member("2888888-00", "ｹﾝｾﾂ ｼﾞﾛｳ", "建設 次郎", LocalDate.of(1970, 5, 5), true);
        HouseholdSession noMail = fx.household("2888888", null, jiro);
        fx.book(noMail, jiro, feb18);
        relay.drain();

        // MAIL-3 the day before the exam (2024-02-25 → run on 2024-02-24)
        Reservation r3 = fx.book(taro, HANAKO, feb25);
        deliver(1);
        fx.at(LocalDateTime.of(2024, 2, 24, 6, 0));
        assertThat(engine.reminders().run()).isEqualTo(1);
        MimeMessage reminder = deliver(1).get(0);
        assertThat(kind(reminder)).isEqualTo("REMINDER");
        assertThat(reminder.getSubject()).contains("健診1日前", "2024年2月25日(日) 13:00");
        assertThat(body(reminder)).contains("建設 花子 様", "予約ID　　　　　　：" + r3.id(), "保険証", "受診セット");

        // RESET-1: the link in the mail works for 60 minutes
        engine.resets().requestReset(TARO_MAIL);
        MimeMessage reset = deliver(1).get(0);
        assertThat(kind(reset)).isEqualTo("PASSWORD_RESET");
        assertThat(body(reset)).contains("有効期限 60分以内", "2024年2月24日(土) 07:00まで", "【お問い合わせ先】\n〒550-0014");
        Matcher link = Pattern.compile(Pattern.quote(LINK_BASE) + "([A-Za-z0-9_-]+)\n").matcher(body(reset));
        assertThat(link.find()).isTrue();
        fx.clock.add(Duration.ofMinutes(59));
        engine.resets().resetPassword(link.group(1), "1999999", "ｹﾝｾﾂ ﾀﾛｳ", "momiji2024", "momiji2024");
        assertThat(engine.logins().login("1999999", "ｹﾝｾﾂ ﾀﾛｳ", "momiji2024").firstLogin()).isFalse();

        relay.drain();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(seen.size());
        assertThat(seen).allSatisfy(m -> assertThat(to(m)).isEqualTo(TARO_MAIL));
        List<String> kinds = new ArrayList<>();
        for (MimeMessage m : seen) {
            kinds.add(kind(m));
        }
        assertThat(kinds).containsAll(Arrays.stream(NotificationKind.values()).map(Enum::name).toList());
        assertThat(fx.storage.outbox().pending()).isEmpty();
    }
}
