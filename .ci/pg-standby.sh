#!/usr/bin/env bash
# A PostgreSQL primary and a streaming standby on 127.0.0.1 for the fail-over test, in a state
# directory of its own (KENSHIN_PG_HA_HOME, default /tmp/kenshin-pg-ha), with the Debian binaries
# under /usr/lib/postgresql/<newest>/bin, run as the postgres user when called as root (PostgreSQL
# refuses root). Touches no other PostgreSQL: own data directories, ports 5433 (primary) and 5434
# (standby) by default (KENSHIN_PG_HA_PORT), processes signalled only by the pids this script recorded.
#
#   .ci/pg-standby.sh start sync|async   a fresh pair (wipes the state directory): the standby is
#                                        synchronous (synchronous_standby_names = 'standby1',
#                                        synchronous_commit = on) or asynchronous
#   .ci/pg-standby.sh stop               fast shutdown of both (SIGINT to the recorded postmasters)
#   .ci/pg-standby.sh stop-primary       the primary dies: immediate shutdown (SIGQUIT), no
#                                        checkpoint, nothing more sent to the standby
#   .ci/pg-standby.sh promote            the standby becomes the primary
#   .ci/pg-standby.sh freeze-sender      SIGSTOP to the primary's WAL sender (a stalled link);
#   .ci/pg-standby.sh thaw-sender        SIGCONT to it
#   .ci/pg-standby.sh status | url | env
set -euo pipefail

HA_HOME="${KENSHIN_PG_HA_HOME:-/tmp/kenshin-pg-ha}"
PRIMARY_PORT="${KENSHIN_PG_HA_PORT:-5433}"
STANDBY_PORT=$((PRIMARY_PORT + 1))
BIN="${KENSHIN_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

die() { echo "pg-standby.sh: $*" >&2; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_at() { # port, sql
  as_pg "$BIN/psql" -X -h 127.0.0.1 -p "$1" -U postgres -d postgres -tAc "$2"
}

# the recorded postmaster pid of primary|standby if that process is alive and serves that directory
live_pid() {
  local f="$HA_HOME/$1.pid" pid
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 0
  if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$HA_HOME/$1"; then echo "$pid"; fi
}

start_server() { # primary|standby
  as_pg "$BIN/pg_ctl" -D "$HA_HOME/$1" -l "$HA_HOME/$1.log" -w -t 120 start >/dev/null
  head -n 1 "$HA_HOME/$1/postmaster.pid" >"$HA_HOME/$1.pid"
  echo "$1 up: pid $(cat "$HA_HOME/$1.pid")"
}

stop_server() { # primary|standby, signal (INT: fast, QUIT: immediate)
  local pid
  pid=$(live_pid "$1")
  if [ -z "$pid" ]; then
    echo "$1 not running"
    return 0
  fi
  kill -"$2" "$pid"
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "$1 stopped (pid $pid, SIG$2)"; return 0; }
    sleep 0.1
  done
  die "$1 (pid $pid) did not stop"
}

start_pair() {
  local mode=${1:-sync}
  [ "$mode" = sync ] || [ "$mode" = async ] || die "start sync|async"
  [ -x "$BIN/initdb" ] || die "no PostgreSQL binaries under /usr/lib/postgresql/*/bin"
  stop_server standby INT >/dev/null
  stop_server primary INT >/dev/null
  # wipe only a directory this script made (or an empty one)
  if [ -d "$HA_HOME" ] && [ ! -L "$HA_HOME/pg-standby.sh" ] && [ -n "$(ls -A "$HA_HOME")" ]; then
    die "$HA_HOME is not empty and not a harness directory: not wiping it"
  fi
  rm -rf "$HA_HOME"
  mkdir -p "$HA_HOME"
  ln -sf "$(readlink -f "$0")" "$HA_HOME/pg-standby.sh"
  [ "$(id -u)" != 0 ] || chown postgres: "$HA_HOME"
  as_pg "$BIN/initdb" -D "$HA_HOME/primary" -U postgres -A trust --no-sync >"$HA_HOME/initdb.log"
  cat >>"$HA_HOME/primary/postgresql.conf" <<EOF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$HA_HOME'
wal_level = replica
max_wal_senders = 4
wal_keep_size = 256MB
hot_standby = on
shared_buffers = 64MB
max_connections = 60
synchronous_commit = on
EOF
  start_server primary
  psql_at "$PRIMARY_PORT" "CREATE DATABASE test" >/dev/null
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$HA_HOME/standby" -R -X stream -c fast
  cat >>"$HA_HOME/standby/postgresql.conf" <<EOF
port = $STANDBY_PORT
EOF
  # the name synchronous_standby_names refers to
  echo "primary_conninfo = 'host=127.0.0.1 port=$PRIMARY_PORT user=postgres application_name=standby1'" \
    >>"$HA_HOME/standby/postgresql.auto.conf"
  start_server standby
  if [ "$mode" = sync ]; then
    # only now: with a synchronous standby named before it exists, every commit would wait
    psql_at "$PRIMARY_PORT" "ALTER SYSTEM SET synchronous_standby_names = 'standby1'" >/dev/null
    psql_at "$PRIMARY_PORT" "SELECT pg_reload_conf()" >/dev/null
  fi
  local want=async state=""
  [ "$mode" = async ] || want=sync
  for _ in $(seq 1 120); do
    state=$(psql_at "$PRIMARY_PORT" "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'standby1' AND state = 'streaming'")
    [ "$state" = "$want" ] && break
    sleep 0.5
  done
  [ "$state" = "$want" ] || die "standby not streaming as $want (state '$state')"
  echo "$mode" >"$HA_HOME/mode"
  echo "primary :$PRIMARY_PORT, standby :$STANDBY_PORT ($mode) in $HA_HOME"
  echo "url $(url)"
}

