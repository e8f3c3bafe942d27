"""ANCHORS and MEMBER_OF in published forms, and the towns they need, through the real spaCy pipeline (issue 14).

Forms learned from real pages, written here with invented names: city and regional economic-development articles
("Anchored by CMU, Pitt and UPMC, the city boasts an innovation corridor"; "the X has drawn a steady stream of
engineers to the city"), encyclopedia openings ("Kaolack is a city of 230,000 people"), a think tank's
"the cluster is centred on X", alliance launch news ("the newly launched AI Alliance boasts over 50 founding members,
including ..."; "Joining A and B in the alliance are ..."), accelerator news ("two start-ups have been selected to
join the cohort", "one of the companies taking part in P"). Rules: relation_member_among.py (share words, taking
part, counted members), relation_anchor.py (``centred on``), relation_anchor_nouns.py (a quantity before "of" in
what is drawn), mentions/anchored_towns.py and mentions/place_slots.py (a town in an anchor slot or as the target of
a drawing verb), mentions/place_forms.py ("<Town> is a port city of ..."). Near-misses: alumni and shortlisted groups,
a town with no programme, partners and employees counted, plans, a firm's anchor customer, criticism drawn, people
sent (not drawn), a strategy centred on a university, a port operator.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

A, M = "ANCHORS", "MEMBER_OF"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, kind: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, "News\n\n" + text) if t == kind}


# ---------------------------------------------------------------------------------------------- MEMBER_OF
@pytest.mark.parametrize("text, pairs", [
    ("Halvik Systems is one of 12 start-ups in the Brenna Launchpad's spring cohort.",
     [("Halvik Systems", "Brenna Launchpad")]),
    ("Halvik Systems is among the eight companies taking part in the Brenna Launchpad.",
     [("Halvik Systems", "Brenna Launchpad")]),
    ("Halvik Systems is a member of the Nordvik Vision Network, an association of forty firms, and one of the "
     "companies taking part in the Brenna Launchpad, a programme run by the Norland Ministry of Industry.",
     [("Halvik Systems", "Nordvik Vision Network"), ("Halvik Systems", "Brenna Launchpad")]),
    ("Brenna Robotics and Osterberg Data are two of the firms selected for the Brenna Launchpad.",
     [("Brenna Robotics", "Brenna Launchpad"), ("Osterberg Data", "Brenna Launchpad")]),
    ("The Nordvik AI Alliance boasts more than 40 founding members, including Halvik Systems and Brenna Robotics.",
     [("Halvik Systems", "Nordvik AI Alliance"), ("Brenna Robotics", "Nordvik AI Alliance")]),
    ("The Nordvik AI Alliance now counts 31 members, among them Halvik Systems, Kelvore University and the "
     "Osterberg start-up Brenna Robotics.",
     [("Halvik Systems", "Nordvik AI Alliance"), ("Kelvore University", "Nordvik AI Alliance"),
      ("Brenna Robotics", "Nordvik AI Alliance")]),
    ("The Nordvik Data Consortium has 12 member organisations, including Kelvore University and Halvik Systems.",
     [("Kelvore University", "Nordvik Data Consortium"), ("Halvik Systems", "Nordvik Data Consortium")]),
])
def test_member_forms(ex, text, pairs):
    got = rels(ex, text, M)
    for pair in pairs:
        assert pair in got, (pair, got)


@pytest.mark.parametrize("text", [
    "Halvik Systems was one of the start-ups shortlisted for the Brenna Launchpad.",
    "Halvik Systems is one of 12 start-ups in Brenna that sell to farmers.",
    "Halvik Systems is among the former participants of the Brenna Launchpad.",
    "The Nordvik AI Alliance has 40 partners, including Halvik Systems and Brenna Robotics.",
    "Halvik Systems has 40 employees, including engineers from Kelvore University.",
    "The Nordvik AI Alliance hopes to have 60 members next year, including Halvik Systems.",
    "The Nordvik AI Alliance had 40 former members, including Halvik Systems.",
])
def test_member_near_misses(ex, text):
    got = rels(ex, text, M)
    assert not {p for p in got if p[0] == "Halvik Systems"}, got


# ---------------------------------------------------------------------------------------------- ANCHORS
@pytest.mark.parametrize("text, pair", [
    ("The Hokuriku area's robotics cluster is centred on the Yodo Institute of Mechatronics.",
     ("Yodo Institute of Mechatronics", "Hokuriku")),
    ("Sobi Hills University has drawn a small crowd of drone and mapping start-ups to Ilorin over the past five years.",
     ("Sobi Hills University", "Ilorin")),
    ("Kelvore University has drawn engineers from Brenna and Lindau to Valdoria for a decade.",
     ("Kelvore University", "Valdoria")),
    ("Osterberg is a port city of 300,000 people on the Norland coast.\n\nOsterberg's anchor institutions include "
     "Kelvore University and Halvik Systems.", ("Kelvore University", "Osterberg")),
    ("Osterberg's anchors are Kelvore University and Halvik Systems.", ("Halvik Systems", "Osterberg")),
])
def test_anchor_forms(ex, text, pair):
    got = rels(ex, text, A)
    assert pair in got, (pair, got)


@pytest.mark.parametrize("text", [
    "The company's strategy is centred on Kelvore University's research.",
    "Halvik's anchor customer is Kelvore University, which buys its sensors.",
    "The campaign drew criticism to Valdoria from across Norland.",
    "Halvik Systems sent engineers to Valdoria last year.",
    "Valdoria hopes to attract an anchor like Kelvore University to its new park.",
    "Kelvore University draws students from Brenna to Valdoria and keeps many of them in the city.",
])
def test_anchor_near_misses(ex, text):
    assert not rels(ex, text, A)


def test_port_operator_stays_a_firm(ex):
    """"Halvik Ports is a port operator": the settlement noun does not end the description, the firm stays a firm."""
    got = relations_in(ex, "News\n\nHalvik Ports is a port operator on the Norland coast, and Kelvore University is the "
                           "anchor of Osterberg's AI scene. Halvik Ports is a member of the Nordvik AI Alliance.")
    assert ("MEMBER_OF", "Halvik Ports", "Nordvik AI Alliance") in got, got
    assert (A, "Kelvore University", "Osterberg") in got, got
