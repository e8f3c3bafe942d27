"""A short name that is only the start of a longer one: "Amazon Science" in "the UW and Amazon Science Hub".

A gazetteer match (or a short NER name) followed by capitalised words that end in an organisation head noun
("Hub", "Centre", "Institute", "Lab", "Programme", "Agency") is part of that longer name, which the name runs
then find and type by its head. "the X and Y Z Hub" with one word before "and" names one body ("the Knut and
Alice Wallenberg Foundation", "the UW and Amazon Science Hub"), not two.
"""

from __future__ import annotations

from typing import Any

from aikg.ingest.nlp.mentions.base import Env

#: at most this many capitalised words between the short name and the head noun
MAX_GAP = 4


def head_nouns(env: Env) -> frozenset[str]:
    """Last words that end an organisation or programme name (institute, agency and programme heads)."""
    lex = env.lex
    return lex.institute_words | lex.agency_last | lex.programme_last | env.typer.institute_last


def _same_line(doc: Any, k: int) -> bool:
    return "\n" not in doc[k - 1].whitespace_ and not doc[k].is_space and not doc[k].is_sent_start


def head_after(doc: Any, end: int, env: Env) -> int | None:
    """End of the capitalised words right after ``end`` when they finish in a head noun ("... Science | Hub"), else None."""
    heads = head_nouns(env)
    n = len(doc)
    k = end
    while k < n and k < end + MAX_GAP and _same_line(doc, k) and doc[k].text[:1].isupper() and doc[k].is_alpha:
        if doc[k].lower_ in heads and (k + 1 >= n or not (doc[k + 1].text[:1].isupper() and doc[k + 1].is_alpha)):
            return k + 1
        k += 1
    return None


def joined_name(doc: Any, start: int, end: int, env: Env) -> int | None:
    """"the UW | and Amazon Science Hub": one word after "the", then "and" and a capitalised name ending in an
    institute head; the end of the whole name, else None."""
    if end - start != 1 or start == 0 or doc[start - 1].lower_ != "the" or end + 2 >= len(doc):
        return None
    if doc[end].lower_ != "and" or not doc[end + 1].text[:1].isupper() or not _same_line(doc, end + 1):
        return None
    stop = head_after(doc, end + 1, env)
    if stop is None or stop - (end + 1) < 2:
        return None
    last = doc[stop - 1].lower_
    return stop if last in env.lex.institute_words or last in env.typer.institute_last else None


def is_start_of_longer(doc: Any, start: int, end: int, env: Env) -> bool:
    """Is doc[start:end] only the first part of a longer name ending in an organisation head noun?"""
    return head_after(doc, end, env) is not None or joined_name(doc, start, end, env) is not None
