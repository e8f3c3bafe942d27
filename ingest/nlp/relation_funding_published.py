"""FUNDS in the forms of published pages, read from the words of the entity pass (no parse).

Funding news, programme fact sheets and university releases name a funder in forms the verb frames miss,
because the funded name is the clause's subject far from the phrase, or the sentence before's:

* a coordinated passive: "The scheme is administered by A and funded by B", "It was created by A, a public
  agency under M, and is funded by A together with B", "is funded by D through P and co-funded by C";
* funding in kind or on loan: "with in-kind GPU capacity from B", "receives in-kind compute from B and
  $500,000 a year from C", "a concessional loan of USD 6 million from B";
* a thing given: "Compute is provided in kind by B", "Drones and sensors were donated by B" (the recipient
  is the subject of the sentence before when this one names none);
* a list after a funded noun: "Among the first companies funded by P were A and B", "Start-ups backed by P
  include A", "P has invested in 31 companies since 2022, among them A";
* an apposition or copula with a hyphenated funder: "A, a B-backed start-up," / "A is a B-funded lab".

A hedge, plan, denial or past marker in the clause ("hopes to secure funding from B", "has applied to B",
"was funded until 2019 by B") states nothing, and an amount "from" a name is funding only after a verb of
receiving, never a sale ("earns $2m a year from B"). Word lists: ``data/lexicon/funding_published.json``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterator, Sequence

from aikg.core.paths import shipped
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index
from aikg.ingest.nlp.token_index import TokenIndex

FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
RECIPIENTS = ("Institute", "Company", "Agency", "Programme")
PAGE_SUBJECTS = ("Institute", "Programme")  # a page whose lines name its funders: a programme's or an institute's
HYPHENS = ("-", "–")
BACK_REACH = 6  # words between a funding noun and its "from"
MAX_DESCRIPTOR = 16  # words of an entry's descriptor line ("A Cape Town fund for seed and Series A rounds.")
Found = tuple[int, int, int, int, str]  # funder, recipient, evidence token start, evidence token end, method


def _phrases(words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.lower().split()) for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class FundingPublishedWords:
    """The word lists of ``funding_published.json``."""

    passive: frozenset[str]
    aux: frozenset[str]
    continuers: tuple[tuple[str, ...], ...]
    kind_verbs: tuple[tuple[str, ...], ...]
    kind_markers: tuple[tuple[str, ...], ...]
    gift_verbs: frozenset[str]
    kind_nouns: tuple[tuple[str, ...], ...]
    loan_nouns: frozenset[str]
    receive: frozenset[str]
    revenue: frozenset[str]
    stance: frozenset[str]
    relative: frozenset[str]
    list_verbs: frozenset[str]
    among: tuple[tuple[str, ...], ...]
    invest: tuple[tuple[str, ...], ...]
    articles: frozenset[str]
    openers: frozenset[str]
    among_openers: tuple[tuple[str, ...], ...]
    come_verbs: frozenset[str]
    budget_nouns: frozenset[str]
    whose_nouns: frozenset[str]
    field_labels: tuple[tuple[str, ...], ...]
    contribute_verbs: frozenset[str]
    portfolio_nouns: frozenset[str]
    portfolio_verbs: frozenset[str]
    stance_heads: frozenset[str]
    modal_words: frozenset[str]
    aside_preps: frozenset[str] = frozenset()  # "from A, through its P scheme, and from B": an aside in a list
    source_nouns: frozenset[str] = frozenset()  # "from a five-year grant by C": a described source
    cost_nouns: frozenset[str] = frozenset()  # "X's salaries are covered by A"
    cover_verbs: frozenset[str] = frozenset()
    stake_verbs: frozenset[str] = frozenset()  # "B holds a minority stake in X"
    owned_fund_nouns: frozenset[str] = frozenset()  # "X's first fund is backed by A": the owner is funded
    free_verbs: frozenset[str] = frozenset()  # "X provides imagery at no cost"
    object_verbs: frozenset[str] = frozenset()  # relation_funding.relative_funds: "X runs the P, which A funds"
    fund_it_verbs: frozenset[str] = frozenset()  # "by the Foundation, which continues to fund it"
    fund_it_between: frozenset[str] = frozenset()
    stake_modifiers: frozenset[str] = frozenset()  # "a small minority equity stake": words between verb and stake
    fund_its_nouns: frozenset[str] = frozenset()  # "X's Local Enterprise Office, which co-funds its place"
    amount_words: frozenset[str] = frozenset()  # "have each invested more than ten billion dollars in X"
    amount_heads: frozenset[str] = frozenset()  # the words that make it an amount: "billions", "million", "$"
    amount_adverbs: frozenset[str] = frozenset()  # "each", "jointly" between the investors and the verb
    named_owner_nouns: frozenset[str] = frozenset()  # "X's recipients include A": only with X named
    investor_labels: tuple[tuple[str, ...], ...] = ()  # "Lead investor: A" on a firm's page

    @classmethod
    def of(cls, d: dict[str, Any]) -> "FundingPublishedWords":
        def s(k: str) -> frozenset[str]:
            return frozenset(w.lower() for w in d.get(k, ()))

        return cls(s("passive_verbs"), s("aux_words"), _phrases(d.get("list_continuers", ())),
                   _phrases(d.get("kind_verbs", ())), _phrases(d.get("kind_markers", ())), s("gift_verbs"),
                   _phrases(d.get("kind_nouns", ())), frozenset(w.split()[-1] for w in s("loan_nouns")),
                   s("receive_verbs"), s("revenue_words"), s("stance_words"), s("relative_words"), s("list_verbs"),
                   _phrases(d.get("among_words", ())), _phrases(d.get("invest_phrases", ())),
                   s("apposition_articles"), s("subject_openers"),
                   _phrases(d.get("among_openers", ())), s("come_verbs"), s("budget_nouns"),
                   s("whose_nouns"), _phrases(d.get("field_labels", ())),
                   s("contribute_verbs"), s("portfolio_nouns"), s("portfolio_verbs"), s("stance_heads"), s("modal_words"),
                   s("aside_preps"), s("source_nouns"), s("cost_nouns"), s("cover_verbs"), s("stake_verbs"), s("owned_fund_nouns"), s("free_verbs"), s("object_verbs"), s("fund_it_verbs"), s("fund_it_between"),
                   s("stake_modifiers"), s("fund_its_nouns"), s("amount_words"), s("amount_heads"), s("amount_adverbs"),
                   s("named_owner_nouns"), _phrases(d.get("investor_labels", ())))


@lru_cache(maxsize=1)
def published_words() -> FundingPublishedWords:
    return FundingPublishedWords.of(json.loads(shipped("lexicon", "funding_published.json").read_text(encoding="utf-8")))


class _Sentence:
    """One sentence as words: hyphen-joined tokens are one word ("co-funded", "in-kind", "start-ups")."""

    def __init__(self, doc: Any, sent: Any, tok2m: dict[int, int]) -> None:
        self.doc, self.sent, self.tok2m = doc, sent, tok2m
        self.low: list[str] = []
        self.tok: list[int] = []  # first token of each word
        ix = TokenIndex.of(doc)  # speed: the Doc's words as strings, built once per Doc (no Token objects)
        lows, texts, ws = ix.lower, ix.text, ix.ws
        k = sent.start
        while k < sent.end:
            j = k + 1
            text = lows[k]
            while j + 1 < sent.end and texts[j] in HYPHENS and not ws[j - 1] and not ws[j] and doc[j + 1].is_alpha \
                    and doc[j - 1].is_alpha and tok2m.get(j - 1) is None and tok2m.get(j + 1) is None:
                text += "-" + lows[j + 1]
                j += 2
            self.low.append(text)
            self.tok.append(k)
            k = j
        self.word_of = {t: w for w, t in enumerate(self.tok)}

    def at(self, w: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Length of the phrase starting at word ``w`` (0: none)."""
        for p in phrases:
            if tuple(self.low[w:w + len(p)]) == p:
                return len(p)
        return 0

    def mention(self, w: int) -> int | None:
        return self.tok2m.get(self.tok[w]) if 0 <= w < len(self.tok) else None


