"""Stage compound_given_names: "Pieter-Jan Goossens", "Anne-Sophie Wéry", "Hans-Peter Vogt" are people.

Belgian, French, Dutch and German pages name people with hyphenated compound given names; in an investor list ("our
existing investors Fennec Angels and Pieter-Jan Goossens") or a contact line the NER reads an unfamiliar surname after
them as an organisation. A name that opens with two known given names joined by a hyphen, followed by one to three
surname words (particles allowed), with no organisation head word, gazetteer entry or typing by the text, is a person.

Left alone: "Mercedes-Benz" (one half is no given name), "Jean-Luc Robotics" (a head word), gazetteer names.
Given names from ``person_forms.json``. Switch: ``AIKG_COMPOUND_GIVEN_NAMES=off``.
"""

from __future__ import annotations

import os
from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.person_names import forms

ENABLED_ENV = "AIKG_COMPOUND_GIVEN_NAMES"


def enabled() -> bool:
    """The stage runs unless ``AIKG_COMPOUND_GIVEN_NAMES=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


def compound_given_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype organisation readings of "Given-Given Surname" as people."""
    if not enabled():
        return cands
    f = forms()
    for c in cands:
        if c.type not in ORG_TYPES or c.entry is not None or c.ctx_typed or c.end - c.start < 4:
            continue
        first, dash, second = doc[c.start], doc[c.start + 1], doc[c.start + 2]
        if dash.text != "-" or first.whitespace_ or dash.whitespace_ or first.text not in f.given \
                or second.text not in f.given:
            continue
        rest = doc[c.start + 3:c.end]
        surnames = [t for t in rest if t.text not in f.particles]
        if not 1 <= len(surnames) <= 3 or not all(t.is_alpha and t.text[:1].isupper() for t in surnames):
            continue
        if env.typer.type_of_name([t.text for t in doc[c.start:c.end]]) is not None:
            continue  # "Jean-Luc Robotics"
        c.type, c.label, c.ctx_typed = "Person", "PERSON", True
    return cands
