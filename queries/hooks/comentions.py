"""co_mentions over the whole graph: the pairs are counted here, the query text reads only the winners.

The engine grouped every pair of entities that share a document (71,508 pairs at 100k entities, three
times as many at 300k) to keep a few hundred: most of the query's time. Here one statement reads each
document's entities (``graph/cypher/co_mention_lists.cypher``), Python counts the pairs (source = the
smaller id, as the text forms them) and sends the query text only the pairs that can be among the first
``limit`` (every pair as supported as the ``limit``-th, ties included, so the text's order by names picks
the same rows). When that is more than :data:`MAX_PAIRS` (``min_docs=1`` with a large ``limit``) nothing is
sent and the text groups the pairs itself, as before. With an entity the text's indexed branch answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING, Any

from aikg.core.collector import collector_paused
from aikg.graph.cypher_files import statement

if TYPE_CHECKING:
    import pandas as pd

    from aikg.graph.store import GraphStore
    from aikg.queries.catalog import Query

#: most pairs sent to the query text as a parameter (the client writes parameters into the query text)
MAX_PAIRS = 20_000


def count_pairs(lists: Iterable[list[str]]) -> Counter[tuple[str, str]]:
    """Documents shared per pair of entities, each pair once with the smaller id first (the text's order)."""
    counts: Counter[tuple[str, str]] = Counter()
    for ids in lists:
        counts.update(combinations(sorted(ids), 2))
    return counts


def candidates(counts: Counter[tuple[str, str]], min_docs: int, limit: int) -> list[list[Any]]:
    """Pairs sharing at least ``min_docs`` documents that can be among the first ``limit``: ``[a, b, docs]``."""
    kept = [(pair, n) for pair, n in counts.items() if n >= min_docs]
    if len(kept) > limit:
        floor = sorted((n for _, n in kept), reverse=True)[limit - 1]
        kept = [(pair, n) for pair, n in kept if n >= floor]
    return [[a, b, n] for (a, b), n in kept]


def prepare(store: "GraphStore", query: "Query", values: dict[str, Any], send: dict[str, Any]) -> dict[str, Any]:
    """Send the candidate pairs (whole graph), or null: an entity's co-mentions, or too many candidates."""
    if values.get("entity") is not None:
        return {**send, "pairs": None}
    rows = store.read(statement("co_mention_lists"), {"min_docs": values["min_docs"]})
    with collector_paused():  # hundreds of thousands of pair tuples: the cycle collector would walk them over and over
        pairs = candidates(count_pairs(r["ids"] for r in rows), values["min_docs"], values["limit"])
    return {**send, "pairs": pairs if len(pairs) <= MAX_PAIRS else None}


def finish(df: "pd.DataFrame", query: "Query", values: dict[str, Any]) -> "pd.DataFrame":
    """The text orders and cuts the rows already."""
    return df
