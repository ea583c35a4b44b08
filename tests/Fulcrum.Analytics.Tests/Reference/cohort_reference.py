#!/usr/bin/python3
"""Reference values for the product-transition (cohort) tests.

Run with Debian's interpreter (needs python3-scipy, python3-dateutil):

    /usr/bin/python3 tests/Fulcrum.Analytics.Tests/Reference/cohort_reference.py \
        > tests/Fulcrum.Analytics.Tests/Reference/cohort_reference.txt

The fixture below is the same small company that ProductTransitionFixture (tests/Fulcrum.Analytics.Tests/Cohorts)
inserts into an in-memory store. Everything is recomputed here from the definitions, without SQL, so the C# tests
check the SQL and the statistics against an independent implementation. Bootstrap intervals are not reproduced
(a different random generator); their point values are.
"""
from datetime import date, timedelta

import scipy
from dateutil.relativedelta import relativedelta
from scipy import stats

WINDOW = relativedelta(months=12)
DAYS_PER_QUARTER = 365.25 / 4
COST_PER_AGENT_HOUR, OTHER_COST_PER_TICKET = 45.0, 4.0
D = date.fromisoformat

accounts = {  # id: (segment, region)
    "A1": ("Enterprise", "EMEA"), "A2": ("Enterprise", "EMEA"), "A3": ("Enterprise", "EMEA"),
    "A4": ("Mid-Market", "EMEA"), "A5": ("Enterprise", "EMEA"), "A6": ("Enterprise", "EMEA"),
    "A7": ("Enterprise", "EMEA"), "A8": ("Enterprise", "EMEA"),
}
subscriptions = [  # account, product, start, end (None = open), arr
    ("A1", "Core", D("2023-01-01"), None, 100000), ("A1", "Analytics", D("2024-01-01"), None, 30000),
    ("A2", "Core", D("2023-01-15"), D("2024-06-01"), 80000), ("A2", "Automation", D("2023-07-01"), D("2024-06-01"), 20000),
    ("A3", "Core", D("2023-05-15"), None, 60000), ("A3", "Connect", D("2023-06-01"), None, 10000),
    ("A4", "Core", D("2023-01-01"), None, 50000), ("A4", "Analytics", D("2023-01-01"), None, 15000),
    ("A4", "Automation", D("2024-01-01"), None, 10000),
    ("A5", "Core", D("2022-01-01"), None, 90000),
    ("A6", "Core", D("2022-06-01"), D("2024-03-01"), 70000),
    ("A7", "Core", D("2022-03-01"), None, 120000),
    ("A8", "Core", D("2023-01-01"), None, 40000), ("A8", "Analytics", D("2023-10-01"), None, 10000),
]
responses = [  # account, day, nps
    ("A1", D("2023-03-01"), 10), ("A1", D("2023-06-01"), 9), ("A1", D("2023-09-01"), 8),
    ("A1", D("2024-03-01"), 6), ("A1", D("2024-06-01"), 7), ("A1", D("2025-03-01"), 0),
    ("A2", D("2023-03-15"), 9), ("A2", D("2023-09-15"), 5), ("A2", D("2024-02-15"), 10),
    ("A3", D("2023-08-01"), 3),
    ("A4", D("2023-05-01"), 8), ("A4", D("2024-05-01"), 4),
    ("A5", D("2022-09-01"), 9), ("A5", D("2023-03-01"), 9), ("A5", D("2023-09-01"), 8),
    ("A5", D("2024-03-01"), 7), ("A5", D("2024-09-01"), 9),
    ("A6", D("2023-02-01"), 10), ("A6", D("2023-08-01"), 6),
    ("A7", D("2023-05-01"), 10), ("A7", D("2023-10-01"), 9), ("A7", D("2024-05-01"), 8),
]
tickets = (  # account, day, handle minutes
    [("A1", D(d), 30.0) for d in ["2023-02-10", "2023-05-10", "2023-08-10", "2023-11-10"]]
    + [("A1", D(d), 45.0) for d in ["2024-02-10", "2024-03-10", "2024-05-10", "2024-06-10",
                                     "2024-08-10", "2024-09-10", "2024-11-10", "2024-12-10"]]
    + [("A2", D(d), 20.0) for d in ["2023-04-01", "2023-08-01", "2023-12-01"]]
    + [("A5", D("2023-01-10"), 10.0), ("A5", D("2025-06-30"), 10.0)]
)
outcomes = [  # account, day, kind, arr_before
    ("A1", D("2023-07-01"), "renewal", 100000), ("A1", D("2024-01-01"), "expansion", 100000),
    ("A1", D("2024-07-01"), "renewal", 130000),
    ("A2", D("2023-07-01"), "expansion", 80000), ("A2", D("2024-06-01"), "churn", 100000),
    ("A5", D("2023-01-01"), "renewal", 90000), ("A5", D("2024-01-01"), "contraction", 90000),
    ("A6", D("2023-06-01"), "renewal", 70000), ("A6", D("2024-03-01"), "churn", 70000),
    ("A7", D("2023-03-01"), "renewal", 120000), ("A7", D("2024-03-01"), "expansion", 120000),
]


