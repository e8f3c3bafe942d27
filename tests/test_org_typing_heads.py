"""Wave-20 organisation typing through the real spaCy pipeline (issue 14, helper "typing A"): institutes and agencies
that unseen text names in its own language or describes, read as firms by default (org_head_types.py,
org_descriptions.py; docs/annotation.md §2).

Invented names in the forms of published pages (Mexican, Indonesian, Romanian, Turkish, Nordic and Polish public
bodies; US and Norwegian agency pages: "An agency within the Department of ...", "As a government agency, X ...";
news about state funders: "the state research foundation X", "the regional development bank X"), and near-misses
that must stay firms (a creative agency named "Agencia", an advertising agency, a firm's regional office, a
publicly traded lender, a regional investor, "X Institute of Technology Ltd", "X Labs")."""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from aikg.ingest.nlp.mentions.org_descriptions import phrase_type
from aikg.ingest.nlp.mentions.org_head_types import head_type
from tests.helpers import typed_in as _typed


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


# --- a name's own head word, in its language ------------------------------------------------------------------------

@pytest.mark.parametrize("words, typ", [
    ("Universitatea Tehnică a Mărginimii", "Institute"),
    ("Badan Riset Daerah Kalimantan", "Agency"),
    ("Pusat Riset Kelautan Maluku", "Institute"),
    ("Wakala ya Nishati Vijijini", "Agency"),
    ("Urząd Marszałkowski Województwa Lubuskiego", "Agency"),
    ("Secretaría de Innovación de Colima", "Agency"),
    ("Consejo Nacional de Pesca Artesanal", "Agency"),
    ("Camera di Commercio di Lecco", "Institute"),
    ("Trakya Bölge Kalkınma Kurumu", "Agency"),
    ("Vestland Havforskningsinstituttet", "Institute"),
    ("Saarland Patientenallianz", "Institute"),
    ("Prešov Self-Governing Region", "Agency"),
    ("Agencia Creativa Tolosa", "Company"),  # a creative agency: a firm
    ("Fonds de recherche de la Gaspésie", "Agency"),
    ("Fundação Potiguar de Amparo à Inovação", "Agency"),
    ("Lusatian Innovation Bank", "Agency"),
    ("Kutch Kala Sanstha", "Institute"),
    ("Morbi Krishi Vigyan Kendra", "Institute"),
    ("Szpitale Lubelskie", "Institute"),
    ("Station Marine de Monastir", "Institute"),
    ("Développement économique Gatineau", "Agency"),
])
def test_head_words(words, typ):
    assert head_type(words.split()) == typ


@pytest.mark.parametrize("words", [
    "Agencia Lumbre SA de CV",  # a legal form: a firm
    "Kisumu Data Institute of Technology Ltd",
    "Centro Comercial Los Pinos",  # a shopping centre's firm: no body
    "Rio Verde Labs",
    "Lumora",
])
def test_head_words_near_misses(words):
    assert head_type(words.split()) in (None, "Company")


@pytest.mark.parametrize("text, typ, name", [
    ("Both plants use inspection software developed with the Universitatea Tehnică a Mărginimii (UTM).",
     "Institute", "Universitatea Tehnică a Mărginimii"),
    ("It was set up in 2021 by the Camera di Commercio di Lecco to help small manufacturers.",
     "Institute", "Camera di Commercio di Lecco"),
    ("Led by Orava Logistics Data; co-financed by the Trnava Self-Governing Region.", "Agency", "Trnava Self-Governing Region"),
    ("Vessel data came from the Trakya Bölge Kalkınma Kurumu under a two-year agreement.",
     "Agency", "Trakya Bölge Kalkınma Kurumu"),
    ("Rainfall data comes from the Badan Riset Daerah Kalimantan (BRDK) every ten minutes.",
     "Agency", "Badan Riset Daerah Kalimantan"),
    ("The pilot is co-financed by the Urząd Marszałkowski Województwa Lubuskiego and two firms.",
     "Agency", "Urząd Marszałkowski Województwa Lubuskiego"),
])
def test_head_words_in_text(ex, text, typ, name):
    assert (typ, name) in _typed(ex, text)


def test_creative_agency_stays_a_firm(ex):
    typed = _typed(ex, "Agencia Creativa Tolosa built the website for the festival and ran its social accounts.")
    assert ("Company", "Agencia Creativa Tolosa") in typed


# --- descriptions ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words, typ", [
    ("state research foundation", "Agency"),
    ("regional development bank", "Agency"),
    ("province's crown investor", "Agency"),
    ("state innovation agency", "Agency"),
    ("state's economic development agency", "Agency"),
    ("government-owned investment company", "Agency"),
    ("regional office", "Agency"),
    ("non-profit research lab", "Institute"),
    ("public research university", "Institute"),
    ("advertising agency", "Company"),
    ("digital marketing agency", "Company"),
    ("publicly traded lender", "Company"),
])
def test_description_phrases(words, typ):
    assert phrase_type(words.split()) == typ


@pytest.mark.parametrize("words", [
    "regional investor",  # a regional venture firm
    "public company",  # a listed firm
    "national company",
    "cooperative bank",
    "public benefit corporation",
])
def test_description_near_misses(words):
    assert phrase_type(words.split()) in (None, "Company")


