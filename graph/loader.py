"""Load interchange records into a store: batched, idempotent, atomic per document.

Facts are grouped into one *unit* per document (the document node, the entities it
mentions, its mentions and the relations it gives evidence for). Units are written a
batch at a time in one atomic write; if a batch fails, its units are retried one by
one so a bad document is named and the good ones still land. A document whose node
exists is skipped (its facts were committed with it), which makes re-loading a no-op
and lets an interrupted run resume.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from aikg.core.collector import collector_paused
from aikg.core.errors import StoreError
from aikg.core.facts import DocumentRecord, EntityRecord, RelationRecord
from aikg.core.jsonl import LineError, read_jsonl
from aikg.core.schema import SCHEMA
from aikg.graph import change_ledger, name_keys, search_grams, summaries
from aikg.graph.cypher_files import entity_statement, relation_statement, statement
from aikg.graph.pending_counts import COUNT_KEYS, MARK, PendingCounts, needs_recovery, recover
from aikg.graph.store import GraphStore, Statement

NO_DOCUMENT = ""  # unit key for entities that no document mentions
MAX_BATCH_BYTES = 4 << 20  # about this much parameter text per write at most (see load_records)
KNOWN_PAGE = 5000  # ids per read of what the store holds when a load starts
#: the positions of a load_relations.cypher row (sent as a list: no key names in the parameter text, issue 18)
RELATION_FIELDS = ("source", "target", "ev_doc", "ev_start", "ev_end", "ev_sentence", "ev_method", "ev_confidence",
                   "confidence", "ev_page", "docs")
#: the positions of a create_relations.cypher ``ones`` row: a new relationship with one piece of evidence, its
#: fields as scalars (the document as its position in ``docs``, the page left off when there is none)
ONE_FIELDS = ("source", "target", "ev_doc", "ev_start", "ev_end", "ev_sentence", "ev_method", "ev_confidence",
              "ev_page")
#: the positions of a load_entities.cypher row (sent as a list, as RELATION_FIELDS)
ENTITY_FIELDS = ("id", "name", "aliases", "props", "grams", "gram_text", "full", "mentions", "docs", "degree",
                 "rel_docs", "linked")
#: the positions of a load_mentions.cypher row, the document as its position in the statement's ``docs``
MENTION_FIELDS = ("doc", "id", "count", "starts", "ends")


@dataclass(frozen=True)
class UnitError:
    document: str
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source or self.document}: {self.reason}"


@dataclass
class LoadReport:
    documents_loaded: int = 0
    documents_skipped: int = 0
    errors: list[LineError | UnitError] = field(default_factory=list)
    entity_ids: set[str] = field(default_factory=set, repr=False)  # distinct entities written
    relation_keys: set[tuple[str, str, str]] = field(default_factory=set, repr=False)  # (type, source, target)

    @property
    def entities_written(self) -> int:
        """Distinct entities written (one mentioned by many documents counts once)."""
        return len(self.entity_ids)

    @property
    def relations_written(self) -> int:
        """Distinct relationships written (one supported by many documents counts once)."""
        return len(self.relation_keys)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    def merge(self, other: "LoadReport") -> None:
        self.documents_loaded += other.documents_loaded
        self.documents_skipped += other.documents_skipped
        self.entity_ids |= other.entity_ids
        self.relation_keys |= other.relation_keys
        self.errors.extend(other.errors)


#: a piece of evidence in a relationship row (:class:`_Rel`): one tuple, its fields at these positions
EVIDENCE_FIELDS = ("ev_doc", "ev_start", "ev_end", "ev_sentence", "ev_method", "ev_confidence", "ev_page")
_EV_AT = {k: i for i, k in enumerate(EVIDENCE_FIELDS)}
_REL_KEYS = ("type", "source", "target", "docs", *EVIDENCE_FIELDS)


class _Rel(Mapping[str, Any]):
    """A relationship's row in a unit: its evidence as one tuple per piece (:data:`EVIDENCE_FIELDS`), not seven
    lists in a dict (issue 18: a load holds one per relationship and document, and at 10x the rows the
    loader's Python is bound by the memory it walks; a tuple per piece and slots are a few objects per row, not
    ten). Read by key it gives the former row (``row["ev_doc"]``, ``row["docs"]``: graph/bulk.py,
    graph/summaries.py). Never changed in place once a unit is built."""

    __slots__ = ("type", "source", "target", "evs")

    def __init__(self, rtype: str, source: str, target: str, evs: list[tuple[Any, ...]]) -> None:
        self.type, self.source, self.target, self.evs = rtype, source, target, evs

    def __getitem__(self, key: str) -> Any:
        at = _EV_AT.get(key)
        if at is not None:
            return [e[at] for e in self.evs]
        if key == "docs":  # the documents behind it, each once, in evidence order
            return list(dict.fromkeys(e[0] for e in self.evs))
        if key in ("type", "source", "target"):
            return getattr(self, key)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(_REL_KEYS)

    def __len__(self) -> int:
        return len(_REL_KEYS)

    def doc_ids(self) -> Iterable[str]:
        """The documents of its evidence (repeated as often as they give evidence)."""
        evs = self.evs
        return (evs[0][0],) if len(evs) == 1 else [e[0] for e in evs]


@dataclass
class _Unit:
    doc: DocumentRecord | None
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> row
    mentions: list[dict[str, Any]] = field(default_factory=list)
    relations: dict[tuple[str, str, str], _Rel] = field(default_factory=dict)
    ends: set[str] = field(default_factory=set)  # entities here only as a relation's end (not mentioned)
    text: int = 0  # about how many bytes of parameters its mentions and relations take (counted as they are added)

    @property
    def key(self) -> str:
        return self.doc.id if self.doc else NO_DOCUMENT

    @property
    def size(self) -> int:
        return 1 + len(self.entities) + len(self.mentions) + len(self.relations)

    def payload(self, sizes: dict[str, int] | None = None) -> int:
        """About how many bytes of query parameters this unit's rows take (the client sends them as text).
        ``sizes``: each entity's share by id, kept across the units of a run (every unit holds the same row)."""
        total = 300 + self.text
        if sizes is None:
            return total + sum(map(_entity_bytes, self.entities.values()))
        get = sizes.get
        for eid, r in self.entities.items():
            size = get(eid)
            if size is None:
                size = sizes[eid] = _entity_bytes(r)
            total += size
        return total


