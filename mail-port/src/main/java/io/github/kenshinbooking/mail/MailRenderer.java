package io.github.kenshinbooking.mail;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.notification.Notification;
import io.github.kenshinbooking.notification.NotificationData;
import io.github.kenshinbooking.notification.NotificationKind;
import io.github.kenshinbooking.notification.OutboxEntry;
import io.github.kenshinbooking.policy.UnionContact;
import io.github.kenshinbooking.policy.UnionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns an outbox entry into a {@link MailMessage}: the kind's template filled with the
 * notification's data and the union's policy (MAIL-1). Built-in Japanese templates cover the
 * eight kinds; a union replaces any of them without touching code ({@link #withTemplate},
 * {@link #withTemplatesFrom}).
 *
 * <h2>Template format</h2>
 * UTF-8 plain text. Line 1 is {@code Subject: ...}, line 2 is blank, the rest is the body.
 * {@code ${name}} inserts a value, {@code $$} a literal {@code $}. A body line holding nothing but
 * one placeholder whose value is empty is left out. An unknown placeholder fails when the template
 * is installed. Values missing from a notification render empty. Names:
 * <ul>
 * <li>every {@link NotificationData} key, raw: {@code ${reservationId}}, {@code ${memberName}},
 *     {@code ${venue}}, {@code ${institution}}, {@code ${examDate}} ({@code 2024-02-18}),
 *     {@code ${startTime}}, {@code ${minutes}}, {@code ${changeDeadline}}, {@code ${cancelDeadline}},
 *     {@code ${previousVenue}}, {@code ${previousInstitution}}, {@code ${previousExamDate}},
 *     {@code ${previousStartTime}}, {@code ${byStaff}}, {@code ${email}}, {@code ${symbolNumber}},
 *     {@code ${resetToken}}, {@code ${resetExpiresAt}}, {@code ${waitingEntryId}}, {@code ${heldUntil}};</li>
 * <li>formatted: {@code ${examDateJa}} ({@code 2024年2月18日(日)}), {@code ${startTimeJa}}
 *     ({@code 09:00}), {@code ${endTimeJa}} (start + minutes), {@code ${changeDeadlineJa}} and
 *     {@code ${cancelDeadlineJa}} ({@code 2024年2月5日(月) 00:00}), {@code ${previousExamDateJa}},
 *     {@code ${previousStartTimeJa}}, {@code ${resetExpiresAtJa}}, {@code ${heldUntilJa}};</li>
 * <li>from the policy: {@code ${unionName}}, {@code ${senderName}}, {@code ${senderAddress}},
 *     {@code ${senderDomain}}, {@code ${footer}} (the contact lines, one per line),
 *     {@code ${resetValidMinutes}}, {@code ${reminderDaysBefore}}, {@code ${passwordMinLength}};</li>
 * <li>others: {@code ${resetLink}} (reset link base + token), {@code ${recipient}} (the To address),
 *     {@code ${byStaffNote}} (a note when union staff acted, CNL-2, else empty).</li>
 * </ul>
 *
 * <p>The Message-ID is {@code <kenshin-outbox-ID.CREATED@DOMAIN>}: the outbox entry's id, its
 * creation second (so a store whose ids restart cannot collide with old mails) and the sender's
 * domain. It is the same on every attempt, so receivers can de-duplicate a resend.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return new renderers.
 */
public final class MailRenderer {
    /** The placeholders that are not data keys. */
    static final Set<String> EXTRAS = Set.of(
            "examDateJa", "startTimeJa", "endTimeJa", "changeDeadlineJa", "cancelDeadlineJa",
            "previousExamDateJa", "previousStartTimeJa", "resetExpiresAtJa", "heldUntilJa",
            "unionName", "senderName", "senderAddress", "senderDomain", "footer", "resetValidMinutes",
            "reminderDaysBefore", "passwordMinLength", "resetLink", "recipient", "byStaffNote");

    /** Every name a template may use. */
    static final Set<String> KNOWN = knownNames();

    private static final String TEMPLATE_DIR = "templates/";
    private static final String STAFF_NOTE = "※このお手続きは、組合にて承りました。";

    private final UnionPolicy policy;
    private final Map<NotificationKind, MailTemplate> templates;
    private final String resetLinkBase;

    private MailRenderer(UnionPolicy policy, Map<NotificationKind, MailTemplate> templates, String resetLinkBase) {
        this.policy = policy;
        this.templates = Collections.unmodifiableMap(new EnumMap<>(templates));
        this.resetLinkBase = resetLinkBase;
    }

    /**
     * A renderer with the built-in Japanese templates, the policy's sender and contact footer,
     * and the reset link base {@code https://DOMAIN/password-reset?token=} (DOMAIN from the
     * sender address); set the site's real one with {@link #withResetLinkBase}.
     *
     * @param policy the union's policy: sender, contact footer and the numbers the templates show
     * @return a new renderer
     */
    public static MailRenderer withDefaults(UnionPolicy policy) {
        requireNonNull(policy, "policy");
        Map<NotificationKind, MailTemplate> t = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            t.put(kind, MailTemplate.parse(builtIn(kind), KNOWN));
        }
        String base = "https://" + domainOf(policy.mail().contact().senderAddress()) + "/password-reset?token=";
        return new MailRenderer(policy, t, base);
    }

    /**
     * The text of a built-in template, e.g. to start a union's own version from it.
     *
     * @param kind the kind of mail (MAIL-1)
     * @return the template text (format in the class comment)
     */
    public static String defaultTemplate(NotificationKind kind) {
        return builtIn(requireNonNull(kind, "kind"));
    }

    /**
     * This renderer with the kind's template replaced (format in the class comment).
     *
     * @param kind     the kind of mail whose template is replaced
     * @param template the template text
     * @return a new renderer
     * @throws IllegalArgumentException if the template is malformed or uses an unknown placeholder
     */
    public MailRenderer withTemplate(NotificationKind kind, String template) {
        requireNonNull(kind, "kind");
        MailTemplate parsed;
        try {
            parsed = MailTemplate.parse(template, KNOWN);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("template for " + kind + ": " + e.getMessage(), e);
        }
        Map<NotificationKind, MailTemplate> t = new EnumMap<>(templates);
        t.put(kind, parsed);
        return new MailRenderer(policy, t, resetLinkBase);
    }

    /**
     * This renderer with the templates of a directory: each {@code KIND.txt} file (UTF-8, e.g.
     * {@code BOOKED.txt}) replaces that kind's template; kinds without a file keep theirs.
     *
     * @param dir the directory holding the {@code KIND.txt} files
     * @return a new renderer
     * @throws IllegalArgumentException if it is not a directory, a {@code .txt} file is not named
     *     after a kind, or a template is invalid
     * @throws UncheckedIOException if a file cannot be read
     */
    public MailRenderer withTemplatesFrom(Path dir) {
        requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        MailRenderer out = this;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            String kindName = name.substring(0, name.length() - ".txt".length());
            NotificationKind kind;
            try {
                kind = NotificationKind.valueOf(kindName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("template file " + file + " is not named after a kind; use one of "
                        + List.of(NotificationKind.values()) + " + \".txt\"", e);
            }
            try {
                out = out.withTemplate(kind, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * This renderer with the reset link base: the link is {@code base + token} (the token is
     * URL-safe Base64).
     *
     * @param base the link up to the token, e.g. {@code https://kenren.example.jp/password-reset?token=}
     * @return a new renderer
     * @throws IllegalArgumentException unless it is an absolute http or https URL
     */
    public MailRenderer withResetLinkBase(String base) {
        requireNonNull(base, "base");
        try {
            // the base itself must name a host: the token is appended after it, never part of it
            URI uri = new URI(base);
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("reset link base must be an absolute http(s) URL: " + base);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("reset link base is not a URL: " + base, e);
        }
        return new MailRenderer(policy, templates, base);
    }

    /**
     * The policy this renderer takes sender and footer from.
     *
     * @return the union's policy
     */
    public UnionPolicy policy() {
        return policy;
    }

    /**
     * Renders an outbox entry. Never fails for missing or malformed data: such values render empty or raw.
     *
     * @param entry the outbox entry
     * @return the mail, with the entry's stable Message-ID
     */
    public MailMessage render(OutboxEntry entry) {
        requireNonNull(entry, "entry");
        Notification n = entry.notification();
        Map<String, String> values = values(n);
        MailTemplate t = templates.get(n.kind());
        UnionContact c = policy.mail().contact();
        return new MailMessage(messageId(entry), n.kind(), c.senderAddress(), c.senderName(), n.recipient(),
                t.subject(values), t.body(values), n);
    }

    /** The stable Message-ID of an entry. */
    String messageId(OutboxEntry entry) {
        return "<kenshin-outbox-" + entry.id() + "." + entry.createdAt().getEpochSecond() + "@"
                + domainOf(policy.mail().contact().senderAddress()) + ">";
    }

    private Map<String, String> values(Notification n) {
        Map<String, String> v = new HashMap<>(n.data());
        UnionContact c = policy.mail().contact();
        v.put("unionName", c.unionName());
        v.put("senderName", c.senderName());
        v.put("senderAddress", c.senderAddress());
        v.put("senderDomain", domainOf(c.senderAddress()));
        v.put("footer", String.join("\n", c.footerLines()));
        v.put("resetValidMinutes", Long.toString(policy.reset().linkValidity().toMinutes()));
        v.put("reminderDaysBefore", Integer.toString(policy.mail().reminderDaysBefore()));
        v.put("passwordMinLength", Integer.toString(policy.passwords().minLength()));
        v.put("recipient", n.recipient());
        formatted(v, n, NotificationData.EXAM_DATE, "examDateJa", s -> JapaneseFormat.date(LocalDate.parse(s)));
        formatted(v, n, NotificationData.PREVIOUS_EXAM_DATE, "previousExamDateJa",
                s -> JapaneseFormat.date(LocalDate.parse(s)));
        formatted(v, n, NotificationData.START_TIME, "startTimeJa", s -> JapaneseFormat.time(LocalTime.parse(s)));
        formatted(v, n, NotificationData.PREVIOUS_START_TIME, "previousStartTimeJa",
                s -> JapaneseFormat.time(LocalTime.parse(s)));
        formatted(v, n, NotificationData.CHANGE_DEADLINE, "changeDeadlineJa",
                s -> JapaneseFormat.dateTime(LocalDateTime.parse(s)));
        formatted(v, n, NotificationData.CANCEL_DEADLINE, "cancelDeadlineJa",
                s -> JapaneseFormat.dateTime(LocalDateTime.parse(s)));
        formatted(v, n, NotificationData.RESET_EXPIRES_AT, "resetExpiresAtJa",
                s -> JapaneseFormat.dateTime(LocalDateTime.parse(s)));
        formatted(v, n, NotificationData.HELD_UNTIL, "heldUntilJa", s -> JapaneseFormat.dateTime(LocalDateTime.parse(s)));
        v.put("endTimeJa", endTime(n).orElse(""));
        v.put("resetLink", n.get(NotificationData.RESET_TOKEN).map(token -> resetLinkBase + token).orElse(""));
        v.put("byStaffNote", n.get(NotificationData.BY_STAFF).filter("true"::equals).map(x -> STAFF_NOTE).orElse(""));
        return v;
    }

    private static void formatted(Map<String, String> v, Notification n, String key, String name,
            Function<String, String> format) {
        Optional<String> raw = n.get(key);
        String out = "";
        if (raw.isPresent()) {
            try {
                out = format.apply(raw.get());
            } catch (DateTimeParseException e) {
                out = raw.get(); // a malformed value still tells the reader something; never fail a mail for it
            }
        }
        v.put(name, out);
    }

    private static Optional<String> endTime(Notification n) {
        try {
            Optional<String> start = n.get(NotificationData.START_TIME);
            Optional<String> minutes = n.get(NotificationData.MINUTES);
            if (start.isEmpty() || minutes.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(JapaneseFormat.time(LocalTime.parse(start.get())
                    .plusMinutes(Long.parseLong(minutes.get()))));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        String d = at < 0 ? "" : address.substring(at + 1);
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char ch = d.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.'
                    || ch == '-') {
                sb.append(ch);
            }
        }
        return sb.length() == 0 ? "kenshin-booking.invalid" : sb.toString();
    }

    private static String builtIn(NotificationKind kind) {
        String resource = TEMPLATE_DIR + kind.name() + ".txt";
        try (InputStream in = MailRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in template missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in template " + resource, e);
        }
    }

    private static Set<String> knownNames() {
        Set<String> names = new TreeSet<>(EXTRAS);
        for (Field f : NotificationData.class.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
