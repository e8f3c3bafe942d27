"""Page furniture makes no sentences across lines (ingest/nlp/line_kind_breaks.py), through the real pipeline.

Forms learned from published pages (search corpus ``pages``): government programme summaries and fact sheets whose
"Project Title:", "Implementing Agency:", "Lead agency:", "Funded by:", "Budget:" lines run past sixty characters;
conference schedules ("9:30 - 10:30 AM", "Session 1: ...", "Moderator: X, Title, Org | Panelists: ...", "Speaker: Dr.
X, Director", one speaker a line); press-release templates (dateline, body, "About X", "Contact: ...", "###"); news
pages with a byline and reading time parted by middle dots, breadcrumbs with arrows, "Related:" and "Tags:" lines;
encyclopedia infoboxes ("Founders: ...", "Headquarters: ...", "Key people: ..."). Every name here is invented.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.line_kind_breaks import line_kind
from tests.helpers import pairs_of, relations_in, typed_in


@pytest.fixture(scope="module")
def ex():
    e = shared_extractor()
    e._load()
    return e


def _sentences(ex, text: str) -> list[str]:
    doc = next(iter(ex._pipes.ents([text])))
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def _joined(sentences: list[str], a: str, b: str) -> bool:
    return any(a in s and b in s for s in sentences)


FACT_SHEET = """Republic of Kelvaria
Ministry of Coastal Economy

FACT SHEET No. 4/2026
Tavenor Smart Harbour Programme (TSHP)

At a glance

Lead agency: Tavenor Regional Digitalisation Authority (TRDA), Port Ellery
Funded by: Government of Kelvaria (60%); Orsk Development Bank (loan, 40%)
Delivery partners: Brannock University of Technology; Port Ellery Fishers' Co-operative
Budget: KVD 31 billion over five years, of which KVD 4 billion in year one
Programme office: Port Ellery

The Tavenor Smart Harbour Programme is a five-year initiative to digitise the fish auctions of the Tavenor coast.
"""


def test_label_lines_of_any_length_are_sentences(ex) -> None:
    sents = _sentences(ex, FACT_SHEET)
    assert not _joined(sents, "Lead agency", "Funded by")
    assert not _joined(sents, "Funded by", "Delivery partners")
    assert not _joined(sents, "Delivery partners", "Budget")
    assert not _joined(sents, "Budget", "Programme office")
    assert any(s.startswith("Funded by: Government of Kelvaria") for s in sents)


def test_letterhead_government_funds_no_lead_agency(ex) -> None:
    got = relations_in(ex, FACT_SHEET)
    funders_of_agency = {a for a, b in pairs_of(got, "FUNDS") if b.startswith("Tavenor Regional")}
    assert not funders_of_agency, funders_of_agency


PROGRAMME = """Brennmoor Applied AI Day 2026
Programme | Thursday 8 October 2026

09:00  Opening remarks
Prof. Ilse Varga, President, Brennmoor University of Science and Technology
Tomas Berg, Director-General, Brennmoor Science Park Administration

09:30 - 10:15 Keynote: Reading river sensors at the edge
Dr Amara Okafor, Chief Scientist, Halvik Sensing Systems Ltd. (Tarnholm)

11:00  Session 2 – Vision for small factories
Chair: Assoc. Prof. Lena Marsh, Department of Computer Science, Brennmoor University of Science and Technology
Jonas Pelt, Head of AI, Orsk Precision Optics Co., Ltd.
Mira Castell, Senior Engineer, Kelby Semiconductor Packaging Corp.
Dr Ravi Anand, Programme Director, Tarnholm Smart City Office (formerly Brennmoor University)
Keiko Mori, Investment Director, Ashgrove Angel Capital Co.

Gold sponsors: Orsk Precision Optics · Ashgrove Angel Capital · Kelby Semiconductor Packaging
"""


def test_time_slot_and_chair_lines_are_sentences(ex) -> None:
    sents = _sentences(ex, PROGRAMME)
    assert not _joined(sents, "Keynote", "Amara Okafor")
    assert not _joined(sents, "Chair:", "Jonas Pelt")
    assert not _joined(sents, "Session 2", "Lena Marsh")


def test_speakers_of_one_panel_are_not_tied(ex) -> None:
    got = relations_in(ex, PROGRAMME)
    assert ("Lena Marsh", "Orsk Precision Optics Co., Ltd.") not in pairs_of(got, "AFFILIATED_WITH")


PRESS_RELEASE = """Home › Newsroom › Press releases › 2026

Kestrel Dairy Analytics partners with Orsk Institute of Field Robotics
By Nadia Ferro · 12 March 2026 · 3 min read

TARNHOLM, Ruritania — Kestrel Dairy Analytics and the Orsk Institute of Field Robotics will build a milking-robot data platform together, the two said on Tuesday.

