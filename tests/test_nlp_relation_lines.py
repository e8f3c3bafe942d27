"""Facts stated by the line forms of published pages, through the real spaCy pipeline (relation_lines.py).

Our own invented pages, one form each: a directory entry under a company heading (field lines, openers, a "·"
line), a press release's "About X" boilerplate, tables whose header names the row's organisation, address and
contact lines, speaker lines and "(Org, Town)" brackets. Counter-examples must give nothing from these rules: a
"Related:" headline, a caption, a ranking table, a comparison table, a contact person's phone line, a venue in a
programme's header, past fields, a founding place in "Founded:", a fronted phrase whose subject is another firm,
and the lines under a heading whose organisation the page never names again.
"""

from __future__ import annotations

import pytest

from aikg.ingest.document import LoadedDocument
from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

L, FD, FU, PO = "LOCATED_IN", "FOUNDED", "FUNDS", "PART_OF"
VS, ML, BR = "Velkra Systems", "Moravo Labs", "Brenna Robotics"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def line_rels(ex, text: str) -> set[tuple[str, str, str]]:
    """(type, source text, target text) of the candidates these rules give (methods rule:line-*)."""
    facts = ex.extract(LoadedDocument(id="d1", source="t", title="t", kind="text", text=text))
    ms = facts.mentions
    return {(r.type, ms[r.source].text, ms[r.target].text) for r in facts.relations if r.method.startswith("rule:line-")}


GUIDE = (
    "Baltic Applied AI Guide 2026\n\nKey players\n\n"
    f"{VS}\nRadar analytics for ports. Headquarters: Helsinki; sales office in Tallinn. Founded in 2020 by Aino Rask "
    "and Petteri Olin. Investors: Saimaa Ventures, Kallio Capital.\n\n"
    f"{BR}\nBased in Stockholm. A spin-off of the Orrin Institute of Technology.\n\n"
    "Networks\n\n"
    f"The Baltic Robotics Network counts {VS} and {BR} among its members.\n"
)


def test_directory_entry_fields_and_openers_are_said_of_the_heading(ex):
    got = relations_in(ex, GUIDE)
    assert {(L, VS, "Helsinki"), (L, VS, "Tallinn"), (FD, "Aino Rask", VS), (FD, "Petteri Olin", VS),
            (FU, "Saimaa Ventures", VS), (FU, "Kallio Capital", VS), (L, BR, "Stockholm"),
            (FD, "Orrin Institute of Technology", BR)} <= got
    assert (L, BR, "Helsinki") not in got and (FU, "Saimaa Ventures", BR) not in got  # each entry keeps its own


def test_directory_line_with_dots(ex):
    text = ("Nordic Vision Directory\n\nEntries\n\n"
            f"{ML}\nStockholm · computer vision · founded 2021 · investors: Hanko Partners, Lumo Capital\n\n"
            f"More on {ML} follows in the next issue.\n")
    got = relations_in(ex, text)
    assert {(L, ML, "Stockholm"), (FU, "Hanko Partners", ML), (FU, "Lumo Capital", ML)} <= got


def test_about_block_of_a_press_release_names_its_own_company(ex):
    text = (f"{VS} and {BR} sign a radar supply deal\n\n"
            f"HELSINKI, 3 March 2026 -- {VS} will supply port radars to {BR}, the companies said today.\n\n"
            f"About {BR}\n{BR} builds autonomous tugs. A spin-off of the Orrin Institute of Technology, it was "
            "set up in 2019.\n")
    got = line_rels(ex, text)
    assert (FD, "Orrin Institute of Technology", BR) in got
    assert (FD, "Orrin Institute of Technology", VS) not in got


def test_table_whose_header_names_the_company_and_its_city(ex):
    text = ("Portfolio overview\n\nCompany | City | Investors\n"
            f"{VS} | Helsinki | Saimaa Ventures\n{BR} | Stockholm | Kallio Capital, Lumo Capital\n")
    got = relations_in(ex, text)
    assert {(L, VS, "Helsinki"), (L, BR, "Stockholm"), (FU, "Saimaa Ventures", VS), (FU, "Kallio Capital", BR),
            (FU, "Lumo Capital", BR)} <= got


