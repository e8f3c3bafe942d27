"""People on a publication's masthead line: "Published by Rozafa Business Review. Editor: Elira Dushku",
"Published by Hanácká Technology Review, Olomouc | Editor: Lukáš Navrátil".

A guide or report names its publisher in a line that opens with a publisher phrase; a title label later on the same
line ("Editor:", "Managing editor:", "Research director:") names the publisher's staff. Each person of such a label
is AFFILIATED_WITH the publisher. Not read: a label with a past word ("Former editor:"), a person inside a bracket or
after "of"/"at" (someone else's), a line that does not open with the publisher phrase ("The guide was published by
X. Editor: Y" states nothing about the editor's employer). Words: ``masthead_openers`` of
``data/lexicon/entity_forms.json``; title words from :class:`PublishedWords`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from aikg.ingest.nlp.mention_index import MentionIndex
from aikg.ingest.nlp.mentions.org_persons import entity_forms
from aikg.ingest.nlp.records import MentionFact

if TYPE_CHECKING:
    from aikg.ingest.nlp.relation_people_published import PublishedWords

ORG_TYPES = ("Institute", "Company", "Agency")
#: the first lines of a page where a masthead may stand
MASTHEAD_LINES = 8
_LABEL = re.compile(r"(?:^|(?<=[.|;·])\s*)([A-Z][A-Za-z -]{1,30}?)\s*:\s*")

Rel = tuple[str, int, int, int, int, str]


def masthead_people(text: str, off: int, mentions: Sequence[MentionFact], words: "PublishedWords") -> list[Rel]:
    """AFFILIATED_WITH(person, publisher) for the title labels of a masthead line in the page's first lines."""
    if off != 0:
        return []
    openers = tuple(o.lower() for o in entity_forms()["masthead_openers"])
    ix = MentionIndex(mentions, ORG_TYPES)
    out: list[Rel] = []
    pos = 0
    for line in text.split("\n")[:MASTHEAD_LINES]:
        a, b = pos, pos + len(line)
        pos = b + 1
        body = line.lstrip(" -•*")
        opener = next((o for o in openers if body.lower().startswith(o + " ")), None)
        if opener is None:
            continue
        start = a + len(line) - len(body) + len(opener) + 1
        first = ix.orgs_in(start, b)
        if not first or line[start - a:first[0][0] - a].strip(" ").lower() not in ("", "the"):
            continue
        publisher = first[0][2]
        for m in _LABEL.finditer(line, first[0][1] - a):
            label = m.group(1).strip().lower()
            if not words.is_title(label) or words.founder_in(label):
                continue
            seg_end = _segment_end(line, m.end())
            for p in ix.people_in(a + m.end(), a + seg_end):
                before = line[m.end():p[0] - a]
                if before.count("(") == before.count(")") and not re.search(r"\b(?:of|at|from|with)\s*$", before):
                    out.append(("AFFILIATED_WITH", p[2], publisher, a, b, "rule:masthead"))
    return out


def _segment_end(line: str, k: int) -> int:
    """Where a label's value ends: the next "|" or ";", a full stop before a capital, or the line's end."""
    stop = re.search(r"\s[|;·]\s|[.!?](?=\s+[A-Z])", line[k:])
    return k + stop.start() if stop else len(line)
