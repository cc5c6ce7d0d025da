"""The summary as tables for a spreadsheet: CSV files and one Excel workbook.

:func:`tables` lays out the same tables for both: reports, one parts matrix
per decision, every figure with its value, totals per decision and figure,
each region year over year, and the findings. Cells are typed: amounts are
numbers (with a kronor number format in Excel, never text), dates are dates,
so an analyst can sum a column as it comes.

CSV (:func:`csv_pieces`): UTF-8 with a byte-order mark, so Excel reads å, ä
and ö; with ``--lang sv`` (the default) the separator is ``;`` and the
decimal comma is used, as Swedish Excel expects; with ``--lang en`` they are
``,`` and ``.``. Fields are quoted where needed by :mod:`csv`.

Text that came from a draft (file names, region names, amounts as written,
messages that quote them) could start a formula in a spreadsheet; a text
cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
written with a leading ``'`` in CSV, and as a string (never a formula) in Excel.

Rows are produced as they are written, so ten thousand reports do not make
ten thousand rows in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from toolkit.messages import t
from toolkit.outputs.summary import Summary
from toolkit.outputs.totals import Amounts, compute

#: A text cell starting with one of these could be read as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: Excel number formats, by unit (Excel writes the grouping comma in the
#: user's own separator: "88 000 000 kr" in Swedish Excel).
NUMBER_FORMAT = {"kr": '#,##0 "kr"', "procent": '0.0 "%"', "antal": "#,##0", "percent": '0.0 "%"', "int": "0"}


@dataclass(frozen=True)
class Num:
    """A number and what it counts (kr, procent, antal, percent, int)."""

    value: Decimal | int
    unit: str = "int"


@dataclass
class Table:
    """One sheet (Excel) or file (CSV)."""

    key: str  # what the table is: reports, parts, figures, totals, yoy, findings
    name: str  # the sheet's name
    file: str  # the CSV file's name
    headers: list[str]
    rows: Callable[[], Iterator[list[Any]]]
    widths: list[int]


def tables(s: Summary, lang: str = "sv", amounts: Amounts | None = None) -> list[Table]:
    """Every table of the summary, in the order of the workbook's sheets."""
    from toolkit.outputs import overview

    a = amounts if amounts is not None else compute(s)
    left_out = a.left_out_rows()
    parts = {m.conditions: {p.id: p for p in m.parts} for m in s.matrices.values()}

    def h(*keys: str) -> list[str]:
        return [t(k, lang) for k in keys]

    def reports() -> Iterator[list[Any]]:
        for r in s.rows:
            yield [r.file, r.region, r.year, r.conditions, overview.verdict_text(r, lang), yes(r.complete, lang),
                   Num(_percent(r.coverage), "percent"), r.counts["error"], r.counts["warning"], _date(r.datum),
                   overview.in_totals_text(r, left_out, lang), overview.row_note(s, r, lang)]

    out = [Table("reports", t("sheet-reports", lang), t("csv-file-reports", lang),
                 h("col-file", "col-region", "col-year", "col-conditions", "col-verdict", "col-complete") +
                 [t("col-coverage", lang) + " (%)"] + h("col-errors", "col-warnings", "col-datum", "col-in-totals", "col-note"),
                 reports, [40, 28, 7, 9, 24, 10, 12, 7, 10, 12, 30, 40])]

    for m in s.matrices.values():
        def matrix_rows(m: Any = m) -> Iterator[list[Any]]:
            for i in m.rows:
                r = s.rows[i]
                yield [r.file, r.region, *(overview.cell_text(r.cells.get(p.id)) for p in m.parts),
                       Num(_percent(r.coverage), "percent")]

        out.append(Table("parts", t("sheet-parts", lang, id=m.conditions), t("csv-file-parts", lang, id=_safe_name(m.conditions)),
                         h("col-file", "col-region") + [f"{p.number}. {p.title}" for p in m.parts] + [t("col-coverage", lang) + " (%)"],
                         matrix_rows, [40, 28, *([14] * len(m.parts)), 12]))

    def figures() -> Iterator[list[Any]]:
        for r in s.rows:
            counted_row = r.index not in left_out
            for fid, am in r.amounts.items():
                p = parts[r.conditions][fid]
                yield [r.file, r.region, r.year, r.conditions, fid, p.title, p.form_of_support, p.breakdown_of or "",
                       Num(am.value, p.unit or "kr") if am.value is not None else None, p.unit, am.raw or "",
                       t("figstatus-" + am.status, lang), ", ".join(t("summary-kind-" + w, lang) for w in am.warnings),
                       yes(counted_row and am.usable, lang), am.line]

    out.append(Table("figures", t("sheet-figures", lang), t("csv-file-figures", lang),
                     h("col-file", "col-region", "col-year", "col-conditions", "col-figure-id", "col-figure", "col-form-of-support",
                       "col-breakdown-of", "col-value", "col-unit", "col-written", "col-figure-status", "col-warning",
                       "col-in-totals", "col-line"),
                     figures, [40, 28, 7, 9, 28, 40, 26, 24, 18, 8, 24, 16, 30, 12, 7]))

    def totals() -> Iterator[list[Any]]:
        for d in a.decisions:
            for ft in d.figures:
                p = ft.part
                yield [d.conditions, d.matrix.year, p.id, p.title, p.form_of_support, p.breakdown_of or "",
                       Num(ft.total, p.unit or "kr") if ft.total is not None else None,
                       Num(ft.median, p.unit or "kr") if ft.median is not None else None,
                       ft.count, ft.basis, *(ft.not_counted.get(k, 0) for k in ("missing", "invalid", "inconsistent", "warning"))]

    out.append(Table("totals", t("sheet-totals", lang), t("csv-file-totals", lang),
                     h("col-conditions", "col-year", "col-figure-id", "col-figure", "col-form-of-support", "col-breakdown-of",
                       "col-total", "col-median", "col-count", "col-basis", "col-not-missing", "col-not-invalid",
                       "col-not-inconsistent", "col-not-warning"),
                     totals, [9, 7, 28, 40, 26, 24, 18, 18, 10, 10, 9, 9, 9, 9]))

    def years() -> Iterator[list[Any]]:
        for ry in a.regions:
            for line in ry.lines:
                for col, v in zip(ry.columns, line.values):
                    if v.figure is None:
                        continue
                    am = v.amount
                    yield [ry.region, line.key, line.label, col.conditions, col.year, v.figure,
                           Num(am.value, line.unit or "kr") if am is not None and am.value is not None else None,
                           yes(bool(am and am.usable), lang) if not col.ambiguous else t("yoy-ambiguous", lang),
                           Num(v.change, line.unit or "kr") if v.change is not None else None,
                           Num(v.change_percent, "percent") if v.change_percent is not None else None,
                           s.rows[col.row].file if col.row is not None else ""]

    out.append(Table("yoy", t("sheet-yoy", lang), t("csv-file-yoy", lang),
                     h("col-region", "col-figure-id", "col-figure", "col-conditions", "col-year", "col-figure-id-then",
                       "col-value", "col-counts", "col-change", "col-change-percent", "col-file"),
                     years, [28, 28, 40, 9, 7, 28, 18, 12, 18, 12, 40]))

    def findings() -> Iterator[list[Any]]:
        for f in s.findings:
            yield [f.file, f.line, f.code, t("severity-" + f.severity, lang), f.message(lang), f.section or "", f.point]

    out.append(Table("findings", t("sheet-findings", lang), t("csv-file-findings", lang),
                     h("col-file", "col-line", "col-code", "col-severity", "col-message", "col-section", "col-point"),
                     findings, [40, 7, 24, 11, 80, 24, 50]))
    return out


