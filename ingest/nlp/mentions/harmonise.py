"""Stages 7 and 9, harmonise: one name keeps one type in a text; list members the NER misread follow the list."""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env
from aikg.ingest.nlp.mentions.campus_names import campus_names
from aikg.ingest.nlp.token_index import TokenIndex


def harmonise_names(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """One name, one type in a text: what the text says about it wins, else the majority of readings."""
    campus_names(doc, cands, env)  # "ETH Zurich", "KU Leuven": an acronym and a town the text names
    groups: dict[str, list[Candidate]] = {}
    for s in cands:
        if s.source in ("ner", "rule") and s.acronym_of is None and s.entry is None:
            groups.setdefault(TokenIndex.of(doc).span_text(s.start, s.end), []).append(s)
    for group in groups.values():
        for s in group:
            cue = env.typer.org_cue(doc, s.start, s.end) if s.type == "Person" and not s.ctx_typed else None
            if cue is not None:
                s.type, s.ctx_typed = cue, True  # "Partner at Halden Seed" said once: a body everywhere
        types = {s.type for s in group}
        if len(types) < 2:
            continue
        said = [s.type for s in group if s.ctx_typed]
        best = said[0] if said else _place_over_guess(doc, group, env) or _majority(group)
        for s in group:
            s.type = best
            s.place = best == "Cluster" and s.place
    return cands


def _place_over_guess(doc: Any, group: list[Candidate], env: Env) -> str | None:
    """"a Copenhagen start-up" (a place) and "why Copenhagen is ..." (an organisation only by default): a place."""
    words = [t.text for t in doc[group[0].start:group[0].end]]
    if not any(s.type == "Cluster" for s in group) or env.typer.type_of_name(words) is not None:
        return None
    others = {s.type for s in group if s.type != "Cluster"}
    return "Cluster" if others == {env.lex.default_org} else None


def _majority(group: list[Candidate]) -> str:
    votes: dict[str, int] = {}
    for s in group:
        votes[s.type] = votes.get(s.type, 0) + 1
    top = max(votes.values())
    tied = sorted(k for k, v in votes.items() if v == top)
    return "Person" if "Person" in tied else tied[0]


def harmonise_lists(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """In "Qualcomm, NXP Semiconductors and Ambarella" a name the NER read as a person is a company too; in a list
    of people a plain name the NER read as an organisation is a person."""
    gaps = set(env.words.list_gaps)
    runs: list[list[Candidate]] = []
    longest = max(len(g) for g in gaps)
    for a, b in zip(cands, cands[1:]):
        if not 0 < b.start - a.end <= longest:
            continue
        gap = tuple(t.lower_ for t in doc[a.end:b.start])
        if gap in gaps:
            if runs and runs[-1][-1] is a:
                runs[-1].append(b)
            else:
                runs.append([a, b])
    for run in runs:
        _people_list(doc, run, env)
        known = [s.type for s in run if s.type in ORG_TYPES]
        if len(known) < 2 or len(set(known)) != 1:
            continue
        for s in run:
            if s.source == "ner" and s.type == "Person" and s.end - s.start == 1:
                s.type = known[0]
    return cands


def _people_list(doc: Any, run: list[Candidate], env: Env) -> None:
    """"founders, Ifeoma Nwosu and Gabe Sandoval": a two- or three-word name with no organisation word, listed
    with people only, is a person too."""
    people = [s for s in run if s.type == "Person"]
    others = [s for s in run if s.type != "Person"]
    if not people or not others or not {"and", "or"} & {t.lower_ for t in doc[run[-2].end:run[-1].start]}:
        return  # "Tomás Ibarra, Hakata Vision, Fukuoka" is a roster line, not a list of people
    for s in others:
        words = TokenIndex.of(doc).text[s.start:s.end]
        if s.source != "ner" or s.ctx_typed or not 2 <= len(words) <= 3 or not all(t.is_title for t in doc[s.start:s.end]) \
                or env.typer.type_of_name(words) is not None:
            return
    for s in others:
        s.type = "Person"
