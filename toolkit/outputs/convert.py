"""Convert a Word draft into a Markdown draft that checks the same way.

The Markdown draft gets front matter with the Word draft's metadata and
figures (from its facts and figures tables or properties) and a body with its
headings, paragraphs, lists and tables, as read by :mod:`toolkit.drafts.word`.
Checking the result gives the same sections, figures and verdict as checking
the Word file; only the locations differ (lines instead of paragraphs).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from toolkit.drafts.model import WORD_SUFFIXES
from toolkit.drafts.word import MARKER
from toolkit.errors import DraftError

#: Front-matter keys in the order a writer expects them.
_ORDER = ("conditions", "region", "title", "diarienummer", "datum", "kontaktperson", "mottagare", "bilagor", "figures")


def front_matter(meta: dict[str, Any]) -> str:
    """The YAML front matter (without the ``---`` lines) for ``meta``."""
    ordered = {k: meta[k] for k in _ORDER if k in meta and meta[k] is not None}
    ordered.update({k: v for k, v in meta.items() if k not in ordered and v is not None})
    if "conditions" in ordered:
        ordered["conditions"] = str(ordered["conditions"])
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)


def convert_docx(path: str | os.PathLike[str], name: str | None = None, conditions: str | None = None) -> str:
    """The Markdown draft for the Word draft at ``path``; figure rows are read
    by the decision ``conditions`` names, or else the one the document names."""
    from toolkit.decisions.load import decision_for
    from toolkit.drafts.word import parse_docx

    p = Path(path)
    name = name or str(path)
    if p.suffix.lower() not in WORD_SUFFIXES:
        raise DraftError.of("convert-not-docx", name)
    draft = parse_docx(p, name, decision_for(conditions))
    meta, lines = dict(draft.meta), list(draft.lines)
    unreadable = _unreadable(draft)
    if unreadable:
        meta["figures"] = {**(meta.get("figures") or {}), **unreadable}
    if draft.title_index is not None:
        # Word's title is no section and no text of the report: in Markdown it
        # is the front matter's title, where no heading can be taken for a section
        meta["title"] = re.sub(r"\\([\\`*_\[\]!#])", r"\1", lines[draft.title_index].removeprefix("# "))
        lines[draft.title_index] = ""
    body = "\n".join(lines).strip("\n")
    return f"---\n{_mark_carried(front_matter(meta), draft.carried_figures)}---\n\n{body}\n"


def _unreadable(draft: Any) -> dict[str, str]:
    """Figures the Word reader could not take (the same figure with two
    amounts, an unclear unit or column): written so that the Markdown draft
    cannot take them either, as the amounts seen and the reason in brackets
    (``88 mnkr / 42,5 mnkr [figure-repeated]``), never as one of them."""
    from toolkit.checking.codes import severity
    from toolkit.checking.results import ERROR

    out = {}
    for key, source in draft.figure_sources.items():
        errors = [i for i in source.issues if severity(i.code) == ERROR]
        if errors:
            params = errors[0].params
            seen = [str(params[k]) for k in ("first_value", "second_value") if params.get(k)]
            out[key] = f"{' / '.join(seen) or source.written or '–'} [{errors[0].code}]"
    return out


def _mark_carried(front: str, carried: dict[str, int]) -> str:
    """Last year's amounts (a Word template's marked rows) keep their marker as a
    YAML comment, as ``villkor new --from`` writes it, so the check still warns."""
    if not carried:
        return front
    lines = front.split("\n")
    in_figures = False
    for n, line in enumerate(lines):
        if not line.startswith(" "):
            in_figures = line.startswith("figures:")
            continue
        key = line.strip().split(":", 1)[0].strip("'\"")
        if in_figures and line.startswith("  ") and not line.startswith("   ") and key in carried:
            lines[n] = f"{line}  # {MARKER}"
    return "\n".join(lines)
