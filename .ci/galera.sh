#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on 127.0.0.1 for the tests and the load driver, in a state directory
# of its own (KENSHIN_GALERA_HOME, default /tmp/kenshin-galera). Touches no other MariaDB: the nodes
# read only their own option files (--defaults-file), listen on their own ports and are signalled only
# by the pids this script recorded.
#
#   .ci/galera.sh start            fresh cluster: wipes the state directory, bootstraps node 1, seeds
#                                  nodes 2 and 3 from a copy of node 1's data directory, starts all three
#   .ci/galera.sh stop             stops the nodes it started (SIGTERM: a clean shutdown), 3 to 1
#   .ci/galera.sh status           pid, port and wsrep state of every node
#   .ci/galera.sh env              the variables the tests read (eval "$(.ci/galera.sh env)")
#   .ci/galera.sh kill-node N      SIGKILL to node N's recorded pid (a crash)
#   .ci/galera.sh stop-node N      clean shutdown of node N
#   .ci/galera.sh start-node N     node N rejoins the running cluster (IST from a peer's gcache)
#
# Ports (KENSHIN_GALERA_PORT, default 3311): SQL 3311-3313, group communication 4571-4573, IST
# 4581-4583, SST 4591-4593. Needs mariadbd, mariadb-install-db and the provider
# (KENSHIN_GALERA_PROVIDER, default /usr/lib/galera/libgalera_smm.so from Debian's galera-4).
set -euo pipefail

GALERA_HOME="${KENSHIN_GALERA_HOME:-/tmp/kenshin-galera}"
PROVIDER="${KENSHIN_GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}"
SQL_BASE="${KENSHIN_GALERA_PORT:-3311}"
GCOMM_BASE=4571
IST_BASE=4581
SST_BASE=4591
NODES=3

die() { echo "galera.sh: $*" >&2; exit 1; }
node_dir() { echo "$GALERA_HOME/node$1"; }
sql_port() { echo $((SQL_BASE + $1 - 1)); }
sock() { echo "$(node_dir "$1")/mysqld.sock"; }
cluster_address() {
  local a="" i
  for i in $(seq 1 $NODES); do a="$a${a:+,}127.0.0.1:$((GCOMM_BASE + i - 1))"; done
  echo "gcomm://$a"
}
# the user the nodes run as: mariadbd refuses root without being told, and an SST by rsync as root
# stumbles over file ownership, so as root the nodes run as the mysql user
run_user() { if [ "$(id -u)" = 0 ]; then echo mysql; else id -un; fi; }

sql() { # node, statement: as root over the node's socket
  mariadb --no-defaults -S "$(sock "$1")" -u root -N -B -e "$2"
}

status_var() { # node, variable
  sql "$1" "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = '$2'" 2>/dev/null || true
}

# the recorded pid of node N if that process is alive and is this node's mariadbd, else nothing
live_pid() {
  local f pid
  f="$(node_dir "$1")/pid"
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 0
  if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "--defaults-file=$(node_dir "$1")/my.cnf"; then
    echo "$pid"
  fi
}