def held(account, day):
    return len({p for a, p, s, e, _ in subscriptions if a == account and s <= day and (e is None or e >= day)})


def arr_on(account, day):
    return sum(arr for a, _, s, e, arr in subscriptions if a == account and s <= day and (e is None or e >= day))


def transition(account, k):
    """First day holding more than k products, if the account held exactly k the day before."""
    days = sorted({s for a, _, s, _, _ in subscriptions if a == account})
    first = next((d for d in days if held(account, d) > k), None)
    return first if first is not None and held(account, first - timedelta(days=1)) == k else None


def held_from(account, k):
    """First day the account held at least k products."""
    return min(d for d in sorted({s for a, _, s, _, _ in subscriptions if a == account}) if held(account, d) >= k)


def window_start(account, anchor, k=1):
    """Before = [anchor - 12 months, anchor), but not before the account first held k products."""
    return max(anchor - WINDOW, held_from(account, k))


def quarter(d):
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def band(arr):
    return ("(no ARR)" if arr <= 0 else "<10k" if arr < 10000 else "10k-50k" if arr < 50000 else "50k-250k" if arr < 250000
            else "250k-1M" if arr < 1000000 else "1M+")


def is_decision(account, day, kind):
    if kind in ("renewal", "churn", "contraction"):
        return True
    # an expansion is a renewal decision unless the account started a product that day it did not hold the day before
    started = {p for a, p, s, _, _ in subscriptions if a == account and s == day}
    held_before = {p for a, p, s, e, _ in subscriptions if a == account and s < day and (e is None or e >= day - timedelta(days=1))}
    return not (started - held_before)


decisions = [(a, d, k == "churn", arr) for a, d, k, arr in outcomes if is_decision(a, d, k)]


def stayed(account, k, start, end):
    """Held exactly k products on `start` (a window's anchor) and never more than k on any day in [window_start, end)."""
    return held(account, start) == k and all(held(account, start + timedelta(days=i)) <= k
                                             for i in range(-(start - (start - WINDOW)).days, (end - start).days))


def nps(side):
    n = len(side)
    return 100.0 * (sum(s >= 9 for s in side) - sum(s <= 6 for s in side)) / n


def t_interval(values):
    n = len(values)
    mean = sum(values) / n
    sd = (sum((v - mean) ** 2 for v in values) / (n - 1)) ** 0.5
    se = sd / n ** 0.5
    crit = stats.t.ppf(0.975, n - 1)
    p = 2 * stats.t.sf(abs(mean / se), n - 1) if se > 0 else float("nan")
    return mean, mean - crit * se, mean + crit * se, p


def show(label, *values):
    print(label + ": " + ", ".join(repr(float(v)) if not isinstance(v, str) else v for v in values))


print(f"# scipy {scipy.__version__}; window 12 months")
cohort = {a: transition(a, 1) for a in sorted(accounts) if transition(a, 1)}
print("cohort 1->2: " + ", ".join(f"{a} {t}" for a, t in cohort.items()))
print("cohort 2->3: " + ", ".join(f"{a} {transition(a, 2)}" for a in sorted(accounts) if transition(a, 2)))

