-- Between pgbench runs: the state every load-driver point starts from.
--   psql "postgresql://postgres@127.0.0.1:5432/test" -f bench/pgbench/reset.sql
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET search_path = kb_pgbench;
DELETE FROM kb_reservation WHERE fiscal_year >= 2023;
TRUNCATE kb_outbox, kb_idempotency_key;
UPDATE kb_slot_stripe SET reserved = 0 WHERE slot_id <= 205;
VACUUM ANALYZE kb_slot;
VACUUM ANALYZE kb_slot_stripe;
VACUUM ANALYZE kb_reservation;
VACUUM ANALYZE kb_outbox;
CHECKPOINT;
