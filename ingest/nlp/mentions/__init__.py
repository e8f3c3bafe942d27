"""The mention stages: small named steps that turn a spaCy Doc's entities into typed mentions.

Each stage is a function ``stage(doc, cands, env, ctx) -> cands`` in a module of its own;
:data:`STAGES` lists them in the order :class:`aikg.ingest.nlp.entities.EntityFinder` runs them
(as spaCy's ``nlp.pipe_names`` lists a pipeline's components).
"""

from __future__ import annotations

from aikg.ingest.nlp.mentions.acronym_unit_possessives import unit_possessives
from aikg.ingest.nlp.mentions.acronyms import acronyms
from aikg.ingest.nlp.mentions.anaphors import anaphors
from aikg.ingest.nlp.mentions.anchored_towns import anchored_towns
from aikg.ingest.nlp.mentions.apposed_towns import apposed_towns
from aikg.ingest.nlp.mentions.appositions import appositions
from aikg.ingest.nlp.mentions.base import ORG_TYPES, Candidate, DocContext, Env, Stage
from aikg.ingest.nlp.mentions.between_pairs import between_pairs
from aikg.ingest.nlp.mentions.body_names import board_tails, municipal_bodies, portfolio_names
from aikg.ingest.nlp.mentions.byline_outlets import byline_outlets
from aikg.ingest.nlp.mentions.caps_datelines import caps_datelines
from aikg.ingest.nlp.mentions.compound_given_names import compound_given_names
from aikg.ingest.nlp.mentions.contact_address_fields import contact_fields
from aikg.ingest.nlp.mentions.contact_label_names import contact_names
from aikg.ingest.nlp.mentions.coordinated_bodies import two_bodies
from aikg.ingest.nlp.mentions.coordinated_firm_lists import coordinated_firms
from aikg.ingest.nlp.mentions.cued_names import cued_names, split_place_possessive
from aikg.ingest.nlp.mentions.east_asian_names import east_asian_names
from aikg.ingest.nlp.mentions.english_renderings import translated_names
from aikg.ingest.nlp.mentions.facility_names import facility_names
from aikg.ingest.nlp.mentions.firm_heads import firm_heads
from aikg.ingest.nlp.mentions.harmonise import harmonise_lists, harmonise_names
from aikg.ingest.nlp.mentions.headings import drop_headings
from aikg.ingest.nlp.mentions.initial import initial_spans
from aikg.ingest.nlp.mentions.introduced_names import introduced_names
from aikg.ingest.nlp.mentions.job_titles import drop_title_names, job_titles
from aikg.ingest.nlp.mentions.learned_types import learned_types
from aikg.ingest.nlp.mentions.legal_openers import legal_openers
from aikg.ingest.nlp.mentions.list_sibling_items import list_siblings, list_towns
from aikg.ingest.nlp.mentions.logo_lines import logo_lines
from aikg.ingest.nlp.mentions.merge import merge_adjacent
from aikg.ingest.nlp.mentions.name_edge_words import name_edges
from aikg.ingest.nlp.mentions.name_extents import name_extents
from aikg.ingest.nlp.mentions.name_forms import name_forms
from aikg.ingest.nlp.mentions.name_joins import name_joins
from aikg.ingest.nlp.mentions.name_runs import add_name_runs
from aikg.ingest.nlp.mentions.name_seats import seat_names
from aikg.ingest.nlp.mentions.name_shapes import name_shapes
from aikg.ingest.nlp.mentions.name_slots import name_slots
from aikg.ingest.nlp.mentions.name_splits import split_topic_joins
from aikg.ingest.nlp.mentions.name_tails import name_tails
from aikg.ingest.nlp.mentions.native_names import native_names
from aikg.ingest.nlp.mentions.non_entities import non_entities
from aikg.ingest.nlp.mentions.non_name_shapes import non_name_shapes
from aikg.ingest.nlp.mentions.opening_participles import name_openers
from aikg.ingest.nlp.mentions.org_descriptions import org_descriptions
from aikg.ingest.nlp.mentions.org_head_types import org_head_types
from aikg.ingest.nlp.mentions.org_kinds import org_kinds
from aikg.ingest.nlp.mentions.org_persons import org_persons
from aikg.ingest.nlp.mentions.org_title_names import org_title_names
from aikg.ingest.nlp.mentions.page_forms import join_topic_names, page_furniture
from aikg.ingest.nlp.mentions.people_contact_lines import people_contact_lines
from aikg.ingest.nlp.mentions.people_extents import people_extents
from aikg.ingest.nlp.mentions.people_line_orgs import people_line_orgs
from aikg.ingest.nlp.mentions.people_titles import people_name_lines, people_titles
from aikg.ingest.nlp.mentions.person_ages import person_ages
from aikg.ingest.nlp.mentions.person_firm_forms import person_firm_forms
from aikg.ingest.nlp.mentions.person_names import person_names
from aikg.ingest.nlp.mentions.place_cells import place_cells
from aikg.ingest.nlp.mentions.place_forms import place_forms
from aikg.ingest.nlp.mentions.place_hyphens import place_hyphens
from aikg.ingest.nlp.mentions.place_slots import place_slots
from aikg.ingest.nlp.mentions.places import place_context
from aikg.ingest.nlp.mentions.places_in_passing import passing_places
from aikg.ingest.nlp.mentions.planned_places import planned_places
from aikg.ingest.nlp.mentions.product_names import product_names
from aikg.ingest.nlp.mentions.programme_forms import programme_forms
from aikg.ingest.nlp.mentions.regions import drop_regions
from aikg.ingest.nlp.mentions.round_funds import round_funds
from aikg.ingest.nlp.mentions.scheme_forms import scheme_forms
from aikg.ingest.nlp.mentions.section_names import section_names
from aikg.ingest.nlp.mentions.self_reference import self_reference
from aikg.ingest.nlp.mentions.shared_surnames import shared_surnames
from aikg.ingest.nlp.mentions.short_forms import short_forms
from aikg.ingest.nlp.mentions.site_places import site_places
from aikg.ingest.nlp.mentions.spurious_names import spurious_names
from aikg.ingest.nlp.mentions.tidy import drop_fragments, split_coordination, trim_names
from aikg.ingest.nlp.mentions.topic_and_joins import topic_joins
from aikg.ingest.nlp.mentions.town_at_slots import town_at_slots
from aikg.ingest.nlp.mentions.town_firms import town_firms
from aikg.ingest.nlp.mentions.town_noun_slots import town_noun_slots
from aikg.ingest.nlp.mentions.town_possessives import town_possessives
from aikg.ingest.nlp.mentions.town_sites import town_sites
from aikg.ingest.nlp.mentions.type_forms import type_forms
from aikg.ingest.nlp.mentions.type_votes import type_votes
from aikg.ingest.nlp.mentions.unit_parents import unit_parents
from aikg.ingest.nlp.mentions.work_places import work_places
from aikg.ingest.nlp.mentions.world_names import world_names
from aikg.ingest.nlp.mentions.world_places import world_place_types, world_places_missed

