"""Building the spaCy pipelines: one pass for entities, one for the parse of candidate sentences.

spaCy is imported here only, on first use. In the vendored en_core_web_md 3.8 the ``ner``
component carries its own tok2vec, so the entity pass loads ``ner`` alone (plus a rule
sentencizer and the gazetteer EntityRuler placed before it); the parse pass loads
``tok2vec``, ``tagger`` and ``parser`` (plus a light POS/lemma component in place of
``attribute_ruler`` and ``lemmatizer``, which cost more than the rules need) and runs only
on sentences that may hold a relation.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

from aikg.core.errors import ConfigError
from aikg.ingest.nlp import gazetteer_guard
from aikg.ingest.nlp.config import ExtractConfig
from aikg.ingest.nlp.gazetteer import Gazetteer
from aikg.ingest.nlp.lexicon import lexicon_data
from aikg.ingest.nlp.line_kind_breaks import furniture_breaks
from aikg.ingest.nlp.token_index import TokenIndex

PARSE_COMPONENTS = ("tok2vec", "tagger", "parser")
TAG_POS = {
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX",
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
    "IN": "ADP", "RP": "ADP", "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "WDT": "PRON",
    "DT": "DET", "CC": "CCONJ", "CD": "NUM", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "TO": "PART",
    "POS": "PART", "HYPH": "PUNCT", ",": "PUNCT", ".": "PUNCT", ":": "PUNCT", "``": "PUNCT", "''": "PUNCT",
    "-LRB-": "PUNCT", "-RRB-": "PUNCT", "_SP": "SPACE",
}
IRREGULAR = {"led": "lead", "ran": "run", "won": "win", "held": "hold", "taught": "teach", "made": "make",
             "began": "begin", "built": "build", "grew": "grow", "is": "be", "are": "be", "was": "be", "were": "be",
             "been": "be", "being": "be", "am": "be", "'s": "be", "has": "have", "had": "have", "set": "set",
             "sets": "set", "bought": "buy", "sold": "sell", "brought": "bring", "spun": "spin", "drew": "draw"}
POS_IDS: dict[str, int] = {}  # coarse POS name -> spaCy's id (filled when the components are registered)
WORD_FLAGS: list[int] = []  # spaCy's IS_PUNCT and IS_SPACE ids (filled when the components are registered)
#: words whose lemma matters to the relation rules (set from the lexicon when pipelines are built)
KNOWN_LEMMAS: set[str] = set()


def model_path(config: ExtractConfig) -> str:
    try:
        module = importlib.import_module(config.model)
    except ImportError as e:
        raise ConfigError(f"spaCy model package {config.model!r} is not installed") from e
    return str(module.model_path())


#: the gazetteer guard's two components sit around the NER (ingest/nlp/gazetteer_guard.py)
ENTITY_PASS = ("sentencizer", "aikg_line_breaks", "entity_ruler", gazetteer_guard.HOLD, "ner", gazetteer_guard.SETTLE)
PARSE_PASS = ("tok2vec", "tagger", "parser", "aikg_light_morph")


@dataclass
class Pipelines:
    """One loaded spaCy pipeline (the model and its vectors load once) run as two passes."""

    nlp: Any
    parse_enabled: bool

    def ents(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Any]:
        with self.nlp.select_pipes(enable=list(ENTITY_PASS)):
            yield from self.nlp.pipe(texts, batch_size=batch_size)

    def parse(self, texts: Iterable[str], batch_size: int = 256) -> Iterator[Any]:
        with self.nlp.select_pipes(enable=list(PARSE_PASS)):
            yield from self.nlp.pipe(texts, batch_size=batch_size)

    @staticmethod
    def words(doc: Any) -> int:
        """Tokens that are neither punctuation nor space (a document's word count), read as one array (speed: no
        spaCy Token per word)."""
        flags = doc.to_array(WORD_FLAGS)
        return int(((flags[:, 0] == 0) & (flags[:, 1] == 0)).sum())


def _register() -> None:
    from spacy.attrs import IS_PUNCT, IS_SPACE
    from spacy.language import Language
    from spacy.parts_of_speech import IDS

    POS_IDS.update(IDS)
    WORD_FLAGS[:] = [IS_PUNCT, IS_SPACE]

    if "aikg_line_breaks" in Language.factories:
        return

    @Language.factory("aikg_light_morph")
    def make_light_morph(nlp, name):  # noqa: ANN001, ANN202
        return LightMorph()

    @Language.component("aikg_line_breaks")
    def line_breaks(doc):  # noqa: ANN001, ANN202
        """A blank line ends a sentence (headings, datelines, list items carry no full stop); so does a line break
        before a list item ("- Sheffield: ...") or after a short line without a full stop (a name or label line)."""
        labels = not hard_wrapped(doc)  # in hard-wrapped prose a short line is just where the wrap fell
        idx = TokenIndex.of(doc)  # speed: the words as lists (kept for the rules), not a spaCy Token per word
        texts, at = idx.text, idx.at
        line_start = 0
        for i in range(len(texts) - 1):
            text = texts[i]
            if "\n" not in text or not text.isspace():  # (spaCy's is_space)
                continue
            if text.count("\n") >= 2:
                doc[i + 1].is_sent_start = True
            elif i > 0:
                before, after = texts[i - 1], texts[i + 1]
                short = (labels and at[i] - line_start <= SHORT_LINE and not after[:1].islower()
                         and not (before in ".!?:;," and doc[i - 1].is_punct))
                if after in LIST_MARKERS or short:
                    doc[i + 1].is_sent_start = True
            line_start = at[i] + len(text)
        furniture_breaks(doc, idx, not labels)  # any line length; in hard-wrapped text between furniture lines only
        legal_continuations(doc)
        return doc


class LightMorph:
    """Coarse POS from the fine tag and a trigger-oriented lemma (replaces attribute_ruler + lemmatizer).

    The (word, tag) -> (POS, lemma) readings are kept across documents as string ids of this pipeline's
    vocabulary, so a word seen before costs no string building; emptied when the known lemmas change."""

    MAX = 200_000  # cached (word, tag) pairs before the cache starts over

    def __init__(self) -> None:
        self.cache: dict[tuple[int, int], tuple[int, int]] = {}
        self.known = -1  # size of KNOWN_LEMMAS the cache was filled with

    def __call__(self, doc: Any) -> Any:
        cache = self.cache
        if self.known != len(KNOWN_LEMMAS) or len(cache) > self.MAX:
            cache.clear()
            self.known = len(KNOWN_LEMMAS)
        strings = doc.vocab.strings
        for tok in doc:
            key = (tok.lower, tok.tag)
            hit = cache.get(key)
            if hit is None:
                tag = tok.tag_
                hit = cache[key] = (POS_IDS[TAG_POS.get(tag, "X")], strings.add(light_lemma(tok.lower_, tag)))
            tok.pos, tok.lemma = hit
        return doc


LIST_MARKERS = {"-", "–", "—", "•", "*", "·", "▪"}  # a line opened by one of these is a list item
SHORT_LINE = 60  # characters: a line this short without a full stop is a heading, label or name line
WRAPPED_SHARE = 0.25  # of single line breaks that continue in lower case: above it the text is hard-wrapped prose


@lru_cache(maxsize=1)
def legal_abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """(legal forms written with points, words that continue a sentence after one) from ``name_forms.json``."""
    data = lexicon_data("name_forms.json")
    return frozenset(data["legal_abbreviations"]), frozenset(data["legal_forms_after"])


def _legal_end(doc: Any, i: int, abbrevs: frozenset[str]) -> bool:
    """Does token ``i`` close a legal form with its point ("s.r.o.", "Pvt." or "Pvt" "."), after a capitalised word?"""
    tok = doc[i]
    if tok.lower_ in abbrevs:
        word = i
    elif tok.text == "." and i > 0 and not doc[i - 1].whitespace_ and doc[i - 1].lower_ + "." in abbrevs:
        word = i - 1
    else:
        return False
    k = word - 1
    while k >= 0 and (doc[k].text in (",", ".") or doc[k].lower_ in abbrevs or doc[k].lower_ + "." in abbrevs):
        k -= 1  # "Himali Voice Pvt. | Ltd.", "Analítica Queretana, | S.C."
    return k >= 0 and doc[k].text[:1].isupper() and not doc[k].is_space


def legal_continuations(doc: Any) -> None:
    """"Teplička Automotive s.r.o. is based in Žilina", "Himali Voice Pvt. Ltd. is ...": the point of a legal form
    ends no sentence when a lower-case word, a comma or bracket, or a second legal form follows it."""
    abbrevs, after = legal_abbreviations()
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_sent_start and prev.lower_ in abbrevs and prev.whitespace_ and tok.text[:1].isupper() \
                and tok.lower_ not in after and (prev.text.count(".") >= 2 or tok.is_stop and tok.is_title) \
                and _legal_end(doc, tok.i - 1, abbrevs):
            # "... Teplička Automotive s.r.o. The firm ...", "... Himali Voice Pvt. Ltd. Our office ...": the point
            # of a legal form kept in its token ends the sentence before a capitalised word ("The", "Our", "It")
            tok.is_sent_start = True
            continue
        if not tok.is_sent_start or tok.is_space or "\n" in prev.whitespace_:
            continue
        nxt = tok.text
        if not (nxt[:1].islower() and nxt[:1].isalpha() or nxt in (",", ";", ")", "(") or tok.lower_ in after) \
                or tok.is_space:
            continue
        if _legal_end(doc, tok.i - 1, abbrevs):
            tok.is_sent_start = False


def legal_special_cases(nlp: Any) -> None:
    """Legal forms with inner points stay one token ("S.p.A.", "s.r.o.", "sh.p.k."), as the sentencizer needs."""
    from spacy.symbols import ORTH

    for a in legal_abbreviations()[0]:
        if a.count(".") < 2:
            continue
        letters = [i for i, c in enumerate(a) if c.isalpha()]
        last_up = a[:letters[-1]] + a[letters[-1]].upper() + a[letters[-1] + 1:]
        for form in {a, a.upper(), a[:1].upper() + a[1:], last_up[:1].upper() + last_up[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Honorifics written with a point ("Dra.", "Profa.", "Ing.") from ``person_forms.json``."""
    data = lexicon_data("person_forms.json")
    return frozenset(h for h in data["honorifics"] if h.endswith(".") and len(h) > 2)


