"""LOCATED_IN from work done in a town, wave 18 (issue 14): "X designs vision chips in Bromont", "X builds drones in
Oulu and Kajaani", "X's engineers work in Kuopio", "X, which trains its models in Kuopio,".

Why: company pages and regional news place a firm by what it makes or does there; no site noun stands before "in",
so the site rules of ``relation_places`` never read it. The slot is ``work_slot`` of mentions/work_places (an
organisation right before a verb of making or working, its object, "in"); the organisation must open its clause
(the caller's ``opens`` test) or be the antecedent of ", which". Every town of the list after "in" is placed.
"""

from __future__ import annotations

from typing import Any, Callable

from aikg.ingest.nlp.mentions.work_places import enabled, work_slot

ORG = ("Institute", "Company", "Agency")


def work_sites(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str],
               places_after: Callable[[int], list[int]], opens: Callable[[int], bool],
               emit: Callable[[int, int, str], None]) -> None:
    """"X builds drones in A and B": each place of the list after "in", said of the organisation doing the work."""
    if not enabled():
        return
    by_end = {e: (i, s) for i, s, e in spans if types[i] in ORG}
    for k in range(sent.start + 3, sent.end - 1):
        if doc[k].lower_ != "in" or (slot := work_slot(doc, k, sent.start)) is None:
            continue
        got = by_end.get(slot[1])
        if got is None:
            continue
        i, s = got
        relative = doc[slot[1]].text == ","
        if not relative and not opens(s):
            continue  # "Customers of X build drones in A": X is not the subject
        for place in places_after(k + 1):
            emit(i, place, "rule:work-site")
