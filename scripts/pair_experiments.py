#!/usr/bin/env python
"""Experiments for the learned pair classifier (issue 14): cached dev pairs, feature variants, honest thresholds.

Why: extraction is the slow part of ``scripts/train_relations.py``; this script extracts once, keeps the
parsed sentences (spaCy DocBin) with the labelled pairs in a cache, and then compares feature sets and
training settings by leave-documents-out cross-validation in seconds. It also reports the share of
gold relations the classifier never sees (no parsed sentence holds both ends).

Usage: ``.venv/bin/python scripts/pair_experiments.py collect GOLD CACHE`` then
``.venv/bin/python scripts/pair_experiments.py cv CACHE [--variant NAME]``.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import pickle
import sys
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin

from aikg.evaluate import _gold_relations, _match_entities, _predicted_relations, _relation_ends
from aikg.ingest.nlp import resolve
from aikg.ingest.nlp.pair_classifier import NONE, PairModel
from aikg.ingest.nlp.pair_features import Pair, class_features, line_shape, mention_tokens, trigger_words
from aikg.ingest.nlp.pair_training import fit

ROOT = Path(__file__).resolve().parent.parent


def _train_module() -> Any:
    spec = importlib.util.spec_from_file_location("train_relations", ROOT / "scripts" / "train_relations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TR = _train_module()


def save(docs: list, cache: Path) -> None:
    """Pickle the collected documents, their parsed sentences as DocBin bytes."""
    for d in docs:
        bin_ = DocBin(attrs=["ORTH", "LEMMA", "DEP", "HEAD", "POS", "TAG", "SPACY"])
        for s in d.sentences:
            bin_.add(s.doc)
        d.docbin = bin_.to_bytes()
        for s in d.sentences:
            s.doc = None
    cache.write_bytes(pickle.dumps(docs))


def load(cache: Path) -> list:
    """The cached documents with their parsed sentences restored."""
    vocab = spacy.blank("en").vocab
    docs = pickle.loads(cache.read_bytes())
    for d in docs:
        for s, doc in zip(d.sentences, DocBin().from_bytes(d.docbin).get_docs(vocab)):
            s.doc = doc
    return docs


def with_extra(docs: list, keep: Any = None, trig: bool = True, shape: bool = True) -> list:
    """Copies of the documents whose pairs carry the class and shape features (``keep``: filter of old features)."""
    out = []
    for d in docs:
        nd = copy.copy(d)
        types = [m.type for m in d.facts.mentions]
        nd.sentences = []
        for s in d.sentences:
            spans = mention_tokens(s.tok2m)
            lex = trigger_words(s.doc, s.tok2m)
            sh = line_shape(s.doc)
            pairs = []
            for p in s.pairs:
                extra = class_features(s.doc, s.tok2m, spans, types, p.first, p.second, lex, sh)
                extra = [f for f in extra if (trig or f.startswith("shape")) and (shape or not f.startswith("shape"))]
                old = [f for f in p.features if keep is None or keep(f)]
                pairs.append(Pair(p.first, p.second, tuple(dict.fromkeys(old + extra))))
            ns = copy.copy(s)
            ns.pairs = pairs
            nd.sentences.append(ns)
        out.append(nd)
    return out


def make_train(open_only: bool = False, pos_weight: float = 1.0, settings: dict | None = None) -> Any:
    """A training function: rows of all pairs (or only those no pattern covers), positives weighted."""
    def train(docs: list) -> Any:
        rows, labels, weight = [], [], []
        for d in docs:
            for s, lab in zip(d.sentences, d.labels):
                for pair, y in zip(s.pairs, lab):
                    if open_only and (pair.first, pair.second) in s.fired:
                        continue
                    for one in y.split("|"):
                        rows.append(pair.features)
                        labels.append(one)
                        weight.append(1.0 if one == NONE else pos_weight)
        model = fit(rows, labels, sorted(set(labels)), weight=weight, **(settings or TR.SETTINGS))
        return PairModel.from_json(model.to_json())
    return train


VARIANTS = {
    "base": lambda docs: {"docs": docs},
    "classes": lambda docs: {"docs": with_extra(docs)},
    "trig": lambda docs: {"docs": with_extra(docs, shape=False)},
    "shape": lambda docs: {"docs": with_extra(docs, trig=False)},
    "open": lambda docs: {"docs": docs, "train": make_train(open_only=True)},
    "classes_open": lambda docs: {"docs": with_extra(docs), "train": make_train(open_only=True)},
    "pos2": lambda docs: {"docs": docs, "train": make_train(pos_weight=2.0)},
    "classes_pos2": lambda docs: {"docs": with_extra(docs), "train": make_train(pos_weight=2.0)},
    "classes_nowords": lambda docs: {"docs": with_extra(docs, keep=lambda f: not f.startswith(
        ("bw=", "bwtp=", "bwfar=", "before=", "after=")))},
    "classes_nofired": lambda docs: {"docs": with_extra(docs, keep=lambda f: not f.startswith("fired="))},
    "nofired": lambda docs: {"docs": with_extra(docs, keep=lambda f: not f.startswith("fired="), trig=False,
                                                shape=False)},
    "classes_nofired_pos2": lambda docs: {"docs": with_extra(docs, keep=lambda f: not f.startswith("fired=")),
                                          "train": make_train(pos_weight=2.0)},
    "classes_l2": lambda docs: {"docs": with_extra(docs), "train": make_train(
        settings={**TR.SETTINGS, "l2": 1e-2})},
}


def gate(docs: list, gold_dir: Path) -> str:
    """Gold relations the patterns miss although both ends are found with the right type: how many sit in a pair
    the classifier scores, how many only share a line (a sentence the parse gate left out), how many neither."""
    counts: dict[str, dict[str, int]] = {}
    for d in docs:
        records = resolve([d.facts])
        ents = [r for r in records if hasattr(r, "mentions")]
        rels = [r for r in records if not hasattr(r, "mentions")]
        gold_ents = d.gold["entities"]
        matched = _match_entities(gold_ents, ents)
        end_of = _relation_ends(gold_ents, ents, matched)
        typed = set(matched.values())
        pred = set(_predicted_relations(rels, ents, end_of).keys)
        ent = TR._mention_entity(d.facts, records)
        seen = {frozenset((end_of.get(ent.get(p.first, "")), end_of.get(ent.get(p.second, ""))))
                for s in d.sentences for p in s.pairs}
        text = (gold_dir / f"{d.name}.txt").read_text(encoding="utf-8")
        line_of = [text.count("\n", 0, m.start) for m in d.facts.mentions]
        lines: dict[int, set[int]] = {}
        for i in range(len(d.facts.mentions)):
            g = end_of.get(ent.get(i, ""))
            if g is not None:
                lines.setdefault(g, set()).add(line_of[i])
        for t, a, b in _gold_relations(d.gold) - pred:
            c = counts.setdefault(t, {"missed": 0, "ends": 0, "scored": 0, "same_line": 0, "apart": 0})
            c["missed"] += 1
            if a not in typed or b not in typed:
                continue
            c["ends"] += 1
            if frozenset((a, b)) in seen:
                c["scored"] += 1
            elif lines.get(a, set()) & lines.get(b, set()):
                c["same_line"] += 1
            else:
                c["apart"] += 1
    keys = ("missed", "ends", "scored", "same_line", "apart")
    out = ["| type | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    tot = dict.fromkeys(keys, 0)
    for t in sorted(counts):
        out.append(f"| {t} | " + " | ".join(str(counts[t][k]) for k in keys) + " |")
        for k in keys:
            tot[k] += counts[t][k]
    out.append("| all | " + " | ".join(str(tot[k]) for k in keys) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd")
    ap.add_argument("args", nargs="*")
    a = ap.parse_args(argv)
    if a.cmd == "collect":
        docs = TR.collect(Path(a.args[0]), keep_docs=True)
        save(docs, Path(a.args[1]))
        print(f"{len(docs)} docs, {sum(len(s.pairs) for d in docs for s in d.sentences)} pairs")
    elif a.cmd == "gate":
        print(gate(load(Path(a.args[0])), Path(a.args[1])))
    elif a.cmd == "cv":
        docs = load(Path(a.args[0]))
        variants = a.args[1:] or ["base"]
        for v in variants:
            vd = VARIANTS[v](docs)
            cv = TR.cross_validate(vd["docs"], 5, vd.get("train"))
            print(f"## {v}\n\n{TR.report(cv, len(docs), 5)}\n", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
