"""Start a new draft from a decision, optionally with last year's text.

:func:`new_draft` returns the text of a draft (it writes nothing): front
matter with ``conditions``, ``region`` and one entry per figure (its label as
a YAML comment), a title, and for every part its heading with ``{#id}`` and
the decision's guidance as an HTML comment, which checking and rendering
ignore. An optional part is written inside a comment (so the new draft does
not have to say anything about it) unless there is text to carry over.

With ``last`` (last year's draft), each part's text is carried over from the
matching part of last year's draft: last year's draft is matched against its
own decision, then ids are followed through ``renamed_from``. Carried text is
marked ``<!-- villkor:carried-over ... -->`` and each carried figure value
gets ``# villkor:carried-over`` on its line; the check warns about every
marker still there (``section-carried-over``, ``figure-carried-over``).
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.decisions.model import Conditions, Section
from toolkit.drafts.markdown import shift_headings
from toolkit.errors import DraftError, OutputError
from toolkit.messages import t

_COMMENT = re.compile(r"[ \t]*<!--.*?-->[ \t]*", re.S)
#: The marker that ``toolkit.check`` looks for; never translated.
MARKER = "villkor:carried-over"


@dataclass
class Carried:
    """Last year's text for one part, and where it came from."""

    text: str
    old_id: str
    old_title: str


def refuse_region(region: str) -> None:
    """A region is one line of plain text: a line break would put a heading of
    its own into the draft (and the report), a control character is unseen."""
    from toolkit.drafts.frontmatter import unsafe_value

    if not region.strip():
        raise DraftError.of("new-region-empty", None)
    problem = unsafe_value(region, "--region")
    if problem is not None:
        raise DraftError(problem)


def refuse_existing(output: str | Path | None, force: bool) -> None:
    """Raise :class:`OutputError` when ``output`` exists and ``force`` is not given."""
    if output and output != "-" and Path(output).exists() and not force:
        raise OutputError.of("new-output-exists", str(output))


def _safe_comment(text: str) -> str:
    """Text that cannot end (or open) an HTML comment early."""
    return text.replace("<!--", "<!–").replace("-->", "–>").replace("--", "–")


