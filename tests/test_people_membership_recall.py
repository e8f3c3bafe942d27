"""AFFILIATED_WITH and MEMBER_OF in more published forms, through the real spaCy pipeline (issue 14).

Each rule has positives in invented sentences of different genres and word orders, and the near-misses that must
give nothing: past posts, a founder-only title, an appointment to something that is no post, a body of another
organisation, a second "of" that belongs to another noun.

Rules: relation_people_roles.py (leading verbs, seats on bodies, an organisation's title in an apposition,
appointments, a second post after ", and", a unit or board led by a person), relation_people.py (a job title the NER
read as a firm, an address after a contact line's organisation), relation_people_forms.py ("X's title, P, is also a
professor at Y"), relation_bodies.py ("Its other members are", titles and legal forms inside a roster sentence),
relation_membership_forms.py ("a member of A and, since 2024, of B"), relation_membership.py ("Members of X: A, B"),
context.py ("Among the associate members are", "Among the newest signatories is").
"""

from __future__ import annotations

import pytest

from aikg.ingest.nlp.extractor import shared_extractor
from tests.helpers import relations_in

A, FD, M = "AFFILIATED_WITH", "FOUNDED", "MEMBER_OF"


@pytest.fixture(scope="module")
def ex():
    return shared_extractor()


def rels(ex, text: str, kind: str = A) -> set[tuple[str, str, str]]:
    return {r for r in relations_in(ex, text) if r[0] == kind}


# ---------------------------------------------------------------- verbs of leading and seats on a body
@pytest.mark.parametrize("text, person, org", [
    ("Mireille Dufort, who runs Quillon Systems, said the company would hire.", "Mireille Dufort", "Quillon Systems"),
    ("Tomasz Wrona, who now manages Vistula Robotics, opened the plant.", "Tomasz Wrona", "Vistula Robotics"),
    ("Ines Halvorsen runs Fjordline Analytics from a small office in Bodø.", "Ines Halvorsen", "Fjordline Analytics"),
    ("Kwame Asante, who has directed the Volta Centre for Data Science since 2019, spoke first.", "Kwame Asante",
     "Volta Centre for Data Science"),
    ("Its director is Dr. Shamsul Arefin, who also sits on the senate of Padma Technical University.",
     "Shamsul Arefin", "Padma Technical University"),
    ("Lena Brandt serves on the supervisory board of the Elbe Sensor Institute.", "Lena Brandt",
     "Elbe Sensor Institute"),
])
def test_leading_verbs_and_seats_tie_the_person(ex, text, person, org):
    assert (A, person, org) in rels(ex, text)


@pytest.mark.parametrize("text, person, org", [
    ("Mireille Dufort, who ran Quillon Systems until 2020, said it would hire.", "Mireille Dufort", "Quillon Systems"),
    ("Tomasz Wrona, who led Vistula Robotics for a decade, retired in May.", "Tomasz Wrona", "Vistula Robotics"),
    ("Ines Halvorsen manages the Fjordline Analytics account at the bank.", "Ines Halvorsen", "Fjordline Analytics"),
    ("Lena Brandt, formerly of Elbe Sensorik, now sits on no board at all.", "Lena Brandt", "Elbe Sensorik"),
])
def test_past_posts_and_accounts_are_no_tie(ex, text, person, org):
    assert (A, person, org) not in rels(ex, text)


# ---------------------------------------------------------------- the organisation inside an apposition's title
def test_org_title_apposition(ex):
    got = relations_in(ex, "Mireille Dufort, Quillon Systems co-founder and CEO, said the company would hire 40 engineers.")
    assert (A, "Mireille Dufort", "Quillon Systems") in got and (FD, "Mireille Dufort", "Quillon Systems") in got
    assert (A, "Ana Ruiz", "Kestrel Robotics") in rels(ex, "Ana Ruiz, a Kestrel Robotics engineer, said the arm was ready.")


