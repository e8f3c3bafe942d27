"""Named models of one learned component: ``off``, ``on`` (the shipped file), ``default`` (an environment variable,
else the shipped default), a registered name, or a model file.

Why: the pair classifier and the learned entity typer choose and cache their model the same way; one definition.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from aikg.core.errors import ConfigError
from aikg.core.paths import shipped

S = TypeVar("S")


class ModelRegistry(Generic[S]):
    """The models one ``ExtractConfig`` setting can name, each loaded once per process."""

    def __init__(self, setting: str, env: str, shipped_default: str, shipped_path: tuple[str, ...],
                 from_json: Callable[[str, str], S]) -> None:
        self.setting, self.env, self.shipped_default = setting, env, shipped_default
        self.shipped_path, self.from_json = shipped_path, from_json
        self._models: dict[str, S | None] = {"off": None}

    def register(self, name: str, sink: S | None) -> None:
        """Make the setting ``name`` use ``sink`` (training scripts record features this way)."""
        self._models[name] = sink

    def load_shipped(self) -> S:
        """The model shipped in ``aikg.data/models`` (importlib.resources, so a wheel install finds it)."""
        node = shipped(*self.shipped_path)
        return self.from_json(node.read_text(encoding="utf-8"), f"aikg.data/{'/'.join(self.shipped_path)}")

    def model_for(self, setting: str) -> S | None:
        """The model a setting names (loaded once per process), or None when off."""
        if setting == "default":
            setting = os.environ.get(self.env) or self.shipped_default
        if setting not in self._models:
            if setting == "on":
                self._models[setting] = self.load_shipped()
            else:
                path = Path(setting)
                if not path.is_file():
                    raise ConfigError(f"{self.setting} {setting!r} is neither 'default', 'on', 'off' nor a model file")
                self._models[setting] = self.from_json(path.read_text(encoding="utf-8"), str(path))
        return self._models[setting]
