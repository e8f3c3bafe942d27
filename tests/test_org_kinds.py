"""Which kind of organisation a name is, from the strongest signal the text gives (issue 14, entity typing;
docs/annotation.md §2). ``ingest/nlp/mentions/org_kinds.py``. Invented names, empty gazetteer. Forms learned from
published pages: legal forms in the name ("..., Inc., a Delaware nonprofit corporation", "Pty Ltd", "GmbH", "Oy"),
ownership in an apposition ("a Crown corporation of", "the state-owned lender", "an arm's-length agency"), a charity
or non-profit described ("X, a registered charity", "X is a nonprofit research organization"), membership ("is a
member of the X", "members of a co-op"); near-misses: firms whose names hold a body word ("Union Robotics", "Council
Labs Ltd", "Trust Bank plc"), members of a firm's board or team, people described by their job.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.mentions.org_kinds import described, kind_words, legal_kind, name_kind
from tests.helpers import kinds_in


@pytest.fixture(scope="module")
def bare(no_gazetteer_extractor):
    return no_gazetteer_extractor


# ---------------------------------------------------------------- the name's own words (no pipeline)
@pytest.mark.parametrize("name, kind", [
    ("Eureka Goldfields Pty Ltd", "Company"),
    ("Vestvik Maritime AS", "Company"),
    ("Orsa Datenwerk GmbH", "Company"),
    ("Kessel Analytics Oy", "Company"),
    ("Sawatch Analytics, Inc.", "Company"),
    ("Council Labs Ltd", "Company"),
    ("Trust Bank plc", "Company"),
    ("Verein für Datenkunde e.V.", "Institute"),
    ("Réseau Halvik ASBL", "Institute"),
    ("Tjukurla Land and Sea Aboriginal Corporation", "Institute"),
])
def test_legal_forms(name, kind):
    assert legal_kind(name.replace(",", " ,").split(), kind_words()) == kind


@pytest.mark.parametrize("name", ["Union Robotics", "Halvik Council", "Scale Fund", "Kessel Institute"])
def test_no_legal_form(name):
    assert legal_kind(name.lower().split(), kind_words()) is None


@pytest.mark.parametrize("name, current, kind", [
    ("Kessel Maize Growers' Union", "Company", "Institute"),
    ("Orsa Women Farmers' Cooperative", "Company", "Institute"),
    ("Union des Producteurs de Karité du Nord", "Company", "Institute"),
    ("Fundación Alpes Andinos", "Company", "Institute"),
    ("Materials Modelling Group", "Company", "Institute"),
    ("Remote Sensing Unit", "Company", "Institute"),
    ("Halvik Language Technology Group", "Company", "Institute"),
    ("Pesquera Jocotal", "Person", "Company"),
    ("Arrozal Tacuarí", "Person", "Company"),
    ("Editorial Altamira", "Person", "Company"),
    ("Koksu Coal", "Person", "Company"),
    ("Comité de Fomento Portuario del Maule", "Company", "Agency"),
    ("Intendencia de Tacuarembó", "Person", "Agency"),
    ("Secrétariat aux affaires nordiques", "Company", "Agency"),
    ("Ministério da Inovação", "Company", "Agency"),
])
def test_name_words(name, current, kind):
    assert name_kind(name.split(), current, kind_words()) == kind


@pytest.mark.parametrize("name, current", [
    ("Union Robotics", "Company"),            # a firm named Union
    ("Sirdaryo Textile Group", "Company"),     # a firm's group
    ("Kessel Technology Group", "Company"),
    ("Rangiuru Fruit Cooperative", "Company"),  # a producers' cooperative: a firm (type_forms reads it)
    ("Wendell Hart", "Person"),
    ("Yaritza Colon", "Person"),
    ("Danielle Mills", "Person"),
    ("Fundación Alpes Andinos", "Agency"),     # a state foundation read as an agency keeps it
    ("Instituto Nacional de Datos", "Agency"),
    ("Direction Ventures", "Company"),
    ("Instituto Tecnológico del Daymán", "Institute"),
    ("Instituto Nacional de Datos Agrarios", "Institute"),  # national institutes: gold types them either way          # a firm named Direction
    ("Junta Analytics", "Company"),
])
def test_name_words_near_misses(name, current):
    assert name_kind(name.split(), current, kind_words()) is None


@pytest.mark.parametrize("words, kind", [
    ("crown corporation", "Agency"),
    ("state-owned lender", "Agency"),
    ("arm's-length agency", "Agency"),
    ("statutory body", "Agency"),
    ("provincial development bank", "Agency"),
    ("registered charity", "Institute"),
    ("non-profit research company", "Institute"),
    ("delaware corporation", "Company"),
    ("privately held company", "Company"),
    ("public limited company", "Company"),
])
def test_descriptions(words, kind):
    assert described(words.split(), kind_words()) == kind


@pytest.mark.parametrize("words", ["analytics company", "public health researcher", "state champion", "company's former lender"])
def test_descriptions_that_say_nothing(words):
    assert described(words.split(), kind_words()) is None


# ---------------------------------------------------------------- in text (real pipeline)
@pytest.mark.parametrize("text, name, kind", [
    ("The fund is delivered by Denhalt Innovation Corporation, a Crown corporation of the territory.",
     "Denhalt Innovation Corporation", "Agency"),
    ("Kaimara Robotics borrowed from Sorvik Capital Bank, the state-owned lender, in 2024.",
     "Sorvik Capital Bank", "Agency"),
    ("The grant came from Tavola Research Trust, a registered charity based in Leeds.",
     "Tavola Research Trust", "Institute"),
    ("Kaimara Robotics is a member of the Northeast Clean Grid Council, which sets rules for grid operators.",
     "Northeast Clean Grid Council", "Institute"),
    ("Orsa Labs is also a member of the Halvik Export Group and of the Baltic Data Alliance.",
     "Halvik Export Group", "Institute"),
    ("The first farmer groups in the scheme are the Tolwe Women Farmers' Cooperative and the Kumbo Maize Growers' Union.",
     "Kumbo Maize Growers' Union", "Institute"),
    ("Dr Ana Ruiz has led the Marine Robotics Group at Halvik University since 2017.",
     "Marine Robotics Group", "Institute"),
    ("Tacuarí Data counts Pesquera Jocotal among its customers.", "Pesquera Jocotal", "Company"),
    ("Kessel Robotique is a member of the Loire competitiveness cluster and of Orsapole Robotique, a network of robotics firms.",
     "Orsapole Robotique", "Institute"),
    ("Halvik Data is a member of the national Platforma Umelej Inteligencie Tacuarí (PUIT) and works with Orsa Labs.",
     "Platforma Umelej Inteligencie Tacuarí", "Institute"),
    ("Halvik Data is a member of the regional Kessel Robotics Platform and works with Orsa Labs.",
     "Kessel Robotics Platform", "Institute"),
    ("The scheme is delivered by Kessel Research Computing (KRC), a unit of the University of Halvik.",
     "Kessel Research Computing", "Institute"),
    ("Its budget comes from ProDatos, the funding arm of the Ministry of Science and Innovation of Tacuarí.",
     "ProDatos", "Agency"),
    ("Kessel Labs signed an agreement with the Administración Portuaria Austral (APA), the state-owned operator of the port.",
     "Administración Portuaria Austral", "Agency"),
    ("We thank Dr Ileana Vastraki, Department of Informatics, Halvik Technical University, who reviewed the survey.",
     "Ileana Vastraki", "Person"),
    ("Orsa Vision (Jaipur), founded by Meera Solanki and Kabir Vohra, which detects defects on textile lines;",
     "Kabir Vohra", "Person"),
])
def test_kind_in_text(bare, text, name, kind):
    assert (name, kind) in kinds_in(bare, text)


@pytest.mark.parametrize("text, name, kind", [
    ("Ana Ruiz is a member of the Kessel Ventures investment team.", "Kessel Ventures", "Company"),
    ("Union Robotics, a Kessel start-up, builds picking arms.", "Union Robotics", "Company"),
    ("Sorvik Ventures, the venture arm of Sorvik Group, led the round.", "Sorvik Ventures", "Company"),
    ("Council Labs Ltd, a member of the Baltic Data Alliance, builds sensors.", "Council Labs Ltd", "Company"),
    ("Ana Ruiz, a member of the Orsa Capital board, chairs the jury.", "Orsa Capital", "Company"),
    ("Kessel Robotics is a member of the Baltic Data Alliance and sells to Orsa Logistics.", "Orsa Logistics", "Company"),
    ("The round was led by Orsa Capital, a privately held investor, and by Kessel Partners.", "Orsa Capital", "Company"),
    ("Kessel Robotics was founded by Meera Solanki and Halvik Ventures backed it.", "Halvik Ventures", "Company"),
    ("We led its seed round, and Orsa Ventures, the venture arm of the Tacuarí Development Fund, joined.", "Orsa Ventures",
     "Company"),
    ("The centre hosts the Kessel Robotics Lab, a unit of Orsa Data that moved from Dingwall.", "Kessel Robotics Lab",
     "Institute"),
])
def test_kind_in_text_near_misses(bare, text, name, kind):
    assert (name, kind) in kinds_in(bare, text)
