"""What a checked upload, a folder's summary and next year's template can be
downloaded as: one table each of (label, format, library function).

The web page offers exactly the rows of these tables, so a new output of the
library (a Word report, a spreadsheet of amounts) appears on the page by
adding one row here. Every function is the library's own; nothing here
decides what a report says.

An incomplete draft's report and memo are made the way ``--draft`` makes
them: marked "Utkast – ofullständig" on their first page, and the page says so
beside the links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.checking.results import CheckResult
from toolkit.drafts.model import WORD_SUFFIXES

HTML = "text/html; charset=utf-8"
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MARKDOWN = "text/markdown; charset=utf-8"
JSON = "application/json"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


@dataclass
class Checked:
    """A checked upload, while its temporary copy still exists."""

    result: CheckResult
    #: the temporary copy of the upload
    path: Path
    #: the name the person's file had
    name: str
    #: the decision the person chose, else ``None`` (the one the draft names)
    conditions: str | None
    lang: str

    @property
    def draft_mode(self) -> bool:
        """Made as a marked draft: the report is not complete."""
        return not self.result.complete

    @property
    def is_word(self) -> bool:
        return self.path.suffix.lower() in WORD_SUFFIXES


@dataclass(frozen=True)
class Download:
    """One thing a checked upload can be downloaded as."""

    #: the last part of its address, and the catalogue key of its label (``web-dl-<key>``)
    key: str
    #: what the file's name ends with, after the upload's stem
    suffix: str
    mimetype: str
    make: Callable[[Checked], str | bytes]
    #: which downloads are offered for an upload
    offered: Callable[[Checked], bool] = lambda c: True
    #: the report and memo of an incomplete draft are made as marked drafts
    marked_when_incomplete: bool = True


def _report_html(c: Checked) -> str:
    from toolkit.outputs.render import render_html

    return render_html(c.result, c.lang, c.draft_mode)


def _report_md(c: Checked) -> str:
    from toolkit.outputs.render import render_markdown

    return render_markdown(c.result, c.lang, c.draft_mode)


def _report_docx(c: Checked) -> bytes:
    from toolkit.outputs.render import render_docx

    return render_docx(c.result, c.lang, c.draft_mode)


def _memo_docx(c: Checked) -> bytes:
    from toolkit.outputs.memo import render_memo_docx

    made = render_memo_docx(c.result, c.lang, c.draft_mode)
    if made.data is None:
        raise ValueError("render_memo_docx gave no Word document")
    return made.data


def _memo_html(c: Checked) -> str:
    from toolkit.outputs.memo import render_memo_html

    return render_memo_html(c.result, c.lang, c.draft_mode).text


def _converted(c: Checked) -> str:
    from toolkit.outputs.convert import convert_docx

    return convert_docx(c.path, c.name, c.conditions)


def _verdict_html(c: Checked) -> str:
    from toolkit.outputs.report import format_summary_html

    return format_summary_html(c.result, c.lang)


def _verdict_json(c: Checked) -> str:
    from toolkit.outputs.report import format_json

    return format_json([c.result], c.lang)


#: Everything a checked upload can be downloaded as, in the order the page lists them.
DOWNLOADS: tuple[Download, ...] = (
    Download("report-docx", "-rapport.docx", WORD, _report_docx),
    Download("report-html", "-rapport.html", HTML, _report_html),
    Download("report-md", "-rapport.md", MARKDOWN, _report_md),
    Download("memo-docx", "-beslutsunderlag.docx", WORD, _memo_docx),
    Download("memo-html", "-beslutsunderlag.html", HTML, _memo_html),
    Download("converted-md", ".md", MARKDOWN, _converted, offered=lambda c: c.is_word, marked_when_incomplete=False),
    Download("verdict-html", "-kontroll.html", HTML, _verdict_html, marked_when_incomplete=False),
    Download("verdict-json", "-kontroll.json", JSON, _verdict_json, marked_when_incomplete=False),
)


@dataclass(frozen=True)
class SummaryDownload:
    """One thing a folder's summary can be downloaded as."""

    key: str
    suffix: str
    mimetype: str
    make: Callable[[Any, str], str | bytes]  # (Summary, lang)


def _summary_json(s: Any, lang: str) -> str:
    from toolkit.outputs.overview import format_json

    return format_json(s, lang)


def _summary_md(s: Any, lang: str) -> str:
    from toolkit.outputs.overview import format_md

    return format_md(s, lang)


def _summary_xlsx(s: Any, lang: str) -> bytes:
    from toolkit.outputs import sheets

    return sheets.xlsx_bytes(sheets.tables(s, lang))


def _summary_csv(s: Any, lang: str) -> str:
    from toolkit.outputs import sheets

    return "".join(sheets.csv_pieces(sheets.figures_table(s, lang), lang))


#: What a folder's summary can be downloaded as.
SUMMARY_DOWNLOADS: tuple[SummaryDownload, ...] = (
    SummaryDownload("summary-json", "sammanstallning.json", JSON, _summary_json),
    SummaryDownload("summary-md", "sammanstallning.md", MARKDOWN, _summary_md),
    SummaryDownload("summary-xlsx", "sammanstallning.xlsx", XLSX, _summary_xlsx),
    SummaryDownload("summary-csv", "belopp.csv", CSV, _summary_csv),
)


@dataclass(frozen=True)
class TemplateFormat:
    """One format next year's template can be had in."""

    key: str
    suffix: str
    mimetype: str
    #: (decision, region, last year's file or None, its name, lang) -> the template
    make: Callable[[Any, str, Path | None, str | None, str], str | bytes]


def _template_docx(conditions: Any, region: str, last: Path | None, last_name: str | None, lang: str) -> bytes:
    from toolkit.outputs.scaffold import new_draft_docx

    return new_draft_docx(conditions, region, last, lang, last_name)


def _template_md(conditions: Any, region: str, last: Path | None, last_name: str | None, lang: str) -> str:
    from toolkit.outputs.scaffold import new_draft

    return new_draft(conditions, region, last, lang, last_name)


#: The formats of next year's template, the first the default (most writers use Word).
TEMPLATE_FORMATS: tuple[TemplateFormat, ...] = (
    TemplateFormat("template-docx", ".docx", WORD, _template_docx),
    TemplateFormat("template-md", ".md", MARKDOWN, _template_md),
)


# --------------------------------------------------------------------------
# File names


def safe_stem(name: str, fallback: str = "utkast") -> str:
    """A file name's stem that is safe in a download's name: letters, digits,
    ``-``, ``_`` and ``.`` (Swedish letters kept), at most 80 characters."""
    stem = Path(name.replace("\\", "/")).name
    for suffix in (".md", ".markdown", *WORD_SUFFIXES):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    stem = unicodedata.normalize("NFC", stem)
    stem = re.sub(r"[^\w.-]+", "-", stem).strip(".-_")[:80].strip(".-_")
    return stem or fallback


def display_name(filename: str | None) -> str:
    """The name to show for an uploaded file: its last part, without control
    characters, at most 120 characters."""
    name = Path((filename or "").replace("\\", "/")).name
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    return name.strip()[:120]
