"""Stage name_forms: the extents of organisation names by their form, where the NER cuts or splits them (issue 14).

* A legal form closes a firm's name, alone or in a row, after a comma or in brackets: "Himali Voice Pvt. Ltd.",
  "Pannala Agritech (Pvt) Ltd", "Loess Hill Agronomy, LLC" (the NER stops at "Pvt" or before the comma).
* A hyphenated noun ends a name whole: "Guatemalan Association of Technology Start-ups" (not "... Start").
* A possessive of a group of people or of an office holder sits inside a name: "Koshi Women's Digital Cooperative",
  "Sialkot Exporters' Welfare Trust", "Kuyavian-Pomeranian Marshal's Office" (not a firm "Koshi Women" that
  owns a "Digital Cooperative"); a place possessive ("Toronto's Vector Institute") is not such a group.
* A lower-case word opening a name is no part of it: "the national | Coconut Research Institute".
* "the Black Sea and Caspian Universities Network": a name without a head word of its own, "and", and a headed name
  with a plural noun ("Universities") after one "the" is one body, not a place and a network.

Word lists: ``data/lexicon/name_forms.json``. Never a gazetteer name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, Candidate, DocContext, Env


@dataclass(frozen=True)
class NameFormWords:
    legal: frozenset[str]
    compound_tails: frozenset[str]
    groups: frozenset[str]
    offices: frozenset[str]
    units: tuple[tuple[str, ...], ...]
    events: frozenset[str]
    year_events: frozenset[str] = frozenset()
    press_heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def name_form_words() -> NameFormWords:
    """``data/lexicon/name_forms.json``, read once per process."""
    data = lexicon_data("name_forms.json")
    low = lambda key: frozenset(w.lower() for w in data[key])  # noqa: E731
    units = tuple(sorted((tuple(u.lower().split()) for u in data["unit_words"]), key=len, reverse=True))
    return NameFormWords(low("legal_tails"), low("compound_tails"), low("group_possessors"), low("office_holders"), units,
                         low("event_words"), low("year_only_event_words"), low("press_office_heads"))


def name_forms(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Mend the extents of organisation names: legal tails, hyphenated ends, group possessives, lower-case openers."""
    w = name_form_words()
    drop: set[int] = set()
    starts = {c.start: c for c in cands}
    for c in cands:
        if c.entry is not None or c.source == "gazetteer" or id(c) in drop:
            continue
        _lower_opener(doc, c)
        if c.type in ORG_OR_PROGRAMME:
            end = _legal_tail(doc, c.end, w)
            if end > c.end:
                drop |= {id(o) for o in cands if o is not c and c.end <= o.start < end}
                c.end, c.type = end, "Company"
            _compound_tail(doc, c, w, starts)
    events = {t for c in cands if c.entry is None for t in _event(doc, c, w)}
    events |= {doc[c.start:c.end].text for c in cands if _product_apposition(doc, c, env)}  # a product's name
    drop |= {id(c) for c in cands if c.entry is None and doc[c.start:c.end].text in events}
    names = {doc[c.start:c.end].text for c in cands} | set(ctx.acronyms)
    for c in cands:
        if c.entry is None and c.source != "gazetteer" and id(c) not in drop and _unit_of(doc, c, w, names):
            drop.add(id(c))  # "Press Office" alone: a unit of no named body
    cands = [c for c in cands if id(c) not in drop]
    cands = _group_possessives(doc, cands, env, w)
    return _joined_pair(doc, cands, env)


