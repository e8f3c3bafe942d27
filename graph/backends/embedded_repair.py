"""`aikg store check` and `aikg store repair`: what an embedded store's files hold, and restoring the most.

Both work on copies: the check changes nothing; the repair builds the restored store beside
the damaged one, then moves the damaged files into ``damaged-<time>/`` (never deletes them)
and puts the restored ones in their place. The two sources are the intact part of the
append-only file (a truncated or corrupt tail cut off on a copy) and the snapshot
``aikg.rdb``; the one holding more documents wins, and what neither holds is reported lost.
"""

from __future__ import annotations

import shutil
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from aikg.core.errors import StoreError
from aikg.core.locking import FileLock, held_exclusively, write_lock
from aikg.core.paths import home_dir
from aikg.graph.backends import embedded_integrity as integrity
from aikg.graph.backends.embedded_server import Layout, _client, stop_scratch


@dataclass
class Source:
    """One place documents can be restored from."""

    name: str
    documents: dict[str, str]  # id -> source file
    detail: str = ""

    @property
    def count(self) -> int:
        return len(self.documents)


@dataclass
class StoreCheck:
    layout: Layout
    recorded: int | None
    running: bool
    aof_valid: bool
    aof: Source
    snapshot: Source | None

    @property
    def whole(self) -> bool:
        return self.aof_valid and self.aof.count >= (self.recorded or 0)

    @property
    def best(self) -> Source:
        if self.snapshot is not None and self.snapshot.count > self.aof.count:
            return self.snapshot
        return self.aof

    def to_text(self) -> str:
        recorded = "no record (a store made before aikg kept one)" if self.recorded is None else \
            f"{self.recorded} documents"
        lines = [f"store: {self.layout.dir}", f"recorded as committed: {recorded}",
                 f"server: {'running (its files were read as they are now)' if self.running else 'not running'}",
                 f"append-only file: {'valid' if self.aof_valid else 'DAMAGED'}; it loads {self.aof.count} documents"]
        lines += [f"  {ln}" for ln in self.aof.detail.splitlines()]
        if self.snapshot is None:
            lines.append(f"snapshot {self.layout.rdb.name}: none")
        else:
            lines.append(f"snapshot {self.layout.rdb.name} ({self.snapshot.detail}): {self.snapshot.count} documents")
        if self.whole:
            lines.append("verdict: the store loads whole; nothing to repair")
        else:
            best = self.best
            lost = max(0, (self.recorded or 0) - best.count)
            lines.append(f"verdict: the store does not load whole; `aikg store repair` restores {best.count} "
                         f"documents from the {best.name}, {lost} lost")
        return "\n".join(lines) + "\n"


def _snapshot_detail(path: Path) -> str:
    stamp = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc).replace(microsecond=0)
    return f"written {stamp.isoformat()}, {path.stat().st_size} bytes"


def inspect(layout: Layout) -> StoreCheck:
    """Read every source of the store from copies; nothing is changed."""
    recorded = integrity.read_record(layout)
    if layout.manifest.exists():
        valid, verdict = integrity.check_aof(layout.manifest)
        aof = Source("append-only file (intact part)",
                     integrity.load_copy([(layout.aof_dir, layout.aof_dir.name)], appendonly=True).documents, verdict)
    else:
        valid, aof = False, Source("append-only file", {}, f"{layout.aof_dir.name}/ is missing")
    snapshot = None
    if layout.rdb.exists():
        snapshot = Source(f"snapshot {layout.rdb.name}",
                          integrity.load_copy([(layout.rdb, layout.rdb.name)], appendonly=False).documents,
                          _snapshot_detail(layout.rdb))
    return StoreCheck(layout, recorded, held_exclusively(layout.server_lock), valid, aof, snapshot)


def check_store(home: str | Path | None = None) -> StoreCheck:
    """What the store's files hold, compared with the record of committed documents."""
    layout = Layout(home_dir(home) / "embedded")
    if not layout.dir.is_dir():
        raise StoreError(f"no embedded store in {layout.dir}")
    with FileLock(layout.gate):
        return inspect(layout)


