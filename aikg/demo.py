"""The main job a new user runs (`make demo`): the whole product on the bundled sample corpus.

Ingest the samples into the embedded store, print a summary, run three showcase queries,
write a partnership network view (HTML + PNG), the cluster map (``clusters.html``, ``.png``,
``.svg``: which clusters share partners) and an RDF export (Turtle) under ``out/``,
then print the paths and the next commands to try. A second run finds every document
already in the store and changes nothing in the graph.
"""

from __future__ import annotations

import sys
from pathlib import Path

from aikg.core.paths import as_path, home_dir, shipped

SAMPLES = as_path(shipped("samples"))
SHOWCASE = (
    ("clusters_sharing_partners", {}, ["cluster_a_name", "cluster_b_name", "shared", "shared_partners"]),
    ("bridging_people", {}, ["person_name", "cluster_count", "clusters"]),
    ("funding_flows", {}, ["source_name", "target_name", "source_clusters", "target_clusters", "support"]),
)
VIEW_RELATIONS = ("PARTNERS_WITH", "ANCHORS", "LOCATED_IN", "FUNDS")


def sample_files(folder: Path = SAMPLES) -> list[Path]:
    """The sample documents (the folder's README describes them and is not one of them)."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name != "README.md" and not p.name.startswith("."))


def _say(text: str = "") -> None:
    print(text, flush=True)


def run_demo(home: str | Path | None = None, out_dir: str | Path = "out", *, show_progress: bool | None = None) -> int:
    """Run the demo; returns the exit status (non-zero when a document failed)."""
    from aikg.api import ingest, store_session
    from aikg.graph import views
    from aikg.graph.rdf.export import export_store
    from aikg.graph.views.cluster_map_draw import write_cluster_map
    from aikg.output import render
    from aikg.pair_views import read_cluster_map
    from aikg.queries.catalog import load_catalog, run_query

    home_path = home_dir(home)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = sample_files()
    _say(f"aikg demo: {len(files)} sample documents from {SAMPLES} -> embedded store in {home_path}")
    summary = ingest(files, home=home_path, show_progress=show_progress)
    _say(summary.to_text())

    catalog = load_catalog()
    with store_session("embedded", home_path) as store:
        stats = store.stats()
        _say(f"graph: {stats.node_total} nodes, {stats.relationship_total} relationships")
        for name, params, columns in SHOWCASE:
            query = catalog.get(name)
            df = run_query(store, name, params, catalog=catalog)
            _say(f"\n== {query.title} (aikg query run {name}) ==")
            if df.empty:
                _say(f"no rows: {query.empty}" if getattr(query, "empty", None) else "no rows")
            else:
                shown = df[columns] if columns else df
                _say(render(shown.head(10), "table", max_width=70).rstrip())
                if len(df) > 10:
                    _say(f"... {len(df) - 10} more rows")

        full = views.whole_graph(store, 300, relations=VIEW_RELATIONS, title="Partnership network of the sample corpus")
        degree = full.degrees()  # draw only entities tied by the relationships shown
        net = views.build_network([n for n in full.nodes.values() if degree[n.id]], full.edges, title=full.title)
        html_path = views.write_html(net, out / "partnerships.html")
        png_path = views.write_image(net, out / "partnerships.png")
        map_paths = write_cluster_map(read_cluster_map(store), out, ("html", "png", "svg"))
        rdf_path = out / "aikg.ttl"
        report = export_store(store, rdf_path, "turtle")

    _say("\nwritten:")
    _say(f"  network view  {Path(html_path).resolve()}  ({len(net.nodes)} nodes; open it in a browser)")
    _say(f"  figure        {Path(png_path).resolve()}")
    _say(f"  cluster map   {'  '.join(str(Path(p).resolve()) for p in map_paths)}")
    _say(f"  RDF (Turtle)  {rdf_path.resolve()}  ({report.triples:,} triples)")
    _say("\nnext, try:")
    for line in next_steps(home_path, out, rdf_path):
        _say(f"  {line}")
    return 1 if summary.failed else 0


def aikg_command() -> str:
    """How to run this aikg from any folder: ``aikg`` when that is the one on PATH, else its absolute path."""
    import shlex
    import shutil

    script = Path(sys.executable).parent / "aikg"  # the venv's bin (not resolved: that is the system python)
    on_path = shutil.which("aikg")
    if on_path and (not script.exists() or Path(on_path).resolve() == script.resolve()):
        return "aikg"
    if script.exists():
        return shlex.quote(str(script.absolute()))
    return f"{shlex.quote(sys.executable)} -m aikg"


def next_steps(home: Path, out: Path, rdf_path: Path) -> list[str]:
    """The commands the demo suggests; each works from any folder (absolute paths, runnable aikg)."""
    import shlex

    aikg = aikg_command()
    q = lambda p: shlex.quote(str(Path(p).resolve()))  # noqa: E731
    return [f"export AIKG_HOME={q(home)}",
            f"{aikg} query list",
            f"{aikg} query run cluster_profile --param cluster=Toronto",
            f"{aikg} viz cluster London -o {q(out / 'london.html')}",
            f"{aikg} ingest ~/my-reports/          # your own documents",
            f"{aikg} validate-rdf {q(rdf_path)}"]


if __name__ == "__main__":
    sys.exit(run_demo())
