"""Precision, recall and F1 of extraction against hand-written gold files.

Layout: ``GOLD_DIR/**/NAME.txt`` with ``NAME.gold.json`` beside it (docs/annotation.md)::

    {"style": "news", "unlisted": false, "entities": [{"name", "type", "aliases"}],
     "relations": [{"type", "source", "target"}]}

Each text is extracted and resolved on its own. Scores (micro-averaged over documents):

* typed entities: a predicted entity matches a gold one of the same type when any of their
  names (name or alias, normalised) coincide; one-to-one;
* typed relations: same relation type and both ends matched (PARTNERS_WITH undirected);
* entity pairs: both ends matched, any type or direction.

Breakdowns: per entity type (gold type -> counts; an entity predicted with the wrong type is a false
positive of the predicted type and a miss of the gold type) with the main type confusions, per relation type, per genre (``style``), for the ``unlisted`` documents (organisations
absent from the gazetteer), and precision by confidence band per relation type. ``gazetteer=False``
runs the same extractor with an empty gazetteer (the ablation of docs/quality.md).
"""

from __future__ import annotations

import bisect
import json
import tempfile
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from aikg.core.errors import InputError
from aikg.core.facts import EntityRecord, RelationRecord
from aikg.core.ids import content_id, normalise_name

if TYPE_CHECKING:  # pragma: no cover
    from aikg.ingest.nlp import Extractor

SYMMETRIC = {"PARTNERS_WITH"}
#: confidence bands for precision by confidence: (label, low inclusive, high exclusive)
BANDS = (("<0.5", 0.0, 0.5), ("[0.5,0.7)", 0.5, 0.7), ("[0.7,0.85)", 0.7, 0.85), ("[0.85,1]", 0.85, 1.01))
#: finer bands for predicted vs observed precision: calibrated confidences mostly lie above 0.85
RELIABILITY_BANDS = (*BANDS[:3], ("[0.85,0.9)", 0.85, 0.9), ("[0.9,0.95)", 0.9, 0.95), ("[0.95,1]", 0.95, 1.01))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def band_of(confidence: float, bands: tuple[tuple[str, float, float], ...] = BANDS) -> str:
    """Label of the confidence band a relation's confidence falls in."""
    for label, low, high in bands:
        if low <= confidence < high:
            return label
    return bands[-1][0]


def reliability(scored: Iterable[tuple[str, float, bool]]) -> dict[str, Any]:
    """How well confidences predict correctness: per band of ``RELIABILITY_BANDS`` the mean confidence
    (predicted) beside the share right (observed), the Brier score (mean squared gap between confidence and 0/1 correctness) and the
    expected calibration error over ten bins of width 0.1 (the share-weighted |predicted - observed|)."""
    rows = list(scored)
    bands = {label: {"n": 0, "right": 0, "conf": 0.0} for label, _, _ in RELIABILITY_BANDS}
    bins: dict[int, list[float]] = defaultdict(lambda: [0, 0.0, 0])
    brier = 0.0
    for _, conf, ok in rows:
        cell = bands[band_of(conf, RELIABILITY_BANDS)]
        cell["n"] += 1
        cell["right"] += int(ok)
        cell["conf"] += conf
        b = bins[min(int(conf * 10), 9)]
        b[0] += 1
        b[1] += conf
        b[2] += int(ok)
        brier += (conf - float(ok)) ** 2
    n = len(rows)
    ece = sum(abs(c - k) for _, c, k in bins.values()) / n if n else 0.0
    out = {label: {"n": c["n"], "right": c["right"], "predicted": round(c["conf"] / c["n"], 4) if c["n"] else None,
                   "observed": round(c["right"] / c["n"], 4) if c["n"] else None} for label, c in bands.items()}
    return {"n": n, "brier": round(brier / n, 4) if n else 0.0, "ece": round(ece, 4), "auc": _auc(rows), "bands": out}


def _auc(rows: list[tuple[str, float, bool]]) -> float | None:
    """ROC AUC: the chance a right relation has a higher confidence than a wrong one (ties count half)."""
    right = [conf for _, conf, ok in rows if ok]
    wrong = sorted(conf for _, conf, ok in rows if not ok)
    if not right or not wrong:
        return None
    wins = sum(bisect.bisect_left(wrong, c) + 0.5 * (bisect.bisect_right(wrong, c) - bisect.bisect_left(wrong, c))
               for c in right)
    wrong_n = len(wrong)
    return round(wins / (len(right) * wrong_n), 4)


