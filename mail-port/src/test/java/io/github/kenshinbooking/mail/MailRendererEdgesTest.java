package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.MailPolicy;
import io.github.kenshinbooking.policy.UnionContact;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MailRendererEdgesTest {
    private static final String ID_FORM = "<kenshin-outbox-\\d+\\.\\d+@[A-Za-z0-9.-]+>";

    private static MailRenderer from(String senderAddress) {
        UnionContact contact = new UnionContact("建設国保", senderAddress, "健診予約", List.of("TEL : 03-0000-0000"));
        return MailRenderer.withDefaults(UnionPolicy.builder().mail(new MailPolicy(3, contact)).build());
    }

    private static MailMessage reset(MailRenderer r) {
        return r.render(Samples.entry(NotificationKind.PASSWORD_RESET));
    }

    @Test
    @DisplayName("RESET-1 MAIL-2 the default reset link host and the Message-ID domain are the sender address's domain")
    void domainFromSender() {
        MailMessage m = reset(from("Yoyaku-2@Az09-az.Zenkoku.example"));
        assertThat(m.body()).contains("https://Az09-az.Zenkoku.example/password-reset?token=" + Samples.TOKEN);
        assertThat(m.messageId()).endsWith("@Az09-az.Zenkoku.example>");
    }

    @Test
    @DisplayName("RESET-1 MAIL-2 the domain is what follows the last @, also when @ is the first character")
    void domainAfterLastAt() {
        assertThat(reset(from("@kenpo.example.jp")).messageId()).endsWith("@kenpo.example.jp>");
        MailMessage m = reset(from("\"a@b\"@kenpo.example.jp"));
        assertThat(m.messageId()).endsWith("@kenpo.example.jp>");
        assertThat(m.body()).contains("https://kenpo.example.jp/password-reset?token=" + Samples.TOKEN);
    }

    @Test
    @DisplayName("MAIL-2 RESET-1 a sender address without a domain or with stray characters still gives a well-formed Message-ID and link host")
    void noUsableDomain() {
        for (String sender : List.of("no-reply", "no-reply@", "no-reply@ <>")) {
            MailMessage m = reset(from(sender));
            assertThat(m.messageId()).as(sender).matches(ID_FORM);
            String link = m.body().lines().filter(l -> l.contains(Samples.TOKEN)).findFirst().orElseThrow().strip();
            assertThat(URI.create(link.substring(link.indexOf("https://"))).getHost()).as(sender).isNotBlank();
        }
        assertThat(reset(from("no-reply@kenpo.example.jp> ")).messageId()).matches(ID_FORM)
                .endsWith("@kenpo.example.jp>");
    }

    @Test
    @DisplayName("RESET-1 the reset link base must be an absolute http(s) URL with a host; the scheme ignores case")
    void resetLinkBase() {
        MailRenderer r = MailRenderer.withDefaults(UnionPolicy.defaults());
        assertThatThrownBy(() -> r.withResetLinkBase(null)).isInstanceOf(NullPointerException.class);
        for (String bad : List.of("", " ", "ftp://kenren.example.jp/reset?token=", "https:/reset?token=",
                "http:reset?token=", "https://", "http://")) {
            assertThatThrownBy(() -> r.withResetLinkBase(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(reset(r.withResetLinkBase("HTTPS://kenren.example.jp/reset?token=")).body())
                .contains("HTTPS://kenren.example.jp/reset?token=" + Samples.TOKEN);
        assertThat(reset(r.withResetLinkBase("http://kenren.example.jp/reset/")).body())
                .contains("http://kenren.example.jp/reset/" + Samples.TOKEN);
    }

    @Test
    @DisplayName("MAIL-1 the end time needs both start time and minutes; either missing renders it empty, never fails")
    void endTimeNeedsBoth() {
        MailRenderer r = MailRenderer.withDefaults(UnionPolicy.defaults())
                .withTemplate(NotificationKind.BOOKED, "Subject: s\n\n[${startTimeJa}-${endTimeJa}]");
        Notification both = new Notification(NotificationKind.BOOKED, Samples.TO, Optional.empty(),
                Map.of(NotificationData.START_TIME, "09:00", NotificationData.MINUTES, "30"));
        Notification noStart = new Notification(NotificationKind.BOOKED, Samples.TO, Optional.empty(),
                Map.of(NotificationData.MINUTES, "30"));
        Notification noMinutes = new Notification(NotificationKind.BOOKED, Samples.TO, Optional.empty(),
                Map.of(NotificationData.START_TIME, "09:00"));
        assertThat(r.render(Samples.entry(1, both)).body()).isEqualTo("[09:00-09:30]");
        assertThat(r.render(Samples.entry(2, noStart)).body()).isEqualTo("[-]");
        assertThat(r.render(Samples.entry(3, noMinutes)).body()).isEqualTo("[09:00-]");
    }

    @Test
    @DisplayName("MAIL-1 policy() is the policy the renderer was made with, kept by withResetLinkBase")
    void policy() {
        UnionPolicy p = UnionPolicy.defaults();
        MailRenderer r = MailRenderer.withDefaults(p);
        assertThat(r.policy()).isSameAs(p);
        assertThat(r.withResetLinkBase("https://kenren.example.jp/r?t=").policy()).isSameAs(p);
    }
}
