#!/usr/bin/python3
"""Reference values for Fulcrum.Core.Statistics tests.

Run with Debian's interpreter (needs python3-statsmodels, python3-scipy):

    /usr/bin/python3 tests/Fulcrum.Core.Tests/Reference/stats_reference.py \
        > tests/Fulcrum.Core.Tests/Reference/stats_reference.txt

The printed numbers are hard-coded in the C# tests (tests/Fulcrum.Core.Tests/Statistics/*).
Every fixture here is fixed; the script uses no randomness.
"""
import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.proportion import (
    proportion_confint, confint_proportions_2indep, test_proportions_2indep, proportions_ztest)
from statsmodels.stats.multitest import multipletests
from statsmodels.stats.weightstats import CompareMeans, DescrStatsW


def show(label, *values):
    print(label + ": " + ", ".join(repr(float(v)) for v in values))


print(f"# numpy {np.__version__}, scipy {scipy.__version__}, statsmodels {statsmodels.__version__}")

print("\n## Single proportion: statsmodels proportion_confint (wilson, beta = Clopper-Pearson)")
for x, n, alpha in [(81, 263, 0.05), (15, 148, 0.05), (0, 20, 0.05), (20, 20, 0.05),
                    (7, 50, 0.10), (412, 1204, 0.05)]:
    show(f"wilson x={x} n={n} alpha={alpha}", *proportion_confint(x, n, alpha=alpha, method="wilson"))
    show(f"beta   x={x} n={n} alpha={alpha}", *proportion_confint(x, n, alpha=alpha, method="beta"))

print("\n## Two proportions: confint_proportions_2indep(method='newcomb'); pooled z-test via proportions_ztest;")
print("## test_proportions_2indep(method='score') is the same statistic times sqrt((N-1)/N), N = n1 + n2")
print("## (statsmodels 0.13.5 always applies the Miettinen-Nurminen N/(N-1) variance factor for 'diff')")
for x1, n1, x2, n2 in [(56, 70, 48, 80), (9, 10, 3, 10), (6, 7, 2, 7), (5, 56, 0, 29), (30, 100, 30, 100)]:
    lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")
    z2, p2 = proportions_ztest([x1, x2], [n1, n2])
    show(f"newcomb {x1}/{n1} - {x2}/{n2} diff,lo,hi", x1 / n1 - x2 / n2, lo, hi)
    show(f"ztest   {x1}/{n1} - {x2}/{n2} z,p (proportions_ztest, pooled)", z2, p2)
    if x2 > 0:
        t = test_proportions_2indep(x1, n1, x2, n2, method="score", compare="diff")
        show(f"ztest   {x1}/{n1} - {x2}/{n2} z,p (test_proportions_2indep score, MN-corrected)",
             t.statistic, t.pvalue)

print("\n## Risk ratio, Katz log interval: confint_proportions_2indep(compare='ratio', method='log')")
for x1, n1, x2, n2 in [(56, 70, 48, 80), (15, 148, 30, 150)]:
    lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method="log", compare="ratio")
    show(f"ratio {x1}/{n1} / {x2}/{n2} rr,lo,hi", (x1 / n1) / (x2 / n2), lo, hi)
# zero cell: Haldane-Anscombe, 0.5 added to every cell of the 2x2 table (count+0.5, n+1), numpy
x1, n1, x2, n2 = 5, 56, 0, 29
a, b, c, d = x1 + .5, n1 - x1 + .5, x2 + .5, n2 - x2 + .5
rr = (a / (a + b)) / (c / (c + d))
se = np.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d))
z = stats.norm.ppf(0.975)
show(f"ratio {x1}/{n1} / {x2}/{n2} haldane rr,lo,hi", rr, rr * np.exp(-z * se), rr * np.exp(z * se))

print("\n## Means: scipy t interval, statsmodels CompareMeans (Welch), scipy ttest_ind(equal_var=False)")
a = np.array([5.1, 4.9, 6.2, 5.8, 6.0, 5.5, 5.3, 6.1, 4.7, 5.9])
b = np.array([4.2, 4.8, 5.0, 4.5, 5.2, 4.1, 4.9, 5.3, 4.4, 4.6, 4.0, 5.1])
for name, x in [("a", a), ("b", b)]:
    sem = stats.sem(x)
    show(f"mean {name} mean,lo,hi,se (95%)", x.mean(), *stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=sem), sem)
    show(f"var {name} (ddof=1)", x.var(ddof=1))
