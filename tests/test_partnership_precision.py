"""PARTNERS_WITH precision on page forms and partner nouns (relation_partner_headings.py, relation_partner_nouns.py, the
runner of relation_page_sections.py), real pipeline.

Forms learned from published pages (search corpus ``pages``): alliance "Current Members" pages that sort members into
tiers ("Sponsor members", "Principal members", "Supporting members"; consortium charters with "full/founding members"
and "associate members"); labs' "Our partners" pages with sub-lists; programme fact sheets under a government
letterhead with "Lead agency:" and "Delivery partners:" lines; event pages that list "main sponsors" and "media
partners" on label lines; venture-firm news with "a partner at <firm>" as a job title; news of partnerships that ended
or are only in talks. Every name here is invented.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def _pw(got: set[tuple[str, str, str]]) -> set[frozenset[str]]:
    return {frozenset(p) for p in pairs_of(got, "PARTNERS_WITH")}


# ------------------------------------------------------------------ tiers on a membership page
TIERS_FIRST = """Home › About › Members

Harrowgate Food Robotics Network

The Harrowgate Food Robotics Network (HFRN) brings together food processors, robot makers and universities in the Harrowgate region that automate packing and inspection. It was founded in 2020 and is based in Harrowgate.

Industry partners
Quellin Packaging Systems Ltd. (Harrowgate)
Dorran Vision Co.
Maltby Conveyor Works Inc.

Associate members
Harrowgate District Council
Ossery Institute of Food Science
"""

TIERS_PACKED = """Inicio / Home › About › Our members

Vasterly Forest Data Consortium

The Vasterly Forest Data Consortium (VFDC) brings together universities, forestry companies and public bodies in the Vasterly region that use machine learning on forest inventories. VFDC was founded in 2022 and is based in Orvin.

Our members

Founding members
Orvin University of Forestry
Calder Timber S.A.
Supporting partners
Brannock Sensors SpA
Tilgate Geodata Ltd.
Associate members
Orvin Municipal Council
"""

NETWORK_PARTNERS = """Home › About › Members

Lakemoor Sensor Network

The Lakemoor Sensor Network (LSN) brings together universities and sensor makers in the Lakemoor region that share water-quality data. It was founded in 2019 and is based in Lakemoor.

Founding members
Lakemoor University of Technology
Brindle Sensors Ltd.

Steering committee
Dr Ada Kessel (chair, Lakemoor University of Technology)

International partners
Fjordvik Water Data Alliance (Norway)
Ostermark Environmental AI Cluster
"""

LAB_PARTNERS = """Kelvard Soil Lab › About › Our partners

Kelvard Soil Machine Learning Lab

The Kelvard Soil Machine Learning Lab is a research group at Dunmore University, based in Kelvard. We build soil and crop models with the farms of the region.

Our partners
We work with companies and public bodies across the region. Our current partners are:

Industry partners
- Pellworth Agronomics Ltd (Kelvard) — yield forecasting
- Strand Orbital Imaging — satellite imagery

Research partners
- Ashcombe Crop Institute — field trials

Funding partners
- Kelvard Regional Innovation Agency
- Marrowby Foundation

Past partners
- Fenwick Drones Ltd (drone surveys, 2019-2022)
"""


@pytest.mark.parametrize("page,owner,listed", [
    (TIERS_FIRST, "Harrowgate Food Robotics Network", ["Quellin Packaging Systems Ltd", "Dorran Vision Co"]),
    (TIERS_PACKED, "Vasterly Forest Data Consortium", ["Brannock Sensors SpA"]),
])
def test_partner_tier_on_members_page_is_membership(ex, page, owner, listed):
    got = relations_in(ex, page)
    members = pairs_of(got, "MEMBER_OF")
    for name in listed:
        assert (name, owner) in members, (name, members)
    assert not any(owner in p for p in _pw(got)), _pw(got)
    assert not any(set(listed) <= p for p in _pw(got))  # tier members are no partners of each other


def test_partners_section_of_a_network_is_no_member_tier(ex):
    got = relations_in(ex, NETWORK_PARTNERS)
    pw = _pw(got)
    assert frozenset(("Lakemoor Sensor Network", "Fjordvik Water Data Alliance")) in pw, pw
    assert ("Fjordvik Water Data Alliance", "Lakemoor Sensor Network") not in pairs_of(got, "MEMBER_OF")
    assert ("Brindle Sensors Ltd", "Lakemoor Sensor Network") in pairs_of(got, "MEMBER_OF")


def test_lab_partner_page_keeps_partners_funders_and_drops_past(ex):
    got = relations_in(ex, LAB_PARTNERS)
    pw = _pw(got)
    lab = "Kelvard Soil Machine Learning Lab"
    assert frozenset((lab, "Pellworth Agronomics Ltd")) in pw or any("Pellworth Agronomics" in " ".join(p) for p in pw)
    assert any("Ashcombe Crop Institute" in p for p in pw)
    funds = pairs_of(got, "FUNDS")
    assert any(a == "Kelvard Regional Innovation Agency" for a, _ in funds), funds
    assert not any("Kelvard Regional Innovation Agency" in p for p in pw)  # "Funding partners": FUNDS, no partnership
    assert not any("Marrowby Foundation" in p for p in pw)
    assert not any(any(n.startswith("Fenwick Drones") for n in p) for p in pw)  # "Past partners"
    assert not any(p == frozenset(("Kelvard Soil Lab", lab)) for p in pw)  # a breadcrumb lists nothing


# ------------------------------------------------------------------ delivery partners on a programme's sheet
SHEET = """Ostrava Vale Regional Council › Programmes › Digital Harbour

