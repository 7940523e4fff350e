/**
 * Households (世帯) and members (組合員・家族), HH-1; kana comparison (AUTH-2); the
 * {@link io.github.kenshinbooking.household.HouseholdDirectory} port over the union's member records.
 */
package io.github.kenshinbooking.household;
