"""Results that list pairs of entities (``cluster_a`` … ``cluster_b`` …) as an edge list the views draw.

``clusters_sharing_partners`` answers "which clusters share partners, and which": drawn, that is
a cluster-to-cluster map, each pair an edge labelled with the partners the two clusters share.
:func:`read_cluster_map` reads it with each cluster's size for ``aikg viz clusters``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from aikg.core.schema import SCHEMA
from aikg.graph.edge_list import EDGE_COLUMNS

LABEL_CHARS = 60  # longer partner lists are shortened on the edge (the tooltip has them all)
MAP_PARTNERS = 20  # shared partners the cluster map lists per pair (its labels name the first few)


def pair_stem(columns: Sequence[str]) -> str | None:
    """``X`` when the columns name pairs as ``X_a``, ``X_a_name``, ``X_b``, ``X_b_name``; else None."""
    for col in columns:
        if col.endswith("_a"):
            stem = col[:-2]
            if {f"{stem}_a_name", f"{stem}_b", f"{stem}_b_name"} <= set(columns):
                return stem
    return None


def _shared_column(columns: Sequence[str]) -> str | None:
    return next((c for c in columns if c.startswith("shared_") and not c.endswith("_ids")), None)


def _names(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return [] if value is None or (isinstance(value, float) and pd.isna(value)) else [str(value)]


def _label(names: list[str], total: int) -> str:
    text = ", ".join(names)
    if len(text) > LABEL_CHARS:
        text = text[: LABEL_CHARS - 1].rsplit(", ", 1)[0] + ", …"
    more = total - len(names)
    return text + (f" (+{more} more)" if more > 0 else "")


def pairs_to_edges(frame: pd.DataFrame) -> pd.DataFrame:
    """The pair rows as edge-list rows: ``X_a`` → ``X_b``, typed ``SHARES_<WHAT>``, labelled with what is shared."""
    columns = [str(c) for c in frame.columns]
    stem = pair_stem(columns)
    if stem is None:
        raise ValueError("not a pair list: needs X_a, X_a_name, X_b and X_b_name columns")
    shared = _shared_column(columns)
    rtype = f"SHARES_{shared[len('shared_'):].upper()}" if shared else "PAIRED_WITH"
    etype = stem.capitalize() if stem.capitalize() in SCHEMA.entity_types else stem
    rows = []
    for rec in frame.to_dict(orient="records"):
        names = _names(rec.get(shared)) if shared else []
        count = int(rec["shared"]) if "shared" in rec and rec["shared"] is not None else len(names)
        rows.append({"source": rec[f"{stem}_a"], "source_name": rec[f"{stem}_a_name"], "source_type": etype,
                     "type": rtype, "target": rec[f"{stem}_b"], "target_name": rec[f"{stem}_b_name"],
                     "target_type": etype, "support": count, "label": _label(names, count)})
    return pd.DataFrame(rows, columns=[*EDGE_COLUMNS, "label"])


def read_cluster_map(store: Any, *, min_shared: int = 1, include_located: bool = False, every_cluster: bool = False,
                     min_confidence: float = 0.0, title: str | None = None) -> Any:
    """The cluster map (:mod:`aikg.graph.views.cluster_map`) from two catalog queries: ``cluster_overview``
    gives each cluster's organisations, ``clusters_sharing_partners`` the pairs and their shared partners."""
    from aikg.graph.views.cluster_map import build_cluster_map
    from aikg.queries.catalog import run_query

    overview = run_query(store, "cluster_overview", {"limit": 100000, "min_confidence": min_confidence})
    pairs = run_query(store, "clusters_sharing_partners",
                      {"min_shared": min_shared, "include_located": include_located, "top": MAP_PARTNERS,
                       "min_confidence": min_confidence})
    default = ("Clusters whose anchors" + (" and located organisations" if include_located else "")
               + " share partners")
    return build_cluster_map(overview.to_dict(orient="records"), pairs.to_dict(orient="records"),
                             title=title or default, every_cluster=every_cluster)
