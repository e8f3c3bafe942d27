"""Calibrated relation confidence: a rule's fixed confidence replaced by the precision its kind of evidence showed.

Why: the rules give one constant per rule family (verb 0.8, noun 0.75, window 0.45, …), so a band of
confidence did not mean a precision and ``--min-confidence 0.8`` did not mean "edges right about 80% of
the time". ``scripts/calibrate_confidence.py`` measures, on the development gold only, how often a
relation of each type asserted by each method is right, smoothed so small cells borrow from their
parents: (type, method) toward (type, method family) toward the type toward all relations (a Beta
prior of ``strength`` pseudo-relations at the parent's precision). The table is one JSON file in
``data/models/``; extraction replaces each candidate's confidence by its cell's precision
(:func:`apply`). A method whose family the table never saw keeps its rule confidence, and the pair
classifier's ``model:*`` relations keep their model probability.

The table alone cannot rank (every kind of evidence is about equally reliable on dev), so the same file
may carry a small logistic model (:mod:`confidence_model`) over the cell and the candidate's own
circumstances (:mod:`confidence_features`: an anaphor end, a one-word name, agreement of rules or
sentences, sentence length, ...). When it is there, a candidate the table can judge gets the model's
probability instead of its cell's precision; the script ships it only when it ranks clearly better
under cross-validation at no cost in calibration.

``ExtractConfig.calibration`` chooses: ``"default"``/``"on"`` (the shipped table), ``"off"`` (rule
confidences, what the calibration script measures), or a table file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Sequence

from aikg.core.errors import ConfigError
from aikg.core.paths import shipped
from aikg.ingest.nlp.confidence_features import NAMES as FEATURE_NAMES
from aikg.ingest.nlp.confidence_features import candidate_features
from aikg.ingest.nlp.confidence_model import CELL, ConfidenceModel, fit_model, log_odds
from aikg.ingest.nlp.records import DocFacts, RelationCandidate

FORMAT = "aikg-confidence/1"
SHIPPED = ("models", "confidence.json")
#: method families whose confidence is already a probability: never recalibrated
KEEP = frozenset({"model"})
COMBINE = ("max", "noisy-or")


def family(method: str) -> str:
    """``dep:fund`` -> ``dep``; ``rule:x-based`` -> ``rule``; ``window:backed-by`` -> ``window``."""
    return method.split(":", 1)[0]


@dataclass(frozen=True)
class Support:
    """One candidate behind a relation: which rule said it, at what rule confidence, in which sentence,
    and its circumstances (:func:`confidence_features.candidate_features`; empty when not computed)."""

    method: str
    confidence: float
    sentence: tuple[int, int]
    features: tuple[float, ...] = ()


@dataclass(frozen=True)
class Observation:
    """A relation extracted from one development document and whether the gold has it."""

    group: str  # the document (the unit of cross-validation)
    type: str
    correct: bool
    supports: tuple[Support, ...]


@dataclass(frozen=True)
class Cell:
    """``n`` relations, ``k`` of them right, ``p`` the smoothed precision."""

    n: int
    k: int
    p: float


@dataclass
class ConfidenceTable:
    """Smoothed precision per relation type, (type, family) and (type, method)."""

    strength: float
    prior: float
    types: dict[str, Cell] = field(default_factory=dict)
    families: dict[tuple[str, str], Cell] = field(default_factory=dict)
    methods: dict[tuple[str, str], Cell] = field(default_factory=dict)
    combine: str = "max"
    meta: dict[str, Any] = field(default_factory=dict)
    model: ConfidenceModel | None = None

    def cell(self, rtype: str, method: str) -> float | None:
        """The smoothed precision of the candidate's cell: (type, method), else (type, family), else the
        type's when the family is known; None when the table cannot say (a model family, a new family)."""
        fam = family(method)
        if fam in KEEP:
            return None
        for cell in (self.methods.get((rtype, method)), self.families.get((rtype, fam))):
            if cell is not None:
                return cell.p
        known = fam in {f for _, f in self.families}
        return self.types[rtype].p if known and rtype in self.types else None

    def confidence(self, rtype: str, method: str, rule_confidence: float, features: Sequence[float] = ()) -> float:
        """The calibrated confidence of one candidate; the rule's own when the table cannot say. With a
        model and the candidate's features, the model's probability over the cell and the features."""
        p = self.cell(rtype, method)
        if p is None:
            return rule_confidence
        if self.model is not None and features:
            return float(self.model.probability((log_odds(p), *features)))
        return p

    def to_json(self) -> str:
        """Sorted, rounded, one cell a line: the same table gives the same bytes."""
        head = {"format": FORMAT, "strength": float(self.strength), "prior": round(self.prior, 4), "combine": self.combine,
                "meta": self.meta, "cell": "[relations, right, smoothed precision]"}
        if self.model is not None:
            head["model"] = self.model.to_dict()
        parts = [f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, sort_keys=True)}" for k, v in head.items()]
        for name, cells in (("types", self.types), ("families", self.families), ("methods", self.methods)):
            rows = [f"  {json.dumps(k if isinstance(k, str) else ' '.join(k))}: [{c.n}, {c.k}, {round(c.p, 3)}]"
                    for k, c in sorted(cells.items())]
            parts.append(f" {json.dumps(name)}: {{\n" + ",\n".join(rows) + "\n }")
        return "{\n" + ",\n".join(parts) + "\n}\n"

    @classmethod
    def from_json(cls, text: str, source: str = "") -> "ConfidenceTable":
        """Read a table written by :meth:`to_json`; a clear error names the file when it is not one."""
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")

            def cells(d: dict, pair: bool) -> dict:
                return {(tuple(k.split(" ", 1)) if pair else k): Cell(int(n), int(k_), float(p)) for k, (n, k_, p) in d.items()}

            model = ConfidenceModel.from_dict(data["model"]) if data.get("model") else None
            if model is not None and model.names != (CELL, *FEATURE_NAMES):
                raise ValueError(f"its model reads features {list(model.names)}, extraction computes "
                                 f"{[CELL, *FEATURE_NAMES]}")
            return cls(float(data["strength"]), float(data["prior"]), cells(data["types"], False),
                       cells(data["families"], True), cells(data["methods"], True), str(data.get("combine", "max")),
                       dict(data.get("meta", {})), model)
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise ConfigError(f"confidence table {source or '(text)'} cannot be read: {e}; "
                              "rebuild it with scripts/calibrate_confidence.py tests/data/gold/dev") from e


