#!/usr/bin/env bash
# Issue 17/15 speed checks for themes and the demo, each a `fulcrum` process under /usr/bin/time -v (wall, user + system
# CPU, peak RSS), written to OUT_DIR/results.tsv:
#   demo           `fulcrum demo` end to end (generation, analyze with MiniLM themes, the report in HTML/PDF/XLSX)
#   themes-100k    `fulcrum themes --fast --json` (impact included) on a copy of a 100k-account store without themes
#   rerun-100k     the same command again on that copy (stored themes: reconcile, write only what changed)
# The theme run's own phases (read, embed, sentiment, cluster, reconcile, assign, label, store) are kept from its JSON.
#
# usage: [CLI_DIR=DIR] bench/scripts/themes-speed.sh STORE_100K [OUT_DIR=/tmp/fulcrum-themes-speed]
# STORE_100K is copied (never written); it should have no themes yet (`generate --accounts 100000 --years 3 --seed 7`).
set -euo pipefail
STORE=${1:?a 100k-account store to copy}
OUT=${2:-/tmp/fulcrum-themes-speed}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$OUT"
CLI=${CLI_DIR:-$OUT/cli}
[ -f "$CLI/fulcrum.dll" ] || "$REPO/bench/scripts/publish-cli.sh" "$CLI" >/dev/null
RESULTS="$OUT/results.tsv"
[ -f "$RESULTS" ] || printf 'step\twall\tuser_s\tsys_s\tpeak_rss_mb\tload\n' > "$RESULTS"

measure() { # name, then the fulcrum arguments; stdout to OUT/name.out
  local name=$1; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v dotnet "$CLI/fulcrum.dll" "$@" > "$OUT/$name.out" 2> "$OUT/$name.time"
  awk -v n="$name" -v l="$load" -F': ' '/Elapsed/{w=$2} /User time/{u=$2} /System time/{s=$2} /Maximum resident/{r=$2/1024}
    END{printf "%s\t%s\t%s\t%s\t%.0f\t%s\n", n, w, u, s, r, l}' "$OUT/$name.time" >> "$RESULTS"
}

rm -f "$OUT/demo.duckdb" "$OUT/demo.duckdb.wal"
(cd "$OUT" && measure demo demo --db "$OUT/demo.duckdb")
cp "$STORE" "$OUT/store100k.duckdb"
measure themes-100k themes --fast --json --db "$OUT/store100k.duckdb"
measure rerun-100k themes --fast --json --db "$OUT/store100k.duckdb"
rm -f "$OUT/store100k.duckdb" "$OUT/store100k.duckdb.wal"
column -t -s $'\t' "$RESULTS"
