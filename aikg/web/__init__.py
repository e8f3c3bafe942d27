"""The local web explorer (``aikg serve``): read-only pages over the store for analysts.

Face layer: it reads through the query catalog (:mod:`aikg.queries`) and a few Cypher files of
its own (``aikg/web/cypher``), and renders Jinja2 templates (autoescaped) with its own
stylesheet, so it works offline. It exposes no free-form Cypher. See docs/web.md.
"""

from aikg.web.app import create_app, serve

__all__ = ["create_app", "serve"]
