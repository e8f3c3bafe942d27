"""Typed mentions from a spaCy Doc that went through the entity pass (ruler + ner).

The NER gives spans with OntoNotes labels; the gazetteer ruler gives spans already labelled
with our types. This module cleans the spans ("The", possessive "'s", titles), splits
"Toronto's Vector Institute", types unknown names by their head words (lexicon data), keeps a
place only when the text treats it as a hub or an organisation's location, finds programme
and organisation names the NER missed, acronyms defined in brackets and reused later,
appositions ("Mila, the Quebec AI Institute,") and anaphors ("the company", "we").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aikg.core.ids import clean_surface
from aikg.ingest.nlp.gazetteer import Gazetteer, GazetteerEntry
from aikg.ingest.nlp.lexicon import Lexicon
from aikg.ingest.nlp.records import MentionFact

ORG_TYPES = ("Institute", "Company", "Agency")
POSSESSIVE = {"'s", "’s", "'", "’"}
ARTICLES = {"the", "a", "an"}
NAME_CONNECTORS = {"of", "for", "and", "&", "de", "la", "du", "des", "on", "und", "für", "d'", "the", "-", "–"}
DASHES = {"-", "–", "—"}
ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z0-9][A-Za-z0-9*&.\-!/]{1,11}$|^[A-Z][a-z]{2,5}$")
ACRONYM_HEAD = re.compile(r"^[A-Z]{2,5}$")
QUOTES = {'"', "“", "”"}
# what a description says an organisation is ("Skyscanner, the Edinburgh-based travel search company,")
DESCRIPTION_TYPES = {
    **{w: "Company" for w in ("company", "companies", "firm", "startup", "start-up", "developer", "maker", "manufacturer",
                              "provider", "supplier", "vendor", "investor", "lender", "bank", "insurer", "retailer",
                              "chipmaker", "carmaker", "conglomerate", "subsidiary", "consultancy", "publisher",
                              "spin-out", "spinout", "spin-off", "scale-up", "scaleup", "unicorn")},
    **{w: "Institute" for w in ("university", "institute", "centre", "center", "lab", "laboratory", "foundation",
                                "non-profit", "nonprofit", "charity", "consortium", "alliance", "coalition", "college",
                                "academy", "society", "hospital", "observatory")},
    **{w: "Agency" for w in ("agency", "ministry", "regulator", "authority", "department", "directorate", "commission")},
    **{w: "Programme" for w in ("programme", "program", "initiative", "scheme", "strategy")},
}
#: nouns after a name that make it a product, not an organisation ("the Helios supercomputer")
PRODUCT_NOUNS = {"supercomputer", "model", "models", "chip", "chips", "platform", "app", "chatbot", "assistant",
                 "processor", "dataset", "robot", "compiler", "engine", "smartphone", "satellite"}
#: "its Taylor fabrication plant", "whose Eindhoven campus": a site of an organisation
SITE_NOUNS = {"office", "offices", "campus", "headquarters", "site", "plant", "facility", "factory", "fab", "hub",
              "lab", "laboratory", "centre", "center", "outpost", "branch", "operations", "studio", "base"}
#: a nationality + "AI" before these is a description ("the Polish AI ecosystem"), not a name
SCENE_NOUNS = {"ecosystem", "corridor", "sector", "scene", "community", "cluster", "hub", "landscape", "industry",
               "market", "strategy", "policy", "talent", "startups", "start-ups", "companies", "research", "boom"}
PARTICIPLE_STOPS = {"set", "founded", "launched", "created", "established", "run", "led", "owned", "operated", "funded",
                    "backed", "spun", "formed", "built", "named", "known", "called", "located", "headquartered", "based",
                    "is", "was", "has", "had", "will", "acquired", "bought", "now", "since"}
DESCRIPTION_STOPS = {",", ".", ";", ":", "(", ")", "that", "which", "who", "whose", "with", "in", "of", "at", "for",
                     "on", "from", "by", "and", "or", "-", "–", "—", "to", "since", "where", "'s", "’s"}


@dataclass
class Span:
    """A mention under construction, in token offsets of the spaCy doc."""

    start: int
    end: int
    type: str
    source: str
    label: str | None = None
    entry: GazetteerEntry | None = None
    acronym_of: str | None = None
    canonical: str | None = None
    coref: "Span | None" = None  # the mention this one stands for
    place: bool = False  # a place still waiting for context
    ctx_typed: bool = False  # typed by what the text says about it ("X, the ... company")


@dataclass
class DocContext:
    """Per-document state shared by the chunks of one document."""

    acronyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # acronym -> (type, expansion)
    self_name: str | None = None
    self_type: str | None = None


def _is_name_token(tok: Any) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or t[0].isdigit() or t in {"&", "!"} or (t[0] == "i" and len(t) > 1 and t[1].isupper()))


class EntityFinder:
    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.gaz = gazetteer
        self.lex = lexicon
        self._name_types: dict[tuple[str, ...], str | None] = {}
        self._titles = frozenset(t.rstrip(".") for t in lexicon.person_titles)

    # ------------------------------------------------------------------ typing
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

    def _type_of_name(self, words: list[str]) -> str | None:
        if not words:
            return None
        low = [w.lower().strip(".,") for w in words]
        last = low[-1]
        joined = " ".join(low)
        if last in self.lex.company_legal or (len(low) > 1 and low[-2] in self.lex.company_legal and last in {".", ","}):
            return "Company"
        if last in self.lex.programme_last:
            return "Programme"
        if low[0] in self.lex.agency_first or last in self.lex.agency_last:
            return "Agency"
        if any(w in self.lex.agency_first and nxt in ("of", "for", "on") for w, nxt in zip(low, low[1:])):
            return "Agency"  # "Pennsylvania Department of ...", "State Ministry for ..."
        if any(joined.endswith(e) for e in self.lex.agency_endings):
            return "Agency"
        if low[0] == "government" or (len(low) > 1 and low[-1] == "government"):
            return "Agency"
        # the head of "X of/for Y" is the word before the connector: "National Strategy for Data and AI"
        head = next((low[k - 1] for k in range(1, len(low)) if low[k] in ("of", "for") and k > 0), None)
        if head in self.lex.programme_last:
            return "Programme"
        if head is not None:
            k = next(k for k in range(1, len(low)) if low[k] in ("of", "for"))
            if any(" ".join(low[:k]).endswith(e) for e in self.lex.agency_endings):
                return "Agency"  # "Research Council of Finland"
        if any(w in self.lex.institute_words for w in low):
            return "Institute"
        if last in self.lex.company_last:
            return "Company"
        return None

    def type_of_span(self, doc: Any, start: int, end: int, label: str) -> str | None:
        words = [t.text for t in doc[start:end]]
        kind = self.lex.ner_map.get(label)
        cue = self.type_of_name(words)
        if kind == "person":
            if cue in ("Institute", "Agency", "Programme") and len(words) > 1:
                return cue
            if len(words) > 1 and (words[-1].lower() in self.lex.company_last or words[-1].lower() in self.lex.company_legal):
                return "Company"  # "Lumora Labs" read as a person
            return "Person"
        if kind == "org":
            return cue or self.lex.default_org
        if kind in ("place", "fac"):
            if cue and cue != "Company":
                return cue
            return "Cluster"
        if kind == "head-only":
            return cue if cue in ORG_TYPES + ("Programme",) and len(words) > 1 else None
        if kind == "programme-only":
            return "Programme" if cue == "Programme" else None
        if kind == "programme-or-law":
            return "Programme" if cue == "Programme" or words[-1].lower() in self.lex.law_last else None
        return None

    # ------------------------------------------------------------------ main
    def find(self, doc: Any, base: int, ctx: DocContext) -> list[MentionFact]:
        spans = self._initial_spans(doc)
        spans = self._merge_adjacent(doc, spans)
        spans = self._add_name_runs(doc, spans)
        spans = self._acronyms(doc, spans, ctx)
        spans = self._drop_headings(doc, spans)
        spans = self._short_forms(doc, spans)
        self._harmonise_names(doc, spans)
        spans = self._place_context(doc, spans)
        spans.sort(key=lambda s: (s.start, s.end))
        self._harmonise_lists(doc, spans)
        self._appositions(doc, spans)
        spans = self._anaphors(doc, spans, ctx)
        spans.sort(key=lambda s: (s.start, s.end))
        return self._to_facts(doc, spans, base)

    # initial spans from the ruler and the NER, cleaned and split
    def _initial_spans(self, doc: Any) -> list[Span]:
        out: list[Span] = []
        # words of full personal names ("Wanjiru Kamau"): a lone "Kamau" is that person, a lone "Klarna" is not
        person_words: set[str] = set()
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "Person") and len(ent) >= 2 and all(t.text[:1].isupper() for t in ent):
                person_words.update(t.text for t in ent)
        nationalities = {e.text for e in doc.ents if e.label_ == "NORP"}
        for ent in doc.ents:
            start, end, label = ent.start, ent.end, ent.label_
            while start < end and doc[start].lower_ in self.lex.leading_determiners:
                start += 1
            while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_space or doc[end - 1].lower_ in ARTICLES
                                   or doc[end - 1].is_punct and doc[end - 1].text not in {".", "!"}):
                end -= 1
            if end > start and doc[end - 1].text == "." and label != "ORG" and not doc[end - 2].text.isupper() if end - start > 1 else False:
                end -= 1
            if start >= end:
                continue
            if label in ("Institute", "Company", "Agency", "Programme", "Person", "Cluster"):
                entry = self.gaz.by_name.get(ent.ent_id_) or self.gaz.lookup(doc[start:end].text)
                if ent.end < len(doc) and doc[ent.end].text in self.lex.gaz_blockers:
                    continue  # "the Turing Award" is not the Turing
                sp = Span(start, end, label, "gazetteer", label=label, entry=entry)
                sp.place = label == "Cluster" and not (entry is not None and entry.is_metro)
                out.append(sp)
                continue
            # a dateline glued to a name ("PITTSBURGH - Carrow Dynamics") or a span across a line break
            for k in range(end - 2, start, -1):
                if (doc[k].text in DASHES and doc[k - 1].whitespace_ and doc[k].whitespace_) or (
                        doc[k].is_space and "\n" in doc[k].text) or "\n" in doc[k - 1].whitespace_:
                    start = k + 1 if doc[k].text in DASHES or doc[k].is_space else k
                    break
            while start < end and (doc[start].is_space or doc[start].text in DASHES):
                start += 1
            if start >= end:
                continue
            titles = self._titles
            if label in ("PERSON", "ORG") and doc[start].lower_.rstrip(".") in titles and end - start >= 3 and all(
                    t.text[:1].isupper() for t in doc[start + 1:end]) and not self.type_of_name([t.text for t in doc[start + 1:end]]):
                label = "PERSON"  # "Minister Fabian Mehring"
            if label == "PERSON":
                while start < end - 1 and doc[start].lower_.rstrip(".") in titles:
                    start += 1
            # possessive inside the span: "Toronto's Vector Institute"
            split = next((i for i in range(start + 1, end - 1) if doc[i].text in POSSESSIVE), None)
            if split is not None and not (self.gaz.lookup(doc[start:split].text) or self.type_of_name([t.text for t in doc[split + 1:end]])):
                split = None  # "King's Cross" is one name
            if split is not None:
                left = doc[start:split]
                entry = self.gaz.lookup(left.text)
                ltype = entry.type if entry else ("Cluster" if label in ("GPE", "LOC", "FAC") else self.type_of_span(doc, start, split, "ORG"))
                if ltype:
                    ls = Span(start, split, ltype, "rule", label=label, entry=entry)
                    ls.place = ltype == "Cluster" and not (entry and entry.is_metro)
                    out.append(ls)
                start = split + 1
                if start >= end:
                    continue
            if start >= 2 and doc[start - 1].lower_ in ("of", "for") and doc[start - 2].lower_.rstrip(".") in (
                    "minister", "secretary", "commissioner") and not self.type_of_name([t.text for t in doc[start:end]]):
                continue  # "Minister of State for Artificial Intelligence": a portfolio
            if label == "ORG" and start >= 2 and doc[start - 1].lower_ in ("in", "near") and doc[start - 2].lower_ in (
                    "located", "based", "headquartered", "situated") and not self.type_of_name([t.text for t in doc[start:end]]):
                label = "GPE"  # "KAUST, located in Thuwal"
            if label == "ORG" and end - start in (2, 3) and not self.type_of_name([t.text for t in doc[start:end]]) \
                    and (self._role_apposition(doc, end) or self._speaker(doc, start, end)):
                label = "PERSON"  # "Demis Hassabis, the chief executive of ..."
            n = len(doc)
            if label == "PERSON" and end < n and doc[end].text.istitle() and doc[end].is_alpha and not doc[end].is_sent_start \
                    and doc[end - 1].whitespace_ == " " and not doc[end].ent_type_ and not self.type_of_name([doc[end].text]):
                end += 1  # "Dr. Kate Morrow" with only "Kate" found
            if label in ("ORG", "PERSON", "PRODUCT", "NORP", "FAC") and end + 1 < n and doc[end].text in {"-", "–"} \
                    and doc[end + 1].lower_ in {"based", "headquartered"} and not self.type_of_name([t.text for t in doc[start:end]]):
                label = "GPE"  # "Wrocław-based": a place
            if label in ("ORG", "GPE") and end - start == 1 and doc[start].text in person_words:
                label = "PERSON"  # "Kamau" after "Wanjiru Kamau"
            if label == "ORG" and end - start == 2 and doc[end - 1].text == "AI" and doc[start].text in nationalities \
                    and end < n and doc[end].lower_ in SCENE_NOUNS:
                continue  # "the Polish AI ecosystem"
            typ = self.type_of_span(doc, start, end, label)
            ctx_type = self._context_type(doc, start, end, label, typ)
            if ctx_type == "drop":
                continue
            if ctx_type is None and label == "PERSON" and end - start == 1 and doc[start].text not in person_words \
                    and not (start > 0 and doc[start - 1].lower_.rstrip(".") in titles) and not self._speaker(doc, start, end):
                # a one-word "person" that is nobody's name in this text: a place or a firm
                if end + 1 < n and doc[end].text in POSSESSIVE and doc[end + 1].text[:1].isupper() or self._site_of(doc, start, end):
                    ctx_type = "Cluster"  # "Rotterdam's Kanaal Capital", "its Taylor fabrication plant"
                elif start == 0 or doc[start - 1].lower_ not in ("said", "says", "told"):
                    ctx_type = self.lex.default_org
            if ctx_type is not None:
                typ = ctx_type
            if typ is None:
                continue
            if typ != "Person" and self._generic(doc, start, end) and not self.gaz.lookup(doc[start:end].text):
                continue  # "a new AI Research Institute"
            text = doc[start:end].text
            if not any(c.isupper() for c in text) or len(text) < 2 or text.lower() in self.lex.ner_stop:
                continue
            if doc[start].lower_ in self.lex.ner_stop and end - start <= 2 and any(t.like_num or len(t.text) <= 2 for t in doc[start + 1:end]):
                continue  # "Section 3", "Item 1A"
            if " " not in text and "-" in text and text.split("-")[-1][:1].islower():
                continue  # "AI-bio", "AI-enabled"
            entry = self.gaz.lookup(text)
            if entry is not None:
                sp = Span(start, end, entry.type, "gazetteer", label=label, entry=entry)
                sp.place = entry.type == "Cluster" and not entry.is_metro
            else:
                sp = Span(start, end, typ, "ner", label=label)
                sp.place = typ == "Cluster"
                sp.ctx_typed = ctx_type is not None
            out.append(sp)
        return out

    @staticmethod
    def _site_of(doc: Any, start: int, end: int) -> bool:
        """"its Taylor fabrication plant", "whose Eindhoven campus": the name is where an organisation has a site."""
        if start == 0 or doc[start - 1].lower_ not in ("its", "whose", "their"):
            return False
        for k in range(end, min(len(doc), end + 3)):
            if doc[k].lower_ in SITE_NOUNS:
                return True
            if not doc[k].is_lower:
                return False
        return False

    def _description_head(self, doc: Any, k: int) -> str | None:
        """Head noun of a description starting at token ``k`` ("the Cary-based analytics company" -> "company")."""
        head = None
        n = len(doc)
        stop = min(n, k + 10)
        while k < stop:
            tok = doc[k]
            low = tok.lower_
            if low in POSSESSIVE:
                head = None  # "the University of Edinburgh's supercomputing centre": the possessor is not the head
                k += 1
                continue
            if low in ("of", "for", "and", "&") and head is None and doc[k - 1].text[:1].isupper() and k + 1 < n \
                    and doc[k + 1].text[:1].isupper():
                k += 1  # inside a name ("the University of Edinburgh's ...")
                continue
            if low in DESCRIPTION_STOPS and not (low == "-" and not doc[k - 1].whitespace_):
                break
            if low in PARTICIPLE_STOPS and doc[k - 1].whitespace_:
                break  # "the research centre set up by ..."
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

    def _context_type(self, doc: Any, start: int, end: int, label: str, typ: str | None) -> str | None:
        """What the text says the name is: a description after it or a noun right behind it (None: nothing said)."""
        n = len(doc)
        words = [t.text for t in doc[start:end]]
        cue = self.type_of_name(words)
        nxt = doc[end] if end < n else None
        if start >= 2 and doc[start - 1].lower_ in ("based", "backed", "headquartered") and doc[start - 2].text in DASHES \
                and label in ("PRODUCT", "PERSON", "NORP", "WORK_OF_ART", "ORG") and typ in (None, "Person"):
            return self.lex.default_org  # "Amsterdam-based Adyen"
        if label == "ORG" and end - start == 1 and cue is None and start > 0 and doc[start - 1].lower_ in ("a", "an") \
                and nxt is not None and DESCRIPTION_TYPES.get(self._description_head(doc, end) or "") == "Company":
            return "Cluster"  # "a Dundee start-up": where the firm is
        if nxt is not None and nxt.is_lower and nxt.lower_ in PRODUCT_NOUNS and label not in ("PERSON",):
            return "drop"  # "the Helios supercomputer"
        if nxt is not None and nxt.is_lower and nxt.lower_ in ("programme", "program", "initiative", "scheme") \
                and start > 0 and doc[start - 1].lower_ == "the":
            return "Programme"  # "the AiNed programme"
        if cue is None and start > 0 and doc[start - 1].lower_ == "the" and label == "ORG":
            for k in range(end, min(n, end + 2)):
                if not doc[k].is_lower:
                    break
                if doc[k].lower_ in ("centre", "center", "institute", "lab", "laboratory"):
                    return "Institute"  # "the @iLabAfrica research centre"
        if end + 2 < n and doc[end].text == "," and doc[end + 1].lower_ in ARTICLES:
            head = self._description_head(doc, end + 2)
            said = DESCRIPTION_TYPES.get(head or "")
            if said is None:
                return None
            if said == "Company" and (typ in (None, "Person", "Cluster", "Company") or cue == "Institute"):
                return said  # "SAS Institute, the Cary-based analytics company"
            if said != "Company" and (typ in (None, "Person", "Cluster") or (typ == "Company" and cue is None)):
                return said  # "Vinnova, the Swedish innovation agency", "EPCC, the university's supercomputing centre"
        return None

    def _merge_adjacent(self, doc: Any, spans: list[Span]) -> list[Span]:
        """Join a place glued to an unknown organisation name: "Singapore Airlines", "HEC Paris"."""
        spans = sorted(spans, key=lambda s: s.start)
        out: list[Span] = []
        i = 0
        while i < len(spans):
            a = spans[i]
            if i + 1 < len(spans):
                b = spans[i + 1]
                if a.end == b.start and doc[a.end - 1].whitespace_ and (
                    (a.type == "Cluster" and b.source == "ner" and b.type in ORG_TYPES + ("Programme",) and b.label == "ORG")
                    or (b.type == "Cluster" and a.source == "ner" and a.label == "ORG"
                        and (a.end - a.start == 1 or doc[a.end - 1].lower_ in NAME_CONNECTORS
                             or doc[a.end - 1].lower_ in self.lex.institute_words))
                ):
                    words = [t.text for t in doc[a.start:b.end]]
                    typ = self.type_of_name(words) or (b.type if b.type != "Cluster" else a.type)
                    out.append(Span(a.start, b.end, typ, "rule", label="ORG"))
                    i += 2
                    continue
                if a.end == b.start and b.type == "Cluster" and a.source != "gazetteer" and a.type in ORG_TYPES \
                        and b.end < len(doc) and doc[b.end].lower_.strip(".,") in self.lex.company_legal:
                    # "Pinecrest Analytics Ireland Limited": a national subsidiary
                    out.append(Span(a.start, b.end + 1, "Company", "rule", label="ORG"))
                    i += 2
                    continue
            out.append(a)
            i += 1
        return out

    def _add_name_runs(self, doc: Any, spans: list[Span]) -> list[Span]:
        """Capitalised phrases ending in a head word (programme, institute, agency) the NER missed."""
        taken = [None] * len(doc)
        for k, s in enumerate(spans):
            for i in range(s.start, s.end):
                taken[i] = k
        runs: list[tuple[int, int]] = []
        i = 0
        n = len(doc)
        while i < n:
            if _is_name_token(doc[i]) and not doc[i].is_sent_start or (_is_name_token(doc[i]) and doc[i].is_sent_start and doc[i].lower_ not in ARTICLES):
                j = i
                while j < n and (_is_name_token(doc[j]) or (j > i and self._connector_ok(doc, j))):
                    if doc[j].text in QUOTES or doc[j].text in {"(", ")"}:
                        break
                    if doc[j].text == ",":
                        if not self._comma_in_name(doc, i, j):
                            break
                    if doc[j].lower_ == "and" and self._list_and(doc, spans, taken, j):
                        break  # "Université de Montréal and McGill University" is a list
                    j += 1
                if j - i >= 2:
                    runs.append((i, j))
                i = max(j, i + 1)
            else:
                i += 1
        new: list[Span] = []
        drop: set[int] = set()
        titles = {t.rstrip(".") for t in self.lex.person_titles}
        for start, end in runs:
            for k in range(end - 1, start, -1):
                if doc[k].text in DASHES and doc[k - 1].whitespace_ and doc[k].whitespace_:
                    start = k + 1  # "10 January 2026 - The Bavarian State Ministry ..."
                    break
            while start < end and (doc[start].lower_ in self.lex.leading_determiners | NAME_CONNECTORS or doc[start].like_num):
                start += 1
            if start < end and doc[start].lower_.rstrip(".") in titles:
                continue  # "Minister Fabian Mehring" is a person
            while end > start and doc[end - 1].lower_ in NAME_CONNECTORS | POSSESSIVE:
                end -= 1
            if end - start < 2:
                continue
            # a possessive place in front belongs to the context, not the name
            words = [t.text for t in doc[start:end]]
            typ = self.type_of_name(words)
            if typ == "Company" and not (words[-1].lower() in self.lex.company_run_last
                                         and words[0].lower() not in self.lex.generic_modifiers and len(words) <= 4):
                continue
            if typ not in ("Programme", "Institute", "Agency", "Company"):
                continue
            if typ == "Institute" and words[-1].lower() not in self.lex.institute_words and not any(
                w.lower() in {"university", "institute", "college", "school", "centre", "center", "laboratory", "academy", "foundation", "society"} for w in words
            ):
                continue
            if self._generic(doc, start, end):
                continue  # "a new AI Research Institute" names no particular body
            covered = {taken[i] for i in range(start, end) if taken[i] is not None}
            if any(spans[k].ctx_typed and (spans[k].start, spans[k].end) == (start, end) for k in covered):
                continue  # the text says what it is ("SAS Institute, the ... analytics company")
            if end < len(doc) and doc[end].lower_ in ("programme", "program", "initiative", "scheme") and doc[start - 1].lower_ == "the":
                typ = "Programme"  # "the Delft AI Labs programme"
            if any(spans[k].source == "gazetteer" and spans[k].type != "Cluster"
                   and not (spans[k].start == start and spans[k].end < end and spans[k].type == typ
                            and all(t.text[:1].isupper() for t in doc[spans[k].end:end]))
                   for k in covered):
                continue  # the gazetteer wins, unless the text names something longer ("... and Information Technology")
            if any(spans[k].start < start or spans[k].end > end for k in covered):
                # partial overlap with a longer NER span: keep the NER span
                continue
            if any(spans[k].source == "gazetteer" and spans[k].type != "Cluster" for k in covered):
                if len(covered) == 1 and (spans[next(iter(covered))].start, spans[next(iter(covered))].end) == (start, end):
                    continue
            # a gazetteer place inside ("Paris Artificial Intelligence Research Institute") is part of the name
            drop |= covered
            entry = self.gaz.lookup(doc[start:end].text)
            if entry is not None:
                new.append(Span(start, end, entry.type, "gazetteer", entry=entry))
            else:
                new.append(Span(start, end, typ, "rule"))
        return [s for k, s in enumerate(spans) if k not in drop] + new

    def _acronyms(self, doc: Any, spans: list[Span], ctx: DocContext) -> list[Span]:
        by_start = {s.start: s for s in spans}
        by_end = {s.end: s for s in spans}
        out = list(spans)
        # definitions: NAME ( ACR )
        two_word: dict[tuple[str, str], tuple[str, str]] = {}
        for tok in doc:
            if tok.text == "(" and tok.i + 3 < len(doc) and doc[tok.i + 3].text == ")" and ACRONYM_HEAD.match(doc[tok.i + 1].text) \
                    and doc[tok.i + 2].text[:1].isupper() and doc[tok.i + 2].is_alpha and tok.i in by_end \
                    and by_end[tok.i].type in ORG_TYPES + ("Programme",):
                # "North Carolina State University (NC State)", "Delft University of Technology (TU Delft)"
                long_span = by_end[tok.i]
                key = (doc[tok.i + 1].text, doc[tok.i + 2].text)
                two_word.setdefault(key, (long_span.type, self._canonical_of(doc, long_span)))
                continue
            if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
                continue
            acr = doc[tok.i + 1]
            if not ACRONYM.match(acr.text) or acr.text.lower() in {"the", "and"}:
                continue
            long_span = by_end.get(tok.i)
            if long_span is None:
                long_span = self._expansion_from_letters(doc, tok.i, acr.text)
                if long_span is None:
                    continue
                out.append(long_span)
                by_end[long_span.end] = long_span
            if long_span.type in ("Person", "Cluster"):
                continue
            inner0 = by_start.get(acr.i)
            if long_span.entry is None and inner0 is not None and inner0.entry is not None and inner0.entry.type == long_span.type:
                long_span.entry = inner0.entry
            long_text = self._canonical_of(doc, long_span)
            ctx.acronyms.setdefault(acr.text, (long_span.type, long_text))
            inner = by_start.get(acr.i)
            if inner is not None:
                inner.type = long_span.type
                inner.acronym_of = long_text
                inner.place = False
            else:
                sp = Span(acr.i, acr.i + 1, long_span.type, "rule", acronym_of=long_text)
                out.append(sp)
                by_start[acr.i] = sp
        if two_word:
            for tok in doc[:-1]:
                hit = two_word.get((tok.text, doc[tok.i + 1].text))
                if hit is None:
                    continue
                for s in [s for s in out if s.start <= tok.i + 1 and s.end > tok.i and (s.start, s.end) != (tok.i, tok.i + 2)]:
                    if s.start >= tok.i and s.end <= tok.i + 2:
                        out.remove(s)
                if not any(s.start < tok.i + 2 and s.end > tok.i for s in out):
                    out.append(Span(tok.i, tok.i + 2, hit[0], "rule", acronym_of=hit[1]))
                else:
                    for s in out:
                        if (s.start, s.end) == (tok.i, tok.i + 2):
                            s.type, s.acronym_of, s.place = hit[0], hit[1], False
        if not ctx.acronyms:
            return out
        taken = set()
        for s in out:
            taken.update(range(s.start, s.end))
        for tok in doc:
            hit = ctx.acronyms.get(tok.text)
            if hit is None:
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if prev is not None and ACRONYM_HEAD.match(prev.text) and prev.whitespace_ == " " and prev.text not in ctx.acronyms \
                    and not (tok.i - 1 in taken and not any(s.start == tok.i - 1 and s.end <= tok.i + 1 for s in out)):
                # "IDEAS NCBR" is a longer name that holds the acronym, not the acronym's body
                for s in [s for s in out if s.start >= tok.i - 1 and s.end <= tok.i + 1]:
                    out.remove(s)
                typ = self._context_type(doc, tok.i - 1, tok.i + 1, "ORG", None) or self.lex.default_org
                if typ != "drop":
                    out.append(Span(tok.i - 1, tok.i + 1, typ, "rule", label="ORG"))
                taken.update((tok.i - 1, tok.i))
                continue
            sp = by_start.get(tok.i)
            if sp is not None and sp.end == tok.i + 1:
                sp.type, sp.acronym_of, sp.place = hit[0], hit[1], False
                continue
            if tok.i in taken:
                continue
            out.append(Span(tok.i, tok.i + 1, hit[0], "rule", acronym_of=hit[1]))
            taken.add(tok.i)
        return out

    def _generic(self, doc: Any, start: int, end: int) -> bool:
        """Generic words only, introduced as a description ("a new AI Research Institute")."""
        if not all(t.lower_ in self.lex.generic_name_words for t in doc[start:end]):
            return False
        prev = doc[start - 1].lower_ if start > 0 else ""
        return prev in {"a", "an", "new", "another", "its", "their", "our", "his", "her"}

    @staticmethod
    def _speaker(doc: Any, start: int, end: int) -> bool:
        """"said Jane Doe", "Jane Doe said": a quoted speaker is a person."""
        before = doc[start - 1].lower_ if start > 0 else ""
        after = doc[end].lower_ if end < len(doc) else ""
        return before in ("said", "says", "added") or after in ("said", "says", "added", "told")

    def _role_apposition(self, doc: Any, end: int) -> bool:
        """", the chief executive of", ", a professor at": what follows a person's name."""
        if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in ARTICLES:
            return False
        return any(t.lower_ in self.lex.role_nouns for t in doc[end + 2:min(len(doc), end + 6)])

    @staticmethod
    def _connector_ok(doc: Any, j: int) -> bool:
        """"of", "for the", "&" inside a name, followed by a capitalised word."""
        n = len(doc)
        if doc[j].text == ",":
            return j + 1 < n and _is_name_token(doc[j + 1]) and doc[j + 1].text[:1].isalpha()
        if doc[j].lower_ not in NAME_CONNECTORS:
            return False
        k = j + 1
        if k < n and doc[k].lower_ == "the" and doc[j].lower_ != "the":
            k += 1
        return k < n and _is_name_token(doc[k]) and doc[k].text[:1].isalpha()

    def _comma_in_name(self, doc: Any, i: int, j: int) -> bool:
        """"Department for Science, Innovation and Technology": a comma inside an agency name."""
        words = [t.lower_ for t in doc[i:j]]
        if not any(w in self.lex.agency_first and nxt in ("of", "for") for w, nxt in zip(words, words[1:])):
            return False
        k = j + 1
        while k < len(doc) and k < j + 6 and (_is_name_token(doc[k]) or doc[k].text == ","):
            k += 1
        return k < len(doc) and doc[k].lower_ == "and"

    def _list_and(self, doc: Any, spans: list[Span], taken: list, j: int) -> bool:
        heads = self.lex.institute_words | self.lex.agency_last | self.lex.programme_last
        k = taken[j - 1]
        if doc[j - 1].lower_ in heads or (k is not None and spans[k].end == j and spans[k].source == "gazetteer"):
            return True
        k = taken[j + 1] if j + 1 < len(doc) else None
        if k is not None and spans[k].start == j + 1 and (
            spans[k].source == "gazetteer" or doc[spans[k].end - 1].lower_ in heads
        ):
            return True
        k = taken[j - 1]
        if k is not None and spans[k].end == j and spans[k].type in ORG_TYPES and doc[j + 1].lower_ == "the" \
                and self.type_of_name([t.text for t in doc[spans[k].start:spans[k].end]]) is not None:
            # "University of Warsaw and the Warsaw University of Technology": two named bodies
            m = j + 2
            while m < len(doc) and (_is_name_token(doc[m]) or doc[m].lower_ in ("of", "for", "and")):
                if doc[m].lower_ in self.lex.institute_words or doc[m].lower_ in self.lex.agency_first:
                    return True
                m += 1
        return False

    def _drop_headings(self, doc: Any, spans: list[Span]) -> list[Span]:
        """A name found by NER or rule that fills a whole line is a heading ("Research Collaborations")."""
        text = doc.text
        out = []
        for s in spans:
            if s.source not in ("gazetteer",) and s.acronym_of is None:
                a, b = doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1].text)
                line_start = text.rfind("\n", 0, a) + 1
                line_end = text.find("\n", b)
                line_end = len(text) if line_end < 0 else line_end
                if text[line_start:a].strip() in ("", "The", "the") and text[b:line_end].strip(" :.") == "":
                    continue
            out.append(s)
        return out

    def _short_forms(self, doc: Any, spans: list[Span]) -> list[Span]:
        """"Quillmark" after "Quillmark Systems, Inc.", "Vector" after "Vector Institute", "Sadeem" after "Sadeem Analytics"."""
        short: dict[str, Span] = {}
        person_words = {t.text for s in spans if s.type == "Person" and s.end - s.start > 1 for t in doc[s.start:s.end]}
        heads = self.lex.institute_words | self.lex.agency_first | self.lex.programme_last
        not_names = {e.text for e in doc.ents if e.label_ in ("NORP", "LANGUAGE", "DATE")}
        for s in spans:
            if s.type not in ORG_TYPES or s.end - s.start < 2 or s.acronym_of:
                continue
            first = doc[s.start]
            t = first.text
            if (len(t) < 4 or not t[0].isupper() or t.isupper() or t.lower() in heads or t in not_names
                    or t in person_words or self.gaz.lookup(t) is not None or first.is_stop or t.lower() in ARTICLES):
                continue
            if doc[s.start + 1].text in {"-", "’s", "'s"}:
                continue
            short.setdefault(t, s)
        taken = set()
        for s in spans:
            taken.update(range(s.start, s.end))
        out = list(spans)
        # the same name again where the NER missed it
        full: dict[tuple[str, ...], Span] = {}
        for s in spans:
            if s.type != "Cluster" and s.source != "anaphor" and s.acronym_of is None and doc[s.start].text[:1].isupper():
                full.setdefault(tuple(t.text for t in doc[s.start:s.end]), s)
        if full:
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for key in sorted(full, key=len, reverse=True):
                by_first.setdefault(key[0], []).append(key)
            words = [t.text for t in doc]
            for i, w in enumerate(words):
                cands = by_first.get(w)
                if not cands:
                    continue
                for key in cands:
                    n = len(key)
                    s = full[key] if tuple(words[i:i + n]) == key else None
                    if s is None:
                        continue
                    inside = [o for o in out if o.start < i + n and o.end > i]
                    if any((o.start, o.end) == (i, i + n) for o in inside):
                        continue  # found here already: its own reading stands (types are reconciled later)
                    # a partial NER reading inside the name ("Quantum" in "Helix Quantum") gives way
                    if any(o.source == "gazetteer" or o.start < i or o.end > i + n for o in inside) or (
                            inside and n == 1):
                        continue
                    for o in inside:
                        out.remove(o)
                    out.append(Span(i, i + n, s.type, s.source if s.source == "gazetteer" else "rule", entry=s.entry,
                                    label=s.label, canonical=self._canonical_of(doc, s)))
                    taken.update(range(i, i + n))
                    break
        if not short:
            return out
        for sp in out:  # "Foghorn" read as a person where "Foghorn Capital" is named
            if sp.source == "ner" and sp.end - sp.start == 1 and doc[sp.start].text in short \
                    and (sp.type == "Person" or sp.type in ORG_TYPES and doc[sp.start].text not in person_words):
                host = short[doc[sp.start].text]
                sp.type, sp.source, sp.entry, sp.canonical = host.type, "rule", host.entry, self._canonical_of(doc, host)
        for tok in doc:
            s = short.get(tok.text)
            if s is None or tok.i in taken:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and not nxt.is_sent_start:
                continue  # part of a longer name
            sp = Span(tok.i, tok.i + 1, s.type, "rule", entry=s.entry, canonical=self._canonical_of(doc, s))
            out.append(sp)
            taken.add(tok.i)
        return out

    def _expansion_from_letters(self, doc: Any, paren: int, acr: str) -> Span | None:
        """Schwartz–Hearst-style: the shortest preceding phrase whose initials spell the acronym."""
        letters = [c.lower() for c in acr if c.isalpha()]
        upper = [c.lower() for c in acr if c.isupper()]
        if len(upper) >= 2 and len(upper) < len(letters):
            letters = upper  # "MassTech": M, T
        if len(letters) < 2:
            return None
        for length in range(len(letters), min(len(letters) + 5, 12) + 1):
            start = paren - length
            if start < 0 or doc[start].is_sent_start and start != paren - length:
                break
            toks = doc[start:paren]
            if any(t.is_punct and t.text not in {"-", "&", "'"} for t in toks):
                break
            initials = [t.text[0].lower() for t in toks if t.lower_ not in self.lex.acronym_stopwords and t.text[0].isalpha()]
            if not initials or initials[0] != letters[0] or not toks[0].text[0].isupper():
                continue
            it = iter(initials)
            if all(any(c == x for x in it) for c in letters) and len(initials) <= len(letters) + 1:
                words = [t.text for t in toks]
                typ = self.type_of_name(words) or self.lex.default_org
                return Span(start, paren, typ, "rule")
        return None

    def _place_context(self, doc: Any, spans: list[Span]) -> list[Span]:
        """Keep a non-hub place only where the text treats it as a hub or an organisation's site."""
        spans = sorted(spans, key=lambda s: s.start)
        starts = {s.start: s for s in spans}
        ends = {s.end: s for s in spans}
        out: list[Span] = []
        for k, s in enumerate(spans):
            if s.type != "Cluster":
                out.append(s)
                continue
            # "Boston, Massachusetts": a region after a city only qualifies it
            if s.start >= 2 and doc[s.start - 1].text == "," and (prev := ends.get(s.start - 1)) is not None and prev.type == "Cluster":
                continue
            if not s.place:
                out.append(s)
                continue
            country = s.entry is not None and not s.entry.is_metro
            if self._place_ok(doc, s, starts, ends, country):
                out.append(s)
        return out

    def _place_ok(self, doc: Any, s: Span, starts: dict, ends: dict, country: bool) -> bool:
        n = len(doc)
        if not country and self._site_of(doc, s.start, s.end):
            return True
        after = [doc[i].lower_ for i in range(s.end, min(n, s.end + 4))]
        if len(after) >= 2 and after[0] in {"-", "–"} and after[1] in {"based", "headquartered"}:
            return True
        hub_window = after[:4]
        if after and after[0] in POSSESSIVE:
            hub_window = after[1:4]
            nxt = starts.get(s.end + 1)
            if nxt is not None and nxt.type != "Cluster" and not country:
                return True
        if country or s.label == "LOC":
            return False
        if any(w in self.lex.strong_hub_words for w in hub_window):
            return True
        if any(w in self.lex.hub_words for w in hub_window):
            return True
        before = [doc[i].lower_ for i in range(max(0, s.start - 4), s.start)]
        if before and before[-1] in self.lex.location_preps:
            if any(w in self.lex.location_words for w in before[:-1]):
                return True
            prev = ends.get(s.start - 1)
            if prev is not None and prev.type in ORG_TYPES + ("Programme",):
                return True
        return False

    @staticmethod
    def _harmonise_names(doc: Any, spans: list[Span]) -> None:
        """One name, one type in a text: what the text says about it wins, else the majority of readings."""
        groups: dict[str, list[Span]] = {}
        for s in spans:
            if s.source in ("ner", "rule") and s.acronym_of is None and s.entry is None:
                groups.setdefault(doc[s.start:s.end].text, []).append(s)
        for group in groups.values():
            types = {s.type for s in group}
            if len(types) < 2:
                continue
            said = [s.type for s in group if s.ctx_typed]
            if said:
                best = said[0]
            else:
                votes: dict[str, int] = {}
                for s in group:
                    votes[s.type] = votes.get(s.type, 0) + 1
                top = max(votes.values())
                tied = sorted(k for k, v in votes.items() if v == top)
                best = "Person" if "Person" in tied else tied[0]
            for s in group:
                s.type = best
                s.place = best == "Cluster" and s.place

    def _harmonise_lists(self, doc: Any, spans: list[Span]) -> None:
        """In "Qualcomm, NXP Semiconductors and Ambarella" a name the NER read as a person is a company too."""
        runs: list[list[Span]] = []
        for a, b in zip(spans, spans[1:]):
            gap = [t.lower_ for t in doc[a.end:b.start]]
            if gap in ([","], ["and"], [",", "and"], ["or"], [",", "or"]):
                if runs and runs[-1][-1] is a:
                    runs[-1].append(b)
                else:
                    runs.append([a, b])
        for run in runs:
            known = [s.type for s in run if s.type in ORG_TYPES]
            if len(known) < 2 or len(set(known)) != 1:
                continue
            for s in run:
                if s.source == "ner" and s.type == "Person" and s.end - s.start == 1:
                    s.type = known[0]

    def _appositions(self, doc: Any, spans: list[Span]) -> None:
        """"Mila, the Quebec AI Institute," and "Mila (the Quebec AI Institute)" name one entity."""
        for k in range(len(spans) - 1):
            a, b = spans[k], spans[k + 1]
            if a.type in ("Person", "Cluster") or b.type != a.type:
                continue
            gap = [t.lower_ for t in doc[a.end:b.start]]
            if gap not in (
                [",", "the"], ["(", "the"], [",", "also", "known", "as"], ["(", "formerly"], [",", "formerly"],
                ["(", "also", "known", "as"], [",", "or"], ["(", "or"],
            ):
                continue
            after = doc[b.end].text if b.end < len(doc) else "."
            if after not in {",", ")", ".", ";"}:
                continue
            if after == "," and b.end + 1 < len(doc) and doc[b.end + 1].lower_ in {"and", "or"}:
                continue
            if k > 0 and spans[k - 1].end >= a.start - 2 and doc[a.start - 1].text == ",":
                continue  # inside a list
            if a.entry is not None and b.entry is not None and a.entry is not b.entry:
                continue
            b.coref = a
            if b.entry is None and a.entry is not None:
                b.entry = a.entry
            if a.entry is None and b.entry is not None:
                a.entry = b.entry

    def _anaphors(self, doc: Any, spans: list[Span], ctx: DocContext) -> list[Span]:
        """"the company", "the institute", "its", "we" standing for an earlier (or the filer's) mention."""
        if ctx.self_name is None:
            self._find_self(doc, spans, ctx)
        taken = set()
        for s in spans:
            taken.update(range(s.start, s.end))
        out = list(spans)
        sent_of = [0] * len(doc)
        cur = 0
        for t in doc:
            if t.is_sent_start:
                cur = t.i
            sent_of[t.i] = cur
        sent_has: dict[int, int] = {}
        for s in spans:
            sent_has[sent_of[s.start]] = sent_has.get(sent_of[s.start], 0) + 1
        in_quote = False
        wanted = self.lex.self_pronouns | self.lex.possessive_pronouns | set(self.lex.anaphors) | {"it"}
        for tok in doc:
            if tok.text in QUOTES:
                in_quote = not in_quote
                continue
            low = tok.lower_
            if low not in wanted or tok.i in taken or in_quote:
                continue
            sent_start = sent_of[tok.i]
            if sent_has.get(sent_start, 0) < 1:
                continue
            if low in self.lex.self_pronouns and ctx.self_name is not None:
                ante = self._antecedent(out, tok.i, ctx.self_type, by_name=ctx.self_name, doc=doc)
                if ante is not None:
                    out.append(Span(tok.i, tok.i + 1, ctx.self_type, "anaphor", coref=out[ante], canonical=ctx.self_name))
                continue
            if tok.text == "It" and tok.is_sent_start and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].islower():
                prev_start = sent_of[tok.i - 1] if tok.i > 0 else None
                if prev_start is not None:
                    firsts = sorted((k for k, s in enumerate(out) if prev_start <= s.start < tok.i
                                     and s.type in ORG_TYPES + ("Programme",)), key=lambda k: out[k].start)
                    if firsts:
                        k = firsts[0]
                        target = out[k].coref if out[k].source == "anaphor" and out[k].coref is not None else out[k]
                        out.append(Span(tok.i, tok.i + 1, target.type, "anaphor", coref=target))
                continue
            if low == "it" and tok.i > 0 and self._reported(doc, tok.i):
                ante = self._antecedent(out, tok.i, None, doc=doc)
                if ante is not None and out[ante].start >= doc[tok.i].sent.start:
                    out.append(Span(tok.i, tok.i + 1, out[ante].type, "anaphor", coref=out[ante]))
                continue
            if low in self.lex.possessive_pronouns:
                ante = self._antecedent(out, tok.i, None, doc=doc, same_or_prev_sentence=True)
                if ante is not None:
                    out.append(Span(tok.i, tok.i + 1, out[ante].type, "anaphor", coref=out[ante]))
                continue
            if low in self.lex.anaphors and tok.i > 0 and doc[tok.i - 1].lower_ == "the":
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if nxt is not None and (nxt.text[:1].isupper() or nxt.text in {"'s", "’s"} and False):
                    continue
                typ = self.lex.anaphors[low]
                if tok.text[0].isupper() and low == "company" and ctx.self_name is not None:
                    ante = self._antecedent(out, tok.i, ctx.self_type, by_name=ctx.self_name, doc=doc)
                else:
                    ante = self._antecedent(out, tok.i, typ, doc=doc, same_or_prev_sentence=True, noun=low)
                if ante is not None:
                    out.append(Span(tok.i, tok.i + 1, out[ante].type, "anaphor", coref=out[ante]))
        return out

    @staticmethod
    def _reported(doc: Any, i: int) -> bool:
        """"X said on Wednesday that it had raised ...": "it" is the subject of a report by X."""
        k = i - 1
        if doc[k].lower_ == "that":
            k -= 1
        steps = 0
        while k > 0 and steps < 4 and doc[k].lower_ not in ("said", "says", "announced", "announces", "confirmed", "stated"):
            if doc[k].is_punct:
                return False
            k -= 1
            steps += 1
        return doc[k].lower_ in ("said", "says", "announced", "announces", "confirmed", "stated") and i + 1 < len(doc) \
            and doc[i + 1].pos_ != "PUNCT"

    def _antecedent(self, spans: list[Span], i: int, typ: str | None, *, doc: Any, by_name: str | None = None,
                    same_or_prev_sentence: bool = False, noun: str | None = None) -> int | None:
        if by_name is not None:
            best = None
            for k, s in enumerate(spans):
                if s.source != "anaphor" and self._canonical_of(doc, s) == by_name:
                    if s.start < i:
                        best = k
                    elif best is None:
                        best = k
            return best
        sent = doc[i].sent
        first_sent = sent.start
        if same_or_prev_sentence and first_sent > 0:
            first_sent = doc[first_sent - 1].sent.start
        if typ is None:
            # "its", "their": the first organisation of this sentence (of its clause after ";"), else of the previous one
            clause = max((t.i for t in doc[sent.start:i] if t.text == ";"), default=None)
            if clause is not None and any(clause < s.start < i and s.type in ORG_TYPES for s in spans):
                first_sent = clause + 1
                sent = doc[clause + 1:i + 1]
            every = sorted((k for k, s in enumerate(spans) if first_sent <= s.start < i), key=lambda k: spans[k].start)
            orgs = [k for k in every if spans[k].type in ORG_TYPES + ("Programme",)]
            here = [k for k in orgs if spans[k].start >= sent.start]
            pick = here[0] if here else (orgs[0] if orgs else None)
            while pick is not None and spans[pick].source == "anaphor" and spans[pick].coref is not None:
                target = spans[pick].coref
                pick = next((k for k, s in enumerate(spans) if s is target), None)
            return pick
        cands = sorted((k for k, s in enumerate(spans) if first_sent <= s.start < i and s.source != "anaphor"),
                       key=lambda k: spans[k].start)
        typed = [k for k in cands if spans[k].type == typ]
        same_sentence = [k for k in typed if spans[k].start >= sent.start]
        if same_sentence and same_sentence[0] == cands[[spans[k].start >= sent.start for k in cands].index(True)]:
            return same_sentence[0]  # "AISG was launched by the NRF ..., and the programme is run out of NUS"
        if noun:
            named = [k for k, s in enumerate(spans) if s.start < i and s.source != "anaphor" and s.type == typ
                     and noun in doc[s.start:s.end].text.lower()]
            if named:
                return named[-1]
        return typed[-1] if typed else None

    def _find_self(self, doc: Any, spans: list[Span], ctx: DocContext) -> None:
        """The filer of a 10-K-like text: a company defined as "we" ("Quillmark," the "Company," "we")."""
        text_low = doc.text[:3000].lower()
        if '"we' not in text_low and "“we" not in text_low and "(the \"company" not in text_low:
            return
        for s in spans:
            if s.type != "Company":
                continue
            window = doc[s.end:min(len(doc), s.end + 25)].text.lower()
            if "we" in window and ("company" in window or '"we' in window or "“we" in window):
                ctx.self_name = self._canonical_of(doc, s)
                ctx.self_type = "Company"
                return

    # ------------------------------------------------------------------ output
    def _canonical_of(self, doc: Any, s: Span) -> str:
        if s.canonical:
            return s.canonical
        if s.entry is not None:
            return s.entry.name
        if s.acronym_of:
            return s.acronym_of
        return clean_surface(doc[s.start:s.end].text)

    def _to_facts(self, doc: Any, spans: list[Span], base: int) -> list[MentionFact]:
        keep: list[Span] = []
        last_end = -1
        for sp in sorted(spans, key=lambda s: (s.start, -s.end, s.source == "anaphor")):
            if sp.start < last_end:
                continue
            keep.append(sp)
            last_end = sp.end
        final: dict[int, int] = {}
        facts: list[MentionFact] = []
        for sp in keep:
            coref = final.get(id(sp.coref)) if sp.coref is not None else None
            if sp.source == "anaphor" and coref is None:
                continue
            span = doc[sp.start:sp.end]
            canonical = self._canonical_of(doc, sp)
            if coref is not None and sp.source == "anaphor":
                canonical = facts[coref].canonical
            final[id(sp)] = len(facts)
            facts.append(
                MentionFact(
                    text=span.text,
                    start=base + span.start_char,
                    end=base + span.end_char,
                    type=sp.type,
                    source=sp.source,
                    canonical=canonical,
                    gazetteer=sp.entry.name if sp.entry else None,
                    wikidata=(sp.entry.wikidata or None) if sp.entry else None,
                    acronym_of=sp.acronym_of,
                    coref=coref,
                    ner_label=sp.label,
                )
            )
        return facts
