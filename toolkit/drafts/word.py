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
  Rows naming the memo's facts ("Paragraf", "Utskott", "Styrelse",
  "Sammanträdesdatum", "Styrelsemöte", "Skickas till", "Yttrande") fill
  ``memo``; rows the tool writes on a rendered report's cover from the
  decision ("Avser år", the decision's title and references) are known and
  not read. Dates may be written ``2018-02-25`` or ``25 februari 2018``.
* **Figures** come from table rows whose first cell is a figure's label, alias
  or id (compared like headings) and whose next cell holds the amount. A table
  made only of such rows (and a header row) is data, like front matter: it is
  left out of the section's text. A row with ``villkor:carried-over`` in a
  later cell holds last year's amount (``Draft.carried_figures``).
* **The tool's own template** (``villkor new --format docx``): paragraphs in
  the style "Vägledning" ("Guidance") are the decision's guidance and are not
  read, like comments in Markdown; if the style was lost, a paragraph holding
  a section's guidance text is still recognised. A paragraph in the style
  "Överförd text" ("Carried over"), or holding ``villkor:carried-over``,
  becomes the Markdown marker ``<!-- villkor:carried-over ... -->``.
* **Not read, and said so** (``Draft.skipped``): a table of contents (field,
  content control or TOC styles), images, text boxes, footnotes and endnotes,
  comments, equations and embedded objects. Hyperlinks are kept as Markdown
  links.

``Draft.lines`` holds the document as Markdown, one block per Word paragraph
(a heading becomes ``## Title``, a list item ``- item``, a table Markdown
rows), and ``Draft.locations`` the paragraph number each line came from, so
``Heading.line`` and every finding's line are paragraph numbers ("stycke 14").
Paragraphs are counted from the top of the document; empty paragraphs are not
counted and a table counts as one.

Text Word does not show is not read: hidden runs (``w:vanish``, set directly
or through a style) and the placeholder of a content control that has not
been filled in (see :class:`Visibility`).

Files that are not Word documents, damaged, encrypted, in the old ``.doc``
format, too large when unpacked, or empty are refused with a
:class:`~toolkit.errors.DraftError` that says which.
"""

from __future__ import annotations

import copy
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from toolkit.decisions.model import Conditions
from toolkit.drafts.frontmatter import supply_conditions, validate_front_matter
from toolkit.drafts.model import DecisionFor, Draft, FigureIssue, FigureSource, Heading, Skipped, count_heading
from toolkit.errors import DraftError, Problem, VillkorError
from toolkit.read.amounts import (
    SUPERSCRIPTS,
    AmountError,
    amount_unit,
    parse_amount,
    starts_with_number,
    unit_of,
    units_in,
)
from toolkit.read.files import OLE_MAGIC, ZIP_MAGIC, read_bytes
from toolkit.read.text import explicit_id_at, normalise, parse_date
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
#: Facts-table labels (normalised) of the memo's own facts (``memo:`` in front matter).
MEMO_LABELS: dict[str, str] = {
    "paragraf": "paragraf",
    "paragraph": "paragraf",
    "utskott": "utskott",
    "committee": "utskott",
    "styrelse": "styrelse",
    "board": "styrelse",
    "sammanträdesdatum": "sammantradesdatum",
    "sammantradesdatum": "sammantradesdatum",
    "committee meeting": "sammantradesdatum",
    "styrelsemöte": "styrelsemote",
    "styrelsemote": "styrelsemote",
    "board meeting": "styrelsemote",
    "skickas till": "skickas_till",
    "protokollsutdrag skickas till": "skickas_till",
    "sent to": "skickas_till",
    "yttrande": "yttrande",
    "statement": "yttrande",
}
#: The label the tool writes for each memo fact, as the catalogue key of its text.
MEMO_LABEL_KEYS = {
    "paragraf": "docx-label-paragraf",
    "utskott": "docx-label-utskott",
    "styrelse": "docx-label-styrelse",
    "sammantradesdatum": "docx-label-sammantradesdatum",
    "styrelsemote": "docx-label-styrelsemote",
    "skickas_till": "docx-label-skickas-till",
    "yttrande": "docx-label-yttrande",
}
#: Catalogue keys of the facts-table labels the tool writes (on a rendered
#: report's cover and in its template) and the front-matter key each fills.
WRITTEN_FACT_KEYS = {
    "cover-region": "region",
    "cover-conditions": "conditions",
    "cover-recipient": "mottagare",
    "cover-diarienummer": "diarienummer",
    "cover-date": "datum",
    "cover-contact": "kontaktperson",
}
#: Catalogue keys of cover rows the tool writes from the decision itself:
#: known labels, not read (the decision says them).
DERIVED_LABEL_KEYS = ("cover-year", "docx-cover-decision-title")
#: Keys that hold dates.
DATE_KEYS = ("datum", "sammantradesdatum", "styrelsemote")

#: Paragraph styles of the tool's Word template, by language.
GUIDANCE_STYLE = {"sv": "Vägledning", "en": "Guidance"}
CARRIED_STYLE = {"sv": "Överförd text", "en": "Carried over"}
#: The carried-over marker (the same word as in Markdown drafts).
MARKER = "villkor:carried-over"

#: Core properties (Word: File > Info > Properties) used when no table gives the value.
CORE_PROPERTIES = (("category", "conditions"), ("subject", "region"), ("title", "title"))

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLE = re.compile(r"^(?:title|rubrik)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list|punktlista|numrerad lista|lista)\b", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"number|numrerad", re.IGNORECASE)
_LIST_DEPTH = re.compile(r"\s([2-9])$")
_TOC_STYLE = re.compile(r"^(?:toc|innehåll|innehall|contents)\s*(?:[1-9]|heading|rubrik)$|^innehållsförteckningsrubrik$",
                        re.IGNORECASE)
_SKIP_RUN_IN = {f"{{{_W}}}{tag}" for tag in ("del", "moveFrom", "txbxContent")}
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _q(tag: str) -> str:
    return f"{{{_W}}}{tag}"


def _folds(name: str) -> set[str]:
    """A style name or id folded two ways, so "Vägledning", "vagledning" and
    the id Word makes of it ("Vgledning") compare equal."""
    low = name.casefold()
    stripped = "".join(c for c in unicodedata.normalize("NFKD", low) if c.isascii() and c.isalnum())
    return {stripped, "".join(c for c in low if c.isascii() and c.isalnum())} - {""}


_GUIDANCE_FOLDS = set().union(*(_folds(n) for n in GUIDANCE_STYLE.values()))
_CARRIED_FOLDS = set().union(*(_folds(n) for n in CARRIED_STYLE.values()))


# --------------------------------------------------------------------------
# Opening the file: refuse what is not a readable Word document, by name


def _refuse(key: str, name: str, **params: Any) -> DraftError:
    return DraftError(Problem(key, params, name))


def open_document(path: Path, name: str, data: bytes | None = None) -> Any:
    """A python-docx ``Document`` for ``path`` (or for ``data``, its content
    read already) and its zip (for the custom properties), or a
    :class:`DraftError` saying why it cannot be read."""
    if data is None:
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
    except MemoryError:  # out of memory is not a damaged document, nor a reason to guess
        raise
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


def _own_kind(label: str) -> str | None:
    """"guidance", "carried" or "toc" for a style name or id of that kind."""
    folded = _folds(label)
    if folded & _GUIDANCE_FOLDS:
        return "guidance"
    if folded & _CARRIED_FOLDS:
        return "carried"
    if _TOC_STYLE.match(label.strip()):
        return "toc"
    return None


def _style_kind(paragraph: Any) -> tuple[str, int, bool]:
    """What the paragraph's style (and the styles it is based on) makes it."""
    raw = paragraph._p.style
    if raw and _own_kind(raw):
        # the id names it even when the styles part no longer defines the style
        return _own_kind(raw) or "text", 0, False
    try:
        style = paragraph.style
    except MemoryError:  # out of memory is not a damaged document, nor a reason to guess
        raise
    except Exception:  # a style id that the styles part does not define
        style = None
    heading = _HEADING_STYLE.match((raw or "").strip())
    if heading and (style is None or style.style_id != raw):
        # "Heading1" whose style was deleted from the styles part: still the heading it was
        return "heading", int(heading.group(1)), False
    list_style = False
    list_depth = 0
    numbered = False
    for st in _style_chain(style):
        numbered = numbered or bool(_NUMBERED_STYLE.search(st.name or ""))
        for label in (st.name or "", st.style_id or ""):
            own = _own_kind(label)
            if own:
                return own, 0, False
            m = _HEADING_STYLE.match(label.strip())
            if m:
                return "heading", int(m.group(1)), numbered
            if _TITLE_STYLE.match(label.strip()):
                return "title", 0, numbered
            if _LIST_STYLE.match(label.strip()):
                list_style = True
                depth = _LIST_DEPTH.search(label.strip())
                list_depth = max(list_depth, int(depth.group(1)) - 1 if depth else 0)
        level = _outline_level(st.element.find(_q("pPr")))
        if level is not None:
            return ("heading", level + 1, numbered) if level < 9 else ("text", 0, numbered)
    return ("list", list_depth, numbered) if list_style else ("text", 0, numbered)


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
    if kind in ("heading", "title", "guidance", "carried", "toc"):
        return kind, level
    numpr = ppr.find(_q("numPr")) if ppr is not None else None
    if numpr is not None:
        depth = _val(numpr.find(_q("ilvl")))
        return "list", max(level, int(depth) if depth and depth.isdigit() else 0)
    return kind, level


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
    except MemoryError:  # out of memory is not a damaged document, nor a reason to guess
        raise
    except Exception:  # no numbering part, or a malformed one: a bullet is a fair guess
        return False
    return False


def _on(rpr: Any, tag: str) -> bool:
    if rpr is None:
        return False
    el = rpr.find(_q(tag))
    return el is not None and _val(el) not in ("0", "false", "off")


class Visibility:
    """Which runs Word does not show: hidden text (``w:vanish``) set on the run,
    in its character style, in its paragraph's style (each through the styles
    it is based on) or in the document's defaults, the nearest setting
    winning; and the placeholder a content control shows until it is filled
    in (``w:showingPlcHdr``). A hidden paragraph *mark* (Word's style
    separator) hides no text: the paragraph's runs still show.
    """

    def __init__(self, styles: Any = None):
        self._styles: dict[tuple[str, str], Any] = {}
        self._defaults: dict[str, str] = {}
        self._cache: dict[tuple[str, str | None], bool | None] = {}
        self._default_vanish: bool | None = None
        self._paragraph: Any = None
        self._paragraph_setting: bool | None = None
        if styles is None:
            return
        for st in styles.findall(_q("style")):
            kind, sid = st.get(_q("type")) or "paragraph", st.get(_q("styleId"))
            if sid:
                self._styles[(kind, sid)] = st
                if st.get(_q("default")) in ("1", "true", "on"):
                    self._defaults[kind] = sid
        defaults = styles.find(_q("docDefaults"))
        rpr = defaults.find(f"{_q('rPrDefault')}/{_q('rPr')}") if defaults is not None else None
        self._default_vanish = _vanish(rpr)

    def _style_vanish(self, kind: str, sid: str | None) -> bool | None:
        """The hidden setting a style gives, through the styles it is based on."""
        sid = sid or self._defaults.get(kind)
        key = (kind, sid)
        if key not in self._cache:
            found: bool | None = None
            seen: set[str] = set()
            while sid and sid not in seen and len(seen) < 20:
                seen.add(sid)
                st = self._styles.get((kind, sid))
                if st is None:
                    break
                found = _vanish(st.find(_q("rPr")))
                if found is not None:
                    break
                sid = _val(st.find(_q("basedOn")))
            self._cache[key] = found
        return self._cache[key]

    def hidden(self, run: Any, p_el: Any) -> bool:
        rpr = run.find(_q("rPr"))
        for setting in (
            _vanish(rpr),
            self._style_vanish("character", _val(rpr.find(_q("rStyle"))) if rpr is not None else None),
            self._paragraph_vanish(p_el),
            self._default_vanish,
        ):
            if setting is not None:
                return setting
        return False

    def _paragraph_vanish(self, p_el: Any) -> bool | None:
        """The paragraph style's setting, looked up once per paragraph. (The path
        ``pPr/pStyle`` searched every child of a paragraph without a style,
        once per run: 150,000 runs in one paragraph took minutes.)"""
        if self._paragraph is not p_el:
            ppr = p_el.find(_q("pPr"))
            style = _val(ppr.find(_q("pStyle"))) if ppr is not None else None
            self._paragraph, self._paragraph_setting = p_el, self._style_vanish("paragraph", style)
        return self._paragraph_setting


def _vanish(rpr: Any) -> bool | None:
    """``True``/``False`` where run properties say whether text is hidden, else ``None``."""
    el = rpr.find(_q("vanish")) if rpr is not None else None
    return None if el is None else _val(el) not in ("0", "false", "off")


def _in_placeholder(el: Any) -> bool:
    """Whether ``el`` lies in a content control that shows its placeholder."""
    parent = el.getparent()
    while parent is not None:
        if parent.tag == _q("sdt"):
            pr = parent.find(_q("sdtPr"))
            flag = pr.find(_q("showingPlcHdr")) if pr is not None else None
            if flag is not None and _val(flag) not in ("0", "false", "off"):
                return True
        parent = parent.getparent()
    return False


#: Used where a paragraph is read without its document (no styles known).
_NO_STYLES = Visibility()


def _superscript(rpr: Any) -> bool:
    return rpr is not None and _val(rpr.find(_q("vertAlign"))) == "superscript"


Segment = tuple[str, bool, bool, str | None]


def _segments(p_el: Any, superscript: bool = True, links: dict[str, str] | None = None,
              visibility: Visibility = _NO_STYLES) -> list[Segment]:
    """(text, bold, italic, link) of the paragraph's runs as Word shows them:
    deleted, hidden and placeholder text left out (and superscript text, a
    footnote's mark, unless ``superscript``); ``link`` is the address of the
    hyperlink the run is in (from ``links``)."""
    out: list[tuple[list[str], bool, bool, str | None]] = []
    if _in_placeholder(p_el):
        return []
    for r in p_el.iter(_q("r")):
        parent, skip, link = r.getparent(), False, None
        while parent is not None and parent is not p_el:
            if parent.tag in _SKIP_RUN_IN or (parent.tag == _q("sdt") and _in_placeholder(r)):
                skip = True
                break
            if parent.tag == _q("hyperlink") and links:
                link = links.get(parent.get(_R_ID) or "")
            parent = parent.getparent()
        if skip or visibility.hidden(r, p_el):
            continue
        rpr = r.find(_q("rPr"))
        if not superscript and _superscript(rpr):
            continue
        bold, italic = _on(rpr, "b"), _on(rpr, "i")
        parts = []
        for child in r:
            tag = child.tag
            if tag == _q("t"):
                parts.append(child.text or "")
            elif tag == _q("tab"):
                parts.append(" ")
            elif tag in (_q("br"), _q("cr")) and child.get(_q("type")) in (None, "textWrapping"):
                parts.append("\n")
            elif tag == _q("noBreakHyphen"):
                parts.append("-")
        text = "".join(parts)
        if not text:
            continue
        if out and out[-1][1:] == (bold, italic, link):
            out[-1][0].append(text)  # joined once at the end: adding run by run was quadratic
        else:
            out.append(([text], bold, italic, link))
    return [("".join(texts), bold, italic, link) for texts, bold, italic, link in out]


def plain_text(p_el: Any, superscript: bool = True, visibility: Visibility = _NO_STYLES) -> str:
    """The paragraph's text as the writer sees it, on one line."""
    return " ".join("".join(s[0] for s in _segments(p_el, superscript, visibility=visibility)).split())


_INLINE_ESCAPE = re.compile(r"([\\`*_])")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z!/?])")
_BLOCK_START = re.compile(r"^(#|>|[-+*](?=\s|$)|`{3}|~{3}|\||[-=]+\s*$)")
_ORDERED_START = re.compile(r"^(\d+)([.)])(?=\s|$)")


