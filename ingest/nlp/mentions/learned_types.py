"""Last naming stage (before anaphors): the learned entity typer retypes or drops an entity when its probability is clear.

Why: typing rules fitted to dev did not move unseen typing; a model over general evidence may. Each entity
of the chunk (its mentions pooled by normalised name) is typed by the model of
:mod:`aikg.ingest.nlp.entity_type_model`: another type whose probability clears the ``retype`` threshold
replaces the rules' type, NONE clearing the (higher) ``drop`` threshold drops it. A gazetteer-listed entity
is never touched. Relations are found after this stage, so they are read with the new types.
``AIKG_LEARNED_TYPES=off`` (or ``ExtractConfig(learned_types="off")``) switches it off.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from aikg.core.ids import normalise_name
from aikg.ingest.nlp.entity_type_model import DROP, RETYPE, model_for
from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.learned_type_features import group_features


def entity_groups(doc: Any, cands: list[Candidate], env: Env) -> dict[str, list[Candidate]]:
    """The chunk's named mentions (no anaphors) grouped by normalised name, in order of first mention."""
    groups: dict[str, list[Candidate]] = {}
    for c in sorted(cands, key=lambda s: (s.start, s.end)):
        if c.source == "anaphor":
            continue
        key = normalise_name(env.canonical_of(doc, c))
        if key:
            groups.setdefault(key, []).append(c)
    return groups


def learned_types(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Retype or drop entities the model is sure about (no change when the setting is off)."""
    sink = model_for(env.learned_types)
    if sink is None or not cands:
        return cands
    groups = entity_groups(doc, cands, env)
    if not groups:
        return cands
    keys = list(groups)
    rows, dense = [], []
    for k in keys:
        f, v = group_features(doc, groups[k], env, env.canonical_of(doc, groups[k][0]))
        rows.append(f)
        dense.append(v)
    info = [{"name": env.canonical_of(doc, groups[k][0]),
             "spans": [(doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)) for c in groups[k]]}
            for k in keys]
    types = [groups[k][0].type for k in keys]
    listed = [any(c.entry is not None for c in groups[k]) for k in keys]
    decisions = sink.decide_groups(rows, np.array(dense), types, listed, info)
    dropped: set[int] = set()
    for k, (action, typ) in zip(keys, decisions):
        if action == DROP:
            dropped.update(id(c) for c in groups[k])
        elif action == RETYPE:
            members = {id(c) for c in groups[k]}
            for c in cands:
                if id(c) in members or (c.source == "anaphor" and c.coref is not None and id(c.coref) in members):
                    c.type = typ
    return [c for c in cands if id(c) not in dropped] if dropped else cands
