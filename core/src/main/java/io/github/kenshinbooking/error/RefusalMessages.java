package io.github.kenshinbooking.error;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.policy.UnionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Japanese message of a {@link Refusal} for a screen (エラーメッセージ), from the library's bundle
 * {@code io/github/kenshinbooking/error/messages.properties}, with the union's numbers and zone:
 * <ul>
 *   <li>{@link ErrorCode#ACCOUNT_LOCKED} with {@link Refusal#lockedUntil()} shows the lock's end in the
 *       union's zone, e.g. {@code 2024年1月10日 10:31} (key {@code ACCOUNT_LOCKED.until});</li>
 *   <li>{@link ErrorCode#NOT_ELIGIBLE_AGE} with {@link Refusal#ageLimit()} says too young or too old
 *       with the policy's ages (keys {@code NOT_ELIGIBLE_AGE.TOO_YOUNG}, {@code NOT_ELIGIBLE_AGE.TOO_OLD});</li>
 *   <li>a refusal naming a {@link Refusal#subject()} (an optional test or a course, OPT-1, OPT-2, CRS-1)
 *       shows its name where the code has a {@code <CODE>.subject} message;</li>
 *   <li>a refusal naming a {@link Refusal#field()} shows the field's Japanese label where the code has
 *       a {@code <CODE>.field} message (e.g. {@code INVALID_INPUT.field}: {@code 記号番号を正しくご入力ください。}).</li>
 * </ul>
 * Every message is a {@link MessageFormat} pattern with the same arguments: {@code {0}} the detail
 * (the lock's end, the subject's name or the field's label), {@code {1}} {@code AgePolicy.eligibleFrom}, {@code {2}} the
 * oldest eligible age ({@code eligibleUnder - 1}), {@code {3}} {@code eligibleUnder}, {@code {4}}
 * {@code PasswordPolicy.minLength}, {@code {5}} the lockout's duration in minutes. The keys
 * {@code field.<name>} label the fields; {@code format.dateTime} is the pattern of the lock's end.
 * A union overrides any of them with its own bundle ({@link #withOverrides(ResourceBundle)}).
 * Immutable and thread-safe.
 */
public final class RefusalMessages {
    /** The prefix of a field's label key, e.g. {@code field.symbolNumber}. */
    public static final String FIELD_PREFIX = "field.";
    /** The key of the {@link DateTimeFormatter} pattern of the lock's end. */
    public static final String DATE_TIME_FORMAT = "format.dateTime";
    private static final String BUNDLE = "messages.properties";
    private static final String FIELD_VARIANT = ".field";
    private static final String UNTIL_VARIANT = ".until";
    private static final String SUBJECT_VARIANT = ".subject";
    private static final Map<String, String> LIBRARY = load();
    private static final Set<String> KNOWN_KEYS = knownKeys();

    private final UnionPolicy policy;
    private final Map<String, String> texts;
    private final DateTimeFormatter dateTime;

    private RefusalMessages(UnionPolicy policy, Map<String, String> texts) {
        this.policy = policy;
        this.texts = Collections.unmodifiableMap(new HashMap<>(texts));
        this.dateTime = DateTimeFormatter.ofPattern(texts.get(DATE_TIME_FORMAT), Locale.JAPAN)
                .withZone(policy.zone());
    }

    /**
     * The library's messages with this union's ages, password length, lockout and zone.
     *
     * @param policy the union's policy, e.g. {@code engine.policy()}
     * @return the messages
     */
    public static RefusalMessages defaults(UnionPolicy policy) {
        return new RefusalMessages(requireNonNull(policy, "policy"), LIBRARY);
    }

    /**
     * These messages with a union's own: every key of {@code unionBundle} wins, every other key keeps
     * this one's text. Keys are those of the library's bundle (see the class comment); a key naming
     * nothing is ignored here, and listed by {@link #unknownKeys(ResourceBundle)}.
     *
     * @param unionBundle the union's bundle, e.g. {@code ResourceBundle.getBundle("union-messages")}
     * @return new messages; this one is unchanged
     * @throws IllegalArgumentException if the bundle's {@code format.dateTime} is not a valid pattern
     */
    public RefusalMessages withOverrides(ResourceBundle unionBundle) {
        requireNonNull(unionBundle, "unionBundle");
        Map<String, String> merged = new HashMap<>(texts);
        for (String key : unionBundle.keySet()) {
            merged.put(key, unionBundle.getString(key));
        }
        return new RefusalMessages(policy, merged);
    }

    /**
     * The Japanese message of a refusal, with its details and the union's numbers.
     *
     * @param refusal the refusal
     * @return the message to show; never blank
     */
    public String message(Refusal refusal) {
        requireNonNull(refusal, "refusal");
        String code = refusal.code().name();
        String key = code;
        String detail = "";
        if (refusal.lockedUntil().isPresent()) {
            key = code + UNTIL_VARIANT;
            detail = dateTime.format(refusal.lockedUntil().get());
        } else if (refusal.subjectName().isPresent()) {
            detail = refusal.subjectName().get();
            if (texts.containsKey(code + SUBJECT_VARIANT)) {
                key = code + SUBJECT_VARIANT;
            }
        } else if (refusal.ageLimit().isPresent()) {
            key = code + "." + refusal.ageLimit().get().name();
        } else if (refusal.field().isPresent()) {
            detail = fieldLabel(refusal.field().get());
            if (texts.containsKey(code + FIELD_VARIANT)) {
                key = code + FIELD_VARIANT;
            }
        }
        String pattern = texts.getOrDefault(key, texts.get(code));
        // MessageFormat is not thread-safe: one per call
        return new MessageFormat(pattern, Locale.JAPAN).format(new Object[] {detail,
                policy.ages().eligibleFrom(), policy.ages().eligibleUnder() - 1, policy.ages().eligibleUnder(),
                policy.passwords().minLength(), policy.lockout().duration().toMinutes()});
    }

    /**
     * The Japanese line of one bad row of an import file (DATA-2, DATA-3), e.g.
     * {@code 3行目 生年月日: 生年月日を正しくご入力ください。(INVALID_INPUT [birthDate]: ...)}: the
     * line, the field's label, the message of {@code INVALID_INPUT} for the field, and the detail.
     *
     * @param error one of {@link Refusal#lineErrors()}
     * @return the line to show
     */
    public String lineMessage(LineError error) {
        requireNonNull(error, "error");
        String label = fieldLabel(error.field());
        String pattern = texts.getOrDefault(ErrorCode.INVALID_INPUT.name() + FIELD_VARIANT,
                texts.get(ErrorCode.INVALID_INPUT.name()));
        String text = new MessageFormat(pattern, Locale.JAPAN).format(new Object[] {label});
        return error.line() + "行目 " + label + ": " + text + " (" + error.detail() + ")";
    }

    /**
     * The Japanese label of a field (key {@code field.<name>}), e.g. {@code 記号番号} for
     * {@link Refusal#FIELD_SYMBOL_NUMBER}.
     *
     * @param field a field's name, one of {@link Refusal}'s {@code FIELD_} constants
     * @return its label, or {@code field} itself if it has none
     */
    public String fieldLabel(String field) {
        requireNonNull(field, "field");
        return texts.getOrDefault(FIELD_PREFIX + field, field);
    }

    /**
     * The keys of a bundle that name no message, field or format of this class: typos to fix, e.g.
     * {@code SLOT_FUL}. A union's test can assert its bundle has none.
     *
     * @param bundle a bundle of messages
     * @return its unknown keys, sorted; empty if all are known
     */
    public static Set<String> unknownKeys(ResourceBundle bundle) {
        requireNonNull(bundle, "bundle");
        return bundle.keySet().stream().filter(k -> !KNOWN_KEYS.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The names of every field a refusal may name: the values of {@link Refusal}'s {@code FIELD_}
     * constants.
     *
     * @return the field names
     */
    public static Set<String> fieldNames() {
        return Arrays.stream(Refusal.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                        && f.getName().startsWith("FIELD_"))
                .map(RefusalMessages::value)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String value(Field f) {
        try {
            return (String) f.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError("public constant " + f, e);
        }
    }

    private static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>();
        for (ErrorCode code : EnumSet.allOf(ErrorCode.class)) {
            keys.add(code.name());
            keys.add(code.name() + FIELD_VARIANT);
            keys.add(code.name() + SUBJECT_VARIANT);
        }
        keys.add(ErrorCode.ACCOUNT_LOCKED.name() + UNTIL_VARIANT);
        Stream.of(AgeLimit.values()).forEach(l -> keys.add(ErrorCode.NOT_ELIGIBLE_AGE.name() + "." + l.name()));
        fieldNames().forEach(f -> keys.add(FIELD_PREFIX + f));
        keys.add(DATE_TIME_FORMAT);
        return Collections.unmodifiableSet(keys);
    }

    private static Map<String, String> load() {
        try (InputStream in = RefusalMessages.class.getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BUNDLE + " beside " + RefusalMessages.class);
            }
            ResourceBundle bundle = new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new HashMap<>();
            for (String key : bundle.keySet()) {
                texts.put(key, bundle.getString(key));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLE, e);
        }
    }
}