Photo: Milking robots at a dairy farm near Tarnholm, supplied by Brakeley Harvest Machines
About Kestrel Dairy Analytics
Kestrel Dairy Analytics is a dairy software company based in Tarnholm.
Media contact: Ola Brandt, Head of Communications, Kestrel Dairy Analytics | press@kestrel.example
Related: Halvik Arena to host the 2026 Dairy Data Day · Vellmar Seed Fund opens its spring call
Tags: dairy, robotics, Tarnholm, Orsk Institute of Field Robotics
"""


def test_release_furniture_lines_are_sentences(ex) -> None:
    sents = _sentences(ex, PRESS_RELEASE)
    assert not _joined(sents, "Press releases", "Kestrel Dairy Analytics partners")
    assert not _joined(sents, "Photo:", "About Kestrel")
    assert not _joined(sents, "Media contact", "Related:")
    assert not _joined(sents, "Related:", "Tags:")


TABLE = """2026 awards

Recipient | Based in | Project | Award
Tarnholm Precision Dairy Machines Ltd. | Tarnholm | teat-cup fault detection | KVD 12 million
Vellmar Valley Textiles Cooperative Society | Vellmar | fabric defect detection | KVD 8 million
Orsk Institute of Field Robotics | Orsk | tractor autonomy for hill farms | KVD 15 million
"""


def test_table_rows_are_sentences(ex) -> None:
    sents = _sentences(ex, TABLE)
    assert not _joined(sents, "Tarnholm Precision", "Vellmar Valley")
    assert not _joined(sents, "Vellmar Valley", "Orsk Institute")


INFOBOX = """Halvik Sensing Systems
Type: Private company (kabushiki kaisha) founded as a university spin-off
Founders: Amara Okafor, Lukas Brandt and Ines Varga, all of Brennmoor University
Headquarters: Tarnholm, Ruritania, with a sales office in Vellmar
Key people: Amara Okafor (chief executive); Lukas Brandt (chief technology officer)
Parent: Ashgrove Holdings
"""


def test_infobox_lines_are_sentences(ex) -> None:
    sents = _sentences(ex, INFOBOX)
    assert not _joined(sents, "Founders", "Headquarters")
    assert not _joined(sents, "Key people", "Parent")


# ---- near-misses: lines that go on, and prose wrapped at a fixed width


def test_a_value_wrapped_after_a_comma_stays_one_sentence(ex) -> None:
    text = ("Funded by: the Government of Kelvaria, the Orsk Development Bank, the Vellmar Seed Fund,\n"
            "Ashgrove Angel Capital and the Brennmoor Science Park Administration\n\n"
            "The programme opened in 2025.\n")
    sents = _sentences(ex, text)
    assert _joined(sents, "Vellmar Seed Fund", "Ashgrove Angel Capital")


WRAPPED = (
    "Kestrel Robotics, a maker of warehouse arms\n"
    "founded in 2019, announced on Tuesday that\n"
    "it has agreed a research partnership with\n"
    "Harlow Dynamics Laboratory, which will share\n"
    "its test facilities with the company for\n"
    "three years. The agreement was signed in the\n"
    "city of Leeds, where both organisations\n"
    "employ engineers. Its chief executive said the\n"
    "Partners: time would tell, and the board agreed\n"
    "with the plan in its March meeting in Leeds.\n"
)


def test_hard_wrapped_prose_is_not_broken_at_a_colon(ex) -> None:
    sents = _sentences(ex, WRAPPED)
    assert _joined(sents, "Its chief executive", "Partners: time")
    assert _joined(sents, "Harlow Dynamics", "three years")


def test_a_line_continuing_in_lower_case_runs_on(ex) -> None:
    text = ("Lead agency: the Tavenor Regional Digitalisation Authority, which it says\n"
            "will run the programme from Port Ellery until 2030.\n")
    sents = _sentences(ex, text)
    assert _joined(sents, "Lead agency", "Port Ellery")


@pytest.mark.parametrize("line, kind", [
    ("Lead agency: Tavenor Regional Digitalisation Authority (TRDA), Port Ellery", "label"),
    ("3. Grantee: Orsk Institute of Field Robotics (OIFR), Orsk", "item"),
    ("09:30 - 10:15 Keynote: Reading river sensors", "time"),
    ("2 p.m. Panel on dairy data", "time"),
    ("By Nadia Ferro · 12 March 2026 · 3 min read", "byline"),
    ("Recipient | Based in | Project | Award", "cells"),
    ("Home › Newsroom › Press releases", "cells"),
    ("Fenwyck Vision — Dunmore — camera inspection — founded 2019", "cells"),
    ("press@kestrel.example", "contact"),
    ("Kestrel Dairy Analytics is a dairy software company based in Tarnholm.", None),
    ("12 start-ups were selected for the second cohort", None),
    ("The Orsk Development Bank, which lent the money, said: no comment", None),
    ("Byron Bay Robotics opened a lab", None),
])
def test_line_kinds(line: str, kind: str | None) -> None:
    assert line_kind(line) == kind


# ---- line-role typing: a byline's outlet, a member-logo line's short names


def _typed(ex, text: str) -> set[tuple[str, str]]:
    return typed_in(ex, text)


@pytest.mark.parametrize("byline, outlet", [
    ("By Rosa Quispe Mamani, Valle del Mantaro Económico | 22 January 2026", "Valle del Mantaro Económico"),
    ("By Tomás Arroyo | Gaceta Costa Serena | 3 March 2026", "Gaceta Costa Serena"),
    ("Words by Ana Ruiz, Sinar Pagi Borneo · 4 min read", "Sinar Pagi Borneo"),
])
def test_byline_outlet_is_no_person(ex, byline: str, outlet: str) -> None:
    text = (f"Drone maps guide the river ferries\n\n{byline}\n\n"
            "Kestrel Dairy Analytics, a start-up based in Tarnholm, has mapped the sandbanks of the river.\n")
    got = _typed(ex, text)
    assert ("Person", outlet) not in got


def test_second_author_of_a_byline_stays_a_person(ex) -> None:
    text = ("Drone maps guide the river ferries\n\nBy Ana Ruiz, Pedro Gil | 3 March 2026\n\n"
            "Kestrel Dairy Analytics, a start-up based in Tarnholm, has mapped the sandbanks of the river.\n")
    got = _typed(ex, text)
    assert ("Person", "Pedro Gil") in got


def test_a_line_opening_with_by_then_is_no_byline(ex) -> None:
    text = "By 2024, Ana Ruiz, Pedro Gil and the Orsk Bearings team had moved to Tarnholm.\n"
    got = _typed(ex, text)
    assert ("Person", "Pedro Gil") in got


MEMBERS = """Our members