def _entity_bytes(r: dict[str, Any]) -> int:
    """About how many bytes of parameters an entity's row takes (its name and aliases are sent several times)."""
    aliases = r["aliases"]
    total = 60 + len(r["id"]) + 9 * (len(r["name"]) + sum(map(len, aliases))) + 3 * len(aliases)
    if r["props"]:
        total += sum(len(str(k)) + len(str(v)) + 6 for k, v in r["props"].items())
    return total


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _document_props(doc: DocumentRecord, loaded_at: str) -> dict[str, Any]:
    props: dict[str, Any] = {"source": doc.source, "title": doc.title, "kind": doc.kind, "chars": doc.chars,
                             "loaded_at": loaded_at}
    if doc.published:
        props["published"] = doc.published
    if doc.publisher:
        props["publisher"] = doc.publisher
    if doc.pages:
        props["pages"] = list(doc.pages)
    return props


def _entity_row(ent: EntityRecord) -> dict[str, Any]:
    """The entity's row; summary properties in the input (an RDF round trip) are left to the loader."""
    props = {k: v for k, v in ent.props.items() if k not in summaries.SUMMARY_PROPERTIES}
    return {"id": ent.id, "type": ent.type, "name": ent.name, "aliases": list(ent.aliases), "props": props}


def build_units(documents: Iterable[DocumentRecord], entities: Iterable[EntityRecord],
                relations: Iterable[RelationRecord]) -> dict[str, _Unit]:
    """Group records into one unit per document (pure: no store access)."""
    units: dict[str, _Unit] = {d.id: _Unit(d) for d in documents}
    entity_rows = _add_entities(units, entities)
    _add_relations(units, relations, entity_rows)
    return units


def _add_entities(units: dict[str, _Unit], entities: Iterable[EntityRecord]) -> dict[str, dict[str, Any]]:
    """Each entity's row and mentions into the units of the documents mentioning it; the rows, one per entity."""
    entity_rows: dict[str, dict[str, Any]] = {}  # one row per entity, shared by the units (never changed in place)
    repeated = False
    for ent in entities:
        row = _entity_row(ent)
        have = entity_rows.get(ent.id)
        if have is not None:  # the same entity in several records (facts files of separate runs): one row for all
            repeated = True
            row = {**have, "aliases": list(dict.fromkeys(have["aliases"] + row["aliases"])),
                   "props": {**have["props"], **row["props"]}}
        entity_rows[ent.id] = row
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for m in ent.mentions:
            spans[m.doc].append((m.start, m.end))
        if not spans:
            units.setdefault(NO_DOCUMENT, _Unit(None)).entities[ent.id] = row
        for doc_id, pairs in spans.items():
            unit = units[doc_id]
            unit.entities[ent.id] = row
            pairs = sorted(set(pairs))
            unit.mentions.append({"doc": doc_id, "id": ent.id, "count": len(pairs),
                                  "starts": [p[0] for p in pairs], "ends": [p[1] for p in pairs]})
            unit.text += 120 + len(ent.id) + 12 * len(pairs)
    if repeated:  # every unit holds the run's one merged row (the loader may create an entity from any of them)
        for unit in units.values():
            for eid in unit.entities:
                unit.entities[eid] = entity_rows[eid]
    return entity_rows


def _add_relations(units: dict[str, _Unit], relations: Iterable[RelationRecord],
                   entity_rows: dict[str, dict[str, Any]]) -> None:
    """Each relation's evidence into the unit of its document, with the relation's ends."""
    # symmetric relations are stored once, from the smaller id to the larger (checked inline: no call per row)
    symmetric = {t for t, spec in SCHEMA.relation_types.items() if spec.symmetric}
    for rel in relations:
        source, target = rel.source, rel.target
        if target < source and rel.type in symmetric:
            source, target = target, source
        evidence = rel.evidence
        if len(evidence) == 1:
            by_doc: Iterable[tuple[str, Sequence[Any]]] = ((evidence[0].doc, evidence),)
        else:
            grouped: dict[str, list[Any]] = defaultdict(list)
            for ev in evidence:
                grouped[ev.doc].append(ev)
            by_doc = grouped.items()
        for doc_id, evs in by_doc:
            unit = units[doc_id]
            # the relation's ends must exist when this unit is written alone
            entities = unit.entities
            if source not in entities:
                entities[source] = entity_rows[source]
                unit.ends.add(source)
            if target not in entities:
                entities[target] = entity_rows[target]
                unit.ends.add(target)
            key = (rel.type, source, target)
            row = unit.relations.get(key)
            if row is None and len(evs) == 1:  # most relations: one piece of evidence, the row made at once
                e = evs[0]
                unit.text += 350 + len(source) + len(target) + len(e.sentence)
                unit.relations[key] = _Rel(rel.type, source, target, [
                    (doc_id, e.start, e.end, e.sentence, e.method or rel.method,
                     float(rel.confidence if e.confidence is None else e.confidence), e.page or 0)])
                continue
            if row is None:
                unit.text += 200 + len(source) + len(target)
                row = unit.relations[key] = _Rel(rel.type, source, target, [])
            _add_evidence(unit, row, doc_id, evs, rel)


