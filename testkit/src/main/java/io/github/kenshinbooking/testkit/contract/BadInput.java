package io.github.kenshinbooking.testkit.contract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The bad-input corpus of HARD-3 as jqwik generators, for properties that feed hostile text to an
 * API: NUL and every other C0 control character, DEL, every C1 control character, tab and line
 * breaks, lone high and low surrogates and a reversed pair, over-long text (10,000 characters, and
 * one of 10 million built once and shared), and well-formed but unusual text (full-width digits,
 * emoji, a ZWJ sequence, format characters, U+2028, a noncharacter, U+10FFFF, SQL metacharacters such as
 * {@code '; DROP TABLE kb_slot; --}, {@code %}, {@code _} and {@code \}).
 *
 * <p>Each {@link Sample} says what it is ({@link Kind}) and so what HARD-3 requires of a field given
 * it: {@link Sample#refusedIn(boolean)}. {@link #samples()} draws from the fixed corpus;
 * {@link #plantedIn(String)} plants one fragment into a value the field would accept, so that the
 * character check, not the field's own rule, is what must refuse it; {@link #forField(String)} mixes
 * both. A sample's {@code toString()} is a short escaped label, so a failing property reports
 * {@code "x\u0000y"} or {@code 10,000,000 × '1'}, never the text itself.
 *
 * <p>Stateless and thread-safe; the 10-million-character text is one shared instance (about 10 MB).
 */
public final class BadInput {
    /** The length of the long samples, over the bound of every field of the engine. */
    public static final int LONG = 10_000;
    /** The length of the huge sample. */
    public static final int HUGE = 10_000_000;

    /** The fragments {@link #plantedIn} plants that are unusual but well-formed. */
    private static final List<String> UNUSUAL_FRAGMENTS = List.of("'", "\"", "%", "_", "\\", "`", ";",
            "'; DROP TABLE kb_slot; --", "\uD83D\uDE00", "１", "ｱ", " ", "\u3000", "\u00A0", "\u200D", "\uFEFF",
            "\u202E", "\u0301", "\u2028", "\uFFFF");

    private BadInput() {
    }

    /** What a sample is, and so what HARD-3 requires of the field it is given to. */
    public enum Kind {
        /** NUL, any other C0 control character but tab and line breaks, DEL, or a C1 control character: refused by every field. */
        CONTROL,
        /** Tab, line feed or carriage return: refused by a single-line field, allowed in a multi-line one. */
        LINE_BREAK,
        /** A lone high or low surrogate, or a low one before a high one: refused by every field. */
        MALFORMED_UTF16,
        /** Longer than the bound of any field ({@link #LONG} or {@link #HUGE}): refused before it is normalised. */
        OVER_LONG,
        /**
         * Well-formed and within bounds but unusual (full-width, emoji, format characters, SQL
         * metacharacters, empty, blank): the field's own rule may refuse it (e.g. {@code INVALID_PHONE}) or it
         * may be accepted, stored and read back unchanged; it is never an error.
         */
        UNUSUAL
    }

    /**
     * One bad input. Immutable and thread-safe.
     *
     * @param label a short, escaped description; what {@link #toString()} answers
     * @param text the input itself
     * @param kind what it is
     */
    public record Sample(String label, String text, Kind kind) {
        /**
         * Checks the components.
         *
         * @param label a short, escaped description
         * @param text the input itself
         * @param kind what it is
         * @throws NullPointerException if a component is {@code null}
         */
        public Sample {
            requireNonNull(label, "label");
            requireNonNull(text, "text");
            requireNonNull(kind, "kind");
        }

        /**
         * Whether HARD-3 requires a field to refuse this sample with {@code INVALID_INPUT} naming the field.
         *
         * @param multiline whether the field allows tab and line breaks (a reason, say)
         * @return {@code true} for a control character, malformed UTF-16 or over-long text; for tab
         *     and line breaks only in a single-line field
         */
        public boolean refusedIn(boolean multiline) {
            return switch (kind) {
                case CONTROL, MALFORMED_UTF16, OVER_LONG -> true;
                case LINE_BREAK -> !multiline;
                case UNUSUAL -> false;
            };
        }

        /** @return the label, never the (possibly huge or unprintable) text */
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The fixed corpus, every sample once: NUL alone and inside text, every C0 character, DEL,
     * every C1 character, tab and line breaks, malformed UTF-16, long and huge text, and the unusual
     * but well-formed samples.
     *
     * @return the samples, in that order
     */
    public static List<Sample> corpus() {
        List<Sample> out = new ArrayList<>(withoutHuge());
        out.add(huge());
        return List.copyOf(out);
    }

    /**
     * The sample of {@link #HUGE} ASCII digits, built once. A symbol number or phone of this length
     * must be refused on its length, before it is normalised.
     *
     * @return the shared sample
     */
    public static Sample huge() {
        return Huge.SAMPLE;
    }

    /**
     * Samples of the fixed corpus, each {@link Kind} about as often; among the over-long ones the
     * huge sample comes up about one time in twenty.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Sample> samples() {
        List<Arbitrary<Sample>> byKind = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            List<Sample> ofKind = withoutHuge().stream().filter(s -> s.kind() == kind).toList();
            Arbitrary<Sample> some = Arbitraries.of(ofKind);
            if (kind == Kind.OVER_LONG) {
                some = Arbitraries.frequencyOf(Tuple.of(19, some), Tuple.of(1, Arbitraries.just(huge())));
            }
            byKind.add(some);
        }
        return Arbitraries.oneOf(byKind);
    }

    /**
     * A value the field accepts with one fragment planted at a code-point boundary (so no pair of
     * it is split): a control character, a tab or line break, a lone or reversed surrogate, an
     * unusual but well-formed fragment, or padding to over {@link #LONG} characters.
     *
     * @param valid a value the field accepts
     * @return the arbitrary; each sample's kind is that of its fragment
     */
    public static Arbitrary<Sample> plantedIn(String valid) {
        requireNonNull(valid, "valid");
        int codePoints = valid.codePointCount(0, valid.length());
        Arbitrary<Integer> at = Arbitraries.integers().between(0, codePoints);
        Arbitrary<Sample> planted = Combinators.combine(fragments(), at).as((fragment, index) -> {
            int offset = valid.offsetByCodePoints(0, index);
            String text = valid.substring(0, offset) + fragment.text() + valid.substring(offset);
            return new Sample(escape(text), text, fragment.kind());
        });
        String padded = valid + "0".repeat(LONG);
        Sample tooLong = new Sample(escape(valid) + " + " + LONG + " × '0'", padded, Kind.OVER_LONG);
        return Arbitraries.frequencyOf(Tuple.of(9, planted), Tuple.of(1, Arbitraries.just(tooLong)));
    }

    /**
     * Bad input for one field: half from the fixed corpus, half planted into a value it accepts.
     *
     * @param valid a value the field accepts
     * @return the arbitrary
     */
    public static Arbitrary<Sample> forField(String valid) {
        return Arbitraries.oneOf(samples(), plantedIn(valid));
    }

    /** One fragment to plant, its kind decided by what it is; each kind about as often. */
    private static Arbitrary<Sample> fragments() {
        Arbitrary<Sample> controls = Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001F').filter(c -> c != '\t' && c != '\n' && c != '\r'),
                Arbitraries.just('\u007F'),
                Arbitraries.chars().range('\u0080', '\u009F'))
                .map(c -> fragment(String.valueOf(c), Kind.CONTROL));
        Arbitrary<Sample> breaks = Arbitraries.of("\t", "\n", "\r", "\r\n").map(s -> fragment(s, Kind.LINE_BREAK));
        Arbitrary<Character> high = Arbitraries.chars().range('\uD800', '\uDBFF');
        Arbitrary<Character> low = Arbitraries.chars().range('\uDC00', '\uDFFF');
        Arbitrary<Sample> malformed = Arbitraries.oneOf(high.map(String::valueOf), low.map(String::valueOf),
                Combinators.combine(low, high).as((l, h) -> "" + l + h))
                .map(s -> fragment(s, Kind.MALFORMED_UTF16));
        Arbitrary<Sample> unusual = Arbitraries.of(UNUSUAL_FRAGMENTS).map(s -> fragment(s, Kind.UNUSUAL));
        return Arbitraries.oneOf(controls, breaks, malformed, unusual);
    }

    private static Sample fragment(String text, Kind kind) {
        return new Sample(escape(text), text, kind);
    }

    private static List<Sample> withoutHuge() {
        return Corpus.SAMPLES;
    }

    /** The fixed corpus but the huge sample, built on first use. */
    private static final class Corpus {
        static final List<Sample> SAMPLES = build();

        private static List<Sample> build() {
            List<Sample> out = new ArrayList<>();
            out.add(sample("\u0000", Kind.CONTROL));
            out.add(sample("a\u0000b", Kind.CONTROL));
            for (char c = 0x00; c <= 0x1F; c++) {
                boolean lineBreak = c == '\t' || c == '\n' || c == '\r';
                out.add(sample("x" + c + "y", lineBreak ? Kind.LINE_BREAK : Kind.CONTROL));
            }
            out.add(sample("x\r\ny", Kind.LINE_BREAK));
            out.add(sample("x\u007Fy", Kind.CONTROL));
            for (char c = 0x80; c <= 0x9F; c++) {
                out.add(sample("x" + c + "y", Kind.CONTROL));
            }
            for (String s : List.of("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD800x", "abc\uD83D", "\uDE00abc",
                    "x\uDE00\uD83Dy", "a\uD800@example.jp")) {
                out.add(sample(s, Kind.MALFORMED_UTF16));
            }
            out.add(new Sample(LONG + " × 'a'", "a".repeat(LONG), Kind.OVER_LONG));
            out.add(new Sample(LONG + " × '１'", "１".repeat(LONG), Kind.OVER_LONG));
            for (String s : List.of("１９９９９９９", "０９２－１２３－４５６７", "ｹﾝｾﾂ ﾀﾛｳ", "\uD83D\uDE00",
                    "a\uD83D\uDE00b", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD842\uDFB7野家",
                    "'; DROP TABLE kb_slot; --", "' OR '1'='1", "%", "_", "\\", "%_\\", "\"", "`", "", "   ",
                    "\u3000", "\u00A0", "\uFEFF", "\u202Eabc", "e\u0301", "x\u2028y", "x\uFFFFy", "\uDBFF\uDFFF")) {
                out.add(sample(s, Kind.UNUSUAL));
            }
            return List.copyOf(out);
        }

        private static Sample sample(String text, Kind kind) {
            return new Sample(escape(text), text, kind);
        }
    }

    /** The huge sample, built on first use only. */
    private static final class Huge {
        static final Sample SAMPLE = new Sample(String.format(Locale.ROOT, "%,d × '1'", HUGE), "1".repeat(HUGE), Kind.OVER_LONG);
    }

    /**
     * The text quoted, with control characters, surrogates, format and combining characters,
     * separators but the ASCII space, and unassigned code units as {@code \}{@code uXXXX}, cut after 60
     * characters.
     */
    static String escape(String text) {
        return escape(text, 60);
    }

    /** The text quoted and escaped as {@link #escape(String)}, cut after {@code max} characters. */
    static String escape(String text, int max) {
        StringBuilder sb = new StringBuilder("\"");
        int limit = Math.min(text.length(), max);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || Character.isSurrogate(c) || type == Character.FORMAT
                    || type == Character.NON_SPACING_MARK || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                    || (type == Character.SPACE_SEPARATOR && c != ' ')) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
        if (text.length() > limit) {
            sb.append(String.format(Locale.ROOT, "… (%,d chars)", text.length()));
        }
        return sb.toString();
    }
}
