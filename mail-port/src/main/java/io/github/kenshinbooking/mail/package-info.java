/**
 * Mail for the booking engine (MAIL-1..3): {@link io.github.kenshinbooking.mail.MailRenderer} turns
 * the notifications core records into Japanese mails from replaceable templates,
 * {@link io.github.kenshinbooking.mail.OutboxRelay} delivers the outbox at least once with a stable
 * Message-ID and backoff, {@link io.github.kenshinbooking.mail.SmtpMailSender} sends over SMTP
 * (Jakarta Mail / Angus), and {@link io.github.kenshinbooking.mail.CapturingMailSender} keeps mails
 * for tests. The template format is described on {@link io.github.kenshinbooking.mail.MailRenderer}
 * and in the module's README.
 */
package io.github.kenshinbooking.mail;
