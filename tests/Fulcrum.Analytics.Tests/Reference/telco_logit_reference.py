"""Reference values for LogisticRegression on IBM Telco (TelcoLogisticReferenceTests).

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

# Satisfaction Score separates churn: show it (statsmodels flags perfect prediction for scores 1-2 and 4-5).
score = np.array([float(status[i]["Satisfaction Score"]) for i in ids])
for s in range(1, 6):
    m = score == s
    print(f"score {s} churned {int(y[m].sum())} of {int(m.sum())}")
