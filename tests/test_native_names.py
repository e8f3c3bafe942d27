"""A name and its translation or native form written side by side are one entity (mentions/native_names.py, issue 14).

Through the real spaCy pipeline and resolution, gazetteer as shipped. Forms taken from published pages: encyclopedia
openings ("The Spanish National Research Council (Spanish: Consejo Superior de Investigaciones Científicas, CSIC)",
"The Industrial Technology Research Institute (ITRI; Chinese: …; pinyin: …)", "Consejo Nacional de … (the National
Council …)"), government agency lists ("Swedish National Audit Office, or Riksrevisionen", "Crime Victim Compensation
and Support Authority (Brottsoffermyndigheten)"), Tanzanian research and consortium pages with the Swahili name in
brackets or on the header line above the English one, and infoboxes with a "Native name:" field. Every name below is
invented. Near-misses: a unit or parent in brackets, a town in brackets, two names in one language, lists. ("X (formerly Y)"
is left to appositions.py, which reads it as one body, as before.)
"""

from __future__ import annotations

import pytest

from aikg.core.facts import EntityRecord
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import resolve
from aikg.ingest.nlp.extractor import shared_extractor


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def _entities(ex, text: str) -> list[EntityRecord]:
    doc = LoadedDocument(id="d1", source="t", title="t", kind="text", text=text)
    return [r for r in resolve([ex.extract(doc)]) if isinstance(r, EntityRecord)]


def _holding(ents: list[EntityRecord], form: str) -> EntityRecord | None:
    return next((e for e in ents if form == e.name or form in e.aliases), None)


def _one(ex, text: str, *forms: str) -> EntityRecord:
    ents = _entities(ex, text)
    held = [_holding(ents, f) for f in forms]
    assert all(h is not None for h in held), (forms, [(e.type, e.name, e.aliases) for e in ents])
    assert len({h.id for h in held}) == 1, [(e.type, e.name, e.aliases) for e in ents]
    return held[0]


# --- in brackets, with a language label or a cue ----------------------------------------------------------------

@pytest.mark.parametrize("text, forms", [
    ("The Centro de Robótica Aplicada del Tajo (CRAT; English: Tagus Applied Robotics Centre) is a Spanish non-profit "
     "research centre in Toledo.", ("Centro de Robótica Aplicada del Tajo", "Tagus Applied Robotics Centre", "CRAT")),
    ("The Alto Paraná Innovation Agency (Spanish: Agencia de Innovación del Alto Paraná, AIAP) opened a second call "
     "for applied AI projects.", ("Alto Paraná Innovation Agency", "Agencia de Innovación del Alto Paraná")),
    ("The Nordvik Data Agency (in Swedish, Nordviks Datamyndighet) funds the pilot with SEK 4 million.",
     ("Nordvik Data Agency", "Nordviks Datamyndighet")),
    ("The Varnas Institute of Applied Informatics (Lithuanian: Varno taikomosios informatikos institutas) signed the "
     "agreement in Kaunas.", ("Varnas Institute of Applied Informatics", "Varno taikomosios informatikos institutas")),
    ("The Cantabrian Agency for Digital Industry (ACID; Agencia Cántabra de Industria Digital) will fund the trial.",
     ("Cantabrian Agency for Digital Industry", "Agencia Cántabra de Industria Digital", "ACID")),
    ("The Muungano wa Data Pwani (literally 'Coastal Data Alliance') brings together twelve members in Tanga.",
     ("Muungano wa Data Pwani", "Coastal Data Alliance")),
    ("The Tainan Marine Robotics Institute (TMRI; Chinese: 臺南海洋機器人研究所; pinyin: Táinán Hǎiyáng Jīqìrén "
     "Yánjiūsuǒ) builds underwater drones.", ("Tainan Marine Robotics Institute", "TMRI")),
])
def test_labelled_bracket_is_one_entity(ex, text, forms):
    _one(ex, text, *forms)


