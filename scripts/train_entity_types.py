#!/usr/bin/env python
"""Train the learned entity typer on the development gold and write data/models/entity_types.json.

Why: the model must be reproducible from the repository by one command, and decided by honest
cross-validation (as ``scripts/train_relations.py`` decides the pair classifier). Steps: extract every dev
document with the rules (the stage records each entity's features and changes nothing; cached under /tmp),
label each entity with the gold type of the gold entity it matches (``aikg.evaluate``'s matching) or NONE;
5-fold cross-validation by document: each fold's entities are typed by a model trained on the other folds,
applied as the stage applies it (retype / drop), resolved and scored with the evaluator, for a grid of
thresholds; the thresholds of best entity F1 that cost no relation F1 are chosen (on all folds: ``insample``;
on the other folds only: ``honest``); then the shipped model is fitted on all the documents.
Documents whose names start with a ``--hold-out`` prefix (default ``dev23_``) are never used.

Usage: ``.venv/bin/python scripts/train_entity_types.py [--gold tests/data/gold/dev] [-o FILE] [--folds 5]
[--no-gazetteer] [--faithful] [--transfer dev23_]``
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from aikg.core.ids import content_id
from aikg.core.paths import as_path, shipped
from aikg.evaluate import Score, _load_gold, _match_entities, _relation_ends, gold_texts, score_document
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import DocFacts, ExtractConfig, Extractor, resolve
from aikg.ingest.nlp.entity_type_model import DROP, KEEP, NONE, RETYPE, SHIPPED, TypeModel, register
from aikg.ingest.nlp.entity_type_training import fit

SETTINGS = {"l2": 1e-3, "iterations": 300, "rate": 0.05, "min_count": 2}
RETYPE_GRID = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2.0)  # 2.0: never
DROP_GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2.0)
#: feature prefixes the model does not learn from (the stage computes them; the model ignores what it lacks)
LEFT_OUT: tuple[str, ...] = ()
NO_DENSE = False  # train without the word vectors (the model then ignores them)
MAX_REL_LOSS = 0.002  # thresholds may not lower relation F1 by more than this
RECORDER = "train-record-types"


@dataclass
class Group:
    rows: tuple[str, ...]
    dense: np.ndarray
    type: str
    listed: bool
    name: str
    spans: list[tuple[int, int]]
    label: str | None = None  # gold type, NONE, or None when no kept mention stands for it


@dataclass
class DocData:
    name: str
    gold: dict[str, Any]
    facts: DocFacts
    groups: list[Group] = field(default_factory=list)


class Recorder:
    """Stands in for the model during extraction: keeps every entity's features, changes nothing."""

    def __init__(self) -> None:
        self.seen: list[Group] = []

    def decide_groups(self, rows: list, dense: np.ndarray, types: list[str], listed: list[bool],
                      info: list[dict[str, Any]]) -> list[tuple[str, str]]:
        for k, row in enumerate(rows):
            self.seen.append(Group(row, dense[k], types[k], listed[k], info[k]["name"], info[k]["spans"]))
        return [(KEEP, t) for t in types]


class Holder:
    """A registered sink whose model and thresholds the script swaps between folds."""

    def __init__(self) -> None:
        self.model: TypeModel | None = None
        self.thresholds: dict[str, float] = {}

    def decide_groups(self, rows: list, dense: np.ndarray, types: list[str], listed: list[bool],
                      info: list[dict[str, Any]]) -> list[tuple[str, str]]:
        if self.model is None:
            return [(KEEP, t) for t in types]
        return self.model.decide(self.model.proba(rows, dense), types, listed, self.thresholds)


def _loaded(paths: list[Path]) -> list[LoadedDocument]:
    return [LoadedDocument(id=content_id(p.read_bytes()), source=str(p), title=p.stem, kind="text",
                           text=p.read_text(encoding="utf-8")) for p in paths]


