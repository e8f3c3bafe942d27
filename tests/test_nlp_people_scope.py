"""Which name a founding phrase or a person's "of Org" is said of (relation_people_scope.py), through the real
spaCy pipeline. Invented names; each form with the near-miss that must give nothing."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

A, FD = "AFFILIATED_WITH", "FOUNDED"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def test_founders_of_a_spin_off_did_not_found_its_parent(ex):
    got = relations_in(ex, "Marrow Bay Analytics is a spin-off of Tellwick University founded in 2021 by "
                           "Oona Barlow and Ravi Pillay.")
    assert (FD, "Oona Barlow", "Marrow Bay Analytics") in got and (FD, "Ravi Pillay", "Marrow Bay Analytics") in got
    assert (FD, "Oona Barlow", "Tellwick University") not in got
    assert (FD, "Ravi Pillay", "Tellwick University") not in got


def test_fronted_spin_off_phrase_gives_the_subject_not_the_parent(ex):
    got = relations_in(ex, "A spin-out of the Sorrel Institute founded in 2019 by Ines Calder, Quaymark Robotics "
                           "employs 40 people.")
    assert (FD, "Ines Calder", "Quaymark Robotics") in got
    assert (FD, "Ines Calder", "Sorrel Institute") not in got


def test_founding_participle_is_said_of_the_nearest_list_item(ex):
    got = relations_in(ex, "Two firms came out of the lab: Pellow Robotics, which sells flow meters, and Tarnwick Analytics, "
                           "founded in 2023 by Agnes Holm and Bruno Salas.")
    assert (FD, "Agnes Holm", "Tarnwick Analytics") in got and (FD, "Bruno Salas", "Tarnwick Analytics") in got
    assert (FD, "Agnes Holm", "Pellow Robotics") not in got
    assert (FD, "Bruno Salas", "Pellow Robotics") not in got


def test_of_org_after_the_last_of_a_comma_list_is_that_persons_only(ex):
    got = relations_in(ex, "The board comprised Hilde Sorensen (chair), Piet Mulder, Carla Nunes of Brackwater "
                           "Capital and the economist Yara Silva.")
    assert (A, "Carla Nunes", "Brackwater Capital") in got
    assert (A, "Piet Mulder", "Brackwater Capital") not in got
    assert (A, "Hilde Sorensen", "Brackwater Capital") not in got


def test_bracketed_org_after_a_comma_item_is_not_shared(ex):
    got = relations_in(ex, "The jury consisted of Tomas Ek, Wanda Lis (Orlen Data Institute) and Mira Kolar.")
    assert (A, "Wanda Lis", "Orlen Data Institute") in got
    assert (A, "Tomas Ek", "Orlen Data Institute") not in got


def test_a_bare_pair_of_an_org_still_shares_it(ex):
    got = relations_in(ex, "The talk was given by Jane Okafor and Liam Brennan of Corrib Analytics.")
    assert (A, "Liam Brennan", "Corrib Analytics") in got and (A, "Jane Okafor", "Corrib Analytics") in got