@dataclass
class RepairReport:
    check: StoreCheck
    restored: Source | None = None
    kept: Path | None = None
    not_restored: dict[str, str] = field(default_factory=dict)  # in the other source only

    @property
    def lost(self) -> int:
        if self.restored is None or self.check.recorded is None:
            return 0
        return max(0, self.check.recorded - self.restored.count)

    def to_text(self) -> str:
        if self.restored is None:
            return self.check.to_text() + "nothing was changed\n"
        recorded = "unknown" if self.check.recorded is None else str(self.check.recorded)
        lines = [f"restored {self.restored.count} documents from the {self.restored.name}; "
                 f"recorded as committed: {recorded}; lost: {self.lost}",
                 f"the damaged files are kept in {self.kept}"]
        if self.not_restored:
            lines.append(f"{len(self.not_restored)} documents only the other source held were not restored; "
                         "ingest these files again:")
            lines += [f"  {src or doc_id}" for doc_id, src in sorted(self.not_restored.items())]
        if self.lost:
            lines.append(f"{self.lost} committed documents are in neither source: ingest your sources again "
                         "(documents already in the store are skipped)")
        return "\n".join(lines) + "\n"


def repair_store(home: str | Path | None = None) -> RepairReport:
    """Restore the most that can be restored; the damaged files are moved aside, never deleted."""
    layout = Layout(home_dir(home) / "embedded")
    if not layout.dir.is_dir():
        raise StoreError(f"no embedded store in {layout.dir}")
    with write_lock(home, wait=False), FileLock(layout.gate):
        if held_exclusively(layout.server_lock):
            raise StoreError(f"a server is running on {layout.dir}, so the store loaded whole when it started; "
                             "stop the programs using it and run `aikg store check` first")
        check = inspect(layout)
        if check.whole:
            return RepairReport(check)
        best = check.best
        restored_dir = _rebuild(layout, best)
        kept = _swap(layout, restored_dir)
        integrity.write_record(layout, best.count)
    other = check.snapshot if best is check.aof else check.aof
    missing = {k: v for k, v in (other.documents.items() if other else ()) if k not in best.documents}
    return RepairReport(check, best, kept, missing)


def _rebuild(layout: Layout, best: Source) -> Path:
    """A fresh snapshot and append-only file holding ``best``, built in a folder beside the store."""
    from_aof = best.name.startswith("append-only")
    files = [(layout.aof_dir, layout.aof_dir.name)] if from_aof else [(layout.rdb, layout.rdb.name)]
    loaded = integrity.load_copy(files, appendonly=from_aof, keep=True, parent=layout.dir)
    if loaded.server is None or loaded.folder is None or loaded.count != best.count:
        raise StoreError(f"could not load the {best.name} again to restore it; nothing was changed")
    client = _client(loaded.server.socket, timeout=600)
    try:
        if not from_aof:
            (loaded.folder / layout.rdb.name).unlink()
            client.config_set("appendonly", "yes")  # writes a fresh append-only file from memory
            end = time.monotonic() + 600
            while time.monotonic() < end:
                info = client.info("persistence")
                if not info["aof_rewrite_in_progress"] and not info["aof_rewrite_scheduled"] \
                        and (loaded.folder / "appendonlydir" / "appendonly.aof.manifest").exists():
                    break
                time.sleep(0.05)
        client.save()
    finally:
        client.close()
        stop_scratch(loaded.server)
    if not (loaded.folder / "appendonlydir" / "appendonly.aof.manifest").exists():
        raise StoreError(f"could not write the restored store in {loaded.folder}; nothing was changed")
    return loaded.folder


def _swap(layout: Layout, restored: Path) -> Path:
    """Move the damaged engine files into ``damaged-<time>/`` and the restored ones into place."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    kept = layout.dir / f"damaged-{stamp}"
    kept.mkdir()
    for path in (layout.rdb, layout.aof_dir, layout.record):
        if path.exists():
            shutil.move(str(path), str(kept / path.name))
    for name in (layout.rdb.name, layout.aof_dir.name):
        shutil.move(str(restored / name), str(layout.dir / name))
    shutil.rmtree(restored, ignore_errors=True)
    return kept