write_config() { # node
  local n=$1 dir
  dir=$(node_dir "$n")
  mkdir -p "$dir/data"
  cat >"$dir/my.cnf" <<EOF
[mysqld]
user = $(run_user)
datadir = $dir/data
socket = $dir/mysqld.sock
pid-file = $dir/mariadbd.pid
log-error = $dir/error.log
port = $(sql_port "$n")
bind-address = 127.0.0.1
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
performance_schema = OFF
max_connections = 400
innodb_buffer_pool_size = 128M
innodb_log_file_size = 64M
# a node that crashes recovers from its peers (IST) and fsyncs once a second: the cluster, not the
# disk, makes a commit durable (the committed write set is on the other nodes before the client hears)
innodb_flush_log_at_trx_commit = 2
# Galera's requirements
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
wsrep_on = ON
wsrep_provider = $PROVIDER
wsrep_cluster_name = kenshin-test
wsrep_cluster_address = $(cluster_address)
wsrep_node_name = node$n
wsrep_node_address = 127.0.0.1:$((GCOMM_BASE + n - 1))
wsrep_node_incoming_address = 127.0.0.1:$(sql_port "$n")
wsrep_sst_receive_address = 127.0.0.1:$((SST_BASE + n - 1))
wsrep_sst_method = rsync
wsrep_slave_threads = 2
# a killed node is suspected after 3 s and evicted after 6 s (defaults 5 s and 15 s): the survivors'
# commits wait for the eviction
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:$((GCOMM_BASE + n - 1));ist.recv_addr=127.0.0.1:$((IST_BASE + n - 1));gcache.size=256M;evs.keepalive_period=PT1S;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.inactive_check_period=PT1S;evs.install_timeout=PT6S"
EOF
  chown -R "$(run_user)": "$dir"
}

# starts node N's mariadbd (extra options follow) and waits until it is Synced
launch() {
  local n=$1 dir pid state i
  shift
  dir=$(node_dir "$n")
  [ -z "$(live_pid "$n")" ] || die "node $n is already running (pid $(live_pid "$n"))"
  for i in $(seq 1 30); do # the port of a node just killed may linger for a moment
    ss -ltn "sport = :$(sql_port "$n")" | grep -q LISTEN || break
    sleep 1
  done
  nohup mariadbd --defaults-file="$dir/my.cnf" "$@" >>"$dir/console.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$dir/pid"
  for i in $(seq 1 240); do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$dir/error.log" >&2 || true
      die "node $n (pid $pid) exited while starting; log $dir/error.log"
    fi
    state=$(status_var "$n" WSREP_LOCAL_STATE_COMMENT)
    if [ "$state" = Synced ] && [ "$(status_var "$n" WSREP_READY)" = ON ]; then
      echo "node $n up: pid $pid, port $(sql_port "$n"), cluster size $(status_var "$n" WSREP_CLUSTER_SIZE)"
      return 0
    fi
    sleep 0.5
  done
  tail -n 40 "$dir/error.log" >&2 || true
  die "node $n (pid $pid) not Synced after 120 s; log $dir/error.log"
}

