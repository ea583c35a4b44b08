"""Reference values for the user-stated model on IBM Telco (UserModelTelcoTests).

Run: /usr/bin/python3 telco_user_model_reference.py ../../../../shared/data/telco-churn-ibm-extended > telco_user_model_reference.txt
Needs Debian's python3-statsmodels (apt-get install python3-statsmodels).
Model: `fulcrum model "churn ~ attr:Tenure in Months + attr:Monthly Charge + attr:Number of Referrals + C(attr:Contract)"`,
one row per customer (all 7,043; churn = the status file's Churn Value), statsmodels Logit (Newton, tolerance tightened).
Average marginal effects: statsmodels get_margeff (overall, dydx) for the numeric terms; for each contract level the mean
of p(level) - p(Month-to-Month) over all customers with its delta-method standard error (statsmodels' dummy option
switches one indicator at a time, which for a three-level factor is not the contrast against the baseline).
"""
import csv, sys, os
import numpy as np
import statsmodels.api as sm

folder = sys.argv[1]
def read(name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8-sig") as f:
        return {row["Customer ID"]: row for row in csv.DictReader(f)}
status, services = read("Telco_customer_churn_status.csv"), read("Telco_customer_churn_services.csv")
ids = sorted(status)
y = np.array([float(status[i]["Churn Value"]) for i in ids])
X = np.array([[1.0,
               float(services[i]["Tenure in Months"]),
               float(services[i]["Monthly Charge"]),
               float(services[i]["Number of Referrals"]),
               1.0 if services[i]["Contract"] == "One Year" else 0.0,
               1.0 if services[i]["Contract"] == "Two Year" else 0.0] for i in ids])
names = ["intercept", "tenure", "monthly_charge", "referrals", "one_year", "two_year"]
fit = sm.Logit(y, X).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
print(f"n {len(y)}")
print(f"events {int(y.sum())}")
for name, b, se in zip(names, fit.params, fit.bse):
    print(f"coef_{name} {b:.10f} {se:.10f}")

margeff = fit.get_margeff(at="overall", method="dydx")
for name, ame, se in zip(names[1:4], margeff.margeff[:3], margeff.margeff_se[:3]):
    print(f"ame_{name} {ame:.10f} {se:.10f}")

def prob(m):
    return 1 / (1 + np.exp(-m @ fit.params))
cov = fit.cov_params()
for column, name in [(4, "one_year"), (5, "two_year")]:
    x0 = X.copy(); x0[:, 4:6] = 0
    x1 = x0.copy(); x1[:, column] = 1
    p0, p1 = prob(x0), prob(x1)
    grad = ((p1 * (1 - p1))[:, None] * x1 - (p0 * (1 - p0))[:, None] * x0).mean(axis=0)
    print(f"ame_{name} {(p1 - p0).mean():.10f} {np.sqrt(grad @ cov @ grad):.10f}")
