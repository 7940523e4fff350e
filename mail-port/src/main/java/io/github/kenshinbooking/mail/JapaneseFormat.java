package io.github.kenshinbooking.mail;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** How mails write dates and times: {@code 2024年2月18日(日)}, {@code 09:00}. Internal. */
final class JapaneseFormat {
    private static final String[] WEEKDAYS = {"月", "火", "水", "木", "金", "土", "日"};

    private JapaneseFormat() {
    }

    /** {@code 2024年2月18日(日)} */
    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日(" + weekday(d.getDayOfWeek())
                + ")";
    }

    /** {@code 09:00} */
    static String time(LocalTime t) {
        return String.format("%02d:%02d", t.getHour(), t.getMinute());
    }

    /** {@code 2024年2月5日(月) 00:00} */
    static String dateTime(LocalDateTime dt) {
        return date(dt.toLocalDate()) + " " + time(dt.toLocalTime());
    }

    /** 月 .. 日 */
    static String weekday(DayOfWeek d) {
        return WEEKDAYS[d.getValue() - 1];
    }
}