def _clean(text: str) -> str:
    """Carried text without HTML comments (last year's guidance and markers)."""
    text = _COMMENT.sub("", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


def carried_texts(last: str | Path, name: str | None = None) -> tuple[dict[str, Carried], dict[str, Any], Conditions, list[Carried]]:
    """Last year's text per section id, figure values by last year's ids, and
    the writer's own parts (under headings that were none of the decision's);
    ``name`` is what messages call the file (default: ``last``)."""
    from toolkit.checking.checker import check_file

    result = check_file(last, name=name)
    draft = result.draft
    texts: dict[str, Carried] = {}
    for s in result.sections:
        if s.span is None:
            continue
        text = _clean("\n".join(draft.lines[s.span[0] : s.span[1]]))
        if text.strip():
            texts[s.id] = Carried(text, s.id, s.title)
    texts_level = {s.id: s.level for s in result.sections if s.span is not None}
    for sid, c in texts.items():
        c.text = shift_headings(c.text, texts_level[sid], 0)  # normalised: sub-headings start at level 1
    own = [
        Carried(shift_headings(_clean("\n".join(draft.lines[x.span[0] : x.span[1]])), x.level, 0), "", x.title)
        for x in result.extras
    ]
    return texts, dict(draft.figures), result.conditions, [c for c in own if c.text.strip()]


def _find(ids: list[str], pool: dict[str, Any]) -> str | None:
    return next((i for i in ids if i in pool), None)


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _wrap(text: str, indent: str = "") -> list[str]:
    return textwrap.wrap(_safe_comment(" ".join(text.split())), 76, initial_indent=indent, subsequent_indent=indent) or [indent]


def _about_parts(s: Section, lang: str) -> list[str]:
    """The decision's words about one part, one sentence each: requirement, point, guidance."""
    req = t("diff-required" if s.required else "diff-optional", lang).capitalize()
    if s.min_words:
        req += ", " + t("show-min-words", lang, n=s.min_words)
    parts = [req + "."]
    if s.point:
        parts.append(f"{t('col-point', lang)}: {s.point}")
    if s.guidance:
        parts.append(f"{t('show-guidance', lang)}: {s.guidance}")
    return parts


def _about(s: Section, lang: str) -> list[str]:
    """The decision's words about one part, wrapped for a comment."""
    return [line for part in _about_parts(s, lang) for line in _wrap(part)]


def new_draft(conditions: Conditions, region: str, last: str | Path | None = None, lang: str = "sv",
              last_name: str | None = None) -> str:
    """The text of a new draft for ``region`` under ``conditions``; ``last_name``
    is what the carried-over notes call last year's draft (default: ``last``)."""
    refuse_region(region)
    texts: dict[str, Carried] = {}
    figures: dict[str, Any] = {}
    own: list[Carried] = []
    last_year: Any = ""
    if last is not None:
        texts, figures, last_conditions, own = carried_texts(last, last_name)
        last_year = last_conditions.year or last_conditions.id
    source = (last_name or str(last)) if last is not None else ""

    out = ["---", f"conditions: {json.dumps(conditions.id)}", f"region: {json.dumps(region, ensure_ascii=False)}"]
    out += [f"# {line}" for line in _wrap(t("new-front-matter-help", lang))]
    out += ["# diarienummer:", "# datum:", "figures:"]
    for f in conditions.figures:
        label = f"{f.label} ({f.unit}{', ' + f.form_of_support if f.form_of_support else ''})"
        if not f.required:
            label += " – " + t("diff-optional", lang)
        old = _find([f.id, *f.renamed_from], figures)
        if old is not None and figures[old] not in (None, ""):
            note = t("new-figure-carried", lang, year=last_year, label=label)
            out.append(f"  {f.id}: {_yaml_scalar(figures[old])}  # {MARKER} {note}")
        else:
            out.append(f"  {f.id}:  # {label}")
    if not conditions.figures:
        out[-1] = "figures: {}"
    out += ["---", "", "# " + t("report-title", lang, year=conditions.year or conditions.id, region=region), ""]
    out += ["<!--"] + _wrap(t("new-intro", lang, id=conditions.id, title=conditions.title,
                              due=conditions.due.isoformat() if conditions.due else (conditions.due_text or "–"))) + ["-->", ""]

    def has_text(s: Section) -> bool:
        return _find([s.id, *s.renamed_from], texts) is not None or any(has_text(p) for p in s.parts)

    def part(s: Section) -> None:
        level = min(6, 2 + s.depth)
        if not s.required and not has_text(s):
            out.append("<!--")
            out.extend(_wrap(t("new-optional", lang)))
            commented(s)
            out.extend(["-->", ""])
            return
        out.extend([f"{'#' * level} {s.title} {{#{s.id}}}", ""])
        out.extend(["<!--", *_about(s, lang), "-->", ""])
        old = _find([s.id, *s.renamed_from], texts)
        if old is not None:
            c = texts[old]
            note = t("new-carried", lang, source=source, year=last_year, title=c.old_title)
            out.extend([f"<!-- {MARKER} {_safe_comment(note).replace('>', '')} -->", ""])
            out.extend([shift_headings(c.text, 0, level), ""])
        for p in s.parts:
            part(p)

    def commented(s: Section) -> None:
        out.append("")
        out.append(f"{'#' * min(6, 2 + s.depth)} {_safe_comment(s.title)} {{#{s.id}}}")
        out.extend(_about(s, lang))
        for p in s.parts:
            commented(p)

    for s in conditions.sections:
        part(s)
    for c in own:  # the writer's own parts last year, after the decision's
        note = t("new-carried", lang, source=source, year=last_year, title=c.old_title)
        out.extend([f"## {c.old_title}", "", f"<!-- {MARKER} {_safe_comment(note).replace('>', '')} -->", "",
                    shift_headings(c.text, 0, 2), ""])
    return "\n".join(out).rstrip("\n") + "\n"


def new_draft_docx(conditions: Conditions, region: str, last: str | Path | None = None, lang: str = "sv",
                   last_name: str | None = None) -> bytes:
    """Next year's draft as a Word template for ``region`` under ``conditions``
    (``last_name``: what the notes call last year's draft, as in :func:`new_draft`).

    The same parts as :func:`new_draft`, in Word: the title, a facts table the
    Word reader reads (the decision's id, the region, empty rows for the
    report's other facts and for the memo's), every section as a heading in
    Word's heading styles, the decision's words in the "Vägledning" style
    (not read), and each figures table under its section. With ``last``, last
    year's text follows a highlighted "Överförd text" paragraph and last year's
    amounts carry a note; the check warns about both until they are removed.
    """
    from toolkit.drafts.word import MARKER as WORD_MARKER
    from toolkit.drafts.word import MEMO_LABEL_KEYS
    from toolkit.outputs.docx_writer import WordDocument

    refuse_region(region)
    texts: dict[str, Carried] = {}
    figures: dict[str, Any] = {}
    own: list[Carried] = []
    last_year: Any = ""
    if last is not None:
        texts, figures, last_conditions, own = carried_texts(last, last_name)
        last_year = last_conditions.year or last_conditions.id
    source = (last_name or Path(last).name) if last is not None else ""

    title = t("report-title", lang, year=conditions.year or conditions.id, region=region)
    doc = WordDocument(lang, title=title, subject=region, category=conditions.id)
    doc.title(title)
    facts = [[t("cover-conditions", lang), conditions.id], [t("cover-region", lang), region]]
    facts += [[t(key, lang), ""] for key in ("cover-diarienummer", "cover-date", "cover-contact")]
    memo_rows = [[t(key, lang), ""] for key in MEMO_LABEL_KEYS.values()]
    doc.table(facts + memo_rows, header=False)
    doc.guidance(t("docx-memo-rows", lang, first=memo_rows[0][0]))
    due = conditions.due.isoformat() if conditions.due else (conditions.due_text or "–")
    doc.guidance(t("docx-new-intro", lang, id=conditions.id, title=conditions.title, due=due))

    by_section: dict[str | None, list[Any]] = {}
    for f in conditions.figures:
        by_section.setdefault(f.section if f.section and conditions.section(f.section) else None, []).append(f)

    def figures_table(items: list[Any]) -> None:
        rows = [[t("col-figure", lang), t("col-value", lang), t("docx-col-note", lang)]]
        marked: set[tuple[int, int]] = set()
        for f in items:
            note = f"{f.unit}{', ' + f.form_of_support if f.form_of_support else ''}"
            if not f.required:
                note += " – " + t("diff-optional", lang)
            old = _find([f.id, *f.renamed_from], figures)
            amount = ""
            if old is not None and figures[old] not in (None, ""):
                amount = str(figures[old])
                note = t("docx-figure-carried", lang, year=last_year, marker=WORD_MARKER) + " " + note
                marked.add((len(rows), 2))
            rows.append([f.label, amount, note])
        doc.table(rows, header=True, right={1}, highlight=marked)

    if None in by_section:  # figures that belong to no section: after the facts
        figures_table(by_section[None])

    def part(s: Section) -> None:
        doc.heading(s.title, 1 + s.depth)
        about = _about_parts(s, lang)
        doc.guidance("\n".join(about if s.required else [t("docx-optional", lang), *about]))
        old = _find([s.id, *s.renamed_from], texts)
        if old is not None:
            c = texts[old]
            doc.carried(t("docx-carried", lang, source=source, year=last_year, title=c.old_title, marker=WORD_MARKER))
            doc.markdown(c.text, shift=s.depth + 1)
        if s.id in by_section:
            figures_table(by_section[s.id])
        for p in s.parts:
            part(p)

    for s in conditions.sections:
        part(s)
    for c in own:  # the writer's own parts last year, after the decision's
        doc.heading(c.old_title, 1)
        doc.carried(t("docx-carried", lang, source=source, year=last_year, title=c.old_title, marker=WORD_MARKER))
        doc.markdown(c.text, shift=1)
    return doc.to_bytes()
