"""Present a :class:`~toolkit.outputs.summary.Summary`: terminal text, JSON, Markdown
and one self-contained, sortable and filterable HTML page.

Every function returns a string; writing it anywhere is the caller's job.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from toolkit.checking.results import ERROR, INFO, SCHEMA_VERSION, WARNING
from toolkit.messages import t
from toolkit.outputs import jsontext
from toolkit.outputs.summary import CELL_ORDER, Amount, Cell, Duplicates, Group, Matrix, Part, Row, Summary
from toolkit.outputs.terminal import json_escaped, printable
from toolkit.outputs.texttable import format_grid, strip_trailing
from toolkit.outputs.totals import Amounts, DecisionAmounts, FigureTotal, RegionYears, YearColumn, compute

#: How many places each kind of finding shows before "… and N more".
FIRST_PLACES = 3

SYMBOL = {"ok": "✓", "incomplete": "!", "missing": "✗", "omitted": "–"}


def cell_text(cell: Cell | None) -> str:
    """``✗ 51``: the status and the line where the finding is."""
    if cell is None:
        return ""
    line = f" {cell.line}" if cell.status in ("incomplete", "missing") and cell.line else ""
    return SYMBOL[cell.status] + line


def totals(s: Summary, lang: str) -> str:
    return t("summary-totals", lang, drafts=len(s.rows) + len(s.failed), complete=s.complete, incomplete=s.incomplete,
             failed=len(s.failed), skipped=len(s.skipped))


def row_note(s: Summary, r: Row, lang: str) -> str:
    """``ersatt av …`` or ``möjlig dubblett av …`` for a report's row; ``""`` otherwise."""
    notes = []
    if r.superseded_by is not None:
        notes.append(t("summary-superseded-by", lang, file=s.rows[r.superseded_by].file))
    if r.possible_duplicate_of:
        notes.append(t("summary-possible-duplicate-of", lang, file=", ".join(s.rows[i].file for i in r.possible_duplicate_of)))
    return "; ".join(notes)


def duplicate_text(s: Summary, d: Duplicates, lang: str) -> str:
    """One sentence about one group of drafts for the same region and decision."""
    if d.kind == "spelling":
        return t("summary-duplicate-possible", lang, conditions=d.conditions, names=" / ".join(f"”{n}”" for n in d.regions),
                 files=", ".join(s.rows[i].file for i in d.rows))
    if d.current is None:
        return t("summary-duplicate-undecided", lang, region=d.regions[0], conditions=d.conditions,
                 files=", ".join(s.rows[i].file for i in d.rows))
    return t("summary-duplicate-current", lang, region=d.regions[0], conditions=d.conditions, file=s.rows[d.current].file,
             others=", ".join(s.rows[i].file for i in d.rows if i != d.current))


def percent(value: float) -> str:
    return f"{round(value * 100)} %"


# --------------------------------------------------------------------------
# Amounts: how a value, a total and a change are written


def verdict_text(r: Row, lang: str) -> str:
    return t("report-status-" + r.verdict, lang)


def money(value: Decimal | None, unit: str, lang: str) -> str:
    """``88 000 000 kr`` (non-breaking spaces); ``""`` for no value."""
    from toolkit.read.amounts import format_amount

    return "" if value is None else format_amount(value, unit or "kr", "sv_SE" if lang == "sv" else "en_GB")


def amount_text(a: Amount | None, unit: str, lang: str) -> str:
    """A report's value of a figure for a table cell: the amount as read, with
    ⚠ when a warning puts it in doubt, ! when it does not add up; ``! ”…”``
    for text that is no amount, ✗ missing, – optional and left out."""
    if a is None:
        return ""
    if a.status == "omitted":
        return "–"
    if a.status == "missing":
        return "✗"
    if a.value is None:
        raw = " ".join((a.raw or "").split())
        raw = raw if len(raw) <= 24 else raw[:23] + "…"
        return f"! ”{raw}”" if lang == "sv" else f"! “{raw}”"
    text = money(a.value, unit, lang)
    if a.status == "inconsistent":
        return text + " !"
    return text + " ⚠" if a.warnings else text


def amount_class(a: Amount | None) -> str:
    """The CSS class of an amount's cell: ok, warn, bad, missing, omitted."""
    if a is None or a.status == "omitted":
        return "omitted"
    if a.status == "missing":
        return "missing"
    if a.value is None or a.status == "inconsistent":
        return "bad"
    return "warn" if a.warnings else "ok"


def change_text(value: Decimal | None, unit: str, lang: str) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "") + money(value, unit, lang).replace("-", "−")


