"""Present a :class:`~toolkit.check.CheckResult`: terminal text, JSON, and the
reviewer's one-page summary in Markdown and HTML.

Every function returns a string; writing it anywhere is the caller's job.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from toolkit.checking.codes import CODES
from toolkit.checking.results import (
    ERROR,
    INFO,
    SCHEMA_VERSION,
    WARNING,
    CheckResult,
    FigureResult,
    Finding,
)
from toolkit.messages import t
from toolkit.outputs import jsontext
from toolkit.outputs.terminal import json_escaped, printable
from toolkit.read.amounts import format_amount

#: How many findings of one kind the text, Markdown and HTML reports list
#: before "… and N more of the same kind" (JSON lists them all): 30,000
#: headings that match nothing are one problem, not a report to read.
MAX_LISTED = 50


def listed(findings: list[Finding], limit: int = MAX_LISTED) -> tuple[list[Finding], dict[str, int]]:
    """The findings to list, the first ``limit`` of each code in their order,
    and how many of each code are left out."""
    seen: dict[str, int] = {}
    shown = []
    for f in findings:
        seen[f.code] = seen.get(f.code, 0) + 1
        if seen[f.code] <= limit:
            shown.append(f)
    return shown, {code: n - limit for code, n in seen.items() if n > limit}


def more_of_kind(code: str, n: int, lang: str = "sv") -> str:
    """``… och 29 950 till av samma slag (rubriken motsvarar inget avsnitt)``."""
    return t("report-more-of-kind", lang, n=f"{n:,}".replace(",", "\u00a0"), kind=t(f"summary-kind-{code}", lang))


def result_to_dict(result: CheckResult, lang: str = "sv") -> dict[str, Any]:
    """The JSON contract of one check (see README, "JSON-rapporten")."""
    c = result.conditions
    return {
        "schema_version": SCHEMA_VERSION,
        "conditions": c.id,
        "conditions_title": c.title,
        "file": result.file,
        "region": result.draft.meta.get("region"),
        "complete": result.complete,
        "coverage": result.coverage,
        "counts": {"error": result.count(ERROR), "warning": result.count(WARNING), "info": result.count(INFO)},
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "status": s.status,
                "required": s.required,
                "parent": s.parent,
                "line": s.line,
                "words": s.words,
                "reference": s.reference or None,
                "problems": [f.as_dict(lang) for f in s.findings],
            }
            for s in result.sections
        ],
        "figures": [
            {
                "id": f.id,
                "label": f.label,
                "unit": f.unit,
                "required": f.required,
                "value": _number(f.value),
                "raw": None if f.raw is None else str(f.raw),
                "status": f.status,
                "line": f.line,
                # how the amount was read, so a script can show it back
                "as_read": None if f.value is None else format_amount(f.value, f.unit).replace("\u00a0", " "),
                "unit_source": f.unit_from or None,
                "unit_text": f.unit_text or None,
                "column": f.header or None,
                "table": f.table,
                "bounds": _bounds(result, f.id),
            }
            for f in result.figures
        ],
        "problems": [f.as_dict(lang) for f in result.findings],
    }


def _bounds(result: CheckResult, figure_id: str) -> dict[str, Any] | None:
    f = result.conditions.figure(figure_id)
    if f is None or (f.min is None and f.max is None):
        return None
    return {"min": _number(f.min), "max": _number(f.max)}


def figure_reading(f: FigureResult, lang: str = "sv") -> str:
    """How a figure was read, for a person: ``”61 300”: enheten från rubriken
    ”Belopp (tkr)”`` (the text as written, where the unit came from, the
    table column it was taken from)."""
    if f.raw is None:
        return ""
    parts = []
    if f.unit_from == "header":
        parts.append(t("figure-read-header", lang, header=f.header))
    elif f.unit_from in ("amount", "cell"):
        parts.append(t(f"figure-read-{f.unit_from}", lang))
    elif f.unit_from == "figure":
        parts.append(t("figure-read-figure", lang, unit=t(f"unit-name-{f.unit}", lang)))
    if f.header and f.unit_from != "header":
        parts.append(t("figure-read-column", lang, header=f.header))
    quoted = f"”{f.raw}”" if lang == "sv" else f"“{f.raw}”"
    return quoted + (": " + "; ".join(parts) if parts else "")


def figure_place(f: FigureResult, result: CheckResult, lang: str = "sv") -> str:
    """``stycke 18`` or ``rad 8``: where the figure was read."""
    if f.line is None:
        return ""
    return f"{t('paragraph' if result.draft.unit == 'paragraph' else 'col-line', lang).lower()} {f.line}"


def _number(value: Any) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def format_json(results: list[CheckResult], lang: str = "sv", failed: Iterable[dict[str, Any]] = (),
                compact: bool = False) -> str:
    """One report object for one draft; ``{"schema_version", "reports": [...]}``
    for several. ``compact``: on one line, without indentation."""
    reports = [result_to_dict(r, lang) for r in results]
    failures = list(failed)
    if len(reports) == 1 and not failures:
        data: Any = reports[0]
    else:
        data = {"schema_version": SCHEMA_VERSION, "reports": reports, "failed": failures}
    return json_escaped(jsontext.dumps_compact(data) if compact else jsontext.dumps(data)) + "\n"


def json_part(result: CheckResult, lang: str = "sv", compact: bool = False) -> str:
    """One report's JSON as :func:`format_json` writes it for one draft (no
    line break at the end); ``compact``: on one line (``--no-indent``)."""
    data = result_to_dict(result, lang)
    return json_escaped(jsontext.dumps_compact(data) if compact else jsontext.dumps(data))


class JsonReports:
    """:func:`format_json`, written a report at a time as the drafts are
    checked: :meth:`add` each report's :func:`json_part` (in order), then
    :meth:`close` with the failures; the pieces joined are the same text
    (``compact``: the same data on one line).

    ``single``: one draft was asked for, so its report may stand on its own;
    whether it does is known only at the end, so it is held until then.
    """

    def __init__(self, single: bool = False, compact: bool = False):
        self.single, self.compact = single, compact
        self.count = 0
        self._held: list[str] = []

    def add(self, part: str) -> str:
        if self.single:
            self._held.append(part)
            return ""
        self.count += 1
        if self.compact:
            return (f'{{"schema_version":{SCHEMA_VERSION},"reports":[' if self.count == 1 else ",") + part
        lead = f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "reports": [\n    ' if self.count == 1 else ",\n    "
        return lead + jsontext.nest(part, 2)

    def close(self, failed: Iterable[dict[str, Any]] = ()) -> str:
        failures = list(failed)
        held, self._held = self._held, []
        if self.single and len(held) == 1 and not failures:
            return held[0] + "\n"
        self.single = False
        text = "".join(self.add(part) for part in held)
        if self.compact:
            if not self.count:
                text += f'{{"schema_version":{SCHEMA_VERSION},"reports":['
            return text + '],"failed":' + json_escaped(jsontext.dumps_compact(failures)) + "}\n"
        text += f'{{\n  "schema_version": {SCHEMA_VERSION},\n  "reports": []' if not self.count else "\n  ]"
        return text + ',\n  "failed": ' + jsontext.nest(json_escaped(jsontext.dumps(failures)), 1) + "\n}\n"


def text_part(result: CheckResult, lang: str = "sv", width: int = 100, color: bool = False) -> str:
    """One draft's part of :func:`format_text` (several are joined with a blank line)."""
    return format_text([result], lang, width, color)


