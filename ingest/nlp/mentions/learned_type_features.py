"""The evidence the learned entity typer reads about one entity (all its mentions in a chunk pooled).

Why: general evidence, not one page's sentences: the name's words, first and last word, the last word's
suffix, its shape, what the head-noun and legal-suffix lexicons say (the name typer), spaCy's labels, the
current type and how it was decided, the words around every mention, and the mean md word vector of the
name and of those words (``vocab.vectors``).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from aikg.ingest.nlp.mentions.base import Candidate, Env
from aikg.ingest.nlp.token_index import TokenIndex

WINDOW = 3  # words read on each side of a mention
_UPPER, _LOWER, _DIGIT = re.compile(r"[A-Z]"), re.compile(r"[a-z]"), re.compile(r"[0-9]")
_RUNS = re.compile(r"(.)\1+")


def _shape(word: str) -> str:
    """The word's letters as X/x/d with runs collapsed ("Tana" -> "Xx", "AI-2" -> "X-d")."""
    return _RUNS.sub(r"\1", _DIGIT.sub("d", _LOWER.sub("x", _UPPER.sub("X", word))))[:8]


def name_features(words: list[str]) -> list[str]:
    """Features of the name's words: each word, the first and last, the last word's 3-letter suffix, shape."""
    low = [w.lower() for w in words]
    if not low:
        return []
    out = [f"w={w}" for w in low]
    out += [f"first={low[0]}", f"last={low[-1]}", f"suf3={low[-1][-3:]}", f"ntok={min(len(low), 6)}",
            "shape=" + " ".join(_shape(w) for w in words[:4])]
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        out.append("acronym")
    if any(ch.isdigit() for w in words for ch in w):
        out.append("digit")
    if all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        out.append("all_capitalised")
    return out


def _context(doc: Any, idx: TokenIndex, c: Candidate) -> tuple[list[str], list[int]]:
    """Words around one mention (side and distance marked), and the token indices read."""
    out, read = [], []
    for side, rng in (("L", range(c.start - 1, -1, -1)), ("R", range(c.end, len(doc)))):
        k = 0
        for i in rng:
            t = idx.lower[i]
            if not t.strip():
                if k == 0:
                    out.append(f"{side}1=<nl>" if "\n" in t else f"{side}1=<sp>")
                    k += 1
                continue
            k += 1
            out.append(f"{side}{k}={t}" if k == 1 else f"{side}={t}")
            read.append(i)
            if k >= WINDOW:
                break
        if k == 0:
            out.append(f"{side}1=<edge>")
    return out, read


def _mean_vector(doc: Any, indices: list[int], width: int) -> np.ndarray:
    """The unit-length mean of the tokens' md vectors (zeros when none has one)."""
    rows = [doc[i].vector for i in indices if doc[i].has_vector]
    if not rows:
        return np.zeros(width)
    v = np.mean(rows, axis=0).astype(np.float64)
    norm = float(np.linalg.norm(v))
    return v / norm if norm else v


def group_features(doc: Any, group: list[Candidate], env: Env, name: str) -> tuple[tuple[str, ...], np.ndarray]:
    """Sparse features and the dense block (name vector, context vector) of one entity's mentions."""
    idx = TokenIndex.of(doc)
    words = name.split()
    feats = name_features(words)
    first = group[0]
    feats += [f"type={first.type}", f"src={first.source}", f"type_src={first.type}|{first.source}",
              f"rule={env.typer.type_of_name(words) or '-'}", f"mentions={min(len(group), 4)}"]
    name_toks: list[int] = []
    ctx_toks: list[int] = []
    for c in group:
        feats.append(f"ner={c.label or '-'}")
        if c.ctx_typed:
            feats.append("ctx_typed")
        if c.acronym_of:
            feats.append("has_acronym")
        if c.entry is not None:
            feats.append("gazetteer")
        if c.start == 0 or "\n" in idx.text[c.start - 1] + idx.ws[c.start - 1]:
            feats.append("line_start")
        more, read = _context(doc, idx, c)
        feats += more
        ctx_toks += read
        name_toks += range(c.start, c.end)
    width = doc.vocab.vectors.shape[1] if doc.vocab.vectors.shape[0] else 0
    dense = np.concatenate([_mean_vector(doc, sorted(set(name_toks)), width),
                            _mean_vector(doc, sorted(set(ctx_toks)), width)])
    return tuple(sorted(set(feats))), dense
