"""PARTNERS_WITH said of the actors of one joint act, read from the words around the entity pass's names.

Why: partnership announcements often state the tie with an adverb or a prefix rather than a trigger noun
("The gripper was jointly developed by A and B", "A and B will jointly run the lab", "A co-developed the
model with B"), with partners named after a partner noun ("X built it alongside partners A and B") or in a
headline ("A and B announce partnership on …"). An adverb ties the actors only before a verb of shared work
("jointly developed", not "jointly named finalists", "together employ 3,000 people"). The parser reads these shapes unreliably (a "co-" verb is
split, "partners A and B" becomes a compound), so the rules look at the words. Every act ties the
actors with each other, except a partner noun's list: those are partners of the sentence's subject, never
of each other. Word sets: ``joint_words`` in relations.json.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from aikg.ingest.nlp.relation_actor_lists import ORGS, Emit, actors_before, list_after, pair_all
from aikg.ingest.nlp.relation_partner_lists import partner_lists
from aikg.ingest.nlp.relation_partner_with import (
    act_alongside,
    fronted_partners,
    jointly_by,
    opened_together,
    pact_with,
    pact_words,
    sentence_words,
    teamed_up,
    under_pact,
    which_partner_of,
)

STOP = frozenset({"with", "by", "to", "for", "on", "in", "of", "at", "from", "and", "or", "as"})


class JointWords:
    """The word sets of this module."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        words = relations.get("joint_words", {})

        def get(key: str) -> frozenset[str]:
            return frozenset(w.lower() for w in words.get(key, ()))

        self.adverbs = get("adverbs")
        self.co_verbs = get("co_verbs")
        self.not_after = get("not_after_adverb")  # "jointly funded by A and B": co-funders, not partners
        acts = get("acts_after_adverb")  # "jointly developed", "will together run": shared work only
        self.act_words = acts
        self.act_stems = tuple(a for a in acts if len(a) >= 5)  # "operat", "coordinat"; "ran" is no stem of "ranked"
        self.partner_nouns = get("partner_nouns")
        self.partner_preps = get("partner_preps")
        self.announce = get("announce_verbs")
        self.pacts = get("pact_nouns")
        self.joint_units = get("joint_unit_nouns")  # "A and B open joint lab", "X opened a joint lab with Y"
        self.colon_nouns = get("colon_partner_nouns")  # "partnerships with three companies:", "partner organisations:"
        self.not_partners = get("colon_not_partners")  # "customers:", "rivals include:"
        self.run_verbs = get("run_with_verbs")  # "X delivers the scheme in partnership with A and B"
        self.not_run_objects = get("run_with_not_objects")
        self.aux = get("aux")
        from aikg.ingest.nlp.relation_guard import TieGuard  # one word list with the parsed reading
        guard = TieGuard.load()
        self.purposes = guard.not_pact_purposes  # "signed an agreement with X to buy 200 robots"
        self.not_pact = guard.not_pact  # "signed a supply agreement with X": a customer tie (#14)
        self.lists = guard.partner_lists  # "X's partners include A, the seed company B and C" (relation_partner_lists.py)
        self.act_cues = self.co_verbs | self.adverbs | {"co"}  # speed: a word _joint_act can start at
        self.colon_cues = self.partner_nouns | self.colon_nouns


def _co_verb(doc: Any, t: Any, end: int, co_verbs: frozenset[str]) -> int | None:
    """The last token of a "co-" verb at ``t`` ("co-developed" as one token or as co / - / developed)."""
    if t.lower_ in co_verbs:
        return t.i
    if t.lower_ == "co" and t.i + 2 < end and doc[t.i + 1].text in "-‑" and "co-" + doc[t.i + 2].lower_ in co_verbs:
        return t.i + 2
    return None


