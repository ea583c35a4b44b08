"""Reference for TrainedSentimentTests: scikit-learn's TF-IDF + logistic regression on the airline tweets' crowd labels,
5-fold stratified cross-validation, the same recipe as `fulcrum sentiment train` without the lexicon prior.

Data as Fulcrum imports them (mappings/twitter-airline.yaml): the first row of each tweet_id (repeats are rejected),
text cleaned as TextCleaner.Clean does (URLs, @mentions, &amp;/&lt;/&gt;, '#' removed; whitespace collapsed).
Features: word 1-2-gram TF-IDF + character 1-3-gram TF-IDF over the whole text (like ML.NET's character n-grams), each
L2-normalised; class_weight='balanced'; L2 penalty with C = 1. (Fulcrum's default uses character 1-5-grams, L2 = 0.3 and
the lexicon prior; this plain recipe is the yardstick it must stay close to.)

Run:  /usr/bin/python3 sentiment_cv_reference.py /work/shared/data/twitter-airline-sentiment/Tweets.csv > sentiment_cv_reference.txt
"""
import re
import sys

import numpy as np
import pandas as pd
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
MENTION = re.compile(r"(?<!\w)@\w+")
SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    s = URL.sub(" ", text)
    s = MENTION.sub(" ", s)
    s = s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("#", " ")
    return SPACE.sub(" ", s).strip()


def cross_validate(texts, labels, c, char_range, folds=5, seed=20240601):
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    predicted = np.empty(len(labels), dtype=object)
    for train, test in skf.split(texts, labels):
        words = TfidfVectorizer(ngram_range=(1, 2), lowercase=True, sublinear_tf=False)
        chars = TfidfVectorizer(analyzer="char", ngram_range=char_range, lowercase=True)
        x_train = hstack([words.fit_transform(texts[train]), chars.fit_transform(texts[train])]).tocsr()
        x_test = hstack([words.transform(texts[test]), chars.transform(texts[test])]).tocsr()
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
        model.fit(x_train, labels[train])
        predicted[test] = model.predict(x_test)
    return f1_score(labels, predicted, average="macro"), accuracy_score(labels, predicted)


def main(path):
    data = pd.read_csv(path, dtype=str, keep_default_na=False)
    data = data.drop_duplicates(subset="tweet_id", keep="first")
    texts = np.array([clean(t) for t in data["text"]], dtype=object)
    labels = data["airline_sentiment"].to_numpy()
    print(f"n = {len(labels)}  classes = {dict(pd.Series(labels).value_counts())}")
    c, char_range = 1.0, (1, 3)
    f1, acc = cross_validate(texts, labels, c, char_range)
    print(f"C = {c:>4}  char {char_range}  macro-F1 = {f1:.4f}  accuracy = {acc:.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