def honorific_special_cases(nlp: Any) -> None:
    """"Dra. Mónica Alvarado", "Profa. Ana Ruiz", "Ing. Pedro Gil": an honorific keeps its point, so the sentencizer
    does not end the sentence at it and the NER does not read "Dra" or "Ing" as an organisation (the English
    pipeline knows only "Dr.", "Mr." and the like)."""
    from spacy.symbols import ORTH

    for h in honorifics():
        form = h[:1].upper() + h[1:]
        if "-" in form:  # "Dipl.-Ing.": both parts capitalised
            form = "-".join(p[:1].upper() + p[1:] for p in form.split("-"))
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def hard_wrapped(doc: Any) -> bool:
    """Whether the text is prose wrapped at a fixed width (a plain-text filing, an e-mailed release): then
    many single line breaks fall inside sentences and continue in lower case, which label lines never do."""
    breaks = lower = 0
    texts = TokenIndex.of(doc).text  # speed: the words as lists, not a spaCy Token per word
    for i in range(1, len(texts) - 1):
        text = texts[i]
        if text.count("\n") == 1 and text.isspace():  # (spaCy's is_space)
            breaks += 1
            lower += texts[i + 1][:1].islower()
    return breaks >= 4 and lower >= WRAPPED_SHARE * breaks


