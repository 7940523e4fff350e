package io.github.kenshinbooking.account;

import static io.github.kenshinbooking.Fixtures.TARO_KANA;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.Fixtures;
import io.github.kenshinbooking.error.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** AUTH-4 as a property: any sequence of attempts and clock moves agrees with a simple model of the rule. */
class LockoutProperties {
    record Attempt(boolean correct, int secondsLater) {
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        Arbitrary<Integer> later = Arbitraries.oneOf(Arbitraries.integers().between(0, 120),
                Arbitraries.integers().between(1790, 1810), Arbitraries.integers().between(0, 3600));
        return Combinators.combine(Arbitraries.of(true, false, false), later).as(Attempt::new).list().ofMaxSize(25);
    }

    /** The rule as stated: 3rd consecutive failure locks for 30 min; attempts while locked change nothing. */
    static final class Model {
        int failures;
        Instant lockedUntil;

        String attempt(boolean correct, Instant now) {
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return "ACCOUNT_LOCKED";
            }
            if (lockedUntil != null) {
                lockedUntil = null;
                failures = 0;
            }
            if (correct) {
                failures = 0;
                return "OK";
            }
            failures++;
            if (failures >= 3) {
                lockedUntil = now.plus(Duration.ofMinutes(30));
                failures = 0;
                return "ACCOUNT_LOCKED";
            }
            return "INVALID_CREDENTIALS";
        }
    }

    @Property(tries = 300)
    @Label("AUTH-4 known household: engine agrees with the model")
    void knownHousehold(@ForAll("attempts") List<Attempt> attempts) {
        run(attempts, "1999999", "kenren19600210");
    }

    @Property(tries = 150)
    @Label("AUTH-4 unknown symbol number: same codes and lock as wrong passwords")
    void unknownHousehold(@ForAll("attempts") List<Attempt> attempts) {
        run(attempts.stream().map(a -> new Attempt(false, a.secondsLater())).toList(), "7777777", "anything1");
    }

    private static void run(List<Attempt> attempts, String symbol, String password) {
        Fixtures f = new Fixtures();
        Model model = new Model();
        for (Attempt a : attempts) {
            f.clock.add(Duration.ofSeconds(a.secondsLater()));
            String expected = model.attempt(a.correct(), f.clock.instant());
            String actual;
            try {
                f.engine.logins().login(symbol, TARO_KANA, a.correct() ? password : "wrong-" + password);
                actual = "OK";
            } catch (Refusal r) {
                actual = r.code().name();
            }
            assertThat(actual).isEqualTo(expected);
        }
    }
}
