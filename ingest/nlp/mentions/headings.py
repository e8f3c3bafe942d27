"""Stage 5, headings: a name found by NER or rule that fills a whole line is a heading ("Research Collaborations")."""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import Candidate, DocContext, Env


def drop_headings(doc: Any, cands: list[Candidate], env: Env, ctx: DocContext) -> list[Candidate]:
    """Drop non-gazetteer candidates that are alone on their line (an optional "The" before them)."""
    text = doc.text
    out = []
    for s in cands:
        if s.source not in ("gazetteer",) and s.acronym_of is None:
            a, b = doc[s.start].idx, doc[s.end - 1].idx + len(doc[s.end - 1].text)
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            line_end = len(text) if line_end < 0 else line_end
            if text[line_start:a].strip() in ("", "The", "the") and text[b:line_end].strip(" :.") == "":
                continue
        out.append(s)
    return out
