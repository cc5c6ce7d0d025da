"""Start a new draft from a decision, optionally with last year's text.

:func:`plan_draft` decides what the new draft holds and returns it as data
(a :class:`DraftPlan`); :func:`format_markdown` writes the plan as a Markdown
draft; :func:`new_draft` does both. Any other writer of a new draft (a Word
template, say) works from the same plan, so it carries over exactly the same
text. Nothing here writes a file.

The draft has front matter with ``conditions``, ``region`` and one entry per
figure (its label as a YAML comment), a title, and for every part its heading
with ``{#id}`` and the decision's guidance as an HTML comment, which checking
and rendering ignore. An optional part is written inside a comment (so the
new draft does not have to say anything about it) unless there is text to
carry over.

With ``last`` (last year's draft), each part's text is carried over from the
matching part of last year's draft: last year's draft is matched against its
own decision, then ids are followed through ``renamed_from`` (either way) and
``folded_from`` (sections the new decision folds into one of its own). Carried
text is marked ``<!-- villkor:carried-over:YEAR ... -->`` and each carried
figure value gets ``# villkor:carried-over:YEAR`` on its line, YEAR being the
year the text or amount really comes from; the check warns about every marker
still there (``section-carried-over``, ``figure-carried-over``).

Nothing of last year's draft is dropped: text under a section the new
decision has no counterpart for, text before the first section, and amounts
of figures the new decision does not ask for go into one commented block at
the end ("Förra årets text utan motsvarighet i årets beslut"), and
:attr:`DraftPlan.notices` names each such section for the command to warn.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.decisions.model import Conditions, Figure, Section
from toolkit.drafts.markdown import shift_headings
from toolkit.drafts.markers import MARKER, carried_year, marker, note_year
from toolkit.drafts.model import comment_spans
from toolkit.errors import DraftError, OutputError, Problem
from toolkit.messages import t

#: Opens the block of last year's text with no place in the new decision; not
#: a carried-over marker, so the check does not pin it on the last section.
UNPLACED = "villkor:unplaced"

__all__ = ["MARKER", "Carried", "CarriedFigure", "DraftPlan", "LastYear", "Part", "PlannedFigure",
           "format_markdown", "new_draft", "plan_draft", "read_last_year", "refuse_existing"]


@dataclass
class Carried:
    """Last year's text for one part, and where it came from."""

    text: str
    old_id: str
    old_title: str
    #: the year the text really comes from (earlier than last year's when last
    #: year's draft still carried it over unchanged)
    year: int | None = None
    #: the old section's id and its earlier ids, as last year's decision knows them
    ids: tuple[str, ...] = ()
    #: where it stands in last year's draft (line or paragraph)
    line: int | None = None
    #: how it reached its new part: "same", "renamed" or "folded"
    how: str = ""


@dataclass
class CarriedFigure:
    """Last year's amount for one figure."""

    key: str
    value: Any
    label: str
    year: int | None = None
    line: int | None = None


@dataclass
class LastYear:
    """What last year's draft gives next year's."""

    source: str
    conditions: Conditions
    #: the year of last year's decision
    year: int | None
    #: text under each of last year's decision's parts, in that decision's order
    texts: list[Carried]
    #: amounts by the key they have in last year's front matter
    figures: dict[str, CarriedFigure]
    #: the writer's own parts (headings that were none of the decision's)
    own: list[Carried]
    #: text before the first section, after the title (its ``old_title`` is empty)
    preamble: Carried | None = None
    #: what a place in last year's draft counts: "line" or "paragraph" (Word)
    unit: str = "line"


@dataclass
class Part:
    """One part of the new decision in the new draft."""

    section: Section
    carried: list[Carried] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.carried) or any(p.has_text for p in self.parts)

    @property
    def offered(self) -> bool:
        """An optional part with nothing carried: offered inside a comment."""
        return not self.section.required and not self.has_text


@dataclass
class PlannedFigure:
    figure: Figure
    carried: CarriedFigure | None = None


