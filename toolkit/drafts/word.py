"""Read a Word draft (``.docx``) into the same :class:`~toolkit.draft.Draft` as
a Markdown draft, so checking, rendering and converting work unchanged.

What is read (the README's "Word-utkast" says the same for writers):

* **Sections** start at paragraphs with a heading style at any level: Word's
  built-in "Heading 1".."Heading 9" ("Rubrik 1".. in Swedish Word), a custom
  style based on one of them (``style.base_style`` is followed), or an outline
  level (``w:outlineLvl``) set on the paragraph or its style. Outline level
  "body text" switches a heading style off. The Title style ("Rubrik" in
  Swedish Word) is the document's title, not a section.
* **Metadata** (``conditions``, ``region``, ``diarienummer``, ``datum``,
  ``kontaktperson``, ``mottagare``) comes from a *facts table*: the first table
  before the first heading whose first column names them (Swedish labels too:
  "villkorsbeslut", "region", "diarienummer", "datum", "kontaktperson"). Where
  the table has no value, the document's custom properties (same names) and
  then its core properties are used: Categories → ``conditions``, Subject →
  ``region``, Title → ``title``. The result is validated like front matter.
* **Figures** come from table rows whose first cell is a figure's label, alias
  or id (compared like headings) and whose next cell holds the amount. A table
  made only of such rows (and a header row) is data, like front matter: it is
  left out of the section's text.

``Draft.lines`` holds the document as Markdown, one block per Word paragraph
(a heading becomes ``## Title``, a list item ``- item``, a table Markdown
rows), and ``Draft.locations`` the paragraph number each line came from, so
``Heading.line`` and every finding's line are paragraph numbers ("stycke 14").
Paragraphs are counted from the top of the document; empty paragraphs are not
counted and a table counts as one.

Files that are not Word documents, damaged, encrypted, in the old ``.doc``
format, too large when unpacked, or empty are refused with a
:class:`~toolkit.errors.DraftError` that says which.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.decisions.model import Conditions
from toolkit.drafts.frontmatter import validate_front_matter
from toolkit.drafts.model import DecisionFor, Draft, Heading, count_heading
from toolkit.errors import DraftError, Problem, VillkorError
from toolkit.read.files import OLE_MAGIC, ZIP_MAGIC, read_bytes
from toolkit.read.text import normalise
from toolkit.read.yamldoc import YamlDoc

#: Most bytes a Word file may unpack to, counted as they are unpacked (the
#: sizes a zip declares may lie). Real reports with pictures stay far below;
#: a "zip bomb" unpacks to gigabytes.
MAX_UNPACKED = 200 * 1024 * 1024
#: Most bytes of XML (the text, styles and properties python-docx parses
#: into memory, at up to fifteen times their size) a Word file may unpack
#: to. A long report has a megabyte or two.
MAX_XML = 16 * 1024 * 1024
#: Most paragraphs and tables a Word draft's body may hold: some 1,500 pages.
MAX_PARAGRAPHS = 50_000
#: Most members a Word file's zip may hold.
MAX_MEMBERS = 5_000

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_MAIN_TYPES = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

#: Facts-table labels (normalised) and the front-matter key each one fills.
FACT_LABELS: dict[str, str] = {
    "conditions": "conditions",
    "villkorsbeslut": "conditions",
    "villkorsbeslut id": "conditions",
    "region": "region",
    "diarienummer": "diarienummer",
    "dnr": "diarienummer",
    "datum": "datum",
    "date": "datum",
    "kontaktperson": "kontaktperson",
    "contact": "kontaktperson",
    "mottagare": "mottagare",
    "recipient": "mottagare",
}
#: Core properties (Word: File > Info > Properties) used when no table gives the value.
CORE_PROPERTIES = (("category", "conditions"), ("subject", "region"), ("title", "title"))

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|rubrik)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list|punktlista|numrerad lista|lista)\b", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"number|numrerad", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SKIP_RUN_IN = {f"{{{_W}}}{tag}" for tag in ("del", "moveFrom", "txbxContent")}


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


# --------------------------------------------------------------------------
# Opening the file: refuse what is not a readable Word document, by name


def _refuse(key: str, name: str, **params: Any) -> DraftError:
    return DraftError(Problem(key, params, name))


def open_document(path: Path, name: str) -> Any:
    """A python-docx ``Document`` for ``path`` and its zip (for the custom
    properties), or a :class:`DraftError` saying why it cannot be read."""
    data = read_bytes(path)
    if not data.strip():
        raise _refuse("docx-empty", name)
    if data.startswith(OLE_MAGIC):
        # an encrypted OOXML file is an OLE container with an EncryptionInfo stream
        raise _refuse("docx-encrypted" if _ENCRYPTION_INFO in data else "docx-legacy-doc", name)
    if not data.startswith(ZIP_MAGIC):
        raise _refuse("docx-not-zip", name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse("docx-damaged", name) from None
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise _refuse("docx-unpacked-too-large", name, limit_mb=MAX_UNPACKED // 1048576)
    _unpack_within_limits(zf, members, name)
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names:
        raise _refuse("docx-not-document", name)
    try:
        types = zf.read("[Content_Types].xml")
        if any(t in types for t in _MAIN_TYPES):
            # macro-enabled documents and templates hold the same text; read
            # them as a plain document (nothing is run, nothing is written)
            data = _retype(zf, types)
        from docx import Document

        return Document(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(data))
    except VillkorError:
        raise
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise _refuse("docx-not-document", name) from None
        raise _refuse("docx-damaged", name) from None
    except Exception:  # python-docx and lxml raise many kinds on a broken part
        raise _refuse("docx-damaged", name) from None


def _unpack_within_limits(zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], name: str) -> None:
    """Unpack every member once, a megabyte at a time, counting the bytes that
    really come out; refuse the file before python-docx reads it when they
    pass :data:`MAX_UNPACKED` (or :data:`MAX_XML` for the XML parts), or
    differ from what the zip's directory declares.

    The directory's sizes cannot be trusted: unpacking a member whole
    inflates all of it in memory before its declared size is looked at, so a
    1 MB file that declares a kilobyte could take gigabytes.
    """
    left = {"all": MAX_UNPACKED, "xml": MAX_XML}
    for m in members:
        xml = m.filename.endswith((".xml", ".rels"))
        room = min(left["all"], left["xml"]) if xml else left["all"]
        # zipfile stops at the declared size (and checks the CRC there): let
        # it go a chunk past the room left, so that it is this loop that stops
        chunk_size = 1 << 20
        probe = copy.copy(m)
        probe.file_size = room + chunk_size + 2
        got = 0
        try:
            with zf.open(probe) as fh:
                while chunk := fh.read(chunk_size):
                    got += len(chunk)
                    if got > room:
                        if xml and left["xml"] < left["all"]:
                            raise _refuse("docx-xml-too-large", name, limit_mb=MAX_XML // 1048576)
                        raise _refuse("docx-unpacked-too-large", name, limit_mb=MAX_UNPACKED // 1048576)
        except VillkorError:
            raise
        except RuntimeError:  # a member encrypted with a zip password
            raise _refuse("docx-damaged", name) from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
            raise _refuse("docx-damaged", name) from None
        if got != m.file_size:  # the directory lies about this member
            raise _refuse("docx-damaged", name)
        left["all"] -= got
        if xml:
            left["xml"] -= got


def _retype(zf: zipfile.ZipFile, types: bytes) -> bytes:
    for t in _MAIN_TYPES:
        types = types.replace(t, _DOCX_MAIN)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for m in zf.infolist():
            new.writestr(m.filename, types if m.filename == "[Content_Types].xml" else zf.read(m.filename))
    return out.getvalue()


# --------------------------------------------------------------------------
# Paragraphs: heading levels, list items and text with bold and italic


def _val(el: Any) -> str | None:
    return None if el is None else el.get(_q("val"))


def _outline_level(ppr: Any) -> int | None:
    if ppr is None:
        return None
    value = _val(ppr.find(_q("outlineLvl")))
    return int(value) if value is not None and value.isdigit() else None


def _style_chain(style: Any) -> Iterator[Any]:
    seen: set[int] = set()
    while style is not None and id(style.element) not in seen and len(seen) < 20:
        seen.add(id(style.element))
        yield style
        style = style.base_style


def _style_kind(paragraph: Any) -> tuple[str, int, bool]:
    """What the paragraph's style (and the styles it is based on) makes it."""
    try:
        style = paragraph.style
    except Exception:  # a style id that the styles part does not define
        style = None
    list_style = False
    numbered = False
    for st in _style_chain(style):
        numbered = numbered or bool(_NUMBERED_STYLE.search(st.name or ""))
        for label in (st.name or "", st.style_id or ""):
            m = _HEADING_STYLE.match(label.strip())
            if m:
                return "heading", int(m.group(1)), numbered
            if _TITLE_STYLE.match(label.strip()):
                return "title", 0, numbered
            if _LIST_STYLE.match(label.strip()):
                list_style = True
        level = _outline_level(st.element.find(_q("pPr")))
        if level is not None:
            return ("heading", level + 1, numbered) if level < 9 else ("text", 0, numbered)
    return ("list" if list_style else "text"), 0, numbered


