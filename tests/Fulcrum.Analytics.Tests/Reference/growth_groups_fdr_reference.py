"""Reference values for GrowthCheckGroupFdrTests: the growth-check's group q-values (Benjamini-Hochberg across the groups).

The decomposition's groups each test their own change between the periods (the p-values below are Fulcrum's, for the
six segments the test builds; the test checks them too, so this script and the test read the same tests). Their
statements ("Hidden under growth: within segment ...") must use the false-discovery-rate-adjusted q of these p-values,
as the scan's segments do: statsmodels multipletests(method="fdr_bh") gives them.

Run: /usr/bin/python3 growth_groups_fdr_reference.py   (needs Debian's python3-statsmodels)
"""
from statsmodels.stats.multitest import multipletests

p_values = {  # segment -> two-sided p of its NPS change from 2023 to 2024
    "Flat": 1.0,
    "Mild": 0.1615764753878297,
    "Rise": 6.222335793282241e-07,
    "Sharp": 0.00044126122787946365,
    "Slight": 0.2871931615765626,
    "Steep": 0.037041587054876146,
}

reject, q, _, _ = multipletests(list(p_values.values()), alpha=0.05, method="fdr_bh")
for (group, p), q_value, rejected in zip(p_values.items(), q, reject):
    print(f"{group}: p = {p!r}, q = {q_value!r}, rejected at FDR 0.05: {rejected}")
