"""One root exception for the project; the CLI maps each subclass to an exit code."""

from __future__ import annotations


class AikgError(Exception):
    """Root of every error aikg raises on purpose."""

    exit_code = 1


class ConfigError(AikgError):
    """Bad or missing configuration (store settings, home directory, options)."""

    exit_code = 2


class InputError(AikgError):
    """A file or record that cannot be read; names where and what to do."""

    exit_code = 3

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = source or ""
        if line is not None:
            where = f"{where}:{line}" if where else f"line {line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.reason = message


class StoreError(AikgError):
    """The graph store failed or refused an operation."""

    exit_code = 4


class QueryError(AikgError):
    """A catalog query or its parameters are wrong."""

    exit_code = 5
