-- One booking as the JDBC adapter sends it on PostgreSQL, statement for statement (see the SQL the
-- load driver prints): account, slot, the member's live reservation (ONE-1), the reservation id,
-- the outbox row (the e-mail comes from the first account read), then capacity update + insert as one statement, commit.
-- Differences: pgbench passes its variables untyped, so some carry casts; values the Java code binds
-- as parameters but pgbench cannot vary (payload, timestamps, terms) are literals.
-- Variables (-D): slot_lo, slot_hi (1/200 spread, 201/205 hot), n=0 (the client's booking counter).
-- Each client books distinct members: member = client_id * 100000000 + n.
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
WITH upd AS (UPDATE slot SET reserved = reserved + 1 WHERE id = :slot AND reserved < capacity AND NOT cancelled RETURNING id) INSERT INTO reservation (id, household, member_id, slot_id, fiscal_year, status, live_fiscal_year, phone, terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at) SELECT :rid::bigint, :household::varchar, :member::varchar, upd.id, 2023, 'CONFIRMED', 2023, '09012345678', '2024-03', TIMESTAMP '2024-01-10 01:00:00', TIMESTAMP '2024-01-10 01:00:00', NULL, NULL, NULL FROM upd;
END;
