"""Relation candidates between the mentions of one sentence.

Two kinds of evidence, each with its own method name and confidence:

* surface rules on the entity pass (no parse): "Toronto's Vector Institute", "Redmond-based
  Microsoft", "Mistral AI of Paris", "M42, the Abu Dhabi company", trigger windows;
* dependency frames on the parse of the sentence: a trigger verb or noun from
  ``data/lexicon/relations.json`` and the mentions that fill its roles (subject, object,
  by-agent, prepositional objects, apposition head, possessor), with passive voice, relative
  clauses, appositions and coordinated lists followed.

Every candidate is checked against the schema's type constraints; a trigger that lists
several relation types (``lead``: AFFILIATED_WITH for a person, RUNS for a programme) keeps
the first the types allow.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable

from aikg.ingest.nlp.lexicon import Frame, Lexicon
from aikg.ingest.nlp.relation_lists import list_groups
from aikg.ingest.nlp.relation_np import add_recipients, group_list, round_recipients
from aikg.ingest.nlp.relation_people import titled_people
from aikg.ingest.nlp.relation_places import place_phrases
from aikg.ingest.nlp.relation_types import Cand, allowed

__all__ = ["Cand", "RelationFinder", "allowed"]

ORG = ("Institute", "Company", "Agency")
REL_PRONOUNS = {"which", "who", "that", "whom", "whose"}
CLAUSE_PRONOUNS = {"it", "they", "he", "she"}
WINDOW_REACH = 6  # words between a window phrase and the name after it
PREPOSITIONS = {"at", "of", "in", "for", "from", "with", "by", "to", "on", "under", "within"}
SUBJECT_WORDS = CLAUSE_PRONOUNS | {"we"}
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
LIST_EXTRA = {"along", "alongside", "together"}
UNIT_WORDS = {"laboratory", "lab", "centre", "center", "school", "department", "faculty", "division", "institute", "unit"}
ROUND_NOUNS = {"round", "financing", "investment", "funding", "seed", "raise"}
NOUN_OF_ORG = {"university", "institute", "company", "firm", "startup", "start-up", "lab", "laboratory", "centre", "center",
               "developer", "maker", "investor", "agency", "college", "school", "foundation", "nonprofit", "non-profit",
               "provider", "manufacturer", "bank", "fund", "accelerator", "incubator", "consortium", "hospital"}
TYPE_NOUNS = {"centre", "center", "lab", "laboratory", "institute", "programme", "program", "initiative", "scheme",
              "fund", "company", "firm", "startup", "start-up", "university", "unit", "division", "agency", "ministry"}
TIME_WORDS = {"today", "now", "yesterday", "tomorrow", "currently", "recently", "later", "then"}


class RelationFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._former_words = frozenset(lexicon.relations.get("former_markers", ()))
        self._past_verbs = frozenset(lexicon.relations.get("past_role_verbs", ()))
        self._groups: dict[str, dict[str, str]] = dict(lexicon.relations.get("group_nouns", {}))
        self._among_verbs = frozenset(lexicon.relations.get("among_verbs", ()))
        self._round_nouns = frozenset(lexicon.relations.get("round_nouns", ()))
        self._funding_nouns = frozenset(lexicon.relations.get("funding_nouns", ()))
        self._place_org_nouns = frozenset(lexicon.relations.get("place_org_nouns", ()))
        self._co_actor_preps = frozenset(lexicon.relations.get("co_actor_preps", ()))
        self._role_words = frozenset(w.lower() for w in lexicon.role_nouns)

    # ------------------------------------------------------------------ helpers
    def _emit(self, out: list[Cand], rtypes: Iterable[str], src: int, tgt: int, types: list[str], conf: float,
              method: str) -> None:
        if src == tgt:
            return
        r = allowed(rtypes, types[src], types[tgt])
        if r is not None:
            out.append(Cand(r, src, tgt, conf, method))

    def needs_parse(self, words: list[str], has_person: bool = True) -> bool:
        return self.lex.needs_parse(words, has_person)

    # ------------------------------------------------------------------ lists
    @staticmethod
    def list_groups(doc: Any, spans: list[tuple[int, int, int]], types: list[str]) -> dict[int, int]:
        return list_groups(doc, spans, types)

    # ------------------------------------------------------------------ surface rules
    def surface(self, doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str]) -> list[Cand]:
        """Rules on tokens of the entity pass: possessives, X-based, "Org of/in Place", "Org, the Place ..."."""
        out: list[Cand] = []
        conf = self.lex.conf
        spans = sorted(spans, key=lambda x: x[1])
        by_start = {s: i for i, s, e in spans}
        by_end = {e: i for i, s, e in spans}
        # "In Montreal, Mila, the Quebec AI Institute, plays ...": a fronted place locates the subject
        if spans and len(spans) >= 2 and doc[sent.start].lower_ in ("in", "at") and types[spans[0][0]] == "Cluster" \
                and spans[0][1] == sent.start + 1 and spans[0][2] < sent.end and doc[spans[0][2]].text == "," \
                and types[spans[1][0]] in ORG and spans[1][1] == spans[0][2] + 1:
            self._emit(out, ["LOCATED_IN"], spans[1][0], spans[0][0], types, conf["adjacent"] - 0.05, "rule:fronted-place")
        for i, s, e in spans:
            t = types[i]
            # "Toronto's Vector Institute", "Harvard University's Paulson School", "Google's Jeff Dean"
            if e < sent.end - 1 and doc[e].text in self.lex.possessive and (e + 1) in by_start:
                j = by_start[e + 1]
                tj = types[j]
                if t == "Cluster" and tj != "Cluster":
                    self._emit(out, ["LOCATED_IN"], j, i, types, conf["possessive"], "rule:possessive-location")
                elif t in ORG and tj == "Person":
                    self._emit(out, ["AFFILIATED_WITH"], j, i, types, conf["possessive"], "rule:possessive-affiliation")
                elif t in ORG and tj == "Programme":
                    self._emit(out, ["RUNS"], i, j, types, conf["possessive"] - 0.1, "rule:possessive-runs")
                elif t in ORG and tj in ORG:
                    self._emit(out, ["PART_OF"], j, i, types, conf["possessive"] - 0.1, "rule:possessive-part")
            # "Redmond-based Microsoft", "an Abu Dhabi-based developer"
            if t == "Cluster" and e + 1 < sent.end and doc[e].text in {"-", "–"} and doc[e + 1].lower_ in {"based", "headquartered"}:
                holder = None
                k = e + 2
                while k < min(sent.end, e + 6):
                    if k in by_start:
                        holder = by_start[k]
                        break
                    if doc[k].is_punct:
                        break
                    k += 1
                if holder is None:
                    k = s - 1
                    while k > sent.start and doc[k].lower_ in {"a", "an", "the", "also", "now", "both", "all", "each"} | {w.lower_ for w in doc[k:k + 1] if w.pos_ == "ADJ"}:
                        k -= 1
                    if doc[k].text in {",", "–", "—", "-", ":"} and k in by_end:
                        holder = by_end[k]  # "Spotify and Klarna, both Stockholm-based,", "Sowa Robotics – a Wrocław-based maker"
                if holder is not None:
                    self._emit(out, ["LOCATED_IN"], holder, i, types, conf["hyphen_based"], "rule:x-based")
            # "Microsoft-backed OpenAI", "an NSF-funded institute"
            if t in ORG + ("Programme", "Person") and e + 1 < sent.end and doc[e].text in {"-", "–"} and doc[e + 1].lower_ in {"backed", "funded", "financed", "sponsored"}:
                k = e + 2
                while k < min(sent.end, e + 6):
                    if k in by_start:
                        self._emit(out, ["FUNDS"], i, by_start[k], types, conf["hyphen_based"] - 0.1, "rule:x-backed")
                        break
                    if doc[k].is_punct:
                        break
                    k += 1
            # "Yoshua Bengio of Mila", "Jane Doe (Acme Labs)"
            if t == "Person" and e + 1 < sent.end and doc[e].lower_ in {"of", "at", "from", "("} and (e + 1) in by_start:
                j = by_start[e + 1]
                if types[j] in ORG:
                    self._emit(out, ["AFFILIATED_WITH"], i, j, types, conf["adjacent"] - 0.05, "rule:person-of-org")
            # "the Computer Science and Artificial Intelligence Laboratory (CSAIL) of the Massachusetts Institute of Technology"
            if t == "Institute" and any(w.lower_ in UNIT_WORDS for w in doc[s:e]):
                k = e
                if k + 2 < sent.end and doc[k].text == "(" and doc[k + 2].text == ")":
                    k += 3
                if k + 1 < sent.end and doc[k].lower_ == "of":
                    k += 1
                    if doc[k].lower_ == "the":
                        k += 1
                    j = by_start.get(k)
                    if j is not None and types[j] in ORG:
                        self._emit(out, ["PART_OF"], i, j, types, conf["adjacent"] - 0.05, "rule:unit-of-org")
            # "Mistral AI of Paris", "the Vector Institute in Toronto"
            if t != "Cluster" and e + 1 < sent.end and doc[e].lower_ in {"of", "in"} and (e + 1) in by_start:
                j = by_start[e + 1]
                if types[j] == "Cluster" and not (e + 2 < len(doc) and doc[by_end_of(spans, j)].text in {"-"}):
                    self._emit(out, ["LOCATED_IN"], i, j, types, conf["adjacent"], "rule:org-of-place")
            # "M42, the Abu Dhabi health technology company"
            if t in ORG and e + 2 < sent.end and doc[e].text == "," and doc[e + 1].lower_ in {"the", "a", "an"} and (e + 2) in by_start:
                j = by_start[e + 2]
                je = by_end_of(spans, j)
                if types[j] == "Cluster" and je < sent.end and doc[je].text not in {",", "'s", "’s", "-"}:
                    tail = doc[je:min(sent.end, je + 6)]
                    if any(w.lower_ in {"company", "firm", "startup", "start-up", "developer", "lab", "institute", "university", "agency", "group", "investor", "provider", "maker", "bank"} for w in tail):
                        self._emit(out, ["LOCATED_IN"], i, j, types, conf["adjacent"] - 0.05, "rule:apposition-place")
            # "Microsoft, whose Africa Development Centre ...", "its Eindhoven Artificial Intelligence Systems Institute"
            owner = None
            if s > sent.start and doc[s - 1].lower_ == "whose" and s - 2 >= sent.start and doc[s - 2].text == "," and (s - 2) in by_end:
                owner = by_end[s - 2]
            elif s > sent.start and doc[s - 1].lower_ in ("its", "their") and (s - 1) in by_start:
                owner = by_start[s - 1]
            if owner is not None and types[owner] in ORG and owner != i:
                if t == "Cluster" and any(w.lower_ in self.lex.site_nouns for w in doc[e:min(sent.end, e + 3)] if w.is_lower):
                    self._emit(out, ["LOCATED_IN"], owner, i, types, conf["possessive"], "rule:site-of")  # "whose Eindhoven campus"
                elif t in ORG and any(w.lower_ in UNIT_WORDS | {"centre", "center", "ventures", "research"} for w in doc[s:e]):
                    self._emit(out, ["PART_OF"], i, owner, types, conf["possessive"] - 0.1, "rule:possessive-part")
            # "Strathmore University is a private university in Nairobi"
            if t in ORG and e + 2 < sent.end and doc[e].lower_ in ("is", "was") and doc[e + 1].lower_ in ("a", "an", "the"):
                k = e + 2
                while k < min(sent.end, e + 9) and doc[k].is_lower and doc[k].lower_ not in ("in", "of", "based", "and", "that", "which", "with"):
                    k += 1
                if k + 1 < sent.end and doc[k].lower_ == "in" and (k + 1) in by_start and types[by_start[k + 1]] == "Cluster" \
                        and k > e + 2 and doc[k - 1].lower_ in NOUN_OF_ORG:
                    self._emit(out, ["LOCATED_IN"], i, by_start[k + 1], types, conf["adjacent"], "rule:copula-in-place")
        titled_people(doc, sent, spans, types, self._role_words, self._former_words,
                      lambda p, org, method: self._emit(out, ["AFFILIATED_WITH"], p, org, types, conf["adjacent"], method))
        place_phrases(doc, sent, spans, types, self._place_org_nouns,
                      lambda org, place, method: self._emit(out, ["LOCATED_IN"], org, place, types, conf["adjacent"], method))
        return out

    def window(self, doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str]) -> list[Cand]:
        """Trigger phrase between two mentions: the nearest on each side (low confidence)."""
        out: list[Cand] = []
        words = [t.lower_ for t in doc[sent.start:sent.end]]
        present = set(words)
        conf = self.lex.conf["window"]
        for rule in self.lex.windows:
            if not all(w in present for w in rule.words):
                continue
            n = len(rule.words)
            for k in range(len(words) - n + 1):
                if tuple(words[k:k + n]) != rule.words:
                    continue
                a, b = sent.start + k, sent.start + k + n
                left = [i for i, s, e in spans if e <= a and not any(
                    doc[x].text in {";", ":"} or doc[x].lower_ in SUBJECT_WORDS for x in range(e, a))]
                right = [i for i, s, e in spans if b <= s <= b + WINDOW_REACH and not any(
                    doc[x].text in {";", ":", ","} for x in range(b, s))]  # "part of the X", not "part of ... at X"
                if not left or not right:
                    continue
                li, ri = left[-1], right[0]
                if rule.left == "src" and self._after_preposition(doc, spans, li):
                    continue  # "a professor at X and a member of Y": X is no member
                roles = {rule.left: li, rule.right: ri}
                if rule.left == "sym":
                    self._emit(out, rule.rel, li, ri, types, conf, "window:" + "-".join(rule.words))
                elif "src" in roles and "tgt" in roles:
                    self._emit(out, rule.rel, roles["src"], roles["tgt"], types, conf, "window:" + "-".join(rule.words))
        return out

    @staticmethod
    def _after_preposition(doc: Any, spans: list[tuple[int, int, int]], i: int) -> bool:
        start = next(s for j, s, _ in spans if j == i)
        k = start - 1
        while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        return k >= 0 and doc[k].lower_ in PREPOSITIONS

    # ------------------------------------------------------------------ dependency frames
    def parsed(self, sd: Any, tok2m: dict[int, int], types: list[str], anchors_fallback: list[int]) -> list[Cand]:
        """Frames over a parsed sentence ``sd``; ``tok2m`` maps its token indices to mention indices."""
        out: list[Cand] = []
        ctx = _Walk(sd, tok2m, self.lex)
        for tok in sd:
            if tok.i in tok2m:
                continue
            before = len(out)
            ctx.via_pronoun = set()
            self._frames_at(ctx, tok, types, out, anchors_fallback)
            fixed = set(ctx.via_pronoun)  # "X is funded by Y, and it partners with Z": not X's list
            if _said_of_one(tok):  # "A, B and C, a spin-out of X": the apposition describes C alone
                fixed |= ctx.holder(tok.head if tok.dep_ in ("compound", "amod") else tok)
            if fixed:
                out[before:] = [replace(c, fixed=frozenset(fixed & {c.src, c.tgt})) for c in out[before:]]
            if len(out) > before and any(c.type == "AFFILIATED_WITH" for c in out[before:]) and self._former(tok):
                out[before:] = [c for c in out[before:] if c.type != "AFFILIATED_WITH"]  # "a former researcher at X"
        return out

    def _former(self, tok: Any) -> bool:
        """Is the role or job of this trigger a past one ("former researcher", "previously worked", "was the CEO")?"""
        markers = self._former_words
        k = tok.i - 1  # "formerly a vice-president of ...", "the company's former chief executive"
        while k >= max(0, tok.i - 6) and not (tok.doc[k].is_punct and tok.doc[k].text not in "-–") \
                and tok.doc[k].lower_ not in ("and", "or", "but", "who", "which"):
            if tok.doc[k].lower_ in markers:
                return True
            k -= 1
        node, steps = tok, 0
        while steps < 4:
            for c in node.children:
                if c.dep_ in ("amod", "advmod", "npadvmod", "prep", "compound") and c.lower_ in markers:
                    return True
            if node.lower_.startswith(("ex-", "former-")):
                return True
            if node.tag_ == "VBD" and (node.lemma_.lower() in self._past_verbs or node.lower_ in self._past_verbs):
                return True  # "was the chief scientist of X", "worked at X"
            if node.dep_ not in ("attr", "appos", "pobj", "prep", "compound", "oprd", "acomp") or node.head is node:
                return False
            node = node.head
            steps += 1
        return False

    def _frames_at(self, ctx: "_Walk", tok: Any, types: list[str], out: list[Cand], anchors_fallback: list[int]) -> None:
        """Every verb frame, noun frame and role reading of one trigger word."""
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if low in ("out", "off") and tok.i >= tok.sent.start + 2 and tok.nbor(-1).text in "-–" and tok.nbor(-2).lower_ == "spin":
            lemma = low = "spin-" + low  # "a spin-out of X" is tokenised spin / - / out
        if lemma in self._among_verbs and tok.pos_ in ("VERB", "AUX") and group_list(
                ctx, tok, self._groups, lambda r, a, b: self._emit(out, [r], a, b, types, self.lex.conf["noun"], f"dep:among-{lemma}")):
            return  # "X counts A and B among its partners": the group noun decides the relation
        if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and lemma in ("base", "headquarter", "locate") or low in ("based", "headquartered", "located")):
            vlemma = {"based": "base", "headquartered": "headquarter", "located": "locate"}.get(low, lemma)
            for frame in self.lex.verbs.get(vlemma, ()):
                if self._verb(ctx, tok, frame, types, out, anchors_fallback):
                    break
        if tok.pos_ in ("NOUN", "PROPN", "ADJ") or tok.dep_ in ("compound", "attr", "appos", "pobj", "dobj", "nsubj"):
            nlemma = lemma
            for frame in self.lex.nouns.get(nlemma, ()):
                if self._noun(ctx, tok, frame, types, out, anchors_fallback):
                    break
            if lemma in self.lex.role_nouns or low in self.lex.role_nouns:
                self._role(ctx, tok, types, out)
            self._noun_in_place(ctx, tok, types, out)

    def _verb(self, ctx: "_Walk", t: Any, frame: Frame, types: list[str], out: list[Cand],
              anchors_fallback: list[int] = ()) -> bool:
        if frame.prt and not any(c.dep_ in ("prt", "prep") and c.lower_ == frame.prt for c in t.children):
            return False
        passive = ctx.is_passive(t)
        obj_tok = ctx.object_tokens(t, passive)
        if frame.obj_lemma:
            heads = [ctx.noun_of(o) for o in obj_tok]
            if not any(h is not None and h.lemma_.lower() in frame.obj_lemma for h in heads):
                return False
        roles: dict[str, set[int]] = {"src": set(), "tgt": set(), "sym": set(), "sym2": set()}

        def put(role: str, ms: Iterable[int], side: int = 2) -> None:
            if role == "sym" and side == 2:
                role = "sym2"
            if role in roles:
                roles[role].update(ms)

        subj_tok = ctx.subject_tokens(t, passive)
        for s in subj_tok:
            put(frame.subj, ctx.mentions(s), 1)
        for o in obj_tok:
            if frame.obj_lemma:
                noun = ctx.noun_of(o)
                if noun is not None:
                    for p, pobj in ctx.preps(noun):
                        r = frame.prep_role(p)
                        if r:
                            put(r, ctx.mentions(pobj))
                    put("tgt" if frame.obj == "none" else frame.obj, ctx.modifier_mentions(noun))
                if frame.obj != "none":
                    put(frame.obj, ctx.mentions(o))
            else:
                put(frame.obj, ctx.mentions(o))
        for p, pobj in ctx.preps(t):
            r = frame.prep_role(p)
            if r and not (p == "with" and "FUNDS" not in frame.rel and pobj.lemma_.lower() in self._funding_nouns):
                put(r, ctx.mentions(pobj))  # "set up with funding from Y" names a funder, not a co-founder
            if p in self._co_actor_preps:  # "invested alongside Y in Z": "in Z" hangs on Y
                for p2, x in ctx.preps(pobj):
                    r2 = frame.prep_role(p2)
                    if r2 and p2 not in self._co_actor_preps:
                        put(r2, ctx.mentions(x))
        if "FUNDS" in frame.rel and roles["src"] and not roles["tgt"]:
            add_recipients(roles, round_recipients(ctx, t, self._round_nouns))  # "with Z also investing"
        conf = frame.conf if frame.conf is not None else self.lex.conf["verb"]
        if frame.needs_prep and not any(frame.prep_role(p) for p, _ in ctx.preps(t)):
            return False  # "X and Y signed agreements" is no partnership between X and Y
        if "ANCHORS" in frame.rel and roles["src"] and not roles["tgt"]:
            roles["tgt"].update(self._fallback_places(ctx, t, anchors_fallback, types))  # "anchors the cluster"
            conf = 0.55
        return self._pairs(roles, frame.rel, types, conf, f"dep:{t.lemma_.lower()}", out)

    def _pairs(self, roles: dict[str, set[int]], rels: tuple[str, ...], types: list[str], conf: float, method: str,
               out: list[Cand], pair_subjects: bool = True) -> bool:
        n0 = len(out)
        for a in sorted(roles["src"]):
            for b in sorted(roles["tgt"]):
                self._emit(out, rels, a, b, types, conf, method)
        a_side, b_side = sorted(roles["sym"]), sorted(roles.get("sym2", set()) - roles["sym"])
        if a_side and b_side:
            for a in a_side:
                for b in b_side:
                    self._emit(out, rels, a, b, types, conf, method)
        else:
            sym = (a_side if pair_subjects else []) or b_side  # "X and Y partner", "a partnership between X and Y"
            for x in range(len(sym)):
                for y in range(x + 1, len(sym)):
                    self._emit(out, rels, sym[x], sym[y], types, conf, method)
        return len(out) > n0

    def _noun(self, ctx: "_Walk", n: Any, frame: Frame, types: list[str], out: list[Cand], anchors_fallback: list[int]) -> bool:
        roles: dict[str, set[int]] = {"src": set(), "tgt": set(), "sym": set(), "sym2": set()}

        def put(role: str, ms: Iterable[int], side: int = 2) -> None:
            if role == "sym" and side == 2:
                role = "sym2"
            if role in roles:
                roles[role].update(ms)

        base = n
        if n.dep_ == "compound" and n.head.pos_ in ("NOUN", "PROPN") and n.head.i not in ctx.tok2m:
            base = n.head  # "anchor institution"
        compound_holder = "PART_OF" in frame.rel and any(c.dep_ == "compound" and c.i in ctx.tok2m for c in n.children) \
            and any(c.dep_ == "poss" for c in n.children)
        if "PART_OF" in frame.rel and base.dep_ not in ("attr", "appos", "conj", "oprd", "pobj") and not any(
                c.dep_ == "appos" and c.i in ctx.tok2m for c in base.children) and not compound_holder:
            return False  # "use part of the capital" says nothing about membership
        if compound_holder:  # "its NVentures arm"
            put("src", {ctx.tok2m[c.i] for c in n.children if c.dep_ == "compound" and c.i in ctx.tok2m}, 1)
        held = ctx.holder(base)
        # "CIFAR partners with three institutes: A, B and C" (a list explaining the trigger) and "its
        # partners, A and B" are the other side of the trigger's owner, not partners of each other
        listed = frame.holder == "sym" and any(c.dep_ == "appos" and c.i in ctx.tok2m for c in base.children)
        put(frame.holder, held, 2 if base.dep_ == "nsubj" or listed else 1)
        # "X and Y joined Z as partners", "the delivery partners are A, B and C": partners of something else
        lone_holders = frame.holder == "sym" and (
            base.dep_ == "pobj" and base.head.lower_ == "as" or base.dep_ == "nsubj" and not any(
                c.dep_ == "poss" and c.i in ctx.tok2m for c in base.children))
        nodes = [n] if base is n else [n, base]
        if base.dep_ == "nsubj" and base.head.lemma_.lower() in ("come", "flow", "arrive", "originate"):
            nodes.append(base.head)  # "Funding for the institute comes from NSF"
        for node in nodes:
            for p, pobj in ctx.preps(node):
                r = frame.prep_role(p)
                if r:
                    put(r, ctx.mentions(pobj))
            if node is not n and node is not base:
                continue
            for c in node.children:
                if c.dep_ == "poss":
                    put(frame.poss, ctx.mentions(c), 1)
                elif c.dep_ in ("compound", "nmod", "amod") and c.i in ctx.tok2m:
                    put(frame.compound, ctx.mentions(c), 1)
        for c in n.conjuncts:
            for p, pobj in ctx.preps(c):
                r = frame.prep_role(p)
                if r and not roles["tgt"]:
                    put(r, ctx.mentions(pobj))
        if "FUNDS" in frame.rel and roles["src"] and not roles["tgt"]:
            add_recipients(roles, round_recipients(ctx, n, self._round_nouns))  # "with participation from Y"
        if "ANCHORS" in frame.rel and (not roles["src"] or not roles["tgt"]):
            if not roles["src"] and not roles["tgt"] and base.tag_ in ("NNS", "NNPS") and (
                    base.dep_ in ("nsubj", "pobj", "dobj") or any(c.dep_ in ("det", "compound") for c in base.children)):
                return False  # "the anchors are universities", "cluster anchors worldwide": said of no one
            if not roles["src"]:
                orgs = [m for m in anchors_fallback if types[m] in ("Institute", "Company")]
                roles["src"].update(orgs[:1])
            if not roles["tgt"]:
                roles["tgt"].update(self._fallback_places(ctx, n, anchors_fallback, types))
            conf = 0.55
        else:
            conf = frame.conf if frame.conf is not None else self.lex.conf["noun"]
        if lone_holders and held:
            others = (roles["sym"] | roles["sym2"]) - held
            if not others:
                return False
            roles["sym"], roles["sym2"] = set(held), others
        # "a joint lab of Qualcomm and the UvA": the parents work together
        if "PART_OF" in frame.rel and any(c.lower_ == "joint" for c in n.children) and len(roles["tgt"]) >= 2:
            parents = sorted(roles["tgt"])
            for x in range(len(parents)):
                for y in range(x + 1, len(parents)):
                    self._emit(out, ["PARTNERS_WITH"], parents[x], parents[y], types, conf - 0.05, f"dep:joint-{n.lemma_.lower()}")
        return self._pairs(roles, frame.rel, types, conf, f"dep:{n.lemma_.lower()}", out)

    @staticmethod
    def _fallback_places(ctx: "_Walk", trigger: Any, fallback: list[int], types: list[str]) -> set[int]:
        """The place "the cluster"/"the city" refers to: one named earlier in the sentence, else the document's."""
        here = {m for m in fallback if types[m] == "Cluster" and m in ctx.m2toks}
        phrase = _phrase_tokens(trigger.head if trigger.dep_ in ("nmod", "compound") else trigger)
        said = {m for m in here if any(t in phrase for t in ctx.m2toks[m])}  # "anchors Helsinki's research community"
        before = {m for m in here if min(ctx.m2toks[m]) < trigger.i}
        return said or before or {m for m in fallback if types[m] == "Cluster" and m not in ctx.m2toks}

    def _role(self, ctx: "_Walk", n: Any, types: list[str], out: list[Cand]) -> None:
        """"Name, professor at Y", "Y CEO Name", "Y's director Name", "chief executive Name of Y"."""
        persons = [m for m in ctx.holder(n) if types[m] == "Person"]
        for c in n.children:  # "BIFOLD's director, Professor Klaus-Robert Müller,"
            m = ctx.tok2m.get(c.i)
            if c.dep_ == "appos" and m is not None and types[m] == "Person":
                persons.append(m)
        if not persons:
            return
        orgs: set[int] = set()
        held_by = [n.head] if n.dep_ == "dobj" and n.head.pos_ == "VERB" else []  # "keep her professorship at X"
        for node in [n, *n.conjuncts, *held_by]:
            for p, pobj in ctx.preps(node):
                if p in self.lex.role_preps:
                    orgs.update(ctx.mentions(pobj))
            for c in node.children:
                if c.dep_ in ("poss", "compound", "nmod") and c.i in ctx.tok2m:
                    orgs.update(ctx.mentions(c))
        if not orgs and n.dep_ == "attr" and n.head.dep_ == "relcl" and any(c.lower_ == "where" for c in n.head.children):
            orgs = ctx.mentions(n.head.head)  # "the University of Alberta, where Richard Sutton is a professor"
        for p in persons:
            for o in sorted(orgs):
                self._emit(out, ["AFFILIATED_WITH"], p, o, types, self.lex.role_conf, "dep:role")

    def _noun_in_place(self, ctx: "_Walk", n: Any, types: list[str], out: list[Cand]) -> None:
        """"MBZUAI is a graduate research university in Abu Dhabi": a noun said of an organisation, in a place."""
        if n.dep_ not in ("attr", "appos") or n.pos_ not in ("NOUN", "PROPN") or n.lemma_.lower() in self._groups \
                or n.lemma_.lower() in self.lex.role_nouns:
            return  # "a partner of G42 in Abu Dhabi" places G42, not the partner
        places = set()
        for p, pobj in ctx.preps(n):
            if p in ("in", "of"):
                places.update(m for m in ctx.mentions(pobj) if types[m] == "Cluster")
        for c in n.children:
            if c.dep_ in ("compound", "nmod") and c.i in ctx.tok2m and types[ctx.tok2m[c.i]] == "Cluster":
                places.add(ctx.tok2m[c.i])
        if not places:
            return
        for h in ctx.holder(n):
            for pl in sorted(places):
                self._emit(out, ["LOCATED_IN"], h, pl, types, self.lex.conf["adjacent"], "dep:np-in-place")


