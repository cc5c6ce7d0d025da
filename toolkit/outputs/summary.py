"""The reviewer's overview of many reports: a verdict per report, a matrix of
reports by required part, and the findings grouped by kind.

:func:`summarise` checks every draft under the given paths and reduces each
:class:`~toolkit.check.CheckResult` at once to a :class:`Row` (status and line
per part, counts, coverage) and its findings, so the draft's text is not kept:
memory grows with the number of findings, not with the size of the drafts.

Drafts may follow different decisions; each decision gets its own
:class:`Matrix` whose columns are that decision's parts (sections, sub-parts
and figures, in the decision's order). Files found in a folder that have no
front matter (a README, notes) are *skipped*, not failures; any other file
that cannot be checked is listed as *failed* with the reason.

Formatting lives in :mod:`toolkit.outputs.overview`.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from toolkit.checking.results import ERROR, INFO, WARNING, CheckResult, FigureResult, Finding
from toolkit.decisions.model import Conditions
from toolkit.drafts.model import DRAFT_SUFFIXES
from toolkit.errors import OutputError, Problem, VillkorError
from toolkit.outputs.write import (
    check_output,
    current_umask,
    forget_temporary,
    output_failed,
    signals_deferred,
    track_temporary,
)

#: What a figure's status means in the matrix.
_FIGURE_CELL = {"ok": "ok", "missing": "missing", "invalid": "incomplete", "inconsistent": "incomplete", "omitted": "omitted"}

_NONE: tuple[int, ...] = ()

#: Sort order of cell statuses: worst last, so sorting ascending puts complete reports first.
CELL_ORDER = {"ok": 0, "omitted": 1, "incomplete": 2, "missing": 3}

#: A report's verdict: complete with no warnings left, complete with warnings
#: left (text or amounts carried over, a late report, an implausible amount),
#: or incomplete.
VERDICTS = ("complete", "complete-with-warnings", "incomplete")


@dataclass
class Part:
    """A column of a matrix: a section, sub-part or figure the decision asks for."""

    id: str
    title: str
    kind: str  # "section" or "figure"
    required: bool
    number: int
    parent: str | None = None
    #: for a figure: its unit ("kr", "procent", "antal"), the form of support
    #: it belongs to, the ids it had in earlier decisions, and the figure it
    #: breaks down (a part of a sum rule whose total has the same form of
    #: support: "varav" rows, never added to their total's form again)
    unit: str = ""
    form_of_support: str = ""
    renamed_from: tuple[str, ...] = ()
    breakdown_of: str | None = None


class Amount:
    """One report's value of one figure, as the summary keeps it.

    A summary keeps every report's amounts at once, so a whole number of
    kronor is kept as an ``int`` (28 bytes against a ``Decimal``'s 104) and
    :attr:`value` gives it back as the very same ``Decimal``: only a value
    written with exponent 0 (``Decimal("61300")``, not ``"61300.00"`` nor
    ``"-0"``) is kept so, as ``Decimal(int(v))`` is then equal to it and
    written the same.
    """

    __slots__ = ("_value", "raw", "status", "line", "warnings")

    def __init__(self, value: Decimal | None, raw: str | None, status: str, line: int | None,
                 warnings: tuple[str, ...] = ()):
        self._value: Decimal | int | None = _compact_decimal(value)
        #: the text as written in the draft ("88 miljoner"); ``None`` when absent
        self.raw = raw
        self.status = status  # ok, missing, invalid, inconsistent, omitted (the check's figure status)
        self.line = line
        #: codes of the warnings about this amount (figure-carried-over, figure-implausible, figure-column-year)
        self.warnings = warnings

    @property
    def value(self) -> Decimal | None:
        v = self._value
        return Decimal(v) if type(v) is int else v  # type: ignore[return-value]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Amount):
            return NotImplemented
        return (self.value, self.raw, self.status, self.line, self.warnings) == (
            other.value, other.raw, other.status, other.line, other.warnings)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"Amount(value={self.value!r}, raw={self.raw!r}, status={self.status!r}, line={self.line!r}, "
                f"warnings={self.warnings!r})")

    @property
    def usable(self) -> bool:
        """Read, adds up and nothing warns about it: the only values totals are made of."""
        return self.status == "ok" and self.value is not None and not self.warnings

    @property
    def reason(self) -> str | None:
        """Why the value does not count in totals (missing, invalid, inconsistent, warning), ``None`` when it does."""
        if self.usable:
            return None
        if self.status in ("missing", "omitted") or (self.value is None and self.status == "ok"):
            return "missing"
        if self.status in ("invalid", "inconsistent"):
            return self.status
        return "warning"


#: the types of parameter values :meth:`Summary.params_of` compares
_SHAREABLE = (str, int, type(None))


def _compact_decimal(value: Decimal | None) -> Decimal | int | None:
    """``value`` as an ``int`` when ``Decimal(int(value))`` is the same value written the same way."""
    if value is None or type(value) is not Decimal:
        return value
    sign, _, exponent = value.as_tuple()
    if exponent == 0 and not (sign and value.is_zero()):
        return int(value)
    return value


V = TypeVar("V")


class ByPart(Mapping[str, V]):
    """A row's cells (or amounts) by part id, read like a dict.

    The values are one tuple per row and the ids one index shared by every
    row of a decision: a dict per row would cost half a kilobyte more, five
    megabytes over ten thousand reports.
    """

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: tuple[V, ...]):
        self._index, self._values = index, values

    def __getitem__(self, key: str) -> V:
        return self._values[self._index[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"ByPart({dict(self)!r})"


@dataclass(frozen=True, slots=True)
class Cell:
    """One report's state for one part, and the findings that explain it (a
    value: a row keeps its cells compactly, :class:`Cells`, and gives out a
    new one each time)."""

    status: str  # ok, incomplete, missing, omitted
    #: the line of the first finding that explains the cell, else the part's own line
    line: int | None = None
    #: indexes into Summary.findings (a cell without findings shares one empty
    #: tuple: ten thousand reports have a hundred thousand such cells)
    findings: Sequence[int] = ()


#: The statuses a cell usually has, by the byte :class:`Cells` keeps for each.
_STATUSES = ("ok", "incomplete", "missing", "omitted")
_STATUS_BYTE = {status: n for n, status in enumerate(_STATUSES)}


class Cells(Mapping[str, Cell]):
    """A row's cells by part id, in the order of its decision's parts.

    Ten thousand reports have a hundred and sixty thousand cells, so a row
    keeps them compactly: a byte for each status, the lines in an array, the
    findings only where there are any; the ids are shared by every row with
    the same parts. Each look-up gives a :class:`Cell` (frozen, so a change
    is refused, never lost).
    """

    __slots__ = ("_index", "_status", "_lines", "_findings", "_cells")

    def __init__(self, index: dict[str, int], cells: Iterable[Cell]):
        from array import array

        cells = tuple(cells)
        self._index = index
        self._cells: tuple[Cell, ...] | None = None
        self._findings: tuple[Sequence[int], ...] | None = None
        if all(c.status in _STATUS_BYTE and (c.line is None or 0 <= c.line < 2**31 - 1) for c in cells):
            self._status = bytes(_STATUS_BYTE[c.status] for c in cells)
            self._lines = array("i", (-1 if c.line is None else c.line for c in cells))
            if any(c.findings for c in cells):
                self._findings = tuple(tuple(c.findings) if c.findings else () for c in cells)
        else:  # a status or line out of the ordinary: the cells as they are
            self._cells = cells

    def _cell(self, n: int) -> Cell:
        if self._cells is not None:
            return self._cells[n]
        line = self._lines[n]
        return Cell(_STATUSES[self._status[n]], None if line < 0 else line, self._findings[n] if self._findings else ())

    def __getitem__(self, key: str) -> Cell:
        return self._cell(self._index[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __repr__(self) -> str:
        return f"Cells({dict(self)!r})"


@dataclass(slots=True)
class Row:
    """What the overview keeps of one checked draft (slots, ranges and shared
    counts: ten thousand rows are kept at once)."""

    index: int
    file: str
    region: str
    year: int | None
    conditions: str
    complete: bool
    coverage: float
    required_ok: int
    required_total: int
    #: findings by severity; rows with the same counts share one dict, never changed
    counts: dict[str, int]
    cells: Mapping[str, Cell]
    #: indexes into Summary.findings
    findings: Sequence[int]
    #: link to the draft's one-page check summary, relative to the overview file
    page: str | None = None
    #: the draft's ``datum`` (ISO) and its file's modification time: of several
    #: drafts for one region and decision, the latest is the current one
    datum: str | None = None
    mtime: float = 0.0
    #: the row of the current draft, when another draft for the same region
    #: and decision supersedes this one
    superseded_by: int | None = None
    #: the row this one may duplicate: the same decision and a region whose
    #: name differs only in spelling ("Jämtland Härjedalen" / "Jämtland-Härjedalen")
    possible_duplicate_of: Sequence[int] = ()
    #: each figure's value as read, by figure id, in the decision's order
    amounts: Mapping[str, Amount] = field(default_factory=dict)

    @property
    def status(self) -> str:
        return "complete" if self.complete else "incomplete"

    @property
    def verdict(self) -> str:
        """``complete``, ``complete-with-warnings`` (complete, but warnings are
        left that a reader must not miss) or ``incomplete``."""
        if not self.complete:
            return "incomplete"
        return "complete-with-warnings" if self.counts.get(WARNING) else "complete"


@dataclass
class Duplicates:
    """Several drafts for one region and decision.

    ``kind`` "same": the region is written the same way; ``current`` is the
    draft with the latest ``datum`` (then the latest file modification), the
    others are superseded; ``None`` when no draft is later than the others.
    ``kind`` "spelling": the region's name is written in different ways that
    read the same once case, spaces and punctuation are folded: flagged as a
    possible duplicate, never merged.
    """

    kind: str
    conditions: str
    regions: list[str]
    rows: list[int]
    current: int | None = None


@dataclass
class Matrix:
    """Reports that follow one decision, by that decision's parts."""

    conditions: str
    title: str
    year: int | None
    parts: list[Part]
    rows: list[int] = field(default_factory=list)


