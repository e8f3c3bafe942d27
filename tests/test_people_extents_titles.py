"""People and their organisations on published pages: extents of both ends of AFFILIATED_WITH (issue 14).

Forms (university news captions, appointments columns, speaker and team pages): a title and a person before "of"
("said Associate Professor A of X"); a title alone before "of" ("A, President of Y LLC"); a past marker before an
organisation ("Former X engineer A"); an office, unit or role after an organisation's name ("X University
Communications", "the X University Office of the Controller", "X University PhD candidate A"); a name alone on a
line with its title on the next line (team pages); a past copula before a role ("A, who was a PhD student at X");
a no-post noun after a person on an organisation's line ("X — A, investor"). Near-misses: organisations named with
title words ("Professor Labs", "the Director's Fund"), a company whose name ends in a unit word ("Veltra
Communications"), a university press, a post taken in the past and still held ("A, who was appointed chief
executive of X"), a heading line with no title after it. Every name is invented; the real pipeline runs.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import kinds_in, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def affiliations(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == "AFFILIATED_WITH"}


TITLE_PERSON_OF = [
    ('"We are excited," said Associate Professor Ingrid Solvang of Tarn University.', "Ingrid Solvang",
     "Tarn University"),
    ("Senior Lecturer Kofi Asante of Brenmoor Institute of Technology led the study.", "Kofi Asante",
     "Brenmoor Institute of Technology"),
    ("The keynote was given by Distinguished Professor Nguyễn Thị Lan of Hoang Ha University.", "Nguyễn Thị Lan",
     "Hoang Ha University"),
    ("Assistant Professor Oluwaseun Adeyemi of the Lagoon Institute of Technology chaired the panel.",
     "Oluwaseun Adeyemi", "Lagoon Institute of Technology"),
]


@pytest.mark.parametrize("text,person,org", TITLE_PERSON_OF)
def test_title_person_of_org_parts(ex, text, person, org):
    kinds = kinds_in(ex, text)
    assert (person, "Person") in kinds
    assert any(name == org for name, _ in kinds)
    assert (person, org) in affiliations(ex, text)


CUT = [
    ("Nadia Ferrante, President of Kestrel Holdings LLC, signed the agreement.", "Kestrel Holdings LLC"),
    ("For more information contact Tarn University Communications at the number below.", "Tarn University"),
    ("The review was led by the Tarn University Office of the Controller.", "Tarn University"),
    ("Tarn University PhD candidate Amaru Quispe presented the model.", "Tarn University"),
    ("Former Veltra Dynamics engineer Priya Raghunathan joined Orsolo Robotics in March.", "Veltra Dynamics"),
    ("Questions went to the Brenmoor University Media Relations team.", "Brenmoor University"),
]


@pytest.mark.parametrize("text,org", CUT)
def test_title_past_and_office_words_cut(ex, text, org):
    names = {n for n, _ in kinds_in(ex, text)}
    assert org in names
    assert not any(n != org and org in n for n in names), names


def test_person_after_unit_tied_to_university(ex):
    assert ("Amaru Quispe", "Tarn University") in affiliations(
        ex, "Tarn University PhD candidate Amaru Quispe presented the model.")


KEPT = [
    ("Veltra Communications hired Ewa Sandvik last year.", "Veltra Communications"),
    ("The book is published by Tarn University Press.", "Tarn University Press"),
    ("The Bhutan Innovation Office runs the fund.", "Bhutan Innovation Office"),
    ("The Coastal Data Office partners with the institute.", "Coastal Data Office"),
    ("The Ministry of Digital Development and Communications funds it.",
     "Ministry of Digital Development and Communications"),
]


@pytest.mark.parametrize("text,name", KEPT)
def test_names_with_title_or_unit_words_kept(ex, text, name):
    assert name in {n for n, _ in kinds_in(ex, text)}


TITLE_NAMED = [
    "Professor Labs founder Ewa Sandvik spoke at the launch.",
    "The grant came from the Director's Fund at Tarn University.",
    "Chancellor Court, the new hall of Tarn University, opened in May.",
]


@pytest.mark.parametrize("text", TITLE_NAMED)
def test_title_words_in_names_make_no_person(ex, text):
    kinds = kinds_in(ex, text)
    assert not any(t == "Person" and n in ("Labs", "Fund", "Court", "Director", "Chancellor Court") for n, t in kinds)


TEAM_PAGE = """Our team

Lise Berg
Senior Director, Orsolo Robotics

Mateus Carvalho
Partner at Veltra Dynamics

Research Collaborations
Tarn University

