"""Document context, wave 16 of issue 14: a description after a heading that closes with a name ("15:00 Demo hour:
X", then "The collective's members ..."), a description noun naming the body itself ("the cluster association"), a
partitive opening whose owner is the subject ("Most of the centre's work ..., Its main partner"), and no link after a
take-over ("A acquired B, and the company ..."), a founded company after a person founder, a bracketed alias that is
no rival. The real spaCy pipeline, invented names, positives and near-misses."""

from __future__ import annotations

from tests.helpers import refers, relations_in

# ---------------------------------------------------------------- a heading that closes with the name


def test_collective_after_a_programme_line_naming_it(no_gazetteer_extractor):
    text = ("Programme\n\n14:00 Keynote: Mira Solberg\n\n15:00 Demo hour: Tromvik AI Startup Collective\n"
            "The collective's members include Fjell Data Systems, Nordlys Vision and Skarv Robotics.")
    assert refers(no_gazetteer_extractor, text, "collective's") == "Tromvik AI Startup Collective"
    rels = relations_in(no_gazetteer_extractor, text)
    assert ("MEMBER_OF", "Nordlys Vision", "Tromvik AI Startup Collective") in rels


def test_cluster_association_after_an_announcement_line(no_gazetteer_extractor):
    text = ("Day two\n\n16:00 Announcement: new members of the Lavrio AI Cluster\n"
            "The cluster association welcomes Kefalos Labs and Ermou Drones as members.")
    assert refers(no_gazetteer_extractor, text, "cluster association") == "Lavrio AI Cluster"


def test_cluster_association_after_the_cluster_sentence(no_gazetteer_extractor):
    text = ("The Tavira Robotics Cluster was founded in 2019 by the regional council. Members of the cluster "
            "association include Norvel Systems and Quanto Labs.")
    assert refers(no_gazetteer_extractor, text, "cluster association") == "Tavira Robotics Cluster"


def test_heading_name_of_another_kind_is_not_the_collective(no_gazetteer_extractor):
    # near-miss: the heading closes with an institute; "the collective" holds no noun of its kind
    text = ("15:00 Demo hour: Tromvik Institute of Computing\n"
            "The collective's members include Fjell Data Systems and Skarv Robotics.")
    assert refers(no_gazetteer_extractor, text, "collective's") is None


def test_name_under_the_heading_comes_before_the_headings(no_gazetteer_extractor):
    # near-miss: a collective named in the sentence before is nearer than the heading's
    text = ("15:00 Demo hour: Tromvik AI Startup Collective\n"
            "The Bodvik Founders Collective sent six teams this year. The collective's members include Fjell Data "
            "Systems and Skarv Robotics.")
    assert refers(no_gazetteer_extractor, text, "collective's") == "Bodvik Founders Collective"


def test_association_with_a_name_after_is_no_body_head(no_gazetteer_extractor):
    # near-miss: "the cluster Association X" names another body
    text = ("The Tavira Robotics Cluster was founded in 2019. The cluster Association Norvel met in May.")
    assert refers(no_gazetteer_extractor, text, "cluster Association") is None


# ---------------------------------------------------------------- "Most of the centre's work ...": its owner


def test_its_after_a_partitive_opening_is_the_owner(no_gazetteer_extractor):
    text = ("The Morrin Robotics Centre studies welding. In 2020 the centre opened the Kelso Marine Laboratory in "
            "Talcahuano.\n\nPartners\n\nMost of the centre's work is done with industry. Its main industrial partner "
            "is Aceros Tandil S.A., a steel maker.")
    assert refers(no_gazetteer_extractor, text, "Its main") == "Morrin Robotics Centre"
    rels = relations_in(no_gazetteer_extractor, text)
    assert any(r[0] == "PARTNERS_WITH" and "Morrin Robotics Centre" in r[1:] and "Aceros Tandil" in " ".join(r[1:])
               for r in rels)
    assert not any(r[0] == "PARTNERS_WITH" and "Kelso Marine Laboratory" in r[1:] for r in rels)


