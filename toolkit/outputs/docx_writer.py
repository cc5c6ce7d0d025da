"""Build Word documents (``.docx``) with python-docx: the one place the tool writes Word.

:class:`WordDocument` is the small builder the three Word outputs share: the
finished report (``render --format docx``), next year's template (``new
--format docx``) and the committee's memo (``memo --format docx``). It gives

* an A4 page with 25 mm margins and the document's language (Swedish or
  English, for Word's spelling and hyphenation);
* Word's built-in Title and Heading 1–9 styles, so the navigation pane shows
  the outline and an inserted table of contents works;
* the tool's own paragraph styles, named as the Word reader knows them
  (:data:`toolkit.drafts.word.GUIDANCE_STYLE`, ``CARRIED_STYLE``): the
  decision's guidance, which the reader skips, and the highlighted marker of
  text carried over from last year, which the check warns about;
* page numbers in the footer ("Sida 3 av 12", PAGE and NUMPAGES fields);
* tables, and Markdown turned into paragraphs, lists, tables and runs (bold,
  italic, links) through the same sanitised HTML as the HTML outputs
  (:mod:`toolkit.outputs.htmlsafe`): every piece of text comes through, and
  nothing the sanitiser drops gets in.

Text from drafts and decisions only ever becomes run text (python-docx
escapes it); characters XML cannot hold are dropped. Everything is built in
memory: :meth:`WordDocument.to_bytes` gives the whole file for
:func:`toolkit.outputs.write.write_atomic`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import quote, urlsplit

from toolkit.drafts.word import CARRIED_STYLE, GUIDANCE_STYLE
from toolkit.messages import t

#: Characters XML 1.0 cannot hold (python-docx would refuse them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_LANG_TAGS = {"sv": "sv-SE", "en": "en-GB"}
#: Ids of the tool's own styles: plain ASCII, so Word keeps them and the
#: reader knows them even after the name is changed.
_STYLE_IDS = {"guidance": {"sv": "Vagledning", "en": "Guidance"}, "carried": {"sv": "OverfordText", "en": "CarriedOver"}}
_BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "blockquote", "pre", "hr", "div", "nav",
    "dl", "dt", "dd", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col",
}


def xml_text(text: str) -> str:
    """``text`` without the characters a Word document cannot hold."""
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class Format:
    """How a run looks."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    code: bool = False
    superscript: bool = False
    subscript: bool = False
    highlight: bool = False
    link: str | None = None


_INLINE_FORMATS = {
    "strong": {"bold": True}, "b": {"bold": True}, "em": {"italic": True}, "i": {"italic": True},
    "u": {"underline": True}, "ins": {"underline": True}, "s": {"strike": True}, "del": {"strike": True},
    "code": {"code": True}, "kbd": {"code": True}, "sup": {"superscript": True}, "sub": {"subscript": True},
    "mark": {"highlight": True, "bold": True},
}

Piece = tuple[str, Format]


def _safe_url(href: str | None) -> str | None:
    """An address Word accepts as a hyperlink target, or ``None`` (an in-page
    anchor, or anything odd: the text is then kept without the link)."""
    if not href or href.startswith("#"):
        return None
    try:
        parts = urlsplit(href)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https", "mailto"):
        return None
    return quote(href, safe=":/?#[]@!$&'()*+,;=%~-._")


