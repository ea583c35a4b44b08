"""Reference values for LogisticRegression on IBM Telco (TelcoLogisticReferenceTests) and for the user-stated model
`fulcrum model "churn ~ attr:Tenure in Months + attr:Monthly Charge + attr:Number of Referrals + C(attr:Contract)"`
(UserModelTelcoTests: the same specification, fitted from the imported store).

Run: /usr/bin/python3 telco_logit_reference.py ../../../../shared/data/telco-churn-ibm-extended > telco_logit_reference.txt
Needs Debian's python3-statsmodels (apt-get install python3-statsmodels).
Specification: Churn Value ~ 1 + Tenure in Months + Monthly Charge + Number of Referrals + One Year + Two Year
(contract dummies against Month-to-Month), one row per customer, statsmodels Logit (Newton), default tolerance tightened.
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
names = ["intercept", "tenure_months", "monthly_charge", "referrals", "contract_one_year", "contract_two_year"]
fit = sm.Logit(y, X).fit(method="newton", tol=1e-12, maxiter=100, disp=0)
print(f"n {len(y)}")
print(f"loglik {fit.llf:.10f}")
for name, b, se in zip(names, fit.params, fit.bse):
    print(f"{name} {b:.10f} {se:.10f}")
print(f"events {int(y.sum())}")

# Average marginal effects: statsmodels get_margeff (overall, dydx) for the numeric terms; for each contract level the
# mean of p(level) - p(Month-to-Month) over all customers with its delta-method standard error (statsmodels' dummy
# option switches one indicator at a time, which for a three-level factor is not the contrast against the baseline).
margeff = fit.get_margeff(at="overall", method="dydx")
for name, ame, se in zip(names[1:4], margeff.margeff[:3], margeff.margeff_se[:3]):
    print(f"ame_{name} {ame:.10f} {se:.10f}")
cov = fit.cov_params()
for column, name in [(4, names[4]), (5, names[5])]:
    x0 = X.copy(); x0[:, 4:6] = 0
    x1 = x0.copy(); x1[:, column] = 1
    p0, p1 = 1 / (1 + np.exp(-x0 @ fit.params)), 1 / (1 + np.exp(-x1 @ fit.params))
    grad = ((p1 * (1 - p1))[:, None] * x1 - (p0 * (1 - p0))[:, None] * x0).mean(axis=0)
    print(f"ame_{name} {(p1 - p0).mean():.10f} {np.sqrt(grad @ cov @ grad):.10f}")

# Satisfaction Score separates churn: show it (statsmodels flags perfect prediction for scores 1-2 and 4-5).
score = np.array([float(status[i]["Satisfaction Score"]) for i in ids])
for s in range(1, 6):
    m = score == s
    print(f"score {s} churned {int(y[m].sum())} of {int(m.sum())}")
