"""`aikg extract`, `aikg ingest` and `aikg evaluate`: documents to facts, facts to the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from aikg.commands.options import HomeOpt, StoreOpt, echo_err

PathsArg = Annotated[list[str], typer.Argument(help="Files, folders or glob patterns.")]
ProcOpt = Annotated[int, typer.Option("--n-process", "-j", min=1, help="Worker processes for extraction.")]
DecisionsOpt = Annotated[Optional[Path], typer.Option(
    "--decisions", help="JSONL of analyst same/different decisions honoured by entity resolution.")]
MaxSizeOpt = Annotated[float, typer.Option("--max-size", help="Largest file to read, in MB (0: no limit).", min=0)]
MappingOpt = Annotated[Optional[Path], typer.Option("--mapping", help="JSON column mapping for CSV/XLSX tables.")]
ProgressOpt = Annotated[Optional[bool], typer.Option("--progress/--no-progress",
                                                     help="Progress bar (default: when stderr is a terminal).")]


def _max_bytes(mb: float) -> int | None:
    return int(mb * 1024 * 1024) if mb else 0


def extract(
    paths: PathsArg,
    output: Annotated[str, typer.Option("--output", "-o", help="JSONL file to write; '-' for standard output.")] = "-",
    n_process: ProcOpt = 1,
    decisions: DecisionsOpt = None,
    max_size: MaxSizeOpt = 50,
    mapping: MappingOpt = None,
    show_progress: ProgressOpt = None,
) -> None:
    """Extract entities and relations from documents to JSONL (no database needed)."""
    from aikg.api import extract as run_extract

    options = dict(n_process=n_process, decisions=decisions, max_bytes=_max_bytes(max_size), mapping=mapping,
                   show_progress=show_progress)
    summary = run_extract(paths, None if output == "-" else Path(output), **options)
    echo_err(summary.to_text(store=False))
    if output != "-" and not summary.documents:
        echo_err(f"nothing extracted: {output} was not written")
    if summary.failed:
        raise typer.Exit(1)


def ingest(
    paths: PathsArg,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
    force: Annotated[bool, typer.Option("--force", help="Re-extract documents already in the store.")] = False,
    n_process: ProcOpt = 1,
    chunk_size: Annotated[int, typer.Option(help="Documents extracted and loaded per step (resume granularity).", min=1)] = 100,
    batch_size: Annotated[int, typer.Option(help="Rows per write round trip.", min=1)] = 5000,
    decisions: DecisionsOpt = None,
    max_size: MaxSizeOpt = 50,
    mapping: MappingOpt = None,
    show_progress: ProgressOpt = None,
) -> None:
    """Extract facts from documents and load them into the graph store."""
    from aikg.api import ingest as run_ingest

    summary = run_ingest(paths, backend=store, home=home, force=force, n_process=n_process, chunk_size=chunk_size,
                         batch_size=batch_size, decisions=decisions, max_bytes=_max_bytes(max_size), mapping=mapping,
                         show_progress=show_progress)
    typer.echo(summary.to_text())
    if summary.failed:
        raise typer.Exit(1)


def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of NAME.txt + NAME.gold.json pairs.", exists=True, file_okay=False)],
    show_errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List misses and false positives.")] = True,
    by_type: Annotated[bool, typer.Option("--by-type", help="Typed-relation scores per relation type.")] = False,
    by_genre: Annotated[bool, typer.Option("--by-genre", help="Scores per genre (the gold files' style).")] = False,
    bands: Annotated[bool, typer.Option("--bands", help="Precision by confidence band per relation type.")] = False,
    gazetteer: Annotated[bool, typer.Option("--gazetteer/--no-gazetteer",
                                            help="--no-gazetteer: ablation with an empty gazetteer.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print every figure as JSON instead of text.")] = False,
) -> None:
    """Measure extraction quality (precision, recall, F1) against hand-checked gold annotations."""
    import json

    from aikg.evaluate import evaluate as run_evaluate

    report = run_evaluate(gold_dir, gazetteer=gazetteer)
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=1, ensure_ascii=False))
    else:
        typer.echo(report.to_text(details=show_errors, by_type=by_type, by_genre=by_genre, bands=bands))


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(ingest)
    app.command()(evaluate)