@pytest.mark.parametrize("text, typ, name", [
    ("The state development agency, the Instituto Colimense para la Innovación, has added MXN 2 million to the fund.",
     "Agency", "Instituto Colimense para la Innovación"),
    ("The scheme is run together with the provincial development bank, Thar Growth Bank.", "Agency", "Thar Growth Bank"),
    ("Since 2024 the regional development bank Lucania Sviluppo Credito has also co-financed the pilot.",
     "Agency", "Lucania Sviluppo Credito"),
    ("Kennebec Harbour Capital is backed by the province's Crown investor, Acadie Innovation Corporation.",
     "Agency", "Acadie Innovation Corporation"),
    ("It is backed by the Natal fund Potengi Ventures and by the state research foundation FAPERN.", "Agency", "FAPERN"),
    ("The hub was funded by the state innovation agency Fundação Potiguar de Amparo à Inovação through its "
     "Cidades Inteligentes line.", "Agency", "Fundação Potiguar de Amparo à Inovação"),
    ("The voucher is administered by the Saurashtra Industrial Digitalisation Society (SIDS), a registered society "
     "under the Department of Industries.", "Agency", "Saurashtra Industrial Digitalisation Society"),
    ("The programme is administered by the National Robotics Office (NRO), which sits within the Department of "
     "Industry, Science and Resources.", "Agency", "National Robotics Office"),
    ("As a government agency, Digvest funds research on public services.", "Agency", "Digvest"),
    ("A BC Crown agency, Skeena Innovation Council (SIC) supports technology start-ups in the north.",
     "Agency", "Skeena Innovation Council"),
    ("Waipā Research Ventures, a Crown entity, pays for the first three years of the lab.", "Agency",
     "Waipā Research Ventures"),
])
def test_descriptions_in_text(ex, text, typ, name):
    assert (typ, name) in _typed(ex, text)


def test_acronym_follows_description(ex):
    text = ("The hub was funded by the state innovation agency Fundação Potiguar de Amparo à Inovação (FPAI). "
            "FPAI also pays for two doctoral places.")
    typed = _typed(ex, text)
    assert ("Agency", "FPAI") in typed
    assert ("Institute", "FPAI") not in typed


@pytest.mark.parametrize("text, name", [
    ("The campaign was designed by the advertising agency Lumbre Agency, which also works for two banks.", "Lumbre Agency"),
    ("The app was promoted by Nube Roja, a digital marketing agency in Lima.", "Nube Roja"),
    ("Kestrel Bank, a publicly traded lender, joined the round.", "Kestrel Bank"),
    ("Marlow Capital, a regional investor based in Leeds, led the round.", "Marlow Capital"),
    ("Acme Robotics opened its regional office, Acme Iberia, in Madrid last year.", "Acme Iberia"),
])
def test_descriptions_near_misses_in_text(ex, text, name):
    typed = _typed(ex, text)
    assert ("Agency", name) not in typed


def test_a_list_with_a_serial_comma_is_no_apposition(ex):
    """"the university, X, and Y": X is an item of a list, not described as a university."""
    typed = _typed(ex, "Its partners are the development agency, Kestrel Labs, and Orrin AI.")
    assert ("Agency", "Kestrel Labs") not in typed


# --- one name, one type: short forms and acronyms follow the full name --------------------------------------------

@pytest.mark.parametrize("text, acronym", [
    ("Field trials are run with the Ziguinchor Fishers' Union (ZFU), whose members own the boats. "
     "ZFU also hosts the training days.", "ZFU"),
    ("Support came from the state innovation agency Fundação Sergipana de Amparo à Inovação (FSAI). "
     "FSAI pays for the two doctoral places.", "FSAI"),
])
def test_acronyms_follow_the_full_name(ex, text, acronym):
    typed = _typed(ex, text)
    assert ("Company", acronym) not in typed


@pytest.mark.parametrize("text, name", [
    ("The fund is administered by the Kerala Board of Investment and Technology (KBIT), which set it up in 2024.",
     "Kerala Board of Investment and Technology"),
    ("Licences are issued by the Ontario Board of Digital Services and Technology.",
     "Ontario Board of Digital Services and Technology"),
])
def test_a_places_board_is_an_agency(ex, text, name):
    assert ("Agency", name) in _typed(ex, text)


@pytest.mark.parametrize("words, typ", [
    ("national agricultural research body", "Institute"),
    ("public research centre", "Institute"),
    ("state forestry enterprise", None),  # a state-owned firm (a utility, a forestry enterprise) stays a firm
    ("state research company", None),
])
def test_research_bodies_and_state_firms(words, typ):
    assert phrase_type(words.split()) == typ


@pytest.mark.parametrize("text, name", [
    ("Existing backers Tegel Seed and Havel Ventures, the venture arm of the regional development bank Havelbank, "
     "also took part.", "Havel Ventures"),
    ("Its partners include the state forestry enterprise Bystrytsia Forestry and the Kolomyia drone maker Hutsul UAS.",
     "Bystrytsia Forestry"),
    ("TLI is the applied research arm of the Advanced Technology Research Council (ATRC), the emirate's research "
     "funding body.", "TLI"),
])
def test_arms_and_state_firms_are_not_agencies(ex, text, name):
    assert ("Agency", name) not in _typed(ex, text)


def test_a_clause_is_no_description(ex):
    text = ("The Sine Language Consortium (SLC) is a non-profit association. Serer Tech Labs was a founding member but "
            "left the consortium in 2025.")
    assert ("Institute", "Serer Tech Labs") not in _typed(ex, text)