@dataclass
class Failure:
    """A draft that could not be checked, with the problems that stopped it."""

    file: str
    problems: list[Problem]

    @property
    def line(self) -> int | None:
        return self.problems[0].line if self.problems else None

    def message(self, lang: str = "sv") -> str:
        from toolkit.messages import t

        return "; ".join(t(p.key, lang, **p.params) for p in self.problems)


@dataclass
class Skipped:
    """A file found in a folder that is not a draft (no front matter)."""

    file: str
    key: str


@dataclass
class Group:
    """Findings of one kind (code), in the order they were found."""

    code: str
    severity: str
    findings: list[int]

    @property
    def count(self) -> int:
        return len(self.findings)


@dataclass
class Summary:
    """Everything the overview shows; built by :func:`summarise`."""

    rows: list[Row] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    matrices: dict[str, Matrix] = field(default_factory=dict)
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    strict: bool = False
    #: every file looked at, so an output path can be refused when it is one of them
    inputs: list[str] = field(default_factory=list)
    #: drafts for the same region and decision (see :meth:`mark_duplicates`)
    duplicates: list[Duplicates] = field(default_factory=list)
    #: the part ids of rows' cells and amounts, one index per decision (see :class:`ByPart`)
    indexes: dict[tuple[str, ...], dict[str, int]] = field(default_factory=dict, repr=False)
    _counts: dict[tuple[tuple[str, int], ...], dict[str, int]] = field(default_factory=dict, repr=False)
    _params: dict[tuple[tuple[str, type, Any], ...], dict[str, Any]] = field(default_factory=dict, repr=False)

    def cells_of(self, cells: dict[str, Cell]) -> Cells:
        """A row's cells kept compactly, the ids shared with every row that has the same parts."""
        keys = tuple(cells)
        index = self.indexes.get(keys)
        if index is None:
            index = self.indexes[keys] = {k: n for n, k in enumerate(keys)}
        return Cells(index, cells.values())

    def counts_of(self, counts: dict[str, int]) -> dict[str, int]:
        """A row's counts, one dict shared by every row with the same counts (never changed)."""
        key = tuple(sorted(counts.items()))
        found = self._counts.get(key)
        if found is None:
            found = self._counts[key] = {_intern(k): v for k, v in counts.items()}
        return found

    def params_of(self, params: dict[str, Any]) -> dict[str, Any]:
        """A finding's parameters, one dict shared by every finding with the
        same ones (a section missing in many reports); never changed. Only
        text, whole numbers and ``None`` are compared, each with its type, so
        ``1`` and ``True`` are never taken for one another."""
        if not all(type(v) in _SHAREABLE for v in params.values()):
            return params
        key = tuple((k, type(v), v) for k, v in params.items())
        return self._params.setdefault(key, params)

    def by_part(self, values: dict[str, V]) -> ByPart[V]:
        keys = tuple(values)
        index = self.indexes.get(keys)
        if index is None:
            index = self.indexes[keys] = {k: n for n, k in enumerate(keys)}
        return ByPart(index, tuple(values.values()))

    @property
    def complete(self) -> int:
        return sum(1 for r in self.rows if r.complete)

    @property
    def incomplete(self) -> int:
        return len(self.rows) - self.complete

    @property
    def exit_code(self) -> int:
        """0 all complete, 1 any incomplete or not checkable, 2 nothing could be checked."""
        if not self.rows:
            return 2
        return 0 if self.incomplete == 0 and not self.failed else 1

    def groups(self, advisory: bool) -> list[Group]:
        """Errors (``advisory=False``) or warnings and notes, by code, most frequent first."""
        wanted = (WARNING, INFO) if advisory else (ERROR,)
        by_code: dict[str, Group] = {}
        for n, f in enumerate(self.findings):
            if f.severity in wanted:
                by_code.setdefault(f.code, Group(f.code, f.severity, [])).findings.append(n)
        rank = {ERROR: 0, WARNING: 1, INFO: 2}
        return sorted(by_code.values(), key=lambda g: (rank[g.severity], -g.count, g.code))

    def part_coverage(self, matrix: Matrix, part: Part) -> tuple[int, int]:
        """(reports where the part is ok, reports where it counts), over all reports of the matrix."""
        ok = counted = 0
        for i in matrix.rows:
            cell = self.rows[i].cells.get(part.id)
            if cell is None or cell.status == "omitted":
                continue
            counted += 1
            ok += cell.status == "ok"
        return ok, counted

    def regions(self) -> list[str]:
        return sorted({r.region for r in self.rows if r.region})

    def years(self) -> list[int]:
        return sorted({r.year for r in self.rows if r.year is not None})

    def mark_duplicates(self) -> None:
        """Flag several drafts for one region and decision: the latest (by
        ``datum``, then file modification time) is current and the others are
        superseded; names that differ only in spelling are possible duplicates."""
        from toolkit.read.text import normalise

        self.duplicates = []
        same: dict[tuple[str, str], list[int]] = {}
        folded: dict[tuple[str, str], list[int]] = {}
        for r in self.rows:
            if not r.region:
                continue
            same.setdefault((r.conditions, r.region), []).append(r.index)
            folded.setdefault((r.conditions, normalise(r.region)), []).append(r.index)
        for (conditions, region), rows in same.items():
            if len(rows) < 2:
                continue
            order = sorted(rows, key=lambda i: (self.rows[i].datum or "", self.rows[i].mtime))
            last, before = self.rows[order[-1]], self.rows[order[-2]]
            current = None if (last.datum or "", last.mtime) == (before.datum or "", before.mtime) else last.index
            if current is not None:
                for i in rows:
                    if i != current:
                        self.rows[i].superseded_by = current
            self.duplicates.append(Duplicates("same", conditions, [region], rows, current))
        for (conditions, _), rows in folded.items():
            spellings = list(dict.fromkeys(self.rows[i].region for i in rows))
            if len(spellings) < 2:
                continue
            for i in rows:
                self.rows[i].possible_duplicate_of = [j for j in rows if self.rows[j].region != self.rows[i].region]
            self.duplicates.append(Duplicates("spelling", conditions, spellings, rows))

    # -- building ---------------------------------------------------------

    def add(self, result: CheckResult) -> Row:
        """Reduce ``result`` to a row and its findings, keeping nothing of the draft's text."""
        return self.add_row(row_data(result), result.conditions, _mtime(result.draft.path))

    def add_row(self, data: dict[str, Any], conditions: Conditions, mtime: float) -> Row:
        """Add the row :func:`row_data` gave (made wherever the draft was
        checked, or kept from an earlier run), the draft following
        ``conditions``; ``mtime`` is its file's time of change, now."""
        c = conditions
        matrix = self.matrices.get(c.id)
        if matrix is None:
            matrix = self.matrices[c.id] = Matrix(c.id, c.title, c.year, _parts(c))
        first = len(self.findings)
        for f in data["findings"]:
            f.params = self.params_of(f.params)
        self.findings.extend(data["findings"])
        cells = {pid: Cell(_intern(status), line, tuple(first + n for n in idx) if idx else _NONE)
                 for pid, status, line, idx in data["cells"]}
        amounts = {fid: Amount(value, raw, _intern(status), line, tuple(_intern(w) for w in warned) if warned else _NONE_TEXT)
                   for fid, value, raw, status, line, warned in data["amounts"]}
        row = Row(
            index=len(self.rows),
            file=data["file"],
            region=_intern(data["region"]),  # the same few regions again and again
            year=c.year,
            conditions=c.id,
            complete=data["complete"],
            coverage=data["coverage"],
            required_ok=data["required_ok"],
            required_total=data["required_total"],
            counts=self.counts_of(data["counts"]),
            cells=self.cells_of(cells),
            findings=range(first, len(self.findings)),
            datum=_intern(data["datum"]) if data["datum"] else data["datum"],
            mtime=mtime,
            amounts=self.by_part(amounts),
        )
        self.rows.append(row)
        matrix.rows.append(row.index)
        return row


