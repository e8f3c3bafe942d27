"""scripts/check_gold.py: the gold-file checker catches each kind of annotation error, and the dev set passes it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "gold" / "dev"


def _load_checker():
    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "scripts" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_gold = _load_checker()

TEXT = ("Tessel Logic, a spin-out of the Halden Institute for Machine Reasoning (HIMR), is based in Bergen. "
        "It was backed by Investinor. ") * 12  # long enough to pass the length warning
GOOD = {
    "style": "encyclopedia", "unlisted": True,
    "entities": [{"name": "Tessel Logic", "type": "Company", "aliases": []},
                 {"name": "Halden Institute for Machine Reasoning", "type": "Institute", "aliases": ["HIMR"]},
                 {"name": "Bergen", "type": "Cluster", "aliases": []},
                 {"name": "Investinor", "type": "Company", "aliases": []}],
    "relations": [{"type": "FOUNDED", "source": "Halden Institute for Machine Reasoning", "target": "Tessel Logic"},
                  {"type": "LOCATED_IN", "source": "Tessel Logic", "target": "Bergen"},
                  {"type": "FUNDS", "source": "Investinor", "target": "Tessel Logic"}],
}


def _check(tmp_path, gold, text=TEXT, listed=frozenset()):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "a.gold.json"
    path.write_text(gold if isinstance(gold, str) else json.dumps(gold), encoding="utf-8")
    return check_gold.check_file(path, set(listed))


def _variant(**changes):
    gold = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        gold[key] = value
    return gold


def test_a_clean_file_passes(tmp_path):
    assert _check(tmp_path, GOOD) == ([], [])


@pytest.mark.parametrize("gold, expected", [
    (_variant(style="blog"), "'style'"),
    (_variant(unlisted="yes"), "'unlisted'"),
    (_variant(entities=GOOD["entities"] + [{"name": "Oslo", "type": "Cluster", "aliases": []}]), "'Oslo' does not occur"),
    (_variant(entities=GOOD["entities"] + [{"name": "Tessel", "type": "Company", "aliases": []}]), None),  # 'Tessel' occurs as a word
    (_variant(entities=GOOD["entities"] + [{"name": "Berg", "type": "Cluster", "aliases": []}]), "'Berg' does not occur"),
    (_variant(entities=GOOD["entities"] + [{"name": "Bergen", "type": "City", "aliases": []}]), "type 'City'"),
    (_variant(entities=GOOD["entities"] + [{"name": "HIMR", "type": "Institute", "aliases": []}]), "name of both"),
    (_variant(relations=GOOD["relations"] + [{"type": "FUNDS", "source": "Investinor", "target": "Nobody"}]),
     "'Nobody' is not the canonical name"),
    (_variant(relations=GOOD["relations"] + [{"type": "RUNS", "source": "Investinor", "target": "Tessel Logic"}]),
     "RUNS may not go from Company to Company"),
    (_variant(relations=GOOD["relations"] + [{"type": "FUNDS", "source": "Investinor", "target": "Tessel Logic"}]),
     "listed twice"),
    (_variant(relations=GOOD["relations"] + [{"type": "PARTNERS_WITH", "source": "Investinor", "target": "Tessel Logic"},
                                             {"type": "PARTNERS_WITH", "source": "Tessel Logic", "target": "Investinor"}]),
     "listed twice"),
    (_variant(relations=[{"type": "PART_OF", "source": "Tessel Logic", "target": "Tessel Logic"}]), "to itself"),
    ("{not json", "not valid JSON"),
])
def test_each_kind_of_error_is_reported(tmp_path, gold, expected):
    errors, _ = _check(tmp_path, gold)
    if expected is None:
        assert errors == []
    else:
        assert any(expected in e for e in errors), errors


def test_warnings_for_length_and_an_unlisted_flag_the_gazetteer_contradicts(tmp_path):
    _, warns = _check(tmp_path, GOOD, text=TEXT[:300], listed={"tessel logic", "investinor"})
    assert any("words" in w for w in warns)
    assert any("'unlisted' is true" in w for w in warns)  # half of its organisations are listed


def test_main_checks_every_file_and_exits_nonzero_on_errors(tmp_path, capsys):
    _check(tmp_path, _variant(style="blog"))
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.gold.json").write_text(json.dumps(GOOD), encoding="utf-8")
    assert check_gold.main([str(tmp_path), "--quiet"]) == 1
    out = capsys.readouterr().out
    assert "a.gold.json: FAIL" in out and "b.gold.json" not in out and "2 gold files checked, 1 with errors" in out


def test_the_dev_gold_set_passes():
    files = check_gold.gold_files([DEV])
    assert len(files) >= 40
    listed = check_gold.gazetteer_names()
    failures = {f.name: errs for f in files if (errs := check_gold.check_file(f, listed)[0])}
    assert failures == {}
