"""What a check finds: :class:`Finding` (code, severity, message, file, line,
section, point of the decision), the status of each section and figure, and
:class:`CheckResult` with the verdict, coverage and exit status. The checker
(:mod:`toolkit.checking.checker`) makes them; the outputs present them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# the severities are defined with the codes and re-exported here
from toolkit.checking.codes import ERROR as ERROR
from toolkit.checking.codes import INFO as INFO
from toolkit.checking.codes import WARNING as WARNING
from toolkit.checking.codes import severity
from toolkit.decisions.model import Conditions
from toolkit.drafts.model import Draft

#: Bumped only when a key of the JSON report changes meaning.
SCHEMA_VERSION = 1




@dataclass(slots=True)
class Finding:
    """One thing the draft still lacks or gets wrong (slots: a summary of ten
    thousand drafts keeps every finding)."""

    code: str
    severity: str
    key: str
    params: dict[str, Any]
    file: str
    line: int | None
    section: str | None = None
    point: str = ""
    #: "line" for Markdown drafts, "paragraph" for Word drafts
    unit: str = "line"

    @classmethod
    def of(cls, code: str, key: str, params: dict[str, Any], file: str, line: int | None,
           section: str | None = None, point: str = "") -> Finding:
        """A finding whose severity comes from the registry of codes."""
        return cls(code, severity(code), key, params, file, line, section, point)

    def message(self, lang: str = "sv") -> str:
        from toolkit.messages import quoted, t

        return t(self.key, lang, **quoted(self.params))

    def location(self, lang: str = "sv") -> str:
        """``utkast.md:12``, or ``utkast.docx, stycke 12`` for a Word draft."""
        if self.line is None:
            return self.file
        if self.unit == "line":
            return f"{self.file}:{self.line}"
        from toolkit.messages import t

        return f"{self.file}, {t('paragraph', lang)} {self.line}"

    def as_dict(self, lang: str = "sv") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message(lang),
            "file": self.file,
            "line": self.line,
            "section": self.section,
            "reference": self.point or None,
        }


@dataclass
class SectionResult:
    id: str
    title: str
    required: bool
    status: str  # ok, missing, incomplete, omitted (optional and absent)
    line: int | None
    words: int
    reference: str
    parent: str | None = None
    findings: list[Finding] = field(default_factory=list)
    #: heading level and the line-index span of the section's own text
    level: int = 0
    span: tuple[int, int] | None = None


@dataclass
class FigureResult:
    id: str
    label: str
    unit: str
    required: bool
    raw: Any
    value: Decimal | None
    status: str  # ok, missing, invalid, inconsistent, omitted
    line: int | None
    section: str | None
    #: where the unit came from: "amount" (written with it), "header" (the
    #: column's header), "cell" (the row's unit cell) or "figure" (none
    #: written: the figure's own unit); "" when nothing was read
    unit_from: str = ""
    #: the unit word that scaled the amount ("tkr"), as found
    unit_text: str = ""
    #: the header of the table column the amount was taken from
    header: str = ""
    #: the paragraph of the Word table the amount was read from
    table: int | None = None


@dataclass
class Extra:
    """A part of the draft under a heading that is none of the decision's."""

    title: str
    level: int
    line: int
    span: tuple[int, int]


@dataclass
class CheckResult:
    """Everything a check found, ready for any output format."""

    conditions: Conditions
    draft: Draft
    findings: list[Finding]
    sections: list[SectionResult]
    figures: list[FigureResult]
    strict: bool = False
    #: the writer's own parts outside the decision's sections, in draft order
    extras: list[Extra] = field(default_factory=list)
    #: line-index span of the text before the first section (after a title)
    preamble: tuple[int, int] | None = None
    #: line-index span of the text between the front matter and the document's
    #: title, when the draft has a title and text above it
    preface: tuple[int, int] | None = None

    @property
    def file(self) -> str:
        return self.draft.name

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def complete(self) -> bool:
        return self.count(ERROR) == 0 and not (self.strict and self.count(WARNING))

    @property
    def required_total(self) -> int:
        return sum(1 for s in self.sections if s.required) + sum(1 for f in self.figures if f.required)

    @property
    def required_ok(self) -> int:
        return sum(1 for s in self.sections if s.required and s.status == "ok") + sum(
            1 for f in self.figures if f.required and f.status == "ok"
        )

    @property
    def coverage(self) -> float:
        total = self.required_total
        return 1.0 if total == 0 else round(self.required_ok / total, 4)

    @property
    def exit_code(self) -> int:
        return 0 if self.complete else 1


# --------------------------------------------------------------------------
# The Cerberus schema and its custom rules
