"""Present decisions for the people who encode and review them: the outline of
one decision (`conditions show`), the list of decisions, the result of
`conditions validate`, and a :class:`~toolkit.decisions.diff.ConditionsDiff` for authors
and reviewers as
terminal text, Markdown, HTML and JSON. Every function returns a string.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from toolkit.decisions.diff import Change, ConditionsDiff, ItemDiff
from toolkit.decisions.model import Conditions, Section
from toolkit.errors import Problem
from toolkit.messages import t
from toolkit.outputs.terminal import json_escaped, printable

FORMATS = ("text", "md", "html", "json")


def show_value(change: Change | None, value: Any, lang: str = "sv") -> str:
    """A field's value as a reader wants it: "obligatoriskt", ISO dates, lists joined."""
    name = change.field if change else ""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        if name == "required":
            return t("diff-required" if value else "diff-optional", lang)
        return t("diff-yes" if value else "diff-no", lang)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value) if name == "references" else ", ".join(str(v) for v in value)
    return str(value)


def field_label(name: str, lang: str = "sv") -> str:
    return t("diff-field-" + name.replace(".", "-").replace("_", "-"), lang)


def item_heading(item: ItemDiff, lang: str = "sv") -> str:
    """``3.2 Title {#id}`` and, for a rename, the old id."""
    ref = f"{{#{item.id}}}" if item.kind == "section" else item.id
    text = f"{item.number} {item.title} {ref}".strip() if item.number else f"{item.title} ({ref})"
    return text


def _context(d: ConditionsDiff, lang: str) -> dict[str, Any]:
    counts = d.counts()
    return {
        "d": d,
        "old": d.old,
        "new": d.new,
        "groups": [("sections", d.sections), ("figures", d.figures), ("rules", d.rules)],
        "show": lambda c, v: show_value(c, v, lang),
        "label": lambda name: field_label(name, lang),
        "heading": lambda item: item_heading(item, lang),
        "summary": t(
            "diff-summary", lang,
            sections_added=counts["sections"]["added"], sections_removed=counts["sections"]["removed"],
            sections_renamed=counts["sections"]["renamed"], sections_changed=counts["sections"]["changed"],
            figures=sum(counts["figures"].values()), rules=sum(counts["rules"].values()),
            metadata=counts["metadata"]["changed"],
        ),
    }


def format_diff(d: ConditionsDiff, fmt: str = "text", lang: str = "sv") -> str:
    """The diff in ``fmt`` (text, md, html or json)."""
    if fmt == "json":
        return json_escaped(json.dumps(d.as_dict(), ensure_ascii=False, indent=2)) + "\n"
    from toolkit.outputs.templating import render_template

    text = render_template({"text": "diff.txt.j2", "md": "diff.md.j2", "html": "diff.html.j2"}[fmt], lang, **_context(d, lang))
    return printable(text) if fmt == "text" else text


# --------------------------------------------------------------------------
# conditions list / show / validate


#: Bumped only when a key of ``conditions show --format json`` changes meaning.
OUTLINE_SCHEMA_VERSION = 1


def format_outline(c: Conditions, lang: str = "sv", fmt: str = "text") -> str:
    """A decision after inheritance as a readable outline (``conditions show``):
    terminal text, Markdown and HTML to send to the regions, or JSON."""
    from toolkit.decisions.diff import numbers
    from toolkit.outputs.templating import render_template

    if fmt == "json":
        return json_escaped(json.dumps(outline_to_dict(c), ensure_ascii=False, indent=2)) + "\n"
    template = {"text": "conditions_show.txt.j2", "md": "conditions_show.md.j2", "html": "conditions_show.html.j2"}[fmt]
    def label(figure_id: str) -> str:
        f = c.figure(figure_id)
        return f"{f.label} ({figure_id})" if f else figure_id

    text = render_template(template, lang, c=c, numbers=numbers(c), where=_where, point_from=point_origin, label=label,
                           labels=lambda ids: " + ".join(label(i) for i in ids))
    return printable(text) if fmt == "text" else text


def point_origin(s: Section) -> str:
    """Where a section's point was written, when that is not where the section
    was last defined: a rename or change that kept an earlier decision's point."""
    if not s.point or not s.point_from or not s.file:
        return ""
    return s.point_from if s.point_from.rsplit(":", 1)[0] != s.file else ""


