"""RUNS and PART_OF stated by a role noun or a parent's name before a unit noun, read from the words (issue 14).

Fact sheets and programme pages name who runs a programme with a role noun rather than a verb, and company pages
and filings name a parent by putting its name before the unit noun; the frames of ``relations.py`` miss both:

* the runner's role noun (``runner_heads``, or a ``runner_first`` + ``runner_second`` pair): "X is the implementing
  agency of P", "X, the operator of P, ...", "X serves as the secretariat for P", "X, which acts as the managing
  body of P" (RUNS); the reverse "The implementing agency of P is X", "P's operator, X," and "P's fund manager is X";
  "X is in charge of P", "X is responsible for (running) the P" (``charge_phrases``). A runner must be an
  organisation and P a programme; a partner ("the delivery partner of P", "the lead investor of P") runs nothing;
  a former, planned or past role ("was the operator", "the former operator") states nothing.
* a parent's name before a unit noun (``name_unit_nouns``): "X is a Brackwater Holdings subsidiary", "X, a Siemens
  division, ...", "the Tessin Bank venture arm Tessin Ventures" (PART_OF(unit, parent)); not a possessive ("X's
  subsidiary" is the surface rules'), not "a former Y subsidiary".
* "X-owned": "the Alibaba-owned retailer Lazada", "Lazada, an Alibaba-owned marketplace," (PART_OF(Lazada, Alibaba)).

Word lists: ``data/lexicon/org_forms.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

from aikg.core.paths import shipped

ORG = ("Institute", "Company", "Agency")
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
OPENERS = frozenset({"-", "–", "—", "•", "*", "·", "▪"})  # list markers a line may open with
MODS = 3  # lower-case words a description may put before a role noun ("the national implementing agency")
Emit = Callable[[Iterable[str], int, int, float, str], None]


@dataclass(frozen=True)
class OrgFormWords:
    """The word lists of ``org_forms.json``."""

    heads: frozenset[str]
    first: frozenset[str]
    second: frozenset[str]
    not_second: dict[str, frozenset[str]]
    stop: frozenset[str]
    copulas: tuple[tuple[str, ...], ...]
    charge: tuple[tuple[str, ...], ...]
    gerunds: frozenset[str]
    owned: frozenset[str]
    owned_stop: frozenset[str]
    unit_nouns: frozenset[str]
    past: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "OrgFormWords":
        d = json.loads(shipped("lexicon", "org_forms.json").read_text(encoding="utf-8"))
        by_len = lambda xs: tuple(sorted((tuple(x) for x in xs), key=len, reverse=True))  # noqa: E731
        return cls(frozenset(d["runner_heads"]), frozenset(d["runner_first"]), frozenset(d["runner_second"]),
                   {k: frozenset(v) for k, v in d["runner_not_second"].items()}, frozenset(d["role_mods_stop"]),
                   by_len(d["copulas"]), by_len(d["charge_phrases"]), frozenset(d["charge_gerunds"]),
                   frozenset(d["owned_words"]), frozenset(d["owned_stop"]), frozenset(d["name_unit_nouns"]),
                   frozenset(d["past_words"]))


class _Sent:
    """One sentence of the entity pass: its mentions by first and last token."""

    def __init__(self, doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str]) -> None:
        self.doc, self.a, self.b, self.types = doc, sent.start, sent.end, types
        self.spans = sorted(spans, key=lambda x: x[1])
        self.by_start = {s: (i, e) for i, s, e in self.spans}
        self.by_end = {e: (i, s) for i, s, e in self.spans}

    def low(self, k: int) -> str:
        return self.doc[k].lower_ if self.a <= k < self.b else ""

    def phrase(self, k: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
        """The token after the first of ``phrases`` that starts at ``k`` (None: none does)."""
        for p in phrases:
            if all(self.low(k + n) == w for n, w in enumerate(p)):
                return k + len(p)
        return None

    def opens(self, k: int) -> bool:
        """Does token ``k`` open the sentence or its list item (only spaces and bullets before it)?"""
        return all(t.is_space or t.text in OPENERS for t in self.doc[self.a:k])

    def after_acronym(self, e: int) -> int:
        """The token after a name's bracketed acronym ("X (NOAC) is ...")."""
        if self.low(e) == "(" and self.low(e + 2) == ")":
            return e + 3
        return e

    def mention_at(self, k: int, kinds: tuple[str, ...]) -> int | None:
        hit = self.by_start.get(k)
        return hit[0] if hit is not None and self.types[hit[0]] in kinds else None

    def described_mention(self, k: int, kinds: tuple[str, ...], most: int = MODS) -> int | None:
        """The mention at ``k``, after "the" and up to ``most`` lower-case words ("the national voucher scheme P")."""
        if self.low(k) == "the":
            k += 1
        for j in range(k, min(self.b, k + most + 1)):
            hit = self.mention_at(j, kinds)
            if hit is not None:
                return hit
            if not (self.doc[j].is_lower or self.doc[j].text == "-") or self.doc[j].lower_ in ("and", "or", "of"):
                return None
        return None