def change_percent_text(value: Decimal | None, lang: str) -> str:
    if value is None:
        return ""
    from babel.numbers import format_decimal

    number = format_decimal(value, format="#,##0.0", locale="sv_SE" if lang == "sv" else "en_GB")
    return ("+" if value > 0 else "") + number.replace("-", "−") + "\u00a0%"


def covers(ft: FigureTotal, lang: str) -> str:
    """``9 av 11 rapporter``: how many reports a total is made of."""
    return t("summary-covers", lang, n=ft.count, m=ft.basis)


def not_counted_text(ft: FigureTotal, lang: str) -> str:
    """``Beviljat företagsstöd totalt: 5 av 8 rapporter (1 saknas, 1 inte ett belopp)``; ``""`` when all count."""
    if not ft.not_counted:
        return ""
    reasons = ", ".join(t("reason-" + k, lang, n=n) for k, n in ft.not_counted.items())
    return t("summary-not-counted", lang, label=ft.part.title, covers=covers(ft, lang), reasons=reasons)


def total_text(ft: FigureTotal, lang: str) -> str:
    if not ft.additive:
        return t("summary-not-summed", lang)
    return money(ft.total, ft.part.unit, lang) if ft.total is not None else "–"


def in_totals_text(r: Row, left_out: dict[int, str], lang: str) -> str:
    """Whether a report's amounts are in its decision's totals: ``ja``, ``ja, utom …`` or ``nej: ersatt``."""
    reason = left_out.get(r.index)
    if reason is not None:
        return t("in-totals-" + reason, lang)
    partly = any(not a.usable and a.status != "omitted" for a in r.amounts.values())
    return t("in-totals-partly" if partly else "in-totals-yes", lang)


def left_out_texts(s: Summary, d: DecisionAmounts, lang: str) -> list[str]:
    """One sentence per group of drafts whose amounts are not in the totals."""
    out = []
    if d.superseded:
        out.append(t("summary-left-out-superseded", lang, n=len(d.superseded), files=", ".join(s.rows[i].file for i in d.superseded)))
    for lo in d.left_out:
        files = ", ".join(s.rows[i].file for i in lo.rows)
        if lo.reason == "undecided":
            out.append(t("summary-left-out-undecided", lang, n=len(lo.rows), regions=", ".join(lo.regions), files=files))
        else:
            quote = ("”{}”" if lang == "sv" else "“{}”").format
            out.append(t("summary-left-out-spelling", lang, files=files, names=" / ".join(quote(n) for n in lo.regions)))
    return out


def year_label(columns: list[YearColumn], col: YearColumn) -> str:
    """A column's year, or ``2018 (2018b)`` when two decisions share a year."""
    same = [c for c in columns if c.year == col.year]
    if col.year is None:
        return col.conditions
    return str(col.year) if len(same) == 1 else f"{col.year} ({col.conditions})"


def year_cell(region: RegionYears, n: int, value: Any, unit: str, lang: str) -> str:
    col = region.columns[n]
    if col.ambiguous and value.figure is not None:
        return t("yoy-ambiguous", lang)
    if value.figure is None:
        return "–"
    return amount_text(value.amount, unit, lang)


# --------------------------------------------------------------------------
# JSON


def to_dict(s: Summary, lang: str = "sv") -> dict[str, Any]:
    """The JSON contract of the overview (see README, "Sammanställning")."""
    return json.loads(format_json(s, lang))


def _report_dict(s: Summary, r: Row, parts: dict[str, Part], left_out: dict[int, str]) -> dict[str, Any]:
    in_totals = r.index not in left_out
    return {
        "file": r.file,
        "region": r.region or None,
        "year": r.year,
        "conditions": r.conditions,
        "status": r.status,
        # complete, complete-with-warnings or incomplete: "status" keeps its two values for existing scripts
        "verdict": r.verdict,
        "complete": r.complete,
        "coverage": r.coverage,
        "required_ok": r.required_ok,
        "required_total": r.required_total,
        "counts": r.counts,
        "parts": {pid: {"status": c.status, "line": c.line, "findings": c.findings} for pid, c in r.cells.items()},
        "findings": list(r.findings),
        "page": r.page,
        "datum": r.datum,
        "superseded": r.superseded_by is not None,
        "superseded_by": r.superseded_by,
        "possible_duplicate_of": list(r.possible_duplicate_of),
        "figures": {fid: _amount_dict(a, parts[fid], in_totals) for fid, a in r.amounts.items()},
        "in_totals": in_totals,
        "left_out": left_out.get(r.index),
    }


def _amount_dict(a: Amount, part: Part, in_totals: bool) -> dict[str, Any]:
    return {
        "value": json_number(a.value),
        "unit": part.unit,
        "as_read": None if a.value is None else money(a.value, part.unit, "sv").replace("\u00a0", " "),
        "raw": a.raw,
        "status": a.status,
        "line": a.line,
        "warnings": list(a.warnings),
        "form_of_support": part.form_of_support or None,
        "counted": in_totals and a.usable,
    }


