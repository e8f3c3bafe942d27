"""MEMBER_OF and PARTNERS_WITH in published forms (issue 14, wave 19), through the real spaCy pipeline.

Forms learned from published pages: Partnership on AI news ("The following organizations join the Partnership on AI in
November 2018:" over one name a line; "Today we are pleased to welcome 18 new organizations to the ... community ...:"
over bullets), accelerator cohort coverage ("X, a Nairobi start-up in the ... programme"), government programme pages
("The following firms were selected ... and are participants in P:" over "- Firm (Town): ..."), consortium pages
("the ... Consortium, of which X is a founding member") and conference programmes ("Hosted by the X (ACR), University
of Y, in partnership with A and B"). Every name is invented (relation_member_lead_lines.py, relation_partner_hosts.py).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def member(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "MEMBER_OF")


def partners(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), "PARTNERS_WITH")


# ---------------------------------------------------------------- a lead line with a colon, the list after it
@pytest.mark.parametrize("text, group, orgs", [
    ("Today we are pleased to welcome three new organisations to the Orrin Data Alliance:\n• Lumora Labs\n"
     "• Brakeley Analytics\n• Tarn University", "Orrin Data Alliance", ["Lumora Labs", "Brakeley Analytics", "Tarn University"]),
    ("The following firms were selected from 31 applicants and are participants in the Kestrel Launchpad:\n"
     "- Lumora Labs (Vellmar): camera systems for weirs\n- Brakeley Analytics (Tarn): log-grading software",
     "Kestrel Launchpad", ["Lumora Labs", "Brakeley Analytics"]),
    ("The Kestrel Launchpad, a start-up program operated by Tarn University, presents teams from its 2025 cohort:\n"
     "- Lumora Labs (Vellmar)\n- Brakeley Analytics (Tarn)", "Kestrel Launchpad", ["Lumora Labs", "Brakeley Analytics"]),
    ("New members of the Kestrel Vision Network:\n\n- Lumora Labs, a Riga start-up\n\n- the Vellmar firm Brakeley Analytics",
     "Kestrel Vision Network", ["Lumora Labs", "Brakeley Analytics"]),
    ("Three organisations joined the Orrin Data Alliance this spring:\n1. Lumora Labs\n2. Brakeley Analytics",
     "Orrin Data Alliance", ["Lumora Labs", "Brakeley Analytics"]),
])
def test_lead_list(ex, text, group, orgs):
    got = member(ex, text)
    for o in orgs:
        assert (o, group) in got


@pytest.mark.parametrize("text", [
    "Former members of the Orrin Data Alliance:\n- Lumora Labs\n- Brakeley Analytics",
    "Applicants to the Kestrel Launchpad's 2026 cohort:\n- Lumora Labs\n- Brakeley Analytics",
    "Sponsors of the Orrin Data Alliance summit:\n- Lumora Labs\n- Brakeley Analytics",
    "Speakers from the Orrin Data Alliance and the Kestrel Vision Network who join us today:\n- Lumora Labs\n"
    "- Brakeley Analytics",
    "Members of the Orrin Data Alliance board:\n- Dr Ilse Varga, Lumora Labs\n- Tomas Berg, Brakeley Analytics",
    "Firms that hope to join the Orrin Data Alliance next year:\n- Lumora Labs\n- Brakeley Analytics",
    # an intro line ending in a preposition: the list is its object, not the cohort (relation_membership.py)
    "The Kestrel Launchpad cohort has partnered with:\n- Lumora Labs\n- Brakeley Analytics",
    "Teams in the Kestrel Launchpad's current cohort buy their sensors from:\n- Lumora Labs\n- Brakeley Analytics",
])
def test_lead_list_near_misses(ex, text):
    got = member(ex, text)
    assert ("Lumora Labs", "Orrin Data Alliance") not in got
    assert ("Lumora Labs", "Kestrel Launchpad") not in got
    assert ("Lumora Labs", "Kestrel Vision Network") not in got


# ---------------------------------------------------------------- relative clauses and appositions
@pytest.mark.parametrize("text, org, group", [
    ("Tarn University also sits on the board of the Orrin Data Alliance, of which Lumora Labs is a founding member.",
     "Lumora Labs", "Orrin Data Alliance"),
    ("The Orrin Data Alliance (ODA), of which Lumora Labs has been a full member since 2021, met in Riga.",
     "Lumora Labs", "Orrin Data Alliance"),
    ("Professor Ilse Varga chairs the Kestrel Universities Consortium, of which Tarn University is also a member.",
     "Tarn University", "Kestrel Universities Consortium"),
    ("Lumora Labs, a Vellmar start-up in Tarn University's Kestrel Launchpad program, signed its first commercial "
     "contract last month.", "Lumora Labs", "Kestrel Launchpad"),
    ("Brakeley Analytics, a robotics company from the Kestrel Launchpad's 2025 cohort, opened an office in Riga.",
     "Brakeley Analytics", "Kestrel Launchpad"),
    ("The Kestrel Launchpad runs for six months. Lumora Labs has been one of its participants since January.",
     "Lumora Labs", "Kestrel Launchpad"),
])
def test_relative_forms(ex, text, org, group):
    assert (org, group) in member(ex, text)


@pytest.mark.parametrize("text, org, group", [
    ("Tarn University sits on the board of the Orrin Data Alliance, of which Lumora Labs was once a member.",
     "Lumora Labs", "Orrin Data Alliance"),
    ("Lumora Labs, a Vellmar start-up in the Tarn Science Park, signed its first commercial contract last month.",
     "Lumora Labs", "Tarn Science Park"),
    ("Lumora Labs, a customer of the Kestrel Launchpad, signed its first contract.", "Lumora Labs", "Kestrel Launchpad"),
    ("The Kestrel Launchpad runs for six months. Lumora Labs has been one of its customers since January.",
     "Lumora Labs", "Kestrel Launchpad"),
])
def test_relative_near_misses(ex, text, org, group):
    assert (org, group) not in member(ex, text)


# ---------------------------------------------------------------- "Hosted by H ..., in partnership with A and B"
@pytest.mark.parametrize("text, host, items", [
    ("Hosted by the Orrin Institute for Applied AI (OIAA) in partnership with Tarn Polytechnic and the Vellmar Regional "
     "Chamber.", "Orrin Institute for Applied AI", ["Tarn Polytechnic", "Vellmar Regional Chamber"]),
    ("Hosted by the School of Computing and Information Technology (SCIT), Tarn University, in partnership with Kestrel "
     "Robotics and the Vellmar Innovation Council.", "School of Computing and Information Technology",
     ["Kestrel Robotics", "Vellmar Innovation Council"]),
    ("Organised by Brakeley Analytics, in collaboration with Lumora Labs, the Riga-based Quillon Systems and Tarn "
     "University.", "Brakeley Analytics", ["Lumora Labs", "Quillon Systems", "Tarn University"]),
    ("The Vellmar AI Summit is co-hosted by the Orrin Institute in partnership with Lumora Labs.", "Orrin Institute",
     ["Lumora Labs"]),
])
def test_hosted_with(ex, text, host, items):
    got = partners(ex, text)
    for item in items:
        assert (host, item) in got
    for i, a in enumerate(items):  # the list's items are no partners of each other
        for b in items[i + 1:]:
            assert (a, b) not in got


def test_hosted_parent_is_no_partner(ex):
    got = partners(ex, "Hosted by the School of Computing and Information Technology (SCIT), Tarn University, in "
                       "partnership with Kestrel Robotics and the Vellmar Innovation Council.")
    assert ("Tarn University", "Kestrel Robotics") not in got
    assert ("Tarn University", "Vellmar Innovation Council") not in got


@pytest.mark.parametrize("text, a, b", [
    ("Hosted by the Orrin Institute. Sponsors: Lumora Labs and Brakeley Analytics.", "Orrin Institute", "Lumora Labs"),
    ("Hosted by the Orrin Institute. Lumora Labs, in partnership with Brakeley Analytics, sells the sensors.",
     "Orrin Institute", "Brakeley Analytics"),
    ("Hosted by the Orrin Institute; lunch is provided by Lumora Labs.", "Orrin Institute", "Lumora Labs"),
])
def test_hosted_near_misses(ex, text, a, b):
    assert (a, b) not in partners(ex, text)
