"""A synthetic aikg graph of any size, written straight into a store as loader-shaped rows.

Every node and relationship carries the properties the loader writes (ids, names, aliases,
alias_text, mention and document counts, ISO timestamps; relationship evidence lists,
support, confidence), so catalog queries meet the same shapes as on real data. Sizes follow
the real mix: a few large clusters (Zipf), hub organisations that partner widely (Pareto
popularity), people affiliated with one or two organisations, documents mentioning ~15
entities each. Deterministic for a given seed.

    python bench/synthetic.py --entities 10000 --relations 50000 --home /tmp/aikg-bench

prints what was built and the embedded server's memory (the engine's ``used_memory`` and the
redis process's VmRSS/VmHWM) with bytes per relationship (MENTIONS excluded, and included).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aikg.core.schema import SCHEMA  # noqa: E402

# Plain CREATE statements (the graph starts empty); {label} and {rel_type} come from the schema allow-list.
# timestamps are interned as the loader does (graph/cypher/load_entities.cypher, load_relations.cypher), set
# apart from `SET n = r.p` (after it the engine would skip an equal interned value)
ENTITY_CREATE = ("UNWIND $rows AS r CREATE (n:Entity:{label}) SET n = r.p, n.first_seen = intern(r.first_seen), "
                 "n.updated = intern(r.updated) "
                 "WITH n, r WHERE r.linked_at IS NOT NULL SET n.linked_at = intern(r.linked_at)")
DOCUMENT_CREATE = "UNWIND $rows AS r CREATE (d:Document) SET d = r"
# Relationship strings are interned as the loader does on the embedded store (graph/cypher/load_relations.cypher);
# each property is set on its own (after `SET e = r.p` the engine would skip an equal interned value).
RELATION_CREATE = ("UNWIND $rows AS r MATCH (a:Entity {id: r.s}) MATCH (b:Entity {id: r.t}) "
                   "CREATE (a)-[e:{rel_type}]->(b) SET e.confidence = r.p.confidence, e.support = r.p.support, "
                   "e.first_seen = intern(r.p.first_seen), "
                   "e.docs = CASE WHEN size(r.p.docs) < size(r.p.ev_doc) THEN [x IN r.p.docs | intern(x)] END, "
                   "e.ev_doc = [x IN r.p.ev_doc | intern(x)], e.ev_start = r.p.ev_start, e.ev_end = r.p.ev_end, "
                   "e.ev_sentence = [x IN r.p.ev_sentence | intern(x)], e.ev_method = [x IN r.p.ev_method | intern(x)], "
                   "e.ev_confidence = r.p.ev_confidence, e.ev_page = r.p.ev_page")
MENTION_CREATE = ("UNWIND $rows AS r MATCH (d:Document {id: r.d}) MATCH (e:Entity {id: r.e}) "
                  "CREATE (d)-[m:MENTIONS]->(e) SET m = r.p")
MARKER = "synthetic.json"

SYLLABLES = ("ka ri to na mi ve lo sa te ru qua zen dor fal mer tis lan bro cor vin pel dra gor hal "
             "nix sor tav bel cam dun eth fyr gan hol ist jor kel lum mor nev").split()
SUFFIX = {"Institute": ["Institute", "University", "Research Lab", "Foundation"],
          "Company": ["Labs", "AI", "Systems", "Robotics", "Technologies", "Capital"],
          "Agency": ["Agency", "Ministry", "Council", "Authority"],
          "Programme": ["Programme", "Strategy", "Fund", "Initiative"],
          "Person": [""], "Cluster": ["Valley", "Corridor", "City", "Bay"]}
SHARES = {"Cluster": 0.001, "Institute": 0.15, "Company": 0.40, "Agency": 0.05, "Programme": 0.10}  # rest: Person
START = date(2024, 1, 1)
DAYS = 730


@dataclass
class Synthetic:
    """What was built, and parameters worth benchmarking with (picked from the data)."""

    entities: int = 0
    documents: int = 0
    relationships: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    picks: dict[str, str] = field(default_factory=dict)

    @property
    def relationship_total(self) -> int:
        return sum(self.relationships.values())


def _names(rng: Any, etype: str, count: int) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    suffixes = SUFFIX[etype]
    while len(out) < count:
        parts = rng.choice(SYLLABLES, size=int(rng.integers(2, 4)))
        word = "".join(parts).capitalize()
        if etype == "Person":
            last = "".join(rng.choice(SYLLABLES, size=int(rng.integers(2, 4)))).capitalize()
            name = f"{word} {last}"
        else:
            name = f"{word} {suffixes[int(rng.integers(len(suffixes)))]}"
        if name not in seen:
            seen.add(name)
            out.append(name)
    return out


def _stamp(day: int) -> str:
    return f"{(START + timedelta(days=int(day))).isoformat()}T00:00:00+00:00"


@dataclass
class _World:
    """The generated population: entity ids, names and birthdays by type, organisations and their popularity."""

    rng: Any
    counts: dict[str, int]
    ids: dict[str, list[str]]
    names: dict[str, list[str]]
    born: dict[str, Any]
    orgs: list[tuple[str, int]]
    org_ids: Any
    org_born: Any
    popularity: Any
    doc_ids: list[str]
    doc_day: Any
    org_cluster: Any = None
    rels: dict[str, list[tuple[str, str, int]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, rtype: str, src: Any, dst: Any, day: Any) -> None:
        self.rels[rtype].extend(zip(src, dst, (int(d) for d in day)))


def _world(entities: int, seed: int) -> _World:
    import numpy as np

    rng = np.random.default_rng(seed)
    counts = {t: max(4 if t == "Cluster" else 10, int(entities * s)) for t, s in SHARES.items()}
    counts["Person"] = max(10, entities - sum(counts.values()))
    ids: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    born: dict[str, Any] = {}
    for etype, n in counts.items():
        names[etype] = _names(rng, etype, n)
        ids[etype] = [f"{etype.lower()}:syn-{i:07d}" for i in range(n)]
        born[etype] = rng.integers(0, DAYS, size=n)
    orgs = [(t, i) for t in ("Institute", "Company", "Agency") for i in range(counts[t])]
    popularity = rng.pareto(1.5, size=len(orgs)) + 1.0
    n_docs = max(50, entities // 20)
    return _World(rng, counts, ids, names, born, orgs, np.array([ids[t][i] for t, i in orgs]),
                  np.array([born[t][i] for t, i in orgs]), popularity / popularity.sum(),
                  [f"{i:064x}" for i in range(n_docs)], rng.integers(0, DAYS, size=n_docs))


def _structure(w: _World) -> None:
    """Sites, anchors, affiliations, programmes' runners and founders."""
    import numpy as np

    rng, ids, born = w.rng, w.ids, w.born
    n_clusters = w.counts["Cluster"]
    zipf = 1.0 / np.arange(1, n_clusters + 1) ** 0.8
    zipf /= zipf.sum()
    # every organisation and programme is located in one cluster (a few large clusters)
    w.org_cluster = rng.choice(n_clusters, size=len(w.orgs), p=zipf)
    cl = np.array(ids["Cluster"])
    w.add("LOCATED_IN", w.org_ids, cl[w.org_cluster], w.org_born)
    prog_cluster = rng.choice(n_clusters, size=w.counts["Programme"], p=zipf)
    w.add("LOCATED_IN", ids["Programme"], cl[prog_cluster], born["Programme"])
    # anchors: the most popular institutes and companies of each cluster, up to five
    anchorable = np.array([t in ("Institute", "Company") for t, _ in w.orgs])
    by_cluster: dict[int, list[int]] = defaultdict(list)
    for i in np.argsort(-w.popularity):
        if anchorable[i] and len(by_cluster[w.org_cluster[i]]) < 5:
            by_cluster[w.org_cluster[i]].append(int(i))
    anchor_idx = [i for members in by_cluster.values() for i in members]
    w.add("ANCHORS", w.org_ids[anchor_idx], cl[w.org_cluster[anchor_idx]], w.org_born[anchor_idx])
    # people work at one organisation, a fifth of them at a second one
    people = np.array(ids["Person"])
    first = rng.choice(len(w.orgs), size=len(people), p=w.popularity)
    w.add("AFFILIATED_WITH", people, w.org_ids[first], born["Person"])
    extra = rng.random(len(people)) < 0.2
    second = rng.choice(len(w.orgs), size=int(extra.sum()), p=w.popularity)
    w.add("AFFILIATED_WITH", people[extra], w.org_ids[second], born["Person"][extra])
    # each programme is run by an agency or institute; founders for a tenth of the companies
    runners = [i for i, (t, _) in enumerate(w.orgs) if t in ("Agency", "Institute")]
    w.add("RUNS", w.org_ids[rng.choice(runners, size=w.counts["Programme"])], ids["Programme"], born["Programme"])
    companies = [i for i, (t, _) in enumerate(w.orgs) if t == "Company"]
    founded = rng.choice(companies, size=len(companies) // 10, replace=False)
    w.add("FOUNDED", rng.choice(people, size=len(founded)), w.org_ids[founded], w.org_born[founded])


def _ties(w: _World, relations: int) -> None:
    """The rest up to ``relations``: funding (15%), membership (8%), part-of (2%) and partnerships (the bulk)."""
    import numpy as np

    rng, orgs, pop = w.rng, w.orgs, w.popularity
    rest = max(0, relations - sum(len(v) for v in w.rels.values()))
    programmes = np.array(w.ids["Programme"])
    funders = np.concatenate([w.org_ids, programmes])
    n_funds, n_member, n_part = int(rest * 0.15), int(rest * 0.08), int(rest * 0.02)
    f_src = rng.choice(funders, size=n_funds)
    f_dst = np.where(rng.random(n_funds) < 0.5, rng.choice(programmes, size=n_funds),
                     w.org_ids[rng.choice(len(orgs), size=n_funds, p=pop)])
    w.add("FUNDS", f_src, f_dst, rng.integers(0, DAYS, size=n_funds))
    m_dst = np.where(rng.random(n_member) < 0.5, rng.choice(programmes, size=n_member),
                     w.org_ids[rng.choice(len(orgs), size=n_member, p=pop)])
    w.add("MEMBER_OF", w.org_ids[rng.integers(0, len(orgs), size=n_member)], m_dst, rng.integers(0, DAYS, size=n_member))
    w.add("PART_OF", w.org_ids[rng.integers(0, len(orgs), size=n_part)],
          w.org_ids[rng.choice(len(orgs), size=n_part, p=pop)], rng.integers(0, DAYS, size=n_part))
    n_partner = rest - n_funds - n_member - n_part
    a = rng.choice(len(orgs), size=int(n_partner * 1.3) + 10, p=pop)
    b = rng.integers(0, len(orgs), size=len(a))
    pairs: set[tuple[str, str]] = set()
    for x, y in zip(w.org_ids[a], w.org_ids[b]):
        if x != y:
            pairs.add((x, y) if x < y else (y, x))
            if len(pairs) >= n_partner:
                break
    w.rels["PARTNERS_WITH"] = [(s, t, int(rng.integers(0, DAYS))) for s, t in sorted(pairs)]
    # drop duplicate (type, source, target) triples: the loader stores each relationship once
    for rtype, items in w.rels.items():
        unique: dict[tuple[str, str], int] = {}
        for s, t, d in items:
            if s != t:
                unique.setdefault((s, t), d)
        w.rels[rtype] = [(s, t, d) for (s, t), d in unique.items()]


def _relation_rows(w: _World) -> dict[str, list[dict]]:
    """Loader-shaped relationship rows: 1-2 pieces of evidence each, from random documents."""
    import numpy as np

    out: dict[str, list[dict]] = {}
    for rtype, items in w.rels.items():
        rows = []
        n_ev = w.rng.integers(1, 3, size=len(items))
        ev_docs = w.rng.integers(0, len(w.doc_ids), size=(len(items), 2))
        conf = np.round(w.rng.uniform(0.4, 0.95, size=len(items)), 2)
        for k, (s, t, day) in enumerate(items):
            docs = [w.doc_ids[j] for j in ev_docs[k, : n_ev[k]]]
            stamp = _stamp(day)
            rows.append({"s": str(s), "t": str(t), "p": {
                "confidence": float(conf[k]), "support": len(docs),
                "docs": list(dict.fromkeys(docs)), "ev_doc": docs, "ev_start": [100 * j for j in range(len(docs))],
                "ev_end": [100 * j + 80 for j in range(len(docs))],
                "ev_sentence": [f"{s} {rtype.lower().replace('_', ' ')} {t}."] * len(docs),
                "ev_method": ["synthetic"] * len(docs), "ev_confidence": [float(conf[k])] * len(docs),
                # no page known: the loader stores no ev_page list then (graph/cypher/load_relations.cypher)
                "ev_page": None, "first_seen": stamp, "updated": stamp}})
        out[rtype] = rows
    return out


def _mention_rows(w: _World) -> tuple[list[dict], dict[str, int], dict[str, int]]:
    """~15 entities a document, popular organisations more often; mention and document counts per entity."""
    import numpy as np

    everyone = [(t, i) for t in w.counts for i in range(w.counts[t])]
    weight = np.ones(len(everyone))
    offset = w.counts["Cluster"]
    weight[offset: offset + len(w.orgs)] += w.popularity * len(w.orgs) * 3
    weight /= weight.sum()
    mention_count: dict[str, int] = defaultdict(int)
    doc_count: dict[str, int] = defaultdict(int)
    rows = []
    for doc in w.doc_ids:
        for e in set(w.rng.choice(len(everyone), size=15, p=weight).tolist()):
            t, i = everyone[e]
            eid = w.ids[t][i]
            n = int(w.rng.integers(1, 4))
            mention_count[eid] += n
            doc_count[eid] += 1
            rows.append({"d": doc, "e": eid, "p": {"count": n, "starts": [10 * x for x in range(n)],
                                                   "ends": [10 * x + 8 for x in range(n)]}})
    return rows, mention_count, doc_count


def _entity_rows(w: _World, rel_rows: dict[str, list[dict]], mention_count: dict[str, int],
                 doc_count: dict[str, int]) -> dict[str, list[dict]]:
    """Loader-shaped entity rows with the summaries the loader keeps (graph/summaries.py), computed the same way."""
    from aikg.graph import change_keys, search_grams, summaries

    names = {eid: name for etype in w.counts for eid, name in zip(w.ids[etype], w.names[etype])}
    summary = summaries.compute(names, ((rtype, r["s"], r["t"], r["p"]["docs"])
                                        for rtype, rows in rel_rows.items() for r in rows))
    # linked_at (graph/change_keys.py): the latest first_seen of the relationships an entity starts
    linked = change_keys.linked_at((r["s"], r["t"], r["p"]["first_seen"]) for rows in rel_rows.values() for r in rows)
    out: dict[str, list[dict]] = {}
    for etype in w.counts:
        rows = []
        for i, (eid, name) in enumerate(zip(w.ids[etype], w.names[etype])):
            aliases = [name.split()[0]] if etype in ("Institute", "Company") and i % 3 == 0 else []
            stamp = _stamp(w.born[etype][i])
            rows.append({"id": eid, "name": name, "aliases": aliases,
                         "alias_text": "".join(a + " | " for a in aliases),
                         "grams": search_grams.gram_text([name, *aliases]), "mention_count": mention_count[eid],
                         "doc_count": doc_count[eid], "first_seen": stamp, "updated": stamp, **summary[eid]})
            if eid in linked:
                rows[-1]["linked_at"] = linked[eid]
        out[etype] = rows
    return out


def _picks(w: _World) -> dict[str, str]:
    """Parameters worth benchmarking with: the largest cluster, a hub, a typical organisation, ..."""
    import numpy as np

    partner_degree: dict[str, int] = defaultdict(int)
    for s, t, _ in w.rels["PARTNERS_WITH"]:
        partner_degree[s] += 1
        partner_degree[t] += 1
    typical = sorted(partner_degree, key=lambda k: (partner_degree[k], k))[len(partner_degree) // 2]
    n_clusters = w.counts["Cluster"]
    big_cluster = w.ids["Cluster"][int(np.argmax(np.bincount(w.org_cluster, minlength=n_clusters)))]
    edge = w.rels["PARTNERS_WITH"][len(w.rels["PARTNERS_WITH"]) // 2]
    some_name = w.names["Company"][len(w.names["Company"]) // 3]
    people = w.ids["Person"]
    hub = str(w.org_ids[int(np.argmax(w.popularity))])
    return {"cluster": big_cluster, "hub": hub, "org": typical, "person": people[0],
            "person2": people[len(people) // 2], "edge_source": edge[0], "edge_target": edge[1],
            "since": _stamp(DAYS - 30)[:10], "search": some_name[:2] + some_name[3:],  # one letter dropped
            "entity": hub}


def generate(entities: int, relations: int, *, seed: int = 7) -> tuple[dict[str, list[dict]], list[dict],
                                                                         dict[str, list[dict]], list[dict], dict[str, str]]:
    """Rows for entities (by type), documents, relationships (by type) and mentions, plus picked parameters."""
    w = _world(entities, seed)
    _structure(w)
    _ties(w, relations)
    rel_rows = _relation_rows(w)
    mention_rows, mention_count, doc_count = _mention_rows(w)
    entity_rows = _entity_rows(w, rel_rows, mention_count, doc_count)
    doc_rows = [{"id": d, "source": f"synthetic/{j}.txt", "title": f"Synthetic document {j}", "kind": "text",
                 "chars": 5000, "loaded_at": _stamp(w.doc_day[j]), "published": _stamp(w.doc_day[j])[:10]}
                for j, d in enumerate(w.doc_ids)]
    return entity_rows, doc_rows, rel_rows, mention_rows, _picks(w)


def entity_write_rows(rows: list[dict]) -> list[dict]:
    """ENTITY_CREATE's rows: the timestamps (interned) beside the other properties."""
    stamps = ("first_seen", "updated", "linked_at")
    return [{"p": {k: v for k, v in r.items() if k not in stamps}, **{k: r[k] for k in stamps if k in r}} for r in rows]


def _write(store: Any, statement: str, rows: list[dict], batch: int) -> None:
    for i in range(0, len(rows), batch):
        store.write(statement, {"rows": rows[i:i + batch]})


def build(store: Any, entities: int = 100_000, relations: int = 500_000, *, seed: int = 7, batch: int = 5000,
          progress: Any = None) -> Synthetic:
    """Generate and write the graph into an empty ``store`` (schema applied first)."""
    say = progress or (lambda msg: None)
    t0 = time.perf_counter()
    entity_rows, doc_rows, rel_rows, mention_rows, picks = generate(entities, relations, seed=seed)
    say(f"generated in {time.perf_counter() - t0:.1f}s; writing")
    store.apply_schema()
    for etype, rows in entity_rows.items():
        _write(store, ENTITY_CREATE.replace("{label}", SCHEMA.label(etype)), entity_write_rows(rows), batch)
    _write(store, DOCUMENT_CREATE, doc_rows, batch)
    say(f"nodes written at {time.perf_counter() - t0:.1f}s")
    for rtype, rows in rel_rows.items():
        _write(store, RELATION_CREATE.replace("{rel_type}", SCHEMA.rel_type(rtype)), rows, batch // 2)
        say(f"{rtype}: {len(rows)} at {time.perf_counter() - t0:.1f}s")
    _write(store, MENTION_CREATE.replace("MENTIONS", SCHEMA.rel_type(SCHEMA.mention_type)), mention_rows, batch)
    result = Synthetic(entities=sum(len(r) for r in entity_rows.values()), documents=len(doc_rows),
                       relationships={**{k: len(v) for k, v in rel_rows.items()}, "MENTIONS": len(mention_rows)},
                       seconds=time.perf_counter() - t0, picks=picks)
    say(f"built in {result.seconds:.1f}s")
    return result


def open_or_build(home: Path, entities: int, relations: int, *, seed: int = 7, progress: Any = None) -> tuple[Any, Synthetic]:
    """Open the synthetic graph in ``home``, building it first unless one of this size is there."""
    from aikg.graph.store import open_store

    marker = home / MARKER
    store = open_store("embedded", home=home)
    if marker.exists():
        info = Synthetic(**json.loads(marker.read_text("utf-8")))
        if info.picks and info.entities >= entities and info.relationship_total - info.relationships.get("MENTIONS", 0) >= relations * 0.99:
            from aikg.graph import summaries

            if summaries.needs_refresh(store):  # built before the loader kept summaries
                (progress or (lambda msg: None))("adding the summaries the loader keeps")
                summaries.refresh_all(store)
            return store, info
        store.clear()
    info = build(store, entities, relations, seed=seed, progress=progress)
    marker.write_text(json.dumps(asdict(info)), "utf-8")
    return store, info


def server_memory(store: Any) -> dict[str, float]:
    """The embedded server's memory in MB: the engine's own count (used_memory, used_memory_peak) and
    the redis process's resident set (VmRSS now, VmHWM its peak), from INFO and /proc."""
    att = store._att
    info = att.db.connection.info("memory")
    out = {"used_memory": info["used_memory"] / 2**20, "used_memory_peak": info["used_memory_peak"] / 2**20}
    for line in Path(f"/proc/{att.server.pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            out[line.split(":")[0]] = int(line.split()[1]) / 1024
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=100_000)
    parser.add_argument("--relations", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--home", type=Path, required=True, help="where the embedded store lives")
    args = parser.parse_args(argv)
    store, info = open_or_build(args.home, args.entities, args.relations, seed=args.seed, progress=print)
    try:
        print(json.dumps(asdict(info), indent=2))
        mem = server_memory(store)
        rels = info.relationship_total - info.relationships.get("MENTIONS", 0)
        print(json.dumps({**{k: round(v, 1) for k, v in mem.items()},
                          "bytes_per_relationship": round(mem["used_memory"] * 2**20 / max(1, rels)),
                          "bytes_per_relationship_incl_mentions": round(mem["used_memory"] * 2**20
                                                                        / max(1, info.relationship_total))}, indent=2))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
