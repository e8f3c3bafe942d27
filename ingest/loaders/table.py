"""Tables (CSV/TSV with the csv module, XLSX with openpyxl): rows become entities, LOCATED_IN and metric props.

Columns are recognised by header synonyms (see ``SYNONYMS`` and docs/loaders.md) or named
by a JSON mapping (``mapping=``, the CLI's ``--mapping``). The document text is a
rendering of the table, one line per row ("Row 3: Bay Area | AI job postings share |
2.1 | 2024"), and every mention and evidence span points into its row's line. Cells are
data only: nothing is evaluated, formulas included.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikg.core.errors import InputError
from aikg.core.facts import EntityRecord, Evidence, Mention, Primitive, Record, RelationRecord
from aikg.core.ids import content_id, entity_id, normalise_name
from aikg.ingest.document import LoadedDocument
from aikg.ingest.loaders._common import TextBuilder, squash
from aikg.ingest.loaders.text import decode_nonempty

METHOD = "table"
ROLES = ("entity", "type", "cluster", "metric", "value", "year", "source", "related", "relation", "related_type")

# Header synonyms per role, in priority order (headers are compared after lower-casing and
# folding "_", "-", "/" and repeated spaces to one space).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "entity": ("entity", "entity name", "name", "organisation", "organization", "organisation name",
               "organization name", "org", "org name", "institution", "institution name", "company",
               "company name", "firm", "agency", "programme", "program", "person", "university", "actor"),
    "type": ("type", "entity type", "kind", "category", "org type", "organisation type", "organization type",
             "class"),
    "cluster": ("cluster", "metro area", "metro", "metropolitan area", "msa", "cbsa", "region", "city",
                "location", "hub", "place", "based in", "headquarters", "hq"),
    "metric": ("metric", "indicator", "measure", "variable", "series", "statistic"),
    "value": ("value", "amount", "score", "count", "number", "figure", "val"),
    "year": ("year", "yr", "period", "as of", "date"),
    "source": ("source", "sources", "citation", "reference", "url", "link"),
    "related": ("related", "related entity", "related to", "partner", "counterpart", "target", "object"),
    "relation": ("relation", "relationship", "relation type", "relationship type", "rel", "predicate"),
    "related_type": ("related type", "related entity type", "target type", "partner type"),
}
# When no organisation column exists, a place column is the entity column (its rows are Clusters).
PLACE_ENTITY = ("metro", "metro area", "metropolitan area", "cluster", "city", "region", "msa", "cbsa", "place",
                "location", "hub", "country", "state")
# Entity columns whose header implies the type.
COLUMN_TYPES = {"company": "Company", "company name": "Company", "firm": "Company", "institution": "Institute",
                "institution name": "Institute", "university": "Institute", "agency": "Agency",
                "programme": "Programme", "program": "Programme", "person": "Person"}
# Values of the type column (case-insensitive) and the schema type they mean.
TYPE_VALUES: dict[str, str] = {
    **{k: "Institute" for k in ("institute", "institution", "university", "college", "school", "research institute",
                                "lab", "laboratory", "research lab", "think tank", "nonprofit", "non profit",
                                "ngo", "foundation", "consortium", "academic", "academia")},
    **{k: "Company" for k in ("company", "firm", "startup", "start up", "business", "corporation", "corporate",
                              "investor", "vc", "venture capital", "enterprise", "private")},
    **{k: "Agency" for k in ("agency", "government", "government agency", "ministry", "regulator", "department",
                             "public body", "public agency", "intergovernmental")},
    **{k: "Programme" for k in ("programme", "program", "initiative", "strategy", "fund", "grant", "law", "scheme")},
    **{k: "Person" for k in ("person", "people", "individual", "researcher")},
    **{k: "Cluster" for k in ("cluster", "place", "metro", "metro area", "city", "region", "hub", "country",
                              "location")},
}
_FORMULA_PREFIX = ("=", "+", "-", "@", "\t", "\r")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_TRAILING_YEAR = re.compile(r"^(.*?)[\s(]*((?:19|20)\d{2})\)?$")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$", re.IGNORECASE)


def norm_header(value: Any) -> str:
    text = unicodedata.normalize("NFKC", "" if value is None else str(value)).casefold()
    text = re.sub(r"[_\-/.:]+", " ", text)
    return " ".join(text.split())


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^0-9a-z]+", "_", ascii_text).strip("_")


def cell_text(value: Any) -> str:
    """A cell as display text (no evaluation): None -> "", 2024.0 -> "2024", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10] if isinstance(value, dt.date) and not isinstance(value, dt.datetime) \
            else value.isoformat()
    return squash(str(value))


