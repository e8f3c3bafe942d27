"""Line-kind breaks: a line of page furniture is a sentence of its own, whatever its length (issue 14, unseen pages).

Why: the entity pass ended a sentence at a single line break only after a short line (``pipeline.SHORT_LINE``), so
the long lines of published pages ran on into the next line as one sentence: "Lead agency: National Agricultural
Digitalisation Authority (NADA)" + "Funded by: Government of Uganda; ..." read as one sentence gave FUNDS from the
letterhead government to the agency, a parse edge across two facts of a fact sheet; a panel's speaker lines ("Dr A,
Director, X" / "B, Chairman, Y") gave AFFILIATED_WITH(A, Y). Fact sheets, infoboxes, programme pages, conference
programmes and press releases write such lines everywhere, each one fact or one item. A reader tells them from prose
by their form, never by their length:

* a label line: a short label and a colon, then its value ("Funded by: ...", "Key people: ...", "3. Grantee: ...",
  "Moderator: ...", "Related: ...", "Media contact: ...") -- not a clock time ("09:30") or an address ("https:");
* a cell line: cells parted by bars, middle dots, bullets or breadcrumb arrows ("Recipient | Town | Award", "Posted
  by A · 9 April 2025 · 6 min read", "Home › Programmes › X", "A — Town — founded 2019 — backed by B");
* a list item (a bullet, a dash or a number and a point), a time-slot line ("09:30 Keynote ...", "10:00–10:45 ..."),
  a byline ("By Ana Ruiz", "Posted by ...", "Words by ...") and a contact line (an e-mail or web address, "Tel.").

In text that is not hard-wrapped every line is a paragraph, a heading or one of these lines, so a single line break
starts a sentence (speaker lines "Name, Title, Org" included), unless the line before ends with a comma, semicolon,
colon or a joining word (the value wraps onto the next line) or the next line opens in lower case (not an e-mail
address). In hard-wrapped prose (an e-mailed release, a plain-text filing) a line break is only where the wrap fell,
so there only a break between two furniture lines counts (a contact block at the foot of the release). Offsets never
change: only sentence starts are set. Word lists: ``data/lexicon/line_kind_breaks.json``.
``AIKG_LINE_KIND_BREAKS=off`` turns the module off, ``=kinds`` breaks only next to a furniture line (paired A/B).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.token_index import TokenIndex

#: switch for an A/B measurement in one tree (``AIKG_LINE_KIND_BREAKS=off``); on by default
ENABLED_ENV = "AIKG_LINE_KIND_BREAKS"


#: an e-mail address, a web address or a telephone field: a contact line ("fhiaa@hidalgo.gob.mx | Tel. ...")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\b(?:https?://|www\.)\S+|^(?:tel|phone|fax|mobile)\b\.?", re.I)


@dataclass(frozen=True)
class LineKinds:
    """The forms of furniture lines, compiled once from the lexicon."""

    label: re.Pattern[str]
    cells: re.Pattern[str]
    item: re.Pattern[str]
    time: re.Pattern[str]
    byline: re.Pattern[str]
    wrap_ends: frozenset[str]
    contact: re.Pattern[str]


@lru_cache(maxsize=1)
def line_kinds() -> LineKinds:
    """The line forms of ``line_kind_breaks.json``."""
    data = lexicon_data("line_kind_breaks.json")
    words = int(data["label_max_words"])
    label = re.compile(r"^(?:\d{1,2}[.)][ \t]+)?(?P<label>[^\W\d_][\w'’&()/.\-]*(?:[ \t]+[\w'’&()/.\-]+){0,%d})"
                       r"[ \t]*:[ \t]+\S" % (words - 1))
    seps = "|".join(re.escape(s) for s in data["cell_separators"])
    cells = re.compile(r"\S[ \t]+(?:%s)[ \t]+\S" % seps)
    dashes = "|".join(re.escape(s) for s in data["dash_separators"])
    item = re.compile(r"^[ \t]*(?:[%s][ \t]+|\d{1,2}[.)][ \t]+(?=[^\W\d_]))" % "".join(re.escape(m) for m in
                                                                                   data["item_markers"]))
    clock = r"\d{1,2}(?:[:.h]\d{2}(?:[ \t]*[ap]\.?m\.?)?|[ \t]*[ap]\.?m\.?)"  # "09:30", "9.30 am", "10h00", "2 pm"
    time = re.compile(r"^[ \t]*%s(?:[ \t]*[-–—][ \t]*%s)?(?:[ \t]+|[ \t]*[-–—:|][ \t]*)\S" % (clock, clock), re.I)
    byline = re.compile(r"^(?:%s)[ \t]+(?:by[ \t]+)?[^\W\d_]" % "|".join(re.escape(w) for w in data["byline_openers"]),
                        re.I)
    dashed = re.compile(r"(?:\S[ \t]+(?:%s)[ \t]+\S.*){2}" % dashes)
    return LineKinds(label, re.compile(cells.pattern + "|" + dashed.pattern), item, time, byline,
                     frozenset(data["wrap_end_words"]), _CONTACT)


def line_kind(line: str) -> str | None:
    """The furniture kind of one line ("label", "cells", "item", "time", "byline"), or None for a prose line."""
    kinds = line_kinds()
    text = line.strip()
    if not text:
        return None
    if kinds.item.match(text):
        return "item"
    if kinds.time.match(text) and not text[:4].isdigit():
        return "time"
    if kinds.label.match(text):
        return "label"
    if kinds.byline.match(text):
        return "byline"
    if kinds.cells.search(text):
        return "cells"
    if kinds.contact.search(text):
        return "contact"
    return None


def _wraps(before: str, kinds: LineKinds) -> bool:
    """Whether the line ``before`` goes on onto the next line: it ends with a comma, semicolon, colon or joining word."""
    tail = before.rstrip()
    if not tail:
        return True
    if tail[-1] in ",;:(&/" or tail[-1] in "-–—" and tail[-2:-1] == " ":
        return True
    last = tail.rsplit(None, 1)[-1].lower()
    return last in kinds.wrap_ends


def furniture_breaks(doc: Any, idx: TokenIndex, hard_wrapped: bool) -> None:
    """Set a sentence start after each single line break of a text that is not hard-wrapped, and after one between two
    furniture lines of a hard-wrapped text (see the module)."""
    mode = os.environ.get(ENABLED_ENV, "on")
    if mode == "off":
        return
    kinds = line_kinds()
    texts, at, full = idx.text, idx.at, idx.joined
    for i in range(1, len(texts) - 1):
        text = texts[i]
        if text.count("\n") != 1 or not text.isspace() or doc[i + 1].is_sent_start or doc[i].is_sent_start:
            continue  # already broken (a sentence that opens with the line break itself is no whitespace-only one)
        nl = at[i] + text.index("\n")
        before = full[full.rfind("\n", 0, nl) + 1:nl]
        end = full.find("\n", nl + 1)
        after = full[nl + 1:end if end >= 0 else len(full)]
        if after.lstrip()[:1].islower() and not kinds.contact.match(after.lstrip()) or _wraps(before, kinds):
            continue
        if hard_wrapped:
            ok = line_kind(before) is not None and line_kind(after) is not None
        else:
            ok = mode != "kinds" or line_kind(before) is not None or line_kind(after) is not None
        if ok:
            doc[i + 1].is_sent_start = True
