"""SHACL validation of an export against ``data/ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path

import pandas as pd
from rdflib import Graph, Namespace
from rdflib.term import Node

from aikg.core.errors import ConfigError
from aikg.graph.rdf.files import parse_file
from aikg.graph.rdf.mapping import SHAPES_PATH

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    value: str
    message: str
    severity: str
    shape: str


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    text: str = ""

    def to_frame(self) -> pd.DataFrame:
        cols = ["severity", "focus", "path", "value", "message"]
        return pd.DataFrame([{c: getattr(v, c) for c in cols} for v in self.violations], columns=cols)


@cache
def _shapes(path: str) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:
        raise ConfigError(f"cannot read the SHACL shapes {path}: {exc}") from exc


def load_shapes(path: str | os.PathLike[str] | None = None) -> Graph:
    return _shapes(str(Path(path or SHAPES_PATH).resolve()))


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)


def validate_graph(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate a graph as written (no inference: exports state every class explicitly)."""
    import pyshacl

    conforms, results, text = pyshacl.validate(data, shacl_graph=shapes if shapes is not None else load_shapes(),
                                               inference="none", abort_on_first=False, allow_warnings=False)
    violations = []
    for result in results.subjects(predicate=None, object=SH.ValidationResult, unique=True):
        v = partial(results.value, result)  # v(predicate): the result's value for it
        violations.append(Violation(
            focus=_text(v(SH.focusNode)), path=_text(v(SH.resultPath)), value=_text(v(SH.value)),
            message=_text(v(SH.resultMessage)), severity=_text(v(SH.resultSeverity)).rpartition("#")[2],
            shape=_text(v(SH.sourceShape))))
    violations.sort(key=lambda x: (x.focus, x.path, x.message))
    return ValidationReport(bool(conforms), violations, text)


def validate_file(path: str | os.PathLike[str], fmt: str | None = None,
                  shapes: str | os.PathLike[str] | None = None) -> ValidationReport:
    return validate_graph(parse_file(path, fmt), load_shapes(shapes))
