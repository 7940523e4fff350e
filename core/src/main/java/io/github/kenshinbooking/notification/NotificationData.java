package io.github.kenshinbooking.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The data keys of a {@link Notification} and a stable text encoding of the data map for stores
 * that keep it in one column. Date-times are ISO local date-times in the union's zone.
 */
public final class NotificationData {
    /** 予約ID */
    public static final String RESERVATION_ID = "reservationId";
    /** 記号番号 */
    public static final String SYMBOL_NUMBER = "symbolNumber";
    /** 受診者 漢字氏名 */
    public static final String MEMBER_NAME = "memberName";
    /** 会場 */
    public static final String VENUE = "venue";
    /** 健診機関 */
    public static final String INSTITUTION = "institution";
    /** 受診日 yyyy-MM-dd */
    public static final String EXAM_DATE = "examDate";
    /** 開始時刻 HH:mm */
    public static final String START_TIME = "startTime";
    /** 所要分 */
    public static final String MINUTES = "minutes";
    /** 変更締切 (local date-time) */
    public static final String CHANGE_DEADLINE = "changeDeadline";
    /** キャンセル締切 (local date-time) */
    public static final String CANCEL_DEADLINE = "cancelDeadline";
    /** For CHANGED: the previous venue, date and time. */
    public static final String PREVIOUS_VENUE = "previousVenue";
    /** For CHANGED: the previous institution. */
    public static final String PREVIOUS_INSTITUTION = "previousInstitution";
    /** For CHANGED: the previous exam date, yyyy-MM-dd. */
    public static final String PREVIOUS_EXAM_DATE = "previousExamDate";
    /** For CHANGED: the previous start time, HH:mm. */
    public static final String PREVIOUS_START_TIME = "previousStartTime";
    /** Set when union staff acted (CNL-2). */
    public static final String BY_STAFF = "byStaff";
    /** For EMAIL_CHANGED: the new address. */
    public static final String EMAIL = "email";
    /** For PASSWORD_RESET: the raw token to put in the link. */
    public static final String RESET_TOKEN = "resetToken";
    /** For PASSWORD_RESET: when the link stops working (local date-time). */
    public static final String RESET_EXPIRES_AT = "resetExpiresAt";

    /** For WAITING_OFFER: the waiting entry's id, which the accept link carries (WAIT-2). */
    public static final String WAITING_ENTRY_ID = "waitingEntryId";
    /** For WAITING_OFFER: when the hold ends (local date-time, WAIT-2). */
    public static final String HELD_UNTIL = "heldUntil";

    /**
     * The keys whose values only the mail may carry: once an entry is sent, no store keeps them
     * (HARD-2). Today the reset token.
     */
    public static final Set<String> SECRETS = Set.of(RESET_TOKEN);

    private NotificationData() {
    }

    /**
     * Encodes a data map as {@code key=value} lines, percent-escaping '%', '=', CR and LF.
     *
     * @param data the data map
     * @return the lines, sorted by key
     */
    public static String encode(Map<String, String> data) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(data).entrySet()) {
            sb.append(escape(e.getKey())).append('=').append(escape(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    /**
     * Decodes what {@link #encode(Map)} wrote.
     *
     * @param text the encoded text; {@code null} or empty for no data
     * @return the data map
     */
    public static Map<String, String> decode(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("malformed notification data line");
            }
            out.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
        }
        return out;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%': sb.append("%25"); break;
                case '=': sb.append("%3D"); break;
                case '\n': sb.append("%0A"); break;
                case '\r': sb.append("%0D"); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
