"""Reference for AirlineSentimentTrainingTests.With_MiniLM_vectors_five_fold_macro_F1_reaches_0_78: the scikit-learn recipe
of sentiment_cv_reference.py (word 1-2 + character 1-3-gram TF-IDF, class-balanced logistic regression, C = 1, the same
stratified 5 folds) with each tweet's MiniLM vector appended to the features (x WEIGHT), without the lexicon prior.

The vectors are Fulcrum's own (the normalised mean of the tweet's sentence vectors, as `themes` and `sentiment train`
form them), one row of 384 little-endian float32 per row of Tweets.csv, written by
  python3 -c "import csv,sys; [print(' '.join(r['text'].split())) for r in csv.DictReader(open(sys.argv[1], encoding='utf-8'))]" Tweets.csv > texts.txt
  dotnet run -c Release --project bench/Fulcrum.Bench -- embed --in texts.txt --out vectors.f32 --by-sentence

Run:  /usr/bin/python3 sentiment_cv_embedding_reference.py Tweets.csv vectors.f32 1 2 > sentiment_cv_embedding_reference.txt
"""
import sys

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

from sentiment_cv_reference import clean


def main(path, vectors_path, weights):
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    vectors = np.fromfile(vectors_path, dtype="<f4").reshape(len(raw), 384)
    keep = ~raw.duplicated(subset="tweet_id", keep="first").to_numpy()
    texts = np.array([clean(t) for t in raw["text"][keep]], dtype=object)
    labels = raw["airline_sentiment"][keep].to_numpy()
    vectors = vectors[keep]
    print(f"n = {len(labels)}")
    skf = StratifiedKFold(n_splits=5, shuffle=True, random_state=20240601)
    for weight in weights:
        predicted = np.empty(len(labels), dtype=object)
        for train, test in skf.split(texts, labels):
            words = TfidfVectorizer(ngram_range=(1, 2))
            chars = TfidfVectorizer(analyzer="char", ngram_range=(1, 3))
            x_train = hstack([words.fit_transform(texts[train]), chars.fit_transform(texts[train]), csr_matrix(weight * vectors[train])]).tocsr()
            x_test = hstack([words.transform(texts[test]), chars.transform(texts[test]), csr_matrix(weight * vectors[test])]).tocsr()
            model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(x_train, labels[train])
            predicted[test] = model.predict(x_test)
        print(f"vector weight {weight}  macro-F1 = {f1_score(labels, predicted, average='macro'):.4f}  "
              f"accuracy = {accuracy_score(labels, predicted):.4f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], [float(w) for w in sys.argv[3:]] or [1.0])
