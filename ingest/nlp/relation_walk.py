"""Navigation over one parsed sentence: which mentions fill a syntactic slot of a trigger.

A slot (subject, object, prepositional object, the noun a description is said of) is filled by the
mentions it reaches through relative pronouns, clause pronouns ("it" heading a conjoined clause),
appositions, coordinated lists, "including"/"such as" lists and nouns that stand for a named
organisation ("the Cyfronet computing centre", "funding from X").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from aikg.ingest.nlp.lexicon import Lexicon

REL_PRONOUNS = {"which", "who", "that", "whom", "whose"}
CLAUSE_PRONOUNS = {"it", "they", "he", "she"}
LIST_EXTRA = {"along", "alongside", "together"}
ROUND_NOUNS = {"round", "financing", "investment", "funding", "seed", "raise"}
TYPE_NOUNS = {"centre", "center", "lab", "laboratory", "institute", "programme", "program", "initiative", "scheme",
              "fund", "company", "firm", "startup", "start-up", "university", "unit", "division", "agency", "ministry"}
MAX_APPOS_GAP = 12  # tokens from a noun to a name apposed to it
GROUP_WORDS = {"both", "all", "each", "together", "jointly"}
TIME_WORDS = {"today", "now", "yesterday", "tomorrow", "currently", "recently", "later", "then"}
RAISE_VERBS = ("raise", "close", "complete", "secure", "announce", "receive")
ORG_TYPES = ("Company", "Institute", "Agency", "Programme")


@lru_cache(maxsize=8)
def _walk_words(lex: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Funding nouns, site nouns, quantity words and type nouns of the lexicon: built once per Lexicon, not per
    parsed sentence (speed only)."""
    rel = lex.relations
    return (frozenset(rel.get("funding_nouns", ())), frozenset(rel.get("located_with_nouns", ())),
            frozenset(rel.get("quantity_words", ())), frozenset(rel.get("type_nouns", TYPE_NOUNS)))


