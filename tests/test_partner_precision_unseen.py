"""PARTNERS_WITH precision on forms of published text the dev documents do not hold (issue 14).

Each sentence is invented (names in no gazetteer) and runs through the real pipeline. The forms are those that
named two organisations without a partnership between them on unseen text: subjects of a partnership verb whose
"with" names no one ("A and B work with local hospitals"), partners of a project ("A and B are partners in the X
project"), event co-hosts ("The summit is organised jointly by A and B"), a tie that is not agreed ("I hope A can
partner with B, but nothing is signed"), a pact's partner list closed by "whose", a unit and its own parent, and an
owner-less partner list of a unit the passage is about (not the page's parent). The positives are the same forms
where the text does state the tie.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

V, O, B = "Veltra Dynamics", "Orsolo Robotics", "Brimfield Automation"
K, KI, N = "Kessel Institute", "Kessel Institute for Machine Learning", "Nimbus Cloud"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def partners(ex, text: str, title: str = "t") -> set[frozenset[str]]:
    return {frozenset((a, b)) for t, a, b in relations_in(ex, text, title) if t == "PARTNERS_WITH"}


def pairs(*ps: tuple[str, str]) -> set[frozenset[str]]:
    return {frozenset(p) for p in ps}


NOTHING = [
    # subjects of a partnership verb whose "with" names nobody: each works with others, not with each other
    "Veltra Dynamics and Orsolo Robotics work with local hospitals.",
    "Veltra Dynamics and Orsolo Robotics teamed up with universities to lobby for funding.",
    "Veltra Dynamics and Orsolo Robotics collaborate with research groups across Finland.",
    "Companies such as Veltra Dynamics and Orsolo Robotics have partnered with universities across Finland.",
    # partners of a project or programme
    "Veltra Dynamics and Orsolo Robotics are partners in the Horizon Sentinel project.",
    "Veltra Dynamics and Orsolo Robotics are partners on a drone safety project.",
    # event co-hosts
    "The Tampere AI Summit is organised jointly by Veltra Dynamics and the Kessel Institute.",
    "The hackathon, held every spring, was hosted jointly by Veltra Dynamics and the Kessel Institute.",
    "Veltra Dynamics and Orsolo Robotics co-hosted the Tampere AI Summit.",
    # a tie hoped for, not agreed
    "I hope Veltra Dynamics can partner with Orsolo Robotics, but nothing is signed.",
    "Veltra Dynamics has talked to Orsolo Robotics about a joint lab, but no agreement has been signed.",
    "We hope that Veltra Dynamics will collaborate with the Kessel Institute.",
    # lists and co-mentions of other kinds
    "Veltra Dynamics, Orsolo Robotics and Brimfield Automation have each raised more than $50 million.",
    "Members of the Nordic Robotics Consortium include Veltra Dynamics, Orsolo Robotics and the Kessel Institute.",
    "Veltra Dynamics and Orsolo Robotics are both members of the Nordic Robotics Consortium.",
    "We compete with companies such as Veltra Dynamics, Orsolo Robotics and Brimfield Automation.",
    "We rely on third-party suppliers, including Veltra Dynamics and Orsolo Robotics, for components.",
    "Sponsors of the Tampere AI Summit include Veltra Dynamics, Orsolo Robotics and Nimbus Cloud.",
    "Investors in Orsolo Robotics include Veltra Dynamics and Kessel Capital.",
    "Veltra Dynamics and Orsolo Robotics share a building in Tampere.",
    "In a joint statement, Veltra Dynamics and Orsolo Robotics denied the reports.",
    "Veltra Dynamics acquired Orsolo Robotics in 2022.",
    "Orsolo Robotics merged with Veltra Dynamics in 2021.",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_partnership_where_none_is_stated(ex, text):
    assert partners(ex, text) == set()


STATED = [
    ("Veltra Dynamics and Orsolo Robotics work closely with each other on grippers.", pairs((V, O))),
    ("Veltra Dynamics and Orsolo Robotics collaborate with the Kessel Institute.", pairs((V, K), (O, K))),
    ("Veltra Dynamics, Orsolo Robotics and the Kessel Institute have all partnered with Nimbus Cloud.",
     pairs((V, N), (O, N), (K, N))),
    ("The gripper was developed jointly by Veltra Dynamics and Orsolo Robotics.", pairs((V, O))),
    ("The training programme is run jointly by Veltra Dynamics and the Kessel Institute.", pairs((V, K))),
    ("Veltra Dynamics and Orsolo Robotics are both partners of the Kessel Institute.", pairs((V, K), (O, K))),
    ("The Kessel Institute's partners in the Horizon Sentinel project include Veltra Dynamics and Orsolo Robotics.",
     pairs((K, V), (K, O))),
    ("Veltra Dynamics has a research agreement with the northern campus of the Kessel Institute, whose Vision Lab will "
     "share data.", pairs((V, K))),
    ("Veltra Dynamics, a subsidiary of Kessel Holdings, and the Kessel Institute launched a joint lab.", pairs((V, K))),
    # a participle phrase after the subject: its agent is no party ("partners" is misread as a noun after it)
    ("Veltra Dynamics, backed by Kessel Capital, partners with Orsolo Robotics.", pairs((V, O))),
    ("The Tampere start-up Veltra Dynamics, funded by Kessel Capital, collaborates with Orsolo Robotics.",
     pairs((V, O))),
    ("Veltra Dynamics, which is owned by Kessel Holdings, partners with Orsolo Robotics.", pairs((V, O))),
    # a compared name between commas is no party; the subject is
    ("Veltra Dynamics, like Orsolo Robotics, partners with the Kessel Institute.", pairs((V, K))),
    ("Veltra Dynamics, unlike Orsolo Robotics, works closely with the Kessel Institute.", pairs((V, K))),
]


@pytest.mark.parametrize("text,expected", STATED)
def test_stated_partnerships_hold(ex, text, expected):
    assert partners(ex, text) == expected


UNIT_PAGE = (
    "University news | Harwick State University\n\n"
    "Harwick State University has opened the Selkirk Centre for Grid Analytics (SCGA), a research centre on the "
    "riverfront.\n\n"
    "SCGA will be directed by Dr. Marta Ilves, professor of electrical engineering. \"The data was always there,\" "
    "Ilves said.\n\n"
    "Industry partners include Veltra Dynamics, Orsolo Robotics and Brimfield Automation. The centre also has a "
    "research agreement with the Kessel Institute.\n"
)


def test_owner_less_partner_list_belongs_to_the_unit_the_passage_is_about(ex):
    got = partners(ex, UNIT_PAGE, title="University news | Harwick State University")
    unit = "Selkirk Centre for Grid Analytics"
    assert {frozenset((unit, x)) for x in (V, O, B)} <= got
    assert not any("Harwick State University" in p for p in got)
