"""Options and helpers shared by every command module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

StoreOpt = Annotated[str, typer.Option("--store", help="Graph store: embedded (default, no server) or neo4j.",
                                       envvar="AIKG_STORE")]
HomeOpt = Annotated[Optional[Path], typer.Option("--home", help="Data directory (default $AIKG_HOME or ~/.local/share/aikg).")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="Output format: table, csv, json or markdown.")]


def echo_err(message: str) -> None:
    typer.echo(message, err=True)


def parse_params(values: list[str] | None) -> dict[str, Any]:
    """``key=value`` pairs; values that parse as JSON (numbers, lists, true) keep that type."""
    params: dict[str, Any] = {}
    for item in values or []:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{item!r}: expected key=value")
        try:
            params[key.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            params[key.strip()] = raw
    return params


def echo_load_report(report: Any) -> None:
    """Print a loader report; exit 1 when anything failed (the rest was still loaded)."""
    typer.echo(f"documents loaded: {report.documents_loaded}, already present: {report.documents_skipped}, "
               f"entities written: {report.entities_written}, relations written: {report.relations_written}")
    for err in report.errors:
        echo_err(f"error: {err}")
    if report.failed:
        echo_err(f"{len(report.errors)} problem(s); the rest was loaded")
        raise typer.Exit(1)
