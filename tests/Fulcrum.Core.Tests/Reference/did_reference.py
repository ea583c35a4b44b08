#!/usr/bin/python3
"""Reference values for ClusteredLeastSquares (difference-in-differences / event study with absorbed account effects).

Run with Debian's interpreter (needs python3-statsmodels, python3-pandas):

    /usr/bin/python3 tests/Fulcrum.Core.Tests/Reference/did_reference.py > tests/Fulcrum.Core.Tests/Reference/did_reference.txt

The fixture is deterministic (no random generator), built by the same formulas in ClusteredLeastSquaresTests: 24 accounts
over 6 quarters, accounts 0-9 treated from quarter 3, an unbalanced panel (account a skips quarter a % 6 when a % 4 == 0),
weights 1 + 0.5 * (a % 3) for controls. statsmodels fits the same models with explicit account and quarter dummies (WLS,
cov_type="cluster" by account); Fulcrum absorbs the account dummies instead, which must give the same numbers.
"""
import pandas as pd
import statsmodels.formula.api as smf

rows = []
for a in range(24):
    for t in range(6):
        if a % 4 == 0 and t == a % 6:
            continue
        treated = a < 10
        noise = ((a * 37 + t * 11) % 17 - 8) / 4.0
        products = 2 if (a % 5 == 0 and t >= 2) else 1
        k = t - 3
        effect = (1.5 + 0.5 * k) if (treated and k >= 0) else 0.0
        y = 10 + 0.3 * a + 0.8 * t + 1.2 * (products == 2) + effect + noise
        w = 1.0 if treated else 1 + 0.5 * (a % 3)
        rows.append(dict(a=a, t=t, y=y, w=w, post=float(treated and t >= 3), p2=float(products == 2),
                         lag0=float(treated and k == 0), lag1=float(treated and k == 1), lag2=float(treated and k == 2),
                         lead2=float(treated and k == -2), lead3=float(treated and k == -3)))
df = pd.DataFrame(rows)

static = smf.wls("y ~ C(a) + C(t) + post + p2", data=df, weights=df.w).fit(cov_type="cluster", cov_kwds={"groups": df.a})
event = smf.wls("y ~ C(a) + C(t) + lag0 + lag1 + lag2 + lead2 + lead3 + p2", data=df, weights=df.w).fit(
    cov_type="cluster", cov_kwds={"groups": df.a})
print(f"statsmodels n={len(df)}")
for name in ["post", "p2"]:
    print(f"static {name} {static.params[name]!r} {static.bse[name]!r}")
for name in ["lag0", "lag1", "lag2", "lead2", "lead3", "p2"]:
    print(f"event {name} {event.params[name]!r} {event.bse[name]!r}")
wald = event.wald_test("lead2 = 0, lead3 = 0", use_f=False, scalar=True)
print(f"event wald leads {float(wald.statistic)!r} {float(wald.pvalue)!r}")
cov = event.cov_params()
print(f"event cov lag0 lag1 {cov.loc['lag0', 'lag1']!r}")
