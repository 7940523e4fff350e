/**
 * Mail for core's notifications (MAIL-1, MAIL-2): rendering, the outbox relay and senders.
 * Interim minimal version so that testkit compiles; the mail-port branch replaces it.
 */
package io.github.kenshinbooking.mail;
