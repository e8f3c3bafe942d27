"""Render docs/schema.md from data/schema.json: `python -m aikg.graph.schema_docs > docs/schema.md`."""

from __future__ import annotations

from aikg.core.schema import SCHEMA


def render() -> str:
    out = ["# Schema", "",
           "Generated from `data/schema.json` by `python -m aikg.graph.schema_docs`; a test fails when it drifts.",
           "It implements `../shared/SCHEMA.md` and extends it as listed under *Extensions*.", "",
           "## Entity types (node labels)", "", "| label | what it is |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in SCHEMA.entity_types.items()]
    out += [f"| `{SCHEMA.document_label}` | a source that was ingested (kinds: {', '.join(SCHEMA.document_kinds)}) |", "",
            f"Every entity node also carries the label `{SCHEMA.entity_label}`, so generic queries need no label unions.",
            "", "### Entity properties", "", "| property | meaning |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in SCHEMA.entity_properties.items()]
    out += ["| `alias_text` | the aliases joined by ` \\| `, for the full-text index |",
            "| `grams` | letter trigrams of the name and aliases (`__abc`, space-separated), for substring search |",
            "| `linked_at` | the latest `first_seen` of the relationships the entity starts (where `changes_since` finds them) |",
            "| `name_keys` | embedded store only: the name and aliases folded as `graph_health` compares them (graph/name_keys.py) |",
            "| `has_duplicate` | embedded store only: true when another entity of the same type shares a name key |",
            "",
            "### Document properties", "", "| property | meaning |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in SCHEMA.document_properties.items()]
    out += ["", "## Relationship types", "", "| type | from | to | meaning |", "|---|---|---|---|"]
    for r in SCHEMA.relation_types.values():
        sym = " (symmetric: stored once, query undirected)" if r.symmetric else ""
        out.append(f"| `{r.name}` | {', '.join(r.sources)} | {', '.join(r.targets)} | {r.meaning}{sym} |")
    out.append(f"| `{SCHEMA.mention_type}` | Document | any entity | the document mentions it |")
    out += ["", "### Relationship properties (evidence)", "", "| property | meaning |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in SCHEMA.relation_properties.items()]
    out += ["", f"### `{SCHEMA.mention_type}` properties", "", "| property | meaning |", "|---|---|"]
    out += [f"| `{k}` | {v} |" for k, v in SCHEMA.mention_properties.items()]
    out += ["", "## Extensions to the shared schema", "",
            f"- The common label `{SCHEMA.entity_label}` on every entity (unique `id` across types).",
            "- Entity properties `doc_count`, `alias_text` and `grams` (the n-gram keys that let the full-text index answer",
            "  `entity_search`'s substring match, graph/search_grams.py) and `linked_at` (graph/change_keys.py), derived",
            "  like `alias_text`; document properties `published`, `publisher`, `pages`, `loaded_at`.",
            "- Summary properties kept by the loader on entities, so rankings read a property instead of walking every",
            "  relationship (graph/summaries.py, issue #18): `degree` (relationships to other entities, either direction),",
            "  `rel_docs` (distinct documents behind them), `clusters` / `cluster_ids` (clusters the entity is LOCATED_IN or",
            "  ANCHORS, and the metros they lie WITHIN), and for people `affiliated_cluster_count`, `affiliated_clusters`,",
            "  `affiliations`. They are derived: written in the same atomic write as the facts, taken back on a forced",
            "  re-load, recomputed for a store written by an older aikg, ignored in input records and left out of the RDF export.",
            "- On clusters, a kept profile (`profile_*`: what `cluster_profile` answers with no confidence floor, lists cut",
            "  at 100 names; with it `overview_*`, the counts `cluster_overview` lists, read only while the profile is",
            "  kept): forgotten by every write that may change it, computed again at the end of `aikg ingest` /",
            "  `aikg load`; the query reads the graph while there is none (graph/summaries.py).",
            "- Evidence is stored on each relationship as parallel lists (`ev_doc`, `ev_start`, `ev_end`, `ev_sentence`,",
            "  `ev_method`, `ev_confidence`, `ev_page`; page 0 = unknown, and no `ev_page` at all when no page is known)",
            "  because both stores accept only primitive",
            "  values and lists of them; `docs`, `support` and `confidence` summarise them (the extractors are the",
            "  distinct `ev_method` values: no `methods` list is stored, issue #18). `docs` is stored only when `ev_doc`",
            "  names a document more than once; otherwise it would equal `ev_doc`, and readers take",
            "  `coalesce(r.docs, r.ev_doc)` (one list less on most relationships; a store written before keeps its lists",
            "  until `aikg store compact --home DIR`, and reads the same). On the embedded",
            "  store their strings (document ids, sentences, extractors, `first_seen`/`updated`) are interned: FalkorDB",
            "  keeps one copy however many relationships hold it (graph/cypher/load_relations.cypher, issue #18). A",
            "  relationship new to the store is written by one `CREATE` with all its properties",
            "  (graph/cypher/create_relations.cypher); one the store already holds by `MERGE`, appending its evidence. Which is",
            "  which the loader reads from the store before each batch (`known_relationships`), so both give the same graph.",
            "- Interchange records: `document` may carry `published`, `publisher`, `pages` (offset where each page",
            "  starts); `entity` may carry `props` (primitive values: external ids such as `wikidata`, `cik`, `sic`,",
            "  and numeric facts from tables such as `metric_ai_job_postings_share_2024`); evidence items may carry `page`.",
            "- Relation records are checked against the from/to types above; a record that breaks them is rejected",
            "  with its line number.", ""]
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
