"""Stage org_title_names: "Ankole University of Technology Vice-Chancellor Prof. Justus Atwine" is two names.

University news and press releases put an organisation, a title and an honorific before a person: "AUT
Vice-Chancellor Prof. Justus Atwine", "Tarn University Dean of Engineering Dr Mira Lund", "Kessel Institute Director
Prof. Ana Ruiz said". The capitalised-run reader joins the whole phrase into one organisation, and the person is lost.
A non-person mention holding an honorific with a person-shaped name after it (two to four name words, to its end)
and title words right before it ends before the title words; the name after the honorific is a person. The title's
relation is then read by the people rules ("Nvidia CEO Jensen Huang").

Left alone: a mention with no title word before the honorific, or no name word before the title ("Dr. Oetker
Foods"), and gazetteer names. Switch: ``AIKG_ORG_TITLE_NAMES=off``.
"""

from __future__ import annotations

import os
from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms, person_shaped

ENABLED_ENV = "AIKG_ORG_TITLE_NAMES"


def enabled() -> bool:
    """The stage runs unless ``AIKG_ORG_TITLE_NAMES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


def org_title_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Split "<Org> <title> <honorific> <Person>" mentions into the organisation and the person."""
    if not enabled():
        return cands
    f = forms()
    added: list[Candidate] = []
    for c in cands:
        if c.type == "Person" or c.entry is not None or c.end - c.start < 5:
            continue
        cut = _split(doc, c, env, f.honorifics)
        if cut is None:
            continue
        title_start, name_start = cut
        if not person_shaped(doc, name_start, c.end, f):
            continue
        added.append(Candidate(name_start, c.end, "Person", "rule", label="PERSON", ctx_typed=True))
        c.end, c.canonical = title_start, None
    return cands + added


def _split(doc: Any, c: Candidate, env: Env, honorifics: frozenset[str]) -> tuple[int, int] | None:
    """(start of the title words, start of the name) inside ``c``, else None."""
    for k in range(c.start + 2, c.end - 2):
        if doc[k].lower_ not in honorifics and doc[k].lower_.rstrip(".") not in honorifics:
            continue
        name = k + 1
        while name < c.end and (doc[name].text == "." or doc[name].lower_.rstrip(".") in honorifics):
            name += 1  # "Prof. Dr."
        t = k
        while t > c.start and (doc[t - 1].lower_ in env.title_words or doc[t - 1].text in ("-", "–")):
            t -= 1
        heads = env.words.job_title_words | env.words.job_title_modifiers
        while t < k and doc[t].lower_ not in heads:
            t += 1  # "... University of Technology Vice-Chancellor": the title opens at its head or modifier
        if c.start < t < k:
            return t, name
    return None
