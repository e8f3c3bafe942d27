"""FUNDS carried from a found funding edge to the names the same phrase lists with it, read from the words.

Published funding text names several funders or recipients in one phrase, with descriptions between the
names that cut the lists the other rules read ("a joint investment by A and the angel network B", "backed by
A and the family office B, with support from C", "funded by A together with B", "Its portfolio includes A,
B and the Chișinău start-up C"), and a scheme after the funder ("a grant from A under its P line", "a loan
to X through its P window"). A rule that found FUNDS(A, X) has read the phrase right; this module adds:

* co-funders: the names after A that a connector joins to it ("and", "together with", "along with", "as
  well as", "alongside", ", with additional support from", "and by", "and from"), past short descriptions;
* co-recipients: the names listed after a funded X when X is itself a list item ("include A, B and C");
* the scheme: a programme after "under/through/via its|the" right after A or X funds X too (dev5/dev7 gold);
* relative clauses of running with money: "P, which O runs with money from B", "P, a competition that O
  runs with funding from B", "a programme that C pays for" give FUNDS(B, P) (no edge needed).

Nothing is carried past a stance word ("not", "formerly", "until", "hopes"), a verb, or a possessor ("B's").
Word lists: ``data/lexicon/funding_spread.json``. No parse: the words of the text and the mentions only.
"""

from __future__ import annotations

import json
import os
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Sequence

from aikg.core.paths import shipped
from aikg.ingest.nlp.relation_fund_backers import among_recipients, limited_partners
from aikg.ingest.nlp.relation_fund_clauses import clause_funding

FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
RECIPIENTS = ("Institute", "Company", "Agency", "Programme")
CONF = 0.7
WORD = re.compile(r"[’']s\b|[\w&.-]+|[,;:()\"“”’']")


@dataclass(frozen=True)
class SpreadWords:
    """The word lists of ``funding_spread.json``."""

    connectors: tuple[tuple[str, ...], ...]  # "and", "together with", ", with additional support from"
    openers: frozenset[str]  # what stands before a funder that opens a list ("by", "from", "including")
    list_openers: frozenset[str]  # what stands before a recipient that opens a list ("include", "are")
    articles: frozenset[str]
    stops: frozenset[str]  # stance words and verbs that end a list
    via: frozenset[str]  # "under", "through", "via"
    run_verbs: frozenset[str]  # "runs", "operates", "administers"
    money_nouns: frozenset[str]  # "money", "funding", "support"
    pay_verbs: frozenset[str]  # "pays", "paid"
    relatives: frozenset[str]
    max_descriptor: int
    preps: frozenset[str] = frozenset()  # a description has none ("equipment donated by B" is no description)
    gift_verbs: frozenset[str] = frozenset()  # "A and equipment donated by B"
    verb_endings: tuple[str, ...] = ()  # a word with no article before it that may be a verb ("manages")

    @classmethod
    def of(cls, d: dict[str, Any]) -> "SpreadWords":
        def s(k: str) -> frozenset[str]:
            return frozenset(w.lower() for w in d.get(k, ()))

        conn = tuple(sorted((tuple(w.lower().split()) for w in d.get("connectors", ())), key=len, reverse=True))
        return cls(conn, s("funder_openers"), s("recipient_openers"), s("articles"), s("stops"), s("via_words"),
                   s("run_verbs"), s("money_nouns"), s("pay_verbs"), s("relative_words"),
                   int(d.get("max_descriptor", 4)), s("prepositions"), s("gift_verbs"),
                   tuple(d.get("verb_endings", ())))


@lru_cache(maxsize=1)
def spread_words() -> SpreadWords:
    return SpreadWords.of(json.loads(shipped("lexicon", "funding_spread.json").read_text(encoding="utf-8")))


