"""`aikg export graphml|gexf`: the graph (or a catalog query's edges) for Gephi and Cytoscape."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from aikg.commands.options import HomeOpt, StoreOpt, echo_err, parse_params

OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="File to write.")]
QueryOpt = Annotated[Optional[str], typer.Option(
    "--query", "-q", help="Export the edges of this catalog query (one that lists relationships) instead of the whole graph.")]
ParamOpt = Annotated[Optional[list[str]], typer.Option(
    "--param", "-p", help="Query parameter key=value (repeatable; with --query).")]
MinConfidenceOpt = Annotated[Optional[float], typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Only relationships with at least this confidence.")]


def _run(fmt: str, output: Path, query: str | None, param: list[str] | None, store: str, home: Path | None,
         min_confidence: float | None = None) -> None:
    from aikg import api
    from aikg.network import export

    with api.store_session(store, home) as st:
        report = export(st, output, fmt, query, parse_params(param), min_confidence)
    if report.nodes == 0:
        echo_err("note: nothing matched; the file holds an empty graph")
    echo_err(f"{report.nodes} entities, {report.edges} relationships")
    typer.echo(str(report.path))


def graphml(output: OutputOpt, query: QueryOpt = None, param: ParamOpt = None,
            store: StoreOpt = "embedded", home: HomeOpt = None, min_confidence: MinConfidenceOpt = None) -> None:
    """Write GraphML (Gephi, Cytoscape, yEd): node type, clusters, doc_count; edge relation, support, confidence."""
    _run("graphml", output, query, param, store, home, min_confidence)


def gexf(output: OutputOpt, query: QueryOpt = None, param: ParamOpt = None,
         store: StoreOpt = "embedded", home: HomeOpt = None, min_confidence: MinConfidenceOpt = None) -> None:
    """Write GEXF 1.2 (Gephi): node type, clusters, doc_count; edge relation, weight = support, confidence."""
    _run("gexf", output, query, param, store, home, min_confidence)


def register(app: typer.Typer) -> None:
    from aikg.commands.groups import attach, export_app

    attach(app)
    for name, fn in (("graphml", graphml), ("gexf", gexf)):
        if not any(c.name == name for c in export_app.registered_commands):
            export_app.command(name)(fn)