def row_data(result: CheckResult) -> dict[str, Any]:
    """What a row of the overview takes from ``result``, the findings' places
    counted from the draft's first finding: all of it depends on the draft's
    content, nothing on when it is read (the file's time of change is added
    by :meth:`Summary.add_row`)."""
    findings = result.findings
    local = range(len(findings))
    blocking = {ERROR, WARNING} if result.strict else {ERROR}
    cells: list[tuple[str, str, int | None, list[int]]] = []
    amounts: list[tuple[str, Decimal | None, str | None, str, int | None, tuple[str, ...]]] = []
    for s in result.sections:
        idx = [n for n in local if findings[n].section == s.id and findings[n].code.startswith("section-")
               and findings[n].severity in blocking]
        status = s.status
        if status == "ok" and result.strict and idx:
            status = "incomplete"  # a warning (order, carried-over text) that --strict counts
        idx = idx if status != "ok" else []
        cells.append((s.id, status, findings[idx[0]].line if idx else s.line, idx))
    for fr in result.figures:
        status = _FIGURE_CELL.get(fr.status, fr.status)
        idx = [n for n in local if _explains_figure(findings[n], fr)] if status != "ok" else []
        cells.append((fr.id, status, findings[idx[0]].line if idx else fr.line, idx))
        warned = tuple(dict.fromkeys(findings[n].code for n in local if _warns_about_figure(findings[n], fr)))
        amounts.append((fr.id, fr.value, None if fr.raw is None else str(fr.raw), fr.status, fr.line, warned))
    return {
        "file": result.file,
        "region": str(result.draft.meta.get("region") or ""),
        "complete": result.complete,
        "coverage": result.coverage,
        "required_ok": result.required_ok,
        "required_total": result.required_total,
        "counts": {ERROR: result.count(ERROR), WARNING: result.count(WARNING), INFO: result.count(INFO)},
        "cells": cells,
        "amounts": amounts,
        "findings": list(findings),
        "datum": _datum(result.draft.meta.get("datum")),
    }