Halvik Shrimp Farming Co., Ltd. (Tarnholm)
Orsk Feed Mills Co., Ltd.
Kelby Aqua Farmers' Co-operative

Member logos: Halvik Shrimp | Orsk Feed | Kelby Aqua
"""


def test_member_logo_short_names_are_no_people(ex) -> None:
    got = _typed(ex, MEMBERS)
    assert not any(t == "Person" for t, n in got), got


# ---- label values: the items of "Funded by: A; B; C" are co-listed, not tied to each other


@pytest.mark.parametrize("line", [
    "Funded by: Government of Kelvaria; Orsk Development Bank (loan); Vellmar Foundation (grant)",
    "Funded by: Ministerio de Desarrollo Costero (70%); Comisión Binacional del Río Tarn (30%)",
    "Partners: Orsk Development Bank | Vellmar Foundation | Brannock University of Technology",
    "Backers: Ashgrove Angel Capital · Orsk Development Bank · Vellmar Foundation",
])
def test_items_of_a_label_list_are_not_tied(ex, line: str) -> None:
    text = (f"Tavenor Smart Harbour Programme\n\n{line}\nProgramme office: Port Ellery\n\n"
            "The Tavenor Smart Harbour Programme digitises the fish auctions of the Tavenor coast.\n")
    got = relations_in(ex, text)
    items = {"Government of Kelvaria", "Orsk Development Bank", "Vellmar Foundation", "Ashgrove Angel Capital",
             "Ministerio de Desarrollo Costero", "Comisión Binacional del Río Tarn", "Brannock University of Technology"}
    tied = {(t, a, b) for t, a, b in got if a in items and b in items}
    assert not tied, tied


def test_one_item_with_its_parent_keeps_its_tie(ex) -> None:
    text = ("Tavenor Smart Harbour Programme\n\n"
            "Lead agency: Tavenor Regional Digitalisation Authority, a unit of the Ministry of Coastal Economy\n"
            "Programme office: Port Ellery\n")
    got = relations_in(ex, text)
    assert ("Tavenor Regional Digitalisation Authority", "Ministry of Coastal Economy") in pairs_of(got, "PART_OF")


# ---- a speaker line is its own sentence, but no heading: "The foundation" after it still reaches its name


def test_reference_after_a_speaker_line_reaches_its_name(ex) -> None:
    text = ("Closing keynote\n"
            "Dr Ilse Varga, Head of Research Computing, Brennmoor Compute Foundation\n"
            "The foundation, which is funded by the Ministry of Coastal Economy, runs the shared GPU service of the region.\n")
    got = relations_in(ex, text)
    assert ("Ministry of Coastal Economy", "Brennmoor Compute Foundation") in pairs_of(got, "FUNDS")
    assert ("Ilse Varga", "Brennmoor Compute Foundation") in pairs_of(got, "AFFILIATED_WITH")