def block_kind(paragraph: Any, cache: dict[str | None, tuple[str, int, bool]] | None = None) -> tuple[str, int]:
    """("heading", level), ("title", 0), ("list", depth) or ("text", 0).

    ``cache`` keeps what each style id means: python-docx looks a style up
    by scanning all styles, which would make a long document slow.
    """
    ppr = paragraph._p.pPr
    level = _outline_level(ppr)
    if level is not None:
        return ("heading", level + 1) if level < 9 else ("text", 0)
    cache = {} if cache is None else cache
    key = paragraph._p.style
    if key not in cache:
        cache[key] = _style_kind(paragraph)
    kind, level, _ = cache[key]
    if kind in ("heading", "title"):
        return kind, level
    numpr = ppr.find(_q("numPr")) if ppr is not None else None
    if numpr is not None:
        depth = _val(numpr.find(_q("ilvl")))
        return "list", int(depth) if depth and depth.isdigit() else 0
    return kind, 0


def _is_numbered(paragraph: Any, cache: dict[str | None, tuple[str, int, bool]]) -> bool:
    if cache.get(paragraph._p.style, ("", 0, False))[2]:
        return True
    ppr = paragraph._p.pPr
    numpr = ppr.find(_q("numPr")) if ppr is not None else None
    if numpr is None:
        return False
    try:
        numbering = paragraph.part.numbering_part.element
        num_id, ilvl = _val(numpr.find(_q("numId"))), _val(numpr.find(_q("ilvl"))) or "0"
        for num in numbering.findall(_q("num")):
            if num.get(_q("numId")) == num_id:
                abstract = _val(num.find(_q("abstractNumId")))
                for an in numbering.findall(_q("abstractNum")):
                    if an.get(_q("abstractNumId")) == abstract:
                        for lvl in an.findall(_q("lvl")):
                            if lvl.get(_q("ilvl")) == ilvl:
                                return _val(lvl.find(_q("numFmt"))) not in (None, "bullet", "none")
    except Exception:  # no numbering part, or a malformed one: a bullet is a fair guess
        return False
    return False


