"""SEC EDGAR loader: full-submission text file and primary inline-XBRL HTML document."""

from __future__ import annotations

from pathlib import Path

import pytest

from aikg.core.errors import InputError
from aikg.core.facts import EntityRecord, RelationRecord
from aikg.core.ids import entity_id
from aikg.core.jsonl import parse_record
from aikg.ingest.loaders import load_path, pick_loader
from aikg.ingest.loaders.edgar import parse_header, reorder_business_first

HEADER = """<SEC-DOCUMENT>0001045810-24-000029.txt : 20240221
<SEC-HEADER>0001045810-24-000029.hdr.sgml : 20240221
<ACCEPTANCE-DATETIME>20240221163532
ACCESSION NUMBER:\t\t0001045810-24-000029
CONFORMED SUBMISSION TYPE:\t10-K
PUBLIC DOCUMENT COUNT:\t\t3
CONFORMED PERIOD OF REPORT:\t20240128
FILED AS OF DATE:\t\t20240221
DATE AS OF CHANGE:\t\t20240221

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tNVIDIA CORP
\t\tCENTRAL INDEX KEY:\t\t\t0001045810
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSEMICONDUCTORS & RELATED DEVICES [3674]
\t\tORGANIZATION NAME:           \t04 Manufacturing
\t\tIRS NUMBER:\t\t\t\t943177549
\t\tSTATE OF INCORPORATION:\t\t\tDE
\t\tFISCAL YEAR END:\t\t\t0128

\tFILING VALUES:
\t\tFORM TYPE:\t\t10-K
\t\tSEC ACT:\t\t1934 Act
\t\tSEC FILE NUMBER:\t000-23985
\t\tFILM NUMBER:\t\t24659512

\tBUSINESS ADDRESS:\t
\t\tSTREET 1:\t\t2788 SAN TOMAS EXPRESSWAY
\t\tCITY:\t\t\tSANTA CLARA
\t\tSTATE:\t\t\tCA
\t\tZIP:\t\t\t95051
\t\tBUSINESS PHONE:\t\t408-486-2000

\tMAIL ADDRESS:\t
\t\tSTREET 1:\t\t2701 SAN TOMAS EXPRESSWAY
\t\tCITY:\t\t\tMAILTOWN
\t\tSTATE:\t\t\tNV
\t\tZIP:\t\t\t95050

\tFORMER COMPANY:\t
\t\tFORMER CONFORMED NAME:\tNVIDIA CORP/CA
\t\tDATE OF NAME CHANGE:\t19980522
</SEC-HEADER>
"""