def parse_number(value: Any) -> int | float | None:
    """Number in a cell: ints and floats as is; strings with thousands separators, %, currency, (negative)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else None
    text = str(value).strip().replace("\u2212", "-")
    negative = text.startswith("(") and text.endswith(")")
    text = text.strip("()").strip()
    text = re.sub(r"^[$€£¥]\s*|\s*%$", "", text).replace(",", "").replace("_", "").replace(" ", "")
    if not _NUMBER.match(text):
        return None
    number: int | float = int(text) if re.fullmatch(r"[+-]?\d+", text) else float(text)
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return -number if negative else number


def parse_year(value: Any) -> int | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.year
    number = parse_number(value)
    if isinstance(number, (int, float)) and float(number).is_integer() and 1800 <= number <= 2200:
        return int(number)
    m = _YEAR.search(str(value))
    return int(m.group(1)) if m else None


# --------------------------------------------------------------------------- mapping


@dataclass
class ColumnMapping:
    """Which column plays which role, from a mapping file (``--mapping``) or empty (header synonyms only)."""

    columns: dict[str, str] = field(default_factory=dict)  # role -> header as written in the file
    default_type: str | None = None
    types: dict[str, str] = field(default_factory=dict)  # type-column value -> schema type
    metrics: list[str] = field(default_factory=list)  # wide-format metric columns
    sheet: str | None = None


def read_mapping(mapping: ColumnMapping | dict[str, Any] | str | Path | None) -> ColumnMapping:
    """A :class:`ColumnMapping` from a dict, a JSON file path, or None (header synonyms only)."""
    from aikg.core.schema import SCHEMA

    if mapping is None:
        return ColumnMapping()
    if isinstance(mapping, ColumnMapping):
        return mapping
    where = None
    if isinstance(mapping, (str, Path)):
        where = str(mapping)
        try:
            mapping = json.loads(Path(mapping).read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"cannot read the mapping file ({exc.strerror}): check the --mapping path",
                             source=where) from exc
        except json.JSONDecodeError as exc:
            raise InputError(f"mapping file is not valid JSON ({exc.msg}): fix it", source=where, line=exc.lineno) from exc
    if not isinstance(mapping, dict):
        raise InputError("a column mapping must be a JSON object: see docs/loaders.md", source=where)
    columns = mapping.get("columns", {k: v for k, v in mapping.items() if k in ROLES})
    if not isinstance(columns, dict) or not all(isinstance(v, str) for v in columns.values()):
        raise InputError('mapping "columns" must map roles to column headers (strings)', source=where)
    unknown = sorted(set(columns) - set(ROLES))
    if unknown:
        raise InputError(f"mapping names unknown roles {', '.join(unknown)}; roles are {', '.join(ROLES)}",
                         source=where)
    default_type = mapping.get("default_type")
    types = {norm_header(k): v for k, v in (mapping.get("types") or {}).items()}
    for t in [default_type, *types.values()]:
        if t is not None and t not in SCHEMA.entity_types:
            raise InputError(f"mapping uses unknown entity type {t!r}; use one of {', '.join(SCHEMA.entity_types)}",
                             source=where)
    metrics = mapping.get("metrics") or []
    if not isinstance(metrics, list) or not all(isinstance(m, str) for m in metrics):
        raise InputError('mapping "metrics" must be a list of column headers', source=where)
    sheet = mapping.get("sheet")
    return ColumnMapping(dict(columns), default_type, types, list(metrics), str(sheet) if sheet is not None else None)


@dataclass
class Columns:
    roles: dict[str, int]
    entity_is_place: bool
    wide: list[int]  # columns holding one metric each (wide format)


def _find(normed: list[str], names: Sequence[str], used: set[int]) -> int | None:
    for name in names:
        for i, h in enumerate(normed):
            if h == name and i not in used:
                return i
    return None


def _mapped_roles(normed: list[str], headers: list[str], mapping: ColumnMapping, source: str) -> dict[str, int]:
    """The columns the mapping names, by role (each must exist)."""
    roles: dict[str, int] = {}
    for role, name in mapping.columns.items():
        key = norm_header(name)
        if key not in normed:
            raise InputError(
                f"mapping names column {name!r} for {role!r} but the table's columns are: {', '.join(headers)}; "
                "fix the mapping file",
                source=source,
            )
        roles[role] = normed.index(key)
    return roles


def _entity_column(normed: list[str], headers: list[str], used: set[int], source: str) -> tuple[int, bool]:
    """The entity column found by its header, and whether it holds places (no organisation column)."""
    idx = _find(normed, SYNONYMS["entity"], used)
    if idx is not None:
        return idx, False
    idx = _find(normed, PLACE_ENTITY, used)
    if idx is not None:
        return idx, True
    shown = ", ".join(repr(h) for h in headers if h) or "none"
    raise InputError(
        f"no entity column found (columns: {shown}): name one 'name', 'organisation' or 'metro', "
        "or pass a column mapping file (--mapping) naming the entity column",
        source=source,
    )


def _wide_columns(headers: list[str], rows: list[list[Any]], normed: list[str], mapping: ColumnMapping,
                  roles: dict[str, int], used: set[int], source: str) -> list[int]:
    """Columns holding one metric each: those the mapping lists, else unused mostly-numeric columns."""
    wide: list[int] = []
    if mapping.metrics:
        for name in mapping.metrics:
            key = norm_header(name)
            if key not in normed:
                raise InputError(f"mapping lists metric column {name!r} but the table's columns are: "
                                 f"{', '.join(headers)}; fix the mapping file", source=source)
            wide.append(normed.index(key))
    elif "metric" not in roles:
        for i, h in enumerate(headers):
            if i in used or not h:
                continue
            values = [r[i] for r in rows if i < len(r) and cell_text(r[i])]
            numeric = [v for v in values if parse_number(v) is not None]
            if values and len(numeric) >= 0.5 * len(values):
                wide.append(i)
    return wide


def resolve_columns(headers: list[str], rows: list[list[Any]], mapping: ColumnMapping, source: str) -> Columns:
    """Which column plays which role: the mapping's, then header synonyms, then numeric columns as metrics."""
    normed = [norm_header(h) for h in headers]
    roles = _mapped_roles(normed, headers, mapping, source)
    used = set(roles.values())
    if "entity" not in roles:
        roles["entity"], entity_is_place = _entity_column(normed, headers, used, source)
        used.add(roles["entity"])
    else:
        entity_is_place = normed[roles["entity"]] in PLACE_ENTITY and "type" not in roles
    for role in ROLES:
        if role in roles or (role == "cluster" and entity_is_place):
            continue
        idx = _find(normed, SYNONYMS[role], used)
        if idx is not None:
            roles[role] = idx
            used.add(idx)
    return Columns(roles, entity_is_place, _wide_columns(headers, rows, normed, mapping, roles, used, source))


