"""The keys of a document's relation candidates, kept up to date as relations are appended.

``Extractor._add`` skips a candidate whose (type, source, target, method, sentence end) the document already
holds. It used to build that set from every relation of the document for every sentence, so the work grew
with the square of the document's length; this keeps one set per relation list and adds only what was
appended since (speed only: the same set, rebuilt whenever the list is replaced or shrinks).
"""

from __future__ import annotations

from typing import Any

Key = tuple[str, int, int, str, int]


def key_of(r: Any) -> Key:
    return (r.type, r.source, r.target, r.method, r.sent_end)


class RelationKeys:
    """One set of keys per relation list (the list object itself, compared by identity)."""

    def __init__(self) -> None:
        self._lists: dict[int, tuple[list[Any], int, Any, set[Key]]] = {}  # id -> (list, length, last item, keys)
        self._windows: dict[int, dict[int, int]] = {}  # id -> sentence end -> how many "window:" relations end there

    def of(self, relations: list[Any]) -> set[Key]:
        """The keys of ``relations`` as it is now; the caller adds the keys of what it then appends (the next call
        adds the keys of the list's new tail again, which changes nothing)."""
        got = self._lists.get(id(relations))
        n = len(relations)
        if got is None or got[0] is not relations or got[1] > n or got[1] and relations[got[1] - 1] is not got[2]:
            keys = {key_of(r) for r in relations}  # new, shorter, or cut and refilled: read it whole
            windows = self._windows[id(relations)] = {}
            new = relations
        else:
            keys, windows, new = got[3], self._windows[id(relations)], relations[got[1]:]
            keys.update(key_of(r) for r in new)
        for r in new:
            if r.method.startswith("window:"):
                windows[r.sent_end] = windows.get(r.sent_end, 0) + 1
        self._lists[id(relations)] = (relations, n, relations[-1] if n else None, keys)
        return keys

    def has_window(self, relations: list[Any], end: int) -> bool:
        """Whether ``relations`` (as the last :meth:`of` saw it) holds a "window:" relation ending at ``end``."""
        return self._windows.get(id(relations), {}).get(end, 0) > 0
