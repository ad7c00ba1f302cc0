#!/usr/bin/env python3
"""Peer run for newsfacts' main-text benchmark: trafilatura on the article-extraction-benchmark
pages, configured as that benchmark runs it (`extract(html, include_comments=False)`), written as
`{id: {"articleBody": text}}` for newsfacts to score with its own scorer.

    pip install trafilatura lxml_html_clean    # measured with trafilatura 2.3.1
    taskset -c 0 python3 bench/trafilatura_extraction.py \
        [--data ../shared/eval/extraction/scrapinghub-aeb] [--out /tmp/trafilatura-aeb.json]

Pages are read and gunzipped before the clock starts; the timed part is trafilatura's parse and
extraction, as this process's CPU time (other work on a shared machine does not count), on one
thread. The last line printed is `seconds=<cpu seconds> wall=<wall seconds>`. The evaluation data
is read in place, never copied.
"""

import argparse
import gzip
import json
import os
import time

import trafilatura


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_data = os.path.join(here, "..", "..", "shared", "eval", "extraction", "scrapinghub-aeb")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=default_data)
    parser.add_argument("--out", default="/tmp/trafilatura-aeb.json")
    args = parser.parse_args()

    with open(os.path.join(args.data, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    pages = {}
    for page_id in sorted(truth):
        with gzip.open(os.path.join(args.data, "html", page_id + ".html.gz"), "rt", encoding="utf8") as f:
            pages[page_id] = f.read()

    output = {}
    cpu_started = time.process_time()
    wall_started = time.perf_counter()
    for page_id, html in pages.items():
        try:
            body = trafilatura.extract(html, include_comments=False)
        except Exception:  # a crash on one page counts as an empty prediction
            body = None
        output[page_id] = {"articleBody": body or ""}
    cpu = time.process_time() - cpu_started
    wall = time.perf_counter() - wall_started

    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(output, f, ensure_ascii=False)
    print(f"seconds={cpu:.3f} wall={wall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
