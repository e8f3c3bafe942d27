"""The shared sentence split and word-list readers the rule modules use (refactor of wave 16)."""

from __future__ import annotations

import re

import pytest

from aikg.core.errors import InputError
from aikg.ingest.nlp.lexicon import alternation, lexicon_data, lexicon_sets
from aikg.ingest.nlp.sentence_spans import SENTENCE_BREAK, TITLED_SENTENCE_BREAK, sentence_spans

TEXT = ("Orrin Labs was founded in 2019 by Dr. Amara Oyelaran. \"We build sensors,\" she said.\n"
        "Kestrel Partners backs it! It is based in Tarnow? yes. Last line")


def _by_hand(text: str, off: int, pattern: re.Pattern[str]) -> list[tuple[int, int, str]]:
    """The loop the rule modules wrote before the shared helper, kept here as the reference."""
    out, pos = [], 0
    for m in pattern.finditer(text + "\n"):
        a, b = off + pos, off + m.start()
        out.append((a, b, text[pos:m.start()]))
        pos = m.end()
    return out


@pytest.mark.parametrize("pattern", [SENTENCE_BREAK, TITLED_SENTENCE_BREAK])
@pytest.mark.parametrize("text", [TEXT, TEXT + "\n", "", "One line only", "A. B.\n\nC"])
def test_sentence_spans_are_the_hand_written_split(pattern: re.Pattern[str], text: str) -> None:
    assert list(sentence_spans(text, 40, pattern)) == _by_hand(text, 40, pattern)


def test_sentences_carry_document_offsets() -> None:
    spans = list(sentence_spans(TEXT, 100))
    for a, b, sent in spans:
        assert TEXT[a - 100:b - 100] == sent
    assert [s for _, _, s in spans][:2] == ["Orrin Labs was founded in 2019 by Dr.", "Amara Oyelaran."]


def test_the_titled_break_keeps_a_title_with_its_name() -> None:
    first = next(sentence_spans(TEXT, 0, TITLED_SENTENCE_BREAK))
    assert first[2] == "Orrin Labs was founded in 2019 by Dr. Amara Oyelaran."
    assert "It is based in Tarnow? yes." in [s for _, _, s in sentence_spans(TEXT)]  # no capital after "?"


def test_lexicon_sets_are_lower_cased_in_key_order() -> None:
    heads, stops = lexicon_sets("planned_places.json", ("site_nouns", "stops"))
    assert heads == frozenset(w.lower() for w in lexicon_data("planned_places.json")["site_nouns"])
    assert stops == frozenset(w.lower() for w in lexicon_data("planned_places.json")["stops"])


def test_a_missing_list_or_file_is_an_input_error() -> None:
    with pytest.raises(InputError):
        lexicon_sets("planned_places.json", ("no_such_list",))
    with pytest.raises(InputError):
        lexicon_data("no_such_file.json")


def test_alternation_tries_the_longest_word_first() -> None:
    pat = alternation(["founded", "co-founded", "set up"])
    assert pat.split("|")[0] == re.escape("co-founded")
    assert re.match(rf"(?:{pat})", "co-founded").group() == "co-founded"
    assert re.fullmatch(rf"(?:{pat})", "set up")