def _product_apposition(doc: Any, c: Candidate, env: Env) -> bool:
    """"Our platform, CaribeWatch, monitored ...", "our forecasting platform, Prairie Signal.", "LineSight, a
    fault-prediction platform", "Its main products are Vary, ... and Tsiokatra": a product's name, no body."""
    k = c.start
    if c.entry is not None or c.ctx_typed or env.typer.type_of_name([t.text for t in doc[c.start:c.end]]):
        return False
    if c.end + 2 < len(doc) and doc[c.end].text == "," and doc[c.end + 1].lower_ in ("a", "an") \
            and env.typer.description_head(doc, c.end + 2) in env.words.product_nouns - _NOT_PRODUCT_HEADS:
        return True  # "Tsiokatra, a cyclone damage model"
    if _product_list_item(doc, c, env):
        return True
    if k < 3 or doc[k - 1].text != "," or c.end >= len(doc) or doc[c.end].text not in (",", "."):
        return False
    j = k - 2
    if not (doc[j].lower_ in env.words.product_nouns and doc[j].is_lower):
        return False
    while j > 0 and j > k - 6 and doc[j - 1].is_lower and doc[j - 1].is_alpha \
            and doc[j - 1].lower_ not in ("our", "its", "their", "the", "his", "her"):
        j -= 1  # "our forecasting platform, Prairie Signal"
    return j > 0 and (doc[j - 1].lower_ in ("our", "its", "their", "the", "his", "her")
                      or doc[j - 1].text in env.words.possessive)


#: product nouns that also describe a unit or a programme after a name ("X, a team of six", "X, a forecasting service
#: for cooperatives"): no product apposition
_NOT_PRODUCT_HEADS = frozenset({"service", "team", "teams"})
#: verbs and marks after a plural product noun that open a list of the products' names
PRODUCT_LIST_OPENERS = frozenset({"are", "include", "includes", "including", ":"})


def _product_list_item(doc: Any, c: Candidate, env: Env) -> bool:
    """"Our principal products are LineSight, a fault-prediction platform, and VegWatch, which ...": an item of a
    list that "<products> are/include" opens, in the same sentence."""
    k = c.start
    if k < 2 or doc[k - 1].lower_ not in PRODUCT_LIST_OPENERS | {",", "and"}:
        return False
    sent_start = doc[k].sent.start
    for j in range(k - 1, max(sent_start, k - 25), -1):
        if doc[j].lower_ in PRODUCT_LIST_OPENERS and j > 0 and doc[j - 1].is_lower \
                and doc[j - 1].lower_.rstrip("s") in env.words.product_nouns and doc[j - 1].lower_.endswith("s"):
            return True
    return False


def _year(tok: Any) -> bool:
    return len(tok.text) == 4 and tok.text.isdigit() and tok.text[:2] in ("19", "20")


def _event(doc: Any, c: Candidate, w: NameFormWords) -> tuple[str, ...]:
    """"Ganja Applied AI Forum 2026", "Tbilisi AI Summit 2025": an event's name, a year after its event word (the
    texts it goes by, with and without the year; none if it is no event)."""
    end = c.end - 1 if c.end - c.start > 2 and _year(doc[c.end - 1]) else c.end
    if doc[c.start].lower_ in _event_cues()[3] and c.end - c.start >= 2 and (end < c.end or _event_context(doc, c)):
        return doc[c.start:end].text, doc[c.start:c.end].text  # "the annual Foro Meseta IA": a Romance event head
    if doc[end - 1].lower_ not in w.events:
        return _event_after(doc, c, w)
    if not (end < c.end or end < len(doc) and _year(doc[end])) \
            and (doc[end - 1].lower_ in w.year_events or c.end - c.start < 2 or doc[end - 1].is_lower) \
            and not (c.end - c.start >= 2 and doc[end - 1].is_title and _event_context(doc, c)):
        return ()
    return doc[c.start:end].text, doc[c.start:c.end].text


def _event_context(doc: Any, c: Candidate) -> bool:
    """"the annual Eldoret Harvest Data Forum", "X Forum (August)", "X Forum returns to Mérida", "X Forum, held in
    Salamanca each spring": words around a name with a forum-like head that make it a meeting, not a standing body
    (``event_cues_before`` / ``event_cues_after`` of ``data/lexicon/mentions.json``)."""
    before, after, months, _ = _event_cues()
    k = c.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 0 and (doc[k].lower_ in before or doc[c.start - 1].lower_ in before):
        return True
    e = c.end
    if e + 1 < len(doc) and doc[e].text == "(" and doc[e + 1].lower_ in months:
        return True
    if e < len(doc) and doc[e].text == ",":
        e += 1
    two = " ".join(t.lower_ for t in doc[e:e + 2])
    return e < len(doc) and (doc[e].lower_ in after or two in after)