def _add_evidence(unit: _Unit, row: _Rel, doc_id: str, evs: Sequence[Any], rel: RelationRecord) -> None:
    """Append a document's evidence to a relation's row. Several records may state one relationship in one
    document (two extractors, or a symmetric relation given both ways): every distinct piece is kept once."""
    have = {(x[1], x[2], x[3], x[4]) for x in row.evs}
    for e in (evs if len(evs) == 1 else sorted(set(evs), key=lambda e: (e.start, e.end, e.sentence))):
        method = e.method or rel.method  # the sentence's own rules when the record kept them
        if (e.start, e.end, e.sentence, method) in have:
            continue
        unit.text += 150 + len(e.sentence)
        row.evs.append((doc_id, e.start, e.end, e.sentence, method,
                        float(rel.confidence if e.confidence is None else e.confidence), e.page or 0))


def _merge_rows(units: Sequence[_Unit], ensured: Collection[str] = (), done: Collection[str] = (),
                present: Collection[str] = (), known: Collection[tuple[str, str, str]] = (),
                held: Collection[str] | None = None, precounted: Mapping[str, dict[str, Any]] | None = None,
                keyed: bool = False,
                ) -> tuple[dict[str, list[dict]], list[dict], dict[str, list[dict]]]:
    """Combine the rows of several units so each entity and relationship appears once per statement.

    Within one run every unit holds the same row for an entity, so it is written in full once:
    an entity in ``done`` (committed in full by an earlier write of this run) gets no full row, and
    one in ``ensured`` (another unit of the run mentions it) that no unit here mentions only
    has to exist (``full: False``). Entities are never deleted by a load, so one committed earlier in
    the run is still there for the relationships and mentions that MATCH it. Every entity row carries
    what the batch adds to its mention counts and summaries (:func:`_summary_counts`: ``known`` holds the
    relationships the store has); an entity with nothing to add and nothing to write gets no row.
    ``held``: the entities the store held when the run started (None: not known); one new to the store (in
    neither ``held`` nor ``present``) gets its substring keys as the text it stores (``gram_text``), not a list,
    and with ``keyed`` its name keys (graph/name_keys.py) among its properties when they can be computed here.
    ``precounted``: what entities new to the store have once the run ends (:func:`_precount`); such an entity
    is created with it and gets no row afterwards.
    """
    pre = precounted or {}
    full = {eid for unit in units for eid in unit.entities
            if eid not in pre and (eid not in unit.ends or eid not in ensured)}
    entities = _merged_entities(units, pre, (present, done))
    relations: dict[tuple[str, str, str], _Rel] = {}
    get = relations.get
    for unit in units:
        for key, row in unit.relations.items():
            merged = get(key)
            if merged is None:
                relations[key] = row  # a unit's row as it is until another unit adds to it (never changed in place)
                continue
            relations[key] = _Rel(row.type, row.source, row.target, merged.evs + row.evs)
    by_type: dict[str, list[_Rel]] = defaultdict(list)
    for row in relations.values():
        by_type[row.type].append(row)
    mentions = [m for unit in units for m in unit.mentions]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # mentions, documents mentioning it
    for m in mentions:
        if m["id"] not in pre:
            counts[m["id"]][0] += m["count"]
            counts[m["id"]][1] += 1
    summary = _summary_counts(by_type, known, pre)
    by_label: dict[str, list[dict]] = defaultdict(list)
    for eid, row in entities.items():
        ahead = pre.get(eid)
        if ahead is not None:
            if eid not in done and eid not in present:
                by_label[row["type"]].append(_created_row(row, ahead, keyed))
            continue
        write = eid not in done and (eid in full or eid not in present)
        if not write and eid not in counts and eid not in summary:
            continue
        added = counts.get(eid, (0, 0))
        degree, rel_docs, linked = summary.get(eid, (0, 0, False))
        created = write and held is not None and eid not in held and eid not in present
        if created:
            by_label[row["type"]].append(_created_row(row, {"mentions": added[0], "docs": added[1], "degree": degree,
                                                            "rel_docs": rel_docs, "linked": linked}, keyed))
            continue
        by_label[row["type"]].append({**{k: row[k] for k in ("id", "name", "aliases", "props")},
                                      "grams": search_grams.keys([row["name"], *row["aliases"]]) if write else [],
                                      "gram_text": None, "full": write and eid in full, "write": write,
                                      "mentions": added[0], "docs": added[1],
                                      "degree": degree, "rel_docs": rel_docs, "linked": linked})
    return by_label, mentions, by_type


