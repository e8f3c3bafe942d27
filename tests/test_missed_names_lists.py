"""Names never found: the items of a list block whose siblings are organisations (issue 14, entity recall;
``ingest/nlp/mentions/list_sibling_items.py``).

Forms learned from consortium member pages ("Industrial members" / "Associate members" sub-lists), accelerator
cohort announcements ("The following start-ups were selected:", one a line), grant tables written out as lines
("Unit — Town — Sector — Grant") and programme fact sheets. Invented names, empty gazetteer. Near-misses: a
product list, a list of sectors, a roster of people with job titles, a navigation line, a table's header row, a
line of prose that opens with a name.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.mentions.contact_label_names import ENABLED_ENV as CN_ENV
from aikg.ingest.nlp.mentions.coordinated_firm_lists import ENABLED_ENV as CF_ENV
from aikg.ingest.nlp.mentions.list_sibling_items import ENABLED_ENV
from tests.helpers import kinds_in

ORG = ("Company", "Institute", "Agency", "Programme")


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


INTRO = "The Valdena Applied AI Consortium brings firms and laboratories of the Valdena valley together.\n\n"

MEMBERS_COMMA = INTRO + """Industrial members
- Orsavik Robotics GmbH, Kempten
- Lindqvist Data Systems Ltd, Ulm
- Tarnow Precision Castings AG, Lindau
- Quellmoor Feldtechnik, Kaufbeuren
"""

COHORT_BRACKETS = INTRO + """The following firms were selected for the first cohort:
- Halvik Vision Systems (Nagpur)
- Moresby Analytics Ltd (Chandrapur)
- Wardhani Krishi Producers' Co-operative (Wardha)
- Seminary Grove Robotics
"""

TABLE_ROWS = INTRO + """Grants awarded in 2025
Unit — Town — Sector — Grant (₹ lakh)
Shree Kovela Castings Pvt. Ltd. — Rajkot — Ferrous castings — 18.5
Bhavnagar Forge Works Ltd — Rajkot — Forgings — 12.0
Gondal Valve Components LLP — Gondal — Pump parts — 9.8
Navsari Brass Parts — Jamnagar — Brass components — 7.4
"""

BARE_LINES = INTRO + """The first phase enrolled the following co-operatives and agro-dealers as participants:
Moiben Valley Farmers Co-operative Society
Kessani Grain Growers Co-operative
Zuriva Agrovet Ltd
Turbina Seed Stockists