def test_recipient_table_on_a_programme_fact_sheet(ex):
    text = ("FACT SHEET\nKvarken Compute Vouchers 2026\nOstrobothnia Regional Council | Updated 2 May 2026\n\n"
            "The Kvarken Compute Vouchers pay for GPU time.\n\nFirst recipients\nRecipient | Location | Voucher\n"
            f"{VS} | Helsinki | EUR 40,000\n{ML} | Stockholm | EUR 25,000\n")
    got = relations_in(ex, text)
    assert {(FU, "Kvarken Compute Vouchers", VS), (FU, "Kvarken Compute Vouchers", ML), (L, VS, "Helsinki"),
            (L, ML, "Stockholm")} <= got


def test_address_and_contact_lines(ex):
    text = (f"{BR} opens a test harbour\n\n{BR} opened a test harbour for autonomous tugs.\n\nContact\n"
            f"{VS}, 12 Satamakatu, Helsinki | press@velkra.example\n"
            f"Media contact: communications team, {BR}, Stockholm.\n")
    got = relations_in(ex, text)
    assert (L, VS, "Helsinki") in got and (L, BR, "Stockholm") in got


def test_speaker_lines_and_brackets_place_the_organisation(ex):
    text = ("Harbour AI Day 2026\n\nProgramme\n\n"
            f'- "Radar for tugs" -- Aino Rask, {VS}, Helsinki\n'
            f"Panellists: Petteri Olin ({BR}, Stockholm); Liisa Orm (Saimaa Ventures)\n")
    got = relations_in(ex, text)
    assert (L, VS, "Helsinki") in got and (L, BR, "Stockholm") in got


def test_infobox_subsidiaries_and_member_of_on_the_page_about_the_firm(ex):
    text = (f"{VS}\n\nType: Private company\nSubsidiaries: Velkra Marine\nMember of: Baltic Robotics Network\n\n"
            f"{VS} is a Finnish radar company.\n")
    got = relations_in(ex, text)
    assert (PO, "Velkra Marine", VS) in got
    assert ("MEMBER_OF", VS, "Baltic Robotics Network") in got


# ---------------------------------------------------------------- counter-examples

def test_related_headline_and_caption_give_nothing(ex):
    text = (f"{BR} raises seed round\n\n{BR} raised EUR 2 million from Kallio Capital.\n\n"
            f"Photo caption: Aino Rask of {VS} at the harbour in Helsinki.\n"
            f"Related: {VS} opens Tallinn office | {ML}, Stockholm | Orrin Institute of Technology spins out a lab\n")
    got = line_rels(ex, text)
    assert got == set()


def test_ranking_and_comparison_tables_give_nothing(ex):
    text = ("Where AI start-ups grow\n\nRank | City | Start-ups\n1 | Helsinki | 40\n2 | Stockholm | 38\n\n"
            f"Compared with | {VS} | {BR}\nCity | Helsinki | Stockholm\n")
    assert line_rels(ex, text) == set()


def test_contact_phone_line_and_venue_header_give_nothing(ex):
    text = ("Harbour AI Day 2026\n12 March 2026 | Kings Hall, Helsinki\n\n"
            f"{VS} hosts the day.\n\nMedia contact: Aino Rask, +358 40 123 4567\n")
    got = line_rels(ex, text)
    assert not any(t == L for t, _s, _o in got)


def test_past_fields_and_founding_place_give_nothing(ex):
    text = (f"{VS}\n\nFounded: Helsinki (2016)\nFormer investors: Saimaa Ventures\n"
            "Investors: Kallio Capital (until 2023)\n\n"
            f"{VS} is a Finnish radar company.\n")
    got = line_rels(ex, text)
    assert not any(t in (FD, FU) for t, _s, _o in got)


def test_fronted_phrase_of_another_subject_is_not_the_pages(ex):
    text = (f"{BR}\n\n{BR} builds autonomous tugs.\n\nFounded in 2019 by Aino Rask, {VS} now sells radars to "
            "ports.\n")
    assert (FD, "Aino Rask", BR) not in line_rels(ex, text)


def test_lines_under_a_heading_the_page_never_names_again_are_not_the_pages(ex):
    text = (f"{BR}\n\n{BR} builds autonomous tugs in Stockholm.\n\nNova Grid Partners\n"
            "Founded in 2018 by Aino Rask. Investors: Kallio Capital. Based in Helsinki.\n")
    got = line_rels(ex, text)
    assert not any(BR in (s, o) for _t, s, o in got)


