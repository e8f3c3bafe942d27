"""General published forms of FUNDS, MEMBER_OF and PARTNERS_WITH through the real spaCy pipeline.

One short sentence a form (relation_forms.py, relation_np.py, relations.json ``forms``), written for the
form rather than copied from a gold document, and counter-examples that must give nothing: plans, talks,
negation, "former", ended ties, customers, purchases.
"""

from __future__ import annotations

import pytest

from aikg.core.facts import EntityRecord, RelationRecord
from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp import resolve
from aikg.ingest.nlp.extractor import shared_extractor

F, M, P = "FUNDS", "MEMBER_OF", "PARTNERS_WITH"
HV, QV, RP = "Harborview Capital", "Quantix Ventures", "Redwood Partners"
LL, QS, KR, OCA = "Lumora Labs", "Quantix Systems", "Kestrel Robotics", "Open Compute Alliance"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, title: str = "t") -> set[tuple[str, str, str]]:
    doc = LoadedDocument(id="d1", source="t", title=title, kind="text", text=text)
    records = resolve([ex.extract(doc)])
    names = {r.id: r.name for r in records if isinstance(r, EntityRecord)}
    out = set()
    for r in records:
        if isinstance(r, RelationRecord):
            a, b = names[r.source], names[r.target]
            out.add((r.type, a, b))
            if r.type == P:
                out.add((r.type, b, a))  # undirected
    return out


FORMS = [
    # funding: rounds, passives, lists, co-investors, "paid for"
    ("Lumora Labs raised $12 million in a round led by Harborview Capital, with participation from Quantix Ventures "
     "and Redwood Partners.", {(F, HV, LL), (F, QV, LL), (F, RP, LL)}),
    ("Lumora Labs closed a $40 million Series B co-led by Harborview Capital and Quantix Ventures.",
     {(F, HV, LL), (F, QV, LL)}),
    ("Lumora Labs is backed by Harborview Capital, Quantix Ventures and Redwood Partners.",
     {(F, HV, LL), (F, QV, LL), (F, RP, LL)}),
    ("Lumora Labs' investors include Harborview Capital, Quantix Ventures and Redwood Partners.",
     {(F, HV, LL), (F, QV, LL), (F, RP, LL)}),
    ("Investors in Lumora Labs include Harborview Capital and Quantix Ventures.", {(F, HV, LL), (F, QV, LL)}),
    ("Lumora Labs raised $5 million from Harborview Capital and Quantix Ventures.", {(F, HV, LL), (F, QV, LL)}),
    ("Harborview Capital invested in Lumora Labs alongside Quantix Ventures.", {(F, HV, LL), (F, QV, LL)}),
    ("Harborview Capital's portfolio includes Lumora Labs and Quantix Systems.", {(F, HV, LL), (F, HV, QS)}),
    ("Lumora Labs is a portfolio company of Harborview Capital.", {(F, HV, LL)}),
    ("The Kestrel Institute was set up with support from the Harborview Foundation.",
     {(F, "Harborview Foundation", "Kestrel Institute")}),
    ("The Kestrel Programme is paid for by the Harborview Foundation.",
     {(F, "Harborview Foundation", "Kestrel Programme")}),
    ("The Harborview Foundation awarded the Kestrel Institute a grant of $2 million.",
     {(F, "Harborview Foundation", "Kestrel Institute")}),
    ("The Kestrel Programme, which the Harborview Foundation funds and Lumora Labs runs, opened in May.",
     {(F, "Harborview Foundation", "Kestrel Programme")}),
    ("Lumora Labs runs the Kestrel Programme, a scheme that the Ministry of Digital Affairs will fund.",
     {(F, "Ministry of Digital Affairs", "Kestrel Programme")}),
    ("The Kestrel Institute is funded by a commitment from Lumora Labs, a grant from the Harborview Foundation and "
     "support from the Ministry of Digital Affairs.",
     {(F, LL, "Kestrel Institute"), (F, "Harborview Foundation", "Kestrel Institute"),
      (F, "Ministry of Digital Affairs", "Kestrel Institute")}),
    # membership
    ("Lumora Labs is also in the current cohort of the Kestrel Accelerator Programme.",
     {(M, LL, "Kestrel Accelerator Programme")}),
    ("Five companies from the current cohort of the Kestrel Accelerator Programme, including Lumora Labs and Quantix "
     "Systems, will present.", {(M, LL, "Kestrel Accelerator Programme"), (M, QS, "Kestrel Accelerator Programme")}),
    ("The Open Compute Alliance's members include Lumora Labs and Quantix Systems.", {(M, LL, OCA), (M, QS, OCA)}),
    ("Lumora Labs joined the Open Compute Alliance as a member in 2023.", {(M, LL, OCA)}),
    ("Lumora Labs and Quantix Systems are founding members of the Open Compute Alliance.", {(M, LL, OCA), (M, QS, OCA)}),
    ("The founding members of the Open Compute Alliance are Lumora Labs, Quantix Systems and Kestrel Robotics.",
     {(M, LL, OCA), (M, QS, OCA), (M, KR, OCA)}),
    ("The Open Compute Alliance brings together Lumora Labs, Quantix Systems and Kestrel Robotics.",
     {(M, LL, OCA), (M, QS, OCA), (M, KR, OCA)}),
    ("The Open Compute Alliance is a consortium of Lumora Labs, Quantix Systems and Kestrel Robotics.",
     {(M, LL, OCA), (M, QS, OCA), (M, KR, OCA)}),
    ("Lumora Labs is among the 40 members of the Open Compute Alliance.", {(M, LL, OCA)}),
    ("The Open Compute Alliance has 12 member institutions, including the University of Tartu and the University of Oslo.",
     {(M, "University of Tartu", OCA), (M, "University of Oslo", OCA)}),
    # partnership
    ("Lumora Labs' research partners include Quantix Systems and Kestrel Robotics.", {(P, LL, QS), (P, LL, KR)}),
    ("Lumora Labs built the model in partnership with Quantix Systems.", {(P, LL, QS)}),
    ("The project is a collaboration between Lumora Labs and Quantix Systems.", {(P, LL, QS)}),
    ("Lumora Labs and Quantix Systems will collaborate on speech models.", {(P, LL, QS)}),
    ("Lumora Labs has teamed up with Quantix Systems to build robots.", {(P, LL, QS)}),
    ("Lumora Labs and Quantix Systems formed a joint venture in 2023.", {(P, LL, QS)}),
    ("Lumora Labs signed a memorandum of understanding with Quantix Systems.", {(P, LL, QS)}),
    ("Lumora Labs entered into a strategic partnership with Quantix Systems.", {(P, LL, QS)}),
    ("Lumora Labs and Quantix Systems open joint lab in Oslo", {(P, LL, QS)}),
    ("The Kestrel Lab is a joint lab of Lumora Labs and the University of Oslo.", {(P, LL, "University of Oslo")}),
    ("Lumora Labs, with the Oslo start-up Quantix Systems as technology partner, will test the robots.",
     {(P, LL, QS)}),
]


