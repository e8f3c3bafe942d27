"""Features of a candidate entity pair in one parsed sentence, for the learned relation classifier.

Why: the dependency frames fire only on triggers the lexicon lists; the classifier
(``pair_classifier.py``) reads the same parse more loosely. Each pair becomes a handful of
strings: the entity types in sentence order, the dependency path between the two mentions'
heads (lemmas and labels), the trigger words between and around them and their lexicon classes,
the shape of the line (heading, caption, speaker or label line, list item), their distance,
whether a list joins them, and which pattern relations already hold between them. Pure and cheap: only
token attributes the parse pass already set, no vectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

from aikg.core.schema import SCHEMA
from aikg.ingest.nlp.lexicon import lexicon_data

#: words too common to be a trigger (kept out of the "between" and "around" features)
STOP = frozenset("a an the of in and or , . its their his her this that these those to as at for on with by from "
                 "is are was were be been 's ' \" ( ) - – — ; :".split())
LIST_WORDS = frozenset({",", "and", "or", "&", "as", "well", "plus", "both", "also", "alongside", "(", ")"})
BETWEEN_LIMIT = 12  # words between two mentions read as triggers
AROUND = 3  # words read before the first and after the second mention


#: sentence-initial tokens that mark a list item
BULLETS = frozenset("- * • · – — ▪ ◦ ‣ > #".split())
VERB_POS = frozenset({"VERB", "AUX"})
ENDS = frozenset({".", "!", "?", "…", ".\"", "”", "\""})
QUOTES = frozenset({'"', "“", "”", "‘", "’"})


@lru_cache(maxsize=1)
def trigger_classes() -> dict[str, tuple[str, ...]]:
    """Lemma -> the relation types the lexicon's triggers give it (verb and noun frames, group nouns), or ``role``
    for a role noun: a word class generalises where the lemma itself was never seen in training."""
    data = lexicon_data("relations.json")
    out: dict[str, set[str]] = {}
    for key in ("verb_triggers", "noun_triggers"):
        for lemma, frames in data.get(key, {}).items():
            for frame in frames:
                out.setdefault(lemma.lower(), set()).update(frame.get("rel", ()))
    for lemma, spec in data.get("group_nouns", {}).items():
        out.setdefault(lemma.lower(), set()).add(spec.get("rel", "group"))
    for lemma in data.get("role_nouns", ()):
        out.setdefault(lemma.lower(), set()).add("role")
    return {k: tuple(sorted(v)) for k, v in out.items()}


def line_shape(pdoc: Any) -> tuple[str, ...]:
    """The form of the sentence's line: no verb (a heading, caption or label line), no closing stop, a list item, a
    'Field: value' label, a quotation (speaker lines), a '|' row, short: forms, not words, that generalise."""
    toks = [t for t in pdoc if not t.is_space]
    if not toks:
        return ()
    out = []
    if not any(t.pos_ in VERB_POS for t in toks):
        out.append("noverb")
    if toks[-1].text not in ENDS:
        out.append("noend")
    if toks[0].text in BULLETS or (toks[0].like_num and len(toks) > 1 and toks[1].text in (".", ")")):
        out.append("item")
    if any(t.text == ":" for t in toks[:6]):
        out.append("label")
    if any(t.text in QUOTES for t in toks) or any(t.lemma_ in ("say", "said") for t in toks):
        out.append("quote")
    if any(t.text == "|" for t in toks):
        out.append("row")
    if sum(t.text == "," for t in toks) >= 2 and "noverb" in out:
        out.append("fields")
    if "\n" in pdoc.text.strip():
        out.append("lines")
    out.append("short" if len(toks) <= 12 else "long")
    return tuple(out)


@dataclass(frozen=True)
class Pair:
    """A candidate pair of mention indices, ``first`` before ``second`` in the sentence, with its features."""

    first: int
    second: int
    features: tuple[str, ...]


@lru_cache(maxsize=256)
def relatable(a: str, b: str) -> bool:
    """Does the schema allow any relation type between these entity types, in either direction?"""
    return any((a in r.sources and b in r.targets) or (b in r.sources and a in r.targets)
               for r in SCHEMA.relation_types.values() if r.name != "MENTIONS")


def mention_tokens(tok2m: dict[int, int]) -> dict[int, list[int]]:
    """Mention index -> its token indices in the parsed sentence, in order."""
    out: dict[int, list[int]] = {}
    for t, m in sorted(tok2m.items()):
        out.setdefault(m, []).append(t)
    return out


def head_of(pdoc: Any, toks: list[int]) -> Any:
    """The token of a span whose head lies outside it (the span's syntactic head)."""
    inside = set(toks)
    for t in toks:
        tok = pdoc[t]
        if tok.head.i not in inside or tok.head.i == t:
            return tok
    return pdoc[toks[-1]]


def _word(tok: Any, tok2m: dict[int, int], types: list[str]) -> str:
    m = tok2m.get(tok.i)
    return f"<{types[m]}>" if m is not None else (tok.lemma_ or tok.lower_).lower()


def dep_path(h1: Any, h2: Any, tok2m: dict[int, int], types: list[str]) -> tuple[list[str], list[str], str]:
    """(words on the path, labelled steps, lowest common ancestor) from ``h1`` up and down to ``h2``."""
    up1 = [h1, *h1.ancestors]
    ids1 = {t.i: k for k, t in enumerate(up1)}
    down: list[Any] = []
    lca = None
    for t in [h2, *h2.ancestors]:
        if t.i in ids1:
            lca = t
            break
        down.append(t)
    if lca is None:
        return [], ["nopath"], ""
    rising = up1[: ids1[lca.i]]
    steps = [f"{t.dep_}^" for t in rising] + [_word(lca, tok2m, types)] + [f"v{t.dep_}" for t in reversed(down)]
    inner = rising[1:] + ([lca] if lca.i not in (h1.i, h2.i) else []) + list(reversed(down[1:]))
    words = [_word(t, tok2m, types) for t in inner if not t.is_punct]
    return words, steps, _word(lca, tok2m, types)


def _bucket(n: int) -> str:
    for limit, label in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (7, "5-7"), (12, "8-12")):
        if n <= limit:
            return label
    return "13+"