class _Words:
    """The words of one sentence as (start, end, lower text), with the mention that starts at each word."""

    def __init__(self, text: str, a: int, b: int, starts: dict[int, int]) -> None:
        self.items = [(a + m.start(), a + m.end(), m.group().lower()) for m in WORD.finditer(text[a:b])]
        self.lows = [w for _s, _e, w in self.items]  # speed: the lower-case words alone, for slices
        self.begins = [s for s, _e, _w in self.items]  # speed: word starts in order, for bisect
        self.lower = [text[x:y].islower() for x, y, _w in self.items]  # written in lower case ("programme", not "Programme")
        self.at_char = {s: k for k, (s, _e, _w) in enumerate(self.items)}
        self.mention = {k: starts[s] for k, (s, _e, _w) in enumerate(self.items) if s in starts}

    def index_at(self, char: int) -> int | None:
        """The first word starting at or after ``char``."""
        k = bisect_left(self.begins, char)
        return k if k < len(self.begins) else None

    def low(self, k: int) -> str:
        return self.lows[k] if 0 <= k < len(self.lows) else ""

    def small(self, k: int) -> bool:
        """Is word ``k`` a lower-case word of letters (a common noun, a verb), not a capitalised name word?"""
        return 0 <= k < len(self.items) and self.lower[k] and self.items[k][2].replace("-", "").isalpha()


def spread_funding(text: str, mentions: Sequence[Any], relations: Sequence[Any], words: SpreadWords | None = None,
                   misread: set[tuple[int, int, int]] | None = None) -> list[tuple[int, int, int, int, str]]:
    """(funder, recipient, evidence start, evidence end, method) for every edge the found FUNDS edges carry; pairs
    already found are left out. ``misread`` gets (giver, first funder, sentence end) of "a grant from A and
    equipment donated by B": a FUNDS(B, A) there is a misreading (the parse hangs the gift on A)."""
    misread = set() if misread is None else misread
    w = words or spread_words()
    starts = {m.start: i for i, m in enumerate(mentions) if m.source != "anaphor"}
    have = {(r.source, r.target) for r in relations if r.type == "FUNDS"}
    canon = {(mentions[r.source].canonical, mentions[r.target].canonical) for r in relations if r.type == "FUNDS"}
    out: list[tuple[int, int, int, int, str]] = []
    sentences: dict[tuple[int, int], _Words] = {}

    def words_of(a: int, b: int) -> _Words:
        if (a, b) not in sentences:
            sentences[(a, b)] = _Words(text, a, b, starts)
        return sentences[(a, b)]

    def add(f: int, r: int, a: int, b: int, method: str) -> None:
        key = (mentions[f].canonical, mentions[r].canonical)
        if f != r and (f, r) not in have and key not in canon and key[0] != key[1] \
                and mentions[f].type in FUNDERS and mentions[r].type in RECIPIENTS:
            have.add((f, r))
            canon.add(key)
            out.append((f, r, a, b, method))

    for rel in [r for r in relations if r.type == "FUNDS"]:
        f, x = mentions[rel.source], mentions[rel.target]
        if not (rel.sent_start <= f.start < rel.sent_end) or f.source == "anaphor":
            continue
        s = words_of(rel.sent_start, rel.sent_end)
        fk = s.at_char.get(f.start)
        if fk is None:
            continue
        if _opens_list(s, fk, w.openers, w):
            gifts: list[int] = []
            for g in _listed_after(s, mentions, f.end, w, FUNDERS, gifts):
                add(g, rel.target, rel.sent_start, rel.sent_end, "spread:gift" if g in gifts else "spread:co-funder")
            misread.update((g, rel.source, rel.sent_end) for g in gifts)  # "a grant from A and kit donated by B"
        for p in _schemes_after(s, mentions, f.end, w):
            add(p, rel.target, rel.sent_start, rel.sent_end, "spread:scheme")
        if x.source != "anaphor" and rel.sent_start <= x.start < rel.sent_end:
            _spread_recipient(s, mentions, rel, w, add)
    return out


def _spread_recipient(s: _Words, mentions: Sequence[Any], rel: Any, w: SpreadWords, add: Any) -> None:
    """The recipient side of a found FUNDS edge: the rest of a recipient list ("Its portfolio includes A, B and
    C") and a scheme named after a recipient that follows its funder."""
    f, x = mentions[rel.source], mentions[rel.target]
    xk = s.at_char.get(x.start)
    if xk is None:
        return
    if _opens_list(s, xk, w.list_openers, w):
        for y in _listed_after(s, mentions, x.end, w, RECIPIENTS):
            add(rel.source, y, rel.sent_start, rel.sent_end, "spread:co-recipient")
    if x.start > f.start:
        for p in _schemes_after(s, mentions, x.end, w):
            add(p, rel.target, rel.sent_start, rel.sent_end, "spread:scheme")


