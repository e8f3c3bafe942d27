"""A hostile-input corpus made by the tests (nothing downloaded): files that must each fail
cleanly with a named reason, or load without executing anything they contain."""

from __future__ import annotations

import io
import json
from pathlib import Path

GOOD_TEXT = (
    "Toronto's Vector Institute partners with NVIDIA on compute for researchers. "
    "The Vector Institute is based in Toronto and is funded by CIFAR.\n"
)


def _pdf(text_pages: list[str] | None, *, draw_only: bool = False) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for text in text_pages or ["x"]:
        if draw_only:
            c.rect(50, 50, 200, 200, fill=1)
        else:
            c.drawString(72, 720, text)
        c.showPage()
    c.save()
    return buf.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(["Secret report about Mila in Montreal."]))))
    writer.encrypt("open-sesame")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


#: Nested entity declarations ("billion laughs"): 1 KB that a naive parser expands to ~10^9 "lol"s.
_LOLS = "".join(f'<!ENTITY lol{i} "{"".join(f"&lol{i - 1};" for _ in range(10))}">' for i in range(1, 10))
BOMB_DTD = f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{_LOLS}]>'


def rdf_xml_bomb() -> bytes:
    """An RDF/XML file whose one literal is the entity bomb."""
    return (f'<?xml version="1.0"?>\n{BOMB_DTD}\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:schema="https://schema.org/">'
            '<rdf:Description rdf:about="https://w3id.org/aikg/entity/x"><schema:name>&lol9;</schema:name>'
            '</rdf:Description></rdf:RDF>\n').encode()


def xlsx_bomb() -> bytes:
    """A real workbook whose shared strings part declares the entity bomb."""
    import zipfile

    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["entity", "cluster"])
    wb.active.append(["Vector Institute", "Toronto"])
    plain = io.BytesIO()
    wb.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                head, sep, body = data.partition(b"?>") if data.startswith(b"<?xml") else (b"", b"", data)
                data = head + sep + BOMB_DTD.encode() + body.replace(b"Toronto", b"&lol9;")
            dst.writestr(info, data)
    return out.getvalue()