def _listed(pdoc: Any, a_end: int, b_start: int, h1: Any, h2: Any, tok2m: dict[int, int]) -> bool:
    """Are the two mentions members of one list ("A, B and C"; conj chain in the parse)?"""
    if h2 in h1.conjuncts:
        return True
    gap = [t for t in pdoc[a_end:b_start] if t.i not in tok2m]
    return bool(gap) and all(t.lower_ in LIST_WORDS for t in gap) and any(t.lower_ in (",", "and", "or", "&") for t in gap)


def trigger_words(pdoc: Any, tok2m: dict[int, int]) -> list[str | None]:
    """Per token of the sentence: its lemma when it may be a trigger (not a mention, space or stop word), else None."""
    out: list[str | None] = []
    for t in pdoc:
        w = None if t.i in tok2m or t.is_space else (t.lemma_ or t.lower_).lower()
        out.append(None if w in STOP else w)
    return out


def _words(lex: list[str | None], lo: int, hi: int) -> list[str]:
    return [w for w in lex[max(lo, 0):max(hi, 0)] if w is not None]


def pair_features(pdoc: Any, tok2m: dict[int, int], spans: dict[int, list[int]], types: list[str], i: int, j: int,
                  fired: Iterable[str], anaphors: frozenset[int] = frozenset(),
                  lex: list[str | None] | None = None, shape: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The feature strings of mentions ``i`` (earlier) and ``j`` (later); ``fired``: pattern relations on the pair;
    ``lex``, ``shape``: :func:`trigger_words` and :func:`line_shape` of the sentence (computed here when not given)."""
    lex = trigger_words(pdoc, tok2m) if lex is None else lex
    shape = line_shape(pdoc) if shape is None else shape
    a, b = spans[i], spans[j]
    h1, h2 = head_of(pdoc, a), head_of(pdoc, b)
    tp = f"{types[i]}>{types[j]}"
    words, steps, lca = dep_path(h1, h2, tok2m, types)
    between = _words(lex, a[-1] + 1, b[0])
    gap = b[0] - a[-1] - 1
    others = len({m for t, m in tok2m.items() if a[-1] < t < b[0] and m not in (i, j)})
    f = [f"tp={tp}", f"path={' '.join(steps)}", f"pathtp={tp}|{' '.join(steps)}", f"lca={lca}", f"lcatp={tp}|{lca}",
         f"plen={_bucket(len(steps))}", f"dist={_bucket(gap)}", f"others={_bucket(others)}",
         f"dep1={h1.dep_}", f"dep2={h2.dep_}", f"deps={h1.dep_}|{h2.dep_}|{tp}"]
    f += [f"pw={w}" for w in words] + [f"pwtp={tp}|{w}" for w in words]
    if gap <= BETWEEN_LIMIT:
        f += [f"bw={w}" for w in between] + [f"bwtp={tp}|{w}" for w in between]
    else:
        f += [f"bwfar={w}" for w in between[:AROUND] + between[-AROUND:]]
    f += [f"before={w}" for w in _words(lex, a[0] - AROUND, a[0])]
    f += [f"after={w}" for w in _words(lex, b[-1] + 1, b[-1] + 1 + AROUND)]
    if gap == 1 and pdoc[a[-1] + 1].lower_ in ("'s", "'"):
        f.append("possessive")
    if _listed(pdoc, a[-1] + 1, b[0], h1, h2, tok2m):
        f.append(f"listed|{tp}")
    f += [f"ana1|{types[i]}"] if i in anaphors else []
    f += [f"ana2|{types[j]}"] if j in anaphors else []
    f += class_features(pdoc, tok2m, spans, types, i, j, lex, shape)
    fired = sorted(set(fired))
    f += [f"fired={x}" for x in fired] if fired else ["fired=none"]
    return tuple(dict.fromkeys(f))


def class_features(pdoc: Any, tok2m: dict[int, int], spans: dict[int, list[int]], types: list[str], i: int, j: int,
                   lex: list[str | None], shape: tuple[str, ...]) -> list[str]:
    """Word classes instead of words: the lexicon's relation classes of the trigger words on the path, between the
    mentions and at their common ancestor, and the line's shape, each also with the type pair."""
    classes = trigger_classes()
    a, b = spans[i], spans[j]
    tp = f"{types[i]}>{types[j]}"
    words, _steps, lca = dep_path(head_of(pdoc, a), head_of(pdoc, b), tok2m, types)
    f: list[str] = []
    for prefix, ws in (("cpw", words), ("cbw", _words(lex, a[-1] + 1, b[0]) if b[0] - a[-1] - 1 <= BETWEEN_LIMIT else []),
                       ("clca", [lca])):
        for c in sorted({c for w in ws for c in classes.get(w, ())}):
            f += [f"{prefix}={c}", f"{prefix}tp={tp}|{c}"]
    f += [f"shape={x}" for x in shape] + [f"shapetp={tp}|{x}" for x in shape]
    return f


def sentence_pairs(pdoc: Any, tok2m: dict[int, int], types: list[str], fired: dict[tuple[int, int], list[str]],
                   anaphors: frozenset[int] = frozenset(), same: Iterable[tuple[int, int]] = (),
                   wanted: Callable[[int, int], bool] | None = None) -> list[Pair]:
    """Every relatable pair of distinct mentions in a parsed sentence, with its features.

    ``fired`` maps (first, second) to pattern relation labels such as ``FUNDS>`` (first is the
    source) or ``FUNDS<``; ``same`` lists mention pairs known to stand for one entity (skipped);
    ``wanted(first, second)``, when given, skips the pairs it refuses before any feature is computed.
    """
    spans = mention_tokens(tok2m)
    order = sorted(spans, key=lambda m: spans[m][0])
    skip = {frozenset(p) for p in same}
    lex: list[str | None] | None = None
    shape: tuple[str, ...] = ()
    out: list[Pair] = []
    for x, i in enumerate(order):
        for j in order[x + 1:]:
            if not relatable(types[i], types[j]) or frozenset((i, j)) in skip or (wanted and not wanted(i, j)):
                continue
            if lex is None:
                lex, shape = trigger_words(pdoc, tok2m), line_shape(pdoc)
            out.append(Pair(i, j, pair_features(pdoc, tok2m, spans, types, i, j, fired.get((i, j), ()), anaphors, lex,
                                                shape)))
    return out
