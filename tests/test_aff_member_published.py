"""AFFILIATED_WITH in published forms (issue 14, wave 15), through the real spaCy pipeline.

Forms learned from published pages (University of Auckland CS news caption "doctoral candidate Asma Shakil"; UT
Dallas research-days news "Rafah Falah, a molecular and cell biology doctoral student"; conference programmes with
organisation-first speaker lines; consortium pages with a "Steering committee" heading over "Name | Role | Org"
rows); every name is invented (relation_people_lines.py).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def aff(ex, text: str, title: str = "t") -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text, title), "AFFILIATED_WITH")


# ---------------------------------------------------------------- trainee and appointee posts
@pytest.mark.parametrize("text, person, org", [
    ("Caption: Omar Haddad, a PhD candidate at Kestrel Technical University, prepares a glider.",
     "Omar Haddad", "Kestrel Technical University"),
    ("Omar Haddad, a doctoral student at the Kestrel Technical University, built the sensor.",
     "Omar Haddad", "Kestrel Technical University"),
    ("Lise Berg, who remains a joint appointee at Orrin Labs, leads the team.", "Lise Berg", "Orrin Labs"),
    ("Kestrel Technical University doctoral candidate Omar Haddad built the sensor.",
     "Omar Haddad", "Kestrel Technical University"),
    ("The prize went to Tama Rewi, a master's student at Brakeley Institute of Technology, for a soil model.",
     "Tama Rewi", "Brakeley Institute of Technology"),
    ("Second place went to Ines Moura, now a postdoctoral researcher with Orrin Labs.", "Ines Moura", "Orrin Labs"),
])
def test_trainee_posts(ex, text, person, org):
    assert (person, org) in aff(ex, text)


@pytest.mark.parametrize("text, person, org", [
    ("Omar Haddad, a former PhD student at Kestrel Technical University, now works in Oslo.",
     "Omar Haddad", "Kestrel Technical University"),
    ("Former Kestrel Technical University doctoral candidate Omar Haddad now works in Oslo.",
     "Omar Haddad", "Kestrel Technical University"),
    ("Omar Haddad, a graduate of Kestrel Technical University, built the sensor.",
     "Omar Haddad", "Kestrel Technical University"),
])
def test_trainee_near_misses(ex, text, person, org):
    assert not any(p == person and org in o for p, o in aff(ex, text))


# ---------------------------------------------------------------- "Org — Person, Title" speaker lines
PAGE = "Orrin Robotics Alliance\n\nThe Orrin Robotics Alliance is a network of robotics firms in Tromsø.\n\n"


@pytest.mark.parametrize("line, person, org", [
    ("- Kestrel Robotics — Lise Berg, Co-founder & CTO (Tromsø)", "Lise Berg", "Kestrel Robotics"),
    ("- Kestrel Robotics — Lise Berg, Head of Research (Tromsø)", "Lise Berg", "Kestrel Robotics"),
    ("• Brakeley Analytics | Omar Haddad, Chief Data Officer", "Omar Haddad", "Brakeley Analytics"),
    ("Tarn Institute of Technology – Ines Moura, Associate Professor", "Ines Moura", "Tarn Institute of Technology"),
])
def test_org_dash_person(ex, line, person, org):
    assert (person, org) in aff(ex, PAGE + "Demonstrations\n\n" + line + "\n")


@pytest.mark.parametrize("line, person, org", [
    ("- Kestrel Robotics — Lise Berg, co-founder", "Lise Berg", "Kestrel Robotics"),  # FOUNDED alone
    ("- Kestrel Robotics — Lise Berg, former CEO", "Lise Berg", "Kestrel Robotics"),
])
def test_org_dash_person_near_misses(ex, line, person, org):
    assert (person, org) not in aff(ex, PAGE + "Demonstrations\n\n" + line + "\n")


# ---------------------------------------------------------------- roster heading over plain or table rows
def test_steering_committee_table_rows(ex):
    got = aff(ex, PAGE + "Steering committee\nProf. Dr. Annegret Voigt | Chair | Tarn Institute for Biomedical "
                         "Informatics\nDr. med. Thomas Baum | Chief Medical Officer | Kestrel Robotics\nKatrin Olsen | "
                         "Managing Director | Brakeley Analytics GmbH\n\nHead of the secretariat: Maximilian Roth\n",
              "Orrin Robotics Alliance")
    for p in ("Annegret Voigt", "Thomas Baum", "Katrin Olsen"):
        assert (p, "Orrin Robotics Alliance") in got
    assert ("Thomas Baum", "Kestrel Robotics") in got


def test_board_plain_rows(ex):
    got = aff(ex, PAGE + "Board of Directors\n\nLise Berg, Chair\nOmar Haddad (Treasurer)\nTama Rewi, Kestrel Robotics\n\n"
                         "The board meets four times a year.\n", "Orrin Robotics Alliance")
    for p in ("Lise Berg", "Omar Haddad", "Tama Rewi"):
        assert (p, "Orrin Robotics Alliance") in got


@pytest.mark.parametrize("heading", ["Speakers", "Former board members", "Keynote guests"])
def test_roster_near_misses(ex, heading):
    got = aff(ex, PAGE + heading + "\nLise Berg | Kestrel Robotics\nOmar Haddad | Tarn University\n",
              "Orrin Robotics Alliance")
    assert ("Lise Berg", "Orrin Robotics Alliance") not in got
    assert ("Omar Haddad", "Orrin Robotics Alliance") not in got


def test_row_with_own_post_elsewhere(ex):
    """A row that states a post "of" another organisation ties the person to that one alone (10-K officer lists)."""
    got = aff(ex, PAGE + "Executive Officers\n\nLise Berg, Chief Executive Officer\nOmar Haddad, President of Tarn "
                         "Robotics LLC\n\nHuman Capital\n", "Orrin Robotics Alliance")
    assert ("Lise Berg", "Orrin Robotics Alliance") in got
    assert ("Omar Haddad", "Orrin Robotics Alliance") not in got


# ---------------------------------------------------------------- a singular apposition after a list of people
@pytest.mark.parametrize("text, listed, last, org", [
    ("Caption: Kestrel University researcher Ines Moura and Tom Bassett, an engineer at Orrin Labs, prepare a glider.",
     "Ines Moura", "Tom Bassett", "Orrin Labs"),
    ("Caption: Lise Berg and Omar Haddad, a researcher at Orrin Labs, test the rover.", "Lise Berg", "Omar Haddad",
     "Orrin Labs"),
    ("Lise Berg, Tama Rewi and Omar Haddad, an engineer at Orrin Labs, tested the rover.", "Tama Rewi", "Omar Haddad",
     "Orrin Labs"),
])
def test_singular_apposition_is_the_last_persons(ex, text, listed, last, org):
    got = aff(ex, text)
    assert (last, org) in got
    assert (listed, org) not in got


@pytest.mark.parametrize("text", [
    "Lise Berg and Omar Haddad, engineers at Orrin Labs, tested the rover.",
    "Lise Berg and Omar Haddad, both researchers at Orrin Labs, tested the rover.",
])
def test_plural_apposition_is_everyones(ex, text):
    got = aff(ex, text)
    assert {("Lise Berg", "Orrin Labs"), ("Omar Haddad", "Orrin Labs")} <= got


# ---------------------------------------------------------------- "our <title>" on a first-person page
FUND = "Orrin Ventures blog\n\nOrrin Ventures is a seed fund in Tromsø.\n\n"


@pytest.mark.parametrize("text, people", [
    ("Our venture partner, Dr. Lise Berg, also heads the robotics group of the Tarn Institute of Technology.",
     ["Lise Berg"]),
    ("Our chief executive, Lise Berg, said the fund is ready.", ["Lise Berg"]),
    ("Our partners are Lise Berg, Tama Rewi and Omar Haddad.", ["Lise Berg", "Tama Rewi", "Omar Haddad"]),
    ("Lise Berg, 52, is our Chief Technology Officer and an adjunct professor at Tarn University.", ["Lise Berg"]),
    ("Omar Haddad serves as our chief financial officer.", ["Omar Haddad"]),
])
def test_our_title(ex, text, people):
    got = aff(ex, FUND + text, "Orrin Ventures")
    for p in people:
        assert (p, "Orrin Ventures") in got


@pytest.mark.parametrize("text", [
    "Our former chief executive, Lise Berg, now runs Kestrel Robotics.",
    "Our investor, Lise Berg, backed the round.",
    "Our customers include Lise Berg and Kestrel Robotics.",
    "Our thanks go to Lise Berg.",
    "Lise Berg was our chief executive until 2021.",
])
def test_our_title_near_misses(ex, text):
    assert ("Lise Berg", "Orrin Ventures") not in aff(ex, FUND + text, "Orrin Ventures")


# ---------------------------------------------------------------- a page title "Org — Section" gives the roster's owner
def test_title_line_owner_and_unfound_row(ex):
    """"Board of directors, 2025–2027" under a title "Org — Members and Governance"; a row whose name is no mention
    does not end the roster; a university "of Applied Sciences" is no post "of" another organisation."""
    text = ("Orrin Robotics Alliance — Members and Governance\n\nHome | About | Members\n\n"
            "The Orrin Robotics Alliance is a network of robotics firms in Tromsø.\n\n"
            "Board of directors, 2025–2027\nProf. Lise Berg (chair), Tarn University of Applied Sciences\n"
            "Omar Haddad, Kestrel Robotics\nTama Rewi (ex officio), Brakeley Analytics\n\nContact us for details.\n")
    got = aff(ex, text, "Orrin Robotics Alliance — Members and Governance")
    for p in ("Lise Berg", "Omar Haddad", "Tama Rewi"):
        assert (p, "Orrin Robotics Alliance") in got


# ---------------------------------------------------------------- name lines with a tail; photo credits
@pytest.mark.parametrize("text, person, org", [
    ("Lise Berg, Managing Partner, Orrin Capital Advisors (an early investor in Kestrel Robotics)",
     "Lise Berg", "Orrin Capital Advisors"),
    ("Media: Moira Tobin, Fathom Communications (for Kestrel Robotics)", "Moira Tobin", "Fathom Communications"),
    ("Omar Haddad (ex officio), Tarn Metropolitan Innovation Office", "Omar Haddad",
     "Tarn Metropolitan Innovation Office"),
    ("Photo: Lise Berg/Tarn University", "Lise Berg", "Tarn University"),
])
def test_name_line_tails(ex, text, person, org):
    assert (person, org) in aff(ex, text)


@pytest.mark.parametrize("text, person, org", [
    ("Lise Berg, Managing Partner, Orrin Capital Advisors (an early investor in Kestrel Robotics)",
     "Lise Berg", "Kestrel Robotics"),
    ("Lise Berg, former CEO, Kestrel Robotics · lise@example.org", "Lise Berg", "Kestrel Robotics"),
    ("Media: Moira Tobin, Fathom Communications (for Kestrel Robotics)", "Moira Tobin", "Kestrel Robotics"),
])
def test_name_line_tail_near_misses(ex, text, person, org):
    assert (person, org) not in aff(ex, text)


# ---------------------------------------------------------------- MEMBER_OF: a programme's cohort (relation_member_cohorts.py)
def member(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "MEMBER_OF")


@pytest.mark.parametrize("text, members", [
    ("Kestrel Robotics is one of six companies in the current cohort of the Orrin Founders Programme; the cohort also "
     "includes Brakeley Analytics and Tarn Data.", ["Kestrel Robotics", "Brakeley Analytics", "Tarn Data"]),
    ("The first firms enrolled in the Orrin Founders Programme are Kestrel Robotics, Brakeley Analytics and Tarn Data.",
     ["Kestrel Robotics", "Brakeley Analytics", "Tarn Data"]),
    ("Start-ups selected for the Orrin Founders Programme include Kestrel Robotics (Tromsø), the drone maker Brakeley "
     "Analytics and Tarn Data.", ["Kestrel Robotics", "Brakeley Analytics", "Tarn Data"]),
    ("Kestrel Robotics belongs to the second cohort of the Orrin Founders Programme, an accelerator run by Tarn "
     "University.", ["Kestrel Robotics"]),
])
def test_cohort_members(ex, text, members):
    got = member(ex, text)
    for m in members:
        assert (m, "Orrin Founders Programme") in got


@pytest.mark.parametrize("text, org", [
    ("The cohort of the Orrin Founders Programme was announced by Tarn University; the jury includes Kestrel Robotics.",
     "Kestrel Robotics"),
    ("Kestrel Robotics belongs to the investors of the Orrin Founders Programme.", "Kestrel Robotics"),
    ("Companies enrolled in the Orrin Founders Programme are eligible for grants from Kestrel Capital.",
     "Kestrel Capital"),
    ("Firms selected for the Orrin Founders Programme include start-ups backed by Kestrel Capital.", "Kestrel Capital"),
])
def test_cohort_near_misses(ex, text, org):
    assert (org, "Orrin Founders Programme") not in member(ex, text)
