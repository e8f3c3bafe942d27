"""Typing names: by their head words (lexicon data) and by what the text around them says."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import Lexicon, lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME
from aikg.ingest.nlp.mentions.org_head_types import enabled as org_heads_enabled
from aikg.ingest.nlp.token_index import TokenIndex
from aikg.ingest.nlp.world_places import world_places

#: endings of a people's adjective ("Guatemalan", "Moldovan", "Congolese"); a known town or country is never one
_DEMONYM_ENDINGS = ("an", "ese", "ish", "ian", "ean", "ic", "i")


def _demonym(text: str, lex: Lexicon) -> bool:
    """"the Guatemalan investor network X": an adjective of a people, not the firm's town."""
    return text.lower().endswith(_DEMONYM_ENDINGS) and world_places().kind(text) is None \
        and text.lower() not in lex.countries

def is_demonym(text: str, lex: Lexicon) -> bool:
    """Public reading of ``_demonym`` for other stages ("the best Peruvian AI companies")."""
    return _demonym(text, lex)


#: a lower-case letter then a capital inside one word: "OpenAI", "DeepMind"
INNER_CAPITAL = re.compile(r"[a-z][A-Z]")

#: agency heads that also head other bodies before "of"/"for" ("European Organization for Nuclear Research")
AMBIGUOUS_AGENCY_HEADS = frozenset({"organisation", "organization", "board", "service", "congress"})
#: heads that make a national body an agency before "of"/"for" ("National Council for ...")
NATIONAL_BODY_HEADS = frozenset({"institute", "institutes", "council"})


@lru_cache(maxsize=1)
def _academic_words() -> tuple[frozenset[str], frozenset[str]]:
    """``academic_unit_heads`` and ``academic_fields`` of ``data/lexicon/entity_typing.json``."""
    data = lexicon_data("entity_typing.json")
    return frozenset(data.get("academic_unit_heads", ())), frozenset(data.get("academic_fields", ()))