def light_lemma(low: str, tag: str) -> str:
    """Lemma of a word good enough for trigger lookup: irregular forms, then suffix stripping to a known lemma."""
    if low in IRREGULAR and tag.startswith(("VB", "MD")) or low in ("led", "is", "are", "was", "were"):
        return IRREGULAR.get(low, low)
    cands = []
    verb = tag.startswith("VB") or tag in ("JJ", "")
    if low.endswith("ies"):
        cands.append(low[:-3] + "y")
    if verb and low.endswith("ied"):
        cands.append(low[:-3] + "y")
    if verb and low.endswith("ing"):
        cands += [low[:-3], low[:-3] + "e", low[:-4]]
    if verb and low.endswith("ed"):
        cands += [low[:-2], low[:-1], low[:-3]]
    if low.endswith("es"):
        cands += [low[:-2], low[:-1]]
    if low.endswith("s") and not low.endswith("ss"):
        cands.append(low[:-1])
    if not verb and low in KNOWN_LEMMAS:
        return low  # "funding", "backing" stay nouns
    for c in cands:
        if c in KNOWN_LEMMAS:
            return c
    return low  # known or not: the word itself


def build_pipelines(config: ExtractConfig, gazetteer: Gazetteer, lemmas: Iterable[str] = ()) -> Pipelines:
    import spacy

    path = model_path(config)
    KNOWN_LEMMAS.update(lemmas)
    _register()
    keep = {"ner"} | (set(PARSE_COMPONENTS) if config.parse != "none" else set())
    all_names = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"]
    nlp = spacy.load(path, exclude=[n for n in all_names if n not in keep])
    legal_special_cases(nlp)
    honorific_special_cases(nlp)
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("aikg_line_breaks", after="sentencizer")
    if config.parse != "none":
        nlp.add_pipe("aikg_light_morph", after="parser")
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True}
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(gazetteer.ruler_patterns())
    gazetteer_guard.add_to(nlp)  # a listed name never cuts or takes over a longer unlisted one
    return Pipelines(nlp=nlp, parse_enabled=config.parse != "none")
