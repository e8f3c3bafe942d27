"""PART_OF, FUNDS precision and AFFILIATED_WITH in published forms (issue 14, wave 14), through the real spaCy
pipeline. Forms learned from conference and keynote pages (BCS HCI 2018 keynotes "Professor of X, University of Y";
Oxford CS news "(Professor of Computer Science, School of Informatics, University of Edinburgh)"; ECCE 2023 people
page), 10-K Item 1 descriptions of subsidiaries (dev 10-Ks' "through X, a wholly owned subsidiary based in"), prize and
hackathon news; every name is invented.

* a unit before its parent after a comma on speaker, byline and contact lines (relation_part_lines.py);
* "we ... through X LLC, a wholly owned subsidiary based in Town" (relation_part_owned.py);
* no FUNDS from a hackathon "with A and B taking part", from "a network of mentors, including A", or to a prize
  "awarded by" a foundation (relation_fund_frames.py);
* the post held "now" after a past one: "(formerly at X, and now Fellow, Y)" (relation_people_now.py).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import pairs_of, relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


of_type = pairs_of


# ---------------------------------------------------------------- a unit, then its parent, after a comma
@pytest.mark.parametrize("text, unit, parent", [
    ("Prof. Wanjiru Kosgei, Dean, School of Computing and Informatics, Lessos Highlands University",
     "School of Computing and Informatics", "Lessos Highlands University"),
    ("Speakers\n\nNaoko Ishiyama, Professor, Graduate School of Information Sciences, Aobayama Gakuin University\n\n"
     "Tariq Bensalem, Chief Executive, Orrin Labs",
     "Graduate School of Information Sciences", "Aobayama Gakuin University"),
    ("- \"Flood routing for small towns\" - Prof. Taro Sasamoto, Faculty of Civil Engineering, Kitakami Institute "
     "of Technology", "Faculty of Civil Engineering", "Kitakami Institute of Technology"),
    ("The keynote is given by Ewa Marczak (Professor of Robotics, School of Informatics, Wrocławek University of "
     "Technology).", "School of Informatics", "Wrocławek University of Technology"),
    ("Prof. Rauf Aliyev, Director, Centre for Agricultural Informatics, Kura Valley Technical University, and "
     "Visiting Professor, Orrin Labs", "Centre for Agricultural Informatics", "Kura Valley Technical University"),
    ("Contact: Secretaría, Faculty of Natural Resources, Escuela Politécnica del Chanchán, Riobamba.",
     "Faculty of Natural Resources", "Escuela Politécnica del Chanchán"),
    ("Professor Imran Qadir Malik, Dean, Faculty of Electrical Engineering, Shalimar Institute of Technology, said: "
     "\"Our students will spend a semester at the centre.\"",
     "Faculty of Electrical Engineering", "Shalimar Institute of Technology"),
])
def test_unit_comma_parent(ex, text, unit, parent):
    assert (unit, parent) in of_type(relations_in(ex, text), "PART_OF")


@pytest.mark.parametrize("text, unit, other", [
    ("The programme's partners are the Faculty of Engineering, Kestrel Technical University and Orrin Labs.",
     "Faculty of Engineering", "Kestrel Technical University"),
    ("Partners: School of Informatics, Lessos Highlands University, Orrin Labs, Kestrel Partners.",
     "School of Informatics", "Lessos Highlands University"),
    ("Speakers come from Orrin Labs, Kestrel Technical University and Brakeley Analytics.",
     "Orrin Labs", "Kestrel Technical University"),
])
def test_unit_comma_parent_near_misses(ex, text, unit, other):
    assert (unit, other) not in of_type(relations_in(ex, text), "PART_OF")


# ---------------------------------------------------------------- "X, a wholly owned subsidiary" in a 10-K
FILER = 'Tanaga Systems, Inc. ("Tanaga", the "Company", "we" or "our") designs radar software. '


@pytest.mark.parametrize("text, sub", [
    ("We conduct our Canadian operations through Tanaga Systems Canada ULC, a wholly owned subsidiary in "
     "Whitehorse, Yukon.", "Tanaga Systems Canada ULC"),
    ("Most of our research is done through Tanaga Labs LLC, a wholly owned subsidiary based in Fairbanks.",
     "Tanaga Labs LLC"),
    ("Our sensors are assembled by Kobuk Devices Ltd, an indirect subsidiary, in Nome.", "Kobuk Devices Ltd"),
    ("We sell in Chile through Tanaga Chile SpA, a wholly-owned operating subsidiary, and through resellers.",
     "Tanaga Chile SpA"),
])
def test_owned_apposition(ex, text, sub):
    assert (sub, "Tanaga Systems, Inc") in of_type(relations_in(ex, FILER + text), "PART_OF")


@pytest.mark.parametrize("text", [
    FILER + "We buy chips from Kobuk Devices Ltd, a subsidiary of Norton Group.",
    FILER + "We compete with Kobuk Devices Ltd, a wholly owned subsidiary of Norton Group, and with Brakeley Analytics.",
    FILER + "Our customers include Kobuk Devices Ltd, a supplier based in Nome.",
    "Norton Group said Kobuk Devices Ltd, a wholly owned subsidiary, will open a plant in Nome.",
])
def test_owned_apposition_near_misses(ex, text):
    assert ("Kobuk Devices Ltd", "Tanaga Systems, Inc") not in of_type(relations_in(ex, text), "PART_OF")


# ---------------------------------------------------------------- FUNDS a frame's words take back
@pytest.mark.parametrize("text", [
    "Lumora Systems announced a hackathon in Oslo, with Orrin Labs and Kestrel Partners taking part.",
    "Lumora Systems announced a two-day datathon in Bergen, with Orrin Labs and Kestrel Partners participating.",
    "Orrin Labs and Kestrel Partners took part in the Lumora Systems hackathon in Oslo.",
    "Lumora Systems is supported by a network of mentors, including Orrin Labs and Kestrel Partners.",
    "Lumora Systems is backed by a panel of advisers such as Orrin Labs and Kestrel Partners.",
])
def test_no_funds_from_events_and_mentors(ex, text):
    got = of_type(relations_in(ex, text), "FUNDS")
    assert ("Orrin Labs", "Lumora Systems") not in got
    assert ("Kestrel Partners", "Lumora Systems") not in got


@pytest.mark.parametrize("text", [
    "Pellan AI won the Emberline Prize, awarded by the Emberline Foundation.",
    "The Emberline Prize, presented each year by the Emberline Foundation, went to Pellan AI.",
])
def test_no_funds_to_a_prize(ex, text):
    assert ("Emberline Foundation", "Emberline Prize") not in of_type(relations_in(ex, text), "FUNDS")


@pytest.mark.parametrize("text, funder", [
    ("Lumora Systems raised a $5 million seed round, with Orrin Labs and Kestrel Partners taking part.", "Orrin Labs"),
    ("Orrin Labs took part in Lumora Systems' Series A round.", "Orrin Labs"),
    ("Lumora Systems is supported by a network of investors, including Orrin Labs.", "Orrin Labs"),
    ("The Emberline Foundation awarded Lumora Systems a grant of $50,000.", "Emberline Foundation"),
])
def test_funds_kept(ex, text, funder):
    assert (funder, "Lumora Systems") in of_type(relations_in(ex, text), "FUNDS")


# ---------------------------------------------------------------- the post held "now"
@pytest.mark.parametrize("text, person, org", [
    ("Marta Ilvesaar (formerly at Statistics Estonia, and now Fellow, Tallinn Institute of Data) chaired the panel.",
     "Marta Ilvesaar", "Tallinn Institute of Data"),
    ("The keynote is given by Jonas Aruväli, formerly chief technology officer of Brakeley Analytics and now head of "
     "research at Orrin Labs.", "Jonas Aruväli", "Orrin Labs"),
    ("Ana Ruizabal, previously a director at Kestrel Partners; now a senior adviser to Northgate Capital, joined the "
     "board.", "Ana Ruizabal", "Northgate Capital"),
])
def test_now_post(ex, text, person, org):
    assert (person, org) in of_type(relations_in(ex, text), "AFFILIATED_WITH")


@pytest.mark.parametrize("text, person, org", [
    ("Marta Ilvesaar (formerly at Statistics Estonia, and now Fellow, Tallinn Institute of Data) chaired the panel.",
     "Marta Ilvesaar", "Statistics Estonia"),
    ("Jonas Aruväli, formerly at Brakeley Analytics, and now a customer of Orrin Labs, spoke.",
     "Jonas Aruväli", "Orrin Labs"),
    ("Jonas Aruväli, formerly of Brakeley Analytics, now lives in Tartu.", "Jonas Aruväli", "Brakeley Analytics"),
])
def test_now_post_near_misses(ex, text, person, org):
    assert (person, org) not in of_type(relations_in(ex, text), "AFFILIATED_WITH")


# ---------------------------------------------------------------- name lines: a lab before its parent, "said", brackets
@pytest.mark.parametrize("text, person, org", [
    ("Professor Imran Qadir Malik, Dean, Faculty of Electrical Engineering, Shalimar Institute of Technology, said: "
     "\"Our students will spend a semester at the centre.\"", "Imran Qadir Malik", "Shalimar Institute of Technology"),
    ("Programme\n\nTemur Yusupov, Research Scientist, Zarafshon Vision Lab, Kestrel Technical University\n\n"
     "Lola Karimova, Engineer, Orrin Labs", "Temur Yusupov", "Kestrel Technical University"),
    ("Board\n\nXimena Zambrano Loor (president; Universidad Laica del Pacífico)\n\nDiego Palma (treasurer; Orrin Labs)",
     "Ximena Zambrano Loor", "Universidad Laica del Pacífico"),
])
def test_name_line_posts(ex, text, person, org):
    assert (person, org) in of_type(relations_in(ex, text), "AFFILIATED_WITH")


def test_lab_on_a_name_line_is_part_of_its_parent(ex):
    text = "Temur Yusupov, Research Scientist, Zarafshon Vision Lab, Kestrel Technical University"
    got = relations_in(ex, text)
    assert ("Zarafshon Vision Lab", "Kestrel Technical University") in of_type(got, "PART_OF")
    assert ("Temur Yusupov", "Zarafshon Vision Lab") in of_type(got, "AFFILIATED_WITH")


def test_lab_in_a_list_is_no_unit(ex):
    text = "The partners are Orrin Labs, Zarafshon Vision Lab, Kestrel Technical University and Brakeley Analytics."
    assert ("Zarafshon Vision Lab", "Kestrel Technical University") not in of_type(relations_in(ex, text), "PART_OF")


# ---------------------------------------------------------------- "X, a technology park managed by Y"
@pytest.mark.parametrize("text, site, owner", [
    ("In Karachi, the scheme is run out of the Malir Valley Innovation Centre (MVIC), a technology park managed by the "
     "Sindh Coastal Development Authority.", "Malir Valley Innovation Centre", "Sindh Coastal Development Authority"),
    ("Trials use the Hvaler Ocean Data Centre, a research facility operated by the Oslofjord Marine Institute.",
     "Hvaler Ocean Data Centre", "Oslofjord Marine Institute"),
])
def test_managed_facility(ex, text, site, owner):
    assert (site, owner) in of_type(relations_in(ex, text), "PART_OF")


@pytest.mark.parametrize("text, a, b", [
    ("The Neretva AI Cluster, an association managed by the Mostar Chamber of Crafts, has 30 members.",
     "Neretva AI Cluster", "Mostar Chamber of Crafts"),
    ("Trials use the Hvaler Ocean Data Centre, a research facility used by the Oslofjord Marine Institute.",
     "Hvaler Ocean Data Centre", "Oslofjord Marine Institute"),
])
def test_managed_facility_near_misses(ex, text, a, b):
    assert (a, b) not in of_type(relations_in(ex, text), "PART_OF")