def make_hostile_corpus(folder: Path) -> dict[str, str | None]:
    """Write the files; return name -> expected failure reason fragment (None: must load cleanly)."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[bytes, str | None]] = {
        "empty.txt": (b"", "empty"),
        "whitespace.md": (b"   \n\t \n", "empty"),
        "binary.txt": (bytes(range(256)) * 64, "binary"),
        "nul_bytes.txt": (b"Vector\x00Institute\x00" * 200, "binary"),
        "truncated.pdf": (_pdf(["Truncated report."])[:300], "PDF"),
        "encrypted.pdf": (_encrypted_pdf(), "password"),
        "scanned.pdf": (_pdf(["", ""], draw_only=True), "text layer"),
        "zero.pdf": (b"%PDF-1.7\n", "PDF"),
        "png_as.md": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
        "corrupt.xlsx": (b"PK\x03\x04" + b"\x00" * 100, None),  # reason varies by library: any reason
        "no_entity_column.csv": (b"alpha,beta\n1,2\n3,4\n", "column"),
        "broken_edgar.txt": (b"<SEC-DOCUMENT>0000000000-26-000009.txt\n<SEC-HEADER>\nCOMPANY CONFORMED NAME:\n"
                             b"CENTRAL INDEX KEY: not-a-number\n", None),
        "nav_only.html": (b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>", None),
        "unsupported.docx": (b"PK\x03\x04 not really a docx", "unsupported"),
        "entity_bomb.xlsx": (xlsx_bomb(), "entit"),  # refused before openpyxl expands anything
        "entity_bomb.rdf": (rdf_xml_bomb(), "unsupported"),  # not a document; aikg import rdf refuses it
    }
    expected: dict[str, str | None] = {name: reason for name, (_, reason) in files.items()}
    # files that must load (no crash, no code execution), with hostile content kept as data
    loads = {
        "scripts.html": (
            "<html><head><title>Hub news</title><script>alert('x')</script>"
            "<style>p{color:red}</style></head><body onload=\"alert(1)\">"
            "<iframe src=\"javascript:alert(2)\"></iframe><article><h1>Hub news</h1>"
            "<p>Acme &lt;script&gt;alert(1)&lt;/script&gt; Labs partners with NVIDIA in Toronto.</p>"
            "<p><img src=x onerror=alert(1)> The Vector Institute is based in Toronto.</p>"
            "</article></body></html>").encode(),
        "deeply_nested.html": ("<html><body>" + "<div>" * 3000 + "<p>Mila is based in Montreal.</p>"
                               + "</div>" * 3000 + "</body></html>").encode(),
        "invalid_utf8.txt": b"Caf\xe9 talk: the Alan Turing Institute in London \xff\xfe partners with DeepMind.\n",
        "utf16_nobom.txt": "The Vector Institute is based in Toronto and partners with NVIDIA.\n".encode("utf-16-le"),
        "ragged.csv": b"metro_area,indicator,value,year\nToronto,AI job postings share,2.1,2024\nLondon,3.0\n"
                      b"Paris,AI job postings share,not-a-number,2024,extra\n",
        "formulas.csv": b"metro_area,indicator,value,year,source\n=cmd|' /C calc'!A0,AI papers,10,2024,@SUM(1+1)\n"
                        b"+Toronto,AI papers,12,2024,-2+3\n",
        "injection.md": ("# '}) DETACH DELETE n //\n\n\"> <x Labs partners with NVIDIA. "
                         "MATCH (n) DETACH DELETE n // is not a company.\n").encode(),
        "long_line.txt": (("Word " * 20_000) + "\nThe Alan Turing Institute is based in London.\n").encode(),
        "control_chars.md": "# Notes\n\nMila\u0007 is based in Montreal.\u200b\u202e Reversed text.\n".encode(),
        "cp1252.txt": "Montréal’s Mila – the Quebec AI Institute – partners with IVADO.\n".encode("cp1252"),
        "bom_utf8.md": "\ufeff# Singapore\n\nAI Singapore (AISG) is run by the National Research Foundation.\n".encode(),
    }
    for name, data in loads.items():
        files[name] = (data, None)
        expected[name] = None
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    # enormous: one byte over a small limit the test passes (--max-size), plus a real 50 MB+ file
    (folder / "huge.txt").write_bytes(b"a" * (50 * 1024 * 1024 + 10))
    expected["huge.txt"] = "limit"
    return expected


def bad_jsonl_lines() -> list[str]:
    """JSONL interchange lines with wrong types, missing fields, unknown types and dangling ids."""
    doc = "9" * 64
    return [
        json.dumps({"record": "document", "id": doc, "source": "x", "title": "", "kind": "text", "chars": 5}),
        json.dumps({"record": "entity", "id": "company:a", "type": "Company", "name": "A", "aliases": [],
                    "mentions": [{"doc": doc, "start": 0, "end": 1}]}),
        json.dumps({"record": "entity", "id": 5, "type": "Company", "name": "B"}),  # wrong type
        json.dumps({"record": "entity", "type": "Company", "name": "C"}),  # missing id
        json.dumps({"record": "entity", "id": "x:y", "type": "Spaceship", "name": "Y"}),  # unknown type
        json.dumps({"record": "relation", "type": "LIKES", "source": "company:a", "target": "company:a",
                    "confidence": 0.5, "method": "m", "evidence": [{"doc": doc, "start": 0, "end": 1, "sentence": "s"}]}),
        json.dumps({"record": "relation", "type": "FUNDS", "source": "company:a", "target": "company:ghost",
                    "confidence": 0.5, "method": "m", "evidence": [{"doc": doc, "start": 0, "end": 1, "sentence": "s"}]}),
        json.dumps({"record": "relation", "type": "FUNDS", "source": "company:a", "target": "company:a",
                    "confidence": "high", "method": "m", "evidence": []}),
        "[1, 2, 3]",
        "{\"record\": \"entity\", ",
    ]
