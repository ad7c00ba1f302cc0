#!/usr/bin/env python3
"""Writes WordNet verb classes for experiments with newsfacts' event trigger classifier.

The idea measured (ARCHITECTURE.md, "WordNet verb classes for the fill"; not shipped): the
trigger classifier (crates/newsfacts-analysts/src/events/classifier.rs) scores verbs it has
never seen in training by features they share with seen ones: the lexicographer file of a
verb's commonest senses (verb.communication, verb.competition, verb.social, ...) and the
synsets above them in WordNet's hypernym hierarchy. The product must not read WordNet at run
time, so this script reads the Debian package's files (`apt-get install wordnet-base`:
/usr/share/wordnet/index.verb and data.verb, format in `man 5 wndb`, lexicographer file
numbers in `man 5 lexnames`) and writes a compact table to be compiled in (commit 08d7c59 on
the events18 branch did, as crates/newsfacts-analysts/src/events/wordnet_verbs.tsv).

The table holds, after the WordNet 3.0 licence notice (required on all copies):

    S<TAB>offset<TAB>lexfile<TAB>hypernym offset or -     one line per synset used
    lemma<TAB>offset[,offset]                             one line per single-word verb

Offsets are data.verb byte offsets without leading zeros (they name a synset; nothing else in
the table is WordNet text but the lemmas). A lemma lists its first --senses senses in
WordNet's order (by frequency in the sense-tagged corpora); a synset line is written for each
of them and for the hypernyms above them up to --depth levels (the first hypernym of a synset
with several). The output is deterministic for given input files (405 KB with the defaults).

Usage (from the repository root):

    python3 tools/wordnet_verb_classes.py --out /tmp/wordnet_verbs.tsv
"""

import argparse
import os
import sys

NOTICE = """\
# WordNet verb classes for newsfacts' event trigger classifier, written by
# tools/wordnet_verb_classes.py from WordNet 3.0 (index.verb, data.verb).
#
# WordNet Release 3.0 This software and database is being provided to you, the LICENSEE, by
# Princeton University under the following license. By obtaining, using and/or copying this
# software and database, you agree that you have read, understood, and will comply with these
# terms and conditions.: Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or royalty is hereby granted,
# provided that you agree to comply with the following copyright notice and statements,
# including the disclaimer, and that the same appear on ALL copies of the software, database
# and documentation, including modifications that you make for internal use or for
# distribution. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS
# SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS
# OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY
# PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL
# NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of
# Princeton University or Princeton may not be used in advertising or publicity pertaining to
# distribution of the software and/or database. Title to copyright in this software, database
# and any associated documentation shall at all times remain with Princeton University and
# LICENSEE agrees to preserve same.
#
"""

# Verb lexicographer files (`man 5 lexnames`): number -> name without the "verb." prefix.
VERB_LEXFILES = {
    29: "body",
    30: "change",
    31: "cognition",
    32: "communication",
    33: "competition",
    34: "consumption",
    35: "contact",
    36: "creation",
    37: "emotion",
    38: "motion",
    39: "perception",
    40: "possession",
    41: "social",
    42: "stative",
    43: "weather",
}


def read_index(path, keep=lambda lemma: "_" not in lemma and lemma.isalpha()):
    """lemma -> synset offsets in sense order, for the lemmas `keep` accepts (by default
    single-word verbs of letters only). `wordnet_lemma_classes.py` reads its index with it too."""
    senses = {}
    with open(path, encoding="latin-1") as index:
        for line in index:
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            lemma = fields[0]
            if not keep(lemma):
                continue
            synset_count = int(fields[2])
            pointer_count = int(fields[3])
            offsets_from = 4 + pointer_count + 2
            senses[lemma] = [int(o) for o in fields[offsets_from : offsets_from + synset_count]]
    return senses


def read_data(path):
    """offset -> (lexfile number, first hypernym offset or None)."""
    synsets = {}
    with open(path, encoding="latin-1") as data:
        for line in data:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset = int(fields[0])
            lexfile = int(fields[1])
            word_count = int(fields[3], 16)
            at = 4 + 2 * word_count
            pointer_count = int(fields[at])
            at += 1
            hypernym = None
            for _ in range(pointer_count):
                symbol, target, pos = fields[at], int(fields[at + 1]), fields[at + 2]
                at += 4
                if symbol == "@" and pos == "v" and hypernym is None:
                    hypernym = target
            synsets[offset] = (lexfile, hypernym)
    return synsets


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", default="/usr/share/wordnet")
    parser.add_argument("--senses", type=int, default=2, help="senses kept per lemma")
    parser.add_argument("--depth", type=int, default=3, help="hypernym levels kept")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    senses = read_index(os.path.join(args.wordnet, "index.verb"))
    synsets = read_data(os.path.join(args.wordnet, "data.verb"))

    used = set()
    lemma_lines = []
    for lemma in sorted(senses):
        kept = senses[lemma][: args.senses]
        for offset in kept:
            level, current = 0, offset
            while current is not None and level <= args.depth:
                used.add(current)
                current = synsets[current][1]
                level += 1
        lemma_lines.append(f"{lemma}\t{','.join(str(o) for o in kept)}\n")

    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write(NOTICE)
        out.write(f"# --senses {args.senses} --depth {args.depth}\n")
        for offset in sorted(used):
            lexfile, hypernym = synsets[offset]
            name = VERB_LEXFILES.get(lexfile)
            if name is None:
                sys.exit(f"synset {offset}: lexicographer file {lexfile} is no verb file")
            parent = str(hypernym) if hypernym is not None else "-"
            out.write(f"S\t{offset}\t{name}\t{parent}\n")
        out.writelines(lemma_lines)


if __name__ == "__main__":
    main()
