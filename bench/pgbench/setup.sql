-- Schema kb_pgbench for the pgbench reference runs: the adapter's PostgreSQL migration, 205 slots
-- (1..200 the spread shape, 201..205 the hot shape) with a capacity no run fills, and 12,500
-- household accounts with e-mail, as the load driver sets them up, and a history: 200,000 reservations
-- of FY2022 (1 in 20 cancelled) of the members the clients book (clients 0..15, n 1..12,500), on 200
-- slots of June 2022. Run from the repository root:
--   psql "postgresql://postgres@127.0.0.1:5432/test" -f bench/pgbench/setup.sql
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS kb_pgbench CASCADE;
CREATE SCHEMA kb_pgbench;
SET search_path = kb_pgbench;
\i jdbc-adapter/src/main/resources/db/kenshin-booking/postgresql/V1__kenshin_booking.sql
\i jdbc-adapter/src/main/resources/db/kenshin-booking/postgresql/V2__capacity_stripes.sql
\i jdbc-adapter/src/main/resources/db/kenshin-booking/postgresql/V4__promised_deadlines.sql

INSERT INTO kb_slot (id, venue, institution, exam_date, start_time, duration_seconds, capacity,
                  reception_opens, cancelled)
SELECT g,
       CASE WHEN g <= 200 THEN '会場' || ((g - 1) / 40 + 1) ELSE 'ミリカローデン那珂川' END,
       'ヘルスポートクリニック',
       CASE WHEN g <= 200 THEN DATE '2024-02-19' + ((g - 1) % 40) / 8 ELSE DATE '2024-02-20' END,
       TIME '09:00' + ((CASE WHEN g <= 200 THEN (g - 1) % 8 ELSE g - 201 END) * INTERVAL '30 minutes'),
       1800, 1000000, TIMESTAMP '2024-01-08 15:00:00', FALSE
FROM generate_series(1, 205) g;

INSERT INTO kb_account (household, password_hash, email, email_key)
SELECT (1000000 + g)::text, 'pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
       'h' || (1000000 + g) || '@example.jp', 'h' || (1000000 + g) || '@example.jp'
FROM generate_series(0, 12499) g;

INSERT INTO kb_slot (id, venue, institution, exam_date, start_time, duration_seconds, capacity,
                  reception_opens, cancelled)
SELECT 1000 + g, '会場' || ((g - 1) % 5 + 1), 'ヘルスポートクリニック', DATE '2022-06-01' + (g - 1) / 40,
       TIME '09:00' + (((g - 1) % 8) * INTERVAL '30 minutes'), 1800, 1000000, TIMESTAMP '2022-01-01 00:00:00', FALSE
FROM generate_series(1, 200) g;

-- every slot's places in 8 stripes of 125,000, as the adapter stores them (stripesPerSlot 8)
INSERT INTO kb_slot_stripe (slot_id, stripe, capacity, reserved, bookable)
SELECT s.id, k, s.capacity / 8, 0, TRUE FROM kb_slot s, generate_series(0, 7) k;

INSERT INTO kb_reservation (id, household, member_id, slot_id, fiscal_year, status, live_fiscal_year, phone,
                         terms_version, booked_at, updated_at, change_deadline, cancel_deadline)
SELECT g, (1000000 + g % 12500)::text, ((g - 1) / 12500 * 100000000 + (g - 1) % 12500 + 1)::text, s.id,
       2022, CASE WHEN g % 20 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END,
       CASE WHEN g % 20 = 0 THEN NULL ELSE 2022 END, '09012345678', '2022-03',
       TIMESTAMP '2022-05-01 00:00:00', TIMESTAMP '2022-05-01 00:00:00',
       -- promised at booking under the default 13 / 2 days, 00:00 Asia/Tokyo, stored in UTC (CHG-1, CNL-1)
       (s.exam_date - 13) - INTERVAL '9 hours', (s.exam_date - 2) - INTERVAL '9 hours'
FROM generate_series(1, 200000) g JOIN kb_slot s ON s.id = 1000 + 1 + g % 200;
SELECT setval('kb_reservation_id_seq', 200000);
-- each history stripe filled up to its share, in stripe order, with the slot's live rows
UPDATE kb_slot_stripe SET reserved = LEAST(capacity, GREATEST(0,
    (SELECT count(*) FROM kb_reservation r WHERE r.slot_id = kb_slot_stripe.slot_id AND r.status = 'CONFIRMED')
    - (SELECT COALESCE(SUM(p.capacity), 0) FROM kb_slot_stripe p WHERE p.slot_id = kb_slot_stripe.slot_id AND p.stripe < kb_slot_stripe.stripe)))
WHERE slot_id > 1000;

VACUUM ANALYZE kb_slot;
VACUUM ANALYZE kb_slot_stripe;
VACUUM ANALYZE kb_account;
VACUUM ANALYZE kb_reservation;
