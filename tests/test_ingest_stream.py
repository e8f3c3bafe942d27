"""`aikg ingest -j 2`: workers extract ahead while the parent loads, and the graph is the one process's.

Real spaCy, real worker processes (forked: a test's monkeypatch of the extractor reaches them), real
embedded store."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aikg.graph.store import open_store
from aikg.ingest.nlp import Extractor
from aikg.ingestion import ingest_paths
from tests.helpers import dump

ROOT = Path(__file__).parent.parent
GOLD_DEV = ROOT / "tests" / "data" / "gold" / "dev"
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def _corpus(folder: Path, count: int = 7) -> Path:
    """Gold dev texts (entities shared across them, so later chunks resolve against earlier ones), one of
    them twice under another name (one document), an empty file and a table."""
    folder.mkdir()
    texts = sorted(GOLD_DEV.glob("*.txt"))[:count]
    for i, src in enumerate(texts):
        shutil.copy(src, folder / f"{i:02d}_{src.name}")
    shutil.copy(texts[1], folder / f"{count:02d}_copy.txt")
    (folder / "zz_empty.txt").write_text("", "utf-8")
    shutil.copy(ROOT / "data" / "samples" / "ai_indicators_by_metro.csv", folder / "table.csv")
    return folder


def _ingest(folder: Path, home: Path, **options):
    store = open_store("embedded", home=home)
    store.apply_schema()
    try:
        summary = ingest_paths([folder], store, chunk_size=2, show_progress=False, **options)
        return summary, dump(store)
    finally:
        store.close()


def test_two_processes_give_the_one_process_graph_whatever_the_prefetch(tmp_path):
    folder = _corpus(tmp_path / "docs")
    one, graph = _ingest(folder, tmp_path / "one", n_process=1)
    assert one.documents == 8 and one.already_present == 1 and [f.source for f in one.failures] == \
        [str(folder / "zz_empty.txt")]
    assert len(graph[0]) > 50 and len(graph[1]) > 50
    for prefetch in (2, 0):
        many, other = _ingest(folder, tmp_path / f"two-{prefetch}", n_process=2, prefetch=prefetch)
        assert other == graph, f"prefetch={prefetch}: the graph differs from one process's"
        assert (many.documents, many.already_present, many.words, many.failures) == \
            (one.documents, one.already_present, one.words, one.failures)
        assert many.entities_by_type == one.entities_by_type and many.relations_by_type == one.relations_by_type


def test_a_document_whose_extraction_fails_is_named_and_the_rest_load(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "docs", count=4)  # in chunks of 2 the two bad files are a chunk of their own
    (folder / "01b_bad.txt").write_text("BOOM is a company based in Toronto.\n", "utf-8")
    (folder / "01c_dies.txt").write_text("CRASH Robotics is a company based in Ottawa.\n", "utf-8")
    real = Extractor.extract_many

    def extract_many(self, docs, n_process=1):
        for d in docs:
            if d.text.startswith("BOOM"):
                raise ValueError("a rule broke")
            if d.text.startswith("CRASH"):
                os._exit(3)  # the worker process dies, as when the kernel kills it for memory
        yield from real(self, docs, n_process=n_process)

    monkeypatch.setattr(Extractor, "extract_many", extract_many)  # forked workers inherit it
    summary, broken = _ingest(folder, tmp_path / "two", n_process=2)
    reasons = {Path(f.source).name: f.reason for f in summary.failures}
    assert set(reasons) == {"01b_bad.txt", "01c_dies.txt", "zz_empty.txt"}, reasons
    assert reasons["01b_bad.txt"].startswith("extraction failed: ValueError: a rule broke")
    assert reasons["01c_dies.txt"].startswith("the extraction process died on this document")
    assert summary.documents == 5  # 4 texts and the table; the copy was already there
    monkeypatch.setattr(Extractor, "extract_many", real)
    (folder / "01b_bad.txt").unlink()
    (folder / "01c_dies.txt").unlink()
    _, graph = _ingest(folder, tmp_path / "good", n_process=1)
    assert broken == graph  # the failures left nothing behind, and every other document is as without them


def test_one_process_names_a_document_whose_extraction_fails_and_loads_the_rest(tmp_path, monkeypatch):
    """The same fault with -j 1: the chunk is extracted again one document at a time, the one that raises is
    named, and every other document (its chunk-mate too) is loaded as without it."""
    folder = _corpus(tmp_path / "docs", count=4)
    (folder / "01b_bad.txt").write_text("BOOM is a company based in Toronto.\n", "utf-8")
    real = Extractor.extract_many

    def extract_many(self, docs, n_process=1):
        docs = list(docs)
        if any(d.text.startswith("BOOM") for d in docs):
            raise ValueError("a rule broke")
        yield from real(self, docs, n_process=n_process)

    monkeypatch.setattr(Extractor, "extract_many", extract_many)
    summary, broken = _ingest(folder, tmp_path / "one", n_process=1)
    reasons = {Path(f.source).name: f.reason for f in summary.failures}
    assert set(reasons) == {"01b_bad.txt", "zz_empty.txt"}, reasons
    assert reasons["01b_bad.txt"].startswith("extraction failed: ValueError: a rule broke")
    assert summary.documents == 5  # 4 texts and the table; the copy was already there
    monkeypatch.setattr(Extractor, "extract_many", real)
    (folder / "01b_bad.txt").unlink()
    _, graph = _ingest(folder, tmp_path / "good", n_process=1)
    assert broken == graph


def _committed(home: Path) -> int:
    try:
        return int(json.loads((home / "embedded" / "committed.json").read_text()).get("documents", 0))
    except (OSError, ValueError):
        return 0


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _cmd(folder: Path, home: Path) -> list[str]:
    return [sys.executable, "-m", "aikg", "ingest", str(folder), "--home", str(home), "--chunk-size", "1",
            "-j", "2", "--no-progress"]


def _wait_committed(proc: subprocess.Popen, home: Path, count: int) -> None:
    deadline = time.monotonic() + 300
    while _committed(home) < count and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    assert proc.poll() is None, "the run finished before it could be interrupted"


def test_ctrl_c_and_sigkill_with_two_processes_then_resume(tmp_path):
    """Ctrl-C: the run stops after a commit and says what it committed; SIGKILL: the workers end with the
    parent (no orphan holds the model's memory or the store's locks); each resume finishes the graph a clean
    one-process run makes."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, src in enumerate(sorted(GOLD_DEV.glob("*.txt"))[:16]):
        shutil.copy(src, folder / f"{i:02d}_{src.name}")
    clean = tmp_path / "clean"
    one_process = [a for a in _cmd(folder, clean) if a not in ("-j", "2")]
    subprocess.run(one_process, cwd=ROOT, check=True, capture_output=True, timeout=600)
    store = open_store("embedded", home=clean)
    expected = dump(store)
    store.close()

    stopped = tmp_path / "ctrl-c"
    proc = subprocess.Popen(_cmd(folder, stopped), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_committed(proc, stopped, 2)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, out + err
    said = re.search(r"interrupted: (\d+) document\(s\) committed in this run", err)
    assert said and 2 <= int(said.group(1)) < 16 and "Traceback" not in err, err
    assert _committed(stopped) == int(said.group(1))

    killed = tmp_path / "sigkill"
    proc = subprocess.Popen(_cmd(folder, killed), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_committed(proc, killed, 1)
    workers = [p for p in _children(proc.pid) if "python" in Path(f"/proc/{p}/cmdline").read_bytes().decode(errors="replace")]
    assert len(workers) >= 2, workers  # the two extraction workers (the store server is a child too)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(p) for p in workers), "an extraction worker outlived its killed parent"

    for home in (stopped, killed):
        again = subprocess.run(_cmd(folder, home), cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stdout + again.stderr
        store = open_store("embedded", home=home)
        try:
            assert dump(store) == expected, f"{home.name}: the resumed graph differs from a clean run's"
        finally:
            store.close()
