"""Trigger words and typing cues, read from ``data/lexicon/*.json``.

``types.json`` types unknown names, ``relations.json`` holds the relation triggers and
``mentions.json`` the word lists of the mention stages; its ``possessive_markers`` and
``site_nouns`` are the one definition the relation rules use too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Iterable, Mapping

from aikg.core.errors import InputError
from aikg.core.paths import shipped
from aikg.core.schema import SCHEMA

ROLES = ("src", "tgt", "sym", "none")


def word_sets(relations: Mapping[str, Any], key: str) -> dict[str, frozenset[str]]:
    """Every word list of one section of ``relations.json`` (``grant_forms``, ``membership_forms``), lower-cased:
    the one way the relation modules read a section of lists."""
    spec = relations.get(key, {})
    return {k: frozenset(w.lower() for w in v) for k, v in spec.items() if isinstance(v, list)}


@lru_cache(maxsize=None)
def lexicon_data(filename: str) -> Mapping[str, Any]:
    """The entries of ``data/lexicon/<filename>``, read once per process: the one reader of a rule module's word
    lists (callers read it, never change it)."""
    return _read(shipped("lexicon", filename))


def lexicon_sets(filename: str, keys: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The lists ``keys`` of ``data/lexicon/<filename>`` as lower-cased sets, in the order of ``keys``: the fields of a
    module's frozen word-set dataclass (``Words(*lexicon_sets("x.json", ("a", "b")))``)."""
    data = lexicon_data(filename)
    missing = [k for k in keys if k not in data]
    if missing:
        raise InputError(f"lexicon has no list {', '.join(missing)}", source=filename)
    return tuple(frozenset(w.lower() for w in data[k]) for k in keys)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so "co-founded" is tried before "founded")."""
    return _alternation(tuple(words))


@lru_cache(maxsize=1024)
def _alternation(words: tuple[str, ...]) -> str:
    """Speed: rules build their patterns per sentence, so each word list is escaped once per process, not per call."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _read(path: Path | Traversable) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise InputError(f"cannot read lexicon: {e}", source=str(path)) from e


@dataclass(frozen=True)
class Frame:
    """One reading of a trigger: candidate relation types and who plays which role."""

    rel: tuple[str, ...]
    subj: str = "src"
    obj: str = "tgt"
    holder: str = "src"
    poss: str = "none"
    compound: str = "none"
    preps: tuple[tuple[str, str], ...] = ()
    obj_lemma: tuple[str, ...] = ()
    prt: str = ""
    conf: float | None = None
    needs_prep: bool = False
    not_preps: tuple[str, ...] = ()  # "opened its centre to visitors": a "to" on the verb makes it no founding

    def prep_role(self, prep: str) -> str | None:
        for p, role in self.preps:
            if p == prep:
                return role
        return None


def _frame(spec: dict[str, Any], where: str) -> Frame:
    rels = tuple(spec["rel"])
    for r in rels:
        if r not in SCHEMA.relation_types:
            raise InputError(f"unknown relation type {r!r}", source=where)
    for key in ("subj", "obj", "holder", "poss", "compound"):
        if spec.get(key, "none") not in ROLES:
            raise InputError(f"bad role {spec[key]!r} for {key}", source=where)
    return Frame(
        rel=rels,
        subj=spec.get("subj", "src"),
        obj=spec.get("obj", "tgt"),
        holder=spec.get("holder", "src"),
        poss=spec.get("poss", "none"),
        compound=spec.get("compound", "none"),
        preps=tuple(sorted(spec.get("preps", {}).items())),
        obj_lemma=tuple(spec.get("obj_lemma", ())),
        prt=spec.get("prt", ""),
        conf=spec.get("conf"),
        needs_prep=bool(spec.get("needs_prep", False)),
        not_preps=tuple(spec.get("not_preps", ())),
    )


