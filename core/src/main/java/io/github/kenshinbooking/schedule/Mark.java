package io.github.kenshinbooking.schedule;

/** The alternative availability marks of SLOT-4. */
public enum Mark {
    /** ○ 空き有 */
    AVAILABLE("○"),
    /** △ 残りわずか: remaining at or below the policy threshold */
    FEW_LEFT("△"),
    /** × 定員に達した */
    FULL("×");

    private final String symbol;

    Mark(String symbol) {
        this.symbol = symbol;
    }

    /**
     * The symbol shown on the calendar.
     *
     * @return ○, △ or ×
     */
    public String symbol() {
        return symbol;
    }

    /**
     * The mark for a remaining count under a few-left threshold.
     *
     * @param remaining places left
     * @param fewLeftThreshold the △ threshold of the policy (SLOT-4)
     * @return {@link #FULL} at 0 or below, {@link #FEW_LEFT} at or below the threshold, else
     *     {@link #AVAILABLE}
     */
    public static Mark of(int remaining, int fewLeftThreshold) {
        if (remaining <= 0) {
            return FULL;
        }
        return remaining <= fewLeftThreshold ? FEW_LEFT : AVAILABLE;
    }
}
