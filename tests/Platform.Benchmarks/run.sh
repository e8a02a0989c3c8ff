#!/usr/bin/env bash
# Side-by-side benchmarks: the platform against dockerd and podman, the same work in one run.
#
# Usage (as root):
#   tests/Platform.Benchmarks/run.sh [benchmark options]
#
#   --scenario a,b     scenarios to run (default: all): cli-version, api-ping, api-info, idle-rss, image-transfer, run-rm,
#                      run-rm-bridge, runc-run, parallel-run, parallel-run-bridge, create-start-latency,
#                      event-delivery, per-container-rss, ps
#   --engines a,b      engines to compare (default: platform,dockerd,podman)
#   --platform URI     the running platform (default: $PLATFORM_DOCKER_HOST or unix:///run/platform/docker.sock)
#   --json FILE        also write the results (with every sample) as JSON
#   --docker-cli PATH  the docker CLI to time (default: /usr/local/bin/docker, else the one on PATH)
#   --no-hyperfine     time CLI runs in-process even if hyperfine is installed
#   --keep-temp        keep the peers' temporary root (their logs) after the run
#   --list             list the scenarios
#
# Examples:
#   sudo tests/Platform.Benchmarks/run.sh                                   # everything; the container-heavy scenarios take most of it
#   sudo tests/Platform.Benchmarks/run.sh --scenario api-ping --json /tmp/bench.json
#   sudo PLATFORM_DOCKER_HOST=tcp://127.0.0.1:2375 tests/Platform.Benchmarks/run.sh
#
# What it does: installs what is missing from Debian's packages (docker.io for dockerd + containerd + runc,
# podman, hyperfine, docker-registry) without letting the packages start their system services, builds the benchmark in
# Release, and runs it. The benchmark starts its own dockerd (with its own containerd) and its own
# `podman system service` under /var/tmp/platform-bench-<pid>, each on a private socket, and never uses
# /var/run/docker.sock or /run/containerd; it stops them and deletes that directory on exit and on Ctrl-C.
# The platform is not started here: start it first (sudo deploy/platform.sh start) to include it; if its
# socket does not answer GET /_ping it is reported as "not running" and the peers are still measured.
# Benchmarks never fail on slow numbers: the exit status is 0 unless the build fails or the run is interrupted.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "run.sh: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || die "run as root: the peers need it (namespaces, mounts, cgroups)"
command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet on PATH)"

missing=()
command -v dockerd >/dev/null && command -v containerd >/dev/null || missing+=(docker.io)
command -v podman >/dev/null || missing+=(podman)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v docker-registry >/dev/null || missing+=(docker-registry)
if ((${#missing[@]})); then
  echo "installing ${missing[*]}" >&2
  # Keep the packages from starting their system services (docker, containerd): the benchmark runs its own.
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
    trap '((own_policy)) && rm -f "$policy"' EXIT
  fi
  apt_install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >&2; }
  apt_install || { apt-get -o DPkg::Lock::Timeout=600 update -q >&2 && apt_install; } || die "could not install ${missing[*]}"
  if ((own_policy)); then rm -f "$policy"; own_policy=0; fi
fi

build_output=$(dotnet build "$here/Platform.Benchmarks.csproj" -c Release -nologo -v q -clp:ErrorsOnly 2>&1) \
  || { echo "$build_output" >&2; die "build failed"; }
exec dotnet "$here/bin/Release/net10.0/Platform.Benchmarks.dll" "$@"