def _skip_descriptor(s: _Words, k: int, w: SpreadWords, mentions: Sequence[Any] | None = None) -> int:
    """The word after an article and a few words of description ("the angel network", "the Japanese firm", "the
    Pengshan angel network"); ``k`` itself when there is none, it runs too long or holds a preposition or verb."""
    j = k
    article = s.low(j) in w.articles
    if article:
        j += 1
    start = j
    reach = w.max_descriptor if article else 2  # "angel investor B" without an article; "and manages B" is a verb
    while j < len(s.items) and j - start <= reach:
        m = s.mention.get(j)
        if m is not None:
            if mentions is None or mentions[m].type != "Cluster" or j != start:
                return j
            j = s.index_at(mentions[m].end) or len(s.items)  # "the Pengshan angel network B": a place describes B
            continue
        word = s.items[j][2]
        if word in w.stops or word in w.preps or not re.match(r"[\w’'-]+$", word) \
                or not article and word.endswith(w.verb_endings):
            return k
        if j > start and not s.small(j):
            return k  # capitals inside the description: a name the entity pass missed
        j += 1
    return k


def _opens_list(s: _Words, k: int, openers: frozenset[str], w: SpreadWords) -> bool:
    """Is the name at word ``k`` the first of a list: right after an opener ("by", "from", "include"), past a
    description, or after a comma that follows an opener ("include A, B and C": B, C are read from A)?"""
    j = k - 1
    for _ in range(w.max_descriptor + 2):
        if j < 0:
            return False
        if s.low(j) in openers:
            return True
        if s.low(j) in w.articles or (s.small(j) and s.low(j) not in w.stops):
            j -= 1
            continue
        if j in s.mention:  # a place in the description ("the Pengshan angel network")
            j -= 1
            continue
        return False
    return False


def _listed_after(s: _Words, mentions: Sequence[Any], end: int, w: SpreadWords, types: tuple[str, ...],
                  gifts: list[int] | None = None) -> list[int]:
    """The names a connector joins to the name ending at ``end``: "A and the angel network B", "A together with
    B", "A, B and C", "A (Bs 2 million), with support from B", "A, the city government and B" (an unnamed item is
    passed), "A and equipment donated by B" (B is put in ``gifts`` too); a list ended by a comma only is no list."""
    k = _past_scheme(s, mentions, _past_item_description(s, mentions, s.index_at(end), w), w)
    got: list[int] = []
    pending: list[int] = []
    while k is not None and k < len(s.items):
        if s.low(k) == "(":  # "A (TA ČR)", "A (EUR 3 million)"
            close = next((j for j in range(k, min(len(s.items), k + 12)) if s.low(j) == ")"), None)
            if close is None:
                break
            k = close + 1
            continue
        n = _connector_at(s, k, w)
        comma = s.low(k) == "," and n == 0
        if not n and not comma:
            break
        j = _skip_descriptor(s, k + (n or 1), w, mentions)
        gift = False
        if j not in s.mention and s.low(k) == "and":
            j, gift = _gift_giver(s, k + 1, w, mentions), True
        m = s.mention.get(j)
        if m is None:
            skip = _unnamed_item(s, k + (n or 1), w)  # "A, the Pengshan municipal government and B"
            if skip is None:
                break
            k = skip
            continue
        if mentions[m].type not in types:
            break
        after = s.index_at(mentions[m].end)
        if after is not None and s.low(after) in ("'s", "’s", "'", "’"):
            break  # "and B's fund C": B is no co-funder
        (pending if comma else got).append(m)
        if gift and gifts is not None:
            gifts.append(m)
        if not comma:
            got += pending
            pending = []
        k = _past_item_description(s, mentions, after, w)
    return got


def _past_scheme(s: _Words, mentions: Sequence[Any], k: int | None, w: SpreadWords) -> int | None:
    """The word after a funder's scheme ("A through its P programme, and by B": the scheme is passed so that B is
    read as a co-funder); ``k`` itself when no scheme follows."""
    if k is None:
        return None
    j = k + (s.low(k) == ",")
    if s.low(j) not in w.via:
        return k
    j += 1 + (s.low(j + 1) in ("its", "their", "the"))
    m = s.mention.get(j)
    if m is None or mentions[m].type != "Programme":
        return k
    after = s.index_at(mentions[m].end)
    steps = 0
    while after is not None and steps < 2 and s.small(after) and s.low(after) not in w.stops \
            and s.low(after) not in w.preps:
        after += 1  # "programme", "grant line"
        steps += 1
    return after if after is not None and s.low(after) == "," else k