BODY = """<DOCUMENT>
<TYPE>10-K
<SEQUENCE>1
<FILENAME>nvda-20240128.htm
<DESCRIPTION>10-K
<TEXT>
<XBRL>
<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">
<head><title>nvda-20240128</title><style>.x{font-size:10pt}</style></head>
<body>
<div style="display:none"><ix:header><ix:hidden>HIDDENXBRL true</ix:hidden></ix:header></div>
<div><p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p><p>Washington, D.C. 20549</p><p>FORM 10-K</p>
<p>NVIDIA CORPORATION</p></div>
<div><p>Table of Contents</p>
<table>
<tr><td>Item 1.</td><td>Business</td><td>4</td></tr>
<tr><td>Item 1A.</td><td>Risk Factors</td><td>14</td></tr>
<tr><td>Item 2.</td><td>Properties</td><td>31</td></tr>
</table></div>
<div><p>Part I</p></div>
<div><p><span>Item 1. Business</span></p></div>
<div><p>NVIDIA pioneered accelerated computing to help solve the most challenging computational problems.</p>
<p>Our headquarters are in Santa Clara, California, and we partner with Microsoft on cloud AI services.</p>
<p>We have research sites in Tel Aviv and Bangalore.</p></div>
<div><p>Item 1A. Risk Factors</p></div>
<div><p>Failure to meet the evolving needs of our industry may adversely impact our financial results.</p></div>
<div><p>Item 2. Properties</p></div>
<div><p>Our headquarters complex is located in Santa Clara, California.</p>
<table><tr><td>Location</td><td>&#160;</td><td>Square feet</td></tr><tr><td>Santa Clara</td><td></td><td>1,200,000</td></tr></table>
</div>
</body></html>
</XBRL>
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-21.1
<SEQUENCE>2
<FILENAME>ex211.htm
<TEXT>
<html><body><p>EXHIBITTEXT Subsidiaries of the registrant</p></body></html>
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


@pytest.fixture
def submission(tmp_path: Path) -> Path:
    p = tmp_path / "0001045810-24-000029.txt"
    p.write_text(HEADER + BODY, encoding="ascii")
    return p


def test_header_facts(submission: Path) -> None:
    doc = load_path(submission)
    assert doc.kind == "filing"
    assert doc.title == "NVIDIA CORP 10-K 2024-01-28"
    assert doc.published == "2024-02-21"
    assert doc.publisher == "NVIDIA CORP"
    entities = {f.id: f for f in doc.facts if isinstance(f, EntityRecord)}
    relations = [f for f in doc.facts if isinstance(f, RelationRecord)]
    company = entities[entity_id("Company", "NVIDIA CORP")]
    assert company.type == "Company" and company.name == "Nvidia Corp" and "NVIDIA CORP" in company.aliases
    assert company.props["cik"] == "0001045810"
    assert company.props["sic"] == "3674"
    assert company.props["state_of_incorporation"] == "DE"
    assert "NVIDIA CORP/CA" in company.aliases
    city = entities[entity_id("Cluster", "Santa Clara")]
    assert city.type == "Cluster" and city.name == "Santa Clara" and city.props == {"state": "CA"}
    # mentions point at the header values in the text
    (cm,) = company.mentions
    assert doc.text[cm.start : cm.end] == "NVIDIA CORP" and cm.doc == doc.id
    (pm,) = city.mentions
    assert doc.text[pm.start : pm.end] == "SANTA CLARA"
    (rel,) = relations
    assert (rel.type, rel.source, rel.target) == ("LOCATED_IN", company.id, city.id)
    assert rel.confidence == 1.0 and rel.method == "edgar-header"
    (ev,) = rel.evidence
    assert doc.text[ev.start : ev.end] == ev.sentence == "CITY: SANTA CLARA"
    assert "MAILTOWN" not in doc.text  # the mailing address is not the business address
    assert doc.text.startswith("COMPANY CONFORMED NAME: NVIDIA CORP\nCENTRAL INDEX KEY: 0001045810\n")
    for fact in doc.facts:
        parse_record(fact.to_json())  # valid interchange records


def test_body_puts_item1_business_first(submission: Path) -> None:
    doc = load_path(submission)
    body = doc.text[doc.meta["body_start"] :]
    assert body.startswith("Item 1. Business\n\nNVIDIA pioneered accelerated computing")
    assert doc.meta["item1_found"] is True
    # the rest follows: cover page, table of contents, later items, tables as rows
    assert body.index("Item 1A. Risk Factors\n\nFailure") > body.index("FORM 10-K")
    assert "Item 1. | Business | 4" in body  # the table-of-contents row, not the section
    assert "Santa Clara | 1,200,000" in body
    for hidden in ("HIDDENXBRL", "font-size", "EXHIBITTEXT"):
        assert hidden not in doc.text
    headings = {h: o for o, h in doc.sections}
    assert headings["Item 1. Business"] == doc.meta["body_start"]
    assert doc.text[headings["Item 1A. Risk Factors"] :].startswith("Item 1A. Risk Factors\n\n")


def test_primary_inline_xbrl_document(tmp_path: Path) -> None:
    html = """<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
    xmlns:dei="http://xbrl.sec.gov/dei/2023"><head><title>acme-10k</title></head><body>
    <div style="display:none"><ix:header><ix:hidden>
      <ix:nonNumeric name="dei:EntityCentralIndexKey" contextRef="c">0000012345</ix:nonNumeric>
      <ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="c">December 31, 2023</ix:nonNumeric>
    </ix:hidden></ix:header></div>
    <p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p>
    <p>FORM <ix:nonNumeric name="dei:DocumentType" contextRef="c">10-K</ix:nonNumeric></p>
    <p><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="c">Acme Robotics, Inc.</ix:nonNumeric></p>
    <p>Incorporated in <ix:nonNumeric name="dei:EntityIncorporationStateCountryCode" contextRef="c">DE</ix:nonNumeric>;
    offices in <ix:nonNumeric name="dei:EntityAddressCityOrTown" contextRef="c">Pittsburgh</ix:nonNumeric>,
    <ix:nonNumeric name="dei:EntityAddressStateOrProvince" contextRef="c">PA</ix:nonNumeric></p>
    <p>Item 1. Business</p><p>Acme builds warehouse robots with Carnegie Mellon University.</p>
    <p>Item 1A. Risk Factors</p><p>Robots may break.</p></body></html>"""
    p = tmp_path / "acme-20231231.htm"
    p.write_text(html)
    assert pick_loader(p, p.read_bytes()).name == "edgar"
    doc = load_path(p)
    assert doc.kind == "filing" and doc.title == "Acme Robotics, Inc. 10-K 2023-12-31"
    company = next(f for f in doc.facts if isinstance(f, EntityRecord) and f.type == "Company")
    assert company.props == {"cik": "0000012345", "state_of_incorporation": "DE"}
    rel = next(f for f in doc.facts if isinstance(f, RelationRecord))
    assert rel.target == entity_id("Cluster", "Pittsburgh")
    assert doc.text[rel.evidence[0].start : rel.evidence[0].end] == "ENTITY ADDRESS CITY: Pittsburgh"
    assert doc.text[doc.meta["body_start"] :].startswith("Item 1. Business\n\nAcme builds warehouse robots")


def test_plain_html_is_not_edgar(tmp_path: Path) -> None:
    p = tmp_path / "news.html"
    p.write_text("<html><body><p>The company filed its FORM 10-K yesterday.</p></body></html>")
    assert pick_loader(p, p.read_bytes()).name == "html"
    story = ("<html><head><title>Filing season</title></head><body>" + "<p>Market news and more.</p>" * 200
             + "<p>The Securities and Exchange Commission received the Form 10-K of Acme.</p></body></html>")
    p.write_text(story)
    assert pick_loader(p, p.read_bytes()).name == "html"
    cover = "<html><body><p>UNITED STATES</p><p>SECURITIES AND EXCHANGE&#160;COMMISSION</p><p>FORM&#160;10-K</p></body></html>"
    p.write_text(cover)
    assert pick_loader(p, p.read_bytes()).name == "edgar"


def test_truncated_submission(tmp_path: Path) -> None:
    p = tmp_path / "cut.txt"
    p.write_text(HEADER[:400])
    with pytest.raises(InputError, match="without a complete <SEC-HEADER>"):
        load_path(p)


def test_header_parser_and_reordering_units() -> None:
    h = parse_header(HEADER.split("<SEC-HEADER>", 1)[1].split("</SEC-HEADER>")[0])
    assert h.top["CONFORMED SUBMISSION TYPE"] == "10-K"
    assert h.company[("BUSINESS ADDRESS", "CITY")] == "SANTA CLARA"
    assert h.company[("MAIL ADDRESS", "CITY")] == "MAILTOWN"
    blocks = [("Item 1. Business", False), ("Item 1A. Risk Factors", False), ("Cover", False),
              ("ITEM 1. BUSINESS", False), ("Long business text. " * 5, False), ("ITEM 2. PROPERTIES", False),
              ("Offices.", False)]
    out, found, heads = reorder_business_first(blocks)
    assert found and out[0][0] == "ITEM 1. BUSINESS" and out[1][0].startswith("Long business")
    assert [b for b, _ in out[2:]] == ["Item 1. Business", "Item 1A. Risk Factors", "Cover", "ITEM 2. PROPERTIES", "Offices."]


def test_plain_text_body(tmp_path: Path) -> None:
    body = """<DOCUMENT>
