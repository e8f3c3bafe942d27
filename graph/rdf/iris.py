"""Stable IRIs under a configurable base.

``institute:vector-institute`` becomes ``<base>entity/institute/vector-institute``; a
document becomes ``<base>document/<sha256>``. Every id segment is percent-encoded
(UTF-8, everything but ``A-Z a-z 0-9 - . _ ~``), so non-Latin scripts, spaces, ``/``,
``>``, quotes and backslashes give valid, unambiguous IRIs in every RDF syntax, and
:meth:`IriScheme.entity_id` turns an entity IRI back into its id. Statements, evidence
and mentions get IRIs from a hash of what they are, so the same graph always gives
the same IRIs.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote

from rdflib import URIRef

from aikg.core.errors import ConfigError

DEFAULT_BASE = "https://w3id.org/aikg/"
_BASE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|\\^`]*")
_SEP = "\x1f"


def check_base(base: str) -> str:
    """A usable base IRI: absolute, nothing Turtle or XML cannot carry, ending in ``/`` or ``#``."""
    if not _BASE.fullmatch(base or ""):
        raise ConfigError(f"--base {base!r} is not an absolute IRI (like {DEFAULT_BASE}) without spaces, "
                          "quotes or <>{{}}|\\^`")
    return base if base.endswith(("/", "#")) else base + "/"


def segment(text: str) -> str:
    """Percent-encode one path segment; '.' and '..' are encoded so no resolver collapses them."""
    out = quote(text, safe="")
    if out and set(out) == {"."}:
        out = "%2E" * len(out)
    return out


def digest(*parts: object) -> str:
    """A 128-bit hex digest of the parts (unambiguous: parts are separated by U+001F)."""
    return hashlib.sha256(_SEP.join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()[:32]


class IriScheme:
    """IRIs for one base; entity, document and extractor IRIs are cached (each is named many times)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = check_base(base)
        self.entity_prefix = self.base + "entity/"
        self.document_prefix = self.base + "document/"
        self._entities: dict[str, URIRef] = {}
        self._documents: dict[str, URIRef] = {}
        self._extractors: dict[str, URIRef] = {}

    def entity(self, entity_id: str) -> URIRef:
        iri = self._entities.get(entity_id)
        if iri is None:
            prefix, sep, rest = entity_id.partition(":")
            path = f"{segment(prefix)}/{segment(rest)}" if sep else segment(entity_id)
            iri = URIRef(self.entity_prefix + path)
            if len(self._entities) > 200_000:
                self._entities.clear()
            self._entities[entity_id] = iri
        return iri

    def entity_id(self, iri: str) -> str | None:
        """The entity id inside one of our entity IRIs, or None."""
        if not iri.startswith(self.entity_prefix):
            return None
        parts = iri[len(self.entity_prefix):].split("/")
        if len(parts) == 1:
            return unquote(parts[0])
        if len(parts) == 2:
            return f"{unquote(parts[0])}:{unquote(parts[1])}"
        return None

    def document(self, doc_id: str) -> URIRef:
        iri = self._documents.get(doc_id)
        if iri is None:
            iri = URIRef(self.document_prefix + segment(doc_id))
            if len(self._documents) > 100_000:
                self._documents.clear()
            self._documents[doc_id] = iri
        return iri

    def document_id(self, iri: str) -> str | None:
        if not iri.startswith(self.document_prefix):
            return None
        return unquote(iri[len(self.document_prefix):])

    def statement(self, rtype: str, source: str, target: str) -> URIRef:
        return URIRef(f"{self.base}statement/{digest(rtype, source, target)}")

    def evidence(self, statement: URIRef, doc: str, start: int, end: int, sentence: str, method: str,
                 confidence: float, page: int) -> URIRef:
        return URIRef(f"{self.base}evidence/{digest(statement, doc, start, end, sentence, method, confidence, page)}")

    def mention(self, doc: str, entity_id: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.base}mention/{digest(doc, entity_id, start, end)}")

    def extractor(self, method: str) -> URIRef:
        iri = self._extractors.get(method)
        if iri is None:
            iri = self._extractors[method] = URIRef(f"{self.base}extractor/{segment(method)}")
        return iri