@dataclass
class DocReport:
    name: str
    style: str
    entities: Score
    relations: Score
    pairs: Score
    missed_entities: list[str] = field(default_factory=list)
    false_entities: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)
    false_relations: list[str] = field(default_factory=list)
    unlisted: bool = False
    by_type: dict[str, Score] = field(default_factory=dict)
    #: relation type -> band label -> [true positives, false positives] of predicted relations
    bands: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    #: (relation type, confidence, right) of every predicted relation, for predicted-vs-observed precision
    scored: list[tuple[str, float, bool]] = field(default_factory=list)
    #: typed-entity scores per entity type (they add up to ``entities``)
    entity_types: dict[str, Score] = field(default_factory=dict)
    #: (gold type, predicted type) -> how many gold entities were found under a name of theirs with the other type
    entity_confusions: dict[tuple[str, str], int] = field(default_factory=dict)


def _sum_scores(scores: Iterable[Score]) -> Score:
    total = Score()
    for s in scores:
        total.add(s)
    return total


def _band_precision(counts: list[int]) -> dict[str, Any]:
    tp, fp = counts
    return {"tp": tp, "fp": fp, "precision": round(tp / (tp + fp), 4) if tp + fp else None}


@dataclass
class EvalReport:
    gold_dir: str
    docs: list[DocReport]
    entities: Score
    relations: Score
    pairs: Score
    gazetteer: bool = True
    #: gold files that could not be read: (file, why); the other documents are still scored
    errors: list[tuple[str, str]] = field(default_factory=list)

    def by_type(self, docs: list[DocReport] | None = None) -> dict[str, Score]:
        """Typed-relation scores per relation type, micro-averaged over ``docs`` (default: all)."""
        out: dict[str, Score] = defaultdict(Score)
        for d in self.docs if docs is None else docs:
            for t, s in d.by_type.items():
                out[t].add(s)
        return dict(sorted(out.items()))

    def entity_types(self, docs: list[DocReport] | None = None) -> dict[str, Score]:
        """Typed-entity scores per entity type, micro-averaged over ``docs`` (default: all)."""
        out: dict[str, Score] = defaultdict(Score)
        for d in self.docs if docs is None else docs:
            for t, s in d.entity_types.items():
                out[t].add(s)
        return dict(sorted(out.items()))

    def entity_confusions(self) -> list[tuple[str, str, int]]:
        """(gold type, predicted type, count) of entities found with the wrong type, most frequent first."""
        out: dict[tuple[str, str], int] = defaultdict(int)
        for d in self.docs:
            for k, n in d.entity_confusions.items():
                out[k] += n
        return sorted(((g, p, n) for (g, p), n in out.items()), key=lambda x: (-x[2], x[0], x[1]))

    def by_genre(self) -> dict[str, dict[str, Any]]:
        """Entity and relation scores per genre (the gold files' ``style``)."""
        groups: dict[str, list[DocReport]] = defaultdict(list)
        for d in self.docs:
            groups[d.style or "unknown"].append(d)
        return {g: {"documents": len(ds), "entities": _sum_scores(d.entities for d in ds),
                    "relations": _sum_scores(d.relations for d in ds)} for g, ds in sorted(groups.items())}

    def unlisted(self) -> dict[str, Any] | None:
        """Scores over the documents marked ``unlisted`` (organisations absent from the gazetteer)."""
        ds = [d for d in self.docs if d.unlisted]
        if not ds:
            return None
        return {"documents": len(ds), "entities": _sum_scores(d.entities for d in ds),
                "relations": _sum_scores(d.relations for d in ds), "by_type": self.by_type(ds)}

    def bands(self) -> dict[str, dict[str, list[int]]]:
        """Relation type -> confidence band -> [tp, fp] over all documents (precision by confidence)."""
        out: dict[str, dict[str, list[int]]] = {}
        for d in self.docs:
            for t, per_band in d.bands.items():
                row = out.setdefault(t, {label: [0, 0] for label, _, _ in BANDS})
                for label, (tp, fp) in per_band.items():
                    row[label][0] += tp
                    row[label][1] += fp
        return dict(sorted(out.items()))

    def reliability(self) -> dict[str, Any]:
        """Predicted (mean confidence) vs observed precision per band over all relations, Brier score, ECE."""
        return reliability(x for d in self.docs for x in d.scored)

    def as_dict(self) -> dict[str, Any]:
        unl = self.unlisted()
        return {
            "gold_dir": self.gold_dir,
            "gazetteer": self.gazetteer,
            "documents": len(self.docs),
            "entities": self.entities.as_dict(),
            "relations": self.relations.as_dict(),
            "pairs": self.pairs.as_dict(),
            "by_type": {t: s.as_dict() for t, s in self.by_type().items()},
            "entity_types": {t: s.as_dict() for t, s in self.entity_types().items()},
            "entity_confusions": [{"gold": g, "predicted": p, "count": n} for g, p, n in self.entity_confusions()],
            "by_genre": {g: {"documents": v["documents"], "entities": v["entities"].as_dict(),
                             "relations": v["relations"].as_dict()} for g, v in self.by_genre().items()},
            "unlisted": None if unl is None else {
                "documents": unl["documents"], "entities": unl["entities"].as_dict(),
                "relations": unl["relations"].as_dict(),
                "by_type": {t: s.as_dict() for t, s in unl["by_type"].items()}},
            "confidence_bands": {t: {b: _band_precision(c) for b, c in row.items()}
                                 for t, row in self.bands().items()},
            "calibration": self.reliability(),
            "errors": [{"file": f, "error": e} for f, e in self.errors],
        }

    def to_text(self, details: bool = True, by_type: bool = False, by_genre: bool = False,
                bands: bool = False) -> str:
        from aikg.evaluate_text import render

        return render(self, details=details, by_type=by_type, by_genre=by_genre, bands=bands)


