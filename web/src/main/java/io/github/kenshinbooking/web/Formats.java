package io.github.kenshinbooking.web;

import io.github.kenshinbooking.household.KanaName;
import io.github.kenshinbooking.reservation.WaitingEntry;
import io.github.kenshinbooking.schedule.Mark;
import io.github.kenshinbooking.schedule.SlotStatus;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates, times and marks as the manual writes them; {@code @fmt} in the templates. Thread-safe. */
@Component("fmt")
public class Formats {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd(E)", Locale.JAPANESE);
    private static final DateTimeFormatter PLAIN_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.JAPANESE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu/MM/dd(E) HH:mm", Locale.JAPANESE);

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    /** @return e.g. 2024/02/18(日) */
    public String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** @return e.g. 1960/02/10 */
    public String plainDate(LocalDate d) {
        return d == null ? "" : PLAIN_DATE.format(d);
    }

    /** @return e.g. 09:00 */
    public String time(LocalTime t) {
        return t == null ? "" : TIME.format(t);
    }

    /** @return e.g. 2024/02/05(月) 00:00 */
    public String dateTime(LocalDateTime t) {
        return t == null ? "" : DATE_TIME.format(t);
    }

    /** @return the instant in the union's zone, e.g. 2024/02/05(月) 00:00 */
    public String instant(Instant t) {
        return t == null ? "" : DATE_TIME.format(LocalDateTime.ofInstant(t, clock.getZone()));
    }

    /** @return the kana in full-width katakana as the member list shows it (ケンセツ タロウ) */
    public String kana(KanaName kana) {
        return Normalizer.normalize(kana.value(), Normalizer.Form.NFKC);
    }

    /** @return the calendar mark of a day or slot status (SLOT-4): － × ○ ◎ */
    public String mark(SlotStatus status) {
        return switch (status) {
            case RESERVED -> "◎";
            case OUTSIDE_RECEPTION -> "－";
            case FULL -> "×";
            case AVAILABLE -> "○";
        };
    }

    /** @return the words of a status: 予約済み, 受付期間外, 空きなし, 空きあり */
    public String status(SlotStatus status) {
        return switch (status) {
            case RESERVED -> "予約済み";
            case OUTSIDE_RECEPTION -> "受付期間外";
            case FULL -> "空きなし";
            case AVAILABLE -> "空きあり";
        };
    }

    /**
     * @return the state of a waiting entry (WAIT-4): 待機中, ご案内中（確保期限 …）, 予約済, 期限切れ, 取り消し
     */
    public String waitingState(WaitingEntry e) {
        return switch (e.state()) {
            case WAITING -> "待機中";
            case OFFERED -> "ご案内中（確保期限 " + instant(e.heldUntil().orElse(null)) + "）";
            case BOOKED -> "予約済";
            case EXPIRED -> "期限切れ";
            case LEFT -> "取り消し";
        };
    }

    /** @return the words of a ○△× mark (SLOT-5) */
    public String markWords(Mark mark) {
        return switch (mark) {
            case AVAILABLE -> "空きあり";
            case FEW_LEFT -> "残りわずか";
            case FULL -> "定員に達しました";
        };
    }
}
