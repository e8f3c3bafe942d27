"""`aikg viz`: interactive HTML views (standalone, offline) and static figures of the graph.

Each command reads one view through :mod:`aikg.graph.views` and writes it; pyvis, networkx and
matplotlib load only when a command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from aikg.commands.options import HomeOpt, StoreOpt, echo_err, parse_params

if TYPE_CHECKING:
    from aikg.graph.views import ViewNetwork

DEFAULT_MAX_NODES = 500  # the same as aikg.graph.views.DEFAULT_MAX_NODES (not imported: keeps the CLI light)

viz_app = typer.Typer(
    help="Draw the graph: interactive HTML pages that work offline, and PNG/SVG figures for reports.",
    no_args_is_help=True,
)

OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")]
IMAGE_SUFFIXES = (".png", ".svg", ".pdf")


def _image_path(value: Path | None) -> Path | None:
    if value is not None and value.suffix.lower() not in IMAGE_SUFFIXES:
        raise typer.BadParameter(f"{value}: the figure must end in {', '.join(IMAGE_SUFFIXES)}")
    return value


ImageOpt = Annotated[Optional[Path], typer.Option(
    "--png", "--image", callback=_image_path,
    help="Also write a static figure of the same network (.png, .svg or .pdf).")]
TypesOpt = Annotated[Optional[str], typer.Option(
    "--types", help="Only these entity types, comma-separated (e.g. Institute,Company).")]
RelationsOpt = Annotated[Optional[str], typer.Option(
    "--relations", help="Only these relationship types, comma-separated (e.g. PARTNERS_WITH,FUNDS).")]
MinEvidenceOpt = Annotated[int, typer.Option(
    "--min-evidence", min=0, help="Only relationships supported by at least this many sentences.")]
MinConfidenceOpt = Annotated[float, typer.Option(
    "--min-confidence", min=0.0, max=1.0, help="Only relationships with at least this confidence (0 to 1).")]
MaxNodesOpt = Annotated[int, typer.Option(
    "--max-nodes", min=1, help="Draw at most this many entities (the page and this command say when capped).")]
TitleOpt = Annotated[Optional[str], typer.Option("--title", help="Page and figure title (default: describes the view).")]
LabelsOpt = Annotated[int, typer.Option(
    "--labels", min=0, help="Name this many entities in the figure (the most connected); the page names all.")]
DEFAULT_LABELS = 20  # the same as aikg.graph.views.image.DEFAULT_LABELS (not imported: keeps the CLI light)


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    items = [v.strip() for v in value.split(",") if v.strip()]
    return items or None


def _write(net: "ViewNetwork", output: Path, image: Path | None, title: str | None,
           labels: int = DEFAULT_LABELS) -> None:
    """Write the page (and figure), print their paths; notes such as a size cap go to stderr."""
    from aikg.graph.views import write_html, write_image

    for message in net.messages:
        echo_err(f"note: {message}")
    if not net.nodes:
        echo_err("note: nothing matched; the page is empty")
    typer.echo(str(write_html(net, output, title)))
    if image is not None:
        typer.echo(str(write_image(net, image, title=title, max_labels=labels)))


@viz_app.command("entity")
def entity(
    name: Annotated[str, typer.Argument(help="Entity id, canonical name or alias (case-insensitive).")],
    output: OutputOpt,
    depth: Annotated[int, typer.Option("--depth", "-d", min=0, help="How many relationships away to go.")] = 1,
    image: ImageOpt = None,
    types: TypesOpt = None,
    relations: RelationsOpt = None,
    min_evidence: MinEvidenceOpt = 0,
    min_confidence: MinConfidenceOpt = 0.0,
    max_nodes: MaxNodesOpt = DEFAULT_MAX_NODES,
    title: TitleOpt = None,
    labels: LabelsOpt = DEFAULT_LABELS,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
) -> None:
    """The network around one entity, to a depth."""
    from aikg.api import store_session
    from aikg.graph.views import network_around

    with store_session(store, home) as st:
        net = network_around(st, name, depth, types=_split(types), relations=_split(relations),
                             min_evidence=min_evidence, max_nodes=max_nodes, min_confidence=min_confidence)
    _write(net, output, image, title, labels)


@viz_app.command("cluster")
def cluster(
    name: Annotated[str, typer.Argument(help="Cluster id, name or alias.")],
    output: OutputOpt,
    image: ImageOpt = None,
    types: TypesOpt = None,
    relations: RelationsOpt = None,
    min_evidence: MinEvidenceOpt = 0,
    min_confidence: MinConfidenceOpt = 0.0,
    max_nodes: MaxNodesOpt = DEFAULT_MAX_NODES,
    title: TitleOpt = None,
    labels: LabelsOpt = DEFAULT_LABELS,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
) -> None:
    """A cluster's network: its anchors, what is located in it, and their people and programmes."""
    from aikg.api import store_session
    from aikg.graph.views import cluster_network

    with store_session(store, home) as st:
        net = cluster_network(st, name, types=_split(types), relations=_split(relations), min_evidence=min_evidence,
                              max_nodes=max_nodes, min_confidence=min_confidence)
    _write(net, output, image, title, labels)


