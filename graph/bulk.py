"""Bulk export for ``neo4j-admin database import full`` (Neo4j 5): CSV files instead of transactions.

For graphs too large for the transactional loader, :func:`write_neo4j_import` turns
interchange records (JSONL files or records) and/or the contents of a store into the node
and relationship CSV files that ``neo4j-admin database import full`` reads, and says the
exact command to run.

The values are the loader's, not an approximation: records are grouped with
:func:`aikg.graph.loader.build_units` and every unit is applied to an in-memory graph by
:class:`_MemoryGraph`, which mirrors ``graph/cypher/load_*.cypher`` statement by statement
(alias merging and ``alias_text``, ``mention_count``/``doc_count``, evidence lists
``ev_*`` and the ``docs``/``support``/``confidence`` derived from them,
symmetric relations stored once). The test suite loads the same JSONL with the real loader
and compares every property.

Files (in ``out_dir``), each with its header in a separate one-line file:

- ``nodes_Document.csv`` + ``nodes_Document_header.csv``: ``id:ID(Document),:LABEL,...``
- ``nodes_<Type>.csv`` + header, one pair per entity type: ``id:ID(Entity),:LABEL,...``
  with ``:LABEL`` = ``Entity`` and the type
- ``rels_<TYPE>.csv`` + header, one pair per relationship type, ``MENTIONS`` included:
  ``:START_ID(<group>),:END_ID(Entity),:TYPE,...``
- ``import.sh``: the ``neo4j-admin`` command; ``post-import.cypher``: what CSV cannot express

CSV rules (RFC 4180, UTF-8, ``,`` between fields, ``"`` quotes, doubled inside values):
every string is quoted, so commas, quotes, newlines and backslashes inside text are safe
(``--multiline-fields=true`` is added when a value holds a line break); a missing
property is an empty *unquoted* field (no property), an empty string is ``""``.
Arrays are joined with U+001F (UNIT SEPARATOR, ``--array-delimiter=U+001F``), a control
character that extracted text does not contain; a value that does contain the array
delimiter is refused with :class:`BulkExportError` (choose another with
``array_delimiter=``), never silently altered. CSV import cannot store an empty array (or
an array of one empty string): those become missing properties, and
``post-import.cypher`` restores the ones the loader always sets (``aliases: []``,
``ev_sentence: ['']``) together with the constraints and indexes of the Neo4j backend.
"""

from __future__ import annotations

import csv
import shlex
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikg.core.errors import AikgError
from aikg.core.facts import DocumentRecord, EntityRecord, RelationRecord
from aikg.core.jsonl import LineError, ReadResult, read_jsonl
from aikg.core.schema import SCHEMA
from aikg.graph import change_keys, search_grams, summaries
from aikg.graph.loader import NO_DOCUMENT, UnitError, _document_props, _Unit, build_units, now_iso

ARRAY_DELIMITER = "\x1f"  # U+001F UNIT SEPARATOR
ENTITY_GROUP = SCHEMA.entity_label  # id space of entity nodes
DOCUMENT_GROUP = SCHEMA.document_label  # id space of document nodes
PAGE = 5000  # rows per read when exporting from a store

# Read queries used to export a store (keyset pagination on the indexed id).
# Paged by position, not by `id > $after`: FalkorDB's index comparison of non-ASCII strings
# disagrees with its ORDER BY, so key-set paging skipped ids such as 'cluster:москва'.
READ_DOCUMENTS = ("MATCH (n:Document) "
                  "RETURN n.id AS id, properties(n) AS props ORDER BY n.id SKIP $skip LIMIT $limit")
READ_ENTITIES = ("MATCH (n:Entity) "
                 "RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY n.id SKIP $skip LIMIT $limit")
READ_MENTIONS = ("MATCH (d:Document)-[r:MENTIONS]->(e:Entity) WHERE d.id IN $ids "
                 "RETURN d.id AS a, e.id AS b, properties(r) AS props")
READ_RELATIONS = ("MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids "
                  "RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props")

