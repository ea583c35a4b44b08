#!/usr/bin/env bash
# How `fulcrum analyze --fast` grows with the company: for each size, generate a company
# (`generate --accounts N --years 3 --seed 7`) into a fresh DuckDB store, then run `analyze --fast --json` on it (fact
# tables built from scratch, every step after), each process under /usr/bin/time -v.
#
# Writes OUT_DIR/scaling.tsv, one row per size and step:
#   accounts  step  wall_s  cpu_s  peak_mb  per_x3
# Steps are analyze's own (seconds and peak RSS from its JSON, the peak being the kernel's high-water mark reset as each
# step starts; CPU is only measured per process, so those rows show "-"),
# plus "generate" and "analyze (process)" with wall, CPU (user + sys) and peak RSS. per_x3 is the step's growth from the
# previous size, scaled to a ×3 step in accounts: (t / t_prev) ^ (ln 3 / ln(N / N_prev)); linear growth gives 3.0.
# Rows are appended as each size ends, so an interrupted run keeps what it finished; a size already in the TSV is skipped.
#
# usage: [CLI_DIR=DIR] [KEEP=1] bench/scripts/scaling.sh [SIZES="10000 30000 100000 300000"] [OUT_DIR=/tmp/fulcrum-scaling]
# CLI_DIR reuses a build of src/Fulcrum.Cli (default: published by publish-cli.sh into OUT_DIR/cli); KEEP=1 keeps each size's store (100k accounts take ~1.2 GB).
# Needs GNU time (apt-get install time) and python3.
set -euo pipefail
SIZES=${1:-"10000 30000 100000 300000"}
OUT=${2:-/tmp/fulcrum-scaling}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$OUT"
RESULTS="$OUT/scaling.tsv"
LOG="$OUT/scaling.log"
log() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$LOG"; }

CLI=${CLI_DIR:-$OUT/cli}
if [ ! -f "$CLI/fulcrum.dll" ]; then
  log "publishing the CLI (Release, ReadyToRun: as installed)"
  "$REPO/bench/scripts/publish-cli.sh" "$CLI" >>"$LOG" 2>&1
fi

[ -f "$RESULTS" ] || printf 'accounts\tstep\twall_s\tcpu_s\tpeak_mb\tper_x3\n' >"$RESULTS"
machine() { echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"; }

# timed FILE COMMAND...: runs the command under /usr/bin/time -v; prints "wall cpu peak_mb".
timed() {
  local out=$1; shift
  /usr/bin/time -v -o "$OUT/time.txt" "$@" >"$out" 2>>"$LOG"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
              /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { m = int($2 / 1024) }
              END { printf "%.2f %.2f %d\n", w, u + s, m }' "$OUT/time.txt"
}

for n in $SIZES; do
  if grep -q "^$n	" "$RESULTS"; then log "$n accounts: in an earlier run, skipped"; continue; fi
  db="$OUT/company-$n.duckdb"
  rm -f "$db" "$db.wal"
  log "$n accounts: generate ($(machine))"
  read -r gw gc gm < <(timed "$OUT/generate-$n.out" dotnet "$CLI/fulcrum.dll" generate --accounts "$n" --years 3 --seed 7 --db "$db")
  log "$n accounts: analyze --fast ($(machine))"
  read -r aw ac am < <(timed "$OUT/analyze-$n.json" dotnet "$CLI/fulcrum.dll" analyze --fast --json --db "$db")
  log "$n accounts: generate ${gw}s wall ${gc}s CPU ${gm} MB; analyze ${aw}s wall ${ac}s CPU ${am} MB ($(machine))"
  python3 - "$n" "$OUT/analyze-$n.json" "$gw" "$gc" "$gm" "$aw" "$ac" "$am" >>"$RESULTS" <<'PY'
import json, sys
n, path, gw, gc, gm, aw, ac, am = sys.argv[1:]
print(f"{n}\tgenerate\t{gw}\t{gc}\t{gm}\t")
steps = json.load(open(path))["steps"]
for s in steps:
    seconds = "-" if s.get("skipped") else f"{s['seconds']:.2f}"
    peak = "-" if s.get("peakMegabytes") is None else f"{s['peakMegabytes']:.0f}"
    print(f"{n}\t{s['step']}\t{seconds}\t-\t{peak}\t")
# analyze resets the kernel's high-water mark as each step starts, which also resets what time -v reports (the last
# step's peak only), so the process's peak is the largest of its steps'.
am = max([int(am)] + [round(s["peakMegabytes"]) for s in steps if s.get("peakMegabytes") is not None])
print(f"{n}\tanalyze (process)\t{aw}\t{ac}\t{am}\t")
PY
  [ "${KEEP:-0}" = 1 ] || rm -f "$db" "$db.wal"
done

# Growth per ×3 accounts between consecutive sizes, on wall seconds (CPU for the process rows, which have it).
python3 - "$RESULTS" <<'PY'
import math, sys
path = sys.argv[1]
rows = [line.rstrip("\n").split("\t") for line in open(path)]
header, body = rows[0], rows[1:]
previous = {}
for r in body:
    n, step = int(r[0]), r[1]
    value = r[3] if r[3] != "-" else r[2]
    r[5] = ""
    if step in previous and value != "-":
        pn, pv = previous[step]
        if pv != "-" and float(pv) > 0 and n > pn:
            r[5] = f"{(float(value) / float(pv)) ** (math.log(3) / math.log(n / pn)):.2f}"
    previous[step] = (n, value)
with open(path, "w") as f:
    for r in [header] + body:
        f.write("\t".join(r) + "\n")
PY
log "done; results in $RESULTS"
column -t -s $'\t' "$RESULTS" | tee -a "$LOG"
