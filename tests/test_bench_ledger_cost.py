"""The change ledger's pricing tools run end to end on a real embedded store (not timing tests)."""

from __future__ import annotations

from bench.bench_load import ledger_compare
from bench.ledger_cost import fresh_bytes


def test_fresh_store_prices_a_ledger_node():
    assert 20 < fresh_bytes(2000) < 2000


def test_ledger_compare_counts_the_ledger_statements_and_restores_the_loader():
    from aikg.graph import change_ledger

    add = change_ledger.add
    rows = ledger_compare(60, 2, 2, 5000, 8 * 2**20, repeat=1)
    assert change_ledger.add is add
    assert [r["input"] for r in rows] == ["1x", "2x"]
    assert all(r["ledger statements"] >= 1 for r in rows), rows