def _merged_entities(units: Sequence[_Unit], precounted: Collection[str],
                     written: tuple[Collection[str], ...]) -> dict[str, dict[str, Any]]:
    """Each entity's row once, aliases and properties of every unit merged; none for a ``precounted`` one in one
    of ``written`` (created earlier in the run with all it gets)."""
    entities: dict[str, dict[str, Any]] = {}
    copied: set[str] = set()  # a unit's row is used as it is until another unit adds to it (never changed in place)
    get = entities.get
    for unit in units:
        for eid, row in unit.entities.items():
            merged = get(eid)
            if merged is None:
                if eid not in precounted:
                    entities[eid] = row
                    continue
                for w in written:
                    if eid in w:
                        break
                else:
                    entities[eid] = row
                continue
            if merged is row:  # the run's one row for the entity (build_units), already taken
                continue
            if eid not in copied:
                merged = entities[eid] = dict(merged)
                copied.add(eid)
            merged["aliases"] = list(dict.fromkeys(merged["aliases"] + row["aliases"]))
            merged["props"] = {**merged["props"], **row["props"]}
    return entities


def _created_row(row: dict[str, Any], counts: dict[str, Any], keyed: bool) -> dict[str, Any]:
    """The load_entities row of an entity new to the store: its substring keys as the text it stores, its counts
    (``counts``: mentions, docs, degree, rel_docs, linked, and ``props`` it gets besides its own) and, with
    ``keyed``, its name keys (graph/name_keys.py) among its properties when they can be computed here."""
    forms = [row["name"], *row["aliases"]]
    props = {**row["props"], **counts["props"]} if counts.get("props") else row["props"]
    if keyed and (found := name_keys.fold_keys(forms)) is not None:
        props = {**props, name_keys.PROPERTY: found}
    return {"id": row["id"], "name": row["name"], "aliases": row["aliases"], "props": props, "grams": [],
            "gram_text": search_grams.gram_text(forms), "full": True, "write": True, "mentions": counts["mentions"],
            "docs": counts["docs"], "degree": counts["degree"], "rel_docs": counts["rel_docs"],
            "linked": counts["linked"]}


def _precount(units: Sequence[_Unit], held: Collection[str], summaries_too: bool,
              recurring: set[tuple[str, str, str]] | None = None) -> dict[str, dict[str, Any]]:
    """What each entity of these units new to the store (not in ``held``) has once they are all written: its
    mention and document counts, degree, rel_docs and linked (all its relationships and mentions are the
    run's), and with ``summaries_too`` (no entity of the run was in the store) its cluster summaries as
    ``props``. A run of several batches writes these with the entity when it creates it, instead of adding
    each batch's share later (graph/pending_counts.py; a run where some unit fails recounts from the graph).
    ``recurring``: filled with the relationships more than one unit holds (the only ones of the run a later
    batch can find written: :class:`_Run`)."""
    # one pass over the units: every piece of evidence of a unit is from its document, so a relationship's
    # documents are the units holding it (no walk over the evidence), and an end's rel_docs counts the units
    # whose relationships it ends: a small set per unit, not one set of (end, document) pairs for the whole run
    # (issue 18: at 10x that set held 200k tuples and cost more per row than at 1x)
    rows: dict[str, dict[str, Any]] = {}
    mentions: dict[str, int] = {}
    mentioned: dict[str, int] = {}  # documents: one mention row each
    keys: Counter[tuple[str, str, str]] = Counter()  # every relationship once, in the order first met: its units
    rel_docs: Counter[str] = Counter()
    for unit in units:
        rows.update(unit.entities)
        for m in unit.mentions:
            eid = m["id"]
            mentions[eid] = mentions.get(eid, 0) + m["count"]
            mentioned[eid] = mentioned.get(eid, 0) + 1
        relations = unit.relations
        keys.update(relations.keys())  # keys, not the mapping: counted in C
        rel_docs.update({end for k in relations for end in (k[1], k[2])})
    if recurring is not None:
        recurring.update([k for k, n in keys.items() if n > 1])
    degree: dict[str, int] = {}
    starts: set[str] = set()
    for _, a, b in keys:
        degree[a] = degree.get(a, 0) + 1
        degree[b] = degree.get(b, 0) + 1
        starts.add(a)
    counts = {eid: {"mentions": mentions.get(eid, 0), "docs": mentioned.get(eid, 0), "degree": degree.get(eid, 0),
                    "rel_docs": rel_docs[eid], "linked": eid in starts, "props": None}
              for eid in rows if eid not in held}
    if summaries_too:
        fields = ("clusters", "cluster_ids", "affiliated_cluster_count", "affiliated_clusters", "affiliations")
        shaping = [(t, a, b, ()) for t, a, b in keys if t in summaries.REFRESHED_BY]
        found = summaries.compute({eid: row["name"] for eid, row in rows.items()}, shaping,
                                  ids={end for _, a, b, _ in shaping for end in (a, b)}, counts=False)
        for eid, row in found.items():
            extra = {k: row[k] for k in fields if k in row}
            if extra:
                counts[eid]["props"] = extra
    return counts