def json_number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _amounts_dicts(s: Summary, a: Amounts, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "conditions": d.conditions,
            "title": d.matrix.title,
            "year": d.matrix.year,
            "reports": d.rows,
            "superseded": d.superseded,
            "left_out": [{"reason": lo.reason, "reports": lo.rows, "regions": lo.regions} for lo in d.left_out],
            "notes": left_out_texts(s, d, lang),
            "figures": [
                {
                    "id": ft.part.id, "label": ft.part.title, "unit": ft.part.unit,
                    "form_of_support": ft.part.form_of_support or None, "breakdown_of": ft.part.breakdown_of,
                    "total": json_number(ft.total), "median": json_number(ft.median),
                    "count": ft.count, "basis": ft.basis, "not_counted": ft.not_counted,
                    "covers": covers(ft, lang),
                }
                for ft in d.figures
            ],
            "forms_of_support": [
                {"form": f.form, "figures": [ft.part.id for ft in f.figures],
                 "totals": {ft.part.id: json_number(ft.total) for ft in f.figures}}
                for f in d.forms
            ],
        }
        for d in a.decisions
    ]


def _years_dicts(s: Summary, a: Amounts) -> list[dict[str, Any]]:
    return [
        {
            "region": ry.region,
            "decisions": [{"conditions": c.conditions, "year": c.year, "report": c.row, "ambiguous": c.ambiguous} for c in ry.columns],
            "figures": [
                {
                    "id": line.key, "ids": line.ids, "label": line.label, "unit": line.unit,
                    "form_of_support": line.form_of_support or None,
                    "values": [
                        {"conditions": c.conditions, "year": c.year, "figure": v.figure,
                         "value": json_number(v.amount.value) if v.amount else None,
                         "counted": bool(v.amount and v.amount.usable),
                         "change": json_number(v.change), "change_percent": json_number(v.change_percent)}
                        for c, v in zip(ry.columns, line.values)
                    ],
                }
                for line in ry.lines
            ],
        }
        for ry in a.regions
    ]


def iter_json(s: Summary, lang: str = "sv", amounts: Amounts | None = None, compact: bool = False) -> Iterator[str]:
    """The JSON overview in pieces, a report at a time, so ten thousand reports
    are never one string in memory (the same text as one ``json.dumps``).
    ``compact``: the same data on one line (``--no-indent``)."""
    a = amounts if amounts is not None else compute(s)
    parts = {m.conditions: {p.id: p for p in m.parts} for m in s.matrices.values()}
    left_out = a.left_out_rows()

    def dump(value: Any, level: int) -> str:
        # what the terminal would obey is written as \uXXXX, as in format_json before
        if compact:
            return json_escaped(jsontext.dumps_compact(value))
        return jsontext.nest(json_escaped(jsontext.dumps(value)), level)

    def lay(text: str) -> str:
        """The layout between the values (never a value: keys are plain names)."""
        return text.replace("\n", "").replace("  ", "").replace(": ", ":") if compact else text

    def array(items: Iterator[Any]) -> Iterator[str]:
        first = True
        for item in items:
            yield lay("[\n    " if first else ",\n    ") + dump(item, 2)
            first = False
        yield "[]" if first else lay("\n  ]")

    head = {
        "schema_version": SCHEMA_VERSION,
        "kind": "summary",
        "totals": {"drafts": len(s.rows) + len(s.failed), "complete": s.complete, "incomplete": s.incomplete,
                   "failed": len(s.failed), "skipped": len(s.skipped),
                   "complete_with_warnings": sum(1 for r in s.rows if r.verdict == "complete-with-warnings")},
    }
    yield lay("{\n")
    for key, value in head.items():
        yield lay(f"  {json.dumps(key)}: ") + dump(value, 1) + lay(",\n")
    yield lay('  "reports": ')
    yield from array(_report_dict(s, r, parts[r.conditions], left_out) for r in s.rows)
    rest: list[tuple[str, Any]] = [
        ("duplicates", [
            {"kind": d.kind, "conditions": d.conditions, "regions": d.regions, "reports": d.rows, "current": d.current,
             "message": duplicate_text(s, d, lang)}
            for d in s.duplicates
        ]),
        ("matrices", [
            {
                "conditions": m.conditions,
                "title": m.title,
                "year": m.year,
                "reports": m.rows,
                "parts": [
                    {"id": p.id, "number": p.number, "title": p.title, "kind": p.kind, "required": p.required,
                     "parent": p.parent, "ok": ok, "counted": counted, "coverage": None if not counted else round(ok / counted, 4)}
                    for p in m.parts
                    for ok, counted in [s.part_coverage(m, p)]
                ],
            }
            for m in s.matrices.values()
        ]),
    ]
    for key, value in rest:
        yield lay(f",\n  {json.dumps(key)}: ") + dump(value, 1)
    yield lay(',\n  "findings": ')
    yield from array(dict(f.as_dict(lang), id=n) for n, f in enumerate(s.findings))
    tail: list[tuple[str, Any]] = [
        ("groups", {
            "errors": [_group_dict(g) for g in s.groups(advisory=False)],
            "advisory": [_group_dict(g) for g in s.groups(advisory=True)],
        }),
        ("failed", [{"file": f.file, "line": f.line, "message": f.message(lang)} for f in s.failed]),
        ("skipped", [{"file": k.file, "reason": t(k.key, lang)} for k in s.skipped]),
        ("amounts", _amounts_dicts(s, a, lang)),
        ("year_over_year", _years_dicts(s, a)),
    ]
    for key, value in tail:
        yield lay(f",\n  {json.dumps(key)}: ") + dump(value, 1)
    yield lay("\n}") + "\n"