<TYPE>10-K
<SEQUENCE>1
<TEXT>
<PAGE>
                        TABLE OF CONTENTS
ITEM 1.  BUSINESS ..................................... 3
ITEM 2.  PROPERTIES ................................... 9

                               PART I
ITEM 1.  BUSINESS

     NVIDIA Corporation designs graphics processors. The company was
incorporated in California in 1993 and is based in Santa Clara.

ITEM 2.  PROPERTIES

     Our headquarters are in Santa Clara.
</TEXT>
</DOCUMENT>
"""
    p = tmp_path / "old-10k.txt"
    p.write_text(HEADER + body)
    doc = load_path(p)
    body_text = doc.text[doc.meta["body_start"] :]
    assert body_text.startswith("ITEM 1. BUSINESS\n\nNVIDIA Corporation designs graphics processors. The company was "
                                "incorporated in California in 1993 and is based in Santa Clara.\n\n")
    assert "<PAGE>" not in doc.text
    assert [h for _, h in doc.sections] == ["SEC header", "ITEM 1. BUSINESS", "ITEM 2. PROPERTIES"]


# ---------------------------------------------------------------------- only the prose reaches the extractor
PLAIN_SUBMISSION = """<SEC-DOCUMENT>0009990001-25-000007.txt : 20250130
<SEC-HEADER>0009990001-25-000007.hdr.sgml : 20250130
ACCESSION NUMBER:\t\t0009990001-25-000007
CONFORMED SUBMISSION TYPE:\t10-K
CONFORMED PERIOD OF REPORT:\t20241231
FILED AS OF DATE:\t\t20250130

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\tVOLTLINE MOTORS, INC.
\t\tCENTRAL INDEX KEY:\t\t\t0009990001
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSERVICES-PREPACKAGED SOFTWARE [7372]
\t\tSTATE OF INCORPORATION:\t\t\tDE
\t\tFISCAL YEAR END:\t\t\t1231

