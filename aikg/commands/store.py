"""`aikg store check`, `repair` and `compact`: is the embedded store whole, restoring it when it is not, and
giving an older store the shared-string footprint."""

from __future__ import annotations

import typer

from aikg.commands.options import HomeOpt

store_app = typer.Typer(name="store", no_args_is_help=True,
                        help="Check the embedded store's files and restore a damaged store (see docs/reliability.md).")


@store_app.command("check")
def check(home: HomeOpt = None) -> None:
    """Say whether the store loads whole and what a repair would restore (changes nothing; exit 1 if damaged)."""
    from aikg.graph.backends.embedded_repair import check_store

    result = check_store(home)
    typer.echo(result.to_text(), nl=False)
    if not result.whole:
        raise typer.Exit(1)


@store_app.command("repair")
def repair(home: HomeOpt = None) -> None:
    """Restore what can be restored (the intact part of the append-only file or the snapshot) and say what was lost.

    The damaged files are moved into a damaged-<time> folder, never deleted. Exit 1 if documents were lost.
    """
    from aikg.graph.backends.embedded_repair import repair_store

    report = repair_store(home)
    typer.echo(report.to_text(), nl=False)
    if report.lost or report.not_restored:
        raise typer.Exit(1)


@store_app.command("compact")
def compact(home: HomeOpt = None) -> None:
    """Share the relationship strings of a store written by an aikg older than 2026-12 (same answers, about a
    fifth less memory). Safe to stop and run again; a store already compact is left as it is."""
    from aikg.api import compact as compact_store

    rewritten = compact_store(home=home)
    typer.echo(f"compact: {rewritten:,} relationships rewritten with shared strings")


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