def yes(value: bool, lang: str) -> str:
    return t("yes" if value else "no", lang)


def _percent(fraction: float) -> Decimal:
    return (Decimal(str(fraction)) * 100).quantize(Decimal("0.01"))


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.-]+", "-", text).strip(".-") or "beslut"


def guard(text: str) -> str:
    """Text that a spreadsheet could take for a formula, made plain text with a leading ``'``."""
    return "'" + text if text.startswith(FORMULA_START) else text


# --------------------------------------------------------------------------
# CSV


def csv_pieces(table: Table, lang: str = "sv") -> Iterator[str]:
    """The table as CSV text, a row at a time, beginning with the byte-order mark."""
    sep, decimal = (";", ",") if lang == "sv" else (",", ".")
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([guard(h) for h in table.headers])
    yield "\ufeff" + buf.getvalue()
    for row in table.rows():
        buf.seek(0)
        buf.truncate()
        writer.writerow([_csv_cell(v, decimal) for v in row])
        yield buf.getvalue()


def _csv_cell(value: Any, decimal: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Num):
        value = value.value
    if isinstance(value, Decimal):
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", decimal)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return guard(str(value))


def csv_files(tables_: Iterable[Table], lang: str = "sv") -> Iterator[tuple[str, Iterator[str]]]:
    """(file name, pieces) for each table, for :func:`toolkit.outputs.write.replace_folder`."""
    for table in tables_:
        yield table.file, csv_pieces(table, lang)


def figures_table(s: Summary, lang: str = "sv") -> Table:
    """The one table written when CSV goes to standard output or to one file: every figure with its value."""
    return next(tb for tb in tables(s, lang) if tb.key == "figures")


# --------------------------------------------------------------------------
# Excel


def xlsx_bytes(tables_: Iterable[Table]) -> bytes:
    """One workbook, a sheet per table: header row bold and frozen, a filter on
    every column, numbers and dates as such with their formats."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    bold = Font(bold=True)
    used: set[str] = set()
    for table in tables_:
        ws = wb.create_sheet(sheet_name(table.name, used))
        for n, width in enumerate(table.widths, 1):
            ws.column_dimensions[get_column_letter(n)].width = width
        ws.freeze_panes = "A2"
        header = []
        for text in table.headers:
            cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", text))
            cell.data_type = "s"
            cell.font = bold
            header.append(cell)
        ws.append(header)
        count = 0
        for row in table.rows():
            ws.append([_xlsx_cell(ws, v, WriteOnlyCell, ILLEGAL_CHARACTERS_RE) for v in row])
            count += 1
        ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(table.headers)))}{count + 1}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xlsx_cell(ws: Any, value: Any, cell_class: Any, illegal: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, Num):
        number = value.value
        cell = cell_class(ws, value=int(number) if number == int(number) else float(number))
        cell.number_format = NUMBER_FORMAT.get(value.unit, "General")
        return cell
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, dt.date):
        cell = cell_class(ws, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    cell = cell_class(ws, value=illegal.sub("", str(value)))
    cell.data_type = "s"  # a string, never a formula, whatever it starts with
    return cell


def sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of ``[]:*?/\\``, unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", "-", name).strip("'") or "Blad"
    base = base[:31]
    candidate, n = base, 1
    while candidate.casefold() in used:
        n += 1
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate.casefold())
    return candidate
