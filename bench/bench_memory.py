"""Where the embedded store's memory goes, per relationship: the synthetic graph built with variants of its
relationship properties, each into a fresh store, measured with the engine's ``used_memory`` (issue 18).

    python -m bench.bench_memory [--entities 20000] [--relations 100000] [--variants copied,interned,...]

Variants: ``copied`` (every string copied onto each relationship, as before interning), ``interned`` (what the
loader writes now), ``no_sentence``, ``no_evidence`` (no ``ev_*`` list), ``no_evidence_docs`` (nor ``docs``),
``no_properties``, ``no_relationships``, ``long_sentences`` (copied, sentences ~160 characters),
``sentence_nodes`` (a Sentence node per distinct sentence, relationships holding its id), ``methods_list`` (interned,
with the ``methods`` list the loader kept before issue 18 dropped it: ev_method's distinct values), ``docs_always``
(interned, with ``docs`` on every relationship as before the memory pass), ``span_packed``, ``no_support``. The ``interned``
build then drops the relationship ``first_seen`` indexes to price them, timing what changes_since's relationship
branches ask of the engine with and without them. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aikg.core.schema import SCHEMA  # noqa: E402
from bench import synthetic as syn  # noqa: E402
from bench.common import table  # noqa: E402

COPIED = ("UNWIND $rows AS r MATCH (a:Entity {id: r.s}) MATCH (b:Entity {id: r.t}) "
          "CREATE (a)-[e:{rel_type}]->(b) SET e = r.p")
SENTENCE = ("UNWIND $rows AS r MERGE (s:Sentence {id: r.id}) ON CREATE SET s.doc = intern(r.doc), s.start = r.start, "
            "s.end = r.end, s.text = r.text, s.page = r.page")
LONGER = " In 2024 the two organisations announced a joint programme on applied machine learning for the region."
VARIANTS = ("copied", "interned", "no_sentence", "no_evidence", "no_evidence_docs", "no_properties",
            "no_relationships", "long_sentences", "sentence_nodes", "methods_list", "docs_always", "span_packed",
            "no_support")
# Memory pass (issue 18), priced against ``interned`` (``docs`` stored only when ev_doc repeats a document, as the
# loader writes it since that pass): docs_always (``docs`` on every relationship, as before it); span_packed (one
# ``ev_span`` list [start, end, ...] instead of ev_start/ev_end, not made); no_support (no ``support``, not made).
_DOCS_IF = "e.docs = CASE WHEN size(r.p.docs) < size(r.p.ev_doc) THEN [x IN r.p.docs | intern(x)] END, "
_DOCS_ALWAYS = "e.docs = [x IN r.p.docs | intern(x)], "
_SPAN = "e.ev_start = r.p.ev_start, e.ev_end = r.p.ev_end, "


def _props(p: dict[str, Any], variant: str, sentences: dict[str, dict]) -> dict[str, Any]:
    """One relationship's properties in this variant."""
    p = dict(p)
    if variant == "long_sentences":
        p["ev_sentence"] = [s + LONGER for s in p["ev_sentence"]]
    elif variant == "no_sentence":
        p.pop("ev_sentence")
    elif variant in ("no_evidence", "no_evidence_docs", "sentence_nodes"):
        ev = {k: p.pop(k) for k in list(p) if k.startswith("ev_")}
        if variant == "no_evidence_docs":
            p.pop("docs")
        if variant == "sentence_nodes":
            sids = []
            for i, doc in enumerate(ev["ev_doc"]):
                key = f"{doc}\x1f{ev['ev_start'][i]}\x1f{ev['ev_end'][i]}\x1f{ev['ev_sentence'][i]}"
                sid = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
                sids.append(sid)
                sentences[sid] = {"id": sid, "doc": doc, "start": ev["ev_start"][i], "end": ev["ev_end"][i],
                                  "text": ev["ev_sentence"][i], "page": ev["ev_page"][i]}
            p.update(ev_sid=sids, ev_method=ev["ev_method"], ev_confidence=ev["ev_confidence"])
    elif variant == "no_properties":
        return {}
    elif variant == "methods_list":
        p["methods"] = list(dict.fromkeys(p["ev_method"]))
    if variant == "span_packed":
        p["ev_span"] = [x for pair in zip(p.pop("ev_start"), p.pop("ev_end")) for x in pair]
    if variant == "no_support":
        p.pop("support")
    return p


