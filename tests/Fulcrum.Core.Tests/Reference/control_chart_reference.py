#!/usr/bin/python3
"""Reference values for Fulcrum.Core.Statistics.ControlCharts (tests/Fulcrum.Core.Tests/Statistics/ControlChartsTests.cs).

Run with Debian's interpreter (numpy only):

    /usr/bin/python3 tests/Fulcrum.Core.Tests/Reference/control_chart_reference.py \
        > tests/Fulcrum.Core.Tests/Reference/control_chart_reference.txt

Written from the textbook definitions in Montgomery D.C., Introduction to Statistical Quality Control
(6th ed., 2009), sections 9.1 (tabular CUSUM, standardized form) and 9.2 (EWMA), independently of the
C# code. Where the C# code uses recursions and a formula for the baseline's estimation error, this script
writes every monitored statistic as a linear combination c'x of ALL the series' points (baseline ones
included) and takes its variance as c' diag(sigma^2) c -- the points are independent:

  EWMA      z_i = lambda * x_i + (1 - lambda) * z_{i-1},  z_0 = mu0_hat                     (Montgomery 9.2.1)
            z_i - mu0_hat = sum_j lambda (1-lambda)^(i-j) x_j - (1 - (1-lambda)^i) mean(baseline x)
            Var(z_i - mu0_hat) = c' diag(sigma^2) c for those coefficients c; with a constant sigma and a
            known mu0 it is Montgomery's exact-variance limit sigma^2 lambda/(2-lambda) [1 - (1-lambda)^(2i)]
            (checked below), and for an estimated baseline it equals that recursion plus
            (1 - (1-lambda)^i)^2 Var(mu0_hat) (also checked below).
            Limits mu0_hat +/- L sqrt(Var(z_i - mu0_hat)); a signal is the first point of each run outside a limit.
  CUSUM     y_i = (x_i - mu0_hat) / sd(x_i - mu0_hat),  Var(x_i - mu0_hat) = sigma_i^2 + sum_baseline sigma_j^2 / k^2
            C+_i = max(0, y_i - k + C+_{i-1}),  C-_i = max(0, -k - y_i + C-_{i-1}),  C_0 = 0    (Montgomery 9.1.4)
            signal when C+ > h or C- > h; then both sums restart at 0 (the chart is reset).
            N+/N- count the consecutive periods with a non-zero sum; the shift is estimated to have begun
            at the first of those N periods, index i - N + 1 (Montgomery 9.1.2).

Per-point variance (Fulcrum's model for a series of estimates with standard errors SE_i):
  x_i = mu0 + u_i + e_i with u_i ~ N(0, tau^2) (true period-to-period variation) and e_i ~ N(0, SE_i^2)
  (sampling error), so sigma_i^2 = tau^2 + SE_i^2. From a baseline of the first k points:
  mu0 = mean(x_1..x_k), tau^2 = max(0, s^2 - mean(SE_1^2..SE_k^2)) with s^2 the sample variance (ddof=1)
  -- a method-of-moments estimate of the variance beyond sampling error. The EWMA and CUSUM run on
  the points after the baseline. With no standard errors, SE_i = 0 and tau is the usual process sigma.
  With a given (known) baseline mu0 is a constant, and no baseline point enters the combinations.

Limits for a stated false-alarm rate alpha over m monitored points (ControlCharts.EwmaWidthFor, CusumLimitFor):
  EWMA      L = Phi^-1(1 - alpha / (2 m))   (Bonferroni over the m points and both sides; statistics.NormalDist)
  CUSUM     h = upper alpha quantile of M = max_t max(C+_t, C-_t) over simulated in-control series: baseline
            and monitored points N(0, 1), SE = 1, tau = 0, mu0, tau and Var(mu0_hat) estimated as above;
            1,000,000 series with numpy's default_rng(7) (a different generator and seed from the C# code, so
            the two agree up to Monte Carlo error; the C# code also takes a slightly conservative quantile).
"""
from statistics import NormalDist

import numpy as np


def show(label, values):
    print(label + ": " + ", ".join(repr(float(v)) for v in values))


def baseline(x, se, k):
    x0, s0 = np.asarray(x[:k], float), np.asarray(se[:k], float)
    mu0 = x0.mean()
    tau2 = max(0.0, x0.var(ddof=1) - np.mean(s0 ** 2))
    return mu0, tau2


