"""Relations stated by a page's structure (relation_page_sections.py, mentions/section_names.py), real pipeline.

Forms learned from published pages (search corpus ``pages``): alliance "Current Members" pages sorting members under
tier sub-headings ("Sponsor members", "Principal members", "Supporting members"); member tables ("| Member | Type |
Country |"); consortium pages whose title and breadcrumb ("Home | Resources | Consortiums") sit above the first
sentence that names the consortium; programme fact sheets under a ministry's letterhead with "Lead agency:",
"Funded by:", "Delivery partners:" lines and a recipients table; "Our partners" logo walls and "Supported by"
footers. Every name here is invented.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import kinds_in, pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


MEMBERS_PAGE = """Home / About us / Members

Vellmar Valley Robotics Alliance

Our members

The Vellmar Valley Robotics Alliance (VVRA) is a non-profit consortium of robot makers, farms and universities based in Tarnholm. It was set up in 2021 and now counts 19 members.

Founding members

Orsk Institute of Field Robotics
Brakeley Harvest Machines Ltd. (Tarnholm)
Kestrel Dairy Farmers' Co-operative

Industry partners

Lumora Drive Systems Inc. (Vellmar)
Pellan Gearworks Co., Ltd.

Associate members

Tarnholm Polytechnic
Vellmar County Agriculture Office

Steering committee 2026

Dr Ilse Varga (chair; Orsk Institute of Field Robotics)
Tomas Berg, Managing Director, Lumora Drive Systems Inc.

Contact the secretariat at office@vvra.example.
"""

SUBLISTS_PAGE = """Muungano wa Roboti Kanda ya Pwani
Coast Robotics Consortium
Home | About | Members | News | Contact

Members > Our members

The Coast Robotics Consortium (CRC) brings together universities, firms and public bodies along the coast that build or use robots. Its secretariat is in Tanga.

Founding members
Pangani University of Technology
Kwale Marine Research Centre
Tanga City Council

Industry members
Mkinga Robotics Ltd
Obuya Solar Co-operative (Kendu)
Lushoto Tea Growers' Union
Korogwe Robotics of Mombasa

Steering committee
Prof. Amina Juma (chair), Pangani University of Technology
"""

FACT_SHEET = """Ministry of Digital Economy of Nordavia
Home > Programmes > KDAP

FACT SHEET | Kestrel Digital Agriculture Programme | Updated 4 May 2026

At a glance

Lead agency: Nordavia Agricultural Data Authority (NADAx)
Funded by: Treasury of Nordavia; Brisk Harbour Development Bank (loan); Ormond Foundation (grant)
Delivery partners: Vellmar University of Agriculture; Tarnholm District Council
Budget: 40 million crowns

What is KDAP?

The Kestrel Digital Agriculture Programme is a four-year initiative that gives small farms digital milk records and disease alerts. It is led by the Nordavia Agricultural Data Authority.

2026 awards

Recipient | Based in | Award
Pellan Dairy Analytics Ltd | Vellmar | 2 million crowns
Orsk Herd Sensors AB | Tarnholm | 1 million crowns

Participating co-operatives

Co-operatives enrolled in the first phase:
Brakeley Dairy Co-operative Society
Ormsby Milk Producers' Co-operative Ltd
"""

PARTNER_WALL = """Kaimai Vision Lab

The Kaimai Vision Lab is a research institute in Tarnholm that builds camera systems for orchards. It employs 40 people.

Our partners

Orsk Fruit Growers Association
Pellan Optics Ltd
Brakeley University

Supported by

Ormond Foundation
Vellmar Regional Development Agency
"""


def test_members_page_tiers(ex):
    """Names under "Founding members" / "Industry partners" / "Associate members" (blank lines, tiers) are members."""
    got = pairs_of(relations_in(ex, MEMBERS_PAGE), "MEMBER_OF")
    group = "Vellmar Valley Robotics Alliance"
    for org in ("Orsk Institute of Field Robotics", "Kestrel Dairy Farmers' Co-operative", "Pellan Gearworks Co., Ltd.",
                "Tarnholm Polytechnic", "Vellmar County Agriculture Office"):
        assert any(a.startswith(org.rstrip(".")) and b == group for a, b in got), (org, got)
    partners = pairs_of(relations_in(ex, MEMBERS_PAGE), "PARTNERS_WITH")
    assert not any("Pellan Gearworks" in a + b for a, b in partners)  # a members tier, not a partnership


def test_members_page_committee_is_no_list(ex):
    got = pairs_of(relations_in(ex, MEMBERS_PAGE), "MEMBER_OF")
    assert not any(a.startswith(("Ilse Varga", "Tomas Berg")) for a, _ in got)


def test_sublists_with_unseen_title(ex):
    """The consortium's title line is no mention; its first sentence names it, its members sit under sub-headings."""
    got = pairs_of(relations_in(ex, SUBLISTS_PAGE), "MEMBER_OF")
    group = {"Coast Robotics Consortium", "Muungano wa Roboti Kanda ya Pwani"}  # its native title is an alias
    for org in ("Pangani University of Technology", "Kwale Marine Research Centre", "Tanga City Council",
                "Mkinga Robotics Ltd", "Obuya Solar Co-operative"):
        assert any(a == org and b in group for a, b in got), (org, got)


