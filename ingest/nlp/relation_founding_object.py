"""FOUNDED from "<founder> co-founded it in 2021 with <person>", read from the text and its mentions (no parse).

Why: interviews and profiles name the company in one sentence and its founding in the next with "it" as the object
("Dechen Wangmo is chief executive of Pelri Analytics ... She co-founded it in 2021 with Ugyen Tenzin"; "Andriy
Melnyk set it up in 2016 after leaving Velmar Robotics"). The entity pass makes no mention of an object "it", so
the frames never see the company. "it" stands for the one organisation the sentence before names (none when it
names two, or none); the founder is the person (or "she"/"he" standing for one) right before the verb, and each
person after "with" founded it too. Not a product ("built it", "sold it"), not a plan ("hopes to set it up": the
founder must end right before the verb), not "launched it" (a product): only the verbs of ``founding_object_verbs``
and "set it up" (``data/lexicon/place_anchor_forms.json``).
"""

from __future__ import annotations

import re
from typing import Sequence

from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.relation_employer_place import words
from aikg.ingest.nlp.sentence_spans import sentence_spans

ORG = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
_YEAR = r"(?:\s+(?:in|back\s+in)\s+(?:[A-Z][a-z]+\s+)?\d{4})?"
_WITH = re.compile(r"\s+with\s+")
_JOIN = re.compile(r"\s*(?:,\s*and|,|and)\s*")


def _verb_pattern() -> re.Pattern[str]:
    """ "co-founded it", "set it up" (the verbs of ``founding_object_verbs``)."""
    verbs = sorted(words()["founding_object_verbs"], key=len, reverse=True)
    return re.compile(r"\s+(?:(?:" + "|".join(re.escape(v) for v in verbs) + r")\s+it|set\s+it\s+up)\b" + _YEAR)


def founded_it(text: str, off: int, mentions: Sequence[MentionFact]) -> list[Rel]:
    """("FOUNDED", founder, organisation, evidence start, evidence end, method) for the form above."""
    low = text.lower()
    if " it" not in low or not any(v in low for v in words()["founding_object_verbs"] | {"set it up"}):
        return []
    verb = _verb_pattern()
    ends = {m.end: i for i, m in enumerate(mentions)}
    starts = {m.start: i for i, m in enumerate(mentions)}
    out: list[Rel] = []
    prev = None
    for a, b, sent in sentence_spans(text, off):
        if b - a < 5:
            continue
        for v in verb.finditer(sent):
            founder = ends.get(a + v.start())
            if founder is None or mentions[founder].type != "Person" or prev is None:
                continue
            org = _one_org(mentions, *prev)
            if org is None:
                continue
            out.append(("FOUNDED", founder, org, prev[0], b, "rule:founded-it"))
            for p in _with_people(text, off, a + v.end(), b, starts, mentions):
                out.append(("FOUNDED", p, org, prev[0], b, "rule:founded-it"))
        prev = (a, b)
    return out


def _one_org(mentions: Sequence[MentionFact], a: int, b: int) -> int | None:
    """The one organisation the sentence [a, b) names (its first mention), or None when it names none or two."""
    found = [(i, m) for i, m in enumerate(mentions) if a <= m.start < b and m.type in ORG and m.source != "anaphor"]
    names = {m.canonical for _, m in found}
    return found[0][0] if len(names) == 1 else None


def _with_people(text: str, off: int, k: int, b: int, starts: dict[int, int],
                 mentions: Sequence[MentionFact]) -> list[int]:
    """The persons of "with A, B and C" at ``k`` (each right after "with" or a list joint)."""
    w = _WITH.match(text, k - off)
    if w is None:
        return []
    at, out = off + w.end(), []
    while at < b:
        i = starts.get(at)
        if i is None or mentions[i].type != "Person":
            break
        out.append(i)
        j = _JOIN.match(text, mentions[i].end - off)
        if j is None or j.end() == mentions[i].end - off:
            break
        at = off + j.end()
    return out
