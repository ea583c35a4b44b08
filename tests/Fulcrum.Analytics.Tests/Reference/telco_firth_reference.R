# Reference values for Firth's logistic regression on IBM Telco (TelcoLogisticReferenceTests).
# Run: Rscript telco_firth_reference.R ../../../../shared/data/telco-churn-ibm-extended > telco_firth_reference.txt
# Needs Debian's r-cran-brglm2 (apt-get install r-cran-brglm2). brglmFit with type "AS_mean" is Firth's (1993)
# bias-reduced estimator, identical to logistf for the logit link. Plain glm() on the same data diverges (separation).
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages(library(brglm2))
status <- read.csv(file.path(args[1], "Telco_customer_churn_status.csv"), check.names = FALSE)
services <- read.csv(file.path(args[1], "Telco_customer_churn_services.csv"), check.names = FALSE)
d <- merge(status, services, by = "Customer ID")
d$churn <- d[["Churn Value"]]
d$score <- d[["Satisfaction Score"]]
d$tenure <- d[["Tenure in Months"]]
firth <- glm(churn ~ score + tenure, family = binomial, data = d, method = "brglmFit", type = "AS_mean",
             control = brglmControl(epsilon = 1e-12, maxit = 500))
ml <- suppressWarnings(glm(churn ~ score + tenure, family = binomial, data = d))
cat(sprintf("n %d\n", nrow(d)))
s <- summary(firth)$coefficients
for (name in rownames(s)) cat(sprintf("%s %.10f %.10f\n", name, s[name, 1], s[name, 2]))
cat(sprintf("ml_score_coefficient %.4f ml_score_se %.4f ml_converged %s\n",
            coef(ml)["score"], summary(ml)$coefficients["score", 2], ml$converged))
