"""Entity resolution across the documents of a run and against the store.

Mentions are joined when they share a gazetteer entry, a normalised name (organisation
types share one namespace, people and places each their own), an acronym and its expansion,
an apposition or anaphor link, a person's surname with the full name in the same document, a
known entity's name or alias, or a fuzzy match of names (rapidfuzz, threshold configurable,
digits must agree). Analyst decisions (``same`` / ``different``) come first and are honoured:
a ``different`` pair is never joined, whatever else links them.

The result does not depend on the order or batching of the input: inputs are sorted, links
are applied in a fixed order, and every choice (type, canonical name, id) is a deterministic
function of the final groups.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from aikg.core.errors import InputError
from aikg.core.facts import EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.ids import clean_surface, entity_id, normalise_name
from aikg.core.schema import SCHEMA
from aikg.ingest.nlp.records import DocFacts, MentionFact

ORG_TYPES = ("Institute", "Company", "Agency", "Programme")
SOURCE_WEIGHT = {"gazetteer": 4, "rule": 2, "ner": 1, "anaphor": 0}
TYPE_ORDER = ("Person", "Cluster", "Institute", "Agency", "Programme", "Company")
DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class KnownEntity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    a: str
    b: str
    same: bool


@dataclass(frozen=True)
class Decisions:
    items: tuple[Decision, ...] = ()


def load_decisions(path: str | Path) -> Decisions:
    """Read ``{"a": ..., "b": ..., "decision": "same"|"different"}`` lines."""
    items: list[Decision] = []
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise InputError(f"cannot read decisions: {e}", source=str(p)) from e
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            d = json.loads(line)
            kind = d["decision"]
            if kind not in ("same", "different"):
                raise ValueError(f"decision must be 'same' or 'different', not {kind!r}")
            items.append(Decision(str(d["a"]), str(d["b"]), kind == "same"))
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as e:
            raise InputError(f"bad decision: {e}", source=str(p), line=n) from e
    return Decisions(tuple(items))


def namespace(entity_type: str) -> str:
    return "org" if entity_type in ORG_TYPES else entity_type


@dataclass
class _Node:
    key: tuple  # (doc_id, index) or ("known", id)
    type: str
    forms: set[str] = field(default_factory=set)  # normalised names
    mention: MentionFact | None = None
    doc: str = ""
    known: KnownEntity | None = None


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.tags: list[set[tuple[int, str]]] = [set() for _ in range(n)]

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ta, tb = self.tags[ra], self.tags[rb]
        for d, side in ta:
            if (d, "b" if side == "a" else "a") in tb:
                return False  # an analyst said these are different
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.tags[ra] |= self.tags[rb]
        return True


def resolve(
    facts: Iterable[DocFacts],
    *,
    known: Iterable[KnownEntity] = (),
    decisions: Decisions | None = None,
    fuzzy_threshold: float = 92.0,
) -> list[EntityRecord | RelationRecord]:
    """One EntityRecord per real-world entity and one RelationRecord per (type, source, target)."""
    docs = sorted(facts, key=lambda f: (f.doc_id, len(f.mentions), len(f.relations)))
    known_list = sorted(known, key=lambda k: k.id)

    # ---------------------------------------------------------------- nodes
    nodes: list[_Node] = []
    index: dict[tuple, int] = {}
    for f in docs:
        gaz_type = {m.gazetteer: m.type for m in f.mentions if m.source == "gazetteer" and m.gazetteer}
        for i, m in enumerate(f.mentions):
            typ = gaz_type.get(m.gazetteer, m.type) if m.gazetteer else m.type
            key = (f.doc_id, i)
            if key in index:
                continue
            forms = set()
            if m.source != "anaphor":
                forms.add(normalise_name(clean_surface(m.text)))
                forms.add(normalise_name(m.canonical))
                if m.acronym_of:
                    forms.add(normalise_name(m.acronym_of))
                if m.gazetteer:
                    forms.add(normalise_name(m.gazetteer))
            forms.discard("")
            index[key] = len(nodes)
            nodes.append(_Node(key, typ, forms, m, f.doc_id))
    for k in known_list:
        key = ("known", k.id)
        if key in index:
            continue
        forms = {normalise_name(x) for x in (k.name, *k.aliases)} - {""}
        index[key] = len(nodes)
        nodes.append(_Node(key, k.type, forms, None, "", k))

    uf = _UnionFind(len(nodes))
    edges: list[tuple[int, tuple, tuple]] = []  # (priority, key a, key b)

    # decisions: tags for "different", edges for "same"
    by_form: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_id: dict[str, list[int]] = defaultdict(list)
    for n, node in enumerate(nodes):
        for form in node.forms:
            by_form[(namespace(node.type), form)].append(n)
        if node.known is not None:
            by_id[node.known.id].append(n)
        elif node.mention is not None and node.mention.source != "anaphor":
            by_id[entity_id(node.type, node.mention.canonical)].append(n)
            by_id[entity_id(node.type, clean_surface(node.mention.text))].append(n)

    def matching(ref: str) -> list[int]:
        hits = set(by_id.get(ref, ()))
        norm = normalise_name(ref)
        for (ns, form), ns_nodes in by_form.items():
            if form == norm:
                hits.update(ns_nodes)
        return sorted(hits)

    if decisions is not None:
        for d_i, d in enumerate(decisions.items):
            a_nodes, b_nodes = matching(d.a), matching(d.b)
            if d.same:
                for a in a_nodes[:1]:
                    for b in b_nodes:
                        edges.append((0, nodes[a].key, nodes[b].key))
            else:
                for a in a_nodes:
                    uf.tags[a].add((d_i, "a"))
                for b in b_nodes:
                    uf.tags[b].add((d_i, "b"))

    # exact links
    for f in docs:
        for i, m in enumerate(f.mentions):
            if m.coref is not None and 0 <= m.coref < len(f.mentions):
                edges.append((1, (f.doc_id, i), (f.doc_id, m.coref)))
        # a surname alone stands for the full name met in the same document
        persons: dict[str, set[str]] = defaultdict(set)
        full_key: dict[str, tuple] = {}
        for i, m in enumerate(f.mentions):
            if m.type == "Person" and m.source != "anaphor":
                words = clean_surface(m.text).split()
                if len(words) >= 2:
                    persons[words[-1]].add(normalise_name(clean_surface(m.text)))
                    full_key.setdefault(normalise_name(clean_surface(m.text)), (f.doc_id, i))
        for i, m in enumerate(f.mentions):
            if m.type == "Person" and m.source != "anaphor" and len(clean_surface(m.text).split()) == 1:
                fulls = persons.get(clean_surface(m.text), set())
                if len(fulls) == 1:
                    edges.append((2, (f.doc_id, i), full_key[next(iter(fulls))]))
        edges.extend(_short_name_edges(f))
    for (ns, form), ns_nodes in sorted(by_form.items()):
        keys = sorted(nodes[n].key for n in ns_nodes if _same_kind(nodes[n].type, ns))
        for a, b in zip(keys, keys[1:]):
            edges.append((1, a, b))

    def apply(edge_list: list[tuple[int, tuple, tuple]]) -> None:
        for _, a, b in sorted(set(edge_list), key=lambda e: (e[0], _sortable(e[1]), _sortable(e[2]))):
            uf.union(index[a], index[b])

    apply(edges)

    # fuzzy links between groups of one namespace
    if fuzzy_threshold and fuzzy_threshold < 100:
        apply(_fuzzy_edges(nodes, uf, fuzzy_threshold))

    # ---------------------------------------------------------------- entities
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(nodes)):
        groups[uf.find(n)].append(n)

    ent_of_group: dict[int, EntityRecord] = {}
    records_by_id: dict[str, EntityRecord] = {}
    for root in sorted(groups, key=lambda r: _sortable(nodes[min(groups[r], key=lambda n: _sortable(nodes[n].key))].key)):
        members = groups[root]
        ments = [nodes[n] for n in members if nodes[n].mention is not None]
        knowns = sorted((nodes[n].known for n in members if nodes[n].known is not None), key=lambda k: k.id)
        if not ments:
            continue  # a known entity no document mentions
        if all(nd.mention.source == "anaphor" for nd in ments):
            continue
        etype = _vote_type(ments, knowns)
        if etype not in SCHEMA.entity_types:
            continue
        name, aliases, wikidata = _names(ments, knowns)
        eid = knowns[0].id if knowns else entity_id(etype, name)
        rec = records_by_id.get(eid)
        if rec is None:
            rec = EntityRecord(id=eid, type=etype, name=name)
            records_by_id[eid] = rec
            if knowns:
                rec.aliases = sorted(set(aliases) | {a for k in knowns for a in (k.name, *k.aliases)} - {name})
            else:
                rec.aliases = aliases
        else:
            rec.aliases = sorted(set(rec.aliases) | set(aliases) - {rec.name})
        if wikidata and "wikidata" not in rec.props:
            rec.props["wikidata"] = wikidata
        rec.mentions = sorted(
            set(rec.mentions) | {Mention(nd.doc, nd.mention.start, nd.mention.end) for nd in ments if nd.mention.source != "anaphor"},
            key=lambda m: (m.doc, m.start, m.end),
        )
        ent_of_group[root] = rec

    # ---------------------------------------------------------------- relations
    rels: dict[tuple[str, str, str], dict] = {}
    for f in docs:
        for r in f.relations:
            ka, kb = (f.doc_id, r.source), (f.doc_id, r.target)
            if ka not in index or kb not in index:
                continue
            ea = ent_of_group.get(uf.find(index[ka]))
            eb = ent_of_group.get(uf.find(index[kb]))
            if ea is None or eb is None or ea.id == eb.id:
                continue
            if SCHEMA.check_relation(r.type, ea.type, eb.type) is not None:
                continue
            src, tgt = ea.id, eb.id
            if SCHEMA.relation_types[r.type].symmetric and tgt < src:
                src, tgt = tgt, src
            slot = rels.setdefault((r.type, src, tgt), {"conf": 0.0, "methods": set(), "evidence": set()})
            slot["conf"] = max(slot["conf"], r.confidence)
            slot["methods"].add(r.method)
            slot["evidence"].add(Evidence(f.doc_id, r.sent_start, r.sent_end, r.sentence, r.page))

    out: list[EntityRecord | RelationRecord] = sorted(records_by_id.values(), key=lambda e: e.id)
    for (rtype, src, tgt), slot in sorted(rels.items()):
        out.append(
            RelationRecord(
                type=rtype,
                source=src,
                target=tgt,
                confidence=round(slot["conf"], 3),
                method="+".join(sorted(slot["methods"])),
                evidence=sorted(slot["evidence"], key=lambda e: (e.doc, e.start, e.end)),
            )
        )
    return out


def _short_name_edges(f: DocFacts) -> list[tuple[int, tuple, tuple]]:
    """"Sadeem" after "Sadeem Analytics", "Allen School" after "Paul G. Allen School of ...": one entity."""
    names: dict[str, tuple[list[str], int, MentionFact]] = {}
    for i, m in enumerate(f.mentions):
        if m.source == "anaphor" or m.type not in ORG_TYPES or m.acronym_of:
            continue
        n = normalise_name(clean_surface(m.text))
        if n and n not in names:
            names[n] = (n.split(), i, m)
    edges = []
    for short, (sw, si, sm) in sorted(names.items()):
        hosts = []
        for long, (lw, li, lm) in sorted(names.items()):
            if len(lw) <= len(sw) or (sm.gazetteer and sm.gazetteer != lm.gazetteer):
                continue
            if len(sw) == 1:
                ok = lw[0] == sw[0]
            else:
                ok = any(lw[k:k + len(sw)] == sw for k in range(len(lw) - len(sw) + 1)) and (lw[:len(sw)] == sw or sw[-1] == lw[-1] or sw[-1] in lw[len(sw):])
            if ok:
                hosts.append(long)
        # one host, or several that are one entity already (same gazetteer entry)
        if hosts and len({names[h][2].gazetteer or h for h in hosts}) == 1:
            edges.append((2, (f.doc_id, si), (f.doc_id, names[hosts[0]][1])))
        elif len(sw) > 1 and hosts:
            longest = max(hosts, key=lambda h: (len(names[h][0]), h))
            edges.append((2, (f.doc_id, si), (f.doc_id, names[longest][1])))
    return edges


def _same_kind(node_type: str, ns: str) -> bool:
    return namespace(node_type) == ns


def _sortable(key: tuple) -> tuple:
    return tuple((0, x) if isinstance(x, int) else (1, str(x)) for x in key)


def _vote_type(ments: list[_Node], knowns: list[KnownEntity]) -> str:
    if knowns:
        return knowns[0].type
    score: Counter[str] = Counter()
    for nd in ments:
        score[nd.type] += SOURCE_WEIGHT.get(nd.mention.source, 1) + (2 if nd.mention.acronym_of else 0)
    best = max(score.values())
    return min((t for t, s in score.items() if s == best), key=lambda t: TYPE_ORDER.index(t) if t in TYPE_ORDER else 99)


def _names(ments: list[_Node], knowns: list[KnownEntity]) -> tuple[str, list[str], str]:
    gaz = Counter(nd.mention.gazetteer for nd in ments if nd.mention.gazetteer)
    wikidata = ""
    for nd in sorted(ments, key=lambda n: _sortable(n.key)):
        if nd.mention.wikidata:
            wikidata = nd.mention.wikidata
            break
    forms: Counter[str] = Counter()
    acronyms: set[str] = set()
    for nd in ments:
        m = nd.mention
        if m.source == "anaphor":
            continue
        surface = clean_surface(m.text)
        if surface:
            forms[surface] += 1
            if m.acronym_of and normalise_name(m.acronym_of) != normalise_name(surface):
                acronyms.add(surface)
        if m.acronym_of:
            forms[clean_surface(m.acronym_of)] += 0
    if knowns:
        name = knowns[0].name
    elif gaz:
        name = sorted(gaz.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    else:
        def rank(item: tuple[str, int]) -> tuple:
            s, c = item
            return (s in acronyms or (s.isupper() and len(s) <= 6), -(len(s.split()) > 1), -c, -len(s), s)

        name = sorted(forms.items(), key=rank)[0][0]
    seen = {normalise_name(name)}
    aliases = []
    for s in sorted(forms):
        n = normalise_name(s)
        if n and n not in seen:
            seen.add(n)
            aliases.append(s)
    return name, aliases, wikidata


def _fuzzy_edges(nodes: list[_Node], uf: _UnionFind, threshold: float) -> list[tuple[int, tuple, tuple]]:
    from rapidfuzz import fuzz, process

    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(nodes)):
        groups[uf.find(n)].append(n)
    # one representative name per group and namespace: its longest normalised form
    reps: dict[str, list[tuple[str, tuple, int]]] = defaultdict(list)
    for root, members in groups.items():
        ns_forms: dict[str, set[str]] = defaultdict(set)
        for n in members:
            ns_forms[namespace(nodes[n].type)] |= nodes[n].forms
        key = min((nodes[n].key for n in members), key=_sortable)
        for ns, forms in ns_forms.items():
            for form in forms:
                if len(form) >= 6 and " " in form or (ns == "org" and len(form) >= 8):
                    reps[ns].append((form, key, root))
    edges: list[tuple[int, tuple, tuple]] = []
    for ns, items in sorted(reps.items()):
        if ns == "Person":
            continue
        items.sort(key=lambda x: (x[0], _sortable(x[1])))
        names = [x[0] for x in items]
        if len(names) < 2:
            continue
        # block by first letter to keep the matrix small
        blocks: dict[str, list[int]] = defaultdict(list)
        for i, nm in enumerate(names):
            blocks[nm[:1]].append(i)
        for _, idx in sorted(blocks.items()):
            if len(idx) < 2:
                continue
            sub = [names[i] for i in idx]
            matrix = process.cdist(sub, sub, scorer=fuzz.ratio, score_cutoff=threshold)
            for a in range(len(sub)):
                for b in range(a + 1, len(sub)):
                    if matrix[a][b] and items[idx[a]][2] != items[idx[b]][2]:
                        if DIGITS.findall(sub[a]) != DIGITS.findall(sub[b]):
                            continue
                        edges.append((3, items[idx[a]][1], items[idx[b]][1]))
    return edges
