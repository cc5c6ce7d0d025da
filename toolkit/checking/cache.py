"""Remember check results between runs, so a rerun over unchanged drafts is quick.

An entry is found by a key: the SHA-256 of everything a result depends on
that can be known before the draft is read as a draft, namely the draft's
bytes and the name it was given, ``--strict`` and ``--conditions``, the
tool's version and the files of the installed package, the front matter's
schema and the decisions' meta-schema, and the current folder. The decision
the draft follows can only be known by reading it, so the entry names it and
keeps the SHA-256 of the text of every file it was built from (itself and
each decision it extends): the entry counts only while the decision found by
that name today was built from the same texts. So a changed draft, decision,
schema or tool is a miss, never a stale verdict.

Entries are rows of one SQLite file in the cache folder
(``<cache folder>/results/results.sqlite3``), each the JSON of the parts of
one result after a line with the SHA-256 of that JSON: data, never pickles
or code. The file does not grow without end: at the end of a run, entries
written more than :data:`MAX_AGE_DAYS` ago are dropped, and when the file
holds more than :data:`MAX_BYTES` the oldest quarter goes (a dropped entry
only means that draft is checked again). An entry that cannot be read or makes no sense is a miss, and the
folder is never a reason for a run to fail: what goes wrong with it is said
once as a warning (:attr:`ResultCache.warnings`), and the run goes on
without it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

#: Version of the entries' layout.
ENTRY_FORMAT = 1
#: Largest entry read, in bytes; anything larger is not one this tool wrote.
MAX_ENTRY = 16 * 1024 * 1024
#: The file in the cache's folder that holds the entries.
DATABASE = "results.sqlite3"
#: Entries older than this are dropped at the end of a run.
MAX_AGE_DAYS = 60
#: Above this size of the entries, the oldest quarter is dropped at the end of a run.
MAX_BYTES = 256 * 1024 * 1024
#: Entries written together, in one transaction.
FLUSH_EVERY = 64

#: Warnings, by message key: the folder cannot be read or written, an entry is damaged.
UNUSABLE, DAMAGED, NOT_PRIVATE = "cache-unusable", "cache-damaged", "cache-not-private"

#: Each entry's first line: the layout and the SHA-256 of the rest, so an
#: entry damaged in any byte is known as damaged.
_HEAD = f"villkor-cache {ENTRY_FORMAT} ".encode("ascii")


def package_stamp() -> str:
    """A fingerprint of the installed package's files (name, size, time of
    change), so an edited or reinstalled tool never reads its old entries."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class ResultCache:
    """The result cache of one run: find entries and keep new ones.

    ``stamp`` is the part of every key that is the same for the whole run
    (see :func:`run_stamp`); ``folder`` is where the entries are: one SQLite
    file (:data:`DATABASE`) whose rows are the entries, each the JSON of
    one result's parts after a line with its SHA-256. A row is written a
    chunk of drafts at a time, in one transaction (a file per draft costs
    more than checking it); every process opens the file for itself, never
    with a connection made before it was forked.
    """

    def __init__(self, folder: Path, stamp: str):
        self.folder = folder
        self.stamp = stamp
        #: message keys of what went wrong with the folder, each once
        self.warnings: list[str] = []
        self._broken = False
        self._db: Any = None
        self._pid = 0
        self._inherited: list[Any] = []  # connections from before a fork: never used, never closed
        self._pending: list[tuple[str, bytes, int]] = []

    def __getstate__(self) -> dict[str, Any]:
        # to a worker started afresh (forkserver, spawn): it opens the file for itself
        return {**self.__dict__, "_db": None, "_inherited": [], "_pending": []}

    def warn(self, key: str) -> None:
        if key not in self.warnings:
            self.warnings.append(key)

    def key(self, name: str, data: bytes, conditions: str | None, strict: bool) -> str:
        h = hashlib.sha256(self.stamp.encode("utf-8"))
        for part in (name, conditions if conditions is not None else "\0none", "strict" if strict else "lenient"):
            piece = part.encode("utf-8", "surrogatepass")
            h.update(len(piece).to_bytes(8, "big") + piece)
        h.update(data)
        return h.hexdigest()

    def _connection(self) -> Any:
        """This process's connection, opened (and the table made) the first time."""
        if self._broken:
            return None
        if self._db is not None and self._pid == os.getpid():
            return self._db
        if self._db is not None:  # made before this process was forked
            self._inherited.append(self._db)
            self._db, self._pending = None, []
        import sqlite3

        try:
            os.makedirs(self.folder, mode=0o700, exist_ok=True)
            if not _private(self.folder):
                self._broken = True
                self.warn(NOT_PRIVATE)
                return None
            db = sqlite3.connect(os.path.join(self.folder, DATABASE), timeout=10, isolation_level=None,
                                 check_same_thread=False)
            with contextlib.suppress(sqlite3.Error):  # some file systems cannot share a WAL: the default journal then
                db.execute("pragma journal_mode=wal")
            db.execute("pragma synchronous=normal")
            db.execute("pragma cache_size=-512")  # KiB: single-row look-ups need little, and a summary's memory is counted
            db.execute("create table if not exists entries (key text primary key, body blob not null, written integer not null)")
            db.execute("create index if not exists entries_written on entries (written)")
        except (OSError, sqlite3.Error):
            self._broken = True
            self.warn(UNUSABLE)
            return None
        self._db, self._pid = db, os.getpid()
        return db

    def get(self, key: str) -> dict[str, Any] | None:
        """The entry for ``key``, or ``None`` (no entry, or one that is damaged)."""
        import sqlite3

        db = self._connection()
        if db is None:
            return None
        try:
            row = db.execute("select body from entries where key = ?", (key,)).fetchone()
        except sqlite3.Error:
            self._broken = True
            self.warn(UNUSABLE)
            return None
        if row is None:
            return None
        raw = row[0]
        entry: Any = None
        if isinstance(raw, bytes) and len(raw) <= MAX_ENTRY:
            head, _, body = raw.partition(b"\n")
            if head == _HEAD + hashlib.sha256(body).hexdigest().encode("ascii"):
                try:
                    entry = json.loads(body)
                except (ValueError, RecursionError):
                    entry = None
        if (not isinstance(entry, dict) or entry.get("key") != key or not isinstance(entry.get("decision"), dict)
                or not isinstance(entry.get("out"), dict)):
            self.warn(DAMAGED)
            return None
        return entry

    def put(self, key: str, entry: dict[str, Any]) -> None:
        """Keep ``entry`` for ``key``: written with the next :meth:`flush`
        (whole or not at all); a folder that cannot be written is said once
        and then left alone."""
        if self._broken:
            return
        data = dict(entry, key=key)
        try:
            body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
        except (TypeError, ValueError, UnicodeEncodeError):
            return  # not data this cache keeps
        self._pending.append((key, _HEAD + hashlib.sha256(body).hexdigest().encode("ascii") + b"\n" + body, int(time.time())))
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write what :meth:`put` was given, in one transaction."""
        import sqlite3

        pending, self._pending = self._pending, []
        if not pending:
            return
        db = self._connection()
        if db is None:
            return
        try:
            db.execute("begin immediate")
            db.executemany("insert or replace into entries (key, body, written) values (?, ?, ?)", pending)
            db.execute("commit")
        except sqlite3.OperationalError as exc:
            with contextlib.suppress(sqlite3.Error):
                db.execute("rollback")
            if "locked" not in str(exc) and "busy" not in str(exc):  # another run writing: these are left out
                self._broken = True
                self.warn(UNUSABLE)
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("rollback")
            self._broken = True
            self.warn(UNUSABLE)

    def prune(self) -> None:
        """Drop old entries, and the oldest quarter when the file is too big
        (:data:`MAX_AGE_DAYS`, :data:`MAX_BYTES`); another run writing at the
        same time is left alone."""
        import sqlite3

        if self._broken or self._db is None or self._pid != os.getpid():
            return  # nothing was read or written in this process: nothing to do
        db = self._db
        try:
            db.execute("begin immediate")
            db.execute("delete from entries where written < ?", (int(time.time()) - MAX_AGE_DAYS * 86400,))
            pages = db.execute("pragma page_count").fetchone()[0] - db.execute("pragma freelist_count").fetchone()[0]
            if pages * db.execute("pragma page_size").fetchone()[0] > MAX_BYTES:
                count = db.execute("select count(*) from entries").fetchone()[0]
                db.execute("delete from entries where key in (select key from entries order by written limit ?)",
                           (max(1, count // 4),))
            db.execute("commit")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("rollback")


def _private(folder: Path) -> bool:
    """Whether only this user can change ``folder`` and the entries in it: a
    verdict kept where someone else can write is never read (an entry's
    SHA-256 finds damage, not a forged entry)."""
    if not hasattr(os, "getuid"):
        return True  # Windows: a user's cache folder is in their own profile
    for path in (folder, folder / DATABASE):
        try:
            st = os.stat(path)
        except FileNotFoundError:
            continue
        if st.st_uid != os.getuid() or st.st_mode & 0o022:
            return False
    return True


def _libraries() -> str:
    """The Python and the installed distributions (their names with versions),
    so an upgraded library (Babel's numbers, python-docx's reading) never
    reads entries made with the old one."""
    import sys

    names = [sys.version]
    for entry in sys.path:
        if entry.endswith(("site-packages", "dist-packages")) and os.path.isdir(entry):
            try:
                names.extend(sorted(n for n in os.listdir(entry) if n.endswith(".dist-info")))
            except OSError:
                names.append(f"{entry}\0unreadable")
    return "\n".join(names)


def run_stamp(version: str, schemas: list[bytes]) -> str:
    """What every key of a run shares: the entry layout, the tool's version
    and files, the schemas' texts and the current folder."""
    h = hashlib.sha256(f"villkor result cache {ENTRY_FORMAT}\0{version}\0{package_stamp()}\0{_libraries()}\0".encode(
        "utf-8", "surrogatepass"))
    for text in schemas:
        h.update(hashlib.sha256(text).digest())
    try:
        here = os.getcwd()
    except OSError:
        here = "\0gone"
    h.update(here.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def open_cache(folder: Path | None = None) -> ResultCache:
    """The result cache in ``folder`` (default: ``results`` in the tool's cache
    folder, :func:`~toolkit.resources.cache_dir`), keyed for this run."""
    from toolkit import __version__
    from toolkit.errors import VillkorError
    from toolkit.read.files import read_bytes
    from toolkit.resources import cache_dir, schema_file

    schemas = []
    for name in ("draft", "conditions"):
        try:
            schemas.append(read_bytes(schema_file(name)))
        except VillkorError:
            schemas.append(b"\0missing")
    return ResultCache(folder if folder is not None else cache_dir() / "results", run_stamp(__version__, schemas))
