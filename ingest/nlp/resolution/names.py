"""Name keys for resolution: what makes two surface forms the same name, and what is only a typo.

A name becomes a tuple of tokens (normalised, "artificial intelligence" folded to "ai",
"Centre" to "center", legal suffixes such as "Inc." or "GmbH" dropped at the end); its *match
key* is those tokens run together, so "Deep Mind" and "DeepMind" agree. Two different keys
are a *typo pair* only when they have the same tokens but one, and that token differs by one
inserted, dropped or swapped letter inside a word of at least six letters ("Inteligence").
A changed letter or a changed ending is not a typo: "Nova"/"Nora", "Helix"/"Helios" and
"Kendal"/"Kendall" are different names.
The word lists are data (``data/gazetteer/name_forms.json``).
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache

from aikg.core.ids import clean_surface, normalise_name
from aikg.core.paths import shipped

MIN_TYPO_LEN = 6  # shorter words are names in their own right, not typos of each other
_DIGIT = re.compile(r"\d")
CACHE = 1 << 18  # distinct names kept: the same surface forms recur across a corpus

clean = lru_cache(CACHE)(clean_surface)
norm = lru_cache(CACHE)(normalise_name)


@cache
def _forms() -> tuple[frozenset[str], tuple[tuple[str, str], ...], dict[str, str]]:
    data = json.loads(shipped("gazetteer", "name_forms.json").read_text(encoding="utf-8"))
    phrases = sorted(data["phrases"].items(), key=lambda kv: -len(kv[0]))
    return frozenset(data["legal_suffixes"]), tuple(phrases), dict(data["words"])


@lru_cache(CACHE)
def name_tokens(name: str) -> tuple[str, ...]:
    """Tokens of a name for comparison ("The Alder Institute for Artificial Intelligence, Inc." -> alder institute for ai)."""
    legal, phrases, words = _forms()
    text = f" {norm(name)} "
    for phrase, repl in phrases:
        if f" {phrase} " in text:
            text = text.replace(f" {phrase} ", f" {repl} ")
    tokens = [words.get(t, t) for t in text.split()]
    while len(tokens) > 1 and tokens[-1] in legal:
        tokens.pop()
    return tuple(tokens)


def match_key(tokens: tuple[str, ...]) -> str:
    """Exact-match key: the tokens run together."""
    return "".join(tokens)


def one_letter_slip(x: str, y: str) -> bool:
    """True when ``y`` is ``x`` with one letter dropped, added or swapped with its neighbour."""
    if x == y or min(len(x), len(y)) < MIN_TYPO_LEN or _DIGIT.search(x) or _DIGIT.search(y):
        return False
    if len(x) > len(y):
        x, y = y, x
    if len(y) - len(x) == 1:  # a letter dropped inside the word; a changed ending makes another name (Kendal/Kendall)
        i = next((k for k in range(len(x)) if x[k] != y[k]), len(x))
        return 0 < i < len(x) and x[i:] == y[i + 1:]
    if len(x) != len(y):
        return False
    diff = [k for k in range(len(x)) if x[k] != y[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and x[diff[0]] == y[diff[1]] and x[diff[1]] == y[diff[0]]


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Equal keys, or a typo pair (one token differs by a one-letter slip)."""
    if match_key(a) == match_key(b):
        return True
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 and one_letter_slip(a[diff[0]], b[diff[0]])


def typo_slots(tokens: tuple[str, ...]) -> list[tuple[str, str]]:
    """(slot, word) for each long word: the slot is the name with that word blanked out.

    Two names that :func:`same_name` calls a typo pair share a slot; their words in it are
    then paired by :func:`slip_pairs`. Blocking on slots keeps resolution near-linear.
    """
    out: list[tuple[str, str]] = []
    for i, word in enumerate(tokens):
        if len(word) >= MIN_TYPO_LEN and not _DIGIT.search(word):
            out.append((" ".join(tokens[:i] + ("*",) + tokens[i + 1:]), word))
    return out


def slip_pairs(words: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of ``words`` that are one-letter slips of each other.

    A dropped, added or swapped letter leaves the two words one "minus one letter" form in
    common, so only words sharing such a form are compared.
    """
    by_form: dict[str, list[int]] = {}
    for i, w in enumerate(words):
        for form in {w, *(w[:j] + w[j + 1:] for j in range(len(w)))}:
            by_form.setdefault(form, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for idx in by_form.values():
        for a in range(len(idx)):
            for b in range(a + 1, len(idx)):
                i, j = idx[a], idx[b]
                if (i, j) not in pairs and one_letter_slip(words[i], words[j]):
                    pairs.add((i, j))
    return sorted(pairs)


def looks_like_acronym(surface: str) -> bool:
    """"BWI", "CIFAR", "A*STAR": short, upper case, one word."""
    s = surface.strip()
    return 2 <= len(s) <= 8 and " " not in s and s.upper() == s and any(c.isalpha() for c in s)