def _group_dict(g: Group) -> dict[str, Any]:
    return {"code": g.code, "severity": g.severity, "count": g.count, "findings": g.findings}


def format_json(s: Summary, lang: str = "sv", compact: bool = False) -> str:
    return "".join(iter_json(s, lang, compact=compact))


# --------------------------------------------------------------------------
# Terminal text


class _LineSink(io.TextIOBase):
    """A text stream that hands on whole lines, each without the spaces rich
    pads it with (as :func:`strip_trailing` does to a whole text)."""

    def __init__(self, write: Callable[[str], Any]):
        super().__init__()
        self._write, self._rest = write, ""

    def write(self, text: str) -> int:
        whole = self._rest + text
        cut = whole.rfind("\n") + 1
        self._rest = whole[cut:]
        if cut:
            self._write(strip_trailing(whole[:cut]))
        return len(text)

    def finish(self) -> None:
        if self._rest:
            self._write(strip_trailing(self._rest))
            self._rest = ""


class _Rows(Sequence[Any]):
    """A table's rows, each made when it is read (the table reads them twice)."""

    def __init__(self, count: int, make: Callable[[int], Any]):
        self.size, self.make = count, make

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(self.size))]
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError(i)
        return self.make(i)

    def __iter__(self) -> Iterator[Any]:
        return (self.make(n) for n in range(self.size))


