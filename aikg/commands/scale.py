"""`aikg export neo4j-import` and `aikg extract-dask`: the paths for graphs and corpora beyond one machine."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from aikg.commands.options import HomeOpt, StoreOpt, echo_err


def neo4j_import(
    out_dir: Annotated[Path, typer.Argument(help="Folder for the CSV and header files (created if missing).",
                                            file_okay=False)],
    more: Annotated[Optional[list[Path]], typer.Argument(
        help="More JSONL files (so `--from part-*.jsonl` works with a shell glob).", show_default=False)] = None,
    from_files: Annotated[Optional[list[Path]], typer.Option(
        "--from", help="JSONL interchange file to export (repeatable); without it the store is exported.")] = None,
    with_store: Annotated[bool, typer.Option(
        "--with-store", help="Export the store too, with the --from files applied on top as `aikg load` would.")] = False,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
    array_delimiter: Annotated[str, typer.Option(
        "--array-delimiter", help="Character between array items (default U+001F; one character, or U+XXXX).")] = "U+001F",
    database: Annotated[str, typer.Option("--database", help="Database name in the printed neo4j-admin command.")] = "neo4j",
) -> None:
    """Write CSV files for `neo4j-admin database import full` (Neo4j 5) and print the command."""
    from aikg.graph.bulk import write_neo4j_import

    files = [*(from_files or []), *(more or [])]
    if more and not from_files:
        raise typer.BadParameter("extra arguments are JSONL files: name them with --from", param_hint="FILES")
    delimiter = chr(int(array_delimiter[2:], 16)) if array_delimiter.upper().startswith("U+") else array_delimiter
    if files and not with_store:
        report = write_neo4j_import(files, out_dir, array_delimiter=delimiter, database=database)
    else:
        from aikg.api import store_session

        with store_session(store, home) as st:
            report = write_neo4j_import(files or None, out_dir, store=st, array_delimiter=delimiter, database=database)
    typer.echo(report.to_text())
    typer.echo("\nImport with the database stopped (the target database must not exist or must be empty):\n")
    typer.echo(report.command())
    typer.echo(f"\nThen start Neo4j and run {report.post_import} once (constraints, indexes, empty lists):")
    typer.echo(f"  cypher-shell -d {database} -f {report.post_import}")
    if report.failed:
        echo_err(f"{len(report.errors)} problem(s); the rest was exported")
        raise typer.Exit(1)


def extract_dask(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns (visible to every worker).")],
    out_dir: Annotated[Path, typer.Option("--out-dir", "-o", help="Folder for part-00000.jsonl, part-00001.jsonl, ...",
                                          file_okay=False)],
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", help="Dask scheduler address (tcp://host:8786); without it a local cluster is started.")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes of the local cluster.")] = 2,
    partitions: Annotated[Optional[int], typer.Option(
        "--partitions", min=1, help="Number of tasks and parts (default: 4 per worker, at most one per file).")] = None,
    decisions: Annotated[Optional[Path], typer.Option(
        "--decisions", help="JSONL of analyst same/different decisions honoured by entity resolution.")] = None,
    max_size: Annotated[float, typer.Option("--max-size", help="Largest file to read, in MB (0: no limit).", min=0)] = 50,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Replace part files of an earlier run.")] = False,
) -> None:
    """Extract facts on a Dask cluster into JSONL parts for `aikg load` or `aikg export neo4j-import`."""
    from aikg.ingest.distributed import extract_distributed
    from aikg.ingest.pipeline import RunSummary

    summary = RunSummary()
    parts = extract_distributed(paths, out_dir, scheduler=scheduler, n_workers=workers, partitions=partitions,
                                decisions=decisions, max_bytes=int(max_size * 1024 * 1024) if max_size else 0,
                                overwrite=overwrite, summary=summary)
    echo_err(summary.to_text(store=False))
    typer.echo(f"{len(parts)} part(s) in {out_dir}; load them with: aikg load {out_dir}/part-*.jsonl")
    if summary.failed:
        raise typer.Exit(1)


def _export_group(app: typer.Typer) -> typer.Typer:
    """The shared `export` group (aikg.commands.groups), or a local one if that module is absent."""
    try:
        from aikg.commands.groups import attach, export_app
    except ImportError:
        for info in app.registered_groups:
            if info.name == "export" and info.typer_instance is not None:
                return info.typer_instance
        export_app = typer.Typer(name="export", help="Export the graph to other formats.", no_args_is_help=True)
        app.add_typer(export_app, name="export")
        return export_app
    attach(app)  # idempotent: the groups are added once however many modules call it
    return export_app


def register(app: typer.Typer) -> None:
    _export_group(app).command("neo4j-import")(neo4j_import)
    app.command("extract-dask")(extract_dask)