promote() {
  [ -n "$(live_pid standby)" ] || die "standby not running"
  as_pg "$BIN/pg_ctl" -D "$HA_HOME/standby" -w -t 120 promote >/dev/null
  echo "standby promoted: in recovery $(psql_at "$STANDBY_PORT" "SELECT pg_is_in_recovery()")"
}

sender_pid() {
  local pid
  pid=$(psql_at "$PRIMARY_PORT" "SELECT pid FROM pg_stat_replication WHERE application_name = 'standby1'")
  [ -n "$pid" ] || die "the primary has no WAL sender"
  # a child of the primary's postmaster that this script started
  [ "$(ps -o ppid= -p "$pid" | tr -d ' ')" = "$(live_pid primary)" ] || die "pid $pid is not the primary's"
  echo "$pid"
}

# the link stalls: the primary's WAL sender stops sending (SIGSTOP); a synchronous commit now waits,
# an asynchronous one is acknowledged after the primary's own flush
freeze() { local pid; pid=$(sender_pid); kill -STOP "$pid"; echo "$pid" >"$HA_HOME/frozen.pid"; echo "WAL sender $pid stopped"; }
thaw() {
  local pid
  [ -f "$HA_HOME/frozen.pid" ] || { echo "nothing frozen"; return 0; }
  pid=$(cat "$HA_HOME/frozen.pid")
  kill -CONT "$pid" 2>/dev/null || true
  rm -f "$HA_HOME/frozen.pid"
  echo "WAL sender $pid continued"
}

# the primary dies; a stalled WAL sender dies first, without sending what it held back
stop_primary() {
  if [ -f "$HA_HOME/frozen.pid" ]; then
    kill -KILL "$(cat "$HA_HOME/frozen.pid")" 2>/dev/null || true
    rm -f "$HA_HOME/frozen.pid"
  fi
  stop_server primary QUIT
}

status() {
  local role port pid
  for role in primary standby; do
    port=$PRIMARY_PORT
    [ "$role" = primary ] || port=$STANDBY_PORT
    pid=$(live_pid "$role")
    if [ -n "$pid" ]; then
      echo "$role: pid $pid, port $port, in recovery $(psql_at "$port" "SELECT pg_is_in_recovery()" 2>/dev/null || echo '?')"
    else
      echo "$role: not running"
    fi
  done
}

url() {
  echo "jdbc:postgresql://127.0.0.1:$PRIMARY_PORT,127.0.0.1:$STANDBY_PORT/test?user=postgres&targetServerType=primary"
}

case "${1:-}" in
  start) start_pair "${2:-sync}" ;;
  # a frozen sender is continued first, or the primary's shutdown would wait for it
  stop) thaw >/dev/null; stop_server standby INT; stop_server primary INT ;;
  stop-primary) stop_primary ;;
  promote) promote ;;
  freeze-sender) freeze ;;
  thaw-sender) thaw ;;
  status) status ;;
  url) url ;;
  env) echo "export KENSHIN_PG_HA_HOME='$HA_HOME'" ;;
  *) echo "usage: $0 start sync|async|stop|stop-primary|promote|freeze-sender|thaw-sender|status|url|env" >&2; exit 2 ;;
esac