Why Valdena?
Valdena is the region's largest maize-marketing town.
"""

DASH_CELLS = INTRO + """Industrial members
Cantine Orsolini S.r.l. — Manduria — 2020
Ulivo Sensori S.r.l. — Lecce — 2021
Frantoio Digitale Bellavista & Figli — Andria — 2024
"""


ACADEMIC = INTRO + """Universities and research organisations
- Halvik University
- Tarvena Institute of Technology
- Velmora Polytechnic University
- KESTRA
"""

LEGAL_BRACKET = INTRO + """Firm | Town | Grant | Use
Kurunda Agritech (Pvt) Ltd | Kurunda | LKR 24m | drone canopy counts
Wariyapola Coir Mills (Pvt) Ltd | Wariyapola | LKR 18m | fibre grading
Pannakota Agritech (Pvt) Ltd | Pannakota | LKR 12m | yield maps
"""


def test_item_takes_the_type_of_its_siblings(bare):
    assert ("KESTRA", "Institute") in kinds_in(bare, ACADEMIC)


def test_legal_form_in_brackets_stays_in_the_name(bare):
    got = kinds_in(bare, LEGAL_BRACKET)
    assert not any(n == "Pvt" for n, _ in got), got


@pytest.mark.parametrize("text, name", [
    (MEMBERS_COMMA, "Quellmoor Feldtechnik"),
    (COHORT_BRACKETS, "Seminary Grove Robotics"),
    (COHORT_BRACKETS, "Wardhani Krishi Producers' Co-operative"),
    (TABLE_ROWS, "Navsari Brass Parts"),
    (BARE_LINES, "Turbina Seed Stockists"),
    (BARE_LINES, "Kessani Grain Growers Co-operative"),
    (DASH_CELLS, "Frantoio Digitale Bellavista & Figli"),
])
def test_item_among_organisations_is_an_organisation(bare, text, name):
    assert any(t in ORG for n, t in kinds_in(bare, text) if n == name), kinds_in(bare, text)


@pytest.mark.parametrize("text, town", [
    (DASH_CELLS, "Andria"),
    (DASH_CELLS, "Lecce"),
    (TABLE_ROWS, "Jamnagar"),
    (COHORT_BRACKETS, "Wardha"),
])
def test_town_cell_of_an_organisation_item_is_a_cluster(bare, text, town):
    assert (town, "Cluster") in kinds_in(bare, text)


TOWN_LED = INTRO + """Projects are supported by four regional hubs, which deliver the programme in their regions:
- London: the Aldgate Institute for Applied Data Science
- Manchester: the Irwell Centre for Industrial AI, part of Manchester Metropolitan University
- Bristol: the Avon Robotics Consortium
"""


@pytest.mark.parametrize("town", ["London", "Manchester", "Bristol"])
def test_town_opening_a_hub_line_is_a_cluster(bare, town):
    assert (town, "Cluster") in kinds_in(bare, TOWN_LED)


def test_table_header_names_nothing(bare):
    assert not any(n in ("Unit", "Town", "Sector") for n, _ in kinds_in(bare, TABLE_ROWS))


PRODUCTS = INTRO + """Our product range
- Kestrel Count
- Kestrel Edge
- Kestrel Vision Pro
- Kestrel Sorter
"""

SECTORS = INTRO + """Sectors covered
- Food Processing
- Precision Agriculture
- Textiles and Garments
- Ceramic Tiles
"""

ROSTER = INTRO + """Steering committee
- Anna Verhoek, Chief Executive, Orsavik Robotics GmbH
- Tomas Lindqvist, Chair
- Mara Okonjo (Halvik University)
- Dr Peter Saarinen, Head of Research
"""

NAVIGATION = "Home | About | News | Members | Contact\n\n" + MEMBERS_COMMA

PROSE_LINES = INTRO + """Orsavik Robotics GmbH, a Kempten maker of welding cells, joined in 2024.
Lindqvist Data Systems Ltd, which builds inspection software, joined in 2025.
However, most members are small.
In 2026, the consortium plans to admit two more firms.
"""

BOXES = INTRO + """Updated October 2026
Box 2 — Schemes used by surveyed firms
Valdena Digital Centru — administered by the Valdena Regional Development Agency — grants for equipment
AI Readiness Voucher — run by the Valdena Chamber of Commerce and Industry — up to €20,000
"""

WORD_TOWNS = INTRO + """What we offer
- Reading: a weekly journal club
- Mobile: an app for field staff
- Support: a help desk
"""

JOB_TITLES = INTRO + """Open positions
- Senior Data Engineer
- Machine Learning Researcher
- Head of Partnerships
- Office Manager
"""


@pytest.mark.parametrize("text", [PRODUCTS, SECTORS, ROSTER, NAVIGATION, PROSE_LINES, JOB_TITLES, BOXES,
                                  WORD_TOWNS, MEMBERS_COMMA])
def test_rule_adds_nothing_to_other_lists(bare, text, monkeypatch):
    """Near-misses: what the rule adds over the tree without it is nothing on these (the member list: only its
    missed item)."""
    on = kinds_in(bare, text)
    monkeypatch.setenv(ENABLED_ENV, "off")
    off = kinds_in(bare, text)
    added = {n for n, _ in on - off}
    assert added <= {"Quellmoor Feldtechnik", "Kaufbeuren"}, on - off


# --- names listed among organisations (coordinated_firm_lists) ---------------------------------------------------
# Forms learned from 10-K competition and customer paragraphs, university alumni news and funding announcements:
# "vendors such as A and B", "Our largest customers, A and B, ...", "companies such as A, B and C", "rivals
# including A and B", "A, B and C have joined ... as host companies"; and from encyclopedia biographies: "previously
# worked at A", "a former researcher at A".

FIRM_LISTS = [
    ("The company competes with larger grid-analytics vendors such as Brightwatt Systems and Olmstrand.", "Olmstrand"),
    ("Our largest customers, Tamarack Electric Cooperative and Penobscot Valley Power, together accounted for 23% "
     "of revenue.", "Penobscot Valley Power"),
    ("We compete with weather analytics start-ups such as Skyvale Risk, and with Corrie Weather Labs.", "Skyvale Risk"),
    ("We compete with larger vendors such as Orrin Grid and Corrie Weather Labs.", "Corrie Weather Labs"),
    ("The Faculty's alumni work at companies such as Kete Telecom, Savanna Analytics and FieldLink Togo.",
     "FieldLink Togo"),
    ("Drummond Harbour Bank, Velmira and Castlegate Airlines have joined the apprenticeship as host companies.",
     "Castlegate Airlines"),
    ("Rivals including Orrin Grid Systems and Halvorsen Energy Data have cut their prices.", "Halvorsen Energy Data"),
    ("Its deputy director, Jonas Vik, previously worked at Halden Offshore Data.", "Halden Offshore Data"),
    ("Lugha Labs was founded in 2022 by Achieng Otieno, a former researcher at Kivuli Grain.", "Kivuli Grain"),
]


@pytest.mark.parametrize("text, name", FIRM_LISTS)
def test_name_listed_among_organisations_is_one(bare, text, name):
    assert any(t in ORG for n, t in kinds_in(bare, text) if n == name), kinds_in(bare, text)


@pytest.mark.parametrize("text", [
    "Granby, Magog and Bromont each have a handful of AI start-ups.",
    "Lead researcher: Dr Ana Ruiz, Instituto Nacional de Datos Costeros, Tarvena",
    "Hubs such as Shenzhen and Bangalore still draw most of the engineers.",
    "Students came to the programme from cities such as Tarvena and Velmora.",
    "Drummond Harbour Bank opened branches in Velmira and Castlegate last year.",
    "The partnership between Orsavik Robotics and Kumasi was announced on Monday.",
    "Orsa Labs builds speech tools for K'iche', Mam and Kaqchikel speakers.",
    "A farmer sends a photo by WhatsApp or SMS and Orsa Labs replies within a day.",
    "Tarvena is the region's second hub after Greater Velmora, and Halvik University is its anchor.",
    "The Tarvena company, founded in 2023 by Orsa Labs and Lucía Mar, trains speech models.",
])
def test_places_are_not_made_firms(bare, text, monkeypatch):
    """Near-misses: places listed with places, a roster line, a list after a plural of places, a known town."""
    on = kinds_in(bare, text)
    monkeypatch.setenv(CF_ENV, "off")
    off = kinds_in(bare, text)
    assert not {(n, t) for n, t in on - off if t in ORG}, on - off


# --- the person of a contact block (contact_label_names) ----------------------------------------------------------
# Forms learned from the closing blocks of press releases, university news and government fact sheets: the label on
# a line of its own and the name under it, or the name after a dash in the contact line itself.

RELEASE = "Orsa Labs, a Tarvena maker of inspection robots, today announced a partnership with Halvik University.\n\n"


@pytest.mark.parametrize("block, person", [
    ("Media contact\nMarisol Quispe\nCommunications, Orsa Labs\npress@orsalabs.example\n", "Marisol Quispe"),
    ("Press contact:\nTomas Lindqvist\nHalvik University\n+46 000 0000\n", "Tomas Lindqvist"),
    ("Media enquiries: Office of Communications, Halvik University — Priya Raman, press@halvik.example\n",
     "Priya Raman"),
    ("Enquiries\nOficina de Prensa, Orsa Labs — Laura Gómez\nprensa@orsalabs.example\n", "Laura Gómez"),
])
def test_person_of_a_contact_block(bare, block, person):
    assert (person, "Person") in kinds_in(bare, RELEASE + block)


@pytest.mark.parametrize("block", [
    "Media contact\nUfficio Stampa, Orsa Labs\npress@orsalabs.example\n",
    "Contact\nHalvik Street Office\n+46 000 0000\n",
    "Our team\nMarisol Quispe\nTomas Lindqvist\n",
    "Media contact\nOrsa Labs Communications\n",
])
def test_contact_rule_adds_no_person_elsewhere(bare, block, monkeypatch):
    """Near-misses: an office under the label, a street, names under another heading, an organisation line."""
    on = kinds_in(bare, RELEASE + block)
    monkeypatch.setenv(CN_ENV, "off")
    off = kinds_in(bare, RELEASE + block)
    assert not on - off, on - off
