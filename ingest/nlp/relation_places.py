"""Where an organisation is, stated by the shape of the phrase around a place name.

* "Karoo Compute (Cape Town)", "- Kestrel Agronomics (Brandon), which ...": a place in brackets
  right after an organisation's name (directory lists, speaker lines).
* "the Bergen startup Fjellkode", "the Columbus venture firm Drive Capital", "the Nagoya machine-tool group
  Atsuta Kikai", a headline's "Osaka robot start-up Yodogawa Dynamics raises ...": a place used as the modifier
  of an organisation noun right before the name.
* "Communitech, the Kitchener innovation hub", "the Know-Center, a Graz research centre": the same
  modifier in an apposition after the name, or after a copula ("Kestrel Motion is a Tokyo maker of robot hands").
* "In Toronto, the Ontario Centre for Applied Learning plays ...": a fronted place before "the" and a name.
* "- London: the Aldgate Institute" (a list item or line opened by a place and a colon) and "Sana Qureshi, Kamo
  Care Robotics, Kyoto" (a name line ending in an organisation and its town).
* "Companies in the Tunis cluster include A, B and C", "Other Paris-based AI companies include A" (``cluster_lists``)
  and "Dr Ama Boateng (Kestrel Labs, Accra)" (``bracket_org_place``).

The organisation nouns are data (``place_org_nouns`` in ``data/lexicon/relations.json``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Mapping

from aikg.ingest.nlp.lexicon import word_sets
from aikg.ingest.nlp.mentions.place_forms import district_words, numbered_street, past_words, street_words
from aikg.ingest.nlp.mentions.place_forms import enabled as place_forms_on
from aikg.ingest.nlp.mentions.place_noun_words import noun_acronym
from aikg.ingest.nlp.relation_employer_place import words as base_words
from aikg.ingest.nlp.relation_place_bare_nouns import bare_place_noun
from aikg.ingest.nlp.relation_place_fronted_time import fronted_time, postcode
from aikg.ingest.nlp.relation_place_sites import owned_sites_in
from aikg.ingest.nlp.relation_place_work import work_sites
from aikg.ingest.nlp.relation_rounds import RoundLists, token_index

ORG = ("Institute", "Company", "Agency")
#: rules whose description is said of one name, not of the list it ends ("A, B and C, a start-up from Curepipe")
SAID_OF_ONE = frozenset({"rule:site-list-one", "rule:apposition-in-place", "rule:apposition-of-place", "rule:short-form-in-place",
                         "rule:acronym-in-place"})
ARTICLES = {"the", "a", "an"}
POSSESSIVE_DETS = {"its", "their", "our"}
COPULAS = {"is", "was", "remains"}
OPENERS = {"-", "–", "—", "•", "*", "·", "▪"}  # list markers
LINE_BREAKERS = {"--", "–", "—", "-", ",", "("}  # before the organisation of a name line ("| Venue, Town" is a venue)
PLACED_BY = {"based", "headquartered", "located", "registered"}  # "a think tank based in Oslo"
BE_RUN = {"is", "are", "was", "were", "has", "have", "been", "also", "now", "still", "officially", "legally"}
RUN_STOPS = {"to", "of", "for", "with", "from", "by", "and", "or", "that", "which", "who", "whose", "at", "on", "as",
             "in", "'s", "’s"}
RUN_REACH = 7  # words (and hyphens) of a description before "in": "a non-profit research institute in"
MAX_NOUN_WORDS = 4  # lower-case words (and hyphens) between the place and the organisation noun's end


def _noun_run(doc: Any, k: int, end: int, org_nouns: frozenset[str]) -> int:
    """End (exclusive) of 1-3 lower-case words after ``k`` whose last is an organisation noun, or -1."""
    best = -1
    words = 0
    for n in range(k, min(end, k + 2 * MAX_NOUN_WORDS)):
        w = doc[n]
        if w.text in ("'", "’") and doc[n - 1].lower_.endswith("s") and not doc[n - 1].whitespace_:
            continue  # "the Senaki growers' cooperative Tekhuri Growers"
        words += w.text != "-" or doc[n - 1].whitespace_ != ""  # "grid-forecasting start-up": hyphens count no word
        if words > MAX_NOUN_WORDS:
            break
        if not (w.is_lower or w.text == "-" or noun_acronym(w)) or w.is_punct and w.text != "-":
            break  # "the Oulu AI start-up X": an acronym may stand in the run (place_noun_words)
        joined = doc[n - 2].lower_ + "-" + w.lower_ if n - 2 >= k and doc[n - 1].text == "-" else ""
        if w.lower_ in org_nouns or joined in org_nouns:  # "start-up" is three tokens
            best = n + 1
    return best


def _after_region(doc: Any, e: int, end: int) -> int:
    """"a Kearney, Nebraska company": past the region or country that qualifies the place, else ``e``."""
    if e + 2 >= end or doc[e].text != ",":
        return e
    k = e + 1
    while k < min(end, e + 4) and doc[k].is_title and doc[k].is_alpha:
        k += 1
    return k if k > e + 1 and k < end and doc[k].is_lower else e


def _closes(doc: Any, e: int, end: int) -> bool:
    """A bracket closes right after the place, or after its region or country ("(Oslo, Norway)")."""
    if doc[e].text.startswith(")"):  # the tokenizer keeps "):" and ")." whole
        return True
    if doc[e].text != ",":
        return False
    k = e + 1
    while k < min(end, e + 5) and doc[k].is_title:
        k += 1
    return k > e + 1 and k < end and doc[k].text.startswith(")")


def names_place(spans: list[tuple[int, int, int]], types: list[str]) -> bool:
    """Does the sentence name a place? Every rule here ties a name of the sentence to a place of the sentence (a
    ``Cluster``, LOCATED_IN's only target type), so without one they read nothing (speed only)."""
    return any(types[i] == "Cluster" for i, _s, _e in spans)


def place_phrases(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                  org_nouns: frozenset[str], emit: Callable[[int, int, str], None]) -> None:
    """LOCATED_IN(org -> place) from brackets and place-modified organisation nouns."""
    if not names_place(spans, types):
        return
    by_start = {s: i for i, s, e in spans}
    for i, s, e in spans:
        if types[i] != "Cluster":
            continue
        # "Karoo Compute (Cape Town)", "Kelvara Labs (Oslo, Norway)"
        if s - 2 >= sent.start and doc[s - 1].text == "(" and e < sent.end and _closes(doc, e, sent.end):
            org = next((j for j, sj, ej in spans if ej == s - 1 and types[j] in ORG), None)
            if org is not None:
                emit(org, i, "rule:org-bracket-place")
                continue
        if place_forms_on() and (org := _possessive_apposed(doc, e, sent.end, by_start, types, org_nouns)) is not None:
            emit(org, i, "rule:place-possessive-apposed")  # "León's best-known AI company, Bierzo Logística, ..."
            continue
        opens = s == sent.start or doc[s - 1].text in OPENERS  # a headline: "Osaka robot start-up Yodogawa raises ..."
        bare = not opens and bare_place_noun(doc, s, sent.start) \
            and doc[s - 1].lower_ not in ARTICLES | POSSESSIVE_DETS  # "from Queenstown angel group X" (relation_place_bare_nouns)
        if not opens and not bare and (s - 1 < sent.start or doc[s - 1].lower_ not in ARTICLES | POSSESSIVE_DETS):
            continue  # "Sismo Andino Perú, its Lima-based subsidiary,": a possessive determiner opens it too
        based = e + 2 < sent.end and doc[e].text == "-" and doc[e + 1].lower_ in PLACED_BY and not doc[e].whitespace_ \
            and place_forms_on()
        after = e + 2 if based else _after_region(doc, e, sent.end) if place_forms_on() else e
        k = _noun_run(doc, after, sent.end, org_nouns)  # "the Kapan-based mining-analytics firm X"
        if k < 0:
            continue
        # "the Bergen startup Fjellkode"
        if k in by_start and types[by_start[k]] in ORG:
            emit(by_start[k], i, "rule:place-noun-org")
            continue
        if bare:
            continue  # no article: only the noun run right before a name ("with Deer Lake start-up X")
        # "Communitech, the Kitchener innovation hub", "Kestrel Motion is a Tokyo maker of robot hands"
        c = s - 2
        if c > sent.start and (doc[c].text == "," or doc[c].lower_ in COPULAS):
            org = next((j for j, sj, ej in spans if ej == c and types[j] in ORG), None)
            if org is None and doc[c - 1].text == ")" and place_forms_on():  # "the Han River Consortium (HREAC) is a"
                org = next((j for j, sj, ej in spans if ej == c - 1 and types[j] in ORG), None)
            if org is not None and (doc[c].text != "," or k >= sent.end or doc[k].text in {",", ".", ";", ")"}
                                    or doc[k].is_lower and doc[k].lower_ not in {"of", "'s", "’s"}
                                    and not listed_not_apposed(doc, k, sent.end)):
                emit(org, i, "rule:org-apposition-place")
    _line_places(doc, sent, spans, types, emit)
    _dash_line_places(doc, sent, spans, types, emit)
    _apposition_in_place(doc, sent, spans, types, org_nouns, emit)
    _short_form_in_place(doc, sent, spans, types, emit)
    if place_forms_on():
        address_places(doc, sent, spans, types, emit)


def _possessive_apposed(doc: Any, e: int, end: int, by_start: dict[int, int], types: list[str],
                       org_nouns: frozenset[str]) -> int | None:
    """"León's best-known AI company, Bierzo Logística,", "Tartu's largest software house, Kelda Data, ...": the name
    apposed to a place's possessive description ending in an organisation noun (lower-case words, hyphens and short
    acronyms between), or None."""
    if e + 3 >= end or doc[e].text not in ("'s", "’s"):
        return None
    for k in range(e + 1, min(end - 2, e + 8)):
        w = doc[k]
        if not (w.is_lower and w.is_alpha or w.text == "-" or w.is_upper and len(w.text) <= 3):
            return None
        joined = doc[k - 2].lower_ + "-" + w.lower_ if doc[k - 1].text == "-" else ""
        if (w.lower_ in org_nouns or joined in org_nouns or w.lower_ in base_words()["employer_nouns"]) \
                and doc[k + 1].text == ",":
            org = by_start.get(k + 2)  # "Tartu's biggest employer, Kelda Robotics,"
            return org if org is not None and types[org] in ORG else None
    return None


GROUP_WORDS = frozenset({"both", "all", "each", "also"})  # "Spotify and Klarna, both Stockholm-based": the whole list


def based_said_of_one(doc: Any, spans: list[tuple[int, int, int]], cands: list[Any]) -> list[Any]:
    """"Industry partners include A, B and C, an Ithaca-based start-up": the "X-based" description after a name is
    said of that name alone, so the list it ends does not share the place (unless "both" or "all" says so)."""
    start_of = {i: s for i, s, e in spans}
    end_of = {i: e for i, s, e in spans}
    out = []
    for c in cands:
        if c.method == "rule:x-based" and c.src in end_of and c.tgt in start_of and end_of[c.src] < start_of[c.tgt] \
                and doc[end_of[c.src]].text == "," \
                and not any(doc[k].lower_ in GROUP_WORDS for k in range(end_of[c.src], start_of[c.tgt])):
            c = replace(c, fixed=c.fixed | {c.src})
        out.append(c)
    return out


def address_places(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                   emit: Callable[[int, int, str], None]) -> None:
    """"Corrections: Chenab Industry Insights, Kashmir Road, Sialkot.", "WCIP Secretariat, WRDA, 18 Dambulla Road,
    Kurunegala": the organisation right before an address's street is at the address's town (the town ends the
    line, the sentence, or comes before a postcode, a country or a "|")."""
    streets = street_words()
    ordered = sorted(spans, key=lambda x: x[1])
    for i, s0, e in ordered:
        s = s0 - 1 if s0 - 1 > sent.start and postcode(doc[s0 - 1]) else s0  # "12 Hallituskatu, 90100 Oulu"
        if types[i] != "Cluster" or s - 2 < sent.start or doc[s - 1].text != ",":
            continue
        if not (e >= sent.end or doc[e].text in {".", "|", ",", ";"} or doc[e].like_num or doc[e].is_space
                or "\n" in doc[e - 1].whitespace_ or postcode(doc[e])):
            continue
        k = s - 2  # back over the street segment to the comma before it
        while k > sent.start and doc[k].text != "," and s - k <= 8:
            k -= 1
        segment = doc[k + 1:s - 1]
        if doc[k].text != "," or not (any(t.lower_ in streets for t in segment) or numbered_street(doc, s - 2)) \
                or any(t.is_lower and t.is_alpha and t.lower_ not in streets for t in segment):
            continue  # "12 Kashmir Road", "Maršala Tita 12": capitalised words, numbers and street words only
        org = next((j for j, sj, ej in ordered if ej == k and types[j] in ORG), None)
        if org is not None:
            emit(org, i, "rule:address-place")


def _apposition_in_place(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                         org_nouns: frozenset[str], emit: Callable[[int, int, str], None]) -> None:
    """"MIAC, a non-profit research institute in Lapu-Lapu City", "Skagen Biologics, a contract lab in Aarhus",
    "the Forum, a think tank based in Oslo": an apposition whose organisation noun is placed by "in"."""
    by_start = {s: i for i, s, e in spans}
    ends_of = {i: e for i, s, e in spans}
    for i, _, e in spans:
        if types[i] not in ORG:
            continue
        c = e
        if c + 2 < sent.end and doc[c].text == "(" and doc[c + 2].text == ")":
            c += 3  # "the Mactan Institute (MIAC), a ..."
        if c + 2 >= sent.end or doc[c].text != "," or doc[c + 1].lower_ not in ARTICLES:
            continue
        k = c + 2
        while k < min(sent.end, c + 2 + RUN_REACH) and (doc[k].is_lower or doc[k].text == "-") \
                and doc[k].lower_ not in RUN_STOPS and doc[k].lower_ not in PLACED_BY:
            k += 1
        if any(doc[n].lower_ in past_words() for n in range(c + 2, k)):
            continue  # "Pellan Robotics, a former start-up in Bergen": not where it is now
        last = doc[k - 1].lower_
        joined = doc[k - 3].lower_ + "-" + last if k - 3 > c and doc[k - 2].text == "-" else ""
        if k + 1 >= sent.end or not (last in org_nouns or joined in org_nouns):
            continue  # the description ends in an organisation noun right before "in"
        if doc[k].lower_ in PLACED_BY and doc[k + 1].lower_ == "in":
            k += 1
        place = by_start.get(k + 1) if doc[k].lower_ in ("in", "from") else None  # "Kestrel Bleu, a start-up from Curepipe"
        if place is not None and types[place] == "Cluster":
            emit(i, place, "rule:apposition-in-place")
        elif doc[k].lower_ == "of" and place_forms_on() and (place := by_start.get(k + 1)) is not None and types[place] == "Cluster" \
                and _ends_phrase(doc, ends_of[place], sent.end):
            emit(i, place, "rule:apposition-of-place")  # "EMAL, the water utility of Loja, ..."


def _short_form_in_place(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                         emit: Callable[[int, int, str], None]) -> None:
    """"director of the Pelister Institute for Applied Intelligence (PIAI) in Bitola, ...": an organisation, its short
    form in brackets, "in" and a place ending the phrase (the place right after the name is ``org_of_place``'s)."""
    by_start = {s: i for i, s, e in spans}
    ends_of = {i: e for i, s, e in spans}
    for i, _s, e in spans:
        if types[i] not in ORG or e + 4 >= sent.end or doc[e].text != "(" or doc[e + 2].text != ")" \
                or doc[e + 3].lower_ != "in":
            continue
        place = by_start.get(e + 4)
        if place is not None and types[place] == "Cluster" and _ends_phrase(doc, ends_of[place], sent.end):
            emit(i, place, "rule:short-form-in-place")


def _ends_phrase(doc: Any, e: int, end: int) -> bool:
    """The place ends the apposition ("the water utility of Loja," / "." / end), not "of Loja province"."""
    return e >= end or doc[e].text in {",", ".", ";", ")", ":"} or "\n" in doc[e - 1].whitespace_


def _line_places(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                 emit: Callable[[int, int, str], None]) -> None:
    """Fronted places ("In Toronto, the X ..."), "- London: the X" list items and "Name, Org, Town" lines."""
    spans = sorted(spans, key=lambda x: x[1])
    k = sent.start
    while k < sent.end and (doc[k].text in OPENERS or doc[k].is_space):
        k += 1
    for (i, s, e), (j, s2, e2) in zip(spans, spans[1:]):
        if types[i] != "Cluster" or types[j] not in ORG or e >= sent.end:
            continue
        gap = [t.lower_ for t in doc[e:s2]]
        # "In Toronto, the Ontario Centre ..." (without "the" the surface rule fronted_place reads it)
        if s == k + 1 and doc[k].lower_ == "in" and gap == [",", "the"]:
            emit(j, i, "rule:fronted-place")
        # "- London: the Aldgate Institute for Applied Data Science"
        if s == k and gap in ([":"], [":", "the"]) and e2 < sent.end and doc[e2].text in {",", ".", ";"} | {"\n"} \
                or s == k and gap in ([":"], [":", "the"]) and e2 >= sent.end:
            emit(j, i, "rule:place-colon-org")
    # "Sana Qureshi, Kamo Care Robotics, Kyoto": a line (or sentence) that ends with "Org, Town"
    starts = {e: s for _, s, e in spans}
    for (j, s2, e2), (i, s, e) in zip(spans, spans[1:]):
        if s2 - 2 >= sent.start and doc[s2 - 1].text == "(" and doc[e2].text == ")" and s2 - 1 in starts:
            s2, e2 = starts[s2 - 1], e2 + 1  # "Travancore University of Science (TUS), Thiruvananthapuram"
        if types[j] in ORG and e2 + 1 < sent.end and doc[e2].text == "." and doc[e2 + 1].text == ",":
            e2 += 1  # "- Orava Sensors s.r.o., Dolný Kubín": a legal form's closing stop
        if types[j] not in ORG or e2 >= sent.end or doc[e2].text != ",":
            continue
        if s != e2 + 1 or types[i] != "Cluster":  # "Venue: Hauraki University, Grafton campus, Auckland."
            town = next(((x, sx, ex) for x, sx, ex in spans if types[x] == "Cluster" and sx > e2 and _campus_gap(doc, e2, sx)), None)
            if town is None:
                continue
            i, s, e = town
        before = doc[s2 - 1] if s2 - 1 >= sent.start else None
        line_end = e >= sent.end or doc[e].is_space and "\n" in doc[e].text or doc[e].text == ":" or (
            doc[e].text == "(" and before is not None and before.text in OPENERS) or (
            doc[e].text in {".", ")"} and (e + 1 >= sent.end or doc[e + 1].is_space and "\n" in doc[e + 1].text))
        line_start = before is None or before.is_space and "\n" in before.text or before.text in OPENERS \
            or before.text == ":"  # "Venue: Hauraki University, Grafton campus, Auckland."
        if line_end and (line_start or before.text in LINE_BREAKERS or before.text == "|" and _person_cells(
                doc, sent, spans, types, s2)) and not _street_like(doc, s2, e2):
            emit(j, i, "rule:name-line-place")


def _person_cells(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], s2: int) -> bool:
    """"Jonah Whitford | Founder and CEO | Kestrel Edge Systems, Tartu": a "|" cell "Org, Town" ends a line whose
    cells before name a person (a speaker line), not a "Time | Session | Venue, Town" programme row."""
    k = s2 - 1
    while k >= sent.start and "\n" not in doc[k].text and "\n" not in doc[k].whitespace_:
        k -= 1
    return any(types[x] == "Person" and k < sx < s2 for x, sx, _ in spans)