@dataclass
class DraftPlan:
    """Everything a new draft holds, before it is written in any format."""

    conditions: Conditions
    region: str
    last: LastYear | None
    figures: list[PlannedFigure]
    parts: list[Part]
    #: the writer's own parts last year, carried after the decision's parts
    own: list[Carried] = field(default_factory=list)
    #: last year's text with no counterpart in the new decision
    unplaced: list[Carried] = field(default_factory=list)
    #: last year's amounts of figures the new decision does not ask for
    unplaced_figures: list[CarriedFigure] = field(default_factory=list)

    def walk(self) -> list[Part]:
        out: list[Part] = []

        def walk(parts: list[Part]) -> None:
            for p in parts:
                out.append(p)
                walk(p.parts)

        walk(self.parts)
        return out

    @property
    def notices(self) -> list[Problem]:
        """What the writer should know about the carried text, at its place in
        last year's draft: each old section folded into a new one, and each one
        with no counterpart at all (its text is in the block at the end)."""
        if self.last is None:
            return []
        source, new = self.last.source, self.conditions.id
        out: list[Problem] = []
        for p in self.walk():
            for c in p.carried:
                if c.how == "folded":
                    out.append(Problem("new-folded", {"title": c.old_title, "into": p.section.title, "id": new},
                                       source, c.line))
        for c in self.unplaced:
            if c.old_id:
                out.append(Problem("new-unplaced", {"title": c.old_title, "id": new}, source, c.line))
        if self.unplaced_figures:
            out.append(Problem("new-unplaced-figures", {"id": new, "labels": ", ".join(f.label for f in self.unplaced_figures)},
                               source, min((f.line for f in self.unplaced_figures if f.line), default=None)))
        for problem in out:
            problem.unit = self.last.unit
        return sorted(out, key=lambda problem: problem.line or 0)


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


def _inside_comment(text: str) -> str:
    """The writer's text made safe inside an HTML comment without changing what
    it says: ``-->`` and ``<!--`` become entities, which Markdown shows as the
    same characters once the text is moved out of the comment."""
    return text.replace("<!--", "&lt;!--").replace("-->", "--&gt;")


def _clean(text: str) -> str:
    """Carried text without HTML comments (last year's guidance and markers)."""
    kept = []
    pos = 0
    for start, end in comment_spans(text):
        # the spaces and tabs around a comment go with it
        while start > pos and text[start - 1] in " \t":
            start -= 1
        while end < len(text) and text[end] in " \t":
            end += 1
        kept.append(text[pos:start])
        pos = end
    text = "".join(kept) + text[pos:]
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n")


# --------------------------------------------------------------------------
# Reading last year's draft


def read_last_year(last: str | Path, name: str | None = None) -> LastYear:
    """Last year's draft, checked against its own decision, as what it can give;
    ``name`` is what messages and notes call the file (default: ``last``)."""
    from toolkit.checking.checker import check_file
    from toolkit.drafts.markers import FIGURE_CARRIED_OVER

    result = check_file(last, name=name)
    draft, old = result.draft, result.conditions
    year = old.year
    sections = {s.id: s for s in old.walk_sections()}

    def piece(span: tuple[int, int], level: int) -> tuple[str, int | None]:
        raw = "\n".join(draft.lines[span[0] : span[1]])
        return shift_headings(_clean(raw), level, 0), carried_year(raw)  # sub-headings from level 1

    texts: list[Carried] = []
    for s in result.sections:
        if s.span is None:
            continue
        text, origin = piece(s.span, s.level)
        if text.strip():
            known = sections.get(s.id)
            texts.append(Carried(text, s.id, s.title, origin or year, (s.id, *(known.renamed_from if known else [])), s.line))
    own = []
    for x in result.extras:
        text, origin = piece(x.span, x.level)
        if text.strip():
            own.append(Carried(text, "", x.title, origin or year, (), x.line))
    preamble = None
    if result.preamble:
        text = _clean("\n".join(draft.lines[result.preamble[0] : result.preamble[1]]))
        if text.strip():
            preamble = Carried(text, "", "", year, (), draft.location(result.preamble[0]))
    figures: dict[str, CarriedFigure] = {}
    renamed = {o: f.id for f in old.figures for o in f.renamed_from}
    for key, value in draft.figures.items():
        if value in (None, ""):
            continue
        f = old.figure(str(key)) or old.figure(renamed.get(str(key), ""))
        origin = None
        line = draft.figure_line(str(key)) if draft.kind == "markdown" else draft.carried_figures.get(str(key))
        if draft.kind == "markdown" and line and 0 < line <= len(draft.lines) and FIGURE_CARRIED_OVER.search(draft.lines[line - 1]):
            origin = carried_year(draft.lines[line - 1])
        elif str(key) in draft.carried_notes:  # a Word template's note beside the amount
            origin = note_year(draft.carried_notes[str(key)])
        figures[str(key)] = CarriedFigure(str(key), value, f.label if f else str(key), origin or year, line)
    return LastYear(name or str(last), old, year, texts, figures, own, preamble, draft.unit)


