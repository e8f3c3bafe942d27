"""Stage byline_outlets: the outlet after the author on a byline is an organisation, never a person.

News pages and blogs open with a byline: "By Karla Mejía Zelaya, Valle de Sula Económico | 22 January 2026", "By
Sonam Choden | Druk Tech Review | 20 November 2026", "Words by Ana Ruiz, Kestrel Weekly". The NER reads the outlet's
name, whose words are often Spanish, Portuguese or Malay words it does not know, as a second person. On a line that
a byline opener begins (``openers``), a name read as a person that comes after the author, after a comma or a bar,
and ends the line or its cell (a bar, a middle dot, a dash), is the outlet: an organisation (the default firm type).

Left alone: the author; a second author after "and" ("By A and B"), or after a comma when the name opens with a
known given name ("By Ana Ruiz, Pedro Gil | date"); a name read as an organisation or place; lines that open
otherwise ("By contrast, ..."). Word list: ``data/lexicon/byline_outlets.json``. ``AIKG_BYLINE_OUTLETS=off`` turns
the stage off.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.contact_label_names import token_lines
from aikg.ingest.nlp.mentions.person_names import forms

#: switch for an A/B measurement in one tree (``AIKG_BYLINE_OUTLETS=off``); on by default
ENABLED_ENV = "AIKG_BYLINE_OUTLETS"


@lru_cache(maxsize=1)
def _words() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    """(byline openers as word tuples, separators before the outlet, separators that end its cell)."""
    data = lexicon_data("byline_outlets.json")
    openers = tuple(sorted((tuple(o.lower().split()) for o in data["openers"]), key=len, reverse=True))
    return openers, frozenset(data["before_outlet"]), frozenset(data["after_outlet"])


def byline_outlets(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """A person-typed name after the author of a byline, ending its cell, is the outlet (module docstring)."""
    if os.environ.get(ENABLED_ENV, "on") == "off":
        return cands
    openers, before, after = _words()
    given = forms().given
    out = list(cands)
    for a, b in token_lines(doc):
        opener = next((o for o in openers if tuple(t.lower_ for t in doc[a:a + len(o)]) == o), None)
        if opener is None or a + len(opener) >= b or doc[a + len(opener)].text == ",":
            continue
        on_line = sorted((i for i, c in enumerate(out) if a <= c.start and c.end <= b), key=lambda i: out[i].start)
        if not on_line or out[on_line[0]].type != "Person" or out[on_line[0]].start != a + len(opener):
            continue  # "By contrast, ...": no author right after the opener
        for i in on_line[1:]:
            c = out[i]
            closes = c.end >= b or doc[c.end].text in after
            if c.type == "Person" and doc[c.start - 1].text in before and closes and doc[c.start].text not in given:
                out[i] = replace(c, type="Company", label="ORG", ctx_typed=True)
    return out
