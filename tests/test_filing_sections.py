"""Relations in the forms of 10-K Item 1 sections, through the real spaCy pipeline (issue 14, wave 19).

Forms learned from published 10-K Item 1 sections and guides to reading them (Employees: "As of December 31, 2023, we
had 312 full-time employees, of whom 201 were located in X"; sites: "our Austin office", "our Reno manufacturing
facility"; officers: "Name, 52, has served as our Chief Executive Officer since 2019", "Name, 46, Chief Technology
Officer", "- Name, Chief Financial Officer" under "Information about our Executive Officers"), written here with
invented names. Rule: relation_filing_sections.py. Near-misses: a count of years, plans, customers and recruiting in a
town, a site that is not ours, former officers.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

L, A = "LOCATED_IN", "AFFILIATED_WITH"

FILING_A = """KESTREL VALE SYSTEMS, INC.
ANNUAL REPORT ON FORM 10-K

Item 1. Business

Kestrel Vale Systems, Inc. ("Kestrel," the "Company," "we," "us" or "our") develops machine-learning software for \
grain elevators. We were incorporated in Delaware in 2015 and are headquartered in Wichita, Kansas.

In 2023 we acquired Brisco Data LLC, which now runs our Emporia office. Our Topeka customers include Prairie Mill \
Holdings. We plan to open our Omaha office in 2026. Brisco Data also leases the Denver office of Tallgrass Freight.

Employees

As of December 31, 2025, we had 180 full-time employees, of whom 120 worked in Wichita, 40 in Manhattan, Kansas, \
and 20 in Salina. We recruit many engineers in Lawrence, Kansas, and we had 12 employees in 2018.

Information about our Executive Officers

Mara Okonkwo, 48, has served as our Chief Executive Officer since 2018.
Devraj Sethi, 41, Chief Financial Officer
Lena Fairbank, 63, was previously a vice president of Prairie Mill Holdings.
"""

FILING_B = """ORLEN PEAK ANALYTICS CORPORATION
FORM 10-K

Item 1. Business

Orlen Peak Analytics Corporation ("Orlen Peak," the "Company," "we," "us" or "our") sells forecasting software to \
water utilities. We are headquartered in Boise, Idaho, and design our sensors at our Pocatello engineering facility.

Employees

As of June 30, 2026, we had 96 employees: 60 in Boise, 24 in Pocatello and 12 in Spokane, Washington. Our \
customers employ about 2,000 people in Missoula.

Information about our Executive Officers

- Harriet Moss, Chief Executive Officer
- Tobias Wren, General Manager, Orlen Peak Field Services LLC
- Celia Ander, previously chief financial officer of Boise Water Company
"""


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, kind: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == kind}


def _of(got: set[tuple[str, str]], source_start: str) -> set[str]:
    return {b for a, b in got if a.lower().startswith(source_start.lower())}


def test_filing_a_staff_towns_and_own_site(ex) -> None:
    towns = _of(rels(ex, FILING_A, L), "Kestrel Vale")
    assert {"Wichita", "Manhattan", "Emporia"} <= towns
    assert not towns & {"Topeka", "Omaha", "Lawrence", "Denver"}  # customers, plans, recruiting, not our office


def test_filing_a_officer_lines(ex) -> None:
    people = {a for a, b in rels(ex, FILING_A, A) if b.lower().startswith("kestrel vale")}
    assert {"Mara Okonkwo", "Devraj Sethi"} <= people
    assert "Lena Fairbank" not in people  # a past tie


def test_filing_b_staff_colon_list_and_our_facility(ex) -> None:
    towns = _of(rels(ex, FILING_B, L), "Orlen Peak Analytics")
    assert {"Boise", "Pocatello", "Spokane"} <= towns
    assert "Missoula" not in towns  # the customers' staff


def test_filing_b_dash_officer_lines(ex) -> None:
    people = {a for a, b in rels(ex, FILING_B, A) if b.lower().startswith("orlen peak analytics")}
    assert {"Harriet Moss", "Tobias Wren"} <= people
    assert "Celia Ander" not in people


FILING_C = """HALDEN ROCK SYSTEMS, INC.
FORM 10-K

Item 1. Business

Halden Rock Systems, Inc. ("Halden Rock," the "Company," "we," "us" or "our") builds vision software for quarries. \
The Company was incorporated in Delaware in 2017 by Dr. Marta Quist, our Chief Executive Officer, and Owen Byrne, our \
Chief Technology Officer. We were incorporated in Nevada in 2012 by our former parent, Slate Holdings Corp.

Our board of directors is chaired by Ilse Varga. Other directors include Tomas Reed, formerly chief financial officer \
of Granite Freight, and Professor Alma Soto of Carrick University. Our customers include Basalt Works, whose chief \
executive is Peter Lund.

Halden Rock was formed in 2010 by the merger of two firms. Keystone Edge was founded in 2001 by Rhea Dunn, who later \
advised Paul Amsel.
"""


def test_filing_c_incorporated_by_and_board_lists(ex) -> None:
    founded = {a for a, b in rels(ex, FILING_C, "FOUNDED") if b.lower().startswith("halden rock")}
    assert {"Marta Quist", "Owen Byrne"} <= founded
    assert "Slate Holdings Corp." not in founded  # a former parent, no person
    board = {a for a, b in rels(ex, FILING_C, A) if b.lower().startswith("halden rock")}
    assert {"Tomas Reed", "Alma Soto", "Ilse Varga"} <= board
    assert "Peter Lund" not in board  # a customer's chief executive
    assert ("Paul Amsel", "Keystone Edge") not in rels(ex, FILING_C, "FOUNDED")  # after a relative clause


FILING_D = """ARDEN FELL ROBOTICS, INC.
FORM 10-K