class WordDocument:
    """A Word document being built; see the module's docstring."""

    def __init__(self, lang: str = "sv", title: str = "", subject: str = "", category: str = ""):
        import docx

        self.lang = lang if lang in _LANG_TAGS else "sv"
        self.doc = docx.Document()
        #: style name -> id: python-docx finds a style by name by scanning them all
        self._ids: dict[str, str] = {}
        self._page()
        self._styles()
        self._footer()
        self._properties(title, subject, category)

    # -- set-up ----------------------------------------------------------

    def _page(self) -> None:
        from docx.shared import Mm

        for section in self.doc.sections:
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.left_margin = section.right_margin = Mm(25)
            section.top_margin, section.bottom_margin = Mm(25), Mm(20)

    def _styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Pt, RGBColor

        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(6)
        # the document's language, for Word's spelling and hyphenation
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
        if rpr is not None:
            for old in rpr.findall(qn("w:lang")):
                rpr.remove(old)
            lang = OxmlElement("w:lang")
            lang.set(qn("w:val"), _LANG_TAGS[self.lang])
            rpr.append(lang)

        def paragraph_style(name: str, style_id: str) -> Any:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.element.set(qn("w:styleId"), style_id)
            style.base_style = normal
            style.quick_style = True
            return style

        guidance = paragraph_style(GUIDANCE_STYLE[self.lang], _STYLE_IDS["guidance"][self.lang])
        guidance.font.italic = True
        guidance.font.size = Pt(9.5)
        guidance.font.color.rgb = RGBColor(0x44, 0x54, 0x6A)
        _shade(guidance.element.get_or_add_pPr(), "EEF2F7")
        carried = paragraph_style(CARRIED_STYLE[self.lang], _STYLE_IDS["carried"][self.lang])
        carried.font.bold = True
        carried.font.color.rgb = RGBColor(0x9C, 0x00, 0x06)
        _shade(carried.element.get_or_add_pPr(), "FFEB9C")
        code = paragraph_style("Kod" if self.lang == "sv" else "Code", "Kod" if self.lang == "sv" else "Code")
        code.font.name = "Consolas"
        code.font.size = Pt(9.5)
        link = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
        link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        link.font.underline = True

    def _footer(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        footer = self.doc.sections[0].footer
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # "Sida {page} av {pages}": the words from the catalogue, the numbers Word's fields
        text = t("docx-footer", self.lang, page="\x00PAGE\x00", pages="\x00NUMPAGES\x00")
        for n, part in enumerate(text.split("\x00")):
            if n % 2:
                _field(p, part)
            elif part:
                p.add_run(part)

    def _properties(self, title: str, subject: str, category: str) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        core = self.doc.core_properties
        core.title, core.subject, core.category = xml_text(title), xml_text(subject), xml_text(category)
        core.author = core.last_modified_by = core.comments = core.keywords = ""
        core.language = _LANG_TAGS[self.lang]
        core.created = core.modified = now
        core.revision = 1

    # -- blocks ----------------------------------------------------------

    def title(self, text: str) -> Any:
        return self.paragraph(text, "Title")

    def heading(self, text: str, level: int) -> Any:
        return self.paragraph(text, f"Heading {max(1, min(9, level))}")

    def style_id(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self.doc.styles[name].style_id
        return self._ids[name]

    def new_paragraph(self, container: Any = None, style: str | None = None) -> Any:
        """An empty paragraph at the end of ``container`` (the body, or a table cell)."""
        p = (container or self.doc).add_paragraph()
        if style:
            p._p.style = self.style_id(style)
        return p

    def paragraph(self, text: str = "", style: str | None = None, fmt: Format = Format(), container: Any = None) -> Any:
        """A paragraph of plain text (never read as Markdown)."""
        p = self.new_paragraph(container, style)
        if text:
            self._run(p, xml_text(text), fmt)
        return p

    def guidance(self, text: str) -> Any:
        """The decision's words in the guidance style: the reader skips them."""
        return self.paragraph(text, GUIDANCE_STYLE[self.lang])

    def carried(self, text: str) -> Any:
        """The marker of text carried over from last year, highlighted."""
        return self.paragraph(text, CARRIED_STYLE[self.lang])

    def banner(self, text: str) -> Any:
        """A marked line ("Utkast – ofullständig") in the guidance style: seen, never read as text."""
        return self.paragraph(text, GUIDANCE_STYLE[self.lang], Format(bold=True, highlight=True))

    def table(self, rows: list[list[str]], header: bool = True, right: set[int] | None = None,
              highlight: set[tuple[int, int]] | None = None) -> Any:
        """A table of plain text; the first row is a repeated, bold header when ``header``;
        columns in ``right`` are right-aligned, cells in ``highlight`` marked."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        width = max((len(r) for r in rows), default=1)
        table = self.doc.add_table(rows=len(rows), cols=width)
        table._tbl.tblStyle_val = self.style_id("Table Grid")
        for i, (row, word_row) in enumerate(zip(rows, table.rows, strict=True)):
            if header and i == 0:
                _repeat_header(word_row)
            for j, (text, cell) in enumerate(zip(row, word_row.cells, strict=False)):
                p = cell.paragraphs[0]
                fmt = Format(bold=header and i == 0, highlight=bool(highlight and (i, j) in highlight))
                if text:
                    self._run(p, xml_text(text), fmt)
                if right and j in right:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.gap()
        return table

    def gap(self) -> None:
        """Space after a table: an empty paragraph (the reader skips empty paragraphs)."""
        from docx.shared import Pt

        self.doc.add_paragraph().paragraph_format.space_after = Pt(4)

    def bullets(self, items: list[str]) -> None:
        for item in items:
            self.paragraph(item, "List Bullet")

    def markdown(self, text: str, shift: int = 0) -> None:
        """Markdown as Word: converted and sanitised like the HTML outputs, then
        written block by block; heading ``<hN>`` gets Heading ``N + shift``."""
        from toolkit.outputs.htmlsafe import markdown_to_html

        if text.strip():
            self.html(markdown_to_html(text)[0], shift)

    def html(self, fragment: str, shift: int = 0) -> None:
        """Sanitised HTML (from :mod:`toolkit.outputs.htmlsafe`) as Word blocks."""
        import lxml.html

        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
        _Walker(self, shift).blocks(root, self.doc, _Context())

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    # -- runs ------------------------------------------------------------

    def _run(self, p: Any, text: str, fmt: Format) -> Any:
        from docx.enum.text import WD_COLOR_INDEX

        run = p.add_run(text)
        run.bold = fmt.bold or None
        run.italic = fmt.italic or None
        run.underline = fmt.underline or None
        if fmt.strike:
            run.font.strike = True
        if fmt.code:
            run.font.name = "Consolas"
        if fmt.superscript:
            run.font.superscript = True
        if fmt.subscript:
            run.font.subscript = True
        if fmt.highlight:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        return run

    def pieces(self, p: Any, pieces: list[Piece]) -> None:
        """Runs for ``pieces``; consecutive pieces with one address form one hyperlink."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        link_el: Any = None
        link_url: str | None = None
        for text, fmt in pieces:
            url = _safe_url(fmt.link)
            if url is None:
                link_el = link_url = None
                self._run(p, text, fmt)
                continue
            if url != link_url:
                link_el = OxmlElement("w:hyperlink")
                link_el.set(qn("r:id"), p.part.relate_to(url, RT.HYPERLINK, is_external=True))
                p._p.append(link_el)
                link_url = url
            run = self._run(p, text, fmt)
            run._r.style = self.style_id("Hyperlink")
            link_el.append(run._r)


def _shade(ppr: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    ppr.append(shd)


def _field(p: Any, instruction: str) -> None:
    """A field (PAGE, NUMPAGES) as Word writes it: begin, instruction, separate, result, end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        r = OxmlElement("w:r")
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        r.append(fc)
        return r

    p._p.append(char("begin"))
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    r.append(instr)
    p._p.append(r)
    p._p.append(char("separate"))
    r = OxmlElement("w:r")
    result = OxmlElement("w:t")
    result.text = "1"
    r.append(result)
    p._p.append(r)
    p._p.append(char("end"))


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _bottom_border(p: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{k}"), v)
    border.append(bottom)
    p._p.get_or_add_pPr().append(border)


# --------------------------------------------------------------------------
# Sanitised HTML -> Word blocks


@dataclass(frozen=True)
class _Context:
    """Where the walker is: the paragraph style and the run format in force."""

    style: str | None = None
    fmt: Format = Format()
    indent: int = 0


def _tag(el: Any) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _has_text(pieces: list[Piece]) -> bool:
    return any(text.strip() for text, _ in pieces)


class _Walker:
    """Writes HTML elements as Word paragraphs, lists and tables; any element it
    does not know is walked for its text, so no text is lost."""

    def __init__(self, out: WordDocument, shift: int):
        self.out = out
        self.shift = shift

    # inline content

    def inline(self, el: Any, fmt: Format, pre: bool = False) -> Iterator[Piece]:
        if el.text:
            yield (el.text if pre else _SPACE.sub(" ", el.text)), fmt
        for child in el:
            tag = _tag(child)
            if tag == "br":
                yield "\n", fmt
            elif tag:
                changes: dict[str, Any] = dict(_INLINE_FORMATS.get(tag, {}))
                if tag == "a":
                    changes["link"] = child.get("href")
                yield from self.inline(child, replace(fmt, **changes), pre)
            if child.tail:
                yield (child.tail if pre else _SPACE.sub(" ", child.tail)), fmt

    def paragraph(self, pieces: list[Piece], container: Any, style: str | None, indent: int = 0) -> Any:
        """One paragraph from inline pieces, white space collapsed as HTML does."""
        from docx.shared import Mm

        cleaned: list[Piece] = []
        at_start = True
        for text, fmt in pieces:
            text = xml_text(text)
            if text != "\n" and at_start:
                text = text.lstrip(" ")
            if not text:
                continue
            if cleaned and cleaned[-1][0].endswith(" ") and text.startswith(" "):
                text = text[1:]
            if cleaned and text == "\n" and cleaned[-1][0].endswith(" "):
                cleaned[-1] = (cleaned[-1][0].rstrip(" "), cleaned[-1][1])
            at_start = text == "\n"
            if text:
                cleaned.append((text, fmt))
        while cleaned and not cleaned[-1][0].strip(" \n"):
            cleaned.pop()
        if cleaned:
            cleaned[-1] = (cleaned[-1][0].rstrip(" "), cleaned[-1][1])
        p = self.out.new_paragraph(container, style)
        if indent:
            p.paragraph_format.left_indent = Mm(8 * indent)
        self.out.pieces(p, cleaned)
        return p

    # blocks

    def blocks(self, el: Any, container: Any, ctx: _Context) -> None:
        """The children of ``el`` as blocks; loose text between them becomes paragraphs."""
        pending: list[Piece] = []

        def flush() -> None:
            if _has_text(pending):
                self.paragraph(pending, container, ctx.style, ctx.indent)
            pending.clear()

        if el.text:
            pending.append((_SPACE.sub(" ", el.text), ctx.fmt))
        for child in el:
            tag = _tag(child)
            if tag in _BLOCK_TAGS:
                flush()
                self.block(child, container, ctx)
            elif tag == "br":
                pending.append(("\n", ctx.fmt))
            elif tag:
                changes: dict[str, Any] = dict(_INLINE_FORMATS.get(tag, {}))
                if tag == "a":
                    changes["link"] = child.get("href")
                pending.extend(self.inline(child, replace(ctx.fmt, **changes)))
            if child.tail:
                pending.append((_SPACE.sub(" ", child.tail), ctx.fmt))
        flush()

    def block(self, el: Any, container: Any, ctx: _Context) -> None:
        tag = _tag(el)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = max(1, min(9, int(tag[1]) + self.shift))
            self.paragraph(list(self.inline(el, ctx.fmt)), container, f"Heading {level}")
        elif tag in ("p", "dt", "caption"):
            fmt = replace(ctx.fmt, bold=True) if tag == "dt" else replace(ctx.fmt, italic=True) if tag == "caption" else ctx.fmt
            pieces = list(self.inline(el, fmt))
            if _has_text(pieces):
                self.paragraph(pieces, container, ctx.style, ctx.indent)
        elif tag in ("ul", "ol"):
            self.listing(el, container, ctx, 0)
        elif tag == "table":
            self.table(el, container, ctx)
        elif tag == "blockquote":
            self.blocks(el, container, replace(ctx, style="Quote"))
        elif tag == "pre":
            pieces = list(self.inline(el, replace(ctx.fmt, code=True), pre=True))
            text = "".join(p[0] for p in pieces).strip("\n")
            if text.strip():
                self.out.paragraph(text, "Kod" if self.out.lang == "sv" else "Code", container=container)
        elif tag == "hr":
            _bottom_border(container.add_paragraph())
        elif tag == "dd":
            self.blocks(el, container, replace(ctx, indent=ctx.indent + 1))
        else:  # div, nav, li or a table part out of place ...: walk it for its text
            self.blocks(el, container, ctx)

    def listing(self, el: Any, container: Any, ctx: _Context, depth: int) -> None:
        """A list: one paragraph per item in Word's list styles; an ordered
        list restarts its numbering (at ``start`` if given)."""
        ordered = _tag(el) == "ol"
        style = ("List Number" if ordered else "List Bullet") + ("" if depth == 0 else f" {min(depth, 2) + 1}")
        num_id = self._restart(style, el.get("start")) if ordered else None
        for child in el:
            if _tag(child) == "li":
                self.item(child, container, ctx, depth, style, num_id)
            elif _tag(child) in _BLOCK_TAGS:
                self.block(child, container, ctx)
            if child.tail and child.tail.strip():
                self.paragraph([(child.tail, ctx.fmt)], container, ctx.style, ctx.indent)

    def item(self, li: Any, container: Any, ctx: _Context, depth: int, style: str, num_id: int | None) -> None:
        pending: list[Piece] = []
        first = True

        def flush() -> None:
            nonlocal first
            if _has_text(pending):
                if first:
                    p = self.paragraph(pending, container, style)
                    if num_id is not None:
                        numpr = p._p.get_or_add_pPr().get_or_add_numPr()
                        numpr.get_or_add_ilvl().val = 0
                        numpr.get_or_add_numId().val = num_id
                    first = False
                else:  # a further paragraph of the same item
                    self.paragraph(pending, container, ctx.style, depth + 1)
            pending.clear()

        if li.text:
            pending.append((_SPACE.sub(" ", li.text), ctx.fmt))
        for child in li:
            tag = _tag(child)
            if tag in ("ul", "ol"):
                flush()
                self.listing(child, container, ctx, depth + 1)
            elif tag == "p":
                flush()
                pending.extend(self.inline(child, ctx.fmt))
                flush()
            elif tag in _BLOCK_TAGS:
                flush()
                self.block(child, container, ctx)
            elif tag == "br":
                pending.append(("\n", ctx.fmt))
            elif tag:
                changes: dict[str, Any] = dict(_INLINE_FORMATS.get(tag, {}))
                if tag == "a":
                    changes["link"] = child.get("href")
                pending.extend(self.inline(child, replace(ctx.fmt, **changes)))
            if child.tail:
                pending.append((_SPACE.sub(" ", child.tail), ctx.fmt))
        flush()

    def _restart(self, style: str, start: str | None) -> int | None:
        """A new numbering instance for ``style``'s list, so this list counts from its start."""
        from docx.oxml.ns import qn

        try:
            numbering = self.out.doc.part.numbering_part.element
            ppr = self.out.doc.styles.element.get_by_id(self.out.style_id(style)).pPr
            num_id = int(ppr.find(f"{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")))
            abstract = numbering.num_having_numId(num_id).abstractNumId.val
        except (KeyError, AttributeError, TypeError, ValueError):
            return None  # the style has no numbering of its own: it numbers on as Word does
        num = numbering.add_num(abstract)
        num.add_lvlOverride(ilvl=0).add_startOverride(int(start) if start and start.isdigit() else 1)
        return int(num.numId)

    def table(self, el: Any, container: Any, ctx: _Context) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        rows = [tr for tr in el.iter("tr")]
        if not rows:
            self.blocks(el, container, ctx)
            return
        cells = [[c for c in tr if _tag(c) in ("td", "th")] for tr in rows]
        spans = [[max(1, int(c.get("colspan"))) if (c.get("colspan") or "").isdigit() else 1 for c in r] for r in cells]
        width = max(1, max(sum(s) for s in spans))
        for caption in el.iter("caption"):
            self.block(caption, container, ctx)
        if container is not self.out.doc:
            # a table inside a table cell: its rows as paragraphs, so the text stays
            for r in cells:
                pieces: list[Piece] = []
                for n, c in enumerate(r):
                    if n:
                        pieces.append((" | ", ctx.fmt))
                    pieces.extend(self.inline(c, ctx.fmt))
                if _has_text(pieces):
                    self.paragraph(pieces, container, ctx.style)
            return
        table = self.out.doc.add_table(rows=len(rows), cols=width)
        table._tbl.tblStyle_val = self.out.style_id("Table Grid")
        for i, (r, s) in enumerate(zip(cells, spans, strict=True)):
            if r and all(_tag(c) == "th" for c in r) and i == 0:
                _repeat_header(table.rows[0])
            j = 0
            for c, span in zip(r, s, strict=True):
                if j >= width:
                    break
                cell = table.cell(i, j)
                if span > 1:
                    cell = cell.merge(table.cell(i, min(width, j + span) - 1))
                fmt = replace(ctx.fmt, bold=True) if _tag(c) == "th" else ctx.fmt
                first = cell.paragraphs[0]
                self.blocks(c, cell, replace(ctx, fmt=fmt, style=None, indent=0))
                if len(cell.paragraphs) > 1 and not first.text:
                    first._p.getparent().remove(first._p)  # a cell keeps at least one paragraph
                if "right" in (c.get("style") or ""):
                    for p in cell.paragraphs:
                        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif "center" in (c.get("style") or ""):
                    for p in cell.paragraphs:
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                j += span
        self.out.gap()