def _extractor(setting: str, gazetteer: bool, empty: str) -> Extractor:
    cfg = ExtractConfig(learned_types=setting)
    return Extractor(cfg if gazetteer else replace(cfg, gazetteer_dir=Path(empty)))


def collect(paths: list[Path], gazetteer: bool) -> list[DocData]:
    """Extract each text with the rules, recording its entities' features, and label them."""
    recorder = Recorder()
    register(RECORDER, recorder)
    out = []
    with tempfile.TemporaryDirectory(prefix="aikg-no-gazetteer-") as empty, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W036\]")
        ex = _extractor(RECORDER, gazetteer, empty)
        for p, d in zip(paths, _loaded(paths)):
            recorder.seen = []
            facts = ex.extract(d)
            data = DocData(p.stem, _load_gold(p.with_name(p.stem + ".gold.json")), facts, recorder.seen)
            label_groups(data)
            out.append(data)
    return out


def label_groups(data: DocData) -> None:
    """Each entity's gold type (of the gold entity its resolved entity stands for) or NONE."""
    ents = [r for r in resolve([data.facts]) if hasattr(r, "mentions")]
    end_of = _relation_ends(data.gold["entities"], ents, _match_entities(data.gold["entities"], ents))
    at = {(m.start, m.end): e.id for e in ents for m in e.mentions}
    for g in data.groups:
        ids = Counter(at[s] for s in g.spans if s in at)
        if not ids:
            continue
        gi = end_of.get(ids.most_common(1)[0][0])
        g.label = NONE if gi is None else data.gold["entities"][gi]["type"]


def applied(facts: DocFacts, groups: list[Group], decisions: list[tuple[str, str]]) -> DocFacts:
    """The facts as the stage would leave them: mentions retyped or dropped (relations of a dropped end go;
    resolution drops relations the schema no longer allows)."""
    retype: dict[tuple[int, int], str] = {}
    drop: set[tuple[int, int]] = set()
    for g, (action, typ) in zip(groups, decisions):
        for s in g.spans:
            if action == RETYPE:
                retype[s] = typ
            elif action == DROP:
                drop.add(s)
    if not retype and not drop:
        return facts
    ms = facts.mentions
    gone = {i for i, m in enumerate(ms) if (m.start, m.end) in drop}
    for i, m in enumerate(ms):  # an anaphor goes with the mention it stands for
        if m.source == "anaphor" and m.coref in gone:
            gone.add(i)
    new_index, kept = {}, []
    for i, m in enumerate(ms):
        if i in gone:
            continue
        root, steps = m, 0
        while root.coref is not None and steps < 8:
            root, steps = ms[root.coref], steps + 1
        typ = retype.get((m.start, m.end)) or (retype.get((root.start, root.end)) if m.source == "anaphor" else None)
        new_index[i] = len(kept)
        kept.append(replace(m, type=typ or m.type))
    kept = [replace(m, coref=new_index.get(m.coref)) if m.coref is not None else m for m in kept]
    rels = [replace(r, source=new_index[r.source], target=new_index[r.target]) for r in facts.relations
            if r.source in new_index and r.target in new_index]
    return replace(facts, mentions=kept, relations=rels)


def training_set(docs: list[DocData]) -> tuple[list[tuple[str, ...]], np.ndarray, list[str]]:
    groups = [g for d in docs for g in d.groups if g.label is not None]
    rows = [tuple(f for f in g.rows if not f.startswith(LEFT_OUT)) if LEFT_OUT else g.rows for g in groups]
    dense = np.array([g.dense for g in groups])
    return rows, dense[:, :0] if NO_DENSE else dense, [g.label for g in groups]


def train(docs: list[DocData], thresholds: dict[str, float] | None = None, meta: dict | None = None) -> TypeModel:
    rows, dense, labels = training_set(docs)
    model = fit(rows, dense, labels, sorted(set(labels)), thresholds=thresholds, meta=meta, **SETTINGS)
    return TypeModel.from_json(model.to_json())  # what the file holds (rounded weights)


