#!/usr/bin/python3
"""Summarises a bench/scripts/side-by-side.sh run: median wall / CPU / peak memory per tool, the ratios the issue sets
targets for, and whether the figures agree (odds ratio and its interval; NPS and interval in every segment x quarter)."""
import csv
import io
import json
import statistics
import sys

out, rounds = sys.argv[1], int(sys.argv[2])


def times(name):
    rows = [open(f"{out}/{name}.{r}.time").read().split() for r in range(1, rounds + 1)]
    wall = statistics.median(float(r[0]) for r in rows)
    cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
    peak = max(int(r[3]) for r in rows) / 1024
    return wall, cpu, peak


def last(name, suffix="out"):
    return open(f"{out}/{name}.{rounds}.{suffix}").read()


print(open(f"{out}/machine.txt").read().replace("\n", "  \n"))
print("| tool | median wall s | median CPU s (user+sys) | peak RSS MB |\n|---|---:|---:|---:|")
tools = ["fulcrum-linkage", "statsmodels-linkage", "fulcrum-nps", "pandas-nps", "duckdb-nps"]
measured = {t: times(t) for t in tools}
for t in tools:
    wall, cpu, peak = measured[t]
    print(f"| {t} | {wall:.2f} | {cpu:.2f} | {peak:.0f} |")
print()
print(f"- linkage: Fulcrum / statsmodels = {measured['fulcrum-linkage'][0] / measured['statsmodels-linkage'][0]:.2f}× wall, "
      f"{measured['fulcrum-linkage'][1] / measured['statsmodels-linkage'][1]:.2f}× CPU (target: below 1)")
print(f"- NPS by segment × quarter: Fulcrum / raw DuckDB = {measured['fulcrum-nps'][0] / measured['duckdb-nps'][0]:.2f}× wall "
      f"(target ≤ 1.5), Fulcrum / pandas = {measured['fulcrum-nps'][0] / measured['pandas-nps'][0]:.2f}× wall")

fulcrum = json.loads(last("fulcrum-linkage"))
python = json.loads(last("statsmodels-linkage"))
odds = next(o for o in fulcrum["churnOddsRatios"] if o["term"] == "nps=detractor")
b = odds["bootstrap"]
print(f"- churn odds ratio detractor vs promoter: Fulcrum {b['value']:.4f} (90% CI {b['lower']:.3f}–{b['upper']:.3f}), "
      f"statsmodels {python['odds_ratio_detractor']:.4f} (90% CI {python['odds_ratio_detractor_90ci'][0]:.3f}–{python['odds_ratio_detractor_90ci'][1]:.3f}); "
      f"{python['renewals']:,} renewals, {python['cells']:,} cells; statsmodels parts (s): "
      + ", ".join(f"{k} {v:.2f}" for k, v in python["seconds"].items()))

duck = {(r["segment"], r["quarter"][:10]): r for r in csv.DictReader(io.StringIO(last("duckdb-nps")))}
pandas = {(c["segment"], c["quarter"][:10]): c for c in json.loads(last("pandas-nps"))["cells"]}
metrics = json.loads(last("fulcrum-nps"))
cells = metrics["cells"] if isinstance(metrics, dict) else metrics
agree, worst = 0, 0.0
for c in cells:
    key = (c.get("segment") or c.get("groups", {}).get("segment"), str(c["period"])[:10])
    if key not in duck:
        continue
    e = c["estimate"]
    d, p = duck[key], pandas[key]
    worst = max(worst, abs(e["value"] - float(d["nps"])), abs(e["value"] - p["nps"]))
    agree += 1
print(f"- NPS cells compared: {agree} of {len(duck)} (raw SQL) ; largest difference of the NPS value among Fulcrum, pandas and SQL: {worst:.2e} points")
