"""A name alone on its line is a list item, not a heading, when a group heading opens its block (issue 14).

Consortium and programme pages list their members one to a line without bullets, right under a heading that holds
a group word ("Clinical members" / "Klinikum Pleißenaue" / "Erzgebirgsklinikum Annaberg", "Participants selected in
the first call:" / "Cooperativa Lechera del Litoral"). ``headings.py`` drops a name that fills its line; this says
when it must keep it: the lines above it, with no blank line between, reach a short heading or an intro line ending
in ":" whose words open a member section (``section_lists`` and ``group_nouns`` in ``relations.json``, the words
``relation_membership.py`` reads the list with). A heading that denies membership ("Former members") opens nothing.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from aikg.core.paths import shipped
from aikg.ingest.nlp.relation_membership import HEAD_WORDS, SectionWords

BLOCK_LINES = 15  # items a block may hold above the name


@lru_cache(maxsize=1)
def _words() -> SectionWords:
    return SectionWords(json.loads(shipped("lexicon", "relations.json").read_text(encoding="utf-8")))


def member_block_line(text: str, line_start: int) -> bool:
    """True when the line at ``line_start`` sits in a block of lines a group heading opens (no blank line between)."""
    words = _words()
    end = line_start - 1
    for _ in range(BLOCK_LINES):
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if not line:
            return False  # a blank line ends the block
        low = re.findall(r"[a-z][a-z-]*", line.lower())
        heading = len(low) <= HEAD_WORDS and not line.endswith((".", "!", ";"))
        if (heading or line.endswith(":")) and words.group(low) is not None:
            return True
        end = start - 1
    return False
