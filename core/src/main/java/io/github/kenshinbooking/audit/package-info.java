/**
 * The audit trail (監査ログ, AUDIT-1, AUDIT-2): one {@link io.github.kenshinbooking.audit.AuditRecord}
 * per committed change of state, appended in the same unit of work as the change, through the
 * append-only {@link io.github.kenshinbooking.audit.AuditLog} port (append and read, no update or
 * delete). A record names when, who ({@link io.github.kenshinbooking.audit.AuditActor}: a household
 * and member, a staff member or a system job), the channel, the action, the target and a short
 * before/after summary, never a password, hash, token or full phone number.
 */
package io.github.kenshinbooking.audit;
