"""Reference values for BoundedMeanEstimatorTests (run with Debian's /usr/bin/python3 and python3-scipy).

Small samples: Clopper-Pearson with the fractional success count S = n * (mean - min) / (max - min).
Larger samples whose t interval leaves the scale: Wilson score interval on the rescaled mean with the
effective n that matches the t interval's standard error (statsmodels proportion_confint's Wilson formula).
"""
from scipy.stats import beta, norm, t
import numpy as np

def fractional_cp(p, n, level=0.95):
    a = 1 - level
    s = p * n
    lo = 0.0 if s <= 0 else beta.ppf(a / 2, s, n - s + 1)
    hi = 1.0 if s >= n else beta.ppf(1 - a / 2, s + 1, n - s)
    return lo, hi

def wilson(p, n, z):
    c = (p + z * z / (2 * n)) / (1 + z * z / n)
    h = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0, c - h), min(1, c + h)

# CSAT answers 2 and 2 on 1-5 (the "GO 2.0, CI -10.71 to 14.71, n=2" cell of the issue)
lo, hi = fractional_cp(0.25, 2)
print("n2_mean2", 1 + 4 * lo, 1 + 4 * hi)
# CSAT answers 5,5,4,5,5,5,4,5,5,5 (mean 4.8, n 10)
x = np.array([5, 5, 4, 5, 5, 5, 4, 5, 5, 5.0])
lo, hi = fractional_cp((x.mean() - 1) / 4, len(x))
print("n10_mean48", 1 + 4 * lo, 1 + 4 * hi)
# 40 answers: 39 fives and one 1 -> t interval upper bound above 5
y = np.array([5.0] * 39 + [1.0])
m, se = y.mean(), y.std(ddof=1) / np.sqrt(len(y))
tc = t.ppf(0.975, len(y) - 1)
print("t40", m - tc * se, m + tc * se)
z = norm.ppf(0.975)
p = (m - 1) / 4
se_p = (2 * tc * se) / (2 * z) / 4
lo, hi = wilson(p, p * (1 - p) / se_p ** 2, z)
print("n40_bounded", 1 + 4 * lo, 1 + 4 * hi)