def _joint_act(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], w: JointWords,
               emit: Emit, conf: float) -> None:
    """"jointly developed by A and B", "A and B will jointly run X", "A co-developed X with B"."""
    if w.act_cues.isdisjoint(sentence_words(doc, sent)):
        return
    for t in sent:
        verb = _co_verb(doc, t, sent.end, w.co_verbs)
        if verb is None and t.lower_ in w.adverbs and t.i + 1 < sent.end and doc[t.i + 1].is_alpha \
                and doc[t.i + 1].is_lower and doc[t.i + 1].lower_ not in STOP | w.not_after \
                and (doc[t.i + 1].lower_ in w.act_words or doc[t.i + 1].lower_.startswith(w.act_stems)):
            verb = t.i + 1  # "jointly developed", "will together run" (the entity pass has no tags)
        if verb is None:
            continue
        k = verb + 1
        if k < sent.end and doc[k].lower_ == "by":
            actors = list_after(doc, k + 1, spans, types, sent.end)
        else:
            actors = actors_before(doc, t.i, spans, types, sent.start, w.aux)
            if t.i - 2 > sent.start and doc[t.i - 1].lower_ == "their" and doc[t.i - 2].is_lower:
                # "A and B present their jointly developed platform"
                actors = actors_before(doc, t.i - 2, spans, types, sent.start, w.aux)
            for j in range(verb + 1, min(sent.end, verb + 8)):  # "A co-developed the gripper with B"
                if doc[j].lower_ == "with" and actors:
                    actors += [m for m in list_after(doc, j + 1, spans, types, sent.end) if m not in actors]
                    break
                if doc[j].text in ",;" or doc[j].lower_ in ("and", "which", "that", "who"):
                    break
        if len(actors) >= 2:
            pair_all(actors, emit, conf, "rule:joint-act")


def _partner_noun(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], w: JointWords,
                  emit: Emit, conf: float) -> None:
    """"X will build the robot alongside partners A and B": the sentence's subject partners with each."""
    first = min(spans, key=lambda s: s[1]) if spans else None
    if first is None or types[first[0]] not in ORGS or first[1] - sent.start > 2:
        return  # the subject must open the sentence ("The X …", "Today, X …" are fine)
    if w.partner_nouns.isdisjoint(sentence_words(doc, sent)):
        return
    for t in sent:
        if t.lower_ not in w.partner_nouns or t.i - 1 < sent.start or t.i <= first[2]:
            continue
        k = t.i - 1
        if doc[k].lower_ in ("its", "their", "the"):
            k -= 1
        if k < sent.start or doc[k].lower_ not in w.partner_preps:
            continue
        for m in list_after(doc, t.i + 1, spans, types, sent.end):
            if m != first[0]:
                emit(["PARTNERS_WITH"], first[0], m, conf, "rule:partner-noun")


def _pact_at(doc: Any, k: int, w: JointWords) -> bool:
    """A pact noun ("partnership") or a joint unit ("open joint lab", "set up a joint research centre")."""
    low = doc[k].lower_
    if low in w.pacts:
        return True
    return low in w.joint_units and any(doc[j].lower_ == "joint" for j in range(max(0, k - 3), k))


def _headline_pact(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], w: JointWords,
                   emit: Emit, conf: float) -> None:
    """"A and B announce partnership on …", "A and B sign memorandum of understanding", "A and B open joint lab",
    "X opened a joint research lab with Y": the actors."""
    if w.announce.isdisjoint(sentence_words(doc, sent)):
        return
    for t in sent:
        if t.lower_ not in w.announce:
            continue
        actors = _not_described(doc, actors_before(doc, t.i, spans, types, sent.start, w.aux), spans)
        if not actors:
            continue
        k = t.i + 1
        while k < sent.end and k < t.i + 5 and not _pact_at(doc, k, w):
            if doc[k].lower_ in STOP or doc[k].text in ",;:" or not doc[k].is_lower:
                break  # "signed the Tampere AI Pact": co-signatories of a named charter are not partners
            k += 1
        if k >= sent.end or not _pact_at(doc, k, w) or not doc[k].is_lower:
            continue
        if any(doc[j].lower_ in w.not_pact or doc[j].lower_ in pact_words().deny for j in range(t.i + 1, k)):
            continue  # "signed a supply agreement with X", "announced a possible partnership": no partnership (#14)
        with_at = next((j for j in range(k + 1, min(sent.end, k + 3)) if doc[j].lower_ == "with"), None)
        if with_at is not None and len(actors) == 1:  # "X entered into a strategic alliance with Y and Z"
            others = list_after(doc, with_at + 1, spans, types, sent.end)
            last = max((e for i, _, e in spans if i in others), default=sent.end)
            if last + 1 < sent.end and doc[last].lower_ == "to" and doc[last + 1].lower_ in w.purposes:
                return  # "signed an agreement with X to buy 200 robots": a purchase
            for m in others:
                if m != actors[0]:
                    emit(["PARTNERS_WITH"], actors[0], m, conf, "rule:pact-with")
            return
        if with_at is not None or len(actors) < 2:
            continue  # "A and B sign agreements with C": not said of A with B
        pair_all(actors, emit, conf, "rule:pact-headline")
        return


