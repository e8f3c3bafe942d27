"""Stage org_kinds: which kind of organisation a name is, from the strongest signal the text gives (issue 14).

docs/annotation.md §2 types bodies by kind (associations, consortia, non-profits: Institute; firms: Company; state
bodies: Agency). Published pages signal the kind in a few forms, read here strongest first:

6. a person's title or a founders' pair: "Dr Ariadni Psaraki, Department of ...", "founded by Tanvi Rathore and
   Imran Qureshi, which ..." (a plain two- or three-word name; an earlier ", which" reading loses to it);
5. a legal form in the name: "Eureka Goldfields Pty Ltd", "Vestvik Maritime AS", "Datenkunde e.V." (a firm, or a
   registered association);
4. a description that says who owns the body or what it is: "X, a Crown corporation of the territory", "X, the
   state-owned lender", "X, a registered charity", "X, a non-profit research company", "X, a Delaware corporation";
   or a part of another body: "X, the innovation arm of the Y Bank", "X (ARC), a unit of the University of Y"
   (the owner's kind);
3. (what earlier stages read from the text: "X, the Cary-based analytics company" is kept against 2 and 1);
2. a membership slot: "a member of the X", "a member of the A cluster and of X" (a body with members is an
   Institute, never a firm or an agency);
1. the name's own words: "Kumbungu Maize Growers' Union", "Union des Producteurs de ...", "Materials Modelling
   Group", "Fundación ...", and for a name read as a person "Pesquera Jocay", "Sarybel Coal".

One name keeps one kind in a text: the strongest reading among its mentions wins for all of them (and for its
acronym). Gazetteer names are left alone. Word lists: ``data/lexicon/org_kinds.json``.
Switch: ``AIKG_ORG_KINDS=off`` turns the stage off (for an A/B in one tree).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.token_index import TokenIndex

ENABLED_ENV = "AIKG_ORG_KINDS"
BODY_TYPES = ("Company", "Institute", "Agency")
DESCRIPTION_SPAN = 7  # words of a description read after ", a"/", the"
PERSON_TITLE, LEGAL, DESCRIBED, SAID, MEMBER_SLOT, NAME_WORDS = 6, 5, 4, 3, 2, 1


def enabled() -> bool:
    """The stage runs unless ``AIKG_ORG_KINDS=off`` (a switch for paired measurements)."""
    return os.environ.get(ENABLED_ENV, "on") != "off"


@dataclass(frozen=True)
class KindWords:
    legal_forms: frozenset[str]
    nonprofit_forms: frozenset[str]
    institute_first: frozenset[str]
    member_heads: frozenset[str]
    member_first: frozenset[str]
    member_first_links: frozenset[str]
    unit_heads: frozenset[str]
    field_words: frozenset[str]
    field_weak_words: frozenset[str]
    agency_first: frozenset[str]
    agency_links: frozenset[str]
    firm_first: frozenset[str]
    firm_last: frozenset[str]
    owner_words: frozenset[str]
    owner_heads: frozenset[str]
    owner_not: frozenset[str]
    nonprofit_words: frozenset[str]
    forprofit_words: frozenset[str]
    forprofit_heads: frozenset[str]
    us_states: frozenset[str]
    member_slot_words: frozenset[str]
    member_slot_after_stops: frozenset[str]
    unit_nouns: frozenset[str]
    member_slot_adjectives: frozenset[str]
    member_slot_after_nouns: frozenset[str]
    founder_slots: frozenset[str]
    honorifics: frozenset[str]


@lru_cache(maxsize=1)
def kind_words() -> KindWords:
    """``data/lexicon/org_kinds.json``, read once per process."""
    node = shipped("lexicon", "org_kinds.json")
    try:
        data = json.loads(node.read_text(encoding="utf-8"))
        return KindWords(**{f.name: frozenset(w.lower() for w in data[f.name]) for f in fields(KindWords)})
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(f"cannot read the organisation kind words: {e}", source=str(node)) from e


# ---------------------------------------------------------------- the name's own words
def _tail_in(low: list[str], forms: frozenset[str]) -> bool:
    """The last one, two or three words (or the word joined with a point) are a form of the list."""
    return any(" ".join(low[-k:]) in forms for k in (1, 2, 3) if len(low) > k)


def legal_kind(low: list[str], w: KindWords) -> str | None:
    """"Eureka Goldfields Pty Ltd" (a firm), "Verein für Datenkunde e.V." (a registered association)."""
    low = [t.lower() for t in low]
    if len(low) < 2:
        return None
    if _tail_in(low, w.nonprofit_forms):
        return "Institute"
    return "Company" if _tail_in(low, w.legal_forms) else None


def name_kind(words: list[str], current: str, w: KindWords) -> str | None:
    """The kind the name's own words give over the reading ``current``, or None (the reading stands)."""
    low = [t.lower() for t in words]
    if len(low) < 2:
        return None
    if current in ("Company", "Person") and low[0] in w.agency_first and low[1] in w.agency_links:
        return "Agency"  # "Comité de Fomento Portuario del Biobío", "Intendencia de Salto"
    if current == "Person":
        if low[0] in w.firm_first or low[-1] in w.firm_last and words[-1][:1].isupper() and not words[-1].isupper():
            return "Company"  # "Pesquera Jocay", "Sarybel Coal"
        if low[0] in w.institute_first:
            return "Institute"  # "Faculté de médecine", "Yayasan Pintar Borneo": a head word first
        return None
    if current not in ("Company", "Agency"):
        return None
    if low[-1] in w.member_heads and len(low) > 2 and _plural_possessive(low[:-1]):
        return "Institute"  # "Kumbungu Maize Growers' Union": its members' association
    if low[0] in w.member_first and low[1] in w.member_first_links:
        return "Institute"  # "Union des Producteurs de Coton du Houet"
    if current == "Company" and low[0] in w.institute_first:
        return "Institute"  # "Fundación Alpes Solidarios", "Kliniken Saale-Unstrut"
    if current == "Company" and low[-1] in w.unit_heads and _field_before(low[:-1], w):
        return "Institute"  # "Materials Modelling Group", "Remote Sensing Unit"
    return None


