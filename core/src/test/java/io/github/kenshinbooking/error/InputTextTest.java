package io.github.kenshinbooking.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HARD-3 by example: which characters and lengths {@link InputText} refuses, on which field. */
class InputTextTest {
    private static final String FIELD = "someField";
    private static final int MAX = 10;

    /** The refusal of a single-line check, or {@code null} if it passed (then it returned the value unchanged). */
    private static Refusal line(String value, int max) {
        return refusal(value, max, false);
    }

    private static Refusal multiline(String value, int max) {
        return refusal(value, max, true);
    }

    private static Refusal refusal(String value, int max, boolean multi) {
        return catchThrowableOfType(Refusal.class, () -> {
            String out = multi ? InputText.multiline(value, FIELD, max) : InputText.line(value, FIELD, max);
            assertThat(out).isSameAs(value);
        });
    }

    private static void assertRefusedOnField(Refusal r) {
        assertThat(r).as("refused").isNotNull();
        assertThat(r.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(r.field()).contains(FIELD);
    }

    @Test
    @DisplayName("HARD-3 every C0 control character, NUL included, is refused in a single-line field, alone and inside text")
    void everyC0RefusedInLine() {
        for (char c = 0x00; c <= 0x1F; c++) {
            String alone = String.valueOf(c);
            String inside = "ab" + c + "cd";
            assertRefusedOnField(line(alone, MAX));
            assertRefusedOnField(line(inside, MAX));
            assertThat(InputText.isClean(inside)).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    @DisplayName("HARD-3 in a multi-line field only tab, line feed and carriage return of C0 pass")
    void c0InMultiline() {
        for (char c = 0x00; c <= 0x1F; c++) {
            String inside = "ab" + c + "cd";
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            if (allowed) {
                assertThat(multiline(inside, MAX)).as("U+%04X", (int) c).isNull();
            } else {
                assertRefusedOnField(multiline(inside, MAX));
            }
        }
    }

    @Test
    @DisplayName("HARD-3 NUL is refused in either kind of field, also at the start and the end")
    void nul() {
        assertRefusedOnField(line("\u0000", MAX));
        assertRefusedOnField(line("\u0000abc", MAX));
        assertRefusedOnField(line("abc\u0000", MAX));
        assertRefusedOnField(multiline("a\u0000b", MAX));
    }

    @Test
    @DisplayName("HARD-3 DEL (U+007F) is refused in either kind of field")
    void del() {
        assertRefusedOnField(line("a\u007Fb", MAX));
        assertRefusedOnField(multiline("a\u007Fb", MAX));
        assertThat(InputText.isClean("\u007F")).isFalse();
    }

    @Test
    @DisplayName("HARD-3 every C1 control character (U+0080..U+009F) is refused in either kind of field")
    void everyC1() {
        for (char c = 0x80; c <= 0x9F; c++) {
            assertRefusedOnField(line("a" + c, MAX));
            assertRefusedOnField(multiline("a" + c, MAX));
            assertThat(InputText.isClean(String.valueOf(c))).as("U+%04X", (int) c).isFalse();
        }
    }

    @Test
    @DisplayName("HARD-3 the neighbours of the control ranges pass: space, tilde, no-break space")
    void neighboursPass() {
        assertThat(line(" ", MAX)).isNull();
        assertThat(line("~", MAX)).isNull();
        assertThat(line("\u00A0", MAX)).isNull();
        assertThat(InputText.isClean(" ~\u00A0")).isTrue();
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0009", "000A", "000D"})
    @DisplayName("HARD-3 tab and line breaks are refused in a single-line field, accepted in a multi-line one")
    void lineBreaks(String hex) {
        String text = "本人より" + (char) Integer.parseInt(hex, 16) + "電話";
        assertRefusedOnField(line(text, MAX));
        assertThat(multiline(text, MAX)).isNull();
        assertThat(InputText.isClean(text)).isFalse();
    }

    @Test
    @DisplayName("HARD-3 CRLF and several lines pass in a multi-line field")
    void severalLines() {
        assertThat(multiline("一行目\r\n二行目\n\t三行目", 100)).isNull();
    }

    @Test
    @DisplayName("HARD-3 a lone high surrogate is refused: alone, inside, at the end, before another high one")
    void loneHigh() {
        for (String s : new String[] {"\uD800", "a\uD83Db", "abc\uDBFF", "\uD83D\uD83D\uDE00"}) {
            assertRefusedOnField(line(s, MAX));
            assertRefusedOnField(multiline(s, MAX));
            assertThat(InputText.isClean(s)).isFalse();
        }
    }

    @Test
    @DisplayName("HARD-3 a lone low surrogate is refused: alone, at the start, inside, after a complete pair")
    void loneLow() {
        for (String s : new String[] {"\uDC00", "\uDE00abc", "a\uDFFFb", "\uD83D\uDE00\uDE00"}) {
            assertRefusedOnField(line(s, MAX));
            assertRefusedOnField(multiline(s, MAX));
            assertThat(InputText.isClean(s)).isFalse();
        }
    }

    @Test
    @DisplayName("HARD-3 a reversed pair (low before high) is refused")
    void reversedPair() {
        String reversed = "a\uDE00\uD83Db";
        assertRefusedOnField(line(reversed, MAX));
        assertRefusedOnField(multiline(reversed, MAX));
        assertThat(InputText.isClean(reversed)).isFalse();
    }

    @Test
    @DisplayName("HARD-3 a well-formed pair passes: emoji, a ZWJ sequence, a supplementary kanji")
    void validPairs() {
        String grinning = new String(Character.toChars(0x1F600));
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String kanji = new String(Character.toChars(0x20BB7)); // 𠮷
        for (String s : new String[] {grinning, "a" + grinning + "b", family, kanji + "野家"}) {
            assertThat(line(s, 20)).as(s).isNull();
            assertThat(multiline(s, 20)).as(s).isNull();
            assertThat(InputText.isClean(s)).isTrue();
        }
    }

    @Test
    @DisplayName("HARD-3 full-width digits, half- and full-width kana and ideographic space pass unchanged (normalising is the field's own business)")
    void japaneseTextPasses() {
        for (String s : new String[] {"１９９９９９９", "ｹﾝｾﾂ ﾀﾛｳ", "ケンセツ　タロウ", "〇九〇ー一二三四", "建設 太郎"}) {
            assertThat(line(s, MAX)).as(s).isNull();
            assertThat(InputText.isClean(s)).isTrue();
        }
    }

    @Test
    @DisplayName("HARD-3 SQL metacharacters are no business of the check: they pass")
    void sqlMetacharactersPass() {
        for (String s : new String[] {"'; DROP TABLE kb_slot; --", "%", "_", "\\", "a'b\"c`d"}) {
            assertThat(line(s, 40)).as(s).isNull();
        }
    }

    @Test
    @DisplayName("HARD-3 the length bound: max UTF-16 units pass, max + 1 are refused on the field, in either kind of field")
    void lengthBoundary() {
        assertThat(line("a".repeat(MAX), MAX)).isNull();
        assertRefusedOnField(line("a".repeat(MAX + 1), MAX));
        assertThat(multiline("a\n".repeat(MAX / 2), MAX)).isNull();
        assertRefusedOnField(multiline("a\n".repeat(MAX / 2) + "a", MAX));
    }

    @Test
    @DisplayName("HARD-3 the length is counted in UTF-16 units: an emoji counts two")
    void lengthInUtf16Units() {
        String grinning = new String(Character.toChars(0x1F600));
        assertThat(line(grinning.repeat(5), MAX)).isNull();
        assertRefusedOnField(line(grinning.repeat(5) + "a", MAX));
    }

    @Test
    @DisplayName("HARD-3 over-long input is refused whatever it holds, also 10 million full-width digits")
    void overLong() {
        assertRefusedOnField(line("１".repeat(10_000_000), InputText.DEFAULT_MAX_LENGTH));
        assertRefusedOnField(multiline("x".repeat(InputText.MAX_MULTILINE_LENGTH + 1), InputText.MAX_MULTILINE_LENGTH));
        assertThat(multiline("x".repeat(InputText.MAX_MULTILINE_LENGTH), InputText.MAX_MULTILINE_LENGTH)).isNull();
    }

    @Test
    @DisplayName("HARD-3 null is refused as required, on the field; empty and blank pass (blankness is the field's own rule)")
    void nullAndEmpty() {
        assertRefusedOnField(line(null, MAX));
        assertRefusedOnField(multiline(null, MAX));
        assertThat(InputText.isClean(null)).isFalse();
        assertThat(line("", MAX)).isNull();
        assertThat(line("   ", MAX)).isNull();
        assertThat(InputText.isClean("")).isTrue();
    }
}
