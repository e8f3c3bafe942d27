"""Typed entities on unseen text, by the form of the text (issue 14): every name here is invented and the gazetteer
is empty, so a rule must work from the words around a name. Positives and the near-misses that must not change.

People: ``mentions/person_names.py`` (given names from ``data/lexicon/first_names.txt``, cue words in
``data/lexicon/person_forms.json``).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.mentions.person_names import forms
from tests.helpers import facts_of, mention_kinds


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


def kinds(extractor, text: str) -> set[tuple[str, str]]:
    return {(t, k) for t, k in mention_kinds(facts_of(extractor, text))}


def typed(extractor, text: str, name: str) -> set[str]:
    return {k for t, k in kinds(extractor, text) if t == name}


# ---------------------------------------------------------------------------------------------- the given names
def test_the_given_name_list_is_shipped_and_leaves_out_everyday_words():
    f = forms()
    assert len(f.given) > 10_000
    for name in ("Catalina", "Ravi", "Tigran", "Giorgi", "Aynur", "Wouter", "Hernán"):
        assert name in f.given, name
    for word in ("Will", "Grace", "May", "Mark", "Partner", "Chair", "Foundation"):
        assert word not in f.given, word


# ---------------------------------------------------------------------------------------------- roster lines
@pytest.mark.parametrize("text, person", [
    ("Steering group\n- Dr. Ilse Brandvold, Fjordane Maritime Institute\n- Oskar Tvedten, Nordvik Harbour Authority\n",
     "Oskar Tvedten"),
    ("Speakers\nMirela Dascalu, Chief Operating Officer, Somes Data Works\n", "Mirela Dascalu"),
    ("Panel: Rivers and data\nModerator: Teodor Vrabie, Crisana Business Weekly\n", "Teodor Vrabie"),
    ("Writers: Nadira Qosimova (Senior Fellow, Ferghana Policy Lab); Dr. Botir Usmonov (Lecturer, Andijan Polytechnic)\n",
     "Nadira Qosimova"),
    ("Officers of the company\n- Joaquín Berríos Lugo, President and Chief Executive Officer; joined in 2019\n",
     "Joaquín Berríos Lugo"),
    ("• Wouter Van Assche (treasurer, Demer Instruments)\n• Liesbet Claes (Kempen Institute for Sensors)\n",
     "Liesbet Claes"),
    ("By Zodwa Mahlangu, Limpopo Tech Notes | 3 May 2026\n", "Zodwa Mahlangu"),
])
def test_a_name_opening_a_roster_line_is_a_person(bare, text, person):
    assert "Person" in typed(bare, text, person)


@pytest.mark.parametrize("text, first_word_cut", [
    ("Founders: Valentina Orrego Fuentes, Tomás Aravena\nHeadquarters: Talca, Chile\n", "Orrego Fuentes"),
    ("Board\n- Anand Krishna Pillai, Treasurer\n", "Krishna Pillai"),
])
def test_a_given_name_opens_the_name_the_ner_cut(bare, text, first_word_cut):
    people = {t for t, k in kinds(bare, text) if k == "Person"}
    assert first_word_cut not in people
    assert any(p.endswith(first_word_cut) and p != first_word_cut for p in people), people


@pytest.mark.parametrize("text, person", [
    ("The foundation is run by a board of trustees chaired by Meera Shrestha-Kaul and funds ten fellows.", "Meera Shrestha-Kaul"),
    ("The university's technology office, directed by Paloma Quiroga Sanz, files the patents.", "Paloma Quiroga Sanz"),
    ("The seed round drew two funds and angel investor Esteban Larraín.", "Esteban Larraín"),
    ("The report's editor, Samina Farooqi, also teaches at the Ravi School of Design.", "Samina Farooqi"),
])
def test_a_name_the_text_treats_as_a_person_in_prose(bare, text, person):
    assert "Person" in typed(bare, text, person)


def test_the_organisation_after_a_title_on_a_roster_line_is_no_person(bare):
    text = "Panel\n- Rustam Aliyev, co-founder, Kura Vision\n- Leyla Hajiyeva (chair, Mingachevir Instruments)\n"
    assert "Person" not in typed(bare, text, "Kura Vision")
    assert "Person" in typed(bare, text, "Rustam Aliyev")


# ---------------------------------------------------------------------------------------------- counter-examples
@pytest.mark.parametrize("text, name", [
    # an organisation named after a person keeps its head word
    ("The Ruth Ikeda Foundation funds the lab, chaired by Ruth Ikeda herself.", "Ruth Ikeda Foundation"),
    # a firm on a bulleted list of firms: no people around it
    ("Cohort\n- Lavra Sensing (Telavi), soil probes\n- Gurjaani Vision (Gurjaani), vine cameras\n", "Lavra Sensing"),
    # a round led by a fund: "led by" takes bodies too
    ("The round was led by Ararat Delta Capital, with Lori Seed Partners.", "Ararat Delta Capital"),
    # "said" before a firm whose title and person follow
    ('"It works," said Tavush Optics Chief Executive Anna Petrosyan.', "Tavush Optics"),
])
def test_organisations_stay_organisations(bare, text, name):
    assert "Person" not in typed(bare, text, name)


@pytest.mark.parametrize("text, title", [
    ("Farid Mammadov, Partner, Shirvan Ventures, spoke first.", "Partner"),
    ("Ana Rivera, Chief Financial Officer; formerly Controller of Isabela Biologics\n", "Controller"),
    ("Executive Officers of the Registrant\n- Ramón Vega, President\n", "Executive"),
    ("Dr. Kamal Hossain (Associate Professor, VUST, and Non-resident Fellow, BPI)", "Non"),
])
def test_job_titles_are_never_entities(bare, text, title):
    assert not typed(bare, text, title)
