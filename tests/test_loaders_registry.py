"""Loader registry: picking a loader, discover(), size limit, empty and binary files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aikg.core.errors import InputError
from aikg.ingest.loaders import SUPPORTED_EXTENSIONS, Loader, discover, get_loader, load_path, loader_names, pick_loader


def test_import_is_lazy() -> None:
    code = (
        "import sys, aikg.ingest.loaders as L\n"
        "[L.get_loader(n) for n in L.loader_names()]\n"
        "heavy = ('pypdf', 'pdfplumber', 'trafilatura', 'openpyxl', 'lxml', 'bs4', 'markdown_it', 'charset_normalizer')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_registered_loader_fits_the_protocol() -> None:
    for name in loader_names():
        loader = get_loader(name)
        assert isinstance(loader, Loader)
        assert loader.name == name
    assert {".pdf", ".html", ".htm", ".md", ".txt", ".csv", ".xlsx"} <= SUPPORTED_EXTENSIONS


def test_content_sniffing_wins_over_extension(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello there.</p></body></html>")
    assert pick_loader(page, page.read_bytes()).name == "html"
    note = tmp_path / "notes.md"
    note.write_text("# Title\n\nBody text.\n")
    assert pick_loader(note, note.read_bytes()).name == "markdown"
    unknown = tmp_path / "readme.rst"
    unknown.write_text("A plain text file with an unknown extension.\n")
    doc = load_path(unknown)
    assert doc.kind == "text" and "unknown extension" in doc.text


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.md", b"  \n\t\n"), ("blank.csv", b"\n\n")):
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(InputError, match="empty file") as err:
            load_path(p)
        assert err.value.source == str(p)


def test_binary_with_text_extension(tmp_path: Path) -> None:
    p = tmp_path / "data.txt"
    p.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match=r"binary data with a \.txt extension"):
        load_path(p)
    q = tmp_path / "blob.bin"
    q.write_bytes(b"\x00\x01\x02garbage\x00" * 100)
    with pytest.raises(InputError, match="unsupported file type .bin"):
        load_path(q)


def test_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text("word " * 600_000)  # 3 MB
    with pytest.raises(InputError) as err:
        load_path(p, max_bytes=2 * 1024 * 1024)
    assert "file is 2.9 MB, over the 2 MB limit (--max-size)" in str(err.value)
    assert load_path(p, max_bytes=None).text.startswith("word word")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        load_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        load_path(tmp_path)


def test_discover_walks_sorted_and_explains_skips(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("hidden dir")
    (tmp_path / ".hidden.md").write_text("# hidden file")
    (tmp_path / "~$lock.xlsx").write_bytes(b"lock")
    (tmp_path / "b" / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.md").write_text("# A")
    (tmp_path / "b" / "table.csv").write_text("name,type\nX,Company\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    found = list(discover([tmp_path]))
    names = [p.relative_to(tmp_path).as_posix() for p, _ in found]
    assert names == sorted(names)
    assert names == [".git", ".hidden.md", "a.md", "b/report.pdf", "b/table.csv", "old.xls", "photo.png", "~$lock.xlsx"]
    reasons = {p.name: r for p, r in found}
    assert reasons[".git"].startswith("hidden folder") and reasons[".hidden.md"].startswith("hidden file")
    assert "lock file" in reasons["~$lock.xlsx"]  # skipped with a note, not silently
    assert reasons["a.md"] is None and reasons["report.pdf"] is None and reasons["table.csv"] is None
    assert "unsupported extension .png" in reasons["photo.png"]
    assert ".xlsx" in reasons["old.xls"]  # says what to do
    # explicit files, globs, duplicates and missing paths
    found = list(discover([tmp_path / "a.md", str(tmp_path / "**" / "*.csv"), tmp_path / "a.md", tmp_path / "gone.txt"]))
    assert [(p.name, r) for p, r in found] == [("a.md", None), ("table.csv", None), ("gone.txt", "not found")]
    # an explicitly named hidden file is considered; an EDGAR file without extension is sniffed
    sec = tmp_path / "0001045810-24-000029"
    sec.write_text("<SEC-DOCUMENT>x\n<SEC-HEADER>\n</SEC-HEADER>\n")
    assert list(discover([tmp_path / ".hidden.md", sec])) == [(tmp_path / ".hidden.md", None), (sec, None)]