def _dash_line_places(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                      emit: Callable[[int, int, str], None]) -> None:
    """"- Kestrel Sensing — Tartu", "Velora Systems – Pärnu": a line (or list item) holding only an organisation, a
    spaced dash and the town that ends the line."""
    ordered = sorted(spans, key=lambda x: x[1])
    for (j, s2, e2), (i, s, e) in zip(ordered, ordered[1:]):
        if types[j] not in ORG or types[i] != "Cluster" or s != e2 + 1 or doc[e2].text not in ("—", "–", "-", "--") \
                or not doc[e2].whitespace_ or not doc[e2 - 1].whitespace_:
            continue
        k = s2 - 1
        while k >= sent.start and (doc[k].text in OPENERS or doc[k].is_space and "\n" not in doc[k].text):
            k -= 1
        opens = k < sent.start or "\n" in doc[k].whitespace_ or doc[k].is_space and "\n" in doc[k].text
        ends = e >= sent.end or "\n" in doc[e - 1].whitespace_ or doc[e].is_space and "\n" in doc[e].text
        if opens and ends:
            emit(j, i, "rule:dash-line-place")


def listed_not_apposed(doc: Any, k: int, end: int) -> bool:
    """Does the "and"/"or" at ``k`` after an apposition's noun join a list item rather than a second description?
    "Microsoft, a Zagreb university and several start-ups took part" (a verb comes before any comma) is a list;
    "Emajõe Tarkvara, a Tartu software firm and a spin-off of the university, has signed" closes with a comma."""
    if k >= end or doc[k].lower_ not in ("and", "or"):
        return False
    for t in range(k + 1, min(end, k + 14)):
        if doc[t].text in (",", ";", ")", "—", "–"):
            return False
        if doc[t].pos_ in ("VERB", "AUX") and not doc[t].tag_ in ("VBN", "VBG"):
            return True
    return True