def row_json(result: CheckResult) -> str:
    """:func:`row_data` as JSON, to cross between processes and be kept in
    the result cache (:class:`TypeError` for a value it cannot say exactly)."""
    from toolkit.checking.compact import encode

    data = row_data(result)
    data["findings"] = encode(data["findings"])
    data["amounts"] = encode(data["amounts"])
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def row_from_json(text: str) -> dict[str, Any]:
    """The :func:`row_data` that :func:`row_json` wrote (:class:`ValueError` if damaged)."""
    from toolkit.checking.compact import decode

    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not a row")
    data["findings"] = decode(data["findings"])
    data["amounts"] = decode(data["amounts"])
    return data


#: The key of a summary's row among the parts a batch makes of each result.
ROW = "summary-row"
_intern = sys.intern
_NONE_TEXT: tuple[str, ...] = ()


def _datum(value: Any) -> str | None:
    """The draft's date as ISO text (sorts as dates do), or ``None``."""
    import datetime as dt

    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _parts(c: Conditions) -> list[Part]:
    parts = [Part(s.id, s.title, "section", s.required, 0, s.parent) for s in c.walk_sections()]
    parts += [Part(f.id, f.label, "figure", f.required, 0, f.section, f.unit, (f.form_of_support or "").strip(),
                   tuple(f.renamed_from)) for f in c.figures]
    by_id = {p.id: p for p in parts if p.kind == "figure"}
    for rule in c.rules:
        total = by_id.get(rule.total)
        if total is None or not total.form_of_support:
            continue
        for pid in rule.parts:
            part = by_id.get(pid)
            if part is not None and part.form_of_support == total.form_of_support and part.breakdown_of is None:
                part.breakdown_of = total.id
    for n, p in enumerate(parts, 1):
        p.number = n
    return parts


