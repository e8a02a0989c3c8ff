#!/usr/bin/env bash
# deploy/packages.sh — Debian packages the platform runs with, installed when missing (sourced by platform.sh and
# test.sh; infra.sh installs PostgreSQL and RabbitMQ itself).
#
#   ensure_packages <package>...     installs the missing ones with apt-get, once, under a lock
#
# PLATFORM_RUNTIME_PACKAGES: what a host needs to run containers — conmon (one monitor per container, keeps stdio and
# exit codes across runtime restarts), runc (the OCI runtime with Engine__Oci=runc; the built-in one, platform-oci,
# loads runc's libseccomp), tini (its static build is --init), iptables, busybox-static (the base image the run
# command seeds), curl (readiness checks).
# shellcheck disable=SC2034 # used by the scripts that source this one
PLATFORM_RUNTIME_PACKAGES=(curl runc conmon tini iptables busybox-static)

ensure_packages() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  command -v apt-get >/dev/null || { printf 'packages: %s missing and apt-get is not available\n' "${missing[*]}" >&2; return 1; }
  printf 'packages: installing %s\n' "${missing[*]}" >&2
  local lock=/run/lock/platform-infra-apt.lock
  [[ -d /run/lock && -w /run/lock ]] || lock=/tmp/platform-infra-apt.lock
  (
    flock 9
    local attempt
    for attempt in 1 2 3; do
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q update </dev/null >/dev/null && break
      ((attempt < 3)) || exit 1
      sleep 10
    done
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -q install -y --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" </dev/null >/dev/null
  ) 9>"$lock" || { printf 'packages: apt-get install %s failed\n' "${missing[*]}" >&2; return 1; }
}
