package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.kenshinbooking.KenshinBooking;
import io.github.kenshinbooking.HouseholdSession;
import io.github.kenshinbooking.household.Member;
import io.github.kenshinbooking.reservation.Reservation;
import io.github.kenshinbooking.schedule.Slot;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MAIL-3 end to end: core's {@code ReminderJob} on in-memory storage, the relay, the default
 * templates and SMTP (GreenMail). Each live reservation gets exactly one reminder, from a run on
 * the calendar day before its exam in the union's zone (Asia/Tokyo); runs on other days and
 * repeated runs send nothing more; cancelled reservations and households without e-mail get none.
 */
class ReminderJobEndToEndTest {
    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final LocalDate EXAM_18 = LocalDate.of(2024, 2, 18);
    private static final LocalDate EXAM_19 = LocalDate.of(2024, 2, 19);

    private final EngineFixture fx = new EngineFixture(LocalDateTime.of(2024, 1, 10, 10, 0));

    private OutboxRelay relay(KenshinBooking engine) {
        SmtpSettings smtp = SmtpSettings.builder().host(GREEN_MAIL.getSmtp().getBindTo())
                .port(GREEN_MAIL.getSmtp().getPort()).build();
        return new OutboxRelay(fx.storage.outbox(), MailRenderer.withDefaults(engine.policy()),
                new SmtpMailSender(smtp, fx.clock), fx.clock, RelayPolicy.defaults());
    }

    private static Member rep(String symbol, String name) {
        return EngineFixture.member(symbol + "-00", "ｹﾝｾﾂ ﾀﾛｳ", name, LocalDate.of(1960, 2, 10), true);
    }

    private static Member family(String symbol, String name) {
        return EngineFixture.member(symbol + "-01", "ｹﾝｾﾂ ﾊﾅｺ", name, LocalDate.of(1964, 8, 3), false);
    }