@dataclass
class Scores:
    entities: Score = field(default_factory=Score)
    relations: Score = field(default_factory=Score)
    types: dict[str, Score] = field(default_factory=dict)
    confusions: Counter = field(default_factory=Counter)

    def add(self, rep: Any) -> None:
        self.entities.add(rep.entities)
        self.relations.add(rep.relations)
        for t, s in rep.entity_types.items():
            self.types.setdefault(t, Score()).add(s)
        self.confusions.update(rep.entity_confusions)


def grid_reports(docs: list[DocData], probs: dict[str, np.ndarray], models: dict[str, TypeModel]) -> dict:
    """(retype, drop) -> document name -> its DocReport with those thresholds (each distinct outcome scored once)."""
    out: dict[tuple[float, float], dict[str, Any]] = {}
    for d in docs:
        cache: dict[tuple, Any] = {}
        types, listed = [g.type for g in d.groups], [g.listed for g in d.groups]
        for rt in RETYPE_GRID:
            for dr in DROP_GRID:
                dec = models[d.name].decide(probs[d.name], types, listed, {RETYPE: rt, DROP: dr}) if d.groups else []
                key = tuple(dec)
                if key not in cache:
                    cache[key] = score_document(d.name, d.gold, resolve([applied(d.facts, d.groups, dec)]))
                out.setdefault((rt, dr), {})[d.name] = cache[key]
    return out


def pooled(reports: dict[str, Any], names: list[str]) -> Scores:
    s = Scores()
    for n in names:
        s.add(reports[n])
    return s


def choose(grid: dict, names: list[str]) -> tuple[float, float]:
    """Thresholds of best entity F1 on ``names`` whose relation F1 is at most ``MAX_REL_LOSS`` below the rules'."""
    base = pooled(grid[(2.0, 2.0)], names)
    best, best_f1 = (2.0, 2.0), round(base.entities.f1, 4)
    for key in sorted(grid, key=lambda k: (-k[0], -k[1])):  # ties: the higher thresholds
        s = pooled(grid[key], names)
        if s.relations.f1 >= base.relations.f1 - MAX_REL_LOSS and round(s.entities.f1, 4) > best_f1:
            best, best_f1 = key, round(s.entities.f1, 4)
    return best


def fold_probs(docs: list[DocData], folds: int, apply_to: list[DocData] | None = None) -> tuple[dict, dict]:
    """Out-of-fold probabilities of every document's entities (``apply_to``: the same documents extracted
    otherwise, e.g. with the gazetteer off, typed by the models trained on ``docs``' other folds)."""
    targets = {d.name: d for d in (apply_to or docs)}
    probs, models = {}, {}
    for k in range(folds):
        model = train([d for n, d in enumerate(docs) if n % folds != k])
        for n, d in enumerate(docs):
            if n % folds == k and d.name in targets:
                t = targets[d.name]
                models[t.name] = model
                probs[t.name] = model.proba([g.rows for g in t.groups], np.array([g.dense for g in t.groups])) \
                    if t.groups else np.zeros((0, len(model.classes)))
    return probs, models


def cross_validate(docs: list[DocData], folds: int, apply_to: list[DocData] | None = None) -> dict[str, Any]:
    targets = apply_to or docs
    probs, models = fold_probs(docs, folds, apply_to)
    grid = grid_reports(targets, probs, models)
    names = [d.name for d in targets]
    chosen = choose(grid, names)
    honest = Scores()
    picks = []
    for k in range(folds):
        rest = [d.name for n, d in enumerate(targets) if n % folds != k]
        picks.append(choose(grid, rest))
        for n in [d.name for n, d in enumerate(targets) if n % folds == k]:
            honest.add(grid[picks[-1]][n])
    curve = {key: pooled(grid[key], names) for key in grid}
    return {"base": pooled(grid[(2.0, 2.0)], names), "best": pooled(grid[chosen], names), "honest": honest,
            "thresholds": chosen, "picks": picks, "curve": curve}


def _t(x: float) -> str:
    return "off" if x > 1 else f"{x:.2f}"


