package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.IntSummaryStatistics;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Negative;

/**
 * SLOT-3 for the split of a slot's capacity over its stripes ({@link Places#shares}): the shares
 * add up to the capacity exactly (so stripes that never exceed their share never overbook the slot,
 * and a slot whose stripes are all full is full), as even as possible, and never an empty stripe.
 */
class PlacesProperties {
    @Property(tries = 2000)
    @Label("SLOT-3 shares add up to the capacity, count min(stripes, capacity), each >= 1, differing by at most 1")
    void sharesInvariants(@ForAll @IntRange(min = 0, max = 10_000) int capacity,
            @ForAll @IntRange(min = 1, max = 64) int stripes) {
        int[] shares = Places.shares(capacity, stripes);

        assertThat(shares).hasSize(Math.min(stripes, capacity));
        assertThat(Arrays.stream(shares).asLongStream().sum()).isEqualTo(capacity);
        if (capacity > 0) {
            IntSummaryStatistics stats = Arrays.stream(shares).summaryStatistics();
            assertThat(stats.getMin()).as("no empty stripe (the schema's CHECK capacity > 0)").isGreaterThanOrEqualTo(1);
            assertThat(stats.getMax() - stats.getMin()).as("as even as possible").isLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 200)
    @Label("SLOT-3 a negative capacity is rejected")
    void negativeCapacity(@ForAll @Negative int capacity, @ForAll @IntRange(min = 1, max = 64) int stripes) {
        assertThatThrownBy(() -> Places.shares(capacity, stripes)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    @Label("SLOT-3 fewer than one stripe is rejected")
    void noStripes(@ForAll @IntRange(min = 0, max = 10_000) int capacity,
            @ForAll @IntRange(min = Integer.MIN_VALUE, max = 0) int stripes) {
        assertThatThrownBy(() -> Places.shares(capacity, stripes)).isInstanceOf(IllegalArgumentException.class);
    }
}
