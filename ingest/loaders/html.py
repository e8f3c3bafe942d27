"""HTML: main content with trafilatura (boilerplate removed), lxml block text as the fallback."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from aikg.core.errors import InputError
from aikg.core.ids import content_id
from aikg.ingest.document import LoadedDocument
from aikg.ingest.loaders._common import TextBuilder, iso_date, squash
from aikg.ingest.loaders.text import decode_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)

BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table thead tbody tfoot tr "
    "blockquote pre br hr figure figcaption caption address center header footer nav aside "
    "form fieldset details summary title body html page".split()
)
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
BOILERPLATE_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
                    "iframe", "svg", "button", "select", "object", "embed", "canvas", "head")
_SEP, _HEAD, _CELL = "\ue000", "\ue001", "\ue002"  # private-use marks (lxml refuses control chars)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def sniff_html(head: bytes) -> bool:
    h = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if h.startswith(b"<!doctype html") or h.startswith(b"<html"):
        return True
    if h.startswith(b"<?xml") or h.startswith(b"<!--") or h.startswith(b"<!doctype"):
        return b"<html" in h
    return False


def decode_html(data: bytes) -> str:
    """Text of an HTML file: BOM, then the declared ``<meta charset>``, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data, ext=".html")[0]
    m = _CHARSET.search(data[:8192])
    if m:
        try:
            codec = codecs.lookup(m.group(1).decode("ascii"))
            return data.decode(codec.name).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, ext=".html")[0]


def parse_html(html: str) -> tuple[Any, bool]:
    """``(root, too_deep)``: the lxml tree (None when unparseable), and whether libxml2 gave
    up on nesting too deep for it (the tree is then cut short: use :func:`soup_blocks`)."""
    import lxml.html
    from lxml import etree

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses str input with an encoding declaration
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    too_deep = any("depth" in (e.message or "").lower() for e in parser.error_log)
    return root, too_deep


def _parse(html: str) -> Any:
    return parse_html(html)[0]


def _chunks(text: str) -> list[tuple[str, bool]]:
    blocks: list[tuple[str, bool]] = []
    for chunk in text.translate(_ZERO_WIDTH).split(_SEP):
        heading = _HEAD in chunk
        cells = [squash(c.replace(_HEAD, "")) for c in chunk.split(_CELL)]
        line = " | ".join(c for c in cells if c)
        if line:
            blocks.append((line, heading))
    return blocks


def soup_blocks(html: str, *, drop: tuple[str, ...] = BOILERPLATE_TAGS, drop_hidden: bool = True) -> list[tuple[str, bool]]:
    """:func:`html_blocks` with BeautifulSoup's pure-Python parser, which has no nesting limit.

    The tree is walked with an explicit stack (no recursion, no edits), so very deep
    documents cost linear time."""
    from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    skip_strings = (Comment, Declaration, Doctype, ProcessingInstruction)
    soup = BeautifulSoup(html, "html.parser")
    out: list[str] = []
    stack: list[Any] = [soup.body or soup]
    while stack:
        node = stack.pop()
        if isinstance(node, tuple):  # closing mark of a block or cell
            out.append(node[0])
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, skip_strings):
                out.append(str(node))
            continue
        name = (node.name or "").lower()
        if name in drop or name == "ix:header" or (drop_hidden and _HIDDEN.search(str(node.get("style") or ""))):
            continue
        if name in BLOCK_TAGS:
            out.append(_SEP + (_HEAD if name in HEADING_TAGS else ""))
            stack.append((_SEP,))
        elif name in ("td", "th"):
            stack.append((_CELL,))
        stack.extend(reversed(node.contents))
    return _chunks("".join(out))


def html_blocks(html: str | Any, *, drop: tuple[str, ...] = BOILERPLATE_TAGS, drop_hidden: bool = True) -> list[tuple[str, bool]]:
    """Blocks of visible text as ``(text, is_heading)``: one per paragraph, heading, list item or table row.

    Used when trafilatura finds nothing, and for SEC filings (where "boilerplate"
    detection would drop the financial tables). Table cells are joined with " | ".
    A string too deeply nested for libxml2 goes to :func:`soup_blocks`.
    """
    from lxml import etree

    if isinstance(html, str):
        root, too_deep = parse_html(html)
        if too_deep:
            return soup_blocks(html, drop=drop, drop_hidden=drop_hidden)
    else:
        root = html
    if root is None:
        return []
    doomed = [el for el in root.iter(etree.Comment, etree.ProcessingInstruction)]
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in drop or tag == "ix:header" or (drop_hidden and _HIDDEN.search(el.get("style") or "")):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    body = root.find("body") if root.find("body") is not None else root
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag in BLOCK_TAGS:
            el.text = _SEP + (_HEAD if tag in HEADING_TAGS else "") + (el.text or "")
            el.tail = _SEP + (el.tail or "")
        elif tag in ("td", "th"):
            el.tail = _CELL + (el.tail or "")
    return _chunks(body.text_content())


