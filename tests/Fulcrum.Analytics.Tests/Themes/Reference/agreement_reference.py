"""Reference values for ClusteringAgreementTests / ClassificationAgreementTests (scikit-learn).

Run: /usr/bin/python3 tests/Fulcrum.Analytics.Tests/Themes/Reference/agreement_reference.py
(needs python3-sklearn). Prints NMI (arithmetic normalisation, sklearn's default), ARI and macro-F1 on small fixtures.
"""
from sklearn.metrics import normalized_mutual_info_score, adjusted_rand_score, f1_score

clusters = [0, 0, 1, 1, 1, 2, 2, 2, 2, 0, 1, 2, 3, 3, 0]
reasons = ["late", "late", "bags", "bags", "late", "service", "service", "bags", "service", "late", "bags", "service", "late", "service", "bags"]
print(f"nmi {normalized_mutual_info_score(reasons, clusters):.12f}")
print(f"ari {adjusted_rand_score(reasons, clusters):.12f}")

truth = ["negative", "negative", "neutral", "positive", "negative", "neutral", "positive", "negative", "neutral", "positive"]
pred = ["negative", "neutral", "neutral", "positive", "negative", "negative", "neutral", "negative", "neutral", "positive"]
print(f"macro_f1 {f1_score(truth, pred, average='macro'):.12f}")
