-- The peers' capacity mechanism in the same transaction as booking.sql: the slot row locked with
-- SELECT ... FOR UPDATE, its live rows counted, the row inserted (no counter kept). The lock is held
-- from the FOR UPDATE to the commit: three statements and the commit, against one and the commit.
-- Variables as booking.sql. (The count check is the client's: pgbench inserts unconditionally, which
-- is what the Java loop does whenever the slot is not full; no run here fills a slot.)
\set household random(1000000, 1012499)
\set slot random(:slot_lo, :slot_hi)
\set n :n + 1
\set member :client_id * 100000000 + :n
BEGIN;
SELECT household, password_hash, email FROM account WHERE household = :household::varchar;
SELECT id, venue, institution, exam_date, start_time, duration_seconds, capacity, reserved, reception_opens, cancelled FROM slot WHERE id = :slot;
SELECT id, household, member_id, slot_id, fiscal_year, status, phone, terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at FROM reservation WHERE member_id = :member::varchar AND live_fiscal_year = 2023;
SELECT nextval('reservation_id_seq') AS rid \gset
INSERT INTO outbox (kind, recipient, dedupe_key, payload, created_at, attempts, next_attempt_at) VALUES ('BOOKED', 'h' || :household || '@example.jp', NULL, E'cancelDeadline=2024-02-17T00:00\nchangeDeadline=2024-02-06T00:00\nexamDate=2024-02-19\ninstitution=ヘルスポートクリニック\nmemberName=建設 花子\nminutes=30\nreservationId=123456\nstartTime=09:30\nsymbolNumber=1000000\nvenue=会場1\n', TIMESTAMP '2024-01-10 01:00:00', 0, TIMESTAMP '2024-01-10 01:00:00');
SELECT capacity FROM slot WHERE id = :slot FOR UPDATE;
SELECT count(*) FROM reservation WHERE slot_id = :slot AND status = 'CONFIRMED';
INSERT INTO reservation (id, household, member_id, slot_id, fiscal_year, status, live_fiscal_year, phone, terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at) VALUES (:rid::bigint, :household::varchar, :member::varchar, :slot, 2023, 'CONFIRMED', 2023, '09012345678', '2024-03', TIMESTAMP '2024-01-10 01:00:00', TIMESTAMP '2024-01-10 01:00:00', NULL, NULL, NULL);
END;
