"""An organisation's name as the modifier of a noun that relates another name to it.

Why: releases and encyclopedia articles state ownership, spin-outs and programmes in one noun phrase:
"Lumora Labs, an Orrin Institute spin-out, …", "Kestrel Robotics, a Quantix Systems subsidiary", "the
Quantix Systems subsidiary Kestrel Robotics", "BridgeAI, an Innovate UK programme". The noun after the
modifier gives the relation (``modifier_nouns`` in relations.json); a place as modifier ("a Tampere
company") is left to the place rules. Read from the words of the entity pass (no parse needed).
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

ORGS = ("Institute", "Company", "Agency")
MAX_NOUN = 4  # tokens of the noun phrase after the modifier ("venture capital arm", "spin - out")
Emit = Callable[[Sequence[str], int, int, float, str], None]


def modifier_words(relations: Mapping[str, Any]) -> dict[str, tuple[str, str]]:
    """noun -> (relation type, role of the modifier) from ``modifier_nouns``."""
    out = {}
    for noun, spec in relations.get("modifier_nouns", {}).items():
        if isinstance(spec, dict):
            out[noun.lower()] = (spec["rel"], spec["owner"])
    return out


#: words that end the noun phrase after a name with no reading: a possessive starts another phrase, a past tie
_NOT_MODIFIER = frozenset({"its", "their", "our", "his", "her", "former", "formerly", "ex", "previous", "once"})


def _noun_after(doc: Any, k: int, end: int, nouns: Mapping[str, tuple[str, str]]) -> tuple[int, tuple[str, str]] | None:
    """The first token after the noun phrase at ``k`` and the noun's reading, if its last word is a listed noun."""
    words: list[str] = []
    best = None
    for j in range(k, min(end, k + MAX_NOUN)):
        t = doc[j]
        if not (t.is_alpha and t.is_lower) and t.text not in "-‑":
            break
        if t.lower_ in _NOT_MODIFIER:
            return None  # "X said its former subsidiary Y": no noun phrase of X's, and a past tie (#14)
        words.append(t.lower_)
        word = "".join(words[-3:]) if len(words) >= 3 and words[-2] in "-‑" else t.lower_
        if word in nouns:
            best = (j + 1, nouns[word])
    return best


def modifier_rules(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str],
                   nouns: Mapping[str, tuple[str, str]], emit: Emit, conf: float) -> None:
    """"Y, a|an X NOUN" and "the X NOUN Y" over one sentence."""
    if len(spans) < 2 or not nouns:
        return
    by_start = {s: (i, e) for i, s, e in spans}
    for i, s, e in spans:
        if types[i] not in ORGS:
            continue
        reading = _noun_after(doc, e, sent.end, nouns)
        if reading is None:
            continue
        after, (rel, owner) = reading
        other = None
        det = doc[s - 1].lower_ if s - 1 >= sent.start else ""
        if det in ("a", "an") and s - 3 >= sent.start and doc[s - 2].text == "," and (s - 2) not in by_start:
            ends = {en: m for m, st, en in spans}
            other = ends.get(s - 2)  # "Lumora Labs, an Orrin Institute spin-out"
            if other is not None and not (after >= sent.end or doc[after].text in (",", ")", ";", ".")):
                other = None  # the apposition must end there
        elif det in ("the", "a", "an") or s == sent.start:
            hit = by_start.get(after)
            other = hit[0] if hit is not None else None  # "the Quantix Systems subsidiary Kestrel Robotics"
        if other is None or other == i:
            continue
        src, tgt = (other, i) if owner == "tgt" else (i, other)
        emit([rel], src, tgt, conf, "rule:modifier-noun")