def _prf(s: Score) -> str:
    return f"{s.precision:.3f} / {s.recall:.3f} / {s.f1:.3f}"


def report(cv: dict[str, Any], n_docs: int, folds: int, label: str) -> str:
    base, best, honest = cv["base"], cv["best"], cv["honest"]
    lines = [f"Cross-validation on {n_docs} dev documents, {folds} folds by document, {label}", "",
             "| setting | entities P / R / F1 | relations P / R / F1 |", "|---|---|---|",
             f"| model off (rules only) | {_prf(base.entities)} | {_prf(base.relations)} |",
             f"| model on, thresholds chosen on all folds (retype {_t(cv['thresholds'][0])}, drop "
             f"{_t(cv['thresholds'][1])}) | {_prf(best.entities)} | {_prf(best.relations)} |",
             f"| model on, thresholds chosen on the other folds | {_prf(honest.entities)} | {_prf(honest.relations)} |",
             "", "other-fold thresholds (retype, drop): " + ", ".join(f"({_t(a)}, {_t(b)})" for a, b in cv["picks"]),
             "", "| entity type | off P / R / F1 | on (other-fold thresholds) P / R / F1 |", "|---|---|---|"]
    for t in sorted(base.types):
        lines.append(f"| {t} | {_prf(base.types[t])} | {_prf(honest.types.get(t, Score()))} |")
    lines += ["", "| retype | drop | entities F1 | relations F1 |", "|---|---|---|---|"]
    lines += [f"| {_t(a)} | {_t(b)} | {s.entities.f1:.4f} | {s.relations.f1:.4f} |" for (a, b), s in cv["curve"].items()]
    top = lambda c: ", ".join(f"{g}->{p} {n}" for (g, p), n in c.most_common(6))  # noqa: E731
    lines += ["", f"confusions off: {top(base.confusions)}", f"confusions on (other-fold): {top(honest.confusions)}"]
    return "\n".join(lines)


def cached(gold: Path, paths: list[Path], gazetteer: bool, cache_dir: Path) -> list[DocData]:
    """The recorded extraction of ``paths`` (computed once, kept under ``cache_dir``)."""
    key = content_id("\n".join(f"{p.name}:{p.stat().st_mtime_ns}" for p in paths).encode() + bytes([gazetteer]))
    f = cache_dir / f"aikg_entity_types_{'gaz' if gazetteer else 'nogaz'}_{key[:12]}.pkl"
    if f.exists():
        return pickle.loads(f.read_bytes())
    docs = collect(paths, gazetteer)
    f.write_bytes(pickle.dumps(docs))
    return docs


