"""Lists of investors and backers (FUNDS), read from the words of a parsed sentence.

Funding news names the investors of a round as a list whose names carry descriptions the parser attaches
anywhere ("with participation from the reinsurer A, existing investor B and the angel investor C"), so a
dependency frame finds the first name at best. This reads the list from the words after a phrase:

* a lead phrase after a round noun: "raised $8m in a round led by A", "a Series B co-led by A and B";
* a with-phrase after a round noun or a verb of investing: "..., with participation from A and B",
  "A led the round alongside B", "Y invested alongside the Oslo fund Z";
* "The round included A and B", "Investors in the round include A" (a round or investor noun as subject);
* "A led X's Series A and B joined the round", "B also participated" (after a sentence about X's round);
* a backer phrase after its subject: "X is backed by A, the Oslo fund B and angel investor C",
  "X, backed by A and B, ...", "X was set up with funding from A and B".

The round's owner is the name before "'s" of the round ("X's seed round"), the name after "of"/"for"
("the seed round of X"), the subject of a verb of raising ("X raised ..."), else the owner of the round the
sentence before named (``ctx.round_owner``). A list item that describes the name before it ("B, the venture
arm of D", "C, a co-founder of E") is no investor; a hedge before the phrase ("in talks to raise a round led
by A") states no funding. Word lists: ``round_lists`` in ``data/lexicon/relations.json``.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Callable, Iterable, Mapping

from aikg.ingest.nlp.lexicon import word_sets

Emit = Callable[[Iterable[str], int, int, float, str], None]

FUNDERS = ("Institute", "Company", "Agency", "Programme", "Person")
OWNERS = ("Institute", "Company", "Programme")
ARTICLES = ("the", "a", "an")
LEAD_FORMS = ("led", "leads", "lead", "leading", "co-led", "co-leads")
TAKE_FORMS = ("took", "take", "takes", "taking", "taken")
PUT_FORMS = ("put", "puts", "putting", "injected", "injects", "pumped", "ploughed", "plowed")  # "put money into the round"
PUT_OBJECTS = ("money", "capital", "funds", "cash", "million", "billion")
FINITE_TAGS = ("VBZ", "VBD", "VBP", "MD")  # a finite verb after "and" starts a clause, not a list item
TIME_REACH = 4  # words of a time between a round and its verb: "X's Series A last spring was led by A"
BE_WORDS = ("is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "also", "now", "still", "mainly",
            "largely", "partly", "jointly", "fully", "primarily", "initially", "originally", "both")


def token_index(doc: Any, spans: list[tuple[int, int, int]], types: list[str]) -> Any:
    """What ``RoundLists.read_list`` needs, over the entity pass of a chunk (no parse)."""
    tok2m = {t: i for i, s, e in spans for t in range(s, e)}
    return SimpleNamespace(sd=doc, tok2m=tok2m, m2toks={i: range(s, e) for i, s, e in spans}, types=types)


def _phrases(words: Iterable[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(w.split()) for w in words), key=len, reverse=True))


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases by their first word, longest first (speed: one look-up per token instead of a scan)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        if p:
            out.setdefault(p[0], []).append(p)
    return {w: tuple(ps) for w, ps in out.items()}


class RoundLists:
    """The forms above over one parsed sentence (through a ``Walk``), called once per sentence."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        spec = relations.get("round_lists", {})
        words = word_sets(relations, "round_lists")
        self.lead = _phrases(words.get("lead_phrases", ()))
        self.with_ = _phrases(words.get("with_phrases", ()))
        self.backer = _phrases(words.get("backer_phrases", ()))
        self._lead_at, self._with_at, self._backer_at = (_by_first(p) for p in (self.lead, self.with_, self.backer))
        self.include = words.get("include_verbs", frozenset())
        self.include_subjects = words.get("include_subjects", frozenset())
        self.join = words.get("join_verbs", frozenset())
        self.rounds = words.get("round_words", frozenset())
        self.investor_rounds = words.get("investor_round_words", frozenset())  # "Y's investment in X": Y invests
        self.raise_verbs = words.get("raise_verbs", frozenset())
        self.invest_verbs = words.get("invest_verbs", frozenset())
        self.hedges = words.get("hedge_words", frozenset())
        self.stops = words.get("item_stops", frozenset())
        self.appos = words.get("apposition_words", frozenset())
        self.reach = int(spec.get("description_words", 5))
        self.conf = float(spec.get("confidence", 0.72))
        self._verb_words = frozenset(PUT_FORMS) | frozenset(LEAD_FORMS) | frozenset(TAKE_FORMS) | self.join  # _joined
        self._seen: Any = None

    # ------------------------------------------------------------------ entry point
    def at(self, ctx: Any, emit: Emit) -> None:
        """Called for each token of a sentence: reads the sentence once (the first call of its ``Walk``)."""
        if ctx is self._seen:
            return
        self._seen = ctx
        self.sentence(ctx, emit)

    def sentence(self, ctx: Any, emit: Emit) -> None:
        """Every list of investors in the sentence ``ctx.sd``."""
        if not self.conf or not ctx.tok2m:
            return
        sd = ctx.sd
        low = [t.lower_ for t in sd]
        has_round = any(w in self.rounds for w in low)
        hedge = next((k for k, w in enumerate(low) if w in self.hedges), len(sd))
        verbs, include, alone = self._verb_words, self.include, ctx.round_owner is not None
        lead, with_, backer = self._lead_at, self._with_at, self._backer_at
        for k in range(min(hedge + 1, len(sd))):  # none after a hedge: "in talks to raise a round led by A"
            w = low[k]  # (each form below is tried only at a token that can open it: speed)
            if has_round:
                if w in lead or w in with_:
                    self._lead_or_with(ctx, low, k, emit)
                if w in include:
                    self._round_includes(ctx, low, k, emit)
                if w in verbs:
                    self._joined(ctx, k, emit)
            elif alone and w in verbs:
                self._joined(ctx, k, emit, alone=True)  # "B and C also took part." after the round's sentence
            if w in backer:
                self._backers(ctx, low, k, emit)

    # ------------------------------------------------------------------ reading a list
    def _mention_at(self, ctx: Any, i: int) -> tuple[int, int] | None:
        """(mention, end token) when a mention starts at token ``i``."""
        m = ctx.tok2m.get(i)
        if m is None or (i > 0 and ctx.tok2m.get(i - 1) == m):
            return None
        return m, max(ctx.m2toks[m]) + 1

    def read_list(self, ctx: Any, k: int, kinds: tuple[str, ...] = FUNDERS, end: int | None = None) -> list[int]:
        """The names of a list starting at token ``k`` (up to ``end``): each after at most a few words of
        description ("the reinsurer", "angel investor", "the Oslo fund"), joined by commas and "and"; an item whose
        description holds "of" or "'s" describes the name before it and is skipped. ``ctx`` needs ``sd``,
        ``tok2m``, ``m2toks`` and ``types`` (a parse ``Walk``, or ``token_index`` for the entity pass)."""
        sd, n = ctx.sd, len(ctx.sd) if end is None else end
        out: list[int] = []
        i = k
        while i < n:
            j, appos = self._description(ctx, i, n, kinds)
            got = self._mention_at(ctx, j) if j < n else None
            if got is None:
                break
            m, i = got
            if i < n and sd[i].lower_ in ("'s", "’s"):
                break  # "..., commercialises the consortium's product": a possessor ends the list
            if not appos and ctx.types[m] in kinds:
                out.append(m)
            if i + 1 < n and sd[i].lower_ in ("of", "in") and (got := self._mention_at(ctx, i + 1)) is not None \
                    and ctx.types[got[0]] == "Cluster":
                i = got[1]  # "Vistula Vision of Toruń and the Bydgoszcz start-up Brda Robotics"
            i = self._next_item(sd, i, n)
            if i < 0:
                break
        return out

    def _description(self, ctx: Any, i: int, n: int, kinds: tuple[str, ...]) -> tuple[int, bool]:
        """Where the name of a list item starts after its description, and whether the description holds "of" or
        "'s" (the item describes the name before it)."""
        sd = ctx.sd
        j, words, appos = i, 0, False
        while j < n and words <= self.reach:
            got = self._mention_at(ctx, j)
            if got is not None and ctx.types[got[0]] == "Cluster" and "Cluster" not in kinds:
                j = got[1] + (1 if got[1] < n and sd[got[1]].lower_ in ("'s", "’s") else 0)  # "Berlin's"
                words += 1
                continue
            if got is not None:
                break
            t = sd[j]
            if t.lower_ in self.appos:
                appos = True
            elif not (t.is_lower or t.text == "-" or t.like_num) or t.lower_ in self.stops:
                if not _adjective_after_article(sd, j, i, n, self.stops):
                    break  # (but "the Japanese firm X", "the Swiss foundation X": a capitalised adjective, #14)
            j, words = j + 1, words + (0 if t.text in ("-", "–") else 1)  # "the Zugdidi-based hazelnut exporter X"
        return j, appos

    def _next_item(self, sd: Any, i: int, n: int) -> int:
        """The token after the connector that follows a listed name, or -1 when the list ends."""
        t = i
        while t < min(n, i + 2) and sd[t].is_lower and sd[t].lower_ not in self.stops and sd[t].lower_ != "and":
            t += 1  # "the Msasa Angels network and ...": a noun after the name
        if t > i and t < n and sd[t].text in (",", "and"):
            i = t
        if i < n and sd[i].text == "," and i + 1 < n and sd[i + 1].lower_ in ("and", "as"):
            i += 1
        if i < n and sd[i].lower_ == "as" and i + 2 < n and sd[i + 1].lower_ == "well" and sd[i + 2].lower_ == "as":
            return i + 3
        if i < n and sd[i].text in (",", "and"):
            i += 1
            if i < n and sd[i].lower_ in ("by", "from") and sd[i - 1].lower_ == "and":
                i += 1  # "backed by A and by B"
            elif i < n and sd[i - 1].lower_ == "and" and (sd[i].tag_ in FINITE_TAGS or sd[i].pos_ == "AUX"):
                return -1  # "backed by A and manages the B Fund": a second verb of the subject ends the list
            return i
        return -1

    @staticmethod
    def _at(low: list[str], k: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Length of the phrase starting at ``k`` (0: none)."""
        first = low[k] if k < len(low) else None
        for p in phrases:
            if p and p[0] != first:
                continue  # speed only: the first word decides most phrases without a slice
            if tuple(low[k:k + len(p)]) == p:
                return len(p)
        return 0

    # ------------------------------------------------------------------ the round's owner
    def _owner(self, ctx: Any, low: list[str], k: int) -> set[int]:
        """Who raised the round a phrase at ``k`` is about."""
        sd = ctx.sd
        for r in [*range(k - 1, -1, -1), *range(k + 1, len(sd))]:  # the round named before, else after
            if low[r] not in self.rounds:
                continue
            b = r - 1  # "X's seed round", "X's $8 million Series A"
            while b > 0 and (sd[b].is_lower or sd[b].like_num or sd[b].tag_ == "$" or sd[b].text in "-–"
                             or low[b] == "series") and low[b] not in ARTICLES and low[b] not in ("'s", "’s"):
                b -= 1
            if b > 0 and low[b] in ("'s", "’s") and low[r] not in self.investor_rounds:  # not "Y's investment in X"
                m = ctx.tok2m.get(b - 1)
                if m is not None and ctx.types[m] in OWNERS:
                    return {m}
            e = r + 1  # "the seed round of X", "a round for X"
            if e + 1 < len(sd) and (low[e] in ("of", "for") or low[e] == "in" and low[r] in self.investor_rounds):
                got = self._mention_at(ctx, e + 1) or (self._mention_at(ctx, e + 2) if low[e + 1] == "the" else None)
                if got is not None and ctx.types[got[0]] in OWNERS:
                    return {got[0]}
            break
        for v in range(k - 1, -1, -1):  # "X raised $8m in a round led by A"
            if low[v] in self.raise_verbs and sd[v].pos_ in ("VERB", "AUX"):
                subj = {m for m in ctx.mentions_of(ctx.subject_tokens(sd[v], False)) if ctx.types[m] in OWNERS}
                if subj:
                    return subj
        if ctx.round_owner is not None:
            return {ctx.round_owner}
        return set()

    def _emit(self, funders: Iterable[int], owners: set[int], emit: Emit, method: str) -> None:
        for f in funders:
            for o in sorted(owners):
                if f != o:
                    emit(["FUNDS"], f, o, self.conf, method)

    # ------------------------------------------------------------------ forms
    def _lead_or_with(self, ctx: Any, low: list[str], k: int, emit: Emit) -> None:
        """"a round led by A", "..., with participation from A and B", "alongside A"."""
        n = self._at(low, k, self._lead_at.get(low[k], ()))
        if n:
            b = k - 1
            while b >= 0 and low[b] in BE_WORDS:
                b -= 1  # "the round was led by A"
            if b < 0 or not (low[b] in self.rounds or (b > 0 and low[b - 1] == "series")
                             or self._round_subject(ctx, k)):
                return  # "a lab led by A": no round ("X's Series A last spring was led by A" is one)
        else:
            n = self._at(low, k, self._with_at.get(low[k], ()))
            if not n or not any(w in self.rounds or w in self.invest_verbs for w in low[:k]):
                return
        funders = self.read_list(ctx, k + n)
        if funders:
            self._emit(funders, self._owner(ctx, low, k), emit, "form:round-list")

    def _round_includes(self, ctx: Any, low: list[str], k: int, emit: Emit) -> None:
        """"The round included A and B", "Investors in the round include A", "Other backers include A"."""
        if low[k] not in self.include or ctx.sd[k].pos_ not in ("VERB", "AUX"):
            return
        if not any(w in self.include_subjects for w in low[:k]):
            return
        owner = self._owner(ctx, low, k)
        named = {ctx.tok2m[k0] for k0 in range(k) if k0 in ctx.tok2m}
        if named and named != owner:
            return  # the subject is the round or its investors, with no name in it but the round's owner ("X's round")
        funders = self.read_list(ctx, k + 1)
        if funders:
            self._emit(funders, owner, emit, "form:round-includes")

    def _joined(self, ctx: Any, k: int, emit: Emit, alone: bool = False) -> None:
        """"A led X's Series A and B joined the round", "B also took part in the round for X", "B also took part,
        as did the lender C" (``alone``: no round named, the one of the sentence before; no object allowed)."""
        v = ctx.sd[k]
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if v.pos_ == "VERB" and v.lower_ in PUT_FORMS:
            self._put_into(ctx, v, k, objs, emit)
            return
        if alone and (v.lower_ in LEAD_FORMS or [o for o in objs if o.lower_ != "part"]):
            return
        if v.pos_ == "VERB" and v.lower_ in LEAD_FORMS and any(self._is_round(o) for o in objs):
            pass  # "A led X's Series A"
        elif not alone and v.lower_ in LEAD_FORMS and v.dep_ == "amod" and v.head.i > v.i and self._is_round(v.head):
            pass  # "A and B co-led X's seed round", parsed as an adjective of the round
        elif v.pos_ == "VERB" and v.lower_ in TAKE_FORMS and any(o.lower_ == "part" for o in objs):
            objs = []  # "B took part (in the round)"
        elif v.lower_ not in self.join or v.pos_ != "VERB":
            return
        if objs and not any(self._is_round(o) for o in objs):
            return  # "B joined the board"
        if not objs and any(c.dep_ == "prep" and c.lower_ != "in" for c in v.children):
            return
        if any(p == "in" and not self._is_round(pobj) for n in [v, *v.children] if n.dep_ in ("ROOT", "dobj") or n is v
               for p, pobj in ctx.preps(n)):
            return  # "B also took part in a hackathon"
        low = [t.lower_ for t in ctx.sd]
        named = k - 2 if k >= 2 and low[k - 1] in ("-", "–") and low[k - 2] == "co" else k  # "A and B co-led"
        funders = self._names_before(ctx, named) or ctx.mentions_of(ctx.subject_tokens(v, False))
        low_rest = low[k + 1:]
        for a in range(len(low_rest) - 2):
            if low_rest[a:a + 3] == [",", "as", "did"]:
                funders |= set(self.read_list(ctx, k + a + 4))  # "B also took part, as did the lender C"
                break
            if low_rest[a:a + 4] == [",", "and", "so", "did"]:
                funders |= set(self.read_list(ctx, k + a + 5))  # "B joined, and so did the C Fund"
                break
        if funders:
            self._emit(sorted(funders), self._owner(ctx, low, k), emit, "form:round-joined")

    def _put_into(self, ctx: Any, v: Any, k: int, objs: list[Any], emit: Emit) -> None:
        """"Existing investor B also put money into the round", "B put $2m into X's seed round": B funds the round's
        owner (money as the object, the round after "into")."""
        if not any(o.lower_ in PUT_OBJECTS or o.like_num or any(c.tag_ == "$" or c.like_num for c in o.children)
                   for o in objs):
            return
        if not any(p == "into" and self._is_round(pobj) for p, pobj in ctx.preps(v)):
            return
        funders = self._names_before(ctx, k) or ctx.mentions_of(ctx.subject_tokens(v, False))
        funders = {f for f in funders if ctx.types[f] in FUNDERS}
        if funders:
            self._emit(sorted(funders), self._owner(ctx, [t.lower_ for t in ctx.sd], k), emit, "form:round-joined")

    @staticmethod
    def _names_before(ctx: Any, k: int) -> set[int]:
        """"A and B (also) joined": the names right before a verb, joined by "and" or commas (the parser often
        hangs them on the clause before: "A led X's Series A and B joined the round")."""
        sd = ctx.sd
        b = k - 1
        while b >= 0 and sd[b].lower_ in ("also", "too", "both", "all"):
            b -= 1
        got: set[int] = set()
        while b >= 0 and b in ctx.tok2m and ctx.types[ctx.tok2m[b]] in FUNDERS:
            m = ctx.tok2m[b]
            got.add(m)
            b = min(ctx.m2toks[m]) - 1
            if b >= 0 and sd[b].lower_ in ("the", "a", "an"):
                b -= 1
            if b >= 1 and sd[b].lower_ == "and" and sd[b - 1].text == ",":
                b -= 2
            elif b >= 0 and sd[b].lower_ == "and" or b >= 0 and sd[b].text == ",":
                b -= 1
            else:
                break
        return got

    def _round_subject(self, ctx: Any, k: int) -> bool:
        """Is the passive subject of the verb at ``k`` a round, perhaps with a time after it ("X's Series A last
        spring was led by A", "X's seed round in 2024 was led by A")?"""
        sd = ctx.sd
        if any(c.dep_ == "nsubjpass" and self._is_round(c) for c in sd[k].children):
            return True
        b = k - 1
        while b >= 0 and sd[b].lower_ in BE_WORDS:
            b -= 1
        for r in range(b, max(-1, b - TIME_REACH), -1):
            if sd[r].lower_ in self.rounds or r > 0 and sd[r - 1].lower_ == "series" and sd[r].is_upper:
                return True  # "Series A"
            if not (sd[r].is_lower and sd[r].is_alpha or sd[r].like_num) or sd[r].lower_ in self.stops - {"in"}:
                return False
        return False

    def _is_round(self, tok: Any) -> bool:
        """"the round", "its seed round", "X's Series A" (the parser often heads it on the letter)."""
        return tok.lower_ in self.rounds or any(c.lower_ in self.rounds for c in tok.children if c.dep_ == "compound")

    def _backers(self, ctx: Any, low: list[str], k: int, emit: Emit) -> None:
        """"X is backed by A, the Oslo fund B and C", "X, backed by A and B", "set up with funding from A"."""
        n = self._at(low, k, self._backer_at.get(low[k], ()))
        if not n:
            return
        funders = self.read_list(ctx, k + n)
        if len(funders) < 2:
            return  # one backer: the verb frames read it
        b = k - 1
        while b >= 0 and low[b] in BE_WORDS:
            b -= 1
        owners: set[int] = set()
        if b > 0 and low[b] == ",":
            m = ctx.tok2m.get(b - 1)  # "X, backed by A and B" (not "a spin-out of X, backed by A")
            if m is not None and not self._after_preposition(ctx, min(ctx.m2toks[m])):
                owners = {m}
        elif b >= 0 and b < k - 1 and b in ctx.tok2m:
            owners = {ctx.tok2m[b]}  # "X is backed by A and B"
        else:
            v = ctx.sd[k] if ctx.sd[k].pos_ in ("VERB", "AUX") else ctx.sd[k].head
            if v.pos_ in ("VERB", "AUX"):  # "X was set up in 2019 with funding from A and B"
                owners = ctx.mentions_of(ctx.subject_tokens(v, ctx.is_passive(v)))
        owners = {m for m in owners if ctx.types[m] in OWNERS and m not in funders}
        self._emit(funders, owners, emit, "form:backer-list")

    @staticmethod
    def _after_preposition(ctx: Any, start: int) -> bool:
        k = start - 1
        while k >= 0 and ctx.sd[k].lower_ in ARTICLES:
            k -= 1
        return k >= 0 and ctx.sd[k].pos_ == "ADP"


def _adjective_after_article(sd: Any, j: int, i: int, n: int, stops: frozenset[str]) -> bool:
    """Is token ``j`` a capitalised adjective of a description ("the Japanese firm X", "the Swiss foundation X"):
    right after an article that opens the item, with a lower-case noun after it (not "and"/"or" or a stop)?"""
    t = sd[j]
    return t.is_title and t.is_alpha and j > i and sd[j - 1].lower_ in ("the", "a", "an") and j + 1 < n \
        and sd[j + 1].is_lower and sd[j + 1].is_alpha and sd[j + 1].lower_ not in stops \
        and sd[j + 1].lower_ not in ("and", "or")