def _campus_gap(doc: Any, e: int, s: int) -> bool:
    """", Grafton campus," between an organisation and its town on a name or venue line."""
    gap = doc[e:s]
    return 4 <= len(gap) <= 6 and gap[0].text == "," and gap[-1].text == "," and gap[-2].lower_ == "campus" \
        and all(t.text[:1].isupper() and t.is_alpha for t in gap[1:-2])


def _street_like(doc: Any, s: int, e: int) -> bool:
    """A name that is an address part read as an organisation: "Maršala Tita 12", "Quartier Commerce" (a number at
    either end, or a district or street word first: ``district_words`` of ``data/places/place_forms.json``)."""
    return doc[e - 1].like_num or doc[s].like_num or doc[s].lower_ in district_words()


class PlaceWords:
    """Word lists of the list forms below (``place_lists`` in ``data/lexicon/relations.json``)."""

    def __init__(self, relations: Mapping[str, Any]) -> None:
        words = word_sets(relations, "place_lists")
        self.subjects = words.get("subject_nouns", frozenset()) | base_words()["subject_nouns_extra"]  # "Companies in
        # the Tunis cluster include", "Vientiane funds such as A and B"
        self.not_subjects = words.get("not_subject_nouns", frozenset())  # "Customers in Tokyo include"
        self.include = words.get("include_verbs", frozenset())
        self.lists = RoundLists(relations)  # the list reader (descriptions before names, described items skipped)
        self.site_nouns = words.get("site_nouns", frozenset()) | base_words()["base_nouns"]  # "offices in A, B and C",
        # "41 people in A and B", "from its base in A" (``base_nouns`` of place_anchor_forms.json)
        self.placed_verbs = words.get("placed_verbs", frozenset())  # "registered as a society in A"
        self.not_placed = words.get("not_placed_words", frozenset())  # "plans to open offices in", "closed its"
        self.have_words = words.get("have_words", frozenset()) | base_words()["have_extra"]  # "has offices in",
        # "employs 41 people in", "opens drone assembly line in"
        self.out_of_verbs = base_words()["out_of_verbs"]  # "Kestrel Sensing operates out of Tartu"


