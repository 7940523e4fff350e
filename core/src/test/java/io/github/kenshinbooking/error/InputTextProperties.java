package io.github.kenshinbooking.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;

/**
 * HARD-3 as properties of {@link InputText}: clean text (code points outside C0, DEL, C1 and the
 * surrogate range, assembled into well-formed UTF-16) within the bound is accepted unchanged; the
 * same text with one control character or one malformed surrogate planted anywhere is refused on
 * the field; anything over the bound is refused. The character classes are spelled out here from
 * the rule, not taken from the class under test.
 */
class InputTextProperties {
    private static final String FIELD = "field";
    private static final int BOUND = 64;

    /** Code points that are neither control characters nor surrogates, weighted towards what forms contain. */
    @Provide
    Arbitrary<Integer> cleanCodePoints() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x20, 0x7E)), // printable ASCII
                Tuple.of(1, Arbitraries.integers().between(0xA0, 0xD7FF)), // Latin-1 and on to the surrogates
                Tuple.of(3, Arbitraries.integers().between(0x3000, 0x30FF)), // CJK punctuation, kana
                Tuple.of(2, Arbitraries.integers().between(0xFF01, 0xFF9F)), // full-width forms, half-width kana
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)), // private use and on
                Tuple.of(2, Arbitraries.integers().between(0x1_0000, 0x10_FFFF))); // supplementary: emoji, rare kanji
    }

    /** Clean text of 0..40 code points (at most 80 UTF-16 units, so sometimes over {@link #BOUND}). */
    @Provide
    Arbitrary<String> cleanText() {
        return cleanCodePoints().list().ofMaxSize(40).map(InputTextProperties::text);
    }

    /** Clean text that fits the bound. */
    @Provide
    Arbitrary<String> cleanWithinBound() {
        return cleanText().filter(s -> s.length() <= BOUND);
    }

    private static String text(List<Integer> codePoints) {
        StringBuilder sb = new StringBuilder();
        codePoints.forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** C0 except tab, LF and CR, DEL and C1: refused in every field. */
    @Provide
    Arbitrary<String> controls() {
        return Arbitraries.oneOf(
                Arbitraries.chars().range('\u0000', '\u001F').filter(c -> c != '\t' && c != '\n' && c != '\r'),
                Arbitraries.just('\u007F'),
                Arbitraries.chars().range('\u0080', '\u009F')).map(String::valueOf);
    }

    /** Tab, LF, CR: refused in a single-line field only. */
    @Provide
    Arbitrary<String> lineBreaks() {
        return Arbitraries.of("\t", "\n", "\r", "\r\n");
    }

    /** A lone high surrogate, a lone low one, or a pair in the wrong order. */
    @Provide
    Arbitrary<String> malformed() {
        Arbitrary<Character> high = Arbitraries.chars().range('\uD800', '\uDBFF');
        Arbitrary<Character> low = Arbitraries.chars().range('\uDC00', '\uDFFF');
        return Arbitraries.oneOf(high.map(String::valueOf), low.map(String::valueOf),
                Combinators.combine(low, high).as((l, h) -> "" + l + h));
    }

    @Provide
    Arbitrary<Tuple2<String, String>> textWithControl() {
        return plant(controls());
    }

    @Provide
    Arbitrary<Tuple2<String, String>> textWithMalformed() {
        return plant(malformed());
    }

    @Provide
    Arbitrary<Tuple2<String, String>> textWithLineBreak() {
        return plant(lineBreaks());
    }

    /**
     * (clean text with the fragment planted at a code-point boundary, so no pair of the text is split;
     * the fragment). At most 20 code points and a fragment of two units: within the bound.
     */
    private Arbitrary<Tuple2<String, String>> plant(Arbitrary<String> fragments) {
        Arbitrary<List<Integer>> codePoints = cleanCodePoints().list().ofMaxSize(20);
        return Combinators.combine(codePoints, fragments, Arbitraries.integers().between(0, 20))
                .as((cps, fragment, at) -> {
                    int index = Math.min(at, cps.size());
                    String text = text(cps.subList(0, index)) + fragment + text(cps.subList(index, cps.size()));
                    return Tuple.of(text, fragment);
                });
    }

    @Property(tries = 300)
    @Label("HARD-3 clean text within the bound is accepted unchanged by a single-line and a multi-line field")
    void cleanTextIsAccepted(@ForAll("cleanWithinBound") String text) throws Refusal {
        assertThat(InputText.line(text, FIELD, BOUND)).isSameAs(text);
        assertThat(InputText.multiline(text, FIELD, BOUND)).isSameAs(text);
        assertThat(InputText.isClean(text)).isTrue();
    }

    @Property(tries = 300)
    @Label("HARD-3 text with a control character (C0 but tab and line breaks, DEL, C1) anywhere is refused in every field")
    void controlIsRefused(@ForAll("textWithControl") Tuple2<String, String> planted) {
        assertRefused(planted.get1(), false);
        assertRefused(planted.get1(), true);
        assertThat(InputText.isClean(planted.get1())).isFalse();
    }

    @Property(tries = 300)
    @Label("HARD-3 text with a lone or reversed surrogate anywhere is refused in every field")
    void malformedIsRefused(@ForAll("textWithMalformed") Tuple2<String, String> planted) {
        assertRefused(planted.get1(), false);
        assertRefused(planted.get1(), true);
        assertThat(InputText.isClean(planted.get1())).isFalse();
    }

    @Property(tries = 200)
    @Label("HARD-3 text with a tab or line break is refused in a single-line field and accepted in a multi-line one")
    void lineBreakOnlyInMultiline(@ForAll("textWithLineBreak") Tuple2<String, String> planted) throws Refusal {
        assertRefused(planted.get1(), false);
        assertThat(InputText.multiline(planted.get1(), FIELD, BOUND)).isSameAs(planted.get1());
    }

    @Property(tries = 200)
    @Label("HARD-3 text over the bound is refused whatever it holds, clean or not")
    void overBoundIsRefused(@ForAll("cleanText") String text, @ForAll @IntRange(min = 0, max = 80) int bound) {
        if (text.length() > bound) {
            Refusal line = catchThrowableOfType(Refusal.class, () -> InputText.line(text, FIELD, bound));
            Refusal multi = catchThrowableOfType(Refusal.class, () -> InputText.multiline(text, FIELD, bound));
            assertOnField(line);
            assertOnField(multi);
        } else {
            assertThat(catchThrowableOfType(Refusal.class, () -> InputText.line(text, FIELD, bound))).isNull();
        }
    }

    private static void assertRefused(String text, boolean multiline) {
        Refusal r = catchThrowableOfType(Refusal.class, () -> {
            if (multiline) {
                InputText.multiline(text, FIELD, BOUND);
            } else {
                InputText.line(text, FIELD, BOUND);
            }
        });
        assertOnField(r);
    }

    private static void assertOnField(Refusal r) {
        assertThat(r).as("refused").isNotNull();
        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(r.field()).contains(FIELD);
    }
}
