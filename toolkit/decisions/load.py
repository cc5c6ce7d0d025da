"""Load a decision: find it, read and validate it, resolve what it extends,
and remember the result while its files are unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit.decisions.model import Conditions
from toolkit.decisions.source import find_conditions
from toolkit.errors import Problem, VillkorError

_CACHE: dict[str, tuple[list[tuple[Path, float]], Conditions]] = {}


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


def validate_paths(paths: list[Path]) -> list[tuple[Path, list[Problem]]]:
    """Each file with every problem found in it (and in what it extends), for
    ``conditions validate``; an empty list means the file is valid."""
    from toolkit.decisions.inherit import resolve_all

    return [(p, problems) for p, _, problems in resolve_all(paths)]


def decision_for(override: str | None = None) -> Callable[[Any], Conditions | None]:
    """What a draft reader is handed to know the draft's decision: the decision
    ``override`` names (``--conditions``) whatever the draft says, or else the
    one the draft names; ``None`` when that cannot be loaded (the check then
    reports it at its place)."""
    fixed = load_conditions(override) if override else None

    def resolve(conditions_id: Any) -> Conditions | None:
        if fixed is not None:
            return fixed
        if conditions_id is None or conditions_id == "":
            return None
        try:
            return load_conditions(str(conditions_id))
        except VillkorError:
            return None

    return resolve