#: Warnings that put an amount in doubt: it is shown, but kept out of totals.
AMOUNT_WARNINGS = ("figure-carried-over", "figure-implausible", "figure-column-year")


def _warns_about_figure(f: Finding, fr: FigureResult) -> bool:
    return (f.code in AMOUNT_WARNINGS and f.line == fr.line and fr.line is not None
            and f.params.get("label") == fr.label)


def _explains_figure(f: Finding, fr: Any) -> bool:
    if not f.code.startswith("figure-") or f.code == "figure-unknown":
        return False
    if f.code == "figure-missing":
        return f.params.get("id") == fr.id
    if f.code == "figure-not-numeric":
        return fr.status == "invalid" and f.line == fr.line
    if f.code == "figure-inconsistent":
        return fr.status == "inconsistent" and (fr.label in (f.params.get("total"), *str(f.params.get("parts", "")).split(" + ")))
    return False


# --------------------------------------------------------------------------
# Finding the drafts


def collect(
    paths: Iterable[str | os.PathLike[str]],
    unreadable: list[tuple[Path, OSError]] | None = None,
) -> Iterator[tuple[Path, bool]]:
    """(path, found in a folder) for every draft named or found under a folder.

    Folders are searched recursively for ``*.md``, ``*.markdown`` and
    ``*.docx``; hidden files and folders are left out, and so are the files
    ``summary --output`` wrote itself (an overview and its ``-files/`` folder,
    known by the folder's manifest), so a rerun into the same folder works.
    A folder that cannot be read is appended to ``unreadable`` with the error.
    """
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            yield path, False
            continue
        found = []

        def failed(exc: OSError, top: Path = path) -> None:
            if unreadable is not None:
                unreadable.append((Path(exc.filename) if exc.filename else top, exc))

        for root, dirs, files in os.walk(path, onerror=failed):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            ours = tool_outputs(Path(root), files, dirs)
            for name in files:
                if not name.startswith(".") and name.lower().endswith(DRAFT_SUFFIXES) and name not in ours:
                    found.append(Path(root) / name)
        yield from ((f, True) for f in sorted(found))


