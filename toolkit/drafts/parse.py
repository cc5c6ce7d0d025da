"""Read any draft file: Markdown, or Word by its suffix."""

from __future__ import annotations

from pathlib import Path

from toolkit.drafts.markdown import parse_markdown
from toolkit.drafts.model import WORD_SUFFIXES, DecisionFor, Draft
from toolkit.read.files import read_text


def parse_draft(path: str | Path, name: str | None = None, decision_for: DecisionFor | None = None,
                default_conditions: str | None = None) -> Draft:
    """Read and parse a draft file; Word files go to :mod:`toolkit.drafts.word`,
    which recognises figure rows by the decision ``decision_for`` gives.
    ``default_conditions`` names the decision when the draft names none."""
    p = Path(path)
    if p.suffix.lower() in WORD_SUFFIXES:
        from toolkit.drafts.word import parse_docx

        return parse_docx(p, name or str(path), decision_for, default_conditions)
    return parse_markdown(read_text(p), p, name or str(path), default_conditions)
