"""People tied to an organisation by the shape of a name line rather than by a verb.

* "Funmilayo Adeyemi, Director, Eko Institute", "Alex Kendall, co-founder and chief executive, Wayve",
  "Tanja Kralj (chair, Jožef Stefan Institute)", "Lucía Fernández, professor at Universidad ORT":
  a title with a role noun between the person and the organisation.
* "- Katharina Lechner, Styrian Business Promotion Agency", "Secretary: Nurul Huda Ismail, InvestPenang":
  a bare "Person, Org" only as a whole line or list item (speaker lists, committee rosters).

A title marked as past ("former director") states no current tie. Role nouns and former markers are
the lexicon's data (``role_nouns``, ``former_markers``).
"""

from __future__ import annotations

from typing import Any, Callable

from aikg.ingest.nlp.mentions.job_titles import modified_title_heads
from aikg.ingest.nlp.relation_part_lines import speech_verbs, unit_tails
from aikg.ingest.nlp.relation_people_forms import PeopleForms, academic_unit_words, department_words, unit_words
from aikg.ingest.nlp.relation_people_now import now_posts
from aikg.ingest.nlp.relation_people_roles import PeopleRoles

ORG = ("Institute", "Company", "Agency")
LINE_OPENERS = {":", "-", "--", "–", "—", "•", "*", "|"}
CLOSERS = {",", ";", ")", "(", "|", ".", "–", "—"}
DASHES = ("-", "–", "—")  # "Maren Tolle — Chief Executive, Kestrel Robotics" (a name line only)
MAX_TITLE = 8  # tokens in a title between the commas
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: the method of a "Person, Title, Org" tie by (the title is a department, the title was read as a name)
_TITLE_METHODS = {(True, True): "rule:person-department-org", (True, False): "rule:person-department-org",
                  (False, True): "rule:person-named-title-org", (False, False): "rule:person-title-org"}
#: words that may precede a name at the start of a line: honorifics and a byline's "By"
LEAD_WORDS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms", "sir", "dame", "by"})


def _line_start(doc: Any, sent: Any, s: int) -> bool:
    """The name opens its line or list item, after any honorific or byline word ("- Dr Lily Chen", "By Efua Quaye")."""
    while s > sent.start and doc[s - 1].lower_.rstrip(".") in LEAD_WORDS:
        s -= 1
    return s == sent.start or doc[s - 1].text in LINE_OPENERS or doc[s - 1].is_space


def _line_end(doc: Any, sent: Any, k: int, places: dict[int, int] | None = None) -> bool:
    """The line ends at ``k``, or only a bracketed place or ", Town" follows: "Anaru Parata, Kererū Analytics
    (Christchurch)", "Sana Qureshi, Kamo Care Robotics, Kyoto" (``places``: start -> end of the place names)."""
    if k >= sent.end or doc[k].is_space:
        return True
    if doc[k].text == "," and k + 1 < sent.end and doc[k + 1].lower_ in speech_verbs():
        return True  # "Professor A, Dean, Faculty of X, Y Institute of Technology, said: ..."
    if places and doc[k].text == "," and k + 1 in places and _line_end(doc, sent, places[k + 1]):
        return True
    if doc[k].text in (",", "|") and k + 1 < sent.end and (doc[k + 1].like_email or doc[k + 1].like_url
                                                         or doc[k + 1].text.startswith("+") or "@" in doc[k + 1].text):
        return True  # "Media contact: Mariam Al Ketbi, Falaj Analytics, media@falaj.example"
    if doc[k].text == "," and k + 1 < sent.end and doc[k + 1].like_num and any(t.is_alpha for t in doc[k + 2:k + 5]):
        return True  # "Media contact: Mariam Vardanyan, Kumayri Optics, 12 Rustaveli Street, Gyumri": an address
    if doc[k].text == "(":
        close = next((j for j in range(k + 1, min(sent.end, k + 5)) if doc[j].text == ")"), None)
        return close is not None and all(t.text[:1].isupper() for t in doc[k + 1:close]) \
            and (close + 1 >= sent.end or doc[close + 1].is_space)
    return False


def _title_mention(doc: Any, sent: Any, k: int, hit: tuple[int, int] | None, types: list[str],
                   role_nouns: frozenset[str]) -> bool:
    """A firm the NER made of a job title on a name line ("Partner", "Traffic Manager"): one to three capitalised
    words ending in a role noun, then a comma."""
    if hit is None or types[hit[0]] not in ORG + ("Person",):
        return False  # ("Harbour Master" is read as a person too)
    e = hit[1]
    toks = doc[k:e]
    return 1 <= len(toks) <= 3 and all(t.is_alpha and t.text[:1].isupper() for t in toks) \
        and toks[-1].lower_ in role_nouns and e + 1 < sent.end and doc[e].text == ","


