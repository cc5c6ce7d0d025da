"""The registry of finding codes: one entry per kind of problem a check reports.

Each code has its severity, the catalogue key of its description (what the
README's table and the summary's groups say) and of its hint (what the writer
does about it). The checker takes a finding's severity from here, and the
README's table of codes is held to this registry by a test, so a new code is
added in one place (and its two catalogue entries).
"""

from __future__ import annotations

from dataclasses import dataclass

#: Severities, most serious first.
ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Code:
    code: str
    severity: str

    @property
    def description_key(self) -> str:
        return f"summary-kind-{self.code}"

    @property
    def hint_key(self) -> str:
        return f"hint-{self.code}"


_ALL = (
    Code("section-missing", ERROR),
    Code("section-empty", ERROR),
    Code("section-too-short", ERROR),
    Code("section-placeholder", ERROR),
    Code("text-placeholder", ERROR),
    Code("fact-placeholder", ERROR),
    Code("section-duplicate", ERROR),
    Code("section-order", WARNING),
    Code("section-carried-over", WARNING),
    Code("figure-carried-over", WARNING),
    Code("heading-unmatched", INFO),
    Code("heading-unknown-id", WARNING),
    Code("figure-missing", ERROR),
    Code("figure-not-numeric", ERROR),
    Code("figure-inconsistent", ERROR),
    Code("figure-unknown", ERROR),
    Code("docx-no-headings", WARNING),
    Code("figure-unit-mismatch", ERROR),
    Code("figure-unit-unclear", ERROR),
    Code("figure-column-ambiguous", ERROR),
    Code("figure-column-year", WARNING),
    Code("figure-merged-cell", ERROR),
    Code("figure-repeated", ERROR),
    Code("figure-negative", ERROR),
    Code("figure-implausible", WARNING),
    Code("report-late", WARNING),
    Code("conditions-override", INFO),
    Code("docx-skipped", INFO),
)

#: Every finding code, in the order the README lists them.
CODES: dict[str, Code] = {c.code: c for c in _ALL}


def severity(code: str) -> str:
    """The severity of ``code``; an unregistered code is a programming error."""
    return CODES[code].severity
