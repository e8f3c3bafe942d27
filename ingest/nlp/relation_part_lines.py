"""PART_OF of a unit named right before its parent after a comma (issue 14, wave 14).

Conference programmes, speaker lists, bylines and contact lines name a person's unit and then its university:
"Prof. Kipchumba Langat, Dean, School of Computing and Informatics, Uasin Gishu University", "- Prof. T. Sasaki,
Graduate School of Information Sciences, Aoba Gakuin University", "Contact: Secretaría, Faculty of Natural Resources,
EPAR, Riobamba." The unit (a name opening with a ``unit_heads`` word) is PART_OF the organisation after its comma when
that organisation closes the line, the sentence or a bracket, or a place or a bare ", and" follows it; an organisation
followed by another name ("the Faculty of Law, Orrin University and Kestrel Labs") is read as a list, not a parent.

Word list: ``data/lexicon/part_lines.json``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable

from aikg.ingest.nlp.lexicon import lexicon_sets

ORG = ("Institute", "Company", "Agency")
TOWN = 3  # words of a town name the mentions missed
CLOSERS = frozenset({".", ")", ";", "|", "–", "—", "--"})
Emit = Callable[[Iterable[str], int, int, float, str], None]


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    keys = ("unit_heads", "unit_tails", "speech_verbs")
    return dict(zip(keys, lexicon_sets("part_lines.json", keys)))


def unit_heads() -> frozenset[str]:
    """First words of a unit's name (``unit_heads`` of ``part_lines.json``)."""
    return _lists()["unit_heads"]


def unit_tails() -> frozenset[str]:
    """Last words of a unit's name on a name line (``unit_tails``): "Navbahor AI Lab, Afrosiyob Cloud"."""
    return _lists()["unit_tails"]


def speech_verbs() -> frozenset[str]:
    """Verbs of saying that close a name line's last organisation ("..., Y Institute of Technology, said: ...")."""
    return _lists()["speech_verbs"]


def unit_comma_parent(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit,
                      conf: float) -> None:
    """PART_OF(unit, parent) of "..., School of X, Y University" in one sentence (``spans`` sorted by start)."""
    heads = unit_heads()
    by_start = {s: (i, e) for i, s, e in spans}
    for i, s, e in spans:
        if types[i] not in ORG or e + 1 >= sent.end or doc[e].text != ",":
            continue
        first = s + 1 if doc[s].lower_ == "the" and s + 1 < e else s
        tail = e - 1 > first and doc[e - 1].lower_ in unit_tails() and s > sent.start and doc[s - 1].text == ","
        if doc[first].lower_ not in heads and not tail:
            continue  # "..., Research Scientist, Navbahor AI Lab, Afrosiyob Cloud": a lab after a title's comma
        k = e + 1 + (doc[e + 1].lower_ == "the")
        hit = by_start.get(k)
        if hit is None or types[hit[0]] not in ORG or hit[0] == i:
            continue
        if _closes(doc, sent, hit[1], by_start, types):
            emit(["PART_OF"], i, hit[0], conf, "rule:unit-comma-parent")


def _closes(doc: Any, sent: Any, k: int, by_start: dict[int, tuple[int, int]], types: list[str]) -> bool:
    """The parent ending at ``k`` ends the line, sentence or bracket, or a place or a bare ", and" follows it."""
    if k >= sent.end or "\n" in doc[k - 1].whitespace_ or doc[k].is_space or doc[k].text in CLOSERS:
        return True
    if doc[k].text != "," or k + 1 >= sent.end:
        return False
    nxt = k + 1
    if doc[nxt].lower_ in speech_verbs():
        return True  # "..., Anarkali Institute of Technology, said: ..."
    if doc[nxt].lower_ == "and":  # "..., Kapaz Technical University, and Visiting Professor, ..."
        after = nxt + 1 + (nxt + 1 < sent.end and doc[nxt + 1].lower_ == "the")
        return after >= sent.end or after not in by_start or types[by_start[after][0]] not in ORG
    place = by_start.get(nxt)
    if place is not None:
        return types[place[0]] == "Cluster"  # "Faculty of X, EPAR, Riobamba."
    last = nxt
    while last < min(sent.end, nxt + TOWN) and doc[last].is_title and last not in by_start:
        last += 1  # a town the mentions missed closes a contact line: "..., Escuela Politécnica X, Riobamba."
    return last > nxt and (last >= sent.end or doc[last].is_space or doc[last].text == "."
                           or "\n" in doc[last - 1].whitespace_)
