-- WAIT-1..WAIT-4: the waiting lists (キャンセル待ち).
-- A place freed while a slot has members waiting is taken from the slot's stripes as a booking takes
-- one and counted here until it is offered (the slot's pool); an offered entry holds one place until
-- its hold ends. So a slot's stripes count its live reservations, its offered entries and its pool.
ALTER TABLE kb_slot ADD COLUMN waiting_places INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE kb_slot ADD CONSTRAINT ck_kb_slot_waiting_places CHECK (waiting_places >= 0);
CREATE INDEX ix_kb_slot_waiting_places ON kb_slot (waiting_places) WHERE waiting_places > 0;

CREATE SEQUENCE kb_waiting_entry_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE kb_waiting_entry (
    id               BIGINT       PRIMARY KEY,
    household        VARCHAR(20)  NOT NULL,
    member_id        VARCHAR(64)  NOT NULL,
    slot_id          BIGINT       NOT NULL REFERENCES kb_slot (id),
    fiscal_year      INTEGER  NOT NULL,
    phone            VARCHAR(11)  NOT NULL,
    state            VARCHAR(8)   NOT NULL,
    joined_at        TIMESTAMP(6)  NOT NULL,
    updated_at       TIMESTAMP(6)  NOT NULL,
    held_until       TIMESTAMP(6),
    reservation_id   BIGINT,
    -- while WAITING or OFFERED: the slot, the fiscal year and the entry's ordinal 1..N among the
    -- member's live entries of that year (N: the policy's limit, WAIT-1); all NULL once ended, so
    -- ended entries never hit the unique constraints below
    live_slot_id     BIGINT,
    live_fiscal_year INTEGER,
    live_ordinal     INTEGER,
    CONSTRAINT ck_kb_waiting_entry_live CHECK (
        (state IN ('WAITING', 'OFFERED') AND live_slot_id = slot_id AND live_fiscal_year = fiscal_year
            AND live_ordinal IS NOT NULL)
        OR (state NOT IN ('WAITING', 'OFFERED') AND live_slot_id IS NULL AND live_fiscal_year IS NULL
            AND live_ordinal IS NULL)),
    CONSTRAINT ck_kb_waiting_entry_offer CHECK (state <> 'OFFERED' OR held_until IS NOT NULL),
    -- WAIT-1: one live entry per member and slot
    CONSTRAINT uq_kb_waiting_entry_slot UNIQUE (member_id, live_slot_id),
    -- WAIT-1: at most N live entries per member and fiscal year (one per ordinal)
    CONSTRAINT uq_kb_waiting_entry_limit UNIQUE (member_id, live_fiscal_year, live_ordinal)
);
-- the waiting entries of a slot in joining order (WAIT-2), and the holds that end (WAIT-3)
CREATE INDEX ix_kb_waiting_entry_slot ON kb_waiting_entry (slot_id, state, id);
CREATE INDEX ix_kb_waiting_entry_held ON kb_waiting_entry (held_until) WHERE state = 'OFFERED';
CREATE INDEX ix_kb_waiting_entry_member ON kb_waiting_entry (member_id);