def _smoothed(k: int, n: int, parent: float, strength: float) -> float:
    """Posterior mean under a Beta prior of ``strength`` pseudo-relations at the parent's precision."""
    return (k + strength * parent) / (n + strength)


def _count(observations: Iterable[Observation]) -> tuple[dict, dict, dict, list[int]]:
    types: dict[str, list[int]] = {}
    fams: dict[tuple[str, str], list[int]] = {}
    methods: dict[tuple[str, str], list[int]] = {}
    total = [0, 0]
    for o in observations:
        ok = int(o.correct)
        total[0] += 1
        total[1] += ok
        groups: tuple[tuple[dict[Any, list[int]], list[Any]], ...] = (
            (types, [o.type]), (fams, sorted({(o.type, family(s.method)) for s in o.supports})),
            (methods, sorted({(o.type, s.method) for s in o.supports})))
        for d, keys in groups:
            for key in keys:
                cell = d.setdefault(key, [0, 0])
                cell[0] += 1
                cell[1] += ok
    return types, fams, methods, total


def fit(observations: Sequence[Observation], strength: float, combine: str = "max",
        meta: dict[str, Any] | None = None) -> ConfidenceTable:
    """Smoothed precision of every cell the observations fill (``model:*`` supports are left out)."""
    if combine not in COMBINE:
        raise ValueError(f"combine must be one of {COMBINE}, not {combine!r}")
    kept = [replace(o, supports=tuple(s for s in o.supports if family(s.method) not in KEEP)) for o in observations]
    types, fams, methods, (n_all, k_all) = _count(o for o in kept if o.supports)
    prior = k_all / n_all if n_all else 0.5
    table = ConfidenceTable(strength, prior, combine=combine, meta=dict(meta or {}))
    for t, (n, k) in types.items():
        table.types[t] = Cell(n, k, _smoothed(k, n, prior, strength))
    for (t, f), (n, k) in fams.items():
        table.families[(t, f)] = Cell(n, k, _smoothed(k, n, table.types[t].p, strength))
    for (t, m), (n, k) in methods.items():
        table.methods[(t, m)] = Cell(n, k, _smoothed(k, n, table.families[(t, family(m))].p, strength))
    return table


