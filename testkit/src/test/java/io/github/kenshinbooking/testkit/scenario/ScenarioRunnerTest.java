package io.github.kenshinbooking.testkit.scenario;

import static io.github.kenshinbooking.testkit.scenario.TestScenarios.BOOK_TARO;
import static io.github.kenshinbooking.testkit.scenario.TestScenarios.run;
import static io.github.kenshinbooking.testkit.scenario.TestScenarios.withSteps;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.memory.InMemoryStorage;
import io.github.kenshinbooking.reservation.ReservationStore;
import io.github.kenshinbooking.storage.Storage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("SLOT-3 a wrong remaining count fails with the step number, expected and actual as JSON")
    void wrongValueFails() throws Exception {
        ScenarioResult r = run(dir, withSteps(BOOK_TARO, """
                { "do": "remaining", "slot": "s1", "expect": 8 }"""));

        assertThat(r.passed()).isFalse();
        assertThat(r.failure()).contains("step 2: expected 8, got 9");
        assertThat(r.line()).isEqualTo("FAIL t: step 2: expected 8, got 9");
    }

    @Test
    @DisplayName("SLOT-2 an expected refusal that does not happen fails with got \"ok\"")
    void expectedRefusalMissing() throws Exception {
        ScenarioResult r = run(dir, withSteps("""
                { "at": "2024-02-04T23:59:59", "do": "book", "member": "taro", "slot": "s1",
                  "phone": "090-1234-5678", "acceptTerms": true, "expect": { "error": "BOOKING_CLOSED" } }"""));

        assertThat(r.failure()).contains("step 1: expected {\"error\":\"BOOKING_CLOSED\"}, got \"ok\"");
    }

    @Test
    @DisplayName("SLOT-2 a step without expect must succeed: a refusal fails it")
    void stepWithoutExpectMustSucceed() throws Exception {
        ScenarioResult r = run(dir, withSteps("""
                { "at": "2023-11-30T23:59:59", "do": "book", "member": "taro", "slot": "s1",
                  "phone": "090-1234-5678", "acceptTerms": true }"""));

        assertThat(r.failure()).contains("step 1: expected \"ok\", got {\"error\":\"RECEPTION_NOT_OPEN\"}");
        assertThat(r.cause()).containsInstanceOf(Refusal.class);
    }

    @Test
    @DisplayName("ELIG-2 another refusal than the expected one fails and shows both codes")
    void otherRefusalFails() throws Exception {
        ScenarioResult r = run(dir, withSteps("""
                { "at": "2024-01-10T10:00", "do": "book", "member": "jiro", "slot": "s1",
                  "phone": "090-1234-5678", "acceptTerms": true, "expect": { "error": "SLOT_FULL" } }"""));

        assertThat(r.failure()).contains("step 1: expected {\"error\":\"SLOT_FULL\"}, got {\"error\":\"NOT_ELIGIBLE_AGE\"}");
    }

    @Test
    @DisplayName("BOOK-1 an error expectation with a field checks the refusal's field too")
    void refusalField() throws Exception {
        String badPhone = """
                { "at": "2024-01-10T10:00", "do": "book", "member": "taro", "slot": "s1",
                  "phone": "12", "acceptTerms": true, "expect": { "error": "INVALID_PHONE", "field": "%s" } }""";

        assertThat(run(dir, withSteps(badPhone.formatted("phone"))).passed()).isTrue();
        assertThat(run(dir, withSteps(badPhone.formatted("member"))).failure()).contains(
                "step 1: expected {\"error\":\"INVALID_PHONE\",\"field\":\"member\"}, "
                        + "got {\"error\":\"INVALID_PHONE\",\"field\":\"phone\"}");
    }

    @Test
    @DisplayName("a run stops at the first failing step")
    void stopsAtFirstFailure() throws Exception {
        ScenarioResult r = run(dir, withSteps("""
                { "do": "remaining", "slot": "s1", "expect": 8 }""", """
                { "do": "remaining", "slot": "s1", "expect": 7 }"""));

        assertThat(r.failure()).contains("step 1: expected 8, got 10");
    }

    @Test
    @DisplayName("SLOT-5 a calendar is compared as a map and both maps are shown")
    void calendarMismatch() throws Exception {
        ScenarioResult r = run(dir, withSteps(BOOK_TARO, """
                { "do": "calendar", "venue": "ミリカローデン那珂川", "month": "2024-02", "member": "taro",
                  "expect": { "2024-02-18": "AVAILABLE" } }""", """
                { "do": "calendar", "venue": "ミリカローデン那珂川", "month": "2024-02", "member": "hanako",
                  "expect": { "2024-02-18": "RESERVED" } }"""));

        assertThat(r.failure()).contains(
                "step 2: expected {\"2024-02-18\":\"AVAILABLE\"}, got {\"2024-02-18\":\"RESERVED\"}");
    }

    @Test
    @DisplayName("AUTH-5 the login value form compares firstLogin")
    void loginValueForm() throws Exception {
        ScenarioResult r = run(dir, withSteps("""
                { "do": "login", "symbolNumber": "1999999", "kana": "ｹﾝｾﾂ ﾀﾛｳ", "password": "sakura2024",
                  "expect": { "firstLogin": true } }"""));

        assertThat(r.failure()).contains("step 1: expected {\"firstLogin\":true}, got {\"firstLogin\":false}");
    }

    @Test
    @DisplayName("lenient forms: null for absent, numeric symbol numbers, OK, date-only deadlines, any-case kinds, no venue")
    void lenientForms() throws Exception {
        ScenarioResult r = run(dir, withSteps("""
                { "at": null, "do": "remaining", "slot": "s1", "expect": null }""", BOOK_TARO, """
                { "do": "login", "symbolNumber": 1999999, "kana": "ｹﾝｾﾂ ﾀﾛｳ", "password": "sakura2024", "expect": "OK" }""", """
                { "do": "deadline", "slot": "s1", "kind": "BOOKING", "expect": "2024-02-05" }""", """
                { "do": "mails", "to": "taro@example.jp", "kind": "booked", "expect": 1 }""", """
                { "do": "history", "member": "taro", "status": "cancelled", "household": 1999999, "expect": [] }""", """
                { "at": "2024-01-10 10:05", "do": "calendar", "month": "2024-02", "member": "hanako",
                  "expect": { "2024-02-18": "AVAILABLE" } }"""));

        assertThat(r.line()).isEqualTo("PASS t");
    }

    @Test
    @DisplayName("\"ok\" on a query only requires success")
    void okOnQuery() throws Exception {
        assertThat(run(dir, withSteps("""
                { "do": "remaining", "slot": "s1", "expect": "ok" }""")).passed()).isTrue();
    }

    @Test
    @DisplayName("HIST-1 a reservation the scenario did not name shows as #ID")
    void unnamedReservationInHistory() throws Exception {
        ScenarioResult r = run(dir, withSteps(BOOK_TARO, """
                { "do": "history", "member": "taro", "expect": [] }"""));

        assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).matches("step 2: expected \\[\\], got \\[\"#\\d+\"\\]"));
    }

    @Test
    @DisplayName("BOOK-4 an idempotent repeat binds its name to the first reservation; lists show the first name")
    void idempotentRepeatNames() throws Exception {
        String book = """
                { "at": "2024-01-10T10:00", "do": "book", "member": "taro", "slot": "s1",
                  "phone": "090-1234-5678", "acceptTerms": true, "idempotencyKey": "k1", "as": "%s" }""";

        ScenarioResult r = run(dir, withSteps(book.formatted("first"), book.formatted("again"), """
                { "do": "history", "member": "taro", "expect": ["first"] }""", """
                { "do": "cancel", "reservation": "again" }""", """
                { "do": "cancel", "reservation": "first", "expect": { "error": "ALREADY_CANCELLED" } }"""));

        assertThat(r.line()).isEqualTo("PASS t");
    }

    @Test
    @DisplayName("HIST-2 a name whose booking was refused stands for no reservation: NOT_FOUND, with the reason")
    void unboundName() throws Exception {
        String refused = """
                { "at": "2024-01-10T10:00", "do": "book", "member": "taro", "slot": "s1",
                  "phone": "090-1234-5678", "acceptTerms": false, "as": "r2",
                  "expect": { "error": "TERMS_NOT_ACCEPTED" } }""";

        ScenarioResult r = run(dir, withSteps(refused, """
                { "do": "cancel", "reservation": "r2" }"""));
        ScenarioResult expectingNotFound = run(dir, withSteps(refused, """
                { "do": "cancel", "reservation": "r2", "expect": { "error": "NOT_FOUND" } }"""));

        assertThat(r.failure()).contains("step 2: expected \"ok\", got {\"error\":\"NOT_FOUND\",\"field\":\"reservation\"}"
                + " (no reservation is named \"r2\": its booking did not succeed)");
        assertThat(expectingNotFound.passed()).isTrue();
    }

    @Test
    @DisplayName("RESET-2 resetPassword without a reset mail is refused RESET_TOKEN_INVALID and says why")
    void resetWithoutMail() throws Exception {
        ScenarioResult r = run(dir, withSteps("""
                { "do": "resetPassword", "tokenFromLastMailTo": "taro@example.jp", "symbolNumber": "1999999",
                  "kana": "ｹﾝｾﾂ ﾀﾛｳ", "new": "momiji2024" }"""));

        assertThat(r.failure()).contains("step 1: expected \"ok\", got {\"error\":\"RESET_TOKEN_INVALID\"}"
                + " (no PASSWORD_RESET mail was delivered to taro@example.jp)");
    }

    @Test
    @DisplayName("SLOT-2 the clock starts at 2000-01-01T00:00 when the first step has no at, and at moves it")
    void clockStart() throws Exception {
        ScenarioResult r = run(dir, withSteps("""
                { "do": "book", "member": "taro", "slot": "s1", "phone": "090-1234-5678", "acceptTerms": true,
                  "expect": { "error": "RECEPTION_NOT_OPEN" } }""", BOOK_TARO));

        assertThat(r.line()).isEqualTo("PASS t");
    }

    @Test
    @DisplayName("MAIL-1 mails counts what the relay delivered after each step, by address and kind")
    void mailsAreDrainedAfterEveryStep() throws Exception {
        ScenarioResult r = run(dir, withSteps(BOOK_TARO, """
                { "do": "mails", "to": "taro@EXAMPLE.jp", "kind": "BOOKED", "expect": 1 }""", """
                { "do": "mails", "to": "taro@example.jp", "kind": "CANCELLED", "expect": 0 }""", """
                { "do": "mails", "to": "hanako@example.jp", "expect": 0 }"""));

        assertThat(r.line()).isEqualTo("PASS t");
    }

    @Test
    @DisplayName("an exception inside a step is a FAIL of that scenario, not a crash")
    void exceptionInStep() throws Exception {
        IllegalStateException boom = new IllegalStateException("disk on fire");
        StorageFactory failingInserts = () -> withFailingInsert(new InMemoryStorage(), boom);
        Path file = TestScenarios.write(dir, "t.json", withSteps(BOOK_TARO));

        ScenarioResult r = new ScenarioRunner(failingInserts).run(Scenario.load(file));

        assertThat(r.failure()).contains("step 1: expected \"ok\", got exception java.lang.IllegalStateException: disk on fire");
        assertThat(r.cause()).contains(boom);
    }

    @Test
    @DisplayName("a storage factory that fails is a setup FAIL")
    void failingFactory() throws Exception {
        Path file = TestScenarios.write(dir, "t.json", withSteps(BOOK_TARO));

        ScenarioResult r = new ScenarioRunner(() -> {
            throw new IllegalStateException("no database");
        }).run(Scenario.load(file));

        assertThat(r.line()).isEqualTo("FAIL t: setup: exception java.lang.IllegalStateException: no database");
    }

    @Test
    @DisplayName("SLOT-3 every run starts on a fresh store")
    void freshStorePerRun() throws Exception {
        AtomicInteger stores = new AtomicInteger();
        ScenarioRunner runner = new ScenarioRunner(() -> {
            stores.incrementAndGet();
            return new InMemoryStorage();
        });
        Scenario s = Scenario.load(TestScenarios.write(dir, "t.json", withSteps(BOOK_TARO, """
                { "do": "remaining", "slot": "s1", "expect": 9 }""")));

        assertThat(runner.run(s).passed()).isTrue();
        assertThat(runner.run(s).passed()).isTrue();
        assertThat(stores).hasValue(2);
    }

    /** The storage with every reservation insert failing with {@code boom}. */
    private static Storage withFailingInsert(Storage real, RuntimeException boom) {
        ReservationStore reservations = proxy(ReservationStore.class, real.reservations(), "insert", boom);
        // default methods (the composite booking operations) run on the proxy, so they reach the failing port
        InvocationHandler h = (p, m, args) -> m.getName().equals("reservations") ? reservations
                : m.isDefault() ? InvocationHandler.invokeDefault(p, m, args) : invoke(m, real, args);
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class}, h);
    }

    private static <T> T proxy(Class<T> type, T real, String failing, RuntimeException boom) {
        InvocationHandler h = (p, m, args) -> {
            if (m.getName().equals(failing)) {
                throw boom;
            }
            return invoke(m, real, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    @DisplayName("ORDER-1 refusal codes in expectations are the ErrorCode names")
    void everyErrorCodeIsAccepted() throws Exception {
        for (ErrorCode code : ErrorCode.values()) {
            String json = withSteps("{ \"do\": \"subsidy\", \"cost\": -1, \"expect\": { \"error\": \"" + code + "\" } }");
            ScenarioResult r = run(dir, json);
            assertThat(r.passed()).as(code.name()).isEqualTo(code == ErrorCode.INVALID_AMOUNT);
        }
    }
}
