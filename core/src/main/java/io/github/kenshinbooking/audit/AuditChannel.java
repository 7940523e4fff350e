package io.github.kenshinbooking.audit;

/** Where an audited action came in (AUDIT-1). */
public enum AuditChannel {
    /** The household on the web site. */
    WEB,
    /** Union staff in their back office (slots, locks, accounts). */
    STAFF,
    /** Union staff for a member on the phone (電話予約, STAFF-2). */
    PHONE,
    /** A system job: a scheduled run, an import, the integrator's own set-up. */
    BATCH
}