def place_lists(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                emit: Callable[[int, int, str], None]) -> None:
    """LOCATED_IN from the list forms below, in one sentence."""
    if not names_place(spans, types):
        return
    cluster_lists(doc, sent, spans, types, words, emit)
    bracket_org_place(doc, sent, spans, types, emit)
    site_lists(doc, sent, spans, types, words, emit)
    if place_forms_on():
        possessive_sites(doc, sent, spans, types, words, emit)
        owned_sites_in(doc, sent, spans, types, words, emit)  # "Kapok Export's warehouse in Katiola" (relation_place_sites)
        relative_sites(doc, sent, spans, types, words, emit)
        coordinated_sites(doc, sent, spans, types, words, emit)
        plural_place_lists(doc, sent, spans, types, words, emit)
        acronym_in_place(doc, sent, spans, types, words, emit)  # "the Rivne Institute of Computing (RIC) in Lutsk"
        from_sites(doc, sent, spans, types, words, emit)  # "Pelri Labs works from a site in Phuentsholing"
        one_of_place(doc, sent, spans, types, words, emit)  # "X is one of several firms in Colombo"
        work_sites(doc, sent, spans, types,  # "X builds drones in Oulu" (relation_place_work)
                   lambda k: _places_and_in(doc, spans, words.lists.read_list(
                       token_index(doc, spans, types), k, ("Cluster",), sent.end), sent.end, types),
                   lambda s: _opens_clause(doc, sent, spans, types, s), emit)


