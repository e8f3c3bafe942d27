"""From groups to interchange records: one EntityRecord per group, one RelationRecord per (type, ends)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from aikg.core.facts import EntityRecord, Evidence, Mention, RelationRecord
from aikg.core.ids import entity_id
from aikg.core.schema import SCHEMA
from aikg.ingest.nlp.records import DocFacts
from aikg.ingest.nlp.resolution.decisions import KnownEntity
from aikg.ingest.nlp.resolution.links import trusted_acronym
from aikg.ingest.nlp.resolution.listed import listed_name
from aikg.ingest.nlp.resolution.nodes import Node

SOURCE_WEIGHT = {"gazetteer": 4, "rule": 2, "ner": 1, "anaphor": 0}
TYPE_ORDER = ("Person", "Cluster", "Institute", "Agency", "Programme", "Company")
from aikg.ingest.nlp.resolution.names import clean, norm


def _sortable(key: tuple) -> tuple:
    return tuple((0, x) if isinstance(x, int) else (1, str(x)) for x in key)


def vote_type(ments: Sequence[Node], knowns: Sequence[KnownEntity]) -> str:
    """The known entity's type, else a vote weighted by how each mention was typed."""
    if knowns:
        return knowns[0].type
    score: Counter[str] = Counter()
    for nd in ments:
        score[nd.type] += SOURCE_WEIGHT.get(nd.mention.source, 1) + (2 if nd.mention.acronym_of else 0)
    best = max(score.values())
    return min((t for t, s in score.items() if s == best), key=lambda t: TYPE_ORDER.index(t) if t in TYPE_ORDER else 99)


def _surface_forms(ments: Sequence[Node]) -> tuple[Counter[str], set[str]]:
    forms: Counter[str] = Counter()
    acronyms: set[str] = set()
    for nd in ments:
        m = nd.mention
        if m.source == "anaphor":
            continue
        surface = clean(m.text)
        if surface:
            forms[surface] += 1
            if m.acronym_of and norm(m.acronym_of) != norm(surface):
                acronyms.add(surface)
        if trusted_acronym(m):
            forms[clean(m.acronym_of)] += 0
    return forms, acronyms


def choose_names(ments: Sequence[Node], knowns: Sequence[KnownEntity]) -> tuple[str, list[str], str]:
    """Canonical name (known, gazetteer, else the most frequent multi-word full form), aliases, Wikidata QID."""
    gaz = Counter(listed_name(nd.mention) for nd in ments if listed_name(nd.mention))
    with_qid = [nd for nd in ments if nd.mention.wikidata and (listed_name(nd.mention) or not nd.mention.gazetteer)]
    wikidata = min(with_qid, key=lambda n: _sortable(n.key)).mention.wikidata if with_qid else ""
    forms, acronyms = _surface_forms(ments)
    if knowns:
        name = knowns[0].name
    elif gaz:
        name = sorted(gaz.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    else:
        def rank(item: tuple[str, int]) -> tuple:
            s, c = item
            return (s in acronyms or (s.isupper() and len(s) <= 6), -(len(s.split()) > 1), -c, -len(s), s)

        name = sorted(forms.items(), key=rank)[0][0]
    seen = {norm(name)}
    aliases = []
    for s in sorted(forms):
        n = norm(s)
        if n and n not in seen:
            seen.add(n)
            aliases.append(s)
    return name, aliases, wikidata


def entity_records(groups: dict[int, list[int]], nodes: list[Node]) -> tuple[dict[str, EntityRecord], dict[int, EntityRecord]]:
    """Records by id, and the record of each group (groups with no real mention give none)."""
    by_id: dict[str, EntityRecord] = {}
    of_group: dict[int, EntityRecord] = {}
    for root in sorted(groups, key=lambda r: min(groups[r])):  # node order is input order: documents, then known
        ments = [nodes[n] for n in groups[root] if nodes[n].mention is not None]
        knowns = sorted((nodes[n].known for n in groups[root] if nodes[n].known is not None), key=lambda k: k.id)
        if not ments or all(nd.mention.source == "anaphor" for nd in ments):
            continue
        etype = vote_type(ments, knowns)
        if etype not in SCHEMA.entity_types:
            continue
        name, aliases, wikidata = choose_names(ments, knowns)
        eid = knowns[0].id if knowns else entity_id(etype, name)
        rec = by_id.get(eid)
        if rec is None:
            rec = by_id[eid] = EntityRecord(id=eid, type=etype, name=name)
            known_forms = {a for k in knowns for a in (k.name, *k.aliases)}
            rec.aliases = sorted(set(aliases) | known_forms - {name}) if knowns else aliases
        else:
            rec.aliases = sorted(set(rec.aliases) | set(aliases) - {rec.name})
        if wikidata and "wikidata" not in rec.props:
            rec.props["wikidata"] = wikidata
        new = {Mention(nd.doc, nd.mention.start, nd.mention.end) for nd in ments if nd.mention.source != "anaphor"}
        rec.mentions = sorted(set(rec.mentions) | new, key=lambda m: (m.doc, m.start, m.end))
        of_group[root] = rec
    return by_id, of_group


def relation_records(docs: Sequence[DocFacts], index: dict[tuple, int], record_of: dict[int, EntityRecord]) -> list[RelationRecord]:
    """One record per (type, source, target) over all documents; ``record_of`` maps a node to its entity."""
    rels: dict[tuple[str, str, str], dict] = {}
    for f in docs:
        for r in f.relations:
            a, b = index.get((f.doc_id, r.source)), index.get((f.doc_id, r.target))
            ea = record_of.get(a) if a is not None else None
            eb = record_of.get(b) if b is not None else None
            if ea is None or eb is None or ea.id == eb.id or SCHEMA.check_relation(r.type, ea.type, eb.type) is not None:
                continue
            src, tgt = ea.id, eb.id
            if SCHEMA.relation_types[r.type].symmetric and tgt < src:
                src, tgt = tgt, src
            slot = rels.setdefault((r.type, src, tgt), {"conf": 0.0, "methods": set(), "evidence": {}})
            slot["conf"] = max(slot["conf"], r.confidence)
            slot["methods"].add(r.method)
            # each sentence keeps the rules that found it there and their best confidence
            said = slot["evidence"].setdefault((f.doc_id, r.sent_start, r.sent_end, r.sentence, r.page), [set(), 0.0])
            said[0].add(r.method)
            said[1] = max(said[1], r.confidence)
    return [RelationRecord(type=t, source=s, target=g, confidence=round(v["conf"], 3), method="+".join(sorted(v["methods"])),
                           evidence=[Evidence(*key, method="+".join(sorted(m)), confidence=round(c, 3))
                                     for key, (m, c) in sorted(v["evidence"].items(), key=lambda kv: kv[0][:3])])
            for (t, s, g), v in sorted(rels.items())]
