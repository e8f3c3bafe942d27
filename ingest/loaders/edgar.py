"""SEC EDGAR filings: full-submission text files (SGML header + documents) and primary HTML filings.

The header becomes structured facts (the filer as a Company with its CIK, SIC and state
of incorporation; its business-address city as a Cluster; LOCATED_IN between them) whose
spans point at a short header block that starts the document text. The main document's
body follows, with Item 1 "Business" moved to the front. ``meta["body_start"]`` is where the
prose begins: the extractor reads only the text from there on, so the header's field names
("CITY", "FISCAL YEAR END", "CENTRAL INDEX KEY") never become entities while the header facts
keep their evidence spans. The header is parsed here rather than with edgartools: see docs/loaders.md.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aikg.core.errors import InputError
from aikg.core.facts import EntityRecord, Evidence, Mention, Record, RelationRecord
from aikg.core.ids import content_id, entity_id
from aikg.ingest.document import LoadedDocument
from aikg.ingest.loaders._common import TextBuilder, iso_date, squash
from aikg.ingest.loaders.html import html_blocks, sniff_html
from aikg.ingest.loaders.text import decode_text

METHOD_HEADER = "edgar-header"
METHOD_IXBRL = "edgar-ixbrl"

_GROUPS = ("FILER", "SUBJECT COMPANY", "FILED BY", "ISSUER", "REPORTING-OWNER", "SERIAL COMPANY")
_LINE = re.compile(r"^([ \t]*)([A-Z0-9][A-Z0-9 ,.&/()'\-]*?):[ \t]*(.*?)[ \t]*$")
_SGML_START_RE = re.compile(rb"(?m)^[ \t]*<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT)>")
_FORM_RE = re.compile(rb"form\s+(?:10-k|10-q|8-k|20-f|40-f|s-1|10-k405|10-ksb)\b")
_ITEM = re.compile(r"^\s*item\s*(\d{1,2}\s*[a-d]?)\s*[.:\-–—]?\s*(.*)$", re.IGNORECASE)
_SGML_TAG = re.compile(r"</?(?:PAGE|S|C|F\d+|FN|CAPTION|TABLE|DESCRIPTION|SEQUENCE|FILENAME|TYPE)>", re.IGNORECASE)
_MONTH_DATE = re.compile(r"([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4})")
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}

# Header lines written at the start of the text, in this order: (group-relative path, label).
_HEADER_LINES = (
    (("COMPANY DATA", "COMPANY CONFORMED NAME"), "COMPANY CONFORMED NAME"),
    (("COMPANY DATA", "CENTRAL INDEX KEY"), "CENTRAL INDEX KEY"),
    (("COMPANY DATA", "STANDARD INDUSTRIAL CLASSIFICATION"), "STANDARD INDUSTRIAL CLASSIFICATION"),
    (("COMPANY DATA", "STATE OF INCORPORATION"), "STATE OF INCORPORATION"),
    (("COMPANY DATA", "FISCAL YEAR END"), "FISCAL YEAR END"),
    ((None, "CONFORMED SUBMISSION TYPE"), "CONFORMED SUBMISSION TYPE"),
    ((None, "CONFORMED PERIOD OF REPORT"), "CONFORMED PERIOD OF REPORT"),
    ((None, "FILED AS OF DATE"), "FILED AS OF DATE"),
    ((None, "ACCESSION NUMBER"), "ACCESSION NUMBER"),
)
_ADDRESS_LINES = ("STREET 1", "STREET 2", "CITY", "STATE", "ZIP")


@dataclass
class Header:
    top: dict[str, str] = field(default_factory=dict)  # ACCESSION NUMBER, CONFORMED SUBMISSION TYPE, ...
    company: dict[tuple[str, str], str] = field(default_factory=dict)  # (section, key) of the first filer
    former_names: list[str] = field(default_factory=list)


def parse_header(header: str) -> Header:
    """Read the ``<SEC-HEADER>`` key/value lines; company fields come from the first FILER group."""
    out = Header()
    groups: list[tuple[str, dict[tuple[str, str], str], list[str]]] = []
    section = ""
    for raw in header.splitlines():
        m = _LINE.match(raw)
        if not m:
            continue
        indent, key, value = m.groups()
        key = " ".join(key.split())
        value = " ".join(value.split())
        if not indent:
            if value:
                out.top.setdefault(key, value)
            elif key in _GROUPS:
                groups.append((key, {}, []))
                section = ""
            continue
        if not value:
            section = key
            continue
        if groups:
            _, fields, former = groups[-1]
            if section == "FORMER COMPANY" and key == "FORMER CONFORMED NAME":
                former.append(value)
            fields.setdefault((section, key), value)
    for wanted in _GROUPS:
        for name, fields, former in groups:
            if name == wanted:
                out.company, out.former_names = fields, former
                return out
    return out


def _ix_date(text: str) -> str | None:
    iso = iso_date(text)
    if iso:
        return iso
    m = _MONTH_DATE.search(text)
    if m and m.group(1).lower() in _MONTHS:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2))).isoformat()
        except ValueError:
            return None
    return None


def _dei_facts(root: Any) -> dict[str, str]:
    """Cover-page facts tagged in inline XBRL (``<ix:nonNumeric name="dei:...">``)."""
    out: dict[str, str] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.tag.lower().startswith("ix:non"):
            continue
        name = el.get("name") or ""
        if name.startswith("dei:"):
            value = squash(el.text_content())
            if value:
                out.setdefault(name[4:], value)
    return out


def _item_sections(blocks: list[tuple[str, bool]]) -> tuple[list[int], dict[int, tuple[str, int]]]:
    """Indices of item headings, and for each the end index of its section."""
    heads: list[tuple[int, str]] = []
    for i, (piece, _) in enumerate(blocks):
        if len(piece) > 200:
            continue
        m = _ITEM.match(piece.replace("|", " "))
        if m:
            heads.append((i, m.group(1).replace(" ", "").upper()))
    ends: dict[int, tuple[str, int]] = {}
    for k, (i, number) in enumerate(heads):
        end = len(blocks)
        for j, other in heads[k + 1 :]:
            if other != number:
                end = j
                break
        ends[i] = (number, end)
    return [i for i, _ in heads], ends


_TOC_LINE = re.compile(r"(?:\.{3,}|\|)\s*\d{1,3}\s*$")


def _size(blocks: list[tuple[str, bool]], start: int, end: int) -> int:
    """Characters of the section a heading at ``start`` opens (0 for a table-of-contents line)."""
    if _TOC_LINE.search(blocks[start][0]):
        return 0
    return sum(len(p) for p, _ in blocks[start + 1 : end])


def reorder_business_first(blocks: list[tuple[str, bool]]) -> tuple[list[tuple[str, bool]], bool, list[int]]:
    """Move the Item 1 "Business" section (the real one, not its table-of-contents line) to the front.

    Returns the new blocks, whether Item 1 was found, and the indices (in the new
    order) of the item headings that open each item's longest section.
    """
    heads, ends = _item_sections(blocks)
    best: dict[str, tuple[int, int, int]] = {}  # number -> (size, start, end)
    for i in heads:
        number, end = ends[i]
        size = _size(blocks, i, end)
        if number not in best or size > best[number][0]:
            best[number] = (size, i, end)
    business = None
    for i in heads:
        number, end = ends[i]
        rest = _ITEM.match(blocks[i][0].replace("|", " ")).group(2)  # type: ignore[union-attr]
        if number == "1" and rest.lower().lstrip(" .:-").startswith("business"):
            size = _size(blocks, i, end)
            if business is None or size > business[0]:
                business = (size, i, end)
    starts = {start for _, start, _ in best.values()}
    if business is None:
        return blocks, False, sorted(starts)
    _, s, e = business
    order = list(range(s, e)) + list(range(0, s)) + list(range(e, len(blocks)))
    position = {old: new for new, old in enumerate(order)}
    return [blocks[i] for i in order], True, sorted(position[i] for i in starts | {s})


def _plain_blocks(text: str) -> list[tuple[str, bool]]:
    """Blocks of a plain-text filing: paragraphs split at blank lines; an "ITEM n." line is a block of its own."""
    text = _SGML_TAG.sub("", text)
    out: list[tuple[str, bool]] = []
    for para in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in para.split("\n"):
            if _ITEM.match(line) and len(line.strip()) <= 120:
                if squash(" ".join(current)):
                    out.append((squash(" ".join(current)), False))
                out.append((squash(line), False))
                current = []
            else:
                current.append(line)
        if squash(" ".join(current)):
            out.append((squash(" ".join(current)), False))
    return out


_HTML_TAG = re.compile(r"<(?:html|body|div|p|table|font|br|span)[\s>/]", re.IGNORECASE)


def _body_blocks(body: str) -> list[tuple[str, bool]]:
    if _HTML_TAG.search(body[:20000]):
        body = re.sub(r"</?XBRL>", "", body, flags=re.IGNORECASE)
        return html_blocks(body, drop=("script", "style", "noscript", "template", "head"))
    return _plain_blocks(body)


def _documents(text: str) -> list[tuple[str, str]]:
    """``(type, body)`` of every ``<DOCUMENT>`` of a full submission."""
    docs: list[tuple[str, str]] = []
    for m in re.finditer(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", text, re.DOTALL | re.IGNORECASE):
        chunk = m.group(1)
        t = re.search(r"<TYPE>([^\n<]*)", chunk, re.IGNORECASE)
        body = re.search(r"<TEXT>(.*?)(?:</TEXT>|\Z)", chunk, re.DOTALL | re.IGNORECASE)
        docs.append(((t.group(1).strip() if t else ""), body.group(1) if body else chunk))
    return docs


_KEEP_UPPER = {"AI", "LLC", "LP", "LLP", "USA", "US", "UK", "IBM", "AMD", "NV", "SA", "AG", "ML", "II", "III", "IV"}


def _company_display_name(name: str) -> str:
    """EDGAR conformed names are upper case: "CASCADIA NEURAL SYSTEMS, INC." -> "Cascadia Neural Systems, Inc."."""
    if not name.isupper():
        return name
    words = re.split(r"(\W+)", name.title())
    return "".join(w.upper() if w.upper() in _KEEP_UPPER else w for w in words)


def _title_case_place(name: str) -> str:
    """"SANTA CLARA" -> "Santa Clara"; mixed-case names are kept as written."""
    return name.title() if name.isupper() or name.islower() else name


def _build_facts(
    doc_id: str,
    method: str,
    company: tuple[str, int, int] | None,
    city: tuple[str, int, int, str] | None,
    props: dict[str, str],
    aliases: list[str],
    state: str | None,
) -> list[Record]:
    """Company, Cluster and LOCATED_IN records; spans are offsets of the header values."""
    if company is None:
        return []
    raw_name, cstart, cend = company
    name = _company_display_name(raw_name)
    cid = entity_id("Company", name)
    records: list[Record] = [
        EntityRecord(
            id=cid,
            type="Company",
            name=name,
            aliases=[a for a in dict.fromkeys([raw_name, *aliases]) if a != name],
            mentions=[Mention(doc_id, cstart, cend)],
            props={k: v for k, v in props.items() if v},
        )
    ]
    if city is not None:
        raw_city, start, end, line = city
        place = _title_case_place(raw_city)
        pid = entity_id("Cluster", place)
        records.append(
            EntityRecord(
                id=pid,
                type="Cluster",
                name=place,
                aliases=[raw_city] if raw_city != place else [],
                mentions=[Mention(doc_id, start, end)],
                props={"state": state} if state else {},
            )
        )
        line_start = start - line.index(raw_city)
        records.append(
            RelationRecord(
                type="LOCATED_IN",
                source=cid,
                target=pid,
                confidence=1.0,
                method=method,
                evidence=[Evidence(doc_id, line_start, line_start + len(line), line)],
            )
        )
    return records


def _sic(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    m = re.search(r"\[(\d{3,4})\]", value)
    desc = squash(re.sub(r"\[\d+\]", "", value)) or None
    return (m.group(1) if m else (value if value.isdigit() else None)), desc


_Spans = dict[str, tuple[int, int, str]]  # header label -> (value start, value end, line)


def _header_text(b: TextBuilder, header: Header) -> tuple[_Spans, dict[str, str | None]]:
    """Write the SEC header's lines (and the business address) as the document's first section;
    return where each labelled value sits, for the facts' evidence, and the address fields."""
    spans: _Spans = {}

    def line(label: str, value: str) -> None:
        piece = f"{label}: {value}"
        start, _ = b.add(piece)
        b.add("\n")
        spans.setdefault(label, (start + len(label) + 2, start + len(piece), piece))

    b.sections.append((0, "SEC header"))
    for (section, key), label in _HEADER_LINES:
        value = header.top.get(key) if section is None else header.company.get((section, key))
        if value:
            line(label, value)
    address = {k: header.company.get(("BUSINESS ADDRESS", k)) for k in _ADDRESS_LINES}
    if any(address.values()):
        b.add("BUSINESS ADDRESS:\n")
        for key in _ADDRESS_LINES:
            if address[key]:
                line(key, address[key])  # type: ignore[arg-type]
    b.add("\n")
    return spans, address