def test_org_title_apposition_past_or_founder_only(ex):
    assert (A, "Ana Ruiz", "Kestrel Robotics") not in rels(
        ex, "Ana Ruiz, a former Kestrel Robotics engineer, said the arm was ready.")
    got = relations_in(ex, "Ana Ruiz, a Kestrel Robotics co-founder, said the arm was ready.")
    assert (FD, "Ana Ruiz", "Kestrel Robotics") in got and (A, "Ana Ruiz", "Kestrel Robotics") not in got


# ---------------------------------------------------------------- appointments
@pytest.mark.parametrize("text, person, org", [
    ("Quillon Systems today named Mireille Dufort as its new chief technology officer.", "Mireille Dufort",
     "Quillon Systems"),
    ("Kordon Robotics has named Selim Kaya chief executive.", "Selim Kaya", "Kordon Robotics"),
    ("Tomasz Wrona was appointed Vistula Robotics' head of research in May.", "Tomasz Wrona", "Vistula Robotics"),
])
def test_appointments_tie_the_person(ex, text, person, org):
    assert (A, person, org) in rels(ex, text)


@pytest.mark.parametrize("text, person, org", [
    ("Quillon Systems named Mireille Dufort one of its ten best suppliers.", "Mireille Dufort", "Quillon Systems"),
    ("Kordon Robotics named Selim Kaya winner of its design prize.", "Selim Kaya", "Kordon Robotics"),
])
def test_naming_without_a_post_is_no_tie(ex, text, person, org):
    assert (A, person, org) not in rels(ex, text)


# ---------------------------------------------------------------- two posts on one line
def test_second_post_after_and_on_a_speaker_line(ex):
    got = rels(ex, "Prof. Rashid Kerimov, Director, Centre for Soil Informatics, Shirvan Technical University, and "
                   "Visiting Professor, Caspian Joint School of Engineering")
    assert (A, "Rashid Kerimov", "Caspian Joint School of Engineering") in got
    assert (A, "Rashid Kerimov", "Centre for Soil Informatics") in got


# ---------------------------------------------------------------- a job title the NER read as a firm; contact lines
def test_title_read_as_a_firm_is_skipped_to_the_organisation(ex):
    got = rels(ex, "Steering committee\n- Capt. Hamid Rostami, Terminal Manager, Bandar Port Authority\n"
                   "- Leyla Aliyeva, Partner, Shirvan Ventures, a Baku-based seed fund\n")
    assert (A, "Hamid Rostami", "Bandar Port Authority") in got
    assert (A, "Leyla Aliyeva", "Shirvan Ventures") in got
    assert not any(org in ("Terminal Manager", "Partner") for _, _, org in got)


def test_contact_line_with_an_address(ex):
    got = rels(ex, "Media contact: Ani Sargsyan, Lori Optical Systems, 14 Tumanyan Street, Vanadzor\n")
    assert (A, "Ani Sargsyan", "Lori Optical Systems") in got


def test_copula_after_a_title_and_name(ex):
    got = rels(ex, "Kallio's chief executive, Aino Virtanen, is also an adjunct professor of geodesy at the "
                   "Lapland University of Applied Sciences.")
    assert (A, "Aino Virtanen", "Lapland University of Applied Sciences") in got


# ---------------------------------------------------------------- units and boards led by a person
def test_unit_and_board_led_by_a_person(ex):
    got = rels(ex, "The Mekong Delta Institute for Water opened in 2020. It is operated by a board of trustees "
                   "chaired by Dr. Nguyen Thi Lan.")
    assert (A, "Nguyen Thi Lan", "Mekong Delta Institute for Water") in got


def test_board_of_another_organisation_is_not_the_subjects(ex):
    got = rels(ex, "The Mekong Delta Institute for Water works with a board of Saigon Data Works chaired by "
                   "Dr. Nguyen Thi Lan.")
    assert (A, "Nguyen Thi Lan", "Mekong Delta Institute for Water") not in got


