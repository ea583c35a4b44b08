"""Reference values for ThemeChurnModelTests: the joint churn model with an effect per theme, ridge-penalized on the theme
effects only (a normal prior with standard deviation 1 on each theme's log-odds), maximized by scipy's trust-region Newton
method with the exact gradient and Hessian, and cross-checked against statsmodels' elastic net with no L1 part (a coordinate
descent, so it agrees to about 1e-3 only). Run with Debian's python (python3-statsmodels):
    /usr/bin/python3 tests/Fulcrum.Analytics.Tests/Reference/theme_churn_reference.py > tests/Fulcrum.Analytics.Tests/Reference/theme_churn_reference.txt
"""
import numpy as np
import statsmodels
import statsmodels.api as sm
from scipy.optimize import minimize

# (detractor, multi-product, themes, renewals, churned): the same table as ThemeChurnModelTests.Patterns.
PATTERNS = [
    (0, 0, "", 500, 40), (0, 0, "B", 60, 5),
    (1, 0, "", 200, 40), (1, 0, "B", 80, 16), (1, 0, "AB", 60, 21), (1, 0, "A", 40, 13), (1, 0, "C", 12, 0),
    (0, 1, "", 300, 30), (0, 1, "A", 50, 9), (0, 1, "AB", 40, 8),
    (1, 1, "", 150, 45), (1, 1, "AB", 120, 60), (1, 1, "B", 40, 12), (1, 1, "A", 30, 14),
]
THEMES = "ABC"
PRECISION = 1.0

rows, y = [], []
for d, m, themes, n, churned in PATTERNS:
    x = [1, d, m] + [1 if t in themes else 0 for t in THEMES]
    for i in range(n):
        rows.append(x)
        y.append(1 if i < churned else 0)
X, y = np.array(rows, float), np.array(y, float)
n = len(y)
alpha = np.array([0, 0, 0] + [PRECISION / n] * len(THEMES))

penalty = np.array([0, 0, 0] + [PRECISION] * len(THEMES))

def objective(b):
    eta = X @ b
    return -(y * eta - np.logaddexp(0, eta)).sum() + (penalty * b * b).sum() / 2

def gradient(b):
    p = 1 / (1 + np.exp(-(X @ b)))
    return -X.T @ (y - p) + penalty * b

def hessian(b):
    p = 1 / (1 + np.exp(-(X @ b)))
    return X.T @ (X * (p * (1 - p))[:, None]) + np.diag(penalty)

result = minimize(objective, np.zeros(X.shape[1]), jac=gradient, hess=hessian, method="trust-exact", options={"gtol": 1e-12})
beta = result.x
assert np.abs(gradient(beta)).max() < 1e-8, gradient(beta)
check = sm.GLM(y, X, family=sm.families.Binomial()).fit_regularized(method="elastic_net", alpha=penalty / n, L1_wt=0.0, cnvrg_tol=1e-12, maxiter=1000).params
assert np.abs(beta - np.asarray(check)).max() < 5e-3, (beta, check)

print(f"# scipy trust-exact on the penalized log-likelihood (precision {PRECISION} on the theme columns), n = {n}; statsmodels {statsmodels.__version__} elastic net agrees within 5e-3")
print("coefficients " + " ".join(f"{b:.10f}" for b in beta))
eta = X @ beta
for j, t in enumerate(THEMES):
    raised = X[:, 3 + j] == 1
    without = 1 / (1 + np.exp(-(eta[raised] - beta[3 + j])))
    print(f"ratio {t} {y[raised].sum() / without.sum():.10f}")
