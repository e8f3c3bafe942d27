"""The learned relation classifier: a small softmax model over entity-pair features, added to the patterns.

Why: the patterns stop where the lexicon's triggers stop; the model, trained on the development
gold (``scripts/train_relations.py``), proposes a relation for a pair the patterns left alone when
its probability clears the threshold chosen for its relation type by cross-validation (a type whose
cross-validated F1 the model does not raise gets none), and only for type pairs the schema allows. Such relations carry the method ``model:pair`` and the probability as confidence.

The model is one JSON file shipped in ``data/models/`` and read through importlib.resources.
``ExtractConfig.pair_model`` chooses: ``"default"`` (``$AIKG_PAIR_MODEL`` if set, else
``SHIPPED_DEFAULT``), ``"on"`` (the shipped model), ``"off"``, a registered name, or a model file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from aikg.core.errors import ConfigError
from aikg.ingest.nlp.model_registry import ModelRegistry
from aikg.ingest.nlp.pair_features import Pair, mention_tokens, sentence_pairs
from aikg.ingest.nlp.records import DocFacts
from aikg.ingest.nlp.relation_types import Cand, allowed

FORMAT = "aikg-pair-model/1"
SHIPPED = ("models", "relation_pairs.json")
#: whether extraction uses the model when nobody says (dev cross-validation and the unseen dev15 batch:
#: docs/extraction.md, "Learned relations: the pair classifier")
SHIPPED_DEFAULT = "off"
ENV = "AIKG_PAIR_MODEL"
METHOD = "model:pair"
NONE = "NONE"


class PairSink(Protocol):
    """What the extractor calls on each parsed sentence: a model, or the training script's recorder."""

    def relations(self, pdoc: Any, tok2m: dict[int, int], facts: DocFacts, sent: tuple[int, int, str]) -> list[Cand]: ...


def class_label(rtype: str, forward: bool) -> str:
    """``FUNDS>``: the earlier mention is the source; ``FUNDS<``: the later one; symmetric types are ``>``."""
    return f"{rtype}>" if forward or rtype == "PARTNERS_WITH" else f"{rtype}<"


def sentence_context(tok2m: dict[int, int], facts: DocFacts, sent_end: int) -> tuple[dict, frozenset[int], list]:
    """Pattern labels per (earlier, later) pair, anaphor mentions, and mention pairs that are one entity."""
    spans = mention_tokens(tok2m)
    pos = {m: toks[0] for m, toks in spans.items()}
    fired: dict[tuple[int, int], list[str]] = {}
    for r in facts.relations:
        if r.sent_end != sent_end or r.source not in pos or r.target not in pos or r.source == r.target:
            continue
        forward = pos[r.source] < pos[r.target]
        key = (r.source, r.target) if forward else (r.target, r.source)
        fired.setdefault(key, []).append(class_label(r.type, forward))
    ments = facts.mentions
    root = {m: _root(ments, m) for m in spans}
    covered = {frozenset((root[a], root[b])) for a, b in fired}
    order = sorted(spans, key=pos.__getitem__)
    for x, a in enumerate(order):  # "X opened its office in Y" after a pattern gave X -> Y: "its -> Y" is covered
        for b in order[x + 1:]:
            if (a, b) not in fired and frozenset((root[a], root[b])) in covered:
                fired[(a, b)] = ["coref"]
    anaphors = frozenset(m for m in spans if ments[m].source == "anaphor")
    same = [(a, b) for x, a in enumerate(order) for b in order[x + 1:]
            if root[a] == root[b] or ments[a].canonical.lower() == ments[b].canonical.lower()]
    return fired, anaphors, same


def _root(ments: list, m: int) -> int:
    """The mention a chain of references (``coref``) ends at."""
    steps = 0
    while ments[m].coref is not None and steps < 8:
        m, steps = ments[m].coref, steps + 1
    return m


def sentence_candidates(pdoc: Any, tok2m: dict[int, int], facts: DocFacts, sent_end: int,
                        open_types: frozenset[str] | None = None) -> tuple[list[Pair], dict]:
    """The relatable pairs of a parsed sentence with their features, and the pattern labels per pair.

    With ``open_types`` (the relation types the model may add), pairs a pattern already covers and
    pairs no such type can join are skipped before their features are computed (extraction's case).
    """
    fired, anaphors, same = sentence_context(tok2m, facts, sent_end)
    types = [m.type for m in facts.mentions]
    wanted = None
    if open_types is not None:
        def wanted(i: int, j: int) -> bool:
            return (i, j) not in fired and _joinable(open_types, types[i], types[j])
    return sentence_pairs(pdoc, tok2m, types, fired, anaphors, same, wanted), fired


