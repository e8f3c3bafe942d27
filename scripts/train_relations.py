#!/usr/bin/env python
"""Train the learned relation classifier on the development gold and write data/models/relation_pairs.json.

Why: the model must be reproducible from the repository by one command. Steps: extract every dev
document with the patterns only, recording the features of every relatable pair in every parsed
sentence (the same features extraction computes); label each pair from the gold relations (ends
matched as ``aikg.evaluate`` matches them); choose the probability threshold by
leave-documents-out cross-validation (``--folds``, by document), one per relation type (a type
whose cross-validated F1 the model does not raise by ``MIN_GAIN`` gets none); report typed relation P/R/F1
overall and per type, patterns only vs patterns + classifier, on the cross-validated predictions;
then fit the shipped model on all of dev with those thresholds.

Usage: ``.venv/bin/python scripts/train_relations.py [--gold tests/data/gold/dev] [-o FILE] [--folds 5]``
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aikg.core.ids import content_id
from aikg.core.paths import as_path, shipped
from aikg.core.schema import SCHEMA
from aikg.evaluate import (
    Score,
    _gold_relations,
    _load_gold,
    _match_entities,
    _relation_ends,
    gold_texts,
    score_document,
)
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import DocFacts, ExtractConfig, Extractor, RelationCandidate, resolve
from aikg.ingest.nlp.pair_classifier import NONE, SHIPPED, PairModel, class_label, register, sentence_candidates
from aikg.ingest.nlp.pair_features import Pair
from aikg.ingest.nlp.pair_training import fit

THRESHOLDS = tuple(round(0.3 + 0.05 * k, 2) for k in range(13))  # 0.30 … 0.90
SETTINGS = {"l2": 1e-3, "iterations": 300, "rate": 0.05, "min_count": 2}
RECORDER = "train-record"
#: feature prefixes the model does not learn from (extraction computes them; the model ignores what it lacks)
LEFT_OUT: tuple[str, ...] = ("fired=",)
MIN_GAIN = 0.005  # a type's cross-validated F1 must rise this much for the model to add relations of it


@dataclass
class Sentence:
    span: tuple[int, int, str]
    pairs: list[Pair]
    fired: dict
    doc: Any = None  # the parsed sentence and its token -> mention map, kept only for experiments (keep_docs)
    tok2m: dict | None = None


@dataclass
class DocData:
    name: str
    gold: dict[str, Any]
    facts: DocFacts
    sentences: list[Sentence] = field(default_factory=list)
    labels: list[list[str]] = field(default_factory=list)  # per sentence, per pair: "TYPE>", "A>|B<" or NONE


class Recorder:
    """Stands in for the model during extraction: keeps each parsed sentence's pairs, adds nothing."""

    def __init__(self, keep_docs: bool = False) -> None:
        self.seen: dict[str, list[Sentence]] = {}
        self.keep_docs = keep_docs

    def relations(self, pdoc: Any, tok2m: dict[int, int], facts: DocFacts, sent: tuple[int, int, str]) -> list:
        pairs, fired = sentence_candidates(pdoc, tok2m, facts, sent[1])
        if pairs:
            kept = (pdoc, dict(tok2m)) if self.keep_docs else (None, None)
            self.seen.setdefault(facts.doc_id, []).append(Sentence(sent, pairs, fired, *kept))
        return []


def collect(gold_dir: Path, keep_docs: bool = False) -> list[DocData]:
    """Extract every gold text with the patterns, recording the candidate pairs, and label them."""
    recorder = Recorder(keep_docs)
    register(RECORDER, recorder)
    texts = gold_texts(gold_dir)
    docs = [LoadedDocument(id=content_id(p.read_bytes()), source=str(p), title=p.stem, kind="text",
                           text=p.read_text(encoding="utf-8")) for p in texts]
    out = []
    for p, d, facts in zip(texts, docs, Extractor(ExtractConfig(pair_model=RECORDER)).extract_many(docs)):
        data = DocData(p.stem, _load_gold(p.with_name(p.stem + ".gold.json")), facts, recorder.seen.get(d.id, []))
        data.labels = label_pairs(data)
        out.append(data)
    return out


def _mention_entity(facts: DocFacts, records: list) -> dict[int, str]:
    """Mention index -> resolved entity id (an anaphor through the mention it stands for)."""
    at = {(m.start, m.end): r.id for r in records if hasattr(r, "mentions") for m in r.mentions}
    out = {}
    for i, m in enumerate(facts.mentions):
        k, steps = m, 0
        while k.coref is not None and steps < 5:
            k, steps = facts.mentions[k.coref], steps + 1
        if (k.start, k.end) in at:
            out[i] = at[(k.start, k.end)]
    return out


