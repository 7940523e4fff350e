package io.github.kenshinbooking.testkit.scenario;

import io.github.kenshinbooking.memory.InMemoryStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small scenario files for the runner's tests. */
final class TestScenarios {
    /** One household (taro 1960, hanako 1964, jiro 1998; password and e-mail set) and one slot s1. */
    static final String FIXTURE = """
            "households": [
              { "symbolNumber": "1999999", "password": "sakura2024", "email": "taro@example.jp",
                "members": [
                  { "key": "taro", "kana": "ｹﾝｾﾂ ﾀﾛｳ", "name": "建設 太郎", "sex": "M",
                    "birthDate": "1960-02-10", "representative": true, "qualifiedFrom": "1990-03-01" },
                  { "key": "hanako", "kana": "ｹﾝｾﾂ ﾊﾅｺ", "name": "建設 花子", "sex": "F",
                    "birthDate": "1964-08-03", "qualifiedFrom": "1999-06-02" },
                  { "key": "jiro", "kana": "ｹﾝｾﾂ ｼﾞﾛｳ", "name": "建設 次郎", "sex": "M",
                    "birthDate": "1998-06-03", "qualifiedFrom": "2022-04-15" } ] } ],
            "slots": [
              { "key": "s1", "venue": "ミリカローデン那珂川", "institution": "ヘルスポートクリニック",
                "date": "2024-02-18", "time": "09:00", "minutes": 30, "capacity": 10,
                "receptionOpens": "2023-12-01T00:00" } ],
            """;

    /** A booking of taro on s1 that succeeds on 2024-01-10 (inside the reception window). */
    static final String BOOK_TARO = """
            { "at": "2024-01-10T10:00", "do": "book", "member": "taro", "slot": "s1",
              "phone": "090-1234-5678", "acceptTerms": true }""";

    private TestScenarios() {
    }

    /** A scenario named "t" with {@link #FIXTURE} and the given steps (JSON array elements). */
    static String withSteps(String... steps) {
        return "{ \"name\": \"t\",\n" + FIXTURE + "\"steps\": [\n" + String.join(",\n", steps) + "\n] }";
    }

    static Path write(Path dir, String fileName, String json) {
        try {
            return Files.writeString(dir.resolve(fileName), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and runs a scenario text on the in-memory adapter. */
    static ScenarioResult run(Path dir, String json) throws InvalidScenarioException {
        return new ScenarioRunner(InMemoryStorage::new).run(Scenario.load(write(dir, "t.json", json)));
    }
}
