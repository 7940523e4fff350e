package io.github.kenshinbooking.error;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rule refused the request: the one checked outcome every use case declares.
 *
 * <p>It carries a stable {@link ErrorCode} from RULES.md and, where the code has one, a detail a
 * screen can show (see {@code RefusalMessages} for the Japanese messages):
 * <ul>
 *   <li>{@link #field()}: the offending input, always for {@link ErrorCode#INVALID_INPUT} and for
 *       other field-level codes ({@code INVALID_PHONE}, {@code INVALID_EMAIL},
 *       {@code PASSWORD_POLICY}, {@code CONFIRMATION_MISMATCH}, ...); its value is one of the
 *       {@code FIELD_} constants below;</li>
 *   <li>{@link #lockedUntil()}: the instant the login lock ends, always for
 *       {@link ErrorCode#ACCOUNT_LOCKED} from {@code LoginService} (AUTH-4);</li>
 *   <li>{@link #ageLimit()}: too young or too old, always for {@link ErrorCode#NOT_ELIGIBLE_AGE} from
 *       the booking rules (ELIG-2, ORDER-1);</li>
 *   <li>{@link #lineErrors()} and {@link #lineErrorCount()}: the bad rows of an import file, always
 *       for {@link ErrorCode#IMPORT_INVALID} (DATA-2, DATA-3);</li>
 *   <li>{@link #subject()} and {@link #subjectName()}: the optional test or course refused, always for
 *       {@link ErrorCode#OPTION_NOT_ELIGIBLE} and {@link ErrorCode#OPTION_FULL} (OPT-1, OPT-2), and for
 *       {@link ErrorCode#NOT_ELIGIBLE_AGE} when a course of the union's own refuses the member (CRS-1).</li>
 * </ul>
 * A refusal means nothing was written. It has no stack trace: it is an expected outcome, not a bug.
 * It is serializable; its details are stored nullable and exposed as {@link Optional}, except the
 * line errors, which a deserialized refusal no longer holds (their count stays).
 */
public final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** Login (AUTH-1): the household's 記号番号; also the identity of a password reset (RESET-2). */
    public static final String FIELD_SYMBOL_NUMBER = "symbolNumber";
    /** Login (AUTH-1) and password reset (RESET-2): the representative's フリガナ. */
    public static final String FIELD_KANA = "kana";
    /** Login (AUTH-1): the household password or the initial one (AUTH-3). */
    public static final String FIELD_PASSWORD = "password";
    /** Password change (PW-2): the current password; names {@code INVALID_CREDENTIALS} when it is wrong. */
    public static final String FIELD_CURRENT = "current";
    /** Password change (PW-1, PW-2) and reset (RESET-2): the new password; names {@code PASSWORD_POLICY}. */
    public static final String FIELD_NEW = "new";
    /**
     * Password change and reset, e-mail setting: the value typed again; names
     * {@code CONFIRMATION_MISMATCH}.
     */
    public static final String FIELD_CONFIRM = "confirm";
    /** E-mail setting (MAIL-ADDR-1) and reset request (RESET-1): the address; names {@code INVALID_EMAIL}. */
    public static final String FIELD_EMAIL = "email";
    /** Password reset (RESET-2): the token of the reset link. */
    public static final String FIELD_TOKEN = "token";
    /** Every household use case: the household's session. */
    public static final String FIELD_SESSION = "session";
    /**
     * Booking, e-mail, password change, member views: the selected member (利用者); names
     * {@code FORBIDDEN} and {@code REPRESENTATIVE_ONLY}.
     */
    public static final String FIELD_MEMBER = "member";
    /** Booking, change, calendar, schedule: the slot (日程); names {@code NOT_FOUND} for an unknown slot. */
    public static final String FIELD_SLOT = "slot";
    /** Change, cancel and staff actions: the reservation (予約); names {@code NOT_FOUND} for an unknown one. */
    public static final String FIELD_RESERVATION = "reservation";
    /** Booking (BOOK-1) and changes: the daytime phone number (日中の連絡先); names {@code INVALID_PHONE}. */
    public static final String FIELD_PHONE = "phone";
    /** Booking (BOOK-1): the acceptance of the terms of use; names {@code TERMS_NOT_ACCEPTED}. */
    public static final String FIELD_ACCEPT_TERMS = "acceptTerms";
    /** Booking (BOOK-1): the whole booking request. */
    public static final String FIELD_REQUEST = "request";
    /** Booking (BOOK-1): the client's idempotency key against double submission. */
    public static final String FIELD_IDEMPOTENCY_KEY = "idempotencyKey";
    /** Reservation history: the filter. */
    public static final String FIELD_FILTER = "filter";
    /** Staff actions (CNL-2): the acting staff member. */
    public static final String FIELD_STAFF = "staff";
    /** Login with a source (source throttle): where the attempt comes from, e.g. the client's address. */
    public static final String FIELD_SOURCE = "source";
    /** Staff actions (CNL-2): the reason recorded with the action. */
    public static final String FIELD_REASON = "reason";
    /** Calendar and staff event-day cancellation (SLOT-6): the venue (会場). */
    public static final String FIELD_VENUE = "venue";
    /** Staff event-day cancellation (SLOT-6): the event date. */
    public static final String FIELD_DATE = "date";
    /** Month calendar (SLOT-4): the month shown. */
    public static final String FIELD_MONTH = "month";
    /** Calendar range views: the first day of the range. */
    public static final String FIELD_FROM = "from";
    /** Calendar range views: the last day of the range; also when it lies before {@link #FIELD_FROM}. */
    public static final String FIELD_TO = "to";
    /** A slot's deadline view (CHG-1, CNL-1): the kind of deadline (booking, change or cancel). */
    public static final String FIELD_KIND = "kind";
    /** Subsidy (SUB-2): the cost of the checkup; names {@code INVALID_AMOUNT}. */
    public static final String FIELD_COST = "cost";
    /** Staff slot management (STAFF-3): a slot's new capacity (定員); names {@code CAPACITY_BELOW_TAKEN}. */
    public static final String FIELD_CAPACITY = "capacity";
    /** Staff slot management (STAFF-3): a slot's new start, duration and reception opening. */
    public static final String FIELD_SLOT_EDIT = "slotEdit";
    /** Staff accounts: the account created or disabled (as opposed to {@link #FIELD_STAFF}, who acts). */
    public static final String FIELD_STAFF_ACCOUNT = "staffAccount";
    /** Staff accounts: the staff member's display name. */
    public static final String FIELD_DISPLAY_NAME = "displayName";
    /** Staff accounts: the role, staff or administrator. */
    public static final String FIELD_ROLE = "role";
    /** Staff booking and change (STAFF-2): whether staff override the reception window's closing. */
    public static final String FIELD_CLOSING = "closing";
    /** Slot import (DATA-2): the checkup institution (健診機関). */
    public static final String FIELD_INSTITUTION = "institution";
    /** Slot import (DATA-2): the start time. */
    public static final String FIELD_START = "start";
    /** Slot import (DATA-2): the slot's length in minutes. */
    public static final String FIELD_DURATION = "duration";
    /** Slot import (DATA-2): the date and time reception opens (SLOT-2). */
    public static final String FIELD_RECEPTION_OPENS = "receptionOpens";
    /** Member import (DATA-3): the member's name in kanji (漢字氏名). */
    public static final String FIELD_NAME = "name";
    /** Member import (DATA-3): the birth date. */
    public static final String FIELD_BIRTH_DATE = "birthDate";
    /** Member import (DATA-3): the sex. */
    public static final String FIELD_SEX = "sex";
    /** Member import (DATA-3): the date the qualification began (資格取得日). */
    public static final String FIELD_QUALIFIED_FROM = "qualifiedFrom";
    /** Member import (DATA-3): the date the qualification ended (資格喪失日). */
    public static final String FIELD_QUALIFIED_UNTIL = "qualifiedUntil";
    /** Member import (DATA-3): the representative flag (代表者). */
    public static final String FIELD_REPRESENTATIVE = "representative";
    /** Imports (DATA-2, DATA-3): a whole row, e.g. a wrong number of columns or a household without representative. */
    public static final String FIELD_ROW = "row";
    /** Imports (DATA-2, DATA-3): the header row (line 1): a missing or unknown column. */
    public static final String FIELD_HEADER = "header";
    /** A waiting-list entry (WAIT-1..WAIT-4). */
    public static final String FIELD_WAITING_ENTRY = "waitingEntry";
    /** Booking: the course chosen (CRS-1). */
    public static final String FIELD_COURSE = "course";
    /** Booking and change: the optional tests chosen (OPT-1, OPT-2). */
    public static final String FIELD_OPTIONS = "options";

    /** The RULES.md code. */
    private final ErrorCode code;
    /** The offending field, or {@code null}. */
    private final String field;
    /** The end of the login lock, or {@code null}. */
    private final Instant lockedUntil;
    /** The crossed age bound, or {@code null}. */
    private final AgeLimit ageLimit;
    /** The bad rows of an import reported (at most the policy's bound); not serialized, read back as none. */
    private final transient List<LineError> lineErrors;
    /** How many bad rows the import had, reported or not. */
    private final long lineErrorCount;
    /** The code of the optional test or course refused, or {@code null}. */
    private final String subject;
    /** Its name as the union shows it, or {@code null}. */
    private final String subjectName;

    private Refusal(ErrorCode code, String field, String detail) {
        this(code, field, null, null, detail);
    }

    private Refusal(ErrorCode code, String field, Instant lockedUntil, AgeLimit ageLimit, String detail) {
        this(code, field, lockedUntil, ageLimit, List.of(), 0, detail);
    }

    private Refusal(ErrorCode code, String field, Instant lockedUntil, AgeLimit ageLimit, List<LineError> lineErrors,
            long lineErrorCount, String detail) {
        this(code, field, lockedUntil, ageLimit, lineErrors, lineErrorCount, null, null, detail);
    }

    private Refusal(ErrorCode code, String field, Instant lockedUntil, AgeLimit ageLimit, List<LineError> lineErrors,
            long lineErrorCount, String subject, String subjectName, String detail) {
        super(message(code, field, detail), null, false, false);
        this.subject = subject;
        this.subjectName = subjectName;
        this.code = requireNonNull(code, "code");
        this.field = field;
        this.lockedUntil = lockedUntil;
        this.ageLimit = ageLimit;
        this.lineErrors = lineErrors;
        this.lineErrorCount = lineErrorCount;
    }

    /**
     * A refusal with the given code.
     *
     * @param code the RULES.md code
     * @return the refusal, to throw
     */
    public static Refusal of(ErrorCode code) {
        return new Refusal(code, null, null);
    }

    /**
     * A refusal with the given code and a human-readable detail (never shown as the code).
     *
     * @param code the RULES.md code
     * @param detail a detail for logs and developers, or {@code null}
     * @return the refusal, to throw
     */
    public static Refusal of(ErrorCode code, String detail) {
        return new Refusal(code, null, detail);
    }

    /**
     * A refusal of one field, e.g. {@code onField(INVALID_PHONE, "phone", "10 or 11 digits")}.
     *
     * @param code the RULES.md code
     * @param field the name of the offending field; not {@code null}
     * @param detail a detail for logs and developers, or {@code null}
     * @return the refusal, to throw
     */
    public static Refusal onField(ErrorCode code, String field, String detail) {
        return new Refusal(code, requireNonNull(field, "field"), detail);
    }

    /**
     * {@link ErrorCode#INVALID_INPUT} for the named field.
     *
     * @param field the name of the malformed field; not {@code null}
     * @param detail a detail for logs and developers, or {@code null}
     * @return the refusal, to throw
     */
    public static Refusal invalidInput(String field, String detail) {
        return onField(ErrorCode.INVALID_INPUT, field, detail);
    }

    /**
     * {@link ErrorCode#ACCOUNT_LOCKED} with the instant the lock ends (AUTH-4): logins succeed again
     * from that instant on.
     *
     * @param lockedUntil the end of the lock; not {@code null}
     * @return the refusal, to throw
     */
    public static Refusal accountLocked(Instant lockedUntil) {
        requireNonNull(lockedUntil, "lockedUntil");
        return new Refusal(ErrorCode.ACCOUNT_LOCKED, null, lockedUntil, null, "locked until " + lockedUntil);
    }

    /**
     * {@link ErrorCode#SOURCE_THROTTLED} with the instant the source may try again.
     *
     * @param lockedUntil the end of the throttle; not {@code null}
     * @return the refusal, to throw
     */
    public static Refusal sourceThrottled(Instant lockedUntil) {
        requireNonNull(lockedUntil, "lockedUntil");
        return new Refusal(ErrorCode.SOURCE_THROTTLED, FIELD_SOURCE, lockedUntil, null,
                "source throttled until " + lockedUntil);
    }

    /**
     * {@link ErrorCode#NOT_ELIGIBLE_AGE} saying which bound of ELIG-2 the member's age crossed.
     *
     * @param ageLimit too young or too old; not {@code null}
     * @return the refusal, to throw
     */
    public static Refusal notEligibleAge(AgeLimit ageLimit) {
        requireNonNull(ageLimit, "ageLimit");
        return new Refusal(ErrorCode.NOT_ELIGIBLE_AGE, null, null, ageLimit, ageLimit.name());
    }

    /**
     * A refusal of one optional test (OPT-1 {@code OPTION_NOT_ELIGIBLE}, OPT-2 {@code OPTION_FULL}) on
     * field {@link #FIELD_OPTIONS}, naming the test.
     *
     * @param code the RULES.md code
     * @param option the test's code; not {@code null}
     * @param optionName the test's name as the union shows it; not {@code null}
     * @return the refusal, to throw
     */
    public static Refusal onOption(ErrorCode code, String option, String optionName) {
        requireNonNull(option, "option");
        requireNonNull(optionName, "optionName");
        return new Refusal(code, FIELD_OPTIONS, null, null, List.of(), 0, option, optionName, option);
    }

    /**
     * {@link ErrorCode#NOT_ELIGIBLE_AGE} of a course of the union's own (CRS-1), on field
     * {@link #FIELD_COURSE}, naming the course: its own age range or its sex excludes the member.
     *
     * @param ageLimit the crossed bound, or {@code null} when the course is for the other sex
     * @param course the course's code; not {@code null}
     * @param courseName the course's name as the union shows it; not {@code null}
     * @return the refusal, to throw
     */
    public static Refusal courseNotEligible(AgeLimit ageLimit, String course, String courseName) {
        requireNonNull(course, "course");
        requireNonNull(courseName, "courseName");
        return new Refusal(ErrorCode.NOT_ELIGIBLE_AGE, FIELD_COURSE, null, ageLimit, List.of(), 0, course, courseName,
                course + (ageLimit == null ? " sex" : " " + ageLimit.name()));
    }

    /**
     * {@link ErrorCode#IMPORT_INVALID} with the bad rows of the file (DATA-2, DATA-3): nothing of it was
     * written.
     *
     * @param lineErrors the errors reported (a bad field, or a bad row as a whole), by line; at least one; copied
     * @param lineErrorCount how many errors the file had, at least as many as reported (an import
     *     reports a bounded number of them)
     * @return the refusal, to throw
     * @throws IllegalArgumentException if no error is given or the count is below the errors given
     */
    public static Refusal importInvalid(List<LineError> lineErrors, long lineErrorCount) {
        List<LineError> errors = List.copyOf(requireNonNull(lineErrors, "lineErrors"));
        if (errors.isEmpty() || lineErrorCount < errors.size()) {
            throw new IllegalArgumentException("need at least one error and a count of at least " + errors.size());
        }
        LineError first = errors.get(0);
        return new Refusal(ErrorCode.IMPORT_INVALID, null, null, null, errors, lineErrorCount,
                lineErrorCount + " error(s), first: line " + first.line() + " [" + first.field() + "]: "
                        + first.detail());
    }

    /**
     * The RULES.md code.
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * The offending field, where the refusal concerns one.
     *
     * @return the field's name, or empty
     */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /**
     * The end of the login lock (AUTH-4), for {@link ErrorCode#ACCOUNT_LOCKED}: logins succeed again
     * from that instant on.
     *
     * @return the lock's end, or empty for any other code
     */
    public Optional<Instant> lockedUntil() {
        return Optional.ofNullable(lockedUntil);
    }

    /**
     * Which bound of ELIG-2 the member's age crossed, for {@link ErrorCode#NOT_ELIGIBLE_AGE}.
     *
     * @return too young or too old, or empty for any other code
     */
    public Optional<AgeLimit> ageLimit() {
        return Optional.ofNullable(ageLimit);
    }

    /**
     * The bad rows of an import file, for {@link ErrorCode#IMPORT_INVALID} (DATA-2, DATA-3): by line,
     * at most as many as the policy reports ({@code DataExchangePolicy.maxReportedErrors}).
     *
     * @return the reported bad rows in file order; empty for any other code
     */
    public List<LineError> lineErrors() {
        return lineErrors == null ? List.of() : lineErrors;
    }

    /**
     * How many errors (bad fields and bad rows) the import file had, including those past the reported ones.
     *
     * @return the count, at least {@code lineErrors().size()}; 0 for any other code
     */
    public long lineErrorCount() {
        return lineErrorCount;
    }

    /**
     * The code of the optional test (OPT-1, OPT-2) or course (CRS-1) refused.
     *
     * @return the code, or empty when the refusal names none
     */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /**
     * The name of the optional test or course refused, as the union shows it.
     *
     * @return the name, or empty when the refusal names none
     */
    public Optional<String> subjectName() {
        return Optional.ofNullable(subjectName);
    }

    private static String message(ErrorCode code, String field, String detail) {
        StringBuilder sb = new StringBuilder(String.valueOf(code));
        if (field != null) {
            sb.append(" [").append(field).append(']');
        }
        if (detail != null) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
