"""Shared benchmark helpers: timing, peak memory, a temporary home."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from typing import Any


def peak_rss_mb() -> float:
    """Peak resident memory of this process and its finished children, in MB (Linux reports KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def table(rows: list[dict[str, Any]]) -> str:
    """A Markdown table of result rows (the format docs/benchmarks.md uses)."""
    if not rows:
        return "(no rows)\n"
    cols = list(rows[0])
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in rows:
        lines.append("| " + " | ".join(f"{row[c]:,.1f}" if isinstance(row[c], float) else str(row[c]) for c in cols) + " |")
    return "\n".join(lines) + "\n"
