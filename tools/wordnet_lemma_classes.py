#!/usr/bin/env python3
"""Writes the WordNet lemma classes newsfacts' quotation cue tagger reads.

The cue tagger (crates/newsfacts-analysts/src/quotes/model.rs) learns a weight per hashed
feature, so a cue lemma it saw a handful of times in training ("assail", "herald",
"endorsement") gets little weight of its own. The lexicographer file of a lemma's commonest
senses (verb.communication, verb.cognition, noun.communication, noun.act, noun.person, ...)
is a class such a lemma shares with common ones, so the tagger can carry weight over to it.
The product must not read WordNet at run time, so this script reads the Debian package's
files (`apt-get install wordnet-base`: /usr/share/wordnet/index.{verb,noun} and
data.{verb,noun}, format in `man 5 wndb`, lexicographer file numbers in `man 5 lexnames`)
and writes a compact table that is compiled into the binary:

    crates/newsfacts-analysts/src/quotes/wordnet_classes.tsv

It holds, after the WordNet 3.0 licence notice (required on all copies), one line per
single-word lemma (lowercase letters, inner hyphens allowed) that is a verb or a noun:

    lemma<TAB>verb lexfiles<TAB>noun lexfiles

where each field lists, comma-separated, the lexicographer file numbers of the lemma's first
--senses senses in that part of speech, in WordNet's order (by frequency in the sense-tagged
corpora), each number once (a second sense in the first one's file adds nothing); a field is
empty when the lemma is no word of that part of speech. Nothing else in the table is WordNet
text but the lemmas. Lines are sorted by lemma (byte order); the output is deterministic for
given input files.

Usage (from the repository root):

    python3 tools/wordnet_lemma_classes.py \
        --out crates/newsfacts-analysts/src/quotes/wordnet_classes.tsv
"""

import argparse
import os
import re
import sys

import wordnet_verb_classes

NOTICE = """\
# WordNet lemma classes for newsfacts' quotation cue tagger, written by
# tools/wordnet_lemma_classes.py from WordNet 3.0 (index.verb, index.noun, data.verb,
# data.noun). Line: lemma, TAB, verb lexicographer files, TAB, noun lexicographer files
# (numbers as in WordNet's lexnames, first senses first, comma-separated).
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

# A lemma the table keeps: lowercase letters, hyphens only between letters.
LEMMA = re.compile(r"^[a-z]+(-[a-z]+)*$")


def read_index(path, senses):
    """lemma -> the synset offsets of its first `senses` senses, for the lemmas kept."""
    every_sense = wordnet_verb_classes.read_index(path, keep=LEMMA.match)
    return {lemma: offsets[:senses] for lemma, offsets in every_sense.items()}


def read_lexfiles(path):
    """synset offset -> lexicographer file number."""
    out = {}
    with open(path, encoding="latin-1") as data:
        for line in data:
            if line.startswith(" "):
                continue
            fields = line.split(maxsplit=2)
            out[int(fields[0])] = int(fields[1])
    return out


def classes(offsets, lexfiles):
    """The distinct lexicographer files of the senses, in sense order."""
    seen = []
    for offset in offsets:
        lexfile = lexfiles[offset]
        if lexfile not in seen:
            seen.append(lexfile)
    return ",".join(str(n) for n in seen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", default="/usr/share/wordnet")
    parser.add_argument("--senses", type=int, default=2, help="senses kept per lemma and part")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    verbs = read_index(os.path.join(args.wordnet, "index.verb"), args.senses)
    nouns = read_index(os.path.join(args.wordnet, "index.noun"), args.senses)
    verb_files = read_lexfiles(os.path.join(args.wordnet, "data.verb"))
    noun_files = read_lexfiles(os.path.join(args.wordnet, "data.noun"))
    lines = []
    for lemma in sorted(set(verbs) | set(nouns)):
        verb = classes(verbs.get(lemma, []), verb_files)
        noun = classes(nouns.get(lemma, []), noun_files)
        lines.append(f"{lemma}\t{verb}\t{noun}\n")
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write(NOTICE)
        out.writelines(lines)
    print(f"{args.out}: {len(lines)} lemmas", file=sys.stderr)


if __name__ == "__main__":
    main()