# --------------------------------------------------------------------------- rows -> records


@dataclass
class _Sheet:
    name: str | None
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number as the user sees it, cells)


class _Builder:
    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.entities: dict[str, EntityRecord] = {}
        self.relations: dict[tuple[str, str, str], RelationRecord] = {}
        self.warnings: list[str] = []
        self.sources: dict[str, None] = {}  # in order of first appearance (a dict: a list made this quadratic)

    def entity(self, etype: str, name: str, span: tuple[int, int]) -> EntityRecord:
        eid = entity_id(etype, name)
        rec = self.entities.get(eid)
        if rec is None:
            rec = self.entities[eid] = EntityRecord(id=eid, type=etype, name=name)
        elif name != rec.name and name not in rec.aliases:
            rec.aliases.append(name)
        rec.mentions.append(Mention(self.doc_id, *span))
        return rec

    def prop(self, rec: EntityRecord, key: str, value: Primitive, where: str) -> None:
        old = rec.props.get(key)
        if old is not None and old != value:
            self.warnings.append(f"{where}: {key} of {rec.name!r} is already {old!r} from an earlier row; kept it")
            return
        rec.props[key] = value

    def relation(self, rtype: str, src: str, tgt: str, ev: Evidence) -> None:
        key = (rtype, src, tgt)
        rel = self.relations.get(key)
        if rel is None:
            rel = self.relations[key] = RelationRecord(rtype, src, tgt, confidence=1.0, method=METHOD)
        rel.evidence.append(ev)

    def source(self, text: str) -> None:
        self.sources.setdefault(text, None)

    def records(self) -> list[Record]:
        return [*self.entities.values(), *self.relations.values()]


