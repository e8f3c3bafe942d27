"""Named non-entities of published pages (issue 14, entity precision): prizes, rankings and indices, reports,
competitions, declarations, venues, campuses and landmarks, honours and tag lines are no bodies, known by their form
(``ingest/nlp/mentions/non_entities.py``). Every name is invented and the gazetteer is empty; each form has positives
in several published shapes and near-misses (real bodies whose names hold such words) that must stay.

Forms learned from real pages (search corpus ``pages``): prize releases ("the inaugural X Prize for AI in Science
Research Excellence", "the 2023 WLA Prize in Computer Science or Mathematics", "X Awards 2024 first prize"), index
reports ("the Government AI Readiness Index 2022, produced by ..."), summit pages ("held at the Melbourne Convention
and Exhibition Centre"), photo credits ("©Margherita Borsano", "Image credit: ...") and blog tag lines.
"""

from __future__ import annotations

import pytest

from tests.helpers import kinds_in as kinds
from tests.helpers import names_in as texts


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


# ---------------------------------------------------------------------------------------------- head nouns
@pytest.mark.parametrize("text, gone, body", [
    ("Dr. Ilse Varga of Tamsel University received the 2025 Orrin Prize for Machine Learning at a ceremony.",
     "Orrin Prize", "Tamsel University"),
    ("Kestrel Analytics won the Velland Innovation Award for its crop model, the company said on Tuesday.",
     "Velland Innovation Award", "Kestrel Analytics"),
    ("Innovate Brenna Awards 2026: Kestrel Analytics and Orsa Labs shortlisted\n\nThe awards are judged in May.",
     "Brenna Awards", "Orsa Labs"),
    ("The Marlow AI Readiness Index 2026, published by the Halvik Policy Centre, ranks small economies.",
     "Marlow AI Readiness", "Halvik Policy Centre"),
    ("Gravel University is ranked first in the Corvin Asia University Rankings for the third year.",
     "Corvin Asia University Rankings", "Gravel University"),
    ("The Tarsk Grand Challenges Cup and the Brenna Robotics Olympiad are sponsored by Gravel University.",
     "Brenna Robotics Olympiad", "Gravel University"),
    ("The lab was opened at the Kalvik Convention Centre by researchers from Moravan Robotics.",
     "Kalvik Convention Centre", "Moravan Robotics"),
    ("Held at the Sorrel Conference Center in Boise, the meeting was hosted by Idaho Data Institute.",
     "Sorrel Conference Center", "Idaho Data Institute"),
    ("The ceremony was held in the Halvik Arena and was organised by Orsa Labs.", "Halvik Arena", "Orsa Labs"),
    ("Kestrel Analytics' headquarters sits next to Brenna Central Station.", "Brenna Central Station",
     "Kestrel Analytics"),
])
def test_non_entity_head_is_no_name(bare, text, gone, body):
    names = texts(bare, text)
    assert not any(gone in n for n in names) and body in names


@pytest.mark.parametrize("text, gone, body", [
    ("The Tallis Medal of the Royal Society of Brenna was awarded to Mira Holt.", "Tallis Medal",
     "Royal Society of Brenna"),
    ("Mira Holt received the Kessel Prize of the Tarsk Academy of Sciences last week.", "Kessel Prize",
     "Tarsk Academy of Sciences"),
])
def test_prize_named_of_a_body_keeps_the_body(bare, text, gone, body):
    names = texts(bare, text)
    assert not any(gone in n for n in names) and body in names


# ---------------------------------------------------------------------------------------------- near-misses
@pytest.mark.parametrize("text, body", [
    ("Summit Capital led the round, with participation from Award Labs.", "Summit Capital"),
    ("Summit Capital led the round, with participation from Award Labs.", "Award Labs"),
    ("The round was led by Index Ventures of Tarsk.", "Index Ventures"),
    ("The Forum for AI Policy, a Tallinn think tank, published the study.", "Forum for AI Policy"),
    ("The Marlow Challenge Fund, a grant scheme run by the Tarsk Innovation Agency, backed Kestrel Analytics.",
     "Marlow Challenge Fund"),
    ("The Brenna City Hall announced a grant for Kestrel Analytics.", "Kestrel Analytics"),
    ("The Halvik Institute Medal was given to Orsa Labs for its work.", "Orsa Labs"),
])
def test_bodies_with_such_words_stay(bare, text, body):
    assert body in texts(bare, text)


def test_challenge_programme_stays(bare):
    text = "The Harrow Climate AI Challenge, a grant programme run by the Fenwick Foundation, funds ten start-ups."
    assert ("Harrow Climate AI Challenge", "Programme") in kinds(bare, text)


# ---------------------------------------------------------------------------------------------- venues
@pytest.mark.parametrize("text, gone", [
    ("The laboratory sits on the university's Sandy Vale campus and will process glider data.", "Sandy Vale"),
    ("The centre opened on Halvik University's Marrow Point campus in 2024.", "Marrow Point"),
    ("We met in the company's office near Kessel Station in late October.", "Kessel Station"),
    ("Its engineering office opened last year next to the Orsavik Textile Market.", "Orsavik Textile Market"),
])
def test_campus_building_and_landmark_are_no_name(bare, text, gone):
    assert gone not in texts(bare, text)


@pytest.mark.parametrize("text, name", [
    ("The programme will run from the Aveiro campus of the University of Beira Litoral.", "Aveiro"),
    ("Kessel Robotics moved into the Halvik Institute building in May.", "Halvik Institute"),
    ("The company has an office near Halvik University.", "Halvik University"),
])
def test_known_town_or_body_before_a_venue_noun_stays(bare, text, name):
    assert name in texts(bare, text)