def test_other_members_of_the_board_named_before(ex):
    got = rels(ex, "The Arno Centre for Food AI opened in May. The centre's advisory board is chaired by Professor "
                   "Giulia Ferri of the University of Siena. Its other members are Dr. Paolo Conti (Istituto Agrario "
                   "Toscano) and Professor Anna Valli (Politecnico di Lucca).")
    assert (A, "Paolo Conti", "Arno Centre for Food AI") in got and (A, "Anna Valli", "Arno Centre for Food AI") in got
    assert (A, "Paolo Conti", "Istituto Agrario Toscano") in got


def test_roster_sentence_reads_past_titles_and_legal_forms(ex):
    got = rels(ex, "The Ural Robotics Consortium is run by a steering committee. The current steering committee: "
                   "Ivan Petrov (chair, Perm Robotics Institute), Oleg Sidorov (Kama Mechatronics Co.), Dr. Anna "
                   "Volkova (Izhevsk Institute of Applied Robotics) and Pavel Orlov (Ufa Innovation Agency).")
    assert (A, "Anna Volkova", "Ural Robotics Consortium") in got and (A, "Pavel Orlov", "Ural Robotics Consortium") in got


# ---------------------------------------------------------------- MEMBER_OF
@pytest.mark.parametrize("text, member, group", [
    ("The Orrin Institute is a member of the Baltic Robotics Network and, since 2024, of the Nordic Edge Alliance.",
     "Orrin Institute", "Nordic Edge Alliance"),
    ("Kestrel Robotics is a member of the Harbour Data Consortium, an industry group, and of the Solent Maritime AI "
     "Alliance.", "Kestrel Robotics", "Solent Maritime AI Alliance"),
])
def test_second_of_after_a_member_noun(ex, text, member, group):
    assert (M, member, group) in rels(ex, text, M)


def test_second_of_of_another_noun_is_no_membership(ex):
    got = rels(ex, "Kestrel Robotics is a member of the Harbour Data Consortium and a customer of Orrin Cloud.", M)
    assert (M, "Kestrel Robotics", "Orrin Cloud") not in got


def test_among_the_associate_members_on_a_consortium_page(ex):
    text = ("Vembanad Applied AI Consortium\nThe Vembanad Applied AI Consortium is an association of firms in Kochi.\n"
            "Associate members\nAmong the associate members are the Kerala Fisheries Cooperative Federation and the "
            "district tourism office of Alappuzha.\n")
    assert (M, "Kerala Fisheries Cooperative Federation", "Vembanad Applied AI Consortium") in rels(ex, text, M)


def test_among_the_newest_signatories(ex):
    text = ("Saryarka Industrial AI Consortium\nThe Saryarka Industrial AI Consortium brings together mines and "
            "software firms in Karaganda.\nAmong the newest signatories is also the Kokshetau-based Steppe Compute "
            "Cooperative, which provides members with GPU time.\n")
    assert (M, "Steppe Compute Cooperative", "Saryarka Industrial AI Consortium") in rels(ex, text, M)


def test_among_former_members_is_nothing(ex):
    text = ("Saryarka Industrial AI Consortium\nThe Saryarka Industrial AI Consortium brings together mines and "
            "software firms in Karaganda.\nAmong the former members is the Kokshetau-based Steppe Compute "
            "Cooperative.\n")
    assert (M, "Steppe Compute Cooperative", "Saryarka Industrial AI Consortium") not in rels(ex, text, M)


# ---------------------------------------------------------------- "as did" after joining; title labels inside a line
def test_joined_at_the_launch_as_did(ex):
    text = ("Solent Maritime AI Network\nThe Solent Maritime AI Network brings together 30 firms in Southampton. The "
            "model developers Kestrel Robotics and Tallow Analytics joined at the launch, as did the Orrin Institute.\n")
    got = rels(ex, text, M)
    assert (M, "Orrin Institute", "Solent Maritime AI Network") in got
    assert (M, "Kestrel Robotics", "Solent Maritime AI Network") in got


def test_as_did_after_another_verb_is_no_membership(ex):
    text = ("Solent Maritime AI Network\nThe Solent Maritime AI Network brings together 30 firms in Southampton. "
            "Kestrel Robotics left at the launch, as did the Orrin Institute.\n")
    assert (M, "Orrin Institute", "Solent Maritime AI Network") not in rels(ex, text, M)