@viz_app.command("query")
def query(
    name: Annotated[str, typer.Argument(help="A catalog query that returns relationships (edge-list columns).")],
    output: OutputOpt,
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", help="Query parameter key=value (repeatable).")] = None,
    image: ImageOpt = None,
    types: TypesOpt = None,
    relations: RelationsOpt = None,
    min_evidence: MinEvidenceOpt = 0,
    min_confidence: MinConfidenceOpt = 0.0,
    max_nodes: MaxNodesOpt = DEFAULT_MAX_NODES,
    title: TitleOpt = None,
    labels: LabelsOpt = DEFAULT_LABELS,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
) -> None:
    """The result of a catalog query, drawn as a network."""
    from aikg.api import store_session
    from aikg.core.errors import ConfigError
    from aikg.graph.views import network_from_edges
    from aikg.pair_views import pair_stem, pairs_to_edges

    try:
        from aikg.queries import catalog
    except ImportError as exc:
        raise ConfigError(f"the query catalog (aikg.queries.catalog) cannot be loaded: {exc}") from exc
    _check_drawable(catalog, name)
    params = parse_params(param)
    if min_confidence and any(p.name == "min_confidence" for p in catalog.load_catalog().get(name).params):
        from aikg.network import with_min_confidence

        params = with_min_confidence(name, params, min_confidence)  # the query leaves weak ties out itself
    with store_session(store, home) as st:
        result = catalog.run_query(st, name, params)
        if pair_stem([str(c) for c in result.columns]):  # pairs (clusters sharing partners): a pair map
            result = pairs_to_edges(result)
        net = network_from_edges(result, store=st, title=f"Query: {name}", types=_split(types),
                                 relations=_split(relations), min_evidence=min_evidence, max_nodes=max_nodes,
                                 min_confidence=min_confidence)
    _write(net, output, image, title, labels)


def _check_drawable(catalog: Any, name: str) -> None:
    """Refuse, before touching the store, a catalog query that returns no relationships."""
    from aikg.core.errors import QueryError

    load = getattr(catalog, "load_catalog", None)
    if load is None:
        return
    entries = load()
    query = entries.get(name)  # an unknown name fails here, listing the valid ones
    from aikg.pair_views import pair_stem

    def drawable(q: Any) -> bool:
        columns = list(getattr(q, "column_names", ()))
        return getattr(q, "returns_edges", True) or "id" in columns or pair_stem(columns) is not None

    if drawable(query):
        return
    can = [q.name for q in entries if drawable(q)]
    raise QueryError(f"query {name} returns no relationships (edge-list columns) or pairs of entities, so it "
                     f"cannot be drawn; queries that can: {', '.join(can) or 'none'}")


@viz_app.command("graph")
def graph(
    output: OutputOpt,
    max_nodes: MaxNodesOpt = DEFAULT_MAX_NODES,
    image: ImageOpt = None,
    types: TypesOpt = None,
    relations: RelationsOpt = None,
    min_evidence: MinEvidenceOpt = 0,
    min_confidence: MinConfidenceOpt = 0.0,
    title: TitleOpt = None,
    labels: LabelsOpt = DEFAULT_LABELS,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
) -> None:
    """The whole graph, or its most connected entities when it is bigger than --max-nodes."""
    from aikg.api import store_session
    from aikg.graph.views import whole_graph

    with store_session(store, home) as st:
        net = whole_graph(st, max_nodes, types=_split(types), relations=_split(relations), min_evidence=min_evidence,
                          min_confidence=min_confidence)
    _write(net, output, image, title, labels)


@viz_app.command("clusters")
def clusters(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write clusters.html, .png and .svg to.")]
    = Path("out"),
    formats: Annotated[str, typer.Option(
        "--format", "-f", help="Which files, comma-separated: html, png, svg, pdf.")] = "html,png,svg",
    min_shared: Annotated[int, typer.Option(
        "--min-shared", min=1, help="Only pairs of clusters that share at least this many partners.")] = 1,
    include_located: Annotated[bool, typer.Option(
        "--include-located", help="Count partners of organisations located in a cluster, not only of its anchors.")]
    = False,
    every_cluster: Annotated[bool, typer.Option(
        "--all", help="Also draw clusters that share no partner (each with at least one organisation).")] = False,
    min_confidence: MinConfidenceOpt = 0.0,
    title: TitleOpt = None,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
) -> None:
    """The cluster map: clusters sized by their organisations, joined by the partners they share."""
    from aikg.api import store_session
    from aikg.graph.views.cluster_map_draw import write_cluster_map
    from aikg.pair_views import read_cluster_map

    with store_session(store, home) as st:
        cmap = read_cluster_map(st, min_shared=min_shared, include_located=include_located,
                                every_cluster=every_cluster, min_confidence=min_confidence, title=title)
    if not cmap.clusters:
        echo_err("note: no two clusters share a partner; the map is empty")
    for path in write_cluster_map(cmap, output, _split(formats) or ["html", "png", "svg"]):
        typer.echo(str(path))


def register(app: typer.Typer) -> None:
    app.add_typer(viz_app, name="viz")