def ewma_coefficients(n_all, start, i, lam):
    """z_i - mu0_hat (monitored point i = 0, 1, ...) as coefficients on all n_all points of the series."""
    c = np.zeros(n_all)
    for j in range(i + 1):
        c[start + j] = lam * (1 - lam) ** (i - j)
    c[:start] -= (1 - (1 - lam) ** (i + 1)) / start if start > 0 else 0.0
    return c


def deviation_coefficients(n_all, start, i):
    """x_i - mu0_hat (monitored point i) as coefficients on all n_all points of the series."""
    c = np.zeros(n_all)
    c[start + i] = 1.0
    c[:start] -= 1.0 / start if start > 0 else 0.0
    return c


def ewma(x, sd, mu0, lam, L):
    x = np.asarray(x, float)
    n = len(x)
    z = np.empty(n)
    prev = mu0
    for i in range(n):
        z[i] = lam * x[i] + (1 - lam) * prev
        prev = z[i]
    lcl, ucl = mu0 - L * sd, mu0 + L * sd
    state = np.where(z > ucl, 1, np.where(z < lcl, -1, 0))
    signals = [(i, "up" if state[i] > 0 else "down") for i in range(n)
               if state[i] != 0 and (i == 0 or state[i - 1] != state[i])]
    return z, sd, lcl, ucl, signals


def cusum(x, sd, mu0, k, h):
    y = (np.asarray(x, float) - mu0) / np.asarray(sd, float)
    cp, cm, np_, nm = 0.0, 0.0, 0, 0
    C_plus, C_minus, signals = [], [], []
    for i, yi in enumerate(y):
        cp = max(0.0, yi - k + cp)
        cm = max(0.0, -k - yi + cm)
        np_ = np_ + 1 if cp > 0 else 0
        nm = nm + 1 if cm > 0 else 0
        C_plus.append(cp)
        C_minus.append(cm)
        if cp > h or cm > h:
            up = cp > h
            signals.append((i, "up" if up else "down", i - (np_ if up else nm) + 1))
            cp, cm, np_, nm = 0.0, 0.0, 0, 0
    return y, np.array(C_plus), np.array(C_minus), signals


def report(name, x, se, k=4, mu0=None, tau2=None, lam=0.2, L=3.0, kk=0.5, h=4.0):
    x = np.asarray(x, float)
    se = np.zeros(len(x)) if se is None else np.asarray(se, float)
    if mu0 is None:
        mu0, tau2 = baseline(x, se, k)
        start = k
    else:
        start = 0
    n_all = len(x)
    cov = np.diag(tau2 + se ** 2)  # independent points, each with variance tau^2 + SE^2
    xm, m = x[start:], n_all - start
    ewma_sd = np.array([np.sqrt(c @ cov @ c) for c in (ewma_coefficients(n_all, start, i, lam) for i in range(m))])
    cusum_sd = np.array([np.sqrt(c @ cov @ c) for c in (deviation_coefficients(n_all, start, i) for i in range(m))])

    # Cross-check: the same variances from the recursion plus (1 - (1-lambda)^t)^2 Var(mu0_hat), Var(mu0_hat) = (tau^2 + mean SE^2)/k.
    var_mu = (tau2 + np.mean(se[:start] ** 2)) / start if start > 0 else 0.0
    sigma2 = tau2 + se[start:] ** 2
    recursion = np.array([sum(lam ** 2 * (1 - lam) ** (2 * (i - j)) * sigma2[j] for j in range(i + 1)) for i in range(m)])
    assert np.allclose(ewma_sd ** 2, recursion + (1 - (1 - lam) ** np.arange(1, m + 1)) ** 2 * var_mu, rtol=1e-12, atol=1e-12)
    assert np.allclose(cusum_sd ** 2, sigma2 + var_mu, rtol=1e-12, atol=1e-12)

    print(f"\n## {name}: baseline points {start}, lambda={lam}, L={L}, k={kk}, h={h}")
    show(f"{name} baseline mu0,tau,var(mu0)", [mu0, np.sqrt(tau2), var_mu])
    z, sd, lcl, ucl, es = ewma(xm, ewma_sd, mu0, lam, L)
    show(f"{name} ewma z", z)
    show(f"{name} ewma sd", sd)
    show(f"{name} ewma lcl", lcl)
    show(f"{name} ewma ucl", ucl)
    print(f"{name} ewma signals (series index, direction): " + ", ".join(f"{i + start} {d}" for i, d in es))
    y, cp, cm, cs = cusum(xm, cusum_sd, mu0, kk, h)
    show(f"{name} cusum y", y)
    show(f"{name} cusum C+", cp)
    show(f"{name} cusum C-", cm)
    print(f"{name} cusum signals (series index, direction, change start index): "
          + ", ".join(f"{i + start} {d} {c + start}" for i, d, c in cs))