# --------------------------------------------------------------------------
# The plan


def plan_draft(conditions: Conditions, region: str, last: str | Path | LastYear | None = None,
               last_name: str | None = None) -> DraftPlan:
    """What a new draft for ``region`` under ``conditions`` holds; ``last_name``
    is what the notes call last year's draft (default: ``last``)."""
    refuse_region(region)
    prior = read_last_year(last, last_name) if isinstance(last, (str, Path)) else last

    def build(sections: list[Section]) -> list[Part]:
        return [Part(s, [], build(s.parts)) for s in sections]

    parts = build(conditions.sections)
    plan = DraftPlan(conditions, region, prior, [], parts)
    walked = plan.walk()
    unused = list(prior.texts) if prior else []

    def take(part: Part, ids: set[str], how: str) -> None:
        for c in [c for c in unused if ids & set(c.ids)]:
            c.how = how if how != "same" or c.old_id == part.section.id else "renamed"
            part.carried.append(c)
            unused.remove(c)

    # an old section goes where its id (or an earlier one) is the new part's id;
    # then through renamed_from; only then to a part that folds it in
    for p in walked:
        take(p, {p.section.id}, "same")
    for p in walked:
        take(p, set(p.section.renamed_from), "renamed")
    for p in walked:
        take(p, set(p.section.folded_from), "folded")
    if prior is not None:
        plan.own = list(prior.own)
        plan.unplaced = ([prior.preamble] if prior.preamble else []) + unused

    figures = dict(prior.figures) if prior else {}
    for f in conditions.figures:
        key = next((k for k in (f.id, *f.renamed_from) if k in figures), None)
        plan.figures.append(PlannedFigure(f, figures.pop(key) if key is not None else None))
    plan.unplaced_figures = list(figures.values())
    return plan


# --------------------------------------------------------------------------
# Markdown


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


def _marker_line(c: Carried, plan: DraftPlan, lang: str) -> str:
    """``<!-- villkor:carried-over:2017 text överförd från … -->`` for one carried text."""
    last = plan.last
    assert last is not None
    params = {"source": last.source, "year": c.year or last.year or "", "title": c.old_title, "last_year": last.year or ""}
    if c.how == "folded":
        key = "new-carried-folded"
    elif c.year and last.year and c.year != last.year:
        key = "new-carried-earlier"
    else:
        key = "new-carried"
    note = _safe_comment(t(key, lang, **params)).replace(">", "")
    return f"<!-- {marker(c.year)} {note} -->"


def _figure_note(c: CarriedFigure, plan: DraftPlan, label: str, lang: str) -> str:
    last = plan.last
    assert last is not None
    if c.year and last.year and c.year != last.year:
        return t("new-figure-carried-earlier", lang, year=c.year, last_year=last.year, label=label)
    return t("new-figure-carried", lang, year=c.year or last.year or "", label=label)


