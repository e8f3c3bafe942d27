"""Which gazetteer entry a mention names, once its document has had its say.

The extractor marks a short form with the listed entry it matched ("AIST" -> National Institute of Advanced
Industrial Science and Technology) and, separately, with the expansion the document gave it ("Arusha Institute
of Science and Technology (AIST)"). When the two name different bodies the document wins: the mention claims
its expansion, anchors to no entry and carries no QID, so resolution never joins a document's unlisted body to
a listed one through an acronym. Facts cached by an older extractor are read the same way.
"""

from __future__ import annotations

from aikg.ingest.nlp.gazetteer_guard import same_body
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.resolution.geography import shipped_gazetteer


def _forms(entry_name: str) -> tuple[str, ...]:
    entry = shipped_gazetteer().by_name.get(entry_name)
    return (entry.name, *entry.aliases) if entry is not None else (entry_name,)


def listed_name(m: MentionFact) -> str | None:
    """The gazetteer entry ``m`` names, or None when it names none or its document defined it as another body."""
    if not m.gazetteer:
        return None
    if m.acronym_of and m.acronym_of != m.gazetteer and not same_body(m.acronym_of, _forms(m.gazetteer)):
        return None
    return m.gazetteer
