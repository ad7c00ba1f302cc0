#!/usr/bin/env bash
# Main-text extraction benchmark on the article-extraction-benchmark pages (181 news pages with
# hand-made article bodies): speed on ONE core and the benchmark's precision / recall / F1
# (4-token shingles, macro-averaged) for newsfacts and, in the same run on the same pages, for
# plain dom_smoothie (the content election newsfacts builds on) and trafilatura (from PyPI).
#
#   bench/extraction.sh            # needs ../shared beside the checkout (or NEWSFACTS_SHARED)
#   ROUNDS=10 bench/extraction.sh  # more timing rounds (default 5)
#
# Pages are read and gunzipped before timing. The timed part is parse + extraction (+ metadata
# for newsfacts; dom_smoothie's parse() also reads its metadata; trafilatura runs as the
# benchmark configures it), measured as CPU time of the one busy thread, pinned to core 0, so
# that other work on a shared machine does not inflate it; wall time goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${NEWSFACTS_SHARED:-../shared}
data=$shared/eval/extraction/scrapinghub-aeb
[ -f "$data/ground-truth.json" ] || { echo "bench: $data is missing" >&2; exit 1; }
rounds=${ROUNDS:-5}
pin=()
if command -v taskset >/dev/null; then pin=(taskset -c 0); fi

cargo build --release -q -p newsfacts-eval --example aeb_extraction
bin=${CARGO_TARGET_DIR:-target}/release/examples/aeb_extraction
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"${pin[@]}" "$bin" --data "$data" --rounds "$rounds" | tee "$out/results.txt"

if python3 -c "import trafilatura" 2>/dev/null; then
  seconds=$("${pin[@]}" python3 bench/trafilatura_extraction.py --data "$data" --out "$out/trafilatura.json" | tail -n 1 | sed -E 's/^seconds=([0-9.]+).*/\1/')
  "$bin" --data "$data" --score-json "$out/trafilatura.json" --score-name trafilatura \
    --score-seconds "$seconds" | tee -a "$out/results.txt"
else
  echo "bench: trafilatura is not installed (pip install trafilatura lxml_html_clean); peer skipped" >&2
fi

python3 - "$out/results.txt" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if not parts or parts[0] != "RESULT":
        continue
    fields = dict(p.split("=", 1) for p in parts[2:])
    rows[parts[1]] = fields
ours = rows.get("newsfacts")
if ours:
    for name, peer in rows.items():
        if name == "newsfacts":
            continue
        speed = float(ours["pages_per_s"]) / float(peer["pages_per_s"]) if peer["pages_per_s"] != "-" else float("nan")
        print(f"RATIO newsfacts/{name}: speed x{speed:.2f}  F1 {float(ours['f1']):.4f} vs {float(peer['f1']):.4f} "
              f"({float(ours['f1']) - float(peer['f1']):+.4f})")
PY
