/**
 * kenshin-booking: the booking engine for group specific health checkups (集団特定健診).
 * Start at {@link io.github.kenshinbooking.KenshinBooking}.
 */
package io.github.kenshinbooking;
