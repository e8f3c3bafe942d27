"""aikg: a knowledge graph of the AI ecosystem, built from documents with spaCy.

The library is usable without the CLI: see :mod:`aikg.api` for the entry points.
"""

__version__ = "0.1.0"
