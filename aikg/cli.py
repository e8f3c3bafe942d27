"""The ``aikg`` command line: thin typer commands over :mod:`aikg.api` and the other libraries."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from aikg.commands.options import FormatOpt, HomeOpt, StoreOpt, echo_err, echo_load_report, parse_params  # noqa: F401
from aikg.core.errors import AikgError

app = typer.Typer(
    name="aikg",
    help="A knowledge graph of the AI ecosystem: ingest documents, query clusters and partnerships, export RDF.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

@app.command()
def load(
    files: Annotated[list[Path], typer.Argument(help="JSONL interchange files (see docs/schema.md); '-' reads stdin.")],
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
    batch_size: Annotated[int, typer.Option(help="Rows per write round trip.", min=1)] = 5000,
    force: Annotated[bool, typer.Option("--force", help="Re-load documents already in the store.")] = False,
    show_progress: Annotated[Optional[bool], typer.Option("--progress/--no-progress",
                                                          help="Progress bar (default: when stderr is a terminal).")] = None,
) -> None:
    """Load extracted facts (JSONL) into the graph store."""
    from aikg import api

    report = api.load(files, backend=store, home=home, batch_size=batch_size, force=force, show_progress=show_progress)
    echo_load_report(report)


@app.command()
def stats(store: StoreOpt = "embedded", home: HomeOpt = None, fmt: FormatOpt = "table") -> None:
    """Count nodes by label and relationships by type."""
    from aikg import api
    from aikg.output import render

    result = api.stats(backend=store, home=home)
    typer.echo(render(result.to_frame(), fmt), nl=False)


@app.command()
def cypher(
    query: Annotated[str, typer.Argument(help="A Cypher query; pass values with --param, never inside the text.")],
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Query parameter key=value (repeatable).")] = None,
    write: Annotated[bool, typer.Option("--write", help="Allow the query to change the graph.")] = False,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
    fmt: FormatOpt = "table",
) -> None:
    """Run a Cypher query (read-only unless --write)."""
    from aikg import api
    from aikg.output import render

    df = api.cypher(query, parse_params(param), write=write, backend=store, home=home)
    if write:
        typer.echo("done")
    elif df.empty:
        typer.echo("no rows")
    else:
        typer.echo(render(df, fmt), nl=False)


@app.command()
def demo(
    home: HomeOpt = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the view and the RDF export.")] = Path("out"),
) -> None:
    """Run the main job on the bundled sample corpus (what `make demo` runs)."""
    from aikg.demo import run_demo

    raise typer.Exit(run_demo(home=home, out_dir=out))


#: Feature modules under aikg/commands, each with ``register(app)``; add a name to add a group.
COMMAND_MODULES: tuple[str, ...] = ("ingest", "scale", "rdf", "query", "viz", "store")


def _register_commands() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"aikg.commands.{name}").register(app)


_register_commands()


def main() -> None:
    """Entry point: library errors become one clear line and an exit code."""
    try:
        app()
    except AikgError as exc:
        echo_err(f"aikg: {exc}")
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
