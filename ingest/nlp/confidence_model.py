"""A small logistic model that ranks relation candidates on top of the (type, method) precision table.

Why: the table (:mod:`calibration`) says how often a kind of evidence is right but not which relations
of a kind are the wrong ones (cross-validated ROC AUC about 0.5 on dev). The model reads the table's
cell (as a log-odds feature) and the candidate's circumstances (:mod:`confidence_features`) and gives
a probability. It is fitted by ``scripts/calibrate_confidence.py`` on the development gold (L2-penalised
logistic regression by Newton steps, deterministic), kept in ``data/models/confidence.json`` beside
the table, and applied with plain Python (no numpy at extraction time).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Sequence

CELL = "cell_log_odds"  # the first feature: log-odds of the candidate's (type, method) table cell


def log_odds(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class ConfidenceModel:
    """Standardised features, weights and intercept of a logistic model; ``names`` fixes the order."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    intercept: float
    l2: float
    meta: dict[str, Any] = field(default_factory=dict, compare=False)

    def probability(self, x: Sequence[float]) -> float:
        """P(right) of one candidate's feature vector (in :attr:`names` order)."""
        z = self.intercept + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def to_dict(self) -> dict[str, Any]:
        r = lambda xs: [round(v, 6) for v in xs]  # noqa: E731
        return {"features": list(self.names), "mean": r(self.mean), "scale": r(self.scale),
                "weights": r(self.weights), "intercept": round(self.intercept, 6), "l2": self.l2, "meta": self.meta}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ConfidenceModel":
        names = tuple(str(n) for n in d["features"])
        mean, scale, weights = (tuple(float(v) for v in d[k]) for k in ("mean", "scale", "weights"))
        if any(len(v) != len(names) for v in (mean, scale, weights)) or any(s <= 0 for s in scale):
            raise ValueError("model vectors do not match its feature names (or a scale is not positive)")
        return cls(names, mean, scale, weights, float(d["intercept"]), float(d["l2"]), dict(d.get("meta", {})))


def fit_model(names: Sequence[str], X: Sequence[Sequence[float]], y: Sequence[bool], w: Sequence[float],
              l2: float, meta: dict[str, Any] | None = None) -> ConfidenceModel:
    """Weighted L2-penalised logistic regression on standardised features (Newton's method; the intercept
    is not penalised). Deterministic: the same rows in the same order give the same model."""
    import numpy as np

    A = np.asarray(X, dtype=float)
    t = np.asarray(y, dtype=float)
    wt = np.asarray(w, dtype=float)
    mu = A.mean(axis=0)
    sd = A.std(axis=0)
    sd[sd == 0] = 1.0
    Z = np.hstack([np.ones((len(A), 1)), (A - mu) / sd])
    beta = np.zeros(Z.shape[1])
    penalty = l2 * np.eye(Z.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(Z @ beta)))
        grad = Z.T @ (wt * (p - t)) + penalty @ beta
        hess = (Z * (wt * p * (1 - p))[:, None]).T @ Z + penalty
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return ConfidenceModel(tuple(names), tuple(mu.tolist()), tuple(sd.tolist()), tuple(beta[1:].tolist()),
                           float(beta[0]), float(l2), dict(meta or {}))
