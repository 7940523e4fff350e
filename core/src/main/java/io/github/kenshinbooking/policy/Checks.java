package io.github.kenshinbooking.policy;

import java.time.Duration;

/** Range checks of the policy records; each names the value it rejects. */
final class Checks {
    private Checks() {
    }

    static int nonNegative(int v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + v);
        }
        return v;
    }

    static int positive(int v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + v);
        }
        return v;
    }

    static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + d);
        }
        return d;
    }
}
