"""RUNS and MEMBER_OF in the forms of programme pages and member pages, through the real spaCy pipeline (issue 14).

Forms learned from published pages (alliance launch news, association "new members" releases, government
programme pages and accelerator FAQs): a programme page opens "X is a three-year, $24-million programme that ..."
and says "It is administered by A and delivered by B"; calls say "Applications to X close on ..."; member pages
list members one to a line without bullets under "Clinical members" / "Research members", and programme pages list
participants under "Among the first cohort are:" with a place or a short description after each name.

Rules: mentions/programme_forms.py (the copula description, "X is administered by", "Applications to X"),
relation_membership.py (list lines without bullets), mentions/list_lines.py with headings.py (a name alone on its
line under a member heading is a list item, not a heading). Near-misses: "a member of the programme", "a programme
partner", customers and former members in the same list layout, a sentence inside the list.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

M, R = "MEMBER_OF", "RUNS"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, kind: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == kind}


# ---------------------------------------------------------------- a programme named by its page's description
@pytest.mark.parametrize("text, runner, programme", [
    ("Tarsa Digital is a two-year programme for small manufacturers. The programme is delivered by Orrin Labs.",
     "Orrin Labs", "Tarsa Digital"),
    ("Veluma Grow (VG) is a three-year, €12-million scheme that helps farms adopt soil sensors. It is administered "
     "by the Kestrel Development Agency.", "Kestrel Development Agency", "Veluma Grow"),
    ("Estuario Datos is a state initiative aimed at fishing ports. It is run by the Marlo Institute of Ocean Data.",
     "Marlo Institute of Ocean Data", "Estuario Datos"),
    ("Selvara Growth is administered by the Ministry of Industry and delivered by the Kestrel Institute.",
     "Ministry of Industry", "Selvara Growth"),
    ("Selvara Growth is administered by the Ministry of Industry and delivered by the Kestrel Institute.",
     "Kestrel Institute", "Selvara Growth"),
    ("Applications to Nordvik Launch close on 30 May. The programme is run by the Bergen Innovation Agency.",
     "Bergen Innovation Agency", "Nordvik Launch"),
])
def test_programme_page_forms_give_the_runner(ex, text, runner, programme):
    assert (R, runner, programme) in rels(ex, text, R)


@pytest.mark.parametrize("text, name", [
    ("Orrin Labs is a member of the programme. The programme is run by the Bergen Innovation Agency.", "Orrin Labs"),
    ("Kestrel Analytics is a programme partner of the Bergen Innovation Agency. The programme is run by the Bergen "
     "Innovation Agency.", "Kestrel Analytics"),
    ("Kestrel Analytics is a start-up in the accelerator programme of the Bergen Innovation Agency, which runs it.",
     "Kestrel Analytics"),
])
def test_a_firm_described_with_a_programme_noun_is_no_programme(ex, text, name):
    assert not any(r[2] == name for r in rels(ex, text, R))


# ---------------------------------------------------------------- member lists without bullets
MEMBER_PAGE = """Volta Data Alliance | Members

The Volta Data Alliance brings together companies and universities in Ghana that share agricultural data.

Industry members
Kestrel Analytics
Orrin Labs (Accra)
Sankofa Robotics, Kumasi

Research members
University of Ho
Tamale Institute of Agronomy

Former members
Adinkra Systems

Customers
Bragoro Foods
"""

COHORT_PAGE = """Pampa Semilla | Programme overview

Pampa Semilla (PSM) is a two-year programme that helps farm start-ups test machine learning. It is administered by \
the Agencia Pampeana de Innovación.

Who takes part
Teams selected in the first call (2025):
Vinta Robotics (Rosario), a drone start-up
Marlo Data, based in Córdoba
The cooperative Lobería Lácteos buys forecasts from Marlo Data, but it is a customer, not a participant.

Applications for the second call close in March.
"""


@pytest.mark.parametrize("member", ["Kestrel Analytics", "Orrin Labs", "Sankofa Robotics", "University of Ho",
                                    "Tamale Institute of Agronomy"])
def test_member_lines_without_bullets(ex, member):
    assert (M, member, "Volta Data Alliance") in rels(ex, MEMBER_PAGE, M)


@pytest.mark.parametrize("name", ["Adinkra Systems", "Bragoro Foods"])
def test_former_members_and_customers_in_the_same_layout_are_no_members(ex, name):
    assert not any(r[1] == name for r in rels(ex, MEMBER_PAGE, M))


@pytest.mark.parametrize("member", ["Vinta Robotics", "Marlo Data"])
def test_participant_lines_under_an_intro_line(ex, member):
    assert (M, member, "Pampa Semilla") in rels(ex, COHORT_PAGE, M)


def test_a_sentence_inside_the_list_is_no_item(ex):
    assert not any(r[1] == "Lobería Lácteos" for r in rels(ex, COHORT_PAGE, M))


def test_the_cohort_page_programme_has_its_runner(ex):
    assert (R, "Agencia Pampeana de Innovación", "Pampa Semilla") in rels(ex, COHORT_PAGE, R)


# ---------------------------------------------------------------- a list after a colon in alliance and programme news
@pytest.mark.parametrize("text, members, group", [
    ("The Baltic AI Alliance has announced three new members: Vinta Robotics, Sarvik Data and the University of "
     "Tartu.", {"Vinta Robotics", "Sarvik Data", "University of Tartu"}, "Baltic AI Alliance"),
    ("The Orrin Fellowship, run by the Kestrel Institute and funded by the Lund Trust, presents its 2026 cohort: "
     "Vinta Robotics (Tartu), Sarvik Data and Maru Labs of Riga.", {"Vinta Robotics", "Sarvik Data", "Maru Labs"},
     "Orrin Fellowship"),
    ("The Baltic AI Alliance welcomed two new members: the Riga start-up Sarvik Data and Maru Labs, which builds "
     "drones for Kestrel Analytics.", {"Sarvik Data", "Maru Labs"}, "Baltic AI Alliance"),
    ("The inclusion of Vinta Robotics and Sarvik Data brings the Baltic Data Association's membership to 65.",
     {"Vinta Robotics", "Sarvik Data"}, "Baltic Data Association"),
])
def test_members_listed_after_a_colon_or_added(ex, text, members, group):
    got = {src for _, src, tgt in rels(ex, text, M) if tgt == group}
    assert members <= got


@pytest.mark.parametrize("text, group", [
    ("The Baltic AI Alliance has announced three new partners: Vinta Robotics, Sarvik Data and the University of "
     "Tartu.", "Baltic AI Alliance"),
    ("The Baltic AI Alliance listed its former members: Vinta Robotics and Sarvik Data.", "Baltic AI Alliance"),
    ("The Baltic AI Alliance welcomed two new members: the Riga start-up Sarvik Data and Maru Labs, which builds "
     "drones for Kestrel Analytics.", "Baltic AI Alliance"),
])
def test_partners_former_members_and_customers_after_a_colon_are_no_members(ex, text, group):
    got = {src for _, src, tgt in rels(ex, text, M) if tgt == group}
    assert not got & {"Vinta Robotics", "University of Tartu", "Kestrel Analytics"}
