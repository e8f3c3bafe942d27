"""`aikg store check` and `aikg store repair`: is the embedded store whole, and restoring it when it is not."""

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


def register(app: typer.Typer) -> None:
    app.add_typer(store_app, name="store")
