"""Build Word drafts for the tests with python-docx (in ``tmp_path``).

:func:`markdown_to_docx` turns a Markdown draft into the equivalent Word
draft the way a case officer would write it: the title in the Title style, a
facts table, headings in heading styles, paragraphs with italics, and the
figures in a table under the section they belong to.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from toolkit.decisions.load import load_conditions
from toolkit.drafts.markdown import parse_markdown

_ITALIC = re.compile(r"\*([^*]+)\*")


def add_text(doc: Any, text: str, style: str | None = None) -> Any:
    """A paragraph whose ``*italic*`` parts become italic runs."""
    p = doc.add_paragraph(style=style)
    pos = 0
    for m in _ITALIC.finditer(text):
        if m.start() > pos:
            p.add_run(text[pos : m.start()])
        p.add_run(m.group(1)).italic = True
        pos = m.end()
    if pos < len(text):
        p.add_run(text[pos:])
    return p


def add_table(doc: Any, rows: list[tuple[str, str]]) -> Any:
    table = doc.add_table(rows=0, cols=2)
    for a, b in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = a, str(b)
    return table


def swedish_heading_styles(doc: Any, levels: int = 3) -> Callable[[int], str]:
    """Styles named as in Swedish Word ("Rubrik 1" ...), based on the English ones."""
    for n in range(1, levels + 1):
        style = doc.styles.add_style(f"Rubrik {n}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[f"Heading {n}"]
    return lambda level: f"Rubrik {level}"


def set_outline_level(paragraph: Any, level: int) -> None:
    """``w:outlineLvl`` (0 = level 1) directly in the paragraph's properties."""
    ppr = paragraph._p.get_or_add_pPr()
    el = OxmlElement("w:outlineLvl")
    el.set(qn("w:val"), str(level))
    ppr.append(el)


def markdown_to_docx(md: Path, out: Path, heading_style: Callable[[Any], Callable[[int], str]] | None = None,
                     facts: bool = True, title_style: bool = True) -> Path:
    """Write the Word version of the Markdown draft ``md`` to ``out``."""
    draft = parse_markdown(md.read_text(encoding="utf-8"), md)
    decision = load_conditions(str(draft.meta["conditions"]))
    doc = docx.Document()
    style_for = heading_style(doc) if heading_style else (lambda level: f"Heading {level}")
    body = draft.lines[draft.body_start :]
    paragraphs: list[tuple[str, Any]] = []  # ("h", (level, text)) or ("p", text)
    buf: list[str] = []
    for line in body + [""]:
        m = re.match(r"^(#{1,6})\s+(.*)$", line)
        if m or not line.strip():
            if buf:
                paragraphs.append(("p", " ".join(buf)))
                buf = []
            if m:
                paragraphs.append(("h", (len(m.group(1)), m.group(2).strip())))
        else:
            buf.append(line.strip())
    fig_labels = {f.id: f.label for f in decision.figures}
    fig_section = {f.id: f.section for f in decision.figures}
    has_title = title_style and bool(paragraphs) and paragraphs[0][0] == "h" and paragraphs[0][1][0] == 1
    shift = 1 if has_title else 0
    current_section = None
    for n, (kind, value) in enumerate(paragraphs):
        if n == 0 and has_title:
            doc.add_paragraph(value[1], style="Title")
        elif kind == "h":
            level, text = value
            if current_section is not None:
                _figures_here(doc, draft, fig_labels, fig_section, current_section)
            doc.add_paragraph(text, style=style_for(level - shift))
            current_section = text
        else:
            add_text(doc, value)
        if facts and has_title and n == 0:
            _facts(doc, draft)
    if facts and not has_title:
        # the facts table goes before the first heading
        body_el = doc.element.body
        table = _facts(doc, draft)
        first = next(iter(body_el))
        first.addprevious(table._tbl)
    if current_section is not None:
        _figures_here(doc, draft, fig_labels, fig_section, current_section)
    doc.save(out)
    return out


def _facts(doc: Any, draft: Any) -> Any:
    rows = [("Villkorsbeslut", draft.meta["conditions"]), ("Region", draft.meta["region"])]
    for key in ("diarienummer", "datum", "kontaktperson"):
        if key in draft.meta:
            rows.append((key.capitalize(), draft.meta[key]))
    return add_table(doc, rows)


def _figures_here(doc: Any, draft: Any, labels: dict[str, str], sections: dict[str, str | None], heading: str) -> None:
    """The figures table at the end of the section named by ``heading``."""
    from toolkit.checking.matching import Matcher

    conditions = load_conditions(str(draft.meta["conditions"]))
    section = Matcher(conditions).match(heading).section
    rows = [(labels[fid], value) for fid, value in draft.figures.items() if section and sections.get(fid) == section.id]
    if rows:
        add_table(doc, [("Nyckeltal", "Belopp"), *rows])


def assert_valid_docx(path: Path) -> Any:
    """The file is a Word document Word would open: python-docx reopens it and
    every XML part of its zip is well-formed. Returns the reopened document."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        names = zf.namelist()
        assert "[Content_Types].xml" in names and "word/document.xml" in names
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))  # raises on anything malformed
    return docx.Document(str(path))


def paragraphs_by_style(doc: Any) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, tables left out."""
    return [(p.style.name, p.text) for p in doc.paragraphs]


def declared_size(data: bytes, name: str, size: int) -> bytes:
    """``data`` with the zip directory's unpacked size of ``name`` set to ``size``."""
    raw = bytearray(data)
    i = 0
    while (i := raw.find(b"PK\x01\x02", i)) >= 0:
        n = struct.unpack_from("<H", raw, i + 28)[0]
        if bytes(raw[i + 46 : i + 46 + n]) == name.encode():
            extra = struct.unpack_from("<H", raw, i + 30)[0]
            struct.pack_into("<I", raw, i + 24, size)
            # a zip64 record, when there is one, carries the real size
            j = i + 46 + n
            while j < i + 46 + n + extra:
                tag, length = struct.unpack_from("<HH", raw, j)
                if tag == 1:
                    struct.pack_into("<Q", raw, j + 4, size)
                    struct.pack_into("<I", raw, i + 24, 0xFFFFFFFF)
                j += 4 + length
        i += 4
    return bytes(raw)
