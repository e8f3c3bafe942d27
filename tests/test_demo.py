"""`make demo` runs in the test suite on a temporary home: the whole product, then idempotent."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import dump

ROOT = Path(__file__).parent.parent
pytestmark = pytest.mark.slow


def _make_demo(home: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", "demo", f"AIKG_HOME={home}", f"DEMO_OUT={out}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)


def test_make_demo_end_to_end_and_idempotent(made_demo):
    from aikg.graph.store import open_store

    home, out, first = made_demo  # the session's one `make demo` run (tests/conftest.py)
    assert first.returncode == 0, first.stdout[-2000:] + first.stderr[-2000:]
    text = first.stdout
    assert "documents: 12 processed, 0 already in the store, 0 failed" in text
    for section in ("Clusters that share anchor partners", "People who bridge clusters", "Funding flows"):
        assert section in text
    assert "no rows" not in text  # every showcase query answers something on the samples
    for name in ("partnerships.html", "partnerships.png", "aikg.ttl", "clusters.html", "clusters.png", "clusters.svg"):
        path = out / name
        assert path.exists() and path.stat().st_size > 1000, name
        assert str(path.resolve()) in text
    assert "aikg query list" in text
    store = open_store("embedded", home=home)
    before = dump(store, volatile=True)
    store.close()
    assert len(before[0]) > 200

    second = _make_demo(home, out.parent / "out-again")  # the figure tests may be reading `out` meanwhile (xdist)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "documents: 0 processed, 12 already in the store" in second.stdout
    store = open_store("embedded", home=home)
    try:
        assert dump(store, volatile=True) == before  # nothing changed, timestamps included
    finally:
        store.close()
