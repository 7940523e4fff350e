package io.github.kenshinbooking.subsidy;

import static java.util.Objects.requireNonNull;

import io.github.kenshinbooking.error.ErrorCode;
import io.github.kenshinbooking.error.Refusal;
import io.github.kenshinbooking.policy.UnionPolicy;

/**
 * 人間ドック等補助金 (SUB-2): for a cost C yen the subsidy is
 * {@code min(cap, max(min(C, fullUpTo), floor(C * rate)))}, which with the defaults is the
 * manual's table: C up to 13,000 in full; 13,001–18,572 → 13,000; 18,573–42,858 → ⌊0.7·C⌋;
 * from 42,859 on → 30,000. Immutable and thread-safe.
 */
public final class SubsidyCalculator {
    private final UnionPolicy policy;

    /**
     * A calculator under a union's subsidy policy (SUB-2).
     *
     * @param policy the union's policy
     */
    public SubsidyCalculator(UnionPolicy policy) {
        this.policy = requireNonNull(policy, "policy");
    }

    /**
     * The subsidy in yen for a checkup that cost {@code cost} yen.
     *
     * @param cost the checkup's cost in yen
     * @return the subsidy in yen, at most the cap
     * @throws Refusal {@code INVALID_AMOUNT} for a negative cost
     */
    public long subsidy(long cost) throws Refusal {
        if (cost < 0) {
            throw Refusal.onField(ErrorCode.INVALID_AMOUNT, Refusal.FIELD_COST, "must not be negative");
        }
        if (cost > Long.MAX_VALUE / 100) {
            return policy.subsidy().cap();
        }
        long flat = Math.min(cost, policy.subsidy().fullUpTo());
        long share = cost * policy.subsidy().ratePercent() / 100;
        return Math.min(policy.subsidy().cap(), Math.max(flat, share));
    }
}