#: words before a list item's name that make it part of another item's description ("spun out of the University of X")
_DESCRIBING = frozenset({"of", "by", "from", "at", "in", "for", "with", "to", "'s", "’s", "than", "like"})


def _not_described(doc: Any, actors: list[int], spans: Sequence[tuple[int, int, int]]) -> list[int]:
    """The actors less a name inside another's description ("A, a subsidiary of P, and B launch ...": P is A's
    owner, not an actor)."""
    starts = {i: s for i, s, _e in spans}
    out = []
    for m in actors:
        k = starts.get(m, 0) - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k >= 0 and doc[k].lower_ in _DESCRIBING:
            continue
        out.append(m)
    return out


def _partner_colon(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], w: JointWords,
                   emit: Emit, conf: float) -> None:
    """"Two industry partners have signed agreements with CALT: A, the Edinburgh travel company, and B", "NNID works
    with three partner organisations to deliver training: A (Tromsø), B (Bodø) and the association C": the one
    organisation before the colon partners with each organisation listed after it (not the items with each other).
    A name inside an item's description ("a start-up spun out of the University of X") is no item."""
    words = sentence_words(doc, sent)
    if ":" not in words or w.colon_cues.isdisjoint(words):
        return
    colon = next((t.i for t in doc[sent.start:sent.end] if t.text == ":"), None)
    if colon is None or not any(doc[k].lower_ in w.partner_nouns or doc[k].lower_ in w.colon_nouns
                                for k in range(sent.start, colon)):
        return
    if any(doc[k].lower_ in w.not_partners for k in range(sent.start, colon)):
        return  # "customers such as", "rivals include"
    before = [(i, s, e) for i, s, e in spans if e <= colon and types[i] in ORGS]
    owners = [i for n, (i, s, e) in enumerate(before)  # "X (ACR)" is one owner
              if not (n and s == before[n - 1][2] + 1 and doc[s - 1].text == "(")]
    if len(owners) != 1 or colon - sent.start < 4:
        return  # "Partners: A, B" (a heading with no owner), or two candidates for the owner
    for i, s, _ in spans:
        if s <= colon or types[i] not in ORGS:
            continue
        k = s - 1
        while k > colon and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        if doc[k].lower_ in _DESCRIBING or doc[k].text == "(":
            continue
        if any(doc[x].text == ";" for x in range(colon, s)):
            break
        emit(["PARTNERS_WITH"], owners[0], i, conf, "rule:partner-colon-list")


#: what may follow the last name of a "with" list: a new phrase, not a noun the name modifies ("with Siemens equipment")
_AFTER_LIST = frozenset({"to", "in", "on", "for", "since", "which", "who", "that", "and", "from", "at", "under", "as",
                         "until", "through", "of"})


def _run_with(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], w: JointWords,
              emit: Emit, conf: float) -> None:
    """"LDIO delivers the scheme in partnership with A and B", "WRDA delivers the programme with the Chamber", "the
    company runs a recording studio with the Cooperativa": an organisation that runs something together with others
    partners with each (a programme's partners are its runner's: annotation guidelines). Not "with funding from Y",
    "with Siemens equipment", "with Y's money"."""
    words = sentence_words(doc, sent)
    if "with" not in words or w.run_verbs.isdisjoint(words):
        return
    for t in sent:
        if t.lower_ not in w.run_verbs:
            continue
        runner = actors_before(doc, t.i, spans, types, sent.start, w.aux)
        if len(runner) != 1:
            continue
        k = t.i + 1
        while k < min(sent.end, t.i + 9) and doc[k].lower_ != "with" and doc[k].text not in ",;:" \
                and doc[k].lower_ not in ("which", "that", "who", "and", "but"):
            k += 1
        if k >= sent.end or doc[k].lower_ != "with" or k == t.i + 1:
            continue  # "X works with Y" is the window's and the frames' (a second cue is needed there)
        if any(doc[x].lower_ in w.not_run_objects or doc[x].lower_ == "under" for x in range(t.i + 1, k)):
            continue  # "ran the round with Y" (co-investors), "operated the plant with Y" (a supplier's kit); "runs the
            # line under a supply agreement with Y" is under_pact's (relation_partner_with)
        others = list_after(doc, k + 1, spans, types, sent.end)
        if not others:
            continue
        last = max(e for i, _, e in spans if i in others)
        if last < sent.end and doc[last].is_alpha and doc[last].is_lower and doc[last].lower_ not in _AFTER_LIST \
                or last < sent.end and doc[last].text in ("'s", "’s"):
            continue  # "with Siemens equipment", "with Nordvik's money"
        for m in others:
            if m != runner[0]:
                emit(["PARTNERS_WITH"], runner[0], m, conf, "rule:run-with")