def format_text(s: Summary, lang: str = "sv", width: int = 100, color: bool = False, all_places: bool = False,
                write: Callable[[str], Any] | None = None) -> str:
    """The overview for a terminal: reports, one matrix per decision, findings by kind.

    ``write``: each piece is handed to it as it is made (whole lines), and ""
    is returned: ten thousand reports are never held as one text."""
    from rich.console import Console
    from rich.markup import escape
    from rich.padding import Padding
    from rich.table import Table

    def e(text: str) -> str:  # user text: shown, never obeyed by the terminal or by rich
        return escape(printable(text))

    out: Any = io.StringIO() if write is None else _LineSink(write)
    con = Console(file=out, width=width, color_system="standard" if color else None, force_terminal=color,
                  highlight=False, emoji=False, soft_wrap=False)
    amounts = compute(s)
    left_out = amounts.left_out_rows()
    style = {"ok": "green", "incomplete": "yellow", "missing": "red", "omitted": "dim"}
    con.print(t("summary-overview-title", lang), style="bold")
    # The two big tables are laid out by texttable rather than by rich: with a
    # thousand reports rich's table layout takes seconds, texttable's milliseconds.
    if s.rows:
        con.print(t("summary-reports", lang), style="bold")
        headers = [t(k, lang) for k in ("col-file", "col-region", "col-year", "col-status", "col-coverage", "col-errors", "col-warnings")]
        if s.duplicates:
            headers.append(t("col-note", lang))

        def report_row(i: int) -> tuple[list[str], list[str | None]]:
            r = s.rows[i]
            texts = [r.file, r.region, str(r.year or ""), verdict_text(r, lang), percent(r.coverage),
                     str(r.counts[ERROR]), str(r.counts[WARNING])]
            styles: list[str | None] = [None, None, None, VERDICT_STYLE[r.verdict], None, None, None]
            if s.duplicates:
                texts.append(row_note(s, r, lang))
                styles.append("yellow" if texts[-1] else None)
            return texts, styles

        # the rows are made as the table is laid out: ten thousand are never held at once
        format_grid(headers, _Rows(len(s.rows), report_row), width, right={2, 4, 5, 6}, wrap={0, 1, 7}, color=color,
                    write=out.write)
        if s.duplicates:
            con.print()
            con.print(t("summary-duplicates", lang), style="bold yellow")
            for d in s.duplicates:
                con.print("  " + e(duplicate_text(s, d, lang)), overflow="fold")
    for m in s.matrices.values():
        con.print()
        con.print(e(t("summary-matrix", lang, id=m.conditions, title=m.title)), style="bold")
        headers = [t("col-file", lang), *(str(p.number) for p in m.parts), t("col-coverage", lang)]
        footer = ([t("summary-part-coverage", lang), *(_part_cov(s, m, p.id) for p in m.parts), ""], [None] * (len(m.parts) + 2))

        def matrix_row(n: int, m: Matrix = m, footer: Any = footer) -> tuple[list[str], list[str | None]]:
            if n == len(m.rows):
                return footer
            r = s.rows[m.rows[n]]
            cells = [r.cells.get(p.id) for p in m.parts]
            return ([r.file, *(cell_text(c) for c in cells), percent(r.coverage)],
                    [None, *(style[c.status] if c else None for c in cells), None])

        # the file column keeps a quarter of the width; the parts go in blocks under each other
        format_grid(headers, _Rows(len(m.rows) + 1, matrix_row), width, right={len(m.parts) + 1}, wrap={0}, color=color,
                    footer=True, gap=2, min_wrapped=width // 4, write=out.write)
        con.print(t("summary-matrix-legend", lang), style="dim")
        legend = Table.grid(padding=(0, 2))  # a long title wraps under itself, not under the number
        legend.add_column(justify="right", no_wrap=True)
        legend.add_column(overflow="fold")
        for p in m.parts:
            legend.add_row(f"  {p.number}", f"{'↳ ' if p.parent and p.kind == 'section' else ''}{e(p.title)} "
                           f"({t('summary-part-' + p.kind, lang)}{'' if p.required else ', ' + t('summary-optional', lang)})")
        con.print(legend)
        con.print()
        decision = amounts.decision(m.conditions)
        if decision is not None and decision.figures:
            _amounts_text(s, decision, left_out, con, out, lang, color, width)
    for ry in amounts.regions:
        _years_text(ry, con, out, lang, color, width)
    for advisory in (False, True):
        groups = s.groups(advisory)
        con.print(t("summary-advisory" if advisory else "summary-errors", lang), style="bold")
        if not groups:
            con.print("  " + t("summary-none", lang))
        for g in groups:
            sev = {ERROR: "red", WARNING: "yellow", INFO: "cyan"}[g.severity]
            con.print(f"  [{sev}]{g.code}[/] ({g.count}): {t('summary-kind-' + g.code, lang)}")
            shown = g.findings if all_places else g.findings[:FIRST_PLACES]
            where = [s.findings[n].location(lang) for n in shown]
            if max(map(len, where), default=0) + 4 <= width // 3:
                places = Table.grid(padding=(0, 2))
                places.add_column(no_wrap=True)
                places.add_column(overflow="fold")
                for n, place in zip(shown, where):
                    places.add_row("    " + e(place), e(s.findings[n].message(lang)))
                con.print(places)
            else:  # a long file:line stays whole on its own line, the message under it
                for n, place in zip(shown, where):
                    con.print("    " + e(place), overflow="fold")
                    con.print(Padding(e(s.findings[n].message(lang)), (0, 0, 0, 6)))
            if len(shown) < g.count:
                con.print("    " + t("summary-more-text", lang, n=g.count - len(shown)), style="dim")
        con.print()
    if s.failed:
        con.print(t("summary-failed", lang), style="bold red")
        for failure in s.failed:
            con.print(f"  {e(failure.file)}{':' + str(failure.line) if failure.line else ''}  {e(failure.message(lang))}",
                      overflow="fold")
        con.print()
    if s.skipped:
        con.print(t("summary-skipped", lang), style="bold")
        for k in s.skipped:
            con.print(f"  {e(k.file)}  {e(t(k.key, lang))}", overflow="fold")
        con.print()
    con.print(totals(s, lang), style="bold green" if s.exit_code == 0 else "bold red")
    if write is not None:
        out.finish()
        return ""
    return strip_trailing(out.getvalue())


VERDICT_STYLE = {"complete": "green", "complete-with-warnings": "yellow", "incomplete": "red"}
AMOUNT_STYLE = {"ok": None, "warn": "yellow", "bad": "red", "missing": "red", "omitted": "dim"}


def _amounts_text(s: Summary, d: DecisionAmounts, left_out: dict[int, str], con: Any, out: Any, lang: str,
                  color: bool, width: int) -> None:
    """A decision's amounts: each report's values (columns numbered as in the matrix), then total, median and coverage."""
    from rich.markup import escape as e

    parts = d.figure_parts()
    con.print(e(t("summary-amounts", lang, id=d.conditions, title=d.matrix.title)), style="bold")
    headers = [t("col-file", lang), *(str(p.number) for p in parts), t("col-in-totals", lang)]
    footer: list[tuple[list[str], list[str | None]]] = [
        ([t("summary-total", lang), *(total_text(ft, lang) for ft in d.figures), ""], [None] * (len(parts) + 2)),
        ([t("summary-median", lang), *(money(ft.median, ft.part.unit, lang) or "–" for ft in d.figures), ""],
         [None] * (len(parts) + 2)),
        ([t("summary-covers-row", lang), *(f"{ft.count}/{ft.basis}" for ft in d.figures), ""], [None] * (len(parts) + 2)),
    ]
    in_matrix = d.matrix.rows

    def amount_row(n: int) -> tuple[list[str], list[str | None]]:
        if n >= len(in_matrix):
            return footer[n - len(in_matrix)]
        i = in_matrix[n]
        r = s.rows[i]
        values = [r.amounts.get(p.id) for p in parts]
        return ([r.file, *(amount_text(a, p.unit, lang) for a, p in zip(values, parts)), in_totals_text(r, left_out, lang)],
                [None, *(AMOUNT_STYLE[amount_class(a)] for a in values), None if i not in left_out else "yellow"])

    # as the matrix: the file column keeps a quarter of the width, the figures go in blocks under each other
    format_grid(headers, _Rows(len(in_matrix) + len(footer), amount_row), width, right=set(range(1, len(parts) + 1)),
                wrap={0, len(parts) + 1}, color=color, footer=3, gap=2, min_wrapped=width // 4, write=out.write)
    con.print(t("summary-amounts-legend", lang), style="dim")
    for ft in d.figures:
        line = not_counted_text(ft, lang)
        if line:
            con.print("  " + e(line), overflow="fold")
    for note in left_out_texts(s, d, lang):
        con.print("  " + e(note), style="yellow", overflow="fold")
    if d.forms:
        con.print(t("summary-forms", lang), style="bold")
        rows: list[tuple[list[str], list[str | None]]] = [([f.form, ft.part.title, total_text(ft, lang), covers(ft, lang)], [None] * 4)
                                                          for f in d.forms for ft in f.figures]
        out.write(format_grid([t("col-form-of-support", lang), t("col-figure", lang), t("col-total", lang),
                               t("col-reports-counted", lang)], rows, width, right={2}, wrap={0, 1}, color=color))
    con.print()


def _years_text(ry: RegionYears, con: Any, out: Any, lang: str, color: bool, width: int) -> None:
    from rich.markup import escape as e

    con.print(e(t("summary-yoy", lang, region=ry.region)), style="bold")
    headers = [t("col-figure", lang)]
    for n, col in enumerate(ry.columns):
        headers.append(year_label(ry.columns, col))
        if n:
            headers += [t("col-change", lang), "%"]
    body: list[tuple[list[str], list[str | None]]] = []
    for line in ry.lines:
        cells = [line.label]
        for n, v in enumerate(line.values):
            cells.append(year_cell(ry, n, v, line.unit, lang))
            if n:
                cells += [change_text(v.change, line.unit, lang), change_percent_text(v.change_percent, lang)]
        body.append((cells, [None] * len(cells)))
    out.write(format_grid(headers, body, width, right=set(range(1, len(headers))), wrap={0}, color=color))
    if any(c.ambiguous for c in ry.columns):
        con.print(t("yoy-ambiguous-note", lang), style="dim")
    con.print()




def _part_cov(s: Summary, m: Matrix, part_id: str) -> str:
    part = next(p for p in m.parts if p.id == part_id)
    ok, counted = s.part_coverage(m, part)
    return percent(ok / counted) if counted else "–"


# --------------------------------------------------------------------------
# Markdown and HTML through templates


def context(s: Summary, lang: str) -> dict[str, Any]:
    def coverage(m: Matrix, part: Any) -> str:
        ok, counted = s.part_coverage(m, part)
        return percent(ok / counted) if counted else "–"

    def cell_sort(cell: Cell | None) -> str:
        return "" if cell is None else f"{CELL_ORDER[cell.status]}{(cell.line or 0):07d}"

    amounts = compute(s)
    left_out = amounts.left_out_rows()
    return {
        "s": s,
        "amounts": amounts,
        "left_out": left_out,
        "verdict_text": lambda r: verdict_text(r, lang),
        "amount_text": lambda a, unit: amount_text(a, unit, lang),
        "amount_class": amount_class,
        "amount_sort": _amount_sort,
        "money": lambda v, unit="kr": money(v, unit, lang),
        "total_text": lambda ft: total_text(ft, lang),
        "covers": lambda ft: covers(ft, lang),
        "not_counted": lambda ft: not_counted_text(ft, lang),
        "not_counted_all": lambda d: [x for x in (not_counted_text(ft, lang) for ft in d.figures) if x],
        "in_totals": lambda r: in_totals_text(r, left_out, lang),
        "left_out_texts": lambda d: left_out_texts(s, d, lang),
        "year_label": year_label,
        "year_cell": lambda ry, n, v, unit: year_cell(ry, n, v, unit, lang),
        "change_text": lambda v, unit: change_text(v, unit, lang),
        "change_percent_text": lambda v: change_percent_text(v, lang),
        "rows": s.rows,
        "matrices": list(s.matrices.values()),
        "error_groups": s.groups(advisory=False),
        "advisory_groups": s.groups(advisory=True),
        "first": FIRST_PLACES,
        "totals": totals(s, lang),
        "place": lambda f: f.location(lang),
        "msg": lambda f: f.message(lang),
        "cell_text": cell_text,
        "cell_sort": cell_sort,
        "symbol": SYMBOL,
        "percent": percent,
        "coverage": coverage,
        "failure_msg": lambda f: f.message(lang),
        "skip_msg": lambda k: t(k.key, lang),
        "regions": s.regions(),
        "years": s.years(),
        "row_of": _row_of_finding(s),
        "note": lambda r: row_note(s, r, lang),
        "duplicate_text": lambda d: duplicate_text(s, d, lang),
    }


def _amount_sort(a: Amount | None) -> str:
    """Sorts amounts by value, those without a usable value last."""
    if a is None or a.value is None:
        return "1e30"
    return format(a.value, "f")


def _row_of_finding(s: Summary) -> dict[int, Row]:
    return {n: r for r in s.rows for n in r.findings}


def format_md(s: Summary, lang: str = "sv") -> str:
    from toolkit.outputs.templating import render_template

    return render_template("overview.md.j2", lang, **context(s, lang))


@lru_cache(maxsize=1)
def _script() -> tuple[str, str]:
    """The page's script and its CSP hash (``'sha256-…'``)."""
    text = resources.files("toolkit.outputs").joinpath("templates/_overview.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def format_html(s: Summary, lang: str = "sv", charts: bool = True, amounts: bool = True) -> str:
    """One self-contained HTML page; its one inline script is allowed by hash.

    The charts (inline SVG, see :mod:`toolkit.outputs.charts`) are drawn once
    per decision and once per region followed year over year, never per
    report; ``charts=False`` leaves them out, ``amounts=False`` leaves out
    the amounts, totals and year-over-year tables too.
    """
    from toolkit.outputs.templating import render_template

    script, script_hash = _script()
    ctx = context(s, lang)
    if not amounts:
        ctx["amounts"], charts = Amounts([], []), False
    by_decision, by_region = _charts(s, ctx["amounts"], lang) if charts else ({}, {})
    return render_template("overview.html.j2", lang, script=script, script_hash=script_hash, charts=by_decision,
                           year_charts=by_region, **ctx)


# --------------------------------------------------------------------------
# Charts for the HTML page

#: Above this many reports a decision's coverage is drawn as a distribution, not a bar per report.
MAX_BARS_COVERAGE = 60
#: Above this many reports a decision's amounts are drawn as totals per form of support.
MAX_BARS_AMOUNTS = 40


@dataclass
class Chart:
    """A chart and the table of its numbers, shown beside it."""

    id: str
    title: str
    svg: Any
    headers: list[str]
    rows: list[list[str]]
    note: str = ""


def _charts(s: Summary, a: Amounts, lang: str) -> tuple[dict[str, list[Chart]], dict[str, Chart]]:
    by_decision: dict[str, list[Chart]] = {}
    for n, d in enumerate(a.decisions, 1):
        made = [_coverage_chart(s, d, f"chart-{n}-coverage", lang)]
        amounts_chart = _amounts_chart(s, d, f"chart-{n}-amounts", lang)
        if amounts_chart is not None:
            made.append(amounts_chart)
        by_decision[d.conditions] = made
    by_region = {}
    for n, ry in enumerate(a.regions, 1):
        chart = _years_chart(ry, f"chart-years-{n}", lang)
        if chart is not None:
            by_region[ry.region] = chart
    return by_decision, by_region


def _mkr(lang: str) -> Any:
    from babel.numbers import format_decimal

    locale = "sv_SE" if lang == "sv" else "en_GB"
    return lambda v: format_decimal(round(v / 1_000_000, 1), format="#,##0.#", locale=locale)


def _row_labels(s: Summary, rows: list[int]) -> list[str]:
    """Each report's region, with its file's name where a region has several reports."""
    from collections import Counter
    from pathlib import PurePath

    seen = Counter(s.rows[i].region for i in rows)
    return [s.rows[i].region if seen[s.rows[i].region] == 1 and s.rows[i].region else
            f"{s.rows[i].region} ({PurePath(s.rows[i].file).name})" for i in rows]


def _coverage_chart(s: Summary, d: DecisionAmounts, chart_id: str, lang: str) -> Chart:
    from toolkit.outputs import charts

    rows = d.matrix.rows
    if len(rows) <= MAX_BARS_COVERAGE:
        title = t("chart-coverage", lang, id=d.conditions)
        labels = _row_labels(s, rows)
        values = [s.rows[i].coverage * 100 for i in rows]
        svg = charts.bar_chart(chart_id, title, labels, [charts.Series(t("col-coverage", lang), values)],
                               t("chart-axis-coverage", lang), lambda v: f"{v:.0f} %", limit=100)
        table = [[label, percent(s.rows[i].coverage)] for label, i in zip(labels, rows)]
        return Chart(chart_id, title, svg, [t("col-report", lang), t("col-coverage", lang)], table)
    title = t("chart-coverage-bins", lang, id=d.conditions)
    bins = [f"{b}–{b + 9} %" for b in range(0, 100, 10)] + ["100 %"]
    counts = [0] * len(bins)
    for i in rows:
        counts[min(10, int(s.rows[i].coverage * 100) // 10)] += 1
    svg = charts.histogram(chart_id, title, bins, counts, t("chart-axis-reports", lang))
    return Chart(chart_id, title, svg, [t("col-bin", lang), t("col-reports-n", lang)],
                 [[b, str(c)] for b, c in zip(bins, counts)])


def _amounts_chart(s: Summary, d: DecisionAmounts, chart_id: str, lang: str) -> Chart | None:
    from toolkit.outputs import charts

    kronor = [ft for ft in d.figures if ft.part.unit == "kr" and ft.part.breakdown_of is None]
    by_form = [ft for ft in kronor if ft.part.form_of_support]
    figures = by_form or kronor
    if not figures or not any(ft.count for ft in figures):
        return None
    forms = [ft.part.form_of_support for ft in by_form]
    names = [(f"{ft.part.form_of_support}: {ft.part.title}" if forms.count(ft.part.form_of_support) > 1 else ft.part.form_of_support)
             if by_form else ft.part.title for ft in figures]
    axis, tick = t("chart-axis-mkr", lang), _mkr(lang)
    if len(d.rows) > MAX_BARS_AMOUNTS:
        title = t("chart-amounts-forms", lang, id=d.conditions)
        totals = [float(ft.total) if ft.total is not None else None for ft in figures]
        svg = charts.bar_chart(chart_id, title, names, [charts.Series(t("col-total", lang), totals)], axis, tick)
        table = [[name, money(ft.total, "kr", lang) or "–", covers(ft, lang)] for name, ft in zip(names, figures)]
        return Chart(chart_id, title, svg, [t("col-form-of-support", lang), t("col-total", lang), t("col-reports-counted", lang)],
                     table)
    title = t("chart-amounts" if by_form else "chart-amounts-figures", lang, id=d.conditions)
    labels = _row_labels(s, d.rows)
    series = []
    for ft, name in zip(figures, names):
        values: list[float | None] = []
        for i in d.rows:
            amount = s.rows[i].amounts.get(ft.part.id)
            values.append(float(amount.value) if amount is not None and amount.usable and amount.value is not None else None)
        series.append(charts.Series(name, values))
    svg = charts.bar_chart(chart_id, title, labels, series, axis, tick)
    table = [[label, *(money(Decimal(str(v)), "kr", lang) if v is not None else "–" for v in (ser.values[n] for ser in series))]
             for n, label in enumerate(labels)]
    return Chart(chart_id, title, svg, [t("col-region", lang), *names], table, t("chart-only-counted", lang))


def _years_chart(ry: RegionYears, chart_id: str, lang: str) -> Chart | None:
    from toolkit.outputs import charts

    series = []
    for line in ry.lines:
        if line.unit != "kr":
            continue
        values = [float(v.amount.value) if v.amount is not None and v.amount.usable and v.amount.value is not None else None
                  for v in line.values]
        if any(v is not None for v in values):
            series.append(charts.Series(line.label, values))
    if not series:
        return None
    title = t("chart-years", lang, region=ry.region)
    xs = [year_label(ry.columns, c) for c in ry.columns]
    svg = charts.line_chart(chart_id, title, xs, series, t("chart-axis-mkr", lang), _mkr(lang))
    return Chart(chart_id, title, svg, [], [], t("chart-years-note", lang))
