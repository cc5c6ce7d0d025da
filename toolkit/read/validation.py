"""Turn Cerberus validation errors into the project's own problems.

Cerberus reports errors as a tree keyed by document path; users never see it
raw. Each leaf error becomes a :class:`~toolkit.errors.Problem` whose message
key is ``schema-<rule>``, placed on the line of the offending value, and an
unknown key gets a "did you mean" from the keys allowed at that place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import cerberus

from toolkit.errors import Problem
from toolkit.read.yamldoc import YamlDoc

#: What each pattern of the schemas allows, said in words (the message key);
#: a pattern not listed here is shown as it is.
_REGEX_KEYS = {
    "^[a-z0-9][a-z0-9_-]*$": "schema-regex",
    "^[A-Za-z0-9][A-Za-z0-9_-]*$": "schema-regex-id",
}

_KNOWN_RULES = {
    "required", "type", "allowed", "regex", "min", "max", "empty", "minlength",
    "maxlength", "nullable", "unknown",
}


#: Most errors one validator (and each of the child validators Cerberus makes
#: for lists and mappings) keeps. Cerberus sorts all its errors again at every
#: error it adds, so a list of 5,000 wrong items took minutes; a writer
#: needs the first ones, not a hundred thousand.
MAX_ERRORS = 100


class BoundedValidator(cerberus.Validator):
    """A Cerberus validator that keeps its first :data:`MAX_ERRORS` errors.

    A document with errors stays invalid (the first error is always kept), so
    only the length of the list changes; :func:`to_problems` says when it
    was cut.
    """

    def _error(self, *args: Any) -> None:
        if len(self._errors) < MAX_ERRORS:
            super()._error(*args)


def leaf_errors(errors: Iterable[Any]) -> Iterator[Any]:
    """Depth-first leaf errors of a Cerberus error list."""
    for e in errors:
        if e.is_group_error:
            yield from leaf_errors(e.child_errors)
        else:
            yield e


def dotted(path: Iterable[Any]) -> str:
    """``sections[2].title`` from ``("sections", 2, "title")``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _resolve(rules: Any, registry: dict[str, Any]) -> Any:
    while isinstance(rules, str):
        rules = registry.get(rules, {})
    return rules


def allowed_keys(schema: dict[str, Any], registry: dict[str, Any], path: tuple[Any, ...]) -> list[str]:
    """Keys a mapping at ``path`` may hold, following list and dict schemas."""
    current: Any = {"type": "dict", "schema": schema}
    for part in path:
        current = _resolve(current, registry)
        inner = _resolve(current.get("schema"), registry) if isinstance(current, dict) else None
        if inner is None:
            return []
        if isinstance(part, int):
            current = inner
        else:
            current = inner.get(part) if isinstance(inner, dict) else None
            if current is None:
                return []
    current = _resolve(current, registry)
    inner = _resolve(current.get("schema"), registry) if isinstance(current, dict) else None
    return sorted(inner) if isinstance(inner, dict) else []


def to_problems(
    errors: Iterable[Any],
    doc: YamlDoc,
    name: str,
    schema: dict[str, Any],
    registry: dict[str, Any] | None = None,
) -> list[Problem]:
    """Problems, in line order, for every leaf error of a failed validation."""
    from toolkit.read.text import did_you_mean

    registry = registry or {}
    problems = []
    for e in leaf_errors(errors):
        path = tuple(e.document_path)
        rule = "unknown" if e.rule is None and e.code == 3 else (e.rule or "other")
        if rule not in _KNOWN_RULES:
            rule = "other"
        params: dict[str, Any] = {
            "path": dotted(path),
            "constraint": _show(e.constraint),
            "value": _value(e.value),
        }
        if rule == "unknown":
            hint = did_you_mean(str(path[-1]), allowed_keys(schema, registry, path[:-1]))
            params["hint"] = hint or ""
            key = "schema-unknown-hint" if hint else "schema-unknown"
        elif rule == "type" and isinstance(e.value, bool) and path in doc.booleans:
            # YAML 1.1 reads yes/no/on/off as true/false: say what was written
            params["written"] = doc.booleans[path]
            key = "schema-type-bool"
        elif rule == "regex":
            key = _REGEX_KEYS.get(str(e.constraint), "schema-regex-other")
        else:
            key = f"schema-{rule}"
        problems.append(Problem(key, params, name, doc.line(path)))
    problems.sort(key=lambda p: p.line or 0)
    if len(problems) >= MAX_ERRORS:
        problems.append(Problem("schema-too-many", {"limit": MAX_ERRORS}, name))
    return problems


def _value(value: Any) -> str:
    """A value as the writer typed it: ``[1]`` for a list, ``{…}`` for a mapping."""
    if isinstance(value, (list, tuple)):
        text = "[" + ", ".join(str(v) for v in value) + "]"
    elif isinstance(value, dict):
        text = "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _show(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."
