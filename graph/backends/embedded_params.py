"""The parameter header of an embedded-store query, written as the FalkorDB client writes it, faster.

The client sends parameters as text before the query (``CYPHER `name`=value … MATCH …``). Its writer
tests every value against several types and recurses through a generic path; a load sends megabytes of
rows per write (issue 18: about a tenth of the loader's own CPU time went there). This writer gives the
same text (tests/test_loader_params.py compares them) by dispatching on the exact type, and leaves every
other type to the client's writer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _key(key: Any) -> str:
    text = key.decode() if isinstance(key, bytes) else str(key)
    if text == "" or "`" in text:  # the client refuses both: FalkorDB's header parser cannot take them
        raise ValueError(f"a Cypher parameter or map key cannot be empty or hold a backtick: {text!r}")
    return text


_PREFIXES: dict[str, str] = {}  # map key -> its checked text (rows repeat the same few keys)


def _prefix(key: Any) -> str:
    found = _PREFIXES.get(key) if type(key) is str else None
    if found is None:
        found = "`" + _key(key) + "`:"
        if type(key) is str and len(_PREFIXES) < 10_000:
            _PREFIXES[key] = found
    return found


def value_text(value: Any) -> str:
    """One parameter value as header text (what ``falkordb.helpers.stringify_param_value`` returns).

    Strings inside lists and maps are written in place (no call per item: most of a load's values)."""
    kind = type(value)
    if kind is str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if kind is list or kind is tuple:
        return _list_text(value)
    if kind is dict:
        return _map_text(value)
    if value is None:
        return "null"
    if kind is int or kind is float or kind is bool:
        return str(value)
    from falkordb.helpers import stringify_param_value

    return str(stringify_param_value(value))


def _list_text(value: list | tuple) -> str:
    """A list: strings, numbers and nulls written in place, only nested lists and maps recurse (a nested list
    without the dispatch: the loader's rows are lists, graph/loader.py RELATION_FIELDS, and a nested list of one
    string or number without a call); a list of one string or number (most evidence lists of a load) without
    the join."""
    if len(value) == 1:
        v = value[0]
        t = type(v)
        if t is str:
            return '["' + v.replace("\\", "\\\\").replace('"', '\\"') + '"]'
        if t is int or t is float or t is bool:
            return "[" + str(v) + "]"
    return "[" + ",".join(['"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' if (t := type(v)) is str
                           else (('["' + w.replace("\\", "\\\\").replace('"', '\\"') + '"]')
                                 if len(v) == 1 and type(w := v[0]) is str  # a nested list of one item (most of
                                 else "[" + str(w) + "]"  # a load's evidence lists): written here, no call
                                 if len(v) == 1 and ((u := type(w)) is int or u is float)
                                 else _list_text(v)) if t is list
                           else str(v) if t is int or t is float or t is bool
                           else "null" if v is None else value_text(v) for v in value]) + "]"


def _map_text(value: dict) -> str:
    """A map: keys as checked once (``_prefix``), values as :func:`value_text` writes them, lists without the
    dispatch."""
    get = _PREFIXES.get
    return "{" + ",".join([(get(k) or _prefix(k))
                           + ('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' if (t := type(v)) is str
                              else _list_text(v) if t is list
                              else str(v) if t is int or t is float or t is bool
                              else "null" if v is None else value_text(v)) for k, v in value.items()]) + "}"


def header(params: Mapping[str, Any] | None) -> str:
    """The ``CYPHER …`` text put before a query (empty without parameters)."""
    if not params:
        return ""
    return "CYPHER " + "".join(f"`{_key(k)}`={value_text(v)} " for k, v in params.items())
