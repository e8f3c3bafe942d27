"""Render DataFrames as a terminal table, CSV, JSON or Markdown (one place for every command)."""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd

FORMATS = ("table", "csv", "json", "markdown")


def cell_text(value: Any, *, sep: str = ", ", digits: int = 4) -> str:
    """A result value as table text: lists joined with ``sep``, nulls empty, floats to ``digits`` significant."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return sep.join(cell_text(v, sep=sep, digits=digits) for v in value)
    if isinstance(value, float):
        return f"{value:.{digits}g}"
    return str(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def terminal_width() -> int | None:
    """Columns of the terminal standard output is, or None when it is a file or a pipe."""
    import shutil
    import sys

    if not sys.stdout.isatty():
        return None
    return shutil.get_terminal_size((100, 24)).columns


def render(df: pd.DataFrame, fmt: str = "table", *, max_width: int | None = None, width: int | None = None) -> str:
    """Text of ``df`` in ``fmt``.

    The table form keeps every cell whole: with ``width`` (a terminal's columns) long cells
    wrap onto more lines so each line fits; ``max_width`` instead cuts cells to that many
    characters (for summaries). CSV, JSON and Markdown never cut or wrap."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "csv":
        return df.to_csv(index=False)
    if fmt == "json":
        records = [{k: _jsonable(v) for k, v in row.items()} for row in df.to_dict(orient="records")]
        return json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n"
    cols = [str(c) for c in df.columns]
    rows = [[cell_text(v) for v in row] for row in df.itertuples(index=False, name=None)]
    if fmt == "markdown":
        esc = lambda s: s.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        lines = ["| " + " | ".join(esc(c) for c in cols) + " |", "|" + "---|" * len(cols)]
        lines += ["| " + " | ".join(esc(c) for c in r) + " |" for r in rows]
        return "\n".join(lines) + "\n"
    rows = [[" ".join(c.split()) for c in r] for r in rows]
    if max_width:
        rows = [[(c[: max_width - 1] + "…") if len(c) > max_width else c for c in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(cols)]
    if width:
        widths = fit_widths(widths, [len(c) for c in cols], width)
        if sum(widths) + 2 * (len(widths) - 1) > width:
            return _expanded(cols, rows, width)
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines += _wrapped_row(r, widths)
    return "\n".join(lines) + "\n"


#: Narrowest a column is squeezed to when a table must fit a terminal.
MIN_COLUMN = 8


def fit_widths(natural: list[int], headers: list[int], total: int) -> list[int]:
    """Column widths that fit ``total`` characters (with two-space gaps): wide columns give way
    first, later ones sooner than the leading ones (a query puts what matters first), none
    below its header or ``MIN_COLUMN``."""
    widths = list(natural)
    room = total - 2 * (len(widths) - 1)
    floor = [min(n, max(h, MIN_COLUMN)) for n, h in zip(natural, headers)]
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda k: (widths[k] - floor[k]) * (k + 1))
        if widths[i] <= floor[i]:
            break  # cannot fit: the terminal wraps what is left
        widths[i] -= 1
    return widths


def _wrapped_row(cells: list[str], widths: list[int]) -> list[str]:
    import textwrap

    parts = [textwrap.wrap(c, w, break_long_words=True, break_on_hyphens=False) or [""] if len(c) > w else [c]
             for c, w in zip(cells, widths)]
    height = max(len(p) for p in parts)
    return ["  ".join((p[k] if k < len(p) else "").ljust(w) for p, w in zip(parts, widths)).rstrip()
            for k in range(height)]


def _expanded(cols: list[str], rows: list[list[str]], width: int) -> str:
    """One block per row (column name, then its value wrapped), for results too wide for the terminal."""
    import textwrap

    label = max(len(c) for c in cols)
    value = max(width - label - 2, 20)
    out: list[str] = []
    for n, row in enumerate(rows, 1):
        out.append(f"-[ {n} ]" + "-" * max(0, min(width, label + 2 + value) - len(f"-[ {n} ]")))
        for col, cell in zip(cols, row):
            parts = textwrap.wrap(cell, value, break_on_hyphens=False) or [""]
            out.append(f"{col.ljust(label)}  {parts[0]}".rstrip())
            out += [f"{' ' * label}  {part}" for part in parts[1:]]
    return "\n".join(out) + "\n"
