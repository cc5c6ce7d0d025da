"""Plain text tables for the terminal that fit a given width.

:func:`format_grid` pads columns to their widest cell, puts a rule under the
header (and above a footer row) and colours cells with ANSI codes only when
asked. When the table is wider than the terminal, long cells (a file name, a
title) are wrapped under their own column; when even that is not enough (a
matrix with many columns), the columns are shown in several blocks one under
the other, each repeating the first column, so that no line is ever longer
than the width. Laid out here rather than by rich: a thousand rows take
milliseconds, where rich's table layout takes seconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from toolkit.outputs.terminal import printable

_ANSI = {"green": "\x1b[32m", "red": "\x1b[31m", "yellow": "\x1b[33m", "dim": "\x1b[2m"}
#: Narrowest a column is wrapped to before the table is split into blocks.
MIN_WRAPPED = 10

Row = tuple[Sequence[str], Sequence[str | None]]


def format_grid(headers: Sequence[str], rows: Sequence[Row], width: int, right: set[int] | None = None,
                wrap: set[int] | None = None, color: bool = False, footer: bool | int = False, gap: int = 3,
                min_wrapped: int = MIN_WRAPPED, write: Callable[[str], Any] | None = None) -> str:
    """The table as text no wider than ``width``.

    ``rows`` are (cells, styles) pairs; ``right`` the columns aligned right;
    ``wrap`` the columns that may be wrapped onto several lines, down to
    ``min_wrapped`` characters, before the table is split into blocks (any
    column is wrapped as a last resort); ``footer`` puts a rule above the last
    row (or, as a number, the last ``footer`` rows: a total, a median, a count).
    A table that does not fit has two spaces between its columns.
    ``write``: the table is handed to it a line at a time, and "" returned
    (a table of ten thousand rows is never held as one text).
    """
    # the cells are shown as they are, and nothing in them is obeyed by the terminal
    headers = [printable(h) for h in headers]
    rows = _Shown(rows)  # made printable as they are read: ten thousand rows are never held at once
    right, wrap = right or set(), {c for c in wrap or () if c < len(headers)}  # a column that may be absent
    width = max(width, 20)
    widest = _widest(headers, rows)  # one pass over the rows: they may be made as they are read
    natural = [max(len(h), w) for h, w in zip(headers, widest)]
    if _total(natural, gap) > width:
        gap = min(gap, 2)
        # a header of several words may then wrap to its column's widest cell
        natural = [max(max(map(len, h.split()), default=0), w) for h, w in zip(headers, widest)]
    widths = _fit(natural, wrap, width, gap, min_wrapped)
    out: list[str] = []
    for n, cols in enumerate(_blocks(widths, width, gap)):
        shown = [widths[c] for c in cols]
        while _total(shown, gap) > width and max(shown) > 1:  # the last resort: wrap any column
            shown[shown.index(max(shown))] -= 1
        if write is None:
            lines: list[str] = []
            _block(headers, rows, cols, shown, right, color, footer, gap, lines.append)
            out.append("".join(lines))
        else:
            if n:
                write("\n")
            _block(headers, rows, cols, shown, right, color, footer, gap, write)
    return "\n".join(out)


class _Shown(Sequence[Row]):
    """Rows with every cell made :func:`printable`, each as it is read."""

    def __init__(self, rows: Sequence[Row]):
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[n] for n in range(*i.indices(len(self)))]
        cells, styles = self.rows[i]
        return [printable(c) for c in cells], styles

    def __iter__(self) -> Iterator[Row]:
        for cells, styles in self.rows:
            yield [printable(c) for c in cells], styles


def _widest(headers: Sequence[str], rows: Sequence[Row]) -> list[int]:
    """The widest cell of each column, the rows read once."""
    widest = [0] * len(headers)
    for cells, _ in rows:
        for n in range(len(headers)):
            if len(cells[n]) > widest[n]:
                widest[n] = len(cells[n])
    return widest


def _total(widths: Sequence[int], gap: int) -> int:
    return sum(widths) + gap * (len(widths) - 1)


def _fit(natural: list[int], wrap: set[int], width: int, gap: int, floor_width: int) -> list[int]:
    """Column widths: the wrappable columns narrowed (the widest first) until
    the table fits or they are as narrow as they may go."""
    widths = list(natural)
    floor = {c: min(natural[c], floor_width) for c in wrap}
    while _total(widths, gap) > width:
        candidates = [c for c in wrap if widths[c] > floor[c]]
        if not candidates:
            break
        c = max(candidates, key=lambda k: widths[k])
        widths[c] -= 1
    return widths


def _blocks(widths: list[int], width: int, gap: int) -> list[list[int]]:
    """Columns in blocks that each fit, the first column repeated in each."""
    if _total(widths, gap) <= width or len(widths) < 3:
        return [list(range(len(widths)))]
    blocks: list[list[int]] = []
    current = [0]
    used = widths[0]
    for c in range(1, len(widths)):
        if len(current) > 1 and used + gap + widths[c] > width:
            blocks.append(current)
            current, used = [0], widths[0]
        current.append(c)
        used += gap + widths[c]
    blocks.append(current)
    return blocks


_BREAKS = re.compile(r"[^\s/\\-]*(?:[/\\-]|\s+|$)")


def _lines(text: str, w: int) -> list[str]:
    """``text`` in lines of at most ``w`` characters, broken after a space, a
    slash or a hyphen where it can be (a path breaks between its folders)."""
    if len(text) <= w:
        return [text]
    out: list[str] = []
    line = ""
    for piece in (p for p in _BREAKS.findall(text) if p):
        if len(piece) > w:  # longer than a line on its own: cut it (at once: piece by piece was quadratic)
            if line:
                out.append(line.rstrip())
                line = ""
            n = (len(piece) - 1) // w
            out.extend(piece[i * w : (i + 1) * w] for i in range(n))
            piece = piece[n * w :]
        if len(line) + len(piece.rstrip()) > w:
            out.append(line.rstrip())
            line = ""
        line += piece if line or not piece.isspace() else ""
    if line.strip():
        out.append(line.rstrip())
    return out or [""]


def _block(headers: Sequence[str], rows: Sequence[Row], cols: list[int], shown: list[int], right: set[int],
           color: bool, footer: bool | int, gap: int, write: Callable[[str], Any]) -> None:
    widths = shown
    pad = " " * gap

    def line(cells: Sequence[str], styles: Sequence[str | None]) -> str:
        wrapped = [_lines(cells[c], w) for c, w in zip(cols, widths)]
        text = ""
        for i in range(max(len(x) for x in wrapped)):
            parts = []
            for n, (c, w) in enumerate(zip(cols, widths)):
                cell = wrapped[n][i] if i < len(wrapped[n]) else ""
                padded = cell.rjust(w) if c in right else cell.ljust(w)
                st = styles[c] if color and cell else None
                parts.append(f"{_ANSI[st]}{padded}\x1b[0m" if st else padded)
            text += pad.join(parts).rstrip() + "\n"
        return text

    rule = "─" * (sum(widths) + gap * (len(widths) - 1)) + "\n"
    write(line(headers, [None] * len(headers)) + rule)
    footer_at = len(rows) - int(footer)
    for n, (cells, styles) in enumerate(rows):
        if footer and n == footer_at:
            write(rule)
        write(line(cells, styles))


def strip_trailing(text: str) -> str:
    """Text without the spaces rich pads each line with to the full width."""
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))
