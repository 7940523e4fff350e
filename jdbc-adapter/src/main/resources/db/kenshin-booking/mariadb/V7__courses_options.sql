-- CRS-1, OPT-1..OPT-3: courses and optional tests.
-- A slot names the courses it offers (comma-separated course codes; NULL for every course of the union).
ALTER TABLE kb_slot ADD COLUMN courses VARCHAR(1000);

-- OPT-2: the places of each optional test of a slot, split over stripes as the slot's own places are
-- (kb_slot_stripe, V2): each stripe holds its share and can never go above it or below zero, so a
-- test is never overbooked; its reserved count is the sum of its stripes. A test offered with no
-- places keeps one stripe of capacity 0, so the slot still lists it.
CREATE TABLE kb_slot_option (
    slot_id   BIGINT      NOT NULL,
    option_id VARCHAR(32) NOT NULL,
    stripe    INTEGER     NOT NULL,
    capacity  INTEGER     NOT NULL,
    reserved  INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (slot_id, option_id, stripe),
    CONSTRAINT ck_kb_slot_option CHECK (stripe >= 0 AND capacity >= 0 AND reserved >= 0 AND reserved <= capacity),
    CONSTRAINT fk_kb_slot_option_slot FOREIGN KEY (slot_id) REFERENCES kb_slot (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- A reservation's course, the course's family when booked (ONE-1 counts per family) and its optional
-- tests (comma-separated codes, in code order). Rows stored before this migration are the manual's one
-- course, without tests.
ALTER TABLE kb_reservation ADD COLUMN course VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE kb_reservation ADD COLUMN course_family VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE kb_reservation ADD COLUMN options VARCHAR(1000) DEFAULT '' NOT NULL;

-- ONE-1 (CRS-1): one live reservation per member, fiscal year and course family.
ALTER TABLE kb_reservation DROP INDEX uq_kb_reservation_live,
    ADD CONSTRAINT uq_kb_reservation_live UNIQUE (member_id, live_fiscal_year, course_family);
