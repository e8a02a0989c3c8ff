#!/usr/bin/env bash
# deploy/infra.sh — private PostgreSQL + RabbitMQ instances for local runs, tests and CI.
#
# Runs its own PostgreSQL cluster and RabbitMQ node from the Debian packages,
# with all data/logs/config under one directory, on free 127.0.0.1 ports.
# It never uses, modifies or deletes the system clusters/services or their data.
#
# Usage: deploy/infra.sh COMMAND [--dir DIR] [--fast]
#   up              install missing packages, init + start both, wait until healthy,
#                   write DIR/env and print its path as the last stdout line
#   down            stop both (idempotent)
#   status          show state; exit 0 only if both are healthy
#   stop-postgres | start-postgres | stop-rabbitmq | start-rabbitmq
#                   stop/start one server, keeping its ports and data
#   psql ARGS... | rabbitmqctl ARGS...
#                   run a client against the private instance (--dir goes first)
#
# DIR defaults to ${PLATFORM_INFRA_DIR:-/var/lib/platform/infra}.
# See deploy/README-infra.md for details.

set -Eeuo pipefail
umask 022

# ----------------------------------------------------------------------------
# constants / defaults
# ----------------------------------------------------------------------------
readonly PROG=infra
readonly DB_USER=platform DB_PASS=platform DB_NAME=platform
readonly MQ_USER=platform MQ_PASS=platform
readonly DEFAULT_PG_PORT=${PLATFORM_INFRA_PG_PORT:-15432}
readonly DEFAULT_AMQP_PORT=${PLATFORM_INFRA_AMQP_PORT:-15672}
readonly DEFAULT_DIST_PORT=${PLATFORM_INFRA_DIST_PORT:-25680}   # never 25672 (system rabbit)
readonly DEFAULT_EPMD_PORT=${PLATFORM_INFRA_EPMD_PORT:-14369}   # never 4369 (system epmd)
readonly TIMEOUT=${PLATFORM_INFRA_TIMEOUT:-120}
readonly RMQ_LIB=/usr/lib/rabbitmq/bin

LOCK_FDS=()        # fds of held flocks; closed in every spawned server
CLAIMED_PORTS=()   # ports claimed by this invocation
POLICY_RC_D_CREATED=