SITE_SLOTS = ("in", "at")  # "operates a field station in Chust", "has a research office at Ile-Ife"


def coordinated_sites(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                      emit: Callable[[int, int, str], None]) -> None:
    """"It is a unit of the Academy and has field stations in Chust and Kokand", "X partners with Y and operates a
    plant in Z": a verb of having coordinated with the sentence's first verb has the sentence's subject."""
    ordered = sorted(spans, key=lambda x: x[1])
    k0 = sent.start
    while k0 < sent.end and (doc[k0].text in OPENERS or doc[k0].is_space or doc[k0].lower_ in ARTICLES):
        k0 += 1
    subject = next(((i, e) for i, s, e in ordered if s == k0 and types[i] in ORG), None)
    if subject is None:
        return
    for k in range(subject[1] + 3, sent.end - 1):
        if doc[k].lower_ not in SITE_SLOTS or doc[k - 1].lower_ not in words.site_nouns:
            continue
        h = next((t for t in range(k - 2, max(subject[1], k - 7), -1) if doc[t].lower_ in words.have_words
                  and doc[t].pos_ != "PRON" and doc[t].lower_ not in ("its", "their", "with")), None)
        if h is None or doc[h - 1].lower_ != "and":
            continue
        between = {doc[t].lower_ for t in range(subject[1], h)}
        stance = words.not_placed - PARTY_NOUNS  # "partners with Y and operates ...": the verb, not "partners in Z"
        if between & {"which", "who", "that", "whose", ";", "while", "whereas", "but"} or between & stance \
                or any(doc[t].lower_ in words.not_placed for t in range(h, k)):
            continue  # a relative clause or a second clause has its own subject
        for place in _place_run(doc, spans, types, k + 1, sent.end):
            emit(subject[0], place, "rule:coordinated-site")


POSSESSIVES = ("'s", "’s", "'", "’")
MAX_SITE_WORDS = 3  # words between the place and the site noun: "Google's Accra AI lab", "its Arad research centre"


def possessive_sites(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                     emit: Callable[[int, int, str], None]) -> None:
    """"Yaw joined from Google's Accra AI lab", "left Kestrel Labs's Tartu office": an organisation's possessive, a
    place and a site noun (lower-case words or a short acronym between); not a planned or former site ("Google's
    planned Accra lab", "the former Kestrel Labs' Tartu office")."""
    ends = {e: i for i, s, e in spans}
    for i, s, e in spans:
        if types[i] != "Cluster" or s - 2 < sent.start or doc[s - 1].text not in POSSESSIVES:
            continue
        org = ends.get(s - 1)
        if org is None or types[org] not in ORG:
            continue
        k = e
        while k < min(sent.end, e + MAX_SITE_WORDS) and doc[k].lower_ not in words.site_nouns \
                and (doc[k].is_lower and doc[k].is_alpha or doc[k].is_upper and len(doc[k].text) <= 4 or doc[k].text == "-"):
            k += 1
        if k >= sent.end or doc[k].lower_ not in words.site_nouns or doc[k].lower_ in PARTY_NOUNS:
            continue
        first = min(x for j, x, _ in spans if j == org)
        before = {doc[t].lower_ for t in range(max(sent.start, first - 3), first)}
        if before & (words.not_placed | past_words()) or any(doc[t].lower_ in words.not_placed | past_words()
                                                              for t in range(e, k)):
            continue
        emit(org, i, "rule:possessive-site")


RELATIVES = ("which", "that")
PARTY_NOUNS = frozenset({"customers", "clients", "partners", "investors", "users"})


def relative_sites(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                   emit: Callable[[int, int, str], None]) -> None:
    """"Nordlysberg Datasenter, which operates a hydro-powered GPU hall in Tromsø", "the Instituto Geofísico del Perú
    (IGP), which runs a volcano observatory in Arequipa": a relative clause whose verb of having holds a site."""
    ends = {e: i for i, s, e in spans}
    for k in range(sent.start + 4, sent.end - 1):
        if doc[k].lower_ not in SITE_SLOTS or doc[k - 1].lower_ not in words.site_nouns:
            continue
        r = next((t for t in range(k - 2, max(sent.start, k - 9), -1) if doc[t].lower_ in RELATIVES), None)
        if r is None or doc[r - 1].text != "," or doc[r + 1].lower_ not in words.have_words:
            continue
        if any(doc[t].lower_ in words.not_placed or doc[t].text in {",", ";", "("} for t in range(r + 1, k)):
            continue  # "which plans to open a lab in", "which closed its plant in"
        org = ends.get(r - 1)
        if org is None and doc[r - 2].text == ")":
            org = ends.get(r - 2)  # "the Instituto Geofísico del Perú (IGP), which runs ..."
        if org is None or types[org] not in ORG:
            continue
        for place in _place_run(doc, spans, types, k + 1, sent.end):
            emit(org, place, "rule:relative-site")


def _place_run(doc: Any, spans: list[tuple[int, int, int]], types: list[str], k: int, end: int) -> list[int]:
    """Places from token ``k`` joined only by commas and "and"/"or" ("in Tartu, Narva and Pärnu"); a described item
    ("..., and the Cusco software firm X") ends the run."""
    by_start = {s: (i, e) for i, s, e in spans}
    out: list[int] = []
    while k < end and (got := by_start.get(k)) is not None and types[got[0]] == "Cluster":
        out.append(got[0])
        k = got[1]
        gap = next((g for g in ((",", "and"), (",", "or"), (",",), ("and",), ("or",))
                    if tuple(t.lower_ for t in doc[k:k + len(g)]) == g), None)
        if gap is None:
            break
        k += len(gap)
    return out


