"""The curated gazetteer: ``data/gazetteer/*.jsonl``, one known entity a line."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from aikg.core.errors import InputError
from aikg.core.ids import normalise_name
from aikg.core.schema import SCHEMA

QID = re.compile(r"^Q\d+$")
FIELDS = ("name", "type", "aliases", "acronyms", "wikidata", "cluster", "note")


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    wikidata: str = ""
    cluster: str = ""
    note: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.acronyms)

    @property
    def is_metro(self) -> bool:
        """A Cluster entry for a city or named hub (countries and regions leave ``cluster`` empty)."""
        return self.type == "Cluster" and bool(self.cluster)


def _entry(data: dict, source: str, line: int) -> GazetteerEntry:
    missing = [k for k in ("name", "type") if not data.get(k)]
    if missing:
        raise InputError(f"gazetteer entry lacks {', '.join(missing)}", source=source, line=line)
    if data["type"] not in SCHEMA.entity_types:
        raise InputError(f"unknown entity type {data['type']!r}", source=source, line=line)
    qid = data.get("wikidata") or ""
    if qid and not QID.match(qid):
        raise InputError(f"bad Wikidata QID {qid!r}", source=source, line=line)
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise InputError(f"unknown fields {sorted(unknown)}", source=source, line=line)
    return GazetteerEntry(
        name=data["name"],
        type=data["type"],
        aliases=tuple(data.get("aliases") or ()),
        acronyms=tuple(data.get("acronyms") or ()),
        wikidata=qid,
        cluster=data.get("cluster") or "",
        note=data.get("note") or "",
    )


def load_gazetteer(directory: Path) -> list[GazetteerEntry]:
    """All entries of every ``*.jsonl`` file in ``directory``, in file and line order."""
    entries: list[GazetteerEntry] = []
    for path in sorted(Path(directory).glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"not JSON: {e}", source=str(path), line=n) from e
            entries.append(_entry(data, str(path), n))
    return entries


class Gazetteer:
    """Lookup by entry name and by normalised form."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self.by_name = {e.name: e for e in entries}
        self.by_norm: dict[str, GazetteerEntry] = {}
        for e in entries:
            for form in e.forms:
                self.by_norm.setdefault(normalise_name(form), e)

    @classmethod
    def from_dir(cls, directory: Path) -> "Gazetteer":
        return cls(load_gazetteer(directory))

    def lookup(self, text: str) -> GazetteerEntry | None:
        return self.by_norm.get(normalise_name(text))

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler phrase patterns: label = our entity type, id = entry name.

        Names are matched case-sensitively as written, plus an upper-case variant for
        datelines ("ABU DHABI -") when the name has several words.
        """
        patterns: list[dict] = []
        seen: set[tuple[str, str]] = set()
        for e in self.entries:
            for form in e.forms:
                variants = [form]
                if form.startswith("the "):
                    variants.append(form[4:])
                if " " in form and form.upper() != form:
                    variants.append(form.upper())
                for v in variants:
                    key = (v, e.name)
                    if key in seen:
                        continue
                    seen.add(key)
                    patterns.append({"label": e.type, "pattern": v, "id": e.name})
        return patterns
