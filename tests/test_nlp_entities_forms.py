"""Entities and people's ties by the form of the text, on unseen names, through the real spaCy pipeline.

Every name here is invented (in no gazetteer), so the rules must work from the words around a name:
the cues of ``mentions/cued_names.py`` and the name-line and title rules of ``relation_people.py``.
"""

from __future__ import annotations

import pytest

from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import DocFacts
from aikg.ingest.nlp.extractor import shared_extractor


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def run(ex, text: str) -> DocFacts:
    return ex.extract(LoadedDocument(id="forms", source="test", title="t", kind="text", text=text))


def kinds(facts: DocFacts) -> set[tuple[str, str]]:
    return {(m.text, m.type) for m in facts.mentions if m.source != "anaphor"}


def rels(facts: DocFacts, rtype: str | None = None) -> set[tuple[str, str, str]]:
    ms = facts.mentions
    out = set()
    for r in facts.relations:
        if rtype is None or r.type == rtype:
            out.add((r.type, ms[r.source].canonical, ms[r.target].canonical))
    return out


# ---------------------------------------------------------------------- lone unknown organisation names
@pytest.mark.parametrize("text, name, typ", [
    ("The round drew money from the reinsurer Vorlund Re and from two families.", "Vorlund Re", "Company"),
    ("Ferrow said the Norrsk Ventil fund would lead.", "Norrsk Ventil", "Company"),
    ("Tarnlow, a spin-out of the University of Kesk, sells sensors to ports.", "Tarnlow", "Company"),
    ("It has a research partnership with Quenzar, Ireland's centre for applied AI at a university.", "Quenzar", "Institute"),
    ("Osk Beller said Drommel Labs would hire, and Vintria Brusk GmbH agreed to supply chips.", "Vintria Brusk GmbH", "Company"),
])
def test_a_lone_name_is_an_organisation_when_the_text_says_so(ex, text, name, typ):
    assert (name, typ) in kinds(run(ex, text))


def test_a_name_next_to_typed_organisations_in_a_list_is_one_too(ex):
    f = run(ex, "Its customers are Brannoch Robotics, Quellix and the University of Tarsk.")
    assert ("Quellix", "Company") in kinds(f)


def test_titles_numbers_and_programme_furniture_are_no_names(ex):
    f = run(ex, "Chair: Ilse Varga, Partner, Lagoon Capital")
    assert "Partner" not in {t for t, _ in kinds(f)}
    assert ("Lagoon Capital", "Company") in kinds(f)
    f = run(ex, "Registration closes on 10 April; students attend free.")
    assert "Registration" not in {t for t, _ in kinds(f)}


def test_a_word_glued_to_a_longer_name_is_not_taken_alone(ex):
    f = run(ex, "The centre works with HEC Paris and with Hi! PARIS on residencies.")
    names = {t for t, _ in kinds(f)}
    assert "HEC" not in names and "Hi" not in names


def test_a_name_the_ner_read_as_a_place_is_a_firm_before_its_founders(ex):
    f = run(ex, "Varnholt's founders, Ilse Moravec and Tobin Oyelaran, spent years on field robots.")
    assert ("Varnholt", "Company") in kinds(f)
    assert {("FOUNDED", "Ilse Moravec", "Varnholt"), ("FOUNDED", "Tobin Oyelaran", "Varnholt")} <= rels(f, "FOUNDED")


def test_a_hyphenated_place_in_a_list_stays_a_place(ex):
    f = run(ex, "Investors include Brannoch Robotics and Tarsk-based Quellon Systems.")
    assert ("Tarsk", "Company") not in kinds(f)


# ---------------------------------------------------------------------- people and their organisations
@pytest.mark.parametrize("text, person, org", [
    ("Kelvara Labs chief executive Maren Tolle said the round closed.", "Maren Tolle", "Kelvara Labs"),
    ('"We build tools," said Ivo Brandt, Pellan Robotics\' chief technology officer.', "Ivo Brandt", "Pellan Robotics"),
    ('"Small firms cannot train models," said Sela Quist, who leads partnerships at Vindel Labs.', "Sela Quist", "Vindel Labs"),
    ("Chief Scientist Jane Okafor of Quillon Systems opened the day.", "Jane Okafor", "Quillon Systems"),
])
def test_people_tied_by_title_forms(ex, text, person, org):
    assert ("AFFILIATED_WITH", person, org) in rels(run(ex, text), "AFFILIATED_WITH")


def test_a_founder_title_gives_founded_and_a_past_marker_no_affiliation(ex):
    f = run(ex, "Ai-Lab Tarsk was funded by the late Brannoch Robotics co-founder Tomas Lindqvist.")
    assert ("FOUNDED", "Tomas Lindqvist", "Brannoch Robotics") in rels(f, "FOUNDED")
    assert ("AFFILIATED_WITH", "Tomas Lindqvist", "Brannoch Robotics") not in rels(f)


def test_a_second_title_after_and_names_a_second_organisation(ex):
    f = run(ex, "- Tomas Lund, professor at the University of Tarsk and co-founder of Tero Analytics")
    assert ("AFFILIATED_WITH", "Tomas Lund", "University of Tarsk") in rels(f)
    assert ("FOUNDED", "Tomas Lund", "Tero Analytics") in rels(f)
    assert ("AFFILIATED_WITH", "Tomas Lund", "Tero Analytics") not in rels(f)  # only called a co-founder


