"""People tied to organisations by the forms published prose uses around a name, read without a parse.

Forms (from news, press releases, university news and encyclopedia biographies):

* a title between an organisation and a person: "Nvidia CEO Jensen Huang", "Lumenwerk chief executive Eva de
  Boer", "Microsoft co-founder Paul Allen", "Falaj's chief scientist Layla Haddad";
* the organisation's title after the person: "Javier Soler, Turia Health's chief executive", "Mara Lind, the
  company's chief executive";
* an organisation's role holders named after it: "Monongahela's founders, Ifeoma Nwosu and Gabe Sandoval,";
* a fronted participle: "Founded in 2022 by Mehmet Yildiz and Johanna Albers, Kanalwerk AI is ...";
* a second title in the same line: "Lucía Fernández, professor at Universidad ORT and co-founder of Tero Analytics";
* a present role verb in a relative clause: "Sara Hedlund, who leads partnerships at AI Sweden", "who heads
  economic development for the City of Oakland";
* a capitalised title before the person and the organisation after: "Chief Scientist Jane Doe of Quillon".

A title holding a founder word states FOUNDED; any other role word AFFILIATED_WITH. A past marker
("former", "the late") drops the affiliation but keeps a founding, which stays true.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from aikg.ingest.nlp.lexicon import lexicon_data

ORG = ("Institute", "Company", "Agency")
TITLE_GLUE = {"and", "&", "of", "for", "-", "/"}
MAX_TITLE = 6
ROLE_VERBS = {"leads", "heads", "directs", "chairs", "runs", "manages", "oversees", "co-leads", "co-directs", "co-chairs"}
HONORIFICS = {"dr", "prof", "mr", "mrs", "ms", "sir", "dame"}
COPULAS = {"is", "remains", "serves", "works"}
HOLD_VERBS = {"holds", "keeps", "retains", "occupies"}  # with a post noun: "who also holds a fellowship at X"
OPENING_VERBS = {"opened", "launched", "established", "founded", "formed", "created", "set", "co-founded"}  # see _opened_by_list
FRONT_PARTICIPLES = {"founded", "co-founded", "cofounded", "started", "established", "set"}

Emit = Callable[[int, int, str], None]


@lru_cache(maxsize=1)
def clause_words() -> dict[str, frozenset[str]]:
    """Verbs of a relative clause that state a current post (``clause_present_verbs``, ``clause_perfect_participles``
    of ``people_scope.json``): "who teaches at X", "who has worked at X since 2019"."""
    data = lexicon_data("people_scope.json")
    return {"present": frozenset(data["clause_present_verbs"]), "perfect": frozenset(data["clause_perfect_participles"])}


@lru_cache(maxsize=1)
def post_nouns() -> frozenset[str]:
    """Nouns of a post a person holds at an organisation (``post_nouns`` of ``people_posts.json``): "who holds an
    honorary fellowship at X", "who keeps a part-time lectureship at X"."""
    data = lexicon_data("people_posts.json")
    return frozenset(w.lower() for w in data["post_nouns"])


@lru_cache(maxsize=1)
def body_nouns() -> frozenset[str]:
    """Bodies of an organisation a person chairs or sits on (``body_nouns`` of ``people_posts.json``): "also chairs
    the technical committee of X"."""
    data = lexicon_data("people_posts.json")
    return frozenset(w.lower() for w in data["body_nouns"])


@lru_cache(maxsize=1)
def department_words() -> frozenset[str]:
    """Departments that stand for a title on a contact or name line (``department_words`` of ``people_posts.json``):
    "Media contact: Jean-Marc Ehui, Communications, Gbêkê Vision SA"."""
    data = lexicon_data("people_posts.json")
    return frozenset(w.lower() for w in data["department_words"])


@lru_cache(maxsize=1)
def unit_words() -> frozenset[str]:
    """First words of a unit's name on a contact line (``unit_words`` of ``people_posts.json``): "A, Office of X, Org"."""
    data = lexicon_data("people_posts.json")
    return frozenset(w.lower() for w in data["unit_words"])