def test_transliteration_makes_no_entity_of_its_own(ex):
    ents = _entities(ex, "The Tainan Marine Robotics Institute (TMRI; Chinese: 臺南海洋機器人研究所; pinyin: Táinán "
                         "Hǎiyáng Jīqìrén Yánjiūsuǒ) builds underwater drones.")
    assert len([e for e in ents if e.type != "Cluster"]) == 1, [(e.type, e.name) for e in ents]


# --- in brackets, no label: two languages, or one compound word --------------------------------------------------

@pytest.mark.parametrize("text, forms", [
    ("Researchers say the bigger draw is the Kivuli Coastal Research Institute (Taasisi ya Utafiti wa Pwani ya Kivuli), "
     "whose Tanga centre opened in 2021.", ("Kivuli Coastal Research Institute", "Taasisi ya Utafiti wa Pwani ya Kivuli")),
    ("Vipande Analytics buys images from the Mkinga Fishers' Cooperative Society (Chama cha Ushirika wa Wavuvi Mkinga) "
     "under a data-sharing deal.", ("Mkinga Fishers' Cooperative Society", "Chama cha Ushirika wa Wavuvi Mkinga")),
    ("The Instituto Tecnológico de Ucayali (Ucayali Institute of Technology) hosts the new vision lab.",
     ("Instituto Tecnológico de Ucayali", "Ucayali Institute of Technology")),
    ("We received SEK 9 million from a scheme that the Swedish Forest Data Agency (Skogsdatamyndigheten) runs.",
     ("Swedish Forest Data Agency", "Skogsdatamyndigheten")),
    ("The Pwani AI Network (Mtandao wa Akili Bandia Pwani, MABAP) brings together universities and firms. MABAP was "
     "founded in 2023.", ("Pwani AI Network", "Mtandao wa Akili Bandia Pwani", "MABAP")),
    ("About 60 percent of our budget comes from the Research Council of Žemaitija (Žemaitijos mokslo taryba) as core "
     "funding.", ("Research Council of Žemaitija", "Žemaitijos mokslo taryba")),
    ("The Nemunėlis Technology Park (Nemunėlio technologijų parkas) was founded in 2014 by two universities.",
     ("Nemunėlis Technology Park", "Nemunėlio technologijų parkas")),
    ("In September we joined the Nordic AI Training Alliance (Nordiska Alliansen för AI-träning), so our members can "
     "borrow capacity in Luleå.", ("Nordic AI Training Alliance", "Nordiska Alliansen för AI-träning")),
])
def test_bare_bracket_in_another_language_is_one_entity(ex, text, forms):
    _one(ex, text, *forms)


def test_fragments_of_a_native_name_do_not_survive(ex):
    ents = _entities(ex, "The Pwani AI Network (Mtandao wa Akili Bandia Pwani, MABAP) brings together universities "
                         "and firms around Tanga.")
    names = {n for e in ents for n in (e.name, *e.aliases)}
    assert not {"Mtandao", "Akili Bandia Pwani", "Bandia Pwani"} & names, names
    assert not [e for e in ents if e.type == "Person"], [(e.type, e.name) for e in ents]


# --- after a comma and a cue ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, forms", [
    ("The Pemba Data Centre, known locally as Kituo cha Data Pemba, trains forty analysts a year.",
     ("Pemba Data Centre", "Kituo cha Data Pemba")),
    ("Funding comes from the Ucayali Regional Fund, officially the Fondo Regional de Innovación de Ucayali, which "
     "opened in 2022.", ("Ucayali Regional Fund", "Fondo Regional de Innovación de Ucayali")),
    ("The Swedish Consumer Data Agency, or Konsumentdataverket, supervises how shops use camera data.",
     ("Swedish Consumer Data Agency", "Konsumentdataverket")),
])
def test_comma_cue_is_one_entity(ex, text, forms):
    _one(ex, text, *forms)


# --- header lines and infobox fields -------------------------------------------------------------------------------

