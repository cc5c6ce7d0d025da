"""Finished results kept in memory for a short time, under a random token.

An upload is checked and every download is made while the request lasts (the
uploaded file lives in a temporary folder that is gone when the response
leaves); what the person may still want (the verdict page, the downloads) is
kept here as bytes. The cache is bounded three ways: entries, bytes and age.
The oldest entries go first; an entry larger than the whole budget is not
kept at all (the page says so). Nothing is written to disk.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

#: What a token looks like; anything else is not looked up.
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


@dataclass
class File:
    """One download, made and ready."""

    filename: str
    mimetype: str
    data: bytes


@dataclass
class Entry:
    """What is kept of one checked upload."""

    lang: str
    #: the verdict page, whole
    page: str
    #: download key -> file
    files: dict[str, File] = field(default_factory=dict)
    #: download key -> why it could not be made
    failed: dict[str, str] = field(default_factory=dict)
    #: the draft is incomplete: its report and memo are marked drafts
    marked: bool = False

    @property
    def size(self) -> int:
        return len(self.page.encode("utf-8")) + sum(len(f.data) + len(f.filename) for f in self.files.values())


class ResultCache:
    """A thread-safe, bounded map from random tokens to :class:`Entry`."""

    def __init__(self, max_entries: int = 64, max_bytes: int = 64 * 1024 * 1024, lifetime: float = 30 * 60,
                 clock: Callable[[], float] = time.monotonic):
        self.max_entries, self.max_bytes, self.lifetime = max_entries, max_bytes, lifetime
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, int, Entry]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._entries)

    @property
    def bytes(self) -> int:
        with self._lock:
            self._expire()
            return self._bytes

    def put(self, entry: Entry) -> str | None:
        """Keep ``entry`` and return its token; ``None`` when it alone is over the budget."""
        size = entry.size
        if size > self.max_bytes:
            return None
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._expire()
            while self._entries and (len(self._entries) >= self.max_entries or self._bytes + size > self.max_bytes):
                self._drop(next(iter(self._entries)))
            self._entries[token] = (self._clock(), size, entry)
            self._bytes += size
        return token

    def get(self, token: str) -> Entry | None:
        if not TOKEN.match(token):
            return None
        with self._lock:
            self._expire()
            found = self._entries.get(token)
            return found[2] if found else None

    def _drop(self, token: str) -> None:
        _, size, _ = self._entries.pop(token)
        self._bytes -= size

    def _expire(self) -> None:
        limit = self._clock() - self.lifetime
        while self._entries:
            token, (made, _, _) = next(iter(self._entries.items()))
            if made >= limit:
                break
            self._drop(token)
