"""Document loaders, one module per format, behind one registry.

``load_path`` reads a file, picks a loader (content sniffing first, then the extension)
and returns a :class:`~aikg.ingest.document.LoadedDocument`; ``discover`` walks folders and
globs and says which files it will load and why it skips the others.

Loader modules are imported on first use and import their heavy libraries (pypdf,
trafilatura, openpyxl, ...) inside ``load``, so ``import aikg.ingest.loaders`` stays cheap.
See docs/loaders.md.
"""

from __future__ import annotations

import glob
import importlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from aikg.core.errors import InputError
from aikg.ingest.document import LoadedDocument

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SNIFF_BYTES",
    "SUPPORTED_EXTENSIONS",
    "Loader",
    "discover",
    "get_loader",
    "load_path",
    "loader_names",
    "pick_loader",
    "register",
]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
SNIFF_BYTES = 64 * 1024  # how much of the head each sniffer sees


@runtime_checkable
class Loader(Protocol):
    """One document format. ``load`` also accepts keyword options it may ignore (``mapping``)."""

    name: str
    extensions: tuple[str, ...]

    def sniff(self, head: bytes) -> bool: ...

    def load(self, path: Path, data: bytes, **options: Any) -> LoadedDocument: ...


# name -> "module:attribute", in sniffing priority order (most specific first).
_REGISTRY: dict[str, str] = {
    "edgar": "aikg.ingest.loaders.edgar:LOADER",
    "pdf": "aikg.ingest.loaders.pdf:LOADER",
    "xlsx": "aikg.ingest.loaders.table:XLSX_LOADER",
    "html": "aikg.ingest.loaders.html:LOADER",
    "csv": "aikg.ingest.loaders.table:CSV_LOADER",
    "markdown": "aikg.ingest.loaders.markdown:LOADER",
    "text": "aikg.ingest.loaders.text:LOADER",
}
# Extensions of the built-in loaders, kept here so discover() needs no import.
_EXTENSIONS: dict[str, tuple[str, ...]] = {
    "edgar": (),  # EDGAR files are .txt/.htm: found by sniffing
    "pdf": (".pdf",),
    "xlsx": (".xlsx", ".xlsm"),
    "html": (".html", ".htm", ".xhtml"),
    "csv": (".csv", ".tsv"),
    "markdown": (".md", ".markdown", ".mdown", ".mkd"),
    "text": (".txt", ".text"),
}
_LOADED: dict[str, Loader] = {}

_HINTS = {
    ".xls": "legacy Excel .xls is not supported: save it as .xlsx",
    ".doc": "Word files are not supported: save as PDF or HTML",
    ".docx": "Word files are not supported: save as PDF or HTML",
    ".ppt": "PowerPoint files are not supported: save as PDF",
    ".pptx": "PowerPoint files are not supported: save as PDF",
    ".json": "JSON is not a document format here: use `aikg load` for extraction JSONL",
    ".jsonl": "JSON Lines is not a document format here: use `aikg load` for extraction JSONL",
}


def register(name: str, target: str, extensions: Iterable[str] = ()) -> None:
    """Register a loader as ``"package.module:ATTRIBUTE"`` (imported on first use)."""
    _REGISTRY[name] = target
    _EXTENSIONS[name] = tuple(e.lower() for e in extensions)
    _LOADED.pop(name, None)


def loader_names() -> list[str]:
    return list(_REGISTRY)


def get_loader(name: str) -> Loader:
    """The loader registered under ``name``, importing its module on first use."""
    if name not in _LOADED:
        try:
            target = _REGISTRY[name]
        except KeyError as exc:
            raise InputError(f"no loader named {name!r}; known: {', '.join(_REGISTRY)}") from exc
        module_name, _, attr = target.partition(":")
        loader = getattr(importlib.import_module(module_name), attr or "LOADER")
        _LOADED[name] = loader
        if not _EXTENSIONS.get(name):
            _EXTENSIONS[name] = tuple(loader.extensions)
    return _LOADED[name]


def _supported_extensions() -> frozenset[str]:
    return frozenset(ext for exts in _EXTENSIONS.values() for ext in exts)


SUPPORTED_EXTENSIONS: frozenset[str] = _supported_extensions()


def pick_loader(path: Path, head: bytes) -> Loader | None:
    """Content sniffing first (in registry order), then the extension; None when neither fits."""
    for name in _REGISTRY:
        loader = get_loader(name)
        if loader.sniff(head):
            return loader
    ext = path.suffix.lower()
    for name in _REGISTRY:
        if ext in _EXTENSIONS.get(name, ()) or ext in get_loader(name).extensions:
            return get_loader(name)
    return None


def _mb(n: int) -> str:
    value = n / (1024 * 1024)
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")