def _meta_tags(root: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    if root is None:
        return out
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in out:
            out[key] = value
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        out.setdefault("<title>", squash(title.text_content()))
    h1 = root.find(".//h1")
    if h1 is not None and h1.text_content().strip():
        out.setdefault("<h1>", squash(h1.text_content()))
    for t in root.iter("time"):
        if t.get("datetime"):
            out.setdefault("<time>", t.get("datetime"))
            break
    return out


def _first(meta: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if meta.get(key):
            return meta[key]
    return None


_CONTENT_ROOTS = ("article", "main")
_PAGE_CHROME = ("nav", "aside", "header", "footer", "form")


def preclean(root: Any) -> Any:
    """Drop scripts, styles and the page chrome (nav/aside/header/footer/form outside the
    article or main element) before trafilatura sees the page: on short pages its
    fallback extractors would otherwise keep them. JSON-LD scripts stay (metadata)."""
    from lxml import etree

    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            if el.tag is etree.Comment:
                doomed.append(el)
            continue
        tag = el.tag.lower()
        if tag in ("script", "style", "noscript", "template", "iframe", "svg"):
            if tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
                continue
            doomed.append(el)
        elif tag in _PAGE_CHROME and not any(
            isinstance(a.tag, str) and a.tag.lower() in _CONTENT_ROOTS for a in el.iterancestors()
        ):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    return root


def _trafilatura_blocks(html: str) -> tuple[list[tuple[str, bool]], dict[str, str]]:
    import trafilatura
    from lxml import etree

    root = _parse(html)
    if root is None:
        return [], {}
    xml = trafilatura.extract(
        preclean(root),
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
    )
    if not xml:
        return [], {}
    doc = etree.fromstring(xml.encode("utf-8"), parser=etree.XMLParser(recover=True, huge_tree=True))
    if doc is None:
        return [], {}
    meta = {k: v for k, v in doc.attrib.items() if v}
    blocks: list[tuple[str, bool]] = []

    def text_of(el: Any) -> str:
        return squash("".join(el.itertext()).translate(_ZERO_WIDTH))

    def walk(parent: Any) -> None:
        for el in parent:
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag == "head":
                piece = text_of(el)
                if piece:
                    blocks.append((piece, True))
            elif tag == "table":
                for row in el.iter("row"):
                    cells = [text_of(c) for c in row if c.tag == "cell"]
                    line = " | ".join(c for c in cells if c)
                    if line:
                        blocks.append((line, False))
            elif tag in ("list", "div", "quote", "main") and any(
                isinstance(c.tag, str) and c.tag in ("p", "list", "item", "head", "table", "quote") for c in el
            ):
                walk(el)
            elif tag in ("graphic", "comments", ""):
                continue
            else:
                piece = text_of(el)
                if piece:
                    blocks.append((piece, False))

    main = doc.find("main")
    walk(main if main is not None else doc)
    return blocks, meta


class HtmlLoader:
    name = "html"
    extensions = (".html", ".htm", ".xhtml")

    def sniff(self, head: bytes) -> bool:
        return sniff_html(head)

    def load(self, path: Path, data: bytes, **options: Any) -> LoadedDocument:
        html = decode_html(data)
        if not html.strip():
            raise InputError("empty file (only whitespace): nothing to load; remove it or add content")
        root, too_deep = parse_html(html)
        tags = _meta_tags(root)
        if too_deep:  # libxml2 cut the tree short: trafilatura would see part of the page
            blocks, tmeta, method = soup_blocks(html), {}, "bs4"
        else:
            blocks, tmeta = _trafilatura_blocks(html)
            method = "trafilatura"
            if not blocks:
                method = "lxml"
                blocks = html_blocks(_parse(html))  # fresh tree: html_blocks edits it
        if not blocks:
            raise InputError(
                "no text: the page has no readable content (maybe built by JavaScript); save the rendered page and retry"
            )
        b = TextBuilder()
        for piece, heading in blocks:
            (b.heading if heading else b.paragraph)(piece)
        title = (
            tmeta.get("title")
            or _first(tags, "og:title", "twitter:title", "dc.title", "citation_title", "<title>", "<h1>")
            or (b.sections[0][1] if b.sections else path.stem)
        )
        published = iso_date(tmeta.get("date")) or iso_date(
            _first(tags, "article:published_time", "datepublished", "citation_publication_date", "dc.date",
                   "dcterms.date", "date", "pubdate", "publish-date", "<time>")
        )
        author = tmeta.get("author") or _first(tags, "author", "article:author", "citation_author", "dc.creator")
        sitename = tmeta.get("sitename") or _first(tags, "og:site_name", "publisher", "dc.publisher")
        meta: dict[str, Any] = {"extractor": method}
        if author:
            meta["author"] = author
        if sitename:
            meta["sitename"] = sitename
        if tags.get("og:url") or tmeta.get("url"):
            meta["url"] = tmeta.get("url") or tags.get("og:url")
        return LoadedDocument(
            id=content_id(data),
            source=str(path),
            title=squash(title),
            kind="web",
            text=b.text(),
            published=published,
            publisher=sitename or author,
            sections=b.sections,
            meta=meta,
        )


LOADER = HtmlLoader()