def _plural_possessive(low: list[str]) -> bool:
    """"Growers'" as one word or as "Growers" and an apostrophe (the tokeniser splits it)."""
    if low[-1] in ("'", "’"):
        return len(low) > 1 and low[-2].endswith("s") and low[-2].isalpha()
    return low[-1].endswith(("s'", "s’"))


def _field_before(low: list[str], w: KindWords) -> bool:
    """A field of study before a unit head ("Marine Robotics", "Language Technology")."""
    if not low:
        return False
    if low[-1] in w.field_words:
        return True
    return len(low) > 1 and low[-1] in w.field_weak_words and low[-2] in w.field_words


# ---------------------------------------------------------------- what the text says
def description_words(doc: Any, end: int) -> list[str]:
    """The lower-case words of an apposition after the name (", a/the ..."), up to a preposition or a clause."""
    n = len(doc)
    if end + 3 < n and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3  # "the Administración Portuaria Peninsular (APP), the state-owned operator"
    if end + 2 >= n or doc[end].text != "," or doc[end + 1].lower_ not in ("a", "an", "the"):
        return []
    words: list[str] = []
    for t in doc[end + 2:min(n, end + 2 + DESCRIPTION_SPAN)]:
        if t.is_punct and t.text not in ("-", "'", "’") or t.lower_ in ("of", "for", "in", "that", "which", "with", "and", "based"):
            break
        words.append(t.lower_)
    return words


def description_kind(doc: Any, end: int, w: KindWords) -> str | None:
    """", a Crown corporation of ...", ", the state-owned lender", ", a registered charity", ", a Delaware
    corporation": the kind an apposition after the name gives, or None."""
    return described(description_words(doc, end), w)