def test_title_label_after_a_sentence_in_the_same_line(ex):
    got = rels(ex, "Published by the Tarn Investment Office (TIO). Research and directory compiled by Garonne "
                   "Analytics. Editor: Clara Mestre, Garonne Analytics.\n")
    assert (A, "Clara Mestre", "Garonne Analytics") in got


def test_title_label_in_a_directory_item_ties_the_items_organisation(ex):
    text = ("Funds\n- Orb Weaver Ventures. A Toulouse fund for seed rounds. Its portfolio includes Pastel Vision and "
            "Occitan Speech. Managing partner: Sophie Laurent.\n")
    assert (A, "Sophie Laurent", "Orb Weaver Ventures") in rels(ex, text)


def test_past_title_label_in_a_directory_item_ties_nobody(ex):
    text = ("Funds\n- Orb Weaver Ventures. A Toulouse fund for seed rounds. Its portfolio includes Pastel Vision. "
            "Former partner: Sophie Laurent.\n")
    assert (A, "Sophie Laurent", "Orb Weaver Ventures") not in rels(ex, text)


def test_mention_index_slices_by_offsets():
    from aikg.ingest.nlp.mention_index import MentionIndex
    from aikg.ingest.nlp.records import MentionFact

    def m(text: str, start: int, type_: str, source: str = "ner") -> MentionFact:
        return MentionFact(text=text, start=start, end=start + len(text), type=type_, source=source, canonical=text)

    ms = [m("Ana Ruiz", 0, "Person"), m("Kestrel Robotics", 10, "Company"), m("the company", 40, "Company", "anaphor"),
          m("Orrin Programme", 60, "Programme")]
    ix = MentionIndex(ms, ("Institute", "Company", "Agency"))
    assert [r[2] for r in ix.people_in(0, 30)] == [0]
    assert [r[2] for r in ix.orgs_in(0, 100)] == [1]
    assert [r[2] for r in ix.refs_in(0, 100)] == [1, 2]
    assert ix.exact(10, 26, ("Company",)) == 1 and ix.named("kestrel robotics", 50) == 1
    assert ix.named("Orrin Programme", 0) is None  # not an organisation type of this index


# ---------------------------------------------------------------- a members section written as a plain list line
PAGE = "Danube Edge AI Alliance\nThe Danube Edge AI Alliance connects firms and universities along the river.\n\n"


def test_members_heading_over_a_comma_list_line(ex):
    got = rels(ex, PAGE + "Members (4)\nKestrel Robotics, Orrin Institute, Pellan AI and Varda Systems.\n", M)
    assert {(M, x, "Danube Edge AI Alliance") for x in ("Kestrel Robotics", "Orrin Institute", "Pellan AI",
                                                        "Varda Systems")} <= got


def test_members_heading_over_category_label_lines(ex):
    got = rels(ex, PAGE + "Members\nUniversities: Novi Sad Technical University, Ruse Polytechnic University\n"
                          "Companies: Kestrel Robotics, Pellan AI\n", M)
    assert (M, "Ruse Polytechnic University", "Danube Edge AI Alliance") in got
    assert (M, "Pellan AI", "Danube Edge AI Alliance") in got


def test_former_members_heading_over_a_list_line_gives_nothing(ex):
    got = rels(ex, PAGE + "Former members\nKestrel Robotics, Orrin Institute and Pellan AI.\n", M)
    assert not any(g == "Danube Edge AI Alliance" for _, _, g in got)


def test_prose_under_a_members_heading_is_no_list(ex):
    got = rels(ex, PAGE + "Members\nKestrel Robotics sells drones to Orrin Institute and buys chips from Pellan AI.\n", M)
    assert (M, "Pellan AI", "Danube Edge AI Alliance") not in got


# ---------------------------------------------------------------- a contact line whose e-mail spells the organisation
RELEASE = "TOULOUSE, 3 March 2026 -- Tarn Analytics today opened a lab with Garonne Robotics.\n\n"


