#!/usr/bin/python3
"""Reference values for Fulcrum's NPS intervals and two-sample tests (issue 4, "Must show").

Run:  /usr/bin/python3 tests/Fulcrum.Analytics.Tests/Reference/nps_reference.py \
          > tests/Fulcrum.Analytics.Tests/Reference/nps_reference_output.json
(Debian's python3-numpy, python3-scipy and python3-statsmodels; the committed output was made with
numpy 1.24.2, scipy 1.10.1, statsmodels 0.13.5.)

For every fixture it computes, independently of Fulcrum:
  * closed form ("wald"): the trinomial Wald interval of NPS = 100 (p_promoters - p_detractors), with the
    standard error from the population variance of the +1/0/-1 scores (numpy.var, ddof=0, or the weighted
    variance of statsmodels DescrStatsW with Kish's effective n for weighted fixtures), the interval and
    the two-sided z-test of A - B from statsmodels.stats.weightstats._zconfint_generic / _zstat_generic
    (unpooled standard errors) and scipy.stats.norm;
  * a nonparametric bootstrap ("bootstrap"): 20,000 resamples with replacement of each group's responses
    (groups resampled independently for the difference), numpy default_rng with a fixed seed, percentile
    interval (2.5 %, 97.5 %).
The fixtures are score histograms (count of responses per score 0..10), repeated verbatim in
NpsReferenceTests.cs; the weighted fixture is a formula both files compute.
"""
import json
import sys

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
from statsmodels.stats.weightstats import DescrStatsW, _zconfint_generic, _zstat_generic

LEVEL = 0.95
ALPHA = 1 - LEVEL
RESAMPLES = 20_000
SEED = 20_240_501

# Responses per score 0..10.
HISTOGRAMS = {
    "moderate": {
        "A": [10, 6, 8, 10, 12, 14, 30, 50, 60, 90, 110],   # n = 400, NPS 27.5
        "B": [8, 6, 8, 10, 12, 14, 22, 45, 55, 65, 55],     # n = 300, NPS 13.33
    },
    "small": {
        "A": [2, 1, 1, 2, 2, 3, 4, 7, 8, 14, 16],           # n = 60, NPS 25
        "B": [3, 2, 2, 2, 3, 2, 4, 6, 6, 7, 8],             # n = 45, NPS -6.67
    },
}


def weighted_fixture():
    """120 responses: score (7i + 3) mod 11, weight (ARR) 1000 (1 + (37i mod 13)), i = 0..119."""
    i = np.arange(120)
    return (7 * i + 3) % 11, 1000.0 * (1 + (37 * i) % 13)


def expand(histogram):
    return np.repeat(np.arange(11), histogram)


def x_of(scores):
    """+1 promoter (9-10), 0 passive (7-8), -1 detractor (0-6)."""
    scores = np.asarray(scores)
    return np.where(scores >= 9, 1.0, np.where(scores >= 7, 0.0, -1.0))


def wald(x, weights=None):
    d = DescrStatsW(x, weights=weights, ddof=0)
    n_eff = d.sum_weights ** 2 / np.sum(np.asarray(d.weights) ** 2)
    mean = d.mean
    se = np.sqrt(d.var / n_eff)  # population (ddof=0) variance = p_P + p_D - (p_P - p_D)^2
    lower, upper = _zconfint_generic(mean, se, ALPHA, "two-sided")
    return {"n": int(len(x)), "n_eff": float(n_eff), "value": 100 * mean, "se": 100 * se,
            "lower": 100 * lower, "upper": 100 * upper}


def wald_difference(a, b):
    diff = a["value"] - b["value"]
    se = np.hypot(a["se"], b["se"])
    z, p = _zstat_generic(a["value"], b["value"], se, "two-sided", diff=0)
    lower, upper = _zconfint_generic(diff, se, ALPHA, "two-sided")
    assert abs(p - 2 * st.norm.sf(abs(z))) < 1e-15
    return {"value": diff, "se": float(se), "lower": lower, "upper": upper, "z": z, "p": p}


def nps(x, axis=-1):
    return 100 * np.mean(x, axis=axis)


def bootstrap(rng, x, weights=None):
    idx = rng.integers(0, len(x), size=(RESAMPLES, len(x)))
    if weights is None:
        stats = nps(x[idx])
    else:
        w = weights[idx]
        stats = 100 * np.sum(w * x[idx], axis=1) / np.sum(w, axis=1)
    return stats


def percentile(stats):
    lower, upper = np.percentile(stats, [100 * ALPHA / 2, 100 * (1 - ALPHA / 2)])
    return {"lower": float(lower), "upper": float(upper), "se": float(np.std(stats, ddof=1)), "resamples": RESAMPLES}


def main():
    rng = np.random.default_rng(SEED)
    out = {
        "generated_by": "tests/Fulcrum.Analytics.Tests/Reference/nps_reference.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__,
                     "statsmodels": statsmodels.__version__},
        "confidence_level": LEVEL,
        "bootstrap": {"resamples": RESAMPLES, "seed": SEED, "method": "percentile, numpy default_rng (PCG64)"},
        "fixtures": {},
    }
    for name, groups in HISTOGRAMS.items():
        x = {g: x_of(expand(h)) for g, h in groups.items()}
        closed = {g: wald(v) for g, v in x.items()}
        boot = {g: bootstrap(rng, v) for g, v in x.items()}
        out["fixtures"][name] = {
            "histograms": groups,
            "wald": {**closed, "A_minus_B": wald_difference(closed["A"], closed["B"])},
            "bootstrap": {"A": percentile(boot["A"]), "B": percentile(boot["B"]),
                          # independent resamples of A and B: their difference resamples the difference
                          "A_minus_B": percentile(boot["A"] - boot["B"])},
        }
    scores, weights = weighted_fixture()
    x = x_of(scores)
    out["fixtures"]["weighted"] = {
        "formula": "score_i = (7i + 3) mod 11, weight_i = 1000 (1 + (37i mod 13)), i = 0..119",
        "wald": {"A": wald(x, weights)},
        "bootstrap": {"A": percentile(bootstrap(rng, x, weights))},
    }
    json.dump(out, sys.stdout, indent=2, default=float)
    print()


if __name__ == "__main__":
    main()
