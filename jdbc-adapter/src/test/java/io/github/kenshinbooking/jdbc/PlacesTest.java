package io.github.kenshinbooking.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How a slot's capacity is split over its stripes ({@link Places#shares}); no database. */
class PlacesTest {
    @Test
    @DisplayName("SLOT-3 10 places over 8 stripes: the two remainder places go to the first stripes, 2,2,1,1,1,1,1,1")
    void tenOverEight() {
        assertThat(Places.shares(10, 8)).containsExactly(2, 2, 1, 1, 1, 1, 1, 1);
    }

    @Test
    @DisplayName("SLOT-3 fewer places than stripes: one stripe per place, 3 over 8 is 1,1,1")
    void fewerPlacesThanStripes() {
        assertThat(Places.shares(3, 8)).containsExactly(1, 1, 1);
        assertThat(Places.shares(1, 64)).containsExactly(1);
    }

    @Test
    @DisplayName("SLOT-3 an even split: 16 over 8 is eight stripes of 2")
    void evenSplit() {
        assertThat(Places.shares(16, 8)).hasSize(8).containsOnly(2);
        assertThat(Places.shares(8, 8)).hasSize(8).containsOnly(1);
    }

    @Test
    @DisplayName("SLOT-3 20 over 8 is 3,3,3,3,2,2,2,2 and 100 over 64 is 36 stripes of 2 then 28 of 1")
    void largerSplits() {
        assertThat(Places.shares(20, 8)).containsExactly(3, 3, 3, 3, 2, 2, 2, 2);
        int[] hundred = Places.shares(100, 64);
        assertThat(hundred).hasSize(64);
        assertThat(Arrays.copyOfRange(hundred, 0, 36)).containsOnly(2);
        assertThat(Arrays.copyOfRange(hundred, 36, 64)).containsOnly(1);
    }

    @Test
    @DisplayName("SLOT-3 one stripe holds the whole capacity")
    void oneStripe() {
        assertThat(Places.shares(10, 1)).containsExactly(10);
        assertThat(Places.shares(10_000, 1)).containsExactly(10_000);
    }

    @Test
    @DisplayName("SLOT-3 capacity 0 has no stripe at all (a stripe's share is never 0)")
    void capacityZero() {
        assertThat(Places.shares(0, 8)).isEmpty();
        assertThat(Places.shares(0, 1)).isEmpty();
    }

    @Test
    @DisplayName("SLOT-3 a negative capacity or fewer than one stripe is rejected")
    void invalidArguments() {
        assertThatThrownBy(() -> Places.shares(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Places.shares(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Places.shares(10, -3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Places.shares(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
