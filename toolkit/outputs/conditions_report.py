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
from toolkit.decisions.model import Conditions
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


def format_outline(c: Conditions, lang: str = "sv") -> str:
    """A decision after inheritance as a readable outline (``conditions show``)."""
    from toolkit.decisions.diff import numbers
    from toolkit.outputs.templating import render_template

    return printable(render_template("conditions_show.txt.j2", lang, c=c, numbers=numbers(c), where=_where))


def _where(item: Any) -> str:
    return f"{item.file}:{item.line}" if item.file else ""


def format_list(rows: list[tuple[str, Path, Conditions | None, str]], lang: str = "sv") -> str:
    """One line per decision: id, year, title, due date, what it extends, and
    where it was found; then the folders searched, in order."""
    lines = [t("conditions-list-header", lang)]
    for cid, path, c, origin in rows:
        where = t(f"conditions-origin-{origin}", lang)
        if c is None:
            lines.append(f"{cid}\t\t{t('conditions-list-invalid', lang, path=_display(path))}\t\t\t{where}")
        else:
            due = c.due.isoformat() if c.due else (c.due_text or "")
            lines.append(f"{cid}\t{c.year or ''}\t{c.title}\t{due}\t{c.extends or ''}\t{where}")
    return _columns(lines)


def _columns(lines: list[str]) -> str:
    rows = [line.split("\t") for line in lines]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return printable("\n".join("  ".join(cell.ljust(w) for cell, w in zip(r, widths)).rstrip() for r in rows) + "\n")


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
