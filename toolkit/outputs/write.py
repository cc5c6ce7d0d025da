"""Write results whole or not at all, and never where they would do harm.

Every file the tool writes goes through :func:`write_atomic`: the text goes
to a temporary file beside the target, which then replaces the target in one
rename, so a reader never sees half a report and a failed run leaves the old
file as it was.

Before anything is written, :func:`check_output` refuses an output path that
would lose something: one of the run's inputs or any file the process has
read (a draft, a decision and what it extends, a schema, a template), a file
inside the installed package or its bundled decisions and schemas, a folder
(or a name ending in ``/``), a read-only file, a FIFO or a device, a
symbolic-link loop.

Temporary files and folders are registered while they exist, so that a run
stopped by SIGTERM or Ctrl-C can remove them (:func:`remove_temporaries`,
called by the command's signal handler) and leave nothing half-written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from toolkit.drafts.model import WORD_SUFFIXES
from toolkit.errors import OutputError, VillkorError

#: What each text format writes (for messages) and the extension it takes.
_TEXT_FORMATS = {"md": ("Markdown", ".md"), "html": ("HTML", ".html"), "json": ("JSON", ".json"), "text": ("text", ".txt")}


def refuse_wrong_suffix(output: str | os.PathLike[str] | None, fmt: str, offers_word: bool) -> None:
    """Raise :class:`OutputError` when ``output``'s extension and ``fmt`` disagree
    about Word: a Word document must end in ``.docx``, and text (Markdown, HTML,
    JSON) never goes into a file whose name says Word. ``offers_word`` says
    whether the command can write Word (``--format docx``), which the message
    then names."""
    if output is None or str(output) in ("", "-"):
        return
    suffix = Path(output).suffix.lower()
    if fmt == "docx":
        if suffix != ".docx":
            raise OutputError.of("output-docx-suffix", str(output))
        return
    if suffix in WORD_SUFFIXES:
        what, ext = _TEXT_FORMATS.get(fmt, ("text", ".txt"))
        key = "output-word-suffix-flag" if offers_word else "output-word-suffix"
        raise OutputError.of(key, str(output), fmt=fmt, what=what, ext=ext)


def protected_folders() -> list[Path]:
    """Folders no output may go into: the package itself (code, templates, the
    message catalogue) and the bundled decisions and schemas."""
    from toolkit.resources import bundled

    package = Path(__file__).resolve().parent.parent
    folders = [package]
    for kind in ("conditions", "schemas"):
        with contextlib.suppress(OSError, RuntimeError):
            folders.append(bundled(kind).resolve())
    return folders


def _resolved(output: str | os.PathLike[str]) -> Path:
    try:
        return Path(output).resolve()
    except RuntimeError:  # Python before 3.13 says a symbolic-link loop this way
        raise OutputError.of("output-reason-loop", str(output)) from None
    except OSError as exc:
        raise output_failed(output, exc) from None


def check_output(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Refuse an output path that would lose or break something; return it resolved.

    Raises :class:`OutputError` for a name ending in a path separator or
    naming a folder, a path inside :func:`protected_folders`, a file this
    process has read or one of ``inputs``, a FIFO or device, a read-only
    file, and a symbolic-link loop.
    """
    from toolkit.read.files import was_read

    name = str(output)
    if name.endswith(("/", os.sep)) or (os.altsep and name.endswith(os.altsep)):
        raise OutputError.of("output-trailing-slash", name)
    real = _resolved(output)
    for folder in protected_folders():
        if real == folder or real.is_relative_to(folder):
            raise OutputError.of("output-protected", name, folder=str(folder))
    if was_read(real):
        raise OutputError.of("cli-output-is-input", name)
    for i in inputs:
        p = Path(i)
        try:
            same = real.exists() and p.exists() and os.path.samefile(real, p)
            same = same or real == p.resolve()
        except (OSError, RuntimeError):
            same = False
        if same:
            raise OutputError.of("cli-output-is-input", name)
    try:
        st = real.stat()
    except FileNotFoundError:
        return real
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            raise OutputError.of("output-reason-not-dir", name) from None
        raise output_failed(output, exc) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError.of("output-is-directory", name)
    if not stat.S_ISREG(st.st_mode):  # a FIFO or a device: never replace it
        raise OutputError.of("output-not-regular", name)
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        # replacing the file by a rename would work, but someone made it read-only on purpose
        raise OutputError.of("output-read-only-file", name)
    return real


