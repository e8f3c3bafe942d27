"""Where aikg keeps its data: the shipped data (read through importlib.resources) and the user's home."""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def shipped(*parts: str) -> Traversable:
    """A file or folder of the data shipped with aikg (``data/`` in the source tree, ``aikg.data`` when installed).

    Read through importlib.resources so a wheel install finds it as an editable one does.
    """
    node = resources.files("aikg.data")
    for part in parts:
        node = node / part
    return node


def package_file(package: str, *parts: str) -> Traversable:
    """A data file that sits beside the code of ``package`` (Cypher, templates)."""
    node = resources.files(package)
    for part in parts:
        node = node / part
    return node


def as_path(node: Traversable) -> Path:
    """A real filesystem path for a shipped file or folder (both install kinds keep files on disk)."""
    return Path(str(node))


def home_dir(home: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``home`` if given, else ``$AIKG_HOME``, else ``~/.local/share/aikg``."""
    if home:
        path = Path(home)
    elif os.environ.get("AIKG_HOME"):
        path = Path(os.environ["AIKG_HOME"])
    else:
        base = os.environ.get("XDG_DATA_HOME") or (Path.home() / ".local" / "share")
        path = Path(base) / "aikg"
    path = path.expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path
