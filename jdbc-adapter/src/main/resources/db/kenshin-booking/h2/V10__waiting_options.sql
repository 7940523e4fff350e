-- WAIT-1 with OPT-2: a waiting entry keeps the course, its family and the optional tests (comma-separated
-- codes, in code order) of the request it joined with; an offer holds a place of the slot and one of each
-- of these tests, and books them. Entries stored before this migration are the manual's one course,
-- without tests.
ALTER TABLE kb_waiting_entry ADD COLUMN course VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE kb_waiting_entry ADD COLUMN course_family VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE kb_waiting_entry ADD COLUMN options VARCHAR(1000) DEFAULT '' NOT NULL;

-- The pool of each optional test of a slot (as kb_slot.waiting_places is the slot's, V8): places of the
-- test taken from its stripes as a booking takes one and held for the waiting list until offered. Kept
-- on the test's stripe 0, which every offered test has. So a test's stripes count its live
-- reservations' places, the offered entries that chose it and its pool.
ALTER TABLE kb_slot_option ADD COLUMN waiting_places INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE kb_slot_option ADD CONSTRAINT ck_kb_slot_option_waiting CHECK (waiting_places >= 0 AND (stripe = 0 OR waiting_places = 0));
CREATE INDEX ix_kb_slot_option_waiting ON kb_slot_option (waiting_places);
