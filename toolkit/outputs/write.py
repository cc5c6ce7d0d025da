"""Write results whole or not at all.

Every file the tool writes goes through :func:`write_atomic`: the text goes
to a temporary file beside the target, which then replaces the target in one
rename, so a reader never sees half a report and a failed run leaves the old
file as it was. An output path that is also an input is refused.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from toolkit.drafts.model import WORD_SUFFIXES
from toolkit.errors import OutputError

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


def refuse_input_as_output(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`OutputError` when ``output`` names one of ``inputs`` or any
    file this process has read (a decision, a schema)."""
    from toolkit.read.files import was_read

    out = Path(output)
    if was_read(out):
        raise OutputError.of("cli-output-is-input", str(output))
    for i in inputs:
        p = Path(i)
        try:
            same = out.exists() and p.exists() and os.path.samefile(out, p)
        except OSError:
            same = False
        if same or out.resolve() == p.resolve():
            raise OutputError.of("cli-output-is-input", str(output))


def current_umask() -> int:
    """The process's umask (reading it means setting it, so it is set back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: What the system's error numbers mean for someone writing a report.
_REASONS = {
    errno.ENOTDIR: "output-reason-not-dir",
    errno.EEXIST: "output-reason-not-dir",
    errno.EACCES: "output-reason-denied",
    errno.EPERM: "output-reason-denied",
    errno.ENOSPC: "output-reason-full",
    errno.EROFS: "output-reason-read-only",
}


def _failed(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    key = _REASONS.get(exc.errno or 0)
    if key:
        return OutputError.of(key, str(path))
    return OutputError.of("output-failed", str(path), reason=exc.strerror or str(exc))


def write_atomic(path: str | os.PathLike[str], data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    target = Path(path)
    try:
        if target.is_symlink():  # write where the link points, keep the link
            target = target.resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise OutputError.of("output-is-directory", str(path))
        if target.exists() and not target.is_file():  # a FIFO or a device: never replace it
            raise OutputError.of("output-not-regular", str(path))
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~current_umask()
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)  # mkstemp makes 0600; a report is as readable as any file the user writes
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _failed(path, exc) from None
        raise
    return target
