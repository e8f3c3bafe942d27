"""Word lists and small tests of a name's extent by its form (issue 14): names that open with their head word.

"Universidad Tecnológica de Itapúa", "Montanuniversität Leoben", "Centro de Inteligencia Artificial Aplicada del Sur":
in languages that put the head first, the last word of an institute's name is a place or a topic, so the English
rule (the last word is the head) misses the name. Word lists: ``data/lexicon/extent_forms.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from aikg.ingest.nlp.lexicon import lexicon_data


@dataclass(frozen=True)
class ExtentWords:
    """``data/lexicon/extent_forms.json``, lower-cased."""

    heads: frozenset[str]
    with_particle: frozenset[str]
    suffixes: tuple[str, ...]
    particles: frozenset[str]
    place_nouns: frozenset[str]


@lru_cache(maxsize=1)
def extent_words() -> ExtentWords:
    """Read once per process."""
    data = lexicon_data("extent_forms.json")
    low = lambda key: frozenset(w.lower() for w in data[key])  # noqa: E731
    return ExtentWords(low("head_first_heads"), low("head_first_with_particle"),
                       tuple(w.lower() for w in data["head_first_suffixes"]), low("head_first_particles"),
                       low("place_nouns_after"))


def head_first(words: list[str], after: str = "", heads: frozenset[str] = frozenset()) -> bool:
    """Do ``words`` (two or more, the first capitalised) open with an institute's head word ("Hochschule Mittweida",
    "Montanuniversität Leoben", "Centro de ...")? A bare head ("Universidad") or an English order is not this form, nor a
    run a place noun follows (``after``, the next word: "Centro de la Ciudad station"), nor one with a second head word
    (of ``heads`` or these lists): "Escuela de Agronomía X of the Universidad Y" names two bodies."""
    w = extent_words()
    if len(words) < 2 or not words[0][:1].isupper() or after.lower() in w.place_nouns:
        return False
    if any(x.lower() in heads or x.lower() in w.heads or x.lower() in w.with_particle for x in words[1:]):
        return False
    first, second = words[0].lower(), words[1].lower()
    if first in w.heads:
        return True
    if first in w.with_particle:
        return second in w.particles
    return len(first) > 9 and first.endswith(w.suffixes) and words[1][:1].isupper()
