"""Rows of an embedded-store reply decoded straight into plain Python (issue 18: catalog rows in transport).

The FalkorDB client parses each cell of a compact reply through a generic dispatch into its own values, and
the store then converted every value again (``convert.to_python``). For the 12,000-25,000 rows of
funding_flows and changes_since at 100k entities that took more CPU than the engine's own work. Cells of plain
types (null, string, integer, boolean, double and lists of them: every catalog query's columns) are decoded
here in one step, to the same values; a reply holding anything else (nodes, relationships, paths, maps,
points, temporal values) goes to the client's parser as before. The cyclic collector is paused while the reply
is read and decoded: the reply and the rows are hundreds of thousands of small lists and dicts without cycles,
and its passes walked them again and again (about half the client's CPU in reading 24,000 rows).
"""

from __future__ import annotations

from typing import Any

from aikg.core.collector import collector_paused

# the compact format's type codes (falkordb.query_result.ResultSetScalarTypes)
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY = 1, 2, 3, 4, 5, 6


class _NotPlain(Exception):
    """A cell of a type only the client's parser knows."""


def _cell(cell: Any) -> Any:
    kind, value = cell
    if kind == _STRING:
        return value.decode() if isinstance(value, bytes) else value if isinstance(value, str) else str(value)
    if kind == _NULL:
        return None
    if kind == _INTEGER:
        return int(value)
    if kind == _DOUBLE:
        return float(value)
    if kind == _BOOLEAN:
        return (value.decode() if isinstance(value, bytes) else value) == "true"
    if kind == _ARRAY:
        return [_cell(x) for x in value]
    raise _NotPlain


def _other(kind: int, value: Any) -> Any:
    return _cell((kind, value))


def _name(column: Any) -> Any:
    name = column[1] if isinstance(column, (list, tuple)) else column
    return name.decode() if isinstance(name, bytes) else name


def plain_rows(reply: Any) -> list[dict[str, Any]] | None:
    """The rows of a compact ``GRAPH.QUERY`` reply as dicts of plain values; None when the reply is not simply
    rows of plain cells (an error, a reply without rows, graph values): the caller then uses the client's parser."""
    if not isinstance(reply, list) or len(reply) != 3 or not isinstance(reply[0], list) or not isinstance(reply[1], list):
        return None
    if isinstance(reply[-1], Exception):
        return None
    header = [_name(h) for h in reply[0]]
    if not header:
        return None
    try:
        with collector_paused():
            # a string cell (most cells) is taken as it is: the client connects with decode_responses
            return [dict(zip(header, [v if k == _STRING and type(v) is str else _other(k, v) for k, v in row]))
                    for row in reply[1]]
    except _NotPlain:
        return None


def read(graph: Any, text: str) -> Any:
    """Run a read-only query (``text``, parameters in its header) on the client's ``graph``: its rows as
    :func:`plain_rows` gives them, or the client's ``QueryResult`` when they are not plain."""
    from falkordb.query_result import QueryResult

    with collector_paused():
        reply = graph.execute_command("GRAPH.RO_QUERY", graph.name, text, "--compact")
        rows = plain_rows(reply)
        return rows if rows is not None else QueryResult(graph, reply)
