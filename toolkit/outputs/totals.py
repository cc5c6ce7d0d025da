"""Amounts across reports: totals and medians per decision and figure, per
form of support, and each region's figures year over year.

What makes a total trustworthy, and so what this module refuses to do:

* Only reports under the same decision are added up, figure by figure (by
  id). Two decisions may ask for different things under similar names, so
  amounts under different decisions are only ever set side by side, region by
  region, year over year (:func:`compute`, ``regions``), never added.
* A superseded draft is left out. So are the drafts of a region whose current
  draft cannot be told (same region, same ``datum`` and modification time) and
  drafts whose region may be the same one spelt two ways: they are named as
  left out, never guessed at and never merged.
* A value counts only when it was read, adds up with the others, and no
  warning puts it in doubt (last year's amount carried over, an amount
  outside the decision's plausible bounds, an amount from another year's
  column). A missing value is never zero: every total says how many reports
  it covers ("9 av 11 rapporter") and why the others are not in it.
* Percentages are not added up; they get a median only.
* A figure that breaks down another of the same form of support ("varav från
  anslag 1:1") is shown with its total but not counted again for the form.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from toolkit.outputs.summary import Amount, Matrix, Part, Summary

#: Why a report's value is not in a total, in the order they are told.
REASONS = ("missing", "invalid", "inconsistent", "warning")


@dataclass
class LeftOut:
    """Drafts under one decision whose amounts are not added up, and why.

    ``reason`` is ``"undecided"`` (several drafts for one region, none later
    than the others) or ``"spelling"`` (a region whose name may be another's
    spelt differently).
    """

    reason: str
    rows: list[int]
    regions: list[str]


@dataclass
class FigureTotal:
    """One figure of one decision across the reports that count."""

    part: Part
    #: the sum of the values that count; ``None`` for percentages or when no value counts
    total: Decimal | None
    median: Decimal | None
    #: reports whose value is in the total
    count: int
    #: reports that could have given one (current, not left out)
    basis: int
    #: reports not in the total, by reason (missing, invalid, inconsistent, warning)
    not_counted: dict[str, int] = field(default_factory=dict)

    @property
    def additive(self) -> bool:
        return self.part.unit != "procent"


@dataclass
class FormTotal:
    """A form of support and the figures that state it (not their breakdowns)."""

    form: str
    figures: list[FigureTotal]


@dataclass
class DecisionAmounts:
    """Everything about amounts under one decision."""

    matrix: Matrix
    #: the reports whose values may count, in the matrix's order
    rows: list[int]
    superseded: list[int]
    left_out: list[LeftOut]
    figures: list[FigureTotal]
    forms: list[FormTotal]

    @property
    def conditions(self) -> str:
        return self.matrix.conditions

    def figure_parts(self) -> list[Part]:
        return [f.part for f in self.figures]



@dataclass
class YearColumn:
    """One decision in a region's series: the report it comes from, if one can be told."""

    conditions: str
    year: int | None
    row: int | None
    #: several drafts for the region under this decision and none is current
    ambiguous: bool = False


@dataclass
class YearValue:
    """A figure's value in one column of a region's series, and its change since the column before."""

    figure: str | None  # the figure's id under that decision; None when the decision does not ask for it
    amount: Amount | None
    change: Decimal | None = None
    #: change in per cent of the earlier value, rounded to one decimal
    change_percent: Decimal | None = None


@dataclass
class SeriesLine:
    """One figure followed through the decisions (by id and ``renamed_from``)."""

    key: str
    label: str
    unit: str
    form_of_support: str
    ids: list[str]
    values: list[YearValue]


@dataclass
class RegionYears:
    """A region with reports under several decisions: its figures by year."""

    region: str
    columns: list[YearColumn]
    lines: list[SeriesLine]


@dataclass
class Amounts:
    decisions: list[DecisionAmounts]
    regions: list[RegionYears]

    def decision(self, conditions: str) -> DecisionAmounts | None:
        return next((d for d in self.decisions if d.conditions == conditions), None)

    def left_out_rows(self) -> dict[int, str]:
        """Row index -> why its amounts are not in the totals (superseded, undecided, spelling)."""
        out: dict[int, str] = {}
        for d in self.decisions:
            for i in d.superseded:
                out[i] = "superseded"
            for lo in d.left_out:
                for i in lo.rows:
                    out.setdefault(i, lo.reason)
        return out


def compute(s: Summary) -> Amounts:
    """Totals per decision and each region's series year over year."""
    return Amounts([_decision(s, m) for m in s.matrices.values()], _regions(s))


