"""FUNDS in three clause forms of funding news that the verb frames and trigger windows miss (issue 14).

Read from the words of the text and the mentions (no parse: the parser hangs these clauses anywhere):

* an absolute clause of co-investors: "X raised $40m in a round led by A, with B and C (also) participating",
  "X closed a $7m round, with A, B and C all taking part": each listed name funds the round's owner (the
  target of the edge found for A in the sentence, else the first name before a verb of raising);
* a group before the funders: "X is backed by a roster of investors, including A and B", "X, funded by a number
  of public bodies such as A," (the window stops at the comma, the frames at "roster");
* a description apposed to the funded name: "A invested in another Oslo start-up, X, last year",
  "A has also backed a Tartu software firm, X".

A stance word before the phrase ("plans to", "not", "formerly") leaves it unsaid. Word lists:
``data/lexicon/fund_clauses.json``; the co-funders after the first name are read by
``relation_funding_spread`` (its connectors), so each form only needs to find the first one right.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

from aikg.core.paths import shipped

FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
RECIPIENTS = ("Institute", "Company", "Agency", "Programme")
Found = tuple[int, int, int, int, str]  # funder, recipient, sentence start, sentence end, method


def _phrases(words: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.lower().split()) for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class ClauseWords:
    """The word lists of ``fund_clauses.json``."""

    participles: tuple[tuple[str, ...], ...]
    adverbs: frozenset[str]
    raise_words: tuple[tuple[str, ...], ...]
    group_nouns: frozenset[str]
    group_openers: tuple[tuple[str, ...], ...]
    back_verbs: frozenset[str]
    between: frozenset[str]
    invest_phrases: tuple[tuple[str, ...], ...]
    company_nouns: frozenset[str]
    skip_words: frozenset[str]
    max_descriptor: int
    money_nouns: frozenset[str] = frozenset()
    round_words: frozenset[str] = frozenset()
    lead_verbs: frozenset[str] = frozenset()
    round_nouns: frozenset[str] = frozenset()
    with_words: tuple[tuple[str, ...], ...] = ()
    portfolio_nouns: tuple[tuple[str, ...], ...] = ()
    portfolio_openers: tuple[tuple[str, ...], ...] = ()
    stance: frozenset[str] = frozenset()
    item_words: frozenset[str] = frozenset()

    @classmethod
    def of(cls, d: dict[str, Any]) -> "ClauseWords":
        """Build from the JSON object."""
        def s(k: str) -> frozenset[str]:
            return frozenset(w.lower() for w in d.get(k, ()))
        return cls(_phrases(d.get("participles", ())), s("adverbs"), _phrases(d.get("raise_words", ())),
                   s("group_nouns"), _phrases(d.get("group_openers", ())), s("back_verbs"), s("between_words"),
                   _phrases(d.get("invest_phrases", ())), s("company_nouns"), s("skip_words"),
                   int(d.get("max_descriptor", 6)), s("money_nouns"),
                   s("round_words"), s("lead_verbs"), s("round_nouns"), _phrases(d.get("with_words", ())),
                   _phrases(d.get("portfolio_nouns", ())), _phrases(d.get("portfolio_openers", ())),
                   s("stance_words"), s("item_words"))


@lru_cache(maxsize=1)
def clause_words() -> ClauseWords:
    """The shipped word lists (read once)."""
    return ClauseWords.of(json.loads(shipped("lexicon", "fund_clauses.json").read_text(encoding="utf-8")))


class _Sent:
    """The words of one sentence as (start, end, lower text), with the mention starting and ending at each word."""

    def __init__(self, words: Any, text: str, a: int, b: int, mentions: Sequence[Any], starts: dict[int, int]) -> None:
        self.w = words(text, a, b, starts)
        ends = {m.end: i for i, m in enumerate(mentions) if m.source != "anaphor" and a <= m.start < b}
        self.ending = {k: ends[e] for k, (_s, e, _w) in enumerate(self.w.items) if e in ends}
        self.mentions = mentions
        self.n = len(self.w.items)
        self.text = text
        #: speed: every word as :meth:`low` gives it, read once
        self.lows = [w[:-1] if len(w) > 1 and w.endswith(".") else w for _s, _e, w in self.w.items]

    def low(self, k: int) -> str:
        """Word ``k`` in lower case, without the full stop the word reader keeps on a sentence's last word."""
        return self.lows[k] if 0 <= k < self.n else ""

    def at(self, k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Number of words of the first phrase that starts at word ``k`` (0: none)."""
        if k < 0:
            for p in phrases:
                if tuple(self.low(k + x) for x in range(len(p))) == p:
                    return len(p)
            return 0
        lows = self.lows  # a slice past the end is shorter, so no phrase (of non-empty words) matches there
        for p in phrases:
            if tuple(lows[k:k + len(p)]) == p:
                return len(p)
        return 0

    def name_at(self, k: int, types: tuple[str, ...]) -> int | None:
        m = self.w.mention.get(k)
        return m if m is not None and self.mentions[m].type in types else None

    def after(self, m: int) -> int | None:
        return self.w.index_at(self.mentions[m].end)

    def unsaid(self, k: int) -> bool:
        """A stance word in the four words before word ``k``."""
        stance = clause_words().stance
        return any(self.low(j) in stance for j in range(max(0, k - 4), k))


def _list_from(s: _Sent, k: int) -> tuple[list[int], int]:
    """The names of a list starting at word ``k`` ("A, B and the fund C"), and the word after it."""
    got: list[int] = []
    while k < s.n:
        j = k + (s.low(k) in ("the", "a", "an"))
        while s.low(j) in clause_words().item_words and j - k < 3:
            j += 1  # "existing investor A"
        m = s.name_at(j, FUNDERS)
        if m is None:
            break
        got.append(m)
        nxt = s.after(m)
        if nxt is None:
            return got, s.n
        k = nxt
        if s.low(k) == "," and s.low(k + 1) == "and":
            k += 2
        elif s.low(k) in (",", "and"):
            k += 1
        else:
            break
    return got, k


def with_participating(s: _Sent, a: int, b: int, edges: Sequence[Any], cw: ClauseWords) -> list[Found]:
    """"..., with B and C (also) participating": B and C fund the owner of the round the sentence names."""
    out: list[Found] = []
    for k in range(1, s.n - 2):
        if s.low(k) != "with" or s.unsaid(k):
            continue
        names, j = _list_from(s, k + 1)
        if not names:
            continue
        while j < s.n and s.low(j) in cw.adverbs:
            j += 1
        if not s.at(j, cw.participles):
            continue
        owner = _owner(s, k, edges, cw)
        out += [(f, owner, a, b, "form:with-participating") for f in names if owner is not None and f != owner]
    return out


def _owner(s: _Sent, k: int, edges: Sequence[Any], cw: ClauseWords) -> int | None:
    """Whose round a "with ... participating" clause at word ``k`` joins: the recipient of the FUNDS edges found
    before it in the sentence (when they agree), else the first name before a verb of raising."""
    first = s.w.items[0][0]
    before = s.w.items[k][0]
    targets = {e.target for e in edges if first <= s.mentions[e.source].start < before}
    if len({s.mentions[t].canonical for t in targets}) == 1:
        return next(iter(targets))
    if not any(s.low(j) in cw.round_words or s.low(j)[:1] in cw.round_words for j in range(k)):
        return None  # "X announced a hackathon, with B taking part": no round
    for j in range(k):
        if s.at(j, cw.raise_words):
            names = [m for x, m in sorted(s.w.mention.items()) if x < j and s.mentions[m].type in RECIPIENTS]
            return names[0] if names else None
    return None


def by_group(s: _Sent, a: int, b: int, cw: ClauseWords) -> list[Found]:
    """"X is backed by a roster of investors, including A and B", "X, funded by a number of public bodies such as
    A,": the listed names fund X (the name right before the verb, past "is now", "has been", a comma)."""
    out: list[Found] = []
    for k in range(1, s.n - 5):
        if s.low(k) not in cw.back_verbs or s.low(k + 1) != "by" or s.low(k + 2) not in ("a", "an") \
                or s.low(k + 3) not in cw.group_nouns or s.low(k + 4) != "of" or s.unsaid(k):
            continue
        j = k + 5
        while j < s.n and j - k < 5 + cw.max_descriptor and s.w.small(j) and not s.at(j, cw.group_openers):
            j += 1
        j += s.low(j) == ","
        n = s.at(j, cw.group_openers)
        if not n:
            continue
        names, _ = _list_from(s, j + n)
        x = _funded_before(s, k, cw)
        out += [(f, x, a, b, "form:by-group") for f in names if x is not None and f != x]
    return out


def _funded_before(s: _Sent, k: int, cw: ClauseWords) -> int | None:
    """The name right before the verb at word ``k``, past "is", "has been", "now", a comma."""
    j = k - 1
    while j >= 0 and s.low(j) in cw.between:
        j -= 1
    m = s.ending.get(j)
    return m if m is not None and s.mentions[m].type in RECIPIENTS else None


def described_recipient(s: _Sent, a: int, b: int, cw: ClauseWords) -> list[Found]:
    """"A invested in another Oslo start-up, X", "A has backed a Tartu software firm, X": A funds X."""
    out: list[Found] = []
    for k in range(1, s.n - 3):
        n = s.at(k, cw.invest_phrases)
        if not n:
            continue
        j = k - 1
        while j >= 0 and s.low(j) in cw.skip_words:
            j -= 1
        if s.unsaid(j + 1):
            continue
        x = _described_name(s, k + n, cw)
        out += [(f, x, a, b, "form:described-recipient") for f in _names_back(s, j) if x is not None and x != f]
    return out


def _names_back(s: _Sent, j: int) -> list[int]:
    """The funders of a list ending at word ``j``, read backwards ("A, B and C recently funded")."""
    got: list[int] = []
    while j >= 0:
        f = s.ending.get(j)
        if f is None or s.mentions[f].type not in FUNDERS:
            break
        got.append(f)
        j = s.w.at_char.get(s.mentions[f].start, 0) - 1
        if s.low(j) == "and":
            j -= 1 + (s.low(j - 1) == ",")
        elif s.low(j) == ",":
            j -= 1
        else:
            break
    return got


def _described_name(s: _Sent, k: int, cw: ClauseWords) -> int | None:
    """The name after "<a|another|the> <description ending in a company noun>," at word ``k``."""
    if s.low(k) not in ("a", "an", "another", "the", "fellow"):
        return None
    j = k + 1
    while j < s.n and j - k <= cw.max_descriptor:
        m = s.w.mention.get(j)
        if m is not None:
            if s.mentions[m].type != "Cluster":
                return None  # a name inside: not a bare description ("the Orrin-led round")
            j = s.after(m) or s.n
            continue
        word = s.low(j)
        if word in cw.company_nouns and s.low(j + 1) == ",":
            return s.name_at(j + 2, RECIPIENTS)
        raw = s.text[s.w.items[j][0]:s.w.items[j][1]]
        if not (s.w.small(j) or word == "-" or raw.replace("-", "").isalnum() and raw.isupper()):
            return None
        j += 1
    return None


def fronted_with(s: _Sent, a: int, b: int, cw: ClauseWords) -> list[Found]:
    """"With financing from A (and B), X opened a lab": the listed names fund the first name after the comma."""
    k = 0
    while k < 3 and not s.low(k).isalpha():
        k += 1  # a quote or bullet before the sentence
    if s.low(k) != "with":
        return []
    j = k + 1
    while j < s.n and j - k <= 4 and s.low(j) != "from":
        if not s.w.small(j) and not s.low(j).startswith(("$", "€", "£")) and not s.low(j)[:1].isdigit():
            return []
        j += 1
    if s.low(j) != "from" or not any(s.low(x) in cw.money_nouns for x in range(k + 1, j)):
        return []
    names, _e = _list_from(s, j + 1)
    if len(names) < 2:
        return []
    x = names[-1]  # the list reader runs on past the comma into the clause's subject
    before = s.w.at_char.get(s.mentions[x].start, 0) - 1
    before -= s.low(before) == "the"
    if s.low(before) != "," or s.mentions[x].type not in RECIPIENTS:
        return []
    return [(f, x, a, b, "form:fronted-with") for f in names[:-1] if f != x]


def round_with(s: _Sent, a: int, b: int, cw: ClauseWords) -> list[Found]:
    """"We co-led X's seed round with B", "A led X's Series A alongside B and C": the names after the connector
    fund X (the leader is read by the verb frames; "we" is none)."""
    out: list[Found] = []
    for k in range(s.n - 4):
        if s.low(k) not in cw.lead_verbs or s.unsaid(k):
            continue
        x = None if s.low(k + 1) == "the" else (s.name_at(k + 1, RECIPIENTS) or s.name_at(k + 2, RECIPIENTS))
        j = s.after(x) if x is not None else None
        if j is None or s.low(j) not in ("'s", "’s"):
            continue
        j += 1
        end = j
        while end < s.n and end - j < 4 and s.low(end) in cw.round_nouns | {"$", "€", "£", "million", "m"} \
                | {w for w in (s.low(end),) if w[:1].isdigit()}:
            end += 1
        n = s.at(end, cw.with_words)
        if end == j or not n or not any(s.low(x2) in cw.round_nouns for x2 in range(j, end)):
            continue
        names, _ = _list_from(s, end + n)
        out += [(f, x, a, b, "form:round-with") for f in names if f != x]
    return out


def portfolio_items(prev: _Sent, s: _Sent, a: int, b: int, cw: ClauseWords) -> list[Found]:
    """"X's portfolio now includes eleven companies. A few of them: A, a Funchal start-up ...; B of Y; Z's C; and
    D": each item of the second sentence is funded by X (the possessor of "portfolio" in the sentence before)."""
    k = 0
    while k < 2 and not s.low(k).isalpha():
        k += 1
    n = s.at(k, cw.portfolio_openers)
    if not n:
        return []
    owner = _portfolio_owner(prev, cw)
    if owner is None:
        return []
    j = k + n
    j += s.low(j) in (":", "are", "include", "were")
    starts = [j] + [x + 1 + (s.low(x + 1) == "and") for x in range(j, s.n) if s.low(x) == ";"]
    if len(starts) < 2:
        names, _ = _list_from(s, j)  # "Among them: A, B and C"
    else:
        names = [m for m in (_item_name(s, x) for x in starts) if m is not None]
    return [(owner, m, a, b, "form:portfolio-items") for m in names if m != owner]


def _item_name(s: _Sent, k: int) -> int | None:
    """The name opening a list item, past a place's possessive ("Ponta Delgada's C") and an article."""
    k += s.low(k) == "the"
    m = s.w.mention.get(k)
    if m is not None and s.mentions[m].type == "Cluster":
        after = s.after(m)
        if after is not None and s.low(after) in ("'s", "’s"):
            m = s.w.mention.get(after + 1)
    return m if m is not None and s.mentions[m].type in RECIPIENTS else None


def _portfolio_owner(prev: _Sent, cw: ClauseWords) -> int | None:
    """The possessor of "portfolio" in a sentence ("X's portfolio", "Its portfolio" for the pronoun's name)."""
    for k in range(1, prev.n):
        if not prev.at(k, cw.portfolio_nouns):
            continue
        if prev.low(k - 1) in ("'s", "’s", "'", "’"):
            m = prev.ending.get(k - 2)
        elif prev.low(k - 1) in ("its", "our"):
            m = next((mm.coref for mm in prev.mentions if mm.source == "anaphor" and mm.coref is not None
                      and prev.w.items[k - 1][0] == mm.start), None)
        else:
            continue
        if m is not None and prev.mentions[m].type in FUNDERS:
            return m
    return None


def clause_funding(text: str, spans: Sequence[tuple[int, int]], mentions: Sequence[Any], relations: Sequence[Any],
                   words: Any) -> list[Found]:
    """Every FUNDS edge of the three forms in one document (``words``: the sentence word reader of
    ``relation_funding_spread``); pairs already found are left out by the caller."""
    cw = clause_words()
    starts = {m.start: i for i, m in enumerate(mentions) if m.source != "anaphor"}
    funds = [r for r in relations if r.type == "FUNDS"]
    out: list[Found] = []
    prev: tuple[int, int] | None = None
    invest = [" ".join(p) for p in cw.invest_phrases]  # speed: joined once per document, not per sentence
    for a, b in spans:
        if prev is not None and "portfolio" in text[prev[0]:prev[1]]:
            p = _Sent(words, text, prev[0], prev[1], mentions, starts)
            out += portfolio_items(p, _Sent(words, text, a, b, mentions, starts), a, b, cw)
        prev = (a, b)
        low = text[a:b].lower()
        if " by a" not in low and "with " not in low and " alongside " not in low and not any(p in low for p in invest):
            continue  # speed: no words of the forms
        s = _Sent(words, text, a, b, mentions, starts)
        if s.n < 4:
            continue
        edges = [r for r in funds if a <= r.sent_start < b or r.sent_start <= a < r.sent_end]
        out += with_participating(s, a, b, edges, cw) + by_group(s, a, b, cw) + described_recipient(s, a, b, cw) \
            + fronted_with(s, a, b, cw) + round_with(s, a, b, cw)
    return [f for f in out if mentions[f[0]].type in FUNDERS and mentions[f[1]].type in RECIPIENTS
            and mentions[f[0]].canonical != mentions[f[1]].canonical]