def _summary_counts(by_type: Mapping[str, Sequence[_Rel]], known: Collection[tuple[str, str, str]],
                    precounted: Collection[str] = ()) -> dict[str, tuple[int, int, bool]]:
    """What a batch adds to each relationship end's summaries (graph/summaries.py), written with the entity
    (load_entities.cypher): degree (its relationships not in ``known``, i.e. new to the store), rel_docs (the
    documents of the batch behind its relationships: each is new to the store) and whether it starts a new
    relationship (linked_at, graph/change_keys.py). A relationship between two ``precounted`` ends adds nothing."""
    degree: dict[str, int] = defaultdict(int)
    docs: dict[str, set[str]] = defaultdict(set)
    starts: set[str] = set()
    for rtype, rows in by_type.items():
        for row in rows:
            source, target = row.source, row.target
            if source in precounted and target in precounted:
                continue
            found = row.doc_ids()
            docs[source].update(found)
            docs[target].update(found)
            if (rtype, source, target) not in known:
                degree[source] += 1
                degree[target] += 1
                starts.add(source)
    return {eid: (degree.get(eid, 0), len(found), eid in starts) for eid, found in docs.items()}


def retract_statements(doc_ids: Sequence[str]) -> list[Statement]:
    """Remove what these documents contributed (before a forced re-load)."""
    return [(statement("retract_evidence"), {"docs": list(doc_ids)}),
            (statement("retract_mentions"), {"docs": list(doc_ids)})]


def interns_strings(store: GraphStore) -> bool:
    """Whether the store's engine keeps one shared copy of an interned string (FalkorDB: the embedded store)."""
    return getattr(store, "backend", "") == "embedded"


def unit_statements(units: Sequence[_Unit], *, loaded_at: str, known: Collection[tuple[str, str, str]],
                    ensured: Collection[str] = (), done: Collection[str] = (), present: Collection[str] = (),
                    intern: bool = False, counts: PendingCounts | None = None,
                    profiles_kept: bool = True, held: Collection[str] | None = None,
                    precounted: Mapping[str, dict[str, Any]] | None = None) -> list[Statement]:
    """The write statements for a batch of units, in dependency order (``ensured``, ``known``: see
    :func:`_merge_rows`).

    ``known`` has no default: a relationship not in it is CREATEd (create_relations.cypher), so it must hold every
    relationship of the units the store holds (:func:`known_relationships` and what the run committed since).

    ``counts``: what the batch adds to entities it does not write is kept there, not written (a run of several
    batches writes it at its end: graph/pending_counts.py); the rows it writes carry what was kept for them.

    ``intern``: relationship strings (document ids, sentences, extractors, timestamps) are stored once by the
    engine however many relationships hold them (see load_relations.cypher), not copied onto each.

    ``profiles_kept``: some cluster keeps a profile (load_profiles_kept.cypher); without one there is no profile to
    forget, and ``counts`` may keep the cluster summaries to the run's end (``counts.refresh_at_end``).

    ``precounted``: see :func:`_merge_rows`; when it holds the cluster summaries too (``counts.all_new``), the
    batch keeps no relationship for the run's end."""
    stmts: list[Statement] = []
    docs = [u.doc for u in units if u.doc is not None]
    if docs:
        marks = {MARK: True} if counts is not None else {}
        stmts.append((statement("load_document"),
                      {"rows": [{"id": d.id, "props": {**_document_props(d, loaded_at), **marks}} for d in docs]}))
    by_label, mentions, by_type = _merge_rows(units, ensured, done, present, known, held, precounted, keyed=intern)
    counted = []  # rows of entities the batch only counts into (load_entity_counts.cypher)
    for label in SCHEMA.entity_types:
        rows = [row for row in by_label.get(label, []) if row["write"]]
        counted += [row for row in by_label.get(label, []) if not row["write"]]
        if counts is not None:
            for row in rows:
                counts.absorb(row)
        if rows:
            stmts.append((entity_statement("load_entities", label, intern=intern),
                          {"rows": [[row[k] for k in ENTITY_FIELDS] for row in rows], "now": loaded_at}))
    if counts is not None:
        for row in counted:
            counts.stage(row)
    elif counted:
        stmts.append((statement("load_entity_counts").replace("{intern}", "intern" if intern else ""),
                      {"rows": [{k: row[k] for k in COUNT_KEYS} for row in counted], "now": loaded_at}))
    if intern:  # graph_health's name keys, where the engine indexes list elements: the embedded store (graph/name_keys.py)
        written = [row for rows in by_label.values() for row in rows if row["write"]]
        stmts += name_keys.statements((row["id"] for row in written),
                                      keyed={row["id"] for row in written if name_keys.PROPERTY in row["props"]})
    if mentions:
        stmts.append((statement("load_mentions"), _mention_params(mentions)))
    created = 0
    for name, rtype, params in _relation_rows(by_type, known):
        stmts.append((relation_statement(name, rtype, intern=intern), {**params, "now": loaded_at}))
        if name == "create_relations":
            created += len(params["rows"]) + len(params["ones"])
    stmts += change_ledger.add(loaded_at, created)  # the change ledger, in the same atomic write
    stmts += _refresh_statements(by_label, by_type, known, counts, precounted is not None)
    if profiles_kept:  # after refresh: cluster_ids current
        stmts += summaries.stale_profiles_statements(by_label, mentions, by_type)
    return stmts