def _escape(text: str) -> str:
    return _TAG_LIKE.sub("&lt;", _INLINE_ESCAPE.sub(r"\\\1", text))


_HEADING_ESCAPE = re.compile(r"([\\`*_\[\]])")
_CLOSING_HASHES = re.compile(r"(^|\s)(#+)\s*$")


def heading_markdown(text: str) -> str:
    """A heading's text for an ATX heading line that a Markdown reader gives
    back with the same words: emphasis, link and code characters
    backslash-escaped, ``<!--`` broken so that it opens no comment (which would
    swallow the rest of the draft), and trailing ``#`` kept from being read as
    the heading's closing sequence. Punctuation counts for nothing when
    headings are matched, so the escapes change no match; a trailing ``{#id}``
    is left as written, since it names a section in Word too."""
    at = explicit_id_at(text)
    body, suffix = (text[:at], text[at:]) if at is not None else (text, "")
    body = _HEADING_ESCAPE.sub(r"\\\1", body).replace("<!", "<\\!")
    body = _CLOSING_HASHES.sub(lambda m: m.group(1) + "\\" + m.group(2), body)
    return body + suffix


def _link_target(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url


def markdown_text(p_el: Any, links: dict[str, str] | None = None, visibility: Visibility = _NO_STYLES) -> list[str]:
    """The paragraph as Markdown lines: bold, italic and links kept, Markdown syntax escaped."""
    pieces = []
    segments = _segments(p_el, links=links, visibility=visibility)
    for n, (text, bold, italic, link) in enumerate(segments):
        mark = ("**" if bold else "") + ("*" if italic else "")
        if link and (n == 0 or segments[n - 1][3] != link):
            pieces.append("[")
        for k, chunk in enumerate(text.split("\n")):
            if k:
                pieces.append("\n")
            core = chunk.strip()
            if not core:
                pieces.append(" " if chunk else "")
                continue
            lead = " " if chunk[:1].isspace() else ""
            trail = " " if chunk[-1:].isspace() else ""
            pieces.append(f"{lead}{mark}{_escape(core)}{mark[::-1]}{trail}")
        if link and (n + 1 == len(segments) or segments[n + 1][3] != link):
            pieces.append(f"]({_link_target(link)})")
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


@dataclass(eq=False)
class Cell:
    """A table cell as the figures are read from it."""

    #: the text, without a footnote's mark
    text: str
    #: grid columns the cell spans (Word's "merge cells" across)
    span: int = 1
    #: the cell continues a cell merged down from the row above (its text is that cell's)
    merged_down: bool = False
    #: a footnote reference or superscript text was left out of ``text``
    footnote: bool = False


@dataclass
class Block:
    kind: str  # heading, title, list, text, table, guidance, carried
    location: int
    level: int = 0
    text: str = ""
    lines: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    numbered: bool = False
    #: a table's rows by grid column: a cell merged across columns is in each
    #: of them (the same :class:`Cell`), one merged down repeats the cell above
    grid: list[list[Cell]] = field(default_factory=list)
    #: the table's ``w:tbl`` (the facts table's cells are read again, paragraph by paragraph)
    element: Any = None


def _is_toc(sdt: Any) -> bool:
    """A content control that Word made for a table of contents."""
    props = sdt.find(_q("sdtPr"))
    gallery = props.find(f"{_q('docPartObj')}/{_q('docPartGallery')}") if props is not None else None
    return gallery is not None and "contents" in (_val(gallery) or "").casefold()


def _body_elements(container: Any) -> Iterator[Any]:
    for el in container:
        if el.tag in (_q("p"), _q("tbl")):
            yield el
        elif el.tag == _q("sdt"):
            if _is_toc(el):
                yield el  # read_blocks notes it and reads nothing in it
                continue
            content = el.find(_q("sdtContent"))
            if content is not None:
                yield from _body_elements(content)
        elif el.tag == _q("customXml"):
            yield from _body_elements(el)


_SUPERSCRIPT_CHARS = str.maketrans("", "", SUPERSCRIPTS)


def _cell(tc: Any, above: Cell | None, visibility: Visibility = _NO_STYLES) -> Cell:
    """The cell ``tc`` for reading figures; ``above`` is the grid's cell above it."""
    pr = tc.find(_q("tcPr"))
    span_el = pr.find(_q("gridSpan")) if pr is not None else None
    span = int(_val(span_el) or 1) if span_el is not None and (_val(span_el) or "1").isdigit() else 1
    vmerge = pr.find(_q("vMerge")) if pr is not None else None
    if vmerge is not None and _val(vmerge) in (None, "continue") and above is not None:
        return Cell(above.text, max(1, span), merged_down=True, footnote=above.footnote)
    text = " ".join(t for t in (plain_text(p, superscript=False, visibility=visibility) for p in tc.iter(_q("p"))) if t)
    marks = any(tc.iter(_q("footnoteReference"), _q("endnoteReference")))
    marks = marks or any(_superscript(r.find(_q("rPr"))) and "".join(x.text or "" for x in r.iter(_q("t"))).strip()
                         for r in tc.iter(_q("r")))
    plain = text.translate(_SUPERSCRIPT_CHARS)
    return Cell(" ".join(plain.split()), max(1, span), footnote=marks or plain != text)


def _rows(table: Any, visibility: Visibility = _NO_STYLES) -> tuple[list[list[str]], list[list[Cell]]]:
    """The table's rows as cell texts (for Markdown) and by grid column (for figures)."""
    rows: list[list[str]] = []
    grid: list[list[Cell]] = []
    above: list[Cell] = []
    for tr in table._tbl.tr_lst:
        cells = []
        line: list[Cell] = []
        trpr = tr.find(_q("trPr"))
        before = _val(trpr.find(_q("gridBefore"))) if trpr is not None else None
        line.extend(Cell("") for _ in range(int(before) if before and before.isdigit() else 0))
        for tc in tr.tc_lst:
            texts = (plain_text(p, visibility=visibility) for p in tc.iter(_q("p")))
            cells.append(" ".join(text for text in texts if text))
            cell = _cell(tc, above[len(line)] if len(line) < len(above) else None, visibility)
            line.extend([cell] * cell.span)
        above = line
        if any(cells):
            rows.append(cells)
            grid.append(line)
    return rows, grid


_FLD_CHAR, _INSTR = _q("fldChar"), _q("instrText")


def _toc_field(p_el: Any, depth: int) -> tuple[bool, int]:
    """Whether the paragraph lies in a TOC field, and the field depth after it.

    ``depth`` is 0 outside a table of contents and counts the fields open
    inside one (its entries hold PAGEREF fields of their own).
    """
    inside = depth > 0
    instr: str | None = None
    for node in p_el.iter(_FLD_CHAR, _INSTR):
        if node.tag == _INSTR:
            if instr is not None:
                instr += node.text or ""
            continue
        kind = node.get(_q("fldCharType"))
        if depth:
            depth += 1 if kind == "begin" else -1 if kind == "end" else 0
        elif kind == "begin":
            instr = ""
        elif instr is not None and kind in ("separate", "end"):
            if kind == "separate" and instr.strip().upper().startswith("TOC"):
                depth, inside = 1, True
            instr = None
    return inside, depth


#: Elements inside the body that the reader does not read, by the kind it reports.
_NOT_READ = {
    _q("footnoteReference"): "footnote",
    _q("endnoteReference"): "footnote",
    _q("commentReference"): "comment",
    _q("object"): "object",
    f"{_MATH}oMath": "equation",
}


def _not_read(el: Any) -> Iterator[str]:
    """What ``el`` holds that is not read: images, text boxes, notes, comments ..."""
    for node in el.iter(_q("drawing"), _q("pict"), *_NOT_READ):
        tag = node.tag
        if tag in (_q("drawing"), _q("pict")):
            yield "textbox" if next(node.iter(_q("txbxContent")), None) is not None else "image"
        elif tag == f"{_MATH}oMath" and node.getparent() is not None and node.getparent().tag == f"{_MATH}oMathPara":
            continue  # counted once, as the paragraph it is in
        else:
            yield _NOT_READ[tag]


class _Skips:
    """Counts what was not read, and where the first of each kind was."""

    def __init__(self) -> None:
        self.found: dict[str, Skipped] = {}

    def add(self, kind: str, location: int, n: int = 1) -> None:
        if kind in self.found:
            self.found[kind].count += n
        else:
            self.found[kind] = Skipped(kind, n, max(1, location))

    def __iter__(self) -> Iterator[Skipped]:
        return iter(self.found.values())


def read_blocks(document: Any, skips: _Skips | None = None, name: str = "") -> list[Block]:
    """Every non-empty paragraph and table of the body, numbered from 1.

    What is not read (a table of contents, images, notes ...) is counted in
    ``skips``; paragraphs of the template's guidance and carried-over
    markers are blocks of their own kinds.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    skips = _Skips() if skips is None else skips
    links = {rid: rel.target_ref for rid, rel in document.part.rels.items() if rel.is_external}
    blocks: list[Block] = []
    styles: dict[str | None, tuple[str, int, bool]] = {}
    visibility = Visibility(document.styles.element)
    body = document.element.body
    for n, _ in enumerate(_body_elements(body), 1):  # counted first: reading them is what takes time
        if n > MAX_PARAGRAPHS:
            raise DraftError(Problem("docx-too-many-paragraphs", {"limit": f"{MAX_PARAGRAPHS:,}".replace(",", "\u00a0")},
                                     name, None, "paragraph"))
    toc_depth = 0
    for el in _body_elements(body):
        here = len(blocks) + 1
        if el.tag == _q("sdt"):
            skips.add("toc", here)
            continue
        for kind in _not_read(el):
            skips.add(kind, here)
        if el.tag == _q("tbl"):
            rows, grid = _rows(Table(el, document._body), visibility)
            if rows:
                blocks.append(Block("table", here, rows=rows, grid=grid, element=el))
            continue
        in_toc, toc_depth = _toc_field(el, toc_depth)
        if in_toc:
            skips.add("toc", here, 0 if "toc" in skips.found else 1)
            continue
        para = Paragraph(el, document._body)
        text = plain_text(el, visibility=visibility)
        if not text:
            continue
        kind, level = block_kind(para, styles)
        if kind == "toc":
            skips.add("toc", here, 0 if "toc" in skips.found else 1)
            continue
        if kind in ("text", "list") and MARKER in text:
            kind = "carried"  # the marker's style was lost; its words were not
        block = Block(kind, here, level, text)
        if kind == "list":
            block.numbered = _is_numbered(para, styles)
        if kind in ("text", "list", "title"):
            block.lines = markdown_text(el, links, visibility)
        blocks.append(block)
    return blocks


# --------------------------------------------------------------------------
# Metadata and figures


def _cell_value(key: str, text: str) -> Any:
    text = text.strip()
    if not text:
        return None
    if key in DATE_KEYS:
        return parse_date(text) or text
    return text


@lru_cache(maxsize=1)
def _labels() -> dict[str, tuple[str, str]]:
    """Every facts-table label (normalised) the reader knows: ("fact", key),
    ("memo", key) or ("derived", "") for a cover row the decision says."""
    from toolkit.messages import LANGUAGES, t

    out = {label: ("fact", key) for label, key in FACT_LABELS.items()}
    for lang in LANGUAGES:
        for msg, key in WRITTEN_FACT_KEYS.items():
            out.setdefault(normalise(t(msg, lang)), ("fact", key))
        for key, msg in MEMO_LABEL_KEYS.items():
            out.setdefault(normalise(t(msg, lang)), ("memo", key))
        for msg in DERIVED_LABEL_KEYS:
            out.setdefault(normalise(t(msg, lang)), ("derived", ""))
    for label, key in MEMO_LABELS.items():
        out.setdefault(label, ("memo", key))
    return out


def _fact_key(label: str) -> str | None:
    hit = _labels().get(normalise(label))
    return hit[1] if hit and hit[0] == "fact" else None


def _facts_table(blocks: list[Block]) -> Block | None:
    for b in blocks:
        if b.kind == "heading":
            return None
        if b.kind == "table":
            labels = [_labels().get(normalise(r[0]), ("", ""))[0] for r in b.rows]
            if all(len(r) >= 2 for r in b.rows) and any(kind in ("fact", "memo") for kind in labels):
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


def _memo_value(key: str, tc: Any, links: dict[str, str], visibility: Visibility = _NO_STYLES) -> Any:
    """A memo fact from its cell: the statement keeps its paragraphs (as
    Markdown), the recipients are one per paragraph, line or semicolon."""
    paragraphs = [markdown_text(p, links, visibility) for p in tc.iter(_q("p"))]
    paragraphs = [lines for lines in paragraphs if lines]
    if key == "yttrande":
        return "\n\n".join("\n".join(lines) for lines in paragraphs) or None
    plain = [" ".join(plain_text(p, visibility=visibility).split()) for p in tc.iter(_q("p"))]
    if key == "skickas_till":
        items = [part.strip() for text in plain for line in text.split("\n") for part in line.split(";")]
        return [i for i in items if i] or None
    text = " ".join(x for x in plain if x).strip()
    if key == "paragraf":
        text = text.lstrip("§").strip()
    return _cell_value(key, text)


def _memo_facts(table: Block, links: dict[str, str], visibility: Visibility = _NO_STYLES) -> dict[str, Any]:
    """The memo's facts from the facts table's rows that name them."""
    memo: dict[str, Any] = {}
    for tr in table.element.tr_lst if table.element is not None else ():
        tcs = tr.tc_lst
        if len(tcs) < 2:
            continue
        hit = _labels().get(normalise(plain_text_of(tcs[0], visibility)))
        if hit and hit[0] == "memo":
            value = _memo_value(hit[1], tcs[1], links, visibility)
            if value is not None:  # an empty row is a fact not yet known, like a key left out
                memo[hit[1]] = value
    return memo


def plain_text_of(tc: Any, visibility: Visibility = _NO_STYLES) -> str:
    """A table cell's text on one line, as Word shows it."""
    texts = (plain_text(p, visibility=visibility) for p in tc.iter(_q("p")))
    return " ".join(text for text in texts if text)


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
        fact = _fact_key(label)
        if fact and value:
            meta[fact] = _cell_value(fact, value)
            lines[(fact,)] = 1
    table = _facts_table(blocks)
    if table is not None:
        lines[()] = table.location
        for row in table.rows:
            fact = _fact_key(row[0])
            if fact is None:
                continue  # a figure's or the memo's row, or a label the front matter does not know
            cell = _cell_value(fact, row[1])
            if cell is not None or fact not in meta:
                meta[fact] = cell
            lines[(fact,)] = table.location
        links = {rid: rel.target_ref for rid, rel in document.part.rels.items() if rel.is_external}
        memo = _memo_facts(table, links, Visibility(document.styles.element))
        if memo:
            meta["memo"] = memo
            lines[("memo",)] = table.location
            for key in memo:
                lines[("memo", key)] = table.location
    return meta, lines, table


def _unknown_facts(facts: Block | None, names: dict[str, str], known: set[str]) -> dict[str, str]:
    """Facts-table rows that name neither a fact, the memo's facts, a cover row
    nor a figure: unknown keys. ``known`` holds more labels to accept (the
    decision's references, which a rendered report's cover shows)."""
    if facts is None:
        return {}
    out = {}
    for row in facts.rows:
        label = normalise(row[0])
        if label not in _labels() and label not in names and label not in known:
            out[label.replace(" ", "_") or "?"] = row[1]
    return out


def _row_labels(facts: Block | None) -> dict[str, str]:
    """The label each key has in the facts table, as the writer wrote it, so
    that a message names the row ("Villkorsbeslut", not "conditions")."""
    labels: dict[str, str] = {}
    for row in facts.rows if facts is not None else []:
        label = normalise(row[0])
        labels.setdefault(FACT_LABELS.get(label) or label.replace(" ", "_") or "?", row[0].strip())
    return labels


def _figure_names(decision: Conditions | None) -> dict[str, str]:
    """Normalised label, alias and id of each of the decision's figures → its id."""
    names: dict[str, str] = {}
    for f in decision.figures if decision is not None else ():
        for text in (f.id, f.label, *f.aliases):
            names.setdefault(normalise(text), f.id)
    return names


#: Column headers that name a column of units ("Enhet": tkr, mnkr, %)
_UNIT_HEADERS = {"enhet", "enheter", "unit", "units", "valuta", "currency"}
#: A year in a column's header ("2017", "Utfall 2017", "2017 (mnkr)")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
#: Of several columns that name the year, the outcome ("Utfall 2017", not "Budget 2017")
_OUTCOME = re.compile(r"\b(?:utfall|utfallet|outcome|actual)", re.IGNORECASE)


@dataclass
class _Read:
    """One figure row of a table, as read."""

    fid: str
    label: str
    location: int
    #: the text the check reads the amount from: as written, with the unit
    #: from the header or the row's unit cell added to a bare number; ``None``
    #: when the amount could not be read (``source.issues`` says why)
    text: str | None
    source: FigureSource


def _distinct_columns(grid: list[list[Cell]], width: int) -> list[int]:
    """Grid columns after the label column, leaving out a column that is only
    the continuation of a cell merged across from its left in every row."""
    out = []
    for c in range(1, width):
        same = all(c < len(row) and row[c] is row[c - 1] for row in grid if len(row) > c - 1)
        if not same or c == 1:
            out.append(c)
    return out


def _at(row: list[Cell], c: int) -> Cell:
    return row[c] if c < len(row) else Cell("")


def _column_names(headers: dict[int, str], columns: list[int]) -> str:
    """``”2016 (mnkr)”, ”2017 (mnkr)”``; a column without a header by its number (``#3``)."""
    return ", ".join(f"”{headers[c]}”" if headers[c] else f"#{c + 1}" for c in columns)


def read_table_figures(b: Block, names: dict[str, str], year: int | None) -> list[_Read]:
    """The figures in one table: which column holds the amounts, and each
    amount's unit from the amount itself, the row's unit cell or the column's
    header. Nothing is guessed: an ambiguous column, a merged cell or a unit
    that cannot be known is an issue on the figure, and its amount is not read."""
    grid = b.grid
    figure_rows = [(n, names[normalise(row[0].text)]) for n, row in enumerate(grid)
                   if len(row) >= 2 and normalise(row[0].text) in names]
    if not figure_rows:
        return []
    first = figure_rows[0][0]
    # rows of facts (the report's or the memo's) above the figures are no column headers
    header_rows = [grid[n] for n in range(first) if normalise(grid[n][0].text) not in _labels()]
    width = max(len(row) for row in grid)
    columns = _distinct_columns(grid, width)
    headers: dict[int, str] = {}
    header_marks: dict[int, bool] = {}
    for c in columns:
        texts: list[str] = []
        for row in header_rows:
            cell = _at(row, c)
            if cell.text and cell.text not in texts:
                texts.append(cell.text)
        headers[c] = " ".join(texts)
        header_marks[c] = any(_at(row, c).footnote for row in header_rows)
    value_cells = {c: [_at(grid[n], c) for n, _ in figure_rows] for c in columns}
    unit_columns = [c for c in columns if normalise(headers[c]) in _UNIT_HEADERS
                    or (any(x.text for x in value_cells[c]) and all(unit_of(x.text) for x in value_cells[c] if x.text))]
    named_year = [c for c in columns if c not in unit_columns and year is not None and str(year) in _YEAR.findall(headers[c])]
    candidates = [c for c in columns if c not in unit_columns
                  and (c in named_year or any(starts_with_number(x.text) for x in value_cells[c]))]
    chosen: int | None = None
    table_issue: FigureIssue | None = None
    if len(named_year) == 1:
        chosen = named_year[0]
    elif len(named_year) > 1:
        outcome = [c for c in named_year if _OUTCOME.search(headers[c])]
        if len(outcome) == 1:
            chosen = outcome[0]
        else:
            table_issue = FigureIssue("figure-column-ambiguous", "figure-column-ambiguous",
                                      {"columns": _column_names(headers, named_year), "table": b.location, "year": year or ""})
    elif len(candidates) > 1:
        table_issue = FigureIssue("figure-column-ambiguous", "figure-column-ambiguous",
                                  {"columns": _column_names(headers, candidates), "table": b.location, "year": year or ""})
    elif candidates:
        chosen = candidates[0]
    else:
        chosen = next((c for c in columns if c not in unit_columns), columns[0] if columns else 1)
    other_year = None
    if chosen is not None and year is not None and chosen not in named_year:
        other_year = next(iter(_YEAR.findall(headers.get(chosen, ""))), None)
    out = []
    for n, fid in figure_rows:
        row = grid[n]
        issues: list[FigureIssue] = []
        label = row[0].text
        if table_issue is not None:
            issues.append(FigureIssue(table_issue.code, table_issue.key, {**table_issue.params, "label": label}))
            out.append(_Read(fid, label, b.location, None, FigureSource("", "table", table=b.location, issues=issues)))
            continue
        assert chosen is not None
        cell = _at(row, chosen)
        header = headers.get(chosen, "")
        written = cell.text
        if cell.merged_down or any(_at(row, c) is cell for c in candidates if c != chosen):
            issues.append(FigureIssue("figure-merged-cell", "figure-merged-cell", {"label": label, "table": b.location}))
        unit, unit_from = "", ""
        if written and starts_with_number(written) and not amount_unit(written):
            unit_texts = [_at(row, c).text for c in unit_columns if _at(row, c).text]
            header_units = units_in(header)
            if unit_texts:
                if len(unit_texts) > 1 or unit_of(unit_texts[0]) is None:
                    issues.append(FigureIssue("figure-unit-unclear", "figure-unit-unclear-cell",
                                              {"label": label, "unit": " / ".join(unit_texts), "table": b.location}))
                else:
                    unit, unit_from = unit_texts[0].casefold(), "cell"
            elif len(header_units) > 1:
                issues.append(FigureIssue("figure-unit-unclear", "figure-unit-unclear-two",
                                          {"label": label, "header": header, "units": ", ".join(header_units),
                                           "table": b.location}))
            elif header_units:
                unit, unit_from = header_units[0], "header"
            elif header_marks.get(chosen) or cell.footnote:
                issues.append(FigureIssue("figure-unit-unclear", "figure-unit-unclear-footnote",
                                          {"label": label, "header": header or written, "table": b.location}))
        if other_year is not None and not issues:
            issues.append(FigureIssue("figure-column-year", "figure-column-year",
                                      {"label": label, "header": header, "column_year": other_year, "year": year or ""}))
        blocked = any(i.code != "figure-column-year" for i in issues)
        text = None if blocked else (f"{written} {unit}" if unit else written)
        source = FigureSource(written, "table", unit, unit_from, header, b.location, issues)
        out.append(_Read(fid, label, b.location, text, source))
    return out


def _same_amount(a: str | None, b: str | None) -> bool:
    if a == b:
        return True
    try:
        return a is not None and b is not None and parse_amount(a) == parse_amount(b)
    except AmountError:
        return False


def read_figures(blocks: list[Block], names: dict[str, str], year: int | None = None
                 ) -> tuple[dict[str, str | None], dict[str, int], set[int], dict[str, FigureSource]]:
    """Figures from table rows: the text to read each amount from, the
    paragraph of each, the tables that are only figures, and how each was read.

    The same figure in two rows is read once when both say the same amount
    (``61 300 tkr`` and ``61,3 mnkr`` agree); when they differ, neither is
    taken and the figure carries a ``figure-repeated`` issue naming both.
    """
    figures: dict[str, str | None] = {}
    where: dict[str, int] = {}
    sources: dict[str, FigureSource] = {}
    data_tables: set[int] = set()
    for b in blocks:
        if b.kind != "table" or not names:
            continue
        found = read_table_figures(b, names, year)
        for r in found:
            if r.fid not in figures:
                figures[r.fid], where[r.fid], sources[r.fid] = r.text, r.location, r.source
                continue
            first = sources[r.fid]
            if first.issues or r.source.issues or not _same_amount(figures[r.fid], r.text):
                if not any(i.code == "figure-repeated" for i in first.issues):
                    first.issues.append(FigureIssue("figure-repeated", "figure-repeated", {
                        "label": r.label, "first": where[r.fid], "second": r.location,
                        "first_value": first.written or "–", "second_value": r.source.written or "–"}))
                figures[r.fid] = None
        if found:
            first_row = min(n for n, row in enumerate(b.grid) if len(row) >= 2 and normalise(row[0].text) in names)
            rows = {n for n, row in enumerate(b.grid) if len(row) >= 2 and normalise(row[0].text) in names}
            if first_row <= 2 and rows >= set(range(first_row, len(b.grid))):
                # only figures, under at most two header rows: data, not text
                data_tables.add(b.location)
    return figures, where, data_tables, sources


def carried_figures(blocks: list[Block], names: dict[str, str]) -> dict[str, int]:
    """Figures whose table row says ``villkor:carried-over`` beside the amount
    (last year's amount in a template from ``villkor new --from``), and the
    paragraph of that row's table."""
    return {fid: location for fid, (location, _) in _carried_rows(blocks, names).items()}


def carried_notes(blocks: list[Block], names: dict[str, str]) -> dict[str, str]:
    """The text of the cell that marks each carried-over amount (it says the year)."""
    return {fid: note for fid, (_, note) in _carried_rows(blocks, names).items()}


def _carried_rows(blocks: list[Block], names: dict[str, str]) -> dict[str, tuple[int, str]]:
    carried: dict[str, tuple[int, str]] = {}
    for b in blocks:
        if b.kind != "table" or not names:
            continue
        for row in b.grid:
            fid = names.get(normalise(row[0].text)) if len(row) >= 2 else None
            note = next((cell.text for cell in row[1:] if MARKER in cell.text), None)
            if fid is not None and fid not in carried and note is not None:
                carried[fid] = (b.location, note)
    return carried


def mark_guidance(blocks: list[Block], decision: Conditions | None, skips: _Skips) -> None:
    """Paragraphs that hold a section's guidance (the template's "Vägledning"
    paragraphs whose style was renamed or deleted) are guidance, not text:
    the decision's words must never count as the writer's."""
    if decision is None:
        return
    texts = {normalise(s.guidance) for s in decision.walk_sections() if len(s.guidance.split()) >= 5}
    if not texts:
        return
    for b in blocks:
        if b.kind in ("text", "list") and any(g in normalise(b.text) for g in texts):
            b.kind = "guidance"
            skips.add("guidance", b.location)


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
        if b.location in skip or b.kind == "guidance":
            continue
        if lines and not (b.kind == "list" and prev == ("list", b.numbered)):
            add("", locations[-1])
        if b.kind == "title" and title is None and not found:
            # the document's title: the first Title paragraph above every heading
            title = len(lines)
            add(f"# {heading_markdown(b.text)}", b.location)
        elif b.kind == "heading":
            level = min(6, b.level + shift)
            count_heading(len(found), name, b.location, "paragraph")
            found.append((b.text, level, b.location, len(lines)))
            add(f"{'#' * level} {heading_markdown(b.text)}", b.location)
        elif b.kind == "list":
            marker = "1." if b.numbered else "-"
            indent = "    " * min(b.level, 5)
            for n, line in enumerate(b.lines):
                add(f"{indent}{marker} {line}" if n == 0 else f"{indent}    {line}", b.location)
        elif b.kind == "table":
            for line in _table_lines(b.rows):
                add(line, b.location)
        elif b.kind == "carried":
            # the same marker as in a Markdown draft: a comment the check warns about
            note = b.text.replace(MARKER, "").replace("--", "–").replace(">", "›").strip(" :–-")
            add(f"<!-- {MARKER} {note} -->", b.location)
        else:  # text, and a Title paragraph that is not the document's title
            for line in b.lines:
                add(line, b.location)
        prev = (b.kind, b.numbered)
    headings = []
    for n, (text, level, location, index) in enumerate(found):
        end = found[n + 1][3] if n + 1 < len(found) else len(lines)
        headings.append(Heading(text, level, location, index + 1, end, index))
    return lines, locations, headings, title


def parse_docx(path: str | Path, name: str | None = None, decision_for: DecisionFor | None = None,
               default_conditions: str | None = None, data: bytes | None = None) -> Draft:
    """Read a Word draft into a :class:`~toolkit.drafts.model.Draft` (``kind="docx"``).

    Figure rows are recognised by the figures of the decision that
    ``decision_for`` gives for the document's own ``conditions`` (the caller
    decides: the check passes the decision it checks against). Without it,
    no table row is read as a figure. ``default_conditions`` names the
    decision when the document names none (``--conditions``).
    """
    p = Path(path)
    name = name or str(path)
    document, zf = open_document(p, name, data)
    skips = _Skips()
    try:
        blocks = read_blocks(document, skips, name)
    except VillkorError:
        raise
    except MemoryError:  # out of memory is not a damaged document, nor a reason to guess
        raise
    except Exception:  # a part python-docx cannot make sense of
        raise _refuse("docx-damaged", name) from None
    if not blocks:
        raise _refuse("docx-empty", name)
    meta, where, facts = read_metadata(document, zf, blocks)
    if facts is None and "conditions" not in meta and "region" not in meta:
        raise _refuse("docx-no-facts", name)
    decision = decision_for(meta.get("conditions") or default_conditions) if decision_for else None
    names = _figure_names(decision)
    figures, figure_where, data_tables, sources = read_figures(blocks, names, decision.year if decision else None)
    carried = carried_figures(blocks, names)
    notes = carried_notes(blocks, names)
    mark_guidance(blocks, decision, skips)
    references = {normalise(r.label) for r in decision.references} if decision is not None else set()
    for key, value in _unknown_facts(facts, names, references).items():
        meta.setdefault(key, value)
        where[(key,)] = facts.location if facts else 1
    if figures:
        meta["figures"] = figures
        where[("figures",)] = min(figure_where.values())
        for fid, location in figure_where.items():
            where[("figures", fid)] = location
    supplied = supply_conditions(meta, default_conditions)
    doc = YamlDoc(meta, where, facts.location if facts else 1)
    try:
        meta = validate_front_matter(meta, doc, name, _row_labels(facts),
                                     [x for f in (decision.figures if decision else []) for x in (f.label, *f.aliases)])
    except DraftError as exc:
        for problem in exc.problems:
            problem.unit = "paragraph"
        raise
    skip = data_tables | ({facts.location} if facts else set())
    lines, locations, headings, title = build_lines(blocks, skip, name)
    return Draft(p, name, meta, doc, lines, headings, 0, kind="docx", unit="paragraph", locations=locations,
                 title_index=title, figure_sources=sources, conditions_supplied=supplied,
                 carried_figures=carried, carried_notes=notes, skipped=list(skips))
