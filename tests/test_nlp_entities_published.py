"""Entity spans in published forms (issue 14): regions are no city clusters, job titles are no names, and the
furniture of press releases and news pages (datelines, headings, contact blocks, captions) names nobody.
Every sentence is invented; no organisation is in the gazetteer, and the extractor runs without it.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.world_places import world_places
from tests.helpers import facts_of, mention_kinds


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


def names(extractor, text: str) -> set[tuple[str, str]]:
    return {(t, k) for t, k in mention_kinds(facts_of(extractor, text)) if k != "Pronoun"}


def texts(extractor, text: str) -> set[str]:
    return {t for t, _ in names(extractor, text)}


# ---------------------------------------------------------------- regions
def test_the_region_list_is_ours_and_a_city_of_the_same_name_wins():
    wp = world_places()
    for region in ("Kerala", "Nordland", "Styria", "Carinthia", "Kansai", "Iowa", "Minas Gerais"):
        assert wp.only_region(region), region
    for city in ("Quebec", "New York", "Victoria", "Kochi"):
        assert not wp.only_region(city), city


@pytest.mark.parametrize("text, region", [
    ("The cooperative sells nets across Kerala and runs a depot in Kochi.", "Kerala"),
    ("Applicants need an office in Nordland, Troms or Finnmark.", "Troms"),
    ("The test bed serves firms in Carinthia and Styria.", "Carinthia"),
    ("Growers in Iowa and Nebraska buy the Velder Agronomics service.", "Iowa"),
    ("Savanta Robotics opened a plant in the state of Ondera last year.", "Ondera"),
    ("Officials of the Velka province met Savanta Robotics in Brno.", "Velka"),
    ("Brindle County officials signed a contract with Harlow Metrics.", "Brindle County"),
])
def test_a_region_named_as_a_place_is_no_entity(bare, text, region):
    assert region not in texts(bare, text)


def test_a_city_beside_a_region_stays_and_a_regional_body_stays(bare):
    got = names(bare, "Velder Agronomics has an office in Kochi, Kerala. The Brindle County Council funds it.")
    assert ("Kochi", "Cluster") in got and "Kerala" not in {t for t, _ in got}
    assert ("Brindle County Council", "Agency") in got


def test_a_region_the_text_calls_a_cluster_is_kept(bare):
    assert ("Kansai", "Cluster") in names(bare, "Kansai's robotics cluster grew again this year.")
