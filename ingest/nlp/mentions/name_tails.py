"""Stage, name tails (wave 17): a head-first name in French, Spanish or Swahili goes on in lower-case words.

Names whose head comes first run on in lower-case words and particles after their capitalised part: "Réseau québécois
des centres d'IA appliquée", "Programme régional d'IA appliquée", "Département d'informatique", "Développement
économique Canada pour les régions du Québec". The NER stops at the first lower-case word ("Réseau québécois des",
"Développement économique Canada") or reads only a fragment ("d'IA appliquée"), so the body's mention is cut and
its relations lose an end. A mention whose first word is such a head (``tail_heads`` of
``data/lexicon/entity_tails_products.json``, and the head-first words of ``org_kinds.json``) is extended over the words after
it when they hold a name particle ("des", "d'", "pour", "wa") and no English word (``tail_stops``), up to
punctuation, a bracket or the line's end, and back to the last capitalised word or the word before the punctuation
(so "... du Québec extend the ..." ends at "Québec"). A place mention inside the tail is absorbed; an organisation's
mention or a coordinator ("et", "y", "and") ends it: "Université de Sherbrooke et l'Institut X" stays two names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data, lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env

#: longest tail in tokens
MAX_TAIL = 8
_ELISIONS = ("d'", "d’", "l'", "l’")


@dataclass(frozen=True)
class TailWords:
    heads: frozenset[str]
    particles: frozenset[str]
    stops: frozenset[str]
    programme_heads: frozenset[str]


@lru_cache(maxsize=1)
def tail_words() -> TailWords:
    """The tail word lists of ``entity_tails_products.json`` with the head-first words of ``org_kinds.json`` (read once)."""
    heads, particles, stops, programmes = lexicon_sets(
        "entity_tails_products.json", ("tail_heads", "tail_particles", "tail_stops", "tail_programme_heads"))
    kinds = lexicon_data("org_kinds.json")
    more = {w.lower() for k in ("institute_first", "agency_first") for w in kinds.get(k, ())}
    return TailWords(heads | frozenset(more) | programmes, particles, stops, programmes)


def name_tails(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Extend head-first names over their lower-case tails; drop the place mentions a tail absorbs."""
    w = tail_words()
    drop: set[int] = set()
    for c in cands:
        if c.entry is None and c.source != "gazetteer" and _fragment(doc, c):
            _open_at_head(doc, c, w, env)
    for c in cands:
        if id(c) in drop or c.entry is not None or c.source == "gazetteer" or c.acronym_of or c.type not in \
                ORG_TYPES + ("Programme",) or doc[c.start].lower_ not in w.heads:
            continue
        end = _tail_end(doc, c.end, w)
        if end <= c.end:
            continue
        inside = [o for o in cands if o is not c and o.start < end and o.end > c.end]
        if any(o.type != "Cluster" and not _fragment(doc, o) or o.end > end for o in inside):
            continue  # another body, or a mention running past the tail ("d'IA appliquée" alone is a fragment)
        drop.update(id(o) for o in inside)
        c.end = end
    return [c for c in cands if id(c) not in drop] if drop else cands


def _fragment(doc: Any, c: Candidate) -> bool:
    """A mention that opens with a lower-case elided particle ("d'IA appliquée"): no name starts so."""
    low = doc[c.start].text
    return low[:2] in _ELISIONS and low[:1].islower()


def _open_at_head(doc: Any, c: Candidate, w: TailWords, env: Env) -> None:
    """"Programme régional | d'IA appliquée": a fragment whose head word stands up to three words before it opens
    there, typed by that head."""
    for k in range(c.start - 1, max(-1, c.start - 4), -1):
        t = doc[k]
        if t.text[:1].isupper() and t.lower_ in w.heads:
            c.start = k
            typ = "Programme" if t.lower_ in w.programme_heads else env.typer.type_of_name([x.text for x in doc[c.start:c.end]])
            c.type = typ or c.type
            return
        if not (t.is_lower and t.is_alpha) or t.lower_ in w.stops:
            return


def _particle(tok: Any, w: TailWords) -> bool:
    low = tok.lower_
    return low in w.particles or low.startswith(_ELISIONS) and len(low) > 2


def _tail_end(doc: Any, k: int, w: TailWords) -> int:
    """The end of the tail from ``k``, or ``k`` when there is none."""
    j, joined, last = k, False, k
    while j < len(doc) and j - k < MAX_TAIL:
        t = doc[j]
        if t.is_punct or t.is_space or t.lower_ in w.stops or t.like_num or "\n" in doc[j - 1].whitespace_:
            break
        if t.lower_ in ("et", "y", "e", "und", "and", "na"):
            break
        joined = joined or _particle(t, w)
        j += 1
        if t.text[:1].isupper() or t.text[:2].lower() in _ELISIONS and t.text[2:3].isupper():
            last = j  # "du Québec", "d'IA": a capitalised word may end the tail
    closed = j >= len(doc) or doc[j].is_punct or "\n" in doc[j - 1].whitespace_
    end = j if closed else last
    while end > k and _particle(doc[end - 1], w) and not doc[end - 1].text[2:3].isupper():
        end -= 1  # never end on a particle
    return end if joined and end > k else k