def _names(name: str, aliases: list[str]) -> set[str]:
    return {normalise_name(x) for x in (name, *aliases)} - {""}


def _load_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(f"cannot read gold file: {e}", source=str(path)) from e
    if not isinstance(data, dict):
        raise InputError("gold file must hold a JSON object", source=str(path))
    for key in ("entities", "relations"):
        if not isinstance(data.get(key), list):
            raise InputError(f"gold file lacks a {key!r} list", source=str(path))
    return data


def _match_entities(gold_ents: list[dict], ents: list[EntityRecord]) -> dict[int, int]:
    """One-to-one typed matching, predicted index -> gold index; exact canonical names first."""
    g_names = [_names(g["name"], g.get("aliases", [])) for g in gold_ents]
    p_names = [_names(e.name, e.aliases) for e in ents]
    matched_p: dict[int, int] = {}
    matched_g: set[int] = set()
    for strict in (True, False):
        for gi, g in enumerate(gold_ents):
            if gi in matched_g:
                continue
            for pi, e in enumerate(ents):
                if pi in matched_p or e.type != g["type"]:
                    continue
                hit = normalise_name(e.name) == normalise_name(g["name"]) if strict else bool(p_names[pi] & g_names[gi])
                if hit:
                    matched_p[pi] = gi
                    matched_g.add(gi)
                    break
    return matched_p


def _entity_type_scores(gold_ents: list[dict], ents: list[EntityRecord],
                        matched_p: dict[int, int]) -> dict[str, Score]:
    """Per entity type: matches are true positives of their type, unmatched gold entities misses of the gold
    type, unmatched predictions false positives of the predicted type (so a wrong type counts against both)."""
    out: dict[str, Score] = defaultdict(Score)
    matched_g = set(matched_p.values())
    for gi, g in enumerate(gold_ents):
        if gi in matched_g:
            out[g["type"]].tp += 1
        else:
            out[g["type"]].fn += 1
    for pi, e in enumerate(ents):
        if pi not in matched_p:
            out[e.type].fp += 1
    return dict(sorted(out.items()))


def _entity_confusions(gold_ents: list[dict], ents: list[EntityRecord],
                       matched_p: dict[int, int]) -> dict[tuple[str, str], int]:
    """(gold type, predicted type) -> count: each missed gold entity paired one-to-one with an unmatched
    prediction of another type sharing one of its names (canonical names first, then any alias)."""
    matched_g = set(matched_p.values())
    free_g = [gi for gi in range(len(gold_ents)) if gi not in matched_g]
    free_p = [pi for pi in range(len(ents)) if pi not in matched_p]
    g_names = {gi: _names(gold_ents[gi]["name"], gold_ents[gi].get("aliases", [])) for gi in free_g}
    p_names = {pi: _names(ents[pi].name, ents[pi].aliases) for pi in free_p}
    out: dict[tuple[str, str], int] = defaultdict(int)
    used: set[int] = set()
    for strict in (True, False):
        for gi in list(free_g):
            g = gold_ents[gi]
            for pi in free_p:
                e = ents[pi]
                if pi in used or e.type == g["type"]:
                    continue
                hit = normalise_name(e.name) == normalise_name(g["name"]) if strict else bool(p_names[pi] & g_names[gi])
                if hit:
                    out[(g["type"], e.type)] += 1
                    used.add(pi)
                    free_g.remove(gi)
                    break
    return dict(out)


