"""Places inside a metro cluster, as data: WITHIN(place, metro) for every such place a run mentions.

``data/gazetteer/metros.json`` names, by gazetteer entry, the metro each city, town or district
lies in (Mountain View -> San Francisco Bay Area; Cambridge, Massachusetts -> Boston). For each
Cluster entity of a run that is such a place, this adds a WITHIN relationship to the metro (and
the metro's entity when the run did not mention it), with one piece of evidence per document
that mentions the place: the span of its first mention there, method ``gazetteer:metro``.
Queries then answer at metro level while keeping the place.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache

from aikg.core.facts import EntityRecord, Evidence, RelationRecord
from aikg.core.ids import entity_id, normalise_name
from aikg.core.paths import as_path, shipped
from aikg.ingest.nlp.gazetteer import Gazetteer, GazetteerEntry

METHOD = "gazetteer:metro"


@cache
def _geography() -> tuple[Gazetteer, dict[str, str]]:
    within = json.loads(shipped("gazetteer", "metros.json").read_text(encoding="utf-8"))["within"]
    return Gazetteer.from_dir(as_path(shipped("gazetteer"))), dict(within)


def shipped_gazetteer() -> Gazetteer:
    """The gazetteer shipped with aikg, loaded once (what resolution reads entries' forms from)."""
    return _geography()[0]


def metro_of(entity: EntityRecord) -> GazetteerEntry | None:
    """The gazetteer entry of the metro a Cluster entity lies in, or None."""
    if entity.type != "Cluster":
        return None
    gaz, within = _geography()
    for form in (entity.name, *entity.aliases):
        entry = gaz.lookup(form)
        if entry is not None and entry.type == "Cluster":
            metro = within.get(entry.name)
            return gaz.by_name.get(metro) if metro else None
    return None


def _metro_entity(entry: GazetteerEntry, present: dict[str, EntityRecord]) -> EntityRecord:
    forms = {normalise_name(f) for f in entry.forms}
    for rec in present.values():
        if rec.type == "Cluster" and normalise_name(rec.name) in forms:
            return rec
    rec = EntityRecord(id=entity_id("Cluster", entry.name), type="Cluster", name=entry.name, aliases=list(entry.aliases))
    if entry.wikidata:
        rec.props["wikidata"] = entry.wikidata
    return rec


def places_within(records: Iterable[object]) -> list[EntityRecord | RelationRecord]:
    """WITHIN relationships (and metro entities not among ``records``) for the places among ``records``."""
    present = {e.id: e for e in records if isinstance(e, EntityRecord)}
    new: dict[str, EntityRecord] = {}
    out: list[EntityRecord | RelationRecord] = []
    for place in sorted(present.values(), key=lambda e: e.id):
        entry = metro_of(place)
        if entry is None:
            continue
        metro = _metro_entity(entry, {**present, **new})
        if metro.id == place.id:
            continue
        if metro.id not in present:
            new[metro.id] = metro
        first: dict[str, tuple[int, int]] = {}
        for m in sorted(place.mentions, key=lambda m: (m.doc, m.start)):
            first.setdefault(m.doc, (m.start, m.end))
        evidence = [Evidence(doc, s, e, f"{place.name} lies within {metro.name} (aikg gazetteer)")
                    for doc, (s, e) in sorted(first.items())]
        if evidence:
            out.append(RelationRecord("WITHIN", place.id, metro.id, 1.0, METHOD, evidence))
    return [*sorted(new.values(), key=lambda e: e.id), *out]
