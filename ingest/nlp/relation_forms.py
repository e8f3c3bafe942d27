"""General published forms of funding, membership and partnership, read from the parse.

Each rule is written for a form, not a sentence (issue #14: rules fitted to the development
documents' wording did not carry over to new text):

* a group noun as the subject of "include"/"be" with its owner in a possessive or an "of/in"
  phrase: "Investors in X include A and B", "The founding members of X are A, B and C",
  "X's research partners include A" (the group noun gives the relation type);
* a group noun as the object of "have" with an "including"/"such as" list:
  "X has 12 member institutions, including A and B";
* a collective that gathers its members: "X brings together A, B and C", "X unites A and B",
  "X is a consortium of A, B and C", "a network of A and B";
* co-investors: "Y invested in X alongside Z", "Y's investment in X was made together with Z";
* "a portfolio company of Y";
* a joint creation: "A and B open a joint lab", "A and B formed a joint venture";
* an agreement noun with "with" under a signing verb: "A signed a memorandum of understanding with B";
* statements that deny or end a tie give nothing: "did not invest", "is not a member of",
  "a former partner of", "ended its partnership with" (``negated``).

Every word list is data (``forms`` in ``data/lexicon/relations.json``).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from aikg.ingest.nlp.relation_grants import GrantRules
from aikg.ingest.nlp.relation_membership_forms import MembershipForms

Emit = Callable[[Iterable[str], int, int, float, str], None]

#: forms that decide the relation type of their pair over the verb and noun frames of the same trigger
DECIDING = frozenset({"form:part-of-collective", "form:selected-for-funding", "form:belong-to"})
#: the verb frames of "Y includes / comprises A and B" (MEMBER_OF only when Y is a collective or a programme)
INCLUDE_METHODS = frozenset({"dep:include", "dep:comprise", "dep:consist"})  # "X consists of A and B" too


#: verbs that end a membership stated in the same clause ("was a founding member but left the consortium")
_LEFT = frozenset({"leave", "left", "quit", "withdraw", "withdrew", "exit", "exited", "resign", "resigned"})


class FormRules:
    """The form rules over one parsed sentence (through a ``Walk``) and the negation check."""

    def __init__(self, relations: dict[str, Any]) -> None:
        spec = relations.get("forms", {})
        words = {k: frozenset(v) for k, v in spec.items() if not k.startswith("_") and isinstance(v, list)}
        self.groups: dict[str, dict[str, str]] = dict(relations.get("group_nouns", {}))
        self.group_aliases: dict[str, str] = dict(spec.get("group_aliases", {}))
        self.subject_verbs = words.get("group_subject_verbs", frozenset())
        self.have_verbs = words.get("group_have_verbs", frozenset())
        self.collectives = words.get("collective_nouns", frozenset())
        self.gather_verbs: dict[str, str] = dict(spec.get("gather_verbs", {}))
        self.co_funder_preps = words.get("co_funder_preps", frozenset())
        self.fund_verbs = words.get("fund_verbs", frozenset())
        self.round_verbs = words.get("round_verbs", frozenset())  # funding only with a round as object
        self.fund_nouns = words.get("fund_nouns", frozenset())
        self.portfolio_words = words.get("portfolio_words", frozenset())
        self.via_funding = frozenset(relations.get("funding_nouns", ())) | words.get("series_nouns", frozenset())
        self.portfolio_heads = words.get("portfolio_heads", frozenset())
        self.joint_nouns = words.get("joint_nouns", frozenset())
        self.joint_words = words.get("joint_words", frozenset())
        self.agreement_nouns = words.get("agreement_nouns", frozenset())
        self.agreement_verbs = words.get("agreement_verbs", frozenset())
        self.end_verbs = frozenset(f for w in words.get("end_verbs", ()) for f in _inflect(w))
        self.round_nouns = frozenset(relations.get("round_nouns", ()))
        self.round_lead_verbs = words.get("round_lead_verbs", frozenset())
        self.raise_verbs = words.get("raise_verbs", frozenset())
        self.pay_verbs = words.get("pay_verbs", frozenset())
        self.negations = words.get("negation_words", frozenset())
        self.former = words.get("former_words", frozenset())
        self.conf = float(spec.get("confidence", 0.7))
        self.join_verbs = words.get("join_verbs", frozenset())
        self.owner_cues = words.get("owner_cues", frozenset())
        self.owner_nouns = {k: frozenset(v) for k, v in spec.get("owner_nouns", {}).items()}
        self.cohorts = frozenset(relations.get("cohort_nouns", ()))
        self.grants = GrantRules(relations)  # "awarded a grant to X", "recipients of grants from Z" (relation_grants.py)
        self.membership = MembershipForms(relations)  # "selected to join P", "part of the Y Network"
        self.collective_heads = self.membership.collective_heads
        self.fund_or_via = self.fund_nouns | self.via_funding  # built once, not at every noun
        #: speed: the lemmas at which a noun rule (other than a "have" object) or a verb rule can start
        self._noun_starts = (self.cohorts | self.groups.keys() | self.group_aliases.keys() | self.collectives
                             | self.portfolio_heads | self.joint_nouns | self.fund_or_via | {"member"})
        self._verb_starts = (self.gather_verbs.keys() | self.round_lead_verbs | self.join_verbs
                             | self.agreement_verbs)
        #: the organisation the page is about (set per sentence by the caller): "X is also a member",
        #: "Investors include A and B", "The accelerator's cohort includes A" name no owner of their own
        self.owner: int | None = None

    # ------------------------------------------------------------------ entry point
    def at(self, ctx: Any, tok: Any, emit: Emit) -> None:
        """Every form rule that starts at this token."""
        lemma = self._lemma(tok)
        pos = tok.pos_
        if pos in ("NOUN", "PROPN") and (lemma in self._noun_starts or tok.dep_ == "dobj"):
            self._group_subject(ctx, tok, lemma, emit)
            self._group_object(ctx, tok, lemma, emit)
            self._collective_of(ctx, tok, lemma, emit)
            self._portfolio(ctx, tok, lemma, emit)
            self._joint(ctx, tok, lemma, emit)
            self._member_alone(ctx, tok, lemma, emit)
            self._cohort_of(ctx, tok, lemma, emit)
            self._funding_series(ctx, tok, lemma, emit)
            self._with_as_partner(ctx, tok, lemma, emit)
        if pos in ("VERB", "AUX") and (lemma in self._verb_starts or tok.lower_ in self.pay_verbs):
            self._gather(ctx, tok, lemma, emit)
            self._round_lead(ctx, tok, lemma, emit)
            self._paid_for(ctx, tok, emit)
            self._joined_alone(ctx, tok, lemma, emit)
            self._agreement(ctx, tok, lemma, emit)
        if pos == "ADP" or tok.lower_ in self.co_funder_preps:
            self._co_funders(ctx, tok, emit)
        self.grants.at(ctx, tok, lemma, emit)
        self.membership.at(ctx, tok, lemma, emit, self.owner)  # the page's group for "A and B are founding members"

    @staticmethod
    def _lemma(tok: Any) -> str:
        low = tok.lemma_.lower()
        if tok.tag_ in ("NNS", "NNPS") and low == tok.lower_ and low.endswith("s") and not low.endswith("ss"):
            return low[:-1]  # "backers", "signatories" -> a plural the light lemmatiser keeps
        return low

    def _group(self, lemma: str) -> dict[str, str] | None:
        if lemma in self.cohorts:
            lemma = "member"  # "the accelerator's current cohort includes A and B"
        return self.groups.get(self.group_aliases.get(lemma, lemma))

    def _page_owner(self, ctx: Any, noun: Any) -> set[int]:
        """The page's organisation for a group noun said of no named owner: "Members include A",
        "The accelerator's cohort includes A" (a definite description, not a name)."""
        if self.owner is None or not ctx.types:
            return set()
        kinds = self.owner_nouns.get(ctx.types[self.owner], frozenset())
        said = [c for c in noun.children if c.dep_ == "poss"]
        said += [pobj for p, pobj in ctx.preps(noun) if p in ("of", "in", "at", "for")]
        for c in said:  # "the accelerator's cohort" on the accelerator's page; not "Google's partners",
            if c.lower_ in ("its", "their"):  # nor "members of the alliance" on a company's page
                continue
            if c.pos_ != "NOUN" or self._lemma(c) not in kinds or not any(d.lower_ in ("the", "this") for d in c.children):
                return set()
        return {self.owner}

    def _emit_group(self, spec: dict[str, str], owners: set[int], members: set[int], emit: Emit, method: str) -> None:
        for o in sorted(owners):
            for m in sorted(members - {o}):
                if spec["member"] == "src":
                    emit([spec["rel"]], m, o, self.conf, method)
                else:
                    emit([spec["rel"]], o, m, self.conf, method)

    @staticmethod
    def _owners(ctx: Any, noun: Any) -> set[int]:
        """Whose group: "X's partners", "members of X", "investors in X", "the X members"."""
        got: set[int] = set()
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and c.i in ctx.tok2m):
                got |= ctx.mentions(c)
        for p, pobj in ctx.preps(noun):
            if p in ("of", "in", "at", "for", "to", "behind"):
                got |= ctx.mentions(pobj)
        return got

    @staticmethod
    def _listed(ctx: Any, head: Any, skip: Any = None) -> set[int]:
        """Names listed under a word: objects, attributes, appositions, "including"/"such as" lists."""
        got: set[int] = set()
        for c in head.children:
            if c is skip:
                continue
            if c.dep_ in ("dobj", "attr", "appos", "oprd"):
                got |= ctx.mentions(c)
            elif c.dep_ == "prep" and (c.lower_ in ("including", "like") or c.lower_ == "as" and any(
                    x.lower_ == "such" for x in c.children)):
                for _, pobj in ctx.preps_of_prep(c):
                    got |= ctx.mentions(pobj)
        return got

    # ------------------------------------------------------------------ membership and groups
    def _group_subject(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"Investors in X include A and B", "The founding members of X are A, B and C"."""
        spec = self._group(lemma)
        if spec is None or n.dep_ not in ("nsubj", "nsubjpass") or n.head.lemma_.lower() not in self.subject_verbs:
            return
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in n.children) or n.i > n.head.i:
            return  # "Vector partners with X, and its sponsors include Y": a verb read as a noun
        owners = self._owners(ctx, n)
        members = self._listed(ctx, n.head) - owners
        if members and not owners:
            owners = self._page_owner(ctx, n) - members
        if owners and members:
            self._emit_group(spec, owners, members, emit, f"form:group-subject-{lemma}")

    def _cohort_of(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"X is in the current cohort of P", "X was accepted into the next cohort of P", "five companies from
        the 2024 cohort of P, including A and B", "X joined the cohort of P": members of the programme P."""
        if lemma not in self.cohorts:
            return
        programmes = set().union(*(ctx.mentions(pobj) for p, pobj in ctx.preps(n) if p == "of"))
        if not programmes:
            return
        head = n.head
        members: set[int] = set()
        if n.dep_ == "pobj" and head.dep_ == "prep":
            above = head.head
            if above.pos_ in ("VERB", "AUX") and (head.lower_ not in ("in", "into", "to", "for", "with")
                                                 or any(c.dep_ == "dobj" for c in above.children)):
                return  # "hired engineers from (recruited mentors for) the cohort of P": no member (#14)
            if above.pos_ in ("VERB", "AUX"):
                passive = ctx.is_passive(above)
                subj = ctx.object_tokens(above, True) if passive else ctx.subject_tokens(above, False)
                members = set().union(*(ctx.mentions(x) for x in subj))
            elif above.pos_ in ("NOUN", "PROPN", "NUM"):
                members = self._listed(ctx, above) | (ctx.mentions(above) if above.i in ctx.tok2m else set()) \
                    or ctx.holder(above)
                for p, pobj in ctx.preps(n):  # "companies from the cohort of P, including A and B": the list
                    if p == "of" and not members:  # often hangs on P's name
                        members = self._listed(ctx, pobj)
        elif n.dep_ == "dobj" and head.lemma_.lower() in self.join_verbs:
            members = set().union(*(ctx.mentions(x) for x in ctx.subject_tokens(head, False)))
        for m in sorted(members - programmes):
            for p in sorted(programmes):
                emit(["MEMBER_OF"], m, p, self.conf, "form:cohort-of")

    def _member_alone(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"The Linux Foundation is also a member.": a member of the page's organisation."""
        if lemma != "member" or n.dep_ not in ("attr", "appos", "oprd") or self.owner is None:
            return
        if any(c.dep_ in ("poss", "compound", "nmod") or c.dep_ == "prep" and c.lower_ != "since" for c in n.children):
            return  # "a member of X", "a board member": said of something else ("a member since 2022" is the page's)
        if any(c.dep_ == "conj" and (c.lemma_.lower() in _LEFT or c.lower_ in _LEFT) for c in n.head.children):
            return  # "X was a founding member but left the consortium in 2025" (#14)
        verb = n.head.head if n.dep_ == "appos" else None
        if verb is not None and verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in _LEFT or verb.lower_ in _LEFT):
            return  # "Kutch Data Works, a founding member, left the consortium in 2024": a former member
        for h in sorted(ctx.holder(n) - {self.owner}):
            emit(["MEMBER_OF"], h, self.owner, self.conf - 0.05, "form:member-of-page")

    def _joined_alone(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"Hugging Face and Stability AI joined at the launch": members of the page's organisation."""
        if lemma not in self.join_verbs or self.owner is None or ctx.is_passive(v):
            return
        if ctx.round_owner is not None:
            return  # "Altyn Dala led the seed round. Esil Ventures and Registan Capital joined": the round
        if any(c.dep_ in ("dobj", "attr", "xcomp", "ccomp") for c in v.children):
            return
        if any(ctx.mentions(pobj) for p, pobj in ctx.preps(v)):
            return  # "joined forces with X", "joined in 2024 with X"
        subjects = set().union(*(ctx.mentions(x) for x in ctx.subject_tokens(v, False)))
        for did in (c for c in v.children if c.dep_ == "advcl" and c.lower_ == "did"):  # ", as did Red Hat"
            if any(x.lower_ == "as" for x in did.children):
                subjects |= set().union(*(ctx.mentions(x) for x in did.children if x.dep_ == "nsubj"))
        for s in sorted(subjects - {self.owner}):
            emit(["MEMBER_OF"], s, self.owner, self.conf - 0.05, "form:joined-page")

    def _group_object(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"X has 12 member institutions, including A and B", "X counts 40 members, among them A"."""
        if n.dep_ != "dobj" or n.head.lemma_.lower() not in self.have_verbs:
            return  # speed: checked before the modifiers are read (the same outcome)
        spec = self._group(lemma)
        if spec is None and any(c.dep_ in ("compound", "amod", "nmod") and self._group(self._lemma(c)) is not None
                                and self._group(self._lemma(c))["rel"] == "MEMBER_OF" for c in n.children):
            spec = self.groups.get("member")  # "member institutions", "member companies"
        if spec is None:
            return
        owners = set().union(*(ctx.mentions(s) for s in ctx.subject_tokens(n.head, False)))
        members = (self._listed(ctx, n) | self._listed(ctx, n.head, skip=n)) - owners
        if owners and members:
            self._emit_group(spec, owners, members, emit, f"form:group-object-{lemma}")

    def _gather(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"X brings together A, B and C", "X unites A and B": the gathered are members of X."""
        particle = self.gather_verbs.get(lemma)
        if particle is None:
            return
        if particle and not any(c.lower_ == particle for c in v.children):
            return
        if ctx.is_passive(v):
            return
        owners = set().union(*(ctx.mentions(s) for s in ctx.subject_tokens(v, False)))
        members: set[int] = set()
        for c in v.children:
            if c.dep_ in ("dobj", "attr"):
                members |= ctx.mentions(c)
        if owners and members:
            self._emit_group(self.groups["member"], owners, members - owners, emit, f"form:gather-{lemma}")

    def _collective_of(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"X is a consortium of A, B and C", "X, a network of A and B,": members of X."""
        if lemma not in self.collectives or n.dep_ not in ("attr", "appos") or n.i in ctx.tok2m:
            return
        members: set[int] = set()
        for p, pobj in ctx.preps(n):
            if p == "of":
                members |= ctx.mentions(pobj)
        holders = ctx.holder(n) - members
        if len(members) >= 1 and holders:
            self._emit_group(self.groups["member"], holders, members, emit, f"form:collective-of-{lemma}")

    # ------------------------------------------------------------------ funding
    def _co_funders(self, ctx: Any, prep: Any, emit: Emit) -> None:
        """"Y invested in X alongside Z", "Y's investment in X was made together with Z": Z funds X too."""
        low = prep.lower_
        if low == "with" and prep.head.lower_ in ("together", "along"):
            pass
        elif low not in self.co_funder_preps:
            return
        partners: set[int] = set()
        for _, pobj in ctx.preps_of_prep(prep):
            partners |= ctx.mentions(pobj)
        if not partners:
            return
        recipients, funders = self._funded_above(ctx, prep)
        for z in sorted(partners | funders):
            for x in sorted(recipients - partners - {z}):
                emit(["FUNDS"], z, x, self.conf, "form:co-funder")

    def _funded_above(self, ctx: Any, tok: Any) -> tuple[set[int], set[int]]:
        """The recipient (and the named funder) of the funding verb or noun this phrase hangs under."""
        node = tok
        for _ in range(5):
            if node.head.i == node.i:
                break
            node = node.head
            low = node.lemma_.lower()
            if node.pos_ in ("VERB", "AUX") and low in self.fund_verbs:
                if any(c.dep_ == "dobj" and c.i not in ctx.tok2m and c.lemma_.lower() not in self.fund_nouns
                       for c in node.children) and low in self.round_verbs:
                    break  # "A will join X's board alongside B", "led the lab alongside B": no funding (#14)
                got = self._recipients(ctx, node, verb=True)
                # "X invested in Y alongside Z": the subject, also where the parser read "invested" as a participle
                subj = [c for c in node.children if c.dep_ == "nsubj"] or ([node.head] if node.dep_ == "acl" else [])
                return got, set().union(*(ctx.mentions(s) for s in subj)) - got
            if node.pos_ in ("NOUN", "PROPN") and low in self.fund_nouns and node.i not in ctx.tok2m:
                return self._recipients(ctx, node, verb=False), set()
            if node.pos_ in ("VERB", "AUX"):
                for s in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
                    if s.lemma_.lower() in self.fund_nouns:
                        return self._recipients(ctx, s, verb=False), set()
        return set(), set()

    def _paid_for(self, ctx: Any, v: Any, emit: Emit) -> None:
        """"The programme is paid for by X", "X paid for the lab" (not "X paid Y for software": a purchase)."""
        if v.lower_ not in self.pay_verbs or not any(c.dep_ in ("prep", "prt") and c.lower_ == "for" for c in v.children):
            return
        if ctx.is_passive(v):
            funders = set().union(*(ctx.mentions(a) for a in ctx.subject_tokens(v, True)))
            funded = set().union(*(ctx.mentions(o) for o in ctx.object_tokens(v, True)))
        elif any(c.dep_ == "dobj" for c in v.children):
            return
        else:
            funders = set().union(*(ctx.mentions(s) for s in ctx.subject_tokens(v, False)))
            funded = set().union(*(ctx.mentions(pobj) for p, pobj in ctx.preps(v) if p == "for"))
        for f in sorted(funders):
            for r in sorted(funded - funders):
                emit(["FUNDS"], f, r, self.conf, "form:paid-for")

    def series_head(self, ctx: Any, n: Any) -> Any:
        """The first funding noun of a series the parser hung on its funder: in "funded by a commitment from A,
        a grant from B and support from C" it reads "a grant" as an apposition to A (and "support" as its
        conjunct). Returns the first noun ("commitment"), or None when ``n`` is no such follower."""
        node = n
        for _ in range(6):
            if node.dep_ != "conj" or node.head.i == node.i:
                break
            node = node.head
        if node.dep_ != "appos" or node.head.i not in ctx.tok2m:
            return None
        funder = node.head
        prep = funder.head
        if funder.dep_ != "pobj" or prep.lower_ != "from" or prep.head.lemma_.lower() not in self.fund_or_via:
            return None
        return prep.head

    def _funding_series(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"X is funded by a commitment from A, a grant from B and support from C": B and C fund X too."""
        if lemma not in self.fund_or_via:
            return
        first = self.series_head(ctx, n)
        if first is None:
            return
        funders = set().union(*(ctx.mentions(pobj) for p, pobj in ctx.preps(n) if p in ("from", "by")))
        recipients: set[int] = set()
        prep = first.head
        if first.dep_ == "pobj" and prep.dep_ == "agent" and prep.head.pos_ in ("VERB", "AUX"):
            recipients = set().union(*(ctx.mentions(o) for o in ctx.object_tokens(prep.head, True)))
        elif first.dep_ == "pobj" and prep.lower_ == "with" and prep.head.pos_ in ("VERB", "AUX"):
            recipients = ctx.with_holder(prep.head)
        for f in sorted(funders):
            for r in sorted(recipients - funders):
                emit(["FUNDS"], f, r, self.conf, "form:funding-series")

    def _round_lead(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"X closed a Series B co-led by A and B", "a $9 million raise led by A": the leaders fund X."""
        if lemma not in self.round_lead_verbs or not ctx.is_passive(v):
            return
        funders = set().union(*(ctx.mentions(a) for a in ctx.subject_tokens(v, True)))
        if not funders:
            return
        node, recipients = v, set()
        for _ in range(3):
            if node.head.i == node.i:
                break
            node = node.head
            low = node.lemma_.lower()
            if node.pos_ in ("VERB", "AUX") and (low in self.raise_verbs or node.lower_ in self.raise_verbs):
                recipients = set().union(*(ctx.mentions(c) for c in node.children if c.dep_ == "nsubj"))
                break
            if node.pos_ in ("NOUN", "PROPN") and (low in self.round_nouns or any(
                    c.dep_ == "compound" and c.lemma_.lower() in self.round_nouns for c in node.children)):
                recipients = ctx.modifier_mentions(node) or self._raised_by(ctx, node)
                break
            if node.pos_ == "NOUN" and not node.like_num and not any(c.dep_ == "nummod" for c in node.children):
                break  # "joined a pilot study led by Y": the leader leads the study, not a round
        for f in sorted(funders):
            for r in sorted(recipients - funders):
                emit(["FUNDS"], f, r, self.conf, "form:round-lead")

    def _raised_by(self, ctx: Any, noun: Any) -> set[int]:
        """"X raised / closed a round": the subject of the verb the round is the object (or phrase) of."""
        h = noun.head.head if noun.dep_ == "pobj" else noun.head
        if h.pos_ in ("VERB", "AUX") and (h.lemma_.lower() in self.raise_verbs or h.lower_ in self.raise_verbs):
            return set().union(*(ctx.mentions(c) for c in h.children if c.dep_ == "nsubj"))
        return set()

    @staticmethod
    def _recipients(ctx: Any, node: Any, verb: bool) -> set[int]:
        got: set[int] = set()
        for p, pobj in ctx.preps(node):
            if p in ("in", "into", "for", "to"):
                got |= ctx.mentions(pobj)
        if verb and not got:
            for c in node.children:
                if c.dep_ == "dobj":
                    got |= ctx.mentions(c)
        return got

    def _portfolio(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"X is a portfolio company of Y", "X, one of Y's portfolio companies"."""
        if lemma not in self.portfolio_heads or not any(c.lower_ in self.portfolio_words for c in n.children):
            return
        funders = set()
        for c in n.children:
            if c.dep_ == "poss":
                funders |= ctx.mentions(c)
        for p, pobj in ctx.preps(n):
            if p == "of":
                funders |= ctx.mentions(pobj)
        held = ctx.holder(n) - funders
        for f in sorted(funders):
            for h in sorted(held):
                emit(["FUNDS"], f, h, self.conf, "form:portfolio-company")

    # ------------------------------------------------------------------ partnership
    def _joint(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"A and B open a joint lab", "A and B formed a joint venture": the creators work together."""
        if lemma not in self.joint_nouns or not any(c.lower_ in self.joint_words for c in n.children):
            return
        if n.dep_ != "dobj" or n.head.pos_ not in ("VERB", "AUX"):
            return
        v = n.head
        side = set().union(*(ctx.mentions(s) for s in ctx.subject_tokens(v, False)))
        other: set[int] = set()
        for p, pobj in ctx.preps(v) + ctx.preps(n):
            if p in ("with",):
                other |= ctx.mentions(pobj)
        pairs = [(a, b) for a in sorted(side) for b in sorted(other - side)] if other else [
            (a, b) for a in sorted(side) for b in sorted(side) if a < b]
        for a, b in pairs:
            emit(["PARTNERS_WITH"], a, b, self.conf, f"form:joint-{lemma}")

    def _with_as_partner(self, ctx: Any, n: Any, lemma: str, emit: Emit) -> None:
        """"X, with Y as technology partner, ...", "X built the robot with Y as its partner": X and Y partner."""
        spec = self._group(lemma)
        if spec is None or spec["rel"] != "PARTNERS_WITH" or n.dep_ != "pobj" or n.head.lower_ != "as":
            return
        h = n.head.head
        partners = set().union(*(ctx.mentions(pobj) for p, pobj in ctx.preps(h) if p == "with"))
        if not partners:
            return
        if h.pos_ in ("VERB", "AUX"):
            side = set().union(*(ctx.mentions(x) for x in ctx.subject_tokens(h, ctx.is_passive(h))))
        else:
            side = ctx.mentions(h) if h.i in ctx.tok2m else set()
        for a in sorted(side):
            for b in sorted(partners - side):
                emit(["PARTNERS_WITH"], a, b, self.conf, "form:with-as-partner")

    def _agreement(self, ctx: Any, v: Any, lemma: str, emit: Emit) -> None:
        """"A signed a memorandum of understanding with B", "A entered into a partnership with B"."""
        if lemma not in self.agreement_verbs:
            return
        nouns = [c for c in v.children if c.dep_ == "dobj"]
        nouns += [pobj for p, pobj in ctx.preps(v) if p == "into"]
        nouns = [x for x in nouns if self._lemma(x) in self.agreement_nouns]
        if not nouns:
            return
        side = set().union(*(ctx.mentions(s) for s in ctx.subject_tokens(v, ctx.is_passive(v))))
        other: set[int] = set()
        for node in [v, *nouns, *(pobj for x in nouns for _, pobj in ctx.preps(x))]:
            for p, pobj in ctx.preps(node):
                if p in ("with", "between"):
                    other |= ctx.mentions(pobj)
        for a in sorted(side):
            for b in sorted(other - side):
                emit(["PARTNERS_WITH"], a, b, self.conf, f"form:agreement-{self._lemma(nouns[0])}")

    def settle(self, cands: list[Any], ctx: Any = None) -> list[Any]:
        """One trigger's candidates: a form that decides the type of a pair ("X, part of the Y Network" is
        MEMBER_OF, "X was selected for a grant from Y" is FUNDS) drops the frames' other type for that pair;
        "Y includes A and B" states membership only when Y is a collective or a programme ("The alliance
        includes A", not "Carrow University includes the X Centre", "the Kelvara Group includes Y")."""
        if ctx is not None:
            cands = [c for c in cands if not (c.type == "MEMBER_OF" and c.method in INCLUDE_METHODS
                                              and not self.membership.collective(ctx, c.tgt))]
        decided = {frozenset((c.src, c.tgt)): c.type for c in cands if c.method in DECIDING}
        if not decided:
            return cands
        return [c for c in cands if decided.get(frozenset((c.src, c.tgt)), c.type) == c.type]

    def owner_cue(self, words: Iterable[str]) -> bool:
        """A one-name sentence worth parsing for a tie with the page's organisation ("X is also a member")."""
        return any(w in self.owner_cues for w in words)

    @staticmethod
    def not_a_side(doc: Any, spans: list[tuple[int, int, int]], i: int, phrase_start: int) -> bool:
        """Is the mention left of a symmetric window phrase no party of it: the object of another "with"
        ("an agreement with X and partners with Y"), or a possessive pronoun inside another phrase
        ("fits its cameras to a tractor, and has a partnership with Y")?"""
        start, end = next((s, e) for j, s, e in spans if j == i)
        k = start - 1
        while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        if k >= 0 and doc[k].lower_ == "with":
            return True
        return doc[start].lower_ in ("its", "their") and end < phrase_start - 1

    # ------------------------------------------------------------------ denials
    def denied_before(self, words: Iterable[str]) -> bool:
        """A surface window preceded by a denial ("is not backed by", "a former member of", "ended its partnership")."""
        return any(w in self.negations or w in self.former or w in self.end_verbs for w in words)

    def negated(self, tok: Any) -> bool:
        """Does the text deny or end the tie this trigger states ("did not invest", "is not a member of",
        "a former partner of", "ended its partnership with", "no agreement has been signed")?"""
        if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ in ("amod", "advmod", "compound") and c.lower_ in self.former
                                                 for c in tok.children):
            return True
        node = tok
        for _ in range(4):
            if any(c.dep_ == "neg" or (c.dep_ in ("det", "advmod") and c.lower_ in self.negations) for c in node.children):
                return True
            if any(c.dep_ == "advmod" and c.lower_ in self.former for c in node.children) or self._ended_until(node):
                return True  # "was formerly backed by Y", "was a member of Y until 2022"
            if node is not tok and node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in self.end_verbs:
                return True
            if node.dep_ not in ("attr", "acomp", "dobj", "pobj", "prep", "xcomp", "appos", "oprd", "compound") \
                    or node.head.i == node.i:
                return False
            node = node.head
        return False


    @staticmethod
    def ended_after(doc: Any, end: int, sent: Any) -> bool:
        """A window's tie that ended at a date: "... was a member of X until 2022" (simple past, "until" + a year)."""
        k = end
        while k < sent.end and k < end + 3 and doc[k].lower_ not in ("until", "till"):
            k += 1
        if k >= sent.end or doc[k].lower_ not in ("until", "till"):
            return False
        dated = any(t.like_num for t in doc[k + 1:min(sent.end, k + 4)])
        return dated and any(t.lower_ in ("was", "were") for t in doc[sent.start:end])

    @staticmethod
    def _ended_until(node: Any) -> bool:
        """A tie in the simple past that lasted until a date: "X was a member of Y until 2022"."""
        if not any(c.dep_ == "prep" and c.lower_ in ("until", "till") and any(
                g.like_num or g.ent_type_ == "DATE" for p in c.children for g in p.subtree) for c in node.children):
            return False
        verb = node if node.pos_ in ("VERB", "AUX") else node.head
        return verb.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in verb.children)


def _inflect(verb: str) -> set[str]:
    """The forms of a regular verb the light lemmatiser may leave unreduced ("ended", "terminates")."""
    base = verb[:-1] if verb.endswith("e") else verb
    return {verb, verb + "s", verb + "ed", verb + "d", base + "ing", verb + "ing", base + base[-1] + "ed"}
