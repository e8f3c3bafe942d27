"""RUNS in two more forms of programme pages, conference programmes and news (issue 14).

Read from the text and its mentions (no parse):

* a co-runner after "with": "the Registan Start-up Track, a programme that SSIDT runs with the Tashkent accelerator
  Mustaqil Ventures", "the Ministry runs it together with the provincial development bank, Sindh Growth Bank",
  "which UTL operates jointly with Orrin Labs" (the programme is the nearest one named before the verb, or the one
  programme of the sentence before when the object is "it");
* a programme noun with its runner in apposition: "a grant from the West Africa Research Fund, a grant scheme run by
  the Sika Foundation"; a co-runner fronted: "With the Kumasi Innovation Office, the consortium administers the X";
* a programme noun of an organisation in apposition: "Acuicultura 4.0, a credit line of the public development bank,
  Banco de Fomento del Litoral", "Semilla Digital, a seed grant of the Corporacion Uruguaya de Tecnologia".

Near-misses that must not fire: "runs with funding from Y" / "with support from Y" (a funder), "runs with three
staff", "a grantee of the X programme", "a member of Y". Words: ``data/lexicon/runs_co_runners.json``.
"""

from __future__ import annotations

import re
from typing import Sequence

from aikg.ingest.nlp.lexicon import alternation, lexicon_data
from aikg.ingest.nlp.records import MentionFact
from aikg.ingest.nlp.sentence_spans import sentence_spans

RUNNERS = ("Institute", "Company", "Agency")
Rel = tuple[str, int, int, int, int, str]
WORDS = "runs_co_runners.json"  # the runner forms' word lists


def _alts(key: str) -> str:
    return alternation(lexicon_data(WORDS)[key])


def runs_co_runners(text: str, off: int, mentions: Sequence[MentionFact]) -> list[Rel]:
    """("RUNS", runner, programme, evidence start, evidence end, method) for the forms above."""
    low = text.lower()
    if "with " not in low and " of " not in low and " by " not in low:
        return []
    at = {m.start: i for i, m in reversed(list(enumerate(mentions))) if m.source != "anaphor"}
    ends = {m.end: i for i, m in enumerate(mentions) if m.source != "anaphor"}
    out: list[Rel] = []
    prev = None
    for a, b, sent in sentence_spans(text, off):
        if b - a >= 12:
            _co_runner(sent, a, b, prev, mentions, at, out)
            _programme_of(sent, a, b, mentions, at, ends, out)
            _apposed_run_by(sent, a, b, mentions, at, ends, out)
            _fronted_with(sent, a, b, mentions, at, out)
        prev = (a, b)
    return out


def _runner_at(rest: str, pos: int, mentions: Sequence[MentionFact], at: dict[int, int]) -> int | None:
    """An organisation opening ``rest`` after an article and up to four describing words ("the Tashkent accelerator
    Mustaqil Ventures", "the provincial development bank, Sindh Growth Bank")."""
    for k in range(0, 5):
        w = re.match(r"(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+(?:\s+|,\s+)){" + str(k) + r"}", rest)
        if w is None or "," in w.group(0)[:-2]:
            return None  # a comma only right before the name ("the development bank, Y")
        i = at.get(pos + w.end())
        if i is not None and mentions[i].type in RUNNERS:
            return i
    return None


def _co_runner(sent: str, a: int, b: int, prev: tuple[int, int] | None, mentions: Sequence[MentionFact],
               at: dict[int, int], out: list[Rel]) -> None:
    """"... a programme that A runs with B", "A runs it together with B": B runs the programme too."""
    pat = r"\b(?:" + _alts("verbs") + r")\s+(it\s+)?(?:(?:" + _alts("manner") + r")\s+)?with\s+"
    for m in re.finditer(pat, sent):
        if re.match(r"(?:" + _alts("not_runners") + r")\b", sent[m.end():], flags=re.I):
            continue
        runner = _runner_at(sent[m.end():], a + m.end(), mentions, at)
        if runner is None:
            continue
        progs = [i for i, x in enumerate(mentions) if a <= x.start and x.end <= a + m.start()
                 and x.type == "Programme" and x.source != "anaphor"]
        if m.group(1) and not progs and prev is not None:
            progs = [i for i, x in enumerate(mentions) if prev[0] <= x.start < prev[1] and x.type == "Programme"
                     and x.source != "anaphor"]
        if progs and len({mentions[i].canonical for i in progs}) == 1 or progs and not m.group(1):
            out.append(("RUNS", runner, progs[-1], a, b, "rule:w15-co-runner"))


def _programme_of(sent: str, a: int, b: int, mentions: Sequence[MentionFact], at: dict[int, int],
                  ends: dict[int, int], out: list[Rel]) -> None:
    """"Acuicultura 4.0, a credit line of the public development bank, Banco de Fomento del Litoral"."""
    pat = r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:" + _alts("programme_nouns") + r")\s+of\s+"
    _runner_after(pat, "rule:w15-programme-of", sent, a, b, mentions, at, ends, out)


def _apposed_run_by(sent: str, a: int, b: int, mentions: Sequence[MentionFact], at: dict[int, int],
                    ends: dict[int, int], out: list[Rel]) -> None:
    """"a grant from the X Fund, a grant scheme run by the Y Foundation": the apposition names the fund's runner
    (the funder chain "financed by F, administered by A" does not apply: the programme stands right before it)."""
    pat = r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:" + _alts("programme_nouns") + r")\s+(?:" + _alts("participles") \
        + r")\s+(?:(?:jointly|locally)\s+)?by\s+"
    _runner_after(pat, "rule:w15-apposed-run-by", sent, a, b, mentions, at, ends, out)


def _runner_after(pat: str, method: str, sent: str, a: int, b: int, mentions: Sequence[MentionFact],
                  at: dict[int, int], ends: dict[int, int], out: list[Rel]) -> None:
    """RUNS(runner, programme) where ``pat`` matches right after a Programme's name and a runner opens what follows."""
    for m in re.finditer(pat, sent):
        prog = ends.get(a + m.start())
        if prog is None or mentions[prog].type != "Programme":
            continue
        runner = _runner_at(sent[m.end():], a + m.end(), mentions, at)
        if runner is not None:
            out.append(("RUNS", runner, prog, a, b, method))


def _fronted_with(sent: str, a: int, b: int, mentions: Sequence[MentionFact], at: dict[int, int],
                  out: list[Rel]) -> None:
    """"With the Kumasi Innovation Office, the consortium also administers the X Challenge": a co-runner fronted."""
    m = re.match(r"\s*(?:Together\s+with|With|Jointly\s+with)\s+", sent)
    if m is None or re.match(r"(?:" + _alts("not_runners") + r")\b", sent[m.end():], flags=re.I):
        return  # "With funding from Y, ..." names a funder
    runner = _runner_at(sent[m.end():], a + m.end(), mentions, at)
    if runner is None:
        return
    verb = re.compile(r",\s+[^,;]{2,60}?\b(?:" + _alts("verbs") + r")\s+(?:the\s+|its\s+)?")
    v = verb.match(sent, mentions[runner].end - a)
    if v is None:
        return
    prog = at.get(a + v.end())
    if prog is not None and mentions[prog].type == "Programme":
        out.append(("RUNS", runner, prog, a, b, "rule:w15-fronted-with"))
