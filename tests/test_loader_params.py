"""The embedded store's parameter writer gives the FalkorDB client's text (graph/backends/embedded_params.py)."""

from __future__ import annotations

import pytest
from falkordb.helpers import stringify_param_value
from hypothesis import given
from hypothesis import strategies as st

from aikg.graph.backends.embedded_params import header, value_text

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(min_size=1).filter(lambda k: "`" not in k), inner, max_size=4),
                      max_leaves=20)


def client_header(params: dict) -> str:
    return "CYPHER " + "".join(f"`{k}`={stringify_param_value(v)} " for k, v in params.items())


@given(VALUES)
def test_same_text_as_the_client(value):
    assert value_text(value) == stringify_param_value(value)
    assert header({"rows": value, "now": "2026"}) == client_header({"rows": value, "now": "2026"})


def test_quotes_backslashes_and_newlines_round_trip(store):
    hostile = ['say "hi"', "back\\slash", "line\nbreak", "tab\tend", "", "ü σ 中", "'}) DETACH DELETE n //"]
    rows = store.read("UNWIND $xs AS x RETURN x", {"xs": hostile})
    assert [r["x"] for r in rows] == hostile


def test_bad_keys_refused_as_the_client_does():
    with pytest.raises(ValueError):
        value_text({"a`b": 1})
    with pytest.raises(ValueError):
        header({"": 1})
    assert header({}) == header(None) == ""
