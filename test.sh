#!/usr/bin/env bash
# Sets up what the tests need on a fresh machine, then restores, builds and runs every test.
# Prints "tests: N passed, N failed" as its last line; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
# Tests that need system packages add them here.
# Fulcrum.Web.Tests: Playwright drives Debian's headless Chromium (never a downloaded browser); npm bundles the chart library.
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
# Fulcrum.Cli.Tests: the report's PDF is read back with poppler-utils (pdftotext, pdftoppm, pdfinfo).
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
# The PostgreSQL store tests start a throwaway cluster (initdb into a temp folder, a free loopback port, stopped at the
# end; as the postgres user when run as root). Debian's package installs the server binaries under /usr/lib/postgresql.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "test.sh: need root to install: ${need_apt[*]} (or install them yourself)"; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}"
  # Installing postgresql may start Debian's default cluster; the tests use their own, so leave nothing running.
  if [[ " ${need_apt[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters --no-header | awk '$4 == "online" {print $1, $2}' | while read -r version cluster; do pg_ctlcluster "$version" "$cluster" stop; done
  fi
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet not on PATH). Install it from Microsoft's packages, then re-run." >&2
  exit 1
fi

shared_data="${FULCRUM_SHARED_DATA:-$(cd .. && pwd)/shared/data}"
if [ ! -d "$shared_data" ]; then
  echo "test.sh: the real data sets were not found at $shared_data." >&2
  echo "         Put the project's shared/ folder beside this repository (as CI does) or set FULCRUM_SHARED_DATA." >&2
  exit 1
fi
export FULCRUM_SHARED_DATA="$shared_data"

dotnet restore Fulcrum.slnx
dotnet build Fulcrum.slnx -c Release --no-restore

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
# Every test project at once (-m: one MSBuild node each; the default is one per core, which on 2 cores ran the longest
# project, Analytics, alone at the end while the other core idled). Each project's xUnit still runs a thread per core.
test_projects=$(ls tests/*/*.Tests.csproj | wc -l)
# A test that hangs (it waits for something that never comes; no test has a time limit) is stopped after 30 minutes and
# named in the log, so the run fails with its name instead of running into CI's limit. The slowest test takes a few
# minutes on a loaded 2-core machine.
dotnet test Fulcrum.slnx -c Release --no-build -m:"$test_projects" --results-directory TestResults \
  --blame-hang-timeout 30m --blame-hang-dump-type none 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test project.
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+' "$log" |
  sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
projects=$(grep -cE '(Passed|Failed)! +- +Failed:' "$log" || true)
if [ "$projects" -ne "$test_projects" ]; then
  echo "test.sh: only $projects of $test_projects test projects reported results" >&2
  status=1
fi
if [ "$skipped" -ne 0 ]; then
  echo "test.sh: $skipped tests were skipped; a test must pass or fail" >&2
  status=1
fi
echo "tests: $passed passed, $failed failed"
exit "$status"