# waits until the process exits; after the grace period it is killed
wait_exit() { # pid, seconds
  local pid=$1 i
  for i in $(seq 1 $(($2 * 10))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  echo "pid $pid still running after $2 s: SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
}

stop_node() {
  local pid
  pid=$(live_pid "$1")
  if [ -z "$pid" ]; then
    echo "node $1 not running"
    return 0
  fi
  kill -TERM "$pid"
  wait_exit "$pid" 120
  echo "node $1 stopped (pid $pid)"
}

kill_node() {
  local pid
  pid=$(live_pid "$1")
  [ -n "$pid" ] || die "node $1 is not running"
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  echo "node $1 killed (pid $pid)"
}

# a node that crashed has no saved position (seqno -1 in grastate.dat): recover it from InnoDB, as
# the packaged galera_recovery does, so that the node asks its peers for the missing write sets (IST)
# instead of a whole copy (SST)
start_node() {
  local n=$1 dir pos=()
  dir=$(node_dir "$n")
  [ -f "$dir/my.cnf" ] || die "node $n was never set up: run start first"
  if grep -q '^seqno: *-1' "$dir/data/grastate.dat" 2>/dev/null; then
    mariadbd --defaults-file="$dir/my.cnf" --wsrep-recover --log-error="$dir/recover.log" >/dev/null 2>&1 || true
    local recovered
    recovered=$(grep -o 'Recovered position: [^ ]*' "$dir/recover.log" | tail -n 1 | awk '{print $3}')
    if [ -n "$recovered" ]; then
      echo "node $n: recovered position $recovered"
      pos=(--wsrep-start-position="$recovered")
    fi
  fi
  launch "$n" "${pos[@]}"
}

start_cluster() {
  local i
  command -v mariadbd >/dev/null || die "mariadbd not found"
  [ -f "$PROVIDER" ] || die "Galera provider $PROVIDER not found (Debian: apt-get install galera-4)"
  for i in $(seq 1 $NODES); do
    [ -z "$(live_pid "$i")" ] || { echo "cluster already running in $GALERA_HOME"; status; return 0; }
  done
  # wipe only a directory this script made (or an empty one)
  if [ -d "$GALERA_HOME" ] && [ ! -L "$GALERA_HOME/galera.sh" ] && [ -n "$(ls -A "$GALERA_HOME")" ]; then
    die "$GALERA_HOME is not empty and not a harness directory: not wiping it"
  fi
  rm -rf "$GALERA_HOME"
  mkdir -p "$GALERA_HOME"
  chmod 755 "$GALERA_HOME"
  ln -sf "$(readlink -f "$0")" "$GALERA_HOME/galera.sh"
  for i in $(seq 1 $NODES); do write_config "$i"; done

  # node 1: a new data directory, a first cluster of one, the users and the test database
  mariadb-install-db --defaults-file="$(node_dir 1)/my.cnf" --auth-root-authentication-method=normal \
    --skip-test-db >"$(node_dir 1)/install.log" 2>&1 || { cat "$(node_dir 1)/install.log" >&2; die "install-db failed"; }
  launch 1 --wsrep-new-cluster
  sql 1 "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
         CREATE DATABASE IF NOT EXISTS test"
  # stopped cleanly its grastate.dat holds the cluster's id and position; copies of it join that
  # cluster without any state transfer (no SST by rsync, no mariabackup needed)
  stop_node 1 >/dev/null
  grep -q '^safe_to_bootstrap: *1' "$(node_dir 1)/data/grastate.dat" || die "node 1 did not stop cleanly"
  for i in $(seq 2 $NODES); do
    rm -rf "$(node_dir "$i")/data"
    cp -a "$(node_dir 1)/data" "$(node_dir "$i")/data"
    # only node 1 bootstraps; a copy must never start a cluster of its own
    sed -i 's/^safe_to_bootstrap: *1/safe_to_bootstrap: 0/' "$(node_dir "$i")/data/grastate.dat"
    rm -f "$(node_dir "$i")/data/gvwstate.dat"
  done
  launch 1 --wsrep-new-cluster
  for i in $(seq 2 $NODES); do launch "$i"; done
  echo "Galera cluster of $(status_var 1 WSREP_CLUSTER_SIZE) in $GALERA_HOME"
  print_env
}

stop_cluster() {
  local i
  for i in $(seq $NODES -1 1); do stop_node "$i"; done
}

status() {
  local i pid
  for i in $(seq 1 $NODES); do
    pid=$(live_pid "$i")
    if [ -n "$pid" ]; then
      echo "node $i: pid $pid, port $(sql_port "$i"), $(status_var "$i" WSREP_LOCAL_STATE_COMMENT)," \
        "cluster size $(status_var "$i" WSREP_CLUSTER_SIZE), last committed $(status_var "$i" WSREP_LAST_COMMITTED)"
    else
      echo "node $i: not running"
    fi
  done
}

urls() {
  local u="" i
  for i in $(seq 1 $NODES); do u="$u${u:+,}jdbc:mariadb://127.0.0.1:$(sql_port "$i")/test?user=root"; done
  echo "$u"
}

print_env() {
  echo "export KENSHIN_GALERA_URLS='$(urls)'"
  echo "export KENSHIN_GALERA_HOME='$GALERA_HOME'"
}

case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster ;;
  status) status ;;
  env) print_env ;;
  urls) urls ;;
  kill-node) kill_node "${2:?node number}" ;;
  stop-node) stop_node "${2:?node number}" ;;
  start-node) start_node "${2:?node number}" ;;
  *) echo "usage: $0 start|stop|status|env|urls|kill-node N|stop-node N|start-node N" >&2; exit 2 ;;
esac