def described(words: list[str], w: KindWords) -> str | None:
    """The kind of a description's words: owner word then owner head (Agency), a non-profit word (Institute), a
    for-profit word or a state's corporation (Company)."""
    if not words:
        return None
    joined = " ".join(words)
    owner = next((i for i, x in enumerate(words) if x in w.owner_words or x.replace("’", "'") in w.owner_words), None)
    if owner is not None and any(x in w.owner_heads for x in words[owner + 1:]) and not any(x in w.owner_not for x in words):
        if not (words[owner] == "public" and words[owner + 1:owner + 2] == ["limited"]):
            return "Agency"  # "a Crown corporation", "the state-owned lender", "an arm's-length agency"
    if any(x in w.nonprofit_words for x in words) or "registered charity" in joined:
        return "Institute"
    if any(x in w.forprofit_words for x in words) and any(x in w.forprofit_heads for x in words):
        return "Company"  # "a privately held company", "a public limited company"
    if any(joined.startswith(s + " ") for s in w.us_states) and words[-1] in ("corporation", "company"):
        return "Company"  # "a Delaware corporation"
    return None


def member_slot(doc: Any, start: int, end: int, w: KindWords) -> bool:
    """"a member of the X", "a member of the national X", "members of A and of X": the name has members (not
    "member of the X board", "of X's team")."""
    k = start - 1
    while k > 0 and doc[k].lower_ in w.member_slot_adjectives:
        k -= 1  # "a member of the national Platforma ..."
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return False
    if doc[k - 1].lower_ not in w.member_slot_words and not _second_member(doc, k - 1, w):
        return False
    return not _other_slot_after(doc, end, w)


def _second_member(doc: Any, k: int, w: KindWords) -> bool:
    """"a member of the EMC2 cluster and of X": "and" at ``k`` continues a membership earlier in the sentence."""
    if doc[k].lower_ not in ("and", ","):
        return False
    for i in range(k - 1, max(0, k - 14), -1):
        if doc[i].is_sent_start and i < k - 1:
            return False
        if doc[i].lower_ == "of" and doc[i - 1].lower_ in w.member_slot_words:
            return True
    return False


