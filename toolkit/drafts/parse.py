"""Read any draft file: Markdown, or Word by its suffix."""

from __future__ import annotations

from pathlib import Path

from toolkit.drafts.markdown import parse_markdown
from toolkit.drafts.model import WORD_SUFFIXES, DecisionFor, Draft
from toolkit.read.files import decode_text, read_text


def parse_draft(path: str | Path, name: str | None = None, decision_for: DecisionFor | None = None,
                default_conditions: str | None = None, data: bytes | None = None) -> Draft:
    """Read and parse a draft file; Word files go to :mod:`toolkit.drafts.word`,
    which recognises figure rows by the decision ``decision_for`` gives.
    ``default_conditions`` names the decision when the draft names none.
    ``data`` is the file's content when the caller has read it already
    (with :func:`~toolkit.read.files.read_bytes`): the draft is then these
    very bytes, whatever the file holds by now."""
    p = Path(path)
    if p.suffix.lower() in WORD_SUFFIXES:
        from toolkit.drafts.word import parse_docx

        return parse_docx(p, name or str(path), decision_for, default_conditions, data)
    text = read_text(p) if data is None else decode_text(data, str(p))
    return parse_markdown(text, p, name or str(path), default_conditions)