def faithful(paths: list[Path], docs_by_name: dict[str, int], folds: int, train_docs: list[DocData],
             thresholds: dict[str, float], gazetteer: bool) -> tuple[Scores, Scores]:
    """Real extraction of each fold's documents with the model of the other folds in the stage, vs off."""
    holder = Holder()
    register("cv-holder", holder)
    on, off = Scores(), Scores()
    with tempfile.TemporaryDirectory(prefix="aikg-no-gazetteer-") as empty, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W036\]")
        ex = _extractor("cv-holder", gazetteer, empty)
        for k in range(folds):
            holder.model = train([d for n, d in enumerate(train_docs) if n % folds != k]) if folds > 1 \
                else train(train_docs)
            holder.thresholds = thresholds
            test = [p for p in paths if folds == 1 or docs_by_name.get(p.stem, -1) % folds == k]
            for p, d in zip(test, _loaded(test)):
                gold = _load_gold(p.with_name(p.stem + ".gold.json"))
                on.add(score_document(p.stem, gold, resolve([ex.extract(d)])))
        holder.model = None
        for p, d in zip(paths, _loaded(paths)):
            off.add(score_document(p.stem, _load_gold(p.with_name(p.stem + ".gold.json")), resolve([ex.extract(d)])))
    return on, off


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=Path("tests/data/gold/dev"))
    ap.add_argument("-o", "--output", type=Path, default=as_path(shipped(*SHIPPED)))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--hold-out", nargs="*", default=["dev23_", "dev24_"], help="name prefixes never used")
    ap.add_argument("--no-gazetteer", action="store_true", help="also cross-validate with the gazetteer off")
    ap.add_argument("--faithful", action="store_true", help="also re-extract each fold with its model in the stage")
    ap.add_argument("--transfer", default=None, help="score the documents of this prefix once, with and without")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--cv-json", type=Path, default=None)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--leave-out", nargs="*", default=None, help="feature prefixes left out (experiments)")
    ap.add_argument("--no-dense", action="store_true", help="no word vectors (experiments)")
    args = ap.parse_args(argv)
    global LEFT_OUT, NO_DENSE
    LEFT_OUT = tuple(args.leave_out) if args.leave_out is not None else LEFT_OUT
    NO_DENSE = args.no_dense or NO_DENSE
    t0 = time.process_time()
    paths = [p for p in gold_texts(args.gold) if not p.stem.startswith(tuple(args.hold_out))]
    docs = cached(args.gold, paths, True, args.cache)
    print(f"{len(docs)} documents recorded ({time.process_time() - t0:.0f}s CPU)", flush=True)
    cv = cross_validate(docs, args.folds)
    print(report(cv, len(docs), args.folds, "gazetteer on"), flush=True)
    thresholds = {RETYPE: cv["thresholds"][0], DROP: cv["thresholds"][1]}
    figures: dict[str, Any] = {"gazetteer_on": _figures(cv)}
    if args.no_gazetteer:
        off_docs = cached(args.gold, paths, False, args.cache)
        cv_off = cross_validate(docs, args.folds, off_docs)
        print(report(cv_off, len(docs), args.folds, "gazetteer off (models trained with it on)"), flush=True)
        figures["gazetteer_off"] = _figures(cv_off)
    if args.faithful:
        index = {d.name: n for n, d in enumerate(docs)}
        on, off = faithful(paths, index, args.folds, docs, thresholds, True)
        print(f"\nfaithful CV (real extraction, thresholds {thresholds}): off {_prf(off.entities)} | "
              f"{_prf(off.relations)}; on {_prf(on.entities)} | {_prf(on.relations)}", flush=True)
    if args.transfer:
        tpaths = [p for p in gold_texts(args.gold) if p.stem.startswith(args.transfer)]
        on, off = faithful(tpaths, {}, 1, docs, thresholds, True)
        print(f"\ntransfer {args.transfer} ({len(tpaths)} docs): off {_prf(off.entities)} | {_prf(off.relations)}; "
              f"on {_prf(on.entities)} | {_prf(on.relations)}", flush=True)
    rows, _, labels = training_set(docs)
    meta = {"documents": len(docs), "entities": len(rows), "folds": args.folds, "settings": SETTINGS, "left_out": list(LEFT_OUT), "word_vectors": not NO_DENSE,
            "labels": dict(sorted(Counter(labels).items())), "cv": figures}
    if not args.no_write:
        model = train(docs, thresholds, meta)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(model.to_json(), encoding="utf-8")
        print(f"\nwrote {args.output} ({args.output.stat().st_size:,} bytes; {len(model.features)} features)")
    if args.cv_json:
        args.cv_json.write_text(json.dumps(figures, indent=1, sort_keys=True), encoding="utf-8")
    print(f"CPU {time.process_time() - t0:.0f}s")
    return 0


def _figures(cv: dict[str, Any]) -> dict[str, Any]:
    return {"thresholds": list(cv["thresholds"]), "picks": [list(p) for p in cv["picks"]],
            **{k: {"entities": cv[k].entities.as_dict(), "relations": cv[k].relations.as_dict(),
                   "types": {t: s.as_dict() for t, s in sorted(cv[k].types.items())}}
               for k in ("base", "best", "honest")}}


if __name__ == "__main__":
    raise SystemExit(main())
