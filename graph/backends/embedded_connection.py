"""The embedded store's client connection: a redis-py unix-socket connection whose every command, from the
moment it is sent until its reply is read, is watched by :data:`embedded_watch.WATCHDOG` (imported only where
a store connects, so the CLI does not load redis for commands that never open one)."""

from __future__ import annotations

from typing import Any

import redis
from redis.backoff import NoBackoff
from redis.connection import ConnectionPool, UnixDomainSocketConnection
from redis.retry import Retry

from aikg.graph.backends.embedded_watch import WATCHDOG, ServerWatch


class WatchedConnection(UnixDomainSocketConnection):
    """A connection whose waits (sending a large statement, awaiting its reply) end when its server is judged
    crashed or hung: the watchdog shuts the socket down and the waiting call fails with a ConnectionError."""

    def __init__(self, *, watch: ServerWatch, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.watch = watch

    def send_packed_command(self, command: Any, check_health: bool = True) -> None:
        if not self._sock:
            self.connect()  # the handshake's own commands are watched one by one
        WATCHDOG.begin(self, self.watch)
        try:
            super().send_packed_command(command, check_health)
        except BaseException:
            WATCHDOG.end(self)
            raise

    def read_response(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().read_response(*args, **kwargs)
        finally:
            WATCHDOG.end(self)

    def disconnect(self, *args: Any, **kwargs: Any) -> None:
        WATCHDOG.end(self)  # nothing is awaited on a closed connection
        super().disconnect(*args, **kwargs)


def watched_pool(socket_path: str, watch: ServerWatch, timeout: float | None) -> ConnectionPool:
    """A pool of watched connections with no client-side retries (a failed command surfaces at once);
    ``timeout``: the socket timeout, the longest any one read may take whatever the server's health."""
    return ConnectionPool(connection_class=WatchedConnection, path=socket_path, watch=watch,
                          socket_timeout=timeout, retry=Retry(NoBackoff(), 0), decode_responses=True)


__all__ = ["WatchedConnection", "watched_pool", "redis"]
