"""FUNDS in the forms of published pages (issue 14: FUNDS recall on unseen text), through the real spaCy pipeline.

One invented sentence or pair of sentences a form (relation_funding_published.py, the funder window of relations.py,
"its" after "a grant from X under", "X-backed" names), written from the forms of funding news, fact sheets and
university releases, not copied from a gold document; and the near-misses that must give nothing: revenue, hedges,
applications, talks, past funding, purchases, and a funding phrase said of another name.
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

F, R = "FUNDS", "RUNS"
KL, PR, OL, OI = "Kelvara Labs", "Pellan Robotics", "Orrin Lab", "Orrin Institute"
QC, HC, BF = "Quarto Cloud", "Harborview Capital", "Brannoch Foundation"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def funds(ex, text: str) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == F}


POSITIVE = [
    # a coordinated passive is said of the clause's subject, not of the name before "and"
    ("The Velmora AI Voucher Scheme is administered by the Dunmore Council and co-funded by Quarto Cloud, the "
     "regional data-centre operator.", {(F, QC, "Velmora AI Voucher Scheme")}),
    ("Kelvara Labs partners with Pellan Robotics and is backed by Harborview Capital.", {(F, HC, KL)}),
    ("The Salto Speech Lab opened in March. It is run by Carrow University and financed by the Brannoch Foundation "
     "together with Harborview Capital.", {(F, BF, "Salto Speech Lab"), (F, HC, "Salto Speech Lab")}),
    # funding in kind, on loan, or an amount after a verb of receiving
    ("The Orrin Institute receives in-kind compute from Quarto Cloud and $500,000 a year from the Brannoch "
     "Foundation.", {(F, QC, OI), (F, BF, OI)}),
    ("The Salto Speech Lab is funded by a grant from the Brannoch Foundation, with in-kind GPU capacity from Quarto "
     "Cloud, a Tarsk data-centre operator.", {(F, BF, "Salto Speech Lab"), (F, QC, "Salto Speech Lab")}),
    ("Kelvara Labs secured a concessional loan of $6 million from the Tarsk Development Bank.",
     {(F, "Tarsk Development Bank", KL)}),
    ("The Orrin Institute is paid for by the Dunmore Council, with a grant from the Brannoch Foundation and in-kind "
     "storage from Quarto Cloud.", {(F, "Dunmore Council", OI), (F, BF, OI), (F, QC, OI)}),
    # a thing given: the sentence before names the recipient
    ("Kelvara Labs raised a seed round last year. Compute for model training is provided in kind by Quarto Cloud.",
     {(F, QC, KL)}),
    ("The Orrin Lab opened in May. Drones and field sensors were donated by Pellan Robotics, a drone maker in Tarsk.",
     {(F, PR, OL)}),
    # the names a funded noun lists
    ("Among the first companies funded by the Smart Seed Programme were Kelvara Labs and Pellan Robotics.",
     {(F, "Smart Seed Programme", KL), (F, "Smart Seed Programme", PR)}),
    ("Start-ups backed by Harborview Capital include Kelvara Labs and Pellan Robotics.", {(F, HC, KL), (F, HC, PR)}),
    ("Harborview Capital has invested in 31 companies since 2022, among them Kelvara Labs.", {(F, HC, KL)}),
    # a hyphenated funder with no name after it, and an unlisted name before "-backed"
    ("Kelvara Labs, a Harborview Capital-backed start-up, builds drones.", {(F, HC, KL)}),
    ("Kelvara Labs is a Quellar-funded start-up.", {(F, "Quellar", KL)}),
    ("Harborview-backed Kelvara Labs raised a new round.", {(F, "Harborview", KL)}),
    # a budget and where it comes from; a bullet whose only organisation is backed
    ("The Salto Lab is led by Mara Lind. Its start-up budget of 4.2 million soles comes from the Tarsk Science Council "
     "and from Quellar Mining, which will also second two engineers.",
     {(F, "Tarsk Science Council", "Salto Lab"), (F, "Quellar Mining", "Salto Lab")}),
    ("- Kelvara Labs (Tarsk): triage tools for regional clinics, backed by the Dunmore fund Harborview Capital",
     {(F, HC, KL)}),
    # a relative clause closed by a comma is no subject of what follows
    ("The Velmora Fund, which the Tarsk Agency administers and the Dunmore Council funds, has invested in 31 companies "
     "since 2022, among them Kelvara Labs.", {(F, "Dunmore Council", "Velmora Fund"), (F, "Velmora Fund", KL)}),
    # a round the sentence before named
    ("Kelvara Labs raised $3 million in a seed round led by Harborview Capital. Existing investor Quarto Ventures also "
     "put money into the round.", {(F, HC, KL), (F, "Quarto Ventures", KL)}),
    ("Kelvara Labs wants to automate warehouses, and this week Harborview Capital led its $4 million seed round.",
     {(F, HC, KL)}),
    # a count of funded names and the list in the next sentence; an investor with no object on a directory line
    ("The Velmora Voucher Scheme, which the Tarsk Office administers, has backed more than 90 small firms since 2023. "
     "Among them are Kelvara Labs of Tartu and the Bergen start-up Pellan Robotics.",
     {(F, "Velmora Voucher Scheme", KL), (F, "Velmora Voucher Scheme", PR)}),
    ("- Kelvara Labs – a Tartu-based maker of warehouse robots; Harborview Capital invested alongside Berlin's Quarto "
     "Ventures.", {(F, HC, KL), (F, "Quarto Ventures", KL)}),
    # the names a "whose investment" follows; an endowment or a loan as the funding noun
    ("Kelvara Labs is a research laboratory in Tarsk. It was founded in 2023 by Mara Lind, Ivo Brandt and Harborview "
     "Capital, whose joint investment of 300 million euros covers its first years.",
     {(F, "Mara Lind", KL), (F, "Ivo Brandt", KL), (F, HC, KL)}),
    ("The Orrin Institute was established in 1998 with an endowment from the Brannoch Foundation.", {(F, BF, OI)}),
    ("Kelvara Labs took out a loan from the Tarsk Development Bank.", {(F, "Tarsk Development Bank", KL)}),
    # a portfolio or the investments of the possessor (an unresolved "Its": the sentence before's subject)
    ("The Velmora Fund was set up last year by the Tarsk Development Board. The fund is managed by Quarto Partners and "
     "plans to invest 20 million dollars. Its first investments are in Kelvara Labs, a Tarsk start-up; Pellan Robotics "
     "of Bergen; and the Oslo firm Lumora Labs.",
     {(F, "Velmora Fund", KL), (F, "Velmora Fund", PR), (F, "Velmora Fund", "Lumora Labs")}),
    ("Harborview Capital is a seed fund in Tarsk. Its portfolio includes the Bergen logistics start-up Kelvara Labs and "
     "the Oslo fintech Pellan Robotics.", {(F, HC, KL), (F, HC, PR)}),
    # a second agent of a passive of funding after a long first one
    ("The Orrin Lab is funded by a $6 million grant from the Tarsk Science Agency, the federal innovation agency, and "
     "by Quarto Cloud, which will also provide recordings.",
     {(F, "Tarsk Science Agency", OL), (F, QC, OL)}),
    # a field line of a programme page
    ("Tarsk Data Commons\n\nFunder: Norrland Innovation Agency\nOperator: Carrow University\n\nThe Tarsk Data Commons "
     "gives researchers free GPU time.", {(F, "Norrland Innovation Agency", "Tarsk Data Commons")}),
    # a long description before the funder, and a scheme's name that holds a word of a hedge ("Applied")
    ("The Orrin Lab was set up with a $1 million grant from the Tarsk Research Fund (TRF) under its Applied Clusters "
     "call, and is co-financed by the Dunmore-based olive exporter Quellar Foods.",  # the call funds too (dev7 gold)
     {(F, "Tarsk Research Fund", OL), (F, "Applied Clusters", OL), (F, "Quellar Foods", OL)}),
]


@pytest.mark.parametrize("text,expected", POSITIVE, ids=[t[:50] for t, _ in POSITIVE])
def test_published_funding_forms(ex, text, expected):
    assert funds(ex, text) == expected


NOTHING = [
    "Kelvara Labs earns $2 million a year from Pellan Robotics.",  # revenue
    "Kelvara Labs hopes to secure a loan from the Tarsk Development Bank.",  # a hope
    "Kelvara Labs has applied to the Norrland Innovation Agency for a grant.",  # an application
    "Kelvara Labs is in talks with Harborview Capital about a seed round.",  # talks
    "Kelvara Labs was funded until 2019 by the Brannoch Foundation and is now run by Carrow University.",  # past
    "Kelvara Labs buys cloud storage from Quarto Cloud.",  # a purchase
    "Pellan Robotics pays Kelvara Labs for its speech models.",  # a customer
    "Companies funded by the Smart Seed Programme are not eligible for the Orrin Accelerator.",  # no list
    "Harborview Capital has invested in 31 companies since 2022 and plans to back Kelvara Labs.",  # a plan
    "Kelvara Labs is seeking in-kind compute from Quarto Cloud.",  # a search
    "Kelvara Labs said Harborview Capital invested alongside Quarto Ventures.",  # no object, said in its own clause
    "The Velmora Voucher Scheme has backed more than 90 small firms since 2023. The scheme is run by Kelvara Labs.",
    "Kelvara Labs was founded by Mara Lind, whose sister runs Pellan Robotics.",  # "whose" and no funding noun
    "Kelvara Labs sells software. Its customers include Pellan Robotics.",  # customers, not a portfolio
    "Most of Kelvara Labs' revenue comes from Pellan Robotics.",  # revenue, not a budget
    "Kelvara Labs put money into a new office in Tarsk.",  # no round
    "Kelvara Labs partners with Pellan Robotics, backed by Harborview Capital.",  # two names before the participle
    # prospective or hedged funding read on the parse
    "Harborview Capital is in talks to invest in Kelvara Labs alongside Quarto Ventures.",
    "Harborview Capital may co-invest in Kelvara Labs alongside Quarto Ventures next year.",
    "Kelvara Labs is seeking funding from Harborview Capital alongside Quarto Ventures.",
    "Harborview Capital's planned investment in Kelvara Labs, together with Quarto Ventures, has not closed.",
    "Kelvara Labs is hoping to raise a round led by Harborview Capital.",
    "Kelvara Labs expects funding from the Brannoch Foundation next year.",
]


@pytest.mark.parametrize("text", NOTHING, ids=[t[:50] for t in NOTHING])
def test_near_misses_give_no_funding(ex, text):
    assert funds(ex, text) == set()


FACT_SHEET = """FACT SHEET
Velmora Data Commons Programme (VDCP), 2026-2029
Issued by the Tarsk Digital Authority | Updated March 2026

