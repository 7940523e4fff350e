-- The peers' mechanism with the same reads as booking.sql: the snapshot read in auto-commit, then a
-- transaction of outbox row, SELECT ... FOR UPDATE of the slot, count(*) of its live reservations,
-- insert (the lock taken as late as possible). Same variables and differences as booking.sql.
\set household random(1000000, 1012499)
\set slot random(:slot_lo, :slot_hi)
\set n :n + 1
\set member :client_id * 100000000 + :n
SELECT a.household AS a_household, a.password_hash AS a_password_hash, a.email AS a_email, s.id AS s_id, s.venue AS s_venue, s.institution AS s_institution, s.exam_date AS s_exam_date, s.start_time AS s_start_time, s.duration_seconds AS s_duration_seconds, s.capacity AS s_capacity, (SELECT COALESCE(SUM(st.reserved), 0) FROM kb_slot_stripe st WHERE st.slot_id = s.id) AS s_reserved, s.reception_opens AS s_reception_opens, s.cancelled AS s_cancelled, r.id AS r_id, r.household AS r_household, r.member_id AS r_member_id, r.slot_id AS r_slot_id, r.fiscal_year AS r_fiscal_year, r.status AS r_status, r.phone AS r_phone, r.terms_version AS r_terms_version, r.booked_at AS r_booked_at, r.updated_at AS r_updated_at, r.staff_id AS r_staff_id, r.staff_reason AS r_staff_reason, r.staff_at AS r_staff_at, r.change_deadline AS r_change_deadline, r.cancel_deadline AS r_cancel_deadline FROM (SELECT 1 AS one) one LEFT JOIN kb_account a ON a.household = :household::varchar LEFT JOIN kb_slot s ON s.id = :slot LEFT JOIN kb_reservation r ON r.member_id = :member::varchar AND r.live_fiscal_year IS NOT NULL;
BEGIN;
INSERT INTO kb_outbox (kind, recipient, dedupe_key, payload, created_at, attempts, next_attempt_at) VALUES ('BOOKED', 'h' || :household || '@example.jp', NULL, E'cancelDeadline=2024-02-17T00:00\nchangeDeadline=2024-02-06T00:00\nexamDate=2024-02-19\ninstitution=ヘルスポートクリニック\nmemberName=建設 花子\nminutes=30\nreservationId=123456\nstartTime=09:30\nsymbolNumber=1000000\nvenue=会場1\n', TIMESTAMP '2024-01-10 01:00:00', 0, TIMESTAMP '2024-01-10 01:00:00');
SELECT capacity FROM kb_slot WHERE id = :slot FOR UPDATE;
SELECT count(*) FROM kb_reservation WHERE slot_id = :slot AND status = 'CONFIRMED';
INSERT INTO kb_reservation (id, household, member_id, slot_id, fiscal_year, status, live_fiscal_year, phone, terms_version, booked_at, updated_at, staff_id, staff_reason, staff_at, change_deadline, cancel_deadline) VALUES (nextval('kb_reservation_id_seq'), :household::varchar, :member::varchar, :slot, 2023, 'CONFIRMED', 2023, '09012345678', '2024-03', TIMESTAMP '2024-01-10 01:00:00', TIMESTAMP '2024-01-10 01:00:00', NULL, NULL, NULL, TIMESTAMP '2024-02-05 15:00:00', TIMESTAMP '2024-02-16 15:00:00');
END;
