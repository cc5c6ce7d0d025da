"""Turn a checked draft into the finished report: Markdown through Jinja2,
then HTML through Python-Markdown and the sanitiser.

Sections come in the decision's order with the decision's titles and
numbering; the writer's own sub-headings are moved under them; each figure is
shown in Swedish notation in a table at the end of the section it belongs to.
An incomplete draft is refused unless ``draft_mode`` is asked for, which
marks the report "Utkast – ofullständig" and shows each missing part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toolkit.checking.results import CheckResult, FigureResult
from toolkit.drafts.markdown import shift_headings
from toolkit.errors import Problem, RenderRefused


@dataclass
class ReportSection:
    id: str
    number: str
    title: str
    level: int
    body: str
    missing: bool = False
    figures: list[FigureResult] = field(default_factory=list)
    #: in draft mode, what is still wrong with the section
    problems: list[Any] = field(default_factory=list)


def _section_texts(result: CheckResult) -> dict[str, tuple[str, int]]:
    """Each placed section's Markdown text (comments dropped) and heading level."""
    return {
        s.id: (result.draft.text(*s.span).strip("\n"), s.level)
        for s in result.sections
        if s.span is not None
    }


def build_sections(result: CheckResult, draft_mode: bool) -> tuple[list[ReportSection], list[FigureResult]]:
    """The report's sections in the decision's order, and figures with no section."""
    c = result.conditions
    texts = _section_texts(result)
    status = {s.id: s for s in result.sections}
    figures_by_section: dict[str, list[FigureResult]] = {}
    loose: list[FigureResult] = []
    shown_ids = {sid for sid, st in status.items() if st.status != "omitted" and (st.line or draft_mode)}
    # a part the writer gave needs its parent's heading above it, even an optional parent left out
    for sid in list(shown_ids):
        parent = status[sid].parent
        while parent is not None:
            shown_ids.add(parent)
            parent = status[parent].parent
    for f in result.figures:
        if f.status == "omitted":
            continue
        if f.section and f.section in shown_ids:
            figures_by_section.setdefault(f.section, []).append(f)
        else:
            loose.append(f)
    out: list[ReportSection] = []
    counters: list[int] = []
    for s in c.walk_sections():
        if s.id not in shown_ids:
            continue
        depth = s.depth
        counters = counters[: depth + 1]
        while len(counters) <= depth:
            counters.append(0)
        counters[depth] += 1
        number = ".".join(str(n) for n in counters)
        level = min(6, 2 + depth)
        text, own_level = texts.get(s.id, ("", level))
        # a heading kept only for its parts says nothing about missing text
        missing = s.id not in texts and status[s.id].status != "omitted"
        out.append(
            ReportSection(s.id, number, s.title, level, shift_headings(text, own_level, level), missing,
                          figures_by_section.get(s.id, []),
                          [f for f in status[s.id].findings if f.code != "section-missing"] if draft_mode else [])
        )
    return out, loose


def report_context(result: CheckResult, draft_mode: bool, html: bool = False) -> dict[str, Any]:
    """What the report templates are given; ``html`` when the Markdown is only
    a step on the way to HTML (the draft banner and the notes are then HTML of
    their own, which the page styles)."""
    c = result.conditions
    meta = result.draft.meta
    sections, loose = build_sections(result, draft_mode)
    attachments = list(dict.fromkeys([*(meta.get("bilagor") or []), *c.attachments]))
    figures_fm = {f.id: f for f in result.figures if f.value is not None}
    draft = result.draft
    # text above the draft's title, then text between the title and the first
    # part: the report's own title replaces the draft's, nothing else is dropped
    spans = [span for span in (result.preface, result.preamble) if span]
    preamble = "\n\n".join(text for text in (draft.text(*span).strip() for span in spans) if text)
    extras = [
        (x.title, shift_headings(draft.text(*x.span).strip("\n"), x.level, 2)) for x in result.extras
    ]
    return {
        "c": c,
        "meta": meta,
        "preamble": preamble,
        "extras": extras,
        "region": meta.get("region", ""),
        "year": c.year,
        "recipient": meta.get("mottagare") or c.recipient,
        "references": [r for r in c.references if r.value],
        "sections": sections,
        "loose_figures": loose,
        "figures_fm": figures_fm,
        "attachments": attachments,
        "draft_mode": draft_mode and not result.complete,
        "result": result,
        "html": html,
    }