def _past_item_description(s: _Words, mentions: Sequence[Any], k: int | None, w: SpreadWords) -> int | None:
    """The word after a list item's own place or apposition: "A of Karaganda, B", "B, a livestock start-up from
    Semey, and C" (``k`` itself when there is none; a name other than a place in the description keeps it)."""
    if k is None:
        return None
    if s.low(k) in ("of", "from", "in") and (m := s.mention.get(k + 1)) is not None and mentions[m].type == "Cluster":
        k = s.index_at(mentions[m].end)  # "Kendala Robotics of Karaganda, ..."
        if k is None:
            return None
    if s.low(k) != "," or s.low(k + 1) not in ("a", "an"):
        return k
    for j in range(k + 2, min(len(s.items), k + 14)):
        if s.low(j) == ",":
            return j if _connector_at(s, j, w) or s.low(j + 1) == "and" else k
        m = s.mention.get(j)
        if s.low(j) in w.stops or s.low(j) in w.relatives or s.low(j) in ("(", ")", ";") \
                or m is not None and mentions[m].type != "Cluster":
            return k
    return k


def _gift_giver(s: _Words, k: int, w: SpreadWords, mentions: Sequence[Any]) -> int:
    """"equipment donated by B", "sensors supplied by the firm B": the giver's word (``k`` when not this form)."""
    for j in range(k, min(len(s.items), k + 4)):
        if s.low(j) in w.gift_verbs and s.low(j + 1) == "by":
            return _skip_descriptor(s, j + 2, w, mentions)
        if j in s.mention or not s.small(j) or s.low(j) in w.stops:
            return k
    return k


def _unnamed_item(s: _Words, k: int, w: SpreadWords) -> int | None:
    """The connector after a list item that names nothing ("the regional government", "the Pengshan city
    government"), or None when the words there are no such item."""
    if s.low(k) not in w.articles:
        return None
    for j in range(k + 1, min(len(s.items), k + w.max_descriptor + 2)):
        if _connector_at(s, j, w) or s.low(j) == ",":
            return j if j > k + 1 else None
        word = s.low(j)
        if word in w.stops or word in w.preps or not re.match(r"[\w’'-]+$", word):
            return None
        if s.mention.get(j) is not None and j != k + 1:
            return None
    return None


def _connector_at(s: _Words, k: int, w: SpreadWords) -> int:
    """Number of words of the connector starting at word ``k`` (0: none)."""
    if k < 0:
        for c in w.connectors:
            if tuple(s.low(k + x) for x in range(len(c))) == c:
                return len(c)
        return 0
    lows = s.lows  # speed: a slice of the words (past the end it is shorter, so no connector matches there)
    for c in w.connectors:
        if tuple(lows[k:k + len(c)]) == c:
            return len(c)
    return 0


def _schemes_after(s: _Words, mentions: Sequence[Any], end: int, w: SpreadWords) -> Iterable[int]:
    """A programme named after "under/through/via its|the" right after a name: "A under its P line"."""
    k = s.index_at(end)
    if k is None:
        return
    if s.low(k) == "(":
        close = next((j for j in range(k, min(len(s.items), k + 12)) if s.low(j) == ")"), None)
        k = close + 1 if close is not None else k
    if s.low(k) == ",":
        k += 1
    if s.low(k) not in w.via:
        return
    j = k + 1
    if s.low(j) in ("its", "their", "the"):
        j += 1
    m = s.mention.get(j)
    if m is not None and mentions[m].type == "Programme":
        yield m


RUN_SCHEME = re.compile(r"\b(?:runs|ran|operates|manages|administers|launched|set up|created|oversees)\s+(?:the|its|a)\s+$", re.I)
GRANT_SCHEME = re.compile(r"^\s*grants?\s+(?:scheme|programme|program|call|line|window|competition|fund)\b", re.I)
DENIED = re.compile(r"(?:\bnot|\bnor|\brather than|\binstead of)(?: (?:by|from|with))?(?: (?:the|a|an|its))?\s*$", re.I)
RELATIVE = re.compile(r",?\s*(?:which|that)\s+")


