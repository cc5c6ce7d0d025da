"""Resolve a conditions file into a :class:`~toolkit.conditions.Conditions`,
following ``extends`` to the decision it builds on."""

from __future__ import annotations

from pathlib import Path

from toolkit.conditions import Conditions, _rel, build_conditions, check_integrity, read_conditions_file
from toolkit.errors import ConditionsError


def resolve(path: Path) -> Conditions:
    """Read, validate and merge the decision at ``path``."""
    doc = read_conditions_file(path)
    name = _rel(path)
    if doc.data.get("extends"):
        raise ConditionsError.of("conditions-extends-unsupported", name, doc.line(("extends",)))
    c = build_conditions(path.stem, path, doc.data, doc)
    c.chain = [path.stem]
    problems = check_integrity(c, name)
    if problems:
        raise ConditionsError(problems)
    return c
