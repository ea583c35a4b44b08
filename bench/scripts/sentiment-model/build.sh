#!/usr/bin/env bash
# Rebuilds src/Fulcrum.Analytics/Themes/Sentiment/sentiment-minilm.tsv, the English sentiment model Fulcrum ships.
# Usage: bench/scripts/sentiment-model/build.sh VADER_CHECKOUT UCI_DIR
#   VADER_CHECKOUT: a git clone of github.com/cjhutto/vaderSentiment (MIT licence); the data are read at commit
#   18c86513ea60b02fce8f3b1b598da43042d91b08 (additional_resources/hutto_ICWSM_2014): human-rated tweets and Amazon
#   review snippets (Hutto & Gilbert 2014).
#   UCI_DIR: a folder with yelp_labelled.txt and amazon_cells_labelled.txt of the UCI "Sentiment Labelled Sentences"
#   data set (Kotzias, Denil, de Freitas & Smyth 2015; CC BY 4.0).
#   Every input file is checked by SHA-256, so the model is rebuilt from exactly the data it was built from.
# Needs the .NET SDK (MiniLM vectors, lexicon scores) and /usr/bin/python3 with numpy and scikit-learn.
set -euo pipefail
vader=${1:?usage: build.sh VADER_CHECKOUT UCI_DIR}
uci=${2:?usage: build.sh VADER_CHECKOUT UCI_DIR}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
commit=18c86513ea60b02fce8f3b1b598da43042d91b08
dir=additional_resources/hutto_ICWSM_2014
declare -A sha=(
  [tweets]=1a553d326344f17de80a4782e0b7f5843cdacbf7719a4a321721c773015b7e64
  [amazonReviewSnippets]=e4559b1299fd793ab64794ba706421ce088b6c580b782529388997f7aedcc545
  [yelp_labelled]=c76468b7b5c6e56a0804d728345c5f84aa2142ddb214420f61cc9cfd4c00d2ea
  [amazon_cells_labelled]=47003fc0a0d4840b00e96e715b6189bad09e7443a3da41c4cbe12ffc79f86ae3
)
for set in tweets amazonReviewSnippets; do
  git -C "$vader" show "$commit:$dir/${set}_GroundTruth.txt" > "$work/$set.tsv"
  echo "${sha[$set]}  $work/$set.tsv" | sha256sum -c --quiet
done
for set in yelp_labelled amazon_cells_labelled; do
  cp "$uci/$set.txt" "$work/$set.tsv"
  echo "${sha[$set]}  $work/$set.tsv" | sha256sum -c --quiet
done
# One text a line (invalid UTF-8 replaced, whitespace collapsed) and its label source: VADER rows are id TAB mean rating TAB
# text; UCI rows are text TAB 0/1, written as a rating of -4 (negative) or 4 (positive).
/usr/bin/python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
with open(f"{work}/texts.txt", "w", encoding="utf-8") as texts, open(f"{work}/ratings.tsv", "w", encoding="utf-8") as ratings:
    for name in ["tweets", "amazonReviewSnippets"]:
        for line in open(f"{work}/{name}.tsv", encoding="utf-8", errors="replace"):
            if not line.strip():
                continue
            _, rating, text = line.rstrip("\n").split("\t", 2)
            texts.write(" ".join(text.split()) + "\n")
            ratings.write(f"{name}\t{rating}\n")
    for name in ["yelp_labelled", "amazon_cells_labelled"]:
        for line in open(f"{work}/{name}.tsv", encoding="utf-8", errors="replace"):
            if not line.strip():
                continue
            text, label = line.rstrip("\n").rsplit("\t", 1)
            texts.write(" ".join(text.split()) + "\n")
            ratings.write(f"{name}\t{4 if label.strip() == '1' else -4}\n")
PY
# FULCRUM_BENCH_DLL: an already built Fulcrum.Bench.dll to use instead of building the bench project.
bench=(dotnet run -c Release --project "$repo/bench/Fulcrum.Bench" --)
[[ -n "${FULCRUM_BENCH_DLL:-}" ]] && bench=(dotnet "$FULCRUM_BENCH_DLL")
"${bench[@]}" embed --in "$work/texts.txt" --out "$work/vectors.f32" --by-sentence --lexicon "$work/lexicon.txt"
/usr/bin/python3 "$here/fit_sentiment_model.py" "$work/vectors.f32" "$work/lexicon.txt" "$work/ratings.tsv" \
  "$repo/src/Fulcrum.Analytics/Themes/Sentiment/sentiment-minilm.tsv"