def label_pairs(data: DocData) -> list[list[str]]:
    """The gold class of every recorded pair: ``TYPE>``/``TYPE<`` (direction in sentence order) or NONE."""
    records = resolve([data.facts])
    ents = [r for r in records if hasattr(r, "mentions")]
    gold_ents = data.gold["entities"]
    end_of = _relation_ends(gold_ents, ents, _match_entities(gold_ents, ents))
    ent = _mention_entity(data.facts, records)
    gold = _gold_relations(data.gold)
    out = []
    for s in data.sentences:
        row = []
        for pair in s.pairs:
            a, b = end_of.get(ent.get(pair.first, "")), end_of.get(ent.get(pair.second, ""))
            found = [] if a is None or b is None or a == b else [
                class_label(t, x == a) for t, x, y in sorted(gold) if {x, y} == {a, b} and (x == a or y == a)]
            row.append("|".join(dict.fromkeys(found)) or NONE)  # a pair may hold two relations
        out.append(row)
    return out


def training_rows(docs: list[DocData]) -> tuple[list[tuple[str, ...]], list[str]]:
    """One row per relation a recorded pair holds (``NONE`` when none), without the features ``LEFT_OUT`` names."""
    rows, labels = [], []
    for d in docs:
        for s, lab in zip(d.sentences, d.labels):
            for pair, y in zip(s.pairs, lab):
                feats = tuple(f for f in pair.features if not f.startswith(LEFT_OUT)) if LEFT_OUT else pair.features
                for one in y.split("|"):  # one row per relation the pair holds
                    rows.append(feats)
                    labels.append(one)
    return rows, labels


def train(docs: list[DocData], thresholds: dict[str, float] | None = None, meta: dict | None = None) -> PairModel:
    rows, labels = training_rows(docs)
    model = fit(rows, labels, sorted(set(labels)), thresholds=thresholds, meta=meta, **SETTINGS)
    return PairModel.from_json(model.to_json())  # what the file holds (rounded weights)


def predicted_facts(d: DocData, model: PairModel | None, thresholds: dict[str, float]) -> DocFacts:
    """The document's pattern facts plus the model's relations at ``thresholds`` (per relation type)."""
    if model is None:
        return d.facts
    types = [m.type for m in d.facts.mentions]
    extra = []
    for s in d.sentences:
        probs = model.proba([p.features for p in s.pairs])
        for c in model.decide(s.pairs, probs, types, s.fired, thresholds):
            extra.append(RelationCandidate(c.type, c.src, c.tgt, c.conf, c.method, s.span[0], s.span[1], s.span[2]))
    return replace(d.facts, relations=d.facts.relations + extra)


def _types() -> list[str]:
    return sorted(set(SCHEMA.relation_types) - {"MENTIONS"})


def doc_scores(docs: list[DocData], models: dict[str, PairModel]) -> dict[float | None, dict[str, dict]]:
    """Per threshold (``None``: patterns only), per document: relation type -> Score. The model's relations are
    decided once at the lowest threshold; each distinct subset of them is resolved and scored once."""
    low = min(THRESHOLDS)
    out: dict[float | None, dict[str, dict]] = {t: {} for t in (None, *THRESHOLDS)}
    for d in docs:
        adds = predicted_facts(d, models[d.name], dict.fromkeys(_types(), low)).relations[len(d.facts.relations):]
        cache: dict[tuple[int, ...], dict] = {}
        for t in (None, *THRESHOLDS):
            key = () if t is None else tuple(k for k, c in enumerate(adds) if c.confidence >= t)
            if key not in cache:
                facts = replace(d.facts, relations=d.facts.relations + [adds[k] for k in key])
                cache[key] = score_document(d.name, d.gold, resolve([facts])).by_type
            out[t][d.name] = cache[key]
    return out


def _sum(per_doc: dict[str, dict], names: list[str], rtype: str) -> Score:
    s = Score()
    for n in names:
        s.add(per_doc[n].get(rtype, Score()))
    return s


def choose(scores: dict, names: list[str]) -> dict[str, float]:
    """Per relation type, the threshold of best F1 on the documents ``names`` (ties: the higher one); none unless it
    beats the patterns alone by ``MIN_GAIN``."""
    out = {}
    for rtype in _types():
        base = round(_sum(scores[None], names, rtype).f1, 4)
        f1 = {t: round(_sum(scores[t], names, rtype).f1, 4) for t in THRESHOLDS}
        best = max(THRESHOLDS, key=lambda t: (f1[t], t))
        if f1[best] >= base + MIN_GAIN:
            out[rtype] = best
    return out


def combined(scores: dict, names: list[str], chosen: dict[str, float]) -> dict[str, Score]:
    """Per relation type, the Score of ``names`` with each type at its chosen threshold (patterns only where none).
    A pair's decision depends only on its own type's threshold, so per-type scores at one threshold combine."""
    return {r: _sum(scores[chosen.get(r)], names, r) for r in _types()}


