#!/usr/bin/env python3
"""Mines PLOVER event triggers from the NGEC synthetic stories for newsfacts' event lexicon.

The NGEC synthetic stories (MIT licence, ../shared/eval/events/ngec/
gpt_synthetic_events_2023-10-19_19.csv.zip) are short news stories, each labelled with one
document-level PLOVER type. The lead sentence of a story reports its event, so the main
predicate of the lead sentence (the root verb, or the reported clause under a verb of saying)
is, more often than not, a trigger of that type. This script parses every lead sentence with
the newsfacts binary itself (the same parse the event coder reads), counts the labels of each

- verb lemma, and verb + particle ("pull out"),
- event noun as the object of a light verb ("declared a ceasefire", "imposed a curfew"),

and writes those that are frequent and consistent enough to
crates/newsfacts-analysts/src/events/mined_triggers.tsv:

    kind<TAB>word<TAB>PLOVER<TAB>count<TAB>share

(kind = verb | phrasal | noun; phrasal words are "verb particle"). Only lemmas and counts are
written, never text of the stories. The event coder uses these entries only for words its
hand lexicon does not know. The output is deterministic for a given binary and input.

Usage (from the repository root, after `cargo build --release -p newsfacts-cli`):

    python3 tools/mine_event_triggers.py \
        --synthetic ../shared/eval/events/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip \
        --newsfacts "$CARGO_TARGET_DIR/release/newsfacts" \
        --out crates/newsfacts-analysts/src/events/mined_triggers.tsv

With --score instead of --out, it writes nothing and prints how often the event coder's events
for a lead sentence include the story's label (and how often its first event has it): a rough
check on data that is not a measurement set (the labels are document-level and follow NGEC's
conventions, which differ from the PLOVER GSR's in places, e.g. "agreed to" is often CONCEDE).
"""

import argparse
import collections
import csv
import io
import json
import re
import subprocess
import sys
import zipfile

# Verbs of saying: the event is the clause they report.
SPEECH = {
    "say", "tell", "report", "announce", "state", "add", "claim", "confirm", "declare",
    "note", "write", "explain", "accord", "indicate", "reveal", "show",
}
# Verbs too general to name an event whatever their story's label: copulas, light verbs
# (their object noun is mined instead), verbs of motion, perception, saying and aspect.
GENERIC = {
    "be", "have", "do", "make", "take", "give", "get", "go", "come", "see", "seem", "look",
    "use", "run", "remain", "become", "appear", "find", "show", "reveal", "describe", "report",
    "say", "tell", "believe", "expect", "lose", "win", "leave", "fly", "operate", "participate",
    "complete", "create", "form", "rule", "begin", "start", "continue", "hold", "issue",
    "launch", "conduct", "carry", "put", "set", "keep", "move", "work", "lead", "face", "plan",
    "want", "try", "decide", "call", "open", "end", "pass", "raise", "reach", "consider",
    "fear", "cause", "stop", "pay", "celebrate", "engage", "enter", "travel", "arrive",
    "return", "gather", "vote", "join", "adopt", "announce", "declare", "express", "seek",
    "mark", "bring", "follow", "help", "need", "hope", "allow", "force", "order", "send",
    "provide", "receive", "accept", "offer", "expand", "extend", "increase", "renew",
    "establish", "resume", "conclude", "sign", "agree", "meet",
}
# Verbs whose object noun carries the event (mirrors LIGHT_VERBS in lexicon.rs).
LIGHT = {
    "hold", "have", "conduct", "stage", "launch", "carry", "mount", "impose", "make", "issue",
    "file", "lodge", "reach", "sign", "open", "begin", "start", "resume", "express", "voice",
    "announce", "declare", "step", "tighten", "extend", "give", "unleash", "wage", "renew",
    "intensify", "escalate", "seek", "organize", "organise", "join", "take", "establish",
    "continue", "order", "approve", "expand", "call", "end", "lift", "suspend",
}

MIN_VERB_COUNT = 5
MIN_VERB_SHARE = 0.7
MIN_NOUN_COUNT = 4
MIN_NOUN_SHARE = 0.7


