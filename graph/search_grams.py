"""Letter n-gram keys that let the full-text index answer entity_search's substring branch (issue 18).

``entity_search`` also finds entities whose name or aliases contain the typed text (``U of T``, ``Labs``),
which no index of either engine serves for ``toLower(x) CONTAINS y``: the branch read every entity (75 ms
at 100k). Each entity now carries ``grams``: the distinct letter trigrams of its name and aliases (folded:
case-folded, letters and digits only), plus the last two letters of each form, as space-separated tokens
``__abc``. The full-text index holds them (FalkorDB: a field of the Entity index; Neo4j: its own
``entity_grams`` index with a whitespace analyser), so the candidates of a text are one index look-up:
every trigram of the folded text (``__abc __bcd ...``), or the prefix ``__ab*`` for two letters. The exact
``CONTAINS`` test still runs on the candidates, so the rows are those of the scan: whenever the lowered
name contains the lowered text, the folded name contains the folded text (folding deletes the same
characters from both), hence every trigram. Texts that fold to fewer than two letters (``&``, ``X``) are
matched by the scan, as before. The ``__`` mark keeps the tokens apart from words: the engines drop no
stopword from them, the name branch's fuzzy and prefix terms (letters and digits only) never reach them,
and the names' own full-text scores are unchanged.

Known limit: Python's case folding and the engines' ``toLower`` agree on every letter that matters here; a
text whose match in the joined alias text spans two aliases (``"s | a"``) is not found by the index.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from aikg.graph.store import keys_ready

MARK = "__"
PROPERTY = "grams"
PAGE = 5000  # entities per write of the backfill
MISSING = "MATCH (n:Entity) WHERE n.grams IS NULL RETURN n.id AS id, n.name AS name, n.aliases AS aliases"
SET_GRAMS = "UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n.grams = row.grams"


_NOT_ALNUM = re.compile(r"[\W_]+")  # what str.isalnum() refuses: \w is isalnum() or "_"


def fold(text: str) -> str:
    """Case-folded letters and digits of ``text`` (what both the keys and the looked-up text are made of)."""
    return _NOT_ALNUM.sub("", text.casefold())


def keys(forms: Iterable[str]) -> list[str]:
    """The distinct gram tokens of these names (in order): each trigram, and each form's last two letters."""
    return list(_keys(tuple(form or "" for form in forms)))


@lru_cache(maxsize=1 << 17)
def _keys(forms: tuple[str, ...]) -> tuple[str, ...]:
    """(the loader asks again for an entity each batch that writes it)"""
    out: dict[str, None] = {}
    for form in forms:
        folded = fold(form)
        for i in range(len(folded) - 1):
            out[MARK + folded[i:i + 3]] = None
    return tuple(out)


def gram_text(forms: Iterable[str]) -> str:
    """The ``grams`` property: the tokens joined, each followed by a space (as the loader appends them)."""
    return "".join(k + " " for k in keys(forms))


def append(text: str, tokens: Iterable[str]) -> str:
    """``text`` with the tokens it lacks appended (what load_entities.cypher does to an existing entity)."""
    for token in tokens:
        if f" {token} " not in f" {text}":
            text += token + " "
    return text


def lookup(text: str, backend: str) -> str:
    """The full-text query of the entities that may contain ``text``; empty when only a scan can tell."""
    folded = fold(text)
    if len(folded) < 2:
        return ""
    if len(folded) == 2:
        return f"{MARK}{folded}*"
    grams = list(dict.fromkeys(MARK + folded[i:i + 3] for i in range(len(folded) - 2)))
    return (" AND " if backend == "neo4j" else " ").join(grams)


def ready(store: Any) -> bool:
    """Whether the store's index holds the grams of every entity (remembered once true).

    A store written by an older aikg answers by the scan until it is migrated (:func:`backfill`)."""
    return keys_ready(store, PROPERTY)


def backfill(store: Any, *, progress: Callable[[int], None] | None = None) -> int:
    """Give every entity without ``grams`` its keys (a store written by an older aikg); returns how many.

    Safe to stop and run again: each page is one write, and only entities still lacking them are read."""
    rows = store.read(MISSING)
    for i in range(0, len(rows), PAGE):
        page = [{"id": r["id"], "grams": gram_text([r["name"] or "", *(r["aliases"] or [])])}
                for r in rows[i:i + PAGE]]
        store.write(SET_GRAMS, {"rows": page})
        if progress:
            progress(len(page))
    return len(rows)