def _closes(doc: Any, sent: Any, k: int) -> bool:
    return k >= sent.end or doc[k].is_space or doc[k].text in CLOSERS


def _after_at(doc: Any, j: int) -> bool:
    """The org at ``j`` follows "at"/"of"/"for" (or "at the"/...): "professor at the University of X", "the minister
    responsible for the Department of X", "head of partnerships for the X Institute"."""
    k = j - 1 if doc[j - 1].lower_ != "the" else j - 2
    return doc[k].lower_ in ("at", "of", "for")


def _described(doc: Any, sent: Any, k: int, by_start: dict[int, tuple[int, int]], types: list[str]) -> int:
    """The start of the name after a describing phrase at ``k``: "the Bedford firm Tidewater Sensing" (a place and
    a lowercase noun), "the robotics firm X" (lowercase nouns after "the"); ``k`` when there is none."""
    j = k
    if j < sent.end and doc[j].lower_ == "the":
        j += 1
    if j in by_start and types[by_start[j][0]] == "Cluster":
        j = by_start[j][1]
    n = 0
    while j < sent.end and n < 3 and doc[j].is_lower and doc[j].is_alpha and j not in by_start:
        j, n = j + 1, n + 1
    return j if n and j in by_start and types[by_start[j][0]] in ORG else k


def _scan_title(doc: Any, sent: Any, k: int, stops: tuple[str, ...], by_start: dict, role_nouns: frozenset[str],
                former: frozenset[str]) -> tuple[int, bool, bool]:
    """The words of a title after a name: where it ends, whether it holds a role noun, whether it is a past post."""
    j, role, past, reach = k, False, False, k + MAX_TITLE
    while j < min(sent.end, reach) and doc[j].text not in stops and j not in by_start and not doc[j].is_space:
        if doc[j].text == "(" and j > k and "(" not in stops:  # "Associate Dean (Research & Innovation) of X"
            close = next((x for x in range(j + 1, min(sent.end, j + 7)) if doc[x].text == ")"), None)
            if close is None or any(x in by_start for x in range(j + 1, close)):
                break
            reach += close + 1 - j  # the bracket does not count against the title's length
            j = close + 1
            continue
        low = doc[j].lower_
        role = role or low in role_nouns or low.split("-")[-1] in role_nouns \
            or j > k and low in modified_title_heads() and doc[j - 1].is_alpha  # "Research Associate", "Program Lead"
        past = past or low in former or low == "met"  # "who met as researchers at X": a past meeting, no post
        j += 1
    return j, role, past


def _title_after_name(doc: Any, sent: Any, k: int, stops: tuple[str, ...], by_start: dict, types: list[str],
                      role_nouns: frozenset[str], former: frozenset[str]) -> tuple[int, bool, bool, bool]:
    """The title after a name's comma: (end, has a role noun, is past, was read as a name). "Capt. A, Traffic
    Manager, Kochi Port Authority": a title the NER made a name ends where that name ends."""
    j, role, past = _scan_title(doc, sent, k, stops, by_start, role_nouns, former)
    if not past and j == k and _title_mention(doc, sent, k, by_start.get(k), types, role_nouns):
        return by_start[k][1], True, False, True
    return j, role, past, False


def _title_org(doc: Any, sent: Any, k: int, j: int, stops: tuple[str, ...], titled: bool,
               by_start: dict[int, tuple[int, int]], types: list[str]) -> tuple[int, int, int] | None:
    """(org, its end, its start) after a person's title ``doc[k:j]`` (or right after the name when ``j == k``).
    A title must hold a role noun or a founder word (``titled``) and end in a comma or "at/of" before the org."""
    if j > k:
        if not titled or j >= sent.end or not (doc[j].text in stops[:1] + stops[2:] or j in by_start and _after_at(doc, j)):
            return None
        org_start = j + 1 if doc[j].text in stops[:1] + stops[2:] else j
    else:
        org_start = k
    hit = by_start.get(org_start)
    if j > k and (hit is None or types[hit[0]] not in ORG) and doc[org_start - 1].lower_ in ("at", "the"):
        hit = by_start.get(_described(doc, sent, org_start - (doc[org_start - 1].lower_ == "the"), by_start, types))
    if hit is None or types[hit[0]] not in ORG:
        return None
    return hit[0], hit[1], org_start


