package io.github.kenshinbooking.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The waiting list (キャンセル待ち, WAIT-1..WAIT-3). Immutable and thread-safe.
 *
 * @param maxLiveEntries WAIT-1: the most live entries (waiting or offered) a member may have per fiscal year
 *     (default 3)
 * @param hold           WAIT-2: how long an offered place is held for the member (default 24 hours)
 * @param jobBatch       how many ended holds one run of the offer job reads at a time (default 100)
 */
public record WaitingListPolicy(int maxLiveEntries, Duration hold, int jobBatch) {
    /**
     * Checks the values.
     *
     * @param maxLiveEntries WAIT-1: the most live entries per member and fiscal year, at least 1
     * @param hold WAIT-2: how long an offered place is held, positive
     * @param jobBatch ended holds read at a time by the job, at least 1
     * @throws IllegalArgumentException if a value is out of its range
     */
    public WaitingListPolicy {
        if (maxLiveEntries < 1) {
            throw new IllegalArgumentException("waitingList.maxLiveEntries must be at least 1: " + maxLiveEntries);
        }
        Checks.positive(hold, "waitingList.hold");
        if (jobBatch < 1) {
            throw new IllegalArgumentException("waitingList.jobBatch must be at least 1: " + jobBatch);
        }
    }

    /**
     * The rules' waiting list: 3 live entries per fiscal year, a 24-hour hold.
     *
     * @return the defaults
     */
    public static WaitingListPolicy defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link WaitingListPolicy}. Not thread-safe. */
    public static final class Builder {
        private int maxLiveEntries = 3;
        private Duration hold = Duration.ofHours(24);
        private int jobBatch = 100;

        private Builder() {
        }

        /**
         * @param maxLiveEntries WAIT-1: the most live entries per member and fiscal year
         * @return this builder
         */
        public Builder maxLiveEntries(int maxLiveEntries) {
            this.maxLiveEntries = maxLiveEntries;
            return this;
        }

        /**
         * @param hold WAIT-2: how long an offered place is held
         * @return this builder
         */
        public Builder hold(Duration hold) {
            this.hold = requireNonNull(hold, "hold");
            return this;
        }

        /**
         * @param jobBatch ended holds the job reads at a time
         * @return this builder
         */
        public Builder jobBatch(int jobBatch) {
            this.jobBatch = jobBatch;
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalArgumentException if a value is out of its range
         */
        public WaitingListPolicy build() {
            return new WaitingListPolicy(maxLiveEntries, hold, jobBatch);
        }
    }
}
