"""PARTNERS_WITH and ANCHORS only where the text states a current partnership or anchoring (issue 14).

These two types answer the headline questions (clusters sharing partners, a cluster's anchors), so the forms of
published text that name two organisations without tying them must give nothing: comparisons, competition,
"such as" lists of a cluster's companies, co-attendance, customers and suppliers, past ties, talks and plans,
"according to X", rankings, a report's author and the city it studied, "the largest employer in Y", "opened an
office in Y", list items after a trigger, two clauses with different subjects. The positives are the same
kinds of sentence in the forms that do state a tie. Every sentence is invented (names in no gazetteer) and runs
through the real pipeline; each case states the whole set of partnerships and anchors the sentence must give.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

V, O, B = "Veltra Dynamics", "Orsolo Robotics", "Brimfield Automation"
K, KI = "Kessel Institute", "Kessel Institute for Machine Learning"
N, T = "Nimbus Cloud", "Tampere"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def ties(ex, text: str) -> tuple[set[frozenset[str]], set[tuple[str, str]]]:
    """The partnerships (unordered pairs) and anchors (organisation, place) one text gives."""
    got = relations_in(ex, text)
    return ({frozenset((a, b)) for t, a, b in got if t == "PARTNERS_WITH"},
            {(a, b) for t, a, b in got if t == "ANCHORS"})


def pairs(*ps: tuple[str, str]) -> set[frozenset[str]]:
    return {frozenset(p) for p in ps}


NOTHING = [
    # comparisons and competition
    "Analysts often compare Veltra Dynamics with Orsolo Robotics, its closest rival in warehouse automation.",
    "Like Orsolo Robotics, Veltra Dynamics sells inspection drones to utilities.",
    "Veltra Dynamics is now larger than Orsolo Robotics by headcount.",
    "Veltra Dynamics competes with Orsolo Robotics and Brimfield Automation for hospital contracts.",
    "Veltra Dynamics, a rival of Orsolo Robotics, opened a second factory last year.",
    "Orsolo Robotics, a Veltra Dynamics rival, makes warehouse robots.",
    # "such as" lists of a cluster's companies, co-attendance, co-mention
    "The Tampere cluster is home to companies such as Veltra Dynamics, Orsolo Robotics and Brimfield Automation.",
    "Start-ups like Veltra Dynamics and Orsolo Robotics have grown quickly in Tampere.",
    "Veltra Dynamics, Orsolo Robotics and Brimfield Automation are among the start-ups in the Tampere cluster.",
    "Veltra Dynamics and Orsolo Robotics both exhibited at the Tampere Robotics Fair, which the Kessel Institute hosted.",
    "Speakers from Veltra Dynamics, Orsolo Robotics and the Kessel Institute for Machine Learning will appear on the "
    "opening panel.",
    "Researchers from Veltra Dynamics and Orsolo Robotics spoke at the Tampere AI Forum.",
    "Veltra Dynamics and Orsolo Robotics were both founded in Tampere in 2015.",
    # customers, suppliers, cloud use
    "Veltra Dynamics runs its models on Nimbus Cloud and buys its sensors from Orsolo Robotics.",
    "Veltra Dynamics counts Orsolo Robotics and Brimfield Automation among its customers.",
    "Orsolo Robotics is a customer of Veltra Dynamics.",
    "Orsolo Robotics, a Veltra Dynamics customer, makes warehouse robots.",
    "Veltra Dynamics supplies lidar units to Orsolo Robotics and to Brimfield Automation.",
    "Orsolo Robotics uses Nimbus Cloud servers and chips made by Veltra Dynamics.",
    "Veltra Dynamics signed a supply contract with Orsolo Robotics.",
    "Veltra Dynamics has a cloud services agreement with Nimbus Cloud.",
    "Veltra Dynamics reached an agreement with Orsolo Robotics to acquire its drone unit.",
    "Veltra Dynamics signed an agreement with Orsolo Robotics to buy 200 robots.",
    # past ties
    "Veltra Dynamics ended its partnership with Orsolo Robotics in 2021.",
    "Veltra Dynamics formerly partnered with Orsolo Robotics on warehouse software.",
    "Until 2020 Veltra Dynamics had a research partnership with the Kessel Institute for Machine Learning.",
    "Veltra Dynamics no longer partners with Orsolo Robotics.",
    "Veltra Dynamics previously collaborated with Orsolo Robotics, and the two companies now compete.",
    # talks and plans
    "Veltra Dynamics is in talks with Orsolo Robotics about a possible partnership.",
    "Veltra Dynamics plans to partner with Orsolo Robotics next year.",
    "Veltra Dynamics is exploring a collaboration with the Kessel Institute for Machine Learning.",
    "Veltra Dynamics hopes to sign a partnership agreement with Orsolo Robotics before the summer.",
    "Veltra Dynamics could partner with Orsolo Robotics next year.",
    "Veltra Dynamics is looking to partner with Orsolo Robotics.",
    "Veltra Dynamics and Orsolo Robotics discussed a possible alliance at the Tampere fair.",
    # "according to", rankings
    "According to the Kessel Institute for Machine Learning, Veltra Dynamics and Orsolo Robotics dominate the "
    "regional market.",
    "Veltra Dynamics ranks second behind Orsolo Robotics in the Kessel Institute's annual index.",
    "The ranking places Veltra Dynamics above Orsolo Robotics and Brimfield Automation.",
    # joint words that state no shared work; a headline that states no pact
    "Veltra Dynamics and Orsolo Robotics were jointly named finalists of the Tampere Innovation Award.",
    "Veltra Dynamics and Orsolo Robotics together employ about 3,000 people in Tampere.",
    "Veltra Dynamics and Orsolo Robotics jointly hold 40 percent of the market.",
    "Veltra Dynamics and Orsolo Robotics were together ranked among the top ten firms.",
    "Veltra Dynamics and Orsolo Robotics announce results for the third quarter",
    "Veltra Dynamics and Orsolo Robotics launch new products at Tampere fair",
    "Veltra Dynamics, Orsolo Robotics and Brimfield Automation signed the Tampere AI Pact in May.",
    # an event has partners and sponsors but no partnership; "a partner of" a network states membership
    "Veltra Dynamics is an official partner of the Tampere AI Summit.",
    "Veltra Dynamics partners with the Tampere Robotics Expo 2026 for the third year.",
    "Veltra Dynamics is a partner of the Tampere Robotics Network.",
    "Veltra Dynamics, Orsolo Robotics and Brimfield Automation are founding partners of the Tampere AI Alliance.",
    # an example of customers is no partner, even after a partnership word
    "Veltra Dynamics works closely with customers such as Orsolo Robotics.",
    "Veltra Dynamics partners with customers like Orsolo Robotics to test its drones.",
    # a report's author and the city it studied; size and sites are no anchoring
    "A report by the Harwick Policy Institute studied the Tampere AI cluster and its start-ups.",
    "The Harwick Policy Institute's 2024 study of Tampere found that the city lacks an anchor institution.",
    "Researchers at the Harwick Policy Institute mapped the AI cluster in Tampere.",
    "Veltra Dynamics is the largest employer in Tampere, with 4,000 staff.",
    "Veltra Dynamics and Orsolo Robotics are the two largest employers in Tampere.",
    "The largest employer in Tampere, Veltra Dynamics, opened a second plant in 2023.",
    "Veltra Dynamics opened an office in Tampere in 2022.",
    "Veltra Dynamics moved its headquarters to Tampere after the merger.",
    # anchoring words the guidelines do not count, anchors of something else, anchoring that is not current
    "Veltra Dynamics has its headquarters in the heart of Tampere.",
    "Veltra Dynamics sits at the heart of Tampere's robotics scene.",
    "Veltra Dynamics is a pillar of the Tampere economy.",
    "Kessel Capital anchored the $20 million round of Orsolo Robotics in Tampere.",
    "Kessel Capital was the anchor investor in Tampere's first AI fund.",
    "Veltra Dynamics is the anchor tenant of the new science park in Tampere.",
    "Veltra Dynamics could become an anchor for Tampere's robotics scene.",
    "Veltra Dynamics was once the anchor of the Tampere cluster.",
    "Veltra Dynamics hopes to anchor a new AI district in Tampere.",
    "Veltra Dynamics, unlike the anchor institutions of Oulu, has no research lab.",
    "Veltra Dynamics attracted $20 million in funding last year.",
    "Veltra Dynamics drew criticism for its Tampere layoffs.",
    "The Tampere Robotics Fair drew 3,000 visitors to Tampere, and Veltra Dynamics sponsored it.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_partnership_or_anchor_where_none_is_stated(ex, text):
    assert ties(ex, text) == (set(), set())


STATED = [
    # one tie per sentence, in varied forms
    ("Veltra Dynamics partners with Orsolo Robotics on warehouse software.", pairs((V, O)), set()),
    ("Veltra Dynamics partnered with Orsolo Robotics in 2023 to build a warehouse robot.", pairs((V, O)), set()),
    ("Veltra Dynamics has a research partnership with the Kessel Institute for Machine Learning.", pairs((V, KI)),
     set()),
    ("Veltra Dynamics works closely with Orsolo Robotics.", pairs((V, O)), set()),
    ("Veltra Dynamics worked with the Kessel Institute for Machine Learning on a drone study.", pairs((V, KI)), set()),
    ("Veltra Dynamics signed a research agreement with Orsolo Robotics.", pairs((V, O)), set()),
    ("Veltra Dynamics has a licensing agreement with Orsolo Robotics.", pairs((V, O)), set()),
    # a past word said of something else leaves a current tie
    ("Once a rival, Orsolo Robotics now partners with Veltra Dynamics.", pairs((V, O)), set()),
    ("Previously a supplier, Orsolo Robotics now has a research partnership with Veltra Dynamics.", pairs((V, O)),
     set()),
    ("Veltra Dynamics signed a memorandum of understanding with the Kessel Institute for Machine Learning.",
     pairs((V, KI)), set()),
    ("Veltra Dynamics entered into a strategic alliance with Orsolo Robotics.", pairs((V, O)), set()),
    ("The gripper was jointly developed by Veltra Dynamics and Orsolo Robotics.", pairs((V, O)), set()),
    ("Veltra Dynamics and the Kessel Institute for Machine Learning will jointly run the new test site.",
     pairs((V, KI)), set()),
    ("Veltra Dynamics co-developed the model with Orsolo Robotics.", pairs((V, O)), set()),
    ("The Kessel Institute and Serengeti Vision present their jointly developed platform at the fair.",
     pairs((K, "Serengeti Vision")), set()),
    ("Veltra Dynamics and Orsolo Robotics announce partnership on warehouse robots", pairs((V, O)), set()),
    ("Veltra Dynamics and Orsolo Robotics opened a joint lab in Tampere.", pairs((V, O)), set()),
    ("Orsolo Robotics, a Veltra Dynamics partner, makes warehouse robots.", pairs((V, O)), set()),
    ("Veltra Dynamics, with Orsolo Robotics as technology partner, won the tender.", pairs((V, O)), set()),
    ("The platform was developed by Veltra Dynamics in collaboration with the Kessel Institute for Machine Learning.",
     pairs((V, KI)), set()),
    # a list after a trigger: the subject with each item, never the items with each other
    ("The Kessel Institute partners with Veltra Dynamics, Orsolo Robotics and Brimfield Automation.",
     pairs((K, V), (K, O), (K, B)), set()),
    ("The Kessel Institute's partners include Veltra Dynamics, Orsolo Robotics and Brimfield Automation.",
     pairs((K, V), (K, O), (K, B)), set()),
    ("The Kessel Institute counts Veltra Dynamics, Orsolo Robotics and Brimfield Automation among its industrial "
     "partners.", pairs((K, V), (K, O), (K, B)), set()),
    ("Veltra Dynamics built the system alongside partners Orsolo Robotics and Brimfield Automation.",
     pairs((V, O), (V, B)), set()),
    ("Veltra Dynamics and Orsolo Robotics each announced partnerships with Nimbus Cloud.", pairs((V, N), (O, N)),
     set()),
    # two clauses, or a compared or cited name: only the clause that states the tie
    ("Veltra Dynamics is backed by Kessel Capital, and Orsolo Robotics partners with the Brimfield Institute.",
     pairs((O, "Brimfield Institute")), set()),
    ("Veltra Dynamics builds drones, while Orsolo Robotics collaborates with the Brimfield Institute on software.",
     pairs((O, "Brimfield Institute")), set()),
    ("Veltra Dynamics, which competes with Orsolo Robotics, announced a partnership with Nimbus Cloud.",
     pairs((V, N)), set()),
    ("According to Brimfield Analytics, Veltra Dynamics has a partnership with Orsolo Robotics.", pairs((V, O)), set()),
    ("Like Veltra Dynamics, Orsolo Robotics partners with the Kessel Institute for Machine Learning.", pairs((O, KI)),
     set()),
    ("Kessel Capital led the round, and Orsolo Robotics joined forces with Veltra Dynamics.", pairs((O, V)), set()),
    ("Veltra Dynamics, whose customers include Orsolo Robotics, partners with the Kessel Institute for Machine "
     "Learning.", pairs((V, KI)), set()),
    ("Alongside Veltra Dynamics, Orsolo Robotics partners with the Kessel Institute for Machine Learning.",
     pairs((V, KI), (O, KI)), set()),
    # a named joint venture is no party of its own partnership: its parents are
    ("Veltra Dynamics formed Selkirk Grid Intelligence, a joint venture with Orsolo Robotics, in 2024.",
     pairs((V, O)), set()),
    ("Selkirk Grid Intelligence, a joint venture between Veltra Dynamics and Orsolo Robotics, builds grid software.",
     pairs((V, O)), set()),
    # a named unit of an organisation is the partner, not its owner; an unnamed unit leaves the owner as partner
    ("The Kessel Institute's partners include the Tampere City Council's Digital Services Directorate.",
     pairs((K, "Digital Services Directorate")), set()),
    ("Veltra Dynamics collaborates with the Kessel Institute's fire-science group on field tests.", pairs((V, K)),
     set()),
    ("Orsolo Robotics's partnership with Veltra Dynamics began in 2020.", pairs((V, O)), set()),
    ("Veltra Dynamics's long-standing research partnership with Orsolo Robotics was renewed.", pairs((V, O)), set()),
    # anchoring
    ("Veltra Dynamics is the anchor of the Tampere cluster.", set(), {(V, T)}),
    ("According to a Harwick Policy Institute report, Veltra Dynamics is the anchor of the Tampere cluster.", set(),
     {(V, T)}),
    ("Veltra Dynamics has drawn engineers to Tampere for a decade.", set(), {(V, T)}),
    ("Veltra Dynamics has attracted hundreds of researchers to Tampere since 2015.", set(), {(V, T)}),
    ("Veltra Dynamics and Orsolo Robotics draw engineers and suppliers to the Tampere region.", set(),
     {(V, T), (O, T)}),
    ("The Kessel Institute for Machine Learning anchors Tampere's research community.", set(), {(KI, T)}),
    ("The Tampere cluster is anchored by Veltra Dynamics and the Kessel Institute for Machine Learning.", set(),
     {(V, T), (KI, T)}),
    ("Together with the Kessel Institute for Machine Learning, Veltra Dynamics is an anchor of the Tampere cluster.",
     set(), {(V, T), (KI, T)}),
]


@pytest.mark.parametrize("text,partners,anchors", STATED)
def test_stated_partnerships_and_anchors_hold(ex, text, partners, anchors):
    assert ties(ex, text) == (partners, anchors)