def test_its_after_much_of_the_institutes_funding(no_gazetteer_extractor):
    text = ("The Halden Institute of Data Science opened in 2018. Much of the institute's funding comes from the "
            "state. Its largest industrial partner is Brekke Maritime AS.")
    assert refers(no_gazetteer_extractor, text, "Its largest") == "Halden Institute of Data Science"


def test_partitive_without_an_owner_gives_no_subject(no_gazetteer_extractor):
    # near-miss: "Most of the members" owns nothing: "Its" has no subject in the sentence before
    text = ("The Halden Institute of Data Science works with Brekke Maritime AS. Most of the members of Brekke Maritime "
            "AS and Fjord Robotics ASA are shipowners. Its main partner is Ostrea Labs.")
    assert refers(no_gazetteer_extractor, text, "Its main") != "Halden Institute of Data Science"


# ---------------------------------------------------------------- "A acquired B, and the company ...": no link


def test_company_after_an_acquisition_is_left_open(no_gazetteer_extractor):
    text = "Corvex Capital acquired Pelham Robotics in 2020, and the company is now based in Leeds."
    assert refers(no_gazetteer_extractor, text, "company is") is None
    rels = relations_in(no_gazetteer_extractor, text)
    assert ("LOCATED_IN", "Corvex Capital", "Leeds") not in rels


def test_company_after_bought_the(no_gazetteer_extractor):
    text = "Marrow Holdings bought the Tessel Vision company in 2022, and the company is now based in Ghent."
    assert refers(no_gazetteer_extractor, text, "company is now") != "Marrow Holdings"


def test_company_after_a_plain_verb_stays_the_subject(no_gazetteer_extractor):
    # near-miss: "opened an office" is no take-over; the subject stays "the company"
    text = "Corvex Robotics opened an office in Leeds in 2020, and the company is backed by Nordic Ridge Capital."
    assert refers(no_gazetteer_extractor, text, "company is") == "Corvex Robotics"


# ---------------------------------------------------------------- a person founded X: "The company" is X


def test_company_after_a_person_founded_it(no_gazetteer_extractor):
    text = ("Jonah Whitford spoke first. Whitford founded Kenai Edge Systems in 2020 after six years at the Alaska "
            "utility Chugach Grid Services. The company is backed by Denali Frontier Fund.")
    assert refers(no_gazetteer_extractor, text, "company is") == "Kenai Edge Systems"
    assert ("FUNDS", "Denali Frontier Fund", "Kenai Edge Systems") in relations_in(no_gazetteer_extractor, text)


def test_company_after_a_person_moved_between_two_is_open(no_gazetteer_extractor):
    # near-miss: a person left one company for another: "the company" may be either
    text = "Mara Lind left Corvex Robotics for Pelham Analytics in 2021. The company is backed by Nordic Ridge Capital."
    assert refers(no_gazetteer_extractor, text, "company is") is None


# ---------------------------------------------------------------- "X programme (Y) is ...": Y is X's alias, no rival


def test_it_after_a_name_with_a_bracketed_alias(no_gazetteer_extractor):
    text = ("The Itzamna Applied AI Grants programme (Programa Itzamna) is the state's fund for applied research. It "
            "was created in 2023 by the Campeche Innovation Council.")
    assert refers(no_gazetteer_extractor, text, "It was") == "Itzamna Applied AI Grants"


def test_it_after_two_programmes_is_open(no_gazetteer_extractor):
    # near-miss: the second programme is no bracketed alias: the two share the subject
    text = ("The Itzamna Applied AI Grants programme and the Programa Kukulcan (Campeche) share a budget. It was "
            "created in 2023 by the Campeche Innovation Council.")
    assert refers(no_gazetteer_extractor, text, "It was") is None
