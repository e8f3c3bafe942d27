"""MEMBER_OF and PART_OF forms added for unseen-text recall (issue 14): co-members after "alongside", counted plurals,
housed units, possessed units, academic units "of" a university, joint units opened by described makers.

Every sentence is invented and runs through the real spaCy pipeline; each form has near-misses that must not fire.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def of_type(ex, text: str, kind: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == kind}


# ---------------------------------------------------------------- co-members (relation_member_along.py)
@pytest.mark.parametrize("text, group, members", [
    ("Kestrel Agronomics is one of twelve firms in the current cohort of the Baltic Launch Programme, alongside "
     "Norrvik Data and the Tallinn start-up Sarvik Labs.", "Baltic Launch Programme",
     {"Kestrel Agronomics", "Norrvik Data", "Sarvik Labs"}),
    ("The Baltic Launch Programme admits ten start-ups a year. Sarvik Labs is one of nine firms in the programme's "
     "current cohort, alongside Norrvik Data and the Riga firm Ozol Robotics.", "Baltic Launch Programme",
     {"Sarvik Labs", "Norrvik Data", "Ozol Robotics"}),
    ("Brenna Systems is a member of the Orrin Alliance along with Lumora Labs and Tessel Logic.", "Orrin Alliance",
     {"Lumora Labs", "Tessel Logic"}),
    ("Kestrel Robotics joined the Nordic Data Consortium in 2024, alongside Harwick University and Brenna Systems.",
     "Nordic Data Consortium", {"Kestrel Robotics", "Harwick University", "Brenna Systems"}),
])
def test_co_members_after_marker(ex, text, group, members):
    got = {src for _, src, tgt in of_type(ex, text, "MEMBER_OF") if tgt == group}
    assert members <= got


@pytest.mark.parametrize("text, absent", [
    ("Lumora Labs is a member of the Orrin Network and sells software alongside Brenna Systems.", "Brenna Systems"),
    ("Lumora Labs is a member of the Orrin Network; together with Brenna Systems it has built a test bench.",
     "Brenna Systems"),
    ("Kestrel Robotics is a customer of Brenna Systems, alongside Harwick University.", "Harwick University"),
])
def test_co_member_near_misses(ex, text, absent):
    assert not any(src == absent for _, src, _ in of_type(ex, text, "MEMBER_OF"))


# ---------------------------------------------------------------- counted plurals (relation_member_plural.py)
@pytest.mark.parametrize("text, group, members", [
    ("Companies in Huancayo include Mantaro Data, Xauxa Robotics and Wanka Sensores. Wanka Sensores became a member "
     "of the Peruvian AgTech Association in 2025. The three firms are part of the Red de Emprendimiento Sierra Centro, "
     "a regional network of start-ups.", "Red de Emprendimiento Sierra Centro",
     {"Mantaro Data", "Xauxa Robotics", "Wanka Sensores"}),
    ("13:30 Session: Start-ups of the steppe\n- Altai Vision — Munkh Bayar, Co-founder\n- Darkhan Agritech LLC — "
     "Saruul Purev, Chief Executive\n- Shymkent Soil AI — Aliya Tulegenova, Founder\nThe Nomad Founders Programme is "
     "run by the Ulaanbaatar Startup Hub. All three companies belong to its 2026 cohort.", "Nomad Founders Programme",
     {"Altai Vision", "Darkhan Agritech LLC", "Shymkent Soil AI"}),
    ("Norrvik Data and Sarvik Labs build tools for ports. Both companies are members of the Baltic Ports AI Network.",
     "Baltic Ports AI Network", {"Norrvik Data", "Sarvik Labs"}),
])
def test_counted_plural_members(ex, text, group, members):
    got = {src for _, src, tgt in of_type(ex, text, "MEMBER_OF") if tgt == group}
    assert members <= got


@pytest.mark.parametrize("text", [
    "Norrvik Data, Sarvik Labs and Ozol Robotics build tools for ports. The two firms are members of the Baltic "
    "Ports AI Network.",
    "Norrvik Data and Sarvik Labs build tools for ports. The three firms are members of the Baltic Ports AI Network.",
    "Norrvik Data and Sarvik Labs build tools for ports. The two firms are customers of the Baltic Ports AI Network.",
])
def test_counted_plural_near_misses(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == set()


# ---------------------------------------------------------------- housed and possessed units (relation_member_housed.py)
@pytest.mark.parametrize("text, unit, parent", [
    ("The Brenna Vision Lab, housed in the Tarvik Institute, builds cameras.", "Brenna Vision Lab", "Tarvik Institute"),
    ("The Brenna Vision Lab, housed within the Tarvik Institute, builds cameras.", "Brenna Vision Lab",
     "Tarvik Institute"),
    ("The Tarvik Institute houses the Brenna Vision Lab and the Orrin Data Centre.", "Orrin Data Centre",
     "Tarvik Institute"),
    ("CALT will be based at the Orrin Centre, the University of Tarvik's innovation hub in central Tarvik.",
     "Orrin Centre", "University of Tarvik"),
    ("The Orrin Centre, Tarvik University's research centre for robotics, opened in May.", "Orrin Centre",
     "Tarvik University"),
    ("The Instituto de Lenguas Kichwa and the Escuela de Agronomía Guaranda of the Universidad Estatal de Bolívar Norte "
     "signed the charter.", "Escuela de Agronomía Guaranda", "Universidad Estatal de Bolívar Norte"),
])
def test_housed_and_possessed_units(ex, text, unit, parent):
    assert ("PART_OF", unit, parent) in of_type(ex, text, "PART_OF")


@pytest.mark.parametrize("text, unit", [
    ("Kestrel Labs, a start-up based at the Tarvik Institute, builds cameras.", "Kestrel Labs"),
    ("The Brenna Vision Lab, housed in the Tarvik Institute's incubator, builds cameras.", "Brenna Vision Lab"),
    ("Kestrel Labs, Tarvik University's partner company, builds cameras.", "Kestrel Labs"),
    ("The Instituto de Lenguas Kichwa and the Escuela de Agronomía Guaranda of the Universidad Estatal de Bolívar Norte "
     "signed the charter.", "Instituto de Lenguas Kichwa"),
])
def test_housed_near_misses(ex, text, unit):
    assert not any(src == unit and tgt != "Tarvik Institute's incubator" for _, src, tgt in of_type(ex, text, "PART_OF")
                   if tgt in ("Tarvik Institute", "Tarvik University", "Universidad Estatal de Bolívar Norte"))


# ---------------------------------------------------------------- joint units opened by described makers (relation_units.py)
@pytest.mark.parametrize("text, unit, parents", [
    ("EBENE, Mauritius, 12 November 2026 -- Vakwa Analytics Ltd, an Ebène-based developer of satellite models for "
     "small-scale fisheries, and the Moka Institute of Ocean Data (MIOD) today opened the Lagoon Observation Lab, a "
     "joint lab of the two organisations.", "Lagoon Observation Lab", {"Vakwa Analytics Ltd",
                                                                      "Moka Institute of Ocean Data"}),
    ("Tarvik Robotics, a maker of lidar units for mining trucks and a subsidiary of the holding group Orrin Holdings, "
     "and Harwick University today announced the Solent Centre for Marine Autonomy, a joint centre of the two "
     "institutions.", "Solent Centre for Marine Autonomy", {"Tarvik Robotics", "Harwick University"}),
])
def test_joint_unit_of_described_makers(ex, text, unit, parents):
    got = {tgt for _, src, tgt in of_type(ex, text, "PART_OF") if src == unit}
    assert parents <= got
    assert "Orrin Holdings" not in got


def test_joint_unit_of_the_two_needs_two_makers(ex):
    text = ("Tarvik Robotics, a maker of lidar units, Brenna Systems and Harwick University today opened the Solent "
            "Lab, a joint lab of the two organisations.")
    assert not any(src == "Solent Lab" for _, src, _ in of_type(ex, text, "PART_OF"))


@pytest.mark.parametrize("text, unit, parents", [
    ("In 2024 Kestrel Robotics opened the Solent Lab, a joint laboratory with Harwick University.", "Solent Lab",
     {"Kestrel Robotics", "Harwick University"}),
    ("In March 2025, Kestrel Robotics formed Brenna Grid LLC, a joint venture with Orrin Electric.", "Brenna Grid LLC",
     {"Kestrel Robotics", "Orrin Electric"}),
    ("Last year Kestrel Robotics opened the Solent Lab, a joint laboratory with Harwick University.", "Solent Lab",
     {"Kestrel Robotics", "Harwick University"}),
])
def test_joint_unit_with_after_a_time_phrase(ex, text, unit, parents):
    got = {tgt for _, src, tgt in of_type(ex, text, "PART_OF") if src == unit}
    assert parents <= got


# ---------------------------------------------------------------- a programme's provider list (section_lists phrases)
PROVIDER_PAGE = """Harwick Valley AI Vouchers

