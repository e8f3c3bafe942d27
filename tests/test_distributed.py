"""Extraction on a real Dask LocalCluster (2 worker processes) gives the single-process result, as parts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from aikg.core.errors import ConfigError
from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.jsonl import read_jsonl
from aikg.graph.loader import load_jsonl
from aikg.ingest.distributed import chunk, extract_distributed, split_parts, worker_status
from aikg.ingest.pipeline import RunSummary, extract_paths, merge_records
from tests.helpers import dump

ROOT = Path(__file__).parent.parent
DOCS = [
    "tests/data/gold/dev/london_industry_guide.txt",
    "tests/data/gold/dev/canada_institutes_thinktank.txt",
    "data/samples/ai_indicators_by_metro.csv",  # a table: loader facts, resolved as known entities
]


def _canonical(paths) -> list[str]:
    result = read_jsonl(list(paths))
    assert not result.errors, result.errors[:3]
    return [json.dumps(r.to_json(), sort_keys=True, ensure_ascii=False)
            for r in merge_records([*result.documents, *result.entities, *result.relations])]


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_local_cluster_parts_equal_single_process(tmp_path, store, monkeypatch):
    from distributed import Client, LocalCluster

    monkeypatch.chdir(ROOT)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    inputs = [*DOCS, str(empty)]
    out = tmp_path / "parts"
    summary = RunSummary()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        parts = extract_distributed(inputs, out, client=client, partitions=3, summary=summary)
        status = client.run(worker_status)
    assert len(status) == 2 and all(s["pid"] != os.getpid() for s in status.values())
    assert any(s["extractor_loaded"] for s in status.values())  # spaCy ran in the workers

    assert [p.name for p in parts] == ["part-00000.jsonl", "part-00001.jsonl", "part-00002.jsonl"]
    assert summary.documents == 3 and [f.source for f in summary.failures] == [str(empty)]

    single = tmp_path / "single.jsonl"
    with single.open("w", encoding="utf-8") as fh:
        base = extract_paths(inputs, fh)
    assert sum(base.entities_by_type.values()) > 20 and sum(base.relations_by_type.values()) > 5
    # the union of the parts is the single-process output: ids, names, aliases, mentions, relations, evidence
    assert _canonical(parts) == _canonical([single])
    assert summary.entities_by_type == base.entities_by_type and summary.relations_by_type == base.relations_by_type
    # each part is self-contained (loadable alone), and parts load to the same graph as the single file
    for part in parts:
        assert not read_jsonl([part]).errors
    for part in parts:
        assert not load_jsonl(store, [part]).errors
    from aikg.graph.store import open_store

    other = open_store("embedded", home=tmp_path / "single-home")
    try:
        other.apply_schema()
        assert not load_jsonl(other, [single]).errors
        assert dump(store) == dump(other)
    finally:
        other.close()

    with pytest.raises(ConfigError, match="--overwrite"):
        extract_distributed(inputs, out, client=object())  # refused before any work is sent


def test_chunks_are_contiguous_and_balanced():
    assert chunk(list(range(7)), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert chunk([1, 2], 5) == [[1], [2]]
    assert chunk([], 4) == [[]]


def test_split_parts_is_self_contained_and_lossless():
    d1, d2 = DocumentRecord("a" * 64, "a.txt", "A", "text", 10), DocumentRecord("b" * 64, "b.txt", "B", "text", 10)
    x = EntityRecord("company:x", "Company", "X", ["Ex"], [Mention(d1.id, 0, 1), Mention(d2.id, 2, 3)])
    y = EntityRecord("cluster:y", "Cluster", "Y", [], [Mention(d1.id, 4, 5)])
    lone = EntityRecord("agency:z", "Agency", "Z", [], [])
    rel = RelationRecord("LOCATED_IN", x.id, y.id, 0.8, "m", [Evidence(d1.id, 0, 5, "s1"), Evidence(d2.id, 0, 3, "s2")])
    records = merge_records([d1, d2, x, y, lone, rel])
    parts = split_parts(records, [[d1.id], [d2.id]])
    second = {r.id if not isinstance(r, RelationRecord) else r.type: r for r in parts[1]}
    assert second["cluster:y"].mentions == []  # named because its relation has evidence here
    assert [e.doc for e in second["LOCATED_IN"].evidence] == [d2.id]
    assert "agency:z" in {getattr(r, "id", None) for r in parts[0]}
    union = merge_records([r for p in parts for r in p])
    assert [r.to_json() for r in union] == [r.to_json() for r in records]


def test_cli_forwards_to_the_library(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    import aikg.ingest.distributed as dist
    from aikg.cli import app

    seen = {}

    def fake(paths, out_dir, **kwargs):
        seen.update(paths=paths, out_dir=out_dir, **kwargs)
        kwargs["summary"].documents = 1
        return [Path(out_dir) / "part-00000.jsonl"]

    monkeypatch.setattr(dist, "extract_distributed", fake)
    result = CliRunner().invoke(app, ["extract-dask", "a.txt", "docs/", "--out-dir", str(tmp_path),
                                      "--scheduler", "tcp://10.0.0.5:8786", "--workers", "3", "--partitions", "8"])
    assert result.exit_code == 0, result.output
    assert seen["paths"] == ["a.txt", "docs/"] and seen["scheduler"] == "tcp://10.0.0.5:8786"
    assert seen["n_workers"] == 3 and seen["partitions"] == 8 and seen["overwrite"] is False
    assert "aikg load" in result.output
