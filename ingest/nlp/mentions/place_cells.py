"""A town no list knows in an organisation's place cell: "Org (Town)" and list lines "- Org, Town" (issue 14).

Why: member lists, speaker lines and programmes give an organisation's town in a bracket or after a comma
("- Hugo Lind, CTO, Kalvola Robotics (Sotkamo)", "- Peugeot-Doller Automotive Components, Sausheim"); a small town
no list knows is read as a firm or dropped, so the bracket and line rules of ``relation_places`` never see a place.

* A bracket right after an organisation holding one to three capitalised words (not all capitals, no word of the
  organisation's own name, no quote: not a short form) is its town.
* A bulleted line "<Org>, <Name>" ending the line is a town when another bulleted line of the document has the same
  shape with a town the model or the world list already knows ("- Rhin Motion SAS, Mulhouse"): the column is a
  column of towns.

Either way the name must be no gazetteer entry, typed by no head word, no country or region, and never an
organisation elsewhere in the document.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms
from aikg.ingest.nlp.mentions.place_forms import BULLETS
from aikg.ingest.nlp.mentions.town_at_slots import town_ok

#: switch for an A/B measurement in one tree (``AIKG_PLACE_CELLS=off``); on by default
ENABLED_ENV = "AIKG_PLACE_CELLS"
MAX_TOWN = 3  # capitalised words of the town


def place_cells(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Make the name of an organisation's bracket or list-line cell a town (a Cluster) when nothing else types it."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    ends = {c.end: c for c in cands}
    starts = {c.start: c for c in cands}
    cells = [cell for c in cands if c.type in ORG_TYPES
             for cell in (_bracket_cell(doc, c, starts), _line_cell(doc, c, starts)) if cell is not None]
    known = any(kind == "line" and (held := starts.get(a)) is not None and held.type == "Cluster"
                and held.end == b for a, b, kind in cells)
    out = list(cands)
    changed = False
    for a, b, kind in cells:
        if kind == "line" and not known:
            continue
        held = starts.get(a)
        if held is not None and (held.end != b or held.type == "Cluster"):
            continue
        if not town_ok(doc, a, b, held, cands, env) or doc[a].text in forms().given and b - a > 1:
            continue
        if held is None:
            if any(a < e <= b for e in ends) or any(a <= s < b for s in starts):
                continue  # a mention across the cell stays as read
            out.append(Candidate(a, b, "Cluster", "rule", label="GPE", ctx_typed=True))
        else:
            out[out.index(held)] = replace(held, type="Cluster", label="GPE", ctx_typed=True, place=False)
        changed = True
    return sorted(out, key=lambda s: (s.start, s.end)) if changed else cands


def _cap(t: Any) -> bool:
    return t.is_alpha and t.text[:1].isupper() and not t.is_upper


def _words_end(doc: Any, k: int) -> int:
    """End of up to three capitalised words from ``k`` on one line (inner tight hyphens allowed)."""
    end, words = k, 0
    while end < len(doc) and words < MAX_TOWN and _cap(doc[end]):
        end, words = end + 1, words + 1
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_ and not doc[end - 1].whitespace_ \
                and _cap(doc[end + 1]):
            end += 1
        if "\n" in doc[end - 1].whitespace_:
            break
    return end


def _bracket_cell(doc: Any, c: Candidate, starts: dict[int, Candidate]) -> tuple[int, int, str] | None:
    """"Kalvola Robotics (Sotkamo)": the capitalised words of a bracket right after the organisation."""
    k = c.end
    if k + 2 >= len(doc) or doc[k].text != "(" or not _cap(doc[k + 1]):
        return None
    held = starts.get(k + 1)
    end = held.end if held is not None else _words_end(doc, k + 1)
    if end >= len(doc) or not doc[end].text.startswith(")") or end - (k + 1) > MAX_TOWN:
        return None
    own = {doc[t].lower_ for t in range(c.start, c.end)}
    if any(doc[t].lower_ in own or any(ch.isupper() for ch in doc[t].text[1:]) for t in range(k + 1, end)):
        return None  # "Kalvola Robotics (Kalvola)", "Société Générale (SocGen)": a short form
    return k + 1, end, "bracket"


def _line_cell(doc: Any, c: Candidate, starts: dict[int, Candidate]) -> tuple[int, int, str] | None:
    """"- Peugeot-Doller Automotive Components, Sausheim": the name after the comma of a bulleted line that the
    organisation opens, ending the line."""
    b = c.start - 1
    if b < 0 or doc[b].text not in BULLETS or b > 0 and "\n" not in doc[b - 1].whitespace_ and not doc[b - 1].is_space:
        return None
    k = c.end
    if k + 1 >= len(doc) or doc[k].text != "," or "\n" in doc[k].whitespace_:
        return None
    held = starts.get(k + 1)
    end = held.end if held is not None else _words_end(doc, k + 1)
    if end <= k + 1 or not (end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space):
        return None
    return k + 1, end, "line"
