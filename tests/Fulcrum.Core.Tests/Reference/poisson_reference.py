"""Reference values for PoissonRegression (PoissonRegressionTests): statsmodels GLM Poisson with exposure on grouped data.

Run: /usr/bin/python3 poisson_reference.py > poisson_reference.txt   (needs Debian's python3-statsmodels)
"""
import numpy as np
import statsmodels.api as sm

# Cells: intercept, x (numeric), group dummy; totals over an exposure.
x = np.array([1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 1.0, 2.0, 3.0, 4.0, 5.0])
g = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1], dtype=float)
exposure = np.array([10, 12, 8, 15, 9, 11, 7, 5, 6, 9, 4, 3], dtype=float)
total = np.array([14, 22, 19, 40, 30, 41, 33, 4, 9, 21, 12, 14], dtype=float)
X = np.column_stack([np.ones_like(x), x, g])
fit = sm.GLM(total, X, family=sm.families.Poisson(), exposure=exposure).fit(tol=1e-12)
print(f"loglik {fit.llf:.10f}")
print(f"deviance {fit.deviance:.10f}")
for name, b, se in zip(["intercept", "x", "group"], fit.params, fit.bse):
    print(f"{name} {b:.10f} {se:.10f}")
