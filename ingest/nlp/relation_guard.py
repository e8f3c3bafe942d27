"""Does a PARTNERS_WITH or ANCHORS trigger state a current, actual tie? These two types answer the headline
questions (clusters sharing partners, a cluster's anchors), so a weak form must not make them.

Why: on published text the frames fired on forms that state no partnership or anchoring:
* a tie that ended or may come ("formerly partnered with", "was once the anchor of", "could become an anchor for",
  "until 2020 had a partnership with"), or one only looked at ("is exploring a collaboration with");
* ANCHORS from words the annotation guidelines do not count ("at the heart of", "a pillar of"), from an
  "anchor X" that is no anchor of a place ("the anchor investor in", "the anchor tenant of") and from "anchored
  the round";
* "work with" said of someone else ("its team will work with the ministry"): the verb needs the organisation as
  its own subject, or a second cue ("closely", "together", "on" a shared piece of work);
* "signed a contract with", "a supply agreement with": a customer or supplier, not a partner;
* a clause after a semicolon that has no subject of its own ("X raised money; Y, meanwhile, signed ..."), and a name in
  another semicolon clause with its own verb ("X partners with Y; Z, meanwhile, opened a lab");
* a tie refused, left or ended by the verb or noun over the trigger ("declined to partner with", "withdrew from its
  alliance with", "announced the end of its partnership with");
* the places people are drawn from ("has drawn engineers from Madrid and Seville to Tampere": Tampere only).
Word lists: ``data/lexicon/tie_guard.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from aikg.core.paths import shipped
from aikg.ingest.nlp.relation_partner_lists import ListWords
from aikg.ingest.nlp.relation_types import Cand, allowed

TYPES = frozenset({"PARTNERS_WITH", "ANCHORS"})
FILE = "tie_guard.json"
#: dependency labels through which a trigger's tense, mood and stance are read from the words that govern it
_UP = ("attr", "acomp", "oprd", "prep", "pobj", "dobj", "xcomp", "agent", "compound", "appos")
#: words that end the scan back from a window phrase (another clause or an apposition starts there)
_BREAKS = frozenset({";", ":", ",", "and", "but", "which", "who", "that", "while", "whereas", "now"})
_SCAN = 8  # words scanned before a window phrase
_REL_PRONOUNS = frozenset({"which", "that", "who", "whom"})
_NOW = frozenset({"now", "currently", "today", "still"})  # "Once a rival, X now partners with Y"
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
#: words after "X's" that make X itself the party: "X's partners", "X's long-standing research partnership with Y"
_NOT_OWNED = frozenset({"partner", "partners", "partnership", "partnerships", "collaboration", "collaborations",
                        "collaborator", "collaborators", "alliance", "alliances", "agreement", "agreements", "venture",
                        "anchor", "own"})


def possessor(doc: Any, end: int, named: set[int]) -> bool:
    """Does the name ending before token ``end`` own a named unit right after it ("the USDA's National Institute
    of Food and Agriculture")? Then that unit, not its owner, is the other side. An unnamed unit ("the University
    of Montana's fire-science group") leaves the owner as the party; ``named``: the tokens inside names."""
    if end + 1 >= len(doc) or doc[end].text not in POSSESSIVES:
        return False
    k = end + 1
    while k < len(doc) and k < end + 4 and k not in named and doc[k].is_lower and doc[k].lower_ not in _NOT_OWNED:
        k += 1  # "the USDA's new National Institute ..."
    return k in named


@dataclass(frozen=True)
class TieGuard:
    """The word lists of ``tie_guard.json``."""

    past: frozenset[str]
    modals: frozenset[str]
    prospect: frozenset[str]
    anchor_triggers: frozenset[str]
    anchor_heads: frozenset[str]
    anchor_not_objects: frozenset[str]
    weak_verbs: frozenset[str]
    weak_cues: frozenset[str]
    weak_preps: frozenset[str]
    pact_nouns: frozenset[str]
    not_pact: frozenset[str]
    unit_nouns: frozenset[str]
    draw_verbs: frozenset[str] = frozenset()
    draw_preps: frozenset[str] = frozenset()
    draw_not_objects: frozenset[str] = frozenset()
    not_partner_groups: frozenset[str] = frozenset()
    example_markers: tuple[tuple[str, ...], ...] = ()
    agreement_nouns: frozenset[str] = frozenset()
    not_pact_purposes: frozenset[str] = frozenset()
    event_words: frozenset[str] = frozenset()
    collective_words: frozenset[str] = frozenset()
    compare_words: frozenset[str] = frozenset()
    compare_openers: frozenset[str] = frozenset()
    compare_phrases: tuple[tuple[str, ...], ...] = ()
    end_verbs: frozenset[str] = frozenset()
    pact_complements: frozenset[str] = frozenset()
    partner_lists: Any = None  # relation_partner_lists.ListWords
    hedge_nouns: frozenset[str] = frozenset()
    with_not_party: frozenset[str] = frozenset()
    shared_frames: frozenset[str] = frozenset()
    refusal_verbs: frozenset[str] = frozenset()
    end_nouns: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: Path | None = None) -> "TieGuard":
        raw = json.loads(Path(str(path or shipped("lexicon", FILE))).read_text(encoding="utf-8"))
        low = lambda key: frozenset(w.lower() for w in raw.get(key, ()))  # noqa: E731
        return cls(low("past"), low("modals"), low("prospect_verbs"), low("anchor_triggers"), low("anchor_heads"),
                   low("anchor_not_objects"), low("weak_verbs"), low("weak_cues"), low("weak_preps"),
                   low("pact_nouns"), low("not_pact_modifiers"), low("joint_unit_nouns"), low("draw_verbs"),
                   low("draw_preps"), low("draw_not_objects"), low("not_partner_groups"),
                   tuple(tuple(w.lower() for w in p) for p in raw.get("example_markers", ())), low("agreement_nouns"),
                   low("not_pact_purposes"), low("event_words"), low("collective_words"), low("comparison_words"),
                   low("comparison_openers"), tuple(tuple(w.lower() for w in p) for p in raw.get("comparison_phrases", ())),
                   low("end_verbs"), low("pact_complements"), ListWords.from_raw(raw.get("partner_lists", {})), low("hedge_nouns"),
                   low("with_not_party"), low("shared_frames"), low("refusal_verbs") | low("end_verbs"),
                   low("end_nouns"))

    # ------------------------------------------------------------------ parsed triggers
    def keep(self, cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """The candidates of one parsed trigger ``tok``, without the partnerships and anchors it does not state."""
        if not any(c.type in TYPES for c in cands):
            return cands
        if self._unsaid(tok) or self._subject_across_semicolon(tok):
            return [c for c in cands if c.type not in TYPES]
        cands = self._joint_unit(cands, ctx, tok)
        cands = self._pact_parties(cands, ctx, tok)
        cands = self._listed_only(cands, ctx, tok)
        cands = self._verb_read_as_noun(cands, ctx, tok)
        cands = self._with_unnamed(cands, ctx, tok)
        cands = self._partners_in_frame(cands, ctx, tok)
        drop_anchor = any(c.type == "ANCHORS" for c in cands) and not self._anchor_said(tok)
        cands = self._whose_unit(cands, ctx, tok)
        cands = self._drawn_from(cands, ctx, tok)
        out = []
        for c in cands:
            if c.type == "ANCHORS" and drop_anchor:
                continue
            if c.type == "PARTNERS_WITH" and any(self._event(ctx.sd, ctx.m2toks[m]) or self._collective_of(tok, ctx, m)
                                                 for m in (c.src, c.tgt) if m in ctx.m2toks):
                continue  # "an official partner of the Tampere AI Summit", "a partner of the Tampere Robotics Network"
            if c.type == "PARTNERS_WITH" and any(self.example_of_group(ctx.sd, min(ctx.m2toks[m]))
                                                 for m in (c.src, c.tgt) if m in ctx.m2toks):
                continue  # "works closely with customers such as X"
            if c.type == "PARTNERS_WITH" and any(self._described_as_other(ctx, m) for m in (c.src, c.tgt)):
                continue  # "works with X, a customer since 2020"
            if c.type in TYPES and any(other_clause(ctx.sd, tok.i, ctx.m2toks[m]) for m in (c.src, c.tgt)
                                       if ctx.m2toks.get(m)):
                continue  # "X partners with Y; Z, meanwhile, opened a lab": Z's clause says nothing of the tie
            if c.type in TYPES and (self.compared(ctx, c.src) or self.compared(ctx, c.tgt)):
                continue  # "Like X, Y partners with Z", "According to X, Y is the anchor of Z"
            if c.type == "PARTNERS_WITH" and any(possessor(ctx.sd, max(ctx.m2toks[m]) + 1, set(ctx.tok2m))
                                                 for m in (c.src, c.tgt)
                                                 if m in ctx.m2toks and m not in self._owners(ctx, tok)):
                continue  # "partners include the USDA's NIFA": the partner is the named unit, not its owner
            if c.type == "ANCHORS" and c.tgt not in ctx.m2toks:  # the document's city for "the city's AI scene":
                c = replace(c, fixed=c.fixed | {c.tgt})  # not the list it stands in elsewhere ("Bologna and Imola")
            if c.type == "PARTNERS_WITH" and not self._partner_said(c, ctx, tok):
                continue
            out.append(c)
        return out

    def _described_as_other(self, ctx: Any, m: int) -> bool:
        """Is the name ``m`` described right after it as a customer, supplier or rival ("X, a customer since 2020")?"""
        toks = ctx.m2toks.get(m)
        if not toks:
            return False
        inside = set(toks)
        return any(c.dep_ == "appos" and c.i not in inside and c.i not in ctx.tok2m and c.lower_ in self.not_partner_groups
                   and ctx.sd[t].dep_ in ("pobj", "dobj") and not any(  # the other side, a customer of the subject:
                       g.dep_ == "poss" or g.dep_ == "prep" and g.lower_ == "of" for g in c.children)  # not "Y's rival"
                   for t in toks for c in ctx.sd[t].children)

    @staticmethod
    def _whose_unit(cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """"anchored by X, whose School of Computer Science attracts researchers to the city": the unit is X's,
        and the drawing is said of X (the anchor), not of the unit named after "whose"."""
        if tok.dep_ != "relcl" or not any(c.type == "ANCHORS" for c in cands):
            return cands
        subs = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not any(g.dep_ == "poss" and g.lower_ == "whose" for s in subs for g in s.children):
            return cands
        units = set().union(*(ctx.mentions(s) for s in subs))
        owners = ctx.mentions(tok.head) - units
        out = []
        for c in cands:
            if c.type == "ANCHORS" and c.src in units:
                out += [replace(c, src=o) for o in sorted(owners)]
            else:
                out.append(c)
        return out

    def _drawn_from(self, cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """"has drawn engineers from Madrid and Seville to Tampere": the places people are drawn from are no
        cluster the subject anchors; only the place after "to"/"into" is."""
        if tok.lower_ not in self.draw_verbs or not any(c.type == "ANCHORS" for c in cands):
            return cands
        heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]  # "engineers from Madrid"
        away = {ctx.tok2m[t.i] for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "from"
                for t in p.subtree if t.i in ctx.tok2m}
        return [c for c in cands if not (c.type == "ANCHORS" and c.tgt in away)]

    def _pact_parties(self, cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """A pact noun that names its parties ("brokered a memorandum of understanding between A and B": A and B, not
        the broker) and a plural pact noun with none ("A and B have also entered partnerships": each with someone
        unnamed, not with each other)."""
        if tok.pos_ not in ("NOUN", "PROPN") or (tok.lower_ not in self.pact_nouns and tok.lemma_.lower() not in
                                                  self.pact_nouns) or not any(c.type == "PARTNERS_WITH" for c in cands):
            return cands
        nodes = [tok] + [pobj for p, pobj in ctx.preps(tok) if p == "of" and pobj.lemma_.lower() in self.pact_complements]
        preps = [(p, pobj) for n in nodes for p, pobj in ctx.preps(n)]
        parties = set().union(*(ctx.mentions(pobj) for p, pobj in preps if p == "between"))
        if len(parties) >= 2:
            out = [c for c in cands if c.type != "PARTNERS_WITH" or (c.src in parties and c.tgt in parties)]
            have = {frozenset((c.src, c.tgt)) for c in out if c.type == "PARTNERS_WITH"}
            conf = max(c.conf for c in cands if c.type == "PARTNERS_WITH")
            for a in sorted(parties):
                for b in sorted(parties):
                    if a < b and frozenset((a, b)) not in have and ctx.types and \
                            allowed(["PARTNERS_WITH"], ctx.types[a], ctx.types[b]) is not None:
                        out.append(Cand("PARTNERS_WITH", a, b, conf, f"dep:{tok.lemma_.lower()}"))
            return out
        if tok.tag_ in ("NNS", "NNPS") and not any(p in ("with", "between") for p, _ in preps) \
                and not any(c.dep_ == "poss" for c in tok.children):
            return [c for c in cands if c.type != "PARTNERS_WITH"]
        return cands

    @staticmethod
    def _listed_only(cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """"Partners: A, B and C", "its partners, A and B": the names listed after a partner noun are partners of
        the noun's owner, never of each other (annotation guidelines); a list with no owner states nothing."""
        if tok.lemma_.lower() not in ("partner", "collaborator") or tok.pos_ not in ("NOUN", "PROPN"):
            return cands
        owners = set().union(*(ctx.mentions(c) for c in tok.children if c.dep_ == "poss"))
        if owners:  # "A and B are Orsolo Robotics' partners": each is the owner's partner, not the other's
            cands = [c for c in cands if not (c.type == "PARTNERS_WITH" and c.src not in owners and c.tgt not in owners)]
        listed = set().union(*(ctx.mentions(c) for c in tok.children if c.dep_ == "appos"))
        if len(listed) < 2:
            return cands
        return [c for c in cands if not (c.type == "PARTNERS_WITH" and c.src in listed and c.tgt in listed)]

    @staticmethod
    def _verb_read_as_noun(cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """"X, backed by Y, partners with Z": the parser reads "partners" as a noun in apposition to Y, so Y would be
        the partner. A bare plural right before "with", apposed to the object of a participle's phrase, is the verb
        of the sentence: its subject is the name that opens the sentence."""
        if tok.dep_ != "appos" or tok.tag_ != "NNS" or tok.head.dep_ != "pobj" or tok.i + 1 >= len(ctx.sd) \
                or ctx.sd[tok.i + 1].lower_ != "with" or ctx.sd[tok.i - 1].text != "," \
                or tok.head.head.dep_ not in ("agent", "prep") or tok.head.head.head.tag_ != "VBN" \
                or any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in tok.children):
            return cands  # only "X, backed by Y, partners with Z": a participle's phrase, a comma, a bare plural
        held = ctx.mentions(tok.head)
        start = tok.sent.start
        while start < tok.i and ctx.sd[start].lower_ in ("the", "a", "an"):
            start += 1
        opener = ctx.tok2m.get(start)
        out = []
        for c in cands:
            if c.type == "PARTNERS_WITH" and (c.src in held or c.tgt in held):
                if opener is None or opener in held:
                    continue
                c = replace(c, src=opener) if c.src in held else replace(c, tgt=opener)
                if c.src == c.tgt:
                    continue
            out.append(c)
        return out

    def _with_unnamed(self, cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """"A and B work with local hospitals", "A and B teamed up with universities": each subject works with a group
        the text does not name, so the subjects are no partners of each other (not "A and B work with each other")."""
        if tok.pos_ not in ("VERB", "AUX") or not any(c.type == "PARTNERS_WITH" for c in cands):
            return cands
        withs = [pobj for p, pobj in ctx.preps(tok) if p == "with"]
        if not withs or any(ctx.mentions(o) for o in withs) or any(
                o.lower_ in self.with_not_party or o.lemma_.lower() in self.with_not_party for o in withs):
            return cands
        subjects = ctx.mentions_of(ctx.subject_tokens(tok, ctx.is_passive(tok)))
        return [c for c in cands if not (c.type == "PARTNERS_WITH" and c.src in subjects and c.tgt in subjects)]

    def _partners_in_frame(self, cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """"A and B are partners in the Horizon Sentinel project", "partners on the X programme": partners of a
        project or programme (annotation guidelines: the schema ties organisations only), not of each other; the
        organisation named inside the frame ("in the Kessel Institute's programme") and the noun's owner ("Its
        partners in the program include A") keep their ties."""
        if tok.lemma_.lower() not in ("partner", "collaborator") or tok.pos_ not in ("NOUN", "PROPN"):
            return cands
        inside: set[int] = set()
        framed = False
        for p, pobj in ctx.preps(tok):
            if p not in ("in", "on", "within") or pobj.i in ctx.tok2m and ctx.types[ctx.tok2m[pobj.i]] != "Programme":
                continue
            if pobj.lower_ in self.shared_frames or pobj.lemma_.lower() in self.shared_frames or pobj.i in ctx.tok2m:
                framed = True
                inside |= {ctx.tok2m[t.i] for t in pobj.subtree if t.i in ctx.tok2m}
        if not framed:
            return cands
        inside |= self._owners(ctx, tok)  # "Its partners in the program include A": the owner's partners
        return [c for c in cands if not (c.type == "PARTNERS_WITH" and c.src not in inside and c.tgt not in inside)]

    def _event(self, doc: Any, toks: list[int]) -> bool:
        """Is the name on these tokens an event ("Tampere AI Summit 2026")? Events have no partnership of their own."""
        k = max(toks)
        while k > min(toks) and doc[k].like_num:
            k -= 1
        return doc[k].lower_ in self.event_words

    def _collective_of(self, tok: Any, ctx: Any, m: int) -> bool:
        """"a partner of the Tampere Robotics Network", "founding partners of the X Alliance": membership."""
        if tok.lemma_.lower() != "partner" or tok.pos_ not in ("NOUN", "PROPN"):
            return False
        toks = ctx.m2toks[m]
        if ctx.sd[max(toks)].lower_ not in self.collective_words:
            return False
        return any(p == "of" and m in ctx.mentions(pobj) for p, pobj in ctx.preps(tok))

    def surface_keep(self, cands: list[Cand], doc: Any, spans: list[tuple[int, int, int]]) -> list[Cand]:
        """Surface and window candidates without a partnership of an event ("partners with the Tampere AI Summit")."""
        if not any(c.type == "PARTNERS_WITH" for c in cands):
            return cands
        toks = {i: list(range(s, e)) for i, s, e in spans}
        return [c for c in cands if c.type != "PARTNERS_WITH" or not any(
            self._event(doc, toks[m]) for m in (c.src, c.tgt) if toks.get(m))]

    @staticmethod
    def _owners(ctx: Any, tok: Any) -> set[int]:
        """The possessors of the trigger itself ("X's partners include ...", "its partnership with"): parties."""
        return set().union(*(ctx.mentions(c) for c in tok.children if c.dep_ == "poss"))

    def window_not_party(self, rels: tuple[str, ...], doc: Any, start: int, end: int, named: set[int]) -> bool:
        """A window's right-hand name that owns the named unit after it ("in partnership with X's Y Lab") or is an
        example of customers or rivals ("works closely with customers such as X")."""
        return "PARTNERS_WITH" in rels and (possessor(doc, end, named) or self.example_of_group(doc, start))

    def example_of_group(self, doc: Any, start: int) -> bool:
        """Is the name at token ``start`` an example of customers, suppliers, rivals ("customers such as X")?"""
        for marker in self.example_markers:
            k = start - len(marker)
            if k < 1 or tuple(t.lower_ for t in doc[k:start]) != marker:
                continue
            j = k - 1
            while j > 0 and doc[j].text == ",":
                j -= 1
            if doc[j].lower_ in self.not_partner_groups:
                return True
        return False

    @staticmethod
    def window_left(rels: tuple[str, ...], doc: Any, spans: list[tuple[int, int, int]], li: int,
                    phrase_start: int, sent_start: int) -> int:
        """The left side of a symmetric window phrase, past a relative clause or an apposition that closed before the
        phrase: "X, whose customers include Y, partners with Z" and "X, a spin-off of Y, collaborates with Z" are
        said of X, not Y."""
        if "PARTNERS_WITH" not in rels:
            return li
        start, end = next((s, e) for i, s, e in spans if i == li)
        if not any(doc[k].text == "," for k in range(end, phrase_start)):
            return li
        left = TieGuard._past_clause(doc, spans, li, start, phrase_start, sent_start)
        left_end = next(e for i, s, e in spans if i == left)
        subject = TieGuard._after_relative(doc, spans, left, left_end, phrase_start, sent_start)
        return left if subject is None else subject

    @staticmethod
    def _past_clause(doc: Any, spans: list[tuple[int, int, int]], li: int, start: int, phrase_start: int,
                     sent_start: int) -> int:
        """The name a relative clause or an apposition that holds ``li`` describes, else ``li``."""
        ends = {e: i for i, s, e in spans}
        k = start - 1
        while k > sent_start and k not in ends:
            if doc[k].lower_ in _REL_PRONOUNS | {"whose"} and doc[k - 1].text == ",":
                return ends.get(k - 1, li)
            if doc[k].lower_ in ("like", "unlike") and doc[k - 1].text == ",":  # "X, like Y, partners with Z"
                return ends.get(_before_bracket(doc, k - 1, sent_start), li)
            if doc[k].lower_ == "by" and k - 2 > sent_start and doc[k - 2].text == "," \
                    and doc[k - 1].lower_.endswith(("ed", "en", "wn", "lt")):  # "X, funded by Y, collaborates with Z"
                return ends.get(_before_bracket(doc, k - 2, sent_start), li)
            if doc[k].lower_ in ("a", "an", "the") and doc[k - 1].text == "," and any(
                    doc[x].text == "," for x in range(max(k, phrase_start - 3), phrase_start)):  # ", in partnership with"
                named = _before_bracket(doc, k - 1, sent_start)  # "X (XI), a research institute of Y, in partnership
                if named in ends:  # with Z": the apposition describes X, and so does the phrase after it
                    return ends[named]  # "X, a spin-off of Y, collaborates with Z": the apposition describes X
            k -= 1
        return li

    @staticmethod
    def _after_relative(doc: Any, spans: list[tuple[int, int, int]], li: int, end: int, phrase_start: int,
                        sent_start: int) -> int | None:
        """"The start-up works with L, which fits its cameras, and has a research partnership with Z": a relative
        clause opened right after L is closed by ", and" + a verb, so the phrase is said of the sentence's subject (the
        name that opens the sentence), not of L."""
        if end + 1 >= phrase_start or doc[end].text != "," or doc[end + 1].lower_ not in _REL_PRONOUNS:
            return None
        closes = any(doc[x].text == "," and doc[x + 1].lower_ == "and" and doc[x + 2].is_lower
                     and doc[x + 2].lower_ not in ("the", "a", "an", "its", "their", "with")
                     for x in range(end + 2, phrase_start - 2))
        if not closes:
            return None
        first = min(spans, key=lambda x: x[1])
        k = sent_start
        while k < first[1] and doc[k].lower_ in ("the", "a", "an"):
            k += 1
        return first[0] if k == first[1] and first[0] != li else None

    def compared(self, ctx: Any, m: int) -> bool:
        """Is mention ``m`` the object of a comparison or a citation ("unlike X", "according to X", "Like X, ...")?"""
        toks = ctx.m2toks.get(m)
        if not toks:
            return False
        doc = ctx.sd
        k = min(toks) - 1
        if k >= 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        if k < 0:
            return False
        if doc[k].lower_ in self.compare_words:
            return True
        if doc[k].lower_ in self.compare_openers and (k == doc[k].sent.start or doc[k - 1].text in ",;:"):
            return True
        words = [t.lower_ for t in doc[max(0, k - 3):k + 1]]
        return any(tuple(words[-len(p):]) == p for p in self.compare_phrases)

    def _chain(self, tok: Any) -> list[Any]:
        """The trigger and the words that govern it (at most five), up to the first clause head."""
        out = [tok]
        node = tok
        for _ in range(5):
            if node.dep_ not in _UP or node.head.i == node.i:
                break
            node = node.head
            out.append(node)
        return out

    def _unsaid(self, tok: Any) -> bool:
        """A past tie, a tie that may come, or one only looked at."""
        if tok.pos_ in ("NOUN", "PROPN") and self._ended(tok):
            return True  # "The partnership between A and B ended in 2022"
        chain = self._chain(tok)
        current = any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _NOW for node in chain for c in node.children)
        for node in chain:
            for c in node.children:
                low = c.lower_
                if c.dep_ in ("advmod", "amod", "npadvmod", "prep") and low in self.past and not current:
                    return True  # "formerly partnered", "was once the anchor" (not "Once a rival, X now partners")
                if c.dep_ == "advmod" and low == "longer" and any(g.lower_ == "no" for g in c.children):
                    return True  # "no longer partners with"
                if c.dep_ == "aux" and low in self.modals:
                    return True  # "could become an anchor for", "might partner with"
            if node.lower_.startswith(("ex-", "former-")):
                return True
            if node is not tok and node.pos_ in ("NOUN", "PROPN") and node.lower_ in self.hedge_nouns and any(
                    p.dep_ == "prep" and p.lower_ in ("of", "about") and p in chain for p in node.children):
                return True  # "declined to comment on reports of a partnership with X" (not "the report names X")
            if node is not tok and node.pos_ in ("VERB", "AUX") and (node.lower_ in self.prospect or node.lemma_.lower()
                                                                      in self.prospect):
                return True  # "is exploring a collaboration with", "is looking to partner with"
            if node is not tok and node.pos_ in ("VERB", "AUX") and (node.lower_ in self.refusal_verbs or
                                                                      node.lemma_.lower() in self.refusal_verbs):
                return True  # "declined to partner with", "withdrew from its alliance with", "ended its pact with"
            if node is not tok and node.pos_ == "NOUN" and node.lemma_.lower() in self.end_nouns and tok.dep_ == "pobj" \
                    and tok.head.lower_ == "of" and tok.head.head.i == node.i:
                return True  # "announced the end of its partnership with", "the termination of the agreement with"
        top = chain[-1]
        return top.dep_ == "ccomp" and (top.head.lower_ in self.prospect or top.head.lemma_.lower() in self.prospect)
        # ^ "I hope CIAAS can partner with Y", "we want the institute to work closely with Y"

    def _ended(self, n: Any) -> bool:
        """A pact noun whose own verb, in the past, ends it: "the partnership ... ended in 2022", "an alliance that
        was dissolved in 2021" (not "the agreement will expire in 2030": a current tie)."""
        verbs = [n.head] if n.dep_ in ("nsubj", "nsubjpass") else []
        verbs += [c for c in n.children if c.dep_ == "relcl"]
        return any((v.lower_ in self.end_verbs or v.lemma_.lower() in self.end_verbs) and (
            v.tag_ in ("VBD", "VBN") and not any(a.dep_ == "aux" and a.lower_ in ("will", "shall") for a in v.children))
            for v in verbs)

    @staticmethod
    def _subject_across_semicolon(tok: Any) -> bool:
        """"X raised money; Y, meanwhile, signed an agreement with Z": a verb after a semicolon borrows no subject."""
        verb = tok
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.dep_ in _UP:
            verb = verb.head
        if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False
        lo, hi = sorted((verb.head.i, verb.i))
        return any(verb.doc[k].text == ";" for k in range(lo + 1, hi))

    def window_unsaid(self, rels: tuple[str, ...], doc: Any, start: int, sent_start: int) -> bool:
        """A window phrase of these types at token ``start`` after a past, modal or prospect word of its clause
        ("Until 2020 X had a research partnership with Y", "X is exploring a partnership with Y")."""
        if not TYPES.intersection(rels):
            return False
        k = start - 1
        while k >= max(sent_start, start - _SCAN):
            low = doc[k].lower_
            if low in _BREAKS:
                return False
            if low in self.past or low in self.modals or low in self.prospect or low in self.hedge_nouns \
                    or low in self.refusal_verbs:
                return True  # "... on reports of a partnership with Y"
            k -= 1
        return False

    # ------------------------------------------------------------------ ANCHORS
    def _anchor_said(self, tok: Any) -> bool:
        """Only "anchor" and drawing verbs state ANCHORS; "anchor investor" and "anchored the round" do not."""
        if tok.lower_ not in self.anchor_triggers and tok.lemma_.lower() not in self.anchor_triggers:
            return False  # "at the heart of", "a pillar of" (not counted by the annotation guidelines)
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lower_ not in self.anchor_heads:
            return False  # "the anchor investor in", "the anchor tenant of"
        if tok.lower_ in self.draw_verbs:  # "has drawn engineers to Tampere", not "drew 3,000 visitors to Tampere"
            if not any(c.dep_ in ("prep", "prt") and c.lower_ in self.draw_preps for c in tok.children):
                return False  # "attracted $20 million in funding": no place the talent is drawn to
            if any(c.dep_ in ("dobj", "nsubjpass") and (c.lower_ in self.draw_not_objects or c.lemma_.lower()
                                                       in self.draw_not_objects) for c in tok.children):
                return False
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() == "anchor":
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.lower_ in self.anchor_not_objects or o.lemma_.lower() in self.anchor_not_objects for o in objs):
                return False  # "Kessel Capital anchored the round"
        return True

    # ------------------------------------------------------------------ PARTNERS_WITH
    def _partner_said(self, c: Cand, ctx: Any, tok: Any) -> bool:
        lemma = tok.lemma_.lower()
        if c.method.startswith("dep:") and lemma in self.weak_verbs and tok.pos_ in ("VERB", "AUX"):
            return self._weak_verb_said(ctx, tok)
        if c.method == "dep:sign" or c.method.startswith("form:agreement-") or c.method in ("dep:agreement", "dep:deal"):
            return self._pact_said(tok)
        return True

    def _joint_unit(self, cands: list[Cand], ctx: Any, tok: Any) -> list[Cand]:
        """"Selkirk, a joint venture between A and B" and "X formed Selkirk, a joint venture with K": the named
        venture is no party of its own partnership; the parties are A and B, or the maker X and K."""
        if tok.lemma_.lower() not in self.unit_nouns or tok.dep_ not in ("appos", "attr"):
            return cands
        held = ctx.holder(tok)
        if not held:
            return cands
        out = [c for c in cands if not (c.type == "PARTNERS_WITH" and (c.src in held or c.tgt in held))]
        if not any(c.lower_ == "joint" for c in tok.children):
            return out
        parties: set[int] = set()
        others: set[int] = set()
        for p, pobj in ctx.preps(tok):
            if p in ("between", "of", "by"):
                parties |= ctx.mentions(pobj)
            elif p == "with":
                others |= ctx.mentions(pobj)
        makers: set[int] = set()
        head = tok.head
        if tok.dep_ == "appos" and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX"):
            makers = set().union(*(ctx.mentions(s) for s in ctx.subject_tokens(head.head, False)))  # "we formed Selkirk"
        parties -= held
        pairs = {(a, b) for a in parties for b in parties if a < b}
        pairs |= {(a, b) for a in makers - held for b in others - held if a != b}
        conf = max((c.conf for c in cands if c.type == "PARTNERS_WITH"), default=0.6)
        for a, b in sorted(pairs):
            if ctx.types and allowed(["PARTNERS_WITH"], ctx.types[a], ctx.types[b]) is not None:
                out.append(Cand("PARTNERS_WITH", a, b, conf, f"dep:joint-{tok.lemma_.lower()}"))
        return out

    def _weak_verb_said(self, ctx: Any, verb: Any) -> bool:
        """"X works (closely) with Y (on Z)": the organisation is the verb's own subject, or a second cue is there."""
        if any(c.lower_ in self.weak_cues for c in verb.children if c.dep_ in ("advmod", "npadvmod", "prep")):
            return True
        if any(c.dep_ == "prep" and c.lower_ in self.weak_preps for c in verb.children):
            return True
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "relcl" and not subs:
            return True  # "X, which has worked with Y since 2021": the relative's head is the subject
        return any(s.i in ctx.tok2m or s.lower_ in _REL_PRONOUNS for s in subs)

    def _sale_purpose(self, n: Any) -> bool:
        """"an agreement with X to acquire its drone unit", "signed a deal with X to buy 200 robots"."""
        if n.lower_ not in self.agreement_nouns and n.lemma_.lower() not in self.agreement_nouns:
            return False
        holders = [n] + ([n.head] if n.dep_ in ("dobj", "pobj", "nsubjpass") else [])
        if n.dep_ == "pobj" and n.head.dep_ == "prep":
            holders.append(n.head.head)
        for h in holders:
            for c in h.children:
                if c.dep_ in ("acl", "advcl", "xcomp", "relcl") and c.pos_ in ("VERB", "AUX") and (
                        c.lemma_.lower() in self.not_pact_purposes or c.lower_ in self.not_pact_purposes) and any(
                        a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                    return True
        return False

    def _pact_said(self, tok: Any) -> bool:
        """"signed an agreement with", not "signed a contract with" nor "a supply agreement with"."""
        nouns = [tok] if tok.pos_ in ("NOUN", "PROPN") else [
            c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + [
            p2 for p in tok.children if p.dep_ == "prep" and p.lower_ == "into" for p2 in p.children if p2.dep_ == "pobj"]
        if tok.pos_ in ("VERB", "AUX") and not nouns:
            return True  # "X signed with Y" (the verb frame's own reading)
        for n in nouns:
            mods = {c.lower_ for c in n.children if c.dep_ in ("compound", "amod", "nmod")}
            if mods & self.not_pact or self._sale_purpose(n):
                continue
            if n.lower_ in self.pact_nouns or n.lemma_.lower() in self.pact_nouns or mods & self.pact_nouns:
                return True
        return False


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def other_clause(doc: Any, trigger: int, toks: list[int]) -> bool:
    """Is the name on ``toks`` in another semicolon-separated clause than the trigger, one with a finite verb of its
    own ("X partners with Y; Z, meanwhile, opened a lab")? A list split by semicolons ("A, Chile; B, Peru") is not."""
    lo, hi = min(toks), max(toks)
    if not any(doc[k].text == ";" for k in range(min(trigger, lo), max(trigger, hi))):
        return False
    sent = doc[lo].sent
    a = lo
    while a > sent.start and doc[a - 1].text != ";":
        a -= 1
    b = hi
    while b < sent.end and doc[b].text != ";":
        b += 1
    return any(doc[k].tag_ in _FINITE and doc[k].dep_ not in ("relcl", "acl") and doc[k].head.dep_ not in ("relcl", "acl")
               for k in range(a, b))


def _before_bracket(doc: Any, k: int, start: int) -> int:
    """The token index where a name before ``k`` would end, past a bracketed short form: "X (XI)," -> after X."""
    if k - 1 > start and doc[k - 1].text == ")":
        j = k - 2
        while j > start and j > k - 6 and doc[j].text != "(":
            j -= 1
        if doc[j].text == "(":
            return j
    return k