# ---------------------------------------------------------------------------------------------- honours, credits, tags
def test_honour_after_a_name_is_no_person(bare):
    names = texts(bare, "Vilma Sirk, a Fulbright Scholar and Marie Curie Fellow, joined Halvik University in 2025.")
    assert "Marie Curie" not in names and "Vilma Sirk" in names and "Halvik University" in names


def test_person_before_a_comma_and_title_stays(bare):
    assert "Ilse Varga" in texts(bare, "Ilse Varga, Fellow of the Tarsk Academy, leads the lab at Orsa Labs.")


def test_credit_year_is_no_part_of_a_name(bare):
    names = texts(bare, "Kessel Robotics opened a lab.\n\n© Halvik Institute 2026. All rights reserved.")
    assert "Halvik Institute" in names and "Halvik Institute 2026" not in names


@pytest.mark.parametrize("text, gone, body", [
    ("Posted in Research News | Tagged Machine Learning, Robotics, Tamsel University", "Research News",
     "Tamsel University"),
    ("Tags: Edge Computing, Orsa Labs", "Edge Computing", "Orsa Labs"),
])
def test_tag_line_topics_are_no_names(bare, text, gone, body):
    names = texts(bare, text)
    assert gone not in names and body in names and not any(n.startswith("Tagged") for n in names)


@pytest.mark.parametrize("text, gone, body", [
    ("Follow the meeting with #KesselAI2026 and #AIforGood, or read the notes of Orsa Labs.", "#", "Orsa Labs"),
    ("Vilma Sirk (@vsirk) is a partner at Summit Capital.", "@", "Summit Capital"),
    ("The Varga Lecture Series at Orsa Labs opened with a talk by Mira Holt.", "Lecture Series", "Orsa Labs"),
    ("Kestrel Analytics wrote the Brenna AI Playbook with Halvik University.", "Playbook", "Halvik University"),
])
def test_hashtags_handles_series_and_publications_are_no_names(bare, text, gone, body):
    names = texts(bare, text)
    assert not any(gone in n for n in names) and body in names


def test_a_rank_behind_a_university_is_no_landmark(bare):
    text = "Tamsel University is third for engineering output, behind the Universidad Nacional de Brenna."
    assert "Universidad Nacional de Brenna" in texts(bare, text)


# ---------------------------------------------------------------------------------------------- head first, laws, products
@pytest.mark.parametrize("text, gone, body", [
    ("In 2024 the lab's robot won the Premio Nacional de Innovación Costera, said Orsa Labs.", "Premio", "Orsa Labs"),
    ("Tarsk Data Lab publishes the yearly Informe de Madurez Digital del Maule, a survey of firms.", "Informe",
     "Tarsk Data Lab"),
    ("Orsa Labs will show the system at the Cumbre Minera del Norte 2026 in Antofagasta.", "Cumbre", "Orsa Labs"),
    ("Kessel Robotics won the Prix Régional de la Robotique with Halvik University.", "Prix", "Halvik University"),
])
def test_head_first_prize_report_and_summit_are_no_names(bare, text, gone, body):
    names = texts(bare, text)
    assert not any(gone in n for n in names) and body in names


@pytest.mark.parametrize("text, gone", [
    ("All data collected by Orsa Labs is processed in line with the Data Protection Act, 2012 (Act 843).",
     "Data Protection Act"),
    ("The filing is made under the Securities Trading Act of 1984 by Orsa Labs.", "Securities Trading Act"),
    ("A draft Maritime Robotics Code has been in parliament for a year, said Orsa Labs.", "Maritime Robotics Code"),
])
def test_cited_or_draft_law_is_no_programme(bare, text, gone):
    assert not any(gone in n for n in texts(bare, text))


def test_law_run_by_an_agency_stays_a_programme(bare):
    text = "Most start-ups hold the label of the Startup Act, the 2018 law administered by Tarsk Capital."
    assert ("Startup Act", "Programme") in kinds(bare, text)


@pytest.mark.parametrize("text, product, body", [
    ("Its first product counts prawns; a second model, KayalNet Tide, warns of oxygen drops, said Orsa Labs.",
     "KayalNet Tide", "Orsa Labs"),
    ("The system, called Grúa Centinela, was built by Quillay Robotics SpA, a Concepción start-up.",
     "Grúa Centinela", "Quillay Robotics SpA"),
    ("Halvik University's inspection robot, Chungara II, won a regional contest.", "Chungara II",
     "Halvik University"),
])
def test_product_after_its_noun_and_a_comma_is_no_name(bare, text, product, body):
    names = texts(bare, text)
    assert product not in names and body in names


def test_speaker_after_a_product_noun_stays(bare):
    assert "Kestrel Analytics" in texts(bare, "Orsa Labs built the platform, Kestrel Analytics said on Monday.")


def test_answer_word_boilerplate_label_and_split_hashtag(bare):
    assert "Yes" not in texts(bare, "Mchedlidze: Yes, the company now has eight people at Orsa Labs.")
    names = texts(bare, "About Growler Analytics Inc.\nGrowler Analytics Inc. builds iceberg models.")
    assert "Growler Analytics Inc." in names and not any(n.startswith("About") for n in names)
    assert not texts(bare, "#GardenCityAI #KumasiTech")


@pytest.mark.parametrize("text, body", [
    ("The round was led by Cumbre Andina Capital of Lima.", "Cumbre Andina Capital"),
    ("Orsa Labs signed a deal with Cumbre Robotics, a Santiago start-up.", "Cumbre Robotics"),
])
def test_firm_opening_with_a_head_word_stays(bare, text, body):
    assert body in texts(bare, text)
