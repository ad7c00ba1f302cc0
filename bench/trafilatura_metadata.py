#!/usr/bin/env python3
"""Peer run for newsfacts' page-metadata benchmark: trafilatura's title, author and date on the
fundus news pages, written as JSON Lines predictions that newsfacts scores with its own scorer.

    pip install trafilatura lxml_html_clean    # measured with trafilatura 2.3.1
    python3 bench/trafilatura_metadata.py [--data ../shared/eval/extraction/fundus-news] \
        [--out /tmp/trafilatura-metadata.jsonl]
    cargo run --release -p newsfacts-eval --example fundus_metadata -- \
        --predictions /tmp/trafilatura-metadata.jsonl --name trafilatura

Each output line is {"page", "title", "authors", "date", "language"}; trafilatura joins several authors
with "; ", which is split back here. The evaluation data is read in place, never copied.
"""

import argparse
import gzip
import json
import os
import sys
import time

import trafilatura


def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    default_data = os.path.join(here, "..", "..", "shared", "eval", "extraction", "fundus-news")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=os.environ.get("FUNDUS_NEWS", default_data))
    parser.add_argument("--out", default="/tmp/trafilatura-metadata.jsonl")
    args = parser.parse_args()

    with open(os.path.join(args.data, "INDEX.json"), encoding="utf-8") as f:
        index = json.load(f)

    started = time.perf_counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for page in sorted(index):
            with gzip.open(os.path.join(args.data, page), "rb") as f:
                html = f.read()
            url = index[page].get("url")
            try:
                doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
            except Exception as error:  # a crash on one page counts as an empty prediction
                print(f"{page}: {error}", file=sys.stderr)
                doc = None
            title = getattr(doc, "title", None) if doc is not None else None
            author = getattr(doc, "author", None) if doc is not None else None
            date = getattr(doc, "date", None) if doc is not None else None
            language = getattr(doc, "language", None) if doc is not None else None
            if language:
                language = language.replace("_", "-").split("-")[0].lower()
            authors = [a.strip() for a in author.split(";") if a.strip()] if author else []
            out.write(
                json.dumps(
                    {
                        "page": page,
                        "title": title,
                        "authors": authors,
                        "date": date,
                        "language": language,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    elapsed = time.perf_counter() - started
    print(
        f"trafilatura {trafilatura.__version__}: {len(index)} pages in {elapsed:.1f} s "
        f"(with main-text extraction) -> {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
