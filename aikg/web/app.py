"""The explorer's Starlette app: routes, error pages, security headers, and ``serve``.

The store is opened once (by :func:`serve`, or by the caller of :func:`create_app`) and only
read; one lock keeps one request at a time on it. Library errors become a page with the
library's message and a 4xx/5xx status; anything else is a 500 page with no stack trace.
"""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from aikg.core.errors import AikgError, QueryError
from aikg.core.paths import as_path, package_file
from aikg.graph.network_export import FORMATS, network_bytes, read_network
from aikg.graph.store import GraphStore
from aikg.output import cell_text
from aikg.queries.catalog import Query, load_catalog, run_query
from aikg.web import forms, pages

LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: Host headers accepted when bound to loopback (a DNS-rebinding page cannot reach the store).
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]
#: Scripts, styles and images only from the app itself; no frames, no form posts elsewhere.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
#: The interactive network pages (aikg.graph.views) carry their script and styles inline.
VIEW_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; "
            "font-src data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'")
#: A figure served as SVG runs nothing and loads nothing, even when opened on its own.
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'"
#: Formats of /queries/<name>.<fmt> (html is the page itself).
DOWNLOADS = ("html", "csv", "json", "ttl", *FORMATS)
NETWORK_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml", "ttl": "text/turtle"}
#: Columns of catalog results whose values are entity ids (linked to the entity page).
ID_COLUMNS = {"id", "source", "target", "anchor", "cluster", "cluster_a", "cluster_b", "entity", "org", "person"}


def _templates() -> Jinja2Templates:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(as_path(package_file("aikg.web", "templates")))),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["q"] = lambda value: quote(str(value), safe="")
    env.filters["cell"] = _cell
    env.filters["bare"] = lambda name: re.sub(r" \(\d+\)$", "", str(name))
    return Jinja2Templates(env=env)


def _cell(value: Any) -> str:
    """A result value as page or CSV text (lists joined with '; ', floats short)."""
    return cell_text(value, sep="; ", digits=3)


