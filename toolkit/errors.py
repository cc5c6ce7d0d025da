"""Exceptions for runs that cannot go on.

Invalid content in a draft is returned as findings (see ``toolkit.check``);
these exceptions are for input that cannot be read or checked at all. Every
exception carries a message key from ``toolkit.messages`` with its parameters,
so the CLI can say it in the user's language, and the place it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Problem:
    """One problem that stops a run: a message key, its parameters and a place."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    file: str | None = None
    line: int | None = None
    #: what ``line`` counts: "line" (text files) or "paragraph" (Word drafts)
    unit: str = "line"

    def format(self, lang: str = "sv") -> str:
        from toolkit.messages import quoted, t

        text = t(self.key, lang, **quoted(self.params))
        if self.file is None:
            return text
        if self.line is None:
            where = self.file
        elif self.unit == "paragraph":
            where = f"{self.file}, {t('paragraph', lang)} {self.line}"
        else:
            where = f"{self.file}:{self.line}"
        return f"{where}: {text}"


class VillkorError(Exception):
    """Base class: the run cannot go on. Carries one or more problems."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(self.format("en"))

    @classmethod
    def of(cls, key: str, file: str | None = None, line: int | None = None, **params: Any) -> VillkorError:
        return cls(Problem(key, params, file, line))

    def format(self, lang: str = "sv") -> str:
        return "\n".join(p.format(lang) for p in self.problems)

    def __reduce__(self) -> Any:
        # rebuilt from its problems when it crosses between processes (a batch's workers)
        return (type(self), (self.problems,))


class InputError(VillkorError):
    """Raised by ``toolkit.read.files`` and ``toolkit.read.yamldoc`` when a file cannot
    be read as text or parsed as YAML (missing, binary, too large, wrong encoding,
    malformed, duplicate key)."""


class ConditionsError(VillkorError):
    """Raised by ``toolkit.conditions`` when a decision cannot be found or does not
    validate against ``schemas/conditions.yaml``."""


class DraftError(VillkorError):
    """Raised by the draft readers when a draft's front matter is missing,
    malformed or of the wrong shape, so the draft cannot be checked."""


class OutputError(VillkorError):
    """Raised by ``toolkit.outputs.write`` when a result cannot be written safely."""


class RenderRefused(VillkorError):
    """Raised by ``toolkit.outputs.render`` when a draft is incomplete and ``draft`` mode
    was not asked for. Carries the check result in ``result``."""

    def __init__(self, problems: list[Problem] | Problem, result: Any = None):
        super().__init__(problems)
        self.result = result

    def __reduce__(self) -> Any:
        return (type(self), (self.problems, self.result))


class ServeError(VillkorError):
    """Raised by ``toolkit.web.server`` when the web page cannot start (the
    port is taken, the ``--dir`` folder is missing or holds the temporary folder)."""
