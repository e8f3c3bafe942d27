"""``aikg query``: list, show and run the curated queries of ``queries/catalog``.

Thin commands over :mod:`aikg.queries.catalog`; errors are raised as :class:`~aikg.core.errors.QueryError`
and mapped to an exit code by ``aikg.cli.main``.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from aikg.commands.options import FormatOpt, HomeOpt, StoreOpt

if TYPE_CHECKING:
    import pandas as pd

    from aikg.queries.catalog import Query

query_app = typer.Typer(
    help="Curated queries over the graph: list them, show one, run one with parameters.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(query_app, name="query")


def _check_format(fmt: str) -> None:
    from aikg.output import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", param_hint="--format")


def parse_query_params(query: "Query", items: list[str] | None) -> dict[str, str]:
    """``key=value`` pairs as given (values stay text; the query's declared types convert them)."""
    from aikg.core.errors import QueryError

    params: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise QueryError(f"query {query.name}: --param {item!r} is not key=value; "
                             f"valid parameters: {query.valid_params()}")
        if key in params:
            raise QueryError(f"query {query.name}: parameter {key!r} given twice")
        params[key] = value
    return params


@query_app.command("list")
def list_queries(fmt: FormatOpt = "table") -> None:
    """List the catalog's queries, their parameters (with defaults) and whether they return an edge list."""
    import pandas as pd

    from aikg.output import render, terminal_width
    from aikg.queries.catalog import load_catalog

    _check_format(fmt)
    rows = []
    for q in load_catalog():
        params = ", ".join(p.name if p.required else f"{p.name}={_short(p.default)}" for p in q.params)
        rows.append({"name": q.name, "title": q.title, "parameters": params, "edges": "yes" if q.returns_edges else ""})
    typer.echo(render(pd.DataFrame(rows, columns=["name", "title", "parameters", "edges"]), fmt,
                      width=terminal_width()), nl=False)


def _short(value: object) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def describe(query: "Query", *, cypher: bool = True) -> str:
    """Human-readable description of a query (what ``aikg query show`` prints)."""
    wrap = lambda text, indent="": textwrap.fill(text, 92, initial_indent=indent, subsequent_indent=indent)  # noqa: E731
    out = [f"{query.name}: {query.title}", "", wrap(query.description), ""]
    if query.params:
        out.append("Parameters:")
        width = max(len(p.name) for p in query.params)
        for p in query.params:
            default = "required" if p.required else f"default {_short(p.default)}"
            out.append(f"  {p.name.ljust(width)}  {p.type_label}, {default}")
            out.append(wrap(p.meaning, " " * (width + 4)))
    else:
        out.append("Parameters: none")
    out += ["", "Columns:" + ("  (an edge list)" if query.returns_edges else "")]
    width = max(len(c.name) for c in query.columns)
    out += [f"  {c.name.ljust(width)}  {c.meaning}" for c in query.columns]
    out += ["", wrap(f"No rows means: {query.empty}."), "", "Example:"] + [f"  {e}" for e in query.examples]
    if cypher:
        out += ["", f"Cypher ({query.path.name}):", textwrap.indent(query.cypher(), "  ")]
        for backend in sorted(query.variants):
            out += ["", f"Cypher on {backend} ({query.name}.{backend}.cypher):", textwrap.indent(query.cypher(backend), "  ")]
    return "\n".join(out) + "\n"


@query_app.command("show")
def show(
    name: Annotated[str, typer.Argument(help="Query name (see 'aikg query list').")],
    cypher: Annotated[bool, typer.Option("--cypher/--no-cypher", help="Also print the Cypher text.")] = True,
) -> None:
    """Show a query: what it answers, its parameters, its columns, an example and its Cypher."""
    from aikg.queries.catalog import load_catalog

    typer.echo(describe(load_catalog().get(name), cypher=cypher), nl=False)


@query_app.command("run")
def run(
    name: Annotated[str, typer.Argument(help="Query name (see 'aikg query list').")],
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Parameter key=value (repeatable).")] = None,
    fmt: FormatOpt = "table",
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the result to this file.")] = None,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
    min_confidence: Annotated[Optional[float], typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Only relationships with at least this confidence (the query's min_confidence parameter).")] = None,
) -> None:
    """Run a catalog query with parameters and print (or write) the result."""
    from aikg.api import store_session
    from aikg.output import render, terminal_width
    from aikg.queries.catalog import load_catalog, run_query

    _check_format(fmt)
    catalog = load_catalog()
    query = catalog.get(name)
    from aikg.network import with_min_confidence

    params = with_min_confidence(name, parse_query_params(query, param), min_confidence)
    query.bind(params)  # refuse bad parameters before opening the store
    with store_session(store, home) as st:
        df = run_query(st, name, params, catalog=catalog)
    text = render(df, fmt, width=None if output is not None else terminal_width())
    empty = f"no rows: {query.empty}"
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        typer.echo(empty if df.empty else f"wrote {len(df)} row(s) to {output}")
    elif df.empty and fmt in ("table", "markdown"):
        typer.echo(empty)
    else:
        typer.echo(text, nl=False)
        if df.empty:
            typer.echo(empty, err=True)
    note = partial_note(df)
    if note:
        typer.echo(note, err=True)


def partial_note(df: "pd.DataFrame") -> str:
    """What a paged result leaves out (its ``attrs``, set by run_query), said on stderr so the rows stay clean."""
    total = df.attrs.get("total")
    if total is None or total <= len(df):
        return ""
    return f"showing {len(df):,} of {total:,} {df.attrs.get('unit', 'rows')}; --param limit=0 for all"
