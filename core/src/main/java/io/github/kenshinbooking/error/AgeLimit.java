package io.github.kenshinbooking.error;

/**
 * Which bound of ELIG-2 (対象年齢) a member's age crossed, carried by a
 * {@link ErrorCode#NOT_ELIGIBLE_AGE} refusal as {@link Refusal#ageLimit()} so a screen can say
 * "too young" or "too old". It lives beside {@link Refusal} because the error package depends on no
 * domain package.
 */
public enum AgeLimit {
    /** Does not attain {@code AgePolicy.eligibleFrom} (default 40) within the exam's fiscal year (ELIG-2). */
    TOO_YOUNG,
    /** Is {@code AgePolicy.eligibleUnder} (default 75) or older on the exam date (ELIG-2). */
    TOO_OLD
}
