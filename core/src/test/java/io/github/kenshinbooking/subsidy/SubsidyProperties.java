package io.github.kenshinbooking.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.UnionPolicy;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** SUB-2 as properties over generated costs. */
class SubsidyProperties {
    private final SubsidyCalculator calc = new SubsidyCalculator(UnionPolicy.defaults());

    /** The manual's table, written out bracket by bracket. */
    static long bracket(long c) {
        if (c <= 13_000) {
            return c;
        }
        if (c <= 18_572) {
            return 13_000;
        }
        if (c <= 42_858) {
            return new java.math.BigDecimal("0.7").multiply(java.math.BigDecimal.valueOf(c))
                    .setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        }
        return 30_000;
    }

    @Property(tries = 5000)
    @Label("SUB-2 matches the bracket table, is <= cost and <= 30,000")
    void table(@ForAll @LongRange(min = 0, max = 200_000) long cost) throws Refusal {
        long s = calc.subsidy(cost);
        assertThat(s).isEqualTo(bracket(cost));
        assertThat(s).isLessThanOrEqualTo(cost).isLessThanOrEqualTo(30_000);
    }

    @Property(tries = 5000)
    @Label("SUB-2 is non-decreasing in cost")
    void monotone(@ForAll @LongRange(min = 0, max = 200_000) long a, @ForAll @LongRange(min = 0, max = 200_000) long b)
            throws Refusal {
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        assertThat(calc.subsidy(lo)).isLessThanOrEqualTo(calc.subsidy(hi));
    }
}
