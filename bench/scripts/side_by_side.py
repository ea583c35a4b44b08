#!/usr/bin/python3
"""The statsmodels / pandas half of bench/scripts/side-by-side.sh (issue 17).

  side_by_side.py linkage RENEWALS.csv RESAMPLES   churn Logit on the renewals Fulcrum's linkage fits, plus an account
                                                   bootstrap of the grouped (cell-total) GLM, as a statsmodels user would
  side_by_side.py nps RESPONSES.csv                NPS by segment x quarter with cluster-robust (by account) 95% intervals

Each prints one JSON object: the figures (to compare with Fulcrum's) and the seconds of each part. The whole process is
timed by the calling script, so reading the CSV and importing the libraries count, as they do for `fulcrum`.
"""
import json
import sys
import time

start = time.perf_counter()
import numpy as np
import pandas as pd
import statsmodels.api as sm

def design(frame, baselines):
    """Treatment dummies with Fulcrum's baselines (the exported file names the factors and their baselines), intercept first."""
    columns = {"intercept": np.ones(len(frame))}
    for factor in baselines:
        for level in sorted(frame[factor].unique()):
            if level != baselines[factor]:
                columns[f"{factor}={level}"] = (frame[factor] == level).to_numpy(dtype=float)
    return pd.DataFrame(columns)


def linkage(path, resamples):
    with open(path.replace(".csv", ".baselines.json")) as f:
        baselines = json.load(f)
    renewals = pd.read_csv(path, dtype={f: str for f in baselines})
    loaded = time.perf_counter()
    x = design(renewals, baselines)
    y = renewals["churned"].to_numpy(dtype=float)
    logit = sm.Logit(y, x).fit(disp=0, method="newton", maxiter=100)
    fitted = time.perf_counter()

    # The account bootstrap on covariate patterns: each resample re-totals the cells by the accounts' multiplicities
    # and refits the grouped binomial GLM (what Fulcrum does; refitting 140k rows 100 times would take far longer).
    cells, cell = np.unique(x.to_numpy(), axis=0, return_inverse=True)
    cell = cell.ravel()
    accounts, account = np.unique(renewals["account"].to_numpy(), return_inverse=True)
    account = account.ravel()
    rng = np.random.default_rng(20261126)
    column = list(x.columns).index(f"nps=detractor")
    odds = []
    start_params = logit.params.to_numpy()
    for _ in range(resamples):
        weight = np.bincount(rng.integers(0, len(accounts), len(accounts)), minlength=len(accounts))[account]
        trials = np.bincount(cell, weights=weight, minlength=len(cells))
        churns = np.bincount(cell, weights=weight * y, minlength=len(cells))
        keep = trials > 0
        glm = sm.GLM(np.column_stack([churns[keep], trials[keep] - churns[keep]]), cells[keep], family=sm.families.Binomial())
        odds.append(np.exp(glm.fit(start_params=start_params).params[column]))
    done = time.perf_counter()
    lower, upper = np.percentile(odds, [5, 95])
    return {
        "renewals": len(renewals), "accounts": len(accounts), "cells": len(cells), "resamples": resamples,
        "odds_ratio_detractor": float(np.exp(logit.params["nps=detractor"])),
        "odds_ratio_detractor_90ci": [float(lower), float(upper)],
        "coefficients": {k: float(v) for k, v in logit.params.items()},
        "seconds": {"import": loaded_import, "read": loaded - loaded_import_at, "logit": fitted - loaded, "bootstrap": done - fitted},
    }


def nps(path):
    responses = pd.read_csv(path, usecols=["account_id", "segment", "quarter", "nps"])
    loaded = time.perf_counter()
    responses["net"] = np.where(responses["nps"] >= 9, 1.0, np.where(responses["nps"] <= 6, -1.0, 0.0))
    per_account = responses.groupby(["segment", "quarter", "account_id"]).agg(s=("net", "sum"), n=("net", "size")).reset_index()
    cells = []
    for (segment, quarter), g in per_account.groupby(["segment", "quarter"]):
        n, k = g["n"].sum(), len(g)
        m = g["s"].sum() / n
        # CR1 sandwich for a ratio mean (Cameron & Miller 2015), as Fulcrum's ClusteredEstimator.
        se = np.sqrt(((g["s"] - m * g["n"]) ** 2).sum() * k / (k - 1)) / n * 100
        cells.append({"segment": segment, "quarter": quarter, "n": int(n), "nps": 100 * m, "lower": 100 * m - 1.959963984540054 * se,
                      "upper": 100 * m + 1.959963984540054 * se})
    done = time.perf_counter()
    return {"cells": cells, "seconds": {"import": loaded_import, "read": loaded - loaded_import_at, "compute": done - loaded}}


loaded_import = time.perf_counter() - start
loaded_import_at = time.perf_counter()
if sys.argv[1] == "linkage":
    result = linkage(sys.argv[2], int(sys.argv[3]))
else:
    result = nps(sys.argv[2])
result["seconds"]["total"] = time.perf_counter() - start
print(json.dumps(result))