@pytest.mark.parametrize(("text", "want"), FORMS, ids=[t[:48] for t, _ in FORMS])
def test_form_states_the_relation(ex, text, want):
    got = rels(ex, text)
    assert want <= got, f"missing {sorted(want - got)}; got {sorted(got)}"


def test_list_after_partners_ties_only_the_owner(ex):
    got = rels(ex, "Lumora Labs partnered with Quantix Systems and Kestrel Robotics in 2024.")
    assert {(P, LL, QS), (P, LL, KR)} <= got
    assert (P, QS, KR) not in got


def test_funding_series_is_no_funding_of_the_first_funder(ex):
    got = rels(ex, "The Kestrel Institute is funded by a commitment from Lumora Labs, a grant from the Harborview "
                   "Foundation and support from the Ministry of Digital Affairs.")
    assert not {r for r in got if r[0] == F and r[2] == LL}


def test_co_investor_is_no_recipient(ex):
    got = rels(ex, "Harborview Capital invested in Lumora Labs alongside Quantix Ventures.")
    assert (F, HV, QV) not in got


COUNTER = [
    ("Lumora Labs is in talks with Harborview Capital about an investment.", (F, HV, LL)),
    ("Harborview Capital plans to invest in Lumora Labs.", (F, HV, LL)),
    ("Harborview Capital did not invest in Lumora Labs.", (F, HV, LL)),
    ("Lumora Labs is not backed by Harborview Capital.", (F, HV, LL)),
    ("Harborview Capital is a former investor in Lumora Labs.", (F, HV, LL)),
    ("The Harborview Foundation paid Lumora Labs for the software.", (F, "Harborview Foundation", LL)),
    ("Lumora Labs is a former member of the Open Compute Alliance.", (M, LL, OCA)),
    ("Lumora Labs is not a member of the Open Compute Alliance.", (M, LL, OCA)),
    ("Lumora Labs plans to join the Open Compute Alliance.", (M, LL, OCA)),
    ("Lumora Labs has applied to join the Open Compute Alliance.", (M, LL, OCA)),
    ("Lumora Labs left the Open Compute Alliance in 2022.", (M, LL, OCA)),
    ("Lumora Labs is in talks with Quantix Systems about a partnership.", (P, LL, QS)),
    ("Lumora Labs plans to partner with Quantix Systems.", (P, LL, QS)),
    ("Lumora Labs ended its partnership with Quantix Systems in 2022.", (P, LL, QS)),
    ("Lumora Labs is a former partner of Quantix Systems.", (P, LL, QS)),
    ("Lumora Labs does not partner with Quantix Systems.", (P, LL, QS)),
    ("Lumora Labs competes with Quantix Systems.", (P, LL, QS)),
]


@pytest.mark.parametrize(("text", "wrong"), COUNTER, ids=[t[:48] for t, _ in COUNTER])
def test_counter_example_states_nothing(ex, text, wrong):
    assert wrong not in rels(ex, text)


def test_customers_are_no_members_or_partners(ex):
    got = rels(ex, "Lumora Labs counts Quantix Systems among its customers.")
    assert not {r for r in got if r[0] in (F, M, P)}


def test_member_of_the_page_organisation(ex):
    text = ("Open Compute Alliance\n\nThe Open Compute Alliance is a network of companies that share hardware designs.\n\n"
            "Kestrel Robotics is also a member. Lumora Labs and Quantix Systems joined at the launch.")
    got = rels(ex, text, title="Open Compute Alliance")
    assert {(M, KR, OCA), (M, LL, OCA), (M, QS, OCA)} <= got
