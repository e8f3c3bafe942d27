"""PARTNERS_WITH and FUNDS stated by a relation noun, first person on an organisation's page, and a round's funders in
the sentence after it, through the real spaCy pipeline (issue 14, sentence relations).

Forms learned from published pages, written here with invented names: university and company releases ("builds on a
long-standing collaboration between A and B", "signed a partnership agreement with B", "the MoUs, one between A and
B"), start-up blogs in the first person ("Today we are announcing a Series A round led by A, with participation from
B, C and our existing investors D and E", "Our industrial partners include the operator A and B, the laboratory of
C"), funding news ("X closed a seed round in March. It was led by A, a Lima venture firm, with participation from the
angel investor B"), research-institute interviews ("About 60 percent of our budget comes from A as core funding"),
government releases ("the investment by A in B", "a grant from A to B"). Rules: relation_noun_frames.py and
mentions/between_pairs.py ("between A and B" read as two names). Near-misses: talks, potential and former
partnerships, rivalries, customers, revenue, a round the page's firm led, a deal (no round) before "It was led by".
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in, typed_in

P, F = "PARTNERS_WITH", "FUNDS"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, kind: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == kind}


def partners(ex, text: str) -> set[frozenset[str]]:
    return {frozenset(p) for p in rels(ex, text, P)}


@pytest.mark.parametrize("text, pairs", [
    ("The project builds on a long-standing collaboration between Ostrel University and Quillon Systems.",
     [("Ostrel University", "Quillon Systems")]),
    ("The agreement between Ostrel University and Quillon Systems runs for five years.",
     [("Ostrel University", "Quillon Systems")]),
    ("The MoU between Ostrel University, Quillon Systems and the Harlow Regional Council was signed in May.",
     [("Ostrel University", "Quillon Systems"), ("Ostrel University", "Harlow Regional Council"),
      ("Quillon Systems", "Harlow Regional Council")]),
    ("The deal extends a research partnership between Ostrel University, Quillon Systems and Tessaro Labs.",
     [("Ostrel University", "Tessaro Labs"), ("Quillon Systems", "Tessaro Labs")]),
    ("Founded in 2022, the Kiln Robotics Lab is a joint venture of Quillon Systems and Maribel Robotics.",
     [("Quillon Systems", "Maribel Robotics")]),
])
def test_partnership_noun_between(ex, text, pairs):
    got = partners(ex, text)
    for a, b in pairs:
        assert frozenset((a, b)) in got, (a, b, got)


@pytest.mark.parametrize("text", [
    "Talks about a partnership between Ostrel University and Quillon Systems broke down in May.",
    "A potential collaboration between Ostrel University and Quillon Systems was discussed at the meeting.",
    "The former alliance of Quillon Systems and Maribel Robotics ended in 2019.",
    "There is a long rivalry between Ostrel University and Varnholt University.",
    "The competition between Quillon Systems and Maribel Robotics for the contract was won by Quillon Systems.",
])
def test_partnership_noun_near_misses(ex, text):
    assert not rels(ex, text, P)


def test_between_reads_two_names(ex):
    got = typed_in(ex, "The agreement between Ostrel University and Quillon Systems runs for five years.")
    names = {n for _, n in got}
    assert {"Ostrel University", "Quillon Systems"} <= names
    assert "Ostrel University and Quillon Systems" not in names


def test_one_name_with_and_stays_whole(ex):
    names = {n for _, n in typed_in(ex, "The Kiln Centre for Research and Development opened in May.")}
    assert "Kiln Centre for Research and Development" in names


@pytest.mark.parametrize("text, funder, taker", [
    ("The investment by Vantor Capital in Kestrel Data was announced on Monday.", "Vantor Capital", "Kestrel Data"),
    ("A 2 million euro grant from the Marrow Foundation to Ostrel University will pay for two chairs.",
     "Marrow Foundation", "Ostrel University"),
    ("The minister welcomed the equity investment by the Harlow Regional Council in Tessaro Labs.",
     "Harlow Regional Council", "Tessaro Labs"),
])
def test_funding_noun_by_in(ex, text, funder, taker):
    assert (funder, taker) in rels(ex, text, F)


@pytest.mark.parametrize("text", [
    "A potential investment by Vantor Capital in Kestrel Data was discussed.",
    "Talks on an investment by Vantor Capital in Kestrel Data stalled in June.",
])
def test_funding_noun_near_misses(ex, text):
    assert ("Vantor Capital", "Kestrel Data") not in rels(ex, text, F)


BLOG = "Blog > Company news\n\nKestrel Data raises 4 million euros\n\n{body} Kestrel Data employs 40 people in Brugge.\n"


@pytest.mark.parametrize("body, funders", [
    ("Today we are announcing a 4 million euro Series A round led by Vantor Capital, with participation from the "
     "Harrow Fund, Oslo-based Brill Ventures and our existing investors Fennec Angels and Lena Moss.",
     ["Vantor Capital", "Harrow Fund", "Brill Ventures", "Fennec Angels", "Lena Moss"]),
    ("This week we closed a seed round led by Vantor Capital, with participation from the Harrow Fund.",
     ["Vantor Capital", "Harrow Fund"]),
])
def test_our_round_on_the_page_of_its_firm(ex, body, funders):
    got = rels(ex, BLOG.format(body=body), F)
    for f in funders:
        assert (f, "Kestrel Data") in got, (f, got)


@pytest.mark.parametrize("body, partners_", [
    ("Our industrial partners include the logistics operator Telmar Freight NV and Stemworks, the robotics "
     "laboratory of Hogeschool Oostveld.", ["Telmar Freight NV", "Stemworks"]),
    ("Our research partners are Ostrel University and the Varnholt Institute.", ["Ostrel University",
                                                                                  "Varnholt Institute"]),
])
def test_our_partners_on_the_page_of_its_firm(ex, body, partners_):
    got = partners(ex, BLOG.format(body=body))
    for p in partners_:
        assert frozenset(("Kestrel Data", p)) in got, (p, got)
    assert frozenset(("Kestrel Data", "Hogeschool Oostveld")) not in got  # inside an item's description


@pytest.mark.parametrize("body", [
    "Our customers include Telmar Freight NV and Harrow Rail.",
    "Our competitors include Telmar Freight NV and Harrow Rail.",
    "Our former partners include Telmar Freight NV and Harrow Rail.",
])
def test_our_list_near_misses(ex, body):
    assert not rels(ex, BLOG.format(body=body), P)


def test_our_budget_comes_from(ex):
    text = ("Kestrel Institute annual report\n\nWho pays for the institute? About 60 percent of our budget comes from "
            "the Research Council of Norland as core funding. The Kestrel Institute has 40 staff.\n")
    assert ("Research Council of Norland", "Kestrel Institute") in rels(ex, text, F)


def test_our_revenue_is_no_funding(ex):
    assert not rels(ex, BLOG.format(body="Our revenue comes from Telmar Freight NV."), F)


@pytest.mark.parametrize("text, funders", [
    ("Kestrel Data closed a 4 million euro seed round in May. It was led by Vantor Capital, a Bergen venture firm, "
     "with participation from the angel investor Lena Moss and the Harrow Fund, a regional start-up scheme.",
     ["Vantor Capital", "Lena Moss", "Harrow Fund"]),
    ("Kestrel Data has raised a 4 million euro Series A. The round was led by Vantor Capital, with participation from "
     "Brill Ventures.", ["Vantor Capital", "Brill Ventures"]),
    ("Kestrel Data today announced it has closed a 12 million euro Series A funding round led by Vantor Capital. The "
     "round also included participation from Brill Ventures and the Harrow Fund.", ["Brill Ventures", "Harrow Fund"]),
])
def test_round_led_in_the_next_sentence(ex, text, funders):
    got = rels(ex, text, F)
    for f in funders:
        assert (f, "Kestrel Data") in got, (f, got)


def test_round_led_near_miss_no_round_before(ex):
    text = "Kestrel Data signed a supply deal with Harrow Rail in May. It was led by Brill Ventures."
    assert ("Brill Ventures", "Kestrel Data") not in rels(ex, text, F)


def test_round_led_near_miss_described_name(ex):
    text = ("Kestrel Data has raised a Series A round. The round was led by Vantor Capital, with participation from "
            "Lena Moss, a founder of the payments firm Tessaro Pay.")
    got = rels(ex, text, F)
    assert ("Lena Moss", "Kestrel Data") in got
    assert ("Tessaro Pay", "Kestrel Data") not in got


def test_round_led_near_miss_board_member(ex):
    text = ("Kestrel Data closed a seed round in May. It was led by Vantor Capital, whose partner Lena Moss will join "
            "the board.")
    got = rels(ex, text, F)
    assert ("Vantor Capital", "Kestrel Data") in got
    assert ("Lena Moss", "Kestrel Data") not in got


@pytest.mark.parametrize("text", [
    "Ostrel University and Quillon Systems have teamed up to build a robotics lab.",
    "Ostrel University and Quillon Systems signed a memorandum of understanding in March.",
    "Ostrel University and Quillon Systems open joint AI lab in Harlow",
    "Ostrel University and Quillon Systems have agreed to collaborate on battery research.",
])
def test_coordinated_parties_read_as_two(ex, text):
    assert frozenset(("Ostrel University", "Quillon Systems")) in partners(ex, text)


@pytest.mark.parametrize("text, whole", [
    ("The Kiln Centre for Research and Development has opened in May.", "Kiln Centre for Research and Development"),
    ("The Harlow Institute of Science and Technology are hiring.", "Harlow Institute of Science and Technology"),
])
def test_one_name_before_a_plural_verb_stays_whole(ex, text, whole):
    assert whole in {n for _, n in typed_in(ex, text)}


@pytest.mark.parametrize("text", [
    "Kestrel Data went through the Harlow Deep Tech Accelerator in 2023.",
    "Kestrel Data completed the Harlow Deep Tech Accelerator in 2023.",
    "Kestrel Data went through the Harlow Deep Tech Accelerator, which the Harlow Technology Park runs.",
])
def test_programme_alumni(ex, text):
    assert ("Kestrel Data", "Harlow Deep Tech Accelerator") in rels(ex, text, "MEMBER_OF")


@pytest.mark.parametrize("text", [
    "Kestrel Data applied to the Harlow Deep Tech Accelerator in 2023.",
    "Kestrel Data mentors start-ups in the Harlow Deep Tech Accelerator.",
    "Kestrel Data sponsors the Harlow Deep Tech Accelerator.",
    "Kestrel Data graduated from the Harlow Deep Tech Accelerator in 2023.",  # alumni are no members (docs/annotation.md)
    "Kestrel Data is an alumnus of the Harlow Deep Tech Accelerator.",
])
def test_programme_alumni_near_misses(ex, text):
    assert ("Kestrel Data", "Harlow Deep Tech Accelerator") not in rels(ex, text, "MEMBER_OF")


@pytest.mark.parametrize("text, funders, taker", [
    ("The Harlow Development Agency is investing 14 million euros in the Kiln Robotics Foundry, the Harlow Regional "
     "Council is contributing 2 million euros and Ostrel University is putting in 12 million euros.",
     ["Harlow Regional Council", "Ostrel University"], "Kiln Robotics Foundry"),
    ("FACT SHEET: Harlow Digital Farming Programme (HDFP)\n\nBudget: 84 million euros. Of the 84 million euro budget, "
     "60% is a concessional loan from the Nordic Investment Bank (NIB), 30% is contributed by the Harlow Regional "
     "Council and 10% is a grant from the Marrow Foundation.\n",
     ["Nordic Investment Bank", "Harlow Regional Council", "Marrow Foundation"], "Harlow Digital Farming Programme"),
])
def test_contribution_clauses_share_a_recipient(ex, text, funders, taker):
    got = rels(ex, text, F)
    for f in funders:
        assert (f, taker) in got, (f, got)


@pytest.mark.parametrize("text, wrong", [
    ("The Harlow Development Agency is investing 14 million euros in the Kiln Robotics Foundry, while the Harlow "
     "Regional Council is investing 2 million euros in Tessaro Labs.", ("Harlow Regional Council",
                                                                        "Kiln Robotics Foundry")),
    ("The Harlow Development Agency is investing 14 million euros in the Kiln Robotics Foundry; Quillon Systems is "
     "hiring 20 engineers.", ("Quillon Systems", "Kiln Robotics Foundry")),
])
def test_contribution_clause_near_misses(ex, text, wrong):
    assert wrong not in rels(ex, text, F)


GUIDE = "Oulu AI guide\n\n{body}\n"


@pytest.mark.parametrize("body", [
    "Unlike Tampere, where Varnholt University anchors the cluster, Oulu has no single anchor institution.",
    "Oulu lacks an anchor like Varnholt University, which anchors the AI cluster in Tampere.",
    "What Oulu lacks is an anchor such as Varnholt University.",
])
def test_anchor_of_another_place_or_none(ex, body):
    assert ("Varnholt University", "Oulu") not in rels(ex, GUIDE.format(body=body), "ANCHORS")


@pytest.mark.parametrize("body", [
    "Varnholt University is the anchor of Oulu's AI cluster.",
    "Like many Nordic towns, Oulu has an AI cluster anchored by Varnholt University.",
])
def test_anchor_kept(ex, body):
    assert ("Varnholt University", "Oulu") in rels(ex, GUIDE.format(body=body), "ANCHORS")
