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

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Iterable

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.token_index import TokenIndex

ORG = ("Institute", "Company", "Agency")
ARTICLES = frozenset({"the", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: words after which a name is no clause subject ("a grant from X", "with Y")
PREPOSITIONS = frozenset({"by", "from", "with", "of", "at", "in", "for", "to", "on", "into", "under", "alongside",
                          "including", "like", "as", "via", "through", "between", "among", "than", "and", "or"})
OPENERS = frozenset({"-", "–", "—", "•", "*", "·", "▪"})  # list markers a line may open with
MODS = 3  # lower-case words a description may put before a role noun ("the national implementing agency")
Emit = Callable[[Iterable[str], int, int, float, str], None]
#: the methods of this module: each finds its own list, so its source is never shared with a list the entity pass
#: grouped ("run by the Corvid Council, and the Orrin Institute partners with ...": not the institute)
METHODS = frozenset({"rule:runner-role", "rule:in-charge", "rule:name-unit", "rule:name-owned", "rule:participle-chain",
                     "rule:which-it-runs", "rule:set-up-unit", "rule:its-parent", "rule:participating-in",
                     "rule:selected-for-cohort"})


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
    run_parts: frozenset[str]
    fund_parts: frozenset[str]
    chain_copulas: frozenset[str]
    manners: frozenset[str]
    clause_runs: frozenset[str]
    set_up: frozenset[str]
    set_up_units: frozenset[str]
    parents: frozenset[str]
    participating: frozenset[str]
    list_verbs: frozenset[str]
    select_verbs: frozenset[str]
    cohort_nouns: frozenset[str]

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "OrgFormWords":
        d = lexicon_data("org_forms.json")
        by_len = lambda xs: tuple(sorted((tuple(x) for x in xs), key=len, reverse=True))  # noqa: E731
        return cls(frozenset(d["runner_heads"]), frozenset(d["runner_first"]), frozenset(d["runner_second"]),
                   {k: frozenset(v) for k, v in d["runner_not_second"].items()}, frozenset(d["role_mods_stop"]),
                   by_len(d["copulas"]), by_len(d["charge_phrases"]), frozenset(d["charge_gerunds"]),
                   frozenset(d["owned_words"]), frozenset(d["owned_stop"]), frozenset(d["name_unit_nouns"]),
                   frozenset(d["past_words"]), frozenset(d["run_participles"]), frozenset(d["fund_participles"]),
                   frozenset(d["chain_copulas"]), frozenset(d["manner_words"]), frozenset(d["clause_run_verbs"]),
                   frozenset(d["set_up_verbs"]), frozenset(d["set_up_units"]), frozenset(d["parent_nouns"]),
                   frozenset(d["participating_nouns"]), frozenset(d["list_verbs"]), frozenset(d["select_verbs"]),
                   frozenset(d["cohort_nouns"]))


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
        j, n = k, 0
        while j < self.b and n <= most:
            hit = self.mention_at(j, kinds)
            if hit is not None:
                return hit
            place = self.by_start.get(j)
            if place is not None and self.types[place[0]] == "Cluster" and n < most:
                j, n = place[1], n + 1  # "the Tessin firm B": a place describes the name after it
                continue
            if not (self.doc[j].is_lower or self.doc[j].text == "-") or self.doc[j].lower_ in ("and", "or", "of"):
                return None
            j, n = j + 1, n + 1
        return None


def org_forms(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], emit: Emit, conf: float,
              words: OrgFormWords | None = None) -> None:
    """RUNS and PART_OF from the forms above in one sentence of the entity pass (no parse)."""
    words = words or OrgFormWords.load()
    s = _Sent(doc, sent, spans, types)
    lows = set(TokenIndex.of(doc).lower[sent.start:sent.end])  # speed only: no spaCy Token per word
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
    if "Programme" in {types[i] for i, _, _ in s.spans} and lows & words.run_parts and "by" in lows:
        _participle_chain(s, words, emit, conf)  # "P is financed by F, administered by A and delivered by D"
    if "which" in lows and "it" in lows and lows & words.clause_runs:
        _which_it_runs(s, words, emit, conf)  # "X launched P in 2016, which it still runs"
    if lows & words.set_up_units and lows & words.set_up:
        _set_up_unit(s, words, emit, conf)  # "X set up a commercial arm, Y"
    if "its" in lows and lows & words.parents:
        _its_parent(s, words, emit, conf)  # "X is backed by its parent, the engineering group Y"
    if "participating" in lows:
        _participating(s, words, emit, conf)  # "Participating organisations in P include A and B"
    if lows & words.select_verbs and lows & words.cohort_nouns:
        _selected_for_cohort(s, words, emit, conf)  # "P selected A and B for its spring cohort"


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
                if prog is not None and not _owns_more(s, prog):
                    emit(["RUNS"], i, prog, conf, "rule:runner-role")
        elif s.types[i] == "Programme":
            _role_of_programme(s, i, a, e, words, emit, conf)


def _owns_more(s: _Sent, prog: int) -> bool:
    """Is the programme a possessor ("responsible for the P's budget", "the operator of P's website")?"""
    end = next(e for i, _a, e in s.spans if i == prog)
    return s.low(end) in POSSESSIVE


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
        if prog is not None and not _owns_more(s, prog):
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


def _clause_subject(s: _Sent, before: int) -> int | None:
    """The first organisation of the sentence before token ``before`` that no preposition governs (its subject)."""
    for i, a, _e in s.spans:
        if a >= before:
            return None
        if s.types[i] in ORG and s.low(a - 1) not in PREPOSITIONS and not (s.low(a - 1) == "the"
                                                                          and s.low(a - 2) in PREPOSITIONS):
            return i
    return None


def _agents(s: _Sent, k: int, kinds: tuple[str, ...] = ORG) -> tuple[list[int], int]:
    """The organisations after "by" at ``k`` ("the Agency (AREDM)", "A and the Bergen firm B") and the token after."""
    out: list[int] = []
    while True:
        hit = s.described_mention(k, kinds, most=2)
        if hit is None:
            return out, k
        end = next(e for i, a, e in s.spans if i == hit)
        if s.low(end) in POSSESSIVE and s.mention_at(end + 1, kinds) is not None:
            hit = s.mention_at(end + 1, kinds)  # "run by KTU's Centre for X": the centre
            end = s.by_start[end + 1][1]
        out.append(hit)
        k = s.after_acronym(end)
        if s.low(k) == "and" and s.described_mention(k + 1, kinds, most=2) is not None:
            k += 1
            continue
        return out, k


def _participle_chain(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"P is financed by F, administered by A (AA) and delivered on the ground by D": RUNS(A, P), RUNS(D, P); the
    funder after "financed by" runs nothing. P is a programme named or referred to ("It", "The programme")."""
    for i, _a, e in s.spans:
        if s.types[i] != "Programme":
            continue
        k = _chain_start(s, e, words)
        while k is not None and (s.low(k) in words.run_parts or s.low(k) in words.fund_parts):
            k = _chain_step(s, i, k, words, emit, conf)


def _chain_start(s: _Sent, e: int, words: OrgFormWords) -> int | None:
    """The first participle after a programme's name and its copula ("P (PP), which is also ..."), else None."""
    k = s.after_acronym(e)
    if s.low(k) == "," and s.low(k + 1) == "which":
        k += 2
    n = 0
    while s.low(k) in words.chain_copulas and n < 3:
        k, n = k + 1, n + 1
    return k if n else None


def _chain_step(s: _Sent, prog: int, k: int, words: OrgFormWords, emit: Emit, conf: float) -> int | None:
    """One "<participle> [manner] by <agents>" phrase at ``k``: RUNS from the agents of a running participle; the
    token of the next participle, or None when the chain ends."""
    runs = s.low(k) in words.run_parts
    j = k + 1
    while s.low(j) in words.manners and j < k + 5:
        j += 1
    if s.low(j) != "by":
        return None
    agents, k = _agents(s, j + 1, ORG if runs else ORG + ("Programme", "Person"))
    if not agents and not runs:  # "paid for by the city and run by A": a funder that is no mention
        k = next((x for x in range(j + 1, min(s.b, j + 7)) if s.low(x) in (",", ";", "and")
                  and (s.low(x + 1) in words.run_parts or s.low(x + 1) in words.fund_parts)), j)
        agents = [prog] if k > j else []
    if not agents:
        return None
    for g in agents if runs else ():
        emit(["RUNS"], g, prog, conf, "rule:participle-chain")
    if s.low(k) in (",", ";") and s.low(k + 1) == "and":
        k += 2
    elif s.low(k) in (",", ";", "and"):
        k += 1
    else:
        return None
    while s.low(k) in words.chain_copulas and s.low(k) not in ("is", "are"):
        k += 1
    return k


def _which_it_runs(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"X launched P in 2016, which it still runs on behalf of Y": the sentence's subject runs P."""
    for i, a, e in s.spans:
        if s.types[i] != "Programme":
            continue
        k = e
        for j in range(e, min(s.b, e + 8)):
            if s.low(j) == "which" and s.low(j - 1) == ",":
                k = j
                break
            if j in s.by_start or s.low(j) in (";", "."):
                break
        if s.low(k) != "which" or s.low(k + 1) != "it":
            continue
        v = k + 2
        if s.low(v) in ("still", "also", "now", "currently"):
            v += 1
        if s.low(v) not in words.clause_runs:
            continue
        runner = _clause_subject(s, a)
        if runner is not None:
            emit(["RUNS"], runner, i, conf, "rule:which-it-runs")


def _set_up_unit(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"In 2019 the institute set up a commercial arm, Sabeto Analytics" -> PART_OF(Sabeto Analytics, the institute)."""
    for k in range(s.a, s.b):
        if s.low(k) not in words.set_up:
            continue
        q = k + 1
        if s.low(q) in ("up", "off", "out"):
            q += 1
        if s.low(q) not in ("a", "an", "its", "their"):
            continue
        j = q + 1
        while j < min(s.b, q + 1 + MODS) and s.doc[j].is_lower and s.low(j) not in words.set_up_units \
                and s.low(j) not in words.stop:
            j += 1
        if s.low(j) not in words.set_up_units:
            continue
        at = j + 1
        if s.low(at) in (",", "called", "named"):
            at += 1
        unit = s.described_mention(at, ORG, most=0)
        owner = _clause_subject(s, k)
        if unit is not None and owner is not None and unit != owner:
            emit(["PART_OF"], unit, owner, conf, "rule:set-up-unit")


def _its_parent(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"X is backed by its parent, the engineering group Y", "X said its parent company Y ..." -> PART_OF(X, Y)."""
    for k in range(s.a, s.b):
        if s.low(k) != "its" or s.low(k + 1) not in words.parents:
            continue
        j = k + 2
        if s.low(j) in ("company", "group", "firm", "organisation", "organization"):
            j += 1
        if s.low(j) == ",":
            j += 1
        parent = s.described_mention(j, ORG, most=3)
        child = _clause_subject(s, k)
        if parent is not None and child is not None and parent != child:
            emit(["PART_OF"], child, parent, conf, "rule:its-parent")


def runs_not_chain_funder(cands: list[Any], ctx: Any, words: OrgFormWords | None = None) -> list[Any]:
    """Drop RUNS(A, F) that a frame read from "P is financed by F, administered by A": the parser hangs the second
    participle on the funder F, but A runs what the sentence is about, not the fund that pays for it."""
    words = words or OrgFormWords.load()
    out = []
    for c in cands:
        toks = ctx.m2toks.get(c.tgt) if c.type == "RUNS" else None
        if toks and funder_in_chain(ctx.sd, min(toks), max(toks) + 1, words):
            continue
        out.append(c)
    return out


def funder_in_chain(sd: Any, a: int, e: int, words: OrgFormWords | None = None) -> bool:
    """Is the name at tokens [a, e) the agent of a funding participle that a running participle follows ("financed
    by F, administered by A")? Then F runs nothing and is run by no one the participle names."""
    words = words or OrgFormWords.load()
    k = a - 1
    while k > 0 and k > a - 4 and (sd[k].is_lower and sd[k].lower_ != "by" or sd[k].text == "-"):
        k -= 1  # "by the Swedish development fund F"
    if k < 1 or sd[k].lower_ != "by" or sd[k - 1].lower_ not in words.fund_parts and not (
            sd[k - 1].lower_ == "for" and k > 1 and sd[k - 2].lower_ == "paid"):
        return False
    j = e
    if j + 2 < len(sd) and sd[j].text == "(" and sd[j + 2].text == ")":
        j += 3
    if j < len(sd) and sd[j].text in (",", ";"):
        j += 1
    if j < len(sd) and sd[j].lower_ == "and":
        j += 1
    return j < len(sd) and sd[j].lower_ in words.run_parts


def _listed(s: _Sent, k: int) -> list[int]:
    """The organisations of a list starting at ``k``: "A, the Oslo firm B and C" (a few description words each)."""
    out: list[int] = []
    while k < s.b:
        hit = s.described_mention(k, ORG, most=4)
        if hit is None:
            return out
        out.append(hit)
        k = s.after_acronym(s.by_start[next(a for i, a, e in s.spans if i == hit)][1])
        if s.low(k) == "," and s.low(k + 1) == "and":
            k += 2
        elif s.low(k) in (",", "and"):
            k += 1
        else:
            return out
    return out


def _participating(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"Participating organisations in P include A, B and C" -> MEMBER_OF(each, P)."""
    for k in range(s.a, s.b):
        if s.low(k) != "participating" or s.low(k + 1) not in words.participating or s.low(k + 2) not in ("in", "of"):
            continue
        group = s.described_mention(k + 3, ORG + ("Programme",), most=0)
        if group is None:
            continue
        g_end = s.after_acronym(next(e for i, a, e in s.spans if i == group))
        if s.low(g_end) not in words.list_verbs:
            continue
        for m in _listed(s, g_end + 1):
            if m != group:
                emit(["MEMBER_OF"], m, group, conf, "rule:participating-in")


def _selected_for_cohort(s: _Sent, words: OrgFormWords, emit: Emit, conf: float) -> None:
    """"The Halvard Accelerator selected A and B for its spring cohort" -> MEMBER_OF(A, P), MEMBER_OF(B, P)."""
    for i, a, e in s.spans:
        if s.types[i] not in ORG + ("Programme",) or not s.opens(a - (1 if s.low(a - 1) == "the" else 0)):
            continue
        k = s.after_acronym(e)
        if s.low(k) in ("has", "have"):
            k += 1
        if s.low(k) not in words.select_verbs:
            continue
        items = _listed(s, k + 1)
        if not items:
            continue
        end = max(next(x for j, _a, x in s.spans if j == m) for m in items)
        end = s.after_acronym(end)
        if s.low(end) not in ("for", "into", "to") or s.low(end + 1) not in ("its", "the"):
            continue
        j = end + 2
        while j < min(s.b, end + 5) and (s.doc[j].is_lower or s.doc[j].like_num) and s.low(j) not in words.cohort_nouns:
            j += 1
        if s.low(j) in words.cohort_nouns and s.low(j + 1) not in ("of", "at"):
            for m in items:
                if m != i:
                    emit(["MEMBER_OF"], m, i, conf, "rule:selected-for-cohort")
