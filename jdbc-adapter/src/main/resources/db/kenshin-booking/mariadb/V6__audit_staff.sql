-- STAFF-3: a slot staff closed to new bookings. Its stripes are made not bookable too (as for an
-- event-day cancellation), so the row a booking locks carries it; this column says why.
ALTER TABLE kb_slot ADD COLUMN closed BOOLEAN NOT NULL DEFAULT FALSE;

-- AUDIT-1, AUDIT-2: the audit trail, one row per committed change of state, appended in the change's
-- transaction. Append-only: the library inserts and selects here, and never updates or deletes a row.
-- Never a password, hash, token or full phone number (masked before they get here).
CREATE TABLE kb_audit (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at    DATETIME(6)   NOT NULL,
    -- HOUSEHOLD (symbol number and member), STAFF (staff id) or JOB (job name)
    actor_kind     VARCHAR(16)   NOT NULL,
    actor_id       VARCHAR(64)   NOT NULL,
    actor_member   VARCHAR(64),
    channel        VARCHAR(8)    NOT NULL,
    action         VARCHAR(40)   NOT NULL,
    target_kind    VARCHAR(16)   NOT NULL,
    target_id      VARCHAR(211)  NOT NULL,
    before_summary VARCHAR(500)  NOT NULL,
    after_summary  VARCHAR(500)  NOT NULL,
    reason         TEXT,
    -- reads by period in time order, and by actor or target within a period
    INDEX ix_kb_audit_time (occurred_at, id),
    INDEX ix_kb_audit_actor (actor_kind, actor_id, occurred_at),
    INDEX ix_kb_audit_target (target_kind, target_id, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- Staff accounts of the back office: never deleted, so the audit trail's staff ids keep their meaning.
CREATE TABLE kb_staff_account (
    staff_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL,
    role          VARCHAR(8)   NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    enabled       BOOLEAN      NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
