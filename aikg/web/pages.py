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
    """A cluster's profile (one row) and its anchors; None when the id names no cluster."""
    profile = records(store, "cluster_profile", {"cluster": cluster_id, "top": 15})
    if not profile:
        return None
    return {"profile": profile[0], "anchors": records(store, "cluster_anchors", {"cluster": cluster_id, "top": 10})}


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
