"""A folder's summary for the web page, checked again when its files change.

There is no watcher: each request looks at the folder. A file whose
modification time and size are as last seen is taken to be unchanged; one
whose time or size changed is read and hashed, and only a different content
hash (or a file added or removed, or a decision changed) makes the whole
folder be summarised again, with :func:`toolkit.outputs.summary.summarise`
(in a worker process: see :mod:`toolkit.web.tasks`).
The pages made from a summary are kept per language until it changes.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.outputs.summary import Summary, collect, summarise


@dataclass
class _Seen:
    mtime_ns: int
    size: int
    digest: str


@dataclass
class Snapshot:
    """One summary of the folder and what was made from it."""

    key: tuple[tuple[str, str], ...]
    summary: Summary
    #: files the summary looked at, as the summary names them
    files: frozenset[str]
    #: (what, lang) -> text made from this summary
    made: dict[tuple[str, str], str | bytes] = field(default_factory=dict)


class FolderSummary:
    """The summary of ``folder``, made again only when something in it changed."""

    def __init__(self, folder: str | os.PathLike[str], build: Callable[[str], Summary] | None = None):
        self.folder = str(folder)
        self._build = build or (lambda f: summarise([f]))
        self._seen: dict[str, _Seen] = {}
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        #: how many times the folder was summarised (for tests and the page)
        self.builds = 0

    def _digest(self, path: Path, name: str) -> str:
        try:
            st = path.stat()
        except OSError:
            return "gone"
        seen = self._seen.get(name)
        if seen is not None and seen.mtime_ns == st.st_mtime_ns and seen.size == st.st_size:
            return seen.digest
        try:
            with path.open("rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
        except OSError:
            digest = f"unreadable-{st.st_mtime_ns}"
        self._seen[name] = _Seen(st.st_mtime_ns, st.st_size, digest)
        return digest

    def _key(self) -> tuple[tuple[str, str], ...]:
        from toolkit.decisions.source import list_conditions

        files = [(str(p), self._digest(p, str(p))) for p, _ in collect([self.folder])]
        decisions = [(f"decision:{p}", self._digest(p, f"decision:{p}")) for _, p in list_conditions()]
        live = {name for name, _ in files + decisions}
        for name in [n for n in self._seen if n not in live]:
            del self._seen[name]
        return tuple(files + decisions)

    def snapshot(self) -> Snapshot:
        """The current summary: the last one while nothing changed, else a new one."""
        with self._lock:
            key = self._key()
            if self._snapshot is None or self._snapshot.key != key:
                summary = self._build(self.folder)
                self.builds += 1
                self._snapshot = Snapshot(key, summary, frozenset(summary.inputs))
            return self._snapshot

    def made(self, snapshot: Snapshot, what: str, lang: str, make: Callable[[], str | bytes]) -> str | bytes:
        """``make()`` once per summary, kind and language."""
        with self._lock:
            found = snapshot.made.get((what, lang))
            if found is None:
                found = snapshot.made[(what, lang)] = make()
            return found
