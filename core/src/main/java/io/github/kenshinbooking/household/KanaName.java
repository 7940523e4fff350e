package io.github.kenshinbooking.household;

import io.github.kenshinbooking.error.InputText;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;

/**
 * A name in katakana (カナ氏名) as the union's member records hold it, e.g. {@code ｹﾝｾﾂ ﾀﾛｳ}.
 * Comparison follows AUTH-2: NFKC, then all white space dropped, so half-width, full-width and
 * unspaced forms match; hiragana does not match katakana. Immutable and thread-safe.
 *
 * @param value the name as the member records hold it
 */
public record KanaName(String value) {
    /**
     * Checks the value.
     *
     * @param value the name as the member records hold it
     * @throws NullPointerException if it is {@code null}
     * @throws IllegalArgumentException if its comparison key is empty (blank)
     */
    public KanaName {
        requireNonNull(value, "value");
        if (!InputText.isClean(value) || matchKey(value).isEmpty()) {
            throw new IllegalArgumentException("kana name must not be blank");
        }
    }

    /**
     * The kana name of that value.
     *
     * @param value the name, not blank
     * @return the kana name
     */
    public static KanaName of(String value) {
        return new KanaName(value);
    }

    /**
     * The AUTH-2 comparison key: NFKC with every space (ASCII, ideographic, any white space) removed.
     *
     * @param raw a name as typed or stored
     * @return its comparison key
     */
    public static String matchKey(String raw) {
        String n = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /**
     * This name's comparison key (AUTH-2).
     *
     * @return the key, never empty
     */
    public String matchKey() {
        return matchKey(value);
    }

    /**
     * Whether the given input names the same person under AUTH-2; {@code false} for null.
     *
     * @param input the name as typed, may be {@code null}
     * @return {@code true} if the comparison keys are equal
     */
    public boolean matches(String input) {
        return input != null && matchKey().equals(matchKey(input));
    }
}