def test_a_fronted_participle_names_the_founders(ex):
    f = run(ex, "Founded in 2022 by Mehmet Yildiz and Johanna Albers, Kanalwerk Systems is a spin-off of a lab.")
    assert {("FOUNDED", "Mehmet Yildiz", "Kanalwerk Systems"), ("FOUNDED", "Johanna Albers", "Kanalwerk Systems")} \
        <= rels(f, "FOUNDED")


def test_a_place_possessive_is_split_from_an_institute_but_not_from_a_firm_name(ex):
    f = run(ex, "The hub was founded by Dartmouth's Varnholt Marine Sciences Institute in 2019. "
                "Zanele Dube of Lion's Head Ventures spoke.")
    assert ("Dartmouth", "Cluster") in kinds(f) and ("Varnholt Marine Sciences Institute", "Institute") in kinds(f)
    assert ("Lion's Head Ventures", "Company") in kinds(f)


def test_roster_lines_after_an_honorific_a_byline_or_before_a_bracketed_town(ex):
    f = run(ex, "Programme\n• Counting kiwi - Dr Lily Chen, Department of Conservation\n"
                "• Floods - Ilse Moravec, Kererū Analytics (Christchurch)\nBy Efua Quaye, Ashanti Business Weekly")
    got = rels(f, "AFFILIATED_WITH")
    assert ("AFFILIATED_WITH", "Lily Chen", "Department of Conservation") in got
    assert ("AFFILIATED_WITH", "Efua Quaye", "Ashanti Business Weekly") in got


def test_copula_titles_and_lone_surnames(ex):
    f = run(ex, "Marc Castagné and Julien Ravel-Baptiste joined the board. Castagné is a co-founder of the "
                "wine-logistics firm Chai Express; Ravel-Baptiste is chief technology officer of Sud Ouest Cloud.")
    assert ("Castagné", "Person") in kinds(f) and ("Ravel-Baptiste", "Person") in kinds(f)
    assert ("AFFILIATED_WITH", "Julien Ravel-Baptiste", "Sud Ouest Cloud") in rels(f) or \
        ("AFFILIATED_WITH", "Ravel-Baptiste", "Sud Ouest Cloud") in rels(f)


def test_a_title_in_brackets_before_an_honorific_and_the_person(ex):
    f = run(ex, '"Data is thrown away," said Associate Dean (Research & Innovation) Dr Mikko Salonen of the '
                "Faculty of Engineering.")
    assert ("AFFILIATED_WITH", "Mikko Salonen", "Faculty of Engineering") in rels(f)
    assert "Associate" not in {t for t, _ in kinds(f)}


def test_one_word_and_a_firm_are_two_firms_without_the_gazetteer(no_gazetteer_extractor):
    bare = no_gazetteer_extractor  # the session's extractor without the gazetteer (tests/conftest.py)
    f = run(bare, "Members include Quellix, Varnholt Group and others. Brannoch and Tarsk Systems opened offices.")
    names = {t for t, _ in kinds(f)}
    assert {"Quellix", "Varnholt Group", "Tarsk Systems"} <= names
    assert "Quellix, Varnholt Group" not in names and "Brannoch and Tarsk Systems" not in names
    f = run(bare, "The Department of Science and Technology funds the Toulouse fund Occitanie Deeptech.")
    assert ("Department of Science and Technology", "Agency") in kinds(f)
    assert ("Occitanie Deeptech", "Company") in kinds(f)


def test_founded_by_a_person_makes_a_body_and_meeting_somewhere_is_no_post(ex):
    f = run(ex, "Quimbaya was founded in 2024 by Laura Cifuentes and Andrés Montoya, who met as researchers at the "
                "Universidad de los Andes.")
    assert ("Quimbaya", "Company") in kinds(f)
    assert ("FOUNDED", "Laura Cifuentes", "Quimbaya") in rels(f)
    assert not any(r[0] == "AFFILIATED_WITH" and r[2] == "Universidad de los Andes" for r in rels(f))


def test_an_academic_post_at_a_name_makes_it_an_institute(ex):
    f = run(ex, "Hilde Vermeulen is a professor of electrical engineering at Quenlo Varsity. "
                "Gagnon: I did my doctorate at Tarnowa and stayed on.")
    assert ("Tarnowa", "Company") not in kinds(f)
    assert ("AFFILIATED_WITH", "Hilde Vermeulen", "Quenlo Varsity") in rels(f)


def test_media_contact_lines_and_a_noun_that_says_what_a_body_is(ex):
    f = run(ex, "Media contact: Mariam Al Ketbi, Falaj Analytics, media@falaj.example\n\n"
                "Both firms are members of the regional association Vardo-Rhône Robotics, which brokered the deal.")
    assert ("AFFILIATED_WITH", "Mariam Al Ketbi", "Falaj Analytics") in rels(f)
    assert ("Vardo-Rhône Robotics", "Institute") in kinds(f)


def test_name_lines_with_a_bracket_in_the_title_and_founders_named_after_the_firm(ex):
    f = run(ex, "Advisory board\nYusuf Demir (chair), Chief Scientist, Quillon Systems\n"
                "- Grace Whitfield, Vice President (AI Platforms), Ardent Motion")
    got = rels(f, "AFFILIATED_WITH")
    assert ("AFFILIATED_WITH", "Yusuf Demir", "Quillon Systems") in got
    assert ("AFFILIATED_WITH", "Grace Whitfield", "Ardent Motion") in got
    f = run(ex, "Varnholt Robotics' founders, Ilse Moravec and Tobin Oyelaran, met in Tartu.")
    assert ("FOUNDED", "Tobin Oyelaran", "Varnholt Robotics") in rels(f)
    assert ("AFFILIATED_WITH", "Tobin Oyelaran", "Varnholt Robotics") not in rels(f)  # only called a founder
