"""Stage 8, place context: keep a non-hub place only where the text treats it as a hub or an organisation's site."""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME, ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.dateline_places import dateline_town
from aikg.ingest.nlp.mentions.page_forms import page_words
from aikg.ingest.nlp.mentions.place_forms import in_place_list, place_form_cue
from aikg.ingest.nlp.mentions.town_subjects import town_subject
from aikg.ingest.nlp.mentions.type_forms import is_area
from aikg.ingest.nlp.relation_lines import place_by_line_form
from aikg.ingest.nlp.token_index import TokenIndex, doc_text


def place_context(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop places still waiting for context that get none; a region after a city only qualifies it."""
    spans = sorted(cands, key=lambda s: s.start)
    _place_lists(doc, spans, env)
    starts = {s.start: s for s in spans}
    ends = {s.end: s for s in spans}
    out: list[Candidate] = []
    for s in spans:
        if _bracketed_place(doc, s, ends, env):
            s.type, s.place, s.ctx_typed = "Cluster", False, True  # "Kestrel Agronomics (Brandon)": where the firm is
        if s.type != "Cluster":
            out.append(s)
            continue
        if _people_word(doc, s):
            continue  # "a Malagasy company": the name of a people used as an adjective is no place
        # "Boston, Massachusetts": a region after a city only qualifies it
        if s.start >= 2 and doc[s.start - 1].text == "," and (prev := ends.get(s.start - 1)) is not None and prev.type == "Cluster" \
                and not in_place_list(doc, s, env):
            continue
        if not s.place and not (s.entry is None and TokenIndex.of(doc).span_text(s.start, s.end).lower().replace("'", "’") in env.lex.countries_only):
            out.append(s)
            continue
        country = s.entry is not None and not s.entry.is_metro or TokenIndex.of(doc).span_text(s.start, s.end).lower().replace("'", "’") in env.lex.countries_only
        if _place_ok(doc, s, starts, ends, country, env) or not country and (
                _listed_with_place(doc, s, out, env) or _roster_place(doc, s, ends) or dateline_town(doc, s)
                or town_subject(doc, s)):
            out.append(s)
    out.sort(key=lambda s: (s.start, s.end))
    return out


def _people_word(doc: Any, s: Candidate) -> bool:
    """A one-word place that is the name of a people or language ("Malagasy", "Lao") before a lower-case word."""
    return s.end - s.start == 1 and s.end < len(doc) and doc[s.end].is_lower and doc[s.end].is_alpha \
        and doc[s.start].text.casefold() in page_words().languages


def _place_ok(doc: Any, s: Candidate, starts: dict, ends: dict, country: bool, env: Env) -> bool:
    lex = env.lex
    n = len(doc)
    if not country and env.typer.site_of(doc, s.start, s.end):
        return True
    if not country and place_by_line_form(doc_text(doc), doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1].text),
                                          (org := ends.get(s.start - 1)) is not None and org.type in ORG_TYPES):
        return True  # "Headquarters: Darwin", "(Kilimanjaro Seed Fund, Moshi)", a table's Location column (relation_lines)
    after = [doc[i].lower_ for i in range(s.end, min(n, s.end + 4))]
    if len(after) >= 2 and after[0] in {"-", "–"} and after[1] in env.words.place_suffixes:
        return True
    hub_window = after[:4]
    if after and after[0] in env.words.possessive:
        hub_window = after[1:4]
        nxt = starts.get(s.end + 1)
        if nxt is not None and nxt.type != "Cluster" and not country:
            return True
    if not country and place_form_cue(doc, s, ends, env):
        return True  # "an Istanbul fund", "the water utility of Loja", "has a plant in Hyvinkää" (place_forms)
    if country or s.label == "LOC":
        return False
    if any(w in lex.strong_hub_words for w in hub_window) or any(w in lex.hub_words for w in hub_window):
        return True
    before = [doc[i].lower_ for i in range(max(0, s.start - 4), s.start)]
    if before and before[-1] in lex.location_preps:
        if any(w in lex.location_words for w in before[:-1]):
            return True
        prev = _name_before(doc, s, ends)
        if prev is not None and prev.type in ORG_OR_PROGRAMME:
            return True
        if prev is not None and prev.type == "Cluster" and prev.ctx_typed and is_area(doc, prev):
            return True  # "an anchor tenant of the Sadat Road Technology Park in Tanta": the park's town
    if not before or before[-1] not in lex.destination_preps:
        return False
    if any(w in lex.destination_words for w in before[:-1]):
        return True
    wide = [doc[i].lower_ for i in range(max(0, s.start - 6), s.start - 1)]  # "has drawn hundreds of engineers to Osaka"
    verb = next((k for k, w in enumerate(wide) if w in lex.destination_words), None)
    return verb is not None and "of" in wide[verb + 1:] or _drawn_over_words(doc, s.start - 2, lex.destination_words)


def _drawn_over_words(doc: Any, k: int, verbs: frozenset[str] | set[str]) -> bool:
    """"has drawn machine-learning researchers to Tartu", "drew more than 300 engineers to Mielec": the verb of
    drawing people before a run of lower-case words, hyphens and numbers (no punctuation) that ends at "to"."""
    for t in range(k, max(-1, k - 8), -1):
        if doc[t].lower_ in verbs:
            return t < k
        if not (doc[t].is_lower and doc[t].is_alpha or doc[t].text == "-" or doc[t].like_num):
            return False
    return False


def _name_before(doc: Any, s: Candidate, ends: dict) -> Candidate | None:
    """The name before the word before ``s``, or its bracketed short form's ("the Pelister Institute (PIAI) in")."""
    prev = ends.get(s.start - 1)
    if prev is None and s.start >= 3 and doc[s.start - 2].text == ")":
        prev = ends.get(s.start - 2)
    return prev


def _bracketed_place(doc: Any, s: Candidate, ends: dict, env: Env) -> bool:
    """A plain name in brackets right after an organisation ("Kestrel Agronomics (Brandon) - crop sensing") is its
    town: not an acronym, not one of the organisation's own words, no organisation head word."""
    if s.source != "ner" or s.acronym_of is not None or s.start < 2 or s.end >= len(doc):
        return False
    if doc[s.start - 1].text != "(" or not doc[s.end].text.startswith(")"):
        return False  # the tokeniser keeps "):" whole ("- Arganix (Agadir): yield forecasts")
    org = ends.get(s.start - 1)
    if org is not None and org.type in ORG_TYPES:
        first = org.start
    else:
        first = _list_item_name(doc, s.start - 1)  # "- Kestrel Agronomics (Brandon)": the NER missed the firm
        if first is None:
            return False
    words = TokenIndex.of(doc).text[s.start:s.end]
    if any(w.isupper() or not w[:1].isupper() and w != "-" for w in words) or words[-1] == "-" \
            or env.typer.type_of_name(words) is not None:  # "Lehua Data (Kailua-Kona)": a hyphenated town too
        return False
    return not {w.lower() for w in words} & {t.lower_ for t in doc[first:s.start - 1]}


def _list_item_name(doc: Any, paren: int) -> int | None:
    """Start of the capitalised words between a list bullet and the bracket at ``paren``, or None."""
    k = paren - 1
    while k >= 0 and doc[k].text[:1].isupper() and not doc[k].is_space:
        k -= 1
    if k == paren - 1 or k < 0 or doc[k].text not in ("-", "•", "*", "–"):
        return None
    if k > 0 and "\n" not in doc[k - 1].text and "\n" not in doc[k - 1].whitespace_:
        return None
    return k + 1


def _listed_with_place(doc: Any, s: Candidate, kept: list[Candidate], env: Env) -> bool:
    """"offices in Berlin and Munich", "teams in Toronto and London": listed right after a place kept."""
    prev = next((c for c in reversed(kept) if c.end <= s.start), None)
    if prev is None or prev.type != "Cluster" or s.start - prev.end > 2:
        return False
    return tuple(t.lower_ for t in doc[prev.end:s.start]) in set(env.words.list_gaps)


def _roster_place(doc: Any, s: Candidate, ends: dict) -> bool:
    """"Tomás Ibarra, Hakata Vision, Fukuoka": a place ending a name line, right after an organisation."""
    if s.start >= 2 and doc[s.start - 1].text in LINE_DASHES and doc[s.start - 1].whitespace_:
        org = ends.get(s.start - 1)  # "- Kestrel Sensing — Tartu": a list line "Org — Town"
        ended = s.end >= len(doc) or "\n" in doc[s.end - 1].whitespace_ or doc[s.end].is_space and "\n" in doc[s.end].text
        return org is not None and org.type in ORG_TYPES and ended and (
            _bulleted(doc, org.start) or org.start == 0 or "\n" in doc[org.start - 1].whitespace_ or doc[org.start - 1].is_space)
    if s.start < 2 or doc[s.start - 1].text != ",":
        return False
    org = ends.get(s.start - 1)
    if org is None and doc[s.start - 2].text in (".", ")"):
        org = ends.get(s.start - 2)  # "- Orava Sensors s.r.o., Dolný Kubín", "Lead agency: X (ANEN), Djibouti City"
    if org is None or org.type not in ORG_TYPES:
        return False
    return s.end >= len(doc) or "\n" in doc[s.end - 1].whitespace_ or doc[s.end].is_space and "\n" in doc[s.end].text \
        or doc[s.end].text == "(" and _bulleted(doc, org.start)


LINE_DASHES = ("—", "–", "-", "--")  # "Org — Town" list lines


def _bulleted(doc: Any, k: int) -> bool:
    """A list item opens right before token ``k`` ("- Central Slovak Polytechnic, Banská Bystrica (through ...)")."""
    return k >= 1 and doc[k - 1].text in ("-", "•", "*", "–") and (k == 1 or doc[k - 2].is_space
                                                                     or "\n" in doc[k - 2].whitespace_)


#: prepositions that open a list of places ("campuses in A, B and C"); not "of", "at" or "from"
LIST_PREPS = ("in", "across", "throughout")


def _place_lists(doc: Any, spans: list[Candidate], env: Env) -> None:
    """"packhouses in Te Puke and Katikati", "campuses in Tauranga, Rotorua and Whakatāne": a one-name firm or person
    reading ending a list of places after "in" is a place (a long-tail town the model does not know)."""
    gaps = set(env.words.list_gaps)
    prev_end: Candidate | None = None
    for s in spans:
        before, prev_end = prev_end, s
        if s.type not in ("Company", "Person") or s.source != "ner" or s.entry is not None or s.acronym_of \
                or s.ctx_typed or not 1 <= s.end - s.start <= 3:
            continue
        if not all(t.is_alpha and t.text[:1].isupper() for t in doc[s.start:s.end]) \
                or env.typer.type_of_name(TokenIndex.of(doc).text[s.start:s.end]) is not None:
            continue
        if s.end < len(doc) and not (doc[s.end].is_punct and doc[s.end].text not in ("-", "'s", "’s")
                                     or doc[s.end].is_space or "\n" in doc[s.end - 1].whitespace_):
            continue  # the list ends at punctuation: not "in Berlin and Siemens buys", "Katikati Packhouses"
        first = _list_start(doc, s.start, before, gaps, env)
        if first is None:
            continue
        for o in spans:  # the list's other items read as firms or persons ("Te Aroha" as a person)
            if o is s or first <= o.start < s.start and o.source == "ner" and o.type in ("Company", "Person") \
                    and o.entry is None and env.typer.type_of_name(TokenIndex.of(doc).text[o.start:o.end]) is None:
                o.type, o.label, o.place, o.ctx_typed = "Cluster", "GPE", False, True


def _list_start(doc: Any, start: int, before: Candidate | None, gaps: set, env: Env) -> int | None:
    """Start of the list that ``start`` ends when it opens after "in" and its earlier items are places."""
    k = start
    for _ in range(6):
        gap = next((g for g in sorted(gaps, key=len, reverse=True) if tuple(t.lower_ for t in doc[k - len(g):k]) == g), None)
        if gap is None:
            return None
        item_end = k - len(gap)
        item = item_end
        while item > 0 and doc[item - 1].text[:1].isupper() and doc[item - 1].is_alpha and item_end - item < 3:
            item -= 1
        if item == item_end:
            return None
        known = before is not None and before.type in ("Cluster", "Company", "Person") and before.end == item_end \
            and (before.type == "Cluster" or before.source == "ner")
        if item > 0 and doc[item - 1].lower_ in LIST_PREPS:
            cue = any(t.lower_ in env.lex.location_words or t.lower_ in env.lex.site_nouns
                      for t in doc[max(0, item - 5):item - 1])
            return item if known or cue else None
        k = item
    return None