show("mean a mean,lo,hi (90%)", a.mean(), *stats.t.interval(0.90, len(a) - 1, loc=a.mean(), scale=stats.sem(a)))
res = stats.ttest_ind(a, b, equal_var=False)
cm = CompareMeans(DescrStatsW(a), DescrStatsW(b))
tstat, pval, df = cm.ttest_ind(usevar="unequal")
lo, hi = cm.tconfint_diff(alpha=0.05, usevar="unequal")
show("welch a-b diff,lo,hi", a.mean() - b.mean(), lo, hi)
show("welch a-b t,p (scipy)", res.statistic, res.pvalue)
show("welch a-b t,p,df (statsmodels)", tstat, pval, df)
show("welch a-b se", cm.std_meandiff_separatevar)

print("\n## Benjamini-Hochberg: statsmodels multipletests(method='fdr_bh')")
bh95 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459,
        0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.000]
rej, q, _, _ = multipletests(bh95, alpha=0.05, method="fdr_bh")
show("bh1995 q", *q)
print("bh1995 reject at 0.05: " + ", ".join(str(bool(r)) for r in rej))
mixed = [0.04, 0.001, 0.03, 0.04, 0.5, 0.02, 0.9, 0.012]
rej, q, _, _ = multipletests(mixed, alpha=0.05, method="fdr_bh")
show("mixed q", *q)
print("mixed reject at 0.05: " + ", ".join(str(bool(r)) for r in rej))

print("\n## NPS with trinomial variance var(NPS/100) = (pP + pD - (pP - pD)^2) / n, normal interval (numpy)")
z = stats.norm.ppf(0.975)


def nps(P, Pa, D, n_var=None):
    n = P + Pa + D
    pP, pD = P / n, D / n
    v = (pP + pD - (pP - pD) ** 2) / n
    se = 100 * np.sqrt(v)
    val = 100 * (pP - pD)
    return val, se


for label, (P, Pa, D) in [("A", (512, 398, 294)), ("B", (430, 410, 360)), ("C", (12, 5, 3))]:
    val, se = nps(P, Pa, D)
    show(f"nps {label} P={P} Pa={Pa} D={D} nps,lo,hi,se", val, val - z * se, val + z * se, se)
val, se = nps(12, 5, 3)
z90 = stats.norm.ppf(0.95)
show("nps C 90% lo,hi", val - z90 * se, val + z90 * se)
va, sa = nps(512, 398, 294)
vb, sb = nps(430, 410, 360)
d = va - vb
sd = np.hypot(sa, sb)
zz = d / sd
show("nps A-B diff,lo,hi,se,z,p", d, d - z * sd, d + z * sd, sd, zz, 2 * stats.norm.sf(abs(zz)))

# all promoters: variance is 0, so the variance uses 1 pseudo-response per category (n+3)
P, Pa, D = 25, 0, 0
n = P + Pa + D
pP_, pD_ = (P + 1) / (n + 3), (D + 1) / (n + 3)
se = 100 * np.sqrt((pP_ + pD_ - (pP_ - pD_) ** 2) / (n + 3))
show("nps all-promoters P=25 se (pseudo-count variance)", se)
show("nps all-promoters P=25 lo (upper clipped at 100)", 100 - z * se)

# weighted NPS, Kish effective sample size n_eff = (sum w)^2 / sum w^2
scores = np.array([10, 9, 9, 8, 7, 6, 3, 10, 0, 5, 9, 10, 7, 8, 2, 9])
weights = np.array([1.0, 2.5, 0.5, 1.0, 3.0, 1.5, 0.8, 1.2, 2.0, 0.7, 1.0, 4.0, 0.3, 1.1, 0.9, 2.2])
w = weights / weights.sum()
pP = w[scores >= 9].sum()
pD = w[scores <= 6].sum()
n_eff = weights.sum() ** 2 / (weights ** 2).sum()
se = 100 * np.sqrt((pP + pD - (pP - pD) ** 2) / n_eff)
val = 100 * (pP - pD)
show("nps weighted nps,lo,hi,se,n_eff", val, val - z * se, val + z * se, se, n_eff)

print("\n## Percentile interval, type 7 (numpy.percentile, linear interpolation)")
reps = [3.2, 1.5, 4.8, 2.2, 9.1, 0.4, 5.5, 6.0, 2.9, 7.3, 1.1]
show("percentile 95% lo,hi", *np.percentile(reps, [2.5, 97.5]))
show("percentile 80% lo,hi", *np.percentile(reps, [10, 90]))

print("\n## SplitMix64 (Vigna's splitmix64.c), first 5 outputs from state 1234567, and FNV-1a 64")
M = (1 << 64) - 1


def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        yield z ^ (z >> 31)


g = splitmix64(1234567)
print("splitmix64 1234567: " + ", ".join(str(next(g)) for _ in range(5)))


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001B3) & M
    return h


print("fnv1a64 '': " + str(fnv1a64("")) + ", 'a': " + str(fnv1a64("a")) + ", 'foobar': " + str(fnv1a64("foobar")))
g = splitmix64(0)
print("splitmix64 0: " + ", ".join(str(next(g)) for _ in range(3)))
