-- WAIT-1..WAIT-4: the waiting lists (キャンセル待ち).
-- A place freed while a slot has members waiting is taken from the slot's stripes as a booking takes
-- one and counted here until it is offered (the slot's pool); an offered entry holds one place until
-- its hold ends. So a slot's stripes count its live reservations, its offered entries and its pool.
ALTER TABLE kb_slot ADD COLUMN waiting_places INT NOT NULL DEFAULT 0;
ALTER TABLE kb_slot ADD CONSTRAINT ck_kb_slot_waiting_places CHECK (waiting_places >= 0);
CREATE INDEX ix_kb_slot_waiting_places ON kb_slot (waiting_places);

-- INCREMENT BY 0 as kb_reservation_id_seq: each Galera node takes its own residue
CREATE SEQUENCE kb_waiting_entry_id_seq START WITH 1 INCREMENT BY 0 ENGINE = InnoDB;

CREATE TABLE kb_waiting_entry (
    id               BIGINT       NOT NULL PRIMARY KEY,
    household        VARCHAR(20)  NOT NULL,
    member_id        VARCHAR(64)  NOT NULL,
    slot_id          BIGINT       NOT NULL,
    fiscal_year      INT          NOT NULL,
    phone            VARCHAR(11)  NOT NULL,
    state            VARCHAR(8)   NOT NULL,
    joined_at        DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    held_until       DATETIME(6),
    reservation_id   BIGINT,
    -- while WAITING or OFFERED: the slot, the fiscal year and the entry's ordinal 1..N among the
    -- member's live entries of that year (N: the policy's limit, WAIT-1); all NULL once ended, so
    -- ended entries never hit the unique constraints below
    live_slot_id     BIGINT,
    live_fiscal_year INT,
    live_ordinal     INT,
    CONSTRAINT ck_kb_waiting_entry_live CHECK (
        (state IN ('WAITING', 'OFFERED') AND live_slot_id = slot_id AND live_fiscal_year = fiscal_year
            AND live_ordinal IS NOT NULL)
        OR (state NOT IN ('WAITING', 'OFFERED') AND live_slot_id IS NULL AND live_fiscal_year IS NULL
            AND live_ordinal IS NULL)),
    CONSTRAINT ck_kb_waiting_entry_offer CHECK (state <> 'OFFERED' OR held_until IS NOT NULL),
    -- WAIT-1: one live entry per member and slot
    CONSTRAINT uq_kb_waiting_entry_slot UNIQUE (member_id, live_slot_id),
    -- WAIT-1: at most N live entries per member and fiscal year (one per ordinal)
    CONSTRAINT uq_kb_waiting_entry_limit UNIQUE (member_id, live_fiscal_year, live_ordinal),
    INDEX ix_kb_waiting_entry_slot (slot_id, state, id),
    INDEX ix_kb_waiting_entry_held (state, held_until),
    INDEX ix_kb_waiting_entry_member (member_id),
    CONSTRAINT fk_kb_waiting_entry_slot FOREIGN KEY (slot_id) REFERENCES kb_slot (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