_EACH = frozenset({"each", "both", "all"})
_PARTNER_VERBS = frozenset({"partner", "partners", "collaborate", "collaborates", "cooperate", "cooperates"})


def _each_partner(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], w: JointWords,
                  emit: Emit, conf: float) -> None:
    """"A and B each partner with C" (the parser reads "each partner" as a noun): each of A and B with each of C,
    never A with B."""
    words = sentence_words(doc, sent)
    if "with" not in words or _EACH.isdisjoint(words) or _PARTNER_VERBS.isdisjoint(words):
        return
    for t in sent:
        if t.lower_ not in _EACH or t.i + 2 >= sent.end or doc[t.i + 1].lower_ not in _PARTNER_VERBS \
                or doc[t.i + 2].lower_ != "with":
            continue
        left = actors_before(doc, t.i, spans, types, sent.start, w.aux)
        right = list_after(doc, t.i + 3, spans, types, sent.end)
        if len(left) < 2:
            continue
        for a in left:
            for b in right:
                if a != b:
                    emit(["PARTNERS_WITH"], a, b, conf, "rule:each-partner")


def _joint_unit_of(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], w: JointWords,
                   emit: Emit, conf: float) -> None:
    """"U is a joint lab of A and B", "set up as a joint venture between A and B": the parents of a joint unit
    work together (annotation guidelines), whatever the unit's own name or the parse of the list; not a former
    unit ("a former joint venture of A and B")."""
    if "joint" not in sentence_words(doc, sent):
        return
    for t in sent:
        if t.lower_ != "joint" or any(doc[j].lower_ in w.not_partners for j in range(max(sent.start, t.i - 3), t.i)):
            continue
        k = t.i + 1
        while k < min(sent.end, t.i + 4) and doc[k].is_lower and doc[k].lower_ not in w.joint_units:
            k += 1  # "a joint research lab"
        if k + 1 >= sent.end or doc[k].lower_ not in w.joint_units or doc[k + 1].lower_ not in ("of", "between"):
            continue
        parents = list_after(doc, k + 2, spans, types, sent.end)
        if len(parents) >= 2:
            pair_all(parents, emit, conf, "rule:joint-unit-of")


def joint_rules(doc: Any, sent: Any, spans: Sequence[tuple[int, int, int]], types: Sequence[str], words: JointWords,
                emit: Emit, conf: float) -> None:
    """Every rule of this module over one sentence of the entity pass."""
    if len(spans) < 2:
        return
    _joint_act(doc, sent, spans, types, words, emit, conf)
    _partner_noun(doc, sent, spans, types, words, emit, conf)
    _headline_pact(doc, sent, spans, types, words, emit, conf)
    _partner_colon(doc, sent, spans, types, words, emit, conf)
    _run_with(doc, sent, spans, types, words, emit, conf)
    _each_partner(doc, sent, spans, types, words, emit, conf)
    _joint_unit_of(doc, sent, spans, types, words, emit, conf)
    partner_lists(doc, sent, spans, types, words.lists, emit, conf)
    pact_with(doc, sent, spans, types, emit, conf)  # "HREAC signed an agreement in 2025 with the X Network"
    under_pact(doc, sent, spans, types, emit, conf)  # "provided by A under an agreement with B"
    jointly_by(doc, sent, spans, types, emit, conf)  # "will be run jointly by A and the farmer-owned B"
    which_partner_of(doc, sent, spans, types, emit, conf)  # "B, which is also a research partner of C"
    fronted_partners(doc, sent, spans, types, emit, conf)  # "Together with A, X opened ..."
    teamed_up(doc, sent, spans, types, emit, conf)  # "A and B have teamed up on ..."
    act_alongside(doc, sent, spans, types, emit, conf)  # "X will develop the gripper alongside A"
    opened_together(doc, sent, spans, types, emit, conf)  # "A and B open marine autonomy centre in Inverness"