# NPS, paired
sides = {}
for a, t in cohort.items():
    before = [s for x, d, s in responses if x == a and window_start(a, t) <= d < t]
    after = [s for x, d, s in responses if x == a and t <= d < t + WINDOW]
    sides[a] = (before, after)
paired = [a for a in cohort if sides[a][0] and sides[a][1]]
print("nps coverage both, before only, after only, neither: "
      f"{len(paired)}, {sum(bool(b) and not f for b, f in sides.values())}, "
      f"{sum(bool(f) and not b for b, f in sides.values())}, {sum(not b and not f for b, f in sides.values())}")
pooled_before = [s for a in paired for s in sides[a][0]]
pooled_after = [s for a in paired for s in sides[a][1]]
show("nps before, after, difference", nps(pooled_before), nps(pooled_after), nps(pooled_after) - nps(pooled_before))
diffs = [sum(sides[a][1]) / len(sides[a][1]) - sum(sides[a][0]) / len(sides[a][0]) for a in paired]
show("mean score difference, lower, upper, p (paired t)", *t_interval(diffs))

# NPS net of comparable accounts (difference in differences), strata segment | region | month of the transition
strata = {}
for a in paired:
    t = cohort[a]
    key = (*accounts[a], date(t.year, t.month, 1))
    strata.setdefault(key, {"cohort": [], "comparable": []})["cohort"].append(sides[a])
for key, rows in strata.items():
    m = key[2]
    for c in sorted(accounts):
        if accounts[c] != key[:2] or not stayed(c, 1, m, m + WINDOW):
            continue
        before = [s for x, d, s in responses if x == c and window_start(c, m) <= d < m]
        after = [s for x, d, s in responses if x == c and m <= d < m + WINDOW]
        if before and after:
            rows["comparable"].append((before, after))
        print(f"nps comparable {c} for {m}: before {before}, after {after}")
usable = {k: v for k, v in strata.items() if v["comparable"]}
weights = {k: sum(len(b) + len(f) for b, f in v["cohort"]) for k, v in usable.items()}
expected = sum(weights[k] * (nps([s for _, f in v["comparable"] for s in f]) - nps([s for b, _ in v["comparable"] for s in b]))
               for k, v in usable.items()) / sum(weights.values())
cohort_change = (nps([s for v in usable.values() for _, f in v["cohort"] for s in f])
                 - nps([s for v in usable.values() for b, _ in v["cohort"] for s in b]))
show("nps trend: cohort change, comparable change, difference in differences", cohort_change, expected, cohort_change - expected)

# Contacts: tickets per quarter of customer days with ticket data, at least 30 days on each side
first_ticket, last_ticket = min(d for _, d, _ in tickets), max(d for _, d, _ in tickets)
rows = []
for a, t in cohort.items():
    customer_from = min(s for x, _, s, _, _ in subscriptions if x == a)
    ends = [e for x, _, _, e, _ in subscriptions if x == a]
    customer_to = None if None in ends else max(ends)
    before_from = max(window_start(a, t), customer_from, first_ticket)
    after_to = min(x for x in [t + WINDOW, last_ticket + timedelta(days=1),
                               customer_to + timedelta(days=1) if customer_to else None] if x is not None)
    days_before, days_after = max((t - before_from).days, 0), max((after_to - t).days, 0)
    tb = [(d, m) for x, d, m in tickets if x == a and before_from <= d < t]
    ta = [(d, m) for x, d, m in tickets if x == a and t <= d < after_to]
    print(f"contacts {a}: days {days_before}/{days_after}, tickets {len(tb)}/{len(ta)}, minutes {sum(m for _, m in tb)}/{sum(m for _, m in ta)}")
    rows.append((a, days_before, days_after, tb, ta))
ok = [r for r in rows if r[1] >= 30 and r[2] >= 30]
print(f"contacts coverage both, before only, after only, neither: {len(ok)}, "
      f"{sum(r[1] >= 30 > r[2] for r in rows)}, {sum(r[2] >= 30 > r[1] for r in rows)}, {sum(r[1] < 30 and r[2] < 30 for r in rows)}")