def summarise(
    paths: Iterable[str | os.PathLike[str]],
    conditions: str | None = None,
    strict: bool = False,
    on_result: Callable[[CheckResult, Row], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    pages: Pages | None = None,
    jobs: int | None = None,
    cache: Any = None,
) -> Summary:
    """Check every draft under ``paths`` and gather the overview.

    The drafts are checked as a batch (:func:`~toolkit.checking.batch.check_batch`:
    on every core, ``jobs`` at most; with the result ``cache`` when given).
    ``pages`` writes each draft's one-page summary, made where the draft is
    checked; ``on_result`` sees each (detached) check result with its row;
    ``progress`` is told (done, total) after each file.
    """
    from toolkit.checking.batch import check_batch
    from toolkit.decisions.load import Decisions

    unreadable: list[tuple[Path, OSError]] = []
    # as text: ten thousand paths take far less room so than as Path objects
    files = [(str(p), in_folder) for p, in_folder in collect(paths, unreadable)]
    summary = Summary(strict=strict, inputs=[str(p) for p, _ in files])
    for folder, exc in unreadable:
        key = "summary-folder-denied" if isinstance(exc, PermissionError) else "summary-folder-unreadable"
        summary.failed.append(Failure(str(folder), [Problem(key, {}, str(folder))]))
    from toolkit.checking.batch import RESULT

    decisions = Decisions()
    # each draft's row (and page) is made where it is checked, or comes from the cache
    renderers: dict[str, Callable[[CheckResult], str]] = {ROW: row_json}
    if pages is not None:
        renderers[pages.key] = pages.render
    if on_result is not None:
        renderers[RESULT[0]] = RESULT[1]
    outcomes = check_batch([p for p, _ in files], conditions, strict, renderers, cache, jobs, decisions)
    for n, outcome in enumerate(outcomes, 1):
        path, in_folder = files[outcome.index]
        name = str(path)
        error = outcome.error
        if error is not None:
            # a file with no facts at all (a README, a memo written by villkor) is not a draft
            if in_folder and error.problems and error.problems[0].key in ("draft-no-front-matter", "docx-no-facts"):
                summary.skipped.append(Skipped(name, "summary-skip-not-draft"))
            else:
                summary.failed.append(Failure(name, error.problems))
        else:
            try:
                data = row_from_json(outcome.out[ROW]) if ROW in outcome.out else None
            except ValueError:  # never written so: checked again rather than trusted
                if cache is not None:
                    cache.warn("cache-damaged")
                data = None
                outcome.out.clear()
                from toolkit.checking.checker import check_file

                try:
                    outcome.result = check_file(path, conditions, strict, decisions=decisions)
                except VillkorError as again:
                    summary.failed.append(Failure(name, again.problems))
                    continue
            if data is not None:
                if data["file"] == name:
                    data["file"] = name  # one string for the input and its row
                row = summary.add_row(data, outcome.decision(decisions), _mtime(Path(outcome.name)))
            else:  # a result whose parts could not be made: as it is
                row = summary.add(outcome.check_result(decisions))
            try:
                if pages is not None:
                    page = outcome.out.get(pages.key)
                    if page is None:
                        pages(outcome.check_result(decisions), row)
                    else:
                        pages(None, row, page)
                if on_result is not None:
                    on_result(outcome.check_result(decisions), row)
            except VillkorError as failed:  # this report's page could not be written: only this report fails
                summary.failed.append(Failure(name, failed.problems))
        if progress is not None:
            progress(n, len(files))
    summary.mark_duplicates()
    return summary


def count_drafts(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many files :func:`summarise` would look at (for a progress bar)."""
    return sum(1 for _ in collect(paths))


# --------------------------------------------------------------------------
# One-page check summaries written beside the overview


#: The file in a ``-files/`` folder that lists what ``summary`` wrote there.
MANIFEST = ".villkor-manifest.json"
#: Longest page name in bytes, well under the 255 most file systems allow.
_MAX_NAME_BYTES = 120


def _sha256(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a folder of pages, or ``None`` when there is none or it
    is not one this tool wrote (not JSON, wrong shape)."""
    import json

    path = folder / MANIFEST
    try:
        if not path.is_file() or path.stat().st_size > 1024 * 1024:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("villkor") != 1 or not isinstance(data.get("files"), dict):
        return None
    return data


def tool_outputs(folder: Path, files: Iterable[str], dirs: Iterable[str]) -> set[str]:
    """The names in ``folder`` that an earlier ``summary --output`` wrote: the
    pages its manifest lists, and an overview named by a ``-files/`` folder
    beside it."""
    names = set(files)
    ours: set[str] = set()
    if MANIFEST in names:
        manifest = read_manifest(folder)
        if manifest is not None:
            ours |= set(manifest["files"])
    for d in dirs:
        if d.endswith("-files"):
            manifest = read_manifest(folder / d)
            overview = manifest.get("overview") if manifest else None
            if isinstance(overview, str) and overview in names:
                ours.add(overview)
    return ours


def refuse_foreign(folder: Path) -> None:
    """Raise :class:`OutputError` unless ``folder`` is missing, empty or holds
    only pages this tool wrote, unchanged: every file must be in the folder's
    manifest with the same SHA-256. Nothing else is ever replaced."""
    try:
        st = folder.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise output_failed(folder, exc) from None
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError.of("summary-pages-not-folder", str(folder))
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise output_failed(folder, exc) from None
    if not entries:
        return
    manifest = read_manifest(folder)
    if manifest is None:
        if (folder / MANIFEST).exists():
            raise OutputError.of("summary-pages-manifest-broken", str(folder), manifest=MANIFEST)
        raise OutputError.of("summary-pages-foreign", str(folder), name=entries[0].name)
    listed: dict[str, Any] = manifest["files"]
    for entry in entries:
        if entry.name == MANIFEST:
            continue
        if entry.name not in listed or entry.is_symlink() or not entry.is_file():
            raise OutputError.of("summary-pages-foreign", str(folder), name=entry.name)
        try:
            digest = _sha256(entry.read_bytes())
        except OSError as exc:
            raise output_failed(entry, exc) from None
        if digest != listed[entry.name]:
            raise OutputError.of("summary-pages-changed", str(folder), name=entry.name)


class Pages:
    """Writes each draft's one-page check summary into ``<output stem>-files/``.

    Pages go to a hidden staging folder while the drafts are checked (so no
    full result is kept in memory), and :meth:`commit` moves the folder into
    place in one rename once the overview itself has been written; a run that
    fails leaves the previous folder as it was (:meth:`discard`).

    The folder gets a manifest (:data:`MANIFEST`) naming every page and the
    overview with their SHA-256, so the next run knows the folder is the
    tool's and that no person changed or added a file: otherwise it is
    refused (:func:`refuse_foreign`), never emptied.
    """

    def __init__(self, output: str | os.PathLike[str], fmt: str, lang: str, inputs: Iterable[str | os.PathLike[str]] = ()):
        out = Path(output)
        self.fmt, self.lang = fmt, lang
        self.overview = out.name
        self.dirname = f"{out.stem}-files"
        self.target = out.parent / self.dirname
        self.suffix = ".html" if fmt == "html" else ".md"
        self._names: set[str] = set()
        self._hashes: dict[str, str] = {}
        check_output(out)  # the folder goes beside the overview: not in the package, not a folder
        for i in inputs:
            p = Path(i).resolve()
            if p == self.target.resolve() or self.target.resolve() in p.parents:
                raise OutputError.of("summary-pages-hold-input", str(self.target))
        refuse_foreign(self.target)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            self.stage = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{self.dirname}.", suffix=".tmp"))
        except OSError as exc:
            raise output_failed(self.target, exc) from None
        track_temporary(self.stage)
        try:
            os.chmod(self.stage, 0o777 & ~current_umask())  # mkdtemp makes 0700; the pages are for readers
        except OSError as exc:
            self.discard()
            raise output_failed(self.target, exc) from None

    def name_for(self, file: str) -> str:
        # the source's suffix stays in the name, so x.md and x.docx never collide;
        # a very long name is cut (whole characters) so the page can be written
        stem = Path(file).name.replace(".", "-") or "utkast"
        stem = stem.encode("utf-8")[:_MAX_NAME_BYTES].decode("utf-8", "ignore").rstrip() or "utkast"
        name, n = stem, 1
        while name.casefold() in self._names or name + self.suffix == MANIFEST:
            n += 1
            name = f"{stem}-{n}"
        self._names.add(name.casefold())
        return name + self.suffix

    @property
    def key(self) -> str:
        """What a page is called among the parts a batch makes of a result."""
        return f"page-{self.fmt}|{self.lang}"

    @property
    def render(self) -> Callable[[CheckResult], str]:
        """What makes a draft's page of its result (where the draft is checked)."""
        import functools

        from toolkit.outputs import report

        return functools.partial(report.format_summary_html if self.fmt == "html" else report.format_summary_md, lang=self.lang)

    def __call__(self, result: CheckResult | None, row: Row, page: str | None = None) -> None:
        """Write the one-page summary of ``result`` (``page``, when it is made already)."""
        from urllib.parse import quote

        if page is None:
            assert result is not None
            page = self.render(result)

        name = self.name_for(row.file)
        data = page.encode("utf-8")
        try:
            (self.stage / name).write_bytes(data)
        except OSError as exc:
            with contextlib.suppress(OSError):
                (self.stage / name).unlink()
            raise output_failed(self.target / name, exc) from None
        self._hashes[name] = _sha256(data)
        row.page = f"{quote(self.dirname)}/{quote(name)}"

    def commit(self, overview: str | bytes = b"") -> Path:
        """Put the pages in place, with a manifest naming them and the overview."""
        import json

        data = overview.encode("utf-8") if isinstance(overview, str) else overview
        manifest = {"villkor": 1, "overview": self.overview, "overview_sha256": _sha256(data), "files": self._hashes}
        old = None
        try:
            (self.stage / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
            with signals_deferred():  # a stop comes before the renames or after them
                if self.target.exists():
                    old = self.target.with_name(f".{self.dirname}.old-{os.getpid()}")
                    os.replace(self.target, old)
                    track_temporary(old)
                os.replace(self.stage, self.target)
                forget_temporary(self.stage)
        except OSError as exc:
            if old is not None and not self.target.exists():
                os.replace(old, self.target)
                forget_temporary(old)
            self.discard()
            raise output_failed(self.target, exc) from None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
            forget_temporary(old)
        return self.target

    def discard(self) -> None:
        if self.stage.exists():
            shutil.rmtree(self.stage, ignore_errors=True)
        forget_temporary(self.stage)
