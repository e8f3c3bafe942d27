"""A write the embedded store cannot make durable fails its documents; a restart shows exactly what was reported.

One test fills a real file system (a 600 KB tmpfs the test mounts and removes: needs root);
one injects the fault into the running engine's persistence (its append-only file switched
off under it), which runs anywhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "data" / "samples"
FIXTURE = ROOT / "tests" / "data" / "loader_fixture.jsonl"


def _sources(home: Path) -> list[str]:
    from aikg.graph.store import open_store

    store = open_store("embedded", home=home)
    try:
        return sorted(r["s"] for r in store.read("MATCH (d:Document) RETURN d.source AS s"))
    finally:
        store.close()


@pytest.fixture
def small_fs(tmp_path):
    """A 600 KB file system: a full ingest of the samples writes about 730 KB of append-only file."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root; the fault-injection test below covers the same path")
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True,
                          text=True)
    if proc.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({proc.stderr.strip()}); the fault-injection test covers the same path")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.mark.slow
def test_a_full_disk_fails_the_documents_it_refused_and_a_restart_shows_what_was_reported(small_fs):
    home = small_fs / "home"
    proc = subprocess.run([sys.executable, "-m", "aikg", "ingest", str(SAMPLES), "--home", str(home),
                           "--chunk-size", "1", "--no-progress"], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    failed = re.findall(r"^FAILED (\S+): (.*)$", proc.stdout, re.M)
    processed = int(re.search(r"documents: (\d+) processed", proc.stdout).group(1))
    assert failed and processed, proc.stdout  # the disk filled part way through
    assert "append-only file" in failed[0][1] and "Free space" in failed[0][1], failed[0][1]
    from aikg.ingest.loaders import load_path

    named = {path for path, _ in failed}  # a failure names the input path (as discover found it)
    stored = {str(p): load_path(p).record().source for p in SAMPLES.iterdir() if not p.name.startswith(".")}
    assert named <= set(stored), named - set(stored)
    reported = sorted(src for path, src in stored.items() if path not in named)  # stored: file name or URL
    assert len(reported) == processed == len(stored) - len(failed)
    assert _sources(home) == reported  # the restart holds exactly what was reported loaded
    assert _sources(home) == reported  # and keeps holding it (no snapshot replaced the log)
    record = json.loads((home / "embedded" / "committed.json").read_text())
    # never ahead of the data; the disk can fill between a durable write and the record's own file, which then
    # stays one write behind (and catches up at the next start with room to write it)
    assert processed - 1 <= record["documents"] <= processed


def _document(tmp_path: Path, n: int) -> tuple[Path, str]:
    """A one-document JSONL file: the document and one company it mentions."""
    doc = f"{n:x}" * 64
    lines = [{"record": "document", "id": doc[:64], "source": f"doc{n}.md", "title": "", "kind": "text", "chars": 9},
             {"record": "entity", "id": f"company:c{n}", "type": "Company", "name": f"C{n}", "aliases": [],
              "mentions": [{"doc": doc[:64], "start": 0, "end": 2}]}]
    path = tmp_path / f"doc{n}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    return path, doc[:64]


def test_a_write_the_engine_stops_persisting_fails_its_documents_and_is_not_kept(tmp_path):
    from aikg.core.errors import StoreError
    from aikg.graph.loader import load_jsonl
    from aikg.graph.store import open_store

    home = tmp_path / "home"
    first, _ = _document(tmp_path, 1)
    second, second_id = _document(tmp_path, 2)
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        report = load_jsonl(store, [first])
        assert report.documents_loaded == 1 and not report.errors
        store._db.connection.config_set("appendonly", "no")  # the fault: the engine stops persisting writes
        report = load_jsonl(store, [second])
        assert report.documents_loaded == 0
        assert [e.document for e in report.errors] == [second_id]
        assert "append-only file is switched off" in str(report.errors[0]), report.errors
        with pytest.raises(StoreError, match="switched off"):
            store.write("CREATE (:Company {id: 'company:late', name: 'Late'})")  # nothing more is accepted
    finally:
        store.close()
    assert _sources(home) == ["doc1.md"]  # the restart shows what was reported, nothing else


def test_a_record_left_behind_catches_up_at_the_next_start(tmp_path):
    """A full disk can keep committed.json one write behind the data; the next start brings it level."""
    from aikg.graph.loader import load_jsonl
    from aikg.graph.store import open_store

    home = tmp_path / "home"
    docs = [_document(tmp_path, n)[0] for n in (1, 2)]
    store = open_store("embedded", home=home)
    try:
        store.apply_schema()
        assert load_jsonl(store, docs).documents_loaded == 2
    finally:
        store.close()
    record = home / "embedded" / "committed.json"
    data = json.loads(record.read_text())
    assert data["documents"] == 2
    record.write_text(json.dumps({**data, "documents": 1}))  # as a disk too full for the record leaves it
    assert _sources(home) == ["doc1.md", "doc2.md"]  # a record behind the data is no damage
    assert json.loads(record.read_text())["documents"] == 2
