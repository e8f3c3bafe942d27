"""Links inside one document: what the text itself says is one entity.

An apposition or anaphor (``coref``), an acronym and its expansion, a surname after the full
name, a short form after the one longer name that contains it ("Sadeem" after "Sadeem
Analytics"). The mention that stands for another is marked ``dependent``: its own words then
join other documents only through the entity it stands for, so "Vector" meaning Vector
Capital in one document and Vector Institute in another does not join the two.
"""

from __future__ import annotations

from collections import defaultdict

from aikg.ingest.nlp.records import DocFacts, MentionFact
from aikg.ingest.nlp.resolution.listed import listed_name
from aikg.ingest.nlp.resolution.names import clean, match_key, name_tokens, norm
from aikg.ingest.nlp.resolution.nodes import ORG_TYPES, Node

Edge = tuple[int, int]  # node indices: (the mention that stands for another, the one it stands for)


def explicit_edges(f: DocFacts, index: dict[tuple, int], nodes: list[Node]) -> list[Edge]:
    """Apposition/anaphor links and acronym -> expansion links stated in the text."""
    edges: list[Edge] = []
    by_key: dict[str, int] = {}
    for i, m in enumerate(f.mentions):
        nd = nodes[index[(f.doc_id, i)]]
        if m.source != "anaphor" and not m.acronym_of and nd.tokens:
            by_key.setdefault(match_key(nd.surface), i)
    for i, m in enumerate(f.mentions):
        if m.coref is not None and 0 <= m.coref < len(f.mentions) and m.coref != i:
            edges.append((index[(f.doc_id, i)], index[(f.doc_id, m.coref)]))
        elif m.acronym_of and trusted_acronym(m):
            host = by_key.get(match_key(name_tokens(m.acronym_of)))
            if host is not None and host != i and nodes[index[(f.doc_id, host)]].ns == nodes[index[(f.doc_id, i)]].ns:
                edges.append((index[(f.doc_id, i)], index[(f.doc_id, host)]))
    return edges


def trusted_acronym(m: MentionFact) -> bool:
    """An acronym link counts unless the gazetteer says the short form is another entity and the document's
    expansion is a form of that entity (a document that defines the acronym otherwise wins: ``listed_name``)."""
    listed = listed_name(m)
    return bool(m.acronym_of) and (not listed or name_tokens(listed) == name_tokens(m.acronym_of))


def surname_edges(f: DocFacts, index: dict[tuple, int]) -> list[Edge]:
    """A surname alone stands for the one full name with that surname in the same document; failing that, a
    given name alone ("Naledi has built ...") for the one full name it opens."""
    fulls: dict[str, set[str]] = defaultdict(set)
    givens: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for i, m in enumerate(f.mentions):
        words = clean(m.text).split()
        if m.type == "Person" and m.source != "anaphor" and len(words) >= 2:
            fulls[words[-1]].add(" ".join(words))
            givens[words[0]].add(" ".join(words))
            first.setdefault(" ".join(words), i)
    edges: list[Edge] = []
    for i, m in enumerate(f.mentions):
        words = clean(m.text).split()
        if m.type != "Person" or m.source == "anaphor" or len(words) != 1:
            continue
        hosts = fulls.get(words[0]) or givens.get(words[0], set())
        if len(hosts) == 1:
            edges.append((index[(f.doc_id, i)], index[(f.doc_id, first[next(iter(hosts))])]))
    return edges


def _hosts(short: tuple[str, ...], longs: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    if len(short) == 1:
        return [lw for lw in longs if lw[0] == short[0]]
    out = []
    for lw in longs:
        inside = any(lw[k:k + len(short)] == short for k in range(len(lw) - len(short) + 1))
        if inside and (lw[:len(short)] == short or short[-1] == lw[-1] or short[-1] in lw[len(short):]):
            out.append(lw)
    return out


def short_name_edges(f: DocFacts, index: dict[tuple, int], nodes: list[Node]) -> list[Edge]:
    """"Sadeem" after "Sadeem Analytics", "Allen School" after "Paul G. Allen School of ...": one entity."""
    names: dict[tuple[str, ...], int] = {}
    written: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, m in enumerate(f.mentions):
        words = tuple(norm(clean(m.text)).split())  # as written: "Inc." keeps a name whole
        if m.source != "anaphor" and m.type in ORG_TYPES and not m.acronym_of and words:
            written[words].append(i)
            names.setdefault(words, i)
    by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for name in sorted(names):
        for w in set(name):
            by_word[w].append(name)
    edges: list[Edge] = []
    for short, si in sorted(names.items()):
        sm = f.mentions[si]
        longs = [lw for lw in by_word[short[0]] if len(lw) > len(short)
                 and not (listed_name(sm) and listed_name(sm) != listed_name(f.mentions[names[lw]]))]
        hosts = _hosts(short, longs)
        if not hosts:
            continue
        if len({listed_name(f.mentions[names[h]]) or h for h in hosts}) == 1:
            host = hosts[0]
        elif len(short) > 1:
            host = max(hosts, key=lambda h: (len(h), h))
        else:
            continue
        target = index[(f.doc_id, names[host])]
        edges.extend((index[(f.doc_id, i)], target) for i in written[short])  # every mention written this way
    return edges