def test_native_header_line_above_the_english_name(ex):
    text = ("Chama cha Wakulima wa Kahawa Moshi\nMoshi Coffee Growers' Association\nHome | About | News\n\n"
            "The Moshi Coffee Growers' Association represents 4,000 farmers on the slopes of Kilimanjaro.")
    ent = _one(ex, text, "Moshi Coffee Growers' Association", "Chama cha Wakulima wa Kahawa Moshi")
    others = [e for e in _entities(ex, text) if e.id != ent.id and e.type != "Cluster"]
    assert not others, [(e.type, e.name) for e in others]


def test_infobox_native_name_field(ex):
    text = ("Ilmari Vision Oy\nFrom the free encyclopedia\n\nIlmari Vision Oy\nNative name: Ilmarin Konenäkö Oy\n"
            "Type: Private company\nFounded: 2015\n\nIlmari Vision Oy is a Finnish company that builds machine-vision "
            "systems for sawmills.")
    _one(ex, text, "Ilmari Vision Oy", "Ilmarin Konenäkö Oy")


# --- near-misses: two entities stay two ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, first, second", [
    ("The Kivuli Marine Lab (a unit of Kivuli Coastal University) published the data.", "Kivuli Marine Lab",
     "Kivuli Coastal University"),
    ("The Loreto Vision Lab (Universidad Nacional de Loreto) built the model with river data.", "Loreto Vision Lab",
     "Universidad Nacional de Loreto"),
    ("The Pemba Data Centre (Tanga Fisheries Research Institute) shares two engineers with the port.",
     "Pemba Data Centre", "Tanga Fisheries Research Institute"),
    ("Kestrel Analytics and its Spanish partner Datos del Tajo S.L. signed the deal in Toledo.", "Kestrel Analytics",
     "Datos del Tajo S.L."),
    ("The Birch Vision Lab (Norrby universitet) builds tree-species models from laser scans.", "Birch Vision Lab",
     "Norrby universitet"),
    ("Applicants may choose the Nordvik Data Agency, the Malmö Robotics Lab, or Skogsinstitutet as host.",
     "Malmö Robotics Lab", "Skogsinstitutet"),
    ("Tarvo Robotics (a subsidiary of Pohjolan Konepaja Oy) builds inspection drones.", "Tarvo Robotics",
     "Pohjolan Konepaja Oy"),
    ("Funding came from the Tagus Water Board (Agencia de Datos del Tajo, Instituto Tecnológico del Tajo).",
     "Tagus Water Board", "Agencia de Datos del Tajo"),
])
def test_two_bodies_stay_two(ex, text, first, second):
    ents = _entities(ex, text)
    a, b = _holding(ents, first), _holding(ents, second)
    assert a is not None, [(e.type, e.name, e.aliases) for e in ents]
    assert b is None or b.id != a.id, [(e.type, e.name, e.aliases) for e in ents]


@pytest.mark.parametrize("text, org, town", [
    ("Tarvo Robotics (Oulu) builds inspection drones for paper mills.", "Tarvo Robotics", "Oulu"),
    ("The Swedish Forest Data Agency (Umeå) runs the scheme.", "Swedish Forest Data Agency", "Umeå"),
    ("Kestrel Analytics (San Juan de Lurigancho) sells irrigation forecasts to growers.", "Kestrel Analytics",
     "San Juan de Lurigancho"),
])
def test_a_town_in_brackets_stays_a_town(ex, text, org, town):
    ents = _entities(ex, text)
    a = _holding(ents, org)
    assert a is not None and town not in a.aliases, [(e.type, e.name, e.aliases) for e in ents]


def test_switch_off_leaves_two_entities(ex, monkeypatch):
    monkeypatch.setenv("AIKG_NATIVE_NAMES", "off")
    ents = _entities(ex, "The Centro de Robótica Aplicada del Tajo (CRAT; English: Tagus Applied Robotics Centre) is a "
                         "research centre in Toledo.")
    a, b = _holding(ents, "CRAT"), _holding(ents, "Tagus Applied Robotics Centre")
    assert a is None or b is None or a.id != b.id
