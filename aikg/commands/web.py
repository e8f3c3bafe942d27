"""`aikg serve`: the local, read-only web explorer (aikg.web) over the store."""

from __future__ import annotations

from typing import Annotated

import typer

from aikg.commands.options import HomeOpt, StoreOpt, echo_err

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    host: Annotated[str, typer.Option("--host", help="Address to listen on; loopback unless you mean to share it.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8765,
    store: StoreOpt = "embedded",
    home: HomeOpt = None,
) -> None:
    """Browse the graph in a web browser: clusters, entities with their evidence, search, the query catalog."""
    from aikg.web import serve as run

    if host not in LOOPBACK:
        echo_err(f"warning: listening on {host}: anyone who can reach this address can read the graph")
    echo_err(f"aikg explorer on http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C stops it)")
    run(host=host, port=port, backend=store, home=home)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
