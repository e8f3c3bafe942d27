"""What each explorer page shows, read from the store (no HTTP here: the routes render these).

Catalog queries give the cluster pages, the home page and search; the entity page reads its
relationships and their evidence through ``aikg/web/cypher``. Values travel as parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from aikg.graph.cypher_files import CypherFolder
from aikg.graph.store import GraphStore
from aikg.queries.catalog import run_query

WEB_CYPHER = CypherFolder("aikg.web")
#: Outside identifiers shown as links: property -> URL with ``{}`` for the value.
EXTERNAL_LINKS = {
    "wikidata": ("Wikidata", "https://www.wikidata.org/wiki/{}"),
    "cik": ("SEC CIK", "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={}"),
    "ror": ("ROR", "https://ror.org/{}"),
}


def records(store: GraphStore, name: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """A catalog query's rows as dicts."""
    return [dict(r) for r in run_query(store, name, params).to_dict(orient="records")]


def home(store: GraphStore) -> dict[str, Any]:
    """Every cluster at a glance, and the pairs of clusters whose anchors share partners."""
    return {"clusters": records(store, "cluster_overview", {"limit": 500}),
            "pairs": records(store, "clusters_sharing_partners", {"top": 10})}


def cluster(store: GraphStore, cluster_id: str) -> dict[str, Any] | None:
    """A cluster's profile (one row), its anchors and its indicators; None when the id names no cluster."""
    profile = records(store, "cluster_profile", {"cluster": cluster_id, "top": 15})
    if not profile:
        return None
    return {"profile": profile[0], "anchors": records(store, "cluster_anchors", {"cluster": cluster_id, "top": 10}),
            "indicators": indicators(store, profile[0]["cluster"])}


#: ``metric_<name>`` or ``metric_<name>_<year>``: the properties the table loader gives numeric facts.
METRIC_KEY = re.compile(r"^metric_(?P<name>.+?)(?:_(?P<year>(?:1[89]|2\d)\d\d))?$")


def metric_label(name: str) -> str:
    """``vc_investment_in_ai_usd_bn`` -> ``VC investment in AI (USD bn)``: a metric name a reader can scan."""
    words = name.split("_")
    unit = {"pct": "%", "percent": "%", "usd": "USD", "bn": "bn", "m": "m"}
    tail = []
    while len(words) > 1 and words[-1] in unit:
        tail.insert(0, unit[words.pop()])
    text = " ".join(words)
    text = text[:1].upper() + text[1:]
    text = re.sub(r"\b(ai|vc|gdp|ml|ict|phd)\b", lambda m: m.group(1).upper(), text, flags=re.IGNORECASE)
    return text + (f" ({' '.join(tail)})" if tail else "")


def indicators(store: GraphStore, cluster_id: str) -> dict[str, Any]:
    """The cluster's numeric facts from tables as rows of values by year, with the tables that state them."""
    found = store.read(WEB_CYPHER.statement("cluster_indicators"), {"id": cluster_id})
    if not found:
        return {"years": [], "rows": [], "sources": []}
    values: dict[str, dict[str, Any]] = {}
    for key, value in (found[0].get("props") or {}).items():
        match = METRIC_KEY.match(str(key))
        if match and isinstance(value, (int, float)) and not isinstance(value, bool):
            values.setdefault(match.group("name"), {})[match.group("year") or ""] = value
    years = sorted({y for by_year in values.values() for y in by_year}, key=lambda y: (y == "", y))
    rows = [{"name": name, "label": metric_label(name), "cells": [values[name].get(y) for y in years]}
            for name in sorted(values)]
    doc_ids = [d for d in found[0].get("doc_ids") or [] if d]
    sources = store.read(WEB_CYPHER.statement("documents"), {"ids": doc_ids}) if doc_ids and rows else []
    return {"years": years, "rows": rows,
            "sources": sorted((dict(d) for d in sources), key=lambda d: str(d.get("title") or d.get("source")))}


def highlight(sentence: str, names: Iterable[str]) -> Markup:
    """The sentence escaped, with every occurrence of ``names`` (case-insensitive) in ``<mark>``."""
    forms = sorted({n for n in names if n and n.strip()}, key=len, reverse=True)
    if not sentence or not forms:
        return escape(sentence or "")
    pattern = re.compile("|".join(re.escape(f) for f in forms), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(sentence):
        out.append(escape(sentence[last:match.start()]))
        out.append(Markup("<mark>{}</mark>").format(match.group(0)))
        last = match.end()
    out.append(escape(sentence[last:]))
    return Markup("").join(out)


@dataclass
class Relationship:
    type: str
    outgoing: bool
    other: str
    other_name: str
    other_type: str
    support: int
    confidence: float | None
    evidence: list[dict[str, Any]] = field(default_factory=list)


def _evidence(row: Mapping[str, Any], docs: Mapping[str, Mapping[str, Any]], names: list[str]) -> list[dict[str, Any]]:
    sentences, doc_ids = row.get("sentences") or [], row.get("docs") or []
    pages, confidences = row.get("pages") or [], row.get("confidences") or []
    out = []
    for i, sentence in enumerate(sentences):
        doc = docs.get(doc_ids[i] if i < len(doc_ids) else "", {})
        page = pages[i] if i < len(pages) else None
        out.append({"sentence": highlight(sentence or "", names), "title": doc.get("title") or doc.get("source"),
                    "published": doc.get("published"), "page": page if page and page > 0 else None,
                    "confidence": confidences[i] if i < len(confidences) else None})
    return out


def entity(store: GraphStore, entity_id: str) -> dict[str, Any] | None:
    """An entity with every relationship and each piece of its evidence; None when the id is unknown."""
    found = store.read(WEB_CYPHER.statement("entity_node"), {"id": entity_id})
    if not found:
        return None
    node = dict(found[0])
    rows = store.read(WEB_CYPHER.statement("entity_relations"), {"id": entity_id})
    doc_ids = sorted({d for r in rows for d in (r.get("docs") or [])})
    docs = {d["id"]: d for d in store.read(WEB_CYPHER.statement("documents"), {"ids": doc_ids})} if doc_ids else {}
    names = [node.get("name") or "", *(node.get("aliases") or [])]
    relationships = [Relationship(r["type"], bool(r["outgoing"]), r["other"], r.get("other_name") or r["other"],
                                  r.get("other_type") or "", int(r.get("support") or 0), r.get("confidence"),
                                  _evidence(r, docs, names)) for r in rows]
    external = [(label, node[key], url.format(quote(str(node[key]), safe=""))) for key, (label, url) in EXTERNAL_LINKS.items()
                if node.get(key) not in (None, "")]
    return {"node": node, "relationships": relationships, "external": external}
