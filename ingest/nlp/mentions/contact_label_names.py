"""Stage contact_label_names: the person named on the line under a press-release contact label.

Press releases and university news end with a contact block: "Media contact" on a line of its own, then a name,
then a role or organisation, an e-mail address and a telephone number ("Media contact / Meera Joshi / Kanhan Vision
Systems / media@..."). The name stands alone on its line, so the heading pass reads it as a heading and drops it;
the block says it is a person. A line right under a contact label that is person-shaped (two to four name words)
and opens with a known given name, with nothing read on it (or only a default firm reading of it), is a Person; so is such a name after a dash in the
contact line itself ("Media enquiries: Office of Public Relations, AUST — Rahul Bishnoi, pr@...").

Near-misses left alone: an organisation or office under the label ("Ufficio Stampa", "Office of Public
Relations"), a name line that is not right under a contact label, a line whose first word is no given name.
Word lists: ``data/lexicon/contact_label_names.json``; given names of ``person_forms.json``. Off switch:
``AIKG_CONTACT_LABEL_NAMES=off``.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms, person_shaped

#: switch for an A/B measurement in one tree (``AIKG_CONTACT_LABEL_NAMES=off``); on by default
ENABLED_ENV = "AIKG_CONTACT_LABEL_NAMES"


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon_data("contact_label_names.json")["labels"])


def contact_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """A given-name-led name line right under a contact label is a person (module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    lines = token_lines(doc)
    for (a, b), (c, d) in zip(lines, lines[1:]):
        if " ".join(t.lower_ for t in doc[a:b] if t.text != ":") in _labels():
            cands = _add_person(doc, cands, c, d)  # "Media contact" / "Meera Joshi"
            for k, e in _after_dashes(doc, c, d):
                cands = _add_person(doc, cands, k, e)  # "Enquiries" / "Oficina de Comunicación Social, SIP — Paola Juárez"
    for a, b in lines:
        colon = next((k for k in range(a, min(b, a + 5)) if doc[k].text == ":"), None)
        if colon is not None and " ".join(t.lower_ for t in doc[a:colon]) in _labels():
            for k, e in _after_dashes(doc, colon + 1, b):
                cands = _add_person(doc, cands, k, e)  # "Media enquiries: Office of Public Relations, AUST — Rahul Bishnoi, pr@..."
    return cands


def _after_dashes(doc: Any, a: int, b: int) -> list[tuple[int, int]]:
    """The field after each dash of a contact line, up to a comma, bar or the line's end."""
    out = []
    for k in range(a, b - 1):
        if doc[k].text in ("—", "–"):
            e = next((i for i in range(k + 1, b) if doc[i].text in (",", "|", ";", "—", "–")), b)
            out.append((k + 1, e))
    return out


def _add_person(doc: Any, cands: list[Candidate], a: int, b: int) -> list[Candidate]:
    """``a:b`` as a Person when it is a given-name-led name nobody read."""
    f = forms()
    if b <= a or doc[a].text not in f.given or not person_shaped(doc, a, b, f):
        return cands
    inside = [x for x in cands if x.start < b and x.end > a]
    if any(not (x.start == a and x.end == b and x.type == "Company" and x.source == "ner" and x.entry is None
                and not x.ctx_typed) for x in inside):
        return cands  # read as something else (a default firm reading of the very name is retyped)
    keep = [x for x in cands if x not in inside]
    return sorted([*keep, Candidate(a, b, "Person", "rule", label="PERSON", ctx_typed=True)],
                  key=lambda x: (x.start, x.end))


def token_lines(doc: Any) -> list[tuple[int, int]]:
    """(start, end) of each line of non-space tokens, in order (also used by ``byline_outlets``)."""
    out: list[tuple[int, int]] = []
    start = None
    for k, t in enumerate(doc):
        if t.is_space:
            if start is not None and "\n" in t.text:
                out.append((start, k))
                start = None
            continue
        if start is None:
            start = k
        if "\n" in t.whitespace_:
            out.append((start, k + 1))
            start = None
    if start is not None:
        out.append((start, len(doc)))
    return out
