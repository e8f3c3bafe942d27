"""PDF loader on real PDFs written by reportlab (and encrypted with pypdf)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from aikg.core.errors import InputError
from aikg.ingest.loaders import load_path
from aikg.ingest.loaders.pdf import clean_page, join_pages

PHRASE = "The Pittsburgh cluster anchors robotics research in the United States."
PAGE1 = [
    "Regional AI Ecosystems",
    "",
    "The report examines how universities and firms build regional clusters of",
    "artificial intelligence talent. It finds that collabo-",
    "ration between Carnegie Mellon University and local startups drives growth",
    "in Pittsburgh, while state funding supports new research centres across the",
    "region.",
    "",
    "1. Methods",
    "We reviewed public filings, news and think-tank reports published between",
    "2019 and 2024 and coded every partnership we found in them for this study.",
]
PAGE2 = [PHRASE, "Other hubs are smaller but growing quickly according to the data we have."]


def make_pdf(path: Path, pages: list[list[str]], *, title: str | None = None, author: str | None = None) -> Path:
    c = canvas.Canvas(str(path), pagesize=letter, invariant=1)
    if title:
        c.setTitle(title)
    if author:
        c.setAuthor(author)
    for lines in pages:
        y = 720
        for line in lines:
            if line:
                c.drawString(72, y, line)
            y -= 14
        c.drawString(300, 40, str(c.getPageNumber()))  # page number in the footer
        c.showPage()
    c.save()
    return path


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return make_pdf(tmp_path / "report.pdf", [PAGE1, PAGE2], title="Regional AI Ecosystems Report",
                    author="Example Institute")


def test_two_page_report(report: Path) -> None:
    doc = load_path(report)
    assert doc.kind == "report"
    assert doc.title == "Regional AI Ecosystems Report"
    assert doc.publisher == "Example Institute"
    assert doc.published and len(doc.published) == 10
    assert doc.pages is not None and len(doc.pages) == 2 and doc.pages[0] == 0
    start = doc.text.index(PHRASE)
    end = start + len(PHRASE)
    assert doc.text[start:end] == PHRASE
    assert doc.page_of(start) == 2 and doc.page_of(end - 1) == 2
    assert doc.page_of(doc.text.index("Carnegie Mellon")) == 1
    assert doc.text[doc.pages[1] :].startswith(PHRASE)
    # hyphenated line break and in-paragraph newlines joined; heading kept apart
    assert "It finds that collaboration between Carnegie Mellon University and local startups" in doc.text
    assert "collabo-" not in doc.text
    assert "Regional AI Ecosystems\n\nThe report examines" in doc.text
    assert "across the region.\n\n1. Methods\n\nWe reviewed" in doc.text
    # footer page numbers dropped
    assert "study.\n\n" + PHRASE in doc.text
    assert doc.record().pages == doc.pages


def test_encrypted_pdf(report: Path, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(report))
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError, match="PDF is password-protected: remove the password and retry"):
        load_path(locked)


def test_owner_password_only_pdf_opens(report: Path, tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=str(report))
    writer.encrypt(user_password="", owner_password="owner")
    p = tmp_path / "restricted.pdf"
    with p.open("wb") as fh:
        writer.write(fh)
    assert PHRASE in load_path(p).text


def test_scanned_pdf_without_text_layer(tmp_path: Path) -> None:
    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p), pagesize=letter)
    c.rect(72, 400, 300, 200, fill=1)
    c.circle(300, 300, 50)
    c.line(72, 72, 500, 700)
    c.showPage()
    c.save()
    with pytest.raises(InputError, match=r"no text layer \(scanned\): run OCR first"):
        load_path(p)


def test_truncated_and_corrupt_pdf(report: Path, tmp_path: Path) -> None:
    data = report.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="PDF is truncated"):
        load_path(cut)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    with pytest.raises(InputError, match="PDF is corrupt"):
        load_path(junk)
    fake = tmp_path / "fake.pdf"
    fake.write_text("just some text pretending to be a PDF")
    with pytest.raises(InputError, match="not a PDF"):
        load_path(fake)


def test_page_cleaning_rules() -> None:
    raw = "3\nA long line of text that goes on and on and on until the end of\nthe line. AI-\nbased tools help.\nShort heading\n• first bullet point\n"
    assert clean_page(raw) == (
        "A long line of text that goes on and on and on until the end of the line. AI-based tools help.\n\n"
        "Short heading\n\n• first bullet point"
    )
    text, pages = join_pages(["First page ends mid sen-", "tence here.", "", "New page."])
    assert text == "First page ends mid sentence here.\n\nNew page."
    assert pages == [0, len("First page ends mid sen"), len("First page ends mid sentence here."),
                     len("First page ends mid sentence here.\n\n")]


def test_running_headers_dropped_and_sentences_rejoined(tmp_path: Path) -> None:
    header = "Regional AI Ecosystems  |  Example Institute"
    filler = "This paragraph is filler text number {} that keeps the typical line of the page long"
    pages = [
        [header, filler.format(1), filler.format(2), "and it ends the page in the middle of a sentence about Carnegie Mellon"],
        [header, "University and its robotics institute, which anchors Pittsburgh.", filler.format(3),
         filler.format(4) + "."],
        [header, "Seattle", filler.format(5), "which ends with a full stop."],
    ]
    doc = load_path(make_pdf(tmp_path / "running.pdf", pages))
    assert header not in doc.text
    sentence = "a sentence about Carnegie Mellon University and its robotics institute, which anchors Pittsburgh."
    start = doc.text.index(sentence)
    assert doc.page_of(start) == 1 and doc.page_of(start + len(sentence) - 1) == 2
    assert doc.text[doc.pages[1] :].startswith("University and its robotics")
    assert f"{filler.format(4)}.\n\nSeattle\n\n{filler.format(5)}" in doc.text
    assert doc.text.startswith(filler.format(1))
