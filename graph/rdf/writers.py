"""Streaming RDF writers: each takes blocks (one subject and its predicate-object pairs) and
writes them at once, so an export never holds more than one page of the graph.

* N-Triples: one line per triple.
* Turtle: the prefixes once, then one ``subject p o ; p o .`` paragraph per block
  (a subject may get several paragraphs, which Turtle allows).
* JSON-LD: a prefix-only ``@context`` and one node object per block in ``@graph``
  (node objects with the same ``@id`` merge, which JSON-LD allows).
* RDF/XML: one ``rdf:Description`` per block. XML 1.0 cannot carry most C0 control
  characters even escaped; a literal holding one is refused with a clear error.

Tests compare every writer's output, parsed by rdflib, with the same triples added to
an ``rdflib.Graph`` (``rdflib.compare.isomorphic``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import IO, Protocol

from rdflib import RDF, XSD, BNode, Literal, URIRef
from rdflib.term import Node

from aikg.core.errors import ConfigError
from aikg.graph.rdf.triples import Block, Lit, Pair, Term

FORMATS = ("turtle", "nt", "json-ld", "xml")
ALIASES = {
    "turtle": "turtle", "ttl": "turtle",
    "nt": "nt", "ntriples": "nt", "n-triples": "nt", "nt11": "nt",
    "json-ld": "json-ld", "jsonld": "json-ld", "json": "json-ld",
    "xml": "xml", "rdf/xml": "xml", "rdfxml": "xml", "rdf": "xml", "owl": "xml",
}
EXTENSIONS = {"turtle": ".ttl", "nt": ".nt", "json-ld": ".jsonld", "xml": ".rdf"}
_BY_SUFFIX = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml",
              ".xml": "xml", ".owl": "xml"}


def normalise_format(name: str) -> str:
    """Our name for an RDF format (``turtle``, ``nt``, ``json-ld``, ``xml``) from any common spelling."""
    fmt = ALIASES.get((name or "").strip().lower())
    if fmt is None:
        raise ConfigError(f"unknown RDF format {name!r}; use one of: {', '.join(FORMATS)}")
    return fmt


def format_for_path(path: str, default: str | None = None) -> str:
    """Guess the format from a file name (``.ttl``, ``.nt``, ``.jsonld``, ``.rdf``...)."""
    lower = str(path).lower()
    for suffix, fmt in _BY_SUFFIX.items():
        if lower.endswith(suffix):
            return fmt
    if default is not None:
        return default
    raise ConfigError(f"cannot tell the RDF format of {path!r} from its name; pass --format")


# ---------------------------------------------------------------------- terms

_ESC = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t",
        ord("\b"): "\\b", ord("\f"): "\\f"}
_ESC.update({c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if c not in _ESC})
_INTEGER = re.compile(r"[+-]?[0-9]+")
_PN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_NCNAME = re.compile(r"[^\W\d][\w.\-]*")
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_ESC = re.compile('[\x00-\x1f\x7f"\\\\]')
_INT, _BOOL = str(XSD.integer), str(XSD.boolean)


def escape_string(text: str) -> str:
    """The body of a quoted N-Triples/Turtle string (ECHAR and UCHAR escapes only)."""
    return text.translate(_ESC) if _NEEDS_ESC.search(text) else text


def as_lit(term: Term) -> Lit | None:
    """The literal as a :class:`Lit` (from an rdflib ``Literal`` too), or None for a non-literal."""
    if type(term) is Lit:
        return term  # type: ignore[return-value]
    if isinstance(term, Literal):
        return Lit(str(term), str(term.datatype) if term.datatype is not None else None, term.language)
    return None


def nt_term(term: Term) -> str:
    if type(term) is URIRef:
        return f"<{term}>"
    lit = as_lit(term)
    if lit is not None:
        body = f'"{escape_string(lit.lexical)}"'
        if lit.lang:
            return f"{body}@{lit.lang}"
        if lit.datatype is not None:
            return f"{body}^^<{lit.datatype}>"
        return body
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


class Prefixes:
    """Compact names for IRIs under the declared prefixes (only when the local part is safe everywhere).

    Every declared namespace ends in '/' or '#', so an IRI's namespace is found by cutting
    after its last '/' or '#': one dict lookup, whatever the number of IRIs.
    """

    def __init__(self, prefixes: dict[str, str]) -> None:
        self.prefixes = dict(prefixes)
        self._by_ns = {ns: p for p, ns in prefixes.items()}

    def split(self, iri: str, local_re: re.Pattern[str] = _PN_LOCAL) -> tuple[str, str] | None:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = self._by_ns.get(iri[:cut])
        if prefix is None or not local_re.fullmatch(iri[cut:]):
            return None
        return prefix, iri[cut:]

    def curie(self, iri: str) -> str | None:
        found = self.split(iri)
        return f"{found[0]}:{found[1]}" if found else None


class Writer(Protocol):
    triples: int

    def begin(self) -> None: ...
    def block(self, subject: URIRef, pairs: list[Pair]) -> None: ...
    def end(self) -> None: ...


class NTriplesWriter:
    def __init__(self, out: IO[str], prefixes: dict[str, str] | None = None) -> None:
        self.out = out
        self.triples = 0

    def begin(self) -> None:
        pass

    def block(self, subject: URIRef, pairs: list[Pair]) -> None:
        s = nt_term(subject)
        self.out.write("".join(f"{s} {nt_term(p)} {nt_term(o)} .\n" for p, o in pairs))
        self.triples += len(pairs)

    def end(self) -> None:
        pass


class TurtleWriter:
    def __init__(self, out: IO[str], prefixes: dict[str, str]) -> None:
        self.out = out
        self.names = Prefixes(prefixes)
        self.triples = 0

    def term(self, term: Term) -> str:
        if isinstance(term, URIRef):
            return self.names.curie(term) or f"<{term}>"
        lit = as_lit(term)
        if lit is not None and lit.datatype is not None and not lit.lang:
            dt, lexical = lit.datatype, lit.lexical
            if dt == _INT and _INTEGER.fullmatch(lexical):
                return lexical
            if dt == _BOOL and lexical in ("true", "false"):
                return lexical
            return f'"{escape_string(lexical)}"^^{self.term(URIRef(dt))}'
        return nt_term(term)

    def begin(self) -> None:
        self.out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.names.prefixes.items()) + "\n")

    def block(self, subject: URIRef, pairs: list[Pair]) -> None:
        if not pairs:
            return
        grouped: dict[Node, list[Node]] = {}
        for p, o in pairs:
            grouped.setdefault(p, []).append(o)
        lines = []
        for p, objects in grouped.items():
            pred = "a" if p == RDF.type else self.term(p)
            lines.append(f"    {pred} " + ", ".join(self.term(o) for o in objects))
        self.out.write(f"{self.term(subject)}\n" + " ;\n".join(lines) + " .\n\n")
        self.triples += len(pairs)

    def end(self) -> None:
        pass


class JsonLdWriter:
    def __init__(self, out: IO[str], prefixes: dict[str, str]) -> None:
        self.out = out
        self.names = Prefixes(prefixes)
        self.prefixes = prefixes
        self.triples = 0
        self._first = True

    def _iri(self, term: Node) -> str:
        return self.names.curie(term) or str(term)

    def _value(self, term: Term) -> object:
        if isinstance(term, URIRef):
            return {"@id": self._iri(term)}
        if isinstance(term, BNode):
            return {"@id": f"_:{term}"}
        lit = as_lit(term)
        assert lit is not None
        if lit.lang:
            return {"@value": lit.lexical, "@language": lit.lang}
        dt, lexical = lit.datatype, lit.lexical
        if dt is None:
            return lexical
        if dt == _INT and _INTEGER.fullmatch(lexical) and abs(int(lexical)) < 10**21:
            return int(lexical)
        if dt == _BOOL and lexical in ("true", "false"):
            return lexical == "true"
        return {"@value": lexical, "@type": self._iri(URIRef(dt))}

    def begin(self) -> None:
        context = json.dumps(self.prefixes, ensure_ascii=False)
        self.out.write(f'{{\n"@context": {context},\n"@graph": [\n')

    def block(self, subject: URIRef, pairs: list[Pair]) -> None:
        node: dict[str, object] = {"@id": self._iri(subject) if isinstance(subject, URIRef) else f"_:{subject}"}
        types = [self._iri(o) for p, o in pairs if p == RDF.type]
        if types:
            node["@type"] = types
        for p, o in pairs:
            if p != RDF.type:
                node.setdefault(self._iri(p), []).append(self._value(o))  # type: ignore[union-attr]
        self.out.write(("" if self._first else ",\n") + json.dumps(node, ensure_ascii=False))
        self._first = False
        self.triples += len(pairs)

    def end(self) -> None:
        self.out.write("\n]\n}\n")


def _xml_text(text: str, what: Term) -> str:
    bad = _XML_BAD.search(text)
    if bad:
        raise ConfigError(f"the literal {text[:40]!r}… (on {what}) holds the control character "
                          f"U+{ord(bad.group()):04X}, which RDF/XML cannot carry; use --format turtle or nt")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _xml_attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
            .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))


class RdfXmlWriter:
    def __init__(self, out: IO[str], prefixes: dict[str, str]) -> None:
        self.out = out
        self.names = Prefixes(prefixes)
        self.prefixes = prefixes
        self.triples = 0

    def _element(self, predicate: URIRef) -> str:
        found = self.names.split(predicate, _NCNAME)
        if not found:
            raise ConfigError(f"the predicate <{predicate}> has no XML element name; use --format turtle or nt")
        return f"{found[0]}:{found[1]}"

    def begin(self) -> None:
        decls = "".join(f'\n    xmlns:{p}="{_xml_attr(ns)}"' for p, ns in self.prefixes.items())
        self.out.write(f'<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF{decls}>\n')

    def block(self, subject: URIRef, pairs: list[Pair]) -> None:
        about = f'rdf:about="{_xml_attr(subject)}"' if isinstance(subject, URIRef) else f'rdf:nodeID="{subject}"'
        parts = [f"  <rdf:Description {about}>\n"]
        for p, o in pairs:
            el = self._element(p)
            if isinstance(o, URIRef):
                parts.append(f'    <{el} rdf:resource="{_xml_attr(o)}"/>\n')
            elif isinstance(o, BNode):
                parts.append(f'    <{el} rdf:nodeID="{o}"/>\n')
            else:
                lit = as_lit(o)
                assert lit is not None
                attr = ""
                if lit.lang:
                    attr = f' xml:lang="{lit.lang}"'
                elif lit.datatype is not None:
                    attr = f' rdf:datatype="{_xml_attr(lit.datatype)}"'
                parts.append(f"    <{el}{attr}>{_xml_text(lit.lexical, subject)}</{el}>\n")
        parts.append("  </rdf:Description>\n")
        self.out.write("".join(parts))
        self.triples += len(pairs)

    def end(self) -> None:
        self.out.write("</rdf:RDF>\n")


WRITERS: dict[str, type] = {"nt": NTriplesWriter, "turtle": TurtleWriter, "json-ld": JsonLdWriter, "xml": RdfXmlWriter}


def make_writer(fmt: str, out: IO[str], prefixes: dict[str, str]) -> Writer:
    return WRITERS[normalise_format(fmt)](out, prefixes)


def write_blocks(blocks: Iterable[Block], fmt: str, out: IO[str], prefixes: dict[str, str]) -> int:
    """Write blocks in one format from start to end; returns the number of triples."""
    writer = make_writer(fmt, out, prefixes)
    writer.begin()
    for subject, pairs in blocks:
        writer.block(subject, pairs)
    writer.end()
    return writer.triples
