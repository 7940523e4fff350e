-- SLOT-3 under load: a slot's places are split over up to N rows (stripes; N is the adapter's
-- stripesPerSlot, default 8), so that bookings of one slot lock different rows and commit
-- together instead of queueing for one counter row across each commit's disk flush. Capacity stays
-- exact: each stripe holds its share (the shares add up to the slot's capacity) and can never go
-- above it or below zero; the slot's reserved count is the sum of its stripes. The slot's event-day
-- cancellation (SLOT-6) is copied into every stripe (bookable = FALSE) so that the row a booking
-- locks carries it.
CREATE TABLE kb_slot_stripe (
    slot_id  BIGINT  NOT NULL REFERENCES kb_slot (id),
    stripe   INTEGER NOT NULL,
    capacity INTEGER NOT NULL,
    reserved INTEGER NOT NULL DEFAULT 0,
    bookable BOOLEAN NOT NULL DEFAULT TRUE,
    CONSTRAINT pk_kb_slot_stripe PRIMARY KEY (slot_id, stripe),
    CONSTRAINT ck_kb_slot_stripe CHECK (stripe >= 0 AND capacity > 0 AND reserved >= 0 AND reserved <= capacity)
);

-- Slots stored before this migration keep their count in one stripe.
INSERT INTO kb_slot_stripe (slot_id, stripe, capacity, reserved, bookable)
SELECT id, 0, capacity, reserved, NOT cancelled FROM kb_slot WHERE capacity > 0;

ALTER TABLE kb_slot DROP CONSTRAINT ck_kb_slot_reserved;
ALTER TABLE kb_slot DROP COLUMN reserved;
