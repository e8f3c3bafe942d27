"""Stage, unit possessives (wave 18): "KTU's Faculty of Forestry" is the body KTU and its faculty, two names.

University news and staff lines name a unit after its body's acronym and a possessive: "KTU's Faculty of Forestry",
"AUST's Department of Electrical Engineering", "GNWT's Department of Northern Innovation". The NER reads the whole as
one name, so neither the body nor the unit is found and the unit's PART_OF and its people's AFFILIATED_WITH lose an
end. ``split_place_possessive`` splits only title-case possessors (a place); here the possessor is one all-capital
acronym and the word after the possessive a unit head (``unit_heads`` of ``data/lexicon/entity_openers_units.json``) with a
name after it. The acronym is an Institute (a body with faculties or departments) unless the text typed it; the unit
is an Institute. "McGill's Faculty of Law" (a title-case possessor) and "King's College London" are left alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env


@lru_cache(maxsize=1)
def _unit_heads() -> frozenset[str]:
    return lexicon_sets("entity_openers_units.json", ("unit_heads",))[0]


def unit_possessives(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Split "ACR's Unit of X" mentions into the acronym's body and the unit."""
    out: list[Candidate] = []
    for c in cands:
        k = c.start + 1
        if c.type not in ORG_TYPES or c.source == "gazetteer" or c.end - c.start < 4 \
                or doc[k].text not in env.words.possessive or not _acronym(doc[c.start].text) \
                or doc[k + 1].lower_ not in _unit_heads() or doc[c.end - 1].is_punct:
            out.append(c)
            continue
        out.append(Candidate(c.start, k, "Institute", "rule", label="ORG"))
        out.append(Candidate(k + 1, c.end, "Institute", "rule", label="ORG"))
    return out


def _acronym(text: str) -> bool:
    """Two to seven capitals and digits ("KTU", "UCLouvain" is not one)."""
    return 2 <= len(text) <= 7 and text.isupper() and text.replace("-", "").isalnum()