@lru_cache(maxsize=1024)
def _joinable(rtypes: frozenset[str], a: str, b: str) -> bool:
    return allowed(sorted(rtypes), a, b) is not None or allowed(sorted(rtypes), b, a) is not None


@dataclass
class PairModel:
    """Multinomial logistic regression over binary features (weights per feature and class)."""

    classes: list[str]
    features: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    #: relation type -> minimum probability; a type not listed is never added
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    _padded: np.ndarray | None = field(default=None, repr=False, compare=False)

    def proba(self, rows: list[tuple[str, ...]]) -> np.ndarray:
        """Class probabilities of each feature row (unknown features are ignored)."""
        if not rows:
            return np.zeros((0, len(self.classes)))
        if self._padded is None:  # a zero row at the end: every row sums at least one weight row
            self._padded = np.vstack([self.weights, np.zeros((1, len(self.classes)))])
        index, pad = self.features, len(self.features)
        idx = [[pad, *(index[f] for f in row if f in index)] for row in rows]
        starts = np.cumsum([0, *(len(r) for r in idx[:-1])])
        flat = np.fromiter((i for r in idx for i in r), dtype=np.int64)
        scores = np.add.reduceat(self._padded[flat], starts, axis=0) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def decide(self, pairs: list[Pair], probs: np.ndarray, types: list[str], fired: dict,
               thresholds: dict[str, float] | None = None) -> list[Cand]:
        """A relation for each pair no pattern covers whose best schema-allowed class clears its type's threshold."""
        limits = self.thresholds if thresholds is None else thresholds
        out: list[Cand] = []
        for pair, row in zip(pairs, probs):
            if (pair.first, pair.second) in fired:
                continue
            for c in np.argsort(-row, kind="stable"):
                label = self.classes[c]
                if label == NONE:
                    continue
                src, tgt = (pair.first, pair.second) if label.endswith(">") else (pair.second, pair.first)
                rtype = allowed([label[:-1]], types[src], types[tgt])
                if rtype is None:
                    continue
                if row[c] >= limits.get(rtype, 2.0):
                    out.append(Cand(rtype, src, tgt, round(float(row[c]), 3), METHOD))
                break
        return out

    def relations(self, pdoc: Any, tok2m: dict[int, int], facts: DocFacts, sent: tuple[int, int, str]) -> list[Cand]:
        pairs, fired = sentence_candidates(pdoc, tok2m, facts, sent[1], frozenset(self.thresholds))
        if not pairs:
            return []
        types = [m.type for m in facts.mentions]
        return self.decide(pairs, self.proba([p.features for p in pairs]), types, fired)

    # ------------------------------------------------------------------ file
    def to_json(self) -> str:
        """The model as JSON text: sorted, rounded, so the same training writes the same bytes."""
        names = sorted(self.features, key=self.features.__getitem__)
        data = {"format": FORMAT, "classes": self.classes, "thresholds": self.thresholds, "meta": self.meta,
                "bias": [round(float(x), 4) for x in self.bias],
                "weights": {f: [round(float(x), 4) for x in self.weights[self.features[f]]] for f in names}}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "") -> "PairModel":
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")
            names = sorted(data["weights"])
            weights = np.array([data["weights"][f] for f in names], dtype=np.float64).reshape(len(names), len(data["classes"]))
            return cls(list(data["classes"]), {f: k for k, f in enumerate(names)}, weights,
                       np.array(data["bias"], dtype=np.float64), {k: float(v) for k, v in data["thresholds"].items()}, dict(data.get("meta", {})))
        except (ValueError, KeyError, TypeError) as e:
            raise ConfigError(f"relation model {source or '(text)'} cannot be read: {e}; "
                              "retrain it with scripts/train_relations.py") from e


_REGISTRY: ModelRegistry[PairSink] = ModelRegistry("pair_model", ENV, SHIPPED_DEFAULT, SHIPPED,
                                                   lambda text, source: PairModel.from_json(text, source=source))
#: ``register(name, sink)``: make ``ExtractConfig(pair_model=name)`` use ``sink``; ``load_shipped()``: the shipped
#: model; ``model_for(setting)``: the sink a setting names, or None when off (ingest/nlp/model_registry.py)
register = _REGISTRY.register
load_shipped = _REGISTRY.load_shipped
model_for = _REGISTRY.model_for


def pair_relations(setting: str, pdoc: Any, tok2m: dict[int, int], facts: DocFacts,
                   sent: tuple[int, int, str]) -> list[Cand]:
    """Learned relations of one parsed sentence the patterns missed (none when the setting is off)."""
    sink = model_for(setting)
    return [] if sink is None else sink.relations(pdoc, tok2m, facts, sent)
