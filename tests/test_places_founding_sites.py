"""LOCATED_IN from the town of a founding, and site forms of unseen pages (wave 13): invented organisations, real
towns, several published forms each, and near-misses that must give nothing.

* the town a founding verb places ("X, which Y set up in Valga", "X was founded in Tartu in 2016 by A",
  "Founded in Nakuru in 2020 by A and B, X ...", "X, established in Riga in 2019,", "Y set up X in Tartu") is where
  the founded organisation is, not its founder (relation_place_founding.py; the town kept as a site by
  mentions.place_forms.founding_slot);
* not a plan ("plans to set up X in Riga"), not a founding in a country, not a person's town ("grew up in Tartu").
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def located(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == "LOCATED_IN"}


FOUNDED_IN = [
    # a relative clause of founding (encyclopedia, interview)
    ("Sokol Sensing, which the Tartu Technical Institute set up in Tartu in 2018, builds drones.",
     {("Sokol Sensing", "Tartu")}),
    ("Vanya Ivanova directs the Centre for Lake Informatics, which the Ohrid Academy of Sciences established in "
     "Struga in 2017.", {("Centre for Lake Informatics", "Struga")}),
    # a passive founding with the town before or after the year
    ("Kelva Data was founded in Tartu in 2016 by Andriy Melnyk and Olena Bondar.", {("Kelva Data", "Tartu")}),
    ("Kelva Data was founded in 2016 in Tartu.", {("Kelva Data", "Tartu")}),
    # a fronted participle clause (About boilerplate)
    ("Founded in Nakuru in 2020 by Achieng Otieno and Brian Mwangi, Kisumo Analytics builds crop models.",
     {("Kisumo Analytics", "Nakuru")}),
    # a participle apposed to the name
    ("Kelva Data, established in Riga in 2019, sells mapping tools.", {("Kelva Data", "Riga")}),
    ("Pema Dorji directs the Haa Centre for Glacier Computing (HCGC), which the Royal Institute of Mountain Sciences "
     "(RIMS) set up in Paro in 2018.", {("Haa Centre for Glacier Computing", "Paro")}),
    # an unnamed site the opener set up stays the opener's
    ("Kelva Data set up a research lab in Tartu in 2019.", {("Kelva Data", "Tartu")}),
    ("Kelva Data opened an office in Riga last year.", {("Kelva Data", "Riga")}),
    # the organisation as object of the founder's verb
    ("The Tallinn Data Institute set up Kelva Robotics in Tartu last year.", {("Kelva Robotics", "Tartu")}),
]


@pytest.mark.parametrize("text,expected", FOUNDED_IN)
def test_town_of_founding(ex, text, expected):
    assert expected <= located(ex, text)


NOT_FOUNDED_IN = [
    # a plan, not a founding
    ("Sokol Sensing, which the Tartu Technical Institute is planning to set up in Valga, will build drones.",
     ("Sokol Sensing", "Valga")),
    # the founder is not placed by the town of what it founded
    ("Sokol Sensing, which the Tartu Technical Institute set up in Valga in 2018, builds drones.",
     ("Tartu Technical Institute", "Valga")),
    ("The Tallinn Data Institute set up Kelva Robotics in Tartu last year.", ("Tallinn Data Institute", "Tartu")),
    ("Pema Dorji directs the Haa Centre for Glacier Computing (HCGC), which the Royal Institute of Mountain Sciences "
     "(RIMS) set up in Paro in 2018.", ("Royal Institute of Mountain Sciences", "Paro")),
    ("Himali Voice and the Seti River Institute open the Annapurna Speech Lab in Lekhnath.", ("Himali Voice", "Lekhnath")),
    # a person's town, not the firm's
    ("Andriy Melnyk, who founded Kelva Data in 2016, grew up in Tartu.", ("Kelva Data", "Tartu")),
    # a founding in 2016 with no town, then an office of another firm
    ("Kelva Data, founded in 2016, works with Velmar Robotics, which has an office in Tartu.", ("Kelva Data", "Tartu")),
]


@pytest.mark.parametrize("text,absent", NOT_FOUNDED_IN)
def test_town_of_founding_near_misses(ex, text, absent):
    assert absent not in located(ex, text)


def test_country_of_founding_is_no_place(ex):
    assert not located(ex, "Kelva Data was founded in Estonia in 2016.")


SITE_FORMS = [
    # a name, its bracketed short form and "in" a town (programme fact sheets, consortium pages)
    ("Technical support is delivered by the Instituto Tecnológico del Norte (ITN) in Salto and by the firm Meseta "
     "Datos.", {("Instituto Tecnológico del Norte", "Salto")}),
    ("Mentoring is provided by the Rivne Institute of Computing (RIC) in Lutsk under an agreement with the ministry.",
     {("Rivne Institute of Computing", "Lutsk")}),
    ("The network's members include Kelva Data and the Laboratorio de Visión Industrial (LVI) in León.",
     {("Laboratorio de Visión Industrial", "León")}),
    # working from a site in a town (news, interviews)
    ("Pelri Labs works from a site in Phuentsholing, close to the border.", {("Pelri Labs", "Phuentsholing")}),
    ("Kelva Data now operates from two offices in Tartu and Pärnu.", {("Kelva Data", "Tartu"), ("Kelva Data", "Pärnu")}),
    ("Kelva Data licenses its models to pipeline operators from an office in Anchorage.", {("Kelva Data", "Anchorage")}),
    # a second "in" joined to a list of sites (About blocks)
    ("Ceibo Analytics employs 38 people in Montevideo and in Paysandú.",
     {("Ceibo Analytics", "Montevideo"), ("Ceibo Analytics", "Paysandú")}),
    ("Kelva Data has offices in Tartu, and in Riga and Vilnius.",
     {("Kelva Data", "Tartu"), ("Kelva Data", "Riga"), ("Kelva Data", "Vilnius")}),
    # one of a town's organisations (news, think tanks)
    ("Mahaweli Robotics is one of several firms in Colombo that build farm robots.", {("Mahaweli Robotics", "Colombo")}),
    ("Mahaweli Robotics is among the start-ups in Colombo that build farm robots.", {("Mahaweli Robotics", "Colombo")}),
    ("Mahaweli Robotics, one of the few software companies in Galle, raised a seed round.",
     {("Mahaweli Robotics", "Galle")}),
]


@pytest.mark.parametrize("text,expected", SITE_FORMS)
def test_site_forms(ex, text, expected):
    assert expected <= located(ex, text)


NOT_SITES = [
    # taking from another's site: no verb of working
    ("Kelva Data hired engineers from a lab in Tartu.", ("Kelva Data", "Tartu")),
    ("Kelva Data buys sensors from a plant in Narva.", ("Kelva Data", "Narva")),
    # another organisation between the subject and the site
    ("Kelva Data works with Velmar Robotics from an office in Tartu.", ("Kelva Data", "Tartu")),
    # the bracketed name ends a list: the place is said of it alone
    ("The network's partners include the Tartu start-up Kelva Data, the Riga-based Velmar Robotics and the Rivne "
     "Institute of Computing (RIC) in Lutsk.", ("Velmar Robotics", "Lutsk")),
    # a former one
    ("The former Rivne Institute of Computing (RIC) in Lutsk closed in 2020.", ("Rivne Institute of Computing", "Lutsk")),
    # a plan after "and"
    ("Ceibo Analytics employs 38 people in Montevideo and plans to open an office in Rosario.",
     ("Ceibo Analytics", "Rosario")),
    # customers in the second town
    ("Ceibo Analytics employs 38 people in Montevideo and has customers in Rosario.", ("Ceibo Analytics", "Rosario")),
    # one of a town's customers, a past or denied membership of the town's firms
    ("Mahaweli Robotics is one of its customers in Colombo.", ("Mahaweli Robotics", "Colombo")),
    ("Mahaweli Robotics was once one of the largest firms in Colombo.", ("Mahaweli Robotics", "Colombo")),
    ("Mahaweli Robotics is not one of the firms in Colombo that joined.", ("Mahaweli Robotics", "Colombo")),
]


@pytest.mark.parametrize("text,absent", NOT_SITES)
def test_site_forms_near_misses(ex, text, absent):
    assert absent not in located(ex, text)


def founded(ex, text: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == "FOUNDED"}


FOUNDED_IT = [
    # interviews and profiles: the company in one sentence, "it" as the founding's object in the next
    ("Dechen Wangmo is chief executive of Pelri Analytics, a Thimphu company that reads satellite images. She "
     "co-founded it in 2021 with Ugyen Tenzin, who now heads the research unit.",
     {("Dechen Wangmo", "Pelri Analytics"), ("Ugyen Tenzin", "Pelri Analytics")}),
    ("Kelva Data builds mapping tools. Andriy Melnyk founded it in 2016 with Olena Bondar and Taras Koval.",
     {("Andriy Melnyk", "Kelva Data"), ("Olena Bondar", "Kelva Data"), ("Taras Koval", "Kelva Data")}),
    ("Kelva Data builds mapping tools. Andriy Melnyk set it up in 2016 after leaving Velmar Robotics.",
     {("Andriy Melnyk", "Kelva Data")}),
    ("The Tartu Institute for Lake Studies runs field stations. Maris Tamm established it in March 2009.",
     {("Maris Tamm", "Tartu Institute for Lake Studies")}),
]


@pytest.mark.parametrize("text,expected", FOUNDED_IT)
def test_founded_it(ex, text, expected):
    assert expected <= founded(ex, text)


NOT_FOUNDED_IT = [
    # two organisations in the sentence before: "it" is not read
    ("Kelva Data builds mapping tools for Velmar Robotics. Andriy Melnyk founded it in 2016.",
     ("Andriy Melnyk", "Kelva Data")),
    # not a founding verb; a product; a plan
    ("Kelva Data builds mapping tools. Andriy Melnyk bought it in 2016.", ("Andriy Melnyk", "Kelva Data")),
    ("Kelva Data released Orbit in 2020. Andriy Melnyk launched it at a conference in Riga.",
     ("Andriy Melnyk", "Kelva Data")),
    ("Kelva Data builds mapping tools. Andriy Melnyk hopes to set it up in Riga.", ("Andriy Melnyk", "Kelva Data")),
]


@pytest.mark.parametrize("text,absent", NOT_FOUNDED_IT)
def test_founded_it_near_misses(ex, text, absent):
    assert absent not in founded(ex, text)
