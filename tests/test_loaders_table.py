"""Table loader: CSV and XLSX rows to entities, LOCATED_IN and metric props."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aikg.core.errors import InputError
from aikg.core.facts import EntityRecord, RelationRecord
from aikg.core.ids import entity_id
from aikg.core.jsonl import parse_record
from aikg.ingest.document import LoadedDocument
from aikg.ingest.loaders import load_path

LONG_CSV = """Organisation,Type,Metro area,Metric,Value,Year,Source
Carnegie Mellon University,University,Pittsburgh,AI PhD graduates,120,2023,NSF
Carnegie Mellon University,University,Pittsburgh,AI PhD graduates,131,2024,NSF
Ford Motor Company,Company,Detroit,AI job postings share,"2.1%",2024,Lightcast
Pittsburgh,,,AI job postings share,3.0,2024,Lightcast
Bay Area,,,AI job postings share,9.4,2024,Lightcast
State of Ohio,Agency,Columbus,,,,
"""


def entities(doc: LoadedDocument) -> dict[str, EntityRecord]:
    return {f.id: f for f in doc.facts if isinstance(f, EntityRecord)}


def relations(doc: LoadedDocument) -> list[RelationRecord]:
    return [f for f in doc.facts if isinstance(f, RelationRecord)]


def check_spans(doc: LoadedDocument) -> None:
    for f in doc.facts:
        parse_record(f.to_json())  # the interchange format accepts every record
        if isinstance(f, EntityRecord):
            for m in f.mentions:
                assert doc.text[m.start : m.end] == f.name or doc.text[m.start : m.end] in f.aliases
        else:
            for ev in f.evidence:
                assert doc.text[ev.start : ev.end] == ev.sentence


def test_long_csv(tmp_path: Path) -> None:
    p = tmp_path / "hubs.csv"
    p.write_text(LONG_CSV, encoding="utf-8")
    doc = load_path(p)
    assert doc.kind == "table" and doc.extract_text is False and doc.title == "hubs"
    ents = entities(doc)
    cmu = ents[entity_id("Institute", "Carnegie Mellon University")]
    assert cmu.props == {"metric_ai_phd_graduates_2023": 120, "metric_ai_phd_graduates_2024": 131}
    assert len(cmu.mentions) == 2
    ford = ents[entity_id("Company", "Ford Motor Company")]
    assert ford.props == {"metric_ai_job_postings_share_2024": 2.1}
    # an untyped row naming a place of the cluster column is a Cluster; other untyped rows are skipped
    pgh = ents[entity_id("Cluster", "Pittsburgh")]
    assert pgh.props == {"metric_ai_job_postings_share_2024": 3.0}
    assert not any(e.name == "Bay Area" for e in ents.values())
    assert any("row 6: no type for 'Bay Area'" in w for w in doc.meta["warnings"])
    assert ents[entity_id("Agency", "State of Ohio")].props == {}
    located = {(r.source, r.target) for r in relations(doc) if r.type == "LOCATED_IN"}
    assert located == {
        (cmu.id, entity_id("Cluster", "Pittsburgh")),
        (ford.id, entity_id("Cluster", "Detroit")),
        (entity_id("Agency", "State of Ohio"), entity_id("Cluster", "Columbus")),
    }
    rel = next(r for r in relations(doc) if r.source == cmu.id)
    assert rel.confidence == 1.0 and rel.method == "table" and len(rel.evidence) == 2
    assert "Row 4: Ford Motor Company | Company | Detroit | AI job postings share | 2.1% | 2024 | Lightcast" in doc.text
    assert doc.meta["sources"] == ["NSF", "Lightcast"]
    check_spans(doc)


def test_wide_xlsx_with_title_rows_and_mapping(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Metros"
    ws.append(["Table 3. AI readiness of US metro areas"])
    ws.append([])
    ws.append(["Metro", "AI job postings share 2024", "AI patents", "Year", "Notes"])
    ws.append(["San Francisco-Oakland", 9.4, 1520, 2023, "superstar"])
    ws.append(["Austin", 2.2, "n/a", 2023, None])
    ws.append([None, None, None, None, None])
    inst = wb.create_sheet("Institutions")
    inst.append(["Institution Name", "Kind", "Based in"])
    inst.append(["MIT", "university", "Boston"])
    inst.append(["Vector Institute", "Research institute", "Toronto"])
    p = tmp_path / "metros.xlsx"
    wb.save(p)

    doc = load_path(p)
    ents = entities(doc)
    sf = ents[entity_id("Cluster", "San Francisco-Oakland")]
    # the column header carries its own year; the Year column gives the others theirs
    assert sf.props == {"metric_ai_job_postings_share_2024": 9.4, "metric_ai_patents_2023": 1520}
    austin = ents[entity_id("Cluster", "Austin")]
    assert austin.props == {"metric_ai_job_postings_share_2024": 2.2}
    assert any("'n/a' of 'AI patents' is not a number" in w for w in doc.meta["warnings"])
    assert "Sheet: Metros" in doc.text and "Row 4: San Francisco-Oakland | 9.4 | 1520 | 2023 | superstar" in doc.text
    assert ents[entity_id("Institute", "MIT")].type == "Institute"
    located = {(r.source, r.target) for r in relations(doc)}
    assert (entity_id("Institute", "Vector Institute"), entity_id("Cluster", "Toronto")) in located
    check_spans(doc)

    # a mapping file: named columns, type synonyms, one sheet
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({
        "sheet": "Institutions",
        "columns": {"entity": "Institution Name", "type": "Kind", "cluster": "Based in"},
        "types": {"Research institute": "Institute", "university": "Institute"},
    }))
    doc2 = load_path(p, mapping=mapping)
    assert set(entities(doc2)) == {entity_id("Institute", "MIT"), entity_id("Institute", "Vector Institute"),
                                   entity_id("Cluster", "Boston"), entity_id("Cluster", "Toronto")}
    assert "Sheet: Metros" not in doc2.text


def test_ragged_rows_and_bad_values_are_warnings(tmp_path: Path) -> None:
    p = tmp_path / "ragged.csv"
    p.write_text(
        "name,type,metric,value,year\n"
        "OpenAI,Company,funding usd bn,13,2023\n"
        "Anthropic,Company,funding usd bn\n"  # too few cells
        "Mistral,Company,funding usd bn,2,2024,extra\n"  # too many cells
        "DeepMind,Company,funding usd bn,lots,2023\n"  # not a number
        "Cohere,Company,funding usd bn,1,next year\n"  # not a year
        "Hugging Face,Gizmo,funding usd bn,1,2023\n"  # unknown type
    )
    doc = load_path(p)
    ents = entities(doc)
    assert ents[entity_id("Company", "OpenAI")].props == {"metric_funding_usd_bn_2023": 13}
    assert entity_id("Company", "Anthropic") not in ents and entity_id("Company", "Mistral") not in ents
    assert ents[entity_id("Company", "DeepMind")].props == {}
    assert ents[entity_id("Company", "Cohere")].props == {}
    warnings = "\n".join(doc.meta["warnings"])
    assert "row 3: has 3 cells but the header has 5" in warnings
    assert "row 4: has 6 cells but the header has 5" in warnings
    assert "value 'lots'" in warnings and "year 'next year'" in warnings and "unknown type 'Gizmo'" in warnings


def test_formula_injection_is_plain_data(tmp_path: Path) -> None:
    p = tmp_path / "evil.csv"
    p.write_text(
        'name,type,cluster\n'
        '"=cmd|\' /C calc\'!A0",Company,"@SUM(1+1)"\n'
        '"+HYPERLINK(""http://x"")",Company,Boston\n'
    )
    doc = load_path(p)
    names = {e.name for e in entities(doc).values()}
    assert "=cmd|' /C calc'!A0" in names and "@SUM(1+1)" in names and '+HYPERLINK("http://x")' in names
    assert sum("never evaluated" in w for w in doc.meta["warnings"]) == 3
    assert "Row 2: =cmd|' /C calc'!A0 | Company | @SUM(1+1)" in doc.text
    check_spans(doc)


def test_related_columns(tmp_path: Path) -> None:
    p = tmp_path / "links.csv"
    p.write_text(
        "organisation,type,relation,related\n"
        "Microsoft,Company,funds,OpenAI\n"
        "OpenAI,Company,partners with,Microsoft\n"
        "NSF,Agency,runs,Nowhere Co\n"
    )
    doc = load_path(p)
    rels = {(r.type, r.source, r.target) for r in relations(doc)}
    assert rels == {("FUNDS", "company:microsoft", "company:openai"),
                    ("PARTNERS_WITH", "company:openai", "company:microsoft")}
    assert any("type of related entity 'Nowhere Co' unknown" in w for w in doc.meta["warnings"])
    check_spans(doc)


def test_no_entity_column(tmp_path: Path) -> None:
    p = tmp_path / "numbers.csv"
    p.write_text("alpha,beta\n1,2\n")
    with pytest.raises(InputError) as err:
        load_path(p)
    message = str(err.value)
    assert "no entity column found (columns: 'alpha', 'beta')" in message and "--mapping" in message
    bad = tmp_path / "m.json"
    bad.write_text('{"columns": {"entity": "gamma"}}')
    with pytest.raises(InputError, match="mapping names column 'gamma'"):
        load_path(p, mapping=bad)
    assert entities(load_path(p, mapping={"entity": "alpha", "default_type": "Company"}))


def test_semicolon_csv_and_broken_xlsx(tmp_path: Path) -> None:
    p = tmp_path / "eu.csv"
    p.write_text("name;type;city\nMistral AI;Company;Paris\n", encoding="cp1252")
    doc = load_path(p)
    assert entity_id("Cluster", "Paris") in entities(doc) and doc.meta["delimiter"] == ";"
    x = tmp_path / "broken.xlsx"
    x.write_bytes(b"PK\x03\x04 definitely not a workbook")
    with pytest.raises(InputError, match="not a valid XLSX workbook"):
        load_path(x)