def _type_of(value: str, mapping: ColumnMapping) -> str | None:
    from aikg.core.schema import SCHEMA

    key = norm_header(value)
    if key in mapping.types:
        return mapping.types[key]
    for t in SCHEMA.entity_types:
        if key == t.lower():
            return t
    return TYPE_VALUES.get(key) or TYPE_VALUES.get(key.rstrip("s"))


def _relation_name(value: str) -> str:
    return re.sub(r"[^A-Z]+", "_", value.upper()).strip("_")


def _resolve_sheets(sheets: list[_Sheet], mapping: ColumnMapping, source: str,
                    warnings: list[str]) -> list[tuple[_Sheet, Columns]]:
    """Each sheet with its columns; in a workbook a sheet without an entity column is skipped with a warning."""
    resolved: list[tuple[_Sheet, Columns]] = []
    errors: list[InputError] = []
    for sheet in sheets:
        try:
            resolved.append((sheet, resolve_columns(sheet.headers, [r for _, r in sheet.rows], mapping, source)))
        except InputError as exc:
            if len(sheets) == 1 or mapping.columns:
                raise
            errors.append(exc)
            warnings.append(f"sheet {sheet.name!r} skipped: {exc.reason}")
    if not resolved:
        raise errors[0]
    return resolved


def _cell(cells: list[Any], cols: Columns, role: str) -> str:
    idx = cols.roles.get(role)
    return cell_text(cells[idx]) if idx is not None and idx < len(cells) else ""


@dataclass
class _Context:
    """What every row of a table may refer to: the mapping and the names other rows give."""

    mapping: ColumnMapping
    known_types: dict[str, str]  # normalised name -> type, so a 'related' cell can point at another row
    places: set[str]  # names given as clusters anywhere: an untyped row naming one of them is a place


def _context(resolved: list[tuple[_Sheet, Columns]], mapping: ColumnMapping) -> _Context:
    known_types: dict[str, str] = {}
    places: set[str] = set()
    for sheet, cols in resolved:
        for _, cells in sheet.rows:
            name, type_cell, place = (_cell(cells, cols, r) for r in ("entity", "type", "cluster"))
            etype = _type_of(type_cell, mapping) if type_cell else None
            if name and etype:
                known_types.setdefault(normalise_name(name), etype)
            if place:
                places.add(normalise_name(place))
    return _Context(mapping, known_types, places)


@dataclass
class _Row:
    """One data row as written into the document text, with the span of each cell."""

    where: str
    cells: list[Any]
    shown: list[str]
    spans: list[tuple[int, int]]
    evidence: Evidence


def _row_line(b: TextBuilder, doc_id: str, sheet: _Sheet, number: int, cells: list[Any],
              warnings: list[str]) -> _Row | None:
    """Write the row's line ("Row 3: a | b | c"); None for a blank or misshapen row (not written)."""
    where = f"row {number}" + (f" of sheet {sheet.name!r}" if sheet.name else "")
    shown = [cell_text(c) for c in cells]
    if not any(shown):
        return None
    width = len(sheet.headers)
    if len(cells) != width:
        if len(cells) > width and not any(shown[width:]):
            cells, shown = cells[:width], shown[:width]
        else:
            warnings.append(f"{where}: has {len(cells)} cells but the header has {width}; skipped "
                            "(check quoting and separators)")
            return None
    for i, s in enumerate(shown):
        if s.startswith(_FORMULA_PREFIX) and parse_number(s) is None:
            warnings.append(f"{where}: cell {sheet.headers[i]!r} starts with {s[0]!r} (spreadsheet "
                            "formula syntax); kept as plain text, never evaluated")
    prefix = f"Row {number}: "
    line = prefix + " | ".join(shown)
    start, _ = b.add(line)
    b.add("\n")
    spans = []
    at = start + len(prefix)
    for s in shown:
        spans.append((at, at + len(s)))
        at += len(s) + 3  # " | "
    return _Row(where, cells, shown, spans, Evidence(doc_id, start, start + len(line), line))