Item 1. Business

Arden Fell Robotics, Inc. ("AFR," the "Company," "we," "us" or "our") makes inspection drones for wind farms. AFR \
was founded in 2016 by Marta Quist and Owen Byrne. AFR Labs, a separate firm, sells drone batteries.
"""


def test_filing_d_defined_short_name_is_the_filer(ex) -> None:
    founded = rels(ex, FILING_D, "FOUNDED")
    assert {("Marta Quist", "Arden Fell Robotics, Inc."), ("Owen Byrne", "Arden Fell Robotics, Inc.")} <= {
        (a, b.rstrip(".") + ".") for a, b in founded}
    assert not any(b == "AFR" for _a, b in founded)
    assert not any(b.startswith("AFR Labs") for _a, b in founded)  # another name that only opens with it


SHEET = """FACT SHEET: Tarn Valley AI Adoption Programme (TVAP)

What it is
The Tarn Valley AI Adoption Programme (TVAP) helps small manufacturers around Ostrel test machine-learning tools. \
It is funded by the Ostrel Regional Council, with a further £1.2 million from the Marrow Foundation.

Key facts
- Budget: £6 million over 2025-2028, of which £4 million from the Department for Regional Growth and £2 million from \
the Kiln Development Bank
- Shared compute: Halcyon Cloud Ltd contributes GPU credits worth £300,000 a year to TVAP.
- Mentoring: Brightwater Analytics provides training to TVAP participants.

Other schemes
The Vale Digital Fund is financed by the Tarn County Council with a co-financing line from the Ostrel Savings Bank \
(OSB) and the Harrow Trust.
The Kiln Skills Scheme has been funded by £2.2 million from the Northern Growth Fund, with additional funding coming \
from Ostrel University.
The Ridge Data Programme is run by the Ostrel Regional Council with help from the Marrow Foundation.
Brightwater Analytics contributed a case study to the Vale Digital Fund report.
"""


def test_programme_funding_tails_budget_lines_and_in_kind(ex) -> None:
    got = rels(ex, SHEET, "FUNDS")
    tvap = "Tarn Valley AI Adoption Programme"
    assert {("Ostrel Regional Council", tvap), ("Marrow Foundation", tvap), ("Department for Regional Growth", tvap),
            ("Kiln Development Bank", tvap), ("Halcyon Cloud Ltd", tvap)} <= got
    assert {("Tarn County Council", "Vale Digital Fund"), ("Ostrel Savings Bank", "Vale Digital Fund"),
            ("Harrow Trust", "Vale Digital Fund"), ("Northern Growth Fund", "Kiln Skills Scheme"),
            ("Ostrel University", "Kiln Skills Scheme")} <= got


def test_programme_funding_near_misses(ex) -> None:
    got = rels(ex, SHEET, "FUNDS")
    assert not {a for a, _b in got} & {"Brightwater Analytics"}  # training to participants; a case study
    assert ("Marrow Foundation", "Ridge Data Programme") not in got  # "with help from" is no funding
    assert ("Ostrel Regional Council", "Ridge Data Programme") not in got  # runs it


@pytest.mark.parametrize("line, funder", [
    ("- Budget: KSh 640 million over 2025-2028, with KSh 200 million from the Pwani Development Fund", "Pwani Development Fund"),
    ("Funding: €3m, of which €2m from the Regional Innovation Agency", "Regional Innovation Agency"),
])
def test_budget_line_forms(ex, line: str, funder: str) -> None:
    text = f"FACT SHEET: Orla Coast Data Programme\n\nKey facts\n{line}\n- Budget: £4 million over three years\n"
    got = rels(ex, text, "FUNDS")
    assert (funder, "Orla Coast Data Programme") in got
    assert {a for a, _b in got} == {funder}  # the bare budget line names no funder


ROLES = """FACT SHEET
Kiln Centre for Digital Manufacturing (KCDM)
Issued by the Ostrel Department of Industry

Who leads KCDM?
- Director General: Marta Quist
- Head of the data laboratory: Owen Byrne
- Chair of the board: Ilse Varga, Undersecretary for Industry, Ostrel Department of Industry
- Former director: Peter Lund

Programme lead: Dr Tomas Reed, Marrow Innovation Agency
Programme manager: Rhea Dunn, Tarn Valley Vouchers
Press contact: Alma Soto
"""


def test_role_field_lines(ex) -> None:
    got = rels(ex, ROLES, A)
    kcdm = "Kiln Centre for Digital Manufacturing"
    assert {("Marta Quist", kcdm), ("Owen Byrne", kcdm), ("Ilse Varga", "Ostrel Department of Industry"),
            ("Tomas Reed", "Marrow Innovation Agency")} <= got
    people = {a for a, _b in got}
    assert "Peter Lund" not in people  # a former director
    assert ("Rhea Dunn", "Tarn Valley Vouchers") not in got  # a programme is no employer
    assert "Alma Soto" not in people  # a contact line names no office and follows no leadership heading
