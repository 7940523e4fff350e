package io.github.kenshinbooking;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;

/**
 * What a unit of work decided when its writes must commit even if the answer is a refusal (a
 * counted login failure, a counted reset mismatch): the work returns the refusal instead of throwing
 * it, and the caller throws it after the commit.
 */
sealed interface Outcome<T> {
    /** The answer, or the refusal thrown after the commit. */
    T get() throws Refusal;

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> refused(ErrorCode code) {
        return new Refused<>(Refusal.of(code));
    }

    /** The refusal with its details (e.g. a lock's end), thrown after the commit. */
    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    record Ok<T>(T value) implements Outcome<T> {
        public Ok {
            java.util.Objects.requireNonNull(value, "value");
        }

        @Override
        public T get() {
            return value;
        }
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {
        public Refused {
            java.util.Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public T get() throws Refusal {
            // a refusal has no stack trace, so throwing the instance made inside the work is as good as a new one
            throw refusal;
        }
    }
}