# ----------------------------------------------------------------------------
# messages / errors
# ----------------------------------------------------------------------------
info() { printf '%s: %s\n' "$PROG" "$*" >&2; }
warn() { printf '%s: warning: %s\n' "$PROG" "$*" >&2; }
die()  { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

on_err() {
    local rc=$? line=$1 cmd=$2
    printf '%s: error: unexpected failure (exit %s) at line %s: %s\n' "$PROG" "$rc" "$line" "$cmd" >&2
    exit "$rc"
}
trap 'on_err "$LINENO" "$BASH_COMMAND"' ERR

on_exit() {
    if [[ -n $POLICY_RC_D_CREATED ]]; then rm -f /usr/sbin/policy-rc.d; fi
}
trap on_exit EXIT

usage() {
    cat <<'EOF'
usage: deploy/infra.sh COMMAND [--dir DIR] [--fast]

commands:
  up               install missing packages (apt), initialise and start private
                   PostgreSQL + RabbitMQ, wait until healthy, write DIR/env and
                   print its path (last line of stdout). Idempotent.
  down             stop both private servers (idempotent)
  status           print state and ports; exit 0 iff both are healthy
  stop-postgres    stop only PostgreSQL   (ports and data are kept)
  start-postgres   start only PostgreSQL  (same ports and data)
  stop-rabbitmq    stop only RabbitMQ     (ports and data are kept)
  start-rabbitmq   start only RabbitMQ    (same ports and data)
  psql ARGS...     psql as 'platform' against the private PostgreSQL
  rabbitmqctl ARGS...
                   rabbitmqctl against the private node (root); e.g. list_queues
                   (for these two, put --dir before the command)

options:
  --dir DIR        state directory (default: ${PLATFORM_INFRA_DIR:-/var/lib/platform/infra})
  --fast           (up) dev/test speedups: initdb --no-sync, synchronous_commit=off
                   (durability is reduced; never use for real data)

environment:
  PLATFORM_INFRA_DIR      default for --dir
  PLATFORM_INFRA_TIMEOUT  seconds to wait for a server to become healthy (default 120)
  PLATFORM_INFRA_PG_PORT / _AMQP_PORT / _DIST_PORT / _EPMD_PORT
                          first port to try (defaults 15432 / 15672 / 25680 / 14369)
EOF
}

# ----------------------------------------------------------------------------
# generic helpers
# ----------------------------------------------------------------------------
require_root() {
    [[ $(id -u) -eq 0 ]] || die "'$CMD' must run as root (try: sudo $0 $CMD --dir $DIR)"
}

now() { date +%s; }

# pid_alive PID [COMM] — true if the process exists, is not a zombie and
# (optionally) its command name is COMM.
pid_alive() {
    local pid=${1:-} comm=${2:-} stat='' state c=''
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    read -r stat 2>/dev/null <"/proc/$pid/stat" || return 1
    state=${stat##*) }
    state=${state%% *}
    [[ $state != Z && $state != X ]] || return 1
    if [[ -n $comm ]]; then
        read -r c 2>/dev/null <"/proc/$pid/comm" || return 1
        [[ $c == "$comm" ]] || return 1
    fi
    return 0
}

read_pidfile() {   # first line of a pid file, or empty
    local f=$1 pid=
    if [[ -r $f ]]; then IFS= read -r pid 2>/dev/null <"$f" || true; fi
    pid=${pid//[!0-9]/}
    printf '%s' "$pid"
}

close_lock_fds() {
    local fd
    for fd in "${LOCK_FDS[@]}"; do eval "exec $fd>&-"; done
}

# port_free PORT — nothing listens on it (any address)
port_free() {
    local p=$1
    if command -v ss >/dev/null 2>&1; then
        [[ -z $(ss -Htln "sport = :$p" 2>/dev/null) ]] || return 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then return 1; fi
    return 0
}

port_lock_dir() {
    local d
    for d in /run/lock /var/lock /tmp; do
        if [[ -d $d && -w $d ]]; then
            d=$d/platform-infra-ports
            if mkdir -p "$d" 2>/dev/null; then chmod 1777 "$d" 2>/dev/null || true; fi
            [[ -w $d ]] && { printf '%s' "$d"; return 0; }
        fi
    done
    die "no writable lock directory for port allocation"
}

# reserved_by_other PORT — another state directory saved this port and still
# exists: its server may be stopped for a while (stop-postgres), the port then
# free, but it is that directory's to take back with start-*.
reserved_by_other() {
    local p=$1 owner
    [[ -f $PORT_LOCKS/port-$p.owner ]] || return 1
    owner=$(<"$PORT_LOCKS/port-$p.owner")
    [[ -n $owner && $owner != "$DIR" && -f $owner/state ]] || return 1
    grep -qx "[A-Z_]*PORT=$p" "$owner/state"
}

# claim_port PORT — take an exclusive per-port lock (held until this script
# exits; by then the server is listening), check the port is free and not
# saved by another state directory, and record this directory as its owner.
claim_port() {
    local p=$1 fd
    [[ $p =~ ^[0-9]+$ ]] && (( p > 1023 && p < 65536 )) || return 1
    [[ " ${CLAIMED_PORTS[*]-} " != *" $p "* ]] || return 1
    exec {fd}>"$PORT_LOCKS/port-$p.lock"
    if ! flock -n "$fd"; then exec {fd}>&-; return 1; fi
    if reserved_by_other "$p" || ! port_free "$p"; then exec {fd}>&-; return 1; fi
    printf '%s' "$DIR" > "$PORT_LOCKS/port-$p.owner"
    CLAIMED_PORTS+=("$p"); LOCK_FDS+=("$fd")
    return 0
}

# alloc_port VAR PREFERRED DEFAULT_START — keep PREFERRED if it is free, else
# the first free port from DEFAULT_START upwards. Result in $VAR.
alloc_port() {
    local var=$1 pref=$2 start=$3 p
    if [[ -n $pref ]] && claim_port "$pref"; then printf -v "$var" '%s' "$pref"; return 0; fi
    if [[ -n $pref ]]; then warn "saved port $pref for $var is in use; choosing another"; fi
    for (( p = start; p < start + 1000 && p < 65000; p++ )); do
        if claim_port "$p"; then printf -v "$var" '%s' "$p"; return 0; fi
    done
    die "no free TCP port found for $var in $start..$((start + 999))"
}

# require_port_free PORT WHAT — for start-*: ports must stay the same
require_port_free() {
    local p=$1 what=$2
    [[ -n $p ]] || die "$what: no saved port; run '$0 up --dir $DIR' first"
    claim_port "$p" || die "$what: port 127.0.0.1:$p is in use by another process (run 'up' to pick new ports)"
}

file_size() { stat -c %s "$1" 2>/dev/null || echo 0; }

tail_log() {   # tail_log FILE [N] [BYTE_OFFSET] — last N lines written after OFFSET
    local f=$1 n=${2:-30} off=${3:-0}
    if [[ -s $f ]] && (( $(file_size "$f") > off )); then
        printf '%s: ---- last lines of %s ----\n' "$PROG" "$f" >&2
        tail -c +$(( off + 1 )) "$f" | tail -n "$n" >&2 || true
        printf '%s: ----\n' "$PROG" >&2
    fi
}

# ----------------------------------------------------------------------------
# packages
# ----------------------------------------------------------------------------
pg_bin_for() {  # newest installed PostgreSQL (or the version of existing data)
    local v want=${1:-} best=
    if [[ -n ${PG_BIN:-} ]]; then printf '%s' "$PG_BIN"; return 0; fi
    if [[ -n $want ]]; then
        [[ -x /usr/lib/postgresql/$want/bin/postgres ]] && { printf '%s' "/usr/lib/postgresql/$want/bin"; return 0; }
        return 1
    fi
    for v in /usr/lib/postgresql/*/bin/initdb; do
        [[ -x $v ]] || continue
        v=${v#/usr/lib/postgresql/}; v=${v%%/*}
        [[ $v =~ ^[0-9]+$ ]] || continue
        if [[ -z $best ]] || (( v > best )); then best=$v; fi
    done
    [[ -n $best ]] || return 1
    printf '%s' "/usr/lib/postgresql/$best/bin"
}

have_pg()  { pg_bin_for >/dev/null 2>&1 && id postgres >/dev/null 2>&1; }
have_rmq() { [[ -x $RMQ_LIB/rabbitmq-server && -x $RMQ_LIB/rabbitmqctl ]] && command -v epmd >/dev/null 2>&1 && id rabbitmq >/dev/null 2>&1; }

system_rabbit_pids() {   # beam.smp processes of user rabbitmq that are not ours
    local p
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        pid_alive "$p" beam.smp || continue
        [[ $(stat -c %U "/proc/$p" 2>/dev/null) == rabbitmq ]] || continue
        grep -qz '^PLATFORM_INFRA_DIR=' "/proc/$p/environ" 2>/dev/null && continue
        printf '%s\n' "$p"
    done
}

stop_system_services() {  # only for packages we just installed; never touches data
    local need_pg=$1 need_rmq=$2 line ver cl st pids i
    if [[ $need_pg == 1 ]] && command -v pg_lsclusters >/dev/null 2>&1; then
        while read -r ver cl _ st _; do
            [[ $st == online* ]] || continue
            info "stopping system PostgreSQL cluster $ver/$cl started by the package install"
            pg_ctlcluster "$ver" "$cl" stop >/dev/null 2>&1 || service postgresql stop >/dev/null 2>&1 || warn "could not stop system cluster $ver/$cl"
        done < <(pg_lsclusters -h 2>/dev/null || true)
    fi
    if [[ $need_rmq == 1 ]]; then
        pids=$(system_rabbit_pids)
        if [[ -n $pids ]]; then
            info "stopping system rabbitmq-server started by the package install"
            service rabbitmq-server stop >/dev/null 2>&1 || true
            pids=$(system_rabbit_pids)
            if [[ -n $pids ]]; then
                timeout 60 /usr/sbin/rabbitmqctl stop >/dev/null 2>&1 || true
            fi
            for (( i = 0; i < 30; i++ )); do
                pids=$(system_rabbit_pids); [[ -z $pids ]] && break; sleep 1
            done
            if [[ -n $pids ]]; then
                # shellcheck disable=SC2086
                kill -TERM $pids 2>/dev/null || true
            fi
        fi
    fi
}

ensure_packages() {
    local need_pg=0 need_rmq=0 attempt fd
    have_pg && have_rmq && return 0
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL/RabbitMQ packages are missing and apt-get is not available"
    # one installer at a time (several 'up' for different dirs may race on a fresh machine)
    local lockf=/run/lock/platform-infra-apt.lock
    [[ -d /run/lock && -w /run/lock ]] || lockf=/tmp/platform-infra-apt.lock
    exec {fd}>"$lockf"
    flock -w 1800 "$fd" || die "timed out waiting for another infra.sh package install"
    have_pg  || need_pg=1
    have_rmq || need_rmq=1
    if (( !need_pg && !need_rmq )); then exec {fd}>&-; return 0; fi
    info "installing missing packages (postgresql rabbitmq-server) — this can take a few minutes"
    # keep the package's maintainer scripts from starting system services
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\n# temporary, created by deploy/infra.sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 0755 /usr/sbin/policy-rc.d
        POLICY_RC_D_CREATED=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    for attempt in 1 2 3; do
        if apt-get -o DPkg::Lock::Timeout=600 -q update </dev/null >&2; then break; fi
        (( attempt < 3 )) || die "package install failed: 'apt-get update' failed"
        warn "apt-get update failed (attempt $attempt), retrying"; sleep 10
    done
    apt-get -o DPkg::Lock::Timeout=600 -q install -y \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
        postgresql rabbitmq-server </dev/null >&2 \
        || die "package install failed: 'apt-get install -y postgresql rabbitmq-server' failed"
    if [[ -n $POLICY_RC_D_CREATED ]]; then rm -f /usr/sbin/policy-rc.d; POLICY_RC_D_CREATED=; fi
    stop_system_services "$need_pg" "$need_rmq"
    exec {fd}>&-
    have_pg  || die "package install failed: PostgreSQL binaries not found after install"
    have_rmq || die "package install failed: RabbitMQ binaries not found after install"
}

# ----------------------------------------------------------------------------
# directory / state
# ----------------------------------------------------------------------------
setup_paths() {
    [[ $DIR == /* ]] || DIR=$PWD/$DIR
    DIR=$(realpath -m -- "$DIR")
    [[ $DIR =~ ^/[A-Za-z0-9._/+@=,:-]*$ ]] || die "unsupported characters in --dir '$DIR' (use letters, digits and ._/+@=,:-)"
    [[ $DIR != / ]] || die "--dir must not be /"
    ENV_FILE=$DIR/env
    STATE_FILE=$DIR/state
    PG_BASE=$DIR/postgres
    PG_DATA=$PG_BASE/data
    PG_LOG=$PG_BASE/postgres.log
    PG_CTL_LOG=$PG_BASE/pg_ctl.log
    RMQ_BASE=$DIR/rabbitmq
    RMQ_HOME=$RMQ_BASE/home
    RMQ_LOGDIR=$RMQ_BASE/log
    RMQ_STARTUP_LOG=$RMQ_LOGDIR/startup.log
    RMQ_PIDFILE=$RMQ_BASE/rabbitmq.pid
    local sum
    sum=$(printf '%s' "$DIR" | cksum | cut -d' ' -f1)
    RMQ_NODE=platform-$sum@localhost
    RMQ_NODE_LOG=$RMQ_LOGDIR/$RMQ_NODE.log
    # unix socket path must fit in sun_path (108 bytes incl. ".s.PGSQL.NNNNN")
    PG_SOCK=$PG_BASE/run
    if (( ${#PG_SOCK} > 85 )); then PG_SOCK=/run/platform-infra-pg-$sum; fi
}

load_state() {
    PG_PORT='' AMQP_PORT='' DIST_PORT='' EPMD_PORT=''
    [[ -r $STATE_FILE ]] || return 0
    local k v
    while IFS='=' read -r k v; do
        [[ $v =~ ^[0-9]+$ ]] || continue
        case $k in
            PG_PORT|AMQP_PORT|DIST_PORT|EPMD_PORT) printf -v "$k" '%s' "$v" ;;
        esac
    done <"$STATE_FILE"
}

save_state() {
    local tmp=$STATE_FILE.tmp.$$
    printf 'PG_PORT=%s\nAMQP_PORT=%s\nDIST_PORT=%s\nEPMD_PORT=%s\n' \
        "$PG_PORT" "$AMQP_PORT" "$DIST_PORT" "$EPMD_PORT" >"$tmp"
    mv -f "$tmp" "$STATE_FILE"
}

# make DIR and its ancestors traversable for users postgres/rabbitmq
prepare_dir() {
    mkdir -p "$DIR"
    local d=$DIR mode
    while [[ $d != / ]]; do
        mode=$(stat -c %a "$d")
        if (( (8#$mode & 1) == 0 )); then
            info "adding o+x to $d so users postgres/rabbitmq can reach $DIR"
            chmod o+x "$d"
        fi
        d=$(dirname "$d")
    done
}

lock_dir() {   # serialise operations on the same DIR
    local fd
    exec {fd}>"$DIR/.lock"
    if ! flock -w 600 "$fd"; then die "timed out waiting for lock $DIR/.lock (another infra.sh still running?)"; fi
    LOCK_FDS+=("$fd")
}

write_env() {
    local pg="Host=127.0.0.1;Port=$PG_PORT;Username=$DB_USER;Password=$DB_PASS;Database=$DB_NAME"
    local mq="amqp://$MQ_USER:$MQ_PASS@127.0.0.1:$AMQP_PORT/"
    local tmp=$ENV_FILE.tmp.$$
    cat >"$tmp" <<EOF
# generated by deploy/infra.sh — private PostgreSQL/RabbitMQ in $DIR
# usage: source '$ENV_FILE'   or   set -a; . '$ENV_FILE'; set +a
PLATFORM_INFRA_DIR='$DIR'
PLATFORM_POSTGRES='$pg'
PLATFORM_RABBITMQ='$mq'
ConnectionStrings__Postgres='$pg'
ConnectionStrings__RabbitMq='$mq'
PLATFORM_POSTGRES_PORT='$PG_PORT'
PLATFORM_RABBITMQ_PORT='$AMQP_PORT'
EOF
    chmod 0644 "$tmp"
    if [[ -f $ENV_FILE ]] && cmp -s "$tmp" "$ENV_FILE"; then rm -f "$tmp"; else mv -f "$tmp" "$ENV_FILE"; fi
}

# ----------------------------------------------------------------------------
# PostgreSQL
# ----------------------------------------------------------------------------
as_postgres() { runuser -u postgres -- env -C / "$@"; }

pg_resolve_bin() {
    local ver=
    [[ -r $PG_DATA/PG_VERSION ]] && ver=$(<"$PG_DATA/PG_VERSION")
    if [[ -n $ver ]]; then
        PGB=$(pg_bin_for "$ver") || die "data in $PG_DATA is PostgreSQL $ver but /usr/lib/postgresql/$ver is not installed"
    else
        PGB=$(pg_bin_for) || die "PostgreSQL is not installed (run '$0 up')"
    fi
}

pg_pid() {   # pid of our running postmaster, or empty (a recycled pid is not ours)
    local pid cwd
    pid=$(read_pidfile "$PG_DATA/postmaster.pid")
    pid_alive "$pid" postgres || return 0
    if cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null); then
        [[ $cwd == "$(realpath "$PG_DATA")" ]] || return 0
    fi
    printf '%s' "$pid"
}

pg_orphans() {   # leftover postgres processes working in our data dir
    local p real
    [[ -d $PG_DATA ]] || return 0
    real=$(realpath "$PG_DATA")
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        pid_alive "$p" postgres || continue
        [[ $(readlink "/proc/$p/cwd" 2>/dev/null) == "$real" ]] && printf '%s\n' "$p"
    done
    return 0
}

pg_password_check() {   # real login over TCP with the password
    [[ -n $PG_PORT ]] || return 1
    local out
    out=$(PGPASSWORD=$DB_PASS PGCONNECT_TIMEOUT=5 timeout 10 "$PGB/psql" -X -qAt \
        "host=127.0.0.1 port=$PG_PORT user=$DB_USER dbname=$DB_NAME" -c 'select 1' 2>/dev/null) || return 1
    [[ $out == 1 ]]
}

pg_healthy() {
    [[ -n $PG_PORT && -d $PG_DATA ]] || return 1
    if [[ -r $PG_DATA ]] || [[ $(id -u) -eq 0 ]]; then [[ -n $(pg_pid) ]] || return 1; fi
    "$PGB/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 3 >/dev/null 2>&1 || return 1
    pg_password_check
}

pg_cleanup_stale() {   # after a crash/kill -9: orphans, stale lock files
    local pids i
    [[ -z $(pg_pid) ]] || return 0
    pids=$(pg_orphans)
    if [[ -n $pids ]]; then
        info "waiting for leftover postgres processes of a dead postmaster to exit"
        for (( i = 0; i < 40; i++ )); do
            pids=$(pg_orphans); [[ -z $pids ]] && break; sleep 0.25
        done
        if [[ -n $pids ]]; then
            # shellcheck disable=SC2086
            kill -KILL $pids 2>/dev/null || true
            sleep 0.5
        fi
    fi
    # our postmaster is not running: its pid/lock files are stale (the pid in them
    # may even belong to another process now, which would block a restart)
    rm -f "$PG_DATA/postmaster.pid" "$PG_SOCK"/.s.PGSQL.*
}

pg_stop() {
    [[ -d $PG_DATA ]] || return 0
    local pid
    pid=$(pg_pid)
    if [[ -n $pid ]]; then
        info "stopping PostgreSQL (pid $pid)"
        if ! as_postgres "$PGB/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >>"$PG_CTL_LOG" 2>&1; then
            warn "pg_ctl stop -m fast failed; trying immediate shutdown"
            as_postgres "$PGB/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >>"$PG_CTL_LOG" 2>&1 || true
            pid=$(pg_pid)
            if [[ -n $pid ]]; then kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; fi
        fi
    fi
    pg_cleanup_stale
    [[ -z $(pg_pid) ]] || die "could not stop PostgreSQL in $PG_DATA"
}

pg_prepare() {   # create dirs, initdb (once), write config for $PG_PORT
    install -d -o postgres -g postgres -m 0755 "$PG_BASE"
    install -d -o postgres -g postgres -m 0700 "$PG_SOCK"
    if [[ ! -f $PG_DATA/PG_VERSION ]]; then
        [[ ! -e $PG_DATA ]] || [[ -z $(ls -A "$PG_DATA") ]] \
            || die "$PG_DATA exists but is not a PostgreSQL data directory; move it away"
        rm -rf "$PG_DATA" "$PG_BASE"/data.init.*
        local tmp=$PG_BASE/data.init.$$ locale=C extra=()
        if [[ $'\n'$(locale -a 2>/dev/null || true)$'\n' =~ $'\n'[Cc]\.(UTF-8|utf8)$'\n' ]]; then locale=C.UTF-8; fi
        [[ $FAST == 1 ]] && extra+=(--no-sync)
        info "initialising PostgreSQL data directory $PG_DATA"
        if ! as_postgres "$PGB/initdb" -D "$tmp" -U postgres -E UTF8 --locale="$locale" \
                --auth-local=trust --auth-host=scram-sha-256 "${extra[@]}" >"$PG_BASE/initdb.log" 2>&1; then
            tail_log "$PG_BASE/initdb.log"
            die "initdb failed (see $PG_BASE/initdb.log)"
        fi
        mv "$tmp" "$PG_DATA"
    fi
    find "$PG_BASE" -xdev ! -user postgres -exec chown postgres:postgres {} + 2>/dev/null || true
    grep -q "^include_if_exists = 'platform-infra.conf'" "$PG_DATA/postgresql.conf" \
        || printf "\n# private instance settings managed by deploy/infra.sh\ninclude_if_exists = 'platform-infra.conf'\n" >>"$PG_DATA/postgresql.conf"
    local conf=$PG_DATA/platform-infra.conf
    {
        echo "# managed by deploy/infra.sh — rewritten by 'up'"
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $PG_PORT"
        echo "unix_socket_directories = '$PG_SOCK'"
        echo "unix_socket_permissions = 0700"
        echo "max_connections = 200"
        echo "password_encryption = 'scram-sha-256'"
        echo "logging_collector = off"
        if [[ $FAST == 1 ]]; then
            echo "# --fast (dev/test only): commits are not waited for on disk"
            echo "synchronous_commit = off"
        fi
    } >"$conf.tmp"
    chown postgres:postgres "$conf.tmp"; chmod 0600 "$conf.tmp"; mv -f "$conf.tmp" "$conf"
}

pg_launch() {   # start in background; sets PG_LAUNCH_PID (pg_ctl -w)
    pg_cleanup_stale
    install -d -o postgres -g postgres -m 0700 "$PG_SOCK"   # may live in /run (cleared on reboot)
    : >>"$PG_LOG"; chown postgres:postgres "$PG_LOG"
    PG_LOG_OFF=$(file_size "$PG_LOG")
    info "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    (
        close_lock_fds
        exec setsid runuser -u postgres -- env -C / "$PGB/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" \
            -w -t "$TIMEOUT" start </dev/null >>"$PG_CTL_LOG" 2>&1
    ) &
    PG_LAUNCH_PID=$!
}

pg_wait() {
    local rc=0
    wait "$PG_LAUNCH_PID" || rc=$?
    if (( rc != 0 )); then
        tail_log "$PG_LOG" 30 "$PG_LOG_OFF"
        ( pg_stop ) >/dev/null 2>&1 || true    # leave nothing half-started behind
        if [[ $(tail -c +$(( PG_LOG_OFF + 1 )) "$PG_LOG" 2>/dev/null || true) == *"could not bind"* ]]; then
            die "PostgreSQL failed to start: port 127.0.0.1:$PG_PORT is in use"
        fi
        die "PostgreSQL failed to start or did not become ready within ${TIMEOUT}s (see $PG_LOG)"
    fi
}

pg_bootstrap() {   # idempotent role + database creation over the private socket
    local out
    if ! out=$(as_postgres "$PGB/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U postgres -d postgres 2>&1 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') THEN
    CREATE ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASS';
  ELSE
    ALTER ROLE $DB_USER LOGIN SUPERUSER PASSWORD '$DB_PASS';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DB_NAME OWNER $DB_USER' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB_NAME')
\gexec
SQL
    ); then
        printf '%s\n' "$out" >&2
        die "could not create PostgreSQL role/database '$DB_USER'"
    fi
    pg_password_check || die "PostgreSQL is running but 'select 1' as $DB_USER over 127.0.0.1:$PG_PORT failed"
}

# ----------------------------------------------------------------------------
# RabbitMQ
# ----------------------------------------------------------------------------
rmq_env() {   # the one environment every rabbitmq command for this node uses
    RMQ_ENV=(
        "PATH=$RMQ_LIB:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        "HOME=$RMQ_HOME"
        LANG=C.UTF-8 LC_ALL=C.UTF-8
        "PLATFORM_INFRA_DIR=$DIR"
        "RABBITMQ_NODENAME=$RMQ_NODE"
        "RABBITMQ_USE_LONGNAME=false"
        "RABBITMQ_SCHEDULER_BIND_TYPE=u"
        "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1"
        "RABBITMQ_NODE_PORT=$AMQP_PORT"
        "RABBITMQ_DIST_PORT=$DIST_PORT"
        "ERL_EPMD_PORT=$EPMD_PORT"
        "ERL_EPMD_ADDRESS=127.0.0.1"
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='-kernel inet_dist_use_interface {127,0,0,1}'
        "RABBITMQ_CONF_ENV_FILE=$RMQ_BASE/rabbitmq-env.conf"
        "RABBITMQ_CONFIG_FILE=$RMQ_BASE/rabbitmq.conf"
        "RABBITMQ_ADVANCED_CONFIG_FILE=$RMQ_BASE/advanced.config"
        "RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_BASE/enabled_plugins"
        "RABBITMQ_FEATURE_FLAGS_FILE=$RMQ_BASE/feature_flags"
        "RABBITMQ_MNESIA_BASE=$RMQ_BASE/mnesia"
        "RABBITMQ_LOG_BASE=$RMQ_LOGDIR"
        "RABBITMQ_PID_FILE=$RMQ_PIDFILE"
        "ERL_CRASH_DUMP=$RMQ_LOGDIR/erl_crash.dump"
    )
}

as_rabbitmq() { rmq_env; runuser -u rabbitmq -- env -i -C "$RMQ_BASE" "${RMQ_ENV[@]}" "$@"; }
rmqctl() { as_rabbitmq timeout "${RMQCTL_TIMEOUT:-60}" "$RMQ_LIB/rabbitmqctl" "$@"; }

rmq_pid() {   # pid of our running node, or empty (a recycled pid is not ours)
    local pid
    pid=$(read_pidfile "$RMQ_PIDFILE")
    pid_alive "$pid" beam.smp || return 0
    if [[ -r /proc/$pid/environ ]]; then
        grep -qxzF "RABBITMQ_NODENAME=$RMQ_NODE" "/proc/$pid/environ" 2>/dev/null || return 0
    fi
    printf '%s' "$pid"
}

rmq_epmd_pids() {   # the private epmd started for this node (matched by its HOME)
    local p
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        pid_alive "$p" epmd || continue
        if grep -qxzF "HOME=$RMQ_HOME" "/proc/$p/environ" 2>/dev/null; then printf '%s\n' "$p"; fi
    done
    return 0
}

rmq_node_pids() {   # any beam of this node (even with a stale pid file)
    local p
    for p in /proc/[0-9]*; do
        p=${p#/proc/}
        pid_alive "$p" beam.smp || continue
        if grep -qxzF "RABBITMQ_NODENAME=$RMQ_NODE" "/proc/$p/environ" 2>/dev/null; then printf '%s\n' "$p"; fi
    done
    return 0
}

# AMQP 0-9-1 client in bash: protocol header, PLAIN login, open vhost "/", close.
# Usage: amqp_check PORT [USER PASS] — with no USER only the protocol header
# exchange is checked.
amqp_check() {
    local port=$1 user=${2:-} pass=${3:-}
    timeout 10 bash -c "$(declare -f _amqp_session); _amqp_session \"\$@\"" _ "$port" "$user" "$pass" 2>/dev/null
}
_amqp_session() {
    set -u
    local port=$1 user=$2 pass=$3 X
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    # helpers append printf escapes (\xNN) to X without forking
    u8()  { local h; printf -v h '\\x%02x' $(( $1 & 255 )); X+=$h; }
    u16() { u8 $(( $1 >> 8 )); u8 "$1"; }
    u32() { u16 $(( ($1 >> 16) & 65535 )); u16 $(( $1 & 65535 )); }
    str() { local s=$1 i h; for (( i = 0; i < ${#s}; i++ )); do printf -v h '\\x%02x' "'${s:i:1}"; X+=$h; done; }
    send_method() {  # $1 = escaped method payload; frame: type 1, channel 0, size, payload, 0xCE
        local p=$1 n
        n=$(( ${#p} / 4 ))          # every byte is a 4-char \xNN escape
        X=''; u8 1; u16 0; u32 "$n"
        # shellcheck disable=SC2059
        printf "$X$p\\xce" >&3
    }
    FRAME=()
    read_frame() {   # sets FRAME to the payload bytes (decimal); checks type/end
        local hdr size rest
        hdr=$(head -c 7 <&3 | od -An -v -tu1) || return 1
        # shellcheck disable=SC2206
        local h=($hdr)
        (( ${#h[@]} == 7 )) || return 1
        (( h[0] == 1 )) || return 1
        size=$(( (h[3] << 24) | (h[4] << 16) | (h[5] << 8) | h[6] ))
        rest=$(head -c $(( size + 1 )) <&3 | od -An -v -tu1) || return 1
        # shellcheck disable=SC2206
        FRAME=($rest)
        (( ${#FRAME[@]} == size + 1 && FRAME[size] == 206 )) || return 1
    }
    method_is() { (( FRAME[0] == 0 && FRAME[1] == 10 && FRAME[2] == 0 && FRAME[3] == $1 )); }
    printf 'AMQP\x00\x00\x09\x01' >&3
    read_frame && method_is 10 || return 1               # connection.start
    [[ -n $user ]] || return 0
    # connection.start-ok: empty client-properties, PLAIN "\0user\0pass", locale en_US
    X=''; u16 10; u16 11; u32 0
    u8 5; str PLAIN
    u32 $(( ${#user} + ${#pass} + 2 )); u8 0; str "$user"; u8 0; str "$pass"
    u8 5; str en_US
    send_method "$X"
    read_frame && method_is 30 || return 1               # connection.tune (else: refused)
    local chmax=$(( (FRAME[4] << 8) | FRAME[5] ))
    local fmax=$(( (FRAME[6] << 24) | (FRAME[7] << 16) | (FRAME[8] << 8) | FRAME[9] ))
    X=''; u16 10; u16 31; u16 "$chmax"; u32 "$fmax"; u16 0    # tune-ok, no heartbeats
    send_method "$X"
    X=''; u16 10; u16 40; u8 1; str /; u8 0; u8 0              # open vhost "/"
    send_method "$X"
    read_frame && method_is 41 || return 1               # connection.open-ok
    X=''; u16 10; u16 50; u16 200; u8 0; u16 0; u16 0          # close 200
    send_method "$X"
    read_frame && method_is 51 || return 1               # connection.close-ok
    return 0
}

rmq_healthy() {
    [[ -n $AMQP_PORT && -n $EPMD_PORT && -n $DIST_PORT ]] || return 1
    if [[ $(id -u) -eq 0 ]]; then [[ -n $(rmq_pid) ]] || return 1; fi
    amqp_check "$AMQP_PORT" "$MQ_USER" "$MQ_PASS"
}

rmq_stop() {
    [[ -d $RMQ_BASE ]] || return 0
    local pid pids i
    pid=$(rmq_pid)
    if [[ -n $pid ]]; then
        # SIGTERM is RabbitMQ's graceful shutdown (same as 'rabbitmqctl shutdown',
        # stops listeners, closes connections, flushes message stores) without the
        # 1-3 s start-up cost of the CLI; the CLI is the fallback.
        info "stopping RabbitMQ node $RMQ_NODE (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        for (( i = 0; i < 300; i++ )); do pid_alive "$pid" beam.smp || break; sleep 0.1; done
        if pid_alive "$pid" beam.smp && [[ -n $EPMD_PORT ]]; then
            warn "node did not stop within 30s of SIGTERM; trying rabbitmqctl shutdown"
            RMQCTL_TIMEOUT=60 rmqctl -q shutdown >>"$RMQ_LOGDIR/ctl.log" 2>&1 || true
        fi
    fi
    pids=$(rmq_node_pids)
    if [[ -n $pids ]]; then
        warn "terminating leftover processes of node $RMQ_NODE: $pids"
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
        for (( i = 0; i < 40; i++ )); do
            pids=$(rmq_node_pids); [[ -z $pids ]] && break; sleep 0.5
        done
        if [[ -n $pids ]]; then
            # shellcheck disable=SC2086
            kill -KILL $pids 2>/dev/null || true
            sleep 0.5
        fi
    fi
    pids=$(rmq_epmd_pids)
    if [[ -n $pids ]]; then
        # shellcheck disable=SC2086
        kill -TERM $pids 2>/dev/null || true
        for (( i = 0; i < 20; i++ )); do pids=$(rmq_epmd_pids); [[ -z $pids ]] && break; sleep 0.1; done
        # shellcheck disable=SC2086
        [[ -z $pids ]] || kill -KILL $pids 2>/dev/null || true
    fi
    rm -f "$RMQ_PIDFILE"
    [[ -z $(rmq_node_pids) ]] || die "could not stop RabbitMQ node $RMQ_NODE"
}

rmq_prepare() {
    install -d -o rabbitmq -g rabbitmq -m 0750 "$RMQ_BASE"
    install -d -o rabbitmq -g rabbitmq -m 0700 "$RMQ_HOME"
    install -d -o rabbitmq -g rabbitmq -m 0750 "$RMQ_BASE/mnesia" "$RMQ_LOGDIR"
    if [[ ! -s $RMQ_HOME/.erlang.cookie ]]; then
        local tmp=$RMQ_BASE/.cookie.$$
        od -An -N24 -tx1 /dev/urandom | tr -d ' \n' | tr a-f A-F >"$tmp"
        install -o rabbitmq -g rabbitmq -m 0400 "$tmp" "$RMQ_HOME/.erlang.cookie"
        rm -f "$tmp"
    fi
    [[ -f $RMQ_BASE/enabled_plugins ]] || echo '[].' >"$RMQ_BASE/enabled_plugins"
    : >>"$RMQ_BASE/rabbitmq-env.conf"   # empty: shields us from /etc/rabbitmq/rabbitmq-env.conf
    cat >"$RMQ_BASE/rabbitmq.conf.tmp" <<EOF
# managed by deploy/infra.sh (listener/ports come from the environment)
default_user = $MQ_USER
default_pass = $MQ_PASS
default_vhost = /
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.console = false
log.file.level = info
disk_free_limit.absolute = 50MB
EOF
    mv -f "$RMQ_BASE/rabbitmq.conf.tmp" "$RMQ_BASE/rabbitmq.conf"
    find "$RMQ_BASE" -xdev ! -user rabbitmq -exec chown rabbitmq:rabbitmq {} + 2>/dev/null || true
    chmod 0400 "$RMQ_HOME/.erlang.cookie"
}

rmq_launch() {   # start detached in background; sets RMQ_LAUNCH_PID
    rm -f "$RMQ_PIDFILE"
    rmq_env
    info "starting RabbitMQ node $RMQ_NODE on 127.0.0.1:$AMQP_PORT (dist $DIST_PORT, epmd $EPMD_PORT)"
    RMQ_STARTUP_OFF=$(file_size "$RMQ_STARTUP_LOG")
    RMQ_NODE_OFF=$(file_size "$RMQ_NODE_LOG")
    printf '\n==== %s starting %s\n' "$(date -Is)" "$RMQ_NODE" >>"$RMQ_STARTUP_LOG"
    chown rabbitmq:rabbitmq "$RMQ_STARTUP_LOG"
    (
        close_lock_fds
        exec setsid runuser -u rabbitmq -- env -i -C "$RMQ_BASE" "${RMQ_ENV[@]}" \
            "$RMQ_LIB/rabbitmq-server" </dev/null >>"$RMQ_STARTUP_LOG" 2>&1
    ) &
    RMQ_LAUNCH_PID=$!
}

rmq_fail() {
    tail_log "$RMQ_STARTUP_LOG" 20 "${RMQ_STARTUP_OFF:-0}"
    tail_log "$RMQ_NODE_LOG" 30 "${RMQ_NODE_OFF:-0}"
    ( rmq_stop ) >/dev/null 2>&1 || true    # leave nothing half-started behind
    die "$*"
}

rmq_wait() {
    local deadline=$(( $(now) + TIMEOUT ))
    while :; do
        if [[ -n $(rmq_pid) ]] && amqp_check "$AMQP_PORT"; then return 0; fi
        if ! pid_alive "$RMQ_LAUNCH_PID" && [[ -z $(rmq_node_pids) ]]; then
            if [[ $({ tail -c +$(( RMQ_STARTUP_OFF + 1 )) "$RMQ_STARTUP_LOG"; tail -c +$(( RMQ_NODE_OFF + 1 )) "$RMQ_NODE_LOG"; } 2>/dev/null || true) == *eaddrinuse* ]]; then
                rmq_fail "RabbitMQ failed to start: a port is in use (amqp $AMQP_PORT, dist $DIST_PORT, epmd $EPMD_PORT)"
            fi
            rmq_fail "RabbitMQ exited during startup (see $RMQ_STARTUP_LOG and $RMQ_NODE_LOG)"
        fi
        if (( $(now) >= deadline )); then
            rmq_fail "RabbitMQ did not become healthy within ${TIMEOUT}s (node $RMQ_NODE, port $AMQP_PORT)"
        fi
        sleep 0.2
    done
}

rmq_ensure_user() {   # fast path: a real AMQP login as platform succeeds
    amqp_check "$AMQP_PORT" "$MQ_USER" "$MQ_PASS" && return 0
    info "configuring RabbitMQ user '$MQ_USER'"
    {
        rmqctl -q add_user "$MQ_USER" "$MQ_PASS" || rmqctl -q change_password "$MQ_USER" "$MQ_PASS"
        rmqctl -q set_user_tags "$MQ_USER" administrator
        rmqctl -q set_permissions -p / "$MQ_USER" '.*' '.*' '.*'
    } >>"$RMQ_LOGDIR/ctl.log" 2>&1 || rmq_fail "could not configure RabbitMQ user '$MQ_USER' (see $RMQ_LOGDIR/ctl.log)"
    amqp_check "$AMQP_PORT" "$MQ_USER" "$MQ_PASS" \
        || rmq_fail "RabbitMQ is running but AMQP login as '$MQ_USER' on 127.0.0.1:$AMQP_PORT failed"
}

# ----------------------------------------------------------------------------
# commands
# ----------------------------------------------------------------------------
common_setup() {   # root commands: packages are expected, DIR prepared + locked
    prepare_dir
    lock_dir
    PORT_LOCKS=$(port_lock_dir)
    load_state
}

cmd_up() {
    require_root
    ensure_packages
    getent hosts localhost >/dev/null 2>&1 || die "hostname 'localhost' does not resolve (needed for the RabbitMQ node name)"
    common_setup
    pg_resolve_bin
    local pg_ok=0 rmq_ok=0 t0
    t0=$(now)
    pg_healthy && pg_ok=1
    rmq_healthy && rmq_ok=1
    if (( pg_ok && rmq_ok )); then
        write_env
        info "PostgreSQL (127.0.0.1:$PG_PORT) and RabbitMQ (127.0.0.1:$AMQP_PORT) already running"
        printf '%s\n' "$ENV_FILE"
        return 0
    fi
    # RabbitMQ first: it is the slow one; PostgreSQL is initialised while it boots.
    if (( !rmq_ok )); then
        rmq_stop
        alloc_port AMQP_PORT "$AMQP_PORT" "$DEFAULT_AMQP_PORT"
        alloc_port DIST_PORT "$DIST_PORT" "$DEFAULT_DIST_PORT"
        alloc_port EPMD_PORT "$EPMD_PORT" "$DEFAULT_EPMD_PORT"
        save_state
        rmq_prepare
        rmq_launch
    fi
    if (( !pg_ok )); then
        pg_stop
        alloc_port PG_PORT "$PG_PORT" "$DEFAULT_PG_PORT"
        save_state
        pg_prepare
        pg_resolve_bin
        pg_launch
        pg_wait
        pg_bootstrap
        info "PostgreSQL ready on 127.0.0.1:$PG_PORT"
    fi
    if (( !rmq_ok )); then
        rmq_wait
        rmq_ensure_user
        info "RabbitMQ ready on 127.0.0.1:$AMQP_PORT"
    fi
    write_env
    info "up in $(( $(now) - t0 ))s"
    printf '%s\n' "$ENV_FILE"
}

cmd_down() {
    require_root
    [[ -d $DIR ]] || { info "nothing to stop ($DIR does not exist)"; return 0; }
    common_setup
    local pg_job='' rc=0
    if [[ -d $PG_DATA ]]; then      # stop both in parallel
        pg_resolve_bin
        ( pg_stop ) & pg_job=$!
    fi
    ( rmq_stop ) || rc=1
    if [[ -n $pg_job ]]; then wait "$pg_job" || rc=1; fi
    (( rc == 0 )) || die "could not stop everything in $DIR (see messages above)"
    info "stopped"
}

cmd_stop_postgres() {
    require_root
    [[ -d $DIR ]] || return 0
    common_setup
    [[ -d $PG_DATA ]] || return 0
    pg_resolve_bin
    pg_stop
}

cmd_start_postgres() {
    require_root
    common_setup
    [[ -f $PG_DATA/PG_VERSION && -f $PG_DATA/platform-infra.conf ]] || die "PostgreSQL in $DIR is not initialised; run '$0 up --dir $DIR' first"
    pg_resolve_bin
    if pg_healthy; then info "PostgreSQL already running on 127.0.0.1:$PG_PORT"; return 0; fi
    pg_stop
    require_port_free "$PG_PORT" PostgreSQL
    pg_launch
    pg_wait
    pg_bootstrap
    info "PostgreSQL ready on 127.0.0.1:$PG_PORT"
}

cmd_stop_rabbitmq() {
    require_root
    [[ -d $DIR ]] || return 0
    common_setup
    rmq_stop
}

cmd_start_rabbitmq() {
    require_root
    common_setup
    [[ -s $RMQ_HOME/.erlang.cookie && -n $AMQP_PORT && -n $DIST_PORT && -n $EPMD_PORT ]] \
        || die "RabbitMQ in $DIR is not initialised; run '$0 up --dir $DIR' first"
    if rmq_healthy; then info "RabbitMQ already running on 127.0.0.1:$AMQP_PORT"; return 0; fi
    rmq_stop
    require_port_free "$AMQP_PORT" "RabbitMQ (amqp)"
    require_port_free "$DIST_PORT" "RabbitMQ (distribution)"
    require_port_free "$EPMD_PORT" "RabbitMQ (epmd)"
    rmq_prepare
    rmq_launch
    rmq_wait
    rmq_ensure_user
    info "RabbitMQ ready on 127.0.0.1:$AMQP_PORT"
}

cmd_status() {
    load_state
    local rc=0 pid
    PGB=$(pg_bin_for 2>/dev/null) || PGB=
    if [[ -z $PGB || ! -d $PG_DATA ]]; then
        echo "postgres: not initialised"; rc=1
    else
        pid=$(pg_pid 2>/dev/null || true)
        if pg_healthy; then
            echo "postgres: running, healthy (pid ${pid:-?}, 127.0.0.1:$PG_PORT)"
        elif [[ -n $pid ]]; then
            echo "postgres: running but NOT healthy (pid $pid, port ${PG_PORT:-?})"; rc=1
        else
            echo "postgres: stopped (port ${PG_PORT:-?})"; rc=1
        fi
    fi
    if [[ ! -d $RMQ_BASE ]]; then
        echo "rabbitmq: not initialised"; rc=1
    else
        pid=$(rmq_pid 2>/dev/null || true)
        if rmq_healthy; then
            echo "rabbitmq: running, healthy (pid ${pid:-?}, amqp 127.0.0.1:$AMQP_PORT, dist $DIST_PORT, epmd $EPMD_PORT, node $RMQ_NODE)"
        elif [[ -n $pid ]]; then
            echo "rabbitmq: running but NOT healthy (pid $pid, amqp port ${AMQP_PORT:-?}, node $RMQ_NODE)"; rc=1
        else
            echo "rabbitmq: stopped (amqp port ${AMQP_PORT:-?}, node $RMQ_NODE)"; rc=1
        fi
    fi
    if [[ -f $ENV_FILE ]]; then echo "env: $ENV_FILE"; fi
    return "$rc"
}

cmd_psql() {
    load_state
    [[ -n $PG_PORT ]] || die "PostgreSQL in $DIR is not initialised; run '$0 up --dir $DIR' first"
    PGB=$(pg_bin_for) || die "PostgreSQL is not installed"
    PGPASSWORD=$DB_PASS exec "$PGB/psql" "host=127.0.0.1 port=$PG_PORT user=$DB_USER dbname=$DB_NAME" "$@"
}

cmd_rabbitmqctl() {
    require_root
    load_state
    [[ -n $AMQP_PORT && -s $RMQ_HOME/.erlang.cookie ]] || die "RabbitMQ in $DIR is not initialised; run '$0 up --dir $DIR' first"
    [[ -n $(rmq_pid) ]] || die "RabbitMQ node $RMQ_NODE is not running"
    rmq_env
    exec runuser -u rabbitmq -- env -i -C "$RMQ_BASE" "${RMQ_ENV[@]}" "$RMQ_LIB/rabbitmqctl" "$@"
}

# ----------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------
CMD=
DIR=${PLATFORM_INFRA_DIR:-/var/lib/platform/infra}
FAST=0
while (( $# )); do
    case $1 in
        --dir)      [[ $# -ge 2 && -n $2 ]] || die "--dir needs a value"; DIR=$2; shift 2 ;;
        --dir=*)    DIR=${1#--dir=}; [[ -n $DIR ]] || die "--dir needs a value"; shift ;;
        --fast)     FAST=1; shift ;;
        -h|--help|help) usage; exit 0 ;;
        -*)         die "unknown option '$1' (see --help)" ;;
        *)          [[ -z $CMD ]] || die "unexpected argument '$1' (see --help)"; CMD=$1; shift
                    if [[ $CMD == psql || $CMD == rabbitmqctl ]]; then break; fi ;;
    esac
done
[[ -n $CMD ]] || { usage >&2; die "no command given"; }
if ! [[ $TIMEOUT =~ ^[0-9]+$ ]] || (( TIMEOUT <= 0 )); then die "PLATFORM_INFRA_TIMEOUT must be a positive integer"; fi
for _p in "$DEFAULT_PG_PORT" "$DEFAULT_AMQP_PORT" "$DEFAULT_DIST_PORT" "$DEFAULT_EPMD_PORT"; do
    if ! [[ $_p =~ ^[0-9]+$ ]] || (( _p < 1024 || _p > 55000 )); then
        die "PLATFORM_INFRA_*_PORT values must be numbers between 1024 and 55000 (got '$_p')"
    fi
done

setup_paths
cd /

case $CMD in
    up)             cmd_up ;;
    down)           cmd_down ;;
    status)         if cmd_status; then exit 0; else exit 1; fi ;;
    stop-postgres)  cmd_stop_postgres ;;
    start-postgres) cmd_start_postgres ;;
    stop-rabbitmq)  cmd_stop_rabbitmq ;;
    start-rabbitmq) cmd_start_rabbitmq ;;
    psql)           cmd_psql "$@" ;;
    rabbitmqctl)    cmd_rabbitmqctl "$@" ;;
    *)              die "unknown command '$CMD' (see --help)" ;;
esac
