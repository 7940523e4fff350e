package io.github.kenshinbooking.household;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** AUTH-2 as properties: width and spacing variants of a name always match; different names never do. */
class KanaProperties {
    private static final String FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワンャュョッ"
            + "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ";
    private static final Map<Character, String> HALF = new HashMap<>();

    static {
        String plain = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝｬｭｮｯ";
        for (int i = 0; i < plain.length(); i++) {
            HALF.put(FULL.charAt(i), String.valueOf(plain.charAt(i)));
        }
        String voicedFull = "ガギグゲゴザジズゼゾダヂヅデドバビブベボ";
        String voicedBase = "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ";
        for (int i = 0; i < voicedFull.length(); i++) {
            HALF.put(voicedFull.charAt(i), voicedBase.charAt(i) + "ﾞ");
        }
        String semiFull = "パピプペポ";
        String semiBase = "ﾊﾋﾌﾍﾎ";
        for (int i = 0; i < semiFull.length(); i++) {
            HALF.put(semiFull.charAt(i), semiBase.charAt(i) + "ﾟ");
        }
    }

    record Name(String family, String given) {
        String fullWidth(String sep) {
            return family + sep + given;
        }

        String halfWidth(String sep) {
            StringBuilder sb = new StringBuilder();
            for (char c : (family).toCharArray()) {
                sb.append(HALF.get(c));
            }
            sb.append(sep);
            for (char c : (given).toCharArray()) {
                sb.append(HALF.get(c));
            }
            return sb.toString();
        }
    }

    @Provide
    Arbitrary<Name> names() {
        Arbitrary<String> part = Arbitraries.strings().withChars(FULL.toCharArray()).ofMinLength(1).ofMaxLength(6);
        return net.jqwik.api.Combinators.combine(part, part).as(Name::new);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "　", "  ", " 　");
    }

    @Property(tries = 2000)
    @Label("AUTH-2 half-width, full-width, spaced and unspaced forms of one name match each other")
    void variantsMatch(@ForAll("names") Name n, @ForAll("separators") String a, @ForAll("separators") String b) {
        List<String> forms = List.of(n.fullWidth(a), n.fullWidth(b), n.halfWidth(a), n.halfWidth(b), " " + n.halfWidth(a) + " ");
        for (String stored : forms) {
            for (String typed : forms) {
                assertThat(KanaName.of(stored).matches(typed)).as("%s vs %s", stored, typed).isTrue();
            }
        }
    }

    @Property(tries = 2000)
    @Label("AUTH-2 different names never match, whatever their width or spacing")
    void differentNamesNeverMatch(@ForAll("names") Name x, @ForAll("names") Name y, @ForAll("separators") String a,
            @ForAll("separators") String b) {
        Assume.that(!(x.family() + x.given()).equals(y.family() + y.given()));
        assertThat(KanaName.of(x.halfWidth(a)).matches(y.fullWidth(b))).isFalse();
        assertThat(KanaName.of(x.fullWidth(a)).matches(y.fullWidth(b))).isFalse();
    }
}
