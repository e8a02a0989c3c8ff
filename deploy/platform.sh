#!/usr/bin/env bash
# deploy/platform.sh — build, start and stop the whole platform on this machine.
#
#   deploy/platform.sh up       install what is missing, start PostgreSQL, RabbitMQ, every service and the
#                               gateway, print how to point docker at it; stays in the foreground, Ctrl-C stops all
#   deploy/platform.sh start    the same, but returns once everything is ready (background)
#   deploy/platform.sh stop     stop the services, the gateway, PostgreSQL and RabbitMQ
#   deploy/platform.sh status   what runs, and /readyz of each service
#
# Settings (environment): PLATFORM_ROOT (/var/lib/platform), PLATFORM_RUN_DIR (/run/platform),
# PLATFORM_SOCKET (<run dir>/docker.sock), PLATFORM_TCP_PORT (2375), PLATFORM_REGISTRY_PORT (5000),
# PLATFORM_HOST_ID (hostname), PLATFORM_CONFIGURATION (Release), PLATFORM_BASE_IMAGE (busybox:latest, imported
# from Debian's busybox-static on first start when the host has no such image; empty: none).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=deploy/services.sh
source "$REPO/deploy/services.sh"
# shellcheck source=deploy/packages.sh
source "$REPO/deploy/packages.sh"

ROOT="${PLATFORM_ROOT:-/var/lib/platform}"
RUN_DIR="${PLATFORM_RUN_DIR:-/run/platform}"
SOCKET="${PLATFORM_SOCKET:-$RUN_DIR/docker.sock}"
TCP_PORT="${PLATFORM_TCP_PORT:-2375}"
REGISTRY_PORT="${PLATFORM_REGISTRY_PORT:-5000}"
HOST_ID="${PLATFORM_HOST_ID:-$(hostname)}"
CONFIGURATION="${PLATFORM_CONFIGURATION:-Release}"
BASE_IMAGE="${PLATFORM_BASE_IMAGE-busybox:latest}"
ARTIFACTS="$REPO/artifacts/$CONFIGURATION"
INFRA_DIR="${PLATFORM_INFRA_DIR:-$ROOT/infra}"
LOGS="$ROOT/logs"
PIDS="$RUN_DIR/pids"

log() { printf 'platform: %s\n' "$*" >&2; }
die() { printf 'platform: error: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }

require_tools() {
  [[ $EUID -eq 0 ]] || die "run as root (containers need namespaces, mounts and cgroups)"
  command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet on PATH)"
  ensure_packages "${PLATFORM_RUNTIME_PACKAGES[@]}" || die "installing Debian packages failed"
}