def test_contact_line_email_domain_spells_the_organisation(ex):
    got = rels(ex, RELEASE + "About Tarn Analytics\nTarn Analytics builds forecasts for grocers.\n\n"
                             "Media contact: Claire Vidal, claire.vidal@tarn.example\n")
    assert (A, "Claire Vidal", "Tarn Analytics") in got
    got = rels(ex, RELEASE + "Press contact: Hugo Marty, +33 5 61 00 00 00, press@garonnerobotics.example\n")
    assert (A, "Hugo Marty", "Garonne Robotics") in got


def test_contact_line_with_a_mail_provider_domain_ties_nobody(ex):
    got = rels(ex, RELEASE + "Media contact: Claire Vidal, claire.vidal@gmail.example\n")
    assert not any(p == "Claire Vidal" for _, p, _ in got)


# ---------------------------------------------------------------- "its" of the member's own clause is no third group
@pytest.mark.parametrize("text, wrong", [
    ("The Solent Maritime AI Alliance was founded in 2021 by five ports. Tallow Analytics and Kestrel Robotics are "
     "among its members.", ("Kestrel Robotics", "Tallow Analytics")),
    ("The Solent Maritime AI Alliance welcomed Tallow Analytics as its newest member.",
     ("Solent Maritime AI Alliance", "Tallow Analytics")),
    ("Kestrel Robotics and the Orrin Institute founded the Danube Edge AI Alliance in 2021 and remain its members.",
     ("Orrin Institute", "Kestrel Robotics")),
])
def test_possessive_of_the_members_clause_makes_no_member_of_a_member(ex, text, wrong):
    assert (M, *wrong) not in rels(ex, text, M)


def test_possessive_after_joining_keeps_the_membership(ex):
    got = rels(ex, "Kestrel Robotics joined the Danube Edge AI Alliance in 2022 and became its tenth member.", M)
    assert (M, "Kestrel Robotics", "Danube Edge AI Alliance") in got
    got = rels(ex, "The Solent Maritime AI Alliance welcomed Tallow Analytics as its newest member.", M)
    assert (M, "Tallow Analytics", "Solent Maritime AI Alliance") in got


# ---------------------------------------------------------------- a title "responsible for" / "for" an organisation
def test_title_for_an_organisation(ex):
    got = rels(ex, '"This programme is about using data," said Colleen Doyle, the minister responsible for the '
                   'Department of Ocean Development, when it opened.')
    assert (A, "Colleen Doyle", "Department of Ocean Development") in got


@pytest.mark.parametrize("text", [
    "Marta Kowal, a fundraiser for the Vistula Institute of Robotics, opened the event.",
    "Marta Kowal, who raised money for the Vistula Institute of Robotics, opened the event.",
])
def test_work_for_an_organisation_without_a_post_is_no_tie(ex, text):
    assert (A, "Marta Kowal", "Vistula Institute of Robotics") not in rels(ex, text)


# ---------------------------------------------------------------- leadership lists; bar-separated name lines
def test_leadership_lists(ex):
    got = rels(ex, "Kordon Robotics' leadership: Selim Kaya (CEO), Aylin Demir (CTO) and Murat Oz (CFO).")
    assert {(A, p, "Kordon Robotics") for p in ("Selim Kaya", "Aylin Demir")} <= got
    got = rels(ex, "Brennvik Robotics makes subsea drones in Bergen. Its leadership team includes Ingrid Solvang, "
                   "Tobias Reinholt and Maja Fjeld.")
    assert {(A, p, "Brennvik Robotics") for p in ("Ingrid Solvang", "Tobias Reinholt", "Maja Fjeld")} <= got


def test_under_the_leadership_of_names_no_member(ex):
    got = rels(ex, "Under the leadership of Ingrid Solvang, the Bergen Ocean Institute grew to 40 staff.")
    assert (A, "Ingrid Solvang", "Bergen Ocean Institute") not in got


