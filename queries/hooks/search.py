"""Typo-tolerant entity search: the store's full-text index finds candidates, rapidfuzz ranks them.

**The one place where the two backends differ** (together with ``entity_search.neo4j.cypher``):

=============  ==========================================  ===============================
backend        procedure (in the .cypher file)             query string built here
=============  ==========================================  ===============================
embedded       ``db.idx.fulltext.queryNodes('Entity', q)``  RediSearch: ``%term%|term*``
neo4j          ``db.index.fulltext.queryNodes(             Lucene: ``term~1 OR term*``
               'entity_names', q)``
=============  ==========================================  ===============================

Only letters and digits of the user's text reach the full-text query string (both syntaxes
treat punctuation as operators), so any input is safe; the raw text is also matched with
``CONTAINS`` on name and aliases, which catches punctuation-only names and short forms the
index drops (``U of T``); the entities that may contain it come from their letter n-gram keys
(``aikg.graph.search_grams``), not from reading every entity. Candidates from both are scored with rapidfuzz ``WRatio`` against
the name and every alias; the best form is reported in ``matched``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from aikg.graph import search_grams

if TYPE_CHECKING:
    import pandas as pd

    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query

_TERM = re.compile(r"[^\W_]+", re.UNICODE)
#: words both engines' analysers drop or that match nearly everything
STOPWORDS = frozenset("a an and at by de der des du for in is it la le of on or the to und van von with".split())
FUZZY_MIN = 4  # shorter terms are matched by prefix only (an edit on a 3-letter word is another word)


def terms(text: str) -> list[str]:
    """Lower-cased letter/digit runs of ``text`` worth sending to the index (distinct, in order)."""
    words = [w.lower() for w in _TERM.findall(text)]
    return list(dict.fromkeys(w for w in words if len(w) >= 2 and w not in STOPWORDS))


def fulltext_query(text: str, backend: str) -> str:
    """The full-text query string for ``backend``; empty when ``text`` has no usable term."""
    parts = []
    for term in terms(text):
        if backend == "neo4j":
            parts.append(f"{term}~1 OR {term}*" if len(term) >= FUZZY_MIN else f"{term}*")
        else:
            parts.append(f"%{term}%|{term}*" if len(term) >= FUZZY_MIN else f"{term}*")
    return (" OR " if backend == "neo4j" else "|").join(parts)


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    send = dict(send)
    send["fulltext"] = fulltext_query(values["text"], store.backend)
    # the substring branch's index look-up; empty (every entity read) for a store not yet migrated
    send["grams"] = search_grams.lookup(values["text"], store.backend) if search_grams.ready(store) else ""
    send["pool"] = max(50, 5 * int(values["limit"]))
    return send


def _process(text: str) -> str:
    from rapidfuzz import utils

    return utils.default_process(text) or text.lower().strip()


def best_form(text: str, name: str, aliases: list[str] | None) -> tuple[float, str]:
    """The highest rapidfuzz score of ``text`` against the name or an alias, and that form."""
    from rapidfuzz import fuzz

    wanted = _process(text)
    best, form = -1.0, name
    for candidate in [name, *(aliases or [])]:
        score = float(fuzz.WRatio(wanted, _process(candidate)))
        if wanted and wanted in candidate.lower():
            score = max(score, 90.0)  # the text occurs as typed inside this form
        if score > best:
            best, form = score, candidate
    return best, form


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    import pandas as pd

    columns = query.column_names
    if df.empty:
        return pd.DataFrame(columns=columns)
    rows: dict[str, dict[str, Any]] = {}
    for rec in df.to_dict(orient="records"):
        if rec["id"] in rows:  # found by the index and by CONTAINS: keep one
            continue
        score, form = best_form(values["text"], rec["name"], rec["aliases"])
        rows[rec["id"]] = {"id": rec["id"], "name": rec["name"], "type": rec["type"], "aliases": rec["aliases"] or [],
                           "mentions": rec["mentions"], "score": round(score, 1), "matched": form}
    kept = [r for r in rows.values() if r["score"] >= values["min_score"]]
    kept.sort(key=lambda r: (-r["score"], -(r["mentions"] or 0), r["name"], r["id"]))
    return pd.DataFrame(kept[: values["limit"]], columns=columns)
