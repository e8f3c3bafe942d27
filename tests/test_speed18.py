"""Speed helpers of issue 14's speed pass (wave 18): they must answer exactly as the scans they replace."""

from __future__ import annotations

import random

from aikg.ingest.nlp.mention_index import MentionIndex, nested
from aikg.ingest.nlp.records import MentionFact


def _mention(start: int, end: int, kind: str = "Company", source: str = "ner") -> MentionFact:
    return MentionFact(text="x" * (end - start), start=start, end=end, type=kind, source=source, canonical="x")


def _inside_by_scan(ms: list[MentionFact], i: int) -> bool:
    """The per-mention scan ``nested`` replaces (relation_member_groups, relation_fund_gifts, relation_partner_pacts)."""
    m = ms[i]
    return any(o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start) for o in ms)


def test_nested_equals_the_scan_on_random_pages() -> None:
    rng = random.Random(18)
    for _ in range(3000):
        ms = []
        for _k in range(rng.randint(0, 14)):
            a = rng.randint(0, 30)
            ms.append(_mention(a, a + rng.randint(0, 9)))
        assert nested(ms) == {i for i in range(len(ms)) if _inside_by_scan(ms, i)}


def test_nested_keeps_equal_spans_and_drops_inner_ones() -> None:
    ms = [_mention(0, 20), _mention(0, 7), _mention(3, 20), _mention(25, 30), _mention(25, 30)]
    assert nested(ms) == {1, 2}  # two mentions of one span are not inside each other


def test_starting_and_from_start_equal_the_scans() -> None:
    rng = random.Random(7)
    kinds = ("Company", "Person", "Institute", "Cluster")
    for _ in range(500):
        ms = []
        for _k in range(rng.randint(0, 12)):
            a = rng.randint(0, 40)
            ms.append(_mention(a, a + rng.randint(1, 6), rng.choice(kinds), rng.choice(("ner", "anaphor"))))
        ix = MentionIndex(ms, ("Company", "Institute"))
        for at in range(0, 45):
            for rows in (ix.people, ix.orgs, ix.refs):
                assert ix.starting(rows, at) == [r for r in rows if r[0] == at]
                assert ix.from_start(rows, at) == [r for r in rows if r[0] >= at]