_R, _RPR, _T, _TAB, _NO_BREAK_HYPHEN, _VAL, _TYPE = (_q(tag) for tag in ("r", "rPr", "t", "tab", "noBreakHyphen", "val", "type"))
_BREAKS = (_q("br"), _q("cr"))
_BOLD, _ITALIC = _q("b"), _q("i")


def _bold_italic(rpr: Any) -> tuple[bool, bool]:
    """Whether run properties make a run bold and italic. Their children are
    walked rather than searched with ``find``, which costs ten times more."""
    bold = italic = None
    if rpr is not None:
        for child in rpr:
            if child.tag == _BOLD and bold is None:
                bold = child.get(_VAL) not in ("0", "false", "off")
            elif child.tag == _ITALIC and italic is None:
                italic = child.get(_VAL) not in ("0", "false", "off")
    return bool(bold), bool(italic)


Segments = list[tuple[str, bool, bool]]


def segments(p_el: Any) -> Segments:
    """(text, bold, italic) of the paragraph's runs, deleted text left out;
    neighbouring runs of the same kind are one segment."""
    out: list[tuple[list[str], bool, bool]] = []
    for r in p_el.iter(_R):
        parent, skip = r.getparent(), False
        while parent is not None and parent is not p_el:
            if parent.tag in _SKIP_RUN_IN:
                skip = True
                break
            parent = parent.getparent()
        if skip:
            continue
        rpr = None
        parts = []
        for child in r:
            tag = child.tag
            if tag == _RPR:
                rpr = child if rpr is None else rpr
            elif tag == _T:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append(" ")
            elif tag in _BREAKS and child.get(_TYPE) in (None, "textWrapping"):
                parts.append("\n")
            elif tag == _NO_BREAK_HYPHEN:
                parts.append("-")
        text = "".join(parts)
        if not text:
            continue
        bold, italic = _bold_italic(rpr)
        if out and out[-1][1] == bold and out[-1][2] == italic:
            out[-1][0].append(text)  # joined once at the end: adding run by run was quadratic
        else:
            out.append(([text], bold, italic))
    return [("".join(texts), bold, italic) for texts, bold, italic in out]