def test_bar_separated_speaker_line(ex):
    assert (A, "Selim Kaya", "Kordon Robotics") in rels(ex, "Selim Kaya | Kordon Robotics | Bursa\n")
    assert (A, "Ana Lim", "Tarn Analytics") in rels(ex, "Speakers\nAna Lim | Tarn Analytics | 3 May 2026\n")


def test_bar_separated_line_of_another_table_ties_nobody(ex):
    assert (A, "Selim Kaya", "Kordon Robotics") not in rels(ex, "Selim Kaya | Kordon Robotics | customer since 2021\n")


# ---------------------------------------------------------------- "consists of", founding members and "a member since"
def test_collective_consists_of(ex):
    got = rels(ex, "The Danube Edge AI Alliance consists of Kestrel Robotics, the Orrin Institute and Pellan AI.", M)
    assert (M, "Orrin Institute", "Danube Edge AI Alliance") in got


def test_group_of_firms_consists_of_no_members(ex):
    got = rels(ex, "The Kestrel Group consists of Kestrel Robotics and Kestrel Drones.", M)
    assert not got


NOVI = "Danube Edge AI Alliance\nThe Danube Edge AI Alliance connects firms and universities in Novi Sad. "


def test_founding_members_of_the_page(ex):
    got = rels(ex, NOVI + "Kestrel Robotics and the Orrin Institute are founding members.\n", M)
    assert {(M, "Kestrel Robotics", "Danube Edge AI Alliance"), (M, "Orrin Institute", "Danube Edge AI Alliance")} <= got
    got = rels(ex, NOVI + "Kestrel Robotics and the Orrin Institute are founding members of the Tisza Data Network.\n", M)
    assert (M, "Kestrel Robotics", "Danube Edge AI Alliance") not in got
    assert (M, "Kestrel Robotics", "Tisza Data Network") in got


def test_member_since_is_the_pages(ex):
    got = rels(ex, NOVI + "Kestrel Robotics, a member since 2022, hosts the secretariat.\n", M)
    assert (M, "Kestrel Robotics", "Danube Edge AI Alliance") in got
    got = rels(ex, NOVI + "Kestrel Robotics, a member of the Tisza Data Network, hosts the secretariat.\n", M)
    assert (M, "Kestrel Robotics", "Danube Edge AI Alliance") not in got


# ---------------------------------------------------------------- a members table on a group's page
DANUBE = "Danube Edge AI Alliance\nThe Danube Edge AI Alliance connects firms and universities along the Danube.\n\n"


def test_members_table(ex):
    got = rels(ex, DANUBE + "Member | Country | Joined\nKestrel Robotics | Serbia | 2022\nOrrin Institute | Bulgaria | 2023\n", M)
    assert {(M, "Kestrel Robotics", "Danube Edge AI Alliance"), (M, "Orrin Institute", "Danube Edge AI Alliance")} <= got


def test_customers_table_is_no_members_table(ex):
    got = rels(ex, DANUBE + "Customer | Country | Since\nKestrel Robotics | Serbia | 2022\n", M)
    assert (M, "Kestrel Robotics", "Danube Edge AI Alliance") not in got


# ---------------------------------------------------------------- signing a group's charter
SARYARKA = ("Saryarka Industrial AI Consortium\nThe Saryarka Industrial AI Consortium brings together mines and software "
            "firms in Karaganda. ")


def test_signed_charter(ex):
    got = rels(ex, SARYARKA + "The Karkaraly start-up Kestrel Geodata signed the membership charter in March.\n", M)
    assert (M, "Kestrel Geodata", "Saryarka Industrial AI Consortium") in got
    assert (M, "Kestrel Robotics", "Orrin Alliance") in rels(ex, "Kestrel Robotics signed the Orrin Alliance's charter "
                                                                  "in March.", M)


def test_signed_supply_agreement_is_no_membership(ex):
    got = rels(ex, SARYARKA + "Kestrel Robotics signed a supply agreement with Orrin Steel in March.\n", M)
    assert not any(m == "Kestrel Robotics" for _, m, _ in got)