def format_markdown(plan: DraftPlan, lang: str = "sv") -> str:
    """The plan as a Markdown draft."""
    conditions, region, last = plan.conditions, plan.region, plan.last
    out = ["---", f"conditions: {json.dumps(conditions.id)}", f"region: {json.dumps(region, ensure_ascii=False)}"]
    out += [f"# {line}" for line in _wrap(t("new-front-matter-help", lang))]
    out += ["# diarienummer:", "# datum:", "figures:"]
    for pf in plan.figures:
        f = pf.figure
        label = f"{f.label} ({f.unit}{', ' + f.form_of_support if f.form_of_support else ''})"
        if not f.required:
            label += " – " + t("diff-optional", lang)
        if pf.carried is not None:
            note = _figure_note(pf.carried, plan, label, lang)
            out.append(f"  {f.id}: {_yaml_scalar(pf.carried.value)}  # {marker(pf.carried.year)} {note}")
        else:
            out.append(f"  {f.id}:  # {label}")
    if not plan.figures:
        out[-1] = "figures: {}"
    out += ["---", "", "# " + t("report-title", lang, year=conditions.year or conditions.id, region=region), ""]
    due = conditions.due.isoformat() if conditions.due else (conditions.due_text or "–")
    out += ["<!--"] + _wrap(t("new-intro", lang, id=conditions.id, title=conditions.title, due=due)) + ["-->", ""]

    def part(p: Part) -> None:
        s = p.section
        level = min(6, 2 + s.depth)
        if p.offered:
            out.append("<!--")
            out.extend(_wrap(t("new-optional", lang)))
            commented(s)
            out.extend(["-->", ""])
            return
        out.extend([f"{'#' * level} {s.title} {{#{s.id}}}", ""])
        out.extend(["<!--", *_about(s, lang), "-->", ""])
        for c in p.carried:
            out.extend([_marker_line(c, plan, lang), ""])
            out.extend([shift_headings(c.text, 0, level), ""])
        for sub in p.parts:
            part(sub)

    def commented(s: Section) -> None:
        out.append("")
        out.append(f"{'#' * min(6, 2 + s.depth)} {_safe_comment(s.title)} {{#{s.id}}}")
        out.extend(_about(s, lang))
        for sub in s.parts:
            commented(sub)

    for p in plan.parts:
        part(p)
    for c in plan.own:  # the writer's own parts last year, after the decision's
        out.extend([f"## {c.old_title}", "", _marker_line(c, plan, lang), "", shift_headings(c.text, 0, 2), ""])
    if last is not None and (plan.unplaced or plan.unplaced_figures):
        out.extend(_unplaced_block(plan, lang))
    return "\n".join(out).rstrip("\n") + "\n"


def _unplaced_block(plan: DraftPlan, lang: str) -> list[str]:
    """One comment at the end with everything of last year's draft that has no
    place in the new decision, each old section under its own title."""
    last = plan.last
    assert last is not None
    rule = "=" * 76
    out = [f"<!-- {UNPLACED}", rule, _safe_comment(t("new-unplaced-title", lang)).upper(), rule]
    out += _wrap(t("new-unplaced-intro", lang, id=plan.conditions.id, source=last.source, year=last.year or ""))
    out.append("")
    for c in plan.unplaced:
        heading = f"### {c.old_title or t('new-preamble-title', lang)}"
        if c.year:
            heading += f" ({c.year})"
        out.extend([_inside_comment(heading), "", _inside_comment(shift_headings(c.text, 0, 3)), ""])
    if plan.unplaced_figures:
        out.extend([f"### {t('new-unplaced-figures-title', lang)}", ""])
        for f in plan.unplaced_figures:
            year = f" ({f.year})" if f.year else ""
            out.append(_inside_comment(f"- {f.label} ({f.key}): {f.value}{year}"))
        out.append("")
    out.append("-->")
    return out


def new_draft(conditions: Conditions, region: str, last: str | Path | None = None, lang: str = "sv",
              last_name: str | None = None) -> str:
    """The text of a new Markdown draft for ``region`` under ``conditions``;
    ``last_name`` is what the carried-over notes call last year's draft."""
    return format_markdown(plan_draft(conditions, region, last, last_name), lang)


