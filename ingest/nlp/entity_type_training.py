"""Fitting the entity typer: softmax regression with L2 over binary features and a dense block, in numpy.

Why numpy: nothing heavier is installed or needed for a few thousand entities. Full-batch Adam steps
from zero weights, a fixed number of iterations and features sorted by name: the same examples give the
same model file on every run (as ``pair_training.py`` does for the pair classifier).
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from aikg.ingest.nlp.entity_type_model import NONE, TypeModel
from aikg.ingest.nlp.pair_training import _design, _segments, _sum_by, feature_index


def fit(rows: Sequence[Sequence[str]], dense: np.ndarray, labels: Sequence[str], classes: Sequence[str], *,
        l2: float = 1e-3, iterations: int = 300, rate: float = 0.05, min_count: int = 2,
        thresholds: dict[str, float] | None = None, meta: dict[str, Any] | None = None) -> TypeModel:
    """Train on feature rows, their dense vectors (one row each) and class labels (``NONE``: no entity)."""
    classes = [NONE, *sorted(set(classes) - {NONE})]
    col = {c: k for k, c in enumerate(classes)}
    index = feature_index(rows, min_count)
    n, d, m = len(rows), len(index), len(classes)
    dense = np.asarray(dense, dtype=np.float64).reshape(n, -1)
    ri, ci = _design(rows, index)
    ri, ci = np.concatenate([ri, np.arange(n)]), np.concatenate([ci, np.full(n, d)])  # a zero column: no row empty
    by_row, row_starts = _segments(ri, n)
    by_col, col_starts = _segments(ci, d + 1)
    c_row, r_col = ci[by_row], ri[by_col]
    y = np.zeros((n, m))
    y[np.arange(n), [col[lab] for lab in labels]] = 1.0
    w, v, b = np.zeros((d + 1, m)), np.zeros((dense.shape[1], m)), np.zeros(m)
    state = [(w, np.zeros_like(w), np.zeros_like(w)), (v, np.zeros_like(v), np.zeros_like(v)),
             (b, np.zeros_like(b), np.zeros_like(b))]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, iterations + 1):
        scores = _sum_by(w[c_row], row_starts) + dense @ v + b
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / max(n, 1)
        gw = l2 * w + _sum_by(g[r_col], col_starts)
        gw[d] = 0.0  # the padding column stays zero
        grads = (gw, l2 * v + dense.T @ g, g.sum(axis=0))
        for (param, mom, vel), grad in zip(state, grads):
            mom *= beta1
            mom += (1 - beta1) * grad
            vel *= beta2
            vel += (1 - beta2) * grad * grad
            param -= rate * (mom / (1 - beta1 ** step)) / (np.sqrt(vel / (1 - beta2 ** step)) + eps)
    return TypeModel(classes, index, w[:d], v, b, dict(thresholds or {}), dict(meta or {}))
