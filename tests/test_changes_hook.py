"""changes_since's hook orders the rows it is given (queries/hooks/changes.py): newest first; on one time,
entities, then relationships, then documents, each by type, id and end; then it keeps the page's first ``limit``,
whatever the arrangement the engine returns them in."""

import random

import pandas as pd

from aikg.queries.catalog import frame
from aikg.queries.hooks import changes


def _frame(rows: list[tuple]) -> pd.DataFrame:
    """As run_query frames the engine's rows (nulls kept as None)."""
    cols = ["change", "type", "id", "name", "target", "target_name", "first_seen"]
    return frame([dict(zip(cols, r, strict=True)) for r in rows])


def _rows(n: int, seed: int) -> list[tuple]:
    rnd = random.Random(seed)
    ents = [("entity", rnd.choice(["Company", "Person"]), f"company:e{i}", f"E{i}", None, None,
             f"2025-01-0{rnd.randint(1, 4)}") for i in range(n)]
    rels = [("relation", rnd.choice(["FUNDS", "PARTNERS_WITH"]), f"company:{rnd.choice('abc')}", "A",
             f"company:{rnd.choice('xyz')}{i}", "T", f"2025-01-0{rnd.randint(1, 4)}") for i in range(n)]
    docs = [("document", rnd.choice(["text", "web"]), f"d{i}", f"D{i}", None, None, f"2025-01-0{rnd.randint(1, 4)}")
            for i in range(n)]
    rows = ents + rels + docs
    rnd.shuffle(rows)
    return rows


def _expected(rows: list[tuple]) -> list[tuple]:
    tied = sorted(rows, key=lambda r: (changes.GROUPS.index(r[0]), r[1], r[2], r[4] or ""))
    return sorted(tied, key=lambda r: r[6], reverse=True)


def test_rows_newest_first_then_by_kind_type_id_and_end():
    rows = _rows(40, 1)
    out = changes.finish(_frame(rows), None, {"limit": 0})
    assert [tuple(r) for r in out.itertuples(index=False)] == _expected(rows)
    assert list(out["first_seen"]) == sorted(out["first_seen"], reverse=True)


def test_the_page_is_the_first_rows_of_the_whole_order():
    rows = _rows(30, 2)
    every = changes.finish(_frame(rows), None, {"limit": 0})
    for limit in (1, 7, 90, 500):
        page = changes.finish(_frame(rows), None, {"limit": limit})
        assert page.equals(every.head(limit)), limit


def test_a_value_holding_the_separator_is_compared_as_a_tuple():
    rows = _rows(30, 3)
    rows[0] = rows[0][:4] + (f"company:x{changes.SEP}y",) + rows[0][5:]
    rows[1] = rows[1][:2] + (f"company:{changes.SEP}",) + rows[1][3:]
    out = changes.finish(_frame(rows), None, {})
    assert [tuple(r) for r in out.itertuples(index=False)] == _expected(rows)
