"""Where aikg keeps its data: the shipped data directory and the user's home."""

from __future__ import annotations

import os
from pathlib import Path

#: Repository root (the project is installed editable, so shipped data sits beside the code).
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"


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