@dataclass(frozen=True)
class MentionWords:
    """Word lists of the mention stages (``mentions.json``), lower-cased."""

    possessive: frozenset[str]
    site_nouns: frozenset[str]
    articles: frozenset[str]
    name_connectors: frozenset[str]
    dashes: frozenset[str]
    quotes: frozenset[str]
    description_types: dict[str, str]  # head noun of a description -> entity type
    product_nouns: frozenset[str]
    product_unit_modifiers: frozenset[str]
    scene_nouns: frozenset[str]
    participle_stops: frozenset[str]
    description_stops: frozenset[str]
    portfolio_titles: frozenset[str]
    location_participles: frozenset[str]
    location_participle_preps: frozenset[str]
    place_suffixes: frozenset[str]
    org_suffixes: frozenset[str]
    speech_verbs_before: frozenset[str]
    speech_verbs_after: frozenset[str]
    speech_verbs_lone: frozenset[str]
    report_verbs: frozenset[str]
    programme_nouns: frozenset[str]
    institute_nouns: frozenset[str]
    institute_run_words: frozenset[str]
    generic_introducers: frozenset[str]
    site_determiners: frozenset[str]
    apposition_gaps: tuple[tuple[str, ...], ...]
    list_gaps: tuple[tuple[str, ...], ...]
    job_title_words: frozenset[str]
    job_title_modifiers: frozenset[str]
    job_function_words: frozenset[str]
    job_title_punctuation: frozenset[str]
    amount_words: frozenset[str]
    cut_words: frozenset[str]
    non_name_first_words: frozenset[str]
    title_nouns: frozenset[str]
    generic_plurals: frozenset[str]
    time_words: frozenset[str]
    demonym_endings: tuple[str, ...]
    org_premodifiers: dict[str, str]  # noun right before a name -> entity type
    byline_words: frozenset[str]
    furniture_words: frozenset[str]
    sentence_adverbs: frozenset[str]
    sentence_prepositions: frozenset[str]
    venue_labels: frozenset[str]
    place_predicates: tuple[tuple[str, ...], ...]
    place_name_heads: frozenset[str]

    @classmethod
    def from_data(cls, data: dict[str, Any], where: str) -> "MentionWords":
        values: dict[str, Any] = {}
        for name, ftype in cls.__annotations__.items():
            key = "possessive_markers" if name == "possessive" else name
            if key not in data:
                raise InputError(f"mention word list {key!r} missing", source=where)
            raw = data[key]
            if name in ("description_types", "org_premodifiers"):
                values[name] = {w.lower(): etype for etype, words in raw.items() for w in words}
            elif "tuple[tuple" in str(ftype):
                values[name] = tuple(tuple(w.lower() for w in gap) for gap in raw)
            elif "tuple" in str(ftype):
                values[name] = tuple(w.lower() for w in raw)
            else:
                values[name] = frozenset(w.lower() for w in raw)
        return cls(**values)


@dataclass(frozen=True)
class WindowRule:
    words: tuple[str, ...]
    rel: tuple[str, ...]
    left: str
    right: str


