"""The demo generator's praise and complaint sentences (src/Fulcrum.Data/Demo/Comments/*Phrases.cs), for MEASURING how
often a sentiment scorer misreads them; never used to fit anything.

  demo_bank_sentences.py extract TEXTS LABELS
      Every template of the Positive/PositiveFragments/PositiveDetails sets ("praise") and the
      Negative/NegativeFragments/NegativeDetails sets ("complaint") of every bank, each {a|b} choice expanded (all
      combinations), word lists and products filled with one neutral value; one sentence a line in TEXTS, and
      "bank TAB set TAB kind" a line in LABELS. Wishes and faint praise are left out (hedged on purpose).
  demo_bank_sentences.py score TEXTS LABELS VECTORS LEXICON MODEL_TSV
      Share of praise read negative (score <= -0.05) and of complaints read positive (>= 0.05), by the lexicon
      (LEXICON: its compound score a line, from `Fulcrum.Bench embed --lexicon`) and by the MiniLM model (MODEL_TSV on
      VECTORS, float32 rows of 384, and the lexicon features, as EmbeddingSentiment scores); the misread praise listed.
"""
import itertools
import pathlib
import re
import sys

COMMENTS = pathlib.Path(__file__).resolve().parents[3] / "src/Fulcrum.Data/Demo/Comments"
PRAISE = ["Positive", "PositiveFragments", "PositiveDetails"]
COMPLAINT = ["Negative", "NegativeFragments", "NegativeDetails"]
FILL = {"@int": "", "@pint": "", "@n": "three", "@wait": "two weeks", "@pct": "20%", "@years": "three", "@name": "Priya",
        "A": "Payroll", "B": "Billing", "#": "48213"}
MAX_PER_TEMPLATE = 12


def banks():
    for path in sorted(COMMENTS.glob("*Phrases.cs")):
        text = path.read_text(encoding="utf-8")
        for bank in re.finditer(r"ThemeBank (\w+) = new\(\)\s*\{(.*?)\n    \};", text, re.S):
            for kind in PRAISE + COMPLAINT:
                block = re.search(r"\b" + kind + r" = new\(\s*\[(.*?)\]\)", bank.group(2), re.S)
                if block:
                    for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', block.group(1)):
                        yield bank.group(1), kind, literal


def expand(template):
    template = template.lstrip("~!")
    parts = re.split(r"(\{[^}]*\})", template)
    options = []
    for part in parts:
        if part.startswith("{"):
            body = part[1:-1]
            options.append([FILL[body]] if body in FILL else body.split("|"))
        else:
            options.append([part])
    for combination in itertools.islice(itertools.product(*options), MAX_PER_TEMPLATE):
        sentence = " ".join("".join(combination).split())
        sentence = sentence[0].upper() + sentence[1:]
        yield sentence if sentence[-1] in ".!?" else sentence + "."


def extract(texts_path, labels_path):
    with open(texts_path, "w", encoding="utf-8") as texts, open(labels_path, "w", encoding="utf-8") as labels:
        for bank, kind, template in banks():
            for sentence in expand(template):
                texts.write(sentence + "\n")
                labels.write(f"{bank}\t{kind}\t{'praise' if kind in PRAISE else 'complaint'}\n")


def score(texts_path, labels_path, vectors_path, lexicon_path, model_path):
    import numpy as np
    texts = open(texts_path, encoding="utf-8").read().splitlines()
    kinds = [line.split("\t")[2] for line in open(labels_path, encoding="utf-8").read().splitlines()]
    compound = np.array([float(x) for x in open(lexicon_path, encoding="utf-8")])
    vectors = np.fromfile(vectors_path, dtype="<f4").reshape(len(texts), 384).astype(np.float64)
    rows = [line.split("\t") for line in open(model_path, encoding="utf-8").read().splitlines() if line and not line.startswith("#")]
    weight = float(rows[0][1])
    classes = [r[0] for r in rows[1:]]
    bias = np.array([float(r[1]) for r in rows[1:]])
    w = np.array([[float(x) for x in r[2:]] for r in rows[1:]])
    features = np.hstack([vectors, weight * np.column_stack([compound, compound <= -0.05, compound >= 0.05])])
    logits = features @ w.T + bias
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    model = p[:, classes.index("positive")] - p[:, classes.index("negative")]
    kinds = np.array(kinds)
    for name, s in [("lexicon", compound), ("MiniLM model", model)]:
        praise, complaint = s[kinds == "praise"], s[kinds == "complaint"]
        print(f"{name}: praise read negative {np.mean(praise <= -0.05):.1%} of {len(praise)}, "
              f"complaints read positive {np.mean(complaint >= 0.05):.1%} of {len(complaint)}; "
              f"praise mean {praise.mean():+.3f}, complaints mean {complaint.mean():+.3f}")
    for i in np.argsort(model):
        if kinds[i] == "praise" and model[i] <= -0.05:
            print(f"  praise read negative: {model[i]:+.2f} (lexicon {compound[i]:+.2f}) {texts[i]}")


if __name__ == "__main__":
    {"extract": extract, "score": score}[sys.argv[1]](*sys.argv[2:])