def _refuse_if_incomplete(result: CheckResult, draft_mode: bool) -> None:
    if not result.complete and not draft_mode:
        raise RenderRefused(refusal("render-incomplete", result), result)


def refusal(key: str, result: CheckResult) -> Problem:
    """Why an incomplete draft is not written: its errors, or (with
    ``--strict`` and no errors) its warnings, never "0 errors"."""
    errors = result.count("error")
    if errors == 0 and result.strict:
        return Problem(f"{key}-strict", {"warnings": result.count("warning")}, result.file)
    return Problem(key, {"errors": errors}, result.file)


def render_markdown(result: CheckResult, lang: str = "sv", draft_mode: bool = False) -> str:
    """The finished report as Markdown (with front matter, so it checks again)."""
    from toolkit.outputs.templating import render_template

    _refuse_if_incomplete(result, draft_mode)
    return render_template("report.md.j2", lang, **report_context(result, draft_mode))


def _markdown_for_html(result: CheckResult, lang: str, draft_mode: bool) -> str:
    from toolkit.outputs.templating import render_template

    _refuse_if_incomplete(result, draft_mode)
    return render_template("report.md.j2", lang, **report_context(result, draft_mode, html=True))


def render_html(result: CheckResult, lang: str = "sv", draft_mode: bool = False) -> str:
    """The finished report as one self-contained, sanitised HTML file."""
    from toolkit.drafts.markdown import split_front_matter
    from toolkit.outputs.htmlsafe import markdown_chunks_to_html
    from toolkit.outputs.templating import render_template

    text = _markdown_for_html(result, lang, draft_mode)
    _, _, body_start = split_front_matter(text, result.file)
    # the title and cover come before the table of contents, each part after it
    chunks = split_parts(text.split("\n")[body_start:])
    parts, toc = markdown_chunks_to_html(chunks)
    banner = draft_mode and not result.complete
    return render_template("report.html.j2", lang, cover=parts[0], body="\n".join(parts[1:]), toc=toc,
                           region=result.draft.meta.get("region", ""), year=result.conditions.year,
                           draft_banner=banner, verdict=_verdict(result, lang) if banner else "")


def _verdict(result: CheckResult, lang: str) -> str:
    from toolkit.outputs.report import verdict

    return verdict(result, lang)


def split_parts(lines: list[str]) -> list[str]:
    """The rendered Markdown cut before each of the report's own ``##`` headings
    (the writer's headings sit deeper; lines in code fences are left alone)."""
    from toolkit.drafts.markdown import fence_closes, fence_opens

    chunks: list[list[str]] = [[]]
    fence: str | None = None
    for line in lines:
        if fence is not None:
            fence = None if fence_closes(line, fence) else fence
        elif fence_opens(line):
            fence = fence_opens(line)
        elif line.startswith("## "):
            chunks.append([])
        chunks[-1].append(line)
    return ["\n".join(c) for c in chunks]


