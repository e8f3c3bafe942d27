"""Fitting the pair classifier: multinomial logistic regression with L2, in numpy, reproducible byte for byte.

Why numpy and not a learning library: nothing heavier is installed or needed for a few thousand
pairs. Full-batch gradient steps (Adam) from zero weights, a fixed number of iterations and
features sorted by name: the same rows give the same model file on every run.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

import numpy as np

from aikg.ingest.nlp.pair_classifier import NONE, PairModel


def feature_index(rows: Sequence[Sequence[str]], min_count: int) -> dict[str, int]:
    """Features seen in at least ``min_count`` rows, numbered in name order."""
    counts = Counter(f for row in rows for f in set(row))
    return {f: k for k, f in enumerate(sorted(f for f, c in counts.items() if c >= min_count))}


def _design(rows: Sequence[Sequence[str]], index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """The sparse binary design matrix as (row, column) index arrays."""
    r, c = [], []
    for k, row in enumerate(rows):
        for f in sorted({index[f] for f in row if f in index}):
            r.append(k)
            c.append(f)
    return np.array(r, dtype=np.int64), np.array(c, dtype=np.int64)


def _segments(keys: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The order that groups entries by ``keys`` (stable) and where each of the ``size`` groups starts."""
    order = np.argsort(keys, kind="stable")
    starts = np.searchsorted(keys[order], np.arange(size))
    return order, starts


def _sum_by(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Sum consecutive rows of ``values`` into groups beginning at ``starts`` (every group non-empty)."""
    return np.add.reduceat(values, starts, axis=0)


def fit(rows: Sequence[Sequence[str]], labels: Sequence[str], classes: Sequence[str], *, l2: float = 1e-3,
        iterations: int = 300, rate: float = 0.05, min_count: int = 2,
        thresholds: dict[str, float] | None = None, meta: dict[str, Any] | None = None,
        weight: Sequence[float] | None = None) -> PairModel:
    """Train on feature rows and their class labels (``NONE`` for no relation); deterministic. ``weight``: one
    weight per row (a class weighting, or a label's share of its pair); all 1 when not given."""
    classes = [NONE, *sorted(set(classes) - {NONE})]
    col = {c: k for k, c in enumerate(classes)}
    index = feature_index(rows, min_count)
    n, d, m = len(rows), len(index), len(classes)
    ri, ci = _design(rows, index)
    ri, ci = np.concatenate([ri, np.arange(n)]), np.concatenate([ci, np.full(n, d)])  # a zero column: no row empty
    by_row, row_starts = _segments(ri, n)
    by_col, col_starts = _segments(ci, d + 1)
    c_row, r_col = ci[by_row], ri[by_col]
    y = np.zeros((n, m))
    y[np.arange(n), [col[lab] for lab in labels]] = 1.0
    sw = np.ones(n) if weight is None else np.asarray(weight, dtype=np.float64)
    sw = sw * (n / sw.sum()) if n and sw.sum() > 0 else sw  # mean 1: the L2 keeps its strength
    w, b = np.zeros((d + 1, m)), np.zeros(m)
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, iterations + 1):
        scores = _sum_by(w[c_row], row_starts) + b  # X @ w
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) * sw[:, None] / max(n, 1)
        gw = l2 * w
        gw += _sum_by(g[r_col], col_starts)  # X.T @ g
        gw[d] = 0.0  # the padding column stays zero
        gb = g.sum(axis=0)
        for param, grad, mom, vel in ((w, gw, mw, vw), (b, gb, mb, vb)):
            mom *= beta1
            mom += (1 - beta1) * grad
            vel *= beta2
            vel += (1 - beta2) * grad * grad
            param -= rate * (mom / (1 - beta1 ** step)) / (np.sqrt(vel / (1 - beta2 ** step)) + eps)
    return PairModel(classes, index, w[:d], b, dict(thresholds or {}), dict(meta or {}))