build() {
  log "building ($CONFIGURATION) into $ARTIFACTS"
  local started; started=$(now_ms)
  dotnet build "$REPO/Platform.sln" -c "$CONFIGURATION" -nologo -v q -clp:ErrorsOnly >&2 || die "build failed"
  for entry in "${PLATFORM_SERVICES[@]}" "$PLATFORM_GATEWAY"; do
    IFS='|' read -r name project _ _ <<<"$entry"
    # Each publish writes a fresh directory: its files may be hard links shared with another service's (below), and a
    # copy over one would write through to the other service's file.
    rm -rf "${ARTIFACTS:?}/$name"
    if [[ $name == runtime ]]; then
      # The per-host core runs as a Native AOT executable.
      dotnet publish "$REPO/$project" -c "$CONFIGURATION" -r linux-x64 -o "$ARTIFACTS/$name" -nologo -v q -clp:ErrorsOnly >&2 \
        || die "publishing $name (Native AOT) failed"
    else
      # ReadyToRun: the services start from precompiled code instead of JIT-compiling every method on its first
      # calls (startup, and the first hundreds of requests after it, were mostly the JIT on two cores).
      dotnet publish "$REPO/$project" -c "$CONFIGURATION" -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$ARTIFACTS/$name" -nologo -v q -clp:ErrorsOnly >&2 || die "publishing $name failed"
    fi
  done
  # The services carry the same dependencies (Npgsql, Marten, MassTransit, OpenTelemetry, …), each compiled ahead of
  # time into its own copy. One file per identical copy lets every service map the same pages: ≈ 25 MiB less memory
  # per service (proportional set size), as a shared library would.
  if command -v hardlink >/dev/null; then
    hardlink --quiet --respect-name --content "$ARTIFACTS"/*/ || log "warning: linking identical files failed"
  fi
  log "built in $(( ($(now_ms) - started) / 1000 )) s"
}

service_port() { # name → its loopback port from services.sh
  local entry; for entry in "${PLATFORM_SERVICES[@]}"; do [[ ${entry%%|*} == "$1" ]] && { IFS='|' read -r _ _ port _ <<<"$entry"; echo "$port"; return; }; done
}

launch() { # name port entry [extra env...]
  local name=$1 port=$2 entry=$3; shift 3
  local cmd=("$ARTIFACTS/$name/$entry")
  [[ -x ${cmd[0]} ]] || cmd=(dotnet "$ARTIFACTS/$name/$entry.dll")
  mkdir -p "$LOGS" "$PIDS"
  (
    set -a
    # shellcheck disable=SC1091
    source "$INFRA_DIR/env"
    set +a
    export Platform__Root="$ROOT" Platform__RunDir="$RUN_DIR" Platform__HostId="$HOST_ID"
    # The per-host services find each other on loopback (runtime → images for root filesystems and → networking for
    # sandboxes, images → runtime for which images containers use).
    Platform__RuntimeUrl="http://127.0.0.1:$(service_port runtime)"
    Platform__ImagesUrl="http://127.0.0.1:$(service_port images)"
    Platform__NetworkingUrl="http://127.0.0.1:$(service_port networking)"
    export Platform__RuntimeUrl Platform__ImagesUrl Platform__NetworkingUrl
    [[ $port != 0 ]] && export ASPNETCORE_URLS="http://127.0.0.1:$port"
    for kv in "$@"; do export "${kv?}"; done
    exec setsid "${cmd[@]}" >>"$LOGS/$name.log" 2>&1 </dev/null
  ) &
  echo $! >"$PIDS/$name.pid"
}

wait_ready() { # name url deadline_ms
  local name=$1 url=$2 deadline=$3
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    local pid; pid=$(cat "$PIDS/$name.pid" 2>/dev/null || true)
    if [[ -z $pid ]] || ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$LOGS/$name.log" >&2 || true
      die "$name exited during startup (log: $LOGS/$name.log)"
    fi
    (( $(now_ms) < deadline )) || { tail -n 30 "$LOGS/$name.log" >&2; die "$name not ready after 60 s: $url"; }
    sleep 0.05
  done
}

start() {
  require_tools
  if status_quiet; then log "already running"; print_usage; return 0; fi
  stop_services
  local infra_started; infra_started=$(now_ms)
  "$REPO/deploy/infra.sh" up --dir "$INFRA_DIR" >/dev/null || die "PostgreSQL/RabbitMQ did not start"
  log "PostgreSQL and RabbitMQ ready in $(( $(now_ms) - infra_started )) ms"
  build
  mkdir -p "$ROOT" "$RUN_DIR"

  local started; started=$(now_ms)
  for entry in "${PLATFORM_SERVICES[@]}"; do
    IFS='|' read -r name _ port assembly <<<"$entry"
    launch "$name" "$port" "$assembly"
  done
  IFS='|' read -r _ _ _ gateway_assembly <<<"$PLATFORM_GATEWAY"
  local clusters=()
  for entry in "${PLATFORM_SERVICES[@]}"; do
    IFS='|' read -r name _ port _ <<<"$entry"
    clusters+=("ReverseProxy__Clusters__${name}__Destinations__primary__Address=http://127.0.0.1:$port")
  done
  launch gateway 0 "$gateway_assembly" "Gateway__Socket=$SOCKET" "Gateway__TcpPort=$TCP_PORT" \
    "Gateway__RegistryPort=$REGISTRY_PORT" "ASPNETCORE_URLS=" "${clusters[@]}"

  local deadline=$(( $(now_ms) + 60000 ))
  for entry in "${PLATFORM_SERVICES[@]}"; do
    IFS='|' read -r name _ port _ <<<"$entry"
    wait_ready "$name" "http://127.0.0.1:$port/readyz" "$deadline"
  done
  wait_ready gateway "http://127.0.0.1:$TCP_PORT/_ping" "$deadline"
  log "platform started in $(( $(now_ms) - started )) ms (services and gateway, from launch to all ready)"
  seed_base_image
  print_usage
}

seed_base_image() { # busybox:latest from Debian's busybox-static, once: the host has no route to a registry
  [[ -n $BASE_IMAGE ]] || return 0
  local api="http://localhost/v1.51"
  if curl -fsS -o /dev/null --max-time 5 --unix-socket "$SOCKET" "$api/images/$BASE_IMAGE/json" 2>/dev/null; then return 0; fi
  local tree; tree=$(mktemp -d)
  mkdir -p "$tree"/{bin,etc,root,home,tmp,var,proc,sys,dev}
  chmod 1777 "$tree/tmp"
  cp /bin/busybox "$tree/bin/busybox"
  local applet
  for applet in $(/bin/busybox --list); do [[ $applet == busybox ]] || ln -s busybox "$tree/bin/$applet"; done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$tree/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$tree/etc/group"
  local repo=${BASE_IMAGE%:*} tag=${BASE_IMAGE##*:}
  # changes=CMD ["sh"], as busybox images have it
  if tar -C "$tree" -c . | curl -fsS -o /dev/null --max-time 120 --unix-socket "$SOCKET" -X POST \
      -H 'Content-Type: application/x-tar' --data-binary @- \
      "$api/images/create?fromSrc=-&repo=$repo&tag=$tag&changes=CMD%20%5B%22sh%22%5D"; then
    log "imported $BASE_IMAGE from busybox-static"
  else
    log "warning: could not import $BASE_IMAGE from busybox-static"
  fi
  rm -rf "$tree"
}

print_usage() {
  cat <<MSG

  The platform is up. Point the docker CLI at it:
    export DOCKER_HOST=unix://$SOCKET      # or tcp://127.0.0.1:$TCP_PORT
    docker version
    docker run --rm -it ${BASE_IMAGE:-busybox} sh
  Logs: $LOGS/*.log    Stop: $REPO/deploy/platform.sh stop

MSG
}

stop_services() {
  [[ -d $PIDS ]] || return 0
  local pid
  for f in "$PIDS"/*.pid; do
    [[ -e $f ]] || continue
    pid=$(cat "$f"); kill -TERM "$pid" 2>/dev/null || true
  done
  for f in "$PIDS"/*.pid; do
    [[ -e $f ]] || continue
    pid=$(cat "$f")
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

stop() {
  stop_services
  "$REPO/deploy/infra.sh" down --dir "$INFRA_DIR" >/dev/null 2>&1 || true
  log "stopped"
}

status_quiet() {
  for entry in "${PLATFORM_SERVICES[@]}"; do
    IFS='|' read -r _ _ port _ <<<"$entry"
    curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/readyz" 2>/dev/null || return 1
  done
}

status() {
  local ok=0
  for entry in "${PLATFORM_SERVICES[@]}"; do
    IFS='|' read -r name _ port _ <<<"$entry"
    if body=$(curl -fsS --max-time 2 "http://127.0.0.1:$port/readyz" 2>/dev/null); then
      printf '%-11s ready   %s\n' "$name" "$(echo "$body" | head -1)"
    else
      printf '%-11s DOWN\n' "$name"; ok=1
    fi
  done
  if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$TCP_PORT/_ping" 2>/dev/null; then
    printf '%-11s ready   unix://%s tcp://127.0.0.1:%s\n' gateway "$SOCKET" "$TCP_PORT"
  else
    printf '%-11s DOWN\n' gateway; ok=1
  fi
  return $ok
}

case "${1:-}" in
  up)
    start
    trap 'echo; stop; exit 0' INT TERM
    log "running; Ctrl-C stops the platform"
    while sleep 1; do :; done
    ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