def outline_to_dict(c: Conditions) -> dict[str, Any]:
    """The JSON contract of ``villkor conditions show --format json``."""
    from toolkit.decisions.diff import numbers

    nums = numbers(c)

    def section(s: Section) -> dict[str, Any]:
        return {
            "id": s.id, "number": nums[s.id], "title": s.title, "required": s.required, "point": s.point or None,
            "point_from": point_origin(s) or None, "min_words": s.min_words, "guidance": s.guidance or None,
            "aliases": s.aliases, "renamed_from": s.renamed_from, "folded_from": s.folded_from,
            "file": s.file, "line": s.line, "parts": [section(p) for p in s.parts],
        }

    return {
        "schema_version": OUTLINE_SCHEMA_VERSION,
        "id": c.id, "title": c.title, "year": c.year, "extends": c.extends, "chain": c.chain,
        "issuer": c.issuer or None, "recipient": c.recipient or None, "diarienummer": c.diarienummer or None,
        "decision_date": c.decision_date.isoformat() if c.decision_date else None,
        "due": c.due.isoformat() if c.due else None, "due_text": c.due_text or None,
        "appropriation": c.appropriation, "legal_basis": c.legal_basis or None, "source": c.source or None,
        "references": [{"label": r.label, "value": r.value or None, "date": r.date.isoformat() if r.date else None,
                        "confidence": r.confidence or None, "source": r.source or None} for r in c.references],
        "sections": [section(s) for s in c.sections],
        "figures": [{"id": f.id, "label": f.label, "unit": f.unit, "required": f.required, "section": f.section,
                     "form_of_support": f.form_of_support or None, "aliases": f.aliases, "renamed_from": f.renamed_from,
                     "file": f.file, "line": f.line} for f in c.figures],
        "rules": [{"id": r.id, "kind": r.kind, "total": r.total, "parts": r.parts,
                   "tolerance": _plain_number(r.tolerance), "tolerance_percent": _plain_number(r.tolerance_percent),
                   "description": r.description or None, "point": r.point or None} for r in c.rules],
        "attachments": c.attachments,
    }


def _plain_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _where(item: Any) -> str:
    return f"{item.file}:{item.line}" if item.file else ""


def format_list(rows: list[tuple[str, Path, Conditions | None, str]], lang: str = "sv", width: int = 200) -> str:
    """One line per decision: id, year, title, due date, what it extends, and
    where it was found; a long title wraps under itself to fit ``width``."""
    from toolkit.outputs.texttable import format_grid

    headers = t("conditions-list-header", lang).split("\t")
    body: list[tuple[list[str], list[str | None]]] = []
    for cid, path, c, origin in rows:
        where = t(f"conditions-origin-{origin}", lang)
        if c is None:
            cells = [cid, "", t("conditions-list-invalid", lang, path=_display(path)), "", "", where]
        else:
            due = c.due.isoformat() if c.due else (c.due_text or "")
            cells = [cid, str(c.year or ""), c.title, due, c.extends or "", where]
        body.append((cells, [None] * len(cells)))
    return format_grid(headers, body, width, wrap={2, 3, 5}, gap=2, min_wrapped=12)


def _display(path: Path) -> str:
    from toolkit.read.files import display_path

    return display_path(path)


def format_validation(results: list[tuple[Path, list[Problem]]], lang: str = "sv") -> str:
    """Every problem with file and line (each once, though a parent's problems
    make every file that extends it invalid too), each valid file, and a count."""
    from toolkit.read.files import display_path

    lines: list[str] = []
    seen: set[str] = set()
    count = 0
    for path, problems in results:
        if not problems:
            lines.append(t("validate-ok", lang, path=display_path(path)))
        for p in problems:
            text = p.format(lang)
            if text not in seen:
                seen.add(text)
                lines.append(text)
                count += 1
    invalid = sum(1 for _, problems in results if problems)
    lines.append(t("validate-total", lang, files=len(results), valid=len(results) - invalid, invalid=invalid, problems=count))
    return printable("\n".join(lines) + "\n")