def _row_type(row: _Row, cols: Columns, entity_header: str, ctx: _Context, warnings: list[str]) -> str | None:
    """The entity's type: the type cell, else the column's header, else a place, else the mapping's default."""
    from aikg.core.schema import SCHEMA

    roles, shown, name = cols.roles, row.shown, row.shown[cols.roles["entity"]]
    etype = None
    if "type" in roles and shown[roles["type"]]:
        etype = _type_of(shown[roles["type"]], ctx.mapping)
        if etype is None:
            warnings.append(f"{row.where}: unknown type {shown[roles['type']]!r}; skipped (use one of "
                            f"{', '.join(SCHEMA.entity_types)}, or map it under \"types\" in the mapping)")
            return None
    etype = etype or COLUMN_TYPES.get(entity_header)
    if etype is None and (cols.entity_is_place or normalise_name(name) in ctx.places):
        etype = "Cluster"  # an untyped place: the entity column holds places, or the name is a cluster
    etype = etype or ctx.mapping.default_type
    if etype is None:
        warnings.append(f"{row.where}: no type for {name!r}; skipped (add a type column or set "
                        "\"default_type\" in the mapping)")
    return etype


def _located_in(out: _Builder, row: _Row, cols: Columns, rec: EntityRecord) -> None:
    """LOCATED_IN entity -> cluster, from the cluster cell."""
    from aikg.core.schema import SCHEMA

    idx = cols.roles.get("cluster")
    if idx is None or not row.shown[idx]:
        return
    if SCHEMA.check_relation("LOCATED_IN", rec.type, "Cluster") is None:
        place = out.entity("Cluster", row.shown[idx], row.spans[idx])
        out.relation("LOCATED_IN", rec.id, place.id, row.evidence)
    else:
        out.warnings.append(f"{row.where}: a {rec.type} cannot be LOCATED_IN a cluster; cluster cell ignored")


def _row_metrics(row: _Row, sheet: _Sheet, cols: Columns) -> list[tuple[str, Any]]:
    """(metric name, raw value) pairs of the row: the metric/value cells (long format) and wide columns."""
    roles, shown = cols.roles, row.shown
    metrics: list[tuple[str, Any]] = []
    if "metric" in roles and "value" in roles and shown[roles["metric"]]:
        metrics.append((shown[roles["metric"]], row.cells[roles["value"]]))
    for i in cols.wide:
        metrics.append((sheet.headers[i], row.cells[i]))
    return metrics


def _metric_facts(out: _Builder, row: _Row, sheet: _Sheet, cols: Columns, rec: EntityRecord) -> None:
    """Numeric facts as ``metric_<name>[_<year>]`` properties of the row's entity."""
    year_cell = row.shown[cols.roles["year"]] if "year" in cols.roles else ""
    year = parse_year(row.cells[cols.roles["year"]]) if year_cell else None
    if year_cell and year is None:
        out.warnings.append(f"{row.where}: year {year_cell!r} is not a year; its metrics skipped")
        return
    roles = cols.roles
    if "metric" in roles and "value" in roles and not row.shown[roles["metric"]] and row.shown[roles["value"]]:
        out.warnings.append(f"{row.where}: value without a metric name; skipped")
    for metric, raw in _row_metrics(row, sheet, cols):
        if not cell_text(raw):
            continue
        value = parse_number(raw)
        if value is None:
            out.warnings.append(f"{row.where}: value {cell_text(raw)!r} of {metric!r} is not a number; skipped")
            continue
        metric_year, base = year, metric
        m = _TRAILING_YEAR.match(metric.strip())
        if m and slug(m.group(1)):  # "AI patents 2024": the name's own year wins
            base, metric_year = m.group(1), int(m.group(2))
        key = slug(base)
        if not key:
            out.warnings.append(f"{row.where}: metric name {metric!r} has no letters or digits; skipped")
            continue
        out.prop(rec, f"metric_{key}" + (f"_{metric_year}" if metric_year else ""), value, row.where)


