"""A town named only as the place of a planned site is no Cluster (issue 14, entity precision; docs/annotation.md:
"plans to open an office in Oslo" -- Oslo is not a Cluster). ``ingest/nlp/mentions/planned_places.py``. Invented
names, empty gazetteer; plans in several forms (plan word before the site, a list of towns, "is planned" after) and
near-misses where the site is a fact (opened, has, runs) next to a plan about something else.
"""

from __future__ import annotations

import pytest

from tests.helpers import names_in as texts


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


@pytest.mark.parametrize("text, town", [
    ("Orsa Labs plans to open a sales office in Lisbon in 2027.", "Lisbon"),
    ("Kessel Robotics is evaluating a second site in Hilo, but no decision has been taken.", "Hilo"),
    ("We hope to open an office in Abidjan next year, said the chief executive of Orsa Labs.", "Abidjan"),
    ("A third office of Orsa Labs in Artigas is planned for 2027.", "Artigas"),
    ("Orsa Labs is headquartered in Porto; it plans to open an office in Vigo.", "Vigo"),
    ("Kessel Robotics said it was considering a sales office in Bishkek.", "Bishkek"),
])
def test_town_of_a_planned_site_is_no_cluster(bare, text, town):
    assert town not in texts(bare, text)


@pytest.mark.parametrize("text, town", [
    ("Kessel Robotics opened an office in Oslo last year and plans to hire 20 engineers.", "Oslo"),
    ("Kessel Robotics, which has a sales office in Graz, plans to raise a Series B round.", "Graz"),
    ("The company may expand, and it runs a lab in Tartu with Halvik University.", "Tartu"),
    ("Orsa Labs is headquartered in Porto; it plans to open an office in Vigo.", "Porto"),
])
def test_town_of_a_site_in_fact_stays(bare, text, town):
    assert town in texts(bare, text)
