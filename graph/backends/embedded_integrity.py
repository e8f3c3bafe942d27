"""Does the embedded store hold what it said it stored? The committed record and the checks at open.

Beside the engine's files, ``committed.json`` records how many documents the store held after
its last durable write. A server that starts on the files must load at least that many; if it
does not (a truncated or corrupt append-only file, missing files), aikg refuses the store
before anything is written, so the intact snapshot and every other file stay as they were,
and points to ``aikg store check`` / ``aikg store repair``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from aikg.core.errors import StoreError
from aikg.core.locking import FileLock
from aikg.graph.backends.embedded_server import Layout, Server, ServerStartError, _client, spawn, stop_scratch

GRAPH_NAME = "aikg"
COUNT_DOCUMENTS = "MATCH (d:Document) RETURN count(d)"


class StoreDamagedError(StoreError):
    """The store's files do not load whole; nothing was changed and nothing may be written."""


def read_record(layout: Layout) -> int | None:
    """Documents recorded as committed, or None when there is no record (a store made before it)."""
    try:
        return int(json.loads(layout.record.read_text("utf-8"))["documents"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoreDamagedError(damaged(layout, f"its record {layout.record.name} cannot be read ({exc})")) from None


def write_record(layout: Layout, documents: int) -> None:
    """Replace the record atomically; a disk too full to take it keeps the old one (never ahead of the data)."""
    tmp = layout.record.with_name(f"{layout.record.name}.{os.getpid()}.tmp")
    data = {"documents": documents, "updated": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "note": "documents the store held after its last durable write; checked when a server starts"}
    try:
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(data, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, layout.record)
    except OSError:
        tmp.unlink(missing_ok=True)


def record_lock(layout: Layout) -> FileLock:
    return FileLock(layout.dir / "committed.lock")


def count_documents(client: Any) -> int:
    """Documents in the graph held by a server (0 when the graph was never written)."""
    if not client.exists(GRAPH_NAME):
        return 0
    return int(client.execute_command("GRAPH.RO_QUERY", GRAPH_NAME, COUNT_DOCUMENTS)[1][0][0])


def document_rows(client: Any) -> dict[str, str]:
    """Document id -> source file, for reporting what a repair keeps and what it loses."""
    if not client.exists(GRAPH_NAME):
        return {}
    rows = client.execute_command("GRAPH.RO_QUERY", GRAPH_NAME, "MATCH (d:Document) RETURN d.id, d.source")[1]
    return {r[0]: r[1] or "" for r in rows}


def damaged(layout: Layout, what: str) -> str:
    home = layout.dir.parent
    return (f"the embedded store in {layout.dir} does not load whole: {what}. Nothing was changed and aikg will "
            f"not write to it. See what can be restored with `aikg store check --home {home}`, then restore it "
            f"with `aikg store repair --home {home}` (the damaged files are kept aside).")


def preflight(layout: Layout, recorded: int | None) -> None:
    """Refuse, before a server touches anything, files that cannot be the whole store."""
    if layout.manifest.exists():
        return
    if recorded:
        raise StoreDamagedError(damaged(layout, f"its append-only files ({layout.aof_dir.name}/) are missing "
                                                f"but {recorded} documents were committed"))
    if layout.rdb.exists():
        raise StoreDamagedError(damaged(layout, f"its append-only files ({layout.aof_dir.name}/) are missing "
                                                f"beside a snapshot ({layout.rdb.name})"))


_LOG_REASONS = (
    (re.compile(r"Unexpected end of file reading the append only file (\S+)"), "its append-only file {0} is truncated"),
    (re.compile(r"Bad file format reading the append only file (\S+)"), "its append-only file {0} is corrupt"),
    (re.compile(r"Short read or OOM loading DB"), "a file it loads is truncated"),
    (re.compile(r"Wrong signature trying to load DB"), "a file it loads is not a valid snapshot"),
    (re.compile(r"(?i)manifest"), "its append-only manifest is damaged"),
)


def start_failure_reason(exc: ServerStartError) -> str:
    """One line saying why the server would not load the files, from its log."""
    for line in reversed(exc.log.splitlines()):
        for pattern, text in _LOG_REASONS:
            match = pattern.search(line)
            if match:
                return text.format(*(g.rstrip(".") for g in match.groups()))
    last = exc.log.strip().splitlines()[-1:] or [str(exc)]
    return f"the engine refused to load it ({last[0].split(' # ')[-1].strip()})"


def is_truncation(reason: str) -> bool:
    return "truncated" in reason


@dataclass
class FileState:
    """The append-only files as found before a server started on them, to put back if it is refused.

    Loading makes the engine append effects of its own (constraints it rebuilds in the
    background) and rewrite the manifest; a store refused after loading gets back its exact
    bytes and times, and loses any file the refused server created.
    """

    layout: Layout
    files: dict[Path, tuple[int, int, int, bytes | None]]  # path -> size, atime, mtime (ns), small content

    @classmethod
    def capture(cls, layout: Layout) -> "FileState":
        files: dict[Path, tuple[int, int, int, bytes | None]] = {}
        for path in layout.engine_files():
            st = path.stat()
            small = path.read_bytes() if st.st_size <= 65536 else None
            files[path] = (st.st_size, st.st_atime_ns, st.st_mtime_ns, small)
        return cls(layout, files)

    def restore(self) -> None:
        for path in self.layout.engine_files():
            if path not in self.files and path.parent == self.layout.aof_dir:
                path.unlink()
        for path, (size, atime, mtime, small) in self.files.items():
            if not path.exists():
                continue
            if small is not None and path.read_bytes() != small:
                tmp = path.with_name(path.name + ".restore")
                tmp.write_bytes(small)
                os.replace(tmp, path)
            elif path.stat().st_size > size:
                os.truncate(path, size)
            os.utime(path, ns=(atime, mtime))


@dataclass
class Loaded:
    """What a scratch server found in a copy of some engine files."""

    documents: dict[str, str]
    server: Server | None = None
    folder: Path | None = None

    @property
    def count(self) -> int:
        return len(self.documents)


def load_copy(files: list[tuple[Path, str]], *, appendonly: bool, keep: bool = False,
              parent: Path | None = None) -> Loaded:
    """Copy engine files into a scratch folder and load them there, the originals untouched.

    A truncated or corrupt append-only tail is cut on the copy (``redis-check-aof --fix``), so
    what loads is the intact part. With ``keep`` the server stays up for the caller.
    """
    folder = Path(tempfile.mkdtemp(prefix="aikg-restore-", dir=parent))
    for src, name in files:
        if src.is_dir():
            shutil.copytree(src, folder / name)
        else:
            shutil.copy2(src, folder / name)
    if appendonly:
        fix_aof(folder / "appendonlydir" / "appendonly.aof.manifest")
    try:
        server = spawn(folder, appendonly=appendonly, load_truncated=True, snapshots=False)
    except ServerStartError:
        shutil.rmtree(folder, ignore_errors=True)
        return Loaded({})
    client = _client(server.socket, timeout=600)
    try:
        docs = document_rows(client)
    finally:
        client.close()
    if keep:
        return Loaded(docs, server, folder)
    stop_scratch(server)
    shutil.rmtree(folder, ignore_errors=True)
    return Loaded(docs)


def check_aof_tool() -> str:
    """redis-check-aof is the server binary run under that name: a link in a scratch folder."""
    import hashlib

    from aikg.graph.backends.embedded_server import binaries

    target = binaries()[0]
    tag = hashlib.sha256(target.encode()).hexdigest()[:12]
    link = Path(tempfile.gettempdir()) / f"aikg-tools-{os.getuid()}-{tag}" / "redis-check-aof"
    if not link.exists():
        link.parent.mkdir(mode=0o700, exist_ok=True)
        link.unlink(missing_ok=True)
        try:
            link.symlink_to(target)
        except FileExistsError:
            pass
    return str(link)


def check_aof(manifest: Path) -> tuple[bool, str]:
    """Read-only check of the append-only files: (valid, the tool's verdict lines)."""
    import subprocess

    proc = subprocess.run([check_aof_tool(), str(manifest)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=600)
    lines = [ln for ln in proc.stdout.splitlines() if "AOF analyzed" in ln or "not valid" in ln or "valid" in ln]
    return proc.returncode == 0, "\n".join(lines[-4:])


def fix_aof(manifest: Path) -> None:
    """Cut a copy's append-only files at their last intact command (never run on the originals)."""
    import subprocess

    if manifest.exists():
        subprocess.run([check_aof_tool(), "--fix", str(manifest)], input="y\n", capture_output=True, text=True,
                       timeout=600)
