"""A town named only in passing is no Cluster (issue 14, entity precision; ``ingest/nlp/mentions/places_in_passing.py``).

Forms learned from ecosystem reports, interviews and news: comparisons ("lower than in London"), people moving
("drawn engineers from A, B and C", "left for A"), a town as the home of unnamed firms ("two Stockholm funds").
Invented names, real towns (the gazetteer's); near-misses where a body is placed in the town in the same words.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import kinds_in


@pytest.fixture(scope="module")
def bare():
    return shared_extractor()  # the gazetteer's towns are the Clusters these forms make


def clusters(extractor, text: str) -> set[str]:
    return {t for t, k in kinds_in(extractor, text) if k == "Cluster"}


@pytest.mark.parametrize("text, town", [
    ("Orsa Labs is based in Tromsø. Salaries there are lower than in Oslo.", "Oslo"),
    ("Orsa Labs is based in Tromsø. Compared with start-ups in Bergen, its rounds are small.", "Bergen"),
    ("Kessel Robotics, a Tartu start-up, has drawn engineers to the city from Riga, Vilnius and Helsinki.", "Vilnius"),
    ("Kessel Robotics, a Tartu start-up, has drawn engineers to the city from Riga, Vilnius and Helsinki.", "Riga"),
    ("Kessel Robotics is based in Tartu. Investors from Warsaw and Prague have visited the company.", "Prague"),
    ("Halvik University is in Pori, although several of its best students have left for Stockholm.", "Stockholm"),
    ("Orsa Labs is based in Tromsø. Several founders told us they had considered moving to Oslo.", "Oslo"),
    ("Orsa Labs is based in Tromsø. We also had talks with two Stockholm funds, but they did not invest.", "Stockholm"),
    ("Kessel Robotics is based in Tartu. We compete with Riga firms for every contract.", "Riga"),
    ("Before Kessel Robotics she spent eight years at a Singapore e-commerce group.", "Singapore"),
    ("Orsa Labs is based in Tromsø. Why build a company here and not in Bergen?", "Bergen"),
])
def test_town_in_passing_is_no_cluster(bare, text, town):
    assert town not in clusters(bare, text)


@pytest.mark.parametrize("text, town", [
    ("Orsa Labs is headquartered in Tromsø and has an office in Oslo.", "Oslo"),
    ("Speakers came from Bergen's Orsa Labs and from Halvik University.", "Bergen"),
    ("Kessel Robotics, a Stornoway start-up, builds drones for fish farms.", "Stornoway"),
    ("The Bergen start-ups Fjellkode and Orsa Labs signed the agreement.", "Bergen"),
    ("Orsa Labs is based just outside Tromsø, near the airport.", "Tromsø"),
    ("Kessel Robotics moved to Tartu last year to be closer to its customers.", "Tartu"),
    ("Kessel Robotics has drawn engineers to Tartu, where it opened its second lab.", "Tartu"),
    ("Kessel Robotics is a Tartu start-up that builds drones.", "Tartu"),
    ("Tartu start-ups such as Kessel Robotics and Orsa Labs sell to farms.", "Tartu"),
    ("Orsa Labs hires more people in Tromsø than at its Oslo office.", "Oslo"),
    ("Halvik University has a campus in Tartu and trains engineers from across the region.", "Tartu"),
])
def test_town_where_a_body_is_placed_stays(bare, text, town):
    assert town in clusters(bare, text)