def _at(text: str, name: str, org_before: bool = False) -> bool:
    from aikg.ingest.nlp.relation_lines import place_by_line_form

    k = text.index(name)
    return place_by_line_form(text, k, k + len(name), org_before)


def test_line_forms_that_make_a_name_a_place():
    assert _at("Velkra Systems\nRadar for ports. Headquarters: Kokkola; sales office in Oulu.\n", "Kokkola")
    assert _at("Panellists: Aino Rask (Velkra Systems, Kokkola); Liisa Orm\n", "Kokkola", org_before=True)
    table = "Recipient | Location | Grant\nVelkra Systems | Kokkola | EUR 40,000\n"
    assert _at(table, "Kokkola")


def test_line_forms_that_do_not_make_a_name_a_place():
    assert not _at("Velkra Systems\nFounders: Aino Kokkola and Petteri Olin.\n", "Aino Kokkola")
    assert not _at("Related: Kokkola opens a harbour | Oulu\n", "Kokkola")
    assert not _at("Panellists: Aino Rask (chair, Kokkola)\n", "Kokkola", org_before=False)
    assert not _at("Rank | City | Score\n1 | Kokkola | 90\n", "Kokkola")  # no organisation column: a ranking
    assert not _at("Recipient | Location | Grant\nKokkola Labs | Oulu | EUR 40,000\n", "Kokkola Labs")


def test_a_list_item_opens_no_entry_for_the_lines_after_the_list(ex):
    text = ("Harbour Robotics Alliance\n\nThe Harbour Robotics Alliance links port operators and labs.\n\n"
            f"Founding partners:\n- {VS}\n- {BR} (Stockholm)\n\n"
            "Supported by: Saimaa Ventures and Lumo Capital.\n")
    got = relations_in(ex, text)
    assert (FU, "Saimaa Ventures", BR) not in got and (FU, "Lumo Capital", BR) not in got
    assert (FU, "Saimaa Ventures", "Harbour Robotics Alliance") in got
    assert (L, BR, "Stockholm") in got


def test_long_tail_towns_in_line_forms_are_places(ex):
    text = ("Baltic Guide\n\nKey players\n\n"
            f"{VS}\nRadar for ports. Headquarters: Kokkola. Investors: Saimaa Ventures.\n\n"
            f"Panellists: Aino Rask ({BR}, Kajaani); Liisa Orm (Saimaa Ventures)\n\n"
            f"Other\n\n{VS} and {BR} compete.\n")
    got = relations_in(ex, text)
    assert (L, VS, "Kokkola") in got and (L, BR, "Kajaani") in got


def test_members_and_partners_fields_of_an_entry(ex):
    text = ("Baltic Guide\n\nNetworks\n\nNorte Robotics Network\nAn industry network. Members: "
            f"{VS}, {BR}. Partners: Orrin Institute of Technology.\n\nOther\n\nThe Norte Robotics Network grows.\n")
    got = line_rels(ex, text)
    assert {("MEMBER_OF", VS, "Norte Robotics Network"), ("MEMBER_OF", BR, "Norte Robotics Network"),
            ("PARTNERS_WITH", "Norte Robotics Network", "Orrin Institute of Technology")} <= got


def test_a_title_case_section_heading_is_no_entry_and_a_table_cell_no_lone_place(ex):
    text = (f"{BR}\n\n{BR} builds autonomous tugs.\n\nKey Facts\nInvestors (2024): Kallio Capital.\n\n"
            f"{VS}\nSuppliers | City\nKallio Capital | Helsinki\n")
    got = line_rels(ex, text)
    assert (L, VS, "Helsinki") not in got


def test_list_item_and_contact_address_towns_are_places():
    assert _at("First users\n- Polarlys Fiskeridata AS, Kokkola: stock forecasts\n", "Kokkola", org_before=True)
    assert _at("Contact\nSecretariat, Velkra Systems, Kokkola | info@velkra.example\n", "Kokkola", org_before=True)
    # not a list item's second organisation, nor a town followed by prose or a date
    assert not _at("- Polarlys Fiskeridata AS, Velkra, Kokkola: forecasts\n", "Kokkola", org_before=True)
    assert not _at("Velkra Systems, Kokkola | 12 March 2026\n", "Kokkola", org_before=True)
