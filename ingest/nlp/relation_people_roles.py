"""People's current posts in the forms news, releases and programmes use around a name, read from one sentence's
words and mentions (no parse).

* a verb of leading whose object is the organisation: "Mireille Dufort, who runs Quillon Systems, said",
  "Dufort heads the Lorient Marine Institute", "who has led Quillon Systems since 2019";
* a seat on a body: "Shamsul Arefin, who also sits on the senate of VUST", "A serves on the board of X";
* the organisation modifying the title in an apposition: "Mireille Dufort, Quillon Systems co-founder and CEO,
  said", "Ana Ruiz, a Kestrel Robotics engineer, said";
* an appointment: "Quillon Systems named Mireille Dufort its new chief executive", "the institute appointed A
  director", "A was named Quillon Systems' chief executive";
* a second post after ", and": "Prof. A, Director, Centre X, Kapaz University, and Visiting Professor, Caucasus
  School", "(Associate Professor, VUST, and Non-resident Fellow, Barind Policy Institute)";
* a unit or body led by the person: "UAO's innovation office, directed by Lucía Pérez", "It is operated by a board
  of trustees chaired by Kamala Shrestha-Bell".

A past word ("until", "formerly", ``past_words``; the lexicon's ``former_markers``) between the person and the
organisation states no current post; a title that is only a founder's ("co-founder") states FOUNDED alone. Words:
``data/lexicon/people_roles.json``; title words from ``relation_people_forms.title_words`` and ``role_nouns``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from aikg.ingest.nlp.lexicon import lexicon_sets
from aikg.ingest.nlp.relation_people_forms import title_words

ORG = ("Institute", "Company", "Agency")
GLUE = frozenset({"and", "&", "of", "for", "-", "/", "at"})
MAX_TITLE = 7  # words of a title
MAX_LINE = 24  # tokens between a person and the organisation of a name line's first post

Emit = Callable[[int, int, str], None]


@dataclass(frozen=True)
class RoleWords:
    lead_verbs: frozenset[str]
    lead_participles: frozenset[str]
    adverbs: frozenset[str]
    appoint_verbs: frozenset[str]
    appoint_lead: frozenset[str]
    title_openers: frozenset[str]
    unit_participles: frozenset[str]
    body_nouns: frozenset[str]
    seat_verbs: frozenset[str]
    past: frozenset[str]
    next_ok: frozenset[str]
    seat_copulas: frozenset[str]  # "A is on the board of X"
    post_at_verbs: frozenset[str]  # "A lectures at X"

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "RoleWords":
        keys = ("lead_verbs", "lead_participles", "clause_adverbs", "appoint_verbs", "appoint_lead", "title_openers",
                "unit_participles", "body_nouns", "seat_verbs", "past_words", "next_ok", "seat_copulas", "post_at_verbs")
        return cls(*lexicon_sets("people_roles.json", keys))


class PeopleRoles:
    """The forms above over one sentence (``spans``: mention index, start token, end token)."""

    def __init__(self, doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
                 role_nouns: frozenset[str], former: frozenset[str], founders: frozenset[str],
                 possessive: frozenset[str], affiliated: Emit, founded: Emit | None,
                 words: RoleWords | None = None) -> None:
        self.doc, self.sent, self.spans, self.types = doc, sent, spans, types
        self.roles, self.founders, self.possessive = role_nouns, founders, possessive
        self.w = words or RoleWords.load()
        self.past = self.w.past | former
        self.affiliated, self.founded = affiliated, founded
        self.by_start = {s: (i, e) for i, s, e in spans}

    def run(self) -> None:
        for i, s, e in self.spans:
            if self.types[i] == "Person":
                self._leads(i, e)
                self._org_title_apposition(i, e)
                self._and_second_post(i, s, e)
            elif self.types[i] in ORG:
                self._appointed(i, e)
                self._unit_led_by(i, e)
        self._named_to()
        self._body_chaired_by()

    # ------------------------------------------------------------------ helpers
    def _low(self, k: int) -> str:
        return self.doc[k].lower_

    def _org_at(self, k: int) -> tuple[int, int] | None:
        """The organisation starting at ``k`` (after an optional "the")."""
        if k < self.sent.end and self._low(k) == "the":
            k += 1
        hit = self.by_start.get(k)
        return hit if hit is not None and self.types[hit[0]] in ORG else None

    def _ends_phrase(self, k: int) -> bool:
        """The organisation's phrase ends at ``k``: not "the Kestrel account", not "Quillon's lab"."""
        if k >= self.sent.end or self.doc[k].is_space:
            return True
        return self._low(k) in self.w.next_ok and self.doc[k].text not in self.possessive

    def _role(self, tok: Any) -> bool:
        low = tok.lower_.rstrip(".")
        one = low[:-1] if low.endswith("s") and len(low) > 3 else low
        return any(w in self.roles or w.split("-")[-1] in self.roles or w in self.founders for w in (low, one))

    def _founder(self, tok: Any) -> bool:
        low = tok.lower_.rstrip(".")
        return low in self.founders or low.endswith("s") and low[:-1] in self.founders

    def _title(self, k: int, stop: int) -> tuple[int, bool, bool, bool]:
        """Title words from ``k``: (end, has a role word, only founder roles, has a past word)."""
        j, role, other, past = k, False, False, False
        while j < min(stop, k + MAX_TITLE) and j not in self.by_start and not self.doc[j].is_space:
            tok, low = self.doc[j], self._low(j).rstrip(".")
            if tok.is_punct and tok.text not in ("-", "/", "&"):
                break
            if self._role(tok):
                role, other = True, other or not self._founder(tok)
            elif low in self.past:
                past = True
            elif low not in title_words() and low not in GLUE:
                break
            j += 1
        while j > k and self._low(j - 1) in GLUE:  # "director of" + the organisation
            j -= 1
        return j, role, role and not other, past

    def _tie(self, person: int, org: int, founder_only: bool, founder: bool, method: str) -> None:
        if person == org or self.types[person] != "Person" or self.types[org] not in ORG:
            return
        if founder and self.founded is not None:
            self.founded(person, org, method)
        if not founder_only:
            self.affiliated(person, org, method)

    def _past_between(self, a: int, b: int) -> bool:
        return any(self._low(k) in self.past for k in range(a, b))

    # ------------------------------------------------------------------ forms
    def _leads(self, person: int, e: int) -> None:
        """"A, who (also) runs X", "A heads the X", "A, who has led X since 2019", "A (also) sits on the senate of X"."""
        end = self.sent.end
        k: int | None = e
        if e + 1 < end and self.doc[e].text == "," and self._low(e + 1) == "who":
            k = e + 2
        elif e < end and self._low(e) == "who":
            k = e + 1
        elif e + 2 < end and self.doc[e].text == "," and self._low(e + 1) in ("the", "a", "an"):
            # "A, the Finnish computer scientist who runs X"; "A, an alumna of Y, runs X" (the apposition's own
            # past words are its own: "A, a former engineer at Y, now runs X")
            k = self._who_after_description(e + 2) or self._after_apposition(e + 2)
        elif e + 2 < end and self.doc[e].text == ",":
            k = self._after_apposition(e + 1)  # "A, ex-Pallava Robotics, now runs product at X"
        if k is None:
            return
        if not self._lead_verb(person, k - 1 if k > e else e, k) and k > e + 1 and self._low(k - 1) == "who":
            after = self._after_apposition(k)  # "A, who advises the X programme, runs Y"
            if after is not None:
                self._lead_verb(person, after - 1, after)

    def _lead_verb(self, person: int, e: int, k: int) -> bool:
        """A verb of leading, a seat or a post at ``k`` (after adverbs) and its organisation; False when no such
        verb stands there."""
        end = self.sent.end
        while k < end and self._low(k) in self.w.adverbs:
            k += 1
        if k >= end:
            return False
        verb = self._low(k)
        if verb in ("has", "have") and k + 1 < end and self._low(k + 1) in self.w.lead_participles:
            k += 1
        elif verb in self.w.seat_verbs or verb in self.w.seat_copulas and k + 1 < end and self._low(k + 1) == "on":
            self._seat(person, e, k)  # "sits on the board of X", "is on the board of X"
            return True
        elif verb in self.w.post_at_verbs:
            self._post_at(person, e, k)  # "lectures at X"
            return True
        elif verb not in self.w.lead_verbs:
            return False
        hit = self._org_at(k + 1)
        if hit is None and self._post_at(person, e, k):
            return True  # "oversees research at X", "runs product at X"
        if hit is None and k + 1 < end and self._low(k + 1) == "it" and not self._past_between(e, k + 1):
            self._runs_it(person, e)  # "The company was set up by A and B, who still run it as ..."
            return True
        if hit is None or not self._ends_phrase(hit[1]) or self._past_between(e, k + 1):
            return True
        if hit[1] < end and self._low(hit[1]) in ("until", "till"):
            return True
        self._tie(person, hit[0], False, False, "rule:person-leads-org")
        return True

    def _after_apposition(self, k: int) -> int | None:
        """The word after the comma closing a short apposition ("an alumna of Y,"), when a verb follows it."""
        for j in range(k, min(self.sent.end - 1, k + 10)):
            if self.doc[j].text == ",":
                nxt = self.doc[j + 1]
                return j + 1 if nxt.pos_ in ("VERB", "AUX") or nxt.lower_ in self.w.adverbs \
                    or nxt.lower_ in self.w.lead_verbs | self.w.seat_verbs | self.w.post_at_verbs else None
            if self.doc[j].text in (";", ":", "(", ")") or self._low(j) in ("who", "which", "and"):
                return None
        return None

    def _post_at(self, person: int, e: int, k: int) -> bool:
        """A verb of a post, up to three lower-case words (what is led) and "at" before the organisation: "A oversees
        research at X", "A, who runs product at X", "A lectures at X"; not after a past word."""
        end, j = self.sent.end, k + 1
        while j < min(end, k + 4) and self.doc[j].is_lower and self.doc[j].is_alpha and self._low(j) != "at" \
                and j not in self.by_start:
            j += 1
        if j + 1 >= end or self._low(j) != "at":
            return False
        hit = self._org_at(j + 1)
        if hit is None or not self._ends_phrase(hit[1]) or self._past_between(e, k + 1):
            return False
        self._tie(person, hit[0], False, False, "rule:person-post-at")
        return True

    def _runs_it(self, person: int, e: int) -> None:
        """"it" after a verb of leading in a relative clause on people: the organisation that opens the sentence (its
        subject), for the person and the people listed right before ("A and B, who run it as chief executive and
        CTO")."""
        first = min(self.spans, key=lambda x: x[1])
        k = self.sent.start
        while k < first[1] and self._low(k) in ("the", "a", "an"):
            k += 1
        if k != first[1] or self.types[first[0]] not in ORG:
            return
        people = [person]
        start = next(s for i, s, _e in self.spans if i == person)
        for i, s, e2 in sorted(self.spans, key=lambda x: -x[1]):
            if e2 <= start and self.types[i] == "Person" and all(
                    self._low(x) in (",", "and", "&") for x in range(e2, start)) and e2 < start:
                people.append(i)
                start = s
        for p in people:
            self._tie(p, first[0], False, False, "rule:person-runs-it")

    def _who_after_description(self, k: int) -> int | None:
        """The word after "who" closing a short description of a person ("the Finnish computer scientist who"), or
        None when a name, a comma or more than six words come first."""
        for j in range(k, min(self.sent.end - 1, k + 7)):
            if self._low(j) == "who":
                return j + 1 if j > k else None
            if j in self.by_start or not self.doc[j].is_alpha:
                return None
        return None

    def _seat(self, person: int, e: int, k: int) -> None:
        """"sits on the (advisory) senate of X", "serves on the board of trustees of the X"."""
        end = self.sent.end
        if k + 2 >= end or self._low(k + 1) != "on":
            return
        if self._owner_body(person, e, k + 2):
            return  # "sits on Simeto's scientific committee", "serves on Tarvik Robotics' board"
        j = k + 2 + (self._low(k + 2) in ("the", "its", "a"))
        n = 0
        while j < end and n < 3 and self.doc[j].is_lower and self._low(j) not in self.w.body_nouns:
            j, n = j + 1, n + 1  # "the advisory board", "the supervisory board"
        if j >= end or self._low(j) not in self.w.body_nouns:
            return
        j += 1
        if j + 1 < end and self._low(j) == "of" and self._low(j + 1) in ("trustees", "directors", "governors"):
            j += 2
        if j >= end or self._low(j) != "of":
            return
        hit = self._org_at(j + 1)
        if hit is not None and not self._past_between(e, k):
            self._tie(person, hit[0], False, False, "rule:person-seat-on-body")

    def _owner_body(self, person: int, e: int, k: int) -> bool:
        """An organisation's possessive, up to three lower-case words and a body noun from ``k``."""
        hit = self._org_at(k)
        end = self.sent.end
        if hit is None or hit[1] >= end or self.doc[hit[1]].text not in self.possessive:
            return False
        j, n = hit[1] + 1, 0
        while j < end and n < 3 and self.doc[j].is_lower and self._low(j) not in self.w.body_nouns:
            j, n = j + 1, n + 1
        if j >= end or self._low(j) not in self.w.body_nouns or self._past_between(e, k):
            return False
        self._tie(person, hit[0], False, False, "rule:person-seat-on-body")
        return True

    def _org_title_apposition(self, person: int, e: int) -> None:
        """"A, Quillon Systems co-founder and CEO, said", "A, a Kestrel Robotics engineer, said"."""
        end = self.sent.end
        if e + 2 >= end or self.doc[e].text != ",":
            return
        k = e + 1
        if self._low(k) in ("a", "an", "the"):
            k += 1
        hit = self.by_start.get(k)
        if hit is None or self.types[hit[0]] not in ORG:
            return
        org, oe = hit
        if oe >= end or self.doc[oe].text in self.possessive:
            return  # "A, Quillon's chief executive": relation_people_forms
        j, role, founder_only, past = self._title(oe, end)
        if j == oe or not role or not (j >= end or self.doc[j].text in (",", ".", ";", ")") or self.doc[j].is_space):
            return
        past = past or self._past_between(e + 1, k + 1) or k > e + 1 and self._low(k - 1) in self.past
        founder = any(self._founder(self.doc[x]) for x in range(oe, j))
        if past:
            founder_only = True  # "A, a former Quillon engineer," states no post; a founding stays true
        self._tie(person, org, founder_only, founder, "rule:person-org-title-apposition")

    def _appointed(self, org: int, e: int) -> None:
        """"Quillon Systems (has) named A its new chief executive", "The institute appointed A director"."""
        end = self.sent.end
        k = e
        n = 0
        while k < end and n < 4 and self._low(k) in self.w.appoint_lead | {"the", "last", "next"} | {"1", "2"}:
            k, n = k + 1, n + 1
        if k >= end or self._low(k) not in self.w.appoint_verbs:
            return
        hit = self.by_start.get(k + 1)
        if hit is None or self.types[hit[0]] != "Person":
            return
        person, pe = hit
        self._title_after(person, org, pe, "rule:org-appointed-person")

    def _title_after(self, person: int, org: int, k: int, method: str) -> None:
        """A title right after the appointed person, ending its clause: "as its new chief executive", "director"."""
        end = self.sent.end
        if k < end and self.doc[k].text == ",":
            k += 1
        n = 0
        while k < end and n < 4 and self._low(k) in self.w.title_openers:
            k, n = k + 1, n + 1
        if k < end and self.doc[k].text in self.possessive:
            return
        j, role, founder_only, past = self._title(k, end)
        if j == k or not role or past or founder_only:
            return
        if j < end and not (self.doc[j].text in (",", ".", ";", ")") or self.doc[j].is_space
                            or self._low(j) in ("in", "on", "from", "effective", "after", "with", "to", "and")):
            return
        if j < end and self._low(j) in ("of", "at"):
            return  # "director of another body": the verb frames read it
        self._tie(person, org, False, False, method)

    def _named_to(self) -> None:
        """"A was named Quillon Systems' chief executive", "A has been appointed the institute's director"."""
        end = self.sent.end
        for i, _s, e in self.spans:
            if self.types[i] != "Person":
                continue
            k = e
            if k + 1 < end and self._low(k) in ("was", "is", "has", "had", "were"):
                k += 1 + (k + 1 < end and self._low(k + 1) == "been")
            else:
                continue
            if k >= end or self._low(k) not in self.w.appoint_verbs:
                continue
            k += 1 + (k + 1 < end and self._low(k + 1) == "as")
            hit = self._org_at(k)
            if hit is None or hit[1] >= end or self.doc[hit[1]].text not in self.possessive:
                continue
            j, role, founder_only, past = self._title(hit[1] + 1, end)
            if j > hit[1] + 1 and role and not past and not founder_only:
                self._tie(i, hit[0], False, False, "rule:person-named-org-title")

    def _and_second_post(self, person: int, s: int, e: int) -> None:
        """A name line or bracket holding two posts: "A, Director, Centre X, Kapaz University, and Visiting
        Professor, Caucasus School"; "A (Associate Professor, VUST, and Non-resident Fellow, BPI)"."""
        end = self.sent.end
        k = e + (e < end and self.doc[e].text in (",", "("))
        if k == e:
            return
        last_org = None
        j = k
        while j < min(end, e + MAX_LINE):  # the first post: title words, commas and organisations only
            hit = self.by_start.get(j)
            if hit is not None:
                if self.types[hit[0]] not in ORG:
                    return
                last_org, j = hit, hit[1]
                continue
            tok = self.doc[j]
            if tok.text == "," and j + 1 < end and self._low(j + 1) == "and" and last_org is not None:
                break
            if tok.is_space or not (tok.text in (",", "-", "&", "/") or self._role(tok) or self._low(j) in title_words()
                                    or self._low(j) in GLUE or self._low(j) == "the"):
                return
            if self._low(j) in self.past:
                return
            j += 1
        else:
            return
        if last_org is None or j >= end - 2:
            return
        k = j + 2  # after ", and"
        t, role, founder_only, past = self._title(k, end)
        if t == k or not role or past:
            return
        if t < end and self.doc[t].text == ",":
            t += 1
        elif t < end and self._low(t) in ("at", "of"):
            t += 1
        hit = self._org_at(t)
        if hit is None or hit[0] == last_org[0]:
            return
        closes = hit[1] >= end or self.doc[hit[1]].is_space or self.doc[hit[1]].text in (",", ";", ")", ".", "(")
        if closes:
            founder = any(self._founder(self.doc[x]) for x in range(k, t))
            self._tie(person, hit[0], founder_only, founder, "rule:person-second-post")

    def _unit_led_by(self, org: int, e: int) -> None:
        """"UAO's innovation office, directed by A", "Kestrel's robotics lab, led by Dr. A": the person is the
        organisation's."""
        end = self.sent.end
        if e >= end or self.doc[e].text not in self.possessive:
            return
        k, n = e + 1, 0
        while k < end and n < 4 and self.doc[k].is_lower and self.doc[k].is_alpha and self._low(k) not in self.w.unit_participles:
            k, n = k + 1, n + 1
        if n == 0 or k >= end:
            return
        if self.doc[k].text == ",":
            k += 1
        self._by_person(org, k, "rule:org-unit-led-by")

    def _by_person(self, org: int, k: int, method: str) -> None:
        end = self.sent.end
        if k + 1 >= end or self._low(k) not in self.w.unit_participles or self._low(k + 1) != "by":
            return
        j = k + 2
        while j < end and self._low(j).rstrip(".") in ("dr", "prof", "professor", "mr", "mrs", "ms"):
            j += 1
        hit = self.by_start.get(j)
        if hit is not None and self.types[hit[0]] == "Person":
            self._tie(hit[0], org, False, False, method)

    def _body_chaired_by(self) -> None:
        """"It is operated by a board of trustees chaired by A": the body is the subject organisation's."""
        doc, end = self.doc, self.sent.end
        if not self.spans or self.types[self.spans[0][0]] not in ORG:
            return
        subject, _, se = self.spans[0]
        for k in range(se, end - 2):
            if self._low(k) not in self.w.body_nouns or not doc[k].is_lower:
                continue
            if any(self.types[i] in ORG + ("Person",) for i, s, _ in self.spans if se <= s < k):
                return  # another name between the subject and the body
            j = k + 1
            if j + 1 < end and self._low(j) == "of" and self._low(j + 1) in ("trustees", "directors", "governors"):
                j += 2
            elif j < end and self._low(j) == "of":
                return  # "a board of X": that body's organisation is X
            if j < end and self.doc[j].text == ",":
                j += 1
            self._by_person(subject, j, "rule:body-chaired-by")
            return