def org_forms(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit, conf: float,
              words: OrgFormWords | None = None) -> None:
    """RUNS and PART_OF from the forms above in one sentence of the entity pass (no parse)."""
    words = words or OrgFormWords.load()
    s = _Sent(doc, sent, spans, types)
    lows = {t.lower_ for t in doc[sent.start:sent.end]}
    if lows & words.past & {"formerly", "previously", "once", "until", "sold", "divested"}:
        return  # "formerly the operator of", "sold its Danish subsidiary": not a current tie
    if "Programme" in {types[i] for i, _, _ in s.spans}:
        if lows & (words.heads | words.second):
            _runner_roles(s, words, emit, conf)
        if "charge" in lows or "responsible" in lows:
            _in_charge(s, words, emit, conf)
    if lows & words.unit_nouns:
        _name_units(s, words, emit, conf)
    if lows & words.owned:
        _owned(s, words, emit, conf)


def _role_end(s: _Sent, k: int, words: OrgFormWords) -> int | None:
    """The token after a runner's role noun that starts at ``k`` (after an article and a few modifiers), or None."""
    if s.low(k) not in ARTICLES:
        return None
    k += 1
    for j in range(k, min(s.b, k + MODS + 1)):
        w = s.low(j)
        if w in words.stop or not (s.doc[j].is_lower or s.doc[j].text == "-"):
            return None
        nxt = s.low(j + 1)
        if w in words.first and nxt in words.second and nxt not in words.not_second.get(w, frozenset()):
            return j + 2
        if w in words.heads:
            return j + 1
    return None


