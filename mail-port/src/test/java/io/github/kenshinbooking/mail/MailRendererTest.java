package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import io.github.kenshinbooking.policy.ResetPolicy;
import io.github.kenshinbooking.policy.PasswordPolicy;
import io.github.kenshinbooking.policy.MailPolicy;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.policy.UnionContact;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailRendererTest {
    private static final String LINK_BASE = "https://kenren-jigyo.jp/password/reset?token=";
    private final MailRenderer renderer = MailRenderer.withDefaults(UnionPolicy.defaults()).withResetLinkBase(LINK_BASE);

    private static String text(MailMessage m) {
        return "Subject: " + m.subject() + "\n\n" + m.body();
    }

    private static String snapshot(NotificationKind kind) throws IOException {
        try (InputStream in = MailRendererTest.class.getResourceAsStream("/snapshots/" + kind + ".txt")) {
            assertThat(in).as("snapshot of " + kind).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Nested
    @DisplayName("MAIL-1 built-in templates (snapshots reviewed against the manual)")
    class Snapshots {
        @ParameterizedTest(name = "{0}")
        @EnumSource(NotificationKind.class)
        @DisplayName("MAIL-1 each kind renders exactly as its reviewed snapshot")
        void matchesSnapshot(NotificationKind kind) throws IOException {
            MailMessage m = renderer.render(Samples.entry(kind));
            String actual = text(m);
            String expected = snapshot(kind);
            if (!actual.equals(expected)) {
                Path out = Path.of("target", "snapshots-actual", kind + ".txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(NotificationKind.class)
        @DisplayName("MAIL-1 every mail comes from the policy's sender and ends with its contact footer")
        void senderAndFooterFromPolicy(NotificationKind kind) {
            UnionContact contact = UnionContact.manualExample();
            MailMessage m = renderer.render(Samples.entry(kind));
            assertThat(m.from()).isEqualTo(contact.senderAddress());
            assertThat(m.fromName()).isEqualTo(contact.senderName());
            assertThat(m.to()).isEqualTo(Samples.TO);
            assertThat(m.kind()).isEqualTo(kind);
            assertThat(m.body()).contains("【お問い合わせ先】\n" + String.join("\n", contact.footerLines()));
            assertThat(m.body()).contains("〒550-0014", "TEL : 0120-654-931");
            assertThat(m.subject()).doesNotContain("\n", "\r", "${");
            assertThat(m.body()).doesNotContain("${");
        }
    }

    @Test
    @DisplayName("MAIL-1 booking mail: 予約ID, venue, institution, date, time, deadlines, what happens next")
    void bookedContent() {
        MailMessage m = renderer.render(Samples.entry(NotificationKind.BOOKED));
        assertThat(m.subject()).contains("予約完了", "5247");
        assertThat(m.body()).contains("予約ID　　　　　　：5247", "ミリカローデン那珂川（ヘルスポートクリニック）",
                "2024年2月18日(日)", "09:00 ～",
                // CHG-1: 13 days before 2024-02-18 at 00:00; CNL-1: 2 days before
                "予約変更締切　　　：2024年2月5日(月) 00:00", "予約キャンセル締切：2024年2月16日(金) 00:00",
                "約4日～1週間前", "受診セット", "保険証");
        assertThat(m.reservationId()).contains("5247");
        assertThat(m.resetToken()).isEmpty();
    }

    @Test
    @DisplayName("MAIL-1 change mail shows the new and the previous slot")
    void changedContent() {
        MailMessage m = renderer.render(Samples.entry(NotificationKind.CHANGED));
        assertThat(m.body()).contains("那珂川市健康福祉センター（ヘルスポートクリニック）", "2024年3月3日(日)", "10:30 ～",
                "■変更前のご予約", "2024年2月18日(日) 09:00 ～");
    }

    @Test
    @DisplayName("WAIT-2 offer mail: the entry's number to accept it by, the slot and the end of the hold")
    void waitingOfferContent() {
        MailMessage m = renderer.render(Samples.entry(NotificationKind.WAITING_OFFER));
        assertThat(m.subject()).isEqualTo("【集団特定健診】キャンセル待ちのお席をご用意しました（受付番号：77）");
        assertThat(m.body()).contains("建設 太郎 様", "受付番号　　　　　：77\n",
                "ミリカローデン那珂川（ヘルスポートクリニック）", "2024年2月18日(日)", "09:00 ～",
                "確保期限　　　　　：2024年2月2日(金) 10:15\n", "「予約する」", "「辞退する」");
        assertThat(m.body()).contains("【注意事項】\n※このメールは送信専用となっております。");
        assertThat(m.body()).doesNotContain("${");
    }

    @Test
    @DisplayName("RESET-1 reset mail: link = base + token, valid for the policy's 60 minutes, manual's 注意事項")
    void resetContent() {
        MailMessage m = renderer.render(Samples.entry(NotificationKind.PASSWORD_RESET));
        assertThat(m.body()).contains("パスワード変更 URL : " + LINK_BASE + Samples.TOKEN + "\n");
        assertThat(m.body()).contains("有効期限 60分以内", "2024年1月10日(水) 11:23まで");
        assertThat(m.body()).contains("【注意事項】\n※このメールは送信専用となっております。");
        assertThat(m.resetToken()).contains(Samples.TOKEN);
        assertThat(m.toString()).doesNotContain(Samples.TOKEN);
    }

    @Test
    @DisplayName("RESET-1 the validity and sender follow another union's policy")
    void otherPolicy() {
        UnionContact contact = new UnionContact("東京建設国民健康保険組合", "yoyaku@tokyo-kenpo.example.jp",
                "東京建設国保 健診予約", List.of("〒100-0001", "東京都千代田区千代田1-1", "TEL : 03-0000-0000"));
        UnionPolicy policy = UnionPolicy.builder().mail(new MailPolicy(2, contact))
                .reset(new ResetPolicy(Duration.ofMinutes(30), 3, 32))
                .passwords(new PasswordPolicy("kenren", 10, 64, 600_000)).build();
        MailRenderer r = MailRenderer.withDefaults(policy);
        MailMessage reset = r.render(Samples.entry(NotificationKind.PASSWORD_RESET));
        assertThat(reset.from()).isEqualTo("yoyaku@tokyo-kenpo.example.jp");
        assertThat(reset.fromName()).isEqualTo("東京建設国保 健診予約");
        assertThat(reset.body()).contains("有効期限 30分以内", "10文字以上", "東京建設国民健康保険組合",
                "〒100-0001\n東京都千代田区千代田1-1\nTEL : 03-0000-0000");
        // without an explicit base the link is on the sender's domain
        assertThat(reset.body()).contains("https://tokyo-kenpo.example.jp/password-reset?token=" + Samples.TOKEN);
        assertThat(reset.messageId()).endsWith("@tokyo-kenpo.example.jp>");
        assertThat(r.render(Samples.entry(NotificationKind.REMINDER)).subject()).contains("健診2日前のお知らせ");
    }

    @Test
    @DisplayName("MAIL-2 the Message-ID is stable per outbox entry, differs between entries, and names the sender domain")
    void messageId() {
        Notification n = Samples.notification(NotificationKind.BOOKED);
        OutboxEntry first = Samples.entry(42, n);
        OutboxEntry retried = new OutboxEntry(42, n, first.createdAt(), 3, Instant.parse("2024-01-11T00:00:00Z"),
                Optional.empty(), Optional.of("down"));
        String id = renderer.render(first).messageId();
        assertThat(renderer.render(retried).messageId()).isEqualTo(id);
        assertThat(id).matches("<kenshin-outbox-42\\.\\d+@kenren\\.example\\.jp>");
        assertThat(renderer.render(Samples.entry(43, n)).messageId()).isNotEqualTo(id);
        // a store whose ids restarted does not reuse an old Message-ID
        OutboxEntry later = new OutboxEntry(42, n, first.createdAt().plusSeconds(86_400), 0, first.createdAt(),
                Optional.empty(), Optional.empty());
        assertThat(renderer.render(later).messageId()).isNotEqualTo(id);
    }

    @Test
    @DisplayName("CNL-2 a staff action adds a note; a member's own action has no empty line for it")
    void staffNote() {
        Map<String, String> d = Samples.reservation();
        d.put(NotificationData.BY_STAFF, "true");
        MailMessage staff = renderer.render(Samples.entry(1, Notification.of(NotificationKind.CANCELLED, Samples.TO, d)));
        assertThat(staff.body()).contains("キャンセルを受け付けました。\n※このお手続きは、組合にて承りました。\n\n■キャンセルしたご予約");
        MailMessage own = renderer.render(Samples.entry(NotificationKind.CANCELLED));
        assertThat(own.body()).contains("キャンセルを受け付けました。\n\n■キャンセルしたご予約").doesNotContain("組合にて承りました");
    }

    @Test
    @DisplayName("MAIL-1 missing or malformed data never fails a mail")
    void missingData() {
        Map<String, String> d = Samples.reservation();
        d.remove(NotificationData.MEMBER_NAME);
        d.put(NotificationData.EXAM_DATE, "not-a-date");
        MailMessage m = renderer.render(Samples.entry(1, Notification.of(NotificationKind.BOOKED, Samples.TO, d)));
        assertThat(m.body()).startsWith(" 様\n").contains("受診日　　　　　　：not-a-date");
    }

    @Nested
    @DisplayName("MAIL-1 union templates replace the built-in ones without code")
    class UnionTemplates {
        @Test
        @DisplayName("withTemplate replaces one kind, the others stay")
        void withTemplate() {
            MailRenderer r = renderer.withTemplate(NotificationKind.BOOKED,
                    "Subject: 予約 ${reservationId} 受付\n\n${memberName}様 ${examDateJa} ${startTimeJa}～${endTimeJa} $$100\n${footer}\n");
            MailMessage m = r.render(Samples.entry(NotificationKind.BOOKED));
            assertThat(m.subject()).isEqualTo("予約 5247 受付");
            assertThat(m.body()).startsWith("建設 太郎様 2024年2月18日(日) 09:00～09:30 $100\n〒550-0014\n");
            assertThat(r.render(Samples.entry(NotificationKind.CANCELLED)).body())
                    .isEqualTo(renderer.render(Samples.entry(NotificationKind.CANCELLED)).body());
            // the original renderer is unchanged
            assertThat(renderer.render(Samples.entry(NotificationKind.BOOKED)).subject()).contains("ご予約完了");
        }

        @Test
        @DisplayName("an unknown placeholder fails when the template is installed, not when a mail is sent")
        void unknownPlaceholder() {
            assertThatThrownBy(() -> renderer.withTemplate(NotificationKind.BOOKED,
                    "Subject: x\n\n${reservationID}\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("BOOKED").hasMessageContaining("line 3").hasMessageContaining("${reservationID}");
            assertThatThrownBy(() -> renderer.withTemplate(NotificationKind.BOOKED, "Subject: ${nope}\n\nbody\n"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
        }

        @Test
        @DisplayName("a malformed template fails at once with the reason")
        void malformed() {
            assertThatThrownBy(() -> renderer.withTemplate(NotificationKind.BOOKED, "予約完了\n\nbody"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Subject:");
            assertThatThrownBy(() -> renderer.withTemplate(NotificationKind.BOOKED, "Subject: x\nbody"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
            assertThatThrownBy(() -> renderer.withTemplate(NotificationKind.BOOKED, "Subject:   \n\nbody"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
            assertThatThrownBy(() -> renderer.withTemplate(NotificationKind.BOOKED, "Subject: x\n\n${venue\n"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unclosed");
            assertThatThrownBy(() -> renderer.withTemplate(NotificationKind.BOOKED, "Subject: x\n\n${ven ue}\n"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("malformed");
            assertThatThrownBy(() -> renderer.withTemplate(NotificationKind.BOOKED, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("a file's BOM and CRLF line ends are accepted")
        void bomAndCrlf() {
            MailRenderer r = renderer.withTemplate(NotificationKind.REMINDER,
                    "\uFEFFSubject: 明日 ${venue}\r\n\r\n${memberName} 様\r\nend\r\n");
            MailMessage m = r.render(Samples.entry(NotificationKind.REMINDER));
            assertThat(m.subject()).isEqualTo("明日 ミリカローデン那珂川");
            assertThat(m.body()).isEqualTo("建設 太郎 様\nend\n");
        }

        @Test
        @DisplayName("withTemplatesFrom reads KIND.txt files of a directory")
        void fromDirectory(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("REMINDER.txt"), "Subject: 明日は健診日です\n\n${venue}\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("README.md"), "not a template", StandardCharsets.UTF_8);
            MailRenderer r = renderer.withTemplatesFrom(dir);
            assertThat(r.render(Samples.entry(NotificationKind.REMINDER)).subject()).isEqualTo("明日は健診日です");
            assertThat(r.render(Samples.entry(NotificationKind.REMINDER)).body()).isEqualTo("ミリカローデン那珂川\n");
            assertThat(r.render(Samples.entry(NotificationKind.BOOKED)).subject()).contains("ご予約完了");
        }

        @Test
        @DisplayName("withTemplatesFrom refuses a misnamed or invalid file and a missing directory")
        void fromDirectoryErrors(@TempDir Path dir) throws IOException {
            Files.writeString(dir.resolve("BOOKING.txt"), "Subject: x\n\ny\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> renderer.withTemplatesFrom(dir))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BOOKING.txt");
            Files.delete(dir.resolve("BOOKING.txt"));
            Files.writeString(dir.resolve("BOOKED.txt"), "Subject: x\n\n${unknownThing}\n", StandardCharsets.UTF_8);
            assertThatThrownBy(() -> renderer.withTemplatesFrom(dir))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BOOKED.txt")
                    .hasMessageContaining("${unknownThing}");
            assertThatThrownBy(() -> renderer.withTemplatesFrom(dir.resolve("missing")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("the built-in template text is available to start a union's own from")
        void defaultTemplateText() {
            String text = MailRenderer.defaultTemplate(NotificationKind.PASSWORD_RESET);
            assertThat(text).startsWith("Subject: ").contains("${resetLink}");
            assertThat(renderer.withTemplate(NotificationKind.PASSWORD_RESET, text)
                    .render(Samples.entry(NotificationKind.PASSWORD_RESET)).body())
                    .isEqualTo(renderer.render(Samples.entry(NotificationKind.PASSWORD_RESET)).body());
        }
    }

    @Test
    @DisplayName("RESET-1 the reset link base must be an http(s) URL")
    void resetLinkBase() {
        assertThatThrownBy(() -> renderer.withResetLinkBase("kenren-jigyo.jp/reset?t="))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.withResetLinkBase("javascript:alert(1)//"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(renderer.withResetLinkBase("http://localhost:8080/reset/")
                .render(Samples.entry(NotificationKind.PASSWORD_RESET)).body())
                .contains("http://localhost:8080/reset/" + Samples.TOKEN);
    }
}