class Lexicon:
    def __init__(self, types: dict[str, Any], relations: dict[str, Any], source: str = "lexicon",
                 mentions: dict[str, Any] | None = None) -> None:
        self.types = types
        self.relations = relations
        if mentions is None:
            mentions = _read(Path(str(shipped("lexicon", "mentions.json"))))
        self.words = MentionWords.from_data(mentions, f"{source}: mentions.json")
        #: "'s", "’s", "'", "’": shared by the mention stages and the relation rules
        self.possessive = self.words.possessive
        #: "its Taylor fabrication plant": nouns for a site of an organisation (mentions and relations)
        self.site_nouns = self.words.site_nouns
        lower = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
        self.company_legal = lower(types["company_legal_suffixes"])
        self.agency_first = lower(types["agency_first_words"])
        self.agency_last = lower(types["agency_last_words"])
        self.agency_endings = tuple(x.lower() for x in types["agency_endings"])
        self.programme_last = lower(types["programme_last_words"])
        self.institute_words = lower(types["institute_words"])
        self.institute_suffixes = tuple(x.lower() for x in types.get("institute_suffixes", ()))
        self.institute_first = frozenset(x.lower() for x in types.get("institute_first_words", ()))
        self.national_body_words = frozenset(x.lower() for x in types.get("national_body_words", ()))
        self.countries = frozenset(x.lower() for x in types.get("country_names", ()))  # "Innovate UK"
        #: countries that are not also cities: never a cluster on their own
        self.countries_only = self.countries - {x.lower() for x in types.get("city_states", ())}
        self.programme_year_words = frozenset(x.lower() for x in types.get("programme_year_words", ()))
        self.company_endings = tuple(x.lower() for x in types.get("company_endings", ()))
        self.company_last = lower(types["company_last_words"])
        self.default_org = types["default_org_type"]
        self.ner_map: dict[str, str] = dict(types["ner_label_map"])
        self.person_titles = lower(types["person_titles"])
        self.hub_words = lower(types["hub_words"])
        self.strong_hub_words = lower(types["strong_hub_words"])
        self.location_words = lower(types["location_trigger_words"])
        self.location_preps = lower(types["location_preps"])
        #: "has drawn engineers to Tartu": a verb of moving people or work, then "to" a place
        self.destination_words = lower(types["destination_words"])
        self.destination_preps = lower(types["destination_preps"])
        self.anaphors: dict[str, str] = {k.lower(): v for k, v in types["anaphors"].items()}
        self.self_pronouns = lower(types["self_pronouns"])
        self.possessive_pronouns = lower(types["possessive_pronouns"])
        self.list_connectors = tuple(types["list_connectors"])
        self.acronym_stopwords = lower(types["acronym_stopwords"])
        self.law_last = lower(types["law_last_words"])
        self.ner_stop = lower(types["ner_stop"])
        self.gaz_blockers = frozenset(types.get("gazetteer_blockers_after", ()))
        self.company_run_last = lower(types["company_run_last_words"])
        self.leading_determiners = lower(types["leading_determiners"])
        self.generic_name_words = lower(types["generic_name_words"])
        self.generic_modifiers = lower(types["generic_name_modifiers"])

        conf = relations["confidence"]
        self.conf: dict[str, float] = {k: float(v) for k, v in conf.items()}
        self.verbs: dict[str, tuple[Frame, ...]] = {
            lemma: tuple(_frame(s, f"{source}: verb {lemma}") for s in specs)
            for lemma, specs in relations["verb_triggers"].items()
        }
        self.nouns: dict[str, tuple[Frame, ...]] = {
            lemma: tuple(_frame(s, f"{source}: noun {lemma}") for s in specs)
            for lemma, specs in relations["noun_triggers"].items()
        }
        self.role_nouns = lower(relations["role_nouns"])
        self.role_preps = lower(relations["role_preps"])
        self.owner_side_roles = lower(relations["owner_side_roles"])
        self.role_conf = float(relations["role_conf"])
        self.via_nouns = lower(relations["via_nouns"])
        self.windows = tuple(
            WindowRule(tuple(w["phrase"].lower().split()), tuple(w["rel"]), w["left"], w["right"])
            for w in relations["window"]
        )
        # cheap pre-filter: a sentence is parsed only if one of its words (outside mentions) could be a trigger
        self.verb_forms, self.noun_forms, self.role_forms = self._trigger_forms()

    @staticmethod
    def _inflect(lemma: str, verb: bool) -> set[str]:
        forms = {lemma, lemma + "s", lemma + "es"}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ies"} | ({lemma[:-1] + "ied"} if verb else set())
        if verb:
            base = lemma[:-1] if lemma.endswith("e") else lemma
            forms |= {lemma + "ed", lemma + "d", base + "ing", lemma + "ing", base + base[-1] + "ed", base + base[-1] + "ing"}
        return forms

    def _trigger_forms(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        verbs: set[str] = set()
        for v in self.verbs:
            verbs |= self._inflect(v, True)
        verbs |= {"led", "ran", "run", "set", "won", "taught", "held", "drew", "put", "based", "headquartered", "spun",
                  "bought", "sold", "made", "began", "built", "grew", "brought"}
        for w in self.relations.get("forms", {}).get("parse_words", ()):  # relation_forms.py's cue words
            verbs |= self._inflect(w, True)
        nouns: set[str] = set()
        for n in self.nouns:
            nouns |= self._inflect(n, False)
        roles: set[str] = set()
        for r in self.role_nouns:
            roles |= self._inflect(r, False)
        return frozenset(verbs), frozenset(nouns), frozenset(roles)

    def needs_parse(self, words: list[str], has_person: bool) -> bool:
        """Could a dependency frame fire here? Titles count only when a person is named."""
        for w in words:
            if w in self.verb_forms or w in self.noun_forms or (has_person and w in self.role_forms):
                return True
        return False

    def known_lemmas(self) -> set[str]:
        words = set(self.verbs) | set(self.nouns) | set(self.role_nouns) | set(self.via_nouns)
        words |= {"include", "comprise", "count", "be", "have", "force", "round", "office", "lab", "hub", "member",
                  "come", "flow", "arrive", "originate", "close", "complete", "announce", "persuade", "help"}
        words.update(self.relations.get("forms", {}).get("parse_words", ()))
        for frames in (*self.verbs.values(), *self.nouns.values()):
            for f in frames:
                words.update(f.obj_lemma)
        return words

    @classmethod
    def from_dir(cls, directory: Path) -> "Lexicon":
        directory = Path(directory)
        return cls(_read(directory / "types.json"), _read(directory / "relations.json"), str(directory),
                   _read(directory / "mentions.json"))