def _related(out: _Builder, row: _Row, cols: Columns, rec: EntityRecord, ctx: _Context) -> None:
    """The explicit relation columns: related entity, relation type, related type."""
    from aikg.core.schema import SCHEMA

    roles, shown = cols.roles, row.shown
    if "related" not in roles or not shown[roles["related"]]:
        return
    other = shown[roles["related"]]
    rname = shown[roles["relation"]] if "relation" in roles else ""
    rtype = _relation_name(rname) if rname else ""
    otype = None
    if "related_type" in roles and shown[roles["related_type"]]:
        otype = _type_of(shown[roles["related_type"]], ctx.mapping)
    otype = otype or ctx.known_types.get(normalise_name(other))
    if not rtype:
        out.warnings.append(f"{row.where}: related entity {other!r} without a relation type; skipped")
        return
    if otype is None:
        out.warnings.append(f"{row.where}: type of related entity {other!r} unknown; relation skipped (add a "
                            "'related type' column or a row for it)")
        return
    why = SCHEMA.check_relation(rtype, rec.type, otype)
    if why:
        out.warnings.append(f"{row.where}: {why}; relation skipped")
        return
    target = out.entity(otype, other, row.spans[roles["related"]])
    out.relation(rtype, rec.id, target.id, row.evidence)


def _row_facts(out: _Builder, row: _Row, sheet: _Sheet, cols: Columns, ctx: _Context) -> None:
    """The entity a row names, its cluster, its numeric facts and its explicit relation."""
    roles = cols.roles
    name = row.shown[roles["entity"]]
    if not name:
        out.warnings.append(f"{row.where}: empty entity cell; skipped")
        return
    etype = _row_type(row, cols, norm_header(sheet.headers[roles["entity"]]), ctx, out.warnings)
    if etype is None:
        return
    rec = out.entity(etype, name, row.spans[roles["entity"]])
    if "source" in roles and row.shown[roles["source"]]:
        out.source(row.shown[roles["source"]])
    _located_in(out, row, cols, rec)
    _metric_facts(out, row, sheet, cols, rec)
    _related(out, row, cols, rec, ctx)


def _sheet_facts(b: TextBuilder, out: _Builder, sheet: _Sheet, cols: Columns, ctx: _Context) -> int:
    """Write one sheet's lines and gather its facts; the number of data rows written."""
    if sheet.name is not None:
        b.add(f"Sheet: {sheet.name}\n")
    b.add("Columns: " + " | ".join(sheet.headers) + "\n")
    written = 0
    for number, cells in sheet.rows:
        row = _row_line(b, out.doc_id, sheet, number, cells, out.warnings)
        if row is None:
            continue
        written += 1
        _row_facts(out, row, sheet, cols, ctx)
    return written


def _build(sheets: list[_Sheet], mapping: ColumnMapping, doc_id: str, title: str, source: str,
           warnings: list[str]) -> tuple[str, list[Record], dict[str, Any]]:
    """The document text (one line per row), the records and the metadata of a table."""
    b = TextBuilder()
    out = _Builder(doc_id)
    out.warnings = warnings
    b.add(f"Table: {title}\n")
    resolved = _resolve_sheets(sheets, mapping, source, warnings)
    ctx = _context(resolved, mapping)
    rows_total = sum(_sheet_facts(b, out, sheet, cols, ctx) for sheet, cols in resolved)
    if rows_total == 0:
        raise InputError("no data rows: the table has a header but no rows; add rows or check the file", source=source)
    meta: dict[str, Any] = {
        "rows": rows_total,
        "columns": {role: sheet.headers[i] for sheet, cols in resolved[:1] for role, i in cols.roles.items()},
        "metric_columns": [sheet.headers[i] for sheet, cols in resolved[:1] for i in cols.wide],
    }
    if out.sources:
        meta["sources"] = list(out.sources)
    return b.text(), out.records(), meta


def _header_index(rows: list[list[Any]], mapping: ColumnMapping) -> int | None:
    """The header row: the first of the first 10 non-empty rows that names an entity column."""
    wanted = {norm_header(v) for v in mapping.columns.values()} or set(SYNONYMS["entity"]) | set(PLACE_ENTITY)
    first = None
    for i, row in enumerate(rows[:50]):
        cells = [norm_header(c) for c in row]
        if not any(cells):
            continue
        if first is None:
            first = i
        if wanted & set(cells):
            return i
        if i - (first or 0) >= 10:
            break
    return first