def _parent_after_unit(doc: Any, sent: Any, s: int, org_start: int, oe: int, by_start: dict[int, tuple[int, int]],
                       types: list[str], places: dict[int, int]) -> int | None:
    """The organisation after a unit on a name line that the person at ``s`` opens ("Department of X, Y University"
    at the line's end), or None."""
    if not _unit_named(doc, org_start, oe) or oe + 1 >= sent.end or doc[oe].text != "," \
            or oe + 1 not in by_start or not _line_start(doc, sent, s):
        return None
    parent, pe = by_start[oe + 1]
    return parent if types[parent] in ORG and _line_end(doc, sent, pe, places) else None


def _unit_named(doc: Any, start: int, end: int) -> bool:
    """A unit's name on a name line: "Office of X", "School of X", or "Navbahor AI Lab" (``unit_tails``)."""
    return doc[start].lower_ in unit_words() or end - 1 > start and doc[end - 1].lower_ in unit_tails()


def _tie_each(tie: Callable[[int, int, str], None], person: int, orgs: tuple[tuple[int, str], ...]) -> None:
    """Tie the person to each (organisation, method)."""
    for org, method in orgs:
        tie(person, org, method)


def _unit_and_parent(doc: Any, org: int, org_start: int, parent: int | None,
                     method: str) -> tuple[tuple[int, str], ...]:
    """(organisation, method) of "A, Professor, Department of X, Y University": the organisation that ends the line,
    and an academic unit ("School of X") too; without a parent the organisation after the title alone."""
    if parent is None:
        return ((org, method),)
    unit = ((org, method),) if doc[org_start].lower_ in academic_unit_words() or doc[org_start].lower_ not in unit_words() else ()
    return ((parent, "rule:person-title-unit-org"), *unit)


def _dash_aside(doc: Any, sent: Any, s: int, e: int) -> bool:
    """A dash after the name at ``s`` opens its title: on a name line ("Maren Tolle — Chief Executive, X"), or as an
    aside closed by a second dash ("approached Tigist Haile — associate dean of research at X — with the plan")."""
    return _line_start(doc, sent, s) or any(doc[x].text == doc[e].text and doc[x].whitespace_
                                            for x in range(e + 2, min(sent.end, e + 2 + 2 * MAX_TITLE)))


def _bracket_post_ends(doc: Any, sent: Any, k: int) -> bool:
    """A post in brackets ends at ``k``: the bracket closes, or "A (Associate Professor, X University, and Non-resident
    Fellow, Y Institute)": the first of two posts ends at ", and", and a bracket closes the second in the sentence."""
    if k < sent.end and doc[k].text == ")":
        return True
    return k + 2 < sent.end and doc[k].text == "," and doc[k + 1].lower_ == "and" \
        and any(doc[x].text == ")" for x in range(k + 2, min(sent.end, k + 2 + 2 * MAX_TITLE)))


def _founder_word(doc: Any, founders: frozenset[str], a: int, b: int) -> bool:
    """A founder word in ``doc[a:b]``, singular or plural ("co-founder", "founders")."""
    return any(doc[x].lower_ in founders or doc[x].lower_.endswith("s") and doc[x].lower_[:-1] in founders
               for x in range(a, b))


def _holders(doc: Any, spans: list[tuple[int, int, int]], types: list[str], p: int, title: tuple[int, int, bool],
             nouns: frozenset[str]) -> list[int]:
    """Person ``p`` and, when the title's noun is plural ("co-founders", "directors"), the people listed before."""
    plural = any(doc[x].lower_.endswith("s") and doc[x].lower_[:-1] in nouns for x in range(title[0], title[1]))
    return [p, *(_listed_before(doc, spans, types, p) if plural else [])]


def _listed_before(doc: Any, spans: list[tuple[int, int, int]], types: list[str], p: int) -> list[int]:
    """The people listed right before person ``p`` ("A and B", "A, B and C", "A (left) and B"), for a plural title
    after B ("A and B, co-founders of X")."""
    by_end = {e: (i, s) for i, s, e in spans if types[i] == "Person"}
    start = next(s for i, s, _ in spans if i == p)
    out: list[int] = []
    while True:
        k = start - 1
        while k > 0 and doc[k].lower_ in ("and", ",", "&"):
            k -= 1
        if k == start - 1:
            return out
        if doc[k].text == ")":  # "A (left) and B"
            opening = next((x for x in range(k - 1, max(0, k - 4), -1) if doc[x].text == "("), None)
            k = opening - 1 if opening is not None else k
        hit = by_end.get(k + 1)
        if hit is None:
            return out
        out.append(hit[0])
        start = hit[1]


