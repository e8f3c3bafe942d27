"""Programmes read as firms, and people and firms read as each other (mentions/scheme_forms.py and
mentions/person_firm_forms.py), through the real spaCy pipeline. Invented names, in the forms government programme
pages, funding calls, filings, speaker lists and cohort pages use; near-misses that must stay as they are."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import typed_in as _typed


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


@pytest.mark.parametrize("text, names", [
    # a labelled line: every name after a programme label is a programme
    ("Related schemes: Kestrel Export Boost · Tarvane Skills Subvention",
     ["Kestrel Export Boost", "Tarvane Skills Subvention"]),
    ("Other programmes: Norvik Digital Leap; Ardent Factory Match; Orrin Makers Bridge",
     ["Norvik Digital Leap", "Ardent Factory Match", "Orrin Makers Bridge"]),
    # a line opened by the name and a runner after a dash, a bracket or a colon
    ("Industrial Doctorates Marlow — run by the Marlow Technical University — co-funded PhD places",
     ["Industrial Doctorates Marlow"]),
    ("Coastal Makers Bridge (managed by Tarvane Council): loans for small workshops", ["Coastal Makers Bridge"]),
    ("Kivu Launch Track — a new Rwandan accelerator programme run by Ikirere Capital — opens in May.",
     ["Kivu Launch Track"]),
    # a programme head of another language opens the name
    ("Programul Digital Nord — administered by the Nord Regional Development Agency — grants for digital equipment",
     ["Programul Digital Nord"]),
    ("Applicants can combine it with Programa Semilla Andina or with Convocatoria Retos Norte 2026.",
     ["Programa Semilla Andina", "Convocatoria Retos Norte 2026"]),
    ("Teams funded by Hibah Riset Nusantara and Becas Talento Sur must report twice a year.",
     ["Hibah Riset Nusantara", "Becas Talento Sur"]),
    # programme heads the type lexicon lacks
    ("Development of its vision system was supported by a grant from the Smart Harbour Subsidy, which the port "
     "authority administers.", ["Smart Harbour Subsidy"]),
    ("The programme sits beside the Interest Subvention for Rural Technology and the Brisa Export Bursary.",
     ["Interest Subvention for Rural Technology", "Brisa Export Bursary"]),
    # a programme noun, then "known as", "called"
    ("In 2023 the company received a grant from the Kivu Regional Research Council under its 2210 entrepreneurship "
     "scheme, known as Kivu Boost.", ["Kivu Boost"]),
    ("The agency's voucher programme, known as Halvard Leap, pays for pilots in small factories.", ["Halvard Leap"]),
    ("Most of the money came from a small grants scheme called Northern Sparks, which the county runs.",
     ["Northern Sparks"]),
    # a capitalised run before an award noun, opened by an article or an amount
    ("In 2024 we received a $900,000 Coastal Innovation Research award from the Department of Energy.",
     ["Coastal Innovation Research"]),
    ("Firms that already receive support from the national Startup Nusantara scheme are not eligible for pilot grants.",
     ["Startup Nusantara"]),
    # a dash and a programme noun after a line's name; a programme head of another language
    ("Vales de Digitalización — vouchers of up to 400,000 pesos that small firms can spend on diagnostics.",
     ["Vales de Digitalización"]),
    ("We recommend that the agency extend the Accélérateur Estrie IA, which IMRIA runs, for five more years.",
     ["Accélérateur Estrie IA"]),
    # a description after the name whose head is a programme noun
    ("The centre is not connected to KarpatNet, an earlier mapping project that CTU ran until 2024.", ["KarpatNet"]),
    ("Kañari is part of the 2024 cohort of Fintech Andina Lab, the accelerator programme run by the Asociación "
     "Peruana de Fintech.", ["Fintech Andina Lab"]),
    ("The grant came from Halvern Launch (HL), the state programme for rural start-ups.", ["Halvern Launch", "HL"]),
    # extents: a labelled item read in part, a hyphened first word, a field after "in"
    ("Related schemes: Gujarat Cluster Growth Programme · Interest Subvention for MSME Technology",
     ["Gujarat Cluster Growth Programme", "Interest Subvention for MSME Technology"]),
    ("The other strands, the Pahadi Skills Voucher and the Start-up Uttarakhand Compute Credit, are run by the State "
     "Skill Development Society.", ["Pahadi Skills Voucher", "Start-up Uttarakhand Compute Credit"]),
    ("The first PhD studentships are offered through the RIET Doctoral Fellowship in Climate AI, a programme that RIET "
     "runs.", ["RIET Doctoral Fellowship in Climate AI"]),
])
def test_programme_forms(ex, text, names):
    got = _typed(ex, text)
    for name in names:
        assert ("Programme", name) in got, got


@pytest.mark.parametrize("text, typed", [
    ("Partners: Kestrel Analytics · Tarvane Robotics", ("Company", "Kestrel Analytics")),
    ("Kestrel Robotics — founded by two engineers in 2019 — builds welding arms.", ("Company", "Kestrel Robotics")),
    ("Tarvane Sensing — a new Rwandan start-up run by two engineers — opens in May.", ("Company", "Tarvane Sensing")),
    ("Kestrel Data Lab — run by the University of Halden — opened in 2020.", ("Institute", "Kestrel Data Lab")),
    ("The company won a Knight Foundation grant in 2022 and a Tarvane Robotics contract in 2023.",
     ("Institute", "Knight Foundation")),
    ("The company won a Knight Foundation grant in 2022 and a Tarvane Robotics contract in 2023.",
     ("Company", "Tarvane Robotics")),
    ("Speakers: Jane Amadi · Tom Ochieng", ("Person", "Jane Amadi")),
    ("Related reading: Tarvane Times · Halden Post", ("Company", "Tarvane Times")),
    ("The startup was named Kestrel Vision after a bird.", ("Company", "Kestrel Vision")),
    ("She joined the Halden Fellowship Programme in Kigali last year.", ("Cluster", "Kigali")),
    ("Orrin Data, a partner of the project, shares its sensors.", ("Company", "Orrin Data")),
])
def test_programme_near_misses(ex, text, typed):
    got = _typed(ex, text)
    assert typed in got, got
    assert ("Programme", typed[1]) not in got


def test_no_programme_without_a_programme_noun(ex):
    got = _typed(ex, "The firm was bought by a start-up called Northern Sparks in 2021.")
    assert not any(t == "Programme" for t, _n in got), got
    got = _typed(ex, "She holds a Marie Curie fellowship at the institute.")
    assert ("Programme", "Marie Curie") not in got
    got = _typed(ex, "The pilot was paid for by a Tarvane County grant.")
    assert not any(t == "Programme" for t, _n in got), got
    got = _typed(ex, "Jane Okafor, a pilot for Air Tarvane, joined the board.")
    assert ("Programme", "Jane Okafor") not in got, got


@pytest.mark.parametrize("text, name", [
    ("Ardent Health was founded in 2022 by physiotherapist Faith Cherono and software engineer Daniel Kiplagat, who "
     "is now its chief technology officer.", "Faith Cherono"),
    ("Orrin Analytics was founded in 2023 by the researcher Iga Wroblewska and is based in Sopot.", "Iga Wroblewska"),
    ("Marta Oyelaran, 51, has served as our Chief Executive Officer since 2019.", "Marta Oyelaran"),
    ("Nodal officer: Hitesh Parmar, Joint Director, Saurashtra Industrial Digitalisation Society, Rajkot",
     "Hitesh Parmar"),
    ("Dilfuza Karimova, former chief technology officer of Samarkand Payments, joined the panel.", "Dilfuza Karimova"),
    ("Sandra McLeod, 45, joined the board in 2019.", "Sandra McLeod"),
    ("DeShawn Carter, 38, chairs the audit committee.", "DeShawn Carter"),
    ("Jane Park, 45, Chief Operating Officer.", "Jane Park"),
    ("The keynote was given by Pieter VanderWaal of the Tarsk Institute.", "Pieter VanderWaal"),  # a given name first
])
def test_people_by_form(ex, text, name):
    got = _typed(ex, text)
    assert ("Person", name) in got, got


@pytest.mark.parametrize("text, name", [
    ("We have a distribution partnership with Te Kauri Genetics, who sell our reports to their breeders.",
     "Te Kauri Genetics"),
    ("Customers today include Pensiunea Dealul Verde and the small hotel chain Carpathia Inns.",
     "Pensiunea Dealul Verde"),
    ("This year's cohort includes Maple Ridge Vision, Loch Ardan Microsystèmes and Bromley Capteurs.",
     "Bromley Capteurs"),
    ("The engineering firm Orrin Kastell built the line.", "Orrin Kastell"),
    ("Orvik Data counts the salmon farmer Tarvik Laks among its customers.", "Tarvik Laks"),
    ("Our investors include Tarvane Capital and the angel investor Grace Mwangi.", "Tarvane Capital"),
    ("Its 2025 cohort includes Khedut Bol, a voice-advisory service from Amreli, and the Rajkot start-up Hisab AI.",
     "Khedut Bol"),
])
def test_firms_by_form(ex, text, name):
    got = _typed(ex, text)
    assert ("Company", name) in got, got
    assert ("Person", name) not in got


def test_people_in_lists_of_firms_stay_people(ex):
    got = _typed(ex, "Its customers include Tarvane Foods and Grace Mwangi, a dairy farmer in Nyeri.")
    assert ("Person", "Grace Mwangi") in got, got
    got = _typed(ex, "Ardent Health was founded by physiotherapist Faith Cherono. Cherono is its chief executive.")
    assert ("Person", "Faith Cherono") in got, got
    assert ("Company", "Cherono") not in got


@pytest.mark.parametrize("text, town", [
    ("FieldLogic Ltd, a Hamilton start-up, uses satellite imagery to estimate grass growth.", "Hamilton"),
    ("Our biggest customer is Lumikki Safaris, the Levi tour operator.", "Levi"),
    ("The co-operative has its head office in Te Awamutu and is a member of the Dairy Data Council.", "Te Awamutu"),
    ("Headquartered in Chiclayo, with a field team in Ferreñafe, the company is backed by Pacífico Semilla Capital.",
     "Ferreñafe"),
])
def test_towns_by_slot(ex, text, town):
    got = _typed(ex, text)
    assert ("Cluster", town) in got, got
    assert ("Company", town) not in got


@pytest.mark.parametrize("text, name", [
    ("Orrin Cloud, a Google subsidiary, hosts the data.", "Google"),
    ("Kestrel Analytics, the Tarvane Robotics spin-off, raised money.", "Tarvane Robotics"),
    ("Most of its engineers work in Halden Robotics' test hall.", "Halden Robotics"),
])
def test_towns_by_slot_near_misses(ex, text, name):
    got = _typed(ex, text)
    assert ("Cluster", name) not in got, got