def verdict(result: CheckResult, lang: str = "sv") -> str:
    """The closing sentence: complete or not, the counts and the coverage."""
    key = "verdict-complete" if result.complete else "verdict-incomplete"
    return t(
        key,
        lang,
        errors=result.count(ERROR),
        warnings=result.count(WARNING),
        infos=result.count(INFO),
        ok=result.required_ok,
        total=result.required_total,
        coverage=round(result.coverage * 100),
    )


def format_text(results: list[CheckResult], lang: str = "sv", width: int = 100, color: bool = False) -> str:
    """Readable terminal output: sections, findings in line order, a verdict."""
    from rich import box
    from rich.console import Console
    from rich.markup import escape as markup
    from rich.padding import Padding
    from rich.table import Table

    def escape(text: str) -> str:  # user text: shown, never obeyed by the terminal or by rich
        return markup(printable(text))

    out = io.StringIO()
    console = Console(file=out, width=width, color_system="standard" if color else None, force_terminal=color,
                      highlight=False, emoji=False, soft_wrap=False)
    status_style = {"ok": "green", "missing": "red", "incomplete": "yellow", "omitted": "dim"}
    severity_style = {ERROR: "red", WARNING: "yellow", INFO: "cyan"}
    for n, r in enumerate(results):
        if n:
            console.print()
        console.print(escape(t("check-heading", lang, file=r.file, conditions=r.conditions.id, title=r.conditions.title)), style="bold")
        sections = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
        place_col = t("col-line" if r.draft.unit == "line" else "paragraph", lang).capitalize()
        # a long title wraps under itself; status, words and place stay on one line
        sections.add_column(t("col-section", lang), overflow="fold", ratio=1)
        sections.add_column(t("col-status", lang), no_wrap=True)
        sections.add_column(t("col-words", lang), justify="right", no_wrap=True)
        sections.add_column(place_col, justify="right", no_wrap=True)
        for s in r.sections:
            # a sub-part is indented, and its wrapped lines with it
            title = Padding(escape(s.title), (0, 0, 0, 2)) if s.parent else escape(s.title)
            sections.add_row(title, f"[{status_style.get(s.status, '')}]{t('status-' + s.status, lang)}[/]",
                             str(s.words) if s.line else "", str(s.line or ""))
        console.print(sections)
        if r.figures:
            figures = Table(box=box.SIMPLE, show_edge=False, pad_edge=False, title=t("figures-as-read", lang),
                            title_justify="left", title_style="bold")
            figures.add_column(t("col-figure", lang))
            figures.add_column(t("col-as-read", lang), justify="right", no_wrap=True)
            figures.add_column(t("col-status", lang))
            figures.add_column(place_col, justify="right")
            figures.add_column(t("col-how-read", lang))
            for fig in r.figures:
                style = "green" if fig.status == "ok" else "dim" if fig.status == "omitted" else "red"
                figures.add_row(escape(fig.label), "" if fig.value is None else format_amount(fig.value, fig.unit),
                                f"[{style}]{t('figstatus-' + fig.status, lang)}[/]", str(fig.line or ""),
                                escape(figure_reading(fig, lang)))
            console.print(figures)
        if r.findings:
            table = Table(box=box.SIMPLE, show_edge=False, pad_edge=False)
            table.add_column(t("col-line" if r.draft.unit == "line" else "paragraph", lang).capitalize(), justify="right", no_wrap=True)
            table.add_column(t("col-severity", lang), no_wrap=True)
            table.add_column(t("col-message", lang), overflow="fold", ratio=1)
            shown, hidden = listed(r.findings)
            for f in shown:
                message = escape(f.message(lang)) + (f"\n[dim]{escape(f.point)}[/]" if f.point else "")
                table.add_row(str(f.line) if f.line else "–", f"[{severity_style[f.severity]}]{t('severity-' + f.severity, lang)}[/]",
                              message)
            for code, n in hidden.items():
                severity = CODES[code].severity
                table.add_row("", f"[{severity_style[severity]}]{t('severity-' + severity, lang)}[/]",
                              f"[dim]{escape(more_of_kind(code, n, lang))}[/]")
            console.print(table)
        console.print(verdict(r, lang), style="bold green" if r.complete else "bold red")
    from toolkit.outputs.texttable import strip_trailing

    return strip_trailing(out.getvalue())


