#!/usr/bin/env bash
# DuckDB and PostgreSQL side by side in one run, step by step (each step on PostgreSQL, then the same on DuckDB):
#   generate  the demo company (bulk load: DuckDB appenders vs PostgreSQL COPY)
#   import    a responses CSV (staging + upsert on (account_id, response_id) in one transaction)
#   facts     the first analysis after the import: builds the fact tables (facts_*) and runs metrics by segment
#   analysis  the full analysis on the built facts: drilldown, growth-check, cohorts, alerts, linkage (1,000 resamples)
# Each step is one or more `fulcrum` processes under /usr/bin/time -v (wall, CPU, the client's peak RSS); the
# PostgreSQL server's peak (sum of RSS over the postmaster and its backends, sampled every second) is recorded beside it.
# Results go to a TSV as each step ends, so an interrupted run keeps the rows it finished.
#
# The run resumes: a step already in OUT_DIR/results.tsv is skipped, and an existing cluster in OUT_DIR/pgdata is reused.
# ORDER=steps (default) alternates the backends step by step; ORDER=backends runs every PostgreSQL step, then DuckDB's.
#
# usage: [ORDER=steps|backends] [CLI_DIR=DIR] bench/scripts/backends-100k.sh [ACCOUNTS=100000] [IMPORT_ROWS=200000] [OUT_DIR=/tmp/fulcrum-backends-bench]
# Needs PostgreSQL 15 server binaries (apt-get install postgresql) and GNU time (apt-get install time).
# Starts a throwaway cluster (initdb into OUT_DIR, fsync off, loopback, as the postgres user when run as root) and
# stops it at the end.
set -euo pipefail
ACCOUNTS=${1:-100000}
IMPORT_ROWS=${2:-200000}
OUT=${3:-/tmp/fulcrum-backends-bench}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
LOG="$OUT/bench.log"
log() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$LOG"; }

CLI=${CLI_DIR:-$OUT/cli}   # CLI_DIR: reuse a Release build of src/Fulcrum.Cli
if [ ! -f "$CLI/fulcrum.dll" ]; then
  log "building the CLI (Release)"
  dotnet build "$REPO/src/Fulcrum.Cli" -c Release -o "$CLI" >>"$LOG" 2>&1
fi
FULCRUM=(dotnet "$CLI/fulcrum.dll")

# A throwaway PostgreSQL cluster.
PGDATA="$OUT/pgdata"
FRESH=0
[ -f "$PGDATA/PG_VERSION" ] || { FRESH=1; rm -rf "$PGDATA"; mkdir -p "$PGDATA"; }
AS_PG=()
if [ "$(id -u)" = 0 ]; then chown postgres "$OUT" "$PGDATA"; AS_PG=(runuser -u postgres --); fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
[ "$FRESH" = 1 ] && "${AS_PG[@]}" "$PGBIN/initdb" -D "$PGDATA" -A trust -U fulcrum -E UTF8 --locale=C --no-sync >>"$LOG" 2>&1
"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$OUT/server.log" -w -t 120 -o \
  "-p $PORT -k $OUT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c work_mem=128MB -c maintenance_work_mem=512MB -c shared_buffers=1GB" start >>"$LOG" 2>&1
trap '"${AS_PG[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >>"$LOG" 2>&1 || true' EXIT
[ "$FRESH" = 1 ] && "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U fulcrum -d postgres -qc "CREATE DATABASE fulcrum_bench" >>"$LOG"
POSTGRES="postgres://fulcrum@127.0.0.1:$PORT/fulcrum_bench"
DUCKDB="$OUT/bench.duckdb"
POSTMASTER=$(head -1 "$PGDATA/postmaster.pid")

# Responses of existing demo accounts under ids the generator never uses.
CSV="$OUT/responses.csv"
awk -v n="$IMPORT_ROWS" -v a="$ACCOUNTS" 'BEGIN { print "response_id,account_id,responded_at,nps,csat,ces";
  for (i = 0; i < n; i++) printf "BENCH-%07d,ACC-%06d,2025-12-%02dT08:00:00Z,%d,%d,%d\n", i, i % a + 1, i % 28 + 1, i % 11, i % 5 + 1, i % 7 + 1 }' >"$CSV"

server_rss_kb() { ps -o rss= --pid "$POSTMASTER" --ppid "$POSTMASTER" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'; }

[ -f "$RESULTS" ] || printf 'step\tbackend\twall_s\tcpu_s\tclient_peak_mb\tserver_peak_mb\tstarted_utc\n' >"$RESULTS"
# step NAME BACKEND DB COMMAND... (several commands separated by ';;' run one after another in one timed shell)
step() {
  local name=$1 backend=$2 db=$3; shift 3
  if grep -q "^$name	$backend	" "$RESULTS"; then log "$backend: $name: done in an earlier run, skipped"; return; fi
  [ "$name" = generate ] && [ "$backend" = duckdb ] && rm -f "$DUCKDB" "$DUCKDB.wal"
  local script="" part=()
  for word in "$@" ';;'; do
    if [ "$word" = ';;' ]; then
      [ ${#part[@]} -gt 0 ] && script+="${FULCRUM[*]} ${part[*]} --db '$db' >>'$LOG' 2>&1 && "
      part=()
    else part+=("$word"); fi
  done
  script+="true"
  local peak=0 sampler started
  started=$(date -u +%H:%M:%S)
  if [ "$backend" = postgresql ]; then
    ( p=0; while sleep 1; do r=$(server_rss_kb); [ "$r" -gt "$p" ] && p=$r && echo "$p" >"$OUT/server-peak"; done ) &
    sampler=$!
    echo 0 >"$OUT/server-peak"
  fi
  log "$backend: $name"
  /usr/bin/time -v -o "$OUT/time.txt" bash -c "$script"
  if [ "$backend" = postgresql ]; then kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; peak=$(cat "$OUT/server-peak"); fi
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$OUT/time.txt")
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u + s }' "$OUT/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$OUT/time.txt")
  local server="-"
  [ "$backend" = postgresql ] && server=$((peak / 1024))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$backend" "$wall" "$cpu" "$rss" "$server" "$started" >>"$RESULTS"
  log "$backend: $name: ${wall}s wall, ${cpu}s CPU, client peak ${rss} MB, server peak ${server} MB"
}

both() {
  local name=$1; shift
  step "$name" postgresql "$POSTGRES" "$@"
  step "$name" duckdb "$DUCKDB" "$@"
}

log "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg); $("$PGBIN/postgres" --version); $ACCOUNTS accounts, $IMPORT_ROWS imported responses"
STEPS=(
  "generate generate --accounts $ACCOUNTS --seed 42"
  "import import responses $CSV"
  "facts metrics --by segment --period quarter --json"
  "analysis drilldown --depth 3 --json ;; growth-check --json ;; cohorts --json ;; alerts --method both --json ;; linkage --resamples 1000 --json"
)
if [ "${ORDER:-steps}" = backends ]; then
  for backend in postgresql duckdb; do
    db=$POSTGRES; [ "$backend" = duckdb ] && db=$DUCKDB
    for s in "${STEPS[@]}"; do read -ra words <<<"$s"; step "${words[0]}" "$backend" "$db" "${words[@]:1}"; done
  done
else
  for s in "${STEPS[@]}"; do read -ra words <<<"$s"; both "${words[0]}" "${words[@]:1}"; done
fi
log "done; results in $RESULTS"
column -t -s $'\t' "$RESULTS" | tee -a "$LOG"
