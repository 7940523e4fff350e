package io.github.kenshinbooking.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.testkit.scenario.ScenarioFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's commands, run in-process. */
class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int main(String... args) {
        return Main.run(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private List<String> out() {
        return outBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private static Path shared() {
        Path p = ScenarioFiles.findShared().orElse(null);
        Assumptions.assumeTrue(p != null, "no shared/scenarios above the module directory");
        return p;
    }

    @Test
    @DisplayName("scenarios ../shared/scenarios (when that folder exists): one PASS line per file, the closing line, exit 0")
    void sharedScenariosPass() throws IOException {
        long files;
        try (var s = Files.list(shared())) {
            files = s.filter(p -> p.toString().endsWith(".json")).count();
        }

        int status = main("scenarios", shared().toString());

        assertThat(status).as(err()).isZero();
        assertThat(out()).hasSize((int) files + 1);
        assertThat(out().subList(0, (int) files)).allMatch(l -> l.startsWith("PASS "));
        assertThat(out()).last().isEqualTo(files + " passed, 0 failed");
    }

    @Test
    @DisplayName("scenarios --builtin: the corpus shipped in the testkit jar, one PASS line per file, exit 0")
    void builtinScenariosPass() {
        int files = ScenarioFiles.builtin().size();

        int status = main("scenarios", "--builtin");

        assertThat(status).as(err()).isZero();
        assertThat(files).isGreaterThanOrEqualTo(20);
        assertThat(out()).hasSize(files + 1);
        assertThat(out().subList(0, files)).allMatch(l -> l.startsWith("PASS "));
        assertThat(out()).last().isEqualTo(files + " passed, 0 failed");
    }

    @Test
    @DisplayName("scenarios --builtin DIR: the corpus, then the folder's files; an invalid one still gives exit 2")
    void builtinAndFolder() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{ \"name\": \"x\" }");
        int files = ScenarioFiles.builtin().size();

        int status = main("scenarios", "--builtin", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("INVALID ", "bad.json: $.steps: missing");
        assertThat(out()).last().isEqualTo(files + " passed, 0 failed");
    }

    @Test
    @DisplayName("a failing scenario gives its FAIL line, the count and exit 1")
    void failingScenario() throws IOException {
        Path more = Files.createDirectories(dir.resolve("more"));
        Files.writeString(more.resolve("wrong.json"), """
                { "name": "nothing is left", "slots": [ { "key": "s", "venue": "v", "date": "2024-02-18",
                  "time": "09:00", "capacity": 2 } ],
                  "steps": [ { "do": "remaining", "slot": "s", "expect": 0 } ] }""");

        Path right = Files.writeString(dir.resolve("right.json"), """
                { "name": "checkup subsidy brackets", "steps": [ { "do": "subsidy", "cost": 13001, "expect": 13000 } ] }""");

        int status = main("scenarios", right.toString(), more.toString());

        assertThat(status).isEqualTo(1);
        assertThat(out()).containsExactly("PASS checkup subsidy brackets",
                "FAIL nothing is left: step 1: expected 0, got 2", "1 passed, 1 failed");
    }

    @Test
    @DisplayName("an invalid file gives exit 2 with file, JSON path and problem; the valid ones still run")
    void invalidFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                { "name": "typo", "steps": [ { "do": "subsidy", "cost": 100, "expected": 100 } ] }""");
        Files.writeString(dir.resolve("good.json"), """
                { "name": "fine", "steps": [ { "do": "subsidy", "cost": 100, "expect": 100 } ] }""");

        int status = main("scenarios", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err()).contains("INVALID " + bad + ": $.steps[0].expected: unknown key \"expected\"");
        assertThat(out()).containsExactly("PASS fine", "1 passed, 0 failed");
    }

    @Test
    @DisplayName("a path that does not exist, a missing path, an unknown option or command: exit 2 with a message")
    void usageErrors() {
        assertThat(main("scenarios", dir.resolve("nope").toString())).isEqualTo(2);
        assertThat(err()).contains("nope: no such file or directory");
        assertThat(main("scenarios")).isEqualTo(2);
        assertThat(main("scenarios", "--jbdc-url", "x", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("unknown option --jbdc-url");
        assertThat(main("scenarios", "--user", "sa", dir.toString())).isEqualTo(2);
        assertThat(main("rehearse")).isEqualTo(2);
        assertThat(err()).contains("unknown command rehearse", "usage:");
        assertThat(main()).isEqualTo(2);
    }

    @Test
    @DisplayName("--jdbc-url: an H2 URL runs the scenarios; an unsupported URL is refused")
    void jdbcUrl() {
        int status = main("scenarios", "--jdbc-url", "jdbc:h2:mem:t", "--builtin");

        assertThat(status).as(err()).isZero();
        assertThat(main("scenarios", "--jdbc-url=jdbc:oracle:thin:@x", "--builtin")).isEqualTo(2);
        assertThat(err()).contains("unsupported JDBC URL");
    }

    @Test
    @DisplayName("demo: the manual's story with calendar marks, bookings, the age refusal, change, cancel and mails")
    void demo() {
        int status = main("demo");

        String text = String.join("\n", out());
        assertThat(status).as(text).isZero();
        assertThat(text).contains(
                "I-Step 1-1 ログイン(初めてログインされる方)",
                "初回ログイン: 新しいパスワードの設定が必要です",
                "PASSWORD_CHANGE_REQUIRED",
                "「sakura」 → お受けできません: PASSWORD_POLICY",
                "パスワードを変更しました",
                "メールアドレスを設定しました",
                "< 2024/02 >",
                "18○",
                "11×",
                "25－",
                "残り10名",
                "残り3名     △",
                "残り0名     ×",
                "予約変更締切タイミング: 利用日時の 13日前 00:00 (2024/02/05(月) 00:00)",
                "予約を受け付けました。 予約ID : ",
                "続けて予約をする → ケンセツ ハナコ",
                "お受けできません: NOT_ELIGIBLE_AGE",
                "年度内に40歳に達しないため、ご予約いただけません",
                "予約を変更しました。予約IDは変わりません",
                "キャンセルしました",
                "予約履歴",
                "キャンセル\n",
                "件名: 【集団特定健診】ご予約完了のお知らせ",
                "件名: 【集団特定健診】ご予約変更完了のお知らせ",
                "件名: 【集団特定健診】ご予約キャンセル完了のお知らせ",
                "件名: 【集団特定健診】健診1日前のお知らせ",
                "TEL : 0120-654-931",
                "---- 以上 7通 ----");
    }

    @Test
    @DisplayName("help prints the usage and exits 0")
    void help() {
        assertThat(main("--help")).isZero();
        assertThat(out()).anyMatch(l -> l.contains("scenarios [--jdbc-url URL"));
        assertThat(out()).anyMatch(l -> l.contains("--builtin"));
    }
}
