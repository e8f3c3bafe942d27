"""Words a page capitalises that name no body (issue 14, entity precision; ``ingest/nlp/mentions/spurious_names.py``).

Forms learned from published pages (news headlines over a breadcrumb or masthead, think-tank report titles, sector
guides, Latin American press releases with the firm's full legal name, wire photos with a credit line): a title line
capitalises topics and fragments the text never writes again; a legal form after a comma is read as a firm of its
own; a photo credit in brackets. Invented names throughout; near-misses where the same shapes are real names.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.mentions.spurious_names import ENABLED_ENV, title_lines
from tests.helpers import names_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


BODY = "\n\nKessel Robotics is a Tarsk start-up that builds inspection drones. Halvik University trains its engineers."


@pytest.mark.parametrize("text, gone", [
    ("Industrial AI in Tarsk and Velmora: a sector guide (2026 edition)" + BODY, "Industrial AI"),
    ("Digital Farming in the Velmora Valley: Who Builds, Who Pays" + BODY, "Digital Farming"),
    ("Agricultural AI between Tarsk and the coast" + BODY, "Agricultural AI"),
    ("Home > News > Research > 2025\n\nDigital Farming comes to the Velmora valley as growers try drones" + BODY,
     "Digital Farming"),
    ("Ridgeway Capital — Journal\n\nWhy we backed Kessel Robotics" + BODY, "Journal"),
])
def test_title_line_names_the_text_never_writes_again(ex, text, gone):
    assert gone not in names_in(ex, text)


@pytest.mark.parametrize("text, kept", [
    ("Kessel Robotics raises $5 million to map river ports" + BODY, "Kessel Robotics"),
    ("Halvik University and Kessel Robotics sign research partnership" + BODY, "Halvik University"),
    ("Halvik Robotics Consortium (HRC) | Members\n\nHRC brings together firms in Tarsk, among them Kessel Robotics.",
     "Halvik Robotics Consortium"),
    ("Velmora Business Ledger | Technology | March 11, 2026\n\nKessel Robotics was founded in 2023 in Tarsk.",
     "Velmora Business Ledger"),
    ("Orsa Speech raises $7.5 million to bring voice tools to clinics\n\nTARSK, 3 May 2026 -- Orsa Speech "
     "Technologies PLC, a developer of speech tools, has raised $7.5 million.", "Orsa Speech"),
    ("Kessel Robotics opened a lab in Tarsk with Halvik University.", "Kessel Robotics"),
    ("By Mara Lindqvist, Tarsk Business Daily\n\nKessel Robotics opened a lab in Tarsk.", "Kessel Robotics"),
])
def test_title_line_names_the_text_writes_stay(ex, text, kept):
    assert kept in names_in(ex, text)


def test_a_first_line_ending_in_a_full_stop_is_no_title():
    assert title_lines("Kessel Robotics opened a lab in Tarsk.\n\nIt employs ten people.") == []


@pytest.mark.parametrize("text", [
    "TARSK, Estonia - The city's drone makers have a new neighbour.\n\nKessel Robotics opened a lab.",  # a dateline
    "Kessel Robotics, a maker of drones\nfounded in 2019, said on Tuesday\nthat it will hire.",  # wrapped prose
    "Kessel Robotics — Tarsk\nOrvik Data — Narva\n\nBoth joined in May.",  # the first row of a list
    "Why did Kessel Robotics leave Tarsk?\n\nMara: It wanted a bigger lab.",  # a question
])
def test_first_lines_that_open_a_paragraph_are_no_titles(text):
    assert title_lines(text) == []


def test_a_news_headline_keeps_its_names(ex):
    """A title line saying something of a name ("X raises ...") is a sentence: its names stay."""
    text = "Tarsk drone start-up Kessel Robotics raises $4 million\n\nThe round was led by a fund."
    assert "Kessel Robotics" in names_in(ex, text)


def test_bylines_fields_and_mastheads_are_no_headlines():
    text = ("Tarsk Business Daily | Technology | 3 May 2026\nBy Mara Lindqvist, Senior Reporter\nParent organisation: "
            "Halvik University\nKessel Robotics opens a second lab to train inspection drones\n\nKessel Robotics said.")
    lines = [text[a:b] for a, b in title_lines(text)]
    assert lines == ["Tarsk Business Daily | Technology | 3 May 2026",
                     "Kessel Robotics opens a second lab to train inspection drones"]


@pytest.mark.parametrize("text, gone", [
    ("Orsa Datos, S.A.P.I. de C.V.\n\nOrsa Datos, a Tarsk firm, sells drones.", "S.A.P.I. de C.V."),
    ("TARSK, Mexico, 4 May 2026 -- Orsa Datos, S.A. de C.V., a drone maker, has raised funds.", "de C.V."),
    ("Research and directory compiled by Analitica Velmora, S.C.\n\nThe guide lists Kessel Robotics.", "S.C."),
    ("The round was led by Tajo Riesgo, S.G.E.I.C., S.A., a Tarsk fund manager.", "S.G.E.I.C., S.A."),
])
def test_legal_form_split_off_its_firm(ex, text, gone):
    found = names_in(ex, text)
    assert not any(n.strip(".,") in (gone.strip(".,"), "de C.V", "S.A", "S.C") for n in found)


@pytest.mark.parametrize("text, kept", [
    ("Orsa Datos, S.A.P.I. de C.V.\n\nOrsa Datos, a Tarsk firm, sells drones.", "Orsa Datos"),
    ("Halvik works with V.E.L.M. Robotics on sensors.", "V.E.L.M. Robotics"),
    ("Velmora Seguros S.A. signed the agreement with Kessel Robotics.", "Kessel Robotics"),
])
def test_firms_with_legal_forms_stay(ex, text, kept):
    assert kept in names_in(ex, text)


def test_photo_credit_alone_in_brackets(ex):
    text = "Photo: Kessel Robotics co-founder Mara Lind checks a trap in Tarsk.\n(Supplied)\n\nKessel Robotics raised money."
    found = names_in(ex, text)
    assert "Supplied" not in found and "Kessel Robotics" in found


def test_credit_word_inside_a_name_stays(ex):
    text = "Kessel Robotics hired staff from Handout Labs.\n(Handout Labs)\n\nHandout Labs is based in Tarsk."
    assert "Handout Labs" in names_in(ex, text)


def test_off_switch(ex, monkeypatch):
    text = "Industrial AI in Tarsk and Velmora: a sector guide (2026 edition)" + BODY
    monkeypatch.setenv(ENABLED_ENV, "off")
    off = names_in(ex, text)
    monkeypatch.setenv(ENABLED_ENV, "on")
    assert names_in(ex, text) <= off


@pytest.mark.parametrize("text, gone", [
    ("Hospitals, research institutes and companies based in Velmora can apply for membership of the network.",
     "Hospitals"),
    ("State support comes mainly through the Tarsk Robotics Programme, run by the Velmora Innovation Agency.",
     "State"),
    ("Speakers: Mara Lind, Principal Scientist, Analytics (Tarsk); Jon Berg, Kessel Robotics.", "Analytics"),
])
def test_head_word_alone_is_no_name(ex, text, gone):
    assert gone not in names_in(ex, text)


@pytest.mark.parametrize("text, kept", [
    ("The Velmora Academy of Sciences opened a lab in Tarsk. The Academy also funds two chairs.", "Velmora Academy of Sciences"),
    ("Foghorn, a Tarsk start-up, builds inspection drones for Kessel Robotics.", "Foghorn"),
    ("ABB and Kessel Robotics signed a supply agreement in Tarsk.", "ABB"),
])
def test_one_word_names_stay(ex, text, kept):
    assert kept in names_in(ex, text)


@pytest.mark.parametrize("text, gone", [
    ("Orsa Voice, a Tarsk start-up, builds speech recognition for Uzbek, Karakalpak and Tajik.", "Karakalpak"),
    ("The consortium builds open speech resources for Gujarati and its Kathiawari dialects.", "Kathiawari"),
    ("Kessel Labs builds translation tools for Swahili and Makonde speakers in Tarsk.", "Makonde"),
])
def test_language_listed_with_a_known_one(ex, text, gone):
    assert gone not in names_in(ex, text)


@pytest.mark.parametrize("text, kept", [
    ("Orsa Voice works with Swahili Data Labs and Kessel Robotics on speech tools.", "Kessel Robotics"),
    ("Halvik University and Kessel Robotics build tools for Swahili speakers.", "Kessel Robotics"),
])
def test_bodies_listed_near_a_language_stay(ex, text, kept):
    assert kept in names_in(ex, text)


@pytest.mark.parametrize("text, gone", [
    ("Sanctioned units, Call 1 (2024–25)\nKessel Robotics — Tarsk — vision parts", "Call 1"),
    ("Applications for Round 2 of the Tarsk Robotics Programme close in May.", "Round 2"),
    ("The Velmora Innovation Agency will fund Phase II of the project with Kessel Robotics.", "Phase II"),
    ("Eligible costs are listed in Annex A of the guidance from the Velmora Innovation Agency.", "Annex A"),
])
def test_numbered_label_is_no_body(ex, text, gone):
    assert gone not in names_in(ex, text)


@pytest.mark.parametrize("text, kept", [
    ("Kessel Robotics has a desk at Station F in Paris and works with Block 71 in Tarsk.", "Kessel Robotics"),
    ("Stage 2 Capital led the round in Kessel Robotics.", "Stage 2 Capital"),
])
def test_numbered_names_stay(ex, text, kept):
    assert kept in names_in(ex, text)


@pytest.mark.parametrize("text, kept", [
    ("\"Snow is data\": a conversation with Aila Varto of Revontuli Data\n\nInterview by Jussi Maki\n\n"
     "Our first grant came from the Lapland Growth Fund.", "Revontuli Data"),
    ("Halden AI Adoption Programme: Round 2 guidance\n\nThe program is administered by the Halden Digital Office.",
     "Halden AI Adoption Programme"),
    ("Kessel Robotics signs data partnership with Orsa University\n\nThe company will share drone images.",
     "Orsa University"),
    ("Velmora Awards 2026: Kessel Analytics and Orsa Labs shortlisted\n\nThe awards are judged in May.", "Orsa Labs"),
])
def test_the_page_subject_named_only_in_the_title_stays(ex, text, kept):
    assert kept in names_in(ex, text)
