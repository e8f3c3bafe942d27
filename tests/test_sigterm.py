"""SIGTERM (kill, timeout, a service manager) ends `aikg ingest` the way Ctrl-C does: between documents,
with what was committed said, the store closed and its embedded server stopped, and a resume that finishes."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import servers_under

ROOT = Path(__file__).parent.parent
GOLD_DEV = ROOT / "tests" / "data" / "gold" / "dev"


def _committed(home: Path) -> int:
    try:
        return int(json.loads((home / "embedded" / "committed.json").read_text()).get("documents", 0))
    except (OSError, ValueError):
        return 0


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a shell starts a background job (`nohup aikg ingest … &`)


@pytest.mark.parametrize("sigint", ["default", "ignored"])
def test_sigterm_stops_between_documents_stops_the_server_and_the_run_resumes(tmp_path, sigint):
    folder = tmp_path / "docs"
    folder.mkdir()
    for i, src in enumerate(sorted(GOLD_DEV.glob("*.txt"))[:6]):
        shutil.copy(src, folder / f"{i:02d}_{src.name}")
    home = tmp_path / "home"
    cmd = [sys.executable, "-m", "aikg", "ingest", str(folder), "--home", str(home), "--chunk-size", "1",
           "-j", "1", "--no-progress"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_ignore_sigint if sigint == "ignored" else None)
    deadline = time.monotonic() + 300
    while _committed(home) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is None, "the run finished before it could be terminated"
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)

    assert proc.returncode == 143, out + err
    said = re.search(r"interrupted: (\d+) document\(s\) committed in this run", err)
    assert said and 1 <= int(said.group(1)) < 6 and "Traceback" not in err, err
    assert _committed(home) == int(said.group(1))
    assert servers_under(home) == [], "the terminated run left its store's server running"

    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    assert _committed(home) == 6


def test_a_nested_block_shares_the_stop_request_when_sigint_is_ignored():
    """Under `nohup … &` only SIGTERM carries the handler: a block inside the CLI's own must still find the request
    the handler records into, or a `kill` would be seen by nobody."""
    from aikg.interrupt import catch_ctrl_c

    if signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        pytest.skip("this test process handles SIGTERM itself")
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with catch_ctrl_c() as outer:
            with catch_ctrl_c() as inner:
                assert inner is outer
            assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGINT, old)
