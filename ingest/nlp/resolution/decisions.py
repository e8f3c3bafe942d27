"""What resolution is told from outside the documents: entities the store knows, analyst decisions."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from aikg.core.errors import InputError


@dataclass(frozen=True)
class KnownEntity:
    """An entity already resolved (in the store, or stated by a loader): mentions may join it, two never merge."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    a: str
    b: str
    same: bool


@dataclass(frozen=True)
class Decisions:
    items: tuple[Decision, ...] = ()


def load_decisions(path: str | Path) -> Decisions:
    """Read ``{"a": ..., "b": ..., "decision": "same"|"different"}`` lines (names or ids)."""
    items: list[Decision] = []
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read decisions: {e}", source=str(p)) from e
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            d = json.loads(line)
            kind = d["decision"]
            if kind not in ("same", "different"):
                raise ValueError(f"decision must be 'same' or 'different', not {kind!r}")
            items.append(Decision(str(d["a"]), str(d["b"]), kind == "same"))
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as e:
            raise InputError(f"bad decision: {e}", source=str(p), line=n) from e
    return Decisions(tuple(items))
