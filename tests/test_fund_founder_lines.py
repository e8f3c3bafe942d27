"""FOUNDED by organisations that open a lab together and by founder titles on speaker lines
(relation_fund_founder_lines.py), through the real spaCy pipeline. Invented names; near-misses must give nothing."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

F = "FOUNDED"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def test_two_organisations_open_a_lab_after_a_dateline(ex):
    got = relations_in(ex, "VELMORA, Tessaly, 3 March 2026 -- Quillon Analytics Ltd, a Velmora-based developer of "
                           "satellite models for fisheries, and the Orrin Institute of Marine Data (OIMD) today opened "
                           "the Kestrel Observation Lab, a joint lab of the two organisations.")
    assert (F, "Quillon Analytics Ltd", "Kestrel Observation Lab") in got
    assert (F, "Orrin Institute of Marine Data", "Kestrel Observation Lab") in got


def test_will_open_and_has_opened(ex):
    got = relations_in(ex, "Tarsk Polytechnic University and Brenmoor Robotics will open the Tarsk-Brenmoor Vision "
                           "Centre next year.")
    assert (F, "Tarsk Polytechnic University", "Tarsk-Brenmoor Vision Centre") in got
    assert (F, "Brenmoor Robotics", "Tarsk-Brenmoor Vision Centre") in got
    got = relations_in(ex, "The Galdora Institute of Technology has opened the Halvard Field Robotics Lab on its "
                           "northern campus.")
    assert (F, "Galdora Institute of Technology", "Halvard Field Robotics Lab") in got


def test_a_lab_named_in_an_apposition_after_the_lab_noun(ex):
    got = relations_in(ex, "In 2020 the Orrin Centre for Machine Perception opened a satellite lab in Velmora, the "
                           "Velmora Vision Lab, which works on forestry.")
    assert (F, "Orrin Centre for Machine Perception", "Velmora Vision Lab") in got


def test_an_organisation_outside_the_subject_list_opens_nothing(ex):
    got = relations_in(ex, "A report by Brenmoor Robotics says the Galdora Institute of Technology opened the "
                           "Halvard Field Robotics Lab.")
    assert (F, "Brenmoor Robotics", "Halvard Field Robotics Lab") not in got
    got = relations_in(ex, "Brenmoor Robotics, a customer, and the Galdora Institute of Technology did not open the "
                           "Halvard Field Robotics Lab; the Tessaly Agency opened the Orvala Data Centre.")
    assert (F, "Brenmoor Robotics", "Halvard Field Robotics Lab") not in got


def test_founder_titles_on_speaker_lines(ex):
    text = ("Start-up session\n"
            "- Orvala Soil AI — Marta Kellner, Founder\n"
            "- Brisk Otter Vision — Tomas Lindqvist, Founder and CTO (Velmora)\n"
            "- Jonas Petrak, co-founder and chief executive, Kelvara Robotics\n")
    got = relations_in(ex, text)
    assert (F, "Marta Kellner", "Orvala Soil AI") in got
    assert (F, "Tomas Lindqvist", "Brisk Otter Vision") in got
    assert (F, "Jonas Petrak", "Kelvara Robotics") in got


def test_other_titles_on_speaker_lines_found_nothing(ex):
    text = ("Panel\n"
            "- Orvala Soil AI — Marta Kellner, Head of Product\n"
            "- Jonas Petrak, chief executive, Kelvara Robotics\n")
    got = relations_in(ex, text)
    assert not any(r[0] == F for r in got)
