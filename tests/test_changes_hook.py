"""changes_since's hook orders the rows it is given (queries/hooks/changes.py): relationships by first_seen, type,
start and end between the entity and document rows, whatever the arrangement the engine returns them in."""

import random

import pandas as pd

from aikg.queries.hooks import changes


def _frame(rows: list[tuple]) -> pd.DataFrame:
    cols = ["change", "type", "id", "name", "target", "target_name", "first_seen"]
    return pd.DataFrame([dict(zip(cols, r, strict=True)) for r in rows], columns=cols)


def _rows(n: int, seed: int) -> tuple[list, list, list]:
    rnd = random.Random(seed)
    ents = [("entity", "Company", f"company:e{i}", f"E{i}", None, None, f"2025-01-{i % 9 + 1:02d}") for i in range(n)]
    rels = [("relation", rnd.choice(["FUNDS", "PARTNERS_WITH"]), f"company:{rnd.choice('abc')}", "A",
             f"company:{rnd.choice('xyz')}{i}", "T", f"2025-01-0{rnd.randint(1, 3)}") for i in range(n)]
    docs = [("document", "text", f"d{i}", f"D{i}", None, None, f"2025-02-{i % 9 + 1:02d}") for i in range(n)]
    return ents, rels, docs


def _keys(df: pd.DataFrame) -> list[tuple]:
    rel = df[df["change"] == "relation"]
    return list(zip(rel["first_seen"], rel["type"], rel["id"], rel["target"], strict=True))


def test_relationships_sorted_between_entities_and_documents():
    ents, rels, docs = _rows(40, 1)
    out = changes.finish(_frame(ents + rels + docs), None, {})
    assert list(out["change"]) == ["entity"] * 40 + ["relation"] * 40 + ["document"] * 40
    assert _keys(out) == sorted(_keys(out)) and sorted(_keys(out)) == sorted(r[6:7] + r[1:3] + r[4:5] for r in rels)
    assert list(out["id"][:40]) == [e[2] for e in ents] and list(out["id"][80:]) == [d[2] for d in docs]


def test_rows_out_of_blocks_and_a_value_holding_the_separator():
    ents, rels, docs = _rows(30, 2)
    rels[0] = rels[0][:4] + (f"company:x{changes.SEP}y",) + rels[0][5:]
    mixed = ents + rels + docs
    random.Random(3).shuffle(mixed)
    out = changes.finish(_frame(mixed), None, {})
    assert list(dict.fromkeys(out["change"])) == ["entity", "relation", "document"]
    assert _keys(out) == sorted(_keys(out)) and len(out) == 90
    kept = [e[2] for e in mixed if e[0] == "entity"]  # the query's order of entities (here: as given) is kept
    assert list(out["id"][:30]) == kept
