"""Markdown that Python-Markdown (and nh3 after it) converts in bounded time.

What a report holds converts in milliseconds. Text made, or pasted, to be
strange does not, because of how the converter works:

* every inline match (``*``, ``_``, a backtick, ``\\``, an entity, a tag,
  a link) rebuilds the whole paragraph it is in, and every ``[`` or ``](``
  scans to its match: 10,000 ``[`` never closed took ten minutes, 200 kB of
  ``*a`` forty seconds; nh3 is quadratic in a run of entities or
  non-breaking spaces in one paragraph;
* every ``<div`` that no ``>`` follows makes the HTML parser read to the end;
* a block of thousands of lines is tested again by every block processor
  each time a heading or a rule is taken off its top, and the heading and
  attribute patterns backtrack over long runs of spaces;
* each list or quote level is a level of recursion (``- - - … x`` a thousand
  levels deep ended in RecursionError);
* and each paragraph, list item or table row costs a tenth of a millisecond
  or more, so 10 MB of one-word list items takes minutes.

:func:`protect` estimates those costs in one pass over the text and, only
past budgets that a report does not come near: (1) shows a unit (paragraph,
list item, heading, table row) whose markup would cost too much as plain
text, and, once the conversion as a whole would take longer than
:data:`BUDGET_SECONDS`, everything after it: the text is replaced by a token
that :func:`restore` turns back into the text, escaped, after conversion and
sanitising; (2) writes a ``<`` that no ``>`` follows as ``&lt;``; (3)
escapes list and quote markers past 32 levels and cuts deeper indentation;
(4) ends a long block after a heading or rule, where the converter would end
it anyway, and shortens runs of spaces in a heading. Fenced code is left
alone. An ordinary report comes back unchanged, so its HTML is as before.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field

from toolkit.drafts.markdown import fence_closes, fence_opens

#: Estimated seconds one conversion (all the chunks of a report) may take
#: before the rest is shown as plain text. A long report is estimated at a
#: fraction of a second.
BUDGET_SECONDS = 4.0
#: Estimated seconds one unit's markup may take before the unit is plain text.
UNIT_SECONDS = 0.1
#: ``<`` that no ``>`` follows, kept as they are up to this many.
MAX_OPEN_TAGS = 16
#: Deepest list or quote nesting kept, and the indentation that goes with it.
MAX_NESTING = 32
MAX_INDENT = 4 * MAX_NESTING
#: Lines in one block past which headings and rules end the block.
MAX_BLOCK_LINES = 64
#: Longest run of spaces kept in a heading (HTML shows any run as one space).
MAX_HEADING_SPACES = 64

# What the estimate counts, measured on the converter (seconds per ...):
_PER_UNIT = 3e-4  # paragraph, item, heading or row
_PER_MATCH = 5e-6  # inline match
_PER_REBUILT_CHAR = 1e-9  # character copied when a match rebuilds its unit
_PER_SCANNED_CHAR = 3e-7  # character a link's text or target is scanned for
_PER_ENTITY_PAIR = 6e-11  # (entities in one unit) squared, in nh3

#: What the converter matches inline, and what nh3 writes as an entity.
_MARKUP = "*_`[]()<>&\\{}\u00a0"
_ENTITIES = "&<>\u00a0"
_MARKERS = re.compile(r"(?:[-*+]|\d{1,9}[.)]|>)(?:[ \t]+|(?=>))")
_ITEM = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|#{1,6}[ \t]+)?")
_ATX_START = re.compile(r" {0,3}#{1,6}(?:[ \t]|$)")
_UNDERLINE = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r" {0,3}(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})$")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_TAG = re.compile(r"<(?=[A-Za-z!/?])")
_SPACE_RUN = re.compile(rf"[ \t]{{{MAX_HEADING_SPACES + 1},}}")
_BRACKETS = re.compile(r"\\.|\]\(|[\[\]()]")


@dataclass
class Budget:
    """Estimated seconds left for one conversion; shared by its chunks."""

    seconds: float = BUDGET_SECONDS


@dataclass
class Protected:
    """Markdown ready for the converter, and the escaped text each token stands for."""

    text: str
    plain: dict[str, str] = field(default_factory=dict)


def protect(text: str, budget: Budget | None = None) -> Protected:
    """``text`` made cheap to convert (see the module's notes)."""
    budget = budget or Budget()
    lines, written = _structure(text.split("\n"))
    salt = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    plain: dict[str, str] = {}
    lines = _plain_units(lines, written, plain, salt, budget)
    return Protected("\n".join(_open_tags(lines)), plain)


def restore(converted: str, plain: dict[str, str]) -> str:
    """``converted`` HTML with each token put back as its text, escaped."""
    if not plain:
        return converted
    pattern = re.compile("|".join(re.escape(token) for token in plain))
    return pattern.sub(lambda m: plain[m.group()], converted)


def _outside_fences(lines: list[str]) -> list[bool]:
    """For each line, whether the converter parses it (it is not fenced code)."""
    parsed = []
    fence: str | None = None
    for line in lines:
        if fence is not None:
            fence = None if fence_closes(line, fence) else fence
            parsed.append(False)
        elif (opened := fence_opens(line)) is not None:
            fence = opened
            parsed.append(False)
        else:
            parsed.append(True)
    return parsed


# --------------------------------------------------------------------------
# Structure: nesting, indentation, long blocks, spaces in headings


def _structure(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines with nesting, indentation, long blocks and spaces in headings
    seen to, and beside each the line as written (for text shown plain)."""
    out: list[str] = []
    written: list[str] = []
    block = 0  # lines in the current block
    for line, parsed in zip(lines, _outside_fences(lines)):
        written.append(line)
        if not parsed or not line.strip():
            out.append(line)
            block = 0
            continue
        line = _nesting(line)
        heading = bool(_ATX_START.match(line))
        if heading and len(line) > MAX_HEADING_SPACES:
            line = _SPACE_RUN.sub(" ", line)
        out.append(line)
        block += 1
        if block > MAX_BLOCK_LINES and line[:1] not in (" ", "\t", ">") and (
            heading or _RULE.match(line) or (_UNDERLINE.match(line) and block > 1)
        ):
            # the converter takes these off a block's top and puts the rest
            # back as a block of its own: a blank line here means the same
            out.append("")
            written.append("")
            block = 0
    return out, written


def _nesting(line: str) -> str:
    """The line with its indentation cut to :data:`MAX_INDENT` and its list
    and quote markers past :data:`MAX_NESTING` escaped."""
    stripped = line.lstrip(" \t")
    indent = len(line) - len(stripped)
    if indent > MAX_INDENT:
        line, indent = " " * MAX_INDENT + stripped, MAX_INDENT
    pos, depth = indent, 0
    while (m := _MARKERS.match(line, pos)) is not None:
        depth += 1
        if depth > MAX_NESTING:
            digits = len(m.group()) - len(m.group().lstrip("0123456789"))
            return line[: pos + digits] + "\\" + line[pos + digits :]
        pos = m.end()
    return line


# --------------------------------------------------------------------------
# Tags that never close


def _open_tags(lines: list[str]) -> list[str]:
    """``<`` that no ``>`` follows written as ``&lt;`` when there are many:
    each makes the HTML parser read to the end of the text."""
    parsed = _outside_fences(lines)
    tail: list[tuple[int, int]] = []  # (line, column) from the last ">" to the end
    for i in range(len(lines) - 1, -1, -1):
        if parsed[i]:
            last = lines[i].rfind(">")
            tail.append((i, last + 1))
            if last >= 0:
                break
    if sum(len(_TAG.findall(lines[i], col)) for i, col in tail) <= MAX_OPEN_TAGS:
        return lines
    out = list(lines)
    for i, col in tail:
        out[i] = out[i][:col] + _TAG.sub("&lt;", out[i][col:])
    return out


# --------------------------------------------------------------------------
# Units that would cost too much: shown as plain text


def _units(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) line indexes of each unit the converter formats on its
    own: a paragraph (to a blank line), a list item, a heading, a table row."""
    parsed = _outside_fences(lines)
    units: list[tuple[int, int]] = []
    start: int | None = None
    table = False
    for i, line in enumerate(lines):
        if not parsed[i] or not line.strip():
            if start is not None:
                units.append((start, i))
            start, table = None, False
            continue
        heading = bool(_ATX_START.match(line))
        if start is not None and (table or heading or _ITEM.match(line)):
            units.append((start, i))
            start = None
        if start is None:
            if heading:
                units.append((i, i + 1))
                continue
            start = i
            table = table or ("|" in line and i + 1 < len(lines) and "-" in lines[i + 1]
                              and bool(_TABLE_RULE.match(lines[i + 1])))
    if start is not None:
        units.append((start, len(lines)))
    return units


def _scanned(text: str) -> int:
    """Characters the link processors scan in ``text``: from each ``[`` (and
    each ``](``) to its match, or to the end when it has none."""
    brackets: list[int] = []
    parens: list[tuple[int, bool]] = []
    total = 0
    for m in _BRACKETS.finditer(text):
        token = m.group()
        if token[0] == "\\":
            continue
        if token == "[":
            brackets.append(m.start())
        elif token == "]":
            if brackets:
                total += m.start() - brackets.pop()
        elif token == "](":
            if brackets:
                total += m.start() - brackets.pop()
            parens.append((m.end(), True))
        elif token == "(":
            parens.append((m.end(), False))
        elif parens:  # ")"
            start, link = parens.pop()
            total += m.start() - start if link else 0
    total += sum(len(text) - p for p in brackets)
    total += sum(len(text) - p for p, link in parens if link)
    return total


def _estimate(text: str) -> float:
    """Estimated seconds the converter and nh3 spend on ``text``'s markup."""
    markup = sum(text.count(c) for c in _MARKUP)
    if not markup:
        return 0.0
    entities = sum(text.count(c) for c in _ENTITIES)
    return (markup * _PER_MATCH + markup * len(text) * _PER_REBUILT_CHAR
            + _scanned(text) * _PER_SCANNED_CHAR + entities * entities * _PER_ENTITY_PAIR)


def _plain_units(lines: list[str], written: list[str], plain: dict[str, str], salt: str, budget: Budget) -> list[str]:
    out: list[str | None] = list(lines)

    def make_plain(first: int, end: int, rest: bool = False) -> None:
        prefix = None if rest else _PREFIX.match(lines[first])
        lead = prefix.group() if prefix else ""
        skip = len(_PREFIX.match(written[first]).group()) if prefix else 0  # type: ignore[union-attr]
        body = "\n".join([written[first][skip:], *written[first + 1 : end]])
        token = f"VILLKORPLAIN{salt}N{len(plain)}X"
        escaped = html.escape(body, quote=False)
        plain[token] = escaped.replace("\n", "<br>\n") if rest else escaped
        out[first] = lead + token
        for i in range(first + 1, end):
            out[i] = None

    for first, end in _units(lines):
        if budget.seconds <= 0:
            # the rest is one unit of plain text, whatever it holds
            make_plain(first, len(lines), rest=True)
            break
        cost = _estimate("\n".join(lines[first:end]))
        if cost > UNIT_SECONDS:
            make_plain(first, end)
            cost = 0.0
        budget.seconds -= _PER_UNIT + cost
    return [line for line in out if line is not None]
