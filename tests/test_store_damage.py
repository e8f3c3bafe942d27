"""A store that does not load whole is refused, left exactly as found, and restored by `aikg store repair`.

Every test damages a copy of a home holding the ingested sample corpus (data/samples), as an
interrupted copy, a crash during a large write or a failing disk can leave it.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import dump

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "data" / "samples"
INCR = "appendonlydir/appendonly.aof.1.incr.aof"


def aikg(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aikg", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory) -> tuple[Path, int, tuple]:
    """A home holding the sample corpus, its document count and a dump of its graph."""
    from aikg.graph.store import open_store

    home = tmp_path_factory.mktemp("ingested") / "home"
    proc = aikg("ingest", str(SAMPLES), "--home", str(home), "--no-progress", timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    store = open_store("embedded", home=home)
    try:
        docs = store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
        return home, docs, dump(store)
    finally:
        store.close()


def copy_home(ingested, tmp_path: Path) -> Path:
    home = tmp_path / "copy"
    shutil.copytree(ingested[0], home)
    return home


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file's bytes (hashed) and modification time, to prove nothing was touched."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


WRITES = (["cypher", "--write", "CREATE (:Company {id: 'company:x', name: 'X'})"],
          ["ingest", str(SAMPLES / "press_release_northvane_mila.txt"), "--no-progress"])


def commands(data: bytes) -> list[tuple[int, int]]:
    """(offset, length) of each command in an append-only file (RESP arrays of bulk strings)."""
    out, pos = [], 0
    while pos < len(data):
        start = pos
        end = data.index(b"\r\n", pos)
        count, pos = int(data[pos + 1:end]), end + 2
        for _ in range(count):
            end = data.index(b"\r\n", pos)
            pos = end + 2 + int(data[pos + 1:end]) + 2
        out.append((start, pos - start))
    return out


def refused_untouched(home: Path, *what: str, writes: bool = False) -> None:
    """Reads (and writes) are refused with a reason and the way out; no file changes."""
    before = fingerprint(home / "embedded")
    for args in (["stats"], *(WRITES if writes else ())):
        proc = aikg(*args, "--home", str(home))
        assert proc.returncode != 0, (args, proc.stdout)
        message = proc.stderr + proc.stdout
        assert "does not load whole" in message and "aikg store repair" in message, message
        for word in what:
            assert word in message, message
        assert fingerprint(home / "embedded") == before, f"`aikg {args[0]}` changed the store's files"


def repaired(home: Path, ingested, source: str) -> subprocess.CompletedProcess:
    check = aikg("store", "check", "--home", str(home))
    assert check.returncode == 1, check.stdout + check.stderr
    assert f"restores {ingested[1]} documents from the {source}" in check.stdout, check.stdout
    proc = aikg("store", "repair", "--home", str(home))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f"restored {ingested[1]} documents from the {source}" in proc.stdout and "lost: 0" in proc.stdout
    from aikg.graph.store import open_store

    store = open_store("embedded", home=home)
    try:
        assert dump(store) == ingested[2]
    finally:
        store.close()
    assert aikg("store", "check", "--home", str(home)).returncode == 0
    return proc


def test_a_truncated_append_only_file_is_refused_untouched_and_restored_from_the_snapshot(ingested, tmp_path):
    home = copy_home(ingested, tmp_path)
    incr = home / "embedded" / INCR
    with open(incr, "r+b") as handle:  # cut 20 KB from the end, as an interrupted copy would
        handle.truncate(incr.stat().st_size - 20 * 1024)
    snapshot = (home / "embedded" / "aikg.rdb").read_bytes()
    cut = incr.read_bytes()
    refused_untouched(home, "truncated", f"{ingested[1]} documents were committed", writes=True)
    proc = repaired(home, ingested, "snapshot aikg.rdb")
    kept = Path(proc.stdout.split("kept in ")[1].split()[0])
    assert (kept / "aikg.rdb").read_bytes() == snapshot and (kept / INCR).read_bytes() == cut  # nothing deleted


def test_missing_append_only_files_are_refused_untouched_and_restored(ingested, tmp_path):
    home = copy_home(ingested, tmp_path)
    shutil.rmtree(home / "embedded" / "appendonlydir")
    refused_untouched(home, "missing")
    repaired(home, ingested, "snapshot aikg.rdb")


def test_a_corrupt_append_only_file_is_refused_untouched(ingested, tmp_path):
    home = copy_home(ingested, tmp_path)
    incr = home / "embedded" / INCR
    data = bytearray(incr.read_bytes())
    middle, _ = max(commands(bytes(data)), key=lambda c: c[1])  # the write that carried the documents
    data[middle:middle + 16] = b"#" * 16  # a failing disk returns garbage where a command begins
    incr.write_bytes(bytes(data))
    refused_untouched(home, "corrupt")
    repaired(home, ingested, "snapshot aikg.rdb")


def test_an_append_only_file_ending_before_the_last_commit_is_refused(ingested, tmp_path):
    """Cut on a command boundary the engine loads without complaint: only the record notices."""
    home = copy_home(ingested, tmp_path)
    incr = home / "embedded" / INCR
    data = incr.read_bytes()
    start, _ = max(commands(data), key=lambda c: c[1])  # the write that carried the documents
    incr.write_bytes(data[:start])
    refused_untouched(home, "it loaded 0 documents but", "were committed")


def test_a_torn_tail_of_a_write_never_acknowledged_still_opens_whole(ingested, tmp_path):
    from aikg.graph.store import open_store

    home = copy_home(ingested, tmp_path)
    incr = home / "embedded" / INCR
    with open(incr, "ab") as handle:  # a crash in the middle of appending a write
        handle.write(b"*3\r\n$12\r\nGRAPH.EFFECT\r\n$4\r\naikg\r\n$90000\r\n" + b"\x01" * 50)
    store = open_store("embedded", home=home)
    try:
        assert dump(store) == ingested[2]
    finally:
        store.close()