def load_path(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, **options: Any) -> LoadedDocument:
    """Load one file into a :class:`LoadedDocument`.

    ``max_bytes`` caps the file size (None: no cap). Extra keyword ``options`` go to the
    loader (``mapping=`` for tables: a dict or a JSON mapping file). Raises
    :class:`InputError` with a one-line reason and what to do.
    """
    source = str(path)
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError as exc:
        raise InputError("file not found: check the path", source=source) from exc
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror}): check the path and permissions", source=source) from exc
    if p.is_dir():
        raise InputError("is a directory: pass files, or use discover() / a folder argument", source=source)
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputError(
            f"file is {_mb(st.st_size)} MB, over the {_mb(max_bytes)} MB limit (--max-size): "
            "raise the limit or split the file",
            source=source,
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror}): check permissions", source=source) from exc
    if max_bytes is not None and len(data) > max_bytes:  # grew since stat
        raise InputError(
            f"file is {_mb(len(data))} MB, over the {_mb(max_bytes)} MB limit (--max-size): "
            "raise the limit or split the file",
            source=source,
        )
    if not data.strip():
        raise InputError("empty file: nothing to load; remove it or add content", source=source)
    loader = pick_loader(p, data[:SNIFF_BYTES])
    if loader is None:
        from aikg.ingest.loaders.text import looks_binary

        ext = p.suffix.lower() or "(no extension)"
        if looks_binary(data[:SNIFF_BYTES]):
            hint = _HINTS.get(p.suffix.lower(), f"supported: {', '.join(sorted(SUPPORTED_EXTENSIONS))}")
            raise InputError(f"unsupported file type {ext} (binary data): {hint}", source=source)
        loader = get_loader("text")  # unknown extension but text content: read it as text
    try:
        doc = loader.load(p, data, **options)
    except InputError as exc:
        if exc.source is None:
            raise InputError(exc.reason, source=source, line=exc.line) from exc
        raise
    except MemoryError:
        raise
    except Exception as exc:  # a parser library choked on malformed input: one file fails, not the batch
        first = (str(exc).strip().splitlines() or [""])[0][:160]
        raise InputError(
            f"the {loader.name} loader could not read this file ({type(exc).__name__}: {first}): "
            "the file may be malformed; check that it opens in its usual application",
            source=source,
        ) from exc
    doc.meta.setdefault("loader", loader.name)
    return doc


# --------------------------------------------------------------------------- discover


def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


#: Reasons for paths that are not there: a failure of the run, not a skipped file.
NOT_FOUND = "not found"
NO_MATCH = "no file matches this pattern"


def is_missing(reason: str | None) -> bool:
    """True when ``discover()`` gave this reason for a path or pattern that names nothing."""
    return bool(reason) and (reason.startswith(NOT_FOUND) or reason == NO_MATCH)


def _hidden_reason(path: Path) -> str:
    if path.name.startswith("~$"):
        return "editor lock file (~$name)"
    kind = "folder" if path.is_dir() else "file"
    return f"hidden {kind} (name starts with '.'); name it explicitly to include it"


def _classify(path: Path, explicit: bool) -> str | None:
    """None when ``path`` will be loaded, else why it is skipped."""
    if not explicit and _is_hidden(path.name):
        return _hidden_reason(path)
    ext = path.suffix.lower()
    if ext in SUPPORTED_EXTENSIONS or ext in _supported_extensions():
        return None
    if explicit or not ext:
        # A named file (or one without extension) may still be recognised by content.
        try:
            with path.open("rb") as fh:
                head = fh.read(SNIFF_BYTES)
        except OSError as exc:
            return f"cannot read file ({exc.strerror})"
        if any(get_loader(name).sniff(head) for name in _REGISTRY):
            return None
        if explicit and head.strip() and not _looks_binary(head):
            return None  # named on purpose and text: load as plain text
    hint = _HINTS.get(ext)
    if hint:
        return f"unsupported extension {ext}: {hint}"
    shown = ext or "(no extension)"
    return f"unsupported extension {shown}: supported are {', '.join(sorted(SUPPORTED_EXTENSIONS))}"


def _looks_binary(head: bytes) -> bool:
    from aikg.ingest.loaders.text import looks_binary

    return looks_binary(head)


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root``; hidden files and folders are yielded too (the folder, not its contents)."""
    for dirpath, dirnames, filenames in os.walk(root):
        hidden = sorted(d for d in dirnames if _is_hidden(d))
        dirnames[:] = sorted(d for d in dirnames if not _is_hidden(d))
        yield from (Path(dirpath) / d for d in hidden)
        for name in sorted(filenames):
            yield Path(dirpath) / name


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Expand files, folders and globs into ``(file, None)`` to load or ``(file, reason)`` to skip.

    Folders are walked recursively; hidden files and folders (``.name``) and editor lock
    files (``~$name``) inside them are skipped with a reason (a hidden folder once, not
    its contents). Files named explicitly are always considered. A path that does not
    exist, or a pattern that matches nothing, gets a reason :func:`is_missing` recognises
    (the run reports it as a failure). Output is sorted by path and free of duplicates.
    """
    found: dict[str, tuple[Path, str | None]] = {}

    def add(path: Path, reason: str | None) -> None:
        key = os.path.normpath(str(path))
        if key not in found:
            found[key] = (path, reason)

    for raw in paths:
        p = Path(raw)
        text = str(raw)
        if p.is_dir():
            for f in _walk(p):
                add(f, _classify(f, explicit=False))
        elif p.is_file():
            add(p, _classify(p, explicit=True))
        elif any(ch in text for ch in "*?["):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                add(p, NO_MATCH)
            for m in matches:
                mp = Path(m)  # glob's wildcards do not match hidden names
                if mp.is_dir():
                    for f in _walk(mp):
                        add(f, _classify(f, explicit=False))
                elif mp.is_file():
                    add(mp, _classify(mp, explicit=False))
        else:
            flag_value = text.lower() in ("true", "false", "yes", "no", "on", "off")
            add(p, NOT_FOUND + (" (flags such as --force take no value)" if flag_value else ""))
    for key in sorted(found):
        yield found[key]