class PublishedFunding:
    """The forms above over the sentences of one chunk of the entity pass."""

    def __init__(self, relations: dict[str, Any], words: FundingPublishedWords | None = None) -> None:
        self.w = words or published_words()
        self.on = os.environ.get("AIKG_FUNDING_FORMS", "on") != "off"  # off: for the A/B of docs/extraction.md only
        self.lists = RoundLists(relations)  # "A, the Oslo fund B and angel investor C" (relation_rounds.py)
        self.pending: int | None = None  # who "has backed 90 firms" when the next sentence lists them
        self.page: int | None = None  # the programme or organisation the page is about (context.doc_subject)

    def chunk(self, doc: Any, spans: list[tuple[int, int, int]], types: list[str], owner: int | None = None) -> list[Found]:
        """(funder, recipient, evidence start token, evidence end token, method) for every form of the chunk;
        ``owner`` is the organisation or programme the page is about (context.doc_subject), for its field lines."""
        out: list[Found] = []
        if not self.on:
            return out
        self.page = owner if owner is not None and types[owner] in PAGE_SUBJECTS else None
        firm = owner if owner is not None and types[owner] == "Company" else None  # "Lead investor: A" on a firm's page
        index = token_index(doc, spans, types)
        prev: tuple[int | None, int] = (None, 0)  # the sentence before's subject and its first token
        for sent in doc.sents:
            if not any(t in index.tok2m for t in range(sent.start, sent.end)):
                if not self._descriptor(doc, sent):
                    prev = (None, sent.start)
                self.pending = None
                continue
            s = _Sentence(doc, sent, index.tok2m)
            subj = self._subject(s, types)
            pending, self.pending = self.pending, None
            found = list(self._forms(s, index, subj, prev[0]))
            if pending is not None:
                found += self._among_them(s, index, pending)
            if self.page is not None:
                found += self._field_line(s, index, self.page)
            elif firm is not None:
                found += self._field_line(s, index, firm, self.w.investor_labels)
            for f, r, method, back in found:
                if f != r and types[f] in FUNDERS and types[r] in RECIPIENTS:
                    out.append((f, r, prev[1] if back else sent.start, sent.end, method))
            if subj is None and self._descriptor(doc, sent) and not any(
                    types[index.tok2m[t]] in RECIPIENTS for t in range(sent.start, sent.end) if t in index.tok2m):
                continue  # the entry's heading stays the subject for "Its portfolio includes A"
            prev = (subj, sent.start)
        return out

    @staticmethod
    def _descriptor(doc: Any, sent: Any) -> bool:
        """A directory entry's descriptor line after its heading: "- Lion's Head Ventures. A Cape Town fund for seed and
        Series A rounds. Its portfolio includes A" (short, opens with "A"/"An", names no organisation)."""
        return sent.end - sent.start <= MAX_DESCRIPTOR and doc[sent.start].text in ("A", "An")

    def _forms(self, s: _Sentence, index: Any, subj: int | None, prev: int | None) -> Iterator[tuple[int, int, str, bool]]:
        low = s.low
        for w in range(1, len(low)):
            word = low[w]
            if word in self.w.passive and w + 1 < len(low) and low[w + 1] == "by":
                yield from self._coordinated(s, index, subj, w)
                yield from self._funded_list(s, index, w)
                yield from self._covered_by(s, index, subj, w + 1)  # "X's first fund is backed by A and B"
            elif word == "from":
                yield from self._kind_from(s, index, subj, w)
                if low[w - 1] in self.w.come_verbs:
                    yield from self._budget_from(s, index, w)
            elif word == "by" and low[w - 1] not in self.w.passive:
                yield from self._given_by(s, index, subj, prev, w)
                yield from self._covered_by(s, index, subj, w)
                if low[w - 1] == "and" and subj is not None:
                    yield from self._and_by(s, index, subj, w)
            yield from self._verb_forms(s, index, subj, prev, w)
        yield from self._hyphen_apposition(s, index)
        if subj is None and prev is not None:
            yield from self._entry_participles(s, index, prev)

    def _entry_participles(self, s: _Sentence, index: Any, prev: int) -> Iterator[tuple[int, int, str, bool]]:
        """A directory entry's line of participles with no subject: "Samaki Sense Ltd (Kisumu) - sensors for fish farms.
        Co-founded by A and B; backed by the C Fund." / "Backed by A and B." (the entry before is funded)."""
        low = s.low
        w = 0
        while w < len(low) and (low[w] in self.w.openers or s.doc[s.tok[w]].is_space):
            w += 1
        if not (w + 1 < len(low) and low[w].endswith("ed") and s.doc[s.tok[w]].is_title):
            return  # the sentence opens with a participle, not a subject
        for k in range(w, len(low) - 2):
            opens = k == w or low[k - 1] in (";", ",", "and") and (k < 2 or low[k - 2] != "and")
            if not opens or low[k] not in self.w.passive or low[k + 1] != "by":
                continue
            funders = self._funders_after(s, index, k + 2)
            end = max((self._end_word(s, f, index) for f in funders), default=k)
            if funders and (end >= len(low) or low[end] in (".", ";", "!")) and not self._unsaid(s, 0, k):
                for f in funders:
                    yield f, prev, "form:entry-backed-by", True

    def _verb_forms(self, s: _Sentence, index: Any, subj: int | None, prev: int | None,
                    w: int) -> Iterator[tuple[int, int, str, bool]]:
        """The forms triggered by the word at ``w`` itself (investing, contributing, portfolios, stakes)."""
        low = s.low
        word = low[w]
        if word in ("invested", "backed", "funded") and w + 1 < len(low):
            yield from self._invested_among(s, index, subj, w)
        if word in ("invested", "co-invested", "participated"):
            yield from self._invested_no_object(s, index, subj, w)
        if word in ("invested", "invests", "co-invested", "co-invests") and w + 2 < len(low):
            yield from self._invested_amount(s, index, w)
        if word in self.w.contribute_verbs and self.page is not None:
            yield from self._contributes(s, index, w)
        if word in self.w.portfolio_nouns and w + 1 < len(low) and low[w + 1] in self.w.portfolio_verbs:
            yield from self._portfolio(s, index, prev, w)
        if word in ("cost", "charge") and w >= 3 and (low[w - 1] == "no" or low[w - 2:w] == ["free", "of"]):
            yield from self._at_no_cost(s, index, subj, prev, w)
        if word in self.w.fund_it_verbs and w + 1 < len(low) and (low[w + 1] in ("it", "them") or (
                low[w + 1] in ("its", "their") and w + 2 < len(low) and low[w + 2] in self.w.fund_its_nouns)):
            yield from self._funds_it(s, index, subj, w)
        if word == "stake" and w + 1 < len(low):
            yield from self._stake(s, index, subj, w)
        if word == "whose" and subj is not None:
            yield from self._whose_investment(s, index, subj, w)

    # ------------------------------------------------------------------ helpers
    def _subject(self, s: _Sentence, types: list[str]) -> int | None:
        """The organisation opening the sentence (after an article, a bullet or a fronted "In 2021,")."""
        w = 0
        while w < len(s.low) and (s.low[w] in self.w.openers or s.doc[s.tok[w]].is_space):
            w += 1
        if w < len(s.low) and s.low[w] in ("in", "since", "last", "this", "earlier", "later") and s.mention(w + 1) is None:
            comma = next((k for k in range(w, min(len(s.low), w + 7)) if s.low[k] == ","), None)
            if comma is not None and all(s.mention(k) is None for k in range(w, comma)):
                w = comma + 1
                while w < len(s.low) and s.low[w] in self.w.openers:
                    w += 1
        m = s.mention(w)
        return m if m is not None and types[m] in RECIPIENTS else None

    def _end_word(self, s: _Sentence, m: int, index: Any) -> int:
        """The word after mention ``m``."""
        last = max(index.m2toks[m])
        return next((w for w, t in enumerate(s.tok) if t > last), len(s.low))

    def _start_word(self, s: _Sentence, m: int, index: Any) -> int:
        return s.word_of.get(min(index.m2toks[m]), 0)

    def _unsaid(self, s: _Sentence, a: int, b: int) -> bool:
        """A hedge, plan, denial or past marker between words ``a`` and ``b``."""
        return any(s.low[x] in self.w.stance and not s.doc[s.tok[x]].is_title  # not "Applied Clusters"
                   for x in range(max(0, a), min(b, len(s.low))))

    def _recipient(self, s: _Sentence, index: Any, subj: int | None, w: int) -> int | None:
        """Who a funding phrase at word ``w`` is said of: the subject, or the name a relative pronoun after it hangs on
        ("X partners with Y, which receives ... from Z" is Y)."""
        if subj is None:
            return None
        a = self._end_word(s, subj, index)
        if a > w:
            return None
        rel = next((k for k in range(w - 1, a - 1, -1) if s.low[k] in self.w.relative), None)
        if rel is None or "," in s.low[rel:w]:
            return subj  # no relative clause, or one closed by a comma ("X, which committed $12m, with a grant from")
        k = rel - 1
        if k >= 0 and s.low[k] == ",":
            k -= 1
        m = s.mention(k) if k >= 0 else None
        head = k
        while m is None and k > 0 and head - k < 3 and s.doc[s.tok[k]].is_lower and s.doc[s.tok[k]].is_alpha:
            k -= 1  # "runs the Korytarz AI grant scheme, which ... is co-financed by E": the scheme's name (#14)
            m = s.mention(k)
        return m if m is not None and index.types[m] in RECIPIENTS else None

    def _funders_after(self, s: _Sentence, index: Any, w: int, depth: int = 0) -> list[int]:
        """The list of funders starting at word ``w``, with "together with B" / "alongside B" after it, and the
        sources added by "and from" ("from A, through its P scheme, and from B")."""
        got = [self._named_after(s, index, m) for m in
               self._no_aside(s, index, self.lists.read_list(index, s.tok[w], FUNDERS, s.sent.end) if w < len(s.low) else [])]
        if not got:
            got = self._possessed_after(s, index, w) or self._described_source(s, index, w, depth)
            return got + (self._and_from(s, index, self._end_word(s, got[-1], index), depth) if got else [])
        k = self._end_word(s, got[-1], index)
        while k < len(s.low) and s.low[k] == "(":  # "A (LKR 410 million)"
            k = next((x + 1 for x in range(k, len(s.low)) if s.low[x] == ")"), len(s.low))
        if k < len(s.low) and s.low[k] == ",":
            k += 1
        n = s.at(k, self.w.continuers)
        if n:
            got += self.lists.read_list(index, s.tok[k + n], FUNDERS, s.sent.end) if k + n < len(s.low) else []
            k = self._end_word(s, got[-1], index) if got else k
        return got + self._and_from(s, index, k, depth)

    def _no_aside(self, s: _Sentence, index: Any, got: list[int]) -> list[int]:
        """A list read up to its first aside: "A, through its B scheme" is no list of A and B."""
        for n in range(1, len(got)):
            a, b = self._end_word(s, got[n - 1], index), self._start_word(s, got[n], index)
            if any(x in self.w.aside_preps for x in s.low[a:b]):
                return got[:n]
        return got

    def _and_from(self, s: _Sentence, index: Any, k: int, depth: int) -> list[int]:
        """", and from B", "and from a five-year grant by C" after a list of funders at word ``k`` (past an aside
        ", through its PICT grant scheme,"): the next source of the same funding."""
        low = s.low
        if depth > 2 or k >= len(low):
            return []
        if low[k] == "," and k + 1 < len(low) and low[k + 1] in self.w.aside_preps or low[k] in self.w.aside_preps \
                and low[k - 1] == ",":
            k = next((x for x in range(k + 1, min(len(low), k + 10)) if low[x] in (",", ";", ".")), len(low))
        if k < len(low) and low[k] == ",":
            k += 1
        if k + 2 >= len(low) or low[k] != "and" or low[k + 1] not in ("from", "by"):
            return []
        return self._funders_after(s, index, k + 2, depth + 1)

    def _described_source(self, s: _Sentence, index: Any, w: int, depth: int) -> list[int]:
        """"from a five-year grant by C", "a loan-and-grant package from D": a source described by a funding noun,
        then the funder after "by"/"from"."""
        low = s.low
        if w >= len(low) or low[w] not in ("a", "an") or depth > 2:
            return []
        for x in range(w + 1, min(len(low), w + 8)):
            if s.mention(x) is not None or not (s.doc[s.tok[x]].is_lower or s.doc[s.tok[x]].like_num
                                                or s.doc[s.tok[x]].tag_ == "$"):
                return []
            if low[x] in ("by", "from") and any(low[y].split("-")[-1] in self.w.source_nouns for y in range(w + 1, x)):
                return self._funders_after(s, index, x + 1, depth + 1)
        return []

    def _recipients_at(self, s: _Sentence, index: Any, w: int) -> list[int]:
        """The list of funded names at word ``w``, without a name that only describes the one before (", a Tarsk
        start-up")."""
        got = self.lists.read_list(index, s.tok[w], RECIPIENTS, s.sent.end)
        out = []
        for r in got:
            a, e = self._start_word(s, r, index), self._end_word(s, r, index)
            if a >= 2 and s.low[a - 1] in ("a", "an") and s.low[a - 2] == "," and e < len(s.low) \
                    and s.doc[s.tok[e]].is_lower and s.doc[s.tok[e]].is_alpha:
                continue
            out.append(r)
        return out

    def _possessed_after(self, s: _Sentence, index: Any, w: int) -> list[int]:
        """"the EU's Recovery and Resilience Facility": the name a possessor opens (a list of one)."""
        while w < len(s.low) and s.low[w] in self.w.articles:
            w += 1
        m = s.mention(w)
        if m is None:
            return []
        e = self._end_word(s, m, index)
        if e + 1 >= len(s.low) or s.low[e] not in ("'s", "’s"):
            return []
        other = next((s.mention(x) for x in range(e + 1, min(len(s.low), e + 4)) if s.mention(x) is not None
                      and index.types[s.mention(x)] != "Cluster"), None)
        if other is None:  # "the Asian Development Bank's Fergana Valley water programme": no name, the owner gives
            return [m] if index.types[m] in FUNDERS else []
        return [other] if index.types[other] in FUNDERS else []

    def _named_after(self, s: _Sentence, index: Any, m: int) -> int:
        """"the Retalhuleu data centre Samalá Cómputo": a name followed by a few lower-case words and another name
        only describes that name."""
        k = self._end_word(s, m, index)
        if k + 1 < len(s.low) and s.low[k] in HYPHENS and s.low[k + 1] in self.w.passive:
            other = next((s.mention(x) for x in range(k + 2, min(len(s.low), k + 6)) if s.mention(x) is not None), None)
            return other if other is not None and index.types[other] in FUNDERS else m  # "the EU-funded B Facility": B
        for x in range(k, min(len(s.low), k + 4)):
            other = s.mention(x)
            if other is not None:
                return other if x > k and index.types[other] in FUNDERS else m
            if not s.doc[s.tok[x]].is_lower or s.low[x] in ("and", "or", "with", "from", "by", "under") \
                    or s.low[x] in self.w.aside_preps:  # "the Ministry through the university": the Ministry
                return m
        return m

    # ------------------------------------------------------------------ forms
    def _coordinated(self, s: _Sentence, index: Any, subj: int | None, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"X is administered by A and funded by B": the subject, not A, is funded."""
        b = w - 1
        while b > 0 and s.low[b] in self.w.aux:
            b -= 1
        if subj is None or self._unsaid(s, 0, w + 1):
            return
        if s.low[b] == "," and b == w - 1:  # "- A (Oujda): tools for clinics, backed by B": nothing else is named
            a = self._end_word(s, subj, index)
            if any(s.mention(x) is not None and index.types[s.mention(x)] in RECIPIENTS for x in range(a, b)) \
                    or any(x in self.w.relative for x in s.low[a:b]):
                return
        elif s.low[b] != "and":
            return
        r = self._recipient(s, index, subj, b)
        if r is None:
            return
        funders = self._funders_after(s, index, w + 2)
        if funders and not self._unsaid(s, w, self._end_word(s, funders[-1], index) + 3):
            for f in funders:
                yield f, r, "form:coordinated-funded", False

    def _kind_from(self, s: _Sentence, index: Any, subj: int | None, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"with in-kind GPU capacity from B", "a concessional loan of USD 6 million from B", "receives ... $500,000 a
        year from C": funding for the subject."""
        low = s.low
        a = w - 1
        while a > 0 and w - a < BACK_REACH and s.mention(a) is None and low[a] not in (",", ";", ":", "from", "by"):
            a -= 1
        before = low[a + 1:w]
        kind = any(s.at(k, self.w.kind_nouns) for k in range(a + 1, w))
        loan = any(x in self.w.loan_nouns for x in before)
        money = any(s.doc[s.tok[k]].like_num or s.doc[s.tok[k]].tag_ == "$" or low[k] in ("$", "€", "£", "¥")
                    for k in range(a + 1, w))
        if not (kind or loan or money):
            return
        r = self._recipient(s, index, subj, w)
        if r is None:
            return
        head = low[self._end_word(s, subj, index) if subj is not None else 0:w]
        if any(x in self.w.revenue for x in head) or self._unsaid(s, 0, w + 1):
            return  # "earns $2m a year from B", "hopes to secure a loan from B"
        if money and not (kind or loan):
            receive = any(x in self.w.receive for x in head)
            earlier = any(x in ("from", "by") for x in head[:-1])  # another funding phrase before: "with a grant from A and $1m from B"
            if not receive and not earlier:
                return
        funders = self._funders_after(s, index, w + 1)
        for f in funders:
            yield f, r, "form:in-kind-from", False

    def _budget_from(self, s: _Sentence, index: Any, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"Its start-up budget of 4.2 million soles comes from A and from B", "Most of X's core funding came from A":
        the possessor is funded."""
        low = s.low
        noun = next((k for k in range(w - 2, -1, -1) if low[k] in self.w.budget_nouns), None)
        if noun is None or any(s.mention(k) is not None for k in range(noun, w)) or self._unsaid(s, 0, w):
            return
        owner = None
        for k in range(noun - 1, max(-1, noun - 6), -1):
            m = s.mention(k)
            if m is not None:
                e = self._end_word(s, m, index)
                if low[k] in ("its", "their") or (e < len(low) and low[e] in ("'s", "’s", "'", "’")):
                    owner = m
                break
        if owner is None and self.page is not None and all(s.mention(k) is None for k in range(0, w)):
            owner = self.page  # "Core funding comes from A" on the page of the programme
        if owner is None or index.types[owner] not in RECIPIENTS:
            return
        for f in self._funders_after(s, index, w + 1):
            yield f, owner, "form:budget-from", False

    def _given_by(self, s: _Sentence, index: Any, subj: int | None, prev: int | None,
                  w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"Compute is provided in kind by B", "Drones were donated by B": the subject's name, else the sentence
        before's subject, receives it."""
        low = s.low
        k = w - 1
        marker = 0
        for m in range(max(0, w - 4), w):
            if s.at(m, self.w.kind_markers):
                marker, k = 1, min(k, m - 1)
        verb = None
        for v in range(max(0, k - 2), k + 1):
            n = s.at(v, self.w.kind_verbs)
            if low[v] in self.w.gift_verbs or (n and marker):
                verb = v
                break
        if verb is None or verb == 0 or low[verb - 1] not in ("is", "are", "was", "were", "been", "be", "being"):
            return
        if self._unsaid(s, 0, w + 1):
            return
        named = [s.mention(x) for x in range(0, verb)]
        owners = [m for m in named if m is not None and index.types[m] in RECIPIENTS]
        funders = self._funders_after(s, index, w + 1)
        if owners:
            for f in funders:
                yield f, owners[0], "form:given-in-kind", False
        elif not any(m is not None for m in named) and (prev is not None or self.page is not None):
            for f in funders:
                yield f, prev if prev is not None else self.page, "form:given-in-kind", prev is not None

    def _at_no_cost(self, s: _Sentence, index: Any, subj: int | None, prev: int | None,
                    w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"X, which provides imagery at no cost", "The Ministry is providing the building at no cost", "A supplies
        sensors to B free of charge": a thing given for nothing funds the one it is given to ("to B", else the
        sentence's subject, else the sentence before's)."""
        low = s.low
        if low[w - 2] not in ("at", "free", "for", "with") or self._unsaid(s, 0, w - 2):
            return  # ("no" of "at no cost" is no denial)
        v = next((k for k in range(w - 3, max(-1, w - 10), -1) if low[k] in self.w.free_verbs), None)
        if v is None or any(x in (";", ".") for x in low[v:w]):
            return
        funder, _ = self._giver_before(s, v)
        if funder is None or index.types[funder] not in FUNDERS:
            return
        to = next((s.mention(k + 1 + (low[k + 1] in self.w.articles)) for k in range(v + 1, min(len(low) - 1, w + 6))
                   if low[k] == "to" and s.mention(k + 1 + (low[k + 1] in self.w.articles)) is not None), None)
        back = False
        recipient: int | None
        if to is not None:
            recipient = to
        elif subj is not None and subj != funder:
            recipient = subj
        else:
            recipient, back = (prev, True) if prev is not None else (self.page, False)
        if recipient is not None and recipient != funder and index.types[recipient] in RECIPIENTS:
            yield funder, recipient, "form:at-no-cost", back

    def _funds_it(self, s: _Sentence, index: Any, subj: int | None, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"X was launched in 2017 by the Foundation, which continues to fund it": the name before the relative clause
        funds the sentence's subject ("it")."""
        low = s.low
        b = w - 1
        while b > 0 and w - b <= 4 and low[b] in self.w.fund_it_between:
            b -= 1
        if b < 2 or low[b] not in self.w.relative or low[b - 1] != "," or self._unsaid(s, 0, w + 1):
            return
        funder = s.mention(b - 2) if low[b - 2] not in ("itself", "themselves") else s.mention(b - 3)
        if funder is None and low[b - 2] == ")":  # "the National Research Foundation (NRF), which"
            k = next((x for x in range(b - 3, max(0, b - 8), -1) if low[x] == "("), None)
            funder = s.mention(k - 1) if k else None
        if funder is None or subj is None or funder == subj or index.types[funder] not in FUNDERS:
            return
        named = [m for x in range(self._end_word(s, subj, index), self._start_word(s, funder, index))
                 if (m := s.mention(x)) is not None and index.types[m] == "Programme"]
        if named and index.types[subj] != "Programme":
            subj = named[-1]  # "Its faculty runs the P programme for A, which funds it": "it" is P (#14)
        yield funder, subj, "form:which-funds-it", False

    def _giver_before(self, s: _Sentence, v: int) -> tuple[int | None, bool]:
        """The mention before the verb at ``v`` (past auxiliaries), or the name before ", which" (True then)."""
        low = s.low
        b = v - 1
        while b > 0 and low[b] in self.w.aux:
            b -= 1
        giver = s.mention(b)
        if giver is None and low[b] in self.w.relative and b >= 2 and low[b - 1] == ",":
            if low[b - 2] in ("itself", "themselves") and b >= 3:  # "and by UTI itself, which still holds a stake"
                return s.mention(b - 3), True
            return s.mention(b - 2), True
        return giver, False

    def _stake(self, s: _Sentence, index: Any, subj: int | None, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"B holds a minority stake in X", "X is a spin-out of B, which keeps a stake": equity funds X (not "a stake in
        the round", not "sold its stake", not "a stake" after a hedge)."""
        low = s.low
        v = w - 1
        while v > 0 and (low[v] in self.w.stake_modifiers or s.doc[s.tok[v]].like_num):
            v -= 1
        if low[v] not in self.w.stake_verbs:
            return
        funder, relative = self._giver_before(s, v)
        rel_at = next((b for b in range(v - 1, 0, -1) if low[b] not in self.w.aux), 0)
        if self._unsaid(s, rel_at if relative else 0, w + 1):
            return  # the relative clause's own words: "by A, a former student, and by B, which still holds a stake"
        if relative:  # "a spin-out of B, which keeps a stake"
            recipient = subj
        elif w + 2 < len(low) and low[w + 1] == "in":
            k = w + 2 + (low[w + 2] in self.w.articles)
            recipient = s.mention(k) if low[w + 2] not in ("it", "them") else subj
        else:
            return
        if funder is None or recipient is None or funder == recipient or index.types[funder] not in FUNDERS:
            return
        yield funder, recipient, "form:stake", False

    def _covered_by(self, s: _Sentence, index: Any, subj: int | None, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"X's salaries are covered by A", "Its running costs are met by A and B": the possessor opening the sentence
        is funded (a cost noun right after it, a verb of covering right before "by")."""
        low = s.low
        v = w - 1 if low[w - 1] != "for" else w - 2  # "paid for by"
        if subj is None or v < 2 or low[v] not in self.w.cover_verbs or low[v - 1] not in self.w.aux:
            return
        nouns = self.w.cost_nouns | (self.w.owned_fund_nouns if low[v] in self.w.passive else frozenset())
        e = self._end_word(s, subj, index)
        if s.low[self._start_word(s, subj, index)] not in ("its", "their"):
            if e >= len(low) or low[e] not in ("'s", "’s", "'", "’"):
                return
            e += 1
        b = v - 1
        while b > e and low[b] in self.w.aux:
            b -= 1
        if b < e or b - e > 3 or not any(low[x] in nouns for x in range(e, b + 1)) \
                or any(s.mention(x) is not None for x in range(e, b + 1)) or self._unsaid(s, 0, w):
            return
        for f in self._funders_after(s, index, w + 1):
            yield f, subj, "form:costs-covered-by", False

    def _and_by(self, s: _Sentence, index: Any, subj: int, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"The lab is funded by a R$6 million grant from A, ..., under its P programme, and by B": the second agent of
        the passive of funding (no other verb with "by" in between)."""
        low = s.low
        v = next((k for k in range(w - 2, 0, -1) if low[k] == "by" and low[k - 1] in self.w.passive), None)
        if v is None or any(low[k] == "by" and k != v and low[k - 1] not in ("and", ",") for k in range(v + 1, w - 1)):
            return
        if s.mention(v + 1) is not None or (v + 2 < len(low) and low[v + 1] in self.w.articles and s.mention(v + 2)
                                             is not None):
            return  # "funded by A and by B": the list reader of relation_rounds reads it
        if self._unsaid(s, 0, w):
            return
        r = self._recipient(s, index, subj, v - 1)
        if r is None:
            return
        for f in self._funders_after(s, index, w + 1):
            yield f, r, "form:and-by", False

    def _funded_list(self, s: _Sentence, index: Any, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"Among the first companies funded by P were A and B", "start-ups backed by P include A"."""
        low = s.low
        noun = low[w - 1]
        if not (noun.endswith("s") and (s.doc[s.tok[w - 1]].is_lower or w == 1)) or s.mention(w - 1) is not None:
            return
        p = w + 2
        while p < len(low) and low[p] in self.w.articles:
            p += 1
        funder = s.mention(p)
        if funder is None or index.types[funder] not in FUNDERS or self._unsaid(s, 0, p):
            return
        v = self._end_word(s, funder, index)
        if v < len(low) and low[v] == ",":
            v += 1
        if v >= len(low) or low[v] not in self.w.list_verbs:
            return
        for r in self._recipients_at(s, index, v + 1) if v + 1 < len(low) else []:
            yield funder, r, "form:funded-list", False

    def _invested_among(self, s: _Sentence, index: Any, subj: int | None, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"P has invested in 31 companies since 2022, among them A"; "P, which M administers, has backed more than 90
        firms since 2023. Among them are A and B." (the list in the next sentence): P funds each listed name."""
        low = s.low
        k = w + 1 if low[w] != "invested" else (w + 2 if w + 1 < len(low) and low[w + 1] == "in" else -1)
        if k < 0 or self._unsaid(s, 0, w):
            return
        actor = self._actor_before(s, index, w)
        if actor is None or index.types[actor] not in FUNDERS:
            return
        n_words = [x for x in range(k, min(len(low), k + 3)) if s.doc[s.tok[x]].like_num or low[x] in ("dozens", "several", "more")]
        if not n_words:
            return
        for c in range(k, min(len(low), k + 10)):
            if s.mention(c) is not None:
                return
            if low[c] == ",":
                n = s.at(c + 1, self.w.among)
                if n:
                    for r in self._recipients_at(s, index, c + 1 + n) \
                            if c + 1 + n < len(low) else []:
                        yield actor, r, "form:invested-among", False
                    return
            if low[c] in (".", ";") or c == len(low) - 1:
                self.pending = actor  # "... since 2023. Among them are A and B."
                return

    def _among_them(self, s: _Sentence, index: Any, funder: int) -> Iterator[tuple[int, int, str, bool]]:
        """"Among them are A and B", "They include A" opening the sentence after "P has backed 90 firms"."""
        low = s.low
        w = 0
        while w < len(low) and low[w] in self.w.openers:
            w += 1
        n = s.at(w, self.w.among_openers)
        if not n or w + n >= len(low):
            return
        for r in self._recipients_at(s, index, w + n):
            yield funder, r, "form:invested-among", True

    def _actor_before(self, s: _Sentence, index: Any, w: int) -> int | None:
        """The name that does the verb at word ``w``: right before it (after "has", "also"), or before a relative
        clause set off by commas ("P, which M administers, has backed")."""
        b = w - 1
        while b > 0 and s.low[b] in self.w.aux:
            b -= 1
        if s.low[b] == ",":
            rel = next((x for x in range(b - 1, max(-1, b - 30), -1) if s.low[x] in self.w.relative), None)
            if rel is None or rel < 2 or s.low[rel - 1] != ",":
                return None
            b = rel - 2
        return s.mention(b)

    def _invested_no_object(self, s: _Sentence, index: Any, subj: int | None,
                            w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"- Sowa Robotics – a maker of warehouse robots; Vistula Ventures invested alongside Spree Capital": a verb of
        investing with no object says who funds the name the line or sentence is about."""
        low = s.low
        if subj is None or (w + 1 < len(low) and low[w + 1] in ("in", "into", "$")) or self._unsaid(s, 0, w + 1):
            return
        actor = self._actor_before(s, index, w)
        if actor is None or actor == subj or index.types[actor] not in FUNDERS:
            return
        if not any(x in (";", "–", "—", ":") for x in low[self._end_word(s, subj, index):self._start_word(s, actor, index)]):
            return  # the subject's own clause: "X said Y invested" is not said of X
        funders = [actor]
        n = s.at(w + 1, self.w.continuers) if w + 1 < len(low) else 0
        if n and w + 1 + n < len(low):
            funders += self.lists.read_list(index, s.tok[w + 1 + n], FUNDERS, s.sent.end)
        for f in funders:
            yield f, subj, "form:invested-no-object", False

    def _invested_amount(self, s: _Sentence, index: Any, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"A and B have each invested billions in C", "A has invested more than ten billion dollars in C": an amount
        between the verb and "in <name>" (read from the words: the parser often makes the amount the clause's head);
        the names right before the verb (past "have", "each", "also") fund C."""
        low = s.low
        k = w + 1
        while k < len(low) and k <= w + 7 and low[k] not in ("in", "into") and s.mention(k) is None \
                and (low[k] in self.w.amount_words or s.doc[s.tok[k]].like_num or s.doc[s.tok[k]].is_currency):
            k += 1
        if k == w + 1 or k >= len(low) - 1 or low[k] not in ("in", "into") \
                or not any(low[x] in self.w.amount_heads or s.doc[s.tok[x]].is_currency
                           or sum(c.isdigit() for c in low[x]) >= 4 for x in range(w + 1, k)):  # not "two years"
            return
        k += 1 + (low[k + 1] in self.w.articles)
        recipient = s.mention(k)
        if recipient is None or index.types[recipient] not in RECIPIENTS:
            return
        b = w - 1
        while b > 0 and low[b] in self.w.aux | self.w.amount_adverbs:
            b -= 1
        funders: list[int] = []
        while b >= 0 and (m := s.mention(b)) is not None and index.types[m] in FUNDERS:
            funders.append(m)
            b = self._start_word(s, m, index) - 1
            if b >= 1 and low[b] == "and" and low[b - 1] == ",":
                b -= 2
            elif b >= 0 and low[b] in (",", "and"):
                b -= 1
            else:
                break
        if not funders or self._unsaid(s, b + 1, k):
            return
        for f in funders:
            if f != recipient:
                yield f, recipient, "form:invested-amount", False

    def _whose_investment(self, s: _Sentence, index: Any, subj: int, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"It was founded by A, B and C, whose joint investment of 300 million euros ...": the names the relative
        pronoun follows fund the subject."""
        low = s.low
        k = w + 1
        while k < len(low) and k <= w + 3 and low[k] not in self.w.budget_nouns and low[k] not in self.w.whose_nouns:
            k += 1
        if k >= len(low) or k > w + 3 or (low[k] not in self.w.budget_nouns and low[k] not in self.w.whose_nouns) \
                or self._unsaid(s, 0, w):
            return
        b = w - 1 if w > 0 and low[w - 1] == "," else w
        funders: list[int] = []
        while b > 0:
            m = s.mention(b - 1)
            if m is None or index.types[m] not in FUNDERS:
                break
            funders.append(m)
            b = self._start_word(s, m, index)
            if b >= 2 and low[b - 1] == "and" and low[b - 2] == ",":
                b -= 2
            elif b >= 1 and low[b - 1] in (",", "and"):
                b -= 1
            else:
                break
        for f in reversed(funders):
            if f != subj:
                yield f, subj, "form:whose-investment", False

    def _portfolio(self, s: _Sentence, index: Any, prev: int | None, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"Its portfolio includes A and the Barranquilla fintech B", "Its first investments are in A, B and C",
        "X's portfolio companies include A": the possessor funds each (an unresolved "Its": the sentence before's
        subject)."""
        low = s.low
        k = w - 1
        while k >= 0 and s.doc[s.tok[k]].is_lower and s.mention(k) is None and low[k] not in ("its", "their") \
                and w - k <= 3:
            k -= 1  # "first", "portfolio" of "portfolio companies"
        if k < 0 or self._unsaid(s, 0, w):
            return
        owner, back = s.mention(k), False
        if owner is not None and low[k] not in ("its", "their"):
            e = self._end_word(s, owner, index)
            if e >= len(low) or low[e] not in ("'s", "’s", "'", "’"):
                return
        elif owner is None:
            if low[k] not in ("its", "their") or prev is None:
                return
            owner, back = prev, True
        if index.types[owner] not in FUNDERS:
            return
        if low[w] in self.w.named_owner_nouns and (back or all(s.doc[t].is_lower or s.doc[t].lower_ in ("its", "their")
                                                              for t in index.m2toks[owner])):
            return  # "Among the scheme's recipients": only a named owner (a description may stand for another scheme)
        v = w + 2 if w + 2 < len(low) and low[w + 2] == "in" else w + 1
        for r in self._recipients_at(s, index, v + 1) if v + 1 < len(low) else []:
            if r != owner:
                yield owner, r, "form:portfolio", back

    def _contributes(self, s: _Sentence, index: Any, w: int) -> Iterator[tuple[int, int, str, bool]]:
        """"A and B, a cloud provider, contribute in-kind compute worth S$30 million": on the page of a programme,
        an in-kind contribution with no recipient named is the programme's."""
        low = s.low
        ahead = low[w + 1:w + 6]
        if not any(x in ("in-kind", "worth") for x in ahead) and tuple(ahead[:2]) != ("in", "kind") \
                or "to" in low[w + 1:] or self._unsaid(s, 0, w):
            return
        b = w - 1
        if b > 0 and low[b] == ",":  # ", a Singapore-based cloud provider," after the names
            c = next((x for x in range(b - 1, max(-1, b - 10), -1) if low[x] == ","), None)
            if c is None or low[c + 1] not in self.w.articles:
                return
            b = c - 1
        funders: list[int] = []
        while b >= 0:
            m = s.mention(b)
            if m is None or index.types[m] not in FUNDERS:
                break
            funders.append(m)
            b = self._start_word(s, m, index) - 1
            if b >= 0 and low[b] in ("and", ","):
                b -= 1
            else:
                break
        for f in funders:
            if f != self.page:
                yield f, self.page, "form:contributes-in-kind", False

    def _field_line(self, s: _Sentence, index: Any, owner: int,
                    labels: tuple[tuple[str, ...], ...] | None = None) -> Iterator[tuple[int, int, str, bool]]:
        """"- Funded by: A (LKR 410 million), with a concessional loan ... from B", "In-kind support: imagery from A, and
        storage from B" on a page about a programme: each funder funds the page's programme; on a firm's page only the
        investor labels ``labels`` ("Lead investor: A", "Investors: A, B")."""
        low = s.low
        w = 0
        while w < len(low) and low[w] in self.w.openers:
            w += 1
        n = s.at(w, self.w.field_labels if labels is None else labels)
        if low[w:w + 1] == ["in-kind"] and "from" in low[w + 1:w + 5]:
            n = low.index("from", w + 1) - w  # "• In-kind compute from the X Centre" (a bullet, no label)
        elif not n or w + n >= len(low) or low[w + n] != ":":
            return
        funders = self._funders_after(s, index, w + n + 1)
        for k in range(w + n + 1, len(low)):
            if low[k] == "from" and k + 1 < len(low):
                funders += self._funders_after(s, index, k + 1)
        for f in dict.fromkeys(funders):
            if f != owner:
                yield f, owner, "form:funding-field", False

    def _hyphen_apposition(self, s: _Sentence, index: Any) -> Iterator[tuple[int, int, str, bool]]:
        """"A, a B-backed start-up," / "A is a B-funded lab": B funds A (the hyphenated funder with no name after)."""
        low = s.low
        for w in range(2, len(low) - 2):
            f = s.mention(w)
            if f is None or index.types[f] not in FUNDERS or s.mention(w - 1) == f:
                continue
            e = self._end_word(s, f, index)
            if e + 1 >= len(low) or low[e] not in HYPHENS or low[e + 1] not in self.w.passive:
                continue
            if s.mention(e + 2) is not None or (e + 3 < len(low) and s.mention(e + 3) is not None):
                continue  # "B-backed A": relation_surface's x-backed
            a = w - 1
            while a > 0 and low[a] not in self.w.articles and w - a <= 3 and s.doc[s.tok[a]].is_lower:
                a -= 1
            if low[a] not in self.w.articles or a < 2:
                continue
            if low[a - 1] == ",":
                r = s.mention(a - 2)
            elif low[a - 1] in ("is", "was", "remains"):
                r = s.mention(a - 2)
            else:
                r = None
            if r is not None and index.types[r] in RECIPIENTS:
                yield f, r, "form:hyphen-apposition", False


STANCE_DEPS = frozenset({"xcomp", "dobj", "pobj", "prep", "relcl", "acl", "nsubj", "nsubjpass", "advcl", "amod", "advmod",
                         "pcomp"})  # not "conj": "X wants to end that, and Y led its round" states the round


def funding_unsaid(tok: Any, words: FundingPublishedWords | None = None) -> bool:
    """A parsed FUNDS trigger that states no funding: under a verb or noun of seeking, hoping, expecting or talks ("is
    seeking funding from X", "in talks to invest in X", "wants to raise a round"), with a modal ("may co-invest"), a
    prospective modifier ("its planned investment in X") or a negated head ("the investment has not closed")."""
    w = words or published_words()
    node = tok
    for _ in range(5):
        if any(c.dep_ in ("aux", "amod", "neg") and c.lower_ in w.modal_words for c in node.children):
            return True
        if node is not tok and (node.lemma_.lower() in w.stance_heads or node.lower_ in w.stance_heads):
            return True
        if node.head.i == node.i or node.dep_ not in STANCE_DEPS:
            return False
        node = node.head
    return False


def _acl_investor(cands: list[Any], tok: Any, tok2m: dict[int, int]) -> list[Any]:
    """"Harborview Capital invested in X alongside Z": the parser reads "invested" as a participle of "Capital"
    ("capital invested in X"), so the name before it is the investor, never funded by Z."""
    if tok.dep_ != "acl" or tok.tag_ != "VBD" and tok.lower_ not in ("invested", "co-invested") \
            or not any(c.dep_ == "prep" and c.lower_ == "in" for c in tok.children):
        return cands
    head = tok2m.get(tok.head.i)
    return [c for c in cands if not (c.type == "FUNDS" and c.tgt == head)]


def acl_investor(cands: list[Any], tok: Any, tok2m: dict[int, int]) -> list[Any]:
    """The two parse guards of FUNDS: "Harborview Capital invested in X" read as "capital invested in X" (the name
    before the participle invests, it is not funded), and a name with its own bracketed acronym ("a grant from the
    Flemish Agency (FADI)") is no pair."""
    return _no_acronym_pair(_acl_investor(cands, tok, tok2m), tok.doc, tok2m)


def _no_acronym_pair(cands: list[Any], sd: Any, tok2m: dict[int, int]) -> list[Any]:
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for t, m in tok2m.items():
        first[m] = min(first.get(m, t), t)
        last[m] = max(last.get(m, t), t)

    def bracketed(a: int, b: int) -> bool:  # b is "(B)" right after a
        k = first.get(b, -1)
        return k >= 2 and sd[k - 1].text == "(" and last.get(a) == k - 2

    return [c for c in cands if not (c.type == "FUNDS" and (bracketed(c.src, c.tgt) or bracketed(c.tgt, c.src)))]


AGENT_PREPS = frozenset({"by", "from", "of", "with", "under", "at", "through", "via", "to", "for", "in"})


def agent_before(doc: Any, spans: list[tuple[int, int, int]], i: int) -> bool:
    """Mention ``i`` sits after a preposition ("funded by A and by a grant from B", "administered by the state
    agency A (AA) and funded by B", "a spin-out of X, backed by B"): the left name of a funder window that is no
    recipient. A bracketed acronym looks through to its name, and up to two lower-case words ("the state") are
    skipped."""
    start = next((s for j, s, _ in spans if j == i), None)
    if start is None:
        return False
    if start > 0 and doc[start - 1].text == "(":
        start = next((s for _, s, e in spans if e == start - 1), start)
    k, skipped = start - 1, 0
    while k >= 0 and (doc[k].lower_ in ("the", "a", "an") or (doc[k].is_lower and doc[k].is_alpha and skipped < 2
                                                               and doc[k].lower_ not in AGENT_PREPS)):
        skipped += doc[k].lower_ not in ("the", "a", "an")
        k -= 1
    return k >= 0 and doc[k].lower_ in AGENT_PREPS


def page_subject(text: str, mentions: Sequence[Any], owner: int | None) -> int | None:
    """The programme or institute a page is about, for its funding lines: ``context.doc_subject``'s answer, else the
    name on the title line under a label such as "FACT SHEET" whose acronym or name recurs ("Wayamba Coconut
    Intelligence Programme (WCIP), 2025-2028" ... "WCIP gives grants"). Kept to the funding forms here: the member
    lists of ``context`` read the page's subject too, and a programme page's "Selected institutes" are no members."""
    if owner is not None:
        return owner
    first = text.lstrip()
    start = len(text) - len(first)
    end = start + (first.find("\n") if "\n" in first else len(first))
    line = text[start:end].strip()
    if not (line.isupper() and len(line.split()) <= 3 and "\n" in first):
        return None
    rest = text[end:].lstrip()
    start = len(text) - len(rest)
    end = start + (rest.find("\n") if "\n" in rest else len(rest))
    i = next((k for k, m in enumerate(mentions) if m.type in PAGE_SUBJECTS and m.source != "anaphor"
              and start <= m.start < end), None)
    if i is None:
        return None
    name = mentions[i].canonical
    again = any(m.canonical == name and m.start > end and (m.text.lower() == mentions[i].text.lower()
                                                            or m.text.isupper() and len(m.text) <= 8) for m in mentions)
    return i if again else None


def settle(relations: list[Any], found: list[Any]) -> list[Any]:
    """Drop a trigger window's FUNDS that the forms here read otherwise: same funder, same sentence, another
    recipient ("X is run by A and funded by B": the window's nearest left name A is no recipient)."""
    said = {(r.source, r.sent_end) for r in found}
    return [r for r in relations if not (r.type == "FUNDS" and r.method.startswith("window:") and any(
        src == r.source and r.sent_start < end <= r.sent_end + 2 for src, end in said)
        and not any(f.source == r.source and f.target == r.target for f in found))]
