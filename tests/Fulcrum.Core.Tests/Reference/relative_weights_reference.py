#!/usr/bin/python3
"""Reference values for RelativeWeights and ShapleyR2 (tests/Fulcrum.Core.Tests/Statistics/RelativeWeightsTests.cs).

Run with Debian's interpreter (needs python3-numpy, python3-statsmodels) from this folder:

    /usr/bin/python3 relative_weights_reference.py > relative_weights_reference.json

It writes the fixtures relative_weights_fixture_*.csv (fixed seed, values rounded to 4 decimals so the CSV is exactly
what both sides read) and prints, per fixture, computed independently of Fulcrum:
- Johnson's (2000) relative weights via the eigen-decomposition of the predictors' correlation matrix;
- the Shapley/LMG decomposition of R² by brute force: statsmodels OLS (with intercept) on every subset of predictors,
  averaged over all k! orders of entry (itertools.permutations), not the subset-weight formula Fulcrum uses;
- R² of the full OLS model and each predictor's mean.
"""
import csv
import itertools
import json
import math
import os

import numpy as np
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))


def make_fixture(name, n, loadings, betas, noise, seed):
    """Correlated predictors x = common factors @ loadings + unique noise; y = x @ betas + noise."""
    rng = np.random.default_rng(seed)
    k = len(betas)
    factors = rng.normal(size=(n, loadings.shape[0]))
    x = factors @ loadings + rng.normal(size=(n, k))
    x = x * np.arange(1, k + 1) + 10 * np.arange(k)  # different scales and means, as survey items and metrics have
    y = x @ np.asarray(betas) + rng.normal(scale=noise, size=n)
    data = np.round(np.column_stack([y, x]), 4)
    path = os.path.join(HERE, f"relative_weights_fixture_{name}.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["y"] + [f"x{j + 1}" for j in range(k)])
        for row in data:
            w.writerow([f"{v:.4f}" for v in row])
    return path


def read_fixture(path):
    with open(path) as f:
        rows = list(csv.reader(f))
    data = np.array([[float(v) for v in r] for r in rows[1:]])
    return data[:, 0], data[:, 1:], rows[0][1:]


def johnson(x, y):
    r = np.corrcoef(np.column_stack([y, x]), rowvar=False)
    rxx, rxy = r[1:, 1:], r[1:, 0]
    lam, v = np.linalg.eigh(rxx)
    root = v @ np.diag(np.sqrt(lam)) @ v.T
    beta = np.linalg.solve(root, rxy)
    return (root ** 2) @ (beta ** 2)


def ols_r2(x, y, subset):
    if not subset:
        return 0.0
    return sm.OLS(y, sm.add_constant(x[:, list(subset)])).fit().rsquared


def shapley_by_orders(x, y):
    k = x.shape[1]
    r2 = {frozenset(s): ols_r2(x, y, s) for m in range(k + 1) for s in itertools.combinations(range(k), m)}
    shares = np.zeros(k)
    for order in itertools.permutations(range(k)):
        entered = frozenset()
        for j in order:
            shares[j] += r2[entered | {j}] - r2[entered]
            entered = entered | {j}
    return shares / math.factorial(k), r2[frozenset(range(k))]


fixtures = [
    ("five", 240, np.array([[1.0, 0.8, 0.6, 0.2, 0.0], [0.0, 0.3, 0.5, 0.9, 0.7]]), [0.9, 0.2, 0.35, 0.1, 0.0], 6.0, 20001126),
    ("collinear", 150, np.array([[3.0, 3.0, 2.8, 0.3]]), [0.5, 0.1, 0.2, 0.4], 4.0, 19800101),
    ("seven", 400, np.array([[0.7, 0.7, 0.7, 0.0, 0.0, 0.3, 0.2], [0.0, 0.2, 0.0, 0.8, 0.8, 0.0, 0.6]]),
     [0.3, -0.2, 0.25, 0.15, 0.0, -0.4, 0.1], 5.0, 424242),
]

out = {"versions": {"numpy": np.__version__, "statsmodels": statsmodels.__version__}, "fixtures": {}}
for name, n, loadings, betas, noise, seed in fixtures:
    y, x, names = read_fixture(make_fixture(name, n, loadings, betas, noise, seed))
    rw = johnson(x, y)
    shap, r2 = shapley_by_orders(x, y)
    assert abs(rw.sum() - r2) < 1e-10 and abs(shap.sum() - r2) < 1e-10
    out["fixtures"][name] = {
        "file": f"relative_weights_fixture_{name}.csv",
        "n": int(len(y)),
        "predictors": names,
        "r_squared": float(r2),
        "relative_weights": [float(v) for v in rw],
        "relative_weights_percent": [float(v) for v in 100 * rw / r2],
        "shapley": [float(v) for v in shap],
        "means": [float(v) for v in x.mean(axis=0)],
    }
print(json.dumps(out, indent=2))
