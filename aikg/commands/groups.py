"""Command groups that several feature modules add to: ``aikg export …`` and ``aikg import …``.

A feature module adds its sub-command to the shared group and calls :func:`attach` from
its ``register(app)``; the groups are added to the app once however many modules do so::

    from aikg.commands.groups import attach, export_app

    def register(app):
        attach(app)
        export_app.command("neo4j-import")(neo4j_import)
"""

from __future__ import annotations

import typer

export_app = typer.Typer(name="export", help="Export the graph to other formats (RDF, …).", no_args_is_help=True)
import_app = typer.Typer(name="import", help="Import data into the graph from other formats (RDF, …).",
                         no_args_is_help=True)

GROUPS: tuple[tuple[str, typer.Typer], ...] = (("export", export_app), ("import", import_app))


def attach(app: typer.Typer) -> None:
    """Add the shared groups to ``app`` unless they are already there (idempotent)."""
    present = {id(info.typer_instance) for info in app.registered_groups}
    for name, group in GROUPS:
        if id(group) not in present:
            app.add_typer(group, name=name)