def _relation_ends(gold_ents: list[dict], ents: list[EntityRecord], matched_p: dict[int, int]) -> dict[str, int]:
    """Predicted entity id -> the gold entity it stands for (typed match first, else any shared name)."""
    g_names = [_names(g["name"], g.get("aliases", [])) for g in gold_ents]
    end_of: dict[str, int] = {}
    for pi, e in enumerate(ents):
        if pi in matched_p:
            end_of[e.id] = matched_p[pi]
            continue
        names = _names(e.name, e.aliases)
        for gi in range(len(gold_ents)):
            if names & g_names[gi]:
                end_of[e.id] = gi
                break
    return end_of


Key = tuple[str, int, int]


def _gold_relations(gold: dict[str, Any]) -> set[Key]:
    index: dict[str, int] = {}
    for gi, g in enumerate(gold["entities"]):
        for n in _names(g["name"], g.get("aliases", [])):
            index.setdefault(n, gi)
    out: set[Key] = set()
    for r in gold["relations"]:
        a, b = index.get(normalise_name(r["source"])), index.get(normalise_name(r["target"]))
        if a is None or b is None:
            continue
        out.add((r["type"], min(a, b), max(a, b)) if r["type"] in SYMMETRIC else (r["type"], a, b))
    return out


@dataclass
class _Predicted:
    keys: dict[Key, float]  # matched relation -> highest confidence among the records that give it
    unmatched: list[tuple[str, float, str]]  # (type, confidence, label) of relations with an end not in gold


def _predicted_relations(rels: list[RelationRecord], ents: list[EntityRecord], end_of: dict[str, int]) -> _Predicted:
    names = {e.id: e.name for e in ents}
    keys: dict[Key, float] = {}
    unmatched: list[tuple[str, float, str]] = []
    for r in rels:
        a, b = end_of.get(r.source), end_of.get(r.target)
        if a is None or b is None or a == b:
            label = f"{r.type}({names.get(r.source, r.source)} -> {names.get(r.target, r.target)}) [{r.method}]"
            unmatched.append((r.type, r.confidence, label))
            continue
        key = (r.type, min(a, b), max(a, b)) if r.type in SYMMETRIC else (r.type, a, b)
        keys[key] = max(keys.get(key, 0.0), r.confidence)
    return _Predicted(keys, unmatched)


def _type_scores(gold_rel: set[Key], pred: _Predicted) -> dict[str, Score]:
    out: dict[str, Score] = defaultdict(Score)
    for key in gold_rel | set(pred.keys):
        s = out[key[0]]
        if key in gold_rel and key in pred.keys:
            s.tp += 1
        elif key in gold_rel:
            s.fn += 1
        else:
            s.fp += 1
    for rtype, _, _ in pred.unmatched:
        out[rtype].fp += 1
    return dict(out)


def _scored(gold_rel: set[Key], pred: _Predicted) -> list[tuple[str, float, bool]]:
    """(type, confidence, right) of every predicted relation, at the highest confidence any record gives it."""
    hits = [(k[0], conf, k in gold_rel) for k, conf in pred.keys.items()]
    return hits + [(rtype, conf, False) for rtype, conf, _ in pred.unmatched]


def _band_counts(gold_rel: set[Key], pred: _Predicted) -> dict[str, dict[str, list[int]]]:
    out: dict[str, dict[str, list[int]]] = {}
    for rtype, conf, ok in _scored(gold_rel, pred):
        cell = out.setdefault(rtype, {}).setdefault(band_of(conf), [0, 0])
        cell[0 if ok else 1] += 1
    return out