class Walk:
    """Navigation over one parsed sentence: which mentions fill a syntactic slot."""

    def __init__(self, sd: Any, tok2m: dict[int, int], lex: Lexicon, types: list[str] | None = None,
                 hints: dict[str, int | None] | None = None) -> None:
        self.sd = sd
        self.tok2m = tok2m
        self.lex = lex
        self.types = types or []
        hints = hints or {}
        #: who received "the round" named in this or the sentence before ("X raised ... . The round was led by Y")
        self.round_owner = hints.get("round")
        #: the programme the sentence before named ("The X Accelerator is ... . This year's cohort includes A")
        self.prev_programme = hints.get("programme")
        self.funding_nouns, self.site_nouns, self.quantity_words, self.type_nouns = _walk_words(lex)
        self.via_pronoun: set[int] = set()  # mentions reached through "it"/"they" heading a clause
        self._preps_at: dict[int, tuple[tuple[str, Any], ...]] = {}  # token index -> its (preposition, object) pairs
        self.m2toks: dict[int, list[int]] = {}
        for t, m in tok2m.items():
            self.m2toks.setdefault(m, []).append(t)

    def is_passive(self, t: Any) -> bool:
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
            return True
        if t.tag_ == "VBN" and t.dep_ == "acomp" and t.head.lemma_ == "be":
            return True  # "was co-founded in 2019 by ..." parsed as a complement
        if t.tag_ == "VBN" and t.dep_ in ("acl", "relcl", "amod", "conj", "advcl") and not any(c.dep_ in ("nsubj", "aux") for c in t.children):
            if t.dep_ == "conj":
                return self.is_passive(t.head)
            return True
        return False

    def noun_of(self, tok: Any) -> Any:
        if tok.lower_ in REL_PRONOUNS and tok.head.dep_ in ("relcl",):
            return tok.head.head
        return tok

    def subject_tokens(self, t: Any, passive: bool) -> list[Any]:
        if passive:
            # "hosted by Linköping University": the parser may read a name after "by" as a participle (pcomp)
            agents = [pobj for c in t.children if c.dep_ == "agent" for pobj in c.children if pobj.dep_ in ("pobj", "pcomp")]
            return agents + [x for a in agents for x in self._and_by(a)]
        subs = [c for c in t.children if c.dep_ in ("nsubj", "csubj") and c.lower_ not in TIME_WORDS]
        if subs:
            return subs + self._list_extra(t)
        if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
            subs = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
            return subs or self.subject_tokens(t.head, False)
        if t.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in t.head.children):
            return [c for c in t.head.children if c.dep_ == "dobj"]  # "persuade Samsung to open"
        if t.dep_ in ("xcomp", "advcl", "ccomp") and t.head.pos_ in ("VERB", "AUX"):
            return self.subject_tokens(t.head, False)
        if t.dep_ in ("acl", "relcl") and not passive:
            return [t.head]
        return self._list_extra(t)

    def object_tokens(self, t: Any, passive: bool) -> list[Any]:
        if passive:
            subs = [c for c in t.children if c.dep_ == "nsubjpass"]
            if subs:
                return subs
            if t.dep_ == "acomp":
                return [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if t.dep_ == "advcl" and t.head.pos_ in ("VERB", "AUX") and t.i < t.head.i:
                # "Headquartered in Porto, the company employs 24": a fronted participle is said of the main subject
                return [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")] or [t.head]
            if t.dep_ in ("acl", "relcl", "amod", "advcl"):
                return [] if _stray_apposition(t.head) else [t.head]
            if t.dep_ == "conj":  # "X has a lab and is funded by Y": a passive joined to an active verb is said of its subject
                return self.object_tokens(t.head, True) if self.is_passive(t.head) else [
                    c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return []
        objs = [c for c in t.children if c.dep_ in ("dobj", "attr", "dative", "oprd")]
        if not objs and t.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ in REL_PRONOUNS for c in t.children) \
                and any(c.dep_ == "nsubj" and c.lower_ not in REL_PRONOUNS for c in t.children):
            return [t.head]  # "a scheme that SPRI runs for the government": "that" parsed as a marker
        if not objs:
            shared = self._shared_relative_object(t)
            if shared:
                return shared  # "X, which C will fund and V will run from May": X is run too
        if objs or any(c.dep_ == "prep" for c in t.children):
            return objs
        if t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ not in REL_PRONOUNS for c in t.children):
            return [t.head]  # "a programme that C will fund": the programme is funded
        if t.dep_ == "conj" and t.head.pos_ == "VERB":
            return self.object_tokens(t.head, False)  # "... that C will fund and V will run"
        return objs

    def _shared_relative_object(self, t: Any) -> list[Any]:
        """"which C will fund and V will run": the second verb shares the relative clause's object."""
        subs = [c for c in t.children if c.dep_ == "nsubj" and c.i < t.i]
        if not subs:
            return []
        k = subs[-1].left_edge.i - 1
        if k < 1 or self.sd[k].lower_ != "and":
            return []
        for j in range(k - 1, max(0, k - 7), -1):
            v = self.sd[j]
            if v.dep_ == "relcl" and v.pos_ == "VERB":
                if any(c.lower_ in REL_PRONOUNS and c.dep_ in ("dobj", "mark") for c in v.children):
                    return [v.head]
                return []
        return []

    def _list_extra(self, t: Any) -> list[Any]:
        """"Along with UCL and Imperial, the Turing acts ...": the extra list members."""
        out = []
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in LIST_EXTRA:
                for _, pobj in self.preps_of_prep(c):
                    out.append(pobj)
            if c.dep_ == "advmod" and c.lower_ in {"together", "along"}:
                for _, pobj in self.preps(c):
                    out.append(pobj)
        return out

    def preps_of_prep(self, p: Any) -> list[tuple[str, Any]]:
        out = []
        for c in p.children:
            if c.dep_ == "pobj":
                out.append((p.lower_, c))
                out.extend((p.lower_, x) for x in c.conjuncts)
            elif c.dep_ == "prep":
                out.extend(self.preps_of_prep(c))
        return out

    def preps(self, t: Any) -> list[tuple[str, Any]]:
        """(preposition, object) pairs under ``t``; "out of" counts as "of", conjoined preps included."""
        if t.doc is not self.sd:
            return self._preps(t)
        got = self._preps_at.get(t.i)
        if got is None:
            got = self._preps_at[t.i] = tuple(self._preps(t))  # speed: the parse never changes, read a token once
        return list(got)

    def _preps(self, t: Any) -> list[tuple[str, Any]]:
        out: list[tuple[str, Any]] = []
        for c in t.children:
            if c.dep_ in ("prep", "agent") or (c.dep_ == "prt" and c.lower_ == "out"):
                for p, obj in self.preps_of_prep(c):
                    out.append((p, obj))
                for cc in c.conjuncts:
                    if cc.dep_ in ("prep", "conj"):
                        out.extend(self.preps_of_prep(cc))
                for cc in c.children:
                    if cc.dep_ == "prep" and c.dep_ == "prt":
                        out.extend(self.preps_of_prep(cc))
            elif c.dep_ == "conj" and c.pos_ == "ADP":
                out.extend(self.preps_of_prep(c))
        return out

    def holder(self, n: Any) -> set[int]:
        """The mentions a noun is predicated of."""
        for c in n.children:  # "Its research arm, the National Center for AI," / "Its founder, Hisham Al-Falih,"
            if c.dep_ == "appos" and c.i in self.tok2m:
                return self.mentions(c)  # "Our co-founders, Marcus Bell and Anita Shah,"
        for c in n.children:  # "a portfolio that includes A and B"
            if c.dep_ == "relcl" and c.lemma_.lower() in ("include", "comprise") and any(
                    x.dep_ == "nsubj" and x.lower_ in REL_PRONOUNS for x in c.children):
                return self._union(x for x in c.children if x.dep_ in ("dobj", "attr"))
        if n.dep_ == "conj" and _verbal_noun(n) and n.head.i in self.tok2m:
            verb = n.head  # "X is a subsidiary of Y and partners with Z": a verb read as a noun joined to Y
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:  # (a Token is a new object each time: "is" never holds)
                verb = verb.head
            subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            return self._union(subs) if verb.pos_ in ("VERB", "AUX") else set()
        for _ in range(6):
            if n.dep_ != "conj":
                return self._holder_by_dep(n)
            n = n.head
        return set()

    def _holder_by_dep(self, n: Any) -> set[int]:
        dep = n.dep_
        if dep in ("appos", "compound"):
            return self._apposition_head(n)
        if dep in ("attr", "acomp", "oprd"):
            return self._copula_subjects(n)
        if dep == "dobj":
            return self._union(self.subject_tokens(n.head, False))
        if dep == "pobj":
            return self._pobj_holder(n)
        if dep == "nsubj" and n.head.lemma_.lower() in ("include", "be", "comprise", "count") and any(
                c.dep_ in ("poss", "det") or c.dep_ == "prep" and c.lower_ == "of" for c in n.children):
            # "its sponsors include NVIDIA, RBC and Shopify"
            return self._union(c for c in n.head.children if c.dep_ in ("dobj", "attr"))
        return set()

    def _union(self, toks: Any) -> set[int]:
        res: set[int] = set()
        for t in toks:
            res |= self.mentions(t)
        return res

    def _apposition_head(self, n: Any) -> set[int]:
        if n.dep_ == "appos" and _verbal_noun(n):
            return self.mentions(_outer_name(n.head, self.tok2m))  # "X, a start-up spun out of Y, partners with Z"
        k = n.left_edge.i - 1  # "A, B and C, a spin-out of X": the name right before the comma
        if n.dep_ == "appos" and k > 0 and self.sd[k].text == "," and self.tok2m.get(k - 1) is not None \
                and _in_list_of(self.sd[k - 1], n.head):  # not "X, a rival of Y, partners with Z": Y is no list item
            return {self.tok2m[k - 1]}
        m = self.tok2m.get(n.head.i)
        return {m} if m is not None else self._direct(n.head, 1)

    def _copula_subjects(self, n: Any) -> set[int]:
        verb = n.head
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subs and verb.dep_ == "conj":  # "X is backed by Y and is a member of Z"
            subs = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return self._union(subs) | self._union(self._list_extra(verb) + self._list_extra(n))

    def _pobj_holder(self, n: Any) -> set[int]:
        prep = n.head
        h = prep.head
        if prep.lower_ in ("in", "among") and h.pos_ == "NOUN" and h.dep_ == "pobj" and h.head.lower_ == "of" \
                and h.head.head.lower_ in self.quantity_words:
            return self.holder(h)  # "one of fourteen companies in the current cohort of P"
        if prep.lower_ in ("as", "in", "by", "through", "via", "among") and h.pos_ in ("VERB", "AUX"):
            agents = self.subject_tokens(h, True) if prep.lower_ == "in" and self.is_passive(h) else []
            subs = agents or [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in TIME_WORDS] \
                or self.subject_tokens(h, False)
            return self._union(subs) | self._union(self._list_extra(n) + self._list_extra(h))
        if prep.lower_ == "as" and h.pos_ in ("NOUN", "PROPN"):
            return self.mentions(h)
        if prep.lower_ == "of" and h.lower_ in self.quantity_words:
            return self.holder(h)  # "one of its largest offices", "one of the partners"
        if prep.lower_ == "with" and (n.lemma_.lower() in self.site_nouns or n.lower_ in self.site_nouns):
            return self._site_holder(h)  # "started as X with locations in A and B"
        if prep.lower_ == "with" and h.pos_ == "VERB" and n.lemma_.lower() in self.funding_nouns:
            return self.with_holder(h)  # "X was set up with funding from Y", "a scheme A runs with a grant from Y"
        return set()

    def _site_holder(self, h: Any) -> set[int]:
        """Who a "with offices in Y" phrase is about: the noun it describes, the verb's object, else its subject."""
        if h.pos_ in ("NOUN", "PROPN"):
            return self.mentions(h) or self.holder(h)
        if h.pos_ not in ("VERB", "AUX"):
            return set()
        passive = self.is_passive(h)
        got = self._union(self.object_tokens(h, passive))
        if got:
            return got  # "runs its lab with offices in A": what the verb acts on
        # "With a team in Aveiro, the company employs 24 people": no named object, so the subject
        return self._union(self.subject_tokens(h, False)) if not passive else set()

    def with_holder(self, verb: Any) -> set[int]:
        """Who a "with <funding> from Y" phrase under a verb is for: its object, else its subject."""
        passive = self.is_passive(verb)
        res: set[int] = set()
        for o in self.object_tokens(verb, passive):
            res |= self.mentions(o)
        if not res and not passive:
            for s in self.subject_tokens(verb, False):
                res |= self.mentions(s)
        return res

    def _and_by(self, agent: Any) -> list[Any]:
        """"backed by X and by the bank Y": the second by-phrase, which the parser often hangs elsewhere."""
        k = agent.right_edge.i + 1
        if k + 1 >= len(self.sd) or self.sd[k].lower_ != "and" or self.sd[k + 1].lower_ != "by":
            return []
        for j in range(k + 2, min(len(self.sd), k + 10)):
            if j in self.tok2m:
                return [self.sd[j]]
            if self.sd[j].is_punct:
                break
        return []

    def modifier_mentions(self, noun: Any) -> set[int]:
        """Names modifying a noun, also through a plain modifier ("X's seed round", "the X vision group")."""
        res: set[int] = set()
        for c in noun.children:
            if c.dep_ not in ("compound", "nmod", "amod", "poss"):
                continue
            if c.i in self.tok2m:
                res.add(self.tok2m[c.i])
            elif c.dep_ == "compound":
                res.update(self.tok2m[g.i] for g in c.children if g.dep_ in ("compound", "nmod", "poss") and g.i in self.tok2m)
        return res

    def mentions_of(self, toks: Iterable[Any]) -> set[int]:
        """Mentions standing in the slots several tokens fill (a subject list, the objects of a verb)."""
        got: set[int] = set()
        for t in toks:
            got |= self.mentions(t)
        return got

    def mentions(self, tok: Any, depth: int = 0) -> set[int]:
        """Mentions standing in a slot filled by ``tok`` (with its conjuncts)."""
        if depth > 4:
            return set()
        if tok.lower_ in REL_PRONOUNS and tok.head.dep_ == "relcl" and any(c.i > tok.i for c in tok.head.head.conjuncts):
            return self._direct(tok.head.head, depth + 1)  # "between CIFAR, which runs X, and the Turing": CIFAR alone
        res = self._direct(tok, depth)
        if tok.lower_ in REL_PRONOUNS and tok.head.dep_ == "relcl":
            return res  # the antecedent's own list was read by _antecedent
        if tok.dep_ == "appos" and tok.i not in self.tok2m and not tok.conjuncts:
            return res  # "Nawigo, a start-up based in Gdynia, and F": the apposition is said of Nawigo, not of its list
        for c in tok.conjuncts:
            res |= self._direct(c, depth)
        # a name whose inner token carries the coordination ("Kestrel Robotics and Lumora Labs")
        for m in list(res):
            for t in self.m2toks.get(m, ()):
                for c in self.sd[t].conjuncts:
                    other = self.tok2m.get(c.i)
                    if other is not None:
                        res.add(other)
        return res

    def _direct(self, tok: Any, depth: int) -> set[int]:
        m = self.tok2m.get(tok.i)
        if m is not None:
            return {m}
        low = tok.lower_
        if low in REL_PRONOUNS and tok.head.dep_ == "relcl":
            return self._antecedent(tok, depth)
        if low in REL_PRONOUNS and tok.dep_ == "pobj" and tok.head.head.dep_ == "relcl":
            return self.mentions(tok.head.head.head, depth + 1)  # "in which Microsoft invested"
        if low == "whose" and tok.dep_ == "poss" and tok.head.head.dep_ == "relcl":
            return self._antecedent(tok.head, depth)  # "PRAIRIE, whose members include Inria"
        if low in CLAUSE_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "conj":
            res = self._union_at(self._subjects(tok.head.head), depth + 1)  # "X is funded by Y, and it partners with Z"
            self.via_pronoun |= res
            return res
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return self._noun_slot(tok, depth)
        return set()

    @staticmethod
    def _subjects(verb: Any) -> list[Any]:
        return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]

    def _union_at(self, toks: Any, depth: int) -> set[int]:
        res: set[int] = set()
        for t in toks:
            res |= self.mentions(t, depth)
        return res

    def _antecedent(self, tok: Any, depth: int) -> set[int]:
        """A relative pronoun stands for the noun its clause describes ("X is a programme that EIDS runs")."""
        ante = tok.head.head
        if ante.dep_ == "pobj" and ante.head.lower_ == "of" and ante.head.head.dep_ == "attr" and ante.i not in self.tok2m:
            ante = ante.head.head  # "X is a programme of six fellowships that C will fund"
        if ante.dep_ == "attr" and ante.head.lemma_ == "be" and ante.i not in self.tok2m:
            return self._union_at(self._subjects(ante.head), depth + 1)
        grouped = any(w.lower_ in GROUP_WORDS for w in tok.head.subtree)
        if ante.conjuncts and not grouped and _singular_verb(tok.head):
            near = max((c for c in (ante, *ante.conjuncts) if c.i < tok.i), key=lambda c: c.i, default=ante)
            got = self._direct(near, depth + 1)  # "backs A and B, which is partnering with C": B alone
        else:
            got = self.mentions(ante, depth + 1)
        if tok.lower_ == "who" and got and self.types and not any(self.types[m] == "Person" for m in got):
            got = self._person_above(ante, depth) or got
        if not any(w.lower_ in GROUP_WORDS for w in tok.head.subtree):
            self.via_pronoun |= got  # "A, and B, which is partnering with C": said of B, not of A's list
        return got

    def _person_above(self, ante: Any, depth: int) -> set[int]:
        """"O, a professor at H who has led the lab": "who" is the person the role noun above H describes."""
        node = ante
        for _ in range(4):
            if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
                break
            node = node.head
        if node is ante or node.pos_ not in ("NOUN", "PROPN"):
            return set()
        got = self.holder(node) | self.mentions(node, depth + 1)
        return {m for m in got if self.types[m] == "Person"}

    def _noun_slot(self, tok: Any, depth: int) -> set[int]:
        """A common noun (or pronoun) in a slot: its apposition, its copula subject, the name it carries."""
        for c in tok.children:  # a distant "apposition" is a parse error ("The round was led by ..., HPE and Y")
            if c.dep_ == "appos" and c.i in self.tok2m and c.left_edge.i - tok.i <= MAX_APPOS_GAP:
                return {self.tok2m[c.i]}
        if tok.dep_ == "appos":  # "Nawigo, a start-up based in Gdynia, and F": the apposition is said of Nawigo alone
            before = self._name_before_comma(tok)
            return {before} if before is not None else self._direct(tok.head, depth + 1)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in self.quantity_words:
            return self._quantity_referents(tok.head.head, depth)  # "X is one of twelve companies selected for P"
        if tok.dep_ == "attr" and tok.head.lemma_ == "be" and depth == 0:
            res0 = self._union_at(self._subjects(tok.head), depth + 1)  # "MBZUAI is a university in Abu Dhabi, led by ..."
            if res0:
                return res0
        if tok.pos_ in ("NOUN", "PROPN"):
            got = self._named_or_listed(tok, depth)
            if got:
                return got
        lemma = tok.lemma_.lower()
        if lemma in self.lex.via_nouns or tok.lower_ in self.lex.via_nouns:
            return self._via_noun(tok, lemma, depth)
        return set()

    def _name_before_comma(self, tok: Any) -> int | None:
        """The organisation named right before the comma of an apposition the parse hung on an earlier noun ("a member of
        the X Network (XN), a network whose members include A": X Network, not the sentence's subject), else None."""
        k = tok.left_edge.i - 1
        if k < 1 or self.sd[k].text != ",":
            return None
        j = k - 1
        if self.sd[j].text == ")":  # over a bracketed acronym
            j = next((q for q in range(j - 1, max(-1, j - 6), -1) if self.sd[q].text == "("), 0) - 1
        m = self.tok2m.get(j) if j >= 0 else None
        if m is None or (self.types is not None and self.types[m] not in ORG_TYPES):
            return None
        h = self.tok2m.get(tok.head.i)
        if h is not None and h != m and (self.types is None or self.types[h] in ORG_TYPES):
            named = {self.sd[t].lower_ for t in self.m2toks.get(m, ())}
            return m if tok.lower_ in named else None  # "Y joined the X Network (XN), a network ...": X, by its noun
        return m

    def _quantity_referents(self, q: Any, depth: int) -> set[int]:
        """What "one" (of the companies ...) stands for: the copula subject or the name it is apposed to."""
        if q.dep_ == "attr" and q.head.lemma_ == "be":
            return self._union_at(self._subjects(q.head), depth + 1)
        if q.dep_ == "appos":
            return self.mentions(q.head, depth + 1)
        return set()

    def _named_or_listed(self, tok: Any, depth: int) -> set[int]:
        """"the Cyfronet computing centre" (a type noun with a name), "venture investors including X and Y"."""
        lemma = tok.lemma_.lower()
        mods = [c for c in tok.children if c.dep_ in ("compound", "nmod")]
        mods += [g for c in mods if c.i not in self.tok2m for g in c.children if g.dep_ in ("compound", "nmod")]
        named = {self.tok2m[c.i] for c in mods if c.i in self.tok2m}
        if named and (tok.lower_ in self.type_nouns or lemma in self.type_nouns):
            return named  # "the @iLabAfrica research centre", "the AiNed programme"
        incl: set[int] = set()
        for c in tok.children:  # "venture investors including X and Y", "firms such as X"
            if c.dep_ == "prep" and _introduces_list(c):
                for _, pobj in self.preps_of_prep(c):
                    incl |= self.mentions(pobj, depth + 1)
        return incl

    def _via_noun(self, tok: Any, lemma: str, depth: int) -> set[int]:
        """"funding from X", "X's research", "the X cohort": the noun stands for the names attached to it."""
        res = {m for m in self.modifier_mentions(tok)
               if any(c.i in self.m2toks.get(m, ()) and c.dep_ != "amod" for c in tok.subtree)}
        for p, pobj in self.preps(tok):
            if p in ("from", "of", "by", "for", "in", "at"):
                res |= self.mentions(pobj, depth + 1)
        if not res and lemma in ROUND_NOUNS:
            # "X raised $40 million in a Series B round led by Y": the round is X's
            h = tok.head
            if h.dep_ == "prep":
                h = h.head
            if h.pos_ == "VERB" and h.lemma_.lower() in RAISE_VERBS:
                res |= self._union_at(self._subjects(h), depth + 1)
        return res