def _grouped(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by the point of the decision, errors first."""
    groups: dict[str, list[Finding]] = {}
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    for f in sorted(findings, key=lambda f: (order[f.severity], f.line or 0)):
        groups.setdefault(f.point, []).append(f)
    return list(groups.items())


def summary_context(result: CheckResult, lang: str = "sv") -> dict[str, Any]:
    shown, hidden = listed(result.findings)
    return {
        "r": result,
        "c": result.conditions,
        "verdict": verdict(result, lang),
        "groups": _grouped(shown),
        "more": [more_of_kind(code, n, lang) for code, n in hidden.items()],
        "place": lambda f: f.location(lang),
        "place_label": t("col-line" if result.draft.unit == "line" else "paragraph", lang).capitalize(),
        "msg": lambda f: f.message(lang),
        "reading": lambda f: figure_reading(f, lang),
    }


def format_summary_md(result: CheckResult, lang: str = "sv") -> str:
    """The reviewer's one-page summary as Markdown."""
    from toolkit.outputs.templating import render_template

    return render_template("summary.md.j2", lang, **summary_context(result, lang))


def format_summary_html(result: CheckResult, lang: str = "sv") -> str:
    """The reviewer's one-page summary as one self-contained HTML file."""
    from toolkit.outputs.templating import render_template

    return render_template("summary.html.j2", lang, **summary_context(result, lang))
