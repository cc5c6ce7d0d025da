"""Parse a Markdown draft: YAML front matter, then sections under headings.

A draft is Markdown with YAML front matter (``conditions``, ``region``,
``figures`` and optional metadata; see ``schemas/draft.yaml``). Any ATX
(``#``..``######``) or setext heading starts a section; headings inside fenced
code blocks do not, and text inside HTML comments is not the writer's text.
Every heading keeps its line number, and every front-matter value its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit import PROJECT_ROOT
from toolkit.errors import DraftError
from toolkit.inputs import read_text
from toolkit.yamlload import YamlDoc, load_yaml

SCHEMA_FILE = PROJECT_ROOT / "schemas" / "draft.yaml"

# a non-breaking space after the hashes is taken as a space: Word pastes them
#: Files read as Word drafts (the old .doc format is refused there by name).
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm", ".doc")
#: Files a folder is searched for by ``villkor summary``.
DRAFT_SUFFIXES = (".md", ".markdown", ".docx", ".docm")

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t\u00a0]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
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


def strip_comments(text: str) -> str:
    """Remove HTML comments, keeping their line breaks so lines still count."""
    if "<!--" not in text:
        return text
    return _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)


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
            h = _ATX.match(line)
            if h:
                hashes = h.group(1)
                level = min(6, max(new_level + 1, len(hashes) + shift))
                line = line.replace(hashes, "#" * level, 1)
        out.append(line)
    return "\n".join(out)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def split_front_matter(text: str, name: str) -> tuple[str, int, int]:
    """(front matter text, line offset of its first line - 1, index of first body line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise DraftError.of("draft-no-front-matter", name, 1)
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return "\n".join(lines[1:i]), 1, i + 1
    raise DraftError.of("draft-front-matter-unclosed", name, 1)


_SCHEMA: dict[str, Any] | None = None


def front_matter_schema() -> dict[str, Any]:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = load_yaml(read_text(SCHEMA_FILE), str(SCHEMA_FILE)).data
    return _SCHEMA


_VALIDATOR: Any = None


def _front_matter_validator() -> Any:
    """One validator for every draft: building one checks the schema, which
    costs more than validating a front matter (it matters for batches)."""
    global _VALIDATOR
    if _VALIDATOR is None:
        import cerberus

        class FrontMatterValidator(cerberus.Validator):  # type: ignore[misc]
            # an id is text or a whole number such as 2017, never true/false
            types_mapping = {**cerberus.Validator.types_mapping,
                             "id": cerberus.TypeDefinition("id", (str, int), (bool,))}

        _VALIDATOR = FrontMatterValidator(front_matter_schema())
    return _VALIDATOR


def validate_front_matter(meta: Any, doc: YamlDoc, name: str) -> dict[str, Any]:
    """Check the front matter's shape; raise :class:`DraftError` with every problem."""
    if meta is None:
        raise DraftError.of("draft-front-matter-empty", name, doc.first_line)
    if not isinstance(meta, dict):
        raise DraftError.of("draft-front-matter-not-mapping", name, doc.first_line)
    schema = front_matter_schema()
    v = _front_matter_validator()
    if not v.validate(meta, normalize=False):
        from toolkit.cerberus_errors import to_problems

        raise DraftError(to_problems(v._errors, doc, name, schema))
    return meta


def _is_setext_text(lines: list[str], j: int, start: int) -> bool:
    text = lines[j].strip()
    if not text or _ATX.match(lines[j]) or text.startswith(("|", "-", "*", "+", ">", "<")):
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


def find_headings(lines: list[str], start: int) -> list[Heading]:
    """Headings from line index ``start`` on, with their body ranges."""
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
        opened = fence_opens(line)
        if opened:
            fence = opened
            continue
        in_comment = _ends_in_comment(line, False)
        m = _ATX.match(line)
        if m:
            found.append(((m.group(2) or "").strip(), len(m.group(1)), i, i + 1))
            prev_blank = False
            continue
        s = _SETEXT.match(line)
        if s and not prev_blank and _is_setext_text(lines, i - 1, start):
            # the previous line is a one-line paragraph underlined into a heading
            found.append((lines[i - 1].strip(), 1 if s.group(1)[0] == "=" else 2, i - 1, i + 1))
            prev_blank = False
            continue
        prev_blank = not line.strip()
    headings = []
    for n, (text, level, idx, body) in enumerate(found):
        end = found[n + 1][2] if n + 1 < len(found) else len(lines)
        headings.append(Heading(text, level, idx + 1, body, end))
    return headings


def parse_markdown(text: str, path: Path, name: str | None = None) -> Draft:
    """Parse draft text (already decoded) into a :class:`Draft`."""
    name = name or str(path)
    fm_text, offset, body_start = split_front_matter(text, name)
    doc = load_yaml(fm_text, name, line_offset=offset)
    meta = validate_front_matter(doc.data, doc, name)
    lines = text.split("\n")
    return Draft(path, name, meta, doc, lines, find_headings(lines, body_start), body_start)


def parse_draft(path: str | Path, name: str | None = None) -> Draft:
    """Read and parse a draft file; Word files go to :mod:`toolkit.docx_reader`."""
    p = Path(path)
    if p.suffix.lower() in WORD_SUFFIXES:
        from toolkit.docx_reader import parse_docx

        return parse_docx(p, name or str(path))
    return parse_markdown(read_text(p), p, name or str(path))