def cover_rows(context: dict[str, Any], lang: str = "sv") -> list[list[str]]:
    """The Word report's cover table. Its labels are the facts-table labels the
    Word reader knows (the decision's id, not only its title, under
    "Villkorsbeslut"), so the rendered document checks like its source."""
    from toolkit.messages import t
    from toolkit.outputs.templating import format_date

    c, meta = context["c"], context["meta"]
    rows = [[t("cover-region", lang), str(context["region"])]]
    if context["year"]:
        rows.append([t("cover-year", lang), str(context["year"])])
    rows.append([t("cover-conditions", lang), c.id])
    rows.append([t("docx-cover-decision-title", lang), c.title])
    if context["recipient"]:
        rows.append([t("cover-recipient", lang), str(context["recipient"])])
    if meta.get("diarienummer"):
        rows.append([t("cover-diarienummer", lang), str(meta["diarienummer"])])
    rows += [[ref.label, ref.value] for ref in context["references"]]
    if meta.get("datum"):
        rows.append([t("cover-date", lang), format_date(meta["datum"], lang)])
    if meta.get("kontaktperson"):
        rows.append([t("cover-contact", lang), str(meta["kontaktperson"])])
    return rows


def figure_rows(figures: list[FigureResult], lang: str = "sv") -> tuple[list[list[str]], set[tuple[int, int]]]:
    """A figures table: label and amount, in Swedish notation in either language
    (the amounts are the region's to the ministry, and read back as written).
    A figure without an amount (draft mode) gets an empty amount and "saknas"
    beside it, so the document checks as missing, not as not a number."""
    from toolkit.messages import t
    from toolkit.read.amounts import format_amount

    locale = "sv_SE"
    missing = any(f.value is None for f in figures)
    rows = [[t("col-figure", lang), t("col-value", lang)] + ([t("docx-col-note", lang)] if missing else [])]
    marked: set[tuple[int, int]] = set()
    for f in figures:
        amount = "" if f.value is None else format_amount(f.value, f.unit, locale)
        row = [f.label, amount]
        if missing:
            row.append(t("report-missing-figure", lang) if f.value is None else "")
            if f.value is None:
                marked.add((len(rows), 2))
        rows.append(row)
    return rows, marked


def render_docx(result: CheckResult, lang: str = "sv", draft_mode: bool = False) -> bytes:
    """The finished report as a Word document (see :mod:`toolkit.outputs.docx_writer`):
    the title, a cover table the Word reader reads back, the decision's sections
    in order under Word's heading styles with the draft's text, each figures table
    with Swedish amounts, and the attachments. Checking it gives the source's verdict."""
    from toolkit.messages import t
    from toolkit.outputs.docx_writer import WordDocument

    _refuse_if_incomplete(result, draft_mode)
    ctx = report_context(result, draft_mode)
    c = result.conditions
    title = t("report-title", lang, region=ctx["region"], year=ctx["year"] or "")
    doc = WordDocument(lang, title=title, subject=str(ctx["region"]), category=c.id)
    # notes of draft mode are in the guidance style, which the reader skips: a
    # rendered draft must never check as having the parts it lacks
    if ctx["draft_mode"]:
        doc.banner(t("draft-banner", lang))
    doc.title(title)
    doc.table(cover_rows(ctx, lang), header=False)
    # the draft's Markdown sits one level below the report's: its "##" parts are Heading 1
    doc.markdown(ctx["preamble"], shift=-1)

    def figures_table(figures: list[FigureResult]) -> None:
        rows, marked = figure_rows(figures, lang)
        doc.table(rows, header=True, right={1}, highlight=marked)

    for s in ctx["sections"]:
        doc.heading(f"{s.number}. {s.title}", s.level - 1)
        if s.missing:
            doc.guidance(t("report-missing-part", lang))
        else:
            if s.problems:
                doc.guidance(" ".join([t("report-to-fix", lang), *(f.message(lang) for f in s.problems)]))
            doc.markdown(s.body, shift=-1)
        if s.figures:
            figures_table(s.figures)
    for heading, body in ctx["extras"]:
        doc.heading(heading, 1)
        doc.markdown(body, shift=-1)
    if ctx["loose_figures"]:
        doc.heading(t("report-figures", lang), 1)
        figures_table(ctx["loose_figures"])
    if ctx["attachments"]:
        doc.heading(t("report-attachments", lang), 1)
        doc.bullets([str(a) for a in ctx["attachments"]])
    return doc.to_bytes()
