-- SES-1..SES-3: household sessions a web tier resumes by token on any instance. Only the token's
-- SHA-256 (hex) is stored, never the token. A session ends by deleting its row (logout, SES-2; a
-- password change or reset, SES-3); idle and absolute expiry (SES-2) are judged from last_used_at and
-- created_at when a token is resumed, so an expired row may linger until it is purged.
CREATE TABLE kb_session (
    token_hash   VARCHAR(128) PRIMARY KEY,
    household    VARCHAR(20)  NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    last_used_at TIMESTAMP(6) NOT NULL
);

-- ending every session of a household (SES-3)
CREATE INDEX ix_kb_session_household ON kb_session (household);
