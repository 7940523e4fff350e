#!/usr/bin/env bash
# The rush at reception opening, end to end: starts the reference site (web/target/kenshin-booking-web.jar,
# embedded H2, the demo plus the rush households and slots), waits for reception to open, lets SiteRush log
# every household in and book over HTTP, then overloads the logins; stops the site it started.
# Usage (from the repository root, after `./mvnw -B -q -pl web,bench -am package -DskipTests`):
#   bench/rush.sh [HOUSEHOLDS=300] [PLACES=200] [SLOTS=10] [extra SiteRush options...]
set -euo pipefail
cd "$(dirname "$0")/.."
households=${1:-300}; places=${2:-200}; slots=${3:-10}; shift $(( $# < 3 ? $# : 3 ))
port=${RUSH_PORT:-8089}
date=$(date -u -d '+28 days' +%F)
opens=$(date -u -d "+${RUSH_WARMUP:-120} seconds" +%Y-%m-%dT%H:%M:%SZ)
java ${SITE_JAVA_OPTS:-} -jar web/target/kenshin-booking-web.jar --server.port="$port" \
  --kenshin.web.demo.smtp-port=0 \
  --kenshin.web.demo.rush.households="$households" --kenshin.web.demo.rush.places="$places" \
  --kenshin.web.demo.rush.slots="$slots" --kenshin.web.demo.rush.date="$date" \
  --kenshin.web.demo.rush.opens-at="$opens" ${SITE_ARGS:-} > "${RUSH_LOG:-bench/target/rush-site.log}" 2>&1 &
site=$!
trap 'kill "$site" 2>/dev/null; wait "$site" 2>/dev/null || true' EXIT
java -cp bench/target/kenshin-booking-bench.jar io.github.kenshinbooking.bench.SiteRush \
  --url "http://127.0.0.1:$port" --households "$households" --places "$places" --slots "$slots" \
  --date "$date" --opens-at "$opens" --site-pid "$site" "$@"
