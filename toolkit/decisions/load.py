"""Load a decision: find it, read and validate it, resolve what it extends,
and remember the result while its files are unchanged."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from toolkit.decisions.model import Conditions
from toolkit.decisions.source import find_conditions, looks_like_path
from toolkit.errors import ConditionsError, Problem, VillkorError

_CACHE: dict[str, tuple[list[tuple[Path, float]], Conditions]] = {}

#: Whether a draft may name its decision by a path. On the command line it may
#: (the writer's own files); a draft uploaded to the web page may not, so an
#: upload can never make the server read a file elsewhere on the machine.
_DRAFT_PATHS: ContextVar[bool] = ContextVar("villkor_draft_paths", default=True)


@contextmanager
def decisions_by_id_only() -> Iterator[None]:
    """Within the block (this thread or task only), a draft that names its
    decision by a path is refused (``conditions-path-refused``); ids work."""
    token = _DRAFT_PATHS.set(False)
    try:
        yield
    finally:
        _DRAFT_PATHS.reset(token)


def draft_paths_allowed() -> bool:
    """False inside :func:`decisions_by_id_only`."""
    return _DRAFT_PATHS.get()


def load_named(id_or_path: str) -> Conditions:
    """The decision a draft names: :func:`load_conditions`, except that a path
    is refused inside :func:`decisions_by_id_only`."""
    if not _DRAFT_PATHS.get() and looks_like_path(id_or_path):
        raise ConditionsError.of("conditions-path-refused", None, None, id=str(id_or_path).strip())
    return load_conditions(id_or_path)


def _stamps(files: list[Path]) -> list[tuple[Path, float]]:
    try:
        return [(p, p.stat().st_mtime) for p in files]
    except OSError:
        return []


def load_conditions(id_or_path: str, relative_to: Path | None = None) -> Conditions:
    """Find, read, validate and (where it extends another) merge a decision.

    A cached decision is reused only while none of the files it was built
    from (itself and every decision it extends) has changed.
    """
    path = find_conditions(id_or_path, relative_to)
    key = str(path.resolve())
    hit = _CACHE.get(key)
    if hit is not None and hit[0] and hit[0] == _stamps([p for p, _ in hit[0]]):
        return hit[1]
    from toolkit.decisions.inherit import resolve

    c = resolve(path)
    _CACHE[key] = (_stamps(c.files or [path]), c)
    return c


class Decisions:
    """The decisions of one batch of drafts, each looked up and loaded once
    (a thousand drafts naming "2017" load it once, not a thousand times):
    :meth:`load` as :func:`load_conditions` (``--conditions``), :meth:`named`
    as :func:`load_named` (the decision a draft names). A decision that cannot
    be loaded is not remembered: each draft that names it gets its own error."""

    def __init__(self) -> None:
        self._loaded: dict[str, Conditions] = {}
        self._named: dict[str, Conditions] = {}

    def load(self, id_or_path: str) -> Conditions:
        found = self._loaded.get(id_or_path)
        if found is None:
            found = self._loaded[id_or_path] = load_conditions(id_or_path)
        return found

    def named(self, id_or_path: str) -> Conditions:
        if not draft_paths_allowed() and looks_like_path(id_or_path):
            return load_named(id_or_path)  # refused, as every time
        found = self._named.get(id_or_path)
        if found is None:
            found = self._named[id_or_path] = load_named(id_or_path)
        return found

    def decision_for(self, override: str | None = None) -> Callable[[Any], Conditions | None]:
        """:func:`decision_for`, with this batch's decisions."""
        return decision_for(override, self.load, self.named)


def validate_paths(paths: list[Path]) -> list[tuple[Path, list[Problem]]]:
    """Each file with every problem found in it (and in what it extends), for
    ``conditions validate``; an empty list means the file is valid."""
    from toolkit.decisions.inherit import resolve_all

    return [(p, problems) for p, _, problems in resolve_all(paths)]


def decision_for(override: str | None = None, load: Callable[[str], Conditions] = load_conditions,
                 named: Callable[[str], Conditions] = load_named) -> Callable[[Any], Conditions | None]:
    """What a draft reader is handed to know the draft's decision: the decision
    ``override`` names (``--conditions``) whatever the draft says, or else the
    one the draft names; ``None`` when that cannot be loaded (the check then
    reports it at its place)."""
    fixed = load(override) if override else None

    def resolve(conditions_id: Any) -> Conditions | None:
        if fixed is not None:
            return fixed
        if conditions_id is None or conditions_id == "":
            return None
        try:
            return named(str(conditions_id))
        except VillkorError:
            return None

    return resolve