def refuse_input_as_output(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`OutputError` when ``output`` names one of ``inputs``, any
    file this process has read, or a place :func:`check_output` refuses."""
    check_output(output, inputs)


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def output_failed(path: str | os.PathLike[str], exc: OSError) -> VillkorError:
    """An :class:`OutputError` saying in the catalogue's words why ``path`` could not be written."""
    from toolkit.read.files import os_reason

    reason = "not-dir" if exc.errno == errno.EEXIST else os_reason(exc)
    if reason is not None:
        return OutputError.of(f"output-reason-{reason}", str(path))
    return OutputError.of("output-failed", str(path), reason=exc.strerror or str(exc))


# --------------------------------------------------------------------------
# Temporaries, removed when the run is stopped


#: (adding to and removing from a set is atomic: no lock, which a signal
#: handler could find held by the code it interrupted)
_TEMPORARIES: set[Path] = set()


def track_temporary(path: Path) -> None:
    """Remember a temporary file or folder until :func:`forget_temporary`."""
    _TEMPORARIES.add(path)


def forget_temporary(path: Path) -> None:
    _TEMPORARIES.discard(path)


def remove_temporaries() -> None:
    """Remove every temporary file and folder this process still has
    (for a signal handler: nothing here raises)."""
    for path in list(_TEMPORARIES):
        try:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink()
        except OSError:
            pass
        _TEMPORARIES.discard(path)


_STOPPING = (signal.SIGTERM, signal.SIGINT)


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGTERM and SIGINT while a few renames put outputs in place, so a
    stop comes before them or after them, never in between."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    except (AttributeError, OSError, ValueError):  # a platform without signal masks
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


class Spool:
    """Text written a piece at a time and read back whole: in memory up to
    :attr:`LIMIT` bytes, beyond that in an anonymous temporary file, so a
    long output (a report on ten thousand drafts) does not stay in memory
    until it can be put in place by :func:`write_atomic`."""

    LIMIT = 1024 * 1024

    def __init__(self) -> None:
        self._parts: list[bytes] = []
        self._size = 0
        self._file: Any = None
        self.empty = True

    def write(self, text: str) -> None:
        if not text:
            return
        self.empty = False
        data = text.encode("utf-8")
        if self._file is not None:
            self._file.write(data)
            return
        self._parts.append(data)
        self._size += len(data)
        if self._size > self.LIMIT:
            import tempfile

            try:
                self._file = tempfile.TemporaryFile()
            except OSError:
                return  # nowhere to put it: it stays in memory, as it always did
            self._file.write(b"".join(self._parts))
            self._parts, self._size = [], 0

    def chunks(self) -> Iterator[bytes]:
        """What was written, in order."""
        if self._file is not None:
            self._file.seek(0)
            while chunk := self._file.read(1024 * 1024):
                yield chunk
        else:
            yield from self._parts

    def __iter__(self) -> Iterator[bytes]:
        return self.chunks()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._parts = []


def write_atomic(path: str | os.PathLike[str], data: str | bytes | Iterable[str | bytes]) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    ``data`` may be text, bytes, or pieces of either (a stream that is never
    held whole in memory); a failure while the pieces are made leaves the
    old file as it was. A symbolic link is kept and the file it points to
    replaced; the checks of :func:`check_output` come first.
    """
    import tempfile  # only when writing: it costs a check that writes nothing

    target = check_output(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~current_umask()
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise output_failed(path, exc) from None
    tmp = Path(name)
    track_temporary(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in (data,) if isinstance(data, (str, bytes)) else data:
                fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)  # mkstemp makes 0600; a report is as readable as any file the user writes
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise output_failed(path, exc) from None
        raise
    finally:
        forget_temporary(tmp)
    return target


# --------------------------------------------------------------------------
# A folder of files written as one (summary --format csv --output MAPP)


def refuse_folder(target: str | os.PathLike[str], owned: Callable[[Path], bool],
                  inputs: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Raise :class:`OutputError` unless :func:`replace_folder` may replace
    ``target``: not inside the package, holding none of ``inputs`` and no file
    this process has read, and either absent or a folder of regular files that
    ``owned`` accepts. Returns the folder resolved."""
    from toolkit.read.files import was_read

    name = str(target)
    real = _resolved(target)
    for folder in protected_folders():
        if real == folder or real.is_relative_to(folder) or folder.is_relative_to(real):
            raise OutputError.of("output-protected", name, folder=str(folder))
    for i in inputs:
        p = _resolved(i)
        if p == real or p.is_relative_to(real):
            raise OutputError.of("summary-csv-folder-holds-input", name)
    try:
        st = real.stat()
    except FileNotFoundError:
        return real
    except OSError as exc:
        raise output_failed(target, exc) from None
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError.of("summary-csv-not-folder", name)
    try:
        entries = list(real.iterdir())
    except OSError as exc:
        raise output_failed(target, exc) from None
    for entry in entries:
        if entry.is_symlink() or not entry.is_file() or not owned(entry) or was_read(entry.resolve()):
            raise OutputError.of("summary-csv-folder-not-ours", name)
    return real


def replace_folder(target: str | os.PathLike[str], files: Iterable[tuple[str, Iterable[str | bytes]]],
                   owned: Callable[[Path], bool], inputs: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Write ``files`` (name, pieces) as the whole content of the folder ``target``.

    They are written into a hidden folder beside it, which then takes the
    target's place in one rename (with SIGTERM and SIGINT held): a reader sees
    the old set of files or the new one, never a mix, and a failed or stopped
    run leaves the old folder as it was. :func:`refuse_folder` comes first: a
    folder holding anything ``owned`` does not accept is refused and left alone.
    """
    import tempfile

    folder = refuse_folder(target, owned, inputs)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
    except OSError as exc:
        raise output_failed(target, exc) from None
    track_temporary(stage)
    names = []
    old = None
    try:
        os.chmod(stage, 0o777 & ~current_umask())  # mkdtemp makes 0700; the files are for readers
        for name, pieces in files:
            if Path(name).name != name or name.startswith("."):
                raise ValueError(f"not a plain file name: {name!r}")
            write_atomic(stage / name, pieces)
            names.append(name)
        with signals_deferred():  # a stop comes before the renames or after them
            if folder.exists():
                old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
                os.replace(folder, old)
                track_temporary(old)
            os.replace(stage, folder)
            forget_temporary(stage)
    except BaseException as exc:
        if old is not None and not folder.exists():
            os.replace(old, folder)
            forget_temporary(old)
        shutil.rmtree(stage, ignore_errors=True)
        forget_temporary(stage)
        if isinstance(exc, OSError):
            raise output_failed(target, exc) from None
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
        forget_temporary(old)
    return [folder / n for n in names]