def score_document(name: str, gold: dict[str, Any], records: list[EntityRecord | RelationRecord]) -> DocReport:
    """Compare one document's resolved records with its gold annotation."""
    ents = [r for r in records if isinstance(r, EntityRecord)]
    rels = [r for r in records if isinstance(r, RelationRecord)]
    gold_ents = gold["entities"]
    matched_p = _match_entities(gold_ents, ents)
    matched_g = set(matched_p.values())
    gold_rel = _gold_relations(gold)
    pred = _predicted_relations(rels, ents, _relation_ends(gold_ents, ents, matched_p))
    gold_pairs = {frozenset((a, b)) for _, a, b in gold_rel}
    pred_pairs = {frozenset((a, b)) for _, a, b in pred.keys}
    n_un = len(pred.unmatched)
    gname = lambda i: gold_ents[i]["name"]  # noqa: E731
    return DocReport(
        name=name,
        style=str(gold.get("style", "")),
        entities=Score(tp=len(matched_g), fp=len(ents) - len(matched_p), fn=len(gold_ents) - len(matched_g)),
        relations=Score(tp=len(set(pred.keys) & gold_rel), fp=len(set(pred.keys) - gold_rel) + n_un,
                        fn=len(gold_rel - set(pred.keys))),
        pairs=Score(tp=len(pred_pairs & gold_pairs), fp=len(pred_pairs - gold_pairs) + n_un,
                    fn=len(gold_pairs - pred_pairs)),
        missed_entities=sorted(f"{g['type']} {g['name']}" for gi, g in enumerate(gold_ents) if gi not in matched_g),
        false_entities=sorted(f"{e.type} {e.name}" for pi, e in enumerate(ents) if pi not in matched_p),
        missed_relations=sorted(f"{t}({gname(a)} -> {gname(b)})" for t, a, b in gold_rel - set(pred.keys)),
        false_relations=sorted([f"{t}({gname(a)} -> {gname(b)})" for t, a, b in set(pred.keys) - gold_rel]
                               + [label for _, _, label in pred.unmatched]),
        unlisted=bool(gold.get("unlisted", False)),
        by_type=_type_scores(gold_rel, pred),
        bands=_band_counts(gold_rel, pred),
        scored=_scored(gold_rel, pred),
        entity_types=_entity_type_scores(gold_ents, ents, matched_p),
        entity_confusions=_entity_confusions(gold_ents, ents, matched_p),
    )


def gold_texts(gold_dir: Path) -> list[Path]:
    """Every NAME.txt under ``gold_dir`` that has a NAME.gold.json beside it, sorted."""
    return sorted(p for p in Path(gold_dir).rglob("*.txt") if p.with_name(p.stem + ".gold.json").exists())


def _run(gold_dir: Path, texts: list[Path], extractor: "Extractor", gazetteer: bool) -> EvalReport:
    from aikg.ingest.document import LoadedDocument
    from aikg.ingest.nlp import resolve

    docs, golds, errors = [], [], []
    for p in texts:
        try:
            golds.append(_load_gold(p.with_name(p.stem + ".gold.json")))
        except InputError as e:
            errors.append((str(p.with_name(p.stem + ".gold.json")), str(e)))
            continue
        raw = p.read_bytes()
        docs.append(LoadedDocument(id=content_id(raw), source=str(p), title=p.stem, kind="text",
                                   text=raw.decode("utf-8")))
    reports = [score_document(str(Path(d.source).relative_to(gold_dir)), gold, resolve([facts]))
               for d, gold, facts in zip(docs, golds, extractor.extract_many(docs))]
    return EvalReport(str(gold_dir), reports, _sum_scores(r.entities for r in reports),
                      _sum_scores(r.relations for r in reports), _sum_scores(r.pairs for r in reports),
                      gazetteer=gazetteer, errors=errors)


def evaluate(gold_dir: Path, extractor: "Extractor | None" = None, *, gazetteer: bool = True) -> EvalReport:
    """Run the extractor over every gold text under ``gold_dir`` and score it.

    ``gazetteer=False`` (ablation) builds an extractor whose gazetteer folder is empty, through
    ``ExtractConfig.gazetteer_dir``; it cannot be combined with a caller's ``extractor``.
    """
    gold_dir = Path(gold_dir)
    texts = gold_texts(gold_dir)
    if not texts:
        raise InputError("no gold documents (NAME.txt with NAME.gold.json)", source=str(gold_dir))
    if gazetteer:
        from aikg.ingest.nlp import Extractor

        return _run(gold_dir, texts, extractor or Extractor(), True)
    if extractor is not None:
        raise ValueError("gazetteer=False builds its own extractor; do not pass one")
    import spacy  # noqa: F401  (importing spaCy installs its warning filters; ours must come after them)

    from aikg.ingest.nlp import Extractor
    from aikg.ingest.nlp.config import ExtractConfig

    with tempfile.TemporaryDirectory(prefix="aikg-no-gazetteer-") as empty, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W036\]")  # spaCy: the (empty) entity ruler has no patterns
        return _run(gold_dir, texts, Extractor(ExtractConfig(gazetteer_dir=Path(empty))), False)