def site_lists(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
               emit: Callable[[int, int, str], None]) -> None:
    """"X has offices in A, B and C", "X employs 41 people in A and B", "a polytechnic with campuses in A, B and C",
    "it is registered as a society in Kochi": every place of the list, said of the sentence's one organisation
    before it (none when a plan or an ending comes between: "plans to open offices in A", "closed its plant in A")."""
    for k in range(sent.start + 2, sent.end - 1):
        if doc[k].lower_ not in SITE_PREPS or doc[k].lower_ == "of" and doc[k - 1].lower_ != "out":
            continue
        b = k - 1
        if doc[k].lower_ == "of":  # "X is based out of Tartu", "operates out of A and B"
            b = k - 2
            if doc[b].lower_ not in words.placed_verbs | words.out_of_verbs:
                continue
        elif doc[k].lower_ in ("across", "at") and doc[b].lower_ not in words.site_nouns:
            continue  # "operations across A and B" (not "customers across A"), "research stations at A and B"
        elif doc[b].lower_ not in words.site_nouns:
            while b > max(sent.start, k - 6) and doc[b].is_lower and doc[b].lower_ not in words.placed_verbs:
                b -= 1  # "registered as a non-profit association in"
            if doc[b].lower_ not in words.placed_verbs:
                continue
        orgs = _past_apposition(doc, sorted((i, s, e) for i, s, e in spans if e <= b and types[i] in ORG
                                            and doc[s].lower_ not in POSSESSIVE_DETS), b)  # "from its base in": one org
        chosen = len(orgs) > 1
        if chosen:
            orgs = _verb_subject(doc, orgs, b, words)  # "A spin-off of X founded by A, the company employs 55 people in"
        if len(orgs) != 1 or any(doc[t].lower_ in words.not_placed for t in range(orgs[0][1], k)):
            continue
        i, s, e = orgs[0]
        if doc[b].lower_ in words.placed_verbs | words.out_of_verbs:  # "X is registered as a society in": X right before its verb
            if any(not doc[t].is_lower or doc[t].lower_ not in BE_RUN for t in range(e, b)):
                continue
        elif not (chosen or _opens_clause(doc, sent, spans, types, s)) \
                or not any(doc[t].lower_ in words.have_words for t in range(max(e, b - 7), b)):
            continue  # "X has offices in", "X employs 41 people in": X opens the sentence and has the sites
        method = "rule:site-list-one" if _after_fronted(doc, sent, s) else "rule:site-list"
        for place in _places_and_in(doc, spans, words.lists.read_list(
                token_index(doc, spans, types), k + 1, ("Cluster",), sent.end), sent.end, types):
            emit(i, place, method)


def _after_fronted(doc: Any, sent: Any, s: int) -> bool:
    """"With support from A and B, X opened a lab in Oslo": the name opens its clause after a fronted phrase led by a
    preposition (``fronting_words`` of place_anchor_forms.json), so the names of that phrase are no list it heads."""
    k = s - 1 if doc[s - 1].lower_ != "the" else s - 2
    return k > sent.start and doc[k].text == "," and doc[sent.start].lower_ in base_words()["fronting_words"]


def _places_and_in(doc: Any, spans: list[tuple[int, int, int]], places: list[int], end: int,
                   types: list[str]) -> list[int]:
    """The places of a site list and those of a second "in" joined to it: "employs 38 people in Montevideo and in
    Paysandú", "offices in Tartu, and in Riga and Vilnius"."""
    if not places:
        return places
    ends = {i: e for i, s, e in spans}
    k = ends[places[-1]]
    if k < end and doc[k].text == ",":
        k += 1
    if k + 2 >= end or doc[k].lower_ != "and" or doc[k + 1].lower_ != "in":
        return places
    return places + _place_run(doc, spans, types, k + 2, end)


#: words that place the sites after them: "offices in A", "operations across A and B", "based out of A"
SITE_PREPS = frozenset({"in", "across", "of", "at"})  # "at": only after a site noun ("a field station at A")


def _verb_subject(doc: Any, orgs: list[tuple[int, int, int]], b: int, words: PlaceWords) -> list[tuple[int, int, int]]:
    """The last organisation before the site noun at ``b`` when a verb of having follows it right away (adverbs
    between): "..., the company employs 55 people in", "..., Kelda Data now has offices in"; else all of them."""
    i, s, e = orgs[-1]
    if any(doc[t].lower_ in words.not_placed for t in range(orgs[0][1], s)):
        return orgs  # "After Tane Data closed, Kahu Vision employs ...": a stance word before leaves it unread
    k = e
    while k < b and doc[k].lower_ in BE_RUN:
        k += 1
    if k < b and doc[k].lower_ in words.have_words and doc[k].pos_ != "ADP" and doc[k].lower_ != "with" \
            and all(doc[t].is_lower or doc[t].like_num or doc[t].text == "-" for t in range(k + 1, b)):
        return [orgs[-1]]
    return orgs


def _opens_clause(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], s: int) -> bool:
    """The name at ``s`` opens the sentence, or opens it after a fronted clause that names no organisation and ends
    with a comma ("Founded in 2018 by Mereana Hollis, Kahu Vision employs 41 people in ...")."""
    if all(doc[t].lower_ in ARTICLES or doc[t].is_space or doc[t].text in OPENERS for t in range(sent.start, s)):
        return True
    if fronted_time(doc, sent.start, s if doc[s - 1].lower_ != "the" else s - 1):
        return True  # "In 2022 Kalvola Institute opened a field station in A" (relation_place_fronted_time)
    k = s - 1 if doc[s - 1].lower_ != "the" else s - 2
    return k > sent.start and doc[k].text == "," and not any(types[i] in ORG for i, s2, _ in spans if s2 < s)


