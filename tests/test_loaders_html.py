"""HTML loader: main content without boilerplate, metadata, fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from aikg.core.errors import InputError
from aikg.ingest.loaders import load_path

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>AI Hubs Rise Across the Midwest | Example News</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-15T10:00:00Z">
<script>var trackingSecret = "SCRIPTSECRET";</script>
<style>.nav { color: red } STYLESECRET</style>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">NAVLINK About us</a></li></ul></nav>
<header><div class="logo">Example News masthead</div></header>
<main><article>
<h1>AI Hubs Rise Across the Midwest</h1>
<p>The University of Michigan announced a new partnership with Ford Motor Company on autonomous vehicle
research in Ann Arbor. The collaboration will fund twenty new doctoral positions over five years.</p>
<h2>Funding</h2>
<p>The National Science Foundation awarded a grant of ten million dollars to the consortium, which includes
several regional colleges and startups based in Detroit and Columbus.</p>
<ul><li>Mcity opened a second test track in Ypsilanti.</li><li>Columbus launched a robotics accelerator.</li></ul>
<p>Officials said the investment would draw talent and venture capital to the region for years to come.</p>
</article></main>
<aside>SIDEBAR Subscribe to our newsletter for more stories.</aside>
<footer><p>FOOTERTEXT Copyright 2024 Example News. All rights reserved.</p></footer>
<script>console.log("SCRIPT2SECRET")</script>
</body></html>
"""


def test_article_without_boilerplate(tmp_path: Path) -> None:
    p = tmp_path / "article.html"
    p.write_text(ARTICLE, encoding="utf-8")
    doc = load_path(p)
    assert doc.kind == "web"
    assert doc.title == "AI Hubs Rise Across the Midwest"
    assert doc.published == "2024-03-15"
    assert doc.meta["author"] == "Jane Doe"
    assert doc.publisher in ("Example News", "Jane Doe")
    for junk in ("SCRIPTSECRET", "SCRIPT2SECRET", "STYLESECRET", "NAVLINK", "FOOTERTEXT", "trackingSecret"):
        assert junk not in doc.text
    assert "partnership with Ford Motor Company on autonomous vehicle research in Ann Arbor." in doc.text
    # paragraphs and list items are separated by blank lines
    assert "doctoral positions over five years.\n\n" in doc.text
    assert "Ypsilanti.\n\nColumbus launched" in doc.text
    assert ("Funding" in [h for _, h in doc.sections]) and all(doc.text[o:].startswith(h) for o, h in doc.sections)


def test_fallback_when_trafilatura_finds_nothing(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Tiny page</title><script>SCRIPTX()</script></head><body>"
        "<nav>NAVX</nav><div>Short note.</div><footer>FOOTX</footer></body></html>"
    )
    p = tmp_path / "tiny.htm"
    p.write_text(html)
    doc = load_path(p)
    assert doc.title == "Tiny page"
    assert "Short note." in doc.text
    assert "SCRIPTX" not in doc.text and "NAVX" not in doc.text and "FOOTX" not in doc.text


def test_declared_legacy_charset(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>M\xfcnchen \x96 caf\xe9.</p></body></html>'
    p = tmp_path / "legacy.html"
    p.write_bytes(html.encode("latin-1"))
    doc = load_path(p)
    assert doc.title == "Café"
    assert "München – café." in doc.text


def test_page_without_text(tmp_path: Path) -> None:
    p = tmp_path / "app.html"
    p.write_text('<!DOCTYPE html><html><head><script src="app.js"></script></head><body><div id="root"></div></body></html>')
    with pytest.raises(InputError, match="no text.*JavaScript"):
        load_path(p)


def test_nesting_deeper_than_libxml2_allows(tmp_path: Path) -> None:
    html = ("<html><head><title>Deep</title></head><body>" + "<div>" * 3000
            + "<h2>Montreal</h2><p>Mila is based in Montreal.</p><script>EVIL()</script>" + "</div>" * 3000
            + "</body></html>")
    p = tmp_path / "deep.html"
    p.write_text(html)
    doc = load_path(p)
    assert doc.text == "Montreal\n\nMila is based in Montreal.\n\n"
    assert doc.sections == [(0, "Montreal")] and doc.title == "Deep" and doc.meta["extractor"] == "bs4"