def plain_text(p_el: Any, segs: Segments | None = None) -> str:
    """The paragraph's text as the writer sees it, on one line."""
    return " ".join("".join(s[0] for s in (segments(p_el) if segs is None else segs)).split())


_INLINE_ESCAPE = re.compile(r"([\\`*_])")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z!/?])")
_BLOCK_START = re.compile(r"^(#|>|[-+*](?=\s|$)|`{3}|~{3}|\||[-=]+\s*$)")
_ORDERED_START = re.compile(r"^(\d+)([.)])(?=\s|$)")


def _escape(text: str) -> str:
    return _TAG_LIKE.sub("&lt;", _INLINE_ESCAPE.sub(r"\\\1", text))


def markdown_text(p_el: Any, segs: Segments | None = None) -> list[str]:
    """The paragraph as Markdown lines: bold and italic kept, Markdown syntax escaped."""
    pieces = []
    for text, bold, italic in segments(p_el) if segs is None else segs:
        mark = ("**" if bold else "") + ("*" if italic else "")
        for n, chunk in enumerate(text.split("\n")):
            if n:
                pieces.append("\n")
            core = chunk.strip()
            if not core:
                pieces.append(" " if chunk else "")
                continue
            lead = " " if chunk[:1].isspace() else ""
            trail = " " if chunk[-1:].isspace() else ""
            pieces.append(f"{lead}{mark}{_escape(core)}{mark[::-1]}{trail}")
    lines = []
    for line in "".join(pieces).split("\n"):
        line = " ".join(line.split())
        if line:
            line = _BLOCK_START.sub(r"\\\1", line)
            line = _ORDERED_START.sub(r"\1\\\2", line)
            lines.append(line)
    # a soft line break inside a paragraph stays a line break
    return [line + "  " if i < len(lines) - 1 else line for i, line in enumerate(lines)]


# --------------------------------------------------------------------------
# The document as blocks


@dataclass
class Block:
    kind: str  # heading, title, list, text, table
    location: int
    level: int = 0
    text: str = ""
    lines: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    numbered: bool = False


def _body_elements(container: Any) -> Iterator[Any]:
    for el in container:
        if el.tag in (_q("p"), _q("tbl")):
            yield el
        elif el.tag == _q("sdt"):
            content = el.find(_q("sdtContent"))
            if content is not None:
                yield from _body_elements(content)
        elif el.tag == _q("customXml"):
            yield from _body_elements(el)


def _rows(table: Any) -> list[list[str]]:
    rows = []
    for tr in table._tbl.tr_lst:
        cells = []
        for tc in tr.tc_lst:
            texts = (plain_text(p) for p in tc.iter(_q("p")))
            cells.append(" ".join(text for text in texts if text))
        if any(cells):
            rows.append(cells)
    return rows


