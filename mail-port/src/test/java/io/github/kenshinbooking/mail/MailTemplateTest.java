package io.github.kenshinbooking.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The template format of mail-port/README.md: {@code ${name}} inserts a value, {@code $$} is a literal {@code $}. */
class MailTemplateTest {
    private static final Set<String> KNOWN = Set.of("a", "b");
    private static final Map<String, String> VALUES = Map.of("a", "A", "b", "B");

    private static String body(String bodyText) {
        return MailTemplate.parse("Subject: s\n\n" + bodyText, KNOWN).body(VALUES);
    }

    @Test
    @DisplayName("MAIL-1 placeholders at line start, line end and next to each other are all replaced")
    void placeholderPositions() {
        assertThat(body("${a} x")).isEqualTo("A x");
        assertThat(body("x ${a}")).isEqualTo("x A");
        assertThat(body("${a}${b}")).isEqualTo("AB");
        assertThat(body("${a}-${b}")).isEqualTo("A-B");
        assertThat(MailTemplate.parse("Subject: ${a}${b}", KNOWN).subject(VALUES)).isEqualTo("AB");
    }

    @Test
    @DisplayName("MAIL-1 $$ is a literal $, at line start, line end and before a placeholder")
    void dollarEscape() {
        assertThat(body("$$")).isEqualTo("$");
        assertThat(body("$$ 100")).isEqualTo("$ 100");
        assertThat(body("100 $$")).isEqualTo("100 $");
        assertThat(body("$$${a}")).isEqualTo("$A");
        assertThat(body("$$$$")).isEqualTo("$$");
    }

    @Test
    @DisplayName("MAIL-1 a $ that starts neither $$ nor ${ is plain text, also as the last character of a line")
    void loneDollar() {
        assertThat(body("5$")).isEqualTo("5$");
        assertThat(body("$")).isEqualTo("$");
        assertThat(body("$a }")).isEqualTo("$a }");
        assertThat(MailTemplate.parse("Subject: 5$", KNOWN).subject(VALUES)).isEqualTo("5$");
    }

    @Test
    @DisplayName("MAIL-1 an unclosed or empty placeholder fails when the template is parsed")
    void unmatchedBraces() {
        assertThatThrownBy(() -> body("${a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> body("${")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> body("${}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> body("x ${c}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${c}");
        // a lone closing brace is text
        assertThat(body("a} {b")).isEqualTo("a} {b");
    }

    @Test
    @DisplayName("MAIL-1 a template of only the Subject line has an empty body")
    void subjectOnly() {
        MailTemplate t = MailTemplate.parse("Subject: ${a} only", KNOWN);
        assertThat(t.subject(VALUES)).isEqualTo("A only");
        assertThat(t.body(VALUES)).isEmpty();
    }
}