def total(by_type: dict[str, Score]) -> Score:
    s = Score()
    for v in by_type.values():
        s.add(v)
    return s


def cross_validate(docs: list[DocData], folds: int, trainer: Any = None) -> dict[str, Any]:
    """Fold models by document (round robin over sorted names); the patterns alone; the model at the thresholds
    chosen on all folds (``insample``, what ships); and at thresholds chosen on the other folds only (``honest``)."""
    trainer = trainer or train
    models: dict[str, PairModel] = {}
    for k in range(folds):
        test = [d for n, d in enumerate(docs) if n % folds == k]
        model = trainer([d for n, d in enumerate(docs) if n % folds != k])
        models.update({d.name: model for d in test})
    scores = doc_scores(docs, models)
    names = [d.name for d in docs]
    chosen = choose(scores, names)
    honest = {r: Score() for r in _types()}
    picks = []
    for k in range(folds):
        rest = [d.name for n, d in enumerate(docs) if n % folds != k]
        picks.append(choose(scores, rest))
        for r, sc in combined(scores, [d.name for n, d in enumerate(docs) if n % folds == k], picks[-1]).items():
            honest[r].add(sc)
    return {"base": combined(scores, names, {}), "best": combined(scores, names, chosen), "honest": honest,
            "thresholds": chosen, "picks": picks,
            "curve": {t: total(combined(scores, names, dict.fromkeys(_types(), t))) for t in THRESHOLDS}}


def _row(name: str, s: Score) -> str:
    return f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |"


def _prf(s: Score) -> str:
    return f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}"


def report(cv: dict[str, Any], n_docs: int, folds: int) -> str:
    base, best, honest, chosen = cv["base"], cv["best"], cv["honest"], cv["thresholds"]
    lines = [f"Cross-validation on {n_docs} dev documents, {folds} folds by document", "",
             "| one threshold for every type | P | R | F1 |", "|---|---|---|---|"]
    lines += [f"| {t:.2f} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} |" for t, c in cv["curve"].items()]
    lines += ["", "| typed relations | P | R | F1 | TP | FP | FN |", "|---|---|---|---|---|---|---|",
              _row("patterns only", total(base)), _row("patterns + classifier (thresholds chosen on all folds)", total(best)),
              _row("patterns + classifier (thresholds chosen on the other folds)", total(honest)),
              "", "| relation type | threshold | patterns P / R / F1 | + classifier P / R / F1 | other-fold thresholds "
              "| + classifier, other-fold thresholds P / R / F1 |", "|---|---|---|---|---|---|"]
    for t in _types():
        thr = f"{chosen[t]:.2f}" if t in chosen else "off"
        picks = ", ".join(f"{p[t]:.2f}" if t in p else "off" for p in cv["picks"])
        lines.append(f"| {t} | {thr} | {_prf(base[t])} | {_prf(best[t])} | {picks} | {_prf(honest[t])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=Path("tests/data/gold/dev"))
    ap.add_argument("-o", "--output", type=Path, default=as_path(shipped(*SHIPPED)))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--cv-json", type=Path, default=None, help="also write the cross-validation figures as JSON")
    ap.add_argument("--skip-cv", action="store_true",
                    help="no cross-validation: fit the model on all documents with no thresholds (it adds nothing "
                         "until a threshold is set); for a busy machine")
    args = ap.parse_args(argv)
    docs = collect(args.gold)
    rows, labels = training_rows(docs)
    meta = {"documents": len(docs), "pairs": len(rows), "folds": args.folds, "settings": SETTINGS,
            "left_out": list(LEFT_OUT)}
    if args.skip_cv:
        model = train(docs, {}, {**meta, "folds": 0})
        cv = None
    else:
        cv = cross_validate(docs, args.folds)
        print(report(cv, len(docs), args.folds))
        meta["cv_f1"] = {"patterns": round(total(cv["base"]).f1, 4), "with_model": round(total(cv["best"]).f1, 4),
                         "other_fold_thresholds": round(total(cv["honest"]).f1, 4)}
        model = train(docs, cv["thresholds"], meta)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(model.to_json(), encoding="utf-8")
    print(f"\nwrote {args.output} ({args.output.stat().st_size:,} bytes; {len(model.features)} features, "
          f"{len(model.classes)} classes, {len(rows)} pairs)")
    if args.cv_json and cv is not None:
        figures = {"thresholds": cv["thresholds"], **{k: {"overall": total(cv[k]).as_dict(),
                   "by_type": {t: s.as_dict() for t, s in cv[k].items()}} for k in ("base", "best", "honest")}}
        args.cv_json.write_text(json.dumps(figures, indent=1, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
