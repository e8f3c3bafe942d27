"""The relation candidate of the rules and the schema check every candidate passes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from aikg.core.schema import SCHEMA


@dataclass(frozen=True)
class Cand:
    """A relation between two mention indices of one document, before resolution."""

    type: str
    src: int
    tgt: int
    conf: float
    method: str
    fixed: frozenset[int] = frozenset()  # ends not given to the other members of their list ("C, a spin-out of X")


def allowed(rtypes: Iterable[str], src_type: str, tgt_type: str) -> str | None:
    """The first relation type of ``rtypes`` the schema allows between these entity types."""
    for r in rtypes:
        if SCHEMA.check_relation(r, src_type, tgt_type) is None:
            return r
    return None
