#!/bin/sh
# The pgbench reference runs: both scripts, both shapes, the given client counts, 10 s each, from
# the same state every time (reset.sql). Run from the repository root:
#   bench/pgbench/run.sh [URL] [CLIENTS...]
# Default URL postgresql://postgres@127.0.0.1:5432/test, default clients 1 8 16 64.
set -e
URL=${1:-postgresql://postgres@127.0.0.1:5432/test}
[ $# -gt 0 ] && shift
CLIENTS=${*:-1 8 16 64}
DIR=$(dirname "$0")
psql "$URL" -q -f "$DIR/setup.sql" > /dev/null
echo "| script | shape | clients | tps | booked/s | latency average ms |"
echo "|---|---|---:|---:|---:|---:|"
for script in booking lock_count; do
  for shape in spread hot; do
    if [ $shape = spread ]; then lo=1; hi=200; else lo=201; hi=205; fi
    for c in $CLIENTS; do
      psql "$URL" -q -f "$DIR/reset.sql" > /dev/null
      j=$([ "$c" -ge 2 ] && echo 2 || echo 1)
      out=$(PGOPTIONS="-c search_path=kb_pgbench" pgbench "$URL" -n -M prepared -c "$c" -j "$j" -T 10 \
            -D slot_lo=$lo -D slot_hi=$hi -D n=0 -f "$DIR/$script.sql" 2>&1)
      tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
      lat=$(echo "$out" | sed -n 's/^latency average = \([0-9.]*\) ms/\1/p')
      # booked rows, not transactions: a booking.sql transaction that found no free stripe books nothing
      booked=$(psql "$URL" -tAc "SELECT count(*) FROM kb_pgbench.kb_reservation WHERE fiscal_year >= 2023")
      bps=$(awk -v b="$booked" 'BEGIN { printf "%.0f", b / 10 }')
      echo "| $script | $shape | $c | $tps | $bps | $lat |"
    done
  done
done
psql "$URL" -q -c "SET client_min_messages = warning; DROP SCHEMA kb_pgbench CASCADE" > /dev/null
