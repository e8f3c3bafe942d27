"""FOUNDED, PART_OF and RUNS in published forms, through the real spaCy pipeline (issue 14, wave 15).

Forms learned from published pages (government funding-competition pages: "administered by Innovate UK on behalf of
UKRI"; founder profiles and interviews: "The co-founders of X, A and B, launched ...", "A, founder and CEO of X",
"She founded X as a side hustle"; annual-report business sections: "We were founded in 2016 by A, our Chief
Executive Officer, and B"; encyclopedia articles of research institutes: "X (ACR), a <town> laboratory of Y";
industry guides: "A subsidiary of Y, it competes ..."), written here with invented names.

Rules: mentions/programme_runners.py (a name someone runs is a programme), relation_founders_described.py,
relation_part_units.py. Near-misses: a firm run by a person, a park managed by an agency, "joined" not founded,
"advised the start-up", "Before joining", "Its chief executive", a former unit, an acquisition with no present tie,
a customer.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import kinds_in, relations_in

F, P, R = "FOUNDED", "PART_OF", "RUNS"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, kind: str) -> set[tuple[str, str]]:
    return {(a, b) for t, a, b in relations_in(ex, text) if t == kind}


# ---------------------------------------------------------------- programme ends: a name someone runs
@pytest.mark.parametrize("text, name", [
    ("Lagunex is backed by the Bizerte Seed Fund, which is managed by the investment firm Carthage Nord Capital.",
     "Bizerte Seed Fund"),
    ("The Samarkand Tech Seed Fund, which the Regional Innovation Directorate runs, will name its grantees today.",
     "Samarkand Tech Seed Fund"),
    ("Digital Vineyards Herzegovina is run by the Neretva Computing Institute and financed by the Balkan Rural "
     "Innovation Facility.", "Digital Vineyards Herzegovina"),
    ("In Karachi, Indus Seed is run out of the Korangi Creek Innovation Centre, a technology park in Korangi.",
     "Indus Seed"),
    ("Founded in 2020 by Davit Ghukasyan, Ararat Frontier Capital manages the $25 million Northern Armenia Seed "
     "Fund, which is financed by AARI.", "Northern Armenia Seed Fund"),
    ("Day-to-day delivery is handled by the non-profit Central Mass Manufacturing Partnership, which also runs "
     "the companion Shop Floor Data Apprenticeship.", "Shop Floor Data Apprenticeship"),
])
def test_a_name_someone_runs_is_a_programme(ex, text, name):
    assert (name, "Programme") in kinds_in(ex, text)


@pytest.mark.parametrize("text, runner, programme", [
    ("Lagunex is backed by the Bizerte Seed Fund, which is managed by the investment firm Carthage Nord Capital.",
     "Carthage Nord Capital", "Bizerte Seed Fund"),
    ("The Samarkand Tech Seed Fund, which the Regional Innovation Directorate runs, will name its grantees today.",
     "Regional Innovation Directorate", "Samarkand Tech Seed Fund"),
    ("Digital Vineyards Herzegovina is run by the Neretva Computing Institute and financed by the Balkan Rural "
     "Innovation Facility.", "Neretva Computing Institute", "Digital Vineyards Herzegovina"),
])
def test_the_runner_of_a_programme(ex, text, runner, programme):
    assert (runner, programme) in rels(ex, text, R)


@pytest.mark.parametrize("text, name, kind", [
    ("Kestrel Labs is run by Maria Gonzalez and builds drones.", "Kestrel Labs", "Company"),
    ("The Orrin Innovation Centre, a technology park managed by the Karachi Development Authority, opened in May.",
     "Orrin Innovation Centre", "Institute"),
])
def test_an_organisation_run_by_someone_stays_an_organisation(ex, text, name, kind):
    assert (name, kind) in kinds_in(ex, text)


# ---------------------------------------------------------------- FOUNDED
@pytest.mark.parametrize("text, founder, org", [
    ("Maria Gonzalez is trying to change that. She is chief executive of Varnek Grid, a Tulsa-based company that "
     "predicts outages, which she co-founded in 2020 with Oskar Lindqvist.", "Maria Gonzalez", "Varnek Grid"),
    ("Maria Gonzalez is trying to change that. She is chief executive of Varnek Grid, a Tulsa-based company that "
     "predicts outages, which she co-founded in 2020 with Oskar Lindqvist.", "Oskar Lindqvist", "Varnek Grid"),
    ("Tomas Ruelle left the company in 2023 and moved to Lyon, where he founded the irrigation start-up Gravel "
     "Flow.", "Tomas Ruelle", "Gravel Flow"),
    ("Borlan Quality Systems, Inc. makes inspection software. We were founded in 2016 by Dr. Elena Ruiz, our Chief "
     "Executive Officer, and Marco Quinn, who left the Company in 2021.", "Marco Quinn", "Borlan Quality Systems, Inc"),
    ("Borlan Quality Systems, Inc. makes inspection software. We were founded in 2016 by Dr. Elena Ruiz, our Chief "
     "Executive Officer, and Marco Quinn, who left the Company in 2021.", "Elena Ruiz", "Borlan Quality Systems, Inc"),
    ("Kestrel Sensing is a Tartu company. Kestrel Sensing was founded in 2019 by John Carter, its chief executive, "
     "and Priya Nand, its chief scientist.", "Priya Nand", "Kestrel Sensing"),
    ("Sagebrush Grid Labs is a battery start-up. Sagebrush Grid Labs was spun out of the Lost River Engineering "
     "Laboratory (LREL) in 2023 by Dr. Wendell Ostergaard, its chief executive, and Priya Kalani, who remains a "
     "joint appointee at LREL.", "Priya Kalani", "Sagebrush Grid Labs"),
    ("Guayacan Capital is a Medellin seed fund. Before founding Guayacan Capital in 2019, Valentina Restrepo was an "
     "investment officer at Banco Andino.", "Valentina Restrepo", "Guayacan Capital"),
    ("Xelaju Lenguas, a Quetzaltenango-based start-up, builds speech tools. Its co-founder and chief executive, "
     "Ixchel Tzul, also teaches at the Universidad del Altiplano.", "Ixchel Tzul", "Xelaju Lenguas"),
    ("Sorgho Data's co-founders, Halima Diallo and Kofi Mensah, met at the Dakar Institute of Computing.",
     "Kofi Mensah", "Sorgho Data"),
    ("Ana Meladze co-founded Narikala Voice LLC, a Tbilisi start-up that builds speech recognition for Georgian, "
     "with Luka Abashidze in 2020.", "Luka Abashidze", "Narikala Voice LLC"),
])
def test_founders_in_published_forms(ex, text, founder, org):
    assert (founder, org) in rels(ex, text, F)


@pytest.mark.parametrize("text, founder, org", [
    ("Maria Gonzalez is trying to change that. She is chief executive of Varnek Grid, a Tulsa-based company that "
     "predicts outages, which she joined in 2020 with Oskar Lindqvist.", "Oskar Lindqvist", "Varnek Grid"),
    ("Tomas Ruelle left the company in 2023 and moved to Lyon, where he advised the irrigation start-up Gravel "
     "Flow.", "Tomas Ruelle", "Gravel Flow"),
    ("Guayacan Capital is a Medellin seed fund. Before joining Guayacan Capital in 2019, Valentina Restrepo was an "
     "investment officer at Banco Andino.", "Valentina Restrepo", "Guayacan Capital"),
    ("Xelaju Lenguas, a Quetzaltenango-based start-up, builds speech tools. Its chief executive, Ixchel Tzul, also "
     "teaches at the Universidad del Altiplano.", "Ixchel Tzul", "Xelaju Lenguas"),
])
def test_no_founding_without_a_founding_verb(ex, text, founder, org):
    assert (founder, org) not in rels(ex, text, F)


# ---------------------------------------------------------------- PART_OF
@pytest.mark.parametrize("text, unit, parent", [
    ("Lumora Microsystems was a spin-off of the Istituto per la Fotonica Applicata (IFA-PD), a Padua laboratory of "
     "the Consiglio Nazionale delle Ricerche.", "Istituto per la Fotonica Applicata", "Consiglio Nazionale delle Ricerche"),
    ("The two founders met at the Laboratorio di Visione Artificiale (LVA/UniPD) of the Università di Padova.",
     "Laboratorio di Visione Artificiale", "Università di Padova"),
    ("Jua Mobility Ltd (Kisumu) - route analytics for taxis.\nA subsidiary of Nairobi's Jua Group, it competes with "
     "larger ride-hailing firms.", "Jua Mobility Ltd", "Jua Group"),
    ("She co-founded Pelri Analytics in 2021 with Ugyen Tenzin, who now heads Pelri Labs, the company's research "
     "unit.", "Pelri Labs", "Pelri Analytics"),
    ("Optilac was founded in 2019; it was acquired in 2023 by the Swedish firm Skargard Imaging and is now its "
     "Canadian subsidiary.", "Optilac", "Skargard Imaging"),
    ("Growler is a 2021 spin-out of the Institute for Cold Ocean Engineering (ICOE) at Avalon University.",
     "Institute for Cold Ocean Engineering", "Avalon University"),
    ("She is a researcher at the Centre for Marine Data at Orrin University.", "Centre for Marine Data",
     "Orrin University"),
])
def test_units_in_published_forms(ex, text, unit, parent):
    assert (unit, parent) in rels(ex, text, P)


@pytest.mark.parametrize("text, unit, parent", [
    ("The project also uses the Kilvey Data Lab, a former unit of Sosban Systems that moves data between plants.",
     "Kilvey Data Lab", "Sosban Systems"),
    ("Optilac was founded in 2019; it was acquired in 2023 by the Swedish firm Skargard Imaging, which later sold "
     "it.", "Optilac", "Skargard Imaging"),
    ("Jua Mobility Ltd (Kisumu) - route analytics for taxis.\nA customer of Nairobi's Jua Group, it competes with "
     "larger ride-hailing firms.", "Jua Mobility Ltd", "Jua Group"),
    ("She co-founded Pelri Analytics in 2021 with Ugyen Tenzin, who now heads Pelri Labs, the company's largest "
     "customer.", "Pelri Labs", "Pelri Analytics"),
])
def test_no_unit_without_a_present_tie(ex, text, unit, parent):
    assert (unit, parent) not in rels(ex, text, P)


# ---------------------------------------------------------------- RUNS: co-runners and "a credit line of"
@pytest.mark.parametrize("text, runner, programme", [
    ("Teams from the Registan Start-up Track, a programme that the Samarkand Digital Office runs with the Tashkent "
     "accelerator Mustaqil Ventures, will pitch.", "Mustaqil Ventures", "Registan Start-up Track"),
    ("Indus Seed is a provincial grant scheme. It was launched in 2025 by the Sindh Science Department, which runs "
     "it together with the provincial development bank, Sindh Growth Bank.", "Sindh Growth Bank", "Indus Seed"),
    ("In 2025 it also received a loan from Acuicultura 4.0, a credit line of the public development bank, Banco de "
     "Fomento del Litoral.", "Banco de Fomento del Litoral", "Acuicultura 4.0"),
    ("The company was earlier backed by Semilla Digital, a seed grant of the Corporacion Uruguaya de Tecnologia.",
     "Corporacion Uruguaya de Tecnologia", "Semilla Digital"),
    ("The consortium's costs are met by fees and by a five-year grant from the West Africa Applied Research Fund, a "
     "grant scheme run by the Sika Digital Foundation.", "Sika Digital Foundation", "West Africa Applied Research Fund"),
    ("With the Kumasi Metropolitan Innovation Office, the consortium also administers the Kumasi Smart Markets "
     "Challenge, which awards small grants to traders.", "Kumasi Metropolitan Innovation Office",
     "Kumasi Smart Markets Challenge"),
])
def test_runners_in_published_forms(ex, text, runner, programme):
    assert (runner, programme) in rels(ex, text, R)


@pytest.mark.parametrize("text, org, programme", [
    ("The Orrin Data Fellowship, which the Kestrel Institute runs with funding from the Halden Foundation, takes ten "
     "fellows a year.", "Halden Foundation", "Orrin Data Fellowship"),
    ("Lumora Labs, a grantee of the Orrin Data Fellowship, builds sensors.", "Lumora Labs", "Orrin Data Fellowship"),
    ("With funding from the Orrin Foundation, the Kestrel Data Consortium also administers the Kumasi Data "
     "Challenge.", "Orrin Foundation", "Kumasi Data Challenge"),
])
def test_funders_and_grantees_do_not_run(ex, text, org, programme):
    assert (org, programme) not in rels(ex, text, R)