def relative_money(text: str, sent_spans: Iterable[tuple[int, int]], mentions: Sequence[Any],
                   words: SpreadWords | None = None) -> list[tuple[int, int, int, int, str]]:
    """"P, which O runs with money from B", "P, a competition that O runs with funding from B", "a programme that
    C pays for": FUNDS(B, P) (and FUNDS(C, P)), P the name the clause hangs on (past "a programme" apposed to it)."""
    w = words or spread_words()
    starts = {m.start: i for i, m in enumerate(mentions) if m.source != "anaphor"}
    out: list[tuple[int, int, int, int, str]] = []
    cue = _cue_re(w.pay_verbs, w.money_nouns).search  # speed: one search for any of the words, not one per word
    for a, b in sent_spans:
        low = text[a:b].lower()
        if not cue(low):
            continue  # speed: no words of the form
        s = _Words(text, a, b, starts)
        for k in range(1, len(s.items) - 3):
            if s.low(k) not in w.relatives:
                continue
            held = _held_by(s, mentions, k, w)
            if held is None:
                continue
            j = _skip_descriptor(s, k + 1, w, mentions)
            runner = s.mention.get(j)
            if runner is None:
                continue
            v = s.index_at(mentions[runner].end)
            while v is not None and s.low(v) in ("also", "still", "now", "jointly", "will", "currently"):
                v += 1
            if v is None:
                continue
            if s.low(v) in w.pay_verbs and s.low(v + 1) == "for":
                if mentions[runner].type in FUNDERS and mentions[held].type in RECIPIENTS:
                    out.append((runner, held, a, b, "spread:relative-pays"))
                continue
            if s.low(v) in w.run_verbs and s.low(v + 1) == "with":
                out.extend((f, held, a, b, "spread:relative-money") for f in _money_from(s, mentions, v + 2, held, w))
    return out


@lru_cache(maxsize=4)
def _cue_re(pay_verbs: frozenset[str], money_nouns: frozenset[str]) -> re.Pattern[str]:
    """A pay verb anywhere or " <money noun> from " (the words :func:`relative_money` needs), as one pattern."""
    alts = [re.escape(v) for v in pay_verbs] + [re.escape(f" {n} from ") for n in money_nouns]
    return re.compile("|".join(alts) if alts else r"(?!)")


def _money_from(s: _Words, mentions: Sequence[Any], v: int, held: int, w: SpreadWords) -> list[int]:
    """The funders of "... runs with money/funding from B (and C)" read from word ``v`` on, for the recipient
    ``held``; none when a stop word or a name comes before "from"."""
    for n in range(v, min(len(s.items), v + 4)):
        if s.low(n) == "from" and s.low(n - 1) in w.money_nouns:
            g = s.mention.get(_skip_descriptor(s, n + 1, w, mentions))
            funders = [g] + _listed_after(s, mentions, mentions[g].end, w, FUNDERS) if g is not None else []
            return [f for f in funders
                    if mentions[f].type in FUNDERS and mentions[held].type in RECIPIENTS and f != held]
        if s.low(n) in w.stops or n in s.mention:
            break
    return []


def _held_by(s: _Words, mentions: Sequence[Any], k: int, w: SpreadWords) -> int | None:
    """The name a relative pronoun at word ``k`` hangs on: the name right before it (past a lower-case head noun,
    "the Start-Up North programme, which") or the name "a programme" is apposed to ("P, a competition that")."""
    j = k - 1
    if s.low(j) == ",":
        j -= 1
    steps = 0
    while j >= 0 and j not in s.mention and s.small(j) and s.low(j) not in w.articles and steps < 3:
        j -= 1  # "programme", "grant scheme"
        steps += 1
    if j >= 0 and s.low(j) in ("a", "an") and steps:  # "P, a competition that": the name before the comma
        j -= 1
        if s.low(j) not in (",", "is", "was"):  # "P, a course that", "P is a course that"
            return None
        j -= 1
    m = _mention_ending(s, mentions, j)
    return m


def _mention_ending(s: _Words, mentions: Sequence[Any], j: int) -> int | None:
    """The mention whose last word is word ``j``."""
    if j < 0:
        return None
    end = s.items[j][1]
    for k in range(j, max(-1, j - 8), -1):
        m = s.mention.get(k)
        if m is not None:
            return m if mentions[m].end == end else None
    return None


