"""Present a :class:`~toolkit.outputs.summary.Summary`: terminal text, JSON, Markdown
and one self-contained, sortable and filterable HTML page.

Every function returns a string; writing it anywhere is the caller's job.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from toolkit.checking.results import ERROR, INFO, SCHEMA_VERSION, WARNING
from toolkit.messages import t
from toolkit.outputs.summary import CELL_ORDER, Cell, Duplicates, Group, Matrix, Row, Summary
from toolkit.outputs.terminal import json_escaped, printable
from toolkit.outputs.texttable import format_grid, strip_trailing

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
# JSON


def to_dict(s: Summary, lang: str = "sv") -> dict[str, Any]:
    """The JSON contract of the overview (see README, "Sammanställning")."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "summary",
        "totals": {"drafts": len(s.rows) + len(s.failed), "complete": s.complete, "incomplete": s.incomplete,
                   "failed": len(s.failed), "skipped": len(s.skipped)},
        "reports": [
            {
                "file": r.file,
                "region": r.region or None,
                "year": r.year,
                "conditions": r.conditions,
                "status": r.status,
                "complete": r.complete,
                "coverage": r.coverage,
                "required_ok": r.required_ok,
                "required_total": r.required_total,
                "counts": r.counts,
                "parts": {pid: {"status": c.status, "line": c.line, "findings": c.findings} for pid, c in r.cells.items()},
                "findings": r.findings,
                "page": r.page,
                "datum": r.datum,
                "superseded": r.superseded_by is not None,
                "superseded_by": r.superseded_by,
                "possible_duplicate_of": r.possible_duplicate_of,
            }
            for r in s.rows
        ],
        "duplicates": [
            {"kind": d.kind, "conditions": d.conditions, "regions": d.regions, "reports": d.rows, "current": d.current,
             "message": duplicate_text(s, d, lang)}
            for d in s.duplicates
        ],
        "matrices": [
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
        ],
        "findings": [dict(f.as_dict(lang), id=n) for n, f in enumerate(s.findings)],
        "groups": {
            "errors": [_group_dict(g) for g in s.groups(advisory=False)],
            "advisory": [_group_dict(g) for g in s.groups(advisory=True)],
        },
        "failed": [{"file": f.file, "line": f.line, "message": f.message(lang)} for f in s.failed],
        "skipped": [{"file": k.file, "reason": t(k.key, lang)} for k in s.skipped],
    }


def _group_dict(g: Group) -> dict[str, Any]:
    return {"code": g.code, "severity": g.severity, "count": g.count, "findings": g.findings}


def format_json(s: Summary, lang: str = "sv") -> str:
    return json_escaped(json.dumps(to_dict(s, lang), ensure_ascii=False, indent=2)) + "\n"


# --------------------------------------------------------------------------
# Terminal text


def format_text(s: Summary, lang: str = "sv", width: int = 100, color: bool = False, all_places: bool = False) -> str:
    """The overview for a terminal: reports, one matrix per decision, findings by kind."""
    from rich.console import Console
    from rich.markup import escape
    from rich.padding import Padding
    from rich.table import Table

    def e(text: str) -> str:  # user text: shown, never obeyed by the terminal or by rich
        return escape(printable(text))

    out = io.StringIO()
    con = Console(file=out, width=width, color_system="standard" if color else None, force_terminal=color,
                  highlight=False, emoji=False, soft_wrap=False)
    style = {"ok": "green", "incomplete": "yellow", "missing": "red", "omitted": "dim"}
    con.print(t("summary-overview-title", lang), style="bold")
    # The two big tables are laid out by texttable rather than by rich: with a
    # thousand reports rich's table layout takes seconds, texttable's milliseconds.
    if s.rows:
        con.print(t("summary-reports", lang), style="bold")
        headers = [t(k, lang) for k in ("col-file", "col-region", "col-year", "col-status", "col-coverage", "col-errors", "col-warnings")]
        body = [([r.file, r.region, str(r.year or ""), t("report-status-" + r.status, lang), percent(r.coverage),
                  str(r.counts[ERROR]), str(r.counts[WARNING])], [None, None, None, "green" if r.complete else "red", None, None, None])
                for r in s.rows]
        if s.duplicates:
            headers.append(t("col-note", lang))
            for (texts, styles), r in zip(body, s.rows):
                texts.append(row_note(s, r, lang))
                styles.append("yellow" if texts[-1] else None)
        out.write(format_grid(headers, body, width, right={2, 4, 5, 6}, wrap={0, 1, 7}, color=color))
        if s.duplicates:
            con.print()
            con.print(t("summary-duplicates", lang), style="bold yellow")
            for d in s.duplicates:
                con.print("  " + e(duplicate_text(s, d, lang)), overflow="fold")
    for m in s.matrices.values():
        con.print()
        con.print(e(t("summary-matrix", lang, id=m.conditions, title=m.title)), style="bold")
        headers = [t("col-file", lang), *(str(p.number) for p in m.parts), t("col-coverage", lang)]
        body = []
        for i in m.rows:
            r = s.rows[i]
            cells = [r.cells.get(p.id) for p in m.parts]
            body.append(([r.file, *(cell_text(c) for c in cells), percent(r.coverage)],
                         [None, *(style[c.status] if c else None for c in cells), None]))
        body.append(([t("summary-part-coverage", lang), *(_part_cov(s, m, p.id) for p in m.parts), ""], [None] * (len(m.parts) + 2)))
        # the file column keeps a quarter of the width; the parts go in blocks under each other
        out.write(format_grid(headers, body, width, right={len(m.parts) + 1}, wrap={0}, color=color, footer=True, gap=2,
                              min_wrapped=width // 4))
        con.print(t("summary-matrix-legend", lang), style="dim")
        legend = Table.grid(padding=(0, 2))  # a long title wraps under itself, not under the number
        legend.add_column(justify="right", no_wrap=True)
        legend.add_column(overflow="fold")
        for p in m.parts:
            legend.add_row(f"  {p.number}", f"{'↳ ' if p.parent and p.kind == 'section' else ''}{e(p.title)} "
                           f"({t('summary-part-' + p.kind, lang)}{'' if p.required else ', ' + t('summary-optional', lang)})")
        con.print(legend)
        con.print()
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
    return strip_trailing(out.getvalue())


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

    return {
        "s": s,
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


def format_html(s: Summary, lang: str = "sv") -> str:
    """One self-contained HTML page; its one inline script is allowed by hash."""
    from toolkit.outputs.templating import render_template

    script, script_hash = _script()
    return render_template("overview.html.j2", lang, script=script, script_hash=script_hash, **context(s, lang))
