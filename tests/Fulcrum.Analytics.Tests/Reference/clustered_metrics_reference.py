"""Reference values for MetricsClusteringTests: NPS with account-clustered standard errors.

NPS is 100 x the mean of per-answer scores (+1 promoter, 0 passive, -1 detractor). statsmodels OLS of the score on a
constant with cov_type="cluster" (groups = account) gives the CR1 standard error of that mean; the interval is normal
(z = 1.959963984540054), as Fulcrum's ClusteredEstimator.

Run: /usr/bin/python3 clustered_metrics_reference.py   (needs Debian's python3-statsmodels)
"""
import numpy as np
import statsmodels.api as sm

answers = {  # account -> (segment, NPS answers in 2024-Q1)
    "A1": ("A", [10, 10, 9]),
    "A2": ("A", [9, 10, 9]),
    "A3": ("A", [2, 3, 1]),
    "A4": ("A", [10, 9, 9]),
    "A5": ("A", [8, 7, 8]),
    "A6": ("A", [0, 4, 2]),
    "A7": ("A", [9, 9, 10]),
    "A8": ("A", [7, 8, 8]),
    "B1": ("B", [9]),
    "B2": ("B", [6, 5]),
    "B3": ("B", [10, 9]),
    "B4": ("B", [3]),
}
Z = 1.959963984540054


def nps(accounts):
    score, group = [], []
    for i, a in enumerate(accounts):
        for s in answers[a][1]:
            score.append(1.0 if s >= 9 else -1.0 if s <= 6 else 0.0)
            group.append(i)
    y = np.array(score)
    fit = sm.OLS(y, np.ones((len(y), 1))).fit(cov_type="cluster", cov_kwds={"groups": np.array(group)})
    m, se = fit.params[0], fit.bse[0]
    return 100 * m, 100 * (m - Z * se), 100 * (m + Z * se), 100 * se


for name, accounts in [("all", list(answers)), ("A", [a for a in answers if answers[a][0] == "A"]), ("B", [a for a in answers if answers[a][0] == "B"])]:
    value, lower, upper, se = nps(accounts)
    print(f"{name} value {value:.10f} lower {lower:.10f} upper {upper:.10f} se {se:.10f}")