def relation_confidence(table: ConfidenceTable | None, rtype: str, supports: Iterable[Support], how: str = "max") -> float:
    """One relation's confidence from its candidates: the highest (``max``), or ``noisy-or`` over its
    sentences (each sentence at its highest candidate), as if the sentences erred independently."""
    per_sentence: dict[tuple[int, int], float] = {}
    for s in supports:
        p = s.confidence if table is None else table.confidence(rtype, s.method, s.confidence, s.features)
        per_sentence[s.sentence] = max(per_sentence.get(s.sentence, 0.0), p)
    if how == "max":
        return max(per_sentence.values(), default=0.0)
    miss = 1.0
    for p in per_sentence.values():
        miss *= 1.0 - p
    return 1.0 - miss


def folds_of(observations: Sequence[Observation], k: int, seed: str = "") -> list[list[str]]:
    """Documents dealt round-robin into ``k`` folds (the unit of cross-validation): in name order, or
    with a ``seed`` in the order of a hash of seed and name (another fixed assignment, to see the noise)."""
    names = sorted({o.group for o in observations})
    if seed:
        names.sort(key=lambda n: hashlib.sha1(f"{seed}:{n}".encode("utf-8")).hexdigest())
    return [names[i::k] for i in range(k)]


def model_rows(table: ConfidenceTable, observations: Iterable[Observation]) -> tuple[list, list, list]:
    """(feature vectors, right, weights) of every candidate the table can judge; a relation's candidates
    share its label and a weight of one between them (the store keeps the highest)."""
    X: list[tuple[float, ...]] = []
    y: list[bool] = []
    w: list[float] = []
    for o in observations:
        rows = [(log_odds(p), *s.features) for s in o.supports
                if s.features and (p := table.cell(o.type, s.method)) is not None]
        X.extend(rows)
        y.extend([o.correct] * len(rows))
        w.extend([1.0 / len(rows)] * len(rows))
    return X, y, w


def fit_ranked(observations: Sequence[Observation], strength: float, l2: float, k: int, combine: str = "max",
               meta: dict[str, Any] | None = None, model_meta: dict[str, Any] | None = None) -> ConfidenceTable:
    """The table of :func:`fit` with a logistic model on top. The model learns from cells each document
    would get from a table fitted without it (k folds), the cells unseen text gets, not in-sample ones."""
    table = fit(observations, strength, combine, meta)
    X: list = []
    y: list = []
    w: list = []
    for fold in folds_of(observations, k):
        held = set(fold)
        inner = fit([o for o in observations if o.group not in held], strength, combine)
        fx, fy, fw = model_rows(inner, (o for o in observations if o.group in held))
        X += fx
        y += fy
        w += fw
    if len(set(y)) == 2:
        table.model = fit_model((CELL, *FEATURE_NAMES), X, y, w, l2, model_meta)
    return table


def calibrate(relations: Sequence[RelationCandidate], table: ConfidenceTable,
              features: Sequence[Sequence[float]] | None = None) -> list[RelationCandidate]:
    """The same candidates with calibrated confidences (three decimals, as the rules give them)."""
    feats = features if features is not None else [()] * len(relations)
    return [replace(r, confidence=round(table.confidence(r.type, r.method, r.confidence, f), 3))
            for r, f in zip(relations, feats)]


_TABLES: dict[str, ConfidenceTable | None] = {"off": None}


def table_for(setting: str) -> ConfidenceTable | None:
    """The table an ``ExtractConfig.calibration`` setting names (read once per process), or None when off."""
    if setting == "default":
        setting = "on"
    if setting not in _TABLES:
        if setting == "on":
            node = shipped(*SHIPPED)
            _TABLES[setting] = ConfidenceTable.from_json(node.read_text(encoding="utf-8"),
                                                         source=f"aikg.data/{'/'.join(SHIPPED)}")
        else:
            path = Path(setting)
            if not path.is_file():
                raise ConfigError(f"calibration {setting!r} is neither 'default', 'on', 'off' nor a table file")
            _TABLES[setting] = ConfidenceTable.from_json(path.read_text(encoding="utf-8"), source=str(path))
    return _TABLES[setting]


def apply(facts: Iterable[DocFacts], setting: str) -> None:
    """Calibrate every document's relation candidates in place (the extractor's last step)."""
    table = table_for(setting)
    if table is None:
        return
    for f in facts:
        f.relations = calibrate(f.relations, table, candidate_features(f) if table.model is not None else None)