class Explorer:
    """The routes over one open store."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.lock = threading.Lock()
        self.templates = _templates()
        self.catalog = load_catalog()

    @contextmanager
    def reading(self) -> Iterator[GraphStore]:
        with self.lock:
            yield self.store

    def page(self, request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    def error(self, request: Request, status: int, message: str, title: str = "Not found") -> Response:
        return self.page(request, "error.html", {"title": title, "message": message}, status)

    # -- pages -----------------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        with self.reading() as store:
            data = pages.home(store)
        return self.page(request, "home.html", data)

    def cluster(self, request: Request) -> Response:
        cluster_id = request.path_params["cluster_id"]
        try:
            with self.reading() as store:
                data = pages.cluster(store, cluster_id)
        except QueryError as exc:
            return self.error(request, 404, str(exc))
        if data is None:
            return self.error(request, 404, f"no cluster has the id {cluster_id!r}")
        return self.page(request, "cluster.html", data)

    def entity(self, request: Request) -> Response:
        entity_id = request.path_params["entity_id"]
        with self.reading() as store:
            data = pages.entity(store, entity_id)
        if data is None:
            return self.error(request, 404, f"no entity has the id {entity_id!r}; try the search")
        return self.page(request, "entity.html", data)

    def search(self, request: Request) -> Response:
        text = request.query_params.get("q", "").strip()
        etype = request.query_params.get("type", "any")
        context: dict[str, Any] = {"q": text, "type": etype, "rows": None, "message": None,
                                   "types": self.catalog.get("entity_search").param("type").choices}
        if not text:
            return self.page(request, "search.html", context)
        try:
            with self.reading() as store:
                context["rows"] = pages.records(store, "entity_search", {"text": text, "type": etype, "limit": 50})
        except QueryError as exc:
            context["message"] = str(exc)
            return self.page(request, "search.html", context, 400)
        return self.page(request, "search.html", context)

    def queries(self, request: Request) -> Response:
        return self.page(request, "queries.html", {"queries": list(self.catalog)})

    def query(self, request: Request) -> Response:
        name = request.path_params["name"]
        fmt = request.path_params.get("fmt", "html")
        if fmt not in DOWNLOADS:
            return self.error(request, 404, f"no download format {fmt!r}; use one of: .{', .'.join(DOWNLOADS[1:])}")
        if name not in self.catalog:
            return self.error(request, 404, str(_query_error(lambda: self.catalog.get(name))))
        query = self.catalog.get(name)
        submitted = dict(request.query_params)
        context: dict[str, Any] = {"query": query, "fields": forms.fields(query, submitted), "rows": None,
                                   "columns": query.column_names, "message": None, "id_columns": ID_COLUMNS,
                                   "download": str(request.url.query), "network": query.returns_edges}
        if "run" not in submitted and fmt == "html":
            return self.page(request, "query.html", context)
        try:
            with self.reading() as store:
                df = run_query(store, name, forms.params_from_form(query, submitted))
        except QueryError as exc:
            context["message"] = str(exc)
            return self.page(request, "query.html", context, 400)
        rows = df.to_dict(orient="records")
        if fmt in FORMATS or fmt == "ttl":
            return self.network(request, query, rows, fmt)
        if fmt == "csv":
            return _csv(name, query.column_names, rows)
        if fmt == "json":
            return Response(json.dumps(rows, default=str, ensure_ascii=False, indent=1), media_type="application/json",
                            headers={"Content-Disposition": f'attachment; filename="{name}.json"'})
        context["rows"] = rows
        return self.page(request, "query.html", context)


    def entity_rdf(self, request: Request) -> Response:
        """Turtle of one entity, its relationships with their evidence, and the entities they reach."""
        entity_id = request.path_params["entity_id"]
        with self.reading() as store:
            if not store.read(pages.WEB_CYPHER.statement("entity_node"), {"id": entity_id}):
                return self.error(request, 404, f"no entity has the id {entity_id!r}")
            rows = [dict(r) for r in run_query(store, "entity_neighbours", {"entity": entity_id})
                    .to_dict(orient="records")]
            body = _turtle(store, [*rows, {"source": entity_id, "target": entity_id, "type": None}])
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", entity_id)
        return Response(body, media_type="text/turtle",
                        headers={"Content-Disposition": f'attachment; filename="{name}.ttl"'})

    def network_page(self, request: Request) -> Response:
        """The interactive network (aikg viz's page) of a cluster, an entity's neighbourhood or an edge query."""
        from aikg.graph import views

        kind, key = request.path_params["kind"], request.path_params["key"]
        with self.reading() as store:
            if kind == "cluster":
                net = views.cluster_network(store, key, max_nodes=300)
            elif kind == "entity":
                net = views.network_around(store, key, 1, max_nodes=300)
            elif kind == "query" and key in self.catalog and self.catalog.get(key).returns_edges:
                query = self.catalog.get(key)
                df = run_query(store, key, forms.params_from_form(query, dict(request.query_params)))
                net = views.network_from_edges(df, store=store, title=query.title)
            else:
                return self.error(request, 404, f"no network view of {kind} {key!r}")
            html = views.render_html(net)
        return Response(html, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": VIEW_CSP})

    def cluster_map(self, request: Request) -> Response:
        """The cluster map (aikg viz clusters): clusters sized by organisations, joined by shared partners;
        the interactive page at /network/clusters, the figure at /network/clusters.svg."""
        from aikg.graph.views.cluster_map_draw import figure_bytes, render_page
        from aikg.pair_views import read_cluster_map

        include_located = request.query_params.get("include_located", "") in ("1", "true", "on")
        with self.reading() as store:
            cmap = read_cluster_map(store, include_located=include_located)
        if request.url.path.endswith(".svg"):
            return Response(figure_bytes(cmap, "svg"), media_type="image/svg+xml", headers={"Content-Security-Policy": SVG_CSP})
        html = render_page(cmap)
        return Response(html, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": VIEW_CSP})

    def network(self, request: Request, query: Query, rows: list[dict[str, Any]], fmt: str) -> Response:
        """GraphML/GEXF of an edge-list query's rows; other queries have no network (404)."""
        if not query.returns_edges:
            return self.error(request, 404, f"query {query.name} does not list relationships, so it has no "
                                            f"network to download", "No network")
        with self.reading() as store:
            body = _turtle(store, rows) if fmt == "ttl" else network_bytes(read_network(store, rows), fmt)
        return Response(body, media_type=NETWORK_TYPES[fmt],
                        headers={"Content-Disposition": f'attachment; filename="{query.name}.{fmt}"'})


def _turtle(store: GraphStore, rows: list[dict[str, Any]]) -> bytes:
    """Turtle of the subgraph edge-list rows name (entities, relationships, evidence, documents)."""
    import pandas as pd

    from aikg.graph.rdf.export import export_frame

    buf = io.StringIO()
    export_frame(store, pd.DataFrame(rows, columns=["source", "target", "type"]), buf, "turtle")
    return buf.getvalue().encode("utf-8")


def _query_error(fn: Callable[[], Any]) -> QueryError:
    try:
        fn()
    except QueryError as exc:
        return exc
    return QueryError("unknown query")


def _csv(name: str, columns: Sequence[str], rows: list[dict[str, Any]]) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})