def _past_apposition(doc: Any, orgs: list[tuple[int, int, int]], b: int) -> list[tuple[int, int, int]]:
    """"Sosban Systems, a 2016 spin-out of TMU, employs 60 people in": the first organisation alone when the others
    sit in an apposition closed by a comma before the verb at ``b``."""
    if len(orgs) < 2:
        return orgs
    first = min(orgs, key=lambda x: x[1])
    e = first[2]
    if e >= b or doc[e].text != ",":
        return orgs
    close = next((k for k in range(e + 1, b) if doc[k].text == ","), None)
    if close is None or not (doc[e + 1].is_lower or doc[e + 1].like_num):
        return orgs  # "A, B and C employ ...": a list, not an apposition
    inside = all(e < s <= e2 <= close for i, s, e2 in orgs if i != first[0])
    return [first] if inside else orgs


def cluster_lists(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                  emit: Callable[[int, int, str], None]) -> None:
    """"Companies in the Tunis cluster include A, B and C", "Other Paris-based AI companies include A and B",
    "Start-ups in Kigali include A": each listed organisation is in the place the subject names (the subject
    names organisations, no organisation of its own, and one place)."""
    if not words.subjects:
        return
    if place_forms_on():
        _such_as_lists(doc, sent, spans, types, words, emit)
    k = next((t for t in range(sent.start + 1, sent.end - 1) if doc[t].lower_ in words.include), None)
    if k is None:
        return
    subject = [(i, s) for i, s, e in spans if s < k]
    low = {doc[t].lower_ for t in range(sent.start, k)}
    low |= {doc[t - 1].lower_ + "-" + doc[t + 1].lower_ for t in range(sent.start + 1, k - 1) if doc[t].text == "-"}
    places = [i for i, s in subject if types[i] == "Cluster"]
    if len(places) != 1 or len(subject) != 1 or not low & words.subjects or low & words.not_subjects:
        return
    for org in words.lists.read_list(token_index(doc, spans, types), k + 1, ORG, sent.end):
        emit(org, places[0], "rule:cluster-list")


SUCH_AS = (("such", "as"), ("including",), ("among", "them"), ("like",))


def _such_as_lists(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                   emit: Callable[[int, int, str], None]) -> None:
    """"Start-ups in Namangan, such as Anor Sensing and Yangi Hosil AI, hire ...", "firms in Sfax, including A": the
    organisations listed after a plural organisation noun placed by "in" and one place."""
    by_start = {s: i for i, s, e in spans}
    for i, s, e in spans:
        if types[i] != "Cluster" or s < sent.start + 2 or doc[s - 1].lower_ != "in":
            continue
        noun = doc[s - 2].lower_
        if noun not in words.subjects and not (noun == "ups" and s >= 4 and doc[s - 3].text == "-"):
            continue  # "start-ups" is three tokens
        if any(doc[t].lower_ in words.not_subjects for t in range(max(sent.start, s - 5), s)):
            continue  # "Customers in Tokyo, such as ..."
        k = e + 1 if e < sent.end and doc[e].text == "," else e
        gap = next((g for g in SUCH_AS if tuple(t.lower_ for t in doc[k:k + len(g)]) == g), None)
        if gap is None or by_start.get(k + len(gap)) is None:
            continue
        for org in words.lists.read_list(token_index(doc, spans, types), k + len(gap), ORG, sent.end):
            emit(org, i, "rule:cluster-list")


def bracket_org_place(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                      emit: Callable[[int, int, str], None]) -> None:
    """"Dr Ama Boateng (Kestrel Labs, Accra)", "(Orrin Institute, Tartu, Estonia)": an organisation and its town
    in the brackets of a speaker or author line."""
    by_start = {s: (i, e) for i, s, e in spans}
    for i, s, e in spans:
        if types[i] not in ORG or s == sent.start or doc[s - 1].text != "(" or e + 1 >= sent.end or doc[e].text != ",":
            continue
        place = by_start.get(e + 1)
        if place is not None and types[place[0]] == "Cluster" and place[1] < sent.end and _closes(doc, place[1], sent.end):
            emit(i, place[0], "rule:bracket-org-place")


def acronym_in_place(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                     emit: Callable[[int, int, str], None]) -> None:
    """"delivered by the Instituto Tecnológico del Daymán (ITD) in Salto", "mentoring by the Rivne Institute of
    Computing (RIC) in Lutsk": a name, its bracketed short form and "in" a town make one noun phrase, the organisation
    and where it is (the bracket keeps the town off a verb: not "signed with X in Riga"); not a planned or former
    one ("the planned X (ACR) in Lutsk")."""
    by_start = {s: (i, e) for i, s, e in spans}
    for i, s, e in spans:
        if types[i] not in ORG or e + 4 >= sent.end or doc[e].text != "(":
            continue
        close = next((t for t in range(e + 2, min(sent.end, e + 4)) if doc[t].text == ")"), None)
        if close is None or close + 2 >= sent.end or doc[close + 1].lower_ != "in" \
                or not all(doc[t].text[:1].isupper() or doc[t].text in "/-&" for t in range(e + 1, close)):
            continue
        place = by_start.get(close + 2)
        if place is None or types[place[0]] != "Cluster" or place[1] < sent.end and doc[place[1]].text in ("'s", "’s", "-"):
            continue
        stop = words.not_placed | past_words()
        if any(doc[t].lower_ in stop for t in range(max(sent.start, s - 3), s)):
            continue
        emit(i, place[0], "rule:acronym-in-place")


FROM_DETS = frozenset({"a", "an", "its", "their", "one", "two", "three", "small", "new"})
MAX_FROM_GAP = 8  # words between the verb of working and "from": "licenses its models to pipeline operators from"