rate_b = [len(tb) / db * DAYS_PER_QUARTER for _, db, _, tb, _ in ok]
rate_a = [len(ta) / da * DAYS_PER_QUARTER for _, _, da, _, ta in ok]
show("tickets per quarter before: mean, lower, upper", *t_interval(rate_b)[:3])
show("tickets per quarter after: mean, lower, upper", *t_interval(rate_a)[:3])
show("tickets per quarter difference: mean, lower, upper, p", *t_interval([x - y for x, y in zip(rate_a, rate_b)]))
show("tickets relative change", sum(rate_a) / sum(rate_b) - 1)


def cost(side, days):
    return (sum(m for _, m in side) / 60 * COST_PER_AGENT_HOUR + len(side) * OTHER_COST_PER_TICKET) / days * DAYS_PER_QUARTER


cost_diff = [cost(ta, da) - cost(tb, db) for _, db, da, tb, ta in ok]
mean, lower, upper, _ = t_interval(cost_diff)
show("cost per quarter difference: mean, lower, upper", mean, lower, upper)
show("extra cost per year: value, lower, upper", *(4 * len(ok) * x for x in (mean, lower, upper)))

# Churn: renewal decisions; cohort before/after; comparable accounts standardised by segment | ARR band | quarter of T
before = [(a, d, c) for a, d, c, _ in decisions if a in cohort and window_start(a, cohort[a]) <= d < cohort[a]]
after = [(a, d, c) for a, d, c, _ in decisions if a in cohort and cohort[a] <= d < cohort[a] + WINDOW]
print(f"churn before: {sum(c for *_, c in before)}/{len(before)}; after: {sum(c for *_, c in after)}/{len(after)}")
churn_strata = {}
for a, _, c in after:
    t = cohort[a]
    key = (accounts[a][0], band(arr_on(a, t - timedelta(days=1))), quarter(t))
    churn_strata.setdefault(key, {"cohort": [], "comparable": []})["cohort"].append(c)
for key, rows in churn_strata.items():
    q = key[2]
    for c in sorted(accounts):
        if accounts[c][0] != key[0] or band(arr_on(c, q)) != key[1] or held(c, q) != 1:
            continue
        if any(held(c, q + timedelta(days=i)) > 1 for i in range((q + WINDOW - q).days)):
            continue
        mine = [ch for x, d, ch, _ in decisions if x == c and q <= d < q + WINDOW]
        print(f"churn comparable {c} for {q}: {sum(mine)}/{len(mine)}")
        rows["comparable"].extend(mine)
usable = {k: v for k, v in churn_strata.items() if v["comparable"]}
w = {k: len(v["cohort"]) for k, v in usable.items()}
observed = sum(sum(v["cohort"]) for v in usable.values()) / sum(w.values())
standardised = sum(w[k] * sum(v["comparable"]) / len(v["comparable"]) for k, v in usable.items()) / sum(w.values())
show("churn matched cohort, comparable standardised, difference", observed, standardised, observed - standardised)
print(f"churn strata used: {len(usable)}")

# ARR now (as of the last day with a response, ticket or outcome)
as_of = max([d for _, d, _ in responses] + [d for _, d, _ in tickets] + [d for _, d, _, _ in outcomes])
arr_now = sum(arr_on(a, as_of) for a in cohort)
total = sum(arr_on(a, as_of) for a in accounts)
churned = sum(arr for a, d, c, arr in decisions if c and a in cohort and cohort[a] <= d <= as_of)
print(f"as of {as_of}: cohort ARR {arr_now}, active {sum(arr_on(a, as_of) > 0 for a in cohort)}, total ARR {total}, "
      f"share {arr_now / total!r}, churned ARR since transition {churned}")

# TransitionStatistics.PairedMean on a fixed sample of differences: scipy's one-sample t-test and t interval
sample = [1.5, -0.5, 2.0, 3.5, 0.0, 1.0, 2.5, -1.0]
test = stats.ttest_1samp(sample, 0.0)
mean = sum(sample) / len(sample)
lo, hi = stats.t.interval(0.95, len(sample) - 1, loc=mean, scale=stats.sem(sample))
show("paired mean of " + repr(sample) + ": mean, lower, upper, t, p", mean, lo, hi, test.statistic, test.pvalue)