Harbour Street
Head office
"""


def test_name_line_then_title_line_is_a_person(ex):
    kinds = kinds_in(ex, TEAM_PAGE)
    assert ("Lise Berg", "Person") in kinds
    assert ("Mateus Carvalho", "Person") in kinds
    assert not any(n in ("Harbour Street", "Research Collaborations") and t == "Person" for n, t in kinds)
    aff = affiliations(ex, TEAM_PAGE)
    assert ("Lise Berg", "Orsolo Robotics") in aff
    assert ("Mateus Carvalho", "Veltra Dynamics") in aff


PAST = [
    "Amaru Quispe, who was a PhD student at Tarn University, now runs a start-up in Cusco.",
    "Ewa Sandvik was chief executive of Orsolo Robotics until 2020.",
    "Kofi Asante, who was previously a researcher at the Kessel Institute, spoke first.",
    "Orsolo Robotics — Ewa Sandvik, investor",
    "Orsolo Robotics | Ewa Sandvik, angel investor",
]


@pytest.mark.parametrize("text", PAST)
def test_past_or_no_post_gives_no_affiliation(ex, text):
    assert affiliations(ex, text) == set()


CURRENT = [
    ("Ewa Sandvik, who was appointed chief executive of Orsolo Robotics in May, spoke first.",
     ("Ewa Sandvik", "Orsolo Robotics")),
    ("Ewa Sandvik was named director of the Kessel Institute last week.", ("Ewa Sandvik", "Kessel Institute")),
    ("Amaru Quispe, who is a PhD student at Tarn University, built the model.", ("Amaru Quispe", "Tarn University")),
    ("Orsolo Robotics — Ewa Sandvik, Chief Executive", ("Ewa Sandvik", "Orsolo Robotics")),
]


@pytest.mark.parametrize("text,pair", CURRENT)
def test_current_posts_kept(ex, text, pair):
    assert pair in affiliations(ex, text)


ROSTER = """Members of the board:
Dr. Kwabena Owusu-Ansah, Bantama Teaching Hospital
Efua Mensima Quaye, Suame Data Works
Ibrahim Alhassan Zakaria, Obuasi Gold Analytics
"""

SPEAKERS = """Moderator: Nisha Raveendran, Senior Correspondent, Ananthapuri Business Weekly
Sajan Mathew Koshy, Managing Partner, Chalai Capital Advisors
Deepa Unnikrishnan, Programme Manager, Kerala Deep Tech Seed Fund
"""


def test_roster_row_between_people_rows(ex):
    kinds = kinds_in(ex, ROSTER)
    assert ("Efua Mensima Quaye", "Person") in kinds
    assert ("Efua Mensima Quaye", "Suame Data Works") in affiliations(ex, ROSTER)


def test_given_name_read_as_place_joins_the_person(ex):
    kinds = kinds_in(ex, SPEAKERS)
    assert ("Sajan Mathew Koshy", "Person") in kinds
    assert ("Sajan Mathew Koshy", "Chalai Capital Advisors") in affiliations(ex, SPEAKERS)


def test_rows_of_organisations_make_no_people(ex):
    text = "Partners:\nOrsolo Robotics, Tampere\nVeltra Dynamics, Oulu\nSteering Committee, 2026\n"
    assert not any(t == "Person" for _, t in kinds_in(ex, text))


OPENED = [
    ("Media: Bethlehem Assefa, Head of Communications, Selam Speech Technologies PLC", "Bethlehem Assefa",
     "Selam Speech Technologies PLC"),
    ("Press contact: Florence Dubois, Communications Manager, Orsolo Robotics", "Florence Dubois",
     "Orsolo Robotics"),
]


@pytest.mark.parametrize("text,person,org", OPENED)
def test_given_name_read_as_a_name_of_its_own_opens_the_person(ex, text, person, org):
    assert (person, "Person") in kinds_in(ex, text)
    assert (person, org) in affiliations(ex, text)


def test_organisation_before_a_title_stays_an_organisation(ex):
    text = "Contact: Tampere Robotics, Head of Communications, press@example.org"
    assert not any(t == "Person" for _, t in kinds_in(ex, text))


HONOURED = [
    ("We thank Dr Ariadni Psaraki, Department of Informatics, Knossos Technical University, for her review.",
     "Ariadni Psaraki"),
    ("Lead researcher: Mtro. José Manuel Cauich Dzib, Department of Computer Engineering", "José Manuel Cauich Dzib"),
]


@pytest.mark.parametrize("text,person", HONOURED)
def test_name_after_honorific_is_a_whole_person(ex, text, person):
    kinds = kinds_in(ex, text)
    assert (person, "Person") in kinds
    assert not any(n in ("Mtro", "Mtra") for n, _ in kinds)


def test_organisation_after_honorific_word_stays(ex):
    assert ("Kessel Robotics", "Company") in kinds_in(ex, "The talk by Prof. Kessel Robotics was cancelled.")
