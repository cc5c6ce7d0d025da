"""Read input files as text, refusing what is not text with a clear reason.

Every reader in the project goes through :func:`read_text`, so the limits and
the handling of byte-order marks, Windows line endings and foreign encodings
are the same for drafts and decisions.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from toolkit.errors import InputError, VillkorError

#: Largest input accepted, in bytes. A real report is well under 1 MB; the
#: limit keeps a mistaken argument (a log, a disk image) from eating memory.
MAX_BYTES = 10 * 1024 * 1024

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Files people hand over by mistake, recognised by their first bytes.
_KINDS = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"{\\rtf", "RTF"),
)
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


#: Every file read in this process (its real path), so that no output can
#: overwrite one of them (a draft, a decision, a schema, a template) whatever
#: the command line says.
_READ: set[str] = set()
#: Files noted but not yet resolved to their real path, as (folder, path):
#: a batch reads ten thousand drafts, and only an output needs them resolved.
_PENDING: list[str] = []
#: The files in the order they were first noted, while a worker process of
#: a batch keeps count (see :func:`read_since`); ``None`` otherwise.
_READ_ORDER: list[str] | None = None


def _real(path: str | os.PathLike[str]) -> str:
    # what Path.resolve() gives, without its extra stat
    return os.path.realpath(path)


def note_read(path: str | os.PathLike[str]) -> None:
    """Record ``path`` as an input of this run (for readers that do not go
    through :func:`read_bytes`: the template loader, the schema hashed for the
    validation cache)."""
    try:
        # resolved when an output asks (was_read), from the folder it was read in
        where = os.path.join(os.getcwd(), os.fspath(path))
    except (OSError, TypeError, ValueError):
        return
    _PENDING.append(where)
    if _READ_ORDER is not None:
        _READ_ORDER.append(where)


def _resolve_pending() -> None:
    while _PENDING:
        where = _PENDING.pop()
        try:
            _READ.add(_real(where))
        except (OSError, RuntimeError, ValueError):  # a symbolic-link loop was never read
            pass


def read_since(mark: int) -> tuple[int, list[str]]:
    """The files first read after ``mark`` (0 when the count began), and the
    mark to ask with next time. A batch's worker processes count (the first
    call begins), so the process that writes the outputs knows every input."""
    global _READ_ORDER
    if _READ_ORDER is None:
        _READ_ORDER = []
    return len(_READ_ORDER), _READ_ORDER[mark:]


def was_read(path: str | os.PathLike[str]) -> bool:
    """Whether this process has read ``path`` as an input."""
    _resolve_pending()
    try:
        return _real(path) in _READ
    except (OSError, RuntimeError, ValueError):
        return False


def forget(path: str | os.PathLike[str]) -> None:
    """Stop remembering ``path`` as read: for a long-running process (the web
    page) whose inputs are temporary files removed after each request."""
    _resolve_pending()
    try:
        _READ.discard(_real(path))
    except (OSError, RuntimeError, ValueError):
        pass


#: What the system's error numbers mean for someone reading or writing a
#: report: the end of a message key (``input-reason-full``,
#: ``output-reason-full``), so that no system text in English reaches the user.
OS_REASONS = {
    errno.ENOTDIR: "not-dir",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "read-only",
    errno.ENAMETOOLONG: "name-too-long",
    errno.ELOOP: "loop",
    errno.EFBIG: "too-big",
    errno.EIO: "io",
    errno.EISDIR: "is-dir",
    errno.ENOENT: "gone",
}


def os_reason(exc: BaseException) -> str | None:
    """The end of the message key that explains ``exc`` (see :data:`OS_REASONS`),
    or ``None`` when the error is not one people meet."""
    if isinstance(exc, RuntimeError) and "loop" in str(exc).lower():  # Path.resolve before Python 3.13
        return "loop"
    return OS_REASONS.get(getattr(exc, "errno", None) or 0)


def read_failed(name: str, exc: OSError) -> VillkorError:
    """An :class:`InputError` saying in the catalogue's words why ``name`` could not be read."""
    reason = os_reason(exc)
    if reason is not None:
        return InputError.of(f"input-reason-{reason}", name)
    return InputError.of("input-os-error", name, reason=exc.strerror or str(exc))


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_bytes(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """Read a whole file, refusing missing paths, folders and oversize files."""
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise InputError.of("input-missing", name) from None
        raise read_failed(name, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError.of("input-is-directory", name)
    if not stat.S_ISREG(st.st_mode):  # a FIFO, a device or a socket would block or never end
        raise InputError.of("input-not-regular", name)
    try:
        size = st.st_size
        if size > max_bytes:
            raise InputError.of("input-too-large", name, size_mb=f"{size / 1048576:.1f}", limit_mb=max_bytes // 1048576)
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError.of("input-unreadable", name) from None
    except OSError as exc:
        raise read_failed(name, exc) from None
    note_read(p)
    if len(data) > max_bytes:
        raise InputError.of("input-too-large", name, size_mb=f"{len(data) / 1048576:.1f}", limit_mb=max_bytes // 1048576)
    return data


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 text (with or without BOM) and normalise line endings.

    UTF-16, Windows-1252, Word files and other binaries are refused by name,
    with the line where decoding failed.
    """
    if data.startswith(_UTF16_BOMS) or (len(data) >= 4 and (data[1:4:2] == b"\x00\x00" or data[0:3:2] == b"\x00\x00")):
        raise InputError.of("input-utf16", name, 1)
    if data.startswith(ZIP_MAGIC):
        raise InputError.of("input-zip", name, 1)
    if data.startswith(OLE_MAGIC):
        raise InputError.of("input-ole", name, 1)
    for magic, kind in _KINDS:
        if data.startswith(magic):
            raise InputError.of("input-kind", name, 1, kind=kind)
    nul = data.find(b"\x00")
    if nul != -1:
        raise InputError.of("input-binary", name, _line_of(data, nul))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError.of("input-not-utf8", name, line) from None
        raise InputError.of("input-cp1252", name, line) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def read_text(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> str:
    """Read a text input file: UTF-8, BOM stripped, line endings made ``\\n``."""
    return decode_text(read_bytes(path, max_bytes), str(path))


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as people see it: relative to the current folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