def read_stories(path):
    """(label, text) of every story, from the .csv.zip or an extracted .csv."""
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            name = next(n for n in sorted(archive.namelist()) if n.endswith(".csv"))
            data = archive.read(name).decode("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            data = f.read()
    return [(row["label"], row["text"]) for row in csv.DictReader(io.StringIO(data))]


def lead_sentence(text):
    text = " ".join(text.split())
    boundary = re.search(r"(?<=[.!?])[\"”]?\s+(?=[A-Z\"“])", text)
    return text[: boundary.start() + 1] if boundary else text


def analyse(newsfacts, sentences):
    lines = "".join(
        json.dumps({"id": str(i), "text": s}) + "\n" for i, s in enumerate(sentences)
    )
    result = subprocess.run(
        [newsfacts, "analyze", "--input", "jsonl", "--format", "jsonl", "--layers", "tokens",
         "--threads", "1", "-q", "-"],
        input=lines, capture_output=True, text=True, check=True,
    )
    docs = {}
    for line in result.stdout.splitlines():
        doc = json.loads(line)
        docs[int(doc["id"])] = doc
    return docs


def main_predicate(tokens):
    roots = [i for i, t in enumerate(tokens) if t["head"] == i]
    if not roots:
        return None
    root = roots[0]
    if tokens[root]["lemma"].lower() in SPEECH:
        for j, t in enumerate(tokens):
            if t["head"] == root and j != root and t["dep"] == "ccomp" and t["pos"] == "VERB":
                return j
    return root


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", required=True)
    parser.add_argument("--newsfacts", required=True)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--out")
    target.add_argument("--score", action="store_true")
    parser.add_argument("--min-verb-count", type=int, default=MIN_VERB_COUNT)
    parser.add_argument("--min-verb-share", type=float, default=MIN_VERB_SHARE)
    parser.add_argument("--min-noun-count", type=int, default=MIN_NOUN_COUNT)
    parser.add_argument("--min-noun-share", type=float, default=MIN_NOUN_SHARE)
    args = parser.parse_args()

    stories = read_stories(args.synthetic)
    docs = analyse(args.newsfacts, [lead_sentence(text) for _, text in stories])
    if args.score:
        any_event = first_event = no_event = 0
        for i, (label, _) in enumerate(stories):
            events = docs.get(i, {}).get("events", [])
            any_event += any(e["plover"] == label for e in events)
            first_event += bool(events) and events[0]["plover"] == label
            no_event += not events
        n = len(stories)
        print(f"{n} lead sentences: some event has the story's label {100 * any_event / n:.1f} %, "
              f"the first event {100 * first_event / n:.1f} %, no event {100 * no_event / n:.1f} %")
        return
    counts = collections.defaultdict(collections.Counter)
    for i, (label, _) in enumerate(stories):
        tokens = docs.get(i, {}).get("tokens")
        if not tokens:
            continue
        p = main_predicate(tokens)
        if p is None or tokens[p]["pos"] != "VERB":
            continue
        lemma = tokens[p]["lemma"].lower()
        children = [j for j, t in enumerate(tokens) if t["head"] == p and j != p]
        particles = [tokens[j]["lemma"].lower() for j in children if tokens[j]["dep"] == "prt"]
        objects = [j for j in children if tokens[j]["dep"] == "dobj"]
        if particles:
            counts[("phrasal", f"{lemma} {particles[0]}")][label] += 1
        else:
            counts[("verb", lemma)][label] += 1
        if lemma in LIGHT and objects and tokens[objects[0]]["tag"] in ("NN", "NNS"):
            counts[("noun", tokens[objects[0]]["lemma"].lower())][label] += 1

    rows = []
    for (kind, word), labels in counts.items():
        total = sum(labels.values())
        # Ties go to the alphabetically first type, so the output never depends on order.
        best, n = sorted(labels.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        share = n / total
        if kind == "noun":
            keep = total >= args.min_noun_count and share >= args.min_noun_share
        else:
            keep = (
                total >= args.min_verb_count
                and share >= args.min_verb_share
                and word.split()[0] not in GENERIC
            )
        if keep:
            rows.append((kind, word, best, total, share))
    rows.sort(key=lambda r: (r[0], r[1]))
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("# Mined by tools/mine_event_triggers.py from the NGEC synthetic stories "
                  f"({len(stories)} stories); kind, word, PLOVER, count, share.\n")
        for kind, word, best, total, share in rows:
            out.write(f"{kind}\t{word}\t{best}\t{total}\t{share:.2f}\n")
    print(f"{len(rows)} triggers written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
