#!/usr/bin/env python3
"""Lays the fundus-news pages out as the article-extraction-benchmark does, so that the same
extraction benchmark can run on them as a held-out check (newsfacts' rules were never tuned on
these pages). The body is fundus' parsed article: summary, then each section's headline and
paragraphs, one per line; note that fundus counts the deck and subheads as body text, which the
article-extraction-benchmark does not.

    python3 bench/fundus_bodies_as_aeb.py [--data ../shared/eval/extraction/fundus-news] \
        [--out /tmp/fundus-aeb]
    cargo run --release -p newsfacts-eval --example aeb_extraction -- --data /tmp/fundus-aeb
    taskset -c 0 python3 bench/trafilatura_extraction.py --data /tmp/fundus-aeb \
        --out /tmp/fundus-trafilatura.json

The output directory holds a ground-truth.json and symbolic links to the pages, never copies.
"""

import argparse
import ast
import hashlib
import json
import os


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_data = os.path.join(here, "..", "..", "shared", "eval", "extraction", "fundus-news")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=default_data)
    parser.add_argument("--out", default="/tmp/fundus-aeb")
    args = parser.parse_args()

    data = os.path.abspath(args.data)
    with open(os.path.join(data, "INDEX.json"), encoding="utf-8") as f:
        index = json.load(f)
    os.makedirs(os.path.join(args.out, "html"), exist_ok=True)
    truth = {}
    for page, record in sorted(index.items()):
        body = record.get("body")
        if isinstance(body, str):
            body = ast.literal_eval(body)
        parts = list(body.get("summary", []))
        for section in body.get("sections", []):
            parts += list(section.get("headline", [])) + list(section.get("paragraphs", []))
        text = "\n".join(parts)
        if not text.strip():
            continue
        page_id = hashlib.sha1(page.encode()).hexdigest()
        truth[page_id] = {"articleBody": text, "url": record.get("url")}
        link = os.path.join(args.out, "html", page_id + ".html.gz")
        if not os.path.lexists(link):
            os.symlink(os.path.join(data, page), link)
    with open(os.path.join(args.out, "ground-truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False)
    print(f"{len(truth)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
