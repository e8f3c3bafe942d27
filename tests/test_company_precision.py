"""Names in the slot of a thing are no firms (issue 14, Company precision; ``ingest/nlp/mentions/name_slots.py``).

Forms learned from published pages (regional news about river and port start-ups, press releases with a product
apposition, encyclopedia articles under their "From Wikipedia" line, conference programmes with speaker lines,
Spanish-language fact sheets under a breadcrumb, interviews citing a data-protection law): a river or range after
"on the"/"across the", an event's name before its edition number, a job title between a person and a body, a law's
topic, a word cut at its hyphen, a product before its description, a site before its noun, page furniture. Invented
names throughout; near-misses are real organisations whose names look like furniture.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.mentions.base import ORG_OR_PROGRAMME
from aikg.ingest.nlp.mentions.name_slots import ENABLED_ENV
from tests.helpers import names_in, typed_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.mark.parametrize("text, gone", [
    # a river, range or region after a place preposition and "the"
    ("Velmora Robotics builds sonar buoys for barges on the Kessavra, the region's main river.", "Kessavra"),
    ("People ask why a forecasting company sits in a mill town on the Drovna rather than in the capital.", "Drovna"),
    ("Velmora Robotics has won a contract to survey shifting sandbanks on the Tarvañón, its chief executive said.",
     "Tarvañón"),
    ("The start-up maps bark-beetle damage across the Western Dravniks from satellite images.", "Dravniks"),
    ("We spoke to her in the lab, a former textile mill on the bank of the Orlavka, about money.", "Orlavka"),
    ("Tarsk Hydro Analytics has tested its flood models along the Ulmerra since 2022.", "Ulmerra"),
    ("Qaltis Marine, which surveys the seabed off the Drellanic, said on Monday it had hired ten people.", "Drellanic"),
    # an event: edition number and event word, an event word at the end, an apposition
    ("Results will feed into the system shown at the Tarsk Industry 5.0 Days in May.", "Tarsk Industry"),
    ("The 2026 results were presented at the Velmora Innova 2026 fair.", "Velmora Innova"),
    ("The cohort pitched to investors at the Kessavik Founders Day in June.", "Kessavik Founders Day"),
    ("The round was announced on Tuesday at Cumbre Norte Digital, an investor conference in Porthaven.",
     "Cumbre Norte Digital"),
    ("Tarsk Applied AI Days 2026\n\nThe programme of the third edition, hosted by Orvane University.", "Tarsk"),
    # a job title between a person and a body, a title with its portfolio, a title glued after a legal form
    ("Dr Aino Salvér, Research Group Leader, Tarsk Institute for Embedded Vision", "Research Group Leader"),
    ("Marta Quellen, Network Planning Manager, Velmora Port Authority", "Network Planning Manager"),
    ("Rodrigo Astervelo, Secretario de Innovación Digital, chairs the award committee.",
     "Secretario de Innovación Digital"),
    ("Dunga was set up by the county and the telecoms company Kessavo Mobile Ltd. Director: Dr. Ana Voss.",
     "Kessavo Mobile Ltd. Director"),
    # a law's topic, a law
    ("Mchedla: The Law of Velmora on Personal Data Protection is strict about voice.", "Personal Data Protection"),
    ("Mchedla: The Decree of Velmora on Voice Biometrics sets the rules.", "Voice Biometrics"),
    # a word cut at its hyphen
    ("Participating co-operatives\n\nThe fund pays for dairy sensors in four districts.", "Participating co"),
    ("Orselle co-founded the company in 2019 and still leads its research team.", "Orselle co"),
    # a product before its description
    ("Results will feed into KesselSense, the company's optical inspection system, which ships in May.",
     "KesselSense"),
    ("Bookings now run through Tarvolo, its berth-scheduling platform, at three ports.", "Tarvolo"),
    # a site before its noun; a known town before "campus"
    ("The first paying customer manages the Tavrikka marine reserve; that is a contract, not a partnership.",
     "Tavrikka"),
    ("Garhwal Slope Analytics forecasts slope failures on the Char Velmo routes.", "Char Velmo"),
    ("Venue: Hauraki University, Grafton campus, Auckland.", "Grafton"),
    # page furniture
    ("From Wikipedia, the free encyclopedia\n\nThe Tarsk Centre for Applied Vision is a research centre.", "Wikipedia"),
    ("Inicio > Programas > Fondos estratégicos > FVIA\n\nEl Fondo Velmora de IA Aplicada apoya a empresas.", "Inicio"),
    # languages listed before "speakers"
    ("Xelvo Lenguas builds speech and translation tools for Drassi, Velmic and Orrun speakers.",
     "Drassi, Velmic and Orrun"),
    ("Lenguas Xelvo builds speech tools for K'iche', Velmic and Orrun speakers.", "Velmic"),
    ("Brian Malvoney, Editorial Director.\nKirra Salt, Chief Technology Advisor and Co-Founder.",
     "Chief Technology Advisor and Co-Founder"),
])
def test_name_in_a_thing_slot_is_no_firm(ex, text, gone):
    assert not {(t, n) for t, n in typed_in(ex, text) if n == gone and t in ORG_OR_PROGRAMME}


@pytest.mark.parametrize("text, kept", [
    # real organisations whose names look like furniture, an event word or a title
    ("The pilot on the Kessavra river is run by Summit Robotics, a Tarsk drone maker.", "Summit Robotics"),
    ("Monday Labs, the Tarsk start-up, tests its sensors on the Drovna each spring.", "Monday Labs"),
    ("The round was led by Capital Fund Partners, a Tarsk investor.", "Capital Fund Partners"),
    ("Anna Berglund, Managing Partner, Capital Fund Partners", "Capital Fund Partners"),
    ("Talia Rossmark, Head of Research, Contact Energy", "Contact Energy"),
    ("The Tarsk Media Lab and Velmora Institute run the programme together.", "Tarsk Media Lab"),
    # a body with a head word after "on the"/"across the", and the name written bare elsewhere
    ("Orvantis Labs raised $3 million in March. The round makes Orvantis Labs the best-funded start-up on the coast.",
     "Orvantis Labs"),
    ("The grant was paid by the Kessavra Fund, which invests across the region.", "Kessavra Fund"),
    # a firm's own campus, a firm in apposition that is no product, an event organiser
    ("The lab moved to the Orvane Robotics campus in Tarsk.", "Orvane Robotics"),
    ("The deal was signed with Orvane Robotics, its largest customer, in May.", "Orvane Robotics"),
    ("Tarvik Events, a conference organiser based in Tarsk, sponsors the prize.", "Tarvik Events"),
    # co-operatives, legal forms and all-caps acronyms stay
    ("The Velmora Dairy Co-operative joined in 2024.", "Velmora Dairy Co-operative"),
    ("The telecoms company Kessavo Mobile Ltd. runs the network, and Kessavo Mobile Ltd. pays for it.",
     "Kessavo Mobile Ltd"),
    ("Bookings run through Tarvolo Systems, its parent company, at three ports.", "Tarvolo Systems"),
    ("Anna Berglund, Managing Director, Orvane Analytics, said the pilot had ended.", "Orvane Analytics"),
    ("KVRA, the Kessavra Valley Robotics Association, met on Monday.", "Kessavra Valley Robotics Association"),
])
def test_real_names_that_look_like_things_stay(ex, text, kept):
    assert kept.rstrip(".") in {n.rstrip(".") for n in names_in(ex, text)}


@pytest.mark.parametrize("text, whole", [
    ("The grant, which the Velmora Startup and Innovation Board (VSIB) administers, pays for three years.",
     "Velmora Startup and Innovation Board"),
    ("Hosted in partnership with the Velmora Electronics and Digital Economy Council (VEDEC).",
     "Velmora Electronics and Digital Economy Council"),
])
def test_name_cut_at_and_is_one_body(ex, text, whole):
    got = names_in(ex, text)
    assert whole in got
    assert not {"Innovation Board", "Digital Economy Council", "Velmora Electronics"} & got


@pytest.mark.parametrize("text, kept", [
    ("Kessel Robotics and Orvane Institute signed a partnership in May.", {"Kessel Robotics", "Orvane Institute"}),
    ("Tarvik and Velmora Labs are the two suppliers.", {"Velmora Labs"}),
    ("Kessel Robotics, the host of Tarsk Founders Day, drew 300 people.", {"Kessel Robotics"}),
])
def test_two_names_joined_by_and_stay_two(ex, text, kept):
    assert kept <= names_in(ex, text)


def test_law_run_by_an_agency_stays_a_programme(ex):
    text = "Most start-ups hold the label of the Startup Act, the 2018 law administered by Tarsk Capital."
    assert "Startup Act" in names_in(ex, text)


def test_person_keeps_its_place_on_a_speaker_line(ex):
    got = typed_in(ex, "Dr Aino Salvér, Research Group Leader, Tarsk Institute for Embedded Vision")
    assert ("Person", "Aino Salvér") in got or any(t == "Person" and "Aino" in n for t, n in got)
    assert any(n.startswith("Tarsk Institute") for _, n in got)


def test_off_switch(ex, monkeypatch):
    text = "People ask why a forecasting company sits in an industrial city on the Irvesh rather than in the capital."
    monkeypatch.setenv(ENABLED_ENV, "off")
    assert "Irvesh" in names_in(ex, text)
    monkeypatch.setenv(ENABLED_ENV, "on")
    assert "Irvesh" not in names_in(ex, text)
