package io.github.kenshinbooking.mail;

import static io.github.kenshinbooking.notification.NotificationData.*;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Notifications as core records them, with the manual's example booking: 予約ID 5247,
 * ミリカローデン那珂川 (ヘルスポートクリニック), 2024-02-18 09:00, 30 minutes; deadlines as RULES.md
 * defaults give them (change 13 days before 00:00 = 2024-02-05T00:00, cancel 2 days before =
 * 2024-02-16T00:00).
 */
final class Samples {
    static final String TO = "taro@example.jp";
    static final String TOKEN = "q1w2e3r4t5y6u7i8o9p0AsDfGhJkLzXcVbNm-_0123";
    static final Instant CREATED = Instant.parse("2024-01-10T01:23:45Z");

    private Samples() {
    }

    static Map<String, String> reservation() {
        Map<String, String> d = new HashMap<>();
        d.put(RESERVATION_ID, "5247");
        d.put(SYMBOL_NUMBER, "1999999");
        d.put(MEMBER_NAME, "建設 太郎");
        d.put(VENUE, "ミリカローデン那珂川");
        d.put(INSTITUTION, "ヘルスポートクリニック");
        d.put(EXAM_DATE, "2024-02-18");
        d.put(START_TIME, "09:00");
        d.put(MINUTES, "30");
        d.put(CHANGE_DEADLINE, "2024-02-05T00:00");
        d.put(CANCEL_DEADLINE, "2024-02-16T00:00");
        return d;
    }

    static Notification notification(NotificationKind kind) {
        Map<String, String> d;
        switch (kind) {
            case BOOKED, CANCELLED, REMINDER, EVENT_CANCELLED -> d = reservation();
            case CHANGED -> {
                d = reservation();
                d.put(VENUE, "那珂川市健康福祉センター");
                d.put(INSTITUTION, "ヘルスポートクリニック");
                d.put(EXAM_DATE, "2024-03-03");
                d.put(START_TIME, "10:30");
                d.put(CHANGE_DEADLINE, "2024-02-19T00:00");
                d.put(CANCEL_DEADLINE, "2024-03-01T00:00");
                d.put(PREVIOUS_VENUE, "ミリカローデン那珂川");
                d.put(PREVIOUS_INSTITUTION, "ヘルスポートクリニック");
                d.put(PREVIOUS_EXAM_DATE, "2024-02-18");
                d.put(PREVIOUS_START_TIME, "09:00");
            }
            case EMAIL_CHANGED -> d = new HashMap<>(Map.of(EMAIL, TO, SYMBOL_NUMBER, "1999999"));
            case PASSWORD_RESET -> d = new HashMap<>(Map.of(RESET_TOKEN, TOKEN, RESET_EXPIRES_AT, "2024-01-10T11:23:45"));
            case WAITING_OFFER -> {
                d = reservation();
                d.remove(RESERVATION_ID);
                d.remove(CHANGE_DEADLINE);
                d.remove(CANCEL_DEADLINE);
                d.put(WAITING_ENTRY_ID, "77");
                d.put(HELD_UNTIL, "2024-02-02T10:15");
            }
            default -> throw new AssertionError(kind);
        }
        return new Notification(kind, TO, Optional.empty(), d);
    }

    static OutboxEntry entry(long id, Notification n) {
        return new OutboxEntry(id, n, CREATED, 0, CREATED, Optional.empty(), Optional.empty());
    }

    static OutboxEntry entry(NotificationKind kind) {
        return entry(kind.ordinal() + 1, notification(kind));
    }
}