def _refresh_statements(by_label: dict[str, list[dict]], by_type: dict[str, list[dict]],
                        known: Collection[tuple[str, str, str]], counts: PendingCounts | None,
                        precounted: bool) -> list[Statement]:
    """The cluster summaries the catalog reads (graph/summaries.py), in the batch's atomic write, or kept for the
    run's end (``counts.refresh_at_end``; nothing to keep when every entity was created with them: ``precounted``
    and ``counts.all_new``). Degree and rel_docs are written with the entities. Only relationships new to the
    store can change them (one that gains evidence links the same ends)."""
    if counts is not None and counts.refresh_at_end and counts.all_new and precounted:
        return []  # checked first: no pass over the batch's relationships for nothing
    new = [key for rtype, rows in by_type.items() if rtype in summaries.REFRESHED_BY
           for row in rows if (key := (rtype, row.source, row.target)) not in known]
    if counts is not None and counts.refresh_at_end:
        counts.stage_refresh(new, {row["id"]: row["name"] for rows in by_label.values() for row in rows}
                             if counts.all_new else {})
        return []
    refresh = summaries.refresh_statement(new)
    return [] if refresh is None else [refresh]


def _mention_params(mentions: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """load_mentions.cypher's parameters: rows by position (:data:`MENTION_FIELDS`), each document id sent once."""
    docs: dict[str, int] = {}
    rows = []
    for m in mentions:
        doc = m["doc"]
        at = docs.get(doc)
        if at is None:
            at = docs[doc] = len(docs)
        rows.append([at, m["id"], m["count"], m["starts"], m["ends"]])
    return {"rows": rows, "docs": list(docs)}


def _relation_rows(by_type: Mapping[str, Sequence[_Rel]], known: Collection[tuple[str, str, str]],
                   ) -> list[tuple[str, str, dict[str, list[Any]]]]:
    """The relationship rows by type, in schema order: (statement, type, parameters but ``now``). Relationships
    new to the store (not in ``known``, which must hold every one of them the store holds: no default) are
    created (create_relations.cypher: ``rows``, and ``ones`` for those with one piece of evidence, a flat row of
    :data:`ONE_FIELDS`), the others upserted (load_relations.cypher: ``rows``); ``docs``: the document ids the
    rows point into."""
    out = []
    for rtype in SCHEMA.relation_types:
        rows = by_type.get(rtype)
        if not rows:
            continue
        if known:
            new: list[_Rel] = []
            upserted: list[_Rel] = []
            for row in rows:
                (upserted if (rtype, row.source, row.target) in known else new).append(row)
        else:  # nothing held: every row is new (no key made and looked up per row)
            new, upserted = list(rows), []
        if new:
            docs: dict[str, int] = {}
            many: list[list[Any]] = []
            ones: list[list[Any]] = []
            for row in new:
                if type(row) is _Rel and len(row.evs) == 1:
                    ones.append(_one_row(row, docs))
                else:
                    many.append(_relation_row(row, docs))
            out.append(("create_relations", rtype, {"rows": many, "ones": ones, "docs": list(docs)}))
        if upserted:
            docs = {}
            out.append(("load_relations", rtype, {"rows": [_relation_row(row, docs) for row in upserted],
                                                  "docs": list(docs)}))
    return out


def _one_row(row: _Rel, docs: dict[str, int]) -> list[Any]:
    """A new relationship with one piece of evidence (most of a load) as create_relations.cypher's ``ones`` read
    it, by position (:data:`ONE_FIELDS`): scalars, not six one-item lists (issue 18: fewer objects here, less
    parameter text, and no list for the engine to parse and walk per field); no page when it has none."""
    doc, start, end, sentence, method, confidence, page = row.evs[0]
    at = docs.get(doc)
    if at is None:
        at = docs[doc] = len(docs)
    if page:
        return [row.source, row.target, at, start, end, sentence, method, confidence, page]
    return [row.source, row.target, at, start, end, sentence, method, confidence]


def _relation_row(row: Mapping[str, Any], docs: dict[str, int]) -> list[Any]:
    """A relationship row as load_relations.cypher reads it, by position (:data:`RELATION_FIELDS`): document ids
    as positions in ``docs`` (filled here), no page list when no piece of evidence has a page (the list would hold
    only zeros), no ``docs`` when the evidence names each document once (trailing nulls left off)."""
    if type(row) is _Rel:
        return _rel_row(row, docs)
    if len(row["ev_doc"]) == 1:  # most rows: one piece of evidence (the same row, without the loops)
        doc = row["ev_doc"][0]
        at = docs.get(doc)
        if at is None:
            at = docs[doc] = len(docs)
        confidence = row["ev_confidence"][0]
        out = [row["source"], row["target"], [at], row["ev_start"], row["ev_end"], row["ev_sentence"],
               row["ev_method"], row["ev_confidence"], confidence if confidence > 0.0 else 0.0]
        if row["ev_page"][0]:
            out.append(row["ev_page"])
        return out
    ev_doc = [docs.setdefault(d, len(docs)) for d in row["ev_doc"]]
    out = [row["source"], row["target"], ev_doc, row["ev_start"], row["ev_end"], row["ev_sentence"],
           row["ev_method"], row["ev_confidence"], max([0.0, *row["ev_confidence"]])]
    page = row["ev_page"] if any(row["ev_page"]) else None
    if len(ev_doc) > 1 and len(set(ev_doc)) < len(ev_doc):
        out += [page, list(dict.fromkeys(ev_doc))]
    elif page is not None:
        out.append(page)
    return out


def _rel_row(row: _Rel, docs: dict[str, int]) -> list[Any]:
    """:func:`_relation_row` of a unit's row, read from its evidence tuples."""
    evs = row.evs
    if len(evs) == 1:  # most rows: one piece of evidence
        doc, start, end, sentence, method, confidence, page = evs[0]
        at = docs.get(doc)
        if at is None:
            at = docs[doc] = len(docs)
        out = [row.source, row.target, [at], [start], [end], [sentence], [method], [confidence],
               confidence if confidence > 0.0 else 0.0]
        if page:
            out.append([page])
        return out
    ev_doc = [docs.setdefault(e[0], len(docs)) for e in evs]
    confidences = [e[5] for e in evs]
    out = [row.source, row.target, ev_doc, [e[1] for e in evs], [e[2] for e in evs], [e[3] for e in evs],
           [e[4] for e in evs], confidences, max([0.0, *confidences])]
    page = [e[6] for e in evs] if any(e[6] for e in evs) else None
    if len(ev_doc) > 1 and len(set(ev_doc)) < len(ev_doc):
        out += [page, list(dict.fromkeys(ev_doc))]
    elif page is not None:
        out.append(page)
    return out


def _ensure_summaries(store: GraphStore) -> None:
    """A store written before the loader kept summaries gets them once, before its first new write."""
    if getattr(store, "_summaries_checked", False):
        return
    if summaries.needs_refresh(store):
        summaries.refresh_all(store)
    try:
        store._summaries_checked = True  # type: ignore[attr-defined]
    except AttributeError:  # a store class with __slots__: check again next time
        pass


def loaded_document_ids(store: GraphStore, ids: Sequence[str]) -> set[str]:
    """Which of these documents the store already holds (committed with all their facts)."""
    found: set[str] = set()
    for i in range(0, len(ids), 5000):
        rows = store.read("MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id", {"ids": list(ids[i:i + 5000])})
        found.update(r["id"] for r in rows)
    return found


def known_entities(store: GraphStore, units: Iterable[_Unit]) -> set[str]:
    """The entities of these units the store already holds."""
    ids = sorted({eid for unit in units for eid in unit.entities})
    held: set[str] = set()
    for i in range(0, len(ids), KNOWN_PAGE):
        held.update(r["id"] for r in store.read(statement("load_known_entities"), {"ids": ids[i:i + KNOWN_PAGE]}))
    return held


def known_relationships(store: GraphStore, units: Iterable[_Unit], held: Collection[str] | None = None,
                        ) -> set[tuple[str, str, str]]:
    """The relationships of these units the store already holds (what their degree must not count again).

    Only those whose two ends exist (``held``: :func:`known_entities`) are looked up: a relationship with an
    end the store lacks is new."""
    units = list(units)
    if held is None:
        held = known_entities(store, units)
    keys = sorted({key for unit in units for key in unit.relations if key[1] in held and key[2] in held})
    found: set[tuple[str, str, str]] = set()
    for i in range(0, len(keys), KNOWN_PAGE):
        rows = [{"type": t, "source": a, "target": b} for t, a, b in keys[i:i + KNOWN_PAGE]]
        found.update((r["type"], r["source"], r["target"]) for r in store.read(statement("load_known_relations"),
                                                                                {"rows": rows}))
    return found


@dataclass
class _Run:
    """What one load knows while it writes: which entities and relationships the store holds so far.

    The loader is the store's only writer while it runs (``aikg load`` and ``aikg ingest`` hold the home's
    write lock), so what the store held when the run started plus what the run committed is what it holds."""

    store: GraphStore
    loaded_at: str
    ensured: set[str]  # entities some unit of this run mentions (written in full there)
    known: set[tuple[str, str, str]]  # relationships the store holds
    held: Collection[str] = ()  # entities of the run the store held when it started
    written_full: set[str] = field(default_factory=set)
    present: set[str] = field(default_factory=set)  # entities committed by this run (in full or only made to exist)
    counts: PendingCounts | None = None  # counts kept until the run ends (a run of several batches)
    profiles_kept: bool = True  # some cluster kept a profile when the run started (load_profiles_kept.cypher)
    precounted: dict[str, dict[str, Any]] | None = None  # what entities new to the store have at the end (_precount)
    #: the relationships more than one unit of the run holds (None: not known, every one written is remembered):
    #: only these can be met again after their first write, so ``known`` takes only these of the ones written
    #: (issue 18: at 10x it held every relationship of the run, 100k keys, added and looked up per row)
    recurring: Collection[tuple[str, str, str]] | None = None
    failed: bool = False  # some unit was not written: the precounted counts are recounted from the graph at the end

    def write(self, units: Sequence[_Unit]) -> None:
        """Write these units in one atomic write, then remember what they committed."""
        try:
            self.store.write_atomic(unit_statements(units, loaded_at=self.loaded_at, ensured=self.ensured,
                                                    done=self.written_full, present=self.present,
                                                    intern=interns_strings(self.store), known=self.known,
                                                    counts=self.counts, profiles_kept=self.profiles_kept,
                                                    held=self.held, precounted=self.precounted))
        except BaseException:
            if self.counts is not None:
                self.counts.rollback()
            raise
        if self.counts is not None:
            self.counts.commit()
        ensured, present, held, full = self.ensured, self.present, self.held, self.written_full
        recurring = self.recurring
        for unit in units:
            if recurring is None:
                self.known.update(unit.relations)
            elif recurring:
                self.known.update([k for k in unit.relations if k in recurring])
            # an entity new to the store is created with its full row even where it is only a relationship's
            # end (every unit of a run holds the same row for it): its own unit later only adds its counts
            ends = unit.ends
            full.update(unit.entities.keys() - ends if ends else unit.entities)
            full.update([eid for eid in ends if eid not in ensured or (eid not in present and eid not in held)])
            present.update(unit.entities)

    def write_batch(self, batch: Sequence[_Unit], report: LoadReport) -> None:
        """Write a batch; if it fails, its units one by one, so only a bad one is lost (and named)."""
        try:
            self.write(batch)
            written = list(batch)
        except StoreError:
            written = []
            for unit in batch:
                try:
                    self.write([unit])
                    written.append(unit)
                except StoreError as exc:
                    source = unit.doc.source if unit.doc else "(entities without a document)"
                    self.failed = True
                    report.errors.append(UnitError(unit.key, source, f"not loaded, nothing of it was written: {exc}"))
        for unit in written:
            report.documents_loaded += unit.doc is not None
            report.entity_ids.update(unit.entities)
            report.relation_keys.update(unit.relations)


def load_records(
    store: GraphStore,
    documents: Sequence[DocumentRecord],
    entities: Sequence[EntityRecord],
    relations: Sequence[RelationRecord],
    *,
    batch_size: int = 5000,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    max_bytes: int = MAX_BATCH_BYTES,
) -> LoadReport:
    """Write records; documents already in the store are skipped unless ``force``.

    A batch closes at ``batch_size`` rows or at about ``max_bytes`` of parameters, whichever
    comes first (the embedded client writes parameters into the query text, so its cost and the
    server's memory follow the bytes, not the row count)."""
    with collector_paused():
        return _load(store, documents, entities, relations, batch_size=batch_size, force=force, progress=progress,
                     max_bytes=max_bytes)


def _load(store: GraphStore, documents: Sequence[DocumentRecord], entities: Sequence[EntityRecord],
          relations: Sequence[RelationRecord], *, batch_size: int, force: bool,
          progress: Callable[[int], None] | None, max_bytes: int) -> LoadReport:
    report = LoadReport()
    units = build_units(documents, entities, relations)
    doc_ids = [k for k in units if k != NO_DOCUMENT]
    done = loaded_document_ids(store, doc_ids)
    if force and done:
        # retracted in its own write: if the re-load is interrupted, the documents are
        # simply absent and the next run loads them again
        before, after = summaries.retract_summary_statements(store, sorted(done))
        store.write_atomic(before + retract_statements(sorted(done)) + after)
        done = set()
    pending = [u for k, u in units.items() if k not in done]
    report.documents_skipped = len(done)
    if not pending:
        return report
    _ensure_summaries(store)
    if needs_recovery(store):  # an earlier run stopped before writing the counts it kept
        recover(store)
    held = known_entities(store, pending)
    batches = _batches(pending, batch_size, max_bytes)
    kept = bool(store.read(statement("load_profiles_kept")))  # only the end of a run computes profiles
    counts = PendingCounts(refresh_at_end=not kept, all_new=not held) if len(batches) > 1 else None
    recurring: set[tuple[str, str, str]] | None = set() if counts is not None else None
    run = _Run(store, now_iso(), {eid for unit in pending for eid in unit.entities if eid not in unit.ends},
               known_relationships(store, pending, held), held, counts=counts, profiles_kept=kept,
               # a run of several batches (its documents marked until it ends) creates each new entity with its
               # counts at the run's end, and with its cluster summaries when the run holds all of them
               precounted=_precount(pending, held, not kept and not held, recurring) if counts is not None else None,
               recurring=recurring)
    for batch in batches:
        run.write_batch(batch, report)
        if progress:
            progress(len(batch))
    if run.counts is not None and run.precounted is not None and run.failed:
        recover(store)  # a unit was not written: what was counted ahead for its entities is recounted from the graph
    elif run.counts is not None:
        run.counts.flush(store, run.loaded_at, intern=interns_strings(store))
    return report


def _batches(units: Sequence[_Unit], batch_size: int, max_bytes: int) -> list[list[_Unit]]:
    """Units in write order, a batch closing at ``batch_size`` rows or about ``max_bytes`` of parameters."""
    batches: list[list[_Unit]] = [[]]
    rows = size = 0
    sizes: dict[str, int] = {}
    for unit in units:
        if batches[-1] and (rows >= batch_size or size >= max_bytes):
            batches.append([])
            rows = size = 0
        batches[-1].append(unit)
        rows += unit.size
        size += unit.payload(sizes)
    return [b for b in batches if b]


def load_jsonl(store: GraphStore, paths: Iterable[str | Path], *, batch_size: int = 5000, force: bool = False,
               progress: Callable[[int], None] | None = None) -> LoadReport:
    """Validate and load JSONL files; bad lines are reported with file and line, the rest loads."""
    result = read_jsonl(list(paths))
    report = load_records(store, result.documents, result.entities, result.relations,
                          batch_size=batch_size, force=force, progress=progress)
    report.errors[:0] = result.errors
    return report
