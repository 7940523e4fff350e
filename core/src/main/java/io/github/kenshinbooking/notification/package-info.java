/**
 * Notifications core records for mail (MAIL-1, MAIL-2) and the
 * {@link io.github.kenshinbooking.notification.NotificationOutbox} port; the reminder job (MAIL-3).
 */
package io.github.kenshinbooking.notification;