# Post-import repairs for values CSV import cannot express (see the module docstring). Each runs
# in batches of committed transactions (`CALL { … } IN TRANSACTIONS`): the imported graph is the
# one too large for a single transaction. cypher-shell runs them in auto-commit transactions.
FIX_BATCH = 10000
FIX_ALIASES = (f"MATCH (n:{SCHEMA.entity_label}) WHERE n.aliases IS NULL "
               f"CALL (n) {{ SET n.aliases = [] }} IN TRANSACTIONS OF {FIX_BATCH} ROWS;")
FIX_EV_SENTENCE = ("MATCH ()-[r]->() WHERE r.ev_doc IS NOT NULL AND r.ev_sentence IS NULL "
                   f"CALL (r) {{ SET r.ev_sentence = [d IN r.ev_doc | ''] }} IN TRANSACTIONS OF {FIX_BATCH} ROWS;")
OVERWRITE_HINT = ("On Community edition the `neo4j` database always exists: with Neo4j stopped, add "
                  "--overwrite-destination=true after the database name to replace it (this deletes what it "
                  "holds). On Enterprise, import into a new name (--database) and CREATE DATABASE it afterwards.")

# Column types of the properties the loader writes (others are inferred from their values).
DOCUMENT_COLUMNS = {"source": "string", "title": "string", "kind": "string", "chars": "long",
                    "published": "string", "publisher": "string", "pages": "long[]", "loaded_at": "string"}
ENTITY_COLUMNS = {"name": "string", "aliases": "string[]", "alias_text": "string", "grams": "string", "mention_count": "long",
                  "doc_count": "long", "first_seen": "string", "updated": "string", "linked_at": "string", "degree": "long",
                  "rel_docs": "long", "clusters": "string[]", "cluster_ids": "string[]",
                  "affiliated_cluster_count": "long", "affiliated_clusters": "string[]", "affiliations": "string[]"}
MENTION_COLUMNS = {"count": "long", "starts": "long[]", "ends": "long[]"}
RELATION_COLUMNS = {"confidence": "double", "support": "long", "docs": "string[]",
                    "ev_doc": "string[]", "ev_start": "long[]", "ev_end": "long[]", "ev_sentence": "string[]",
                    "ev_method": "string[]", "ev_confidence": "double[]", "ev_page": "long[]",
                    "first_seen": "string", "updated": "string"}


class BulkExportError(AikgError):
    """A value the CSV import format cannot carry faithfully, or a bad export setting."""

    exit_code = 3


@dataclass(frozen=True)
class BulkFile:
    kind: str  # "nodes" or "relationships"
    name: str  # label or relationship type
    header: Path
    data: Path
    rows: int