The Harwick Valley AI Vouchers programme pays up to 70 percent of a small manufacturer's first AI project.

{heading}
- Kestrel Vision Inc., a computer-vision firm from Tarvik
- the Orrin analytics company Brenna Data Works
- Sarvik Predictive LLC (Sarvik)
"""


@pytest.mark.parametrize("heading", ["Qualified providers (selection)", "Approved providers", "Accredited providers"])
def test_programme_provider_list(ex, heading):
    got = {src for _, src, tgt in of_type(ex, PROVIDER_PAGE.format(heading=heading), "MEMBER_OF")
           if tgt == "Harwick Valley AI Vouchers"}
    assert {"Kestrel Vision Inc", "Sarvik Predictive LLC"} <= got


@pytest.mark.parametrize("heading", ["Cloud providers", "Customers of the providers"])
def test_other_provider_lists_are_no_members(ex, heading):
    assert of_type(ex, PROVIDER_PAGE.format(heading=heading), "MEMBER_OF") == set()


# ---------------------------------------------------------------- "among the firms selected for P" (relation_member_among.py)
@pytest.mark.parametrize("text, members", [
    ("Among the start-ups selected for the Baltic Launch Programme are Kestrel Vision and Sarvik Predictive.",
     {"Kestrel Vision", "Sarvik Predictive"}),
    ("Among the companies in the Baltic Launch Programme's 2026 cohort are Kestrel Vision and Sarvik Predictive.",
     {"Kestrel Vision", "Sarvik Predictive"}),
    ("Kestrel Vision and Sarvik Predictive were among the twelve start-ups selected for the Baltic Launch Programme.",
     {"Kestrel Vision", "Sarvik Predictive"}),
    ("Kestrel Vision was among the firms chosen for the Baltic Launch Programme in March.", {"Kestrel Vision"}),
])
def test_among_selected(ex, text, members):
    got = {src for _, src, tgt in of_type(ex, text, "MEMBER_OF") if tgt == "Baltic Launch Programme"}
    assert members <= got


@pytest.mark.parametrize("text", [
    "Kestrel Vision was among the firms that applied to the Baltic Launch Programme.",
    "Kestrel Vision was among the start-ups shortlisted for the Baltic Launch Programme.",
    "Among the customers of the Baltic Launch Programme's mentors are Kestrel Vision and Sarvik Predictive.",
])
def test_among_near_misses(ex, text):
    assert of_type(ex, text, "MEMBER_OF") == set()


def test_joint_unit_of_the_two_after_last_year(ex):
    text = ("Last year Kestrel Vision and Tarvik University opened the Solent Lab, a joint laboratory of the two "
            "organisations.")
    got = {tgt for _, src, tgt in of_type(ex, text, "PART_OF") if src == "Solent Lab"}
    assert {"Kestrel Vision", "Tarvik University"} <= got


# ---------------------------------------------------------------- "a member of A since 2021 and of B since 2023"
def test_second_of_after_since(ex):
    text = ("Kestrel Vision has been a member of the Orrin Robotics Alliance since 2021 and of the Baltic Data Network "
            "since 2023.")
    assert {("MEMBER_OF", "Kestrel Vision", "Orrin Robotics Alliance"),
            ("MEMBER_OF", "Kestrel Vision", "Baltic Data Network")} <= of_type(ex, text, "MEMBER_OF")


def test_second_of_needs_of(ex):
    text = "Kestrel Vision has been a member of the Orrin Robotics Alliance since 2021 and works with Sarvik Labs."
    assert of_type(ex, text, "MEMBER_OF") == {("MEMBER_OF", "Kestrel Vision", "Orrin Robotics Alliance")}


def test_joining_a_company_alongside_is_no_membership(ex):
    text = "Kestrel Vision joined Orrin Robotics in 2024, alongside Sarvik Predictive and Brenna Data Works."
    assert not any(src in ("Sarvik Predictive", "Brenna Data Works") for _, src, _ in of_type(ex, text, "MEMBER_OF"))


# ---------------------------------------------------------------- a members line with a name the entity pass missed
def test_members_line_keeps_the_names_it_reads(ex):
    page = ("Danube Edge AI Alliance\nThe Danube Edge AI Alliance connects firms and universities along the river.\n\n"
            "Members (4)\nKestrel Robotics, Orrin Institute, Pellan AI and Varda Systems.\n")
    got = {src for _, src, tgt in of_type(ex, page, "MEMBER_OF") if tgt == "Danube Edge AI Alliance"}
    assert {"Kestrel Robotics", "Orrin Institute", "Varda Systems"} <= got


def test_a_sentence_line_is_no_members_line(ex):
    page = ("Danube Edge AI Alliance\nThe Danube Edge AI Alliance connects firms and universities along the river.\n\n"
            "Members (4)\nKestrel Robotics sells cameras to Varda Systems.\n")
    assert of_type(ex, page, "MEMBER_OF") == set()