@lru_cache(maxsize=1)
def _event_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    data = lexicon_data("mentions.json")
    months = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                        "october", "november", "december", "spring", "summer", "autumn", "fall", "winter"})
    return frozenset(data.get("event_cues_before", ())), frozenset(data.get("event_cues_after", ())), months, \
        frozenset(data.get("first_event_words", ()))


def _event_after(doc: Any, c: Candidate, w: NameFormWords) -> tuple[str, ...]:
    """"Thessaly Applied | AI Days 2026": capitalised words right after the name, on its line, run to an event word
    (one that never ends a body's name, or any with a year after it): the name is a cut part of the event's."""
    k = c.end
    while k < len(doc) and k < c.end + 4 and doc[k - 1].whitespace_ == " " and doc[k].text[:1].isupper():
        if doc[k].lower_ in w.events:
            if doc[k].lower_ not in w.year_events or k + 1 < len(doc) and _year(doc[k + 1]):
                return (doc[c.start:c.end].text,)
            return ()
        k += 1
    return ()


def _unit_of(doc: Any, c: Candidate, w: NameFormWords, names: set[str]) -> bool:
    """"SIAC Secretariat", "UNSA Communications": cut to the body the text names elsewhere (False); True when the
    name is only a unit ("Press Office") and names nobody."""
    low = [t.lower_ for t in doc[c.start:c.end]]
    if _press_office_of(doc, c, low, w):
        return True
    unit = next((u for u in w.units if len(u) <= len(low) and tuple(low[-len(u):]) == u), None)
    if unit is None:
        return False
    if len(unit) == len(low):
        return True
    body = doc[c.start:c.end - len(unit)].text
    if body in names and (body.isupper() or any(n == body for n in names if n != doc[c.start:c.end].text)):
        c.end -= len(unit)
        c.canonical = None
    return False


def _press_office_of(doc: Any, c: Candidate, low: list[str], w: NameFormWords) -> bool:
    """"Media contact: Daniel Brennan, Office of University Communications, Susquehanna State University": an office
    of communications or public affairs, then a comma and its body, is that body's press unit ("Office of Regional
    Innovation, a division of ..." stays)."""
    return len(low) >= 3 and low[0] == "office" and low[1] == "of" and low[-1] in w.press_heads \
        and c.end + 1 < len(doc) and doc[c.end].text == "," and doc[c.end + 1].text[:1].isupper()


def _same_line(doc: Any, k: int) -> bool:
    return "\n" not in doc[k - 1].whitespace_ and not doc[k].is_space


def _legal_word(tok: Any, w: NameFormWords) -> bool:
    """A legal form as written: capitalised ("Ltd", "Pvt."), two-letter forms in capitals only ("AS", "AB")."""
    t = tok.text
    if t.lower() not in w.legal or not t[:1].isupper():
        return False
    return len(t.rstrip(".")) > 2 or t.rstrip(".").isupper()


def _legal_tail(doc: Any, end: int, w: NameFormWords) -> int:
    """The end after the legal forms that follow a name on its line (none: ``end``)."""
    n = len(doc)
    k = end
    if k + 1 < n and doc[k].text == "," and _same_line(doc, k + 1) and _legal_word(doc[k + 1], w):
        k += 1
    legal = False
    while k < n and _same_line(doc, k):
        if _legal_word(doc[k], w):
            k, legal = k + 1, True
        elif doc[k].text == "(" and k + 2 < n and _legal_word(doc[k + 1], w) and doc[k + 2].text == ")":
            k, legal = k + 3, True
        elif doc[k].text == "." and not doc[k - 1].whitespace_ and doc[k - 1].text.lower() in w.legal \
                and k + 1 < n and _legal_word(doc[k + 1], w):
            k += 1  # "Pvt" "." "Ltd": the tokeniser split the abbreviation's point
        else:
            break
    return k if legal else end