#: (name, stage) in the order they run
STAGES: tuple[tuple[str, Stage], ...] = (
    ("initial_spans", initial_spans),
    ("merge_adjacent", merge_adjacent),
    ("name_runs", add_name_runs),
    ("org_title_names", org_title_names),  # "AUT Vice-Chancellor Prof. Justus Atwine": two names (issue 14, people)
    ("world_names", world_names),
    ("legal_openers", legal_openers),  # "PT Rungkut Kemasan Utama" is one firm (issue 14, entities B)
    ("coordinated_bodies", two_bodies),  # "Université de X et l'Institut Y" is two names (issue 14, entities)
    ("name_seats", seat_names),  # "X Institute of Halifax", "X Facility of the Y Bank": two names (issue 14, extents)
    ("split_coordination", split_coordination),
    ("split_topic_joins", split_topic_joins),
    ("between_pairs", between_pairs),  # "a collaboration between A and B" is two names (issue 14, sentence relations)
    ("join_topic_names", join_topic_names),
    ("topic_and_joins", topic_joins),  # "Department of ICT and Digital Economy" is one name (issue 14, extents)
    ("name_extents", name_extents),
    ("trim_names", trim_names),
    ("name_edge_words", name_edges),  # "Tarn University on Monday", "Five Islands Robotics" (issue 14, extents)
    ("opening_participles", name_openers),  # "Joining Lumora Labs as ..." is Lumora Labs (issue 14, entities)
    ("board_tails", board_tails),
    ("portfolio_names", portfolio_names),
    ("job_titles", job_titles),
    ("page_furniture", page_furniture),
    ("drop_fragments", drop_fragments),
    ("cued_names", cued_names),
    ("split_place_possessive", split_place_possessive),
    ("name_forms", name_forms),
    ("name_joins", name_joins),
    ("acronym_unit_possessives", unit_possessives),  # "KTU's Faculty of Forestry" is two bodies (issue 14, entities)
    ("world_places", world_place_types),
    ("site_places", site_places),
    ("person_names", person_names),
    ("east_asian_names", east_asian_names),  # "Prof. Hsieh Yi-ju, Graduate Institute of ..." is a person (issue 14, people)
    ("compound_given_names", compound_given_names),  # "Pieter-Jan Goossens" is a person (issue 14, people)
    ("people_contact_lines", people_contact_lines),  # "Office of Communications, IMIA - Céline Dubois" (issue 14, people)
    ("person_ages", person_ages),  # "Andrés, 35, runs ...": no age in a name; a name with an age is a person (issue 14, people)
    ("shared_surnames", shared_surnames),  # "the brothers Luis and Andrés Mozombite Rengifo" (issue 14, people)
    ("org_persons", org_persons),
    ("name_shapes", name_shapes),
    ("people_extents", people_extents),
    ("people_titles", people_titles),
    ("people_line_orgs", people_line_orgs),
    ("introduced_names", introduced_names),
    ("logo_lines", logo_lines),
    ("acronyms", acronyms),
    ("short_forms", short_forms),
    ("headings", drop_headings),
    ("section_names", section_names),  # "Founding members" / "Anping Institute of Marine Technology" (issue 14, page structure)
    ("contact_label_names", contact_names),  # "Media contact" / "Meera Joshi" (issue 14, missed names)
    ("byline_outlets", byline_outlets),  # "By A, Valle de Sula Económico | date": the outlet (issue 14, page furniture)
    ("caps_datelines", caps_datelines),  # no person or firm in "ST. JOHN'S, NL —" (issue 14)
    ("people_name_lines", people_name_lines),
    ("programme_forms", programme_forms),
    ("scheme_forms", scheme_forms),  # "Related schemes: A · B", "X — run by Y" (issue 14, typing B)
    ("person_firm_forms", person_firm_forms),  # "physiotherapist Faith Chebet", "Te Awa Genetics" (issue 14, typing B)
    ("type_forms", type_forms),
    ("municipal_bodies", municipal_bodies),
    ("town_firms", town_firms),  # "Sherbrooke Hydro" read as a person (issue 14, entities)
    ("name_tails", name_tails),  # "Réseau québécois des centres d'IA appliquée" (issue 14, entities)
    ("org_kinds", org_kinds),
    ("firm_heads", firm_heads),  # co-operatives and angel networks are firms (issue 14, entities B)
    ("round_funds", round_funds),  # a fund that leads or joins a round is an investor (issue 14, entities B)
    ("list_sibling_items", list_siblings),  # "- Kiama Grid" among member firms is one too (issue 14, missed names)
    ("english_renderings", translated_names),  # "X (ACR), or <English name>," is one body (issue 14, entities)
    ("org_head_types", org_head_types),  # "Universitatea ...", "Badan ...", "... Kurumu": head words (issue 14, typing A)
    ("org_descriptions", org_descriptions),  # "the state research foundation X" (issue 14, typing A)
    ("harmonise_names", harmonise_names),
    ("type_votes", type_votes),  # short forms and acronyms take their full name's type (issue 14, typing A)
    ("unit_parents", unit_parents),  # "Ko Min-seok, Department of X, Y University": the parent's kind (issue 14, org typing)
    ("apposed_towns", apposed_towns),  # "X, a Hamilton start-up", "head office in Te Awamutu" (issue 14, typing B)
    ("world_places_missed", world_places_missed),
    ("place_forms", place_forms),
    ("place_slots", place_slots),
    ("town_noun_slots", town_noun_slots),  # "X, a Stornoway start-up" (issue 14, LOCATED_IN)
    ("town_possessives", town_possessives),  # "Halifax's Fundy Blue Ventures" (issue 14, entities)
    ("town_at_slots", town_at_slots),  # "runs a field station at Sotkamo" (issue 14, LOCATED_IN)
    ("place_cells", place_cells),  # "Org (Town)", "- Org, Town" lines (issue 14, LOCATED_IN)
    ("place_hyphens", place_hyphens),  # "Florenceville-Bristol" read whole (issue 14, LOCATED_IN)
    ("work_places", work_places),  # "X builds drones in Oulu" (issue 14, LOCATED_IN)
    ("facility_names", facility_names),
    ("town_sites", town_sites),  # "X's Tampere campus", "X, Tampere's largest university" (issue 14, LOCATED_IN)
    ("anchored_towns", anchored_towns),  # "Tampere's anchor institutions are A and B" (issue 14, ANCHORS)
    ("list_item_towns", list_towns),  # "Frantoio Rizzi — Andria — 2024" (issue 14, missed names)
    ("coordinated_firm_lists", coordinated_firms),  # "vendors such as Clearwatt Systems and Ohmline" (issue 14, missed names)
    ("place_context", place_context),
    ("non_entities", non_entities),
    ("product_names", product_names),  # a name introduced as a product names nothing (issue 14, entities)
    ("non_name_shapes", non_name_shapes),  # amounts, dates, field values, region lists (issue 14)
    ("planned_places", planned_places),
    ("places_in_passing", passing_places),  # "than in London", "engineers from A and B" (issue 14, entities A)
    ("contact_address_fields", contact_fields),  # "Segreteria BMAN, ..., Largo Belotti, Bergamo" (issue 14, entities A)
    ("spurious_names", spurious_names),  # title-line topics, split legal forms, photo credits (issue 14, entities)
    ("native_names", native_names),  # "X (Swahili: Y)", "X (CIAIA; English: Y)", a header's native line: one body (issue 14)
    ("name_slots", name_slots),  # "on the Irtysh", "the X 5.0 Days", "Y, Group Leader, Z" (issue 14, Company precision)
    ("harmonise_lists", harmonise_lists),
    ("appositions", appositions),
    ("regions", drop_regions),
    ("title_names", drop_title_names),
    ("self_reference", self_reference),
    ("learned_types", learned_types),  # a model types each entity from general evidence (docs/learned_types.md)
    ("anaphors", anaphors),
)

__all__ = ["ORG_TYPES", "STAGES", "Candidate", "DocContext", "Env", "Stage"]
