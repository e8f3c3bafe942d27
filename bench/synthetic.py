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
ENTITY_CREATE = "UNWIND $rows AS r CREATE (n:Entity:{label}) SET n = r"
DOCUMENT_CREATE = "UNWIND $rows AS r CREATE (d:Document) SET d = r"
RELATION_CREATE = ("UNWIND $rows AS r MATCH (a:Entity {id: r.s}) MATCH (b:Entity {id: r.t}) "
                   "CREATE (a)-[e:{rel_type}]->(b) SET e = r.p")
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


def generate(entities: int, relations: int, *, seed: int = 7) -> tuple[dict[str, list[dict]], list[dict],
                                                                         dict[str, list[dict]], list[dict], dict[str, str]]:
    """Rows for entities (by type), documents, relationships (by type) and mentions, plus picked parameters."""
    import numpy as np

    rng = np.random.default_rng(seed)
    counts = {t: max(4 if t == "Cluster" else 10, int(entities * s)) for t, s in SHARES.items()}
    counts["Person"] = max(10, entities - sum(counts.values()))
    ids: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    born: dict[str, np.ndarray] = {}
    for etype, n in counts.items():
        names[etype] = _names(rng, etype, n)
        ids[etype] = [f"{etype.lower()}:syn-{i:07d}" for i in range(n)]
        born[etype] = rng.integers(0, DAYS, size=n)
    orgs = [(t, i) for t in ("Institute", "Company", "Agency") for i in range(counts[t])]
    org_ids = np.array([ids[t][i] for t, i in orgs])
    org_born = np.array([born[t][i] for t, i in orgs])
    n_clusters = counts["Cluster"]
    zipf = 1.0 / np.arange(1, n_clusters + 1) ** 0.8
    zipf /= zipf.sum()
    popularity = rng.pareto(1.5, size=len(orgs)) + 1.0
    popularity /= popularity.sum()
    n_docs = max(50, entities // 20)
    doc_ids = [f"{i:064x}" for i in range(n_docs)]
    doc_day = rng.integers(0, DAYS, size=n_docs)

    rels: dict[str, list[tuple[str, str, int]]] = defaultdict(list)  # type -> (source, target, first day)

    def add(rtype: str, src: list[str] | np.ndarray, dst: list[str] | np.ndarray, day: np.ndarray) -> None:
        rels[rtype].extend(zip(src, dst, (int(d) for d in day)))

    # every organisation and programme is located in one cluster (a few large clusters)
    org_cluster = rng.choice(n_clusters, size=len(orgs), p=zipf)
    cl = np.array(ids["Cluster"])
    add("LOCATED_IN", org_ids, cl[org_cluster], org_born)
    prog_cluster = rng.choice(n_clusters, size=counts["Programme"], p=zipf)
    add("LOCATED_IN", ids["Programme"], cl[prog_cluster], born["Programme"])
    # anchors: the most popular institutes and companies of each cluster, up to five
    anchorable = np.array([t in ("Institute", "Company") for t, _ in orgs])
    by_cluster: dict[int, list[int]] = defaultdict(list)
    for i in np.argsort(-popularity):
        if anchorable[i] and len(by_cluster[org_cluster[i]]) < 5:
            by_cluster[org_cluster[i]].append(int(i))
    anchor_idx = [i for members in by_cluster.values() for i in members]
    add("ANCHORS", org_ids[anchor_idx], cl[org_cluster[anchor_idx]], org_born[anchor_idx])
    # people work at one organisation, a fifth of them at a second one
    people = np.array(ids["Person"])
    first = rng.choice(len(orgs), size=len(people), p=popularity)
    add("AFFILIATED_WITH", people, org_ids[first], born["Person"])
    extra = rng.random(len(people)) < 0.2
    second = rng.choice(len(orgs), size=int(extra.sum()), p=popularity)
    add("AFFILIATED_WITH", people[extra], org_ids[second], born["Person"][extra])
    # each programme is run by an agency or institute; founders for a tenth of the companies
    runners = [i for i, (t, _) in enumerate(orgs) if t in ("Agency", "Institute")]
    run_by = rng.choice(runners, size=counts["Programme"])
    add("RUNS", org_ids[run_by], ids["Programme"], born["Programme"])
    companies = [i for i, (t, _) in enumerate(orgs) if t == "Company"]
    founded = rng.choice(companies, size=len(companies) // 10, replace=False)
    add("FOUNDED", rng.choice(people, size=len(founded)), org_ids[founded], org_born[founded])
    fixed = sum(len(v) for v in rels.values())
    rest = max(0, relations - fixed)
    # the rest: funding (15%), membership (8%), part-of (2%) and partnerships (the bulk)
    funders = np.concatenate([org_ids, np.array(ids["Programme"])])
    n_funds, n_member, n_part = int(rest * 0.15), int(rest * 0.08), int(rest * 0.02)
    f_src = rng.choice(funders, size=n_funds)
    f_dst = np.where(rng.random(n_funds) < 0.5, rng.choice(np.array(ids["Programme"]), size=n_funds),
                     org_ids[rng.choice(len(orgs), size=n_funds, p=popularity)])
    add("FUNDS", f_src, f_dst, rng.integers(0, DAYS, size=n_funds))
    m_dst = np.where(rng.random(n_member) < 0.5, rng.choice(np.array(ids["Programme"]), size=n_member),
                     org_ids[rng.choice(len(orgs), size=n_member, p=popularity)])
    add("MEMBER_OF", org_ids[rng.integers(0, len(orgs), size=n_member)], m_dst, rng.integers(0, DAYS, size=n_member))
    add("PART_OF", org_ids[rng.integers(0, len(orgs), size=n_part)],
        org_ids[rng.choice(len(orgs), size=n_part, p=popularity)], rng.integers(0, DAYS, size=n_part))
    n_partner = rest - n_funds - n_member - n_part
    a = rng.choice(len(orgs), size=int(n_partner * 1.3) + 10, p=popularity)
    b = rng.integers(0, len(orgs), size=len(a))
    pairs: set[tuple[str, str]] = set()
    for x, y in zip(org_ids[a], org_ids[b]):
        if x != y:
            pairs.add((x, y) if x < y else (y, x))
            if len(pairs) >= n_partner:
                break
    rels["PARTNERS_WITH"] = [(s, t, int(rng.integers(0, DAYS))) for s, t in sorted(pairs)]
    # drop duplicate (type, source, target) triples: the loader stores each relationship once
    for rtype, items in rels.items():
        unique: dict[tuple[str, str], int] = {}
        for s, t, d in items:
            if s != t:
                unique.setdefault((s, t), d)
        rels[rtype] = [(s, t, d) for (s, t), d in unique.items()]

    rel_rows: dict[str, list[dict]] = {}
    for rtype, items in rels.items():
        rows = []
        n_ev = rng.integers(1, 3, size=len(items))
        ev_docs = rng.integers(0, n_docs, size=(len(items), 2))
        conf = np.round(rng.uniform(0.4, 0.95, size=len(items)), 2)
        for k, (s, t, day) in enumerate(items):
            docs = [doc_ids[j] for j in ev_docs[k, : n_ev[k]]]
            stamp = _stamp(day)
            rows.append({"s": str(s), "t": str(t), "p": {
                "confidence": float(conf[k]), "methods": ["synthetic"], "support": len(docs),
                "docs": list(dict.fromkeys(docs)), "ev_doc": docs, "ev_start": [100 * j for j in range(len(docs))],
                "ev_end": [100 * j + 80 for j in range(len(docs))],
                "ev_sentence": [f"{s} {rtype.lower().replace('_', ' ')} {t}."] * len(docs),
                "ev_method": ["synthetic"] * len(docs), "ev_confidence": [float(conf[k])] * len(docs),
                "ev_page": [0] * len(docs), "first_seen": stamp, "updated": stamp}})
        rel_rows[rtype] = rows

    # mentions: ~15 entities a document, popular organisations more often
    everyone = [(t, i) for t in counts for i in range(counts[t])]
    weight = np.ones(len(everyone))
    offset = sum(counts[t] for t in ("Cluster",))
    weight[offset: offset + len(orgs)] += popularity * len(orgs) * 3
    weight /= weight.sum()
    mention_count: dict[str, int] = defaultdict(int)
    doc_count: dict[str, int] = defaultdict(int)
    mention_rows = []
    for j, doc in enumerate(doc_ids):
        for e in set(rng.choice(len(everyone), size=15, p=weight).tolist()):
            t, i = everyone[e]
            eid = ids[t][i]
            n = int(rng.integers(1, 4))
            mention_count[eid] += n
            doc_count[eid] += 1
            mention_rows.append({"d": doc, "e": eid, "p": {"count": n, "starts": [10 * x for x in range(n)],
                                                              "ends": [10 * x + 8 for x in range(n)]}})
    entity_rows: dict[str, list[dict]] = {}
    for etype in counts:
        rows = []
        for i, (eid, name) in enumerate(zip(ids[etype], names[etype])):
            aliases = [name.split()[0]] if etype in ("Institute", "Company") and i % 3 == 0 else []
            stamp = _stamp(born[etype][i])
            rows.append({"id": eid, "name": name, "aliases": aliases,
                         "alias_text": "".join(a + " | " for a in aliases), "mention_count": mention_count[eid],
                         "doc_count": doc_count[eid], "first_seen": stamp, "updated": stamp})
        entity_rows[etype] = rows
    doc_rows = [{"id": d, "source": f"synthetic/{j}.txt", "title": f"Synthetic document {j}", "kind": "text",
                 "chars": 5000, "loaded_at": _stamp(doc_day[j]), "published": _stamp(doc_day[j])[:10]}
                for j, d in enumerate(doc_ids)]

    hub = int(np.argmax(popularity))
    partner_degree: dict[str, int] = defaultdict(int)
    for s, t, _ in rels["PARTNERS_WITH"]:
        partner_degree[s] += 1
        partner_degree[t] += 1
    typical = sorted(partner_degree, key=lambda k: (partner_degree[k], k))[len(partner_degree) // 2]
    big_cluster = ids["Cluster"][int(np.argmax(np.bincount(org_cluster, minlength=n_clusters)))]
    edge = rels["PARTNERS_WITH"][len(rels["PARTNERS_WITH"]) // 2]
    some_name = names["Company"][len(names["Company"]) // 3]
    typo = some_name[:2] + some_name[3:]  # one letter dropped
    picks = {"cluster": big_cluster, "hub": str(org_ids[hub]), "org": typical, "person": str(people[0]),
             "person2": str(people[len(people) // 2]), "edge_source": edge[0], "edge_target": edge[1],
             "since": _stamp(DAYS - 30)[:10], "search": typo, "entity": str(org_ids[hub])}
    return entity_rows, doc_rows, rel_rows, mention_rows, picks


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
        _write(store, ENTITY_CREATE.replace("{label}", SCHEMA.label(etype)), rows, batch)
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
