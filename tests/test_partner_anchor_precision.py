"""PARTNERS_WITH and ANCHORS precision on distractor forms of published text (issue 14, wave 13).

The forms come from press releases, news, event pages and cluster write-ups (sponsor and speaker lines, "whose
clients include", rivals and comparisons, members and co-investors, partners of a third party, talks, refusals and
ended ties, people moving between firms, "anchor tenant" and dateline cities). Every sentence is invented (names in
no gazetteer) and runs through the real pipeline. The near-misses must give no partnership (or no anchor); the
positives, in the same forms, must give exactly their ties. Rules: relation_guard.other_clause (a name in another
semicolon clause), refusal verbs over a trigger ("declined to partner with", "withdrew from its alliance with"),
prospect verbs in their third-person forms ("The city hopes X will anchor ..."), relation_partner_with's clause
openers ending a pact's partner list ("with K, while O works with N"), relation_partner_denied's predicates right
after the pair ("X's partnership with Y expired in 2022", "... is under discussion").
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

V, O, B = "Veltra Dynamics", "Orsolo Robotics", "Brimfield Automation"
K, N, U = "Kessel Institute", "Nimbus Cloud", "University of Tarsk"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def partners(ex, text: str) -> set[frozenset[str]]:
    return {frozenset((a, b)) for t, a, b in relations_in(ex, text) if t == "PARTNERS_WITH"}


def anchors(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == "ANCHORS"}


NO_PARTNERSHIP = [
    # customers and suppliers
    "Veltra Dynamics, whose clients include Orsolo Robotics and Nimbus Cloud, opened an office in Oslo.",
    "Veltra Dynamics supplies chips to Orsolo Robotics, which builds warehouse robots.",
    "Veltra Dynamics signed a licensing deal to sell its software to Orsolo Robotics.",
    "Veltra Dynamics selected Nimbus Cloud as its cloud provider.",
    "Veltra Dynamics's biggest customer is Orsolo Robotics.",
    # competitors and comparisons
    "Unlike Orsolo Robotics, Veltra Dynamics does not sell hardware.",
    "Veltra Dynamics, a rival of Orsolo Robotics, raised $20 million.",
    "Veltra Dynamics is seen as the main challenger to Orsolo Robotics.",
    "Veltra Dynamics beat Orsolo Robotics and Brimfield Automation to win the contract.",
    # events
    "Speakers from Veltra Dynamics and Orsolo Robotics will present at the Tampere AI Summit.",
    "The main sponsors for the event were Veltra Dynamics and Nimbus Cloud.",
    "Representatives from Veltra Dynamics, Orsolo Robotics and Brimfield Automation attended the workshop.",
    "The Tampere AI Summit is organised by the Kessel Institute, with support from Veltra Dynamics and Orsolo Robotics.",
    # members of one body, co-investors
    "Veltra Dynamics and Orsolo Robotics are founding members of the Nordic Robotics Alliance.",
    "Veltra Dynamics has joined the Nordic Robotics Alliance (NRA), alongside Orsolo Robotics.",
    "Marrow Capital, which also backs Orsolo Robotics, led the round in Veltra Dynamics.",
    # talks, plans, refusals, ended ties
    "Veltra Dynamics is in talks with Orsolo Robotics about a joint venture.",
    "Veltra Dynamics declined to partner with Orsolo Robotics.",
    "Veltra Dynamics refused to collaborate with Orsolo Robotics.",
    "Veltra Dynamics withdrew from its alliance with Orsolo Robotics.",
    "Veltra Dynamics has suspended its collaboration with Orsolo Robotics.",
    "Veltra Dynamics's partnership with Orsolo Robotics expired in 2022.",
    "The collaboration between Veltra Dynamics and Orsolo Robotics ended last year.",
    "A partnership between Veltra Dynamics and Orsolo Robotics is under discussion.",
    "Veltra Dynamics's agreement with Orsolo Robotics is still being negotiated.",
    "Veltra Dynamics expects to sign an agreement with Orsolo Robotics later this year.",
    "Veltra Dynamics announced a possible partnership with the Kessel Institute.",
    "Veltra Dynamics and Orsolo Robotics announce a possible alliance.",
    "Veltra Dynamics announced the end of its partnership with the Kessel Institute.",
    # investors in a fund and job titles are no partners
    "Marrow Capital counts the state development bank Kessel Bank and the Oslo family office Nimbus Holdings among "
    "its limited partners.",
    "It counts the pension fund Orsolo Pension Trust and the Madrid family office Grupo Brimfield among its limited "
    "partners.",
    "Marrow Capital's limited partners include Orsolo Robotics and the Kessel Institute.",
    # supply and purchase under an agreement
    "Veltra Dynamics operates the line under a supply agreement with Orsolo Robotics.",
    "Veltra Dynamics buys its lidar under a purchase agreement with Orsolo Robotics.",
    # people moves
    "Anna Virtanen, who led partnerships at Orsolo Robotics, joined Veltra Dynamics in May.",
    "Veltra Dynamics poached three engineers from Orsolo Robotics.",
]


@pytest.mark.parametrize("text", NO_PARTNERSHIP)
def test_no_partnership_in_distractor_forms(ex, text):
    assert partners(ex, text) == set()


STATED = [
    # a partner of a third party: the name in the semicolon's other clause is nobody's partner
    ("Veltra Dynamics partners with the Kessel Institute; Orsolo Robotics, meanwhile, opened a lab in Turku.",
     [(V, K)]),
    # the semicolon's second clause states its own tie
    ("Veltra Dynamics partners with the Kessel Institute; Orsolo Robotics, meanwhile, works with Nimbus Cloud.",
     [(V, K), (O, N)]),
    # a clause opener ends the pact's list: the second clause's tie is its own subject's
    ("Veltra Dynamics has a partnership with the Kessel Institute, while Orsolo Robotics works with Nimbus Cloud.",
     [(V, K), (O, N)]),
    ("Veltra Dynamics has a research agreement with the Kessel Institute, but Orsolo Robotics builds its own models.",
     [(V, K)]),
    ("Veltra Dynamics signed a cooperation agreement with the Kessel Institute and the Tarsk firm Orsolo Robotics.",
     [(V, K), (V, O)]),
    ("Orsolo Robotics, a customer of Veltra Dynamics, has a research partnership with the Kessel Institute.", [(O, K)]),
    ("Unlike Veltra Dynamics, Orsolo Robotics has partnered with Nimbus Cloud.", [(O, N)]),
    ("While Veltra Dynamics builds its own chips, Orsolo Robotics partners with Nimbus Cloud.", [(O, N)]),
    ("Veltra Dynamics and Orsolo Robotics each have partnerships with the Kessel Institute.", [(V, K), (O, K)]),
    # current ties in the same words as the ended and refused ones
    ("Veltra Dynamics has extended its partnership with the Kessel Institute until 2030.", [(V, K)]),
    ("Veltra Dynamics's partnership with Orsolo Robotics ended up covering three countries.", [(V, O)]),
    ("Veltra Dynamics has formed a strategic alliance with Orsolo Robotics.", [(V, O)]),
    ("The Kessel Institute has agreed to partner with Veltra Dynamics.", [(V, K)]),
    ("The Tampere AI Summit is hosted by the Kessel Institute in partnership with Veltra Dynamics.", [(K, V)]),
    ("Veltra Dynamics (VD) and the Kessel Institute (KI) have signed a research agreement.", [(V, K)]),
    ("Veltra Dynamics counts Orsolo Robotics and Nimbus Cloud among its research partners.", [(V, O), (V, N)]),
    # who acts under a pact with B partners with B: the agents after "by", else the subject
    ("Technical mentoring is provided by the Kessel Institute (KI) in Turku under an agreement with Veltra Dynamics.",
     [(K, V)]),
    ("Technical support is delivered by the Kessel Institute in Turku and by the Oslo software firm Orsolo Robotics, "
     "under agreements with Veltra Dynamics.", [(K, V), (O, V)]),
    ("Under a memorandum of understanding with the Kessel Institute, Veltra Dynamics trains engineers.", [(V, K)]),
    ("Veltra Dynamics builds the sensors under a licence agreement with Orsolo Robotics.", [(V, O)]),
    ("Veltra Dynamics announced a research partnership with the Turku campus of the University of Tarsk.", [(V, U)]),
    # an item described by a name before its trade noun: the item, not the describing name
    ("Veltra Dynamics's partners include the Kessel Institute spin-off Orsolo Robotics and Nimbus Cloud.",
     [(V, O), (V, N)]),
]


@pytest.mark.parametrize("text,expected", STATED)
def test_stated_partnerships_hold(ex, text, expected):
    assert partners(ex, text) == {frozenset(p) for p in expected}


NO_ANCHOR = [
    "The University of Tarsk is located in Tampere.",
    "TAMPERE, 3 March 2026 -- The Kessel Institute opened a new building on Monday.",
    "The Kessel Institute is one of the city's many labs.",
    "Tampere is home to the University of Tarsk and dozens of start-ups.",
    "Veltra Dynamics is the largest employer of engineers in Tampere.",
    "The Kessel Institute hopes to become an anchor of Tampere's AI cluster.",
    "The city hopes Veltra Dynamics will anchor Tampere's new innovation district.",
    "Tampere expects the University of Tarsk to anchor its robotics cluster.",
    "Veltra Dynamics was once the anchor of Tampere's robotics scene.",
    "Veltra Dynamics is an anchor investor in Tampere Seed Fund.",
    "Veltra Dynamics attracted 3,000 visitors to its Tampere open day.",
    "Marrow Capital anchored Veltra Dynamics's Series A round in Tampere.",
    "Veltra Dynamics was an anchor sponsor of Tampere Tech Week.",
]


@pytest.mark.parametrize("text", NO_ANCHOR)
def test_no_anchor_in_distractor_forms(ex, text):
    assert anchors(ex, text) == set()


ANCHORED = [
    ("The University of Tarsk is the anchor of Tampere's AI cluster.", [(U, "Tampere")]),
    ("The city says Veltra Dynamics will anchor Tampere's new innovation district.", [(V, "Tampere")]),
    ("Veltra Dynamics has drawn engineers to Tampere from all over Europe.", [(V, "Tampere")]),
    ("Tampere's AI scene is anchored by the University of Tarsk and the Kessel Institute.",
     [(U, "Tampere"), (K, "Tampere")]),
    ("The Kessel Institute anchors Tampere's robotics cluster.", [(K, "Tampere")]),
    ("The University of Tarsk is the anchor of the scene: its computer-science school has drawn engineers from Madrid "
     "and Seville to Oslo for a decade.", [(U, "Oslo")]),
    ("The Kessel Institute pulls talent from Helsinki into Oslo.", [(K, "Oslo")]),
    # the places people are drawn from are not anchored
    ("Veltra Dynamics has drawn engineers from Madrid and Seville to Oslo.", [(V, "Oslo")]),
]


@pytest.mark.parametrize("text,expected", ANCHORED)
def test_stated_anchors_hold(ex, text, expected):
    assert anchors(ex, text) == set(expected)
