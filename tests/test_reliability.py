"""Bad input, crashes and resumes: nothing crashes, every bad file is named, nothing is lost."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aikg.core.jsonl import read_jsonl
from aikg.ingestion import ingest_paths
from tests.helpers import dump
from tests.hostile import GOOD_TEXT, bad_jsonl_lines, make_hostile_corpus

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow


def _good_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = {
        "toronto.txt": GOOD_TEXT,
        "london.md": "# London\n\nThe Alan Turing Institute is based in London. It partners with Google DeepMind "
                     "and is funded by UK Research and Innovation (UKRI).\n",
        "singapore.txt": "AI Singapore (AISG) is a national programme run by the National Research Foundation. "
                         "AISG partners with the National University of Singapore.\n",
    }
    paths = []
    for name, text in texts.items():
        (folder / name).write_text(text, "utf-8")
        paths.append(folder / name)
    return paths


def _facts(store) -> tuple[set, set]:
    ents = {r["id"] for r in store.read("MATCH (e:Entity) RETURN e.id AS id")}
    rels = {(r["a"], r["t"], r["b"]) for r in store.read(
        "MATCH (a:Entity)-[r]->(b:Entity) RETURN a.id AS a, type(r) AS t, b.id AS b")}
    return ents, rels


def test_hostile_corpus_mixed_with_good_files(tmp_path):
    from aikg.graph.store import open_store

    good = _good_corpus(tmp_path / "mixed")
    expected = make_hostile_corpus(tmp_path / "mixed")
    clean_store = open_store("embedded", home=tmp_path / "clean")
    clean_store.apply_schema()
    mixed_store = open_store("embedded", home=tmp_path / "dirty")
    mixed_store.apply_schema()
    try:
        clean = ingest_paths(good, clean_store)
        assert not clean.failed and clean.documents == 3
        summary = ingest_paths([tmp_path / "mixed"], mixed_store)  # must not raise
        failed = {Path(f.source).name: f.reason for f in summary.failures + summary.skipped_files}
        for name, reason in expected.items():
            if reason is not None:
                assert name in failed, f"{name} should have failed with a reason"
                assert reason.lower() in failed[name].lower(), (name, failed[name])
        for name in ("scripts.html", "deeply_nested.html", "invalid_utf8.txt", "utf16_nobom.txt", "ragged.csv",
                     "formulas.csv", "injection.md", "cp1252.txt", "bom_utf8.md", "control_chars.md"):
            assert name not in failed, (name, failed.get(name))
        assert all(f.reason.strip() for f in summary.failures)
        assert summary.failed  # the exit status says something failed
        assert len(expected) + len(good) >= 25
        # every fact of the good files is present after the mixed run
        clean_ents, clean_rels = _facts(clean_store)
        mixed_ents, mixed_rels = _facts(mixed_store)
        assert clean_ents and clean_rels
        assert clean_ents <= mixed_ents
        assert clean_rels <= mixed_rels
        # hostile text stayed data: nothing executed or deleted, values stored verbatim
        sources = {r["s"] for r in mixed_store.read("MATCH (d:Document) RETURN d.source AS s")}
        assert "injection.md" in sources  # the file name: no local path in the store
        formulas = mixed_store.read("MATCH (e:Entity) WHERE e.name STARTS WITH '=cmd' RETURN e.name AS n")
        assert all(r["n"].startswith("=cmd|") for r in formulas)
    finally:
        clean_store.close()
        mixed_store.close()


def test_cli_exit_status_and_summary_name_bad_files(tmp_path):
    folder = tmp_path / "in"
    _good_corpus(folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    proc = subprocess.run([sys.executable, "-m", "aikg", "ingest", str(folder), "--home", str(tmp_path / "h"),
                           "--no-progress"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert "empty.txt" in proc.stdout and "binary.txt" in proc.stdout
    assert "documents: 3 processed" in proc.stdout


def test_bad_jsonl_records_each_named(tmp_path, store):
    from aikg.graph.loader import load_jsonl

    path = tmp_path / "bad.jsonl"
    lines = bad_jsonl_lines()
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = read_jsonl([path])
    assert sorted(e.line for e in result.errors) == list(range(3, len(lines) + 1))
    report = load_jsonl(store, [path])
    assert report.documents_loaded == 1
    assert store.read("MATCH (c:Company) RETURN c.id AS id") == [{"id": "company:a"}]


def _ingest_cmd(folder: Path, home: Path) -> list[str]:
    return [sys.executable, "-m", "aikg", "ingest", str(folder), "--home", str(home), "--chunk-size", "1",
            "--no-progress"]


def test_sigkill_during_ingest_then_resume_equals_clean_run(tmp_path):
    from aikg.graph.store import open_store

    folder = tmp_path / "corpus"
    for i, src in enumerate(sorted((ROOT / "tests" / "data" / "gold" / "dev").glob("*.txt"))[:5]):
        (folder).mkdir(exist_ok=True)
        (folder / f"{i}_{src.name}").write_text(src.read_text("utf-8"), "utf-8")
    clean_home = tmp_path / "clean"
    subprocess.run(_ingest_cmd(folder, clean_home), check=True, capture_output=True, cwd=ROOT, timeout=600)
    store = open_store("embedded", home=clean_home)
    clean = dump(store)
    store.close()
    rnd = random.Random(11)
    for run in range(3):
        home = tmp_path / f"run{run}"
        proc = subprocess.Popen(_ingest_cmd(folder, home), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(2.0, 8.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if run == 2:  # also kill the embedded server: only the append-only log is left
            settings = home / "embedded" / "aikg.rdb.settings"
            if settings.exists():
                import json

                pidfile = json.loads(settings.read_text())["pidfile"]
                if os.path.exists(pidfile):
                    os.kill(int(open(pidfile).read().strip()), signal.SIGKILL)
        subprocess.run(_ingest_cmd(folder, home), check=True, capture_output=True, cwd=ROOT, timeout=600)
        store = open_store("embedded", home=home)
        try:
            assert dump(store) == clean, f"run {run} differs from the clean run"
        finally:
            store.close()
