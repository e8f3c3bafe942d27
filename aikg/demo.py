"""The main job a new user runs (`make demo`)."""

from __future__ import annotations

from pathlib import Path

from aikg.paths import PROJECT_ROOT


def run_demo(home: str | Path | None = None, out_dir: str | Path = "out") -> int:
    """Load the bundled facts into the embedded store and print what is there."""
    from aikg import api
    from aikg.output import render

    report = api.load([PROJECT_ROOT / "tests" / "data" / "loader_fixture.jsonl"], home=home)
    print(f"documents loaded: {report.documents_loaded}, already present: {report.documents_skipped}")
    print(render(api.stats(home=home).to_frame()), end="")
    return 1 if report.failed else 0
