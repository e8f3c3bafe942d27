"""Stage, town possessives (wave 17): "<Town>'s <Org>" places the organisation; the town is no firm.

News and investor pages place a body with a possessive town: "with participation from Halifax's Fundy Blue
Ventures", "a research scientist at Bengaluru's Kaveri AI Labs", "a partnership with Dar es Salaam's Msasani
Geospatial Ltd". The NER reads the town before "'s" as an organisation (a firm's possessive is the commoner form),
so the town is typed a firm and the LOCATED_IN rules see no place. The name before "'s" is a town here when the
world place list knows it, and only as a town (not ambiguous, no region), no head word types it, and an
organisation's mention follows (a cue before the possessive, "participation from Halifax's X", typed the whole
phrase, not the town, so it does not count) the possessive ("Google's DeepMind" names no town; "Reading's
Kestrel Labs" is ambiguous and stays as read).
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

_POSSESSIVE = frozenset({"'s", "’s"})
#: words between the possessive and the organisation's name ("Kigali's own Ikaze Robotics")
_BETWEEN = frozenset({"own"})


def town_possessives(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Make a known town before "'s" and an organisation's name a place kept as that organisation's site."""
    starts = {c.start: c for c in cands}
    ends = {c.end: c for c in cands}
    for k, tok in enumerate(doc):
        if tok.text not in _POSSESSIVE or k not in ends:
            continue
        j = k + 1 + (k + 1 < len(doc) and doc[k + 1].lower_ in _BETWEEN)
        owner, town = starts.get(j), ends[k]
        if owner is None or owner.type not in ORG_TYPES or not _town(doc, town, env):
            continue
        town.type, town.label, town.place, town.ctx_typed = "Cluster", "GPE", False, True
    return cands


def _town(doc: Any, c: Candidate, env: Env) -> bool:
    """A town the world list knows, only as a town, that no head word types (a place reading is kept as the
    organisation's site rather than a town in passing)."""
    if c.entry is not None or c.source == "gazetteer" or c.acronym_of:
        return False  # a cue before the town ("participation from Halifax's X") typed the whole phrase, not the town
    text = TokenIndex.of(doc).span_text(c.start, c.end)
    places = world_places()
    return places.kind(text) == "city" and not places.is_ambiguous(text) \
        and env.typer.type_of_name([t.text for t in doc[c.start:c.end]]) is None
