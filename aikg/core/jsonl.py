"""Read and write the JSONL interchange format, validating every record.

A bad line never stops the read: it becomes a :class:`LineError` naming file, line and
reason, and the rest of the file is still returned.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from aikg.core.facts import DocumentRecord, EntityRecord, Evidence, Mention, Record, RelationRecord
from aikg.core.schema import SCHEMA


@dataclass(frozen=True)
class LineError:
    source: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.reason}"


@dataclass
class ReadResult:
    documents: list[DocumentRecord] = field(default_factory=list)
    entities: list[EntityRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    lines: dict[int, int] = field(default_factory=dict)  # id(record) -> line number


class RecordError(ValueError):
    """A record that does not match the interchange format."""


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_problem(value: str) -> str | None:
    """Why a string cannot be stored (NUL, or a lone surrogate that is not valid Unicode), or None."""
    if "\x00" in value:
        return "contains a NUL character; remove it"
    if _SURROGATE.search(value):
        return "contains a lone surrogate (not valid Unicode); fix the encoding"
    return None


def _str(data: dict[str, Any], key: str, *, required: bool = True, empty_ok: bool = False) -> str | None:
    value = data.get(key)
    if value is None:
        if required:
            raise RecordError(f"missing field '{key}'")
        return None
    if not isinstance(value, str):
        raise RecordError(f"field '{key}' must be a string, got {type(value).__name__}")
    if not empty_ok and not value.strip():
        raise RecordError(f"field '{key}' is empty")
    problem = _text_problem(value)
    if problem:
        raise RecordError(f"field '{key}' {problem}")
    return value


def _required(data: dict[str, Any], key: str, *, empty_ok: bool = False) -> str:
    """A string field that must be present (:func:`_str` with ``required=True``)."""
    value = _str(data, key, empty_ok=empty_ok)
    assert value is not None  # _str raises for a missing required field
    return value


def _int(data: dict[str, Any], key: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(f"field '{key}' must be an integer, got {value!r}")
    if value < 0:
        raise RecordError(f"field '{key}' must not be negative")
    return value


def _span(data: dict[str, Any], what: str) -> tuple[str, int, int]:
    if not isinstance(data, dict):
        raise RecordError(f"{what} must be an object")
    doc = _required(data, "doc")
    start, end = _int(data, "start"), _int(data, "end")
    if end < start:
        raise RecordError(f"{what} ends ({end}) before it starts ({start})")
    return doc, start, end


def _primitive(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, (str, int, bool))


def parse_record(data: Any) -> Record:
    """Validate one decoded JSON value and return its typed record."""
    if not isinstance(data, dict):
        raise RecordError("a record must be a JSON object")
    kind = data.get("record")
    if kind == "document":
        return _document(data)
    if kind == "entity":
        return _entity(data)
    if kind == "relation":
        return _relation(data)
    raise RecordError(f"unknown record kind {kind!r}; use document, entity or relation")


def _document(data: dict[str, Any]) -> DocumentRecord:
    doc_kind = _required(data, "kind")
    if doc_kind not in SCHEMA.document_kinds:
        raise RecordError(f"unknown document kind {doc_kind!r}; use one of {', '.join(SCHEMA.document_kinds)}")
    pages = data.get("pages")
    if pages is not None and (not isinstance(pages, list)
                              or not all(isinstance(p, int) and not isinstance(p, bool) for p in pages)):
        raise RecordError("field 'pages' must be a list of integers")
    return DocumentRecord(
        id=_required(data, "id"),
        source=_required(data, "source"),
        title=_str(data, "title", empty_ok=True) or "",
        kind=doc_kind,
        chars=_int(data, "chars"),
        published=_str(data, "published", required=False),
        publisher=_str(data, "publisher", required=False),
        pages=pages,
    )


def _aliases(data: dict[str, Any]) -> list[str]:
    aliases = data.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise RecordError("field 'aliases' must be a list of strings")
    for alias in aliases:
        problem = _text_problem(alias)
        if problem:
            raise RecordError(f"field 'aliases' {problem}")
    return aliases


def _props(data: dict[str, Any]) -> dict[str, Any]:
    props = data.get("props", {})
    if not isinstance(props, dict):
        raise RecordError("field 'props' must be an object")
    for key, value in props.items():
        if key in SCHEMA.reserved_entity_properties:
            raise RecordError(f"props may not set the reserved property '{key}'")
        if not key.isidentifier() or not _primitive(value):
            raise RecordError(f"prop '{key}' must be an identifier with a string, number or boolean value")
    return props


def _entity(data: dict[str, Any]) -> EntityRecord:
    etype = _required(data, "type")
    if etype not in SCHEMA.entity_types:
        raise RecordError(f"unknown entity type {etype!r}; use one of {', '.join(SCHEMA.entity_types)}")
    aliases = _aliases(data)
    mentions_raw = data.get("mentions", [])
    if not isinstance(mentions_raw, list):
        raise RecordError("field 'mentions' must be a list")
    mentions = [Mention(*_span(m, "mention")) for m in mentions_raw]
    props = _props(data)
    return EntityRecord(
        id=_required(data, "id"),
        type=etype,
        name=_required(data, "name"),
        aliases=list(dict.fromkeys(a for a in aliases if a.strip())),
        mentions=mentions,
        props=props,
    )


def _evidence(item: Any) -> Evidence:
    doc, start, end = _span(item, "evidence")
    sentence = _str(item, "sentence", empty_ok=True) or ""
    page = item.get("page")
    if page is not None and (isinstance(page, bool) or not isinstance(page, int)):
        raise RecordError("evidence 'page' must be an integer")
    method = item.get("method")
    if method is not None and not isinstance(method, str):
        raise RecordError("evidence 'method' must be a string")
    confidence = item.get("confidence")
    if confidence is not None and (isinstance(confidence, bool) or not isinstance(confidence, (int, float))
                                   or not 0 <= confidence <= 1):
        raise RecordError("evidence 'confidence' must be a number from 0 to 1")
    return Evidence(doc, start, end, sentence, page, method or None,
                    None if confidence is None else float(confidence))


def _relation(data: dict[str, Any]) -> RelationRecord:
    rtype = _required(data, "type")
    if rtype not in SCHEMA.relation_types:
        raise RecordError(f"unknown relation type {rtype!r}; use one of {', '.join(SCHEMA.relation_types)}")
    confidence = data.get("confidence")
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        raise RecordError(f"field 'confidence' must be a number in [0, 1], got {confidence!r}")
    evidence_raw = data.get("evidence")
    if not isinstance(evidence_raw, list) or not evidence_raw:
        raise RecordError("field 'evidence' must be a non-empty list (every relation needs its sentence)")
    evidence = [_evidence(item) for item in evidence_raw]
    return RelationRecord(
        type=rtype,
        source=_required(data, "source"),
        target=_required(data, "target"),
        confidence=float(confidence),
        method=_required(data, "method"),
        evidence=evidence,
    )


def iter_lines(path: str | Path, stream: IO[str] | None = None) -> Iterator[tuple[int, Record | LineError]]:
    """Yield ``(line number, record or error)`` for each non-blank line of a JSONL file."""
    source = str(path)
    handle = stream if stream is not None else open(path, encoding="utf-8", errors="strict", newline="")
    try:
        lineno = 0
        while True:
            lineno += 1
            try:
                line = handle.readline()
            except UnicodeDecodeError as exc:
                yield lineno, LineError(source, lineno, f"not valid UTF-8 ({exc.reason}); the rest of the file cannot be read")
                return
            if not line:
                return
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield lineno, LineError(source, lineno, f"not valid JSON ({exc.msg} at column {exc.colno})")
                continue
            try:
                yield lineno, parse_record(data)
            except RecordError as exc:
                yield lineno, LineError(source, lineno, str(exc))
    finally:
        if stream is None:
            handle.close()


def read_jsonl(paths: Iterable[str | Path]) -> ReadResult:
    """Read and validate JSONL files ('-' reads standard input); cross-references are checked too."""
    result = ReadResult()
    for path in paths:
        stream = sys.stdin if str(path) == "-" else None
        for lineno, item in iter_lines(path, stream):
            if isinstance(item, LineError):
                result.errors.append(item)
                continue
            result.lines[id(item)] = lineno
            if isinstance(item, DocumentRecord):
                result.documents.append(item)
            elif isinstance(item, EntityRecord):
                result.entities.append(item)
            else:
                result.relations.append(item)
    _check_references(result, [str(p) for p in paths])
    return result


def _check_references(result: ReadResult, sources: list[str]) -> None:
    """Drop entities whose mentions name unknown documents and relations whose ends are unknown."""
    where = sources[0] if len(sources) == 1 else "+".join(sources)
    doc_ids = {d.id for d in result.documents}
    good_entities = []
    for ent in result.entities:
        missing = sorted({m.doc for m in ent.mentions} - doc_ids)
        if missing:
            result.errors.append(LineError(where, result.lines[id(ent)], f"entity {ent.id!r} mentions unknown document {missing[0]!r}"))
        else:
            good_entities.append(ent)
    result.entities = good_entities
    types = {e.id: e.type for e in good_entities}
    good_relations = []
    for rel in result.relations:
        line = result.lines[id(rel)]
        reason = None
        for end in (rel.source, rel.target):
            if end not in types:
                reason = f"relation {rel.type} refers to unknown entity {end!r} (dangling id)"
                break
        if reason is None:
            reason = SCHEMA.check_relation(rel.type, types[rel.source], types[rel.target])
        if reason is None:
            missing = sorted({e.doc for e in rel.evidence} - doc_ids)
            if missing:
                reason = f"relation evidence names unknown document {missing[0]!r}"
        if reason:
            result.errors.append(LineError(where, line, reason))
        else:
            good_relations.append(rel)
    result.relations = good_relations


def write_jsonl(records: Iterable[Record], out: IO[str]) -> int:
    """Write records as JSON Lines; returns the number written."""
    count = 0
    for record in records:
        out.write(json.dumps(record.to_json(), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
        count += 1
    return count