class NameTyper:
    """Type cues of a name and of its context; caches the head-word typing of names."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.words = lexicon.words
        self._name_types: dict[tuple[str, ...], str | None] = {}
        self.titles = frozenset(t.rstrip(".") for t in lexicon.person_titles)
        #: last words that make a name an institute before any programme reading ("Cobequid Innovation Hub")
        self.institute_last = frozenset(w.lower() for w in lexicon.types.get("institute_last_words", ()))
        self.institute_endings = tuple(" " + w.lower() for w in lexicon.types.get("institute_endings", ()))
        self.public_heads = frozenset(w.lower() for w in lexicon.types.get("public_investor_heads", ()))
        self.public_owners = frozenset(w.lower() for w in lexicon.types.get("public_owner_words", ()))
        self.public_corporation = frozenset(w.lower() for w in lexicon.types.get("public_corporation_words", ()))
        #: "Pomeranian Science Foundation" is a foundation, "National Science Foundation" a state funder
        self.foundation_heads = frozenset(lexicon.types.get("foundation_heads", ()))
        self.foundation_fields = frozenset(lexicon.types.get("foundation_fields", ()))
        self.state_words = frozenset(lexicon.types.get("foundation_state_words", ()))
        from aikg.ingest.nlp.mentions.type_forms import enabled, type_form_words  # (a neighbour: no import cycle)

        forms = type_form_words()
        #: "Front Range Electric Cooperative": a producers' cooperative is a business its members own
        self.cooperative_heads = forms.cooperative_heads if enabled() else frozenset()
        self.producer_words = forms.producer_words
        self.firm_word_endings = forms.firm_word_endings if enabled() else ()
        self.council_heads = forms.council_heads if enabled() else frozenset()
        self.association_words = forms.association_words
        #: "a seed grant of ...", "a public fund run by ...": descriptions that make a name a Programme
        self.programme_heads = forms.programme_description_heads if enabled() else frozenset()
        self.pot_verbs = forms.pot_run_verbs
        #: "Karoo Compute", "Kūlia Start-up": firm last words the type lexicon lacks
        self.firm_last = forms.firm_last_words if enabled() else frozenset()
        self.place_particles = forms.place_particles if enabled() else frozenset()
        self.programme_pairs = forms.programme_description_pairs if enabled() else frozenset()
        self.development_banks = forms.development_bank_words if enabled() else frozenset()

    # ------------------------------------------------------------------ by the name itself
    def type_of_name(self, words: list[str]) -> str | None:
        """Type of an organisation or programme name from its head words, or None if no cue."""
        key = tuple(words)
        hit = self._name_types.get(key, "?")
        if hit != "?":
            return hit
        if len(self._name_types) > 50_000:
            self._name_types.clear()
        hit = self._name_types[key] = self._type_of_name(words)
        return hit

    def _first_body(self, low: list[str]) -> str | None:
        """Types read before the heads: a university's department, a public corporation or bank, a council or a
        producers' cooperative."""
        if len(low) > 2 and low[0] in _academic_words()[0] and low[1] in ("of", "for") \
                and (low[-1] in _academic_words()[1] or low[-2:] == ["computer", "science"]):
            return "Institute"  # "Department of Agricultural and Food Engineering": a university's department
        return "Agency" if self._public_corporation_or_bank(low) else self._council_or_cooperative(low)

    def _type_of_name(self, words: list[str]) -> str | None:
        if not words:
            return None
        lex = self.lex
        low = [w.lower().strip(".,") for w in words]
        last = low[-1]
        joined = " ".join(low)
        body = self._first_body(low)
        if body is not None:
            return body  # a public corporation, a central bank, a council, a producers' cooperative
        if last in lex.company_legal or (len(low) > 1 and low[-2] in lex.company_legal and last in {".", ","}):
            return "Company"
        if len(low) > 2 and joined.endswith(lex.company_endings):
            return "Company"  # "Grand River Teachers' Pension Plan": an investor
        if len(low) > 1 and (last in self.institute_last or (" " + joined).endswith(self.institute_endings)):
            return "Institute"  # "Manhyia Innovation Hub", "Kaunas Science Park": a body, unless the text says otherwise
        if last in lex.programme_last and len(low) > 1 and joined.endswith(lex.agency_endings):
            return "Agency"  # "European Investment Fund": an agency ending that closes with a programme word
        if last in lex.programme_last or len(low) == 2 and len(last) == 4 and last.isdigit() and last[:2] in ("19", "20") \
                and (low[0] in lex.countries or low[0] in lex.programme_year_words):
            return "Programme"  # "... Fund", "France 2030", "Horizon 2020": a plan named for its year
        if low[0] in lex.agency_first or last in lex.agency_last \
                or any(w in lex.agency_first and nxt in ("of", "for", "on") for w, nxt in zip(low, low[1:])):
            return "Agency"  # "Department of ...", "Pennsylvania Department of ...", "State Ministry for ..."
        if (joined.endswith(lex.agency_endings) or joined.endswith(" " + low[-1])
                and joined[:-len(low[-1]) - 1].endswith(lex.agency_endings)) \
                and not self._private_foundation(low):  # (a tuple: one call, not one per ending)
            return "Agency"  # "Innovation Agency", "Science Foundation Ireland" (a place may follow)
        if low[0] == "government" or (len(low) > 1 and low[-1] == "government"):
            return "Agency"
        if self._national_body(low):
            return "Agency"  # "Innovate UK", "Health Canada", "UK Research and Innovation"
        head = self._connector_head(low)
        if head is not None:
            return head
        if any(w in lex.institute_words or (len(w) > 8 and w.endswith(lex.institute_suffixes)) for w in low):
            return "Institute"
        if last in lex.company_last or len(low) > 1 and last in self.firm_last:
            return "Company"
        return None

    def _private_foundation(self, low: list[str]) -> bool:
        """"Pomeranian Science Foundation", "Baobab Research Foundation": a science or research foundation is a state
        funder only when its name says so ("National Science Foundation", "Science Foundation Ireland"); else it is a
        foundation like any other (an Institute, docs/annotation.md §2). A name that opens with the field and the
        foundation and ends with a place is the state funder's form ("Research Foundation Flanders")."""
        k = next((i for i in range(1, len(low)) if low[i] in self.foundation_heads and low[i - 1] in self.foundation_fields),
                 None)
        if k is None or k == 1 and len(low) > 2 or any(w in self.state_words for w in low):
            return False
        rest = " ".join(w for i, w in enumerate(low) if i not in (k - 1, k) and w != "the")
        return rest not in self.lex.countries

    def _council_or_cooperative(self, low: list[str]) -> str | None:
        """A producers' cooperative is a firm its members own ("Rangiuru Fruit Cooperative"); a council is an agency
        ("Neath Port Talbot Council") unless a trade word makes it an association ("Kansai Robot Industry Council")."""
        if len(low) < 2:
            return None
        if low[-1] in self.cooperative_heads and any(w in self.producer_words for w in low[:-1]):
            return "Company"
        if low[-1] in self.council_heads and not any(w in self.association_words for w in low[:-1]):
            return "Agency"
        return None

    def _public_corporation_or_bank(self, low: list[str]) -> bool:
        """"Rajshahi City Corporation", "Southern Puerto Rico Development Corporation": public bodies;
        "Bank of Lithuania": a central bank."""
        if low[-1] == "corporation" and any(w in self.public_corporation for w in low[:-1]):
            return True
        return len(low) > 2 and low[0] == "bank" and low[1] == "of" and " ".join(low[2:]) in self.lex.countries

    def _connector_head(self, low: list[str]) -> str | None:
        """The head of "X of/for Y" is the word before the connector: "National Strategy for Data and AI"."""
        lex = self.lex
        k = next((k for k in range(1, len(low)) if low[k] in ("of", "for")), None)
        if k is None:
            return None
        if low[k - 1] in lex.programme_last:
            return "Programme"
        if " ".join(low[:k]).endswith(lex.agency_endings):
            return "Agency"  # "Research Council of Finland"
        if low[k - 1] in NATIONAL_BODY_HEADS and "national" in low[:k - 1]:
            return "Agency"  # "National Institute of Food and Agriculture", "National Council for Science ..."
        if low[k - 1] in lex.agency_last and low[k - 1] not in AMBIGUOUS_AGENCY_HEADS:
            return "Agency"  # "Tanzania Commission for Science and Technology", not a firm by its last word
        if low[k - 1] in AMBIGUOUS_AGENCY_HEADS and k >= 2 and org_heads_enabled() and self._place_words(low[:k - 1]):
            return "Agency"  # "Punjab Board of Investment and Technology": a place's board (issue 14, typing A)
        if low[k - 1] in lex.institute_first:
            return "Institute"  # "Faculty of Engineering Sciences"
        return None

    def _place_words(self, low: list[str]) -> bool:
        """The words are a country or a place the world list knows that is no English word ("Punjab", "Ontario")."""
        text = " ".join(low)
        wp = world_places()
        return text in self.lex.countries or (wp.kind(text) is not None and not wp.is_ambiguous(text))

    def _national_body(self, low: list[str]) -> bool:
        """A country name first or last and only national-body words besides ("Statistics Estonia")."""
        lex = self.lex
        for k in range(1, len(low)):
            head, tail = " ".join(low[:k]), " ".join(low[k:])
            rest = low[k:] if head in lex.countries else low[:k] if tail in lex.countries else None
            if rest and all(w in lex.national_body_words for w in rest) and not all(w in ("and", "&") for w in rest):
                return True
        return False

    def type_of_span(self, doc: Any, start: int, end: int, label: str) -> str | None:
        """Our type for an NER span of ``label``: the head-word cue where the label allows it."""
        words = TokenIndex.of(doc).text[start:end]
        kind = self.lex.ner_map.get(label)
        cue = self.type_of_name(words)
        if kind == "person":
            if cue in ("Institute", "Agency", "Programme") and len(words) > 1:
                return cue
            if len(words) > 1 and (words[-1].lower() in self.lex.company_last or words[-1].lower() in self.lex.company_legal
                                   or words[-1].lower() in self.firm_last):
                return "Company"  # "Lumora Labs" read as a person
            if cue == "Company" and len(words) > 2 and " ".join(words).lower().endswith(self.lex.company_endings):
                return "Company"  # "Mwanza Angel Network" read as a person
            last = words[-1].lower()
            if 2 <= len(words) <= 3 and words[-1][:1].isupper() and any(
                    last.endswith(e) and len(last) > len(e) + 2 for e in self.firm_word_endings):
                return "Company"  # "Atlas Seatworks", "Damietta FishTech": no surname ends so
            return "Person"
        if kind == "org":
            return cue or self.lex.default_org
        if kind in ("place", "fac"):
            if cue and cue != "Company":
                return cue
            if cue == "Company" and len(words) > 1 and words[-1].lower() in self.lex.company_run_last \
                    and words[-1].lower() not in self.lex.hub_words:
                return cue  # "Conestoga Robotics" read as a place
            if len(words) == 1 and words[0][:1].isupper() and INNER_CAPITAL.search(words[0]):
                return cue or self.lex.default_org  # "OpenAI" read as a place: places are not written with inner capitals
            return "Cluster"
        if kind == "head-only":
            return cue if cue in ORG_OR_PROGRAMME and len(words) > 1 else None
        if kind == "programme-only":
            return "Programme" if cue == "Programme" else None
        if kind == "programme-or-law":
            return "Programme" if cue == "Programme" or words[-1].lower() in self.lex.law_last else None
        return None

    # ------------------------------------------------------------------ by the context
    def site_of(self, doc: Any, start: int, end: int) -> bool:
        """"its Taylor fabrication plant", "whose Eindhoven campus": the name is where an organisation has a site."""
        if start == 0 or doc[start - 1].lower_ not in self.words.site_determiners:
            return False
        for k in range(end, min(len(doc), end + 3)):
            if doc[k].lower_ in self.lex.site_nouns:
                return True
            if not doc[k].is_lower:
                return False
        return False

    def description_head(self, doc: Any, k: int) -> str | None:
        """Head noun of a description starting at token ``k`` ("the Cary-based analytics company" -> "company")."""
        w = self.words
        head = None
        n = len(doc)
        stop = min(n, k + 10)
        while k < stop:
            tok = doc[k]
            low = tok.lower_
            if low in w.possessive:
                head = None  # "the University of Edinburgh's supercomputing centre": the possessor is not the head
                k += 1
                continue
            if low in ("of", "for", "and", "&") and head is None and doc[k - 1].text[:1].isupper() and k + 1 < n \
                    and doc[k + 1].text[:1].isupper():
                k += 1  # inside a name ("the University of Edinburgh's ...")
                continue
            if low in w.description_stops and not (low == "-" and not doc[k - 1].whitespace_):
                break
            if low in w.participle_stops and doc[k - 1].whitespace_:
                break  # "the research centre set up by ..."
            if head is not None and low.endswith("ed") and tok.is_alpha and k + 1 < n \
                    and doc[k + 1].lower_ in ("by", "in", "at", "with", "from"):
                break  # "a research consortium hosted by ...": a participle ends the description
            if tok.text == "-" or tok.text == "–":
                k += 1
                continue
            if tok.is_alpha and tok.is_lower:
                if k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ and not doc[k - 1].whitespace_:
                    head = doc[k - 2].lower_ + "-" + low  # "start-up"
                else:
                    head = low
            k += 1
        return head

    def context_type(self, doc: Any, start: int, end: int, label: str, typ: str | None) -> str | None:
        """What the text says the name is: a description after it or a noun right behind it (None: nothing said)."""
        w = self.words
        n = len(doc)
        cue = self.type_of_name(TokenIndex.of(doc).text[start:end])
        nxt = doc[end] if end < n else None
        if start >= 2 and doc[start - 1].lower_ in w.org_suffixes and doc[start - 2].text in w.dashes \
                and label in ("PRODUCT", "PERSON", "NORP", "WORK_OF_ART", "ORG") and typ in (None, "Person"):
            return self.lex.default_org  # "Amsterdam-based Adyen"
        if label == "ORG" and end - start == 1 and cue is None and start > 0 and doc[start - 1].lower_ in ("a", "an") \
                and nxt is not None and w.description_types.get(self.description_head(doc, end) or "") in ("Company", "Institute"):
            return "Cluster"  # "a Dundee start-up", "a Graz research centre": where the body is
        if label in ("ORG", "PERSON", "GPE") and (end - start == 1 or end - start <= 3 and all(t.is_title for t in doc[start:end])
                                                   or self._particle_town(doc, start, end)) and cue is None and start > 0 \
                and doc[start - 1].lower_ in w.articles and self._place_before_name(doc, end) \
                and not _demonym(doc[start].text, self.lex):
            return "Cluster"  # "the Hobart winemaker Derwent Hills Wines": where the firm is
        if nxt is not None and nxt.is_lower and nxt.lower_ in w.product_nouns and label not in ("PERSON",):
            return "drop"  # "the Helios supercomputer"
        if self._product_after(doc, start, end) and label not in ("PERSON",) and cue in (None, "Company"):
            return "drop"  # "the Gela-3 vision processor", "Samaki Sense's FishEye buoy", "its Strider X2 picking arm"
        pre = self.premodifier_type(doc, start)
        if pre is not None and (typ in (None, "Person", "Cluster") or (typ == "Company" and cue is None)):
            return pre  # "the cork producer Sobral Cortiças"
        if pre in ("Institute", "Agency") and cue == "Company" and doc[end - 1].lower_.strip(".,") not in self.lex.company_legal:
            return pre  # "the regional association Auvergne-Rhône Robotics": the noun says more than a firm-like last word
        if pre == "Programme" and cue == "Institute" and doc[end - 1].lower_ in self.institute_last | {"lab", "labs"}:
            return pre  # "the Ivorian incubator Akwaba Lab": a weak institute head the noun before overrides
        if nxt is not None and nxt.is_lower and nxt.lower_ in w.programme_nouns \
                and start > 0 and (doc[start - 1].lower_ == "the" or doc[start - 1].text in w.possessive):
            return "Programme"  # "the AiNed programme", "Te Ara Innovation Agency's Venture Runway programme"
        if cue in (None, "Company") and start > 0 and doc[start - 1].lower_ == "the" and label == "ORG":
            for k in range(end, min(n, end + 2)):
                if not doc[k].is_lower:
                    break
                if doc[k].lower_ in w.institute_nouns:
                    if self._site_town(doc, start, end, k):
                        return "Cluster"  # "the Asunción lab of Guaraní Data", "the Cluj lab of X": the lab's town
                    return "Institute"  # "the @iLabAfrica research centre"
        return self._described_after(doc, start, end, typ, cue)

    def _particle_town(self, doc: Any, start: int, end: int) -> bool:
        """"Angra do Heroísmo", "Vila Franca do Campo": capitalised words around lower-case place particles (up to
        five tokens), the shape of a Romance town's name."""
        if not self.place_particles or not 3 <= end - start <= 5 or not doc[start].is_title or not doc[end - 1].is_title:
            return False
        inner = doc[start + 1:end - 1]
        return any(t.lower_ in self.place_particles and t.is_lower for t in inner) \
            and all(t.is_title or t.lower_ in self.place_particles and t.is_lower for t in inner)

    def _product_after(self, doc: Any, start: int, end: int) -> bool:
        """A product noun one or two lower-case words after a name that a determiner or a possessive opens."""
        w = self.words
        if start == 0 or not (doc[start - 1].lower_ in w.articles or doc[start - 1].lower_ in ("its", "our", "their", "his", "her")
                              or doc[start - 1].text in w.possessive):
            return False
        for k in range(end, min(len(doc), end + 2)):
            if not (doc[k].is_lower and doc[k].is_alpha) and doc[k].text != "-":
                return False
            if doc[k].lower_ in w.product_nouns and k > end and doc[k].lower_ not in ("team", "teams", "service"):
                return doc[k - 1].lower_ not in w.product_unit_modifiers  # "the X venture arm": a unit, no product
        return False

    def _site_town(self, doc: Any, start: int, end: int, noun: int) -> bool:
        """"the Asunción lab", "the Cluj lab of Someș Data": a plain name before a site noun is a town when the
        world list knows it or an organisation owns the site ("of" and a capitalised name after the noun)."""
        from aikg.ingest.nlp.mentions.type_forms import enabled  # (type_forms imports this module's neighbours)

        toks = doc[start:end]
        if not enabled() or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper and not INNER_CAPITAL.search(t.text)
                   for t in toks) or doc[noun].lower_ not in self.lex.site_nouns:
            return False
        text = toks.text
        wp = world_places()
        if wp.kind(text) == "city" and not wp.is_ambiguous(text):
            return True
        return noun + 2 < len(doc) and doc[noun + 1].lower_ == "of" and doc[noun + 2].text[:1].isupper() \
            and not _demonym(doc[start].text, self.lex)

    def _described_after(self, doc: Any, start: int, end: int, typ: str | None, cue: str | None) -> str | None:
        """The type a description after the name gives: ", a/the ..." or "X (ACR) is a ..." opening a sentence."""
        n = len(doc)
        if end + 2 < n and doc[end].text == "," and doc[end + 1].lower_ in self.words.articles \
                and not self._opening_phrase(doc, start) and not self._noun_of_next_name(doc, end + 2):
            return self._described_as(doc, end + 2, typ, cue)
        e = end + 3 if end + 3 < n and doc[end].text == "(" and doc[end + 2].text == ")" else end  # "X (SCC) is a"
        opens = start == 0 or doc[start].is_sent_start or doc[start - 1].lower_ == "the" and doc[start - 1].is_sent_start
        if e + 3 < n and doc[e].lower_ in ("is", "was") and doc[e + 1].lower_ in ("a", "an") and opens and cue is None:
            if typ in (None, "Company") or typ == "Person" and end - start == 1:
                return self._described_as(doc, e + 2, typ, cue)  # "Kyutai is a non-profit research laboratory"
            if typ == "Person" and self._described_as(doc, e + 2, typ, cue) == "Programme":
                return "Programme"  # "The Atlas AI Launchpad is a six-month programme": no person is a programme
        return None

    def _noun_of_next_name(self, doc: Any, k: int) -> bool:
        """", the Chust seed company Chortoq Seeds and ...": the noun describes the next list item, not the name
        before the comma (a name follows the head noun)."""
        head = self.description_head(doc, k)
        if head is None:
            return False
        for i in range(k, min(len(doc) - 1, k + 10)):
            if doc[i].lower_ == head or doc[i].lower_.endswith("-" + head) or head.endswith(doc[i].lower_) and "-" in head:
                nxt = doc[i + 1]
                return nxt.is_title and nxt.is_alpha and not nxt.is_sent_start
        return False

    def described_programme(self, doc: Any, end: int) -> bool:
        """"X Hub, an initiative launched by ...": a name with a weak institute head that the text calls a programme."""
        if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in self.words.articles \
                or doc[end - 1].lower_ not in self.institute_last:
            return False
        return self.words.description_types.get(self.description_head(doc, end + 2) or "") == "Programme"

    def _opening_phrase(self, doc: Any, start: int) -> bool:
        """"Headquartered in Toronto, the company has ...": the name ends an opening phrase, and the description
        after the comma is the sentence's subject, not an apposition."""
        return start >= 2 and doc[start - 1].lower_ in self.lex.location_preps \
            and doc[start - 2].lower_ in self.words.participle_stops | self.words.location_participles

    def place_before_name(self, doc: Any, end: int) -> bool:
        """Public reading of ``_place_before_name`` for other stages ("Queenstown | angel group Remarkables Angels")."""
        return self._place_before_name(doc, end)

    def _place_before_name(self, doc: Any, end: int) -> bool:
        """One or two lower-case nouns, the last an organisation noun, then a capitalised name."""
        for k in (end + 1, end + 2):
            if k >= len(doc) or not doc[k - 1].is_lower or not doc[k - 1].is_alpha:
                return False
            noun = doc[k - 1].lower_
            if (noun in self.words.org_premodifiers or noun.endswith("maker")) and doc[k].is_title \
                    and not doc[k].is_sent_start:
                return True
            if noun in self.lex.strong_hub_words and doc[k].is_punct:
                return True  # "Communitech, the Kitchener innovation hub,"
        return False

    def _described_as(self, doc: Any, k: int, typ: str | None, cue: str | None) -> str | None:
        """", the Cary-based analytics company": the type a description after the name gives, if it may override."""
        head = self.description_head(doc, k)
        pot = self._programme_said(doc, k, head, cue)
        if pot is not None:
            return pot
        if head in self.public_heads and cue in (None, "Company") and typ in (None, "Person", "Cluster", "Company"):
            stop = next((i for i in range(k, min(len(doc), k + 8)) if doc[i].lower_ == head), k)
            if self._public(doc, k, stop, head):
                return "Agency"  # "EIFO, the Danish state investment fund"
        said = self.words.description_types.get(head or "")
        if said is None:
            return None
        if said == "Company" and (typ in (None, "Person", "Cluster", "Company") or cue == "Institute"):
            return said  # "SAS Institute, the Cary-based analytics company"
        if said != "Company" and (typ in (None, "Person", "Cluster") or (typ == "Company" and cue is None)):
            return said  # "Vinnova, the Swedish innovation agency", "EPCC, the university's supercomputing centre"
        if said == "Programme" and cue == "Institute" and doc[k - 3].lower_ in self.institute_last:
            return said  # "the Massachusetts AI Hub, an initiative launched by ...": a hub that is a programme
        return None

    def _programme_said(self, doc: Any, k: int, head: str | None, cue: str | None) -> str | None:
        """", a seed grant of the regional government", ", a public fund run by the county": a grant, or a fund the
        description says someone runs, is a Programme even over a firm-like last word ("Semilla Digital"); a legal
        form ("Ltd") or another body's head word ("... Institute") keeps the name's own type."""
        if head is None or cue not in (None, "Company", "Programme", "Agency") or doc[k - 3].lower_.strip(".,") in self.lex.company_legal:
            return None
        if head in self.programme_heads:
            return "Programme"
        at = next((i for i in range(k, min(len(doc), k + 8)) if doc[i].lower_ == head), None)
        if at is None or at + 2 >= len(doc):
            return None
        if f"{doc[at - 1].lower_} {head}" in self.programme_pairs:
            return "Programme"  # "a credit line of the public development bank"
        if head == "bank" and doc[at - 1].lower_ in self.development_banks:
            return "Agency"  # "the provincial development bank": a state investment bank
        if head != "fund":
            return None
        return "Programme" if doc[at + 1].lower_ in self.pot_verbs and doc[at + 2].lower_ in ("by", "up", "out") else None

    def org_cue(self, doc: Any, start: int, end: int) -> str | None:
        """A name the NER read as a person that the text treats as a body: ", which ..." (people take "who")
        "Partner at Name", or "the Name <organisation noun>" ("the Halden robotics firm"); the type, else None."""
        n = len(doc)
        if end + 1 < n and doc[end].text == "," and doc[end + 1].lower_ == "which":
            return self.lex.default_org
        if start >= 2 and doc[start - 1].lower_ == "at" and (doc[start - 2].lower_ in self.lex.role_nouns
                                                             or doc[start - 2].lower_ in self.words.job_title_words):
            return self.lex.default_org  # "Partner at Halden Seed": where someone works
        if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in self.words.description_types:
            return self.lex.default_org  # "a subsidiary of Murau Werke", "a spin-out of ...": owned by a body
        if start > 0 and doc[start - 1].lower_ == "the":
            for k in range(end, min(n, end + 3)):
                if not (doc[k].is_lower and doc[k].is_alpha):
                    break
                if doc[k].lower_ in self.words.description_types:
                    if self._site_town(doc, start, end, k):
                        return "Cluster"  # "the Asunción lab of Guaraní Data" read as a person: the lab's town
                    return self.words.description_types[doc[k].lower_]
        return None

    def generic(self, doc: Any, start: int, end: int) -> bool:
        """Generic words only, introduced as a description ("a new AI Research Institute")."""
        if not all(w in self.lex.generic_name_words for w in TokenIndex.of(doc).lower[start:end]):
            return False
        prev = doc[start - 1].lower_ if start > 0 else ""
        return prev in self.words.generic_introducers

    def speaker(self, doc: Any, start: int, end: int) -> bool:
        """"said Jane Doe", "Jane Doe said": a quoted speaker is a person."""
        before = doc[start - 1].lower_ if start > 0 else ""
        after = doc[end].lower_ if end < len(doc) else ""
        return before in self.words.speech_verbs_before or after in self.words.speech_verbs_after

    def role_apposition(self, doc: Any, end: int) -> bool:
        """", the chief executive of", ", a professor at", ", chief executive of", ", Chair of the Board": what follows a
        person's name."""
        if end + 2 >= len(doc) or doc[end].text != ",":
            return False
        if doc[end + 1].lower_ in self.words.articles:
            return any(t.lower_ in self.lex.role_nouns for t in doc[end + 2:min(len(doc), end + 6)])
        first = doc[end + 1]
        if first.lower_ not in self.words.job_title_words | self.words.job_title_modifiers:
            return False
        if first.is_lower:
            return any(t.lower_ in self.lex.role_nouns for t in doc[end + 1:min(len(doc), end + 4)])
        return self._title_phrase(doc, end + 1)

    def _title_phrase(self, doc: Any, k: int) -> bool:
        """"Chair of the Board", "Non-Executive Director": capitalised title words up to a job title word."""
        w = self.words
        words = w.job_title_words | w.job_title_modifiers | w.job_function_words | w.job_title_punctuation
        for t in doc[k:min(len(doc), k + 5)]:
            low = t.lower_.rstrip(".")
            if low in w.job_title_words:
                return True
            if low not in words:
                return False
        return False

    def premodifier_type(self, doc: Any, start: int) -> str | None:
        """"the shipping firm Vestvik Maritime", "the Durango toolmaker Mekanika Txiki": the noun before the name."""
        if start < 2 or not doc[start - 1].is_lower or not doc[start - 1].is_alpha:
            return None
        first = start - 1
        noun = doc[start - 1].lower_
        if start >= 4 and doc[start - 2].text == "-" and not doc[start - 2].whitespace_ and not doc[start - 3].whitespace_ \
                and doc[start - 3].is_alpha and doc[start - 3].is_lower:
            first, noun = start - 3, doc[start - 3].lower_ + "-" + noun  # "The Karkaraly start-up Kent Geodata"
        typ = self.words.org_premodifiers.get(noun)
        if start >= 3 and doc[start - 2].is_lower and doc[start - 2].is_alpha:  # "the angel network X": two words say more
            pair = self.words.org_premodifiers.get(doc[start - 2].lower_ + " " + noun)
            if pair is not None:
                typ, first = pair, start - 2
        if typ is None and noun.endswith("maker"):
            typ = "Company"
        if typ is None:
            return None
        if self._public(doc, first - 2, first, noun):
            return "Agency"  # "support from public bank Bpifrance", "state bank Bpifrance": no article needed
        start = first + 1
        k = start - 2  # a determiner, an adjective or a place may come first; a verb or preposition may not
        while k >= 0 and k >= start - 8 and (doc[k].is_lower and doc[k].is_alpha or doc[k].is_title
                                             or doc[k].text == "-" and not doc[k].whitespace_):  # "the heat-pump maker"
            if doc[k].lower_ in self.words.articles:
                return self._public(doc, k + 1, start - 1, noun) or typ
            k -= 1
        return (self._public(doc, k + 1, start - 1, noun) or typ) if k >= 0 and doc[k].text in (",", "(") else None

    def _public(self, doc: Any, a: int, b: int, head: str | None) -> str | None:
        """"the public investment bank", "the Danish state investment fund": a publicly owned investor is an agency."""
        if head not in self.public_heads:
            return None
        return "Agency" if any(doc[i].lower_ in self.public_owners for i in range(max(a, 0), b)) else None