    private static List<MimeMessage> reminders() throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : GREEN_MAIL.getReceivedMessages()) {
            if ("REMINDER".equals(m.getHeader("X-Kenshin-Kind")[0])) {
                out.add(m);
            }
        }
        return out;
    }

    /** Reservation id → how many reminders arrived for it (read from the mail's subject and body). */
    private static Map<String, Integer> remindersByReservation() throws Exception {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage m : reminders()) {
            String body = ((String) m.getContent()).replace("\r\n", "\n");
            int at = body.indexOf("予約ID　　　　　　：");
            String id = body.substring(at + "予約ID　　　　　　：".length(), body.indexOf('\n', at));
            out.merge(id, 1, Integer::sum);
        }
        return out;
    }

    private int runAt(LocalDateTime tokyo, OutboxRelay relay) {
        fx.at(tokyo);
        int recorded = fx.engine.reminders().run();
        relay.drain();
        return recorded;
    }

    @Test
    @DisplayName("MAIL-3 one reminder per live reservation, on the day before only, however often the job runs")
    void repeatRunsAndOtherDays() throws Exception {
        Slot s18 = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", EXAM_18, LocalTime.of(9, 0));
        Slot s18pm = fx.slot("那珂川市健康福祉センター", "ヘルスポートクリニック", EXAM_18, LocalTime.of(14, 0));
        Slot s19 = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", EXAM_19, LocalTime.of(9, 30));

        Member aRep = rep("1000001", "一 太郎");
        Member aFamily = family("1000001", "一 花子");
        Member bRep = rep("1000002", "二 太郎");
        Member cRep = rep("1000003", "三 太郎");
        Member dRep = rep("1000004", "四 太郎");
        HouseholdSession a = fx.household("1000001", "a@example.jp", aRep, aFamily);
        HouseholdSession b = fx.household("1000002", "b@example.jp", bRep);
        HouseholdSession c = fx.household("1000003", "c@example.jp", cRep);
        HouseholdSession d = fx.household("1000004", null, dRep);

        Reservation a18 = fx.book(a, aRep, s18);
        Reservation aFamilyCancelled = fx.book(a, aFamily, s18pm);
        Reservation b18 = fx.book(b, bRep, s18pm);
        Reservation c19 = fx.book(c, cRep, s19);
        fx.book(d, dRep, s18); // no e-mail: never a mail
        fx.engine.bookings().cancel(a, aFamilyCancelled.id());

        OutboxRelay relay = relay(fx.engine);
        relay.drain();
        int before = GREEN_MAIL.getReceivedMessages().length; // booking and cancel mails
        assertThat(reminders()).isEmpty();

        // two days before the 18th, up to its last second: nothing
        assertThat(runAt(LocalDateTime.of(2024, 2, 16, 12, 0), relay)).isZero();
        assertThat(runAt(LocalDateTime.of(2024, 2, 16, 23, 59, 59), relay)).isZero();
        assertThat(reminders()).isEmpty();

        // the day before the 18th, from 00:00 in Tokyo: the two live reservations with e-mail
        assertThat(runAt(LocalDateTime.of(2024, 2, 17, 0, 0), relay)).isEqualTo(2);
        assertThat(runAt(LocalDateTime.of(2024, 2, 17, 0, 0), relay)).isZero();
        assertThat(runAt(LocalDateTime.of(2024, 2, 17, 12, 0), relay)).isZero();
        assertThat(runAt(LocalDateTime.of(2024, 2, 17, 23, 59, 59), relay)).isZero();
        assertThat(remindersByReservation()).containsOnly(Map.entry(a18.id().toString(), 1),
                Map.entry(b18.id().toString(), 1));

        // the 18th: the day before the 19th; nothing more for the 18th
        assertThat(runAt(LocalDateTime.of(2024, 2, 18, 0, 0), relay)).isEqualTo(1);
        assertThat(runAt(LocalDateTime.of(2024, 2, 18, 8, 0), relay)).isZero();
        assertThat(runAt(LocalDateTime.of(2024, 2, 19, 8, 0), relay)).isZero();
        assertThat(runAt(LocalDateTime.of(2024, 2, 20, 8, 0), relay)).isZero();

        assertThat(remindersByReservation()).containsOnly(Map.entry(a18.id().toString(), 1),
                Map.entry(b18.id().toString(), 1), Map.entry(c19.id().toString(), 1));
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(before + 3);
        Map<String, String> toByReservation = new HashMap<>();
        for (MimeMessage m : reminders()) {
            toByReservation.put(m.getSubject() + "|" + m.getAllRecipients()[0], m.getHeader("Message-ID")[0]);
        }
        assertThat(toByReservation.keySet()).containsExactlyInAnyOrder(
                "【集団特定健診】健診1日前のお知らせ（2024年2月18日(日) 09:00～）|a@example.jp",
                "【集団特定健診】健診1日前のお知らせ（2024年2月18日(日) 14:00～）|b@example.jp",
                "【集団特定健診】健診1日前のお知らせ（2024年2月19日(月) 09:30～）|c@example.jp");
    }

    @Test
    @DisplayName("MAIL-3 a reservation moved to another day is reminded once, the day before its new date")
    void changedReservation() throws Exception {
        Slot s18 = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", EXAM_18, LocalTime.of(9, 0));
        Slot s19 = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", EXAM_19, LocalTime.of(9, 0));
        Member aRep = rep("1000001", "一 太郎");
        HouseholdSession a = fx.household("1000001", "a@example.jp", aRep);
        Reservation r = fx.book(a, aRep, s18);
        fx.engine.bookings().change(a, r.id(), s19.id(), null);
        OutboxRelay relay = relay(fx.engine);

        assertThat(runAt(LocalDateTime.of(2024, 2, 17, 7, 0), relay)).isZero();
        assertThat(runAt(LocalDateTime.of(2024, 2, 18, 7, 0), relay)).isEqualTo(1);
        assertThat(runAt(LocalDateTime.of(2024, 2, 18, 19, 0), relay)).isZero();
        assertThat(reminders()).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("2024年2月19日(月) 09:00"));
    }

    @Test
    @DisplayName("MAIL-3 CNL-2 a reminder still waiting for the relay when staff cancel never goes out; the cancel mail does")
    void cancelledBeforeTheRelaySent() throws Exception {
        Slot s18 = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", EXAM_18, LocalTime.of(9, 0));
        Member aRep = rep("1000001", "一 太郎");
        Member bRep = rep("1000002", "二 太郎");
        HouseholdSession a = fx.household("1000001", "a@example.jp", aRep);
        HouseholdSession b = fx.household("1000002", "b@example.jp", bRep);
        Reservation ra = fx.book(a, aRep, s18);
        Reservation rb = fx.book(b, bRep, s18);
        OutboxRelay relay = relay(fx.engine);
        relay.drain();
        int before = GREEN_MAIL.getReceivedMessages().length;

        // the job records both reminders; the relay does not run (say, the mail server is down)
        fx.at(LocalDateTime.of(2024, 2, 17, 7, 0));
        assertThat(fx.engine.reminders().run()).isEqualTo(2);
        fx.engine.staff().cancel(new io.github.kenshinbooking.reservation.StaffId("staff-1"), "入院", ra.id());
        relay.drain();

        assertThat(remindersByReservation()).containsOnly(Map.entry(rb.id().toString(), 1));
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(before + 2);
        assertThat(java.util.Arrays.stream(GREEN_MAIL.getReceivedMessages())
                .filter(m -> recipient(m).contains("a@example.jp")).map(m -> kind(m)))
                .as("household a's mails").containsExactly("BOOKED", "CANCELLED");
        assertThat(runAt(LocalDateTime.of(2024, 2, 17, 12, 0), relay)).isZero();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kind(MimeMessage m) {
        try {
            return m.getHeader("X-Kenshin-Kind")[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("MAIL-3 two instances running the job and their relays at once send each reminder exactly once")
    void twoInstancesAtOnce() throws Exception {
        Slot s18 = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", EXAM_18, LocalTime.of(9, 0));
        Slot s18b = fx.slot("ミリカローデン那珂川", "ヘルスポートクリニック", EXAM_18, LocalTime.of(9, 30));
        int households = 16;
        Set<String> expectedRecipients = new HashSet<>();
        for (int i = 0; i < households; i++) {
            String symbol = Integer.toString(2_000_000 + i);
            String mail = "h" + i + "@example.jp";
            Member m = rep(symbol, "会員 " + i);
            fx.book(fx.household(symbol, mail, m), m, i % 2 == 0 ? s18 : s18b);
            expectedRecipients.add(mail);
        }
        relay(fx.engine).drain();
        int bookings = GREEN_MAIL.getReceivedMessages().length;
        assertThat(bookings).isEqualTo(households);

        fx.at(LocalDateTime.of(2024, 2, 17, 6, 0));
        List<KenshinBooking> instances = List.of(fx.engine, fx.newInstance());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> recorded = new ArrayList<>();
        try {
            for (KenshinBooking instance : instances) {
                OutboxRelay relay = relay(instance);
                recorded.add(pool.submit(() -> {
                    start.await();
                    int n = 0;
                    for (int round = 0; round < 5; round++) {
                        n += instance.reminders().run();
                        relay.drain();
                    }
                    return n;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : recorded) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(households);
        } finally {
            pool.shutdownNow();
        }

        List<MimeMessage> reminders = reminders();
        assertThat(reminders).hasSize(households);
        Set<String> recipients = new HashSet<>();
        Set<String> messageIds = new HashSet<>();
        for (MimeMessage m : reminders) {
            recipients.add(m.getAllRecipients()[0].toString());
            messageIds.add(m.getHeader("Message-ID")[0]);
        }
        assertThat(recipients).isEqualTo(expectedRecipients);
        assertThat(messageIds).hasSize(households);
        assertThat(fx.storage.outbox().pending()).isEmpty();
    }
}
