"""Does a trigger state a current tie? A past tie and a site still to come state none.

* a past tie: "formerly a subsidiary of", "Kelvara Labs, once a unit of Orrin,", "formerly based in Tartu",
  "was formerly run by" (the words are ``former_markers``, shared with the AFFILIATED_WITH filter);
* a site still to come: "will open an office in Riga", "is set to move its headquarters to Oslo" (a verb of
  ``future_site_verbs`` under "will" or a verb of ``future_frame_verbs``); an announced arrangement that is
  not a site ("will be housed within", "will run") still counts, as the annotation guidelines say; nor does a
  site given up ("closed its Tallinn office": the object of a verb of ``site_end_verbs``).

Applied to the relation types of ``stance_types`` (``data/lexicon/relations.json``) on the parse (the trigger
and the words that govern it: in "was formerly a subsidiary" the marker hangs on the copula, not on the noun)
and on the trigger windows (the few words before the phrase).
Negation ("is not part of") and denials before a trigger window are ``relation_forms.FormRules``' business and
hold for every type.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping

#: dependency labels through which a trigger's stance is read from the words that govern it
_UP = ("attr", "acomp", "oprd", "prep", "pobj", "dobj", "xcomp", "agent", "compound")
#: words that end the scan back from a window phrase (another clause or list item starts there)
_CLAUSE_BREAKS = {"and", "or", "but", "which", "who", "that", "while", "whose"}
_SCAN = 5  # words scanned before a window phrase


@dataclass(frozen=True)
class Stance:
    """The word lists of this module, read once from the relation lexicon."""

    types: frozenset[str]
    former: frozenset[str]
    future_aux: frozenset[str]
    future_site_verbs: frozenset[str]
    future_frame_verbs: frozenset[str]
    site_end_verbs: frozenset[str]

    @classmethod
    def from_lexicon(cls, relations: Mapping[str, Any]) -> "Stance":
        low = lambda key: frozenset(w.lower() for w in relations.get(key, ()))  # noqa: E731
        return cls(frozenset(relations.get("stance_types", ())), low("former_markers"), low("future_aux"),
                   low("future_site_verbs"), low("future_frame_verbs"), low("site_end_verbs"))

    def _marked(self, tok: Any) -> bool:
        """A past-tie word among the modifiers of ``tok`` ("formerly", "once", "no longer")."""
        for c in tok.children:
            low = c.lower_
            if c.dep_ in ("advmod", "amod", "npadvmod") and (low in self.former or low == "longer" and any(
                    g.lower_ == "no" for g in c.children)):
                return True
        return tok.lower_.startswith(("ex-", "former-"))

    def _future_site(self, tok: Any) -> bool:
        """"will open an office in Riga", "is set to move to Oslo": the verb (or the verb the noun is object of)."""
        verb = tok.head if tok.dep_ in ("dobj", "pobj") and tok.head.pos_ in ("VERB", "AUX") else tok
        if verb is not tok and (verb.lemma_.lower() in self.site_end_verbs or verb.lower_ in self.site_end_verbs):
            return True  # "closed its Tallinn office", "sold its Riga plant"
        if verb.lemma_.lower() not in self.future_site_verbs and verb.lower_ not in self.future_site_verbs:
            return False
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.future_aux for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in self.future_frame_verbs
                                         or verb.head.lower_ in self.future_frame_verbs)

    def stale_trigger(self, tok: Any) -> bool:
        """Is the tie this parsed trigger states a past one or a site still to come?"""
        if self._future_site(tok):
            return True
        node = tok
        for _ in range(4):
            if self._marked(node):
                return True
            if node.dep_ not in _UP or node.head.i == node.i:
                return False
            node = node.head
        return False

    def stale_window(self, doc: Any, start: int, sent_start: int) -> bool:
        """A past-tie word in the few words before a window phrase at token ``start`` ("formerly based in")."""
        k = start - 1
        while k >= max(sent_start, start - _SCAN):
            low = doc[k].lower_
            if doc[k].is_punct or low in _CLAUSE_BREAKS:
                return False
            if low in self.former:
                return True
            k -= 1
        return False

    def given_up(self, doc: Any, k: int, sent_start: int) -> bool:
        """"closed its Tallinn office": a verb of ``site_end_verbs`` right before the phrase at token ``k``."""
        j = k - 1
        while j >= max(sent_start, k - 3) and doc[j].lower_ in ("its", "their", "the", "a", "an", "our", "his", "her"):
            j -= 1
        return j >= sent_start and doc[j].lower_ in self.site_end_verbs


def one_name(c: Any, spans: list[tuple[int, int, int]], methods: frozenset[str], doc: Any) -> Any:
    """A surface reading said of one name is not shared with the list that name stands in: "Nordsee Ventures of
    Hamburg, the Valencia-based fund Albufera Capital and ..." (``one_name_methods``; "X-based" only before a
    singular noun)."""
    if c.method not in methods:
        return c
    if c.method == "rule:x-based" and not _based_noun(c, spans, doc):
        return c
    return replace(c, fixed=c.fixed | {c.src, c.tgt})


def _based_noun(c: Any, spans: list[tuple[int, int, int]], doc: Any) -> bool:
    """"the Valencia-based fund Albufera Capital" (a singular noun after "X-based") and "Lagos-based Baobab Capital
    and the Norrsken22 fund" are said of one name; "San Francisco-based OpenAI and Anthropic", "Paris-based AI
    companies include A and B" (the next name bare after "and") and "A and B, both Stockholm-based" of the list."""
    ends = {i: e for i, _, e in spans}
    k = ends.get(c.tgt, -1) + 2  # after "X", "-", "based"
    starts = {i: s for i, s, _ in spans}
    if k < 2 or starts.get(c.src, -1) < k:
        return False
    while k < len(doc) and doc[k].text in ("AI", "-"):
        k += 1
    if k < len(doc) and doc[k].is_lower and doc[k].is_alpha and not doc[k].lower_.endswith("s"):
        return True
    # "OpenAI and Anthropic": the next name follows "and" bare; "Baobab Capital and the Norrsken22 fund" is
    # another item with its own words
    e = ends.get(c.src, -1)
    return not (0 < e < len(doc) - 1 and doc[e].lower_ in ("and", ",") and (e + 1) in set(starts.values()))
