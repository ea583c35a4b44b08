#!/bin/bash
# Fulcrum side by side with the tools an analyst would use instead, in one run on one store (issue 17):
#   1. churn linkage: `fulcrum linkage --soft nps --resamples N` vs statsmodels (read CSV, Logit, N-resample account
#      bootstrap of the grouped GLM) on the same exported renewals (bench/scripts/side_by_side.py linkage);
#   2. NPS by segment x quarter with cluster-robust 95% intervals: `fulcrum metrics --metric nps --by segment` vs pandas
#      (reading an exported CSV) vs raw DuckDB SQL on the same store (a bare DuckDB.NET runner, `Fulcrum.Bench sql`).
# Each tool runs as its own process, timed whole with /usr/bin/time (wall, user+sys CPU, peak RSS), ROUNDS times,
# interleaved so they share the machine's state; the median is reported.
#
# usage: bench/scripts/side-by-side.sh STORE.duckdb [RESAMPLES=100] [ROUNDS=3]
#   STORE is written to (fact tables, linkage fits): pass a copy. Env: CLI (fulcrum.dll; default: the installed form,
#   published ReadyToRun into $OUT/cli by publish-cli.sh), BENCH (Fulcrum.Bench.dll), OUT.
set -euo pipefail
DB=$1
RESAMPLES=${2:-100}
ROUNDS=${3:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=${BENCH:-$HERE/../Fulcrum.Bench/bin/Release/net10.0/Fulcrum.Bench.dll}
OUT=${OUT:-$(mktemp -d /tmp/side-by-side.XXXXXX)}
mkdir -p "$OUT"
if [ -z "${CLI:-}" ]; then
    "$HERE/publish-cli.sh" "$OUT/cli" > "$OUT/publish.log" 2>&1 || { echo "side-by-side.sh: publishing the CLI failed; see $OUT/publish.log" >&2; exit 1; }
    CLI=$OUT/cli/fulcrum.dll
fi

# The python side needs Debian's numpy, pandas and statsmodels (the pyenv python3 first on PATH lacks them).
if ! /usr/bin/python3 -c 'import numpy, pandas, statsmodels' 2> /dev/null; then
    echo "side-by-side.sh: /usr/bin/python3 lacks numpy, pandas or statsmodels; install them with:" >&2
    echo "    apt-get install -y python3-statsmodels python3-pandas python3-numpy" >&2
    exit 1
fi

timed() { # NAME ROUND command...: output in $OUT/NAME.ROUND.out, "wall user sys peak_kb" in $OUT/NAME.ROUND.time
    local name=$1 round=$2; shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/$name.$round.time" "$@" > "$OUT/$name.$round.out" 2> "$OUT/$name.$round.err"
}

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpus: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
    echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "fulcrum: $CLI"
    echo "python: $(/usr/bin/python3 -c 'import statsmodels, pandas, numpy, sys; print(sys.version.split()[0], "statsmodels", statsmodels.__version__, "pandas", pandas.__version__, "numpy", numpy.__version__)')"
} > "$OUT/machine.txt"

# Inputs for the python side, made once and not timed: the renewals exactly as the linkage places them in cells, and
# the NPS answers with their account's segment and quarter. The first metrics call builds the fact tables (not timed).
dotnet "$BENCH" export-renewals --db "$DB" --out "$OUT/renewals.csv" --soft nps > "$OUT/export.log"
dotnet "$BENCH" sql --db "$DB" --query "COPY (SELECT r.account_id, COALESCE(a.segment, '(none)') AS segment,
    strftime(date_trunc('quarter', CAST(r.responded_at AS DATE)), '%Y-%m-%d') AS quarter, r.nps
    FROM responses r JOIN accounts a USING (account_id) WHERE r.nps IS NOT NULL) TO '$OUT/responses.csv' (HEADER)" >> "$OUT/export.log" 2>&1
dotnet "$CLI" metrics --metric nps --by segment --period quarter --json --db "$DB" > /dev/null

NPS_SQL="WITH per_account AS (
    SELECT COALESCE(a.segment, '(none)') AS segment, CAST(date_trunc('quarter', CAST(r.responded_at AS DATE)) AS DATE) AS quarter, r.account_id,
           CAST(SUM(CASE WHEN r.nps >= 9 THEN 1 WHEN r.nps <= 6 THEN -1 ELSE 0 END) AS DOUBLE) AS s, CAST(COUNT(*) AS DOUBLE) AS n
    FROM responses r JOIN accounts a USING (account_id) WHERE r.nps IS NOT NULL GROUP BY 1, 2, 3),
cells AS (
    SELECT segment, quarter, SUM(n) AS n, COUNT(*) AS k, SUM(s) / SUM(n) AS m, SUM(s * s) AS s2, SUM(s * n) AS sn, SUM(n * n) AS n2
    FROM per_account GROUP BY 1, 2),
robust AS (SELECT *, 100 * sqrt(greatest(0, s2 - 2 * m * sn + m * m * n2) * k / (k - 1)) / n AS se FROM cells)
SELECT segment, strftime(quarter, '%Y-%m-%d') AS quarter, CAST(n AS BIGINT) AS n, 100 * m AS nps, 100 * m - 1.959963984540054 * se AS lower, 100 * m + 1.959963984540054 * se AS upper
FROM robust ORDER BY 1, 2"

for round in $(seq 1 "$ROUNDS"); do
    # A fresh seed per round: the store's fit cache must not answer for Fulcrum (the python side has no cache).
    timed fulcrum-linkage "$round" dotnet "$CLI" linkage --soft nps --resamples "$RESAMPLES" --seed "$((20261126 + round))" --json --db "$DB"
    timed statsmodels-linkage "$round" /usr/bin/python3 "$HERE/side_by_side.py" linkage "$OUT/renewals.csv" "$RESAMPLES"
    timed fulcrum-nps "$round" dotnet "$CLI" metrics --metric nps --by segment --period quarter --json --db "$DB"
    timed pandas-nps "$round" /usr/bin/python3 "$HERE/side_by_side.py" nps "$OUT/responses.csv"
    timed duckdb-nps "$round" dotnet "$BENCH" sql --db "$DB" --query "$NPS_SQL"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.txt"

/usr/bin/python3 "$HERE/side_by_side_summary.py" "$OUT" "$ROUNDS" | tee "$OUT/summary.md"