def _handlers(explorer: Explorer) -> dict[Any, Callable[..., Any]]:
    async def not_found(request: Request, exc: Exception) -> Response:
        return explorer.error(request, getattr(exc, "status_code", 404), "no such page")

    async def library_error(request: Request, exc: Exception) -> Response:
        status = 400 if isinstance(exc, QueryError) else 503
        return explorer.error(request, status, str(exc), "Cannot answer")

    async def internal(request: Request, exc: Exception) -> Response:
        return explorer.error(request, 500, "the explorer failed on this request; the server log says why",
                              "Internal error")

    return {404: not_found, 405: not_found, AikgError: library_error, Exception: internal}


async def _security_headers(request: Request, call_next: Callable[..., Any]) -> Response:
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def create_app(store: GraphStore, *, allowed_hosts: Sequence[str] | None = None) -> Starlette:
    """The explorer over an open store (the caller closes it). ``allowed_hosts`` limits the Host
    header (``serve`` passes the loopback names when bound to loopback)."""
    from starlette.middleware.base import BaseHTTPMiddleware

    explorer = Explorer(store)
    static = as_path(package_file("aikg.web", "static"))
    routes = [
        Route("/", explorer.home, name="home"),
        Route("/cluster/{cluster_id:path}", explorer.cluster, name="cluster"),
        Route("/entity/{entity_id:path}", explorer.entity, name="entity"),
        Route("/rdf/entity/{entity_id:path}", explorer.entity_rdf, name="entity_rdf"),
        Route("/network/clusters", explorer.cluster_map, name="cluster_map"),
        Route("/network/clusters.svg", explorer.cluster_map, name="cluster_map_svg"),
        Route("/network/{kind}/{key:path}", explorer.network_page, name="network"),
        Route("/search", explorer.search, name="search"),
        Route("/queries", explorer.queries, name="queries"),
        Route("/queries/{name}.{fmt:str}", explorer.query, name="query_download"),
        Route("/queries/{name}", explorer.query, name="query"),
        Mount("/static", app=StaticFiles(directory=str(static)), name="static"),
    ]
    middleware = [Middleware(BaseHTTPMiddleware, dispatch=_security_headers)]
    if allowed_hosts:
        middleware.insert(0, Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    app = Starlette(routes=routes, middleware=middleware, exception_handlers=_handlers(explorer))
    app.state.explorer = explorer
    return app


def serve(*, host: str = "127.0.0.1", port: int = 8765, backend: str = "embedded", home: str | Path | None = None,
          log_level: str = "info") -> None:
    """Open the store, serve the explorer until interrupted, close the store."""
    import uvicorn

    from aikg.graph.store import open_store

    store = open_store(backend, home=home)
    try:
        hosts = LOOPBACK_HOSTS if host in LOOPBACK else None
        uvicorn.run(create_app(store, allowed_hosts=hosts), host=host, port=port, log_level=log_level)
    finally:
        store.close()
