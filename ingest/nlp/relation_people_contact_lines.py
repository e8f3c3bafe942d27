"""AFFILIATED_WITH from a contact line that names the organisation, a dash and the person (issue 14, people).

Press releases close with contact blocks: "Office of Communications, IMIA - Céline Dubois", "Press office, Meuse
Robotics Institute – Julie Marchand". The person closing the line after a dash is the organisation's that stands
right before the dash (an administrative office named on a contact line is no entity, docs/annotation.md; the person
is tied to the organisation after it). ``mentions/people_contact_lines.py`` finds the person.

Left alone: a dash between two organisations, a person who does not close the line ("IMIA - Céline Dubois and
partners"). Switch: ``AIKG_PEOPLE_CONTACT_LINES=off`` (with the mention stage).
"""

from __future__ import annotations

from aikg.ingest.nlp.mention_index import MentionIndex
from aikg.ingest.nlp.mentions.people_contact_lines import dashes, enabled

Rel = tuple[str, int, int, int, int, str]


def contact_dash_people(line: str, a: int, b: int, ix: MentionIndex) -> list[Rel]:
    """[AFFILIATED_WITH(person, organisation)] for "<...>, <Org> - <Person>" at the line ``a``..``b``, else []."""
    if not enabled():
        return []
    people = ix.people_in(a, b)
    if len(people) != 1 or line[people[0][1] - a:].strip():
        return []
    ps, pe, person = people[0]
    before = line[:ps - a].rstrip()
    if not before or before[-1] not in dashes():
        return []
    cut = a + len(before) - 1  # the dash
    org = next((o for o in ix.orgs_in(a, cut) if not line[o[1] - a:cut - a].strip()), None)
    if org is None:
        return []
    return [("AFFILIATED_WITH", person, org[2], org[0], pe, "rule:contact-dash-person")]