def _statement(variant: str) -> str:
    if variant == "interned":
        return syn.RELATION_CREATE
    if variant == "methods_list":
        return syn.RELATION_CREATE.replace(_DOCS_IF, _DOCS_IF + "e.methods = [x IN r.p.methods | intern(x)], ")
    if variant in ("docs_always", "span_packed", "no_support"):
        out = syn.RELATION_CREATE
        if variant == "docs_always":
            out = out.replace(_DOCS_IF, _DOCS_ALWAYS)
        if variant == "span_packed":
            out = out.replace(_SPAN, "e.ev_span = r.p.ev_span, ")
        if variant == "no_support":
            out = out.replace("e.support = r.p.support, ", "")
        assert out != syn.RELATION_CREATE
        return out
    if variant == "sentence_nodes":
        return ("UNWIND $rows AS r MATCH (a:Entity {id: r.s}) MATCH (b:Entity {id: r.t}) "
                "CREATE (a)-[e:{rel_type}]->(b) SET e.confidence = r.p.confidence, e.support = r.p.support, "
                "e.first_seen = intern(r.p.first_seen), e.updated = intern(r.p.updated), "
                + _DOCS_IF +
                "e.ev_sid = [x IN r.p.ev_sid | intern(x)], e.ev_method = [x IN r.p.ev_method | intern(x)], "
                "e.ev_confidence = r.p.ev_confidence")
    return COPIED


def _settled(used: Any) -> float:
    """``used()`` once it stops moving: the engine frees a dropped index in the background."""
    import time

    last = -1.0
    while True:
        time.sleep(1.5)
        now = used()
        if abs(now - last) < 65536:
            return now
        last = now


def _new_relationships_ms(store: Any, since: str) -> float:
    """What changes_since's relationship branches cost the engine: relationships of each type first seen since
    ``since`` counted (fastest of 3), to price the first_seen indexes against the scan that replaces them."""
    import time

    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for rtype in SCHEMA.relation_types:
            store.read(f"MATCH ()-[r:{SCHEMA.rel_type(rtype)}]->() WHERE r.first_seen >= $since RETURN count(r) AS n",
                       {"since": since})
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def build(variant: str, data: tuple) -> dict[str, Any]:
    """Build one variant into a fresh store; MB of nodes, relationships and MENTIONS, bytes per relationship."""
    from aikg.graph.store import open_store

    entities, documents, relations, mentions, _ = data
    n = sum(len(v) for v in relations.values())
    with tempfile.TemporaryDirectory() as home:
        store = open_store("embedded", home=home)
        try:
            store.apply_schema()
            used = lambda: syn.server_memory(store)["used_memory"] * 2**20  # noqa: E731
            for etype, rows in entities.items():
                syn._write(store, syn.ENTITY_CREATE.replace("{label}", SCHEMA.label(etype)), syn.entity_write_rows(rows), 5000)
            syn._write(store, syn.DOCUMENT_CREATE, documents, 5000)
            nodes = used()
            sentences: dict[str, dict] = {}
            if variant != "no_relationships":
                for rtype, rows in relations.items():
                    rows = [{"s": r["s"], "t": r["t"], "p": _props(r["p"], variant, sentences)} for r in rows]
                    syn._write(store, _statement(variant).replace("{rel_type}", SCHEMA.rel_type(rtype)), rows, 2500)
            if sentences:
                store.write("CREATE INDEX FOR (s:Sentence) ON (s.id)")
                syn._write(store, SENTENCE, list(sentences.values()), 5000)
            rels = used()
            syn._write(store, syn.MENTION_CREATE, mentions, 5000)
            total = used()
            row = {"variant": variant, "nodes MB": round(nodes / 2**20, 1), "relationships MB": round((rels - nodes) / 2**20, 1),
                   "mentions MB": round((total - rels) / 2**20, 1), "bytes/relationship (relationships)": round((rels - nodes) / n),
                   "bytes/relationship (whole store)": round(total / n)}
            row["first_seen indexes bytes/relationship"] = row["changes_since scan ms (index / none)"] = "-"
            indexed = {r["label"] for r in store.read("CALL db.indexes() YIELD label, properties "
                                                       "WHERE 'first_seen' IN properties RETURN label")}
            if variant == "interned" and set(map(SCHEMA.rel_type, SCHEMA.relation_types)) <= indexed:
                # (a store of today has none: changes_since reads linked_at, graph/change_keys.py)
                with_index = _new_relationships_ms(store, data[4]["since"])
                for rtype in SCHEMA.relation_types:
                    store.write(f"DROP INDEX ON :{SCHEMA.rel_type(rtype)}(first_seen)")
                row["first_seen indexes bytes/relationship"] = round((total - _settled(used)) / n)
                row["changes_since scan ms (index / none)"] = (
                    f"{with_index:.0f} / {_new_relationships_ms(store, data[4]['since']):.0f}")
            return row
        finally:
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    args = parser.parse_args(argv)
    data = syn.generate(args.entities, args.relations)
    n = sum(len(v) for v in data[2].values())
    print(f"## Memory per relationship: {args.entities:,} entities, {n:,} relationships, {len(data[3]):,} MENTIONS\n")
    rows = []
    for variant in args.variants.split(","):
        rows.append(build(variant, data))
        print(rows[-1], flush=True)
    print("\n" + table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