def _other_slot_after(doc: Any, end: int, w: KindWords) -> bool:
    """"the X board", "X's team": the member belongs to a part of the name, not to the name."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    if nxt.lower_ in w.member_slot_after_stops:
        return True
    if not (nxt.is_lower and nxt.is_alpha) or nxt.lower_ in ("and", "or", "since", "until", "in", "as", "from", "for", "which", "that"):
        return False
    return not any(t.lower_ in w.member_slot_after_nouns for t in doc[end:min(len(doc), end + 3)])


def part_of_kind(doc: Any, end: int, cands: list[Candidate], w: KindWords) -> str | None:
    """"X, the innovation arm of the Y Bank", "X (ARC), a unit of the University of Y": the owner's kind. A firm's
    unit is left to its name (gold types "the Kilvey Data Lab, a unit of Sosban Systems" an Institute)."""
    n = len(doc)
    e = end + 3 if end + 3 < n and doc[end].text == "(" and doc[end + 2].text == ")" else end
    if e + 2 >= n or doc[e].text != "," or doc[e + 1].lower_ not in ("a", "an", "the"):
        return None
    for k in range(e + 2, min(n - 1, e + 2 + DESCRIPTION_SPAN)):
        tok = doc[k]
        if not (tok.is_lower or tok.text == "-"):
            return None
        if tok.lower_ in w.unit_nouns and doc[k + 1].lower_ == "of":
            j = k + 2 + (k + 2 < n and doc[k + 2].lower_ == "the")
            owner = next((c for c in cands if c.start == j), None)
            if owner is None:
                return "Agency" if described(_lower_run(doc, j), w) == "Agency" else None  # "of the state bank"
            return owner.type if owner.type in ("Institute", "Agency") else None
    return None


def _lower_run(doc: Any, j: int) -> list[str]:
    """The lower-case words from ``j`` ("the regional office of the state investment bank": an unnamed owner)."""
    words: list[str] = []
    for t in doc[j:min(len(doc), j + DESCRIPTION_SPAN)]:
        if not (t.is_lower or t.text in ("-", "'", "’")):
            break
        words.append(t.lower_)
    return words


# ---------------------------------------------------------------- the stage
def person_kind(doc: Any, s: Candidate, words: list[str], env: Env, cands: list[Candidate], w: KindWords) -> int | None:
    """"Dr Ariadni Psaraki, Department of ...", "founded by Tanvi Rathore and Imran Qureshi, which ...": a plain
    two- or three-word name after a personal title, or second in a founders' pair with a person, is a person (the
    strength of that reading, or None)."""
    if not 2 <= len(words) <= 3 or not all(t.is_title and t.is_alpha for t in doc[s.start:s.end]) \
            or env.typer.type_of_name(words) is not None:
        return None
    if s.start > 0 and doc[s.start - 1].lower_.rstrip(".") in w.honorifics:
        return PERSON_TITLE
    k = s.start - 1
    if k < 3 or doc[k].lower_ != "and":
        return None
    first = next((c for c in cands if c.end == k and c.type == "Person"), None)
    if first is None or first.start < 2 or doc[first.start - 1].lower_ != "by" or doc[first.start - 2].lower_ not in w.founder_slots:
        return None
    return DESCRIBED


def _reading(doc: Any, s: Candidate, words: list[str], w: KindWords, cands: list[Candidate],
             env: Env) -> tuple[int, str] | None:
    """The strongest reading of one mention: (strength, type), or None when nothing speaks."""
    person = person_kind(doc, s, words, env, cands, w)
    if person is not None:
        return person, "Person"
    low = [t.lower() for t in words]
    legal = legal_kind(low, w)
    if legal is not None:
        return LEGAL, legal
    said = description_kind(doc, s.end, w)
    if said is None:
        said = part_of_kind(doc, s.end, cands, w)
        if said == "Agency" and env.typer.type_of_name(words) == "Company":
            said = None  # "PFR Ventures, the venture arm of the Polish Development Fund": a fund's venture firm
    if said is not None and s.type in BODY_TYPES:
        return DESCRIBED, said
    if said == "Agency" and s.type == "Person" and description_words(doc, s.end)[-1:] and \
            description_words(doc, s.end)[-1] in w.owner_heads:
        return DESCRIBED, said  # "the Administración Portuaria Peninsular (APP), the state-owned operator of the port"
    if s.ctx_typed:
        return SAID, s.type
    if s.type in ("Company", "Agency") and member_slot(doc, s.start, s.end, w):
        return MEMBER_SLOT, "Institute"
    kind = name_kind(words, s.type, w)
    return (NAME_WORDS, kind) if kind is not None else None


def org_kinds(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Give each body name the kind its strongest signal says, the same for all its mentions in the text."""
    if not enabled():
        return cands
    w = kind_words()
    index = TokenIndex.of(doc)
    groups: dict[str, list[Candidate]] = {}
    for s in cands:
        if s.entry is None and s.acronym_of is None and s.source in ("ner", "rule") and s.type in BODY_TYPES + ("Person",):
            groups.setdefault(index.span_text(s.start, s.end), []).append(s)
    for name, group in groups.items():
        words = index.text[group[0].start:group[0].end]
        readings = [r for s in group if (r := _reading(doc, s, words, w, cands, env)) is not None]
        if not readings:
            continue
        strength, kind = max(readings, key=lambda r: r[0])
        if strength == SAID or all(s.type == kind for s in group):
            continue
        for s in group:
            s.type, s.ctx_typed, s.place = kind, True, False
        _acronyms_follow(cands, ctx, name, kind)
    return cands


def _acronyms_follow(cands: list[Candidate], ctx: DocContext, name: str, kind: str) -> None:
    """"Northeast Clean Energy Council (NECC)": the acronym takes its expansion's new kind."""
    for s in cands:
        if s.acronym_of == name and s.entry is None:
            s.type = kind
    for acr, (_, long_text) in list(ctx.acronyms.items()):
        if long_text == name:
            ctx.acronyms[acr] = (kind, long_text)