\tBUSINESS ADDRESS:\t
\t\tSTREET 1:\t\t4 HILLVIEW AVENUE
\t\tCITY:\t\t\tPALO ALTO
\t\tSTATE:\t\t\tCA
\t\tZIP:\t\t\t94304
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-K
<SEQUENCE>1
<TEXT>
TABLE OF CONTENTS

Item 1. | Business | 4
Item 3. | Legal Proceedings | 20

ITEM 1. BUSINESS

Voltline Motors, Inc. ("Voltline," the "Company," "we") designs electric trucks in Palo Alto.
Voltline partners with Panasonic at Gigafactory Nevada on battery cells. Our Autopilot team
builds driver assistance software with researchers at Stanford University. The Autopilot team has
300 engineers.

ITEM 3. LEGAL PROCEEDINGS

None.
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
"""


@pytest.fixture(scope="module")
def extractor():
    from aikg.ingest.nlp.extractor import shared_extractor

    return shared_extractor()


def test_header_field_names_never_become_entities(tmp_path: Path, extractor) -> None:
    p = tmp_path / "voltline-10k.txt"
    p.write_text(PLAIN_SUBMISSION, encoding="ascii")
    doc = load_path(p)
    assert "FISCAL YEAR END: 1231" in doc.text[: doc.meta["body_start"]]  # the header stays, for its evidence
    facts = extractor.extract(doc)
    assert facts.mentions and all(m.start >= doc.meta["body_start"] for m in facts.mentions)
    texts = {m.text for m in facts.mentions}
    assert not texts & {"CITY", "FISCAL YEAR END", "CENTRAL INDEX KEY", "SERVICES-PREPACKAGED SOFTWARE", "PALO ALTO"}
    assert {"Voltline Motors, Inc.", "Panasonic", "Stanford University"} <= texts
    assert not any(" at " in t for t in texts)


def test_product_team_and_contents_rows_are_not_companies(tmp_path: Path, extractor) -> None:
    p = tmp_path / "voltline-10k.txt"
    p.write_text(PLAIN_SUBMISSION, encoding="ascii")
    facts = extractor.extract(load_path(p))
    kinds = {(m.text, m.type) for m in facts.mentions}
    assert ("Autopilot", "Company") not in kinds
    assert not any(t == "Legal Proceedings" for t, _ in kinds)
