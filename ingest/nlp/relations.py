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

from aikg.ingest.nlp.lexicon import Frame, Lexicon, lexicon_sets
from aikg.ingest.nlp.mentions.place_forms import wide_area_nouns
from aikg.ingest.nlp.relation_anchor import subject_owner, subject_phrase, unnamed_owner
from aikg.ingest.nlp.relation_anchor_forms import anchor_kept, called_anchor
from aikg.ingest.nlp.relation_anchor_nouns import anchor_noun_forms, anchor_stated_kept
from aikg.ingest.nlp.relation_employer_place import employer_places
from aikg.ingest.nlp.relation_forms import FormRules
from aikg.ingest.nlp.relation_fund_frames import crowd_between, fund_frames_kept
from aikg.ingest.nlp.relation_funding import FundingWords, relative_funds, verb_funds
from aikg.ingest.nlp.relation_funding_published import acl_investor, agent_before, funding_unsaid
from aikg.ingest.nlp.relation_guard import TieGuard
from aikg.ingest.nlp.relation_joint import JointWords, joint_rules
from aikg.ingest.nlp.relation_lists import first_named, list_groups
from aikg.ingest.nlp.relation_member_housed import UNIT_SAID_OF_ONE
from aikg.ingest.nlp.relation_modifier import modifier_rules, modifier_words
from aikg.ingest.nlp.relation_np import add_recipients, group_list, pact_complement_roles, round_recipients
from aikg.ingest.nlp.relation_org_forms import funder_in_chain
from aikg.ingest.nlp.relation_people import titled_people
from aikg.ingest.nlp.relation_people_lines import singular_apposition
from aikg.ingest.nlp.relation_people_scope import mention_spans, scope_people
from aikg.ingest.nlp.relation_place_founding import founding_places
from aikg.ingest.nlp.relation_place_home import home_places
from aikg.ingest.nlp.relation_place_town_sites import places_town_sites
from aikg.ingest.nlp.relation_places import (
    SAID_OF_ONE,
    PlaceWords,
    based_said_of_one,
    listed_not_apposed,
    place_lists,
    place_phrases,
)
from aikg.ingest.nlp.relation_site_forms import opened_site_kept, with_sites
from aikg.ingest.nlp.relation_stance import Stance, one_name
from aikg.ingest.nlp.relation_structure import StructureWords, runs_not_funder, structure_rules
from aikg.ingest.nlp.relation_structure_forms import anchor_route_kept, anchor_tenants, place_forms
from aikg.ingest.nlp.relation_surface import Sent, surface_rules
from aikg.ingest.nlp.relation_types import Cand, allowed
from aikg.ingest.nlp.relation_unit_nouns import apposition_holder, pin_units
from aikg.ingest.nlp.relation_walk import Walk

__all__ = ["Cand", "RelationFinder", "allowed"]

CLAUSE_PRONOUNS = {"it", "they", "he", "she"}
WINDOW_REACH = 6  # words between a window phrase and the name after it
PREPOSITIONS = {"at", "of", "in", "for", "from", "with", "by", "to", "on", "under", "within"}
SUBJECT_WORDS = CLAUSE_PRONOUNS | {"we"}


class RelationFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._former_words = frozenset(lexicon.relations.get("former_markers", ()))
        self._past_verbs = frozenset(lexicon.relations.get("past_role_verbs", ()))
        self._groups: dict[str, dict[str, str]] = dict(lexicon.relations.get("group_nouns", {}))
        self._among_verbs = frozenset(lexicon.relations.get("among_verbs", ()))
        self._round_nouns = frozenset(lexicon.relations.get("round_nouns", ()))
        self._received_rounds, = lexicon_sets("funding_running_forms.json", ("received_round_nouns",))
        self._funding_nouns = frozenset(lexicon.relations.get("funding_nouns", ()))
        self._place_org_nouns = frozenset(lexicon.relations.get("place_org_nouns", ()))
        self._place_words = PlaceWords(lexicon.relations)  # "Companies in the Tunis cluster include A" (relation_places.py)
        self._co_actor_preps = frozenset(lexicon.relations.get("co_actor_preps", ()))
        self._role_words = frozenset(w.lower() for w in lexicon.role_nouns)
        self._cohort_nouns = frozenset(lexicon.relations.get("cohort_nouns", ()))
        self._compound_not_trigger = frozenset(lexicon.relations.get("compound_not_trigger", ()))
        self._hedges = frozenset(lexicon.relations.get("hedge_words", ()))
        self._talk_nouns = frozenset(lexicon.relations.get("talk_nouns", ()))
        self._founder_titles = frozenset(lexicon.relations.get("founder_titles", ()))
        self._site_verbs = frozenset(lexicon.relations.get("site_verbs", ()))
        self._not_site_holders = frozenset(lexicon.relations.get("not_site_holder_verbs", ()))
        self._surface_words = {k: frozenset(w.lower() for w in v)
                               for k, v in lexicon.relations["surface_words"].items() if not k.startswith("_")}
        self._holder_preps = frozenset(lexicon.relations["location_holder_preps"])
        self._stance = Stance.from_lexicon(lexicon.relations)  # past ties, sites still to come (relation_stance.py)
        self._guard = TieGuard.load()  # partnerships and anchors a trigger does not state (relation_guard.py)
        self._joint = JointWords(lexicon.relations)  # joint acts, partner nouns, headline pacts (relation_joint.py)
        self._modifiers = modifier_words(lexicon.relations)  # "Lumora Labs, an Orrin Institute spin-out"
        self._structure = StructureWords(lexicon.relations)  # relative clauses of running, units led by (relation_structure.py)
        self._one_name = frozenset(lexicon.relations.get("one_name_methods", ()))
        self._forms = FormRules(lexicon.relations)  # general forms of FUNDS, MEMBER_OF, PARTNERS_WITH (relation_forms.py)
        self._funding = FundingWords(lexicon.relations)  # "a scheme that A funds and B runs" (relation_funding.py)
        self._plan_verbs = frozenset(f for v in lexicon.relations.get("plan_verbs", ()) for f in (
            v, v + "s", v + "d", v + "ed", v + "ing", v[:-1] + "ing", v + v[-1] + "ed", v + v[-1] + "ing"))

    # ------------------------------------------------------------------ helpers
    def _emit(self, out: list[Cand], rtypes: Iterable[str], src: int, tgt: int, types: list[str], conf: float,
              method: str) -> None:
        if src == tgt:
            return
        r = allowed(rtypes, types[src], types[tgt])
        if r is not None:
            out.append(Cand(r, src, tgt, conf, method))

    def owner_cue(self, words: list[str]) -> bool:
        """Could a one-name sentence state a tie with the page's organisation ("X is also a member")?"""
        return self._forms.owner_cue(words)

    def needs_parse(self, words: list[str], has_person: bool = True) -> bool:
        return self.lex.needs_parse(words, has_person)

    # ------------------------------------------------------------------ lists
    @staticmethod
    def list_groups(doc: Any, spans: list[tuple[int, int, int]], types: list[str]) -> dict[int, int]:
        return list_groups(doc, spans, types)

    # ------------------------------------------------------------------ surface rules
    def surface(self, doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str]) -> list[Cand]:
        """Rules on tokens of the entity pass (relation_surface, relation_people, relation_places)."""
        out: list[Cand] = []
        conf = self.lex.conf

        def emit(rtypes: Iterable[str], src: int, tgt: int, c: float, method: str) -> None:
            self._emit(out, rtypes, src, tgt, types, c, method)

        sent_rules = Sent(doc, sent, spans, types, conf, self.lex.possessive, self.lex.site_nouns, emit,
                          self._surface_words, self._holder_preps)
        surface_rules(sent_rules)
        out = based_said_of_one(doc, sent_rules.spans, out)  # "A, B and C, an Ithaca-based start-up": C alone
        titled_people(doc, sent, sent_rules.spans, types, self._role_words, self._former_words,
                      lambda p, org, method: emit(["AFFILIATED_WITH"], p, org, conf["adjacent"], method),
                      self._founder_titles,
                      lambda p, org, method: emit(["FOUNDED"], p, org, conf["adjacent"], method))
        n0 = len(out)
        place_phrases(doc, sent, sent_rules.spans, types, self._place_org_nouns,
                      lambda org, place, method: emit(["LOCATED_IN"], org, place, conf["adjacent"], method))
        place_lists(doc, sent, sent_rules.spans, types, self._place_words,  # "Companies in the X cluster include A"
                    lambda org, place, method: emit(["LOCATED_IN"], org, place, conf["adjacent"], method))
        out[n0:] = [replace(c, fixed=frozenset({c.src})) if c.method in SAID_OF_ONE else c for c in out[n0:]]
        employer_places(doc, sent, sent_rules.spans, types,  # "the largest employer in Y is X" (relation_employer_place)
                        lambda org, place, method: emit(["LOCATED_IN"], org, place, conf["adjacent"], method))
        called_anchor(doc, sent, sent_rules.spans, types,  # "officials call X the anchor of Y's scene" (relation_anchor_forms)
                      lambda org, place, method: emit(["ANCHORS"], org, place, conf["adjacent"], method))
        anchor_noun_forms(doc, sent, sent_rules.spans, types,  # "P's anchor institutions are A and B" (relation_anchor_nouns)
                    lambda org, place, method: emit(["ANCHORS"], org, place, conf["adjacent"], method))
        places_town_sites(doc, sent, sent_rules.spans, types,  # "X's Tampere campus", "X, Tampere's largest university" (relation_place_town_sites)
                   lambda org, place, method: emit(["LOCATED_IN"], org, place, conf["adjacent"], method))
        with_sites(doc, sent, sent_rules.spans, types,  # "X is based in A, with a workshop in B and an office in C"
                   lambda org, place, method: emit(["LOCATED_IN"], org, place, conf["adjacent"], method))
        founding_places(doc, sent, sent_rules.spans, types,  # "X, which Y set up in Z" (relation_place_founding)
                        lambda org, place, method: emit(["LOCATED_IN"], org, place, conf["adjacent"], method))
        home_places(doc, sent, sent_rules.spans, types,  # "Z is also home to X (XA)" (relation_place_home)
                    lambda org, place, method: emit(["LOCATED_IN"], org, place, conf["adjacent"], method))
        n0 = len(out)
        structure_rules(doc, sent, sent_rules.spans, types, self._structure, emit, conf["adjacent"])
        out[n0:] = [replace(c, fixed=frozenset({c.src, c.tgt})) if c.method in UNIT_SAID_OF_ONE else c for c in out[n0:]]
        relative_funds(doc, sent, sent_rules.spans, types, self._funding, emit, conf["adjacent"])
        verb_funds(doc, sent, sent_rules.spans, types, self._funding, emit, conf["adjacent"])  # "Y funds X's projects"
        joint_rules(doc, sent, sent_rules.spans, types, self._joint, emit, conf["adjacent"])  # "jointly developed by A and B"
        modifier_rules(doc, sent, sent_rules.spans, types, self._modifiers, emit, conf["adjacent"])
        out = [one_name(c, sent_rules.spans, self._one_name, doc) for c in out]  # "Y of Hamburg, the Valencia-based Z"
        out = pin_units(out)  # "A and the Centre X (CX), the AI centre of U": X's, not A's (relation_unit_nouns.py)
        starts = {i: s for i, s, _ in sent_rules.spans}  # "closed its Tallinn office": a site given up
        out = scope_people(doc, out, sent_rules.spans, types)  # "a spin-off of X founded by A", "B, C of X" (relation_people_scope.py)
        out = singular_apposition(doc, out, sent_rules.spans, types)  # "A and B, an engineer at X": B's (relation_people_lines.py)
        out = self._guard.surface_keep(out, doc, sent_rules.spans)  # no partnership of an event (relation_guard.py)
        return [c for c in out if c.type not in self._stance.types or not self._stance.given_up(doc, min(
            starts.get(c.src, sent.end), starts.get(c.tgt, sent.end)), sent.start)]

    def window(self, doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str]) -> list[Cand]:
        """Trigger phrase between two mentions: the nearest on each side (low confidence)."""
        out: list[Cand] = []
        words = [t.lower_ for t in doc[sent.start:sent.end]]
        present = set(words)
        conf = self.lex.conf["window"]
        for rule in self.lex.windows:
            if not present.issuperset(rule.words):  # (one set call, not a generator per rule: speed only)
                continue
            n = len(rule.words)
            first = rule.words[0] if n else None
            for k in range(len(words) - n + 1):
                if n and words[k] != first or tuple(words[k:k + n]) != rule.words:  # (first word: speed only)
                    continue
                a, b = sent.start + k, sent.start + k + n
                if self._window_unstated(doc, sent, a):
                    continue
                left = [i for i, s, e in spans if e <= a and not any(
                    doc[x].text in {";", ":"} or doc[x].lower_ in SUBJECT_WORDS for x in range(e, a))]
                right = [i for i, s, e in spans if b <= s <= b + WINDOW_REACH and not any(
                    doc[x].text in {";", ":", ","} for x in range(b, s))]  # "part of the X", not "part of ... at X"
                if not left or not right:
                    continue
                li, ri = left[-1], first_named(doc, spans, types, right)  # not "the Bergen" of "the Bergen firm X"
                if self._guard.window_not_party(rule.rel, doc, *next((s, e) for i, s, e in spans if i == ri),
                                                {t for _, s, e in spans for t in range(s, e)}):
                    continue  # "in partnership with the Ministry's Statistics Directorate", "with customers such as X"
                li = self._guard.window_left(rule.rel, doc, spans, li, a, sent.start)  # "X, whose customers include Y,"
                if "RUNS" in rule.rel and funder_in_chain(doc, *next((s, e) for i, s, e in spans if i == li)):
                    continue  # "financed by F, administered by A": A runs the subject, not F (relation_org_forms.py)
                if self._window_vetoed(rule, doc, sent, spans, li, ri, a):
                    continue
                roles = {rule.left: li, rule.right: ri}
                if rule.left == "sym":
                    self._emit(out, rule.rel, li, ri, types, conf, "window:" + "-".join(rule.words))
                elif "src" in roles and "tgt" in roles:
                    self._emit(out, rule.rel, roles["src"], roles["tgt"], types, conf, "window:" + "-".join(rule.words))
        return self._guard.surface_keep(out, doc, spans)

    def _window_vetoed(self, rule: Any, doc: Any, sent: Any, spans: list[tuple[int, int, int]], li: int, ri: int,
                       a: int) -> bool:
        """A window pair the sentence takes back: ended, stale, unsaid, or a left side that is no party."""
        if self._forms.ended_after(doc, next(e for i, s, e in spans if i == ri), sent):
            return True  # "was a member of X until 2022"
        if set(rule.rel) & self._stance.types and self._stance.stale_window(doc, a, sent.start):
            return True  # "formerly based in X", "once a unit of X"
        if self._guard.window_unsaid(rule.rel, doc, a, sent.start):
            return True  # "Until 2020 X had a partnership with Y", "X is exploring a partnership with Y"
        if rule.left == "src" and self._after_preposition(doc, spans, li):
            return True  # "a professor at X and a member of Y": X is no member
        if rule.left == "tgt" and "FUNDS" in rule.rel and agent_before(doc, spans, li):
            return True  # "funded by A and by a grant from B", "a spin-out of X, backed by B": A, X not funded
        if "FUNDS" in rule.rel and rule.left == "tgt" and crowd_between(doc, a, next(s for i, s, e in spans if i == ri), spans):
            return True  # "backed by a panel of advisers such as A" (relation_fund_frames.py)
        # "an agreement with X and partners with Y", "fits its cameras ... a partnership with Y"
        return rule.left == "sym" and self._forms.not_a_side(doc, spans, li, a)

    def _window_unstated(self, doc: Any, sent: Any, a: int) -> bool:
        """A trigger phrase the words before it take back: talk, plan, hedge or denial."""
        if any(doc[x].lower_ in self._talk_nouns or doc[x].lower_ in self._plan_verbs or doc[x].lower_ in self._hedges
               for x in range(max(sent.start, a - 8), a)):
            return True  # "talks about a partnership with X", "plans to partner with X"
        # "is not backed by X", "a former member of X", "ended its partnership with X"
        return self._forms.denied_before(doc[x].lower_ for x in range(max(sent.start, a - 4), a))

    @staticmethod
    def _after_preposition(doc: Any, spans: list[tuple[int, int, int]], i: int) -> bool:
        start = next(s for j, s, _ in spans if j == i)
        k = start - 1
        while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        return k >= 0 and doc[k].lower_ in PREPOSITIONS

    # ------------------------------------------------------------------ dependency frames
    def parsed(self, sd: Any, tok2m: dict[int, int], types: list[str], anchors_fallback: list[int],
               hints: dict[str, int | None] | None = None) -> list[Cand]:
        """Frames over a parsed sentence ``sd``; ``tok2m`` maps its token indices to mention indices.
        ``hints`` name what the text around refers to: "round" (who raised the round this or the sentence
        before named: "The round was led by Y"), "programme" (the one the sentence before named)."""
        out: list[Cand] = []
        ctx = Walk(sd, tok2m, self.lex, types, hints)
        self._forms.owner = (hints or {}).get("owner")  # the page's organisation, for a group with no owner named
        for tok in sd:
            if tok.i in tok2m:
                continue
            before = len(out)
            ctx.via_pronoun = set()
            self._frames_at(ctx, tok, types, out, anchors_fallback)
            fixed = set(ctx.via_pronoun)  # "X is funded by Y, and it partners with Z": not X's list
            if _said_of_one(tok):  # "A, B and C, a spin-out of X": the apposition describes C alone
                fixed |= ctx.holder(tok.head if tok.dep_ in ("compound", "amod", "acl") else tok)
            if fixed:
                out[before:] = [replace(c, fixed=frozenset(fixed & {c.src, c.tgt})) for c in out[before:]]
            if len(out) > before:
                out[before:] = self._kept_at(out[before:], ctx, tok, tok2m)
        out = place_forms(anchor_route_kept(anchor_tenants(out, sd, tok2m, types), sd, tok2m), sd, tok2m, types)
        # ^ "an anchor tenant of the P Park", "the strip from A to B is anchored by", "the Oslo lab of X" (relation_structure_forms)
        return scope_people(sd, out, mention_spans(tok2m), types)  # which name a founding phrase is said of

    def _kept_at(self, new: list[Cand], ctx: Any, tok: Any, tok2m: dict[int, int]) -> list[Cand]:
        """The candidates the frames at ``tok`` gave, less those the words around take back (past roles, plans,
        talks, stale or denied triggers) or settle otherwise; each filter runs while some are left."""
        if new and any(c.type == "AFFILIATED_WITH" for c in new) and self._former(tok):
            new = [c for c in new if c.type != "AFFILIATED_WITH"]  # "a former researcher at X"
        if new and self._planned(tok):
            new = []  # "plans to open an office in Oslo" states a plan
        if new and any(c.type == "FUNDS" for c in new):  # relation_funding_published.py
            new = [c for c in acl_investor(new, tok, tok2m)
                   if c.type != "FUNDS" or not funding_unsaid(tok)]  # "in talks to invest", "may co-invest"
            new = fund_frames_kept(new, tok, tok2m, ctx.round_owner is not None)  # hackathons, mentors (relation_fund_frames)
        if new and self._stance.stale_trigger(tok):  # "formerly a subsidiary of", "will open an office in"
            new = [c for c in new if c.type not in self._stance.types]
        if new:  # "formerly partnered with", "the anchor investor in", "its team will work with"
            new = self._guard.keep(new, ctx, tok)
        if new and any(c.type == "ANCHORS" for c in new):  # "none of them is an anchor"
            new = anchor_kept(new, tok, ctx.tok2m)  # (relation_anchor_forms.py)
            new = anchor_stated_kept(new, tok, ctx.tok2m)  # "X was drawn to P by", "will anchor" (relation_anchor_nouns.py)
        if new and any(c.type == "FOUNDED" for c in new):  # "opened a Passo Fundo office"
            new = opened_site_kept(new, tok, ctx.tok2m)  # (relation_site_forms.py)
        if new and any(c.type == "RUNS" for c in new):  # "that A funds and B runs"
            new = runs_not_funder(new, ctx)  # relation_structure.py
        if new and any(c.type == "PART_OF" for c in new):  # "Y, the AI centre of U": Y's
            new = apposition_holder(new, ctx, tok, self._structure.units)  # relation_unit_nouns.py
        if new and self._forms.negated(tok):
            new = []  # "did not invest", "a former member of", "ended its partnership with"
        if new:  # "X, part of the Y Network": MEMBER_OF, not PART_OF (relation_forms.settle)
            new = self._forms.settle(new, ctx)
        if new and tok.lemma_.lower() in self._forms.fund_nouns | self._forms.via_funding \
                and self._forms.series_head(ctx, tok) is not None:  # not "IDB Lab, the innovation arm of Y"
            new = [c for c in new if c.method.startswith("form:")]  # "a grant from B" after "from A"
        return new

    def _planned(self, tok: Any) -> bool:
        """Is the trigger (or the verb it is the object of) under "plans to", "aims to", "hopes to"?"""
        node = tok
        for _ in range(4):
            if node.dep_ == "xcomp" and (node.head.lemma_.lower() in self._plan_verbs or node.head.lower_ in self._plan_verbs):
                return True
            if node.dep_ == "pobj" and (node.head.head.lemma_.lower() in self._talk_nouns or any(
                    c.dep_ == "dobj" and c.lower_ in self._talk_nouns for c in node.head.head.children)):
                return True  # "held talks about a partnership with X", "held talks in 2024 about ..."
            if any(c.dep_ in ("amod", "advmod") and c.lower_ in self._hedges for c in node.children):
                return True  # "named as a possible investor in X"
            if node.head.i == node.i:
                return False
            node = node.head
        return False

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
            if node.dep_ not in ("attr", "appos", "pobj", "prep", "compound", "oprd", "acomp") or node.head.i == node.i:
                return False
            node = node.head
            steps += 1
        return False

    def _frames_at(self, ctx: Walk, tok: Any, types: list[str], out: list[Cand], anchors_fallback: list[int]) -> None:
        """Every verb frame, noun frame and role reading of one trigger word."""
        self._forms.at(ctx, tok, lambda r, a, b, c, m: self._emit(out, r, a, b, types, c, m))
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
            if tok.dep_ == "compound" and nlemma in self._compound_not_trigger:
                nlemma = ""  # "venture capital arm" is no joint venture
            if nlemma not in self.lex.nouns and tok.tag_ in ("NNS", "NNPS") and nlemma.endswith("s"):
                nlemma = nlemma[:-1]  # "offices": a plural the light lemmatiser keeps because it is a known word
            for frame in self.lex.nouns.get(nlemma, ()):
                if self._noun(ctx, tok, frame, types, out, anchors_fallback):
                    break
            if lemma in self.lex.role_nouns or low in self.lex.role_nouns:
                self._role(ctx, tok, types, out)
            self._noun_in_place(ctx, tok, types, out)

    def _verb(self, ctx: Walk, t: Any, frame: Frame, types: list[str], out: list[Cand],
              anchors_fallback: list[int] = ()) -> bool:
        if frame.prt and not any(c.dep_ in ("prt", "prep") and c.lower_ == frame.prt for c in t.children):
            return False
        if frame.not_preps and any(p in frame.not_preps for p, _ in ctx.preps(t)):
            return False  # "opened its centre to visitors" opens nothing new
        passive = ctx.is_passive(t)
        obj_tok = ctx.object_tokens(t, passive)
        if frame.obj_lemma and not any(ctx.noun_of(o) is not None and ctx.noun_of(o).lemma_.lower() in frame.obj_lemma
                                       for o in obj_tok):
            return False
        roles = new_roles()
        for s in ctx.subject_tokens(t, passive):
            put_role(roles, frame.subj, ctx.mentions(s), 1)
        for o in obj_tok:
            self._verb_object(ctx, frame, o, roles)
        self._verb_preps(ctx, t, frame, roles)
        if "FUNDS" in frame.rel and roles["src"] and not roles["tgt"]:
            add_recipients(roles, round_recipients(ctx, t, self._round_nouns))  # "with Z also investing"
        if "MEMBER_OF" in frame.rel and roles["src"] and not roles["tgt"] and ctx.prev_programme is not None and any(
                s.lemma_.lower() in self._cohort_nouns and s.i not in ctx.tok2m for s in ctx.subject_tokens(t, passive)):
            roles["tgt"].add(ctx.prev_programme)  # "This year's cohort includes A and B": the programme just named
        conf = frame.conf if frame.conf is not None else self.lex.conf["verb"]
        if frame.needs_prep and not any(frame.prep_role(p) for p, _ in ctx.preps(t)):
            return False  # "X and Y signed agreements" is no partnership between X and Y
        if "ANCHORS" in frame.rel and not roles["src"]:
            roles["src"].update(subject_owner(ctx, t, passive))  # "Amazon's centre has drawn engineers to X"
        if "ANCHORS" in frame.rel and roles["src"] and not roles["tgt"]:
            roles["tgt"].update(self._fallback_places(ctx, t, anchors_fallback, types))  # "anchors the cluster"
            conf = 0.55
        return self._pairs(roles, frame.rel, types, conf, f"dep:{t.lemma_.lower()}", out)

    @staticmethod
    def _verb_object(ctx: Walk, frame: Frame, o: Any, roles: dict[str, set[int]]) -> None:
        """The direct object's mentions; with an object lemma ("lead the round of X") the noun's own phrases."""
        if not frame.obj_lemma:
            got = ctx.mentions(o)
            if not got and "AFFILIATED_WITH" in frame.rel:  # "who heads data science at X", "leads the unit of X"
                for p, pobj in ctx.preps(o):
                    r = frame.prep_role(p)
                    if r:
                        put_role(roles, r, ctx.mentions(pobj))
            put_role(roles, frame.obj, got)
            return
        noun = ctx.noun_of(o)
        if noun is not None:
            for p, pobj in ctx.preps(noun):
                r = frame.prep_role(p)
                if r:
                    put_role(roles, r, ctx.mentions(pobj))
            put_role(roles, "tgt" if frame.obj == "none" else frame.obj, ctx.modifier_mentions(noun))
        if frame.obj != "none":
            put_role(roles, frame.obj, ctx.mentions(o))

    def _verb_preps(self, ctx: Walk, t: Any, frame: Frame, roles: dict[str, set[int]]) -> None:
        for p, pobj in ctx.preps(t):
            r = frame.prep_role(p)
            if r and not (p == "with" and "FUNDS" not in frame.rel and pobj.lemma_.lower() in self._funding_nouns):
                # "set up with funding from Y" names a funder, not a co-founder; a "with" list is one side only
                put_role(roles, "with" if p == "with" and r == "sym" else r, ctx.mentions(pobj))
            if p in self._co_actor_preps:  # "invested alongside Y in Z": "in Z" hangs on Y
                for p2, x in ctx.preps(pobj):
                    r2 = frame.prep_role(p2)
                    if r2 and p2 not in self._co_actor_preps:
                        put_role(roles, r2, ctx.mentions(x))

    def _pairs(self, roles: dict[str, set[int]], rels: tuple[str, ...], types: list[str], conf: float, method: str,
               out: list[Cand], pair_subjects: bool = True) -> bool:
        n0 = len(out)
        for a in sorted(roles["src"]):
            for b in sorted(roles["tgt"]):
                self._emit(out, rels, a, b, types, conf, method)
        # "with" lists are the other side of the trigger's owner only: "X partners with A and B" is no A-B tie
        a_side = sorted(roles["sym"])
        b_side = sorted((roles.get("sym2", set()) | roles.get("with", set())) - roles["sym"])
        if a_side and b_side:
            for a in a_side:
                for b in b_side:
                    self._emit(out, rels, a, b, types, conf, method)
        else:
            # "X and Y partner", "a partnership between X and Y"
            sym = (a_side if pair_subjects else []) or sorted(roles.get("sym2", set()) - roles["sym"])
            for x in range(len(sym)):
                for y in range(x + 1, len(sym)):
                    self._emit(out, rels, sym[x], sym[y], types, conf, method)
        return len(out) > n0

    def _noun(self, ctx: Walk, n: Any, frame: Frame, types: list[str], out: list[Cand], anchors_fallback: list[int]) -> bool:
        roles = new_roles()
        base = n
        if n.dep_ == "compound" and n.head.pos_ in ("NOUN", "PROPN") and n.head.i not in ctx.tok2m:
            base = n.head  # "anchor institution"
        if "PART_OF" in frame.rel and not _part_of_said(ctx, n, base, roles):
            return False  # "use part of the capital" says nothing about membership
        held = ctx.holder(base)
        # "CIFAR partners with three institutes: A, B and C" (a list explaining the trigger) and "its
        # partners, A and B" are the other side of the trigger's owner, not partners of each other
        listed = frame.holder == "sym" and any(c.dep_ == "appos" and c.i in ctx.tok2m for c in base.children)
        put_role(roles, frame.holder, held, 2 if base.dep_ == "nsubj" or listed else 1)
        # "X and Y joined Z as partners", "the delivery partners are A, B and C": partners of something else
        lone_holders = frame.holder == "sym" and (
            base.dep_ == "pobj" and base.head.lower_ == "as" or base.dep_ == "nsubj" and not any(
                c.dep_ == "poss" and c.i in ctx.tok2m for c in base.children))
        self._noun_phrases(ctx, n, base, frame, roles, self._site_verbs)
        if "FUNDS" in frame.rel and self._round_of(n, base):
            owners = set().union(*(ctx.mentions(c) for c in {n, base} for c in c.children if c.dep_ == "poss"))
            roles["src"] -= owners  # "led Oro's funding round": Oro received the round, it funded no one
            put_role(roles, "tgt", owners, 1)
        if "LOCATED_IN" in frame.rel and frame.holder == "src" and base.dep_ == "dobj" and roles["src"] - held \
                and self._not_site_holders & _stems(base.head):
            roles["src"] -= held  # "X leases the Denver office of Y": Y's office, X only its tenant or landlord
        if frame.holder == "sym":  # "a memorandum of understanding between A and B" (relation_np.py)
            for r, ms in pact_complement_roles(ctx, n, frame, self._guard.pact_complements):
                put_role(roles, r, ms)
        if "FUNDS" in frame.rel and roles["src"] and not roles["tgt"]:
            add_recipients(roles, round_recipients(ctx, n, self._round_nouns))  # "with participation from Y"
        if "ANCHORS" in frame.rel and (not roles["src"] or not roles["tgt"]):
            if not self._anchor_roles(ctx, n, base, roles, types, anchors_fallback):
                return False
            conf = 0.55
        else:
            conf = frame.conf if frame.conf is not None else self.lex.conf["noun"]
        if lone_holders and held:
            others = (roles["sym"] | roles["sym2"] | roles["with"]) - held
            if not others:
                return False
            roles["sym"], roles["sym2"], roles["with"] = set(held), others, set()
        # "a joint lab of Qualcomm and the UvA": the parents work together
        if "PART_OF" in frame.rel and any(c.lower_ == "joint" for c in n.children) and len(roles["tgt"]) >= 2:
            self._pairs({"src": set(), "tgt": set(), "sym": set(), "sym2": set(roles["tgt"])}, ("PARTNERS_WITH",), types,
                        conf - 0.05, f"dep:joint-{n.lemma_.lower()}", out)
        return self._pairs(roles, frame.rel, types, conf, f"dep:{n.lemma_.lower()}", out)

    def _round_of(self, n: Any, base: Any) -> bool:
        """Is the funding noun part of a round ("Oro's funding round", also parsed with "round" as a loose word after
        "funding")? A round's possessor received it."""
        if base is not n:
            return base.lemma_.lower() in self._received_rounds
        return n.i + 1 < len(n.doc) and n.doc[n.i + 1].lower_ in self._received_rounds

    @staticmethod
    def _noun_phrases(ctx: Walk, n: Any, base: Any, frame: Frame, roles: dict[str, set[int]],
                      site_verbs: frozenset[str] = frozenset()) -> None:
        """Prepositional objects, possessors and name modifiers of the trigger noun (and of what it stands for)."""
        nodes = [n] if base is n else [n, base]
        if base.dep_ == "nsubj" and base.head.lemma_.lower() in ("come", "flow", "arrive", "originate"):
            nodes.append(base.head)  # "Funding for the institute comes from NSF"
        if "LOCATED_IN" in frame.rel and base.dep_ == "dobj" and base.head.lemma_.lower() in site_verbs:
            nodes.append(base.head)  # "has offices in London": the place hangs on the verb
        if "LOCATED_IN" in frame.rel and base.dep_ == "nsubj" and base.head.lemma_ == "be":
            nodes.append(base.head)  # "whose European headquarters is in Dublin": the place hangs on the copula
        if "PART_OF" in frame.rel:  # "Ireland's centre for applied AI at University College Dublin"
            nodes += [pobj for p, pobj in ctx.preps(n) if p == "for" and pobj.i not in ctx.tok2m]
        for node in nodes:
            for p, pobj in ctx.preps(node):
                r = frame.prep_role(p)
                if r:
                    put_role(roles, "with" if p == "with" and r == "sym" else r, ctx.mentions(pobj))
            if node is not n and node is not base:
                continue
            for c in node.children:
                if c.dep_ == "poss":
                    put_role(roles, frame.poss, ctx.mentions(c), 1)
                elif c.dep_ in ("compound", "nmod", "amod") and c.i in ctx.tok2m:
                    named = ctx.mentions(c)  # "the Venture Lab programme of X": the programme's own name
                    own = {m for m in named if "RUNS" in frame.rel and ctx.types and ctx.types[m] == "Programme"}
                    put_role(roles, "tgt", own, 1)
                    put_role(roles, frame.compound, named - own, 1)
        for c in n.conjuncts:
            for p, pobj in ctx.preps(c):
                r = frame.prep_role(p)
                if r and not roles["tgt"]:
                    put_role(roles, r, ctx.mentions(pobj))

    def _anchor_roles(self, ctx: Walk, n: Any, base: Any, roles: dict[str, set[int]], types: list[str],
                      anchors_fallback: list[int]) -> bool:
        """An ANCHORS noun missing an end takes the sentence's organisation and the place meant ("the city")."""
        if not roles["src"] and not roles["tgt"] and base.tag_ in ("NNS", "NNPS") and (
                base.dep_ in ("nsubj", "pobj", "dobj") or any(c.dep_ in ("det", "compound") for c in base.children)):
            return False  # "the anchors are universities", "cluster anchors worldwide": said of no one
        if not roles["src"]:
            orgs = [m for m in anchors_fallback if types[m] in ("Institute", "Company")]
            roles["src"].update(orgs[:1])
        if not roles["tgt"]:
            roles["tgt"].update(self._fallback_places(ctx, n, anchors_fallback, types))
        return True

    @staticmethod
    def _fallback_places(ctx: Walk, trigger: Any, fallback: list[int], types: list[str]) -> set[int]:
        """The place "the cluster"/"the city" refers to: one named earlier in the sentence, else the document's."""
        here = {m for m in fallback if types[m] == "Cluster" and m in ctx.m2toks}
        phrase = _phrase_tokens(trigger.head if trigger.dep_ in ("nmod", "compound") else trigger)
        said = {m for m in here if any(t in phrase for t in ctx.m2toks[m])}  # "anchors Helsinki's research community"
        if not said and unnamed_owner(trigger.doc, phrase, ctx.tok2m):  # "the anchor of Lot Fourteen's AI community":
            return {m for m in fallback if types[m] == "Cluster" and m not in ctx.m2toks}  # no other place of the sentence
        subject = subject_phrase(trigger)  # "Samsung's investment in its Taylor plant has drawn suppliers to the region"
        before = {m for m in here if min(ctx.m2toks[m]) < trigger.i and not set(ctx.m2toks[m]) & subject}
        return said or before or {m for m in fallback if types[m] == "Cluster" and m not in ctx.m2toks}

    def _role(self, ctx: Walk, n: Any, types: list[str], out: list[Cand]) -> None:
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
                    if c.dep_ == "poss" and node.lemma_.lower() in self.lex.owner_side_roles:
                        continue  # "Our investor, A": A invests in the owner, not works there
                    orgs.update(ctx.mentions(c))
        if not orgs and n.dep_ == "attr" and n.head.dep_ == "relcl" and any(c.lower_ == "where" for c in n.head.children):
            orgs = ctx.mentions(n.head.head)  # "the University of Alberta, where Richard Sutton is a professor"
        for p in persons:
            for o in sorted(orgs):
                self._emit(out, ["AFFILIATED_WITH"], p, o, types, self.lex.role_conf, "dep:role")

    def _noun_in_place(self, ctx: Walk, n: Any, types: list[str], out: list[Cand]) -> None:
        """"MBZUAI is a graduate research university in Abu Dhabi": a noun said of an organisation, in a place."""
        if n.dep_ not in ("attr", "appos") or n.pos_ not in ("NOUN", "PROPN") or n.lemma_.lower() in self._groups \
                or n.lemma_.lower() in self.lex.role_nouns:
            return  # "a partner of G42 in Abu Dhabi" places G42, not the partner
        if any("ANCHORS" in f.rel for f in self.lex.nouns.get(n.lemma_.lower(), ())):
            return  # "the anchor of the Columbus cluster" states ANCHORS, not where the anchor is based
        if n.dep_ == "appos" and listed_not_apposed(n.doc, n.i + 1, n.sent.end):
            return  # "Siemens, a Graz university and two start-ups took part": a list item, not an apposition
        places = set()
        for p, pobj in ctx.preps(n):
            if p in ("in", "of") and pobj.lower_ not in wide_area_nouns():  # not "the largest employer in the region"
                places.update(m for m in ctx.mentions(pobj) if types[m] == "Cluster")
        for c in n.children:
            if c.dep_ in ("compound", "nmod") and c.i in ctx.tok2m and types[ctx.tok2m[c.i]] == "Cluster":
                places.add(ctx.tok2m[c.i])
        if not places:
            return
        for h in ctx.holder(n):
            for pl in sorted(places):
                self._emit(out, ["LOCATED_IN"], h, pl, types, self.lex.conf["adjacent"], "dep:np-in-place")