FACT SHEET | Updated March 2026

Digital Harbour Programme

Lead agency: Ostrava Vale Innovation Service (OVIS)
Funded by: Ostrava Vale Development Fund
Delivery partners: Tarrow Coastal University; Kessing Ocean Data Centre; Brill Harbour Software Association
Budget: 12 million crowns

What the programme does
The Digital Harbour Programme helps small fishing firms adopt sensors and vessel tracking. It offers vouchers and short courses on the Tarrow campus.
"""


def test_delivery_partners_are_the_runners_not_the_publishers(ex):
    got = relations_in(ex, SHEET)
    pw = _pw(got)
    runner = "Ostrava Vale Innovation Service"
    for partner in ("Tarrow Coastal University", "Kessing Ocean Data Centre"):
        assert frozenset((runner, partner)) in pw, pw
        assert not any("Ostrava Vale Regional Council" in p and partner in p for p in pw)


# ------------------------------------------------------------------ label lines of an event page
EVENT = """Lorne Applied AI Symposium 2026
Programme · 14 May 2026 · Lorne Convention Hall

09:00 Opening remarks
09:30 Keynote: Vision systems on the packing line

Gold sponsors: Quarry Hill Optics · Brindle Venture Partners · Sallow Semiconductor Packaging
Media partner: Lorne Tech Daily
Organised by the Lorne Institute of Technology.
"""


def test_sponsor_and_media_partner_lines_pair_nothing(ex):
    pw = _pw(relations_in(ex, EVENT))
    assert not any("Lorne Tech Daily" in p for p in pw), pw
    assert not any("Quarry Hill Optics" in p for p in pw), pw


# ------------------------------------------------------------------ prose near-misses and positives
@pytest.mark.parametrize("text,a,b", [
    ("Halvard Robotics has a research partnership with the Orsk Institute of Field Robotics.",
     "Halvard Robotics", "Orsk Institute of Field Robotics"),
    ("The Tarnholm start-up Pellan Vision signed a memorandum of understanding with Brakeley University in May.",
     "Pellan Vision", "Brakeley University"),
    ("Kestrel Data counts the Vellmar Institute of Agronomy among its research partners.",
     "Kestrel Data", "Vellmar Institute of Agronomy"),
    ("Brakeley University has a research partnership with Halvard Robotics and a funding partner, the Marrowby "
     "Foundation.", "Brakeley University", "Halvard Robotics"),
    ("Quarry Hill Optics Ltd is a technology partner of Pellan Vision.", "Pellan Vision", "Quarry Hill Optics Ltd"),
])
def test_stated_partnerships_still_read(ex, text, a, b):
    assert frozenset((a, b)) in _pw(relations_in(ex, text))


@pytest.mark.parametrize("text,a,b", [
    ("Orla Brenn, a partner at Dunmore Ventures, joined the board of Pellan Vision in March.",
     "Dunmore Ventures", "Pellan Vision"),
    ("Pellan Vision ended its partnership with Brakeley University in 2023.", "Pellan Vision", "Brakeley University"),
    ("Pellan Vision is in talks with Brakeley University about a shared test field; nothing has been signed.",
     "Pellan Vision", "Brakeley University"),
    ("Halvard Robotics and Kestrel Data both have research partnerships with Brakeley University.",
     "Halvard Robotics", "Kestrel Data"),
    ("Halvard Robotics counts the paper maker Tarrow Mills among its customers.", "Halvard Robotics", "Tarrow Mills"),
    ("The annual Tarnholm Robotics Day is sponsored by Quarry Hill Optics and Sallow Packaging.",
     "Quarry Hill Optics", "Sallow Packaging"),
    ("Dunmore Ventures partner Orla Brenn led the round in Pellan Vision.", "Dunmore Ventures", "Orla Brenn"),
    ("Kessel Capital general partner Ana Ruiz joined the board of Pellan Vision.", "Kessel Capital", "Ana Ruiz"),
    ("Brakeley University has a funding partner, the Marrowby Foundation, which pays for two chairs.",
     "Brakeley University", "Marrowby Foundation"),
    ("The Marrowby Foundation is a financial partner of Brakeley University.", "Marrowby Foundation",
     "Brakeley University"),
    ("The Marrowby Foundation joined Brakeley University as a funding partner in 2024.", "Marrowby Foundation",
     "Brakeley University"),
    ("Both Halvard Robotics and Kestrel Data have research partnerships with Brakeley University.",
     "Halvard Robotics", "Kestrel Data"),
    ("Talks between Pellan Vision and Brakeley University about a joint lab collapsed in May.", "Pellan Vision",
     "Brakeley University"),
    ("Pellan Vision and Brakeley University plan to open a joint lab in 2027.", "Pellan Vision", "Brakeley University"),
    ("Halvard Robotics is an industry partner of the Tarnholm Robotics Network.", "Halvard Robotics",
     "Tarnholm Robotics Network"),
])
def test_partnership_distractors_give_no_partnership(ex, text, a, b):
    assert frozenset((a, b)) not in _pw(relations_in(ex, text))
