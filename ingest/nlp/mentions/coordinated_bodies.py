"""Stage, two bodies (wave 18): one mention that coordinates two named organisations is two names.

The NER reads "Université de Sherbrooke et l'Institut Magog", "Universidad de Talca y el Centro de Datos Maule" or
"Chuo Kikuu cha Dodoma na Taasisi ya Takwimu" as one name, so both bodies lose their relations. A mention whose
words hold a coordinator (``coordinators`` of ``data/lexicon/world_org_words.json``: "et", "y", "und", "na", ...)
followed, after an article at most, by a body's head word of that file ("l'Institut", "Centro", "Taasisi"; not a
trade word such as "Tecnología" in "Ministerio de Ciencia y Tecnología"), while the words
before it hold a head of their own, is split there; each part is typed by its own head. One name with a coordinator
("Ministerio de Ciencia e Innovación", "Tume ya Sayansi na Teknolojia") has no head after it and stays whole.
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.world_names import WorldNameWords, body_head, run_type, unelided, world_name_words
from aikg.ingest.nlp.token_index import TokenIndex

#: articles that may stand between the coordinator and the second head ("y el Centro", "et la Fondation")
_ARTICLES = frozenset({"el", "la", "los", "las", "le", "les", "l'", "l’", "il", "lo", "o", "a", "os", "as", "der",
                       "die", "das", "het", "de"})


def two_bodies(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Split organisation mentions that coordinate two named bodies."""
    words = world_name_words()
    out: list[Candidate] = []
    for c in cands:
        cut = _cut(doc, c, words) if c.type in ORG_TYPES and c.source != "gazetteer" and not c.ctx_typed else None
        if cut is None:
            out.append(c)
            continue
        k, m = cut
        out.append(Candidate(c.start, k, run_type(doc, c.start, k, words) or c.type, "rule", label="ORG"))
        out.append(Candidate(m, c.end, run_type(doc, m, c.end, words) or c.type, "rule", label="ORG"))
    out.sort(key=lambda s: (s.start, s.end))
    return out


def _cut(doc: Any, c: Candidate, words: WorldNameWords) -> tuple[int, int] | None:
    """(end of the first name, start of the second) or None."""
    low = TokenIndex.of(doc).lower
    for k in range(c.start + 2, c.end - 1):
        if low[k] not in words.coordinators:
            continue
        m = k + 1
        while m < c.end - 1 and low[m] in _ARTICLES:
            m += 1
        if body_head(unelided(low[m], words), words):
            if c.end - m >= 2 or "'" in low[m] or "’" in low[m]:
                if run_type(doc, c.start, k, words) is not None:
                    return k, m
    return None