def read_blocks(document: Any, name: str = "") -> list[Block]:
    """Every non-empty paragraph and table of the body, numbered from 1."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    blocks: list[Block] = []
    styles: dict[str | None, tuple[str, int, bool]] = {}
    body = document.element.body
    for n, _ in enumerate(_body_elements(body), 1):  # counted first: reading them is what takes time
        if n > MAX_PARAGRAPHS:
            raise DraftError(Problem("docx-too-many-paragraphs", {"limit": f"{MAX_PARAGRAPHS:,}".replace(",", "\u00a0")},
                                     name, None, "paragraph"))
    for el in _body_elements(body):
        if el.tag == _q("tbl"):
            rows = _rows(Table(el, document._body))
            if rows:
                blocks.append(Block("table", len(blocks) + 1, rows=rows))
            continue
        para = Paragraph(el, document._body)
        segs = segments(el)
        text = plain_text(el, segs)
        if not text:
            continue
        kind, level = block_kind(para, styles)
        block = Block(kind, len(blocks) + 1, level, text)
        if kind == "list":
            block.numbered = _is_numbered(para, styles)
        if kind in ("text", "list"):
            block.lines = markdown_text(el, segs)
        blocks.append(block)
    return blocks


# --------------------------------------------------------------------------
# Metadata and figures


def _cell_value(key: str, text: str) -> Any:
    text = text.strip()
    if not text:
        return None
    if key == "datum" and _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    return text


def _facts_table(blocks: list[Block]) -> Block | None:
    for b in blocks:
        if b.kind == "heading":
            return None
        if b.kind == "table":
            if all(len(r) >= 2 for r in b.rows) and any(normalise(r[0]) in FACT_LABELS for r in b.rows):
                return b
            return None
    return None


def _custom_properties(zf: zipfile.ZipFile) -> dict[str, str]:
    """Custom document properties (Word: Properties > Advanced > Custom), by name."""
    try:
        raw = zf.read("docProps/custom.xml")
    except KeyError:
        return {}
    from lxml import etree

    try:
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}
    out = {}
    for prop in root:
        name = prop.get("name")
        if name and len(prop):
            out[name] = (prop[0].text or "").strip()
    return out


def read_metadata(document: Any, zf: zipfile.ZipFile, blocks: list[Block]) -> tuple[dict[str, Any], dict[tuple[Any, ...], int], Block | None]:
    """Front-matter-equivalent metadata, the paragraph of each value, and the facts table."""
    meta: dict[str, Any] = {}
    lines: dict[tuple[Any, ...], int] = {}
    core = document.core_properties
    for prop, key in CORE_PROPERTIES:
        value = (getattr(core, prop, "") or "").strip()
        if value:
            meta[key] = value
            lines[(key,)] = 1
    for label, value in _custom_properties(zf).items():
        key = FACT_LABELS.get(normalise(label))
        if key and value:
            meta[key] = _cell_value(key, value)
            lines[(key,)] = 1
    table = _facts_table(blocks)
    if table is not None:
        lines[()] = table.location
        for row in table.rows:
            key = FACT_LABELS.get(normalise(row[0]))
            if key is None:
                continue  # a figure's row, or a label the front matter does not know
            value = _cell_value(key, row[1])
            if value is not None or key not in meta:
                meta[key] = value
            lines[(key,)] = table.location
    return meta, lines, table


def _unknown_facts(facts: Block | None, names: dict[str, str]) -> dict[str, str]:
    """Facts-table rows that name neither a fact nor a figure: unknown keys."""
    if facts is None:
        return {}
    out = {}
    for row in facts.rows:
        label = normalise(row[0])
        if label not in FACT_LABELS and label not in names:
            out[label.replace(" ", "_") or "?"] = row[1]
    return out


def _figure_names(decision: Conditions | None) -> dict[str, str]:
    """Normalised label, alias and id of each of the decision's figures → its id."""
    names: dict[str, str] = {}
    for f in decision.figures if decision is not None else ():
        for text in (f.id, f.label, *f.aliases):
            names.setdefault(normalise(text), f.id)
    return names


def read_figures(blocks: list[Block], names: dict[str, str], name: str) -> tuple[dict[str, str], dict[str, int], set[int]]:
    """Figures from table rows, the paragraph of each, and the tables that are only figures."""
    figures: dict[str, str] = {}
    where: dict[str, int] = {}
    data_tables: set[int] = set()
    problems = []
    for b in blocks:
        if b.kind != "table" or not names:
            continue
        hits = set()
        for n, row in enumerate(b.rows):
            fid = names.get(normalise(row[0]))
            if fid is None or len(row) < 2:
                continue
            hits.add(n)
            value = row[1].strip()
            if fid in figures and figures[fid] != value:
                problems.append(Problem("docx-figure-twice", {"label": row[0], "first": where[fid]}, name, b.location, "paragraph"))
            elif fid not in figures:
                figures[fid], where[fid] = value, b.location
        if hits and hits >= set(range(1, len(b.rows))):
            # only figures, under at most a header row: data, not text
            data_tables.add(b.location)
    if problems:
        raise DraftError(problems)
    return figures, where, data_tables


