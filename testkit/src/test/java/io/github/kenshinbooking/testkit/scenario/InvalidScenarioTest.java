package io.github.kenshinbooking.testkit.scenario;

import static io.github.kenshinbooking.testkit.scenario.TestScenarios.BOOK_TARO;
import static io.github.kenshinbooking.testkit.scenario.TestScenarios.FIXTURE;
import static io.github.kenshinbooking.testkit.scenario.TestScenarios.withSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file that is not a valid scenario is reported with the file, the JSON path and what is wrong. */
class InvalidScenarioTest {
    @TempDir
    Path dir;

    private InvalidScenarioException invalid(String json) {
        Path file = TestScenarios.write(dir, "bad.json", json);
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> Scenario.load(file));
        assertThat(e).as("expected an invalid scenario").isNotNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.getMessage()).isEqualTo(file + ": " + e.jsonPath() + ": " + e.problem());
        return e;
    }

    @Test
    @DisplayName("broken JSON names line and column")
    void brokenJson() {
        InvalidScenarioException e = invalid("{ \"name\": \"x\",\n  \"steps\": [ }");

        assertThat(e.jsonPath()).isEqualTo("$");
        assertThat(e.problem()).startsWith("not valid JSON at line 2, column");
    }

    @Test
    @DisplayName("a key given twice is an error, not silently the last one")
    void duplicateKey() {
        InvalidScenarioException e = invalid("{ \"name\": \"x\", \"name\": \"y\", \"steps\": [] }");

        assertThat(e.problem()).startsWith("not valid JSON").contains("name");
    }

    @Test
    @DisplayName("an empty file and a missing file are reported")
    void emptyOrMissing() {
        assertThat(invalid("").problem()).contains("empty file");
        Path missing = dir.resolve("nope.json");
        InvalidScenarioException e = catchThrowableOfType(InvalidScenarioException.class, () -> Scenario.load(missing));
        assertThat(e.getMessage()).isEqualTo(missing + ": $: no such file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a step kind that does not exist   | { "do": "rebook", "member": "taro" }                                 | $.steps[0].do        | unknown step "rebook"
            a missing argument                | { "do": "remaining" }                                                | $.steps[0].slot      | missing (required here)
            a misspelt expect                 | { "do": "remaining", "slot": "s1", "expected": 9 }                   | $.steps[0].expected  | unknown key "expected" for "remaining"
            an unknown member                 | { "do": "eligible", "member": "saburo", "date": "2024-02-18" }       | $.steps[0].member    | no member with key "saburo"
            an unknown slot                   | { "do": "mark", "slot": "s9" }                                       | $.steps[0].slot      | no slot with key "s9"
            an unknown household              | { "do": "history", "member": "taro", "household": "1000000" }        | $.steps[0].household | no household with symbolNumber "1000000"
            an unnamed reservation            | { "do": "cancel", "reservation": "r1" }                              | $.steps[0].reservation | no earlier step names a reservation "r1"
            a value where only ok or error fit | { "do": "cancelEvent", "venue": "v", "date": "2024-02-18", "expect": 1 } | $.steps[0].expect | expected "ok", {"error": CODE} for "cancelEvent", found 1
            a string where an integer fits    | { "do": "remaining", "slot": "s1", "expect": "nine" }                | $.steps[0].expect    | or an integer for "remaining", found "nine"
            an unknown error code             | { "do": "remaining", "slot": "s1", "expect": { "error": "FULL" } }   | $.steps[0].expect.error | expected one of INVALID_CREDENTIALS
            a status that does not exist      | { "do": "status", "slot": "s1", "member": "taro", "expect": "OPEN" } | $.steps[0].expect    | expected one of RESERVED, OUTSIDE_RECEPTION, FULL, AVAILABLE
            a mark that does not exist        | { "do": "mark", "slot": "s1", "expect": "o" }                        | $.steps[0].expect    | one of "○", "△", "×"
            a calendar status that does not exist | { "do": "calendar", "venue": "v", "month": "2024-02", "member": "taro", "expect": { "2024-02-18": "OPEN" } } | $.steps[0].expect['2024-02-18'] | expected one of RESERVED
            a calendar key that is no date    | { "do": "calendar", "venue": "v", "month": "2024-02", "member": "taro", "expect": { "18": "FULL" } } | $.steps[0].expect['18'] | a calendar key is a date
            a deadline kind that does not exist | { "do": "deadline", "slot": "s1", "kind": "change-of-heart" }      | $.steps[0].kind      | expected "booking", "change" or "cancel"
            a deadline that is no date-time   | { "do": "deadline", "slot": "s1", "kind": "booking", "expect": "5 Feb" } | $.steps[0].expect | a local date-time like "2024-02-05T00:00"
            a login value without firstLogin  | { "do": "login", "symbolNumber": "1", "kana": "k", "password": "p", "expect": { "first": true } } | $.steps[0].expect | {"firstLogin": true|false}
            a history that is not a list      | { "do": "history", "member": "taro", "expect": "r1" }                | $.steps[0].expect    | expected an array
            a month that is no month          | { "do": "calendar", "venue": "v", "month": "Feb", "member": "taro" } | $.steps[0].month     | expected a month like "2024-02"
            an unknown mail kind              | { "do": "mails", "to": "a@b.jp", "kind": "WELCOME" }                 | $.steps[0].kind      | expected one of BOOKED
            a cost that is no integer         | { "do": "subsidy", "cost": 1.5 }                                     | $.steps[0].cost      | expected an integer, found 1.5
            acceptTerms as a string           | { "do": "book", "member": "taro", "slot": "s1", "acceptTerms": "yes" } | $.steps[0].acceptTerms | expected true or false, found "yes"
            an at that is no date-time        | { "at": "tomorrow", "do": "remaining", "slot": "s1" }                | $.steps[0].at        | expected a local date-time
            a step that is not an object      | "remaining"                                                          | $.steps[0]           | expected an object, found "remaining"
            """)
    void invalidStep(String what, String step, String path, String problem) {
        InvalidScenarioException e = invalid(withSteps(step));

        assertThat(e.jsonPath()).as(what).isEqualTo(path);
        assertThat(e.problem()).as(what).contains(problem);
    }

    @Test
    @DisplayName("at may not move the clock back")
    void atBackwards() {
        InvalidScenarioException e = invalid(withSteps(BOOK_TARO, """
                { "at": "2024-01-10T09:59:59", "do": "remaining", "slot": "s1" }"""));

        assertThat(e.jsonPath()).isEqualTo("$.steps[1].at");
        assertThat(e.problem()).contains("goes back in time");
    }

    @Test
    @DisplayName("an at before 2000-01-01 after a first step without at goes back in time")
    void atBeforeDefaultStart() {
        InvalidScenarioException e = invalid(withSteps("""
                { "do": "remaining", "slot": "s1" }""", """
                { "at": "1999-12-31T23:59", "do": "remaining", "slot": "s1" }"""));

        assertThat(e.jsonPath()).isEqualTo("$.steps[1].at");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an unknown policy key       | "policy": { "bookingDeadline": 13 },          | $.policy.bookingDeadline | unknown policy key "bookingDeadline"
            a policy number as string   | "policy": { "lockAfterFailures": "3" },       | $.policy.lockAfterFailures | expected an integer
            a zone that does not exist  | "policy": { "zone": "Asia/Atlantis" },        | $.policy.zone            | not a time zone
            a policy out of range       | "policy": { "resetTokenBytes": 8 },           | $.policy                 | not a valid policy: reset.tokenBytes must be at least 16
            an unknown top-level key    | "owner": "me",                                | $.owner                  | unknown key "owner" in a scenario
            """)
    void invalidTopLevel(String what, String extra, String path, String problem) {
        InvalidScenarioException e = invalid("{ \"name\": \"t\", " + extra + FIXTURE + "\"steps\": [] }");

        assertThat(e.jsonPath()).as(what).isEqualTo(path);
        assertThat(e.problem()).as(what).contains(problem);
    }

    @Test
    @DisplayName("a scenario needs a name and steps")
    void nameAndSteps() {
        assertThat(invalid("{ \"steps\": [] }").jsonPath()).isEqualTo("$.name");
        assertThat(invalid("{ \"name\": \"x\" }").jsonPath()).isEqualTo("$.steps");
        assertThat(invalid("[]").problem()).isEqualTo("expected an object, found []");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HH-1 two representatives   | { "symbolNumber": "1", "members": [ { "key": "a", "kana": "ｱ", "birthDate": "1960-01-01", "representative": true }, { "key": "b", "kana": "ｲ", "birthDate": "1960-01-01", "representative": true } ] } | $.households[0] | exactly one member with "representative": true, found 2
            HH-1 a symbol with letters | { "symbolNumber": "19A", "members": [ { "key": "a", "kana": "ｱ", "birthDate": "1960-01-01" } ] } | $.households[0].symbolNumber | 1 to 20 ASCII digits
            MAIL-ADDR-1 a bad e-mail    | { "symbolNumber": "1", "email": "a@b", "members": [ { "key": "a", "kana": "ｱ", "birthDate": "1960-01-01" } ] } | $.households[0].email | not a valid e-mail address
            a misspelt member key      | { "symbolNumber": "1", "members": [ { "key": "a", "kana": "ｱ", "birthdate": "1960-01-01" } ] } | $.households[0].members[0].birthDate | missing (required here)
            a bad birth date           | { "symbolNumber": "1", "members": [ { "key": "a", "kana": "ｱ", "birthDate": "1960-02-30" } ] } | $.households[0].members[0].birthDate | expected a date like "2024-02-18"
            a sex that is not M or F   | { "symbolNumber": "1", "members": [ { "key": "a", "kana": "ｱ", "birthDate": "1960-01-01", "sex": "male" } ] } | $.households[0].members[0].sex | expected one of M, F
            ELIG-3 qualification ending before it starts | { "symbolNumber": "1", "members": [ { "key": "a", "kana": "ｱ", "birthDate": "1960-01-01", "qualifiedFrom": "2000-01-01", "qualifiedUntil": "1999-01-01" } ] } | $.households[0].members[0].qualifiedUntil | before qualifiedFrom
            """)
    void invalidHousehold(String what, String household, String path, String problem) {
        InvalidScenarioException e = invalid("{ \"name\": \"t\", \"households\": [" + household + "], \"steps\": [] }");

        assertThat(e.jsonPath()).as(what).isEqualTo(path);
        assertThat(e.problem()).as(what).contains(problem);
    }

    @Test
    @DisplayName("a member key may be used once in a file: steps name members by key alone")
    void duplicateMemberKey() {
        InvalidScenarioException e = invalid("""
                { "name": "t", "households": [
                  { "symbolNumber": "1", "members": [ { "key": "a", "kana": "ｱ", "birthDate": "1960-01-01" } ] },
                  { "symbolNumber": "2", "members": [ { "key": "a", "kana": "ｲ", "birthDate": "1960-01-01" } ] } ],
                  "steps": [] }""");

        assertThat(e.jsonPath()).isEqualTo("$.households[1].members[0].key");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a capacity as a string | { "key": "s", "venue": "v", "date": "2024-02-18", "time": "09:00", "capacity": "10" } | $.slots[0].capacity | expected an integer, found "10"
            a negative capacity    | { "key": "s", "venue": "v", "date": "2024-02-18", "time": "09:00", "capacity": -1 }   | $.slots[0].capacity | must not be negative
            a time that is no time | { "key": "s", "venue": "v", "date": "2024-02-18", "time": "9am", "capacity": 1 }      | $.slots[0].time     | expected a time like "09:00"
            zero minutes           | { "key": "s", "venue": "v", "date": "2024-02-18", "time": "09:00", "minutes": 0, "capacity": 1 } | $.slots[0].minutes | must be positive
            a blank venue          | { "key": "s", "venue": " ", "date": "2024-02-18", "time": "09:00", "capacity": 1 }    | $.slots[0].venue    | must not be blank
            """)
    void invalidSlot(String what, String slot, String path, String problem) {
        InvalidScenarioException e = invalid("{ \"name\": \"t\", \"slots\": [" + slot + "], \"steps\": [] }");

        assertThat(e.jsonPath()).as(what).isEqualTo(path);
        assertThat(e.problem()).as(what).contains(problem);
    }

    @Test
    @DisplayName("notes may be added anywhere without changing the run")
    void notesAreAllowed() throws Exception {
        Path file = TestScenarios.write(dir, "notes.json", withSteps("""
                { "do": "remaining", "slot": "s1", "expect": 10, "comment": "nothing booked yet",
                  "rule": "SLOT-3", "_todo": "x" }"""));

        assertThat(Scenario.load(file).stepCount()).isEqualTo(1);
    }
}
