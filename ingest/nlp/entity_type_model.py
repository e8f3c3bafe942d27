"""The learned entity typer: a softmax model over an extracted entity's features (its type, or NONE for no entity).

Why: typing rules fitted to dev did not transfer to unseen text; a small model over general evidence (the
name's words and shape, spaCy's label, the words around every mention, md word vectors) may. It is trained
by ``scripts/train_entity_types.py`` on the development gold and shipped as ``data/models/entity_types.json``;
the stage :mod:`aikg.ingest.nlp.mentions.learned_types` applies it. ``ExtractConfig.learned_types`` chooses:
``"default"`` (``$AIKG_LEARNED_TYPES`` if set, else ``SHIPPED_DEFAULT``), ``"on"`` (the shipped model),
``"off"``, a registered name, or a model file (as ``pair_classifier.py`` does for relations).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from aikg.core.errors import ConfigError
from aikg.ingest.nlp.model_registry import ModelRegistry

FORMAT = "aikg-entity-type-model/1"
SHIPPED = ("models", "entity_types.json")
#: whether extraction uses the model when nobody says (docs/learned_types.md, "Learned entity types")
SHIPPED_DEFAULT = "off"
ENV = "AIKG_LEARNED_TYPES"
NONE = "NONE"
KEEP, RETYPE, DROP = "keep", "retype", "drop"


class TypeSink(Protocol):
    """What the stage calls with an entity's features: a model, or the training script's recorder."""

    def decide_groups(self, rows: list[tuple[str, ...]], dense: np.ndarray, types: list[str],
                      listed: list[bool], info: list[dict[str, Any]]) -> list[tuple[str, str]]: ...


@dataclass
class TypeModel:
    """Multinomial logistic regression over binary features plus a dense block (word vectors)."""

    classes: list[str]
    features: dict[str, int]
    weights: np.ndarray  # (features, classes)
    dense: np.ndarray  # (dense dims, classes)
    bias: np.ndarray
    #: "retype": least probability of another type to retype; "drop": least probability of NONE to drop
    thresholds: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def proba(self, rows: list[tuple[str, ...]], dense: np.ndarray) -> np.ndarray:
        """Class probabilities of each entity (unknown features are ignored)."""
        n = len(rows)
        scores = np.tile(self.bias, (n, 1))
        if not n:
            return scores
        for k, row in enumerate(rows):
            idx = [self.features[f] for f in row if f in self.features]
            if idx:
                scores[k] += self.weights[idx].sum(axis=0)
        if self.dense.shape[0] and dense.shape[1:] == (self.dense.shape[0],):
            scores += dense @ self.dense
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def decide(self, probs: np.ndarray, types: list[str], listed: list[bool],
               thresholds: dict[str, float] | None = None) -> list[tuple[str, str]]:
        """(action, type) per entity: drop when NONE clears its threshold, retype when another type clears its
        own; a gazetteer-listed entity or a type the model does not know is kept."""
        limits = self.thresholds if thresholds is None else thresholds
        drop, retype = limits.get(DROP, 2.0), limits.get(RETYPE, 2.0)
        none = self.classes.index(NONE) if NONE in self.classes else -1
        out = []
        for row, typ, gaz in zip(probs, types, listed):
            if gaz or typ not in self.classes:
                out.append((KEEP, typ))
                continue
            if none >= 0 and row[none] >= drop:
                out.append((DROP, typ))
                continue
            best = max((c for c in range(len(self.classes)) if c != none), key=lambda c: (row[c], -c))
            if self.classes[best] != typ and row[best] >= retype:
                out.append((RETYPE, self.classes[best]))
            else:
                out.append((KEEP, typ))
        return out

    def decide_groups(self, rows: list[tuple[str, ...]], dense: np.ndarray, types: list[str],
                      listed: list[bool], info: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return self.decide(self.proba(rows, dense), types, listed)

    # ------------------------------------------------------------------ file
    def to_json(self) -> str:
        """The model as JSON text: sorted, rounded, so the same training writes the same bytes."""
        names = sorted(self.features, key=self.features.__getitem__)
        data = {"format": FORMAT, "classes": self.classes, "thresholds": self.thresholds, "meta": self.meta,
                "bias": [round(float(x), 4) for x in self.bias],
                "dense": [[round(float(x), 4) for x in r] for r in self.dense],
                "weights": {f: [round(float(x), 4) for x in self.weights[self.features[f]]] for f in names}}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str, source: str = "") -> "TypeModel":
        try:
            data = json.loads(text)
            if data.get("format") != FORMAT:
                raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")
            m = len(data["classes"])
            names = sorted(data["weights"])
            weights = np.array([data["weights"][f] for f in names], dtype=np.float64).reshape(len(names), m)
            dense = np.array(data["dense"], dtype=np.float64).reshape(len(data["dense"]), m)
            return cls(list(data["classes"]), {f: k for k, f in enumerate(names)}, weights, dense,
                       np.array(data["bias"], dtype=np.float64),
                       {k: float(v) for k, v in data["thresholds"].items()}, dict(data.get("meta", {})))
        except (ValueError, KeyError, TypeError) as e:
            raise ConfigError(f"entity type model {source or '(text)'} cannot be read: {e}; "
                              "retrain it with scripts/train_entity_types.py") from e


_REGISTRY: ModelRegistry[TypeSink] = ModelRegistry("learned_types", ENV, SHIPPED_DEFAULT, SHIPPED,
                                                   lambda text, source: TypeModel.from_json(text, source=source))
#: ``register(name, sink)``: make ``ExtractConfig(learned_types=name)`` use ``sink``; ``load_shipped()``: the shipped
#: model; ``model_for(setting)``: the sink a setting names, or None when off (ingest/nlp/model_registry.py)
register = _REGISTRY.register
load_shipped = _REGISTRY.load_shipped
model_for = _REGISTRY.model_for
