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
    rich_markup_mode=None,  # plain help: flags shown as flags, wrapped to the terminal (see _plain_help)
)


def _version(value: bool) -> None:
    if value:
        from aikg import __version__

        typer.echo(f"aikg {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True, help="Print the version and exit.")] = None,
) -> None:
    """A knowledge graph of the AI ecosystem: ingest documents, query clusters and partnerships, export RDF."""

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
    from aikg.output import render, terminal_width

    result = api.stats(backend=store, home=home)
    typer.echo(render(result.to_frame(), fmt, width=terminal_width()), nl=False)


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
    from aikg.output import render, terminal_width

    df = api.cypher(query, parse_params(param), write=write, backend=store, home=home)
    if not df.empty:
        typer.echo(render(df, fmt, width=terminal_width()), nl=False)
    else:
        typer.echo("done (no rows returned)" if write else "no rows")


@app.command()
def demo(
    home: HomeOpt = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the view and the RDF export.")] = Path("out"),
) -> None:
    """Run the main job on the bundled sample corpus (what `make demo` runs)."""
    from aikg.demo import run_demo

    raise typer.Exit(run_demo(home=home, out_dir=out))


#: Feature modules under aikg/commands, each with ``register(app)``; add a name to add a group.
COMMAND_MODULES: tuple[str, ...] = ("ingest", "scale", "rdf", "query", "viz", "store", "network", "web")


def _register_commands() -> None:
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"aikg.commands.{name}").register(app)


def _plain_help(group: typer.Typer) -> None:
    """Every group (added by any module) uses plain help: typer's rich panels show flags as
    ``--force <bool>`` and cut long defaults at 80 columns."""
    group.rich_markup_mode = None
    for info in group.registered_groups:
        if info.typer_instance is not None:
            _plain_help(info.typer_instance)


_register_commands()
_plain_help(app)

#: Exit status of an interrupted command (128 + SIGINT, what shells report for Ctrl-C; SIGTERM gives 143).
EXIT_INTERRUPTED = 130


def main() -> None:
    """Entry point: library errors become one clear line and an exit code (docs/reliability.md#exit-codes).

    Ctrl-C is handled from here on (aikg.interrupt): one that Python dropped on the way (raised
    inside a finaliser or an import's clean-up) still ends the command with status 130."""
    from aikg.interrupt import catch_ctrl_c

    with catch_ctrl_c() as stop:
        try:
            app()
        except AikgError as exc:
            echo_err(f"aikg: {exc}")
            sys.exit(stop.exit_status if stop.requested and exc.exit_code == EXIT_INTERRUPTED else exc.exit_code)
        except KeyboardInterrupt:
            echo_err("aikg: interrupted")
            sys.exit(stop.exit_status)
        except SystemExit as exc:
            if stop.requested and exc.code in (None, 0):
                echo_err("aikg: interrupted (the command had finished)")
                sys.exit(stop.exit_status)
            raise
        if stop.requested:
            echo_err("aikg: interrupted (the command had finished)")
            sys.exit(stop.exit_status)


if __name__ == "__main__":
    main()
