"""LOCATED_IN on unseen news (issue 14): datelines read as datelines, towns no list knows before an organisation noun.

Invented texts in the forms of published press releases and news (AP datelines "CITY, State, Month D, YYYY /Wire/
--", funding copy "with participation from <Town> angel group X", member lists "X, a <Town> start-up"), each with
near-misses that must not fire: people lines and name lines with a dash, prose with a dash, former and planned
sites, customers, sector words and nationalities before an organisation noun.
Modules: ingest/nlp/dateline_breaks.py, mentions/caps_datelines.py, mentions/town_noun_slots.py,
relation_place_bare_nouns.py (read by relation_places.place_phrases).
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.dateline_breaks import break_datelines
from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import kinds_in, pairs_of, relations_in

L = "LOCATED_IN"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def located(ex, text: str) -> set[tuple[str, str]]:
    return pairs_of(relations_in(ex, text), L)


# ------------------------------------------------------------------ dateline breaks (text only)
@pytest.mark.parametrize("text", [
    "DHARAN, Nepal — Kestrel Agronomics said on Tuesday it had hired forty engineers.",
    "ST. JOHN'S, NL — Brinemark Robotics signed a contract.",
    "MOSSEL BAY, South Africa /PRNewswire/ -- Tidewell Analytics today announced a grant.",
    "BERLIN (Reuters) - Carrow Dynamics raised money.",
    "BOUAKÉ, Côte d'Ivoire — Gbêkê Vision SA said.",
])
def test_a_dateline_dash_ends_its_line(text: str) -> None:
    out = break_datelines(text)
    assert len(out) == len(text) and out.count("\n") == 1 and out.replace("\n", " ") == text


@pytest.mark.parametrize("text", [
    "MOSSEL BAY, South Africa, June 2, 2026 /PRNewswire/ -- Tidewell Analytics today announced a grant.",  # dated:
    "Tampere, March 3, 2026 -- Kestrel Vision opened a lab.",  # the model reads these well as they are
    "Anna Berg, Chief Executive - Kestrel Labs",  # a people line
    "Kestrel Labs - Dharan\nOrrin Data - Pokhara",  # name lines of a list
    "Kestrel Labs, a Dharan firm - best known for soil sensors - said it would hire.",  # prose
    "Kestrel Labs, Oslo - Norway",
    "Title\n\n" + "Kestrel Labs raised money. " * 100 + "\nOSLO, Norway — Fjellkode said.",  # not in the head
])
def test_a_dated_dateline_or_no_dateline_is_left_alone(text: str) -> None:
    assert break_datelines(text) == text


def test_a_title_line_is_no_part_of_the_dateline_below_it() -> None:
    text = "Kestrel Labs Opens Lab\nOSLO, Norway — Fjellkode said."
    assert break_datelines(text) == "Kestrel Labs Opens Lab\nOSLO, Norway —\nFjellkode said."


# ------------------------------------------------------------------ datelines through the pipeline
def test_the_name_after_an_undated_dateline_is_found(ex) -> None:
    kinds = kinds_in(ex, "DHARAN, Nepal — Kestrel Agronomics said on Tuesday that it had hired forty field engineers.")
    assert ("Kestrel Agronomics", "Company") in kinds


def test_a_caps_dateline_gives_no_person_or_firm(ex) -> None:
    kinds = kinds_in(ex, "ST. JOHN'S, NL — Brinemark Robotics has signed a contract with Ferryland Fisheries.")
    assert ("Brinemark Robotics", "Company") in kinds
    assert not any(t in ("Person", "Company", "Institute", "Agency") and ("JOHN" in n or n == "NL") for n, t in kinds)


def test_a_dated_dateline_still_places_its_firm(ex) -> None:
    text = ("GYUMRI, Armenia, 3 March 2026 -- Shirak Vision, a Gyumri-based maker of inspection cameras, "
            "said on Monday it had raised seed money.")
    assert ("Shirak Vision", "Gyumri") in located(ex, text)


# ------------------------------------------------------------------ "<Town> <organisation noun> <Org>" with no article
@pytest.mark.parametrize("text,pair", [
    ("Quetzal Capital led the round, with participation from Queenstown angel group Remarkables Angels.",
     ("Remarkables Angels", "Queenstown")),
    ("Investors include Tarragona fintech Morrow Data and Orrin Capital.", ("Morrow Data", "Tarragona")),
    ("The lab will work with Deer Lake start-up Spruce Budworm Analytics on pest forecasting.",
     ("Spruce Budworm Analytics", "Deer Lake")),
    ("The cooperative sells its data to Vigo foundry Celta Cast.", ("Celta Cast", "Vigo")),
])
def test_a_bare_town_before_an_organisation_noun_places_the_name(ex, text: str, pair: tuple[str, str]) -> None:
    assert pair in located(ex, text)


def test_an_article_form_keeps_its_apposition_reading(ex) -> None:
    assert ("Brennholt Works", "Tarnów") in located(ex, "Brennholt Works, the Tarnów innovation hub, hosts twelve start-ups.")


@pytest.mark.parametrize("text,pair", [
    ("Kestrel Labs hired engineers from the former Oslo start-up Fjellkode.", ("Fjellkode", "Oslo")),
    ("Kestrel Labs sells its sensors to Oslo customers such as Fjellkode.", ("Fjellkode", "Oslo")),
    ("Anna Berg moved to Kestrel Labs from formerly Oslo start-up Fjellkode.", ("Fjellkode", "Oslo")),
])
def test_a_former_town_or_customers_place_nothing(ex, text: str, pair: tuple[str, str]) -> None:
    assert pair not in located(ex, text)


# ------------------------------------------------------------------ a town no list knows, in the same slot
@pytest.mark.parametrize("text,pair", [
    ("The centre's partners include Comhairle Sensing, a Stornoway start-up, and Pellam Data.",
     ("Comhairle Sensing", "Stornoway")),
    ("The Dharan cooperative Sunsari Dairy Sangh uses the forecast.", ("Sunsari Dairy Sangh", "Dharan")),
    ("Kestrel Labs, a Dharan firm - best known for soil sensors - said it would hire.", ("Kestrel Labs", "Dharan")),
    ("Its backers are Tocoa Ventures, a Sabá fund, and Orrin Capital.", ("Tocoa Ventures", "Sabá")),
])
def test_an_unknown_town_before_an_organisation_noun_is_read(ex, text: str, pair: tuple[str, str]) -> None:
    assert pair in located(ex, text)


@pytest.mark.parametrize("text,word", [
    ("Kestrel Labs, a Deep Tech start-up, raised money from Orrin Capital.", "Deep Tech"),
    ("Kestrel Labs, a Series A start-up, raised money from Orrin Capital.", "Series A"),
    ("The British start-up Kestrel Labs raised money.", "British"),
    ("Kestrel Labs, a Mexican firm, hired Anna Berg.", "Mexican"),
    ("Kestrel Labs, a Nordic Semiconductor subsidiary, hired engineers.", "Nordic"),
    ("It is backed by the Azorean angel group Ilhas Angels.", "Azorean"),
    ("Polcevera Industrie, a Genoese shipyard, buys the software.", "Genoese"),
    ("The round had participation from the Guatemalan investor network Volcán Angels.", "Guatemalan"),
    ("It is a subsidiary of the Hanseatic engineering group Brandt & Lühr AG.", "Hanseatic"),
])
def test_sector_words_and_nationalities_are_no_towns(ex, text: str, word: str) -> None:
    assert not any(t == "Cluster" and word in n for n, t in kinds_in(ex, text))
