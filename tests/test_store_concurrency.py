"""Readers and a writer on one home from separate processes: one server, nothing lost, nothing unseen.

The stress test ingests sample documents while three reader processes query in a loop and one
of them is killed with SIGKILL mid-query; every run must end with the graph of a clean ingest,
no reader may ever see fewer committed documents than before, and no ingest may fail. Its
figures are printed (run with -s) and quoted in docs/reliability.md.

`make test` runs it twice (AIKG_STRESS_RUNS=2) to stay inside the suite's time budget; the soak,
`make soak`, runs it ten times (the figures in docs/reliability.md), or AIKG_STRESS_RUNS=N times.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.helpers import dump

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "data" / "samples"
#: Four sample documents (a PDF report, news, a press release, a programme), committed one at a time:
#: the shortest of data/samples, so the ten runs of `make soak` stay within a few minutes.
SUBSET = ("asia_ai_clusters_report.pdf", "news_tokyo_model_startups.html", "press_release_northvane_mila.txt",
          "programme_announcement_canada_uk_bridge.txt")
#: Runs of the stress test: 2 in `make test`, 10 in `make soak` (docs/reliability.md's figures).
RUNS = int(os.environ.get("AIKG_STRESS_RUNS", "2"))

READER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from aikg.graph.store import open_store

    home, mode, stop = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    record = home / "embedded" / "committed.json"
    heavy = "MATCH (a:Entity)-[*1..3]-(b:Entity) RETURN count(*) AS n"
    store = open_store("embedded", home=home) if mode == "held" else None
    while not stop.exists():
        try:
            floor = json.loads(record.read_text())["documents"]  # committed before this read began
        except (OSError, ValueError, KeyError):
            floor = 0
        try:
            st = store or open_store("embedded", home=home)
            if mode == "schema":
                st.apply_schema()  # as every CLI command does, racing the ingest's own on a new home
            rows = st.read("MATCH (d:Document) RETURN count(d) AS n")
            n = rows[0]["n"] if rows else 0  # no rows: the graph was never written yet
            if mode == "held":
                st.read(heavy)  # the reader that gets killed: always inside a query
            else:
                st.close()  # like one CLI command after another
                time.sleep(0.05)
            print(json.dumps({"floor": floor, "n": n}), flush=True)
        except Exception as exc:
            print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}), flush=True)
            time.sleep(0.05)
    if store:
        store.close()
""")


def _aikg(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "aikg", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)


def _ingest_cmd(folder: Path, home: Path) -> list[str]:
    return [sys.executable, "-m", "aikg", "ingest", str(folder), "--home", str(home), "--chunk-size", "1",
            "--no-progress"]


def _documents(stats_table: str) -> int:
    match = re.search(r"^node\s+Document\s+(\d+)", stats_table, re.M)
    return int(match.group(1)) if match else 0


def _server_gone(home: Path) -> bool:
    from aikg.core.locking import held_exclusively

    end = time.monotonic() + 10
    while held_exclusively(home / "embedded" / "server.lock") and time.monotonic() < end:
        time.sleep(0.05)
    return not held_exclusively(home / "embedded" / "server.lock")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, tuple]:
    """The subset in a folder, and the dump of a clean ingest of it (nobody else reading)."""
    from aikg.graph.store import open_store

    base = tmp_path_factory.mktemp("stress")
    folder = base / "corpus"
    folder.mkdir()
    for name in SUBSET:
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    clean = base / "clean"
    subprocess.run(_ingest_cmd(folder, clean), check=True, capture_output=True, cwd=ROOT, timeout=600)
    # the ingest was the last user: it saved and stopped the server; stats starts a new one at once
    assert _documents(_aikg("stats", "--home", str(clean)).stdout) == len(SUBSET)
    store = open_store("embedded", home=clean)
    try:
        return folder, dump(store)
    finally:
        store.close()


HOLDER = textwrap.dedent("""
    import sys, time
    from aikg.graph.store import open_store
    store = open_store("embedded", home=sys.argv[1])
    print(store._db.client.pid, flush=True)
    if sys.argv[2] == "write":
        store.apply_schema()
        store.write("MERGE (:Company:Entity {id: $id, name: $id})", {"id": "company:" + sys.argv[3]})
        print("written", flush=True)
    time.sleep(float(sys.argv[4]))
    store.close()
""")


