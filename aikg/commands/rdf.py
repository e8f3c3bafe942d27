"""RDF commands: ``export rdf``, ``import rdf``, ``validate-rdf``, ``sparql`` (thin: each calls aikg.graph.rdf)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from aikg.commands.groups import attach, export_app, import_app
from aikg.commands.options import FormatOpt, HomeOpt, StoreOpt, echo_err, echo_load_report, parse_params

RdfFormatOpt = Annotated[Optional[str], typer.Option(
    "--format", help="RDF format: turtle, json-ld, nt or xml (default: from the file name, else turtle).")]
InFormatOpt = Annotated[Optional[str], typer.Option(
    "--input-format", help="RDF format of FILE: turtle, json-ld, nt or xml (default: from the file name).")]


def export_rdf(
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write ('-' or nothing: standard output).")] = None,
    fmt: RdfFormatOpt = None,
    base: Annotated[str, typer.Option("--base", help="Base IRI of entities, documents and statements.")] = "https://w3id.org/aikg/",
    query: Annotated[Optional[str], typer.Option("--query", "-q", help="Export only the edge list a catalog query returns.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Query parameter key=value (repeatable).")] = None,
    mentions: Annotated[bool, typer.Option("--mentions/--no-mentions", help="Include mention spans (whole-graph export).")] = True,
    timestamps: Annotated[bool, typer.Option("--timestamps", help="Include load timestamps (first seen, updated, loaded at).")] = False,
    page_size: Annotated[int, typer.Option("--page-size", min=1, help="Nodes read from the store per page.")] = 1000,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
) -> None:
    """Export the graph, or a catalog query's subgraph, as RDF (streamed page by page)."""
    from aikg.api import store_session
    from aikg.graph.rdf.export import ExportOptions, export_frame, export_store
    from aikg.graph.rdf.writers import format_for_path, normalise_format
    from aikg.queries.catalog import run_query

    target = None if output is None or str(output) == "-" else output
    rdf_format = normalise_format(fmt) if fmt else (format_for_path(str(target), "turtle") if target else "turtle")
    options = ExportOptions(base=base, page_size=page_size, mentions=mentions, timestamps=timestamps)
    if param and not query:
        raise typer.BadParameter("--param needs --query")
    with store_session(store, home) as st:
        if query:
            frame = run_query(st, query, parse_params(param))
            report = export_frame(st, frame, target, rdf_format, options)
        else:
            report = export_store(st, target, rdf_format, options)
    for warning in report.warnings:
        echo_err(f"warning: {warning}")
    where = str(target) if target else "standard output"
    echo_err(f"wrote {report.triples} triples ({report.documents} documents, {report.entities} entities, "
         f"{report.relations} relationships) as {report.format} to {where} in {report.seconds:.2f}s")


def import_rdf(
    file: Annotated[Path, typer.Argument(help="An RDF file written by `aikg export rdf`.")],
    fmt: RdfFormatOpt = None,
    batch_size: Annotated[int, typer.Option(help="Rows per write round trip.", min=1)] = 5000,
    force: Annotated[bool, typer.Option("--force", help="Re-load documents already in the store.")] = False,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
) -> None:
    """Load an aikg RDF export into the store (idempotent, atomic per document)."""
    from aikg.api import store_session
    from aikg.core.locking import write_lock
    from aikg.graph.rdf.importer import import_file

    with write_lock(home), store_session(store, home) as st:
        report = import_file(st, file, fmt, batch_size=batch_size, force=force)
    echo_load_report(report)


def validate_rdf(
    file: Annotated[Path, typer.Argument(help="An RDF file (turtle, json-ld, nt or xml).")],
    fmt: InFormatOpt = None,
    shapes: Annotated[Optional[Path], typer.Option("--shapes", help="SHACL shapes (default data/ontology/shapes.ttl).")] = None,
    out_fmt: FormatOpt = "table",
) -> None:
    """Check an RDF export against the aikg SHACL shapes; exits 1 when it does not conform."""
    from aikg.graph.rdf.validate import validate_file
    from aikg.output import render, terminal_width

    report = validate_file(file, fmt, shapes)
    if report.conforms:
        typer.echo(f"{file}: conforms")
        return
    typer.echo(f"{file}: does not conform ({len(report.violations)} violation(s))")
    typer.echo(render(report.to_frame(), out_fmt, width=terminal_width()), nl=False)
    raise typer.Exit(1)


def sparql(
    file: Annotated[Path, typer.Argument(help="An RDF file (turtle, json-ld, nt or xml).")],
    query: Annotated[str, typer.Argument(help="A SPARQL query, '@FILE' to read it from a file, or '-' for stdin.")],
    fmt: InFormatOpt = None,
    out_fmt: FormatOpt = "table",
) -> None:
    """Run SPARQL over an exported file, no triple store needed (the export's prefixes are predeclared)."""
    from aikg.core.errors import InputError
    from aikg.graph.rdf.sparql import sparql_file
    from aikg.output import render, terminal_width

    text: Any = query
    if query == "-":
        text = sys.stdin.read()
    elif query.startswith("@"):
        try:
            text = Path(query[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read the query: {exc.strerror}", source=query[1:]) from exc
    df = sparql_file(file, text, fmt)
    if df.empty:
        typer.echo("no rows")
    else:
        typer.echo(render(df, out_fmt, width=terminal_width()), nl=False)


def _once(group: typer.Typer, name: str, fn: Any) -> None:
    if not any(c.name == name for c in group.registered_commands):
        group.command(name)(fn)


def register(app: typer.Typer) -> None:
    attach(app)
    _once(export_app, "rdf", export_rdf)
    _once(import_app, "rdf", import_rdf)
    app.command("validate-rdf")(validate_rdf)
    app.command("sparql")(sparql)