# --------------------------------------------------------------------------
# Markdown lines with paragraph numbers


def _table_lines(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)

    def cells(r: list[str]) -> str:
        padded = [_escape(c).replace("|", "\\|") for c in r] + [""] * (width - len(r))
        return "| " + " | ".join(padded) + " |"

    return [cells(rows[0]), "|" + "---|" * width, *(cells(r) for r in rows[1:])]


def build_lines(blocks: list[Block], skip: set[int], name: str = "") -> tuple[list[str], list[int], list[Heading], int | None]:
    """Markdown lines, the paragraph number of each, the headings with their
    spans, and the index of the title's line (if the document has one)."""
    lines: list[str] = []
    locations: list[int] = []
    found: list[tuple[str, int, int, int]] = []  # text, level, location, line index
    shift = 1 if any(b.kind == "title" for b in blocks) else 0

    def add(text: str, location: int) -> None:
        lines.append(text)
        locations.append(location)

    prev: tuple[str, bool] | None = None
    title: int | None = None
    for b in blocks:
        if b.location in skip:
            continue
        if lines and not (b.kind == "list" and prev == ("list", b.numbered)):
            add("", locations[-1])
        if b.kind == "title":
            title = len(lines) if title is None else title
            add(f"# {b.text}", b.location)
        elif b.kind == "heading":
            level = min(6, b.level + shift)
            count_heading(len(found), name, b.location, "paragraph")
            found.append((b.text, level, b.location, len(lines)))
            add(f"{'#' * level} {b.text}", b.location)
        elif b.kind == "list":
            marker = "1." if b.numbered else "-"
            indent = "    " * min(b.level, 5)
            for n, line in enumerate(b.lines):
                add(f"{indent}{marker} {line}" if n == 0 else f"{indent}    {line}", b.location)
        elif b.kind == "table":
            for line in _table_lines(b.rows):
                add(line, b.location)
        else:
            for line in b.lines:
                add(line, b.location)
        prev = (b.kind, b.numbered)
    headings = []
    for n, (text, level, location, index) in enumerate(found):
        end = found[n + 1][3] if n + 1 < len(found) else len(lines)
        headings.append(Heading(text, level, location, index + 1, end, index))
    return lines, locations, headings, title


def parse_docx(path: str | Path, name: str | None = None, decision_for: DecisionFor | None = None) -> Draft:
    """Read a Word draft into a :class:`~toolkit.drafts.model.Draft` (``kind="docx"``).

    Figure rows are recognised by the figures of the decision that
    ``decision_for`` gives for the document's own ``conditions`` (the caller
    decides: the check passes the decision it checks against). Without it,
    no table row is read as a figure.
    """
    p = Path(path)
    name = name or str(path)
    document, zf = open_document(p, name)
    try:
        blocks = read_blocks(document, name)
    except VillkorError:
        raise
    except Exception:  # a part python-docx cannot make sense of
        raise _refuse("docx-damaged", name) from None
    if not blocks:
        raise _refuse("docx-empty", name)
    meta, where, facts = read_metadata(document, zf, blocks)
    if facts is None and "conditions" not in meta and "region" not in meta:
        raise _refuse("docx-no-facts", name)
    names = _figure_names(decision_for(meta.get("conditions")) if decision_for else None)
    figures, figure_where, data_tables = read_figures(blocks, names, name)
    for key, value in _unknown_facts(facts, names).items():
        meta.setdefault(key, value)
        where[(key,)] = facts.location if facts else 1
    if figures:
        meta["figures"] = figures
        where[("figures",)] = min(figure_where.values())
        for fid, location in figure_where.items():
            where[("figures", fid)] = location
    doc = YamlDoc(meta, where, facts.location if facts else 1)
    try:
        meta = validate_front_matter(meta, doc, name)
    except DraftError as exc:
        for problem in exc.problems:
            problem.unit = "paragraph"
        raise
    skip = data_tables | ({facts.location} if facts else set())
    lines, locations, headings, title = build_lines(blocks, skip, name)
    return Draft(p, name, meta, doc, lines, headings, 0, kind="docx", unit="paragraph", locations=locations,
                 title_index=title)
