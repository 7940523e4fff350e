package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.time.api.constraints.DateRange;

class MailRendererProperties {
    private static final MailRenderer RENDERER = MailRenderer.withDefaults(UnionPolicy.defaults());
    private static final List<String> WEEK = List.of("日", "月", "火", "水", "木", "金", "土");

    @Provide
    Arbitrary<String> anyText() {
        // data as it may come from a union's master data or a user: Japanese, '$', braces, line breaks, controls
        return Arbitraries.strings().withChars("建設太郎ミリカローデン${}\\$\n\r\t\u0000 abc-@.").ofMaxLength(30);
    }

    @Property(tries = 300)
    @Label("MAIL-1 any data renders: values go in literally, are never expanded again, subjects stay one line")
    void valuesAreLiteral(@ForAll NotificationKind kind, @ForAll("anyText") String venue,
            @ForAll("anyText") String name, @ForAll("anyText") String id) {
        Map<String, String> d = new HashMap<>(Samples.notification(kind).data());
        d.put(NotificationData.VENUE, venue);
        d.put(NotificationData.MEMBER_NAME, name);
        d.put(NotificationData.RESERVATION_ID, id);
        MailRenderer r = RENDERER.withTemplate(kind, "Subject: [${reservationId}] ${venue}\n\n<${memberName}>|<${venue}>\n");
        MailMessage m = r.render(Samples.entry(7, Notification.of(kind, Samples.TO, d)));
        assertThat(m.body()).isEqualTo("<" + name + ">|<" + venue + ">\n");
        assertThat(m.subject()).doesNotContain("\n", "\r", "\u0000", "\t");
        String expectedSubject = ("[" + id + "] " + venue).replaceAll("\\p{Cntrl}", " ").strip();
        assertThat(m.subject()).isEqualTo(expectedSubject);
        // the built-in template too
        MailMessage builtIn = RENDERER.render(Samples.entry(7, Notification.of(kind, Samples.TO, d)));
        assertThat(builtIn.subject()).doesNotContain("\n", "\r");
        assertThat(builtIn.body()).endsWith("TEL : 0120-654-931\n");
    }

    @Property(tries = 200)
    @Label("MAIL-1 Japanese dates: 2024年2月18日(日) form, weekdays in calendar order (2024-02-18 was a Sunday)")
    void japaneseDates(@ForAll @DateRange(min = "1990-01-01", max = "2100-12-31") LocalDate date) {
        String s = JapaneseFormat.date(date);
        assertThat(s).isEqualTo(date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日("
                + s.substring(s.length() - 2, s.length() - 1) + ")");
        long days = ChronoUnit.DAYS.between(LocalDate.of(2024, 2, 18), date);
        String expectedWeekday = WEEK.get((int) Math.floorMod(days, 7L));
        assertThat(s).endsWith("(" + expectedWeekday + ")");
    }

    @Property(tries = 100)
    @Label("MAIL-1 end time = start + minutes, written HH:mm")
    void endTime(@ForAll @IntRange(min = 0, max = 23) int hour, @ForAll @IntRange(min = 0, max = 59) int minute,
            @ForAll @IntRange(min = 1, max = 180) int minutes) {
        Map<String, String> d = Samples.reservation();
        d.put(NotificationData.START_TIME, String.format("%02d:%02d", hour, minute));
        d.put(NotificationData.MINUTES, Integer.toString(minutes));
        MailRenderer r = RENDERER.withTemplate(NotificationKind.BOOKED, "Subject: s\n\n${startTimeJa}-${endTimeJa}");
        String body = r.render(Samples.entry(1, Notification.of(NotificationKind.BOOKED, Samples.TO, d))).body();
        int end = (hour * 60 + minute + minutes) % (24 * 60);
        assertThat(body).isEqualTo(String.format("%02d:%02d-%02d:%02d", hour, minute, end / 60, end % 60));
    }
}