@dataclass
class BulkReport:
    out_dir: Path
    database: str = "neo4j"
    array_delimiter: str = ARRAY_DELIMITER
    files: list[BulkFile] = field(default_factory=list)
    documents_from_store: int = 0
    documents_skipped: int = 0  # input documents the store already holds (as `aikg load` skips them)
    errors: list[LineError | UnitError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    fixups: list[str] = field(default_factory=list)
    multiline: bool = False
    post_import: Path | None = None
    script: Path | None = None
    overwrite: bool = False  # add --overwrite-destination=true (replace an existing database)

    @property
    def nodes(self) -> int:
        return sum(f.rows for f in self.files if f.kind == "nodes")

    @property
    def relationships(self) -> int:
        return sum(f.rows for f in self.files if f.kind == "relationships")

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def command_args(self) -> list[str]:
        """``neo4j-admin database import full <database>`` and its options, one list item each.

        The database name comes right after ``full``: ``--nodes``/``--relationships`` take any
        number of values, so a name at the end is read as one more file (Neo4j 5.19 and later).
        """
        args = ["neo4j-admin", "database", "import", "full", self.database]
        if self.overwrite:
            args.append("--overwrite-destination=true")
        args += ["--id-type=string", f"--array-delimiter=U+{ord(self.array_delimiter):04X}",
                 "--legacy-style-quoting=false"]
        if self.multiline:
            args.append("--multiline-fields=true")
        for f in self.files:
            args.append(f"--{f.kind}={f.header},{f.data}")
        return args

    def command(self) -> str:
        """The exact shell command that imports these files into ``database``."""
        return " ".join(shlex.quote(a) for a in self.command_args())

    def to_text(self) -> str:
        lines = [f"{f.kind[:-1] if f.rows == 1 else f.kind} {f.name}: {f.rows} -> {f.data.name}" for f in self.files]
        lines.append(f"total: {self.nodes} nodes, {self.relationships} relationships in {self.out_dir}")
        if self.documents_from_store:
            lines.append(f"from the store: {self.documents_from_store} documents")
        if self.documents_skipped:
            lines.append(f"skipped {self.documents_skipped} input documents the store already holds")
        lines.extend(f"warning: {w}" for w in self.warnings)
        lines.extend(f"error: {e}" for e in self.errors)
        if not self.overwrite and self.database == "neo4j":
            lines.append(f"note: {OVERWRITE_HINT}")
        return "\n".join(lines)


class _MemoryGraph:
    """The graph the loader would build, held as plain dicts (mirrors graph/cypher/load_*.cypher)."""

    def __init__(self) -> None:
        self.documents: dict[str, dict[str, Any]] = {}
        self.entities: dict[str, tuple[str, dict[str, Any]]] = {}  # id -> (type, props)
        self.mentions: dict[tuple[str, str], dict[str, Any]] = {}  # (doc, entity) -> props
        self.relations: dict[tuple[str, str, str], dict[str, Any]] = {}  # (type, source, target) -> props

    def conflict(self, unit: _Unit) -> str | None:
        """Why the store would refuse this unit (an id already used by another entity type)."""
        for eid, row in unit.entities.items():
            have = self.entities.get(eid)
            if have is not None and have[0] != row["type"]:
                return f"entity id {eid!r} is already a {have[0]}, not a {row['type']} (unique constraint on Entity.id)"
        return None

    def apply(self, unit: _Unit, now: str) -> None:
        if unit.doc is not None:  # load_document.cypher: SET d += props
            self.documents.setdefault(unit.doc.id, {}).update(_document_props(unit.doc, now))
        for eid, row in unit.entities.items():  # load_entities.cypher
            if eid not in self.entities:
                self.entities[eid] = (row["type"], {"name": row["name"], "aliases": [], "first_seen": now,
                                                    "updated": now, "mention_count": 0, "doc_count": 0})
            node = self.entities[eid][1]
            fresh = [a for a in row["aliases"] if a not in node["aliases"] and a != node["name"]]
            aliases = node["aliases"] + fresh
            node.update(row["props"])
            node["aliases"] = aliases
            node["alias_text"] = "".join(a + " | " for a in aliases)
            node["grams"] = search_grams.append(node.get("grams", ""), search_grams.keys([row["name"], *row["aliases"]]))
            if fresh:
                node["updated"] = now
        for row in unit.mentions:  # load_mentions.cypher
            node = self.entities[row["id"]][1]
            edge = self.mentions.get((row["doc"], row["id"]))
            if edge is None:
                node["mention_count"] += row["count"]
                node["doc_count"] += 1
                edge = self.mentions[(row["doc"], row["id"])] = {}
            else:
                node["mention_count"] = node["mention_count"] - edge["count"] + row["count"]
            edge.update(count=row["count"], starts=list(row["starts"]), ends=list(row["ends"]))
        for key, row in unit.relations.items():  # load_relations.cypher
            rel = self.relations.get(key)
            if rel is None:
                rel = self.relations[key] = {"first_seen": now, **{k: [] for k in _EV_KEYS}}
            docs = set(row["docs"])
            keep = [i for i, d in enumerate(rel["ev_doc"]) if d not in docs]
            rel.setdefault("ev_page", [0] * len(rel["ev_doc"]))  # the loader stores none when no page is known
            for k in _EV_KEYS:
                rel[k] = [rel[k][i] for i in keep] + list(row[k])
            if not any(rel["ev_page"]):
                del rel["ev_page"]
            docs = list(dict.fromkeys(rel["ev_doc"]))  # stored only when ev_doc repeats a document (load_relations)
            if len(docs) < len(rel["ev_doc"]):
                rel["docs"] = docs
            else:
                rel.pop("docs", None)
            rel["support"] = len(rel["ev_doc"])
            rel["confidence"] = max([0.0, *rel["ev_confidence"]])
            if rel["first_seen"] != now:  # load_relations.cypher: stored once the relationship gains evidence
                rel["updated"] = now

    def summarise(self) -> None:
        """Set the summaries the loader keeps (graph/summaries.py), computed from the whole graph."""
        names = {eid: props["name"] for eid, (_, props) in self.entities.items()}
        found = summaries.compute(names, ((t, a, b, rel.get("docs") or rel["ev_doc"]) for (t, a, b), rel in self.relations.items()))
        for eid, (_, props) in self.entities.items():
            for key in summaries.SUMMARY_PROPERTIES:
                props.pop(key, None)
            props.update(found[eid])
        # linked_at (graph/change_keys.py): the latest first_seen of the relationships an entity starts
        linked = change_keys.linked_at((a, b, rel["first_seen"]) for (_, a, b), rel in self.relations.items())
        for eid, (_, props) in self.entities.items():
            props.pop("linked_at", None)
            if eid in linked:
                props["linked_at"] = linked[eid]

    def seed(self, store: Any, page: int = PAGE) -> list[str]:
        """Copy a store's graph (values as stored); returns warnings about what was left out."""
        warnings: list[str] = []
        doc_ids = [r["id"] for r in _pages(store, READ_DOCUMENTS, page, self._take_document)]
        entity_ids = [r["id"] for r in _pages(store, READ_ENTITIES, page, lambda r: self._take_entity(r, warnings))]
        for i in range(0, len(doc_ids), page):
            for r in store.read(READ_MENTIONS, {"ids": doc_ids[i:i + page]}):
                self.mentions[(r["a"], r["b"])] = _without_id(r["props"])
        skipped: dict[str, int] = {}
        for i in range(0, len(entity_ids), page):
            for r in store.read(READ_RELATIONS, {"ids": entity_ids[i:i + page]}):
                if r["t"] in SCHEMA.relation_types:
                    self.relations[(r["t"], r["a"], r["b"])] = dict(r["props"])
                else:
                    skipped[r["t"]] = skipped.get(r["t"], 0) + 1
        warnings += [f"{n} {t} relationship(s) in the store are not in the schema: left out" for t, n in skipped.items()]
        dangling = [k for k in self.mentions if k[1] not in self.entities]
        dangling_r = [k for k in self.relations if k[1] not in self.entities or k[2] not in self.entities]
        for k in dangling:
            del self.mentions[k]
        for k in dangling_r:
            del self.relations[k]
        if dangling or dangling_r:
            warnings.append(f"{len(dangling) + len(dangling_r)} relationship(s) to entities left out were left out too")
        return warnings

    def _take_document(self, row: dict[str, Any]) -> None:
        self.documents[row["id"]] = _without_id(row["props"])

    def _take_entity(self, row: dict[str, Any], warnings: list[str]) -> None:
        etype = next((l for l in row["labels"] if l in SCHEMA.entity_types), None)
        if etype is None:
            warnings.append(f"entity {row['id']!r} has no schema type among {row['labels']}: left out")
            return
        self.entities[row["id"]] = (etype, _without_id(row["props"]))


_EV_KEYS = ("ev_doc", "ev_start", "ev_end", "ev_sentence", "ev_method", "ev_confidence", "ev_page")


def _without_id(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k != "id"}


def _pages(store: Any, query: str, page: int, take: Any) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        rows = store.read(query, {"skip": len(out), "limit": page})
        for r in rows:
            take(r)
        out.extend({"id": r["id"]} for r in rows)
        if len(rows) < page:
            return out


# --------------------------------------------------------------------------- CSV encoding


class _Bare:
    """A value written without quotes (the csv writer quotes str instances only)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


_TRUE, _FALSE = _Bare("true"), _Bare("false")


def _scalar_type(value: Any) -> str | None:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    return None


def _infer(values: Iterable[Any], what: str) -> str | None:
    """The column type of an extra property from its values; None when only empty lists were seen."""
    kinds: set[str] = set()
    for v in values:
        if v is None:
            continue
        if isinstance(v, list):
            inner = {_scalar_type(x) for x in v}
            kinds.update(f"{t}[]" for t in inner)
            if None in inner:
                raise BulkExportError(f"{what}: list holds a value of unsupported type")
        else:
            t = _scalar_type(v)
            if t is None:
                raise BulkExportError(f"{what}: value of unsupported type {type(v).__name__}")
            kinds.add(t)
    if kinds in ({"long", "double"}, {"long[]", "double[]"}):
        return "double[]" if "double[]" in kinds else "double"
    if len(kinds) > 1:
        raise BulkExportError(f"{what}: mixed value types {sorted(kinds)}; one column needs one type")
    return kinds.pop() if kinds else None


class _Encoder:
    """Turns property values into CSV fields, one compiled function per column (this is the hot loop)."""

    def __init__(self, delimiter: str) -> None:
        self.delimiter = delimiter
        self.multiline = False
        self.lost: dict[str, int] = {}  # "Label.property" -> empty lists not written

    @staticmethod
    def where(column: str, ident: Any) -> str:
        """``Label.property of 'id'`` or ``TYPE.property of ('a')->('b')``, built only for errors."""
        row = f"({ident[0]!r})->({ident[1]!r})" if isinstance(ident, tuple) else repr(ident)
        return f"{column} of {row}"

    def _fail(self, column: str, ident: Any, value: Any, ctype: str) -> BulkExportError:
        return BulkExportError(f"{self.where(column, ident)}: value {value!r:.80} does not fit the column type {ctype}")

    def _lines(self, text: str) -> None:
        if not self.multiline and ("\n" in text or "\r" in text):
            self.multiline = True

    def column(self, ctype: str, column: str) -> Any:
        """``encode(value, ident)`` for one column: None for a missing value, else what the csv writer gets."""
        if ctype.endswith("[]"):
            return self._array(ctype, column)
        return self._string(ctype, column) if ctype == "string" else self._scalar(ctype, column)

    def _string(self, ctype: str, column: str) -> Any:
        fail = self._fail

        def string(v: Any, ident: Any) -> Any:
            if v is None:
                return None
            if type(v) is not str:
                raise fail(column, ident, v, ctype)
            self._lines(v)
            return v

        return string

    def _scalar(self, ctype: str, column: str) -> Any:
        fail = self._fail

        def scalar(v: Any, ident: Any) -> Any:
            if v is None:
                return None
            t = type(v)
            if ctype == "long" and t is int:
                return v  # not a str: written unquoted
            if ctype == "double" and t in (int, float):
                return float(v)
            if ctype == "boolean" and t is bool:
                return _TRUE if v else _FALSE
            raise fail(column, ident, v, ctype)

        return scalar

    def _join_strings(self, v: list[Any], ident: Any, ctype: str, column: str) -> str:
        delim = self.delimiter
        try:
            joined = delim.join(v)
        except TypeError:
            raise self._fail(column, ident, v, ctype) from None
        if joined.count(delim) != len(v) - 1:
            bad = next(x for x in v if delim in x)
            raise BulkExportError(
                f"{self.where(column, ident)}: value {bad[:60]!r} contains the array delimiter "
                f"U+{ord(delim):04X}; choose another delimiter (--array-delimiter)")
        self._lines(joined)
        return joined

    def _array(self, ctype: str, column: str) -> Any:
        delim = self.delimiter
        fail = self._fail
        base = ctype[:-2]
        join_values = {"long": lambda v: all(type(x) is int for x in v) and delim.join(map(str, v)),
                       "double": lambda v: all(type(x) in (int, float) for x in v)
                       and delim.join(repr(float(x)) for x in v),
                       "boolean": lambda v: all(type(x) is bool for x in v)
                       and delim.join("true" if x else "false" for x in v)}.get(base)

        def array(v: Any, ident: Any) -> Any:
            if v is None:
                return None
            if type(v) is not list:
                raise fail(column, ident, v, ctype)
            if not v or v == [""]:
                self.lost[column] = self.lost.get(column, 0) + 1
                return None  # CSV import cannot tell these from a missing property
            if base == "string":
                return self._join_strings(v, ident, ctype, column)
            joined = join_values(v) if join_values else False
            if joined is False:
                raise fail(column, ident, v, ctype)
            return joined

        return array


def _columns(fixed: dict[str, str], rows: Sequence[dict[str, Any]], what: str) -> list[tuple[str, str]]:
    present = {k for row in rows for k, v in row.items() if v is not None}
    cols = [(k, t) for k, t in fixed.items() if k in present]
    for key in sorted(present - set(fixed)):
        if not key.isidentifier():
            raise BulkExportError(f"{what}: property name {key!r} cannot be a CSV header field")
        ctype = _infer((row.get(key) for row in rows), f"{what}.{key}")
        if ctype is not None:
            cols.append((key, ctype))
    return cols


def _writer(handle: Any) -> Any:
    return csv.writer(handle, delimiter=",", quotechar='"', doublequote=True,
                      quoting=csv.QUOTE_STRINGS, lineterminator="\n")


def _write_pair(out_dir: Path, stem: str, head: list[str], rows: Iterable[list[Any]]) -> tuple[Path, Path, int]:
    header, data = out_dir / f"{stem}_header.csv", out_dir / f"{stem}.csv"
    with header.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(head)
    count = 0
    with data.open("w", encoding="utf-8", newline="") as fh:
        writer = _writer(fh)
        for row in rows:
            writer.writerow(row)
            count += 1
    return header, data, count


def _write_csv(graph: _MemoryGraph, out_dir: Path, report: BulkReport) -> None:
    enc = _Encoder(report.array_delimiter)
    labels = report.array_delimiter

    def node_file(label: str, ids: list[str], props: dict[str, dict[str, Any]], fixed: dict[str, str],
                  group: str, node_labels: str) -> None:
        cols = _columns(fixed, list(props.values()), label)
        head = [f"id:ID({group})", ":LABEL", *(f"{k}:{t}" for k, t in cols)]
        encoders = [(k, enc.column(t, f"{label}.{k}")) for k, t in cols]
        rows = ([i, node_labels, *(e(props[i].get(k), i) for k, e in encoders)] for i in ids)
        header, data, n = _write_pair(out_dir, f"nodes_{label}", head, rows)
        report.files.append(BulkFile("nodes", label, header, data, n))

    def rel_file(rtype: str, keys: list[tuple[str, str]], props: dict[tuple[str, str], dict[str, Any]],
                 fixed: dict[str, str], start_group: str) -> None:
        cols = _columns(fixed, list(props.values()), rtype)
        head = [f":START_ID({start_group})", f":END_ID({ENTITY_GROUP})", ":TYPE", *(f"{k}:{t}" for k, t in cols)]
        encoders = [(k, enc.column(t, f"{rtype}.{k}")) for k, t in cols]
        rows = ([a, b, rtype, *(e(props[(a, b)].get(k), (a, b)) for k, e in encoders)] for a, b in keys)
        header, data, n = _write_pair(out_dir, f"rels_{rtype}", head, rows)
        report.files.append(BulkFile("relationships", rtype, header, data, n))

    if graph.documents:
        node_file(SCHEMA.document_label, sorted(graph.documents), graph.documents, DOCUMENT_COLUMNS,
                  DOCUMENT_GROUP, SCHEMA.document_label)
    for etype in SCHEMA.entity_types:
        props = {i: p for i, (t, p) in graph.entities.items() if t == etype}
        if props:
            node_file(etype, sorted(props), props, ENTITY_COLUMNS, ENTITY_GROUP, f"{SCHEMA.entity_label}{labels}{etype}")
    if graph.mentions:
        rel_file(SCHEMA.mention_type, sorted(graph.mentions), graph.mentions, MENTION_COLUMNS, DOCUMENT_GROUP)
    for rtype in SCHEMA.relation_types:
        props2 = {(a, b): p for (t, a, b), p in graph.relations.items() if t == rtype}
        if props2:
            rel_file(rtype, sorted(props2), props2, RELATION_COLUMNS, ENTITY_GROUP)
    report.multiline = enc.multiline
    for where, n in sorted(enc.lost.items()):
        label, _, prop = where.partition(".")
        if prop == "aliases" and label in SCHEMA.entity_types:
            _add_fix(report, FIX_ALIASES)
        elif prop == "ev_sentence":
            _add_fix(report, FIX_EV_SENTENCE)
        else:
            report.warnings.append(f"{n} empty list(s) in {where} cannot be written to CSV: the property will be missing")


def _add_fix(report: BulkReport, stmt: str) -> None:
    if stmt not in report.fixups:
        report.fixups.append(stmt)


def _check_delimiter(delimiter: str) -> None:
    if len(delimiter) != 1 or delimiter in ',"\n\r' or delimiter.isalnum() or delimiter in "_:":
        raise BulkExportError(f"array delimiter {delimiter!r}: use one character that is not a letter, digit, "
                              "',', '\"', ':', '_' or a line break (default U+001F)")


def _split(source: Any) -> tuple[list[DocumentRecord], list[EntityRecord], list[RelationRecord], list[LineError]]:
    """Records from a ReadResult, JSONL paths or record objects."""
    if source is None:
        return [], [], [], []
    if isinstance(source, ReadResult):
        return source.documents, source.entities, source.relations, list(source.errors)
    items = [source] if isinstance(source, (str, Path)) else list(source)
    if items and all(isinstance(i, (str, Path)) for i in items):
        result = read_jsonl(items)
        return result.documents, result.entities, result.relations, list(result.errors)
    docs = [r for r in items if isinstance(r, DocumentRecord)]
    ents = [r for r in items if isinstance(r, EntityRecord)]
    rels = [r for r in items if isinstance(r, RelationRecord)]
    if len(docs) + len(ents) + len(rels) != len(items):
        raise BulkExportError("records_or_paths must be JSONL paths or interchange records")
    return docs, ents, rels, []


def _post_import(report: BulkReport) -> str:
    from aikg.graph.backends.neo4j import ddl_statements

    lines = ["// Run once after `neo4j-admin database import full` and starting the database, e.g.",
             f"//   cypher-shell -d {report.database} -f post-import.cypher",
             "// (cypher-shell runs each statement in its own auto-commit transaction, which",
             "// `CALL { ... } IN TRANSACTIONS` needs; do not wrap this file in :begin/:commit)",
             "// Constraints and indexes of the Neo4j backend (aikg also creates them when it opens the store)."]
    lines += [s + ";" for s in ddl_statements()]
    if report.fixups:
        lines.append("// Values CSV import cannot express (empty lists) that the loader always writes.")
        lines += report.fixups
    return "\n".join(lines) + "\n"


def write_neo4j_import(records_or_paths: Any, out_dir: str | Path, *, store: Any = None,
                       array_delimiter: str = ARRAY_DELIMITER, database: str = "neo4j",
                       overwrite: bool = False, now: str | None = None) -> BulkReport:
    """Write neo4j-admin import CSVs for these records (JSONL paths, records or a ReadResult).

    With ``store``, its graph is exported too and the records are applied on top of it as
    ``aikg load`` would (documents the store already holds are skipped). Bad JSONL lines
    are reported in ``errors`` and left out, like the loader does. ``overwrite`` adds
    ``--overwrite-destination=true`` to the command (needed for ``neo4j`` on Community edition).
    """
    _check_delimiter(array_delimiter)
    out = Path(out_dir).resolve()
    if "," in str(out):
        raise BulkExportError(f"{out}: neo4j-admin separates files with ',': use a folder without one")
    out.mkdir(parents=True, exist_ok=True)
    report = BulkReport(out_dir=out, database=database, array_delimiter=array_delimiter, overwrite=overwrite)
    graph = _MemoryGraph()
    if store is not None:
        report.warnings += graph.seed(store)
        report.documents_from_store = len(graph.documents)
    documents, entities, relations, errors = _split(records_or_paths)
    report.errors.extend(errors)
    loaded_at = now or now_iso()
    for key, unit in build_units(documents, entities, relations).items():
        if key != NO_DOCUMENT and key in graph.documents:
            report.documents_skipped += 1
            continue
        reason = graph.conflict(unit)
        if reason:
            source = unit.doc.source if unit.doc else "(entities without a document)"
            report.errors.append(UnitError(unit.key, source, f"not exported, nothing of it was written: {reason}"))
            continue
        graph.apply(unit, loaded_at)
    graph.summarise()
    _write_csv(graph, out, report)
    report.post_import = out / "post-import.cypher"
    report.post_import.write_text(_post_import(report), encoding="utf-8")
    report.script = out / "import.sh"
    args = [shlex.quote(a) for a in report.command_args()]
    hint = "" if overwrite else "".join(f"# {line}\n" for line in textwrap.wrap(OVERWRITE_HINT, 90))
    report.script.write_text("#!/bin/sh\n# Written by `aikg export neo4j-import`; run with the database stopped.\n"
                             + hint + "set -e\n" + " \\\n  ".join([" ".join(args[:5]), *args[5:]]) + "\n",
                             encoding="utf-8")
    report.script.chmod(0o755)
    return report