def _said_of_one(tok: Any) -> bool:
    """Is this trigger an apposition to one name (not "both"/"all" of a list)?"""
    node = tok.head if tok.dep_ in ("compound", "amod") else tok
    return node.dep_ == "appos" and not any(c.lower_ in ("both", "all", "each") for c in node.subtree)


def _phrase_tokens(tok: Any) -> set[int]:
    """Token indices of the phrase a trigger heads, without coordinated or subordinate clauses."""
    out: set[int] = set()
    stack = [c for c in tok.children if c.dep_ not in ("conj", "cc", "punct", "advcl", "relcl", "nsubj", "nsubjpass")]
    while stack:
        t = stack.pop()
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in ("conj", "cc", "relcl", "advcl"))
    return out


def by_end_of(spans: list[tuple[int, int, int]], i: int) -> int:
    for j, _start, e in spans:
        if j == i:
            return e
    return -1


class _Walk:
    """Navigation over one parsed sentence: which mentions fill a syntactic slot."""

    def __init__(self, sd: Any, tok2m: dict[int, int], lex: Lexicon) -> None:
        self.sd = sd
        self.tok2m = tok2m
        self.lex = lex
        self.funding_nouns = frozenset(lex.relations.get("funding_nouns", ()))
        self.via_pronoun: set[int] = set()  # mentions reached through "it"/"they" heading a clause
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
            return [pobj for c in t.children if c.dep_ == "agent" for pobj in c.children if pobj.dep_ == "pobj"]
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
            if t.dep_ in ("acl", "relcl", "amod", "advcl"):
                return [t.head]
            if t.dep_ == "conj":
                return self.object_tokens(t.head, True)
            return []
        objs = [c for c in t.children if c.dep_ in ("dobj", "attr", "dative", "oprd")]
        if not objs and t.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ in REL_PRONOUNS for c in t.children) \
                and any(c.dep_ == "nsubj" and c.lower_ not in REL_PRONOUNS for c in t.children):
            return [t.head]  # "a scheme that SPRI runs for the government": "that" parsed as a marker
        if objs or any(c.dep_ == "prep" for c in t.children):
            return objs
        if t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ not in REL_PRONOUNS for c in t.children):
            return [t.head]  # "a programme that C will fund": the programme is funded
        if t.dep_ == "conj" and t.head.pos_ == "VERB":
            return self.object_tokens(t.head, False)  # "... that C will fund and V will run"
        return objs

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
        seen = 0
        while seen < 6:
            seen += 1
            dep = n.dep_
            if dep == "conj":
                n = n.head
                continue
            if dep in ("appos", "compound"):
                k = n.left_edge.i - 1  # "A, B and C, a spin-out of X": the name right before the comma
                if dep == "appos" and k > 0 and self.sd[k].text == "," and self.tok2m.get(k - 1) is not None:
                    return {self.tok2m[k - 1]}
                m = self.tok2m.get(n.head.i)
                return {m} if m is not None else self._direct(n.head, 1)
            if dep in ("attr", "acomp", "oprd"):
                verb = n.head
                subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subs and verb.dep_ == "conj":  # "X is backed by Y and is a member of Z"
                    subs = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
                res: set[int] = set()
                for s in subs:
                    res |= self.mentions(s)
                for x in self._list_extra(verb) + self._list_extra(n):
                    res |= self.mentions(x)
                return res
            if dep == "dobj":
                res = set()
                for s in self.subject_tokens(n.head, False):
                    res |= self.mentions(s)
                return res
            if dep == "pobj":
                prep = n.head
                h = prep.head
                if prep.lower_ in ("as", "in", "by", "through", "via") and h.pos_ in ("VERB", "AUX"):
                    res = set()
                    subs = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in TIME_WORDS] \
                        or self.subject_tokens(h, False)
                    for s in subs:
                        res |= self.mentions(s)
                    for x in self._list_extra(n) + self._list_extra(h):
                        res |= self.mentions(x)
                    return res
                if prep.lower_ == "as" and h.pos_ in ("NOUN", "PROPN"):
                    return self.mentions(h)
                if prep.lower_ == "with" and h.pos_ == "VERB" and n.lemma_.lower() in self.funding_nouns:
                    return self.with_holder(h)  # "X was set up with funding from Y", "a scheme A runs with a grant from Y"
                return set()
            if dep == "nsubj" and n.head.lemma_.lower() in ("include", "be", "comprise", "count") and any(
                    c.dep_ in ("poss", "det") or c.dep_ == "prep" and c.lower_ == "of" for c in n.children):
                res = set()  # "its sponsors include NVIDIA, RBC and Shopify"
                for c in n.head.children:
                    if c.dep_ in ("dobj", "attr"):
                        res |= self.mentions(c)
                return res
            return set()
        return set()

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

    def modifier_mentions(self, noun: Any) -> set[int]:
        res: set[int] = set()
        for c in noun.children:
            if c.dep_ in ("compound", "nmod", "amod") and c.i in self.tok2m:
                res.add(self.tok2m[c.i])
        return res

    def mentions(self, tok: Any, depth: int = 0) -> set[int]:
        """Mentions standing in a slot filled by ``tok`` (with its conjuncts)."""
        if depth > 4:
            return set()
        if tok.lower_ in REL_PRONOUNS and tok.head.dep_ == "relcl" and any(c.i > tok.i for c in tok.head.head.conjuncts):
            return self._direct(tok.head.head, depth + 1)  # "between CIFAR, which runs X, and the Turing": CIFAR alone
        res = self._direct(tok, depth)
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
            ante = tok.head.head  # "X is a programme that EIDS runs": the programme is X
            if ante.dep_ == "pobj" and ante.head.lower_ == "of" and ante.head.head.dep_ == "attr" and ante.i not in self.tok2m:
                ante = ante.head.head  # "X is a programme of six fellowships that C will fund"
            if ante.dep_ == "attr" and ante.head.lemma_ == "be" and ante.i not in self.tok2m:
                return set().union(*(self.mentions(c, depth + 1) for c in ante.head.children if c.dep_ in ("nsubj", "nsubjpass")))
            return self.mentions(ante, depth + 1)
        if low in REL_PRONOUNS and tok.dep_ == "pobj" and tok.head.head.dep_ == "relcl":
            return self.mentions(tok.head.head.head, depth + 1)  # "in which Microsoft invested"
        if low in CLAUSE_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "conj":
            res_s: set[int] = set()  # "X is funded by Y, and it partners with Z": "it" is X
            for c in tok.head.head.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    res_s |= self.mentions(c, depth + 1)
            self.via_pronoun |= res_s
            return res_s
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            for c in tok.children:
                if c.dep_ == "appos" and c.i in self.tok2m:
                    return {self.tok2m[c.i]}
            if tok.dep_ == "appos":
                return self.mentions(tok.head, depth + 1)
            if tok.dep_ == "attr" and tok.head.lemma_ == "be" and depth == 0:
                res0: set[int] = set()  # "MBZUAI is a university in Abu Dhabi, led by ..."
                for c in tok.head.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        res0 |= self.mentions(c, depth + 1)
                if res0:
                    return res0
            lemma = tok.lemma_.lower()
            if tok.pos_ in ("NOUN", "PROPN"):
                mods = [c for c in tok.children if c.dep_ in ("compound", "nmod")]
                mods += [g for c in mods if c.i not in self.tok2m for g in c.children if g.dep_ in ("compound", "nmod")]
                named = {self.tok2m[c.i] for c in mods if c.i in self.tok2m}  # "the Cyfronet computing centre"
                if named and (low in TYPE_NOUNS or lemma in TYPE_NOUNS):
                    return named  # "the @iLabAfrica research centre", "the AiNed programme"
                incl: set[int] = set()
                for c in tok.children:  # "venture investors including X and Y", "firms such as X"
                    if c.dep_ == "prep" and (c.lower_ in ("including", "like") or c.lower_ == "as" and any(
                            x.lower_ == "such" for x in c.children) or c.lower_ == "such"):
                        for _, pobj in self.preps_of_prep(c):
                            incl |= self.mentions(pobj, depth + 1)
                if incl:
                    return incl
            if lemma in self.lex.via_nouns or low in self.lex.via_nouns:
                res: set[int] = set()
                for c in tok.children:
                    if c.dep_ in ("poss", "compound", "nmod") and c.i in self.tok2m:
                        res.add(self.tok2m[c.i])
                for p, pobj in self.preps(tok):
                    if p in ("from", "of", "by", "for", "in", "at"):
                        res |= self.mentions(pobj, depth + 1)
                if not res and lemma in ROUND_NOUNS:
                    # "X raised $40 million in a Series B round led by Y": the round is X's
                    h = tok.head
                    if h.dep_ == "prep":
                        h = h.head
                    if h.pos_ == "VERB" and h.lemma_.lower() in ("raise", "close", "complete", "secure", "announce", "receive"):
                        for sub in h.children:
                            if sub.dep_ in ("nsubj", "nsubjpass"):
                                res |= self.mentions(sub, depth + 1)
                return res
        return set()