def _decision(s: Summary, m: Matrix) -> DecisionAmounts:
    superseded = [i for i in m.rows if s.rows[i].superseded_by is not None]
    left_out: list[LeftOut] = []
    excluded = set(superseded)
    for d in s.duplicates:
        if d.conditions != m.conditions:
            continue
        if d.kind == "same" and d.current is None:
            rows = [i for i in d.rows if i not in excluded]
            reason = "undecided"
        elif d.kind == "spelling":
            rows = [i for i in d.rows if i not in excluded]
            reason = "spelling"
        else:
            continue
        if rows:
            left_out.append(LeftOut(reason, rows, list(dict.fromkeys(s.rows[i].region for i in rows))))
            excluded.update(rows)
    rows = [i for i in m.rows if i not in excluded]
    figures = [_figure_total(s, p, rows) for p in m.parts if p.kind == "figure"]
    forms: dict[str, list[FigureTotal]] = {}
    for ft in figures:
        if ft.part.form_of_support and ft.part.breakdown_of is None:
            forms.setdefault(ft.part.form_of_support, []).append(ft)
    return DecisionAmounts(m, rows, superseded, left_out, figures, [FormTotal(k, v) for k, v in forms.items()])


def _figure_total(s: Summary, part: Part, rows: list[int]) -> FigureTotal:
    values: list[Decimal] = []
    not_counted = dict.fromkeys(REASONS, 0)
    for i in rows:
        amount = s.rows[i].amounts.get(part.id)
        reason = "missing" if amount is None else amount.reason
        if reason is None and amount is not None and amount.value is not None:
            values.append(amount.value)
        else:
            not_counted[reason or "missing"] += 1
    total = sum(values, Decimal(0)) if values and part.unit != "procent" else None
    median = Decimal(statistics.median(values)) if values else None
    return FigureTotal(part, total, median, len(values), len(rows), {k: n for k, n in not_counted.items() if n})


# --------------------------------------------------------------------------
# Year over year


class _Lineage:
    """Figure ids that name the same figure in different decisions (union-find)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _regions(s: Summary) -> list[RegionYears]:
    lineage = _Lineage()
    for m in s.matrices.values():
        for p in m.parts:
            if p.kind == "figure":
                lineage.find(p.id)
                for old in p.renamed_from:
                    lineage.union(p.id, old)
    by_region: dict[str, dict[str, list[int]]] = {}
    for r in s.rows:
        if r.region and r.superseded_by is None:
            by_region.setdefault(r.region, {}).setdefault(r.conditions, []).append(r.index)
    out = []
    for region in sorted(by_region, key=str.casefold):
        decisions = by_region[region]
        if len(decisions) < 2:
            continue
        order = sorted(decisions, key=lambda c: (s.matrices[c].year or 0, c))
        columns = [YearColumn(c, s.matrices[c].year, decisions[c][0] if len(decisions[c]) == 1 else None,
                              len(decisions[c]) > 1) for c in order]
        out.append(RegionYears(region, columns, _lines(s, lineage, columns)))
    return out


def _lines(s: Summary, lineage: _Lineage, columns: list[YearColumn]) -> list[SeriesLine]:
    # each line's figure in each column, in the order of the latest decision's figures
    found: dict[str, list[Part | None]] = {}
    order: list[str] = []
    for n, col in enumerate(reversed(columns)):
        for p in s.matrices[col.conditions].parts:
            if p.kind != "figure":
                continue
            root = lineage.find(p.id)
            if root not in found:
                found[root] = [None] * len(columns)
                order.append(root)
            slot = len(columns) - 1 - n
            if found[root][slot] is None:
                found[root][slot] = p
    lines = []
    for root in order:
        parts = found[root]
        latest = next(p for p in reversed(parts) if p is not None)
        values: list[YearValue] = []
        for col, part in zip(columns, parts):
            amount = s.rows[col.row].amounts.get(part.id) if part is not None and col.row is not None else None
            values.append(YearValue(part.id if part is not None else None, amount))
        for n in range(1, len(values)):
            before, now = values[n - 1], values[n]
            earlier, later = parts[n - 1], parts[n]
            same_unit = earlier is not None and later is not None and earlier.unit == later.unit
            if same_unit and before.amount and now.amount and before.amount.usable and now.amount.usable:
                assert before.amount.value is not None and now.amount.value is not None
                now.change = now.amount.value - before.amount.value
                if before.amount.value != 0:
                    now.change_percent = (now.change * 100 / before.amount.value).quantize(Decimal("0.1"))
        ids = list(dict.fromkeys(p.id for p in parts if p is not None))
        lines.append(SeriesLine(latest.id, latest.title, latest.unit, latest.form_of_support, ids, values))
    return lines
