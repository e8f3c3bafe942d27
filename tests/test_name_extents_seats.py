"""Wave-20 name extents through the real spaCy pipeline, gazetteer as shipped (issue 14, entities): a complete name
with its seat or parent after "of" is two mentions (name_seats.py); a name whose subject list has "and" in it is
one (topic_and_joins.py).

Invented names in the forms of published pages (encyclopedia comparisons, fact-sheet funder lines, programme
cohorts, Kenyan county department pages, staff and speaker lines, UK council funder lines), and near-misses that must
stay as they are (seats that belong to the name, countries, coordinated bodies, names used alone)."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import typed_in as _typed


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def _names(ex, text: str) -> set[str]:
    return {n for _, n in _typed(ex, text)}


# --- seat names: "<name> of <Town>", "<name> of the <Body>" ----------------------------------------------------------

@pytest.mark.parametrize("text, body, typ, other", [
    ("The lab has been compared with the Tarbeck Marine Institute of Halifax, which runs a glider fleet.",
     "Tarbeck Marine Institute", "Institute", "Halifax"),
    ("Its main domestic rival is Oruma Robotics of Hiroshima.", "Oruma Robotics", "Company", "Hiroshima"),
    ("The Kessling Family Foundation of Midland has pledged $250,000 for the fellowships.",
     "Kessling Family Foundation", "Institute", "Midland"),
    ("Newspapers have compared the centre with the Instituto Austral de Datos Marinos of Valdivia.",
     "Instituto Austral de Datos Marinos", "Institute", "Valdivia"),
    ("Funders: the Western Corridor Digital Facility of the Salvo Regional Bank; the Ministry of Trade.",
     "Western Corridor Digital Facility", "Programme", "Salvo Regional Bank"),
    ("The study had further support from the National Soil Data Mission of the Ministry of Rural Affairs.",
     "National Soil Data Mission", "Programme", "Ministry of Rural Affairs"),
    ("The Bourse Lagune is operated by the École Doctorale Sciences du Littoral of UNEK. UNEK was founded in 1986.",
     "École Doctorale Sciences du Littoral", "Institute", "UNEK"),
])
def test_name_and_its_seat_or_parent_are_two(ex, text, body, typ, other):
    found = _typed(ex, text)
    names = {n for _, n in found}
    assert (typ, body) in found
    assert other in names
    assert not any(body in n and other in n for n in names)


def test_a_numbered_cohort_is_no_name(ex):
    names = _names(ex, "Cohort 3 of the Prairie Founders Program, which Osage Forge runs, includes Wetland Labs.")
    assert "Prairie Founders Program" in names
    assert not any(n.startswith("Cohort") for n in names)


@pytest.mark.parametrize("text, name", [
    ("She previously worked at the Art Institute of Chicago.", "Art Institute of Chicago"),
    ("He teaches at the Kessling University of Halifax and consults for two firms.", "Kessling University of Halifax"),
    ("He is a member of the Rotary Club of Halifax.", "Rotary Club of Halifax"),
    ("The paper was presented to the Ministry of the Interior last week.", "Ministry of the Interior"),
    ("Reviewers came from the Tech Council of Australia.", "Tech Council of Australia"),
    ("It is led by the Kilifi County Department of ICT, which also hosts ICT training.",
     "Kilifi County Department of ICT"),
])
def test_seats_that_belong_to_the_name_stay(ex, text, name):
    assert name in _names(ex, text)


# --- topic joins: one name with "and" in its subject list -------------------------------------------------------------

@pytest.mark.parametrize("text, name, typ", [
    ("It is led by the Kwale County Department of ICT and Digital Economy, a department of the county government.",
     "Kwale County Department of ICT and Digital Economy", "Agency"),
    ("Speakers: Prof. Lina Moss, Dean, School of Geography and Environmental Science, Derwent University.",
     "School of Geography and Environmental Science", "Institute"),
    ("The clinic project is housed in the Faculty of Law and Digital Governance at the university.",
     "Faculty of Law and Digital Governance", "Institute"),
    ("• Triage for rural clinics - Dr Ana Lemu, Director, Coral Climate and Health Data Centre (Suva)",
     "Coral Climate and Health Data Centre", "Institute"),
    ("The programme is funded by Newry and Lisburn District Council and by the Department for the Economy.",
     "Newry and Lisburn District Council", "Agency"),
])
def test_subject_lists_with_and_are_one_name(ex, text, name, typ):
    assert (typ, name) in _typed(ex, text)


@pytest.mark.parametrize("text, first, second", [
    ("A grant from the Department of Energy and Kestrel Analytics paid for the sensors.", "Department of Energy",
     "Kestrel Analytics"),
    ("Eneza Health, a start-up, joined in May. Eneza Health and Moi Teaching Hospital now run a pilot.",
     "Eneza Health", "Moi Teaching Hospital"),
])
def test_two_bodies_joined_by_and_stay_two(ex, text, first, second):
    names = _names(ex, text)
    assert first in names and second in names


# --- name edges: times and clause tails cut off, number and compass words in, closing versions in ---------------------

@pytest.mark.parametrize("text, name, wrong", [
    ("The lab signed a partnership with Tarn University on Monday.", "Tarn University", "Tarn University on Monday"),
    ("Orsa Robotics opened an office with Kelvin Data Labs in March.", "Kelvin Data Labs", "Kelvin Data Labs in March"),
    ("Core funding comes from the Ministry of Higher Education, Research and Innovation through the university.",
     "Ministry of Higher Education, Research and Innovation",
     "Ministry of Higher Education, Research and Innovation through the university"),
])
def test_times_and_clause_tails_are_no_part_of_a_name(ex, text, name, wrong):
    names = _names(ex, text)
    assert name in names and wrong not in names


@pytest.mark.parametrize("text, name", [
    ("The symposium is hosted in partnership with Five Islands Robotics and the Illawarra Innovation Council.",
     "Five Islands Robotics"),
    ("Seed money came from Three Rivers Analytics, a Pittsburgh firm.", "Three Rivers Analytics"),
    ("Its investors include Kestrel Capital and the South Tarsk Seed Circle.", "South Tarsk Seed Circle"),
    ("Programa Talento 4.0 — a six-month course for technicians, co-delivered by two colleges.", "Programa Talento 4.0"),
    ("Related: Coastal Data Roadmap 2030 · Call for applications", "Coastal Data Roadmap 2030"),
])
def test_number_words_and_versions_belong_to_the_name(ex, text, name):
    assert name in _names(ex, text)


@pytest.mark.parametrize("text, name", [
    ("Five Kestrel engineers joined Orsa Robotics in 2024.", "Orsa Robotics"),
    ("The Tarsk Founders Programme 2024 cohort has twelve firms.", "Tarsk Founders Programme"),
    ("Kestrel Labs signed with Tarsk Digital on Friday Harbor Road.", "Tarsk Digital"),
])
def test_near_misses_keep_their_edges(ex, text, name):
    assert name in _names(ex, text)