def _compound_tail(doc: Any, c: Candidate, w: NameFormWords, starts: dict[int, Candidate]) -> None:
    """"... Technology Start" + "-ups": the second part of a hyphenated noun belongs to the name."""
    k = c.end
    if k + 1 < len(doc) and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
            and doc[k + 1].lower_ in w.compound_tails and doc[k - 1].text[:1].isupper() and k + 1 not in starts:
        c.end = k + 2


def _lower_opener(doc: Any, c: Candidate) -> None:
    """"the national | Coconut Research Institute": a lower-case word is no first word of a name."""
    while c.end - c.start > 1 and doc[c.start].is_lower and doc[c.start].is_alpha and len(doc[c.start]) > 3 \
            and doc[c.start + 1].text[:1].isupper():
        c.start += 1


def _title_run(doc: Any, k: int, step: int, limit: int) -> int:
    """The last index of title-case words from ``k`` in direction ``step`` (at most ``limit`` words)."""
    j = k
    while 0 <= j + step < len(doc) and abs(j + step - k) < limit and (
            doc[j + step].text[:1].isupper() and doc[j + step].is_alpha and not doc[j + step].is_stop
            or doc[j + step].text == "-" and not doc[j + step].whitespace_ and not doc[j + step - 1].whitespace_) and (
            _same_line(doc, j + step) if step > 0 else _same_line(doc, j)):
        j += step
    return j


def _group_possessives(doc: Any, cands: list[Candidate], env: Env, w: NameFormWords) -> list[Candidate]:
    """"Koshi Women's Digital Cooperative", "Sialkot Exporters' Welfare Trust", "X Marshal's Office": one name."""
    possessive = env.words.possessive
    for p in range(1, len(doc) - 1):
        if doc[p].text not in possessive or not doc[p + 1].text[:1].isupper() or not _same_line(doc, p + 1):
            continue
        owner = doc[p - 1]
        low = owner.lower_
        office = low in w.offices
        if not (owner.text[:1].isupper() and (low in w.groups or office)):
            continue
        left = _title_run(doc, p - 1, -1, 4)
        if office and left == p - 1:
            continue  # "the Governor's Office" names no one body by itself
        right = _title_run(doc, p + 1, 1, 6) + 1
        inside = [c for c in cands if c.start < right and c.end > left]
        if any(c.entry is not None or c.start < left or c.end > right for c in inside):
            continue
        typ = env.typer.type_of_name([t.text for t in doc[left:right]])
        if typ not in ORG_OR_PROGRAMME:
            continue
        cands = [c for c in cands if c not in inside] + [Candidate(left, right, typ, "rule", label="ORG")]
    return sorted(cands, key=lambda c: (c.start, c.end))


def _joined_pair(doc: Any, cands: list[Candidate], env: Env) -> list[Candidate]:
    """"the Black Sea and Caspian Universities Network": one body, not a place and a network."""
    out = list(cands)
    for b in cands:
        if b.entry is not None or b.type not in ("Institute", "Agency") or b.start < 4 or doc[b.start - 1].lower_ != "and":
            continue
        plural = [t for t in doc[b.start:b.end] if t.text[:1].isupper() and t.lower_.endswith(("ies", "s"))
                  and t.lower_ not in env.lex.company_last and len(t) > 4]
        if not plural:
            continue
        a_end = b.start - 1
        a_start = _title_run(doc, a_end - 1, -1, 3) if doc[a_end - 1].text[:1].isupper() else a_end
        if a_start >= a_end or a_start < 1 or doc[a_start - 1].lower_ != "the":
            continue
        left = [c for c in out if c.start < a_end and c.end > a_start]
        if any(c.entry is not None or c.start < a_start or c.type not in ("Cluster", env.lex.default_org) for c in left):
            continue
        if env.typer.type_of_name([t.text for t in doc[a_start:a_end]]) is not None:
            continue
        out = [c for c in out if c not in left]
        b.start = a_start
    return sorted(out, key=lambda c: (c.start, c.end))