Programme at a glance
- Administered by: Tarsk Digital Authority
- Funded by: Dunmore Regional Council (EUR 40 million), with a concessional loan of EUR 6 million from the Brannoch Bank
- In-kind support: satellite imagery from the Bergen-based Quarto Cloud, and storage from Pellan Robotics

What the programme does
VDCP gives grants to small firms that use machine learning.
"""


def test_field_lines_of_a_programme_page(ex):
    got = funds(ex, FACT_SHEET)
    p = "Velmora Data Commons Programme"
    assert {(F, "Dunmore Regional Council", p), (F, "Brannoch Bank", p), (F, QC, p), (F, PR, p)} <= got


PROGRAMME_PAGE = """Velmora Compute Access Scheme

The Velmora Compute Access Scheme (VCAS) gives start-ups free GPU time.

Who pays for it?
• Core funding: Dunmore Regional Council (EUR 11 million, 2025-2028)
• Co-financing: the EU's Tarsk Recovery Facility
• In-kind compute from the Orrin Supercomputing Centre, which is operated by Carrow University

Quarto Cloud and Pellan Robotics, a Bergen-based robot maker, contribute in-kind storage worth about EUR 2 million.
Core funding comes from the Brannoch Foundation. Cooling is provided in kind by Harborview Capital.
VCAS is run by Carrow University.
"""


def test_a_programme_page_names_its_funders_without_naming_it(ex):
    got = funds(ex, PROGRAMME_PAGE)
    p = "Velmora Compute Access Scheme"
    assert {(F, "Dunmore Regional Council", p), (F, "Tarsk Recovery Facility", p), (F, "Orrin Supercomputing Centre", p),
            (F, QC, p), (F, PR, p), (F, BF, p), (F, HC, p)} <= got
    assert (F, "Carrow University", p) not in got


def test_contributions_need_the_page_subject_and_no_recipient(ex):
    text = "Notes from the Tarsk meeting\n\nQuarto Cloud and Pellan Robotics contribute in-kind storage worth EUR 2m.\n"
    assert funds(ex, text) == set()
    text = PROGRAMME_PAGE.replace("contribute in-kind storage worth about EUR 2 million",
                                  "contribute in-kind storage to the Orrin Lab")
    got = funds(ex, text)
    assert (F, QC, "Velmora Compute Access Scheme") not in got


def test_field_lines_need_the_page_subject(ex):
    text = "Notes from the Tarsk meeting\n\n- Funded by: Dunmore Regional Council\n- In-kind support: storage from " \
           "Quarto Cloud\n"
    assert funds(ex, text) == set()


def test_capital_invested_is_the_investor(ex):
    # the parser reads "Capital invested in" as "capital (that was) invested in": the name still invests
    got = funds(ex, "Harborview Capital invested in Kelvara Labs alongside Quarto Ventures.")
    assert got == {(F, HC, KL), (F, "Quarto Ventures", KL)}


def test_and_by_after_another_verb_names_no_funder(ex):
    got = funds(ex, "The Orrin Lab is funded by a grant from the Tarsk Science Agency and run by Carrow University and by "
                    "Pellan Robotics.")
    assert got == {(F, "Tarsk Science Agency", OL)}


def test_relative_clause_hands_the_funding_to_its_name(ex):
    got = funds(ex, "Kelvara Labs partners with the Orrin Lab, which receives in-kind support from Quarto Cloud.")
    assert (F, QC, OL) in got and (F, QC, KL) not in got


def test_name_before_and_is_no_recipient(ex):
    got = funds(ex, "The Velmora AI Voucher Scheme is administered by the Dunmore Council and co-funded by Quarto "
                    "Cloud.")
    assert (F, QC, "Dunmore Council") not in got


def test_funder_window_skips_a_fellow_funder(ex):
    got = funds(ex, "The Orrin Institute is funded by the Dunmore Council and by a grant from the Brannoch Foundation.")
    assert got == {(F, "Dunmore Council", OI), (F, BF, OI)}


def test_funder_window_looks_through_an_acronym(ex):
    got = funds(ex, "The Velmora Scheme offers vouchers. The scheme is administered by the state Tarsk Digital Agency "
                    "(TDA) and funded by the Brannoch Foundation.")
    assert (F, BF, "Tarsk Digital Agency") not in got


def test_a_name_and_its_bracketed_acronym_are_no_pair(ex):
    # the parse's "grant (TADI)" pair would have replaced the window's reading of the sentence
    got = funds(ex, "The Orrin Consortium links twelve firms. The consortium is funded by membership fees and by a "
                    "four-year grant from the Tarsk Agency for Digital Industry (TADI).")
    assert got == {(F, "Tarsk Agency for Digital Industry", "Orrin Consortium")}


def test_spin_out_parent_is_not_the_backed_name(ex):
    got = funds(ex, "Kelvara Labs is a spin-out of Carrow University, backed by Harborview Capital.")
    assert (F, HC, "Carrow University") not in got and (F, HC, KL) in got


def test_its_scheme_after_a_grant_belongs_to_the_giver(ex):
    got = relations_in(ex, "Kelvara Labs received a grant from the Norrland Innovation Agency under its Smart Seed "
                           "scheme.")
    runs = {r for r in got if r[0] == R}
    assert runs == {(R, "Norrland Innovation Agency", "Smart Seed")}
    assert (F, "Norrland Innovation Agency", KL) in got


def test_forms_hold_without_the_gazetteer(no_gazetteer_extractor):
    got = funds(no_gazetteer_extractor, "The Orrin Institute receives in-kind compute from Quarto Cloud and $500,000 a "
                                        "year from the Brannoch Foundation.")
    assert got == {(F, QC, OI), (F, BF, OI)}
