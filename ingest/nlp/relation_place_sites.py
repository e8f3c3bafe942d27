"""LOCATED_IN from an organisation's named site placed by "in": "Kapok Noix Export's warehouse in Katiola", "at
Nupuri Analytics' field lab in Obihiro", "a visit to the ICRI-Tohoku observation station in Ishinomaki".

Why: news, programmes and captions name a firm's site by the firm's possessive or by the firm's name as a modifier,
then give the town with "in" (the town before the site noun, "Google's Accra AI lab", is ``possessive_sites`` of
relation_places.py). Not a planned, former or closed site ("Kestrel's planned office in Riga", "the former X plant
in Y"), nor customers, partners or users ("Kestrel's customers in Riga"). Words: ``place_lists`` of relations.json
(site nouns, words that place nothing) and ``base_nouns`` of place_anchor_forms.json.
"""

from __future__ import annotations

from typing import Any, Callable

from aikg.ingest.nlp.mentions.place_forms import past_words

ORG = ("Institute", "Company", "Agency")
POSSESSIVES = ("'s", "’s", "'", "’")
MAX_WORDS = 3  # lower-case words before the site noun: "field lab", "packaging and test plant"
PARTY_NOUNS = frozenset({"customers", "clients", "partners", "investors", "users", "rivals", "competitors", "buyers"})


def owned_sites_in(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], words: Any,
                   emit: Callable[[int, int, str], None]) -> None:
    """LOCATED_IN(org -> town) for "<Org>'s [words] <site> in <Town>" and "the <Org> [words] <site> in <Town>"."""
    starts = {s: (i, e) for i, s, e in spans}
    for i, s, e in spans:
        if types[i] not in ORG or e + 3 >= sent.end:
            continue
        k = e
        if doc[k].text in POSSESSIVES:
            k += 1
        elif s == sent.start or doc[s - 1].lower_ != "the" or e - s == 1 and doc[s].is_title:
            continue  # "the ICRI-Tohoku observation station": the name modifies the site noun after "the" (a one-word
            # title-case name there is often the site's own name: "the Hervanta campus in Tampere")
        n = k
        while n < min(sent.end, k + MAX_WORDS + 1) and doc[n].lower_ not in words.site_nouns \
                and (doc[n].is_lower and not doc[n].is_stop or doc[n].text == "-"):
            n += 1  # "field lab", "observation station"; not "... and has field stations in"
        if n + 2 >= sent.end or doc[n].lower_ not in words.site_nouns or doc[n].lower_ in PARTY_NOUNS \
                or doc[n + 1].lower_ != "in":
            continue
        stop = words.not_placed | past_words()
        if any(doc[t].lower_ in stop for t in range(max(sent.start, s - 3), s)) \
                or any(doc[t].lower_ in stop for t in range(k, n)):
            continue  # "the former Kestrel plant in", "Kestrel's planned office in"
        got = starts.get(n + 2)
        if got is not None and types[got[0]] == "Cluster":
            emit(i, got[0], "rule:owned-site-in")
