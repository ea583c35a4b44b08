"""Fits Fulcrum's shipped English sentiment model (src/Fulcrum.Analytics/Themes/Sentiment/sentiment-minilm.tsv):
multinomial logistic regression (scikit-learn, class-balanced, L2 with C) on all-MiniLM-L6-v2 vectors and the lexicon's
three scores (compound, negative, positive; scaled by LEXICON_WEIGHT as SentimentClassifier.LexiconFeatures does).

Labels: the VADER ground-truth texts' mean human rating on -4..4: <= -BAND negative, >= BAND positive, otherwise
neutral; the UCI sentences' 0/1 labels come as -4/4 (negative/positive). Run by build.sh, which prepares the inputs; never fitted to a user's comments or to
the airline tweets (those only measure it).

Usage: fit_sentiment_model.py VECTORS LEXICON RATINGS OUT
"""
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

BAND, LEXICON_WEIGHT, C = 1.0, 0.5, 0.3


def lexicon_features(compound, weight):
    c = np.asarray(compound)
    return weight * np.column_stack([c, (c <= -0.05), (c >= 0.05)]).astype(np.float64)


def main(vectors_path, lexicon_path, ratings_path, out_path):
    ratings = [line.rstrip("\n").split("\t") for line in open(ratings_path, encoding="utf-8")]
    rating = np.array([float(r[1]) for r in ratings])
    vectors = np.fromfile(vectors_path, dtype="<f4").reshape(len(rating), 384).astype(np.float64)
    compound = [float(x) for x in open(lexicon_path, encoding="utf-8")]
    labels = np.where(rating <= -BAND, "negative", np.where(rating >= BAND, "positive", "neutral"))
    features = np.hstack([vectors, lexicon_features(compound, LEXICON_WEIGHT)])
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(features, labels)
    counts = {c: int((labels == c).sum()) for c in model.classes_}
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# Fulcrum English sentiment model: multinomial logistic regression on all-MiniLM-L6-v2 vectors (384) + lexicon scores (3).\n")
        out.write("# Data: VADER ground truth (Hutto & Gilbert 2014; github.com/cjhutto/vaderSentiment, MIT licence), tweets + Amazon review snippets,\n")
        out.write(f"# labelled by mean human rating (<= -{BAND} negative, >= {BAND} positive); UCI Sentiment Labelled Sentences, Yelp + Amazon\n")
        out.write(f"# (Kotzias et al. 2015, CC BY 4.0). {len(labels)} texts: {counts}. Never fitted to users' comments or the airline tweets.\n")
        out.write(f"# scikit-learn LogisticRegression(C={C}, class_weight='balanced'). Rebuild: bench/scripts/sentiment-model/build.sh\n")
        out.write(f"lexicon_weight\t{LEXICON_WEIGHT}\n")
        for k, label in enumerate(model.classes_):
            out.write("\t".join([label, repr(float(model.intercept_[k]))] + [f"{w:.6g}" for w in model.coef_[k]]) + "\n")
    print(f"{len(labels)} texts {counts} -> {out_path}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