def _sheet(name: str | None, rows: list[list[Any]], mapping: ColumnMapping) -> _Sheet | None:
    idx = _header_index(rows, mapping)
    if idx is None:
        return None
    headers = [cell_text(c) for c in rows[idx]]
    while headers and not headers[-1]:
        headers.pop()
    return _Sheet(name, headers, [(i + 1, r) for i, r in enumerate(rows) if i > idx])


def _document(path: Path, data: bytes, sheets: list[_Sheet], mapping: ColumnMapping, fmt: str,
              warnings: list[str]) -> LoadedDocument:
    doc_id = content_id(data)
    text, records, meta = _build(sheets, mapping, doc_id, path.stem, str(path), warnings)
    meta["format"] = fmt
    if warnings:
        meta["warnings"] = warnings
    return LoadedDocument(
        id=doc_id,
        source=str(path),
        title=path.stem,
        kind="table",
        text=text,
        facts=records,
        meta=meta,
        extract_text=False,
    )


def _delimiter(text: str, default: str) -> str:
    """The separator used most in the first non-empty line (",", ";", tab or "|")."""
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == default))
    return best if counts[best] else default


def load_csv(path: Path, data: bytes, *, mapping: ColumnMapping | dict[str, Any] | str | Path | None = None) -> LoadedDocument:
    m = read_mapping(mapping)
    text, enc = decode_nonempty(data, ext=path.suffix)
    delimiter = _delimiter(text, "\t" if path.suffix.lower() == ".tsv" else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [list(r) for r in reader]
    except csv.Error as exc:
        raise InputError(f"CSV cannot be parsed ({exc}): check quoting", source=str(path), line=reader.line_num) from exc
    sheet = _sheet(None, rows, m)
    if sheet is None:
        raise InputError("empty table: no rows; add a header row and data", source=str(path))
    doc = _document(path, data, [sheet], m, "csv", [])
    doc.meta["encoding"] = enc
    doc.meta["delimiter"] = delimiter
    return doc


def load_xlsx(path: Path, data: bytes, *, mapping: ColumnMapping | dict[str, Any] | str | Path | None = None) -> LoadedDocument:
    import zipfile

    from openpyxl import load_workbook

    from aikg.core.xmlsafe import check_xlsx

    m = read_mapping(mapping)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError("workbook is password-protected or in the legacy .xls format: save it as an unprotected .xlsx")
    check_xlsx(data, str(path))  # entity declarations refused before openpyxl parses a part
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise InputError(f"not a valid XLSX workbook ({type(exc).__name__}): re-save it as .xlsx") from exc
    except Exception as exc:  # openpyxl raises its own InvalidFileException and others
        raise InputError(f"not a valid XLSX workbook ({type(exc).__name__}: {exc}): re-save it as .xlsx") from exc
    try:
        names = wb.sheetnames
        if m.sheet is not None:
            if m.sheet not in names:
                raise InputError(f"mapping names sheet {m.sheet!r} but the workbook has: {', '.join(names)}; "
                                 "fix the mapping file")
            names = [m.sheet]
        sheets: list[_Sheet] = []
        warnings: list[str] = []
        for name in names:
            ws = wb[name]
            rows = [list(r) for r in ws.iter_rows(min_row=1, values_only=True)]
            sheet = _sheet(name, rows, m)
            if sheet is None:
                warnings.append(f"sheet {name!r} is empty; skipped")
                continue
            sheets.append(sheet)
    finally:
        wb.close()
    if not sheets:
        raise InputError("empty workbook: no sheet has rows; add a header row and data")
    return _document(path, data, sheets, m, "xlsx", warnings)


class CsvLoader:
    name = "csv"
    extensions = (".csv", ".tsv")

    def sniff(self, head: bytes) -> bool:
        return False  # CSV is told by its extension

    def load(self, path: Path, data: bytes, **options: Any) -> LoadedDocument:
        return load_csv(path, data, mapping=options.get("mapping"))


class XlsxLoader:
    name = "xlsx"
    extensions = (".xlsx", ".xlsm")

    def sniff(self, head: bytes) -> bool:
        return head.startswith(b"PK\x03\x04") and b"xl/" in head

    def load(self, path: Path, data: bytes, **options: Any) -> LoadedDocument:
        return load_xlsx(path, data, mapping=options.get("mapping"))


CSV_LOADER = CsvLoader()
XLSX_LOADER = XlsxLoader()
