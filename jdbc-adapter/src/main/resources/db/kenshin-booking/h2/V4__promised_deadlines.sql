-- CHG-1, CNL-1: a reservation keeps the change and cancel deadlines it was booked (or last changed)
-- under, in UTC like every instant here, so that a later change of the union's deadline days applies to
-- new bookings only and never moves a deadline the booking mail already told the household.
-- Rows stored before this migration are not backfilled: a migration cannot know the union's policy
-- (the deadline days and zone live in the application's UnionPolicy, not in the database), and any
-- value written here could move a deadline those households were told. NULL means "not promised":
-- such a reservation is judged by the current policy, exactly as before this migration; it is promised
-- deadlines the next time it is changed. This migration touches kb_reservation only.
ALTER TABLE kb_reservation ADD COLUMN change_deadline TIMESTAMP(6);
ALTER TABLE kb_reservation ADD COLUMN cancel_deadline TIMESTAMP(6);
