"""Long-tail places and organisation names in other languages (issue 14): the world place list and the
multilingual head words. Every sentence is invented; the organisations are in no gazetteer.
"""

from __future__ import annotations

import json

import pytest

from aikg.core.paths import shipped
from aikg.ingest.nlp import DocFacts
from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.mentions.world_names import world_name_words
from aikg.ingest.nlp.world_places import world_places
from aikg.ingest.nlp.world_places_source import place_list_text
from tests.helpers import facts_of, mention_kinds


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


run, kinds = facts_of, mention_kinds


def typed(facts: DocFacts, text: str) -> set[str]:
    return {m.type for m in facts.mentions if m.text == text}


# ---------------------------------------------------------------- the data
def test_the_place_list_knows_long_tail_towns_regions_and_exonyms():
    wp = world_places()
    for town in ("Kozhikode", "Lapu-Lapu City", "İzmir", "Ferrara", "Sioux Falls", "Oujda"):
        assert wp.kind(town) == "city", town
    assert wp.kind("NANTES") == "city"  # a dateline in capitals
    assert wp.kind("Calicut") == "city"  # a Latin-script alternate name of a large city
    assert wp.kind("Iowa") == "region"
    assert wp.kind("Kelvo Labs") is None
    assert wp.is_ambiguous("Reading") and wp.is_ambiguous("mobile") and not wp.is_ambiguous("Kozhikode")


def test_every_ambiguous_word_is_a_listed_place_and_the_list_names_its_source():
    wp = world_places()
    words = json.loads(shipped("places", "ambiguous_places.json").read_text(encoding="utf-8"))["words"]
    assert all(wp.kind(w) is not None for w in words)
    head = place_list_text().splitlines()[0]
    assert "GeoNames" in head and "CC BY" in head


def test_the_organisation_words_are_not_english_heads():
    words = world_name_words()
    for english in ("university", "institute", "centre", "company", "plan", "holding"):
        assert english not in words.heads
    assert words.heads["agenzia"] == "Agency" and words.heads["kooperatifi"] == "Company"
    assert "AS" in words.legal_forms and "as" not in words.legal_forms  # legal forms as written


# ---------------------------------------------------------------- places
def test_a_town_ending_a_roster_line_after_a_firm_is_a_place(bare):
    f = run(bare, "Industrial members\n- Velar Cold Chain Ltd, Kozhikode\n- Pamba Data Ltd, Thrissur\n")
    assert "Cluster" in typed(f, "Kozhikode") and "Cluster" in typed(f, "Thrissur")
    assert not {"Company", "Person"} & (typed(f, "Kozhikode") | typed(f, "Thrissur"))


def test_a_town_before_a_start_up_or_after_an_institute_in_is_kept(bare):
    f = run(bare, "The clinic works with the Ferrara start-up Pineta Sensori. Kelvo Labs is a research "
                  "company in Lapu-Lapu City that builds speech models.")
    assert ("Ferrara", "Cluster") in kinds(f)
    assert ("Ferrara", "Person") not in kinds(f)
    assert ("Lapu-Lapu City", "Cluster") in kinds(f)


def test_a_town_in_brackets_after_a_cohort_member_is_its_site(bare):
    f = run(bare, "Cohort members:\n- Tanja Freight AI (Tangier): container scheduling\n- Kelvo Labs (Oujda): triage tools\n")
    assert ("Tangier", "Cluster") in kinds(f) and ("Oujda", "Cluster") in kinds(f)


def test_a_town_inside_a_longer_name_stays_part_of_it(bare):
    f = run(bare, "Teknopark İzmir hosts the accelerator, and Bantay Bagyo Labs joined it.")
    assert ("İzmir", "Cluster") not in kinds(f)
    assert ("Bantay", "Cluster") not in kinds(f)


def test_reading_the_verb_mobile_the_adjective_and_a_person_named_florence_are_no_places(bare):
    f = run(bare, "Reading the report, analysts at Kelvo Labs praised its Mobile robots. Florence Adeyemi, "
                  "chief executive of Kelvo Labs, said the robots work well. Florence added that sales grew.")
    assert not {"Reading", "Mobile", "Florence"} & {t for t, k in kinds(f) if k == "Cluster"}


def test_a_month_a_function_word_or_a_firm_after_at_is_no_town(bare):
    f = run(bare, "Most early-stage capital goes to Kelvo Labs. Applications open in March. Jon Sandoval was a "
                  "senior engineer at Aurora. The Columbus-Dayton corridor keeps growing.")
    assert not {"Most", "March", "Aurora", "Dayton"} & {t for t, k in kinds(f) if k == "Cluster"}


def test_an_ambiguous_town_with_a_location_cue_or_a_country_is_a_place(bare):
    f = run(bare, "Kelvo Labs opened an office in Reading, England, last year.")
    assert ("Reading", "Cluster") in kinds(f)


# ---------------------------------------------------------------- names in other languages
def test_italian_names_are_not_cut_at_their_particles(bare):
    f = run(bare, "The Agenzia Regionale per la Ricerca dell'Emilia funds the Latteria Sociale di Crevalcore "
                  "and the Caseificio Val di Setta.")
    k = kinds(f)
    assert ("Agenzia Regionale per la Ricerca dell'Emilia", "Agency") in k
    assert ("Latteria Sociale di Crevalcore", "Company") in k
    assert ("Caseificio Val di Setta", "Company") in k
    assert not {t for t, _ in k} & {"di Crevalcore", "Emilia"}


def test_turkish_and_nordic_names_are_organisations_not_people(bare):
    f = run(bare, "Aydın İncir Birliği, Teknopark İzmir and Ege Girişim Sermayesi invested in Kvaløya Satellitt AS.")
    k = kinds(f)
    assert ("Aydın İncir Birliği", "Company") in k
    assert ("Teknopark İzmir", "Institute") in k
    assert ("Ege Girişim Sermayesi", "Company") in k
    assert ("Kvaløya Satellitt AS", "Company") in k
    assert not any(t == "Person" for _, t in k)


def test_french_names_with_elided_articles_stay_whole(bare):
    f = run(bare, "The École Supérieure de Soudage de l'Ouest partners with the Université Internationale de l'Atlas.")
    k = kinds(f)
    assert ("École Supérieure de Soudage de l'Ouest", "Institute") in k
    assert ("Université Internationale de l'Atlas", "Institute") in k


def test_a_person_with_name_particles_stays_a_person(bare):
    f = run(bare, "Ursula van der Berg, chief executive of Kelvo Labs, said the robots work well.")
    assert ("Ursula van der Berg", "Person") in kinds(f)
