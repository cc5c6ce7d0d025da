"""Write results whole or not at all.

Every file the tool writes goes through :func:`write_atomic`: the text goes
to a temporary file beside the target, which then replaces the target in one
rename, so a reader never sees half a report and a failed run leaves the old
file as it was. An output path that is also an input is refused.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from toolkit.errors import OutputError


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


def write_atomic(path: str | os.PathLike[str], data: str | bytes | Iterable[str | bytes]) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    ``data`` may be text, bytes, or pieces of either (a stream that is never
    held whole in memory); a failure while the pieces are made leaves the
    old file as it was.
    """
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
            for piece in (data,) if isinstance(data, (str, bytes)) else data:
                fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
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


def refuse_folder(target: str | os.PathLike[str], owned: Callable[[Path], bool],
                  inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Raise :class:`OutputError` unless :func:`replace_folder` may replace ``target``:
    it holds none of ``inputs``, and is either absent or a folder of files ``owned`` accepts."""
    folder = Path(target)
    resolved = folder.resolve()
    for i in inputs:
        p = Path(i).resolve()
        if p == resolved or resolved in p.parents:
            raise OutputError.of("summary-csv-folder-holds-input", str(folder))
    if folder.exists() and not folder.is_dir():
        raise OutputError.of("summary-csv-not-folder", str(folder))
    if folder.is_dir() and not all(p.is_file() and not p.is_symlink() and owned(p) for p in folder.iterdir()):
        raise OutputError.of("summary-csv-folder-not-ours", str(folder))


def replace_folder(target: str | os.PathLike[str], files: Iterable[tuple[str, Iterable[str | bytes]]],
                   owned: Callable[[Path], bool], inputs: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Write ``files`` (name, pieces) as the whole content of the folder ``target``.

    They are written into a hidden folder beside it, which then takes the
    target's place in one rename: a reader sees the old set of files or the
    new one, never a mix, and a failed run leaves the old folder as it was.
    A folder that holds anything ``owned`` does not accept, or that holds one
    of ``inputs``, is refused and left alone; so is a path that is not a folder.
    """
    folder = Path(target)
    refuse_folder(folder, owned, inputs)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.", suffix=".tmp"))
        os.chmod(stage, 0o777 & ~current_umask())
    except OSError as exc:
        raise _failed(folder, exc) from None
    written = []
    old = None
    try:
        for name, pieces in files:
            if Path(name).name != name or name.startswith("."):
                raise ValueError(f"not a plain file name: {name!r}")
            written.append(write_atomic(stage / name, pieces))
        if folder.exists():
            old = folder.with_name(f".{folder.name}.old-{os.getpid()}")
            os.replace(folder, old)
        os.replace(stage, folder)
    except BaseException as exc:
        if old is not None and not folder.exists():
            os.replace(old, folder)
        shutil.rmtree(stage, ignore_errors=True)
        if isinstance(exc, OSError):
            raise _failed(folder, exc) from None
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return [folder / p.name for p in written]
