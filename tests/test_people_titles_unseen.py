"""AFFILIATED_WITH in published forms of people's posts that unseen documents held and the rules missed (issue 14).

Forms: a byline closed by a date separator ("Posted by A, Partner, Org · 24 November 2026"); a contact line with a
unit before the organisation ("Media contact: A, Office of Communications, Org"); a description before "who runs"
("A, the Finnish computer scientist who runs Org"); a copula with two posts ("A is head of X at Org1 and a visiting
professor at Org2"); founders "who still run it" (the organisation the sentence opens with); "She" after a
sentence whose subject is one person of several ("A co-founded X with B. She is the company's CTO"). Near-misses:
former posts, a post ended in the past, alumni, a programme as target. Every name is invented; the real pipeline
runs.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

MI, AL = "Marta Ilves", "Anders Lahti"
V, O, K = "Veltra Dynamics", "Orsolo Robotics", "Kessel Institute"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def affiliations(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == "AFFILIATED_WITH"}


STATED = [
    # bylines and contact lines
    ("Posted by Marta Ilves, Head of Research, Altyn Dala Ventures · 24 November 2026", {(MI, "Altyn Dala Ventures")}),
    ("Posted by Marta Ilves, Partner, Altyn Dala Ventures | 24 November 2026", {(MI, "Altyn Dala Ventures")}),
    ("Media contact: Marta Ilves, Office of University Communications, Harwick State University",
     {(MI, "Harwick State University")}),
    ("Press: Marta Ilves, Department of Public Affairs, Veltra Dynamics", {(MI, V)}),
    # a description before the relative clause of leading
    ("Marta Ilves, the Finnish computer scientist who runs Veltra Dynamics, spoke first.", {(MI, V)}),
    ("Marta Ilves, a roboticist who has led the Kessel Institute since 2019, spoke first.", {(MI, K)}),
    # a copula with two posts
    ("Marta Ilves is head of machine learning at Veltra Dynamics and a visiting professor at the Kessel Institute.",
     {(MI, V), (MI, K)}),
    # founders who run "it": the organisation that opens the sentence
    ("Orsolo Robotics builds drones. The company was set up in 2009 by the engineers Marta Ilves and Anders Lahti, "
     "who still run it as chief executive and chief technology officer.", {(MI, O), (AL, O)}),
    ("Veltra Dynamics was founded in 2015 by Marta Ilves, who runs it from Tampere.", {(MI, V)}),
    # a unit of an organisation whose name ends in "s'" after a verb of leading, in a quote's speaker line
    ("\"This is the right moment,\" said Marta Ilves, who leads Veltra Dynamics' robotics lab.", {(MI, V)}),
    # an honorific before "Name of the Org"
    ("Dr. Marta Ilves of the Kessel Institute presented the results.", {(MI, K)}),
    ("Other members are Dr. Marta Ilves of the Kessel Institute and Professor Anders Lahti, formerly of Orsolo "
     "Robotics.", {(MI, K)}),
    # "She" after a sentence whose subject is one of two people
    ("Marta Ilves co-founded Veltra Dynamics, a Tampere start-up, in 2021 together with Anders Lahti. She is the "
     "company's chief technology officer.", {(MI, V)}),
]


@pytest.mark.parametrize("text,expected", STATED)
def test_stated_posts_are_found(ex, text, expected):
    assert expected <= affiliations(ex, text)


NEAR_MISSES = [
    ("Marta Ilves, the engineer who ran Veltra Dynamics until 2020, spoke first.", (MI, V)),
    ("Marta Ilves, a researcher who previously led Orsolo Robotics, spoke first.", (MI, O)),
    ("Veltra Dynamics was founded in 2015 by Marta Ilves, who ran it until 2020.", (MI, V)),
    ("Marta Ilves, a graduate of the Kessel Institute, founded a start-up.", (MI, K)),
    ("Marta Ilves, managing director of the Tampere AI Accelerator, opened the event.", (MI, "Tampere AI Accelerator")),
    ("Other members are Dr. Marta Ilves of the Kessel Institute and Professor Anders Lahti, formerly of Orsolo "
     "Robotics.", (AL, K)),
    ("Other members are Dr. Marta Ilves of the Kessel Institute and Professor Anders Lahti, formerly of Orsolo "
     "Robotics.", (AL, O)),
    ("- Orsolo Robotics — Marta Ilves, Founder", (MI, O)),
    ("Marta Ilves and Anders Lahti founded Veltra Dynamics in 2021. She is a professor at the Kessel Institute.",
     (MI, K)),
]


@pytest.mark.parametrize("text,absent", NEAR_MISSES)
def test_past_posts_alumni_and_programmes_are_not_affiliations(ex, text, absent):
    assert absent not in affiliations(ex, text)