def new_roles() -> dict[str, set[int]]:
    """Mentions per role of a frame; "sym2" holds the symmetric side met after the first ("X partners with Y")."""
    return {"src": set(), "tgt": set(), "sym": set(), "sym2": set(), "with": set()}


def _stems(t: Any) -> set[str]:
    """The forms a verb's lemma may take when the light lemmatiser keeps the inflection ("leases", "rented")."""
    low = t.lower_
    return {t.lemma_.lower(), low, low[:-1], low[:-2], low[:-3]}


def put_role(roles: dict[str, set[int]], role: str, ms: Iterable[int], side: int = 2) -> None:
    if role == "sym" and side == 2:
        role = "sym2"
    if role in roles:
        roles[role].update(ms)


def _part_of_said(ctx: Walk, n: Any, base: Any, roles: dict[str, set[int]]) -> bool:
    """Does a PART_OF noun describe a named thing ("X, a unit of Y", "its NVentures arm")? Fills the owned part."""
    compound_holder = any(c.dep_ == "compound" and c.i in ctx.tok2m for c in n.children) \
        and any(c.dep_ == "poss" for c in n.children)
    listing = base.dep_ == "nsubj" and base.head.lemma_.lower() in ("include", "comprise")  # "whose businesses include"
    named = n.dep_ == "compound" and n.head.i in ctx.tok2m and any(c.dep_ == "poss" for c in n.children)
    if named:  # "Orrin Holdings' subsidiary Kelvara Labs": the name the noun modifies is the unit
        put_role(roles, "src", {ctx.tok2m[n.head.i]}, 1)
    if base.dep_ not in ("attr", "appos", "conj", "oprd", "pobj") and not any(
            c.dep_ == "appos" and c.i in ctx.tok2m for c in base.children) and not compound_holder and not listing \
            and not named:
        return False
    if compound_holder:  # "its NVentures arm"
        put_role(roles, "src", {ctx.tok2m[c.i] for c in n.children if c.dep_ == "compound" and c.i in ctx.tok2m}, 1)
    return True


def _said_of_one(tok: Any) -> bool:
    """Is this trigger an apposition to one name (not "both"/"all" of a list)?"""
    node = tok.head if tok.dep_ in ("compound", "amod", "acl") else tok  # "Nawigo, a start-up based in Gdynia, and F"
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
