"""Object relative clauses read from the words: "X, which A funds", "a programme that B will run".

The verb (funding, running) follows its subject and has no object of its own; what it is said of is the
last name before "which"/"that". The tagger often reads such verbs as nouns ("funds", "runs"), so no
dependency frame fires; FUNDS (relation_funding.py) and RUNS (relation_structure.py) share this reading.
"""

from __future__ import annotations

from typing import Any, Collection, Iterator

from aikg.ingest.nlp.token_index import TokenIndex

REL_WORDS = {"which", "that"}
MAX_CLAUSE = 24  # tokens from the name the clause hangs on to the verb


def relative_pairs(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], *,
                   verbs: Collection[str], after: Collection[str], between: Collection[str],
                   subjects: Collection[str], objects: Collection[str]) -> Iterator[tuple[int, int]]:
    """(subject, object) mention indexes for each "<object>, which/that <subject> <verb>" clause of one sentence;
    ``spans`` are (mention index, start token, end token)."""
    spans = sorted(spans, key=lambda x: x[1])
    by_end = {e: i for i, s, e in spans}
    start_of = {i: s for i, s, _ in spans}
    end_of = {i: e for i, _, e in spans}
    low = TokenIndex.of(doc).lower  # speed only: a verb is looked for at every word (no spaCy Token per word)
    for k in range(sent.start + 2, sent.end):
        if low[k] not in verbs:
            continue
        nxt = doc[k + 1].lower_ if k + 1 < sent.end else "."
        if nxt not in after:
            continue  # "which B funds the lab": the verb has an object of its own
        j = k - 1
        if doc[j].text in "-–" and doc[j - 1].lower_ == "co":
            j -= 2  # "co-funds" tokenised as co / - / funds
        while j > sent.start and doc[j].lower_ in between:
            j -= 1  # "which the agency will also fund"
        if doc[j].text == ")" and j - 2 > sent.start and doc[j - 2].text == "(":
            j -= 3  # "that the Medellín Innovation District Agency (MIDA) runs"
        place = by_end.get(j + 1)
        if place is not None and types[place] == "Cluster" and doc[start_of[place] - 1].lower_ in ("in", "of"):
            j = start_of[place] - 2  # "which the Marshal's Office in Toruń administers"
        subject = by_end.get(j + 1)
        if subject is None or types[subject] not in subjects:
            continue
        rel = next((x for x in range(start_of[subject] - 1, max(sent.start, k - MAX_CLAUSE) - 1, -1)
                    if doc[x].lower_ in REL_WORDS), None)
        if rel is None:
            continue
        while rel - 1 > sent.start and doc[rel - 1].lower_ == "and":  # "that A funds and that B runs": the first
            prev = next((x for x in range(rel - 2, max(sent.start, rel - MAX_CLAUSE) - 1, -1) if doc[x].lower_ in REL_WORDS), None)
            if prev is None:
                break
            rel = prev
        said_of = [i for i, s, e in spans if e <= rel and rel - e <= MAX_CLAUSE and types[i] in objects and i != subject]
        if not said_of:
            continue
        last = said_of[-1]
        if any(doc[x].text in {";", ":"} or doc[x].lower_ in REL_WORDS for x in range(end_of[last], rel)):
            continue  # the clause belongs to a later phrase
        yield subject, last