def _introduces_list(prep: Any) -> bool:
    """"including X", "like X", "such as X"."""
    low = prep.lower_
    return low in ("including", "like", "such") or low == "as" and any(x.lower_ == "such" for x in prep.children)


def _singular_verb(verb: Any) -> bool:
    """Is a relative clause's verb marked singular ("B, which is partnering with C"; "which has worked with")?
    A past tense ("A, B and C, who joined X") says nothing of number: the clause keeps the list."""
    if verb.tag_ == "VBZ":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("is", "has", "was") for c in verb.children)


def _in_list_of(tok: Any, head: Any) -> bool:
    """Is ``tok`` the head itself or a list member joined to it ("A, B and C": C is in A's list)?"""
    for _ in range(8):
        if tok.i == head.i:
            return True
        if tok.dep_ not in ("conj", "compound") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _outer_name(tok: Any, tok2m: dict[int, int]) -> Any:
    """The outermost name a phrase describing ``tok`` hangs on: "partners with Z" the parser reads as a noun
    apposed to the last name of "X, a start-up spun out of Y," is said of X, the verb's real subject."""
    best = tok
    for _ in range(10):
        if tok.dep_ not in ("pobj", "prep", "acl", "appos", "relcl", "compound", "amod") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.i in tok2m:
            best = tok
    return best


def _verbal_noun(n: Any) -> bool:
    """"partners with Z" tagged as a plural noun: a verb the parser misread (a noun "partners" takes no "with")."""
    return n.tag_ == "NNS" and any(c.dep_ == "prep" and c.lower_ == "with" for c in n.children)


def _stray_apposition(n: Any) -> bool:
    """"X is run out of the Y Centre (YC), a technology park managed by Z": the parser hangs "park" on X, but the
    noun before its comma is another's (Y's), so what "managed" is said of is unsure (issue 14, RUNS precision)."""
    if n.dep_ != "appos" or n.left_edge.i < 2 or n.doc[n.left_edge.i - 1].text != ",":
        return False
    p = n.doc[n.left_edge.i - 2]
    if p.text == ")":
        p = p.head
    head = n.head
    return not head.left_edge.i <= p.i <= head.i and all(t.i != p.i for t in head.subtree)