def spread_candidates(doc: Any, facts: Any, sent_starts: Sequence[int]) -> list[Any]:
    """The edges of :func:`spread_funding` and :func:`relative_money` for one document, as relation candidates
    (the extractor's call site: one line)."""
    from aikg.ingest.nlp.records import RelationCandidate

    if os.environ.get("AIKG_FUNDING_SPREAD", "on") == "off":  # off: for the A/B of docs/extraction.md only
        return []
    text = doc.text
    bounds = sorted(set(sent_starts))
    spans = [(a, bounds[n + 1] if n + 1 < len(bounds) else len(text)) for n, a in enumerate(bounds)]
    misread: set[tuple[int, int, int]] = set()
    found = spread_funding(text, facts.mentions, facts.relations, misread=misread)
    denied = DENIED.search
    facts.relations[:] = [r for r in facts.relations if r.type != "FUNDS" or (r.source, r.target, r.sent_end) not in misread
                          and not denied(text[max(r.sent_start, facts.mentions[r.source].start - 24):facts.mentions[r.source].start])]
    facts.relations[:] = co_recipients_apart(facts.relations, facts.mentions)
    facts.relations[:] = [r for r in facts.relations if r.type != "FUNDS" or not _runs_the_scheme(text, r, facts.mentions)]
    have = {(f, r) for f, r, *_ in found} | {(r.source, r.target) for r in facts.relations if r.type == "FUNDS"}
    found += [x for x in relative_money(text, spans, facts.mentions) if (x[0], x[1]) not in have]
    have |= {(f, r) for f, r, *_ in found}
    found += [x for x in limited_partners(text, spans, facts.mentions) + among_recipients(text, spans, facts.mentions)
              if (x[0], x[1]) not in have]  # "counts among its limited partners A", "Among them are A" (relation_fund_backers)
    have |= {(f, r) for f, r, *_ in found}
    found += _new_pairs(clause_funding(text, spans, facts.mentions, facts.relations, _Words), have, facts.mentions)
    out = []
    for f, r, a, b, method in found:
        sentence = text[a:b].strip()
        a2 = a + len(text[a:b]) - len(text[a:b].lstrip())
        out.append(RelationCandidate("FUNDS", f, r, CONF, method, a2, a2 + len(sentence), sentence, doc.page_of(a2)))
    return out


def _new_pairs(found: list[tuple[int, int, int, int, str]], have: set[tuple[int, int]],
               mentions: Sequence[Any]) -> list[tuple[int, int, int, int, str]]:
    """The edges of ``found`` whose pair (by mention or by name) is not in ``have`` yet, each once."""
    names = {(mentions[f].canonical, mentions[r].canonical) for f, r in have}
    out = []
    for x in found:
        key = (mentions[x[0]].canonical, mentions[x[1]].canonical)
        if (x[0], x[1]) not in have and key not in names:
            have.add((x[0], x[1]))
            names.add(key)
            out.append(x)
    return out


def co_recipients_apart(relations: list[Any], mentions: Sequence[Any]) -> list[Any]:
    """Drop FUNDS(A, B) when one funder funds both A and B in the evidence of that edge: "C's portfolio includes A
    and B" lists two recipients, it does not say A funds B (a list rule may read the last item as the owner)."""
    funds = [r for r in relations if r.type == "FUNDS"]
    if len(funds) < 3:
        return relations
    by_recipient: dict[str, list[tuple[str, int, int]]] = {}
    for r in funds:
        by_recipient.setdefault(mentions[r.target].canonical, []).append(
            (mentions[r.source].canonical, r.sent_start, r.sent_end))

    def inside(c: str, name: str, a: int, b: int) -> bool:
        return any(f == c and a <= s0 and e0 <= b for f, s0, e0 in by_recipient.get(name, ()))

    def chained(r: Any) -> bool:
        src, tgt = mentions[r.source].canonical, mentions[r.target].canonical
        return any(inside(c, src, r.sent_start, r.sent_end) for c, s0, e0 in by_recipient.get(tgt, ())
                   if c not in (src, tgt) and r.sent_start <= s0 and e0 <= r.sent_end)
    return [r for r in relations if r.type != "FUNDS" or not chained(r)]


def _runs_the_scheme(text: str, r: Any, mentions: Sequence[Any]) -> bool:
    """"The Fund runs the P grant scheme": the grant noun names the scheme the subject runs; P funds no one there."""
    p, x = mentions[r.source], mentions[r.target]
    if not (r.sent_start <= p.start < r.sent_end) or x.start > p.start:
        return False
    return bool(GRANT_SCHEME.match(text[p.end:p.end + 30])) and bool(RUN_SCHEME.search(text[max(r.sent_start, p.start - 30):p.start]))