def titled_people(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], role_nouns: frozenset[str],
                  former: frozenset[str], emit: Callable[[int, int, str], None],
                  founders: frozenset[str] = frozenset(), emit_founded: Callable[[int, int, str], None] | None = None) -> None:
    """AFFILIATED_WITH(person -> org) from "Person, Title, Org" and roster lines; a title holding a founder
    word ("co-founder and chief executive") states FOUNDED as well (``emit_founded``)."""
    def both(p: int, org: int, method: str) -> None:
        # a title that holds a role noun; "co-founder, Goygol Vision" alone is a founder only, on a speaker line too
        # (docs/annotation.md: a founder who is only called a founder gets FOUNDED alone)
        for q in _holders(doc, spans, types, p, title, founders | role_nouns):  # "A and B, co-founders of X"
            if title[2]:
                emit(q, org, method)
            if emit_founded is not None and _founder_word(doc, founders, title[0], title[1]):
                emit_founded(q, org, method)

    title = (0, 0, True)
    by_start = {s: (i, e) for i, s, e in spans}
    places = {s: e for i, s, e in spans if types[i] == "Cluster"}
    for i, s, e in spans:
        if types[i] != "Person" or e + 1 >= sent.end or doc[e].text not in (",", "(", *DASHES) \
                or doc[e + 1].lower_ in ("and", "or", "&") or doc[e].text in DASHES and not _dash_aside(doc, sent, s, e):
            continue  # "A, director of X, and the founder of Y, B": the title after "and" is the next item's
        opener, k = doc[e].text, e + 1
        stops = (",", ")", *DASHES) if opener in DASHES else (",", ")", ";") if opener == "(" else (",", ")")
        # ^ "Ximena Zambrano (president; Universidad Laica del Pacífico)": a board list's bracket
        j, role, past, named_title = _title_after_name(doc, sent, k, stops, by_start, types, role_nouns, former)
        if past:
            continue
        department = not role and j > k and _line_start(doc, sent, s) and (all(
            doc[x].lower_ in department_words() or doc[x].lower_ in ("and", "&") for x in range(k, j))
            or doc[k].lower_ in unit_words())  # "Media contact: A, Office of University Communications, X"
        role = role or department  # "Media contact: Jean-Marc Ehui, Communications, Gbêkê Vision SA, ...": a department
        founder = emit_founded is not None and _founder_word(doc, founders, k, j)
        found = _title_org(doc, sent, k, j, stops, role or founder, by_start, types)
        if found is None:
            continue
        org, oe, org_start = found
        title = (k, j, role)
        if opener == "(":
            if _bracket_post_ends(doc, sent, oe):
                both(i, org, "rule:person-paren-title-org")
        elif j > k and (_closes(doc, sent, oe) or org_start == j and doc[oe].lower_ == "and"):
            method = _TITLE_METHODS[(department, named_title)]
            parent = _parent_after_unit(doc, sent, s, org_start, oe, by_start, types, places)
            _tie_each(both, i, _unit_and_parent(doc, org, org_start, parent, method))
        elif j == k and _line_start(doc, sent, s) and _line_end(doc, sent, oe, places):
            emit(i, org, "rule:roster-line")
        elif j == k and _line_start(doc, sent, s) and doc[org_start].lower_ in unit_words() and oe + 1 < sent.end \
                and doc[oe].text == "," and oe + 1 in by_start and types[by_start[oe + 1][0]] in ORG \
                and _line_end(doc, sent, by_start[oe + 1][1], places):
            # "Media contact: A, Office of Communications, X"; "A, Graduate School of X, Y University": the school too
            for o in (by_start[oe + 1][0], *((org,) if doc[org_start].lower_ in academic_unit_words() else ())):
                emit(i, o, "rule:roster-unit-line")
    PeopleForms(doc, sent, spans, types, role_nouns, former, founders, POSSESSIVE, emit, emit_founded).run()
    PeopleRoles(doc, sent, spans, types, role_nouns, former, founders, POSSESSIVE, emit, emit_founded).run()
    now_posts(doc, sent, spans, types, role_nouns, former, emit)  # "(formerly at X, and now Fellow, Y)"
