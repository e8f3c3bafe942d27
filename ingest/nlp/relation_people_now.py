"""AFFILIATED_WITH of the post a person holds "now", after a past one (issue 14, wave 14).

Speaker notes, biographies and news set a present post against a past one: "Marta Ilves (formerly at Statistics
Estonia, and now Fellow, Tallinn Institute of Data)", "Jonas Aru, formerly CTO of X and now head of research at Y",
"Ana Ruiz, previously at X; now a senior adviser to Y". The past marker makes the other readers drop the whole
aside; the post after "now" (a title of ``title_words`` or the role nouns, then "," / "at" / "of" / "with" / "to" and
the organisation) is current: AFFILIATED_WITH(person, Y). The past post stays unread.
"""

from __future__ import annotations

from typing import Any, Callable

from aikg.ingest.nlp.relation_people_forms import title_words

ORG = ("Institute", "Company", "Agency")
REACH = 24  # tokens from the person to "now"
TITLE = 7  # tokens a title may take after "now"
BREAKS = frozenset({"and", ",", ";", "(", "–", "—", "-"})  # what may stand right before "now"
LINKS = frozenset({",", "at", "of", "with", "to", "for", "in"})
Emit = Callable[[int, int, str], None]


def now_posts(doc: Any, sent: Any, spans: list[tuple[int, int, int]], types: list[str], role_nouns: frozenset[str],
              former: frozenset[str], emit: Emit) -> None:
    """AFFILIATED_WITH(person, Y) of "<person> (formerly ..., and now <title>, Y)" in one sentence."""
    if not any(t.lower_ == "now" for t in doc[sent.start:sent.end]):
        return
    by_start = {s: (i, e) for i, s, e in spans}
    titles = title_words() | role_nouns
    for i, _s, e in spans:
        if types[i] != "Person":
            continue
        now = _now_after(doc, sent, e, spans, types, former)
        if now is None:
            continue
        k = now + 1 + (now + 1 < sent.end and doc[now + 1].lower_ in ("a", "an", "the", "as"))
        j = k
        while j < min(sent.end, k + TITLE) and (doc[j].lower_ in titles or doc[j].lower_ in ("of", "and", "&", "-")
                                                and j > k):
            j += 1
        while j > k and doc[j - 1].lower_ in ("of", "and", "&", "-"):
            j -= 1  # "head of research at": "of" belongs to the title only with a word after it
        if j == k or not any(doc[x].lower_ in role_nouns or doc[x].lower_ in titles for x in range(k, j)) \
                or j >= sent.end or doc[j].lower_ not in LINKS:
            continue
        o = j + 1 + (j + 1 < sent.end and doc[j + 1].lower_ == "the")
        hit = by_start.get(o)
        if hit is not None and types[hit[0]] in ORG:
            emit(i, hit[0], "rule:person-now-post")


def _now_after(doc: Any, sent: Any, e: int, spans: list[tuple[int, int, int]], types: list[str],
               former: frozenset[str]) -> int | None:
    """The "now" of a person's aside after a past marker (none when another person comes first)."""
    past = False
    for x in range(e, min(sent.end, e + REACH)):
        low = doc[x].lower_
        if any(s == x and types[i] == "Person" for i, s, _e in spans):
            return None
        if low in former or low in ("formerly", "previously", "former", "ex"):
            past = True
        elif low == "now" and past and doc[x - 1].lower_ in BREAKS:
            return x
        elif low == ")" or low in (".",):
            return None
    return None
