"""Precision, recall and F1 of extraction against hand-written gold files.

Layout: ``GOLD_DIR/**/NAME.txt`` with ``NAME.gold.json`` beside it::

    {"style": "news", "entities": [{"name", "type", "aliases"}],
     "relations": [{"type", "source", "target"}]}

Each text is extracted and resolved on its own. Scores (micro-averaged over documents):

* typed entities: a predicted entity matches a gold one of the same type when any of their
  names (name or alias, normalised) coincide; one-to-one;
* typed relations: same relation type and both ends matched (PARTNERS_WITH undirected);
* entity pairs: both ends matched, any type or direction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aikg.core.errors import InputError
from aikg.core.facts import EntityRecord, RelationRecord
from aikg.core.ids import content_id, normalise_name
from aikg.core.schema import SCHEMA

if TYPE_CHECKING:  # pragma: no cover
    from aikg.ingest.nlp import Extractor

#: relationship types whose direction carries no meaning (from the schema)
SYMMETRIC = frozenset(name for name, rel in SCHEMA.relation_types.items() if rel.symmetric)


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


@dataclass
class EvalReport:
    gold_dir: str
    docs: list[DocReport]
    entities: Score
    relations: Score
    pairs: Score

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold_dir": self.gold_dir,
            "documents": len(self.docs),
            "entities": self.entities.as_dict(),
            "relations": self.relations.as_dict(),
            "pairs": self.pairs.as_dict(),
        }

    def to_text(self, details: bool = True) -> str:
        lines = [f"aikg evaluation of {self.gold_dir} ({len(self.docs)} documents, micro-averaged)"]
        lines.append(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
        for label, s in (("typed entities", self.entities), ("typed relations", self.relations), ("entity pairs", self.pairs)):
            lines.append(f"{label:18}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6}{s.fp:6}{s.fn:6}")
        if details:
            for d in self.docs:
                lines += ["", f"## {d.name} ({d.style}): entities F1 {d.entities.f1:.3f}, relations F1 {d.relations.f1:.3f}"]
                for title, items in (("missed entities", d.missed_entities), ("false entities", d.false_entities),
                                     ("missed relations", d.missed_relations), ("false relations", d.false_relations)):
                    if items:
                        lines.append(f"  {title}:")
                        lines.extend(f"    - {x}" for x in items)
        return "\n".join(lines)


def _names(name: str, aliases: list[str]) -> set[str]:
    return {normalise_name(x) for x in (name, *aliases)} - {""}


def _load_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(f"cannot read gold file: {e}", source=str(path)) from e
    for key in ("entities", "relations"):
        if not isinstance(data.get(key), list):
            raise InputError(f"gold file lacks a {key!r} list", source=str(path))
    return data


def score_document(name: str, gold: dict[str, Any], records: list[EntityRecord | RelationRecord]) -> DocReport:
    """Compare one document's resolved records with its gold annotation."""
    ents = [r for r in records if isinstance(r, EntityRecord)]
    rels = [r for r in records if isinstance(r, RelationRecord)]
    gold_ents = gold["entities"]
    g_names = [_names(g["name"], g.get("aliases", [])) for g in gold_ents]
    p_names = [_names(e.name, e.aliases) for e in ents]

    # one-to-one typed matching, exact canonical names first
    matched_p: dict[int, int] = {}
    matched_g: dict[int, int] = {}
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
                    matched_g[gi] = pi
                    break
    ent_score = Score(tp=len(matched_g), fp=len(ents) - len(matched_p), fn=len(gold_ents) - len(matched_g))

    # ends of relations: a predicted entity stands for a gold one by name (type match preferred)
    end_of: dict[str, int] = {}
    for pi, e in enumerate(ents):
        if pi in matched_p:
            end_of[e.id] = matched_p[pi]
            continue
        for gi in range(len(gold_ents)):
            if p_names[pi] & g_names[gi]:
                end_of[e.id] = gi
                break
    gold_index: dict[str, int] = {}
    for gi, g in enumerate(gold_ents):
        for n in g_names[gi]:
            gold_index.setdefault(n, gi)

    def gend(name: str) -> int | None:
        return gold_index.get(normalise_name(name))

    gold_rel: set[tuple[str, int, int]] = set()
    gold_pairs: set[frozenset[int]] = set()
    for r in gold["relations"]:
        a, b = gend(r["source"]), gend(r["target"])
        if a is None or b is None:
            continue
        if r["type"] in SYMMETRIC:
            a, b = min(a, b), max(a, b)
        gold_rel.add((r["type"], a, b))
        gold_pairs.add(frozenset((a, b)))
    pred_rel: set[tuple[str, int, int]] = set()
    pred_pairs: set[frozenset[int]] = set()
    unmatched_pred: list[str] = []
    names = {e.id: e.name for e in ents}
    for r in rels:
        a, b = end_of.get(r.source), end_of.get(r.target)
        if a is None or b is None or a == b:
            unmatched_pred.append(f"{r.type}({names.get(r.source, r.source)} -> {names.get(r.target, r.target)}) [{r.method}]")
            if a is None or b is None:
                continue
            continue
        if r.type in SYMMETRIC:
            a, b = min(a, b), max(a, b)
        pred_rel.add((r.type, a, b))
        pred_pairs.add(frozenset((a, b)))
    rel_score = Score(tp=len(pred_rel & gold_rel), fp=len(pred_rel - gold_rel) + len(unmatched_pred),
                      fn=len(gold_rel - pred_rel))
    pair_score = Score(tp=len(pred_pairs & gold_pairs), fp=len(pred_pairs - gold_pairs) + len(unmatched_pred),
                       fn=len(gold_pairs - pred_pairs))
    gname = lambda i: gold_ents[i]["name"]  # noqa: E731
    return DocReport(
        name=name,
        style=str(gold.get("style", "")),
        entities=ent_score,
        relations=rel_score,
        pairs=pair_score,
        missed_entities=sorted(f"{g['type']} {g['name']}" for gi, g in enumerate(gold_ents) if gi not in matched_g),
        false_entities=sorted(f"{e.type} {e.name}" for pi, e in enumerate(ents) if pi not in matched_p),
        missed_relations=sorted(f"{t}({gname(a)} -> {gname(b)})" for t, a, b in gold_rel - pred_rel),
        false_relations=sorted([f"{t}({gname(a)} -> {gname(b)})" for t, a, b in pred_rel - gold_rel] + unmatched_pred),
    )