print(f"# numpy {np.__version__}")

# Closed-form variance with a constant sigma equals Montgomery's exact-variance formula (section 9.2.1).
lam, s2 = 0.2, 2.5
for i in range(1, 9):
    closed = sum(lam ** 2 * (1 - lam) ** (2 * (i - j)) * s2 for j in range(1, i + 1))
    assert abs(closed - s2 * lam / (2 - lam) * (1 - (1 - lam) ** (2 * i))) < 1e-12

# A: NPS-like series with standard errors; baseline sample variance below the sampling variance (tau = 0);
# an upward shift from index 6, large enough for the CUSUM to signal, reset and signal again.
report("A",
       [42.0, 44.5, 40.8, 43.1, 41.7, 45.0, 48.9, 50.2, 51.5, 49.8, 52.4, 53.0],
       [2.1, 2.3, 2.0, 2.2, 2.4, 2.1, 2.0, 2.2, 2.3, 2.1, 2.0, 2.2])

# B: noisy baseline (tau > 0), a downward drift; lambda 0.3, L 2.8, k 0.25, h 3.
report("B",
       [30.0, 36.0, 28.5, 34.5, 31.0, 29.5, 26.0, 24.5, 27.0, 22.0, 21.5, 23.0],
       [1.5, 1.6, 1.4, 1.5, 1.6, 1.5, 1.4, 1.6, 1.5, 1.5, 1.4, 1.6],
       lam=0.3, L=2.8, kk=0.25, h=3.0)

# M: the data of Montgomery's CUSUM and EWMA examples (sections 9.1.2 and 9.2.1; 30 observations, the first 20 from
# N(10, 1), the last 10 from N(11, 1)), known mu0 = 10 and sigma = 1. As in the book: the tabular CUSUM with k = 0.5,
# h = 5 signals at period 29 (index 28) with C+ = 5.28 and N+ = 7, so the shift began after period 22. The EWMA uses
# the book's lambda = 0.1, L = 2.7.
montgomery = [9.45, 7.99, 9.29, 11.66, 12.16, 10.18, 8.04, 11.46, 9.20, 10.34,
              9.03, 11.47, 10.51, 9.40, 10.08, 9.37, 10.62, 10.31, 8.52, 10.84,
              10.90, 9.33, 12.29, 11.50, 10.60, 11.08, 10.38, 11.62, 11.31, 10.52]
report("M", montgomery, None, mu0=10.0, tau2=1.0, lam=0.1, L=2.7, kk=0.5, h=5.0)


# Limits for a stated false-alarm rate (ControlCharts.EwmaWidthFor and CusumLimitFor).
def cusum_max(rng, reps, m, k, b):
    """M = max over the m monitored points of max(C+, C-) for `reps` in-control series (SE = 1, tau = 0)."""
    if b > 0:
        base = rng.standard_normal((reps, b))
        mu = base.mean(axis=1)
        tau2 = np.maximum(0.0, base.var(axis=1, ddof=1) - 1.0)
        sd = np.sqrt(tau2 + 1.0 + (tau2 + 1.0) / b)
    else:
        mu, sd = np.zeros(reps), np.ones(reps)
    cp, cm, M = np.zeros(reps), np.zeros(reps), np.zeros(reps)
    for _ in range(m):
        y = (rng.standard_normal(reps) - mu) / sd
        cp = np.maximum(0.0, y - k + cp)
        cm = np.maximum(0.0, -k - y + cm)
        M = np.maximum(M, np.maximum(cp, cm))
    return M


print("\n## Limits for a stated false-alarm rate alpha over m monitored points")
rng = np.random.default_rng(7)
for alpha, m, kk, b in [(0.05 / 6, 8, 0.5, 4), (0.01, 4, 0.5, 4), (0.05, 20, 0.5, 0)]:
    L = NormalDist().inv_cdf(1 - alpha / (2 * m))
    M = cusum_max(rng, 1_000_000, m, kk, b)
    h = float(np.quantile(M, 1 - alpha))
    print(f"limits alpha={alpha!r} m={m} k={kk} baseline={b}: ewma L {L!r}, cusum h {h!r}")
