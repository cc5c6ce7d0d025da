"""Parse a Markdown draft: YAML front matter, then sections under headings.

A draft is Markdown with YAML front matter (``conditions``, ``region``,
``figures`` and optional metadata; see ``schemas/draft.yaml``). Any ATX
(``#``..``######``) or setext heading starts a section; headings inside fenced
code blocks do not, and text inside HTML comments is not the writer's text.
Every heading keeps its line number, and every front-matter value its line.
"""

from __future__ import annotations

import re
from pathlib import Path

from toolkit.drafts.frontmatter import supply_conditions, validate_front_matter, values_as_written
from toolkit.drafts.model import Draft, FigureSource, Heading, count_heading
from toolkit.errors import DraftError
from toolkit.read.yamldoc import load_yaml

_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
#: The first character (after spaces) of every line the expressions above can match.
_MARKS = frozenset("#=-`~")


def atx_heading(line: str) -> tuple[str, str] | None:
    """``("##", "Title")`` from an ATX heading line (``## Title ##``), else ``None``.

    Up to three spaces before one to six ``#``; then the end of the line or a
    space, a tab or a non-breaking space (Word pastes them) and the text; a
    closing run of ``#`` after a space or tab is not part of the text. Read
    by hand: the regex this replaces backtracked over runs of spaces and took
    seconds for a line of a few thousand.
    """
    indent = len(line) - len(line.lstrip(" "))
    if indent > 3:
        return None
    rest = line[indent:]
    hashes = len(rest) - len(rest.lstrip("#"))
    if not 1 <= hashes <= 6:
        return None
    rest = rest[hashes:]
    if rest and rest[0] not in " \t\u00a0":
        return None
    text = rest.lstrip(" \t\u00a0").rstrip(" \t")
    closing = text.rstrip("#")
    if len(closing) < len(text) and closing[-1:] in (" ", "\t"):
        text = closing.rstrip(" \t")
    return "#" * hashes, text


def shift_headings(text: str, own_level: int, new_level: int) -> str:
    """Move the writer's own sub-headings so they sit under a heading that moved
    from ``own_level`` to ``new_level``; lines inside code fences stay as they are."""
    shift = new_level - own_level
    out = []
    fence: str | None = None
    for line in text.split("\n"):
        if fence is not None:
            if fence_closes(line, fence):
                fence = None
        elif fence_opens(line):
            fence = fence_opens(line)
        else:
            h = atx_heading(line)
            if h:
                hashes = h[0]
                level = min(6, max(new_level + 1, len(hashes) + shift))
                line = line.replace(hashes, "#" * level, 1)
        out.append(line)
    return "\n".join(out)


def split_front_matter(text: str, name: str) -> tuple[str, int, int]:
    """(front matter text, line offset of its first line - 1, index of first body line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise DraftError.of("draft-no-front-matter", name, 1)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), 1, i + 1
    raise DraftError.of("draft-front-matter-unclosed", name, 1)



def _is_setext_text(lines: list[str], j: int, start: int) -> bool:
    text = lines[j].strip()
    if not text or atx_heading(lines[j]) or text.startswith(("|", "-", "*", "+", ">", "<")):
        return False
    return j == start or not lines[j - 1].strip()


def fence_opens(line: str) -> str | None:
    """The fence (```` ``` ```` or ``~~~``, as long as written) a line opens, if any."""
    m = _FENCE.match(line)
    return m.group(1) if m else None


def fence_closes(line: str, fence: str) -> bool:
    """A closing fence: the same character, at least as long, nothing after it."""
    text = line.strip()
    return len(text) >= len(fence) and set(text) == {fence[0]} and len(line) - len(line.lstrip()) <= 3


def _ends_in_comment(line: str, in_comment: bool) -> bool:
    """Whether an HTML comment is still open at the end of ``line``."""
    pos = 0
    while True:
        if in_comment:
            end = line.find("-->", pos)
            if end == -1:
                return True
            pos, in_comment = end + 3, False
        else:
            begin = line.find("<!--", pos)
            if begin == -1:
                return False
            pos, in_comment = begin + 4, True


def find_headings(lines: list[str], start: int, name: str = "") -> list[Heading]:
    """Headings from line index ``start`` on, with their body ranges; more
    than :data:`~toolkit.drafts.model.MAX_HEADINGS` are refused (as file ``name``)."""
    found: list[tuple[str, int, int, int]] = []  # text, level, heading index, body start
    fence: str | None = None
    in_comment = False
    prev_blank = True
    for i in range(start, len(lines)):
        line = lines[i]
        if fence is not None:
            if fence_closes(line, fence):
                fence = None
            prev_blank = False
            continue
        if in_comment:
            in_comment = _ends_in_comment(line, True)
            continue
        # a heading, a fence and a setext underline all start (after at most
        # three spaces) with one of these characters: other lines skip the expressions
        first = line.lstrip(" ")[:1]
        if first not in _MARKS:
            in_comment = "<!--" in line and _ends_in_comment(line, False)
            prev_blank = not line.strip()
            continue
        opened = fence_opens(line)
        if opened:
            fence = opened
            continue
        in_comment = _ends_in_comment(line, False)
        atx = atx_heading(line)
        if atx:
            count_heading(len(found), name, i + 1)
            found.append((atx[1].strip(), len(atx[0]), i, i + 1))
            prev_blank = False
            continue
        s = _SETEXT.match(line)
        if s and not prev_blank and _is_setext_text(lines, i - 1, start):
            # the previous line is a one-line paragraph underlined into a heading
            count_heading(len(found), name, i)
            found.append((lines[i - 1].strip(), 1 if s.group(1)[0] == "=" else 2, i - 1, i + 1))
            prev_blank = False
            continue
        prev_blank = not line.strip()
    headings = []
    for n, (text, level, idx, body) in enumerate(found):
        end = found[n + 1][2] if n + 1 < len(found) else len(lines)
        headings.append(Heading(text, level, idx + 1, body, end))
    return headings


def parse_markdown(text: str, path: Path, name: str | None = None, default_conditions: str | None = None) -> Draft:
    """Parse draft text (already decoded) into a :class:`Draft`.

    ``default_conditions`` is the decision's id to use when the front matter
    names none (``--conditions`` on the command line).
    """
    name = name or str(path)
    fm_text, offset, body_start = split_front_matter(text, name)
    doc = load_yaml(fm_text, name, line_offset=offset)
    values_as_written(doc.data, doc)
    supplied = supply_conditions(doc.data, default_conditions)
    meta = validate_front_matter(doc.data, doc, name)
    lines = text.split("\n")
    sources = {str(k): FigureSource("" if v is None else str(v)) for k, v in (meta.get("figures") or {}).items()}
    return Draft(path, name, meta, doc, lines, find_headings(lines, body_start, name), body_start,
                 figure_sources=sources, conditions_supplied=supplied)
