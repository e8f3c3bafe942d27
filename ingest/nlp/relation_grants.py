"""Published forms of grants and awards (FUNDS), read from the parse.

Grant announcements, funder news and programme pages state funding with verbs of giving and receiving
and with nouns for the people who receive, in forms the verb frames of ``relations.py`` miss:

* a verb of giving with its recipient after "to", which the parser often marks as a dative, or as an
  indirect object: "Innovate UK has awarded a £2 million grant to X", "The foundation committed
  $20 million to X", "Y provided €3 million to X", "Y awarded X a £2m grant", "Y donated $10m to X";
  "provide", "commit", "contribute", "allocate" and the like need money as their object (an amount or
  a funding noun), so "Y provided software to X" states nothing;
* a funding noun whose funder is its modifier, under a verb of receiving: "X has been awarded
  $25 million in NSF grants", "X won a Wellcome Trust award";
* a verb of receiving or of funding whose programme is named after "under", "through", "via" or "from":
  "X received a grant under the Smart Manufacturing Programme", "Y funds X through its P scheme" (P funds X);
* "Joining the round are A and B" after a sentence about X's round: A and B fund X;
* a funding noun that is the subject of "come from": "Funding for X came from Y", "Its funding comes
  from Y";
* a verb of funding whose object sits "at" a name (``fund_at_verbs``): "Y will fund two doctoral fellowships at
  X", "we sponsor a laboratory at X": Y funds X;
* a recipient noun (``recipient_nouns``): "X and Y are among the recipients of grants from Z", "X is a
  recipient of the Z award", "Z's grant recipients include X and Y".

Word lists: ``grant_forms`` in ``data/lexicon/relations.json``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Mapping

from aikg.ingest.nlp.lexicon import word_sets
from aikg.ingest.nlp.relation_rounds import RoundLists

Emit = Callable[[Iterable[str], int, int, float, str], None]

MONEY_TAGS = ("$", "CD")


class GrantRules:
    """The forms above over one parsed sentence (through a ``Walk``)."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        spec = relations.get("grant_forms", {})
        words = word_sets(relations, "grant_forms")
        self.give_any = words.get("give_verbs", frozenset())  # "award", "grant", "donate": any object
        self.give_money = words.get("give_money_verbs", frozenset())  # "provide", "commit": money as object
        self.give_preps = words.get("give_money_preps", frozenset({"to"}))  # "provided €400,000 towards X"
        self.receive = words.get("receive_verbs", frozenset())
        self.funded = words.get("funded_verbs", frozenset())
        self.via_preps = words.get("via_preps", frozenset())
        self.come_verbs = words.get("come_verbs", frozenset())
        self.recipients = words.get("recipient_nouns", frozenset())
        self.select = words.get("select_verbs", frozenset())
        self.fund_at = words.get("fund_at_verbs", frozenset())  # "Y funds two fellowships at X"
        self.make_verbs = words.get("make_verbs", frozenset())  # "Y made a $3 million investment in X"
        self.made_nouns = {k: frozenset(v) for k, v in spec.get("made_nouns", {}).items()}  # noun -> its recipient preps
        self.events = frozenset(w.lower() for w in relations.get("forms", {}).get("event_nouns", ()))
        self.rounds = frozenset(relations.get("round_nouns", ()))
        self.money_words = words.get("money_words", frozenset())
        self.funding = frozenset(relations.get("funding_nouns", ())) | words.get("funding_nouns", frozenset())
        self.conf = float(spec.get("confidence", 0.7))
        self.round_lists = RoundLists(relations)  # "with participation from the reinsurer A and angel investor B"
        #: speed: the words (lemma or lower case) at which a verb or a noun rule can start
        self._verb_starts = (self.give_any | self.give_money | self.make_verbs | self.fund_at | self.select
                             | self.receive | self.funded | {"joining", "backing"})
        self._noun_starts = self.funding | self.recipients

    # ------------------------------------------------------------------ entry point
    def at(self, ctx: Any, tok: Any, lemma: str, emit: Emit) -> None:
        if not self.conf or (not self.give_any and not self.receive):
            return
        self.round_lists.at(ctx, emit)  # once per sentence (relation_rounds.py)
        pos = tok.pos_
        if pos in ("VERB", "AUX") and (lemma in self._verb_starts or tok.lower_ in self._verb_starts):
            self._fund_thing_at(ctx, tok, emit)
            self._made_investment(ctx, tok, lemma, emit)
            self._give_to(ctx, tok, lemma, emit)
            self._selected_for_funding(ctx, tok, lemma, emit)
            self._joining_round(ctx, tok, lemma, emit)
            self._via_programme(ctx, tok, lemma, emit)
        if pos in ("NOUN", "PROPN") and (lemma in self._noun_starts or tok.lower_ in self._noun_starts):
            self._named_funding(ctx, tok, lemma, emit)
            self._comes_from(ctx, tok, lemma, emit)
            self._recipient_noun(ctx, tok, lemma, emit)

    # ------------------------------------------------------------------ helpers
    def _money(self, tok: Any) -> bool:
        """An amount or a funding noun: "$20 million", "€3m", "a grant", "funding", "12 million dollars"."""
        low = tok.lemma_.lower()
        if tok.tag_ in MONEY_TAGS or low in self.funding or tok.lower_ in self.funding or low in self.money_words:
            return True
        return any(c.tag_ == "$" or c.lower_ in self.money_words for c in tok.subtree if c.i < tok.i + 4)

    def _emit(self, funders: set[int], recipients: set[int], emit: Emit, method: str) -> None:
        for f in sorted(funders):
            for r in sorted(recipients - funders):
                emit(["FUNDS"], f, r, self.conf, method)

    # ------------------------------------------------------------------ giving
    def _give_to(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"Y awarded a grant to X", "Y committed $20 million to X", "Y awarded X a grant"."""
        low = v.lower_
        anything = lemma in self.give_any or low in self.give_any
        if not anything and lemma not in self.give_money and low not in self.give_money:
            return
        passive = ctx.is_passive(v)
        objs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass" if passive else "dobj")]
        if not objs and v.dep_ == "amod" and self._money(v.head):
            objs = [v.head]  # "A and B have each invested billions in X": the parser makes the amount the head
        recipients: set[int] = set()
        for c in v.children:
            if c.dep_ == "dative":
                recipients |= ctx.mentions_of((o for o in c.children if o.dep_ == "pobj")) if c.pos_ == "ADP" \
                    else ctx.mentions(c)  # "to X" read as a dative; "awarded X a grant"
        # "provided €400,000 towards X", "committed €2m for X": with money as the object (checked below)
        preps = ("to",) if anything else self.give_preps
        recipients |= ctx.mentions_of((pobj for p, pobj in ctx.preps(v) if p in preps))
        recipients |= self._amount_to(ctx, objs, lemma)  # "contributed a $500,000 loan to X", "invested €3m in X"
        if not recipients and passive and anything and any(c.dep_ == "dobj" and self._money(c) for c in v.children):
            recipients = ctx.mentions_of(ctx.object_tokens(v, True))  # "X was awarded a €2m grant by Y"
        if not recipients:
            return
        if (objs or not anything) and not any(self._money(o) for o in objs):
            return  # "provided software to X", "awarded the contract to X": a sale, not funding
        funders = ctx.mentions_of(ctx.subject_tokens(v, passive))
        if not funders and passive:  # "X was awarded a €2m grant by Y": the parser hangs "by Y" on the grant
            funders = ctx.mentions_of(pobj for o in objs if o.dep_ == "dobj" for p, pobj in ctx.preps(o) if p == "by")
        self._emit(funders, recipients, emit, f"form:give-to-{lemma}")

    def _amount_to(self, ctx: Any, objs: list[Any], lemma: str) -> set[int]:
        """The recipient the parser hangs on the amount rather than on the verb: "contributed a $500,000 loan to X"
        ("to" under "loan"), "invested €3 million in X" ("in" under "million"; only after "invest")."""
        preps = ("to", "in", "into") if lemma in ("invest", "co-invest") else ("to",)
        return ctx.mentions_of(pobj for o in objs if self._money(o) for p, pobj in ctx.preps(o) if p in preps)

    def _made_investment(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"Y has made a $3 million investment in X", "Y announced a donation to X": the subject of a verb of making
        gives what its object noun names to the name after the noun's preposition (the noun frame of "investment"
        reads its holder as the recipient: "X received an investment")."""
        if (lemma not in self.make_verbs and v.lower_ not in self.make_verbs) or ctx.is_passive(v):
            return
        for o in v.children:
            preps = self.made_nouns.get(o.lemma_.lower()) or self.made_nouns.get(o.lower_)
            if o.dep_ != "dobj" or not preps or o.i in ctx.tok2m:
                continue
            recipients = ctx.mentions_of(pobj for node in (o, v) for p, pobj in ctx.preps(node) if p in preps)
            self._emit(ctx.mentions_of(ctx.subject_tokens(v, False)), recipients, emit, "form:made-investment")

    def _fund_thing_at(self, ctx: Any, v: Any, emit: Emit) -> None:
        """"Y will fund two doctoral fellowships at X", "we sponsor a robotics laboratory at X", "Y endowed a chair at
        X": what is funded sits at X, so Y funds X (not "Y funds research on X": only "at")."""
        if v.lower_ not in self.fund_at or ctx.is_passive(v):
            return
        objs = [o for o in v.children if o.dep_ == "dobj" and o.i not in ctx.tok2m]
        if not objs or any(o.lemma_.lower() in self.events or o.lower_ in self.events for o in objs):
            return  # "sponsors a hackathon at X": an event at a venue funds no organisation
        places = [pobj for node in [v, *objs] for p, pobj in ctx.preps(node) if p == "at"]
        if places:
            self._emit(ctx.mentions_of(ctx.subject_tokens(v, False)), ctx.mentions_of(places), emit, "form:fund-at")

    def _selected_for_funding(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"X was selected for funding by Y", "X was chosen for a grant from Y": Y funds X (no membership)."""
        if (lemma not in self.select and v.lower_ not in self.select) or not ctx.is_passive(v):
            return
        nouns = [pobj for p, pobj in ctx.preps(v) if p == "for" and (pobj.lemma_.lower() in self.funding
                                                                     or pobj.lower_ in self.funding)]
        if not nouns:
            return
        funders = ctx.mentions_of(ctx.subject_tokens(v, True))
        for n in nouns:
            for p, pobj in ctx.preps(n):
                if p in ("from", "by"):
                    funders |= ctx.mentions(pobj)
            funders |= {ctx.tok2m[c.i] for c in n.children if c.dep_ in ("compound", "poss") and c.i in ctx.tok2m}
        self._emit(funders, ctx.mentions_of(ctx.object_tokens(v, True)), emit, "form:selected-for-funding")

    def _joining_round(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"Joining the round are A and B" (fronted, after a sentence about the round): A and B fund its owner."""
        if v.lower_ not in ("joining", "backing") or v.dep_ != "ROOT":
            return
        rounds = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in self.rounds]
        be = [c for c in v.children if c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "be"]
        if not rounds or not be:
            return
        named = [a for b in be for a in b.children if a.dep_ in ("attr", "nsubj")]
        named += [a for a in v.children if a.dep_ in ("attr", "nsubj")]
        named += [cc for a in named for c in a.children if c.dep_ == "appos" for cc in c.conjuncts]  # "A, the X fund, and B"
        funders = ctx.mentions_of(named)
        owners = ctx.modifier_mentions(rounds[0]) | set().union(
            *(ctx.mentions(pobj) for p, pobj in ctx.preps(rounds[0]) if p in ("of", "for")))
        if not owners and getattr(ctx, "round_owner", None) is not None:
            owners = {ctx.round_owner}  # "the round": the one the sentence before named
        self._emit(funders, owners, emit, "form:joining-round")

    def _via_programme(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"X received a grant under the P programme", "X is funded through P": the programme funds X."""
        passive = ctx.is_passive(v)
        if lemma in self.receive or v.lower_ in self.receive:
            recipients = ctx.mentions_of(ctx.subject_tokens(v, False))
        elif passive and (lemma in self.funded or v.lower_ in self.funded or lemma in self.give_any):
            recipients = ctx.mentions_of(ctx.object_tokens(v, True))
        elif lemma in self.funded or v.lower_ in self.funded:  # "Y funds X through its P programme"
            recipients = ctx.mentions_of((c for c in v.children if c.dep_ == "dobj"))
        else:
            return
        nodes = [v] + [c for c in v.children if c.dep_ == "dobj" and self._money(c)]
        programmes: set[int] = set()
        for node in nodes:
            for p, pobj in ctx.preps(node):
                if p in self.via_preps:
                    programmes |= {m for m in ctx.mentions(pobj) if ctx.types and ctx.types[m] == "Programme"}
        self._emit(programmes, recipients, emit, "form:via-programme")
        if programmes and (lemma in self.receive or v.lower_ in self.receive):
            givers = {m for node in nodes[1:] for p, pobj in ctx.preps(node) if p == "from" for m in ctx.mentions(pobj)}
            self._emit(givers - programmes, recipients, emit, "form:grant-from")  # "a grant from A (ACR) under its P"

    # ------------------------------------------------------------------ funding nouns
    def _receiver_above(self, ctx: Any, n: Any) -> set[int]:
        """The recipient of the verb of receiving this funding noun is the object of (through "$25m in"),
        or the passive subject of "awarded"/"granted"."""
        node = n
        for _ in range(4):
            if node.head.i == node.i:
                return set()
            if node.dep_ not in ("dobj", "pobj", "prep", "npadvmod", "nsubjpass", "attr", "appos", "compound", "nmod",
                                 "nummod", "quantmod"):
                return set()
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                low = node.lemma_.lower()
                if low in self.receive or node.lower_ in self.receive:
                    return ctx.mentions_of(ctx.subject_tokens(node, False))
                if ctx.is_passive(node) and (low in self.give_any or node.lower_ in self.give_any):
                    return ctx.mentions_of(ctx.object_tokens(node, True))
                return set()
        return set()

    def _named_funding(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"X has been awarded $25 million in NSF grants", "X won a Wellcome Trust award"."""
        if lemma not in self.funding and n.lower_ not in self.funding or n.i in ctx.tok2m:
            return
        funders: set[int] = set()
        for c in n.children:
            if c.dep_ in ("compound", "nmod", "poss") and c.i in ctx.tok2m and c.lower_ not in ("its", "their"):
                funders |= ctx.mentions(c)
        if not funders:
            return
        self._emit(funders, self._receiver_above(ctx, n), emit, "form:named-funding")

    def _comes_from(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"Funding for X came from Y", "Its funding comes from Y"."""
        if lemma not in self.funding and n.lower_ not in self.funding or n.dep_ != "nsubj":
            return
        v = n.head
        if v.lemma_.lower() not in self.come_verbs and v.lower_ not in self.come_verbs:
            return
        funders = set().union(*(ctx.mentions(pobj) for p, pobj in ctx.preps(v) if p == "from"))
        recipients = set().union(*(ctx.mentions(pobj) for p, pobj in ctx.preps(n) if p in ("for", "to")))
        for c in n.children:
            if c.dep_ == "poss":
                recipients |= ctx.mentions(c)
        self._emit(funders, recipients, emit, "form:comes-from")

    def _recipient_noun(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"X and Y are among the recipients of grants from Z", "X is a recipient of the Z award",
        "Z's grant recipients include X and Y", "NSF grant recipients include X"."""
        if lemma not in self.recipients and n.lower_ not in self.recipients:
            return
        funders = self._funders_of(ctx, n)
        if not funders:
            return
        held: set[int] = set()
        if n.dep_ == "pobj" and n.head.lower_ == "among" and n.head.head.pos_ in ("VERB", "AUX"):
            v = n.head.head
            # "Among its recipients are A and B": the copula's named attribute is the subject moved after it
            moved = set().union(*(ctx.mentions(c) for c in v.children if c.dep_ == "attr")) \
                if v.lemma_.lower() == "be" else set()
            held = moved or ctx.mentions_of(ctx.subject_tokens(v, False))
            if moved:  # "Among the scheme's recipients are A": a description may stand for another scheme
                said = set().union(*(_scheme_said_before(ctx, c) for c in n.children if c.dep_ == "poss"))
                funders = {f for f in funders if f in said or not all(ctx.sd[t].is_lower for t in ctx.m2toks.get(f, ()))}
        elif n.dep_ in ("nsubj", "nsubjpass") and n.head.lemma_.lower() in ("include", "be", "comprise"):
            for c in n.head.children:
                if c.dep_ in ("dobj", "attr", "oprd"):
                    held |= ctx.mentions(c)
        else:
            held = ctx.holder(n)
        self._emit(funders, held - funders, emit, "form:recipient")

    def _funders_of(self, ctx: Any, n: Any) -> set[int]:
        """Who gives what the recipient noun receives: "Z's recipients", "Z grant recipients",
        "recipients of Z funding", "recipients of grants from Z", "recipients of the Z award"."""
        got: set[int] = set()
        nodes = [n]
        for c in n.children:
            if c.dep_ in ("compound", "nmod") and c.i not in ctx.tok2m and (c.lemma_.lower() in self.funding):
                nodes.append(c)  # "NSF grant recipients": the funder modifies "grant"
        for p, pobj in ctx.preps(n):
            if p == "of":
                if pobj.i in ctx.tok2m:
                    got |= {m for m in ctx.mentions(pobj) if ctx.types and ctx.types[m] == "Programme"}
                elif pobj.lemma_.lower() in self.funding or pobj.lower_ in self.funding:
                    nodes.append(pobj)
        for node in nodes:
            for c in node.children:
                if c.dep_ in ("poss", "compound", "nmod") and c.i in ctx.tok2m and c.lower_ not in ("its", "their"):
                    got |= ctx.mentions(c)
                elif c.dep_ == "poss" and node is n and c.i in ctx.tok2m:
                    got |= _scheme_said_before(ctx, c)
            if node is not n:
                for p, pobj in ctx.preps(node):
                    if p in ("from", "by"):
                        got |= ctx.mentions(pobj)
        return got


def _scheme_said_before(ctx: Any, pronoun: Any) -> set[int]:
    """"The P scheme paid for 14 projects; among its recipients are A and B": "its" stands for a programme only when
    the sentence named one as the subject of a clause before it (a pronoun reaching back across sentences may stand
    for another scheme, so it gives nothing)."""
    said = [m for m in ctx.mentions(pronoun) if ctx.types and ctx.types[m] == "Programme"]
    if not said:
        return set()
    earlier = {ctx.tok2m[t.i] for t in pronoun.sent if t.i < pronoun.i and t.dep_ in ("nsubj", "nsubjpass")
               and t.i in ctx.tok2m and ctx.types[ctx.tok2m[t.i]] == "Programme"}
    return set(said) if earlier else set()