@lru_cache(maxsize=1)
def academic_unit_words() -> frozenset[str]:
    """First words of a unit that is itself an organisation of the graph (``academic_unit_words`` of
    ``people_posts.json``): "A, Graduate School of X, Y University" ties A to the school as well."""
    data = lexicon_data("people_posts.json")
    return frozenset(w.lower() for w in data["academic_unit_words"])


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words a job title may consist of (``job_title_words``, ``job_title_modifiers``, ``job_function_words`` of
    ``mentions.json``, ``more_title_words`` of ``people_posts.json``): "chief technology officer", "head of research"."""
    data = lexicon_data("mentions.json")
    more = lexicon_data("people_posts.json").get("more_title_words", ())
    return frozenset(w.lower() for k in ("job_title_words", "job_title_modifiers", "job_function_words") for w in data[k]) \
        | frozenset(w.lower() for w in more)


@dataclass
class PeopleForms:
    """One sentence's mentions and the lexicon words the forms need."""

    doc: Any
    sent: Any
    spans: list[tuple[int, int, int]]
    types: list[str]
    role_nouns: frozenset[str]
    former: frozenset[str]
    founders: frozenset[str]
    possessive: frozenset[str]
    affiliated: Emit
    founded: Emit | None

    def __post_init__(self) -> None:
        self.by_start = {s: (i, e) for i, s, e in self.spans}
        self.by_end = {e: (i, s) for i, s, e in self.spans}
        self.by_end_tok = {e - 1 for _, _, e in self.spans}  # last tokens of names

    def run(self) -> None:
        for i, s, e in self.spans:
            if self.types[i] in ORG:
                self._org_title_person(i, e)
                self._org_holders(i, e)
                self._holders_of(i, s, e)
            elif self.types[i] == "Person":
                self._person_org_title(i, e)
                self._second_title(i, e)
                self._role_clause(i, e)
                self._titled_before(i, s, e)
                self._copula_title(i, e)
                self._chairs_body_of(i, e)
                self._bracketed_title(i, e)
                self._person_of_the_org(i, s, e)
        self._fronted_founders()
        self._cofounded_verb()
        self._opened_by_list()

    # ------------------------------------------------------------------ helpers
    def _role(self, tok: Any) -> bool:
        low = tok.lower_.rstrip(".")
        one = low[:-1] if low.endswith("s") and len(low) > 3 else low  # "founders", "directors"
        return any(w in self.role_nouns or w.split("-")[-1] in self.role_nouns or w in self.founders for w in (low, one))

    def _founder(self, tok: Any) -> bool:
        low = tok.lower_.rstrip(".")
        return low in self.founders or low.endswith("s") and low[:-1] in self.founders

    def _title(self, k: int, stop: int) -> tuple[int, bool, bool, bool]:
        """Read title words from token ``k``: (end, has a role word, has a founder word, has a past marker)."""
        doc = self.doc
        j, role, founder, past = k, False, False, False
        self._other_role = False
        while j < min(stop, k + MAX_TITLE) and j not in self.by_start and not doc[j].is_space:
            tok = doc[j]
            low = tok.lower_.rstrip(".")
            if tok.is_punct and tok.text not in ("-", "/", "&", "."):
                break  # a title ends at a comma or a bracket
            if self._role(tok):
                role = True
                founder = founder or self._founder(tok)
                self._other_role = self._other_role or not self._founder(tok)
            elif low in self.former:
                past = True
            elif low not in title_words() and low not in TITLE_GLUE and low not in HONORIFICS:
                break  # "Acme told investor Jane Doe": only title words (and "AUT Vice-Chancellor Prof. X") between
            j += 1
        return j, role, founder, past

    def _person_of_the_org(self, person: int, s: int, e: int) -> None:
        """"Dr. Samuel Ortiz of the Kessel Institute": "the" between the preposition and a name that does not hold it
        (the adjacent form without "the" is relation_surface.person_of_org)."""
        doc, end = self.doc, self.sent.end
        if e + 2 >= end or doc[e].lower_ not in ("of", "at", "from") or doc[e + 1].lower_ != "the":
            return
        hit = self.by_start.get(e + 2)
        if hit is None or self.types[hit[0]] not in ORG:
            return
        self._tie(person, hit[0], False, self._past_before(s), "rule:person-of-org")

    def _past_before(self, s: int) -> bool:
        """"former Google engineer X", "the late Microsoft co-founder X": a past marker right before."""
        return any(self.doc[k].lower_ in self.former for k in range(max(self.sent.start, s - 2), s))

    def _tie(self, person: int, org: int, founder: bool, past: bool, method: str, only_founder: bool = False) -> None:
        """FOUNDED for a founder title; AFFILIATED_WITH unless past or the title is only a founder's ("co-founder of
        CuspAI" states the founding, not a current post)."""
        if person == org or self.types[person] != "Person" or self.types[org] not in ORG:
            return
        if founder and self.founded is not None:
            self.founded(person, org, method)
        if not past and not only_founder:
            self.affiliated(person, org, method)

    # ------------------------------------------------------------------ forms
    def _org_title_person(self, org: int, e: int) -> None:
        """"Nvidia CEO Jensen Huang", "Falaj's chief scientist Layla Haddad", "Microsoft co-founder Paul Allen"."""
        doc = self.doc
        k = e + 1 if e < self.sent.end and doc[e].text in self.possessive else e
        if k < self.sent.end and doc[k].lower_ in ("and", "or", "&"):
            return  # "Dr. A of X and Professor B, formerly of Y": B is coordinated with A, not titled by X
        j, role, founder, past = self._title(k, self.sent.end)
        if j == k or not role or j not in self.by_start:
            return
        if any(doc[x].text in (",", "(") for x in range(k, j)):
            return
        person = self.by_start[j][0]
        start = self._start_of(org)
        past = past or self._past_before(start) or doc[start].lower_ in self.former  # "Former Acme chief executive X"
        self._tie(person, org, founder, past, "rule:org-title-person",
                  only_founder=founder and not self._other_role)

    def _start_of(self, i: int) -> int:
        return next(s for j, s, _ in self.spans if j == i)

    def _org_holders(self, org: int, e: int) -> None:
        """"Monongahela's founders, Ifeoma Nwosu and Gabe Sandoval,": the role holders named after the title."""
        doc = self.doc
        if e >= self.sent.end or doc[e].text not in self.possessive:
            return
        j, role, founder, past = self._title(e + 1, self.sent.end)
        other = self._other_role
        if j == e + 1 or not role:
            return
        k = j + 1 if j < self.sent.end and doc[j].text in (",", ":") else j
        if k == j:
            return  # "X's chief scientist Layla" is the title-person form
        while k in self.by_start:
            person, pe = self.by_start[k]
            if self.types[person] != "Person":
                return
            self._tie(person, org, founder, past, "rule:org-role-holders", only_founder=founder and not other)
            if pe < self.sent.end and doc[pe].lower_ in (",", "and") and pe + 1 < self.sent.end:
                k = pe + 1 + (doc[pe + 1].lower_ == "and" and doc[pe].text == ",")
            else:
                return

    def _holders_of(self, org: int, s: int, e: int) -> None:
        """"The founders of Sorato Vision, A and B, met at ...", "the co-chairs of the X, A and B,": a title of the
        organisation opened by "the", then the people who hold it set off by a comma."""
        doc = self.doc
        k = s - 1 - (s - 1 > self.sent.start and doc[s - 1].lower_ == "the")
        if k <= self.sent.start or doc[k].lower_ not in ("of", "at") or e + 1 >= self.sent.end or doc[e].text != ",":
            return
        t0 = k
        while t0 - 1 > self.sent.start and (self._role(doc[t0 - 1]) or doc[t0 - 1].lower_ in title_words()
                                            or doc[t0 - 1].lower_ in ("of", "for", "and", "&", "co", "-")) \
                and t0 - 1 not in self.by_end_tok and k - t0 < MAX_TITLE:
            t0 -= 1  # "the head of research at X", "the co-founders of X" (split in three words)
        if t0 == k or doc[t0 - 1].lower_ != "the":
            return
        while t0 < k and doc[t0].lower_ in ("co", "-"):
            t0 += 1
        j, role, founder, past = self._title(t0, k)
        other = self._other_role
        if j != k or not role:
            return
        k = e + 1
        while k in self.by_start and self.types[self.by_start[k][0]] == "Person":
            person, pe = self.by_start[k]
            self._tie(person, org, founder, past, "rule:org-role-holders", only_founder=founder and not other)
            if pe + 1 < self.sent.end and doc[pe].text == "," and doc[pe + 1].lower_ == "and":
                k = pe + 2
            elif pe < self.sent.end and doc[pe].lower_ in ("and", ","):
                k = pe + 1
            else:
                return

    def _person_org_title(self, person: int, e: int) -> None:
        """"Javier Soler, Turia Health's chief executive", "Mara Lind, the company's chief executive"."""
        doc = self.doc
        if e + 2 >= self.sent.end or doc[e].text != ",":
            return
        k = e + 1 + (doc[e + 1].lower_ == "the")
        hit = self.by_start.get(k)
        if hit is None or self.types[hit[0]] not in ORG:
            return
        org, oe = hit
        if oe >= self.sent.end or doc[oe].text not in self.possessive:
            return
        j, role, founder, past = self._title(oe + 1, self.sent.end)
        if j > oe + 1 and role and (j >= self.sent.end or doc[j].text in (",", ".", ";", ")") or doc[j].is_space):
            self._tie(person, org, founder, past, "rule:person-org-title", only_founder=founder and not self._other_role)

    def _second_title(self, person: int, e: int) -> None:
        """"Lucía Fernández, professor at Universidad ORT and co-founder of Tero Analytics": the second title."""
        doc = self.doc
        if e >= self.sent.end or doc[e].text != ",":
            return
        k = e + 1
        while k < min(self.sent.end, e + 12) and k not in self.by_start and doc[k].text not in (",", ";", "("):
            k += 1
        first = self.by_start.get(k)
        if first is None or self.types[first[0]] not in ORG or not any(self._role(doc[x]) for x in range(e + 1, k)):
            return
        oe = first[1]
        if oe + 1 >= self.sent.end or doc[oe].lower_ != "and":
            return
        j, role, founder, past = self._title(oe + 1, self.sent.end)
        other = self._other_role
        if not role or j < 1 or doc[j - 1].lower_ not in ("of", "at"):
            if not (role and j < self.sent.end and doc[j].lower_ in ("of", "at")):
                return
            j += 1
        j += doc[j].lower_ == "the" if j < self.sent.end else 0
        hit = self.by_start.get(j)
        if hit is not None:
            self._tie(person, hit[0], founder, past, "rule:person-second-title", only_founder=founder and not other)

    def _role_clause(self, person: int, e: int) -> None:
        """"Sara Hedlund, who leads partnerships at AI Sweden", "Rosa Quispe, a specialist in remote sensing who has
        taught at UNSA since 2009": a present (or present perfect) role verb, its field, then the body."""
        doc, end = self.doc, self.sent.end
        if e + 3 >= end or doc[e].text != ",":
            return
        k = e + 1
        if doc[k].lower_ in ("a", "an", "the"):  # an apposition the clause hangs on ("a specialist in X who ...")
            k = next((x for x in range(k + 1, min(end, k + 8)) if doc[x].lower_ == "who" or not doc[x].is_lower), end)
        if k >= end - 2 or doc[k].lower_ != "who":
            return
        k += 1
        if doc[k].lower_ in ("also", "now", "currently", "still"):
            k += 1
        words = clause_words()
        hold = doc[k].lower_ in HOLD_VERBS  # "who also holds an honorary fellowship at X"
        if doc[k].lower_ == "has" and k + 1 < end and doc[k + 1].lower_ in words["perfect"]:
            k += 1  # "who has taught at UNSA since 2009": a post held until now
        elif doc[k].lower_ not in ROLE_VERBS and doc[k].lower_ not in words["present"] and not hold:
            return
        j = k + 1
        while j < min(end, k + 6) and (doc[j].is_lower or doc[j].text == "-") and doc[j].lower_ not in ("at", "for", "of", "in"):
            j += 1
        if j >= end or doc[j].lower_ not in ("at", "for", "of") or any(doc[x].lower_ in self.former for x in range(e, j)):
            return
        if hold and not any(doc[x].lower_ in post_nouns() for x in range(k + 1, j)):
            return  # "who holds a stake in X", "who holds shares of X": no post
        j += 1 + (j + 1 < end and doc[j + 1].lower_ == "the")
        j = self._past_campus(j)
        hit = self.by_start.get(j)
        if hit is not None and self.types[hit[0]] == "Cluster" or hit is not None and hit[1] + 1 in self.by_start \
                and doc[hit[1]].is_lower:
            hit = self.by_start.get(hit[1] + 1)  # "at the Buenos Aires fintech Ombú Pagos": the firm, not its place
        if hit is not None:
            self._tie(person, hit[0], False, False, "rule:person-role-clause")

    def _past_campus(self, j: int) -> int:
        """"at the Gyumri campus of the Shirak Polytechnic Institute": the organisation after a place's campus."""
        doc, end = self.doc, self.sent.end
        hit = self.by_start.get(j)
        if hit is None or hit[1] + 2 >= end:  # the place may be read as a firm ("Gyumri" alone)
            return j
        c = hit[1]
        if doc[c].lower_ in ("campus", "site", "branch") and doc[c + 1].lower_ == "of":
            return c + 2 + (doc[c + 2].lower_ == "the")
        return j

    def _titled_before(self, person: int, s: int, e: int) -> None:
        """"Chief Scientist Jane Doe of Quillon", "Professor Ellen Sato at Tufts": a capitalised title before the
        person and "of"/"at" the organisation right after."""
        doc = self.doc
        while s > self.sent.start and doc[s - 1].lower_.rstrip(".") in HONORIFICS:
            s -= 1  # "Associate Dean (Research & Innovation) Dr Mikko Salonen of ..."
        if s == self.sent.start or not (self._role(doc[s - 1]) or doc[s - 1].text == ")") \
                or not doc[s - 1].text[:1].isupper() and doc[s - 1].text != ")":
            return
        if doc[s - 1].text == ")":
            opening = next((k for k in range(s - 2, max(self.sent.start, s - 8) - 1, -1) if doc[k].text == "("), None)
            if opening is None or opening == self.sent.start or not self._role(doc[opening - 1]):
                return  # "Associate Dean (Research & Innovation) Dr X": the title ends in its bracket
        if e + 1 >= self.sent.end or doc[e].lower_ not in ("of", "at"):
            return
        k = e + 1 + (doc[e + 1].lower_ == "the")
        hit = self.by_start.get(k)
        if hit is not None:
            founder = any(doc[x].lower_ in self.founders for x in range(max(self.sent.start, s - 4), s))
            self._tie(person, hit[0], founder, self._past_before(s - 1), "rule:title-person-of-org")

    def _copula_title(self, person: int, e: int) -> None:
        """"Ravel-Baptiste is chief technology officer of Sud Ouest Cloud", "Rantanen is head of automation research
        at Kaleva Cranes", "Castagné is a co-founder of the firm Chai Express": a present copula, a title, then
        "of"/"at" the organisation (a few field words may follow the title)."""
        doc, end = self.doc, self.sent.end
        k = e
        if k + 1 < end and doc[k].text == "," and doc[k + 1].lower_ in COPULAS:
            k += 1  # "Yaku's chief executive, Verónica Andrade, is also an adjunct professor at X"
        elif k < end and doc[k].text == "," and any(doc[x].text == "," for x in range(k + 1, min(end, k + 8))):
            k = next(x for x in range(k + 1, min(end, k + 8)) if doc[x].text == ",") + 1  # "X, its chief scientist, is"
        if k >= end or doc[k].lower_ not in COPULAS:
            return
        k += 1
        for _ in range(3):  # "is head of X at A and a visiting professor at B": each post of the copula
            k = self._copula_post(person, k)
            if k is None or k + 1 >= end or doc[k].lower_ != "and":
                return
            k += 1

    def _copula_post(self, person: int, k: int) -> int | None:
        """One "(a) <title> of/at <org>" after a copula at ``k``: ties the person, returns the token after the org."""
        doc, end = self.doc, self.sent.end
        if k < end and doc[k].lower_ in ("also", "now", "currently", "still"):
            k += 1
        if k < end and doc[k].lower_ == "as":
            k += 1
        if k < end and doc[k].lower_ in ("a", "an", "the"):
            k += 1
        j, role, founder, past = self._title(k, end)
        if not role or j == k or past:
            return None
        only_founder = founder and not self._other_role
        m = j
        while m < min(end, j + 4) and doc[m].is_lower and doc[m].lower_ not in ("of", "at", "for", "with"):
            m += 1  # "head of automation research at ..."
        if m >= end or doc[m].lower_ not in ("of", "at", "for"):
            if j > k and doc[j - 1].lower_ in ("of", "at", "for"):
                m = j - 1
            else:
                return None
        m += 1
        while m < end and (doc[m].is_lower or doc[m].text in ("-", "–")) and m < j + 8 and m not in self.by_start:
            m += 1  # "the wine-logistics firm Chai Express"
        hit = self.by_start.get(m)
        if hit is None:
            return None
        self._tie(person, hit[0], founder, False, "rule:person-copula-title", only_founder=only_founder)
        return hit[1]

    def _chairs_body_of(self, person: int, e: int) -> None:
        """"PIAI's deputy director, Dr. Nikola Velkovski, also chairs the technical committee of the Balkan Energy Data
        Consortium", "X, a soil physicist who also sits on the scientific board of Y": a present role verb whose
        object is a body of the organisation (``body_nouns`` of ``people_posts.json``) held now by the person (an apposition may come
        between, ending in a comma)."""
        doc, end = self.doc, self.sent.end
        k = e
        if k + 1 < end and doc[k].text == "," and doc[k + 1].lower_ in ("a", "an", "the"):
            k = next((x for x in range(k + 1, min(end, k + 12)) if doc[x].text == "," or doc[x].lower_ == "who"), end)
            k += 1  # "X, a soil physicist who also sits on ...", "X, the deputy director, chairs ..."
        elif k + 1 < end and doc[k].text == ",":
            k += 1 + (doc[k + 1].lower_ == "who")  # "PIAI's deputy director, Dr. X, also chairs ..."
        k += k < end and doc[k].lower_ in ("also", "now", "currently", "still")
        if k + 3 >= end or not (doc[k].lower_ in ROLE_VERBS or doc[k].lower_ == "sits" and doc[k + 1].lower_ == "on"):
            return
        k += 1 + (doc[k].lower_ == "sits")
        if doc[k].lower_ not in ("the", "its", "their"):
            return
        j = k + 1
        bodies = body_nouns()
        while j < min(end, k + 5) and doc[j].is_lower and doc[j].lower_ not in bodies:
            j += 1
        if j + 1 >= end or doc[j].lower_ not in bodies or doc[j + 1].lower_ not in ("of", "at"):
            return
        if any(doc[x].lower_ in self.former for x in range(e, j)):
            return
        hit = self.by_start.get(j + 2 + (j + 2 < end and doc[j + 2].lower_ == "the"))
        if hit is not None and self.types[hit[0]] in ORG:
            self._tie(person, hit[0], False, False, "rule:person-chairs-body-of")

    def _skip_bracket(self, k: int) -> int:
        """The token after a bracket group opening at ``k`` ("(chair)", "(AI Platforms)"), else ``k``."""
        doc, end = self.doc, self.sent.end
        if k < end and doc[k].text == "(":
            close = next((j for j in range(k + 1, min(end, k + 6)) if doc[j].text == ")"), None)
            if close is not None:
                return close + 1
        return k

    def _bracketed_title(self, person: int, e: int) -> None:
        """"Yusuf Demir (chair), Chief Scientist, Quillon Systems", "Grace Whitfield, Vice President (AI Platforms),
        Ardent Motion": a name line whose title carries a bracket."""
        doc, end = self.doc, self.sent.end
        k = self._skip_bracket(e)
        if k >= end or doc[k].text != ",":
            return
        j, role, founder, past = self._title(k + 1, end)
        after = self._skip_bracket(j)
        if after == j and k == e:
            return  # no bracket anywhere: the plain name-line rule reads it
        if j == k + 1 and k > e:
            self._bracket_role_org(person, e, k)
            return
        if not role or past or after >= end or doc[after].text != ",":
            return
        hit = self.by_start.get(after + 1)
        if hit is None or self.types[hit[0]] not in ORG:
            return
        oe = hit[1]
        if oe >= end or doc[oe].is_space or doc[oe].text in (",", ";", "|", "(", ".") or "\n" in doc[oe - 1].whitespace_:
            self._tie(person, hit[0], founder, False, "rule:person-bracket-title-org",
                      only_founder=founder and not self._other_role)

    def _bracket_role_org(self, person: int, e: int, k: int) -> None:
        """"Rosa Yupanqui-Guamán (President), Cooperativa Agrícola Guano Alto": a roster line whose title is in the
        bracket after the name and whose organisation follows the comma and ends the line (not "A (chair), B, C": a
        person after the comma)."""
        doc, end = self.doc, self.sent.end
        s = next(sx for j, sx, _ in self.spans if j == person)
        while s > self.sent.start and doc[s - 1].lower_.rstrip(".") in HONORIFICS:
            s -= 1
        if not (s == self.sent.start or doc[s - 1].is_space or doc[s - 1].text in (":", ";", "-", "–", "—", "•", "*")):
            return
        j, role, founder, past = self._title(e + 1, k - 1)
        hit = self.by_start.get(k + 1)
        if not role or past or j != k - 1 or hit is None or self.types[hit[0]] not in ORG:
            return
        oe = hit[1]
        if oe >= end or doc[oe].is_space or doc[oe].text in (";", "|", "(", ".") or "\n" in doc[oe - 1].whitespace_:
            self._tie(person, hit[0], founder, False, "rule:person-bracket-role-org")

    def _fronted_founders(self) -> None:
        """"Founded in 2022 by Mehmet Yildiz and Johanna Albers, Kanalwerk AI is a spin-off of ...": FOUNDED."""
        doc, sent = self.doc, self.sent
        if self.founded is None or doc[sent.start].lower_ not in FRONT_PARTICIPLES:
            return
        by = next((k for k in range(sent.start + 1, min(sent.end, sent.start + 8)) if doc[k].lower_ == "by"), None)
        if by is None:
            return
        people: list[int] = []
        k = by + 1
        while k in self.by_start and self.types[self.by_start[k][0]] == "Person":
            person, pe = self.by_start[k]
            people.append(person)
            if pe + 1 < sent.end and doc[pe].lower_ == "and":
                k = pe + 1
            elif pe + 2 < sent.end and doc[pe].text == "," and doc[pe + 1].lower_ == "and":
                k = pe + 2
            elif pe + 1 < sent.end and doc[pe].text == "," and (pe + 1) in self.by_start \
                    and self.types[self.by_start[pe + 1][0]] == "Person":
                k = pe + 1
            else:
                k = pe
                break
        if not people or k >= sent.end or doc[k].text != ",":
            return
        hit = self.by_start.get(k + 1 + (doc[k + 1].lower_ == "the"))
        if hit is None or self.types[hit[0]] not in ORG:
            return
        for person in people:
            self.founded(person, hit[0], "rule:fronted-founders")

    def _opened_by_list(self) -> None:
        """"Turia Health, a Valencia-based developer of clinical software, and the Valencian Institute for Biomedical
        AI (VIBAI) today opened the Sepsis Early Warning Lab": each organisation of a subject list whose items carry
        appositions founded the organisation the verb opens (the parse loses such lists). Only an organisation
        right after the verb ("opened the second round of X" names none)."""
        doc, sent = self.doc, self.sent
        if self.founded is None:
            return
        for k in range(sent.start + 2, sent.end - 1):
            if doc[k].lower_ not in OPENING_VERBS:
                continue
            j = k + 1 + (doc[k].lower_ == "set" and doc[k + 1].lower_ == "up")  # "A and B set up the X Centre"
            j += j < sent.end and doc[j].lower_ in ("the", "a")
            j += j < sent.end and doc[j].lower_ == "new"
            hit = self.by_start.get(j)
            if hit is None or self.types[hit[0]] not in ORG + ("Programme",) or hit[1] < sent.end \
                    and doc[hit[1]].text in self.possessive:
                continue
            b = k
            while b - 1 > sent.start and doc[b - 1].lower_ in ("today", "jointly", "together", "have", "has", "recently",
                                                               "formally", "officially"):
                b -= 1
            if doc[b - 1].text.isdigit() and doc[b - 2].lower_ == "on":  # "on 3 March"
                continue
            subjects = self._names_before(b, appositions=True)
            subjects = subjects if len(subjects) > 1 else self._described_pair(b)
            if len(subjects) < 2 or any(self.types[x] not in ORG for x in subjects):
                continue  # one subject: the verb frames read it
            for x in subjects:
                self.founded(x, hit[0], "rule:opened-by-list")

    def _described_pair(self, b: int) -> list[int]:
        """"FVIDA and the Korean irrigation agency Hanbit Rural Water Corporation set up ...": two organisations, the
        second after "and the" and a few describing words (a nationality may be capitalised); [] otherwise."""
        doc = self.doc
        got = self.by_end.get(b)
        if got is None:
            return []
        second, s = got
        k = s - 1
        while k > self.sent.start and k > s - 6 and (doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ not in ("and", "the", "a", "an")
                                                      or doc[k].is_title and doc[k + 1].is_lower  # "Korean"
                                                      or doc[k].text == "-") and k not in self.by_end_tok:
            k -= 1
        if k == s - 1 or doc[k].lower_ not in ("the", "a", "an") or doc[k - 1].lower_ != "and":
            return []
        first = self.by_end.get(k - 1)
        if first is None or first[1] > self.sent.start and doc[first[1] - 1].text not in (",",) \
                and not doc[first[1] - 1].is_digit and doc[first[1] - 1].lower_ not in ("the",) \
                and first[1] != self.sent.start:
            return []  # the first name opens the clause ("In 2021 A and ...", "A and ...")
        return [first[0], second]

    def _cofounded_verb(self) -> None:
        """"A and B co-founded X", "A, who co-founded X in 2017, ...": the tagger splits "co-founded" into three
        words and the parse loses the frame, so the words are read: the names right before and the name after."""
        doc, sent = self.doc, self.sent
        if self.founded is None:
            return
        for k in range(sent.start + 1, sent.end - 1):
            low = doc[k].lower_
            if low in ("co-founded", "cofounded"):
                end = k + 1
            elif low == "co" and k + 2 < sent.end and doc[k + 1].text in ("-", "–") and doc[k + 2].lower_ == "founded":
                end = k + 3
            else:
                continue
            j = end + (end < sent.end and doc[end].lower_ == "the")
            hit = self.by_start.get(j)
            if hit is None or self.types[hit[0]] not in ORG or hit[1] < sent.end and doc[hit[1]].text in self.possessive:
                continue  # "co-founded the Company's predecessor business": not the Company
            b = k
            while b - 1 > sent.start and doc[b - 1].lower_ in ("also", "later", "then", "jointly", "together"):
                b -= 1
            if doc[b - 1].lower_ == "who" and b - 2 > sent.start and doc[b - 2].text == ",":
                b -= 2  # "A, who co-founded X"
            for founder in self._names_before(b) + self._with_people(hit[1]):
                self.founded(founder, hit[0], "rule:co-founded")

    def _with_people(self, k: int) -> list[int]:
        """People after "with" that follows a co-founded organisation at ``k`` ("co-founded X with B and C in 2018",
        "co-founded X in 2021 together with B"); nothing when "with" names no person first ("with funding from")."""
        doc, end = self.doc, self.sent.end
        while k < end and (doc[k].lower_ in ("in", "together", ",") or doc[k].like_num) and k - self.sent.start < 80:
            if doc[k].text == "," and not (k + 1 < end and doc[k + 1].lower_ in ("in", "together")):
                return []
            k += 1
        if k >= end or doc[k].lower_ != "with":
            return []
        out, k = [], k + 1
        while k in self.by_start and self.types[self.by_start[k][0]] == "Person":
            person, pe = self.by_start[k]
            out.append(person)
            if pe + 1 < end and doc[pe].text == "," and doc[pe + 1].lower_ == "and":
                k = pe + 2
            elif pe < end and doc[pe].lower_ in ("and", ","):
                k = pe + 1
            else:
                break
        return out

    def _names_before(self, b: int, appositions: bool = False) -> list[int]:
        """The name ending at ``b`` and those listed before it ("A and B", "A, B and C"); with ``appositions`` an
        item may carry one (", a Valencia-based developer of software, and"), and a bracketed acronym may follow."""
        out: list[int] = []
        doc = self.doc
        while True:
            if appositions and doc[b - 1].text == ")" and b - 3 >= self.sent.start and doc[b - 3].text == "(":
                b -= 3  # "the Valencian Institute for Biomedical AI (VIBAI)"
            if b not in self.by_end:
                break
            i, s = self.by_end[b]
            if self.types[i] not in ORG + ("Person",):
                break
            out.append(i)
            if s - 1 > self.sent.start and doc[s - 1].lower_ == "the":
                s -= 1
            if appositions and s - 2 > self.sent.start and doc[s - 1].lower_ == "and" and doc[s - 2].text == ",":
                opening = next((x for x in range(s - 3, max(self.sent.start, s - 16), -1) if doc[x].text == ","), None)
                if opening is not None and doc[opening + 1].lower_ in ("a", "an", "the") and opening in self.by_end:
                    b = opening  # the apposition of the item before: "A, a developer of X, and B"
                    continue
            if s - 1 > self.sent.start and self.doc[s - 1].lower_ == "and":
                b = s - 1 - (self.doc[s - 2].text == ",")
            elif s - 1 > self.sent.start and self.doc[s - 1].text == ",":
                b = s - 1
            else:
                break
        return out