def from_sites(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
               emit: Callable[[int, int, str], None]) -> None:
    """"Pelri Labs works from a site in Phuentsholing", "X licenses its models to operators from an office in
    Anchorage": the organisation that opens the sentence works from its own site; not "hired engineers from a lab
    in" (no verb of working), not when another organisation comes between (its site, not the subject's)."""
    verbs = base_words()["from_site_verbs"]
    for k in range(sent.start + 2, sent.end - 3):
        if doc[k].lower_ != "from" or doc[k + 1].lower_ not in FROM_DETS:
            continue
        n = k + 2
        while n < min(sent.end, k + 5) and doc[n].lower_ not in words.site_nouns and doc[n].is_lower:
            n += 1
        if n + 2 >= sent.end or doc[n].lower_ not in words.site_nouns or doc[n].lower_ in PARTY_NOUNS \
                or doc[n + 1].lower_ != "in" or any(doc[t].lower_ in words.not_placed for t in range(k, n)):
            continue
        v = next((t for t in range(k - 1, max(sent.start, k - MAX_FROM_GAP) - 1, -1) if doc[t].lower_ in verbs), None)
        if v is None:
            continue
        orgs = [(i, s, e) for i, s, e in spans if e <= v and types[i] in ORG]
        if not orgs or any(types[i] in ORG and doc[s].lower_ not in POSSESSIVE_DETS for i, s, e in spans if v < s < k):
            continue
        i, s, e = max(orgs, key=lambda x: x[1])
        if not _opens_clause(doc, sent, spans, types, s) or any(doc[t].lower_ in words.not_placed for t in range(e, v)) \
                or any(not (doc[t].is_lower or doc[t].lower_ in BE_RUN) for t in range(e, v)):
            continue
        for place in _place_run(doc, spans, types, n + 2, sent.end):
            emit(i, place, "rule:from-site")


ONE_OF_COPULAS = frozenset({"is", "was", "remains", "are", "were", ","})
MAX_ONE_OF_WORDS = 4  # words between "one of" / "among" and the plural noun: "the few software", "several"


def one_of_place(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                 emit: Callable[[int, int, str], None]) -> None:
    """"Mahaweli Robotics is one of several firms in Colombo that ...", "X, one of the start-ups in Tartu,", "X is
    among the companies in Kigali that ...": the organisation before the copula is one of the town's organisations
    (not "one of its customers in Colombo", not "was once one of the firms in": a past or denied tie)."""
    by_start = {s: (i, e) for i, s, e in spans}
    ends = {e: i for i, s, e in spans}
    for k in range(sent.start + 4, sent.end - 1):
        if doc[k].lower_ != "in" or (k + 1) not in by_start or types[by_start[k + 1][0]] != "Cluster":
            continue
        noun = k - 1
        if doc[noun].lower_ not in words.subjects and doc[noun - 2:k].text.lower() not in words.subjects:
            continue
        n = noun - 1 if doc[noun].lower_ in words.subjects else noun - 3
        while n > sent.start and noun - n <= MAX_ONE_OF_WORDS + 1 and doc[n].is_lower \
                and doc[n].lower_ not in ("of", "among", "amongst"):
            n -= 1
        if doc[n].lower_ in ("among", "amongst"):
            c = n - 1
        elif doc[n].lower_ == "of" and doc[n - 1].lower_ == "one":
            c = n - 2
        else:
            continue
        if c <= sent.start or doc[c].lower_ not in ONE_OF_COPULAS \
                or any(doc[t].lower_ in words.not_placed for t in range(c, k)):
            continue
        org = ends.get(c)
        place = by_start[k + 1]
        if org is None or types[org] not in ORG or place[1] < sent.end and doc[place[1]].text in ("'s", "’s", "-"):
            continue
        emit(org, place[0], "rule:one-of-place")


NAMING_GAPS = (("such", "as"), ("including",), ("like",))


def plural_place_lists(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: PlaceWords,
                       emit: Callable[[int, int, str], None]) -> None:
    """"the Tamale start-ups Dakpema Robotics and Zongo Data Works", "compete with Dhaka firms such as Shitalakshya
    Data", "Kaolack start-ups such as A and B": a place modifying a plural organisation noun places every name it
    lists (bare names joined by commas and "and"; a singular noun places only the name after it, ``place_phrases``)."""
    by_start = {s: (i, e) for i, s, e in spans}
    for i, s, e in spans:
        if types[i] != "Cluster" or e + 1 >= sent.end or s > sent.start and doc[s - 1].lower_ in ("of", "'s", "’s", "in"):
            continue  # "the University of Tamale firms", "in Tamale firms ...": not a modifier
        k = e + 2 if doc[e].text == "-" and doc[e + 1].lower_ in PLACED_BY and not doc[e].whitespace_ else e
        noun = _plural_noun_end(doc, k, sent.end, words)
        if noun < 0:
            continue
        k = noun
        gap = next((g for g in NAMING_GAPS if tuple(t.lower_ for t in doc[k:k + len(g)]) == g), ())
        k += len(gap)
        for org in _bare_names(doc, by_start, types, k, sent.end):
            emit(org, i, "rule:place-plural-list")


def _plural_noun_end(doc: Any, k: int, end: int, words: PlaceWords) -> int:
    """End (exclusive) of up to four lower-case words from ``k`` whose last is a plural organisation noun
    (``place_lists.subject_nouns``: "start-ups", "software firms"), or -1."""
    for n in range(k, min(end, k + MAX_NOUN_WORDS + 2)):
        w = doc[n]
        joined = doc[n - 2].lower_ + "-" + w.lower_ if n - 2 >= k and doc[n - 1].text == "-" else ""
        if w.lower_ in words.subjects or joined in words.subjects:
            return n + 1
        if not (w.is_lower and w.is_alpha or w.text == "-") or w.lower_ in words.not_subjects:
            return -1
    return -1


def _bare_names(doc: Any, by_start: dict[int, tuple[int, int]], types: list[str], k: int, end: int) -> list[int]:
    """Organisations named from ``k`` joined only by ", ", "and" or ", and" (an item with a description ends the
    list); none when a possessive follows the last ("the Tamale start-ups A and B's investors")."""
    out: list[int] = []
    while k < end and (got := by_start.get(k)) is not None and types[got[0]] in ORG and doc[k].text[:1].isupper() \
            and doc[k].lower_ not in ARTICLES:
        out.append(got[0])
        k = got[1]
        if k < end and doc[k].text in ("'s", "’s"):
            return []
        gap = next((g for g in ((",", "and"), ("and",), (",",)) if tuple(t.lower_ for t in doc[k:k + len(g)]) == g), None)
        if gap is None:
            break
        k += len(gap)
    return out
