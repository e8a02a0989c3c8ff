#!/usr/bin/env bash
# deploy/test.sh — run every test of the platform against real PostgreSQL, RabbitMQ and kernel.
# Installs what is missing (Debian packages, NuGet restore), starts private PostgreSQL and RabbitMQ,
# builds, runs all test projects, prints "N passed, N failed, N skipped", and stops the servers.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONFIGURATION="${PLATFORM_CONFIGURATION:-Release}"
export PLATFORM_CONFIGURATION="$CONFIGURATION"
export PLATFORM_TEST_INFRA_DIR="${PLATFORM_TEST_INFRA_DIR:-$REPO/.infra/test}"
RESULTS="$REPO/artifacts/test-results"
ARTIFACTS="$REPO/artifacts/$CONFIGURATION"

log() { printf 'test: %s\n' "$*" >&2; }
die() { printf 'test: error: %s\n' "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || die "run as root (the platform's tests use namespaces, mounts and cgroups)"
command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet on PATH)"

# Debian packages: what the platform runs with, and what the tests drive directly (the reference registry, skopeo,
# htpasswd, docker-compose); infra.sh installs PostgreSQL and RabbitMQ itself.
# shellcheck source=deploy/packages.sh
source "$REPO/deploy/packages.sh"
ensure_packages "${PLATFORM_RUNTIME_PACKAGES[@]}" docker-compose docker-registry skopeo apache2-utils \
  || die "installing Debian packages failed"
command -v docker >/dev/null || die "the docker CLI is required (/usr/local/bin/docker)"

cleanup() { "$REPO/deploy/infra.sh" down --dir "$PLATFORM_TEST_INFRA_DIR" >/dev/null 2>&1 || true; }
trap cleanup EXIT
"$REPO/deploy/infra.sh" up --dir "$PLATFORM_TEST_INFRA_DIR" --fast >/dev/null || die "PostgreSQL/RabbitMQ did not start"

log "building ($CONFIGURATION)"
dotnet build "$REPO/Platform.sln" -c "$CONFIGURATION" -nologo -v q -clp:ErrorsOnly || die "build failed"
log "publishing the runtime (Native AOT)"
dotnet publish "$REPO/services/Runtime/Platform.Runtime" -c "$CONFIGURATION" -r linux-x64 -o "$ARTIFACTS/runtime" \
  -nologo -v q -clp:ErrorsOnly || die "Native AOT publish of the runtime failed"

rm -rf "$RESULTS"
status=0
mkdir -p "$RESULTS"
dotnet test "$REPO/Platform.sln" -c "$CONFIGURATION" --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$RESULTS" 2>&1 | tee "$RESULTS/console.log" \
  || status=$?

passed=0 failed=0 skipped=0
for trx in "$RESULTS"/*.trx; do
  [[ -e $trx ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed))); failed=$((failed + $(get failed)))
  skipped=$((skipped + $(get notExecuted)))
done
(( passed + failed > 0 )) || { log "no test ran"; status=1; }
# The end of the output is what a CI log keeps: name each failed test there with the head of its message and stack.
if (( failed > 0 )); then
  echo "failed tests:"
  for trx in "$RESULTS"/*.trx; do
    [[ -e $trx ]] || continue
    awk '
      /<UnitTestResult / && /outcome="Failed"/ {
        on = 1; n = 0; name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); print "--- " name; next }
      on && /<\/UnitTestResult>/ { on = 0; next }
      on && n < 25 { gsub(/<[^>]*>/, ""); if ($0 ~ /[^ \t]/) { print "    " $0; n++ } }
    ' "$trx" | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
  done
fi
# Failures outside any test (a fixture's cleanup, a crashed test host) are in no trx counter: name them too.
if (( status != 0 )); then
  grep -E 'Cleanup Failure|Test Run Aborted|The active test run was aborted' -A4 "$RESULTS/console.log" | head -40 || true
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