def _holder(home: Path, mode: str, name: str, hold: float) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", HOLDER, str(home), mode, name, str(hold)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_processes_share_one_server_and_a_killed_one_never_stops_it(tmp_path):
    from aikg.graph.store import open_store

    home = tmp_path / "home"
    writer = _holder(home, "write", "a", 6)
    assert writer.stdout.readline().strip().isdigit() and writer.stdout.readline().strip() == "written"
    readers = [_holder(home, "read", "-", 30) for _ in range(3)]
    pids = {int(r.stdout.readline()) for r in readers}
    readers[0].send_signal(signal.SIGKILL)  # a reader killed while it uses the server
    readers[0].wait()
    late = _holder(home, "write", "b", 0)  # another writer after the kill, on the same server
    assert late.stdout.readline().strip() in {str(p) for p in pids}
    assert late.wait(timeout=120) == 0, late.stderr.read()
    assert writer.wait(timeout=120) == 0, writer.stderr.read()
    assert len(pids) == 1  # one server for every process on this home
    (pid,) = pids
    assert os.path.exists(f"/proc/{pid}")  # the remaining readers still hold it
    for r in readers[1:]:
        r.kill()
        r.wait()
    store = open_store("embedded", home=home)  # the last user: attaches to the orphaned server ...
    try:
        assert store._db.client.pid == pid
        assert {r["id"] for r in store.read("MATCH (c:Company) RETURN c.id AS id")} == {"company:a", "company:b"}
    finally:
        store.close()  # ... and, last out, saves and stops it
    assert _server_gone(home) and not (home / "embedded" / "aikg.rdb.settings").exists()
    assert (home / "embedded" / "aikg.rdb").exists()


def _read_log(lines: list[str]) -> tuple[list[dict], list[str]]:
    reads, errors = [], []
    for line in lines:
        if not line.strip():
            continue
        entry = json.loads(line)
        (errors.append(entry["error"]) if "error" in entry else reads.append(entry))
    return reads, errors


def _one_run(folder: Path, home: Path, rnd: random.Random) -> dict:
    """One ingest with three readers, one killed mid-query; returns the figures of the run."""
    stop = home.parent / "stop"
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(home), mode, str(stop)], cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for mode in ("each", "schema", "held")]
    ingest = subprocess.Popen(_ingest_cmd(folder, home), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    time.sleep(rnd.uniform(2.0, 6.0))
    victim = readers[2]
    killed_during_ingest = ingest.poll() is None
    victim.send_signal(signal.SIGKILL)  # it spends its time inside a 3-hop path count: killed mid-query
    out, err = ingest.communicate(timeout=900)
    stats = _aikg("stats", "--home", str(home))  # right after the ingest exits, readers still running
    stop.touch()
    logs = [r.communicate(timeout=300)[0].splitlines() for r in readers]
    reported = int(re.search(r"documents: (\d+) processed", out).group(1)) if ingest.returncode == 0 else -1
    figures = {"ingest_rc": ingest.returncode, "ingest_out": out + err, "reported": reported,
               "stats_documents": _documents(stats.stdout), "killed_during_ingest": killed_during_ingest,
               "reads": 0, "errors": [], "regressions": 0, "below_floor": 0}
    for log in logs:
        reads, errors = _read_log(log)
        figures["reads"] += len(reads)
        figures["errors"] += errors
        figures["regressions"] += sum(1 for a, b in zip(reads, reads[1:]) if b["n"] < a["n"])
        figures["below_floor"] += sum(1 for r in reads if r["n"] < r["floor"])
    return figures


@pytest.mark.slow
def test_stress_ingest_with_readers_and_a_killed_reader(corpus, tmp_path):
    from aikg.graph.store import open_store

    folder, clean = corpus
    rnd = random.Random(15)
    started = time.monotonic()
    total_reads = killed_during = 0
    for run in range(RUNS):
        home = tmp_path / f"run{run}" / "home"
        home.parent.mkdir()
        f = _one_run(folder, home, rnd)
        assert f["ingest_rc"] == 0, f"run {run}: the ingest failed:\n{f['ingest_out']}"
        assert f"{len(SUBSET)} processed, 0 already in the store, 0 failed" in f["ingest_out"], f["ingest_out"]
        assert f["stats_documents"] == f["reported"] == len(SUBSET), f"run {run}: stats right after the ingest"
        assert not f["errors"], f"run {run}: readers failed: {f['errors'][:3]}"
        assert f["regressions"] == 0, f"run {run}: a reader saw fewer documents than a read before it"
        assert f["below_floor"] == 0, f"run {run}: a reader missed documents committed before it began"
        assert f["reads"] > 0
        store = open_store("embedded", home=home)
        try:
            assert dump(store) == clean, f"run {run}: the graph differs from a clean ingest"
        finally:
            store.close()
        assert _server_gone(home), f"run {run}: the server outlived its last user"
        total_reads += f["reads"]
        killed_during += f["killed_during_ingest"]
    print(f"\nstress: runs {RUNS}, documents per run {len(SUBSET)}, reads {total_reads}, "
          f"reader killed during the ingest in {killed_during} runs, ingest failures 0, reader errors 0, "
          f"regressions 0, {time.monotonic() - started:.0f} s")