def evaluate(gold_dir: Path, extractor: "Extractor | None" = None) -> EvalReport:
    """Run the extractor over every gold text under ``gold_dir`` and score it."""
    from aikg.ingest.document import LoadedDocument
    from aikg.ingest.nlp import Extractor, resolve

    gold_dir = Path(gold_dir)
    texts = sorted(p for p in gold_dir.rglob("*.txt") if p.with_suffix("").with_suffix(".gold.json").exists()
                   or p.with_name(p.stem + ".gold.json").exists())
    if not texts:
        raise InputError("no gold documents (NAME.txt with NAME.gold.json)", source=str(gold_dir))
    extractor = extractor or Extractor()
    docs = []
    golds = []
    for p in texts:
        raw = p.read_bytes()
        docs.append(LoadedDocument(id=content_id(raw), source=str(p), title=p.stem, kind="text",
                                   text=raw.decode("utf-8")))
        golds.append(_load_gold(p.with_name(p.stem + ".gold.json")))
    reports = []
    total = [Score(), Score(), Score()]
    for p, gold, facts in zip(texts, golds, extractor.extract_many(docs)):
        records = resolve([facts])
        rep = score_document(str(p.relative_to(gold_dir)), gold, records)
        reports.append(rep)
        total[0].add(rep.entities)
        total[1].add(rep.relations)
        total[2].add(rep.pairs)
    return EvalReport(str(gold_dir), reports, *total)
