"""The parameter writer's nested lists of one item (written without a call, graph/backends/embedded_params.py:
most evidence lists of a load's relationship rows) give the client's own text, for every kind of item and
nesting: random lists of strings with quotes and backslashes, numbers, booleans, nulls and nested lists."""

from __future__ import annotations

import random

from falkordb.helpers import stringify_param_value

from aikg.graph.backends.embedded_params import header, value_text

ITEMS = ["Quillon", 'say "hi"', "back\\slash", "", 0, 7, -12, 10**20, 0.5, 1e-9, float("inf"), True, False, None]


def _value(rnd: random.Random, depth: int = 0) -> object:
    if depth < 3 and rnd.random() < 0.45:
        return [_value(rnd, depth + 1) for _ in range(rnd.choice([0, 1, 1, 1, 2, 3]))]
    return rnd.choice(ITEMS)


def test_nested_lists_are_written_as_the_client_writes_them():
    rnd = random.Random(18)
    for _ in range(3000):
        value = [_value(rnd) for _ in range(rnd.randint(0, 6))]
        assert value_text(value) == str(stringify_param_value(value))


def test_a_relationship_row_of_one_evidence_is_written_as_the_client_writes_it():
    row = ["company:quillon", "company:marrowby", [0], [3], [40], ['Quillon "and" Marrowby\\'], ["rules"], [0.8],
           0.8, [2]]
    assert header({"rows": [row]}) == f"CYPHER `rows`={stringify_param_value([row])} "