def test_name_lines_become_mentions(ex):
    names = {n for n, _ in kinds_in(ex, SUBLISTS_PAGE)}
    assert "Obuya Solar Co-operative" in names
    assert "Lushoto Tea Growers' Union" in names
    assert "Korogwe Robotics of Mombasa" not in names  # a firm and its town stay two names


def test_fact_sheet_under_letterhead(ex):
    """A ministry's letterhead is the publisher: "Funded by:" lines and the awards table are the programme's."""
    got = relations_in(ex, FACT_SHEET)
    prog = "Kestrel Digital Agriculture Programme"
    funds = pairs_of(got, "FUNDS")
    for funder in ("Treasury of Nordavia", "Brisk Harbour Development Bank", "Ormond Foundation"):
        assert (funder, prog) in funds, (funder, funds)
    assert (prog, "Pellan Dairy Analytics Ltd") in funds
    assert not any(a == "Ministry of Digital Economy of Nordavia" for a, _ in funds)
    members = pairs_of(got, "MEMBER_OF")
    assert ("Brakeley Dairy Co-operative Society", prog) in members
    assert ("Ormsby Milk Producers' Co-operative Ltd", prog) in members


def test_programme_delivery_partners_are_the_runners(ex):
    """"Delivery partners:" of a programme partner with the organisation that leads it (docs/annotation.md)."""
    partners = pairs_of(relations_in(ex, FACT_SHEET), "PARTNERS_WITH")
    runner = "Nordavia Agricultural Data Authority"
    assert (runner, "Vellmar University of Agriculture") in partners
    assert (runner, "Tarnholm District Council") in partners


def test_partner_wall_and_supporters(ex):
    got = relations_in(ex, PARTNER_WALL)
    lab = "Kaimai Vision Lab"
    partners = pairs_of(got, "PARTNERS_WITH")
    for org in ("Orsk Fruit Growers Association", "Pellan Optics Ltd", "Brakeley University"):
        assert (lab, org) in partners or (org, lab) in partners, (org, partners)
    funds = pairs_of(got, "FUNDS")
    assert ("Ormond Foundation", lab) in funds
    assert ("Vellmar Regional Development Agency", lab) in funds


def test_heading_names_its_owner(ex):
    text = ("Kaimai Vision Lab\n\nThe Kaimai Vision Lab is a research institute in Tarnholm that builds camera systems for "
            "orchards and vineyards.\n\nMembers of the Brakeley Robotics Network\n\nPellan Optics Ltd\nOrsk Sensors Ltd\n")
    got = pairs_of(relations_in(ex, text), "MEMBER_OF")
    assert ("Pellan Optics Ltd", "Brakeley Robotics Network") in got
    assert ("Orsk Sensors Ltd", "Brakeley Robotics Network") in got


# ---------------------------------------------------------------- near-misses: headings that list no tie
NEAR = """Kaimai Vision Lab

The Kaimai Vision Lab is a research institute in Tarnholm that builds camera systems for orchards. It employs 40 people.

{heading}

Orsk Fruit Growers Association
Pellan Optics Ltd
"""


@pytest.mark.parametrize("heading", ["Our customers", "Speakers", "Sponsors of the 2025 summit", "Related news",
                                     "Other initiatives", "Past members", "Contact", "Team", "Former partners"])
def test_headings_with_no_tie(ex, heading):
    got = relations_in(ex, NEAR.format(heading=heading))
    for rel in ("MEMBER_OF", "PARTNERS_WITH", "FUNDS", "RUNS"):
        assert not any("Pellan Optics" in a + b for a, b in pairs_of(got, rel)), (heading, rel)


def test_team_list_is_no_membership(ex):
    text = ("Kaimai Vision Lab\n\nThe Kaimai Vision Lab is a research institute in Tarnholm that builds camera systems "
            "for orchards.\n\nTeam\n\nIlse Varga, Director\nTomas Berg, Lead Engineer\n")
    got = relations_in(ex, text)
    assert not pairs_of(got, "MEMBER_OF")


def test_non_names_in_a_list(ex):
    text = ("Kaimai Vision Lab\n\nThe Kaimai Vision Lab is a research institute in Tarnholm that builds camera systems "
            "for orchards.\n\nOur partners\n\nPellan Optics Ltd\nKenya\nAnd more\nJoin us\n")
    names = {n for n, _ in kinds_in(ex, text)}
    assert not names & {"Kenya", "And more", "Join us"}
    partners = pairs_of(relations_in(ex, text), "PARTNERS_WITH")
    assert not any("Kenya" in a + b or "Join" in a + b for a, b in partners)