def _runner_roles(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"X is / acts as the implementing agency of P", "X, the operator of P,"; "The operator of P is X"; "P's
    operator, X,"."""
    for i, a, e in s.spans:
        if s.types[i] in ORG:
            k = s.after_acronym(e)
            q = s.phrase(k, words.copulas)
            if q is None and s.low(k) == "," and s.low(k + 1) == "the":
                q = k + 1  # apposition: "X, the operator of P,"
            end = _role_end(s, q, words) if q is not None else None
            if end is not None and s.low(end) in ("of", "for"):
                prog = s.described_mention(end + 1, ("Programme",))
                if prog is not None:
                    emit(["RUNS"], i, prog, conf, "rule:runner-role")
        elif s.types[i] == "Programme":
            _role_of_programme(s, i, a, e, words, emit, conf)


def _role_of_programme(s: _Sent, prog: int, a: int, e: int, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"The implementing agency of P is X" (the role before P) and "P's operator is X" / "P's operator, X,"."""
    runner_at = None
    if s.low(a - 1) in ("of", "for") or s.low(a - 1) == "the" and s.low(a - 2) in ("of", "for"):
        of = a - 1 if s.low(a - 1) in ("of", "for") else a - 2
        start = next((j for j in range(max(s.a, of - MODS - 3), of) if s.low(j) == "the"
                      and _role_end(s, j, words) == of), None)
        if start is not None and (s.opens(start) or s.low(start - 1) in (",", ";", ":", "and")):
            k = s.after_acronym(e)
            if s.low(k) in ("is", "remains") or s.low(k) == "will" and s.low(k + 1) == "be":
                runner_at = k + (2 if s.low(k) == "will" else 1)
    elif s.low(e) in POSSESSIVE:
        k, seen = e + 1, False
        for j in range(e + 1, min(s.b, e + 2 + MODS)):
            w = s.low(j)
            if w in words.stop or not s.doc[j].is_lower:
                break
            if w in words.first and s.low(j + 1) in words.second and s.low(j + 1) not in words.not_second.get(w, ()):
                k, seen = j + 2, True
                break
            if w in words.heads:
                k, seen = j + 1, True
                break
        if seen and (s.low(k) == "," or s.low(k) == "is"):
            runner_at = k + 1
    if runner_at is not None:
        runner = s.described_mention(runner_at, ORG, most=2)
        if runner is not None:
            emit(["RUNS"], runner, prog, conf, "rule:runner-role")


def _in_charge(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"X is in charge of P", "X is responsible for running the P", "X, which is responsible for P,"."""
    for i, _a, e in s.spans:
        if s.types[i] not in ORG:
            continue
        k = s.after_acronym(e)
        q = s.phrase(k, words.copulas)
        if q is None or s.low(k) == "," and s.low(k + 1) != "which":
            continue
        r = s.phrase(q, words.charge)
        if r is None:
            continue
        if s.low(r) in words.gerunds and s.low(r) != "the":
            r += 1
        if s.low(r) == "the" and s.low(r + 1) in words.gerunds:
            r += 1  # "the day-to-day running of"
        prog = s.mention_at(r, ("Programme",))
        if prog is None and s.low(r) == "the":
            j = r + 1
            while j < min(s.b, r + 1 + MODS) and s.doc[j].is_lower and not s.low(j).endswith("ing") \
                    and s.low(j) not in ("of", "and", "or"):
                j += 1
            prog = s.mention_at(j, ("Programme",))
        if prog is not None:
            emit(["RUNS"], i, prog, conf, "rule:in-charge")


def _name_units(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"X is a Brackwater Holdings subsidiary", "X, a Siemens division,", "the Tessin Bank venture arm Y"."""
    for i, a, e in s.spans:
        if s.types[i] not in ORG or s.low(e) in POSSESSIVE or s.low(a - 1) not in ARTICLES:
            continue
        j = e
        while j < min(s.b, e + 2) and s.doc[j].is_lower and s.low(j) not in words.unit_nouns \
                and s.low(j) not in words.past and s.low(j) not in words.stop:
            j += 1
        if s.low(j) not in words.unit_nouns:
            continue
        after = j + 2 if s.low(j + 1) == "," else j + 1
        unit = s.mention_at(after, ORG)
        if unit is None:
            unit = _holder_before(s, a - 1)
        if unit is not None and unit != i:
            emit(["PART_OF"], unit, i, conf, "rule:name-unit")


def _holder_before(s: _Sent, art: int) -> int | None:
    """The name an article phrase at ``art`` is said of: "Y is a ...", "Y, a ...", "Y, which is a ...",
    "Y operates as a ..."."""
    k = art - 1
    w = s.low(k)
    if w in ("is", "remains"):
        k -= 1
        if s.low(k) == "also":
            k -= 1
        if s.low(k) == "which" and s.low(k - 1) == ",":
            k -= 2
    elif w == "as" and s.low(k - 1) in ("operates", "operate", "trades"):
        k -= 2
    elif w != ",":
        return None
    else:
        k -= 1
    if s.low(k) == ")" and s.low(k - 2) == "(":
        k -= 3  # "Y (YC), a ..."
    hit = s.by_end.get(k + 1)
    return hit[0] if hit is not None and s.types[hit[0]] in ORG else None


def _owned(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"the Alibaba-owned retailer Lazada", "Lazada, an Alibaba-owned marketplace," -> PART_OF(Lazada, Alibaba)."""
    for i, a, e in s.spans:
        if s.types[i] not in ORG or s.low(e) != "-" or s.low(e + 1) not in words.owned:
            continue
        if s.doc[e - 1].whitespace_ or s.doc[e].whitespace_ or s.low(e - 1) in words.owned_stop:
            continue  # "Alibaba-owned", not "Alibaba - owned" nor "state-owned"
        j = e + 2
        while j < min(s.b, e + 6) and j not in s.by_start and (s.doc[j].is_lower or s.doc[j].text == "-"):
            j += 1
        unit = s.mention_at(j, ORG)
        if unit is None:
            k = a - 1
            if s.low(k) in ("wholly", "majority", "fully", "partly"):
                k -= 1
            unit = _holder_before(s, k) if s.low(k) in ARTICLES else None
        if unit is not None and unit != i:
            emit(["PART_OF"], unit, i, conf, "rule:name-owned")
