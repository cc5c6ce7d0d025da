"""Parse a Markdown draft: YAML front matter, then sections under headings.

A draft is Markdown with YAML front matter (``conditions``, ``region``,
``figures`` and optional metadata; see ``schemas/draft.yaml``). Any ATX
(``#``..``######``) or setext heading starts a section; headings inside fenced
code blocks do not, and text inside HTML comments is not the writer's text.
Every heading keeps its line number, and every front-matter value its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from toolkit.decisions.model import Conditions

from toolkit.read.yamldoc import YamlDoc

# a non-breaking space after the hashes is taken as a space: Word pastes them
#: Gives the decision a draft is read against, from the draft's own
#: ``conditions`` (or ``None``): a reader that needs the decision's figures
#: (Word tables) is handed this rather than loading a decision itself.
DecisionFor = Callable[[Any], "Conditions | None"]

#: Files read as Word drafts (the old .doc format is refused there by name).
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".doc")
#: Files a folder is searched for by ``villkor summary``.
DRAFT_SUFFIXES = (".md", ".markdown", ".docx", ".docm")

#: Most headings a draft may have. A report has a few dozen; past this it is
#: the wrong file, or body text that has been given a heading style, and the
#: check would only list thousands of headings that match nothing.
MAX_HEADINGS = 10_000

_SPACE = re.compile(r"\s")
_CHUNK = 1 << 18
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass
class Heading:
    """A heading in the draft and the lines of text under it."""

    text: str
    level: int
    line: int
    #: index into ``Draft.lines`` of the first and one-past-last body line
    start: int
    end: int
    #: index into ``Draft.lines`` of the heading itself; ``line - 1`` unless the
    #: reader says otherwise (a Word draft's ``line`` is a paragraph number)
    index: int = -1

    def __post_init__(self) -> None:
        if self.index < 0:
            self.index = self.line - 1


@dataclass
class Skipped:
    """Something in a Word document the reader does not read (images, footnotes,
    a table of contents ...): how many, and the paragraph of the first."""

    kind: str
    count: int
    location: int


@dataclass
class FigureIssue:
    """Why a figure's amount could not be read as written (an ambiguous
    column, a merged cell, a unit that cannot be known): the reader finds it,
    the check reports it as the finding ``code`` with message ``key``."""

    code: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class FigureSource:
    """Where a figure's amount was read and how its unit was decided, so a
    person can see what the tool understood ("61 300, stycke 14, unit from
    the header Belopp (tkr)")."""

    #: the amount as written: the cell's text, or the front matter's value as typed
    written: str
    #: "front-matter" or "table"
    kind: str = "front-matter"
    #: a unit word that applies from outside the amount ("tkr", "%"), or ""
    unit: str = ""
    #: where that unit was written: "header" (the column's header) or "cell" (the row's unit cell)
    unit_from: str = ""
    #: the header of the column the amount was taken from (Word tables)
    header: str = ""
    #: the table's paragraph (Word) when the amount came from a table
    table: int | None = None
    #: problems that keep the amount from being read, or that the writer should see
    issues: list[FigureIssue] = field(default_factory=list)


@dataclass
class Draft:
    """A parsed draft. ``lines`` holds the whole file; line N is ``lines[N-1]``."""

    path: Path
    name: str
    meta: dict[str, Any]
    meta_doc: YamlDoc
    lines: list[str]
    headings: list[Heading] = field(default_factory=list)
    body_start: int = 0
    #: where the draft came from: "markdown" or "docx"
    kind: str = "markdown"
    #: how a location is shown: "line" for Markdown, "paragraph" for Word
    unit: str = "line"
    #: the location shown for each index of ``lines`` when it is not the line
    #: number (a Word draft: the paragraph each Markdown line came from)
    locations: list[int] | None = None
    #: index into ``lines`` of the document's title when the reader knows it
    #: (Word's Title style); a Markdown title is recognised by the check
    title_index: int | None = None
    #: figures whose amount is marked as last year's (a Word template made by
    #: ``villkor new --from``): the draft's key and the paragraph of its row
    carried_figures: dict[str, int] = field(default_factory=dict)
    #: the text of the cell that marks each of those amounts as carried over
    #: (it names the year the amount comes from, for next year's template)
    carried_notes: dict[str, str] = field(default_factory=dict)
    #: what a Word reader left out, for the check to say so
    skipped: list[Skipped] = field(default_factory=list)
    #: how each figure (by its key in ``meta["figures"]``) was read
    figure_sources: dict[str, FigureSource] = field(default_factory=dict)
    #: True when the draft named no decision and ``--conditions`` supplied it
    conditions_supplied: bool = False

    @property
    def conditions_id(self) -> str | None:
        value = self.meta.get("conditions")
        return None if value is None else str(value)

    @property
    def figures(self) -> dict[str, Any]:
        return self.meta.get("figures") or {}

    def figure_line(self, figure_id: str) -> int:
        return self.meta_doc.line(("figures", figure_id))

    def location(self, index: int) -> int:
        """Where line index ``index`` is for the writer: its line number in a
        Markdown draft, its paragraph number in a Word draft."""
        if self.locations is None:
            return index + 1
        if not self.locations:
            return 1
        return self.locations[max(0, min(index, len(self.locations) - 1))]

    def text(self, start: int, end: int) -> str:
        """The writer's text between two line indexes, comments removed."""
        return strip_comments("\n".join(self.lines[start:end]))


def count_heading(found: int, name: str, line: int, unit: str = "line") -> None:
    """Refuse the draft when ``found`` headings come before the one at
    ``line``: it would be one more than :data:`MAX_HEADINGS`."""
    if found >= MAX_HEADINGS:
        from toolkit.errors import DraftError, Problem

        limit = f"{MAX_HEADINGS:,}".replace(",", "\u00a0")
        raise DraftError(Problem("draft-too-many-headings", {"limit": limit}, name, line, unit))


def comment_spans(text: str) -> Iterator[tuple[int, int]]:
    """Start and end of each HTML comment: ``<!--`` to the first ``-->`` after it.

    One pass from left to right. A ``<!--`` that is never closed ends the
    search, since no later one can be closed either (a regex tried from every
    ``<!--`` made 20,000 of them take half a minute).
    """
    pos = 0
    while (start := text.find("<!--", pos)) != -1:
        end = text.find("-->", start + 4)
        if end == -1:
            return
        pos = end + 3
        yield start, pos


def strip_comments(text: str) -> str:
    """Remove HTML comments, keeping their line breaks so lines still count.

    A ``<!--`` that is never closed is left as it is (and so is everything
    after it). Searched with ``str.find``, in time linear in the text: a
    regular expression retries from every unclosed ``<!--``.
    """
    if "<!--" not in text:
        return text
    out = []
    pos = 0
    for start, end in comment_spans(text):
        out.append(text[pos:start])
        out.append("\n" * text.count("\n", start, end))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def count_words(text: str) -> int:
    """The number of words in ``text``, counted a megabyte at a time: a list
    of every word of a 10 MB section would take a few hundred megabytes."""
    count = start = 0
    while start < len(text):
        end = start + _CHUNK
        if end < len(text):  # cut at white space, which no word holds
            space = _SPACE.search(text, end)
            end = space.start() if space else len(text)
        count += len(_WORD.findall(text, start, end))
        start = end
    return count