def format_docx(plan: DraftPlan, lang: str = "sv") -> bytes:
    """The plan as a Word template (the same parts and the same carried text as
    :func:`format_markdown`).

    The title, a facts table the Word reader reads (the decision's id, the
    region, empty rows for the report's other facts and for the memo's), every
    section as a heading in Word's heading styles, the decision's words in the
    "Vägledning" style (not read), and each figures table under its section.
    Last year's text follows a highlighted "Överförd text" paragraph and last
    year's amounts carry a note; the check warns about both until they are
    removed. Last year's text with no place in the new decision ends the
    document in the "Vägledning" style, which is never read as the writer's
    text.
    """
    from toolkit.drafts.word import MARKER as WORD_MARKER
    from toolkit.drafts.word import MEMO_LABEL_KEYS
    from toolkit.outputs.docx_writer import WordDocument

    conditions, region, last = plan.conditions, plan.region, plan.last
    source = Path(last.source).name if last is not None else ""
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

    by_section: dict[str | None, list[PlannedFigure]] = {}
    for pf in plan.figures:
        f = pf.figure
        by_section.setdefault(f.section if f.section and conditions.section(f.section) else None, []).append(pf)

    def figures_table(items: list[PlannedFigure]) -> None:
        rows = [[t("col-figure", lang), t("col-value", lang), t("docx-col-note", lang)]]
        marked: set[tuple[int, int]] = set()
        for pf in items:
            f = pf.figure
            note = f"{f.unit}{', ' + f.form_of_support if f.form_of_support else ''}"
            if not f.required:
                note += " – " + t("diff-optional", lang)
            amount = ""
            if pf.carried is not None and last is not None:
                amount = str(pf.carried.value)
                c = pf.carried
                earlier = c.year and last.year and c.year != last.year
                key = "docx-figure-carried-earlier" if earlier else "docx-figure-carried"
                note = t(key, lang, year=c.year or last.year or "", last_year=last.year or "", marker=WORD_MARKER) + " " + note
                marked.add((len(rows), 2))
            rows.append([f.label, amount, note])
        doc.table(rows, header=True, right={1}, highlight=marked)

    def carried(c: Carried, shift: int) -> None:
        assert last is not None
        if c.how == "folded":
            key = "docx-carried-folded"
        elif c.year and last.year and c.year != last.year:
            key = "docx-carried-earlier"
        else:
            key = "docx-carried"
        doc.carried(t(key, lang, source=source, year=c.year or last.year or "", last_year=last.year or "",
                      title=c.old_title, marker=WORD_MARKER))
        doc.markdown(c.text, shift=shift)

    if None in by_section:  # figures that belong to no section: after the facts
        figures_table(by_section[None])

    def part(p: Part) -> None:
        s = p.section
        doc.heading(s.title, 1 + s.depth)
        about = _about_parts(s, lang)
        doc.guidance("\n".join(about if s.required else [t("docx-optional", lang), *about]))
        for c in p.carried:
            carried(c, s.depth + 1)
        if s.id in by_section:
            figures_table(by_section[s.id])
        for sub in p.parts:
            part(sub)

    for p in plan.parts:
        part(p)
    for c in plan.own:  # the writer's own parts last year, after the decision's
        doc.heading(c.old_title, 1)
        carried(c, 1)
    if last is not None and (plan.unplaced or plan.unplaced_figures):
        # in the guidance style: seen by the writer, never read as the report's text
        doc.banner(t("new-unplaced-title", lang))
        doc.guidance(t("new-unplaced-intro-docx", lang, id=conditions.id, source=source, year=last.year or ""))
        for c in plan.unplaced:
            doc.banner(f"{c.old_title or t('new-preamble-title', lang)}{f' ({c.year})' if c.year else ''}")
            for paragraph in re.split(r"\n\s*\n", c.text.strip()):
                doc.guidance(_plain_text(paragraph))
        if plan.unplaced_figures:
            doc.banner(t("new-unplaced-figures-title", lang))
            for uf in plan.unplaced_figures:
                doc.guidance(f"{uf.label} ({uf.key}): {uf.value}{f' ({uf.year})' if uf.year else ''}")
    return doc.to_bytes()


def _plain_text(markdown_text: str) -> str:
    """A paragraph of Markdown as the words it shows (for a paragraph Word
    shows as guidance: emphasis and links without their syntax)."""
    import lxml.html

    from toolkit.outputs.htmlsafe import markdown_to_html

    html = markdown_to_html(markdown_text)[0]
    text = lxml.html.fragment_fromstring(html, create_parent="div").text_content() if html.strip() else ""
    return " ".join(text.split()) or " ".join(markdown_text.split())


def new_draft_docx(conditions: Conditions, region: str, last: str | Path | None = None, lang: str = "sv",
                   last_name: str | None = None) -> bytes:
    """Next year's draft as a Word template for ``region`` under ``conditions``
    (``last_name``: what the notes call last year's draft, as in :func:`new_draft`)."""
    return format_docx(plan_draft(conditions, region, last, last_name), lang)