def _header_facts(doc_id: str, header: Header, spans: _Spans,
                  address: dict[str, str | None]) -> tuple[list[Record], dict[str, str]]:
    """The filer company's facts from the header (name, CIK, SIC, state, city, former names),
    with their evidence in the header lines; and the company's properties."""
    name = header.company.get(("COMPANY DATA", "COMPANY CONFORMED NAME"))
    sic, sic_desc = _sic(header.company.get(("COMPANY DATA", "STANDARD INDUSTRIAL CLASSIFICATION")))
    props = {
        "cik": header.company.get(("COMPANY DATA", "CENTRAL INDEX KEY")) or "",
        "sic": sic or "",
        "sic_description": sic_desc or "",
        "state_of_incorporation": header.company.get(("COMPANY DATA", "STATE OF INCORPORATION")) or "",
    }
    company = (name, *spans["COMPANY CONFORMED NAME"][:2]) if name else None
    city = None
    if address.get("CITY"):
        cs, ce, cline = spans["CITY"]
        city = (address["CITY"], cs, ce, cline)
    facts = _build_facts(doc_id, METHOD_HEADER, company, city, props, header.former_names,  # type: ignore[arg-type]
                         address.get("STATE"))
    return facts, props


class EdgarLoader:
    name = "edgar"
    extensions: tuple[str, ...] = ()  # .txt and .htm like other formats: recognised by content

    def sniff(self, head: bytes) -> bool:
        # the SGML tags open a line near the top of a real submission; a note or README that
        # merely names them (inside prose or backticks) is not a filing
        if _SGML_START_RE.search(head[:4096]):
            return True
        low = head.lower()
        if not (sniff_html(head) or b"<html" in low[:8192]):
            return False
        if b"xmlns:ix=" in low or b"<ix:header" in low:
            return True
        # A cover page opens with the commission's name and the form: look only at the start
        # of the visible text, so a news story about a 10-K stays a web page.
        visible = re.sub(rb"<(head|script|style)\b.*?</\1\s*>", b" ", low, flags=re.DOTALL)
        flat = re.sub(rb"(?:<[^>]*>|&#160;|&nbsp;|&#xa0;|\xc2\xa0|\s)+", b" ", visible)[:3000]
        return b"securities and exchange commission" in flat and bool(_FORM_RE.search(flat))

    def load(self, path: Path, data: bytes, **options: Any) -> LoadedDocument:
        text, _ = decode_text(data, ext=path.suffix)
        if not text.strip():
            raise InputError("empty file (only whitespace): nothing to load; remove it or add content")
        doc_id = content_id(data)
        head = text[:4096]
        if "<SEC-HEADER>" in head or "<SEC-DOCUMENT>" in head or "<IMS-DOCUMENT>" in head:
            return self._full_submission(path, doc_id, text)
        return self._primary_html(path, doc_id, text)

    # ---------------------------------------------------------------- full submission

    def _full_submission(self, path: Path, doc_id: str, text: str) -> LoadedDocument:
        m = re.search(r"<(?:SEC|IMS)-HEADER>(.*?)</(?:SEC|IMS)-HEADER>", text, re.DOTALL)
        if not m:
            raise InputError("EDGAR submission without a complete <SEC-HEADER>: the file may be truncated; re-download it")
        header = parse_header(m.group(1))
        docs = _documents(text[m.end() :])
        form = header.top.get("CONFORMED SUBMISSION TYPE", "")
        main = next((d for d in docs if d[0].upper() == form.upper()), docs[0] if docs else None)
        blocks = _body_blocks(main[1]) if main else []
        warnings: list[str] = []
        if not blocks:
            warnings.append("the submission has no readable main document; only the header was loaded")
        blocks, found, item_heads = reorder_business_first(blocks)
        if blocks and not found:
            warnings.append('no Item 1 "Business" section found; body kept in filing order')

        b = TextBuilder()
        spans, address = _header_text(b, header)
        body_start = b.length
        item_set = set(item_heads)
        for i, (piece, _) in enumerate(blocks):
            if i in item_set:
                b.heading(piece)
            else:
                b.paragraph(piece)

        name = header.company.get(("COMPANY DATA", "COMPANY CONFORMED NAME"))
        facts, props = _header_facts(doc_id, header, spans, address)
        if name is None:
            warnings.append("the header names no filer company; no company facts")
        period = iso_date(header.top.get("CONFORMED PERIOD OF REPORT"))
        filed = iso_date(header.top.get("FILED AS OF DATE"))
        title = " ".join(p for p in (name, form, period) if p) or path.stem
        meta: dict[str, Any] = {
            "format": "edgar-full-submission",
            "form": form or None,
            "period": period,
            "filed": filed,
            "cik": props["cik"] or None,
            "accession": header.top.get("ACCESSION NUMBER"),
            "documents": len(docs),
            "item1_found": found,
            "body_start": body_start,
        }
        if warnings:
            meta["warnings"] = warnings
        return LoadedDocument(
            id=doc_id,
            source=str(path),
            title=title,
            kind="filing",
            text=b.text(),
            published=filed,
            publisher=name,
            sections=sorted(set(b.sections)),
            facts=facts,
            meta={k: v for k, v in meta.items() if v is not None},
        )

    # ---------------------------------------------------------------- primary HTML document

    def _primary_html(self, path: Path, doc_id: str, text: str) -> LoadedDocument:
        from aikg.ingest.loaders.html import parse_html, soup_blocks

        root, too_deep = parse_html(text)
        if root is None:
            raise InputError("EDGAR HTML filing could not be parsed: check the file is complete")
        dei = _dei_facts(root)
        drop = ("script", "style", "noscript", "template", "head")
        blocks = soup_blocks(text, drop=drop) if too_deep else html_blocks(root, drop=drop)
        if not blocks:
            raise InputError("no text: the filing's HTML has no readable content; check the file is complete")
        blocks, found, item_heads = reorder_business_first(blocks)
        warnings: list[str] = []
        if not found:
            warnings.append('no Item 1 "Business" section found; body kept in filing order')
        b = TextBuilder()
        spans: dict[str, tuple[int, int, str]] = {}
        labels = (
            ("EntityRegistrantName", "ENTITY REGISTRANT NAME"),
            ("EntityCentralIndexKey", "ENTITY CENTRAL INDEX KEY"),
            ("EntityIncorporationStateCountryCode", "ENTITY INCORPORATION STATE"),
            ("DocumentType", "DOCUMENT TYPE"),
            ("DocumentPeriodEndDate", "DOCUMENT PERIOD END DATE"),
            ("EntityAddressCityOrTown", "ENTITY ADDRESS CITY"),
            ("EntityAddressStateOrProvince", "ENTITY ADDRESS STATE"),
        )
        if dei:
            b.sections.append((0, "Cover page (inline XBRL)"))
        for key, label in labels:
            if dei.get(key):
                piece = f"{label}: {dei[key]}"
                start, _ = b.add(piece)
                b.add("\n")
                spans[key] = (start + len(label) + 2, start + len(piece), piece)
        if dei:
            b.add("\n")
        body_start = b.length
        item_set = set(item_heads)
        for i, (piece, _) in enumerate(blocks):
            (b.heading if i in item_set else b.paragraph)(piece)
        name = dei.get("EntityRegistrantName")
        company = (name, *spans["EntityRegistrantName"][:2]) if name else None
        city = None
        if dei.get("EntityAddressCityOrTown"):
            cs, ce, cline = spans["EntityAddressCityOrTown"]
            city = (dei["EntityAddressCityOrTown"], cs, ce, cline)
        props = {
            "cik": dei.get("EntityCentralIndexKey", ""),
            "state_of_incorporation": dei.get("EntityIncorporationStateCountryCode", ""),
        }
        facts = _build_facts(doc_id, METHOD_IXBRL, company, city, props, [], dei.get("EntityAddressStateOrProvince"))
        form = dei.get("DocumentType") or self._form_from_text(blocks)
        period = _ix_date(dei.get("DocumentPeriodEndDate", ""))
        title = " ".join(p for p in (name, form, period) if p) or path.stem
        meta: dict[str, Any] = {
            "format": "edgar-html",
            "form": form,
            "period": period,
            "cik": props["cik"] or None,
            "item1_found": found,
            "body_start": body_start,
        }
        if warnings:
            meta["warnings"] = warnings
        return LoadedDocument(
            id=doc_id,
            source=str(path),
            title=title,
            kind="filing",
            text=b.text(),
            published=None,
            publisher=name,
            sections=sorted(set(b.sections)),
            facts=facts,
            meta={k: v for k, v in meta.items() if v is not None},
        )

    @staticmethod
    def _form_from_text(blocks: list[tuple[str, bool]]) -> str | None:
        for piece, _ in blocks[:80]:
            m = re.search(r"\bFORM\s+(10-K|10-Q|8-K|20-F|40-F|S-1)\b", piece, re.IGNORECASE)
            if m:
                return m.group(1).upper()
        return None


LOADER = EdgarLoader()
