"""Check a parsed draft against a decision.

:func:`build_schema` turns a :class:`~toolkit.decisions.model.Conditions` into a
Cerberus schema with the project's custom rules (minimum words, placeholder
text, amounts, consistency between figures); :func:`check_draft` validates a
draft with it and maps every error, plus what the structure shows (duplicated,
out-of-order and unmatched headings), to :class:`Finding` objects: one pass,
all problems, each with code, severity, file, line, section and the point of
the decision it comes from.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toolkit.checking.codes import severity
from toolkit.checking.matching import Match, Matcher
from toolkit.checking.placeholders import PLACEHOLDER_BRACKETED as PLACEHOLDER_BRACKETED
from toolkit.checking.placeholders import PLACEHOLDER_LAST as PLACEHOLDER_LAST
from toolkit.checking.placeholders import PLACEHOLDER_WORDS as PLACEHOLDER_WORDS
from toolkit.checking.placeholders import PlaceholderMatch as PlaceholderMatch
from toolkit.checking.placeholders import Placeholders
from toolkit.checking.results import (
    ERROR,
    INFO,
    CheckResult,
    Extra,
    FigureResult,
    Finding,
    SectionResult,
)
from toolkit.decisions.model import Conditions, Figure, Section
from toolkit.drafts.markers import FIGURE_CARRIED_OVER, carried_over
from toolkit.drafts.model import Draft, FigureSource, Heading, count_words
from toolkit.drafts.visible import visible_text
from toolkit.read.amounts import AmountError, amount_unit, format_amount, parse_amount, reordering_char
from toolkit.read.text import describe_char, did_you_mean
from toolkit.read.validation import BoundedValidator, leaf_errors

if TYPE_CHECKING:
    from toolkit.decisions.load import Decisions

#: How many headings that match nothing get a "did you mean" (see
#: :meth:`Checker._match_headings`).
MAX_SUGGESTIONS = 200

#: Front-matter keys (Word: facts-table rows) whose values the report shows:
#: a placeholder there reaches the government as surely as one in a section.
REPORTED_FACTS = ("region", "mottagare", "kontaktperson", "diarienummer", "datum", "bilagor")

#: A line that is nothing but bold text: ``**Samarbete med länsstyrelsen**``.
#: (``\s*(?::\s*)?$`` rather than ``\s*:?\s*$``, which tried every way of
#: sharing a run of spaces between the two and was quadratic.)
_BOLD_LINE = re.compile(r"^\s*+(\*\*|__)([^*_].*?)\1\s*(?::\s*)?$")




class DraftValidator(BoundedValidator):
    """Cerberus validator with the rules a report needs."""

    def _validate_min_words(self, constraint: int, field: str, value: Any) -> None:
        """{'type': 'integer'}"""
        words = value.get("words", 0) if isinstance(value, dict) else 0
        if words == 0:
            self._error(field, "empty")
        elif words < constraint:
            self._error(field, "too-short")

    def _validate_placeholders(self, constraint: Any, field: str, value: Any) -> None:
        """{'nullable': True}"""
        if constraint is None or not isinstance(value, dict):
            return
        # the check looks once per section and hands over what it found
        found = value["placeholder"] if "placeholder" in value else constraint.search(value.get("text", "")) is not None
        if found:
            self._error(field, "placeholder")

    def _validate_amount(self, constraint: str, field: str, value: Any) -> None:
        """{'type': 'string'}"""
        try:
            parse_amount(value, constraint)
        except AmountError:
            self._error(field, "not-numeric")

    def _validate_consistency(self, constraint: list[Any], field: str, value: Any) -> None:
        """{'type': 'list'}"""
        if not isinstance(value, dict):
            return
        for rule in constraint:
            amounts = {}
            for fid in [rule.total, *rule.parts]:
                try:
                    amounts[fid] = parse_amount(value[fid])
                except (KeyError, AmountError):
                    break
            else:
                total = amounts[rule.total]
                parts = sum((amounts[p] for p in rule.parts), Decimal(0))
                if abs(total - parts) > rule.allowed_difference(total):
                    self._error(field, f"inconsistent:{rule.id}")


def build_schema(conditions: Conditions, present: set[str] | None = None,
                 placeholders: Placeholders | None = None) -> dict[str, Any]:
    """The Cerberus schema of what the decision requires.

    ``present`` holds the ids of sections the draft has: a sub-part is
    required only when its parent is required or present.
    """
    present = present or set()
    placeholders = placeholders or Placeholders(conditions.placeholders)
    sections: dict[str, Any] = {}
    for s in conditions.walk_sections():
        # (no "type" rule: the check builds each section's value as a mapping itself)
        rules: dict[str, Any] = {
            "required": effective_required(conditions, s, present),
            "placeholders": placeholders,
        }
        # a section made of sub-parts needs no text of its own unless the decision says so
        if s.min_words or not s.parts:
            rules["min_words"] = max(s.min_words, 1)
        sections[s.id] = rules
    figures = {f.id: {"required": f.required, "amount": f.unit, "nullable": False} for f in conditions.figures}
    # one flat level (section:<id>, figure:<id>): nested schemas would make
    # Cerberus build child validators for every draft
    return {
        **{f"section:{sid}": rules for sid, rules in sections.items()},
        **{f"figure:{fid}": rules for fid, rules in figures.items()},
        "figures": {"type": "dict", "consistency": conditions.rules},
    }


def effective_required(conditions: Conditions, s: Section, present: set[str]) -> bool:
    if not s.required:
        return False
    if s.parent is None:
        return True
    parent = conditions.section(s.parent)
    return parent is not None and (parent.id in present or effective_required(conditions, parent, present))


# --------------------------------------------------------------------------
# Checking


@dataclass
class _Placed:
    section: Section
    heading: Heading
    match: Match
    text: str = ""
    words: int = 0
    start: int = 0
    end: int = 0
    #: the first placeholder in ``text``, if any
    placeholder: PlaceholderMatch | None = None


def _spans(draft: Draft, matched: dict[int, Match]) -> dict[int, tuple[int, int]]:
    """Line-index span of each matched heading's own text.

    A section's text runs to the next heading that is matched or not deeper
    than it, so the writer's own sub-headings belong to the section.
    """
    spans: dict[int, tuple[int, int]] = {}
    hs = draft.headings
    for i, h in enumerate(hs):
        if i not in matched:
            continue
        end = len(draft.lines)
        for j in range(i + 1, len(hs)):
            if j in matched or hs[j].level <= h.level:
                end = hs[j].index
                break
        spans[i] = (h.start, end)
    return spans


def _preface(draft: Draft, title: int | None) -> tuple[int, int] | None:
    """The text between the front matter and the document's title, if any."""
    if title is not None:
        end = draft.headings[title].index
    elif draft.title_index is not None:
        end = draft.title_index
    else:
        return None
    return (draft.body_start, end) if end > draft.body_start else None


def _preamble(draft: Draft, title: int | None) -> tuple[int, int] | None:
    """The text between the front matter (or the document's title) and the first part."""
    hs = draft.headings
    if title is not None:
        start = hs[title].start
    elif draft.title_index is not None:
        start = draft.title_index + 1
    else:
        start = draft.body_start
    following = [h.index for h in hs if h.index >= start]
    end = following[0] if following else len(draft.lines)
    return (start, end) if end > start else None


class Checker:
    """Checks drafts against one decision; reuse it for a batch."""

    def __init__(self, conditions: Conditions):
        self.conditions = conditions
        self.matcher = Matcher(conditions)
        self.order = {s.id: n for n, s in enumerate(conditions.walk_sections())}
        #: a figure's earlier ids, so last year's drafts still give their amounts
        self.renamed = {old: f.id for f in conditions.figures for old in f.renamed_from}
        self.sections = {s.id: s for s in conditions.walk_sections()}
        self.parents = {s.parent for s in conditions.walk_sections() if s.parent}
        self._validators: dict[frozenset[str], DraftValidator] = {}
        self.placeholders = Placeholders(conditions.placeholders)

    def _validator(self, present: set[str]) -> DraftValidator:
        # only presence of parents of sub-parts changes the schema
        key = frozenset(present & self.parents)
        if key not in self._validators:
            self._validators[key] = DraftValidator(build_schema(self.conditions, set(key), self.placeholders), allow_unknown=True)
        return self._validators[key]

    def check(self, draft: Draft, strict: bool = False) -> CheckResult:
        c = self.conditions
        file = draft.name
        findings: list[Finding] = []
        matches = self._match_headings(draft)
        matched = {i: m for i, m in matches.items() if m.section is not None}
        spans = _spans(draft, matched)
        if draft.kind == "docx" and not draft.headings:
            # nothing in the document is styled as a heading: say how to fix that
            findings.append(Finding.of("docx-no-headings", "docx-no-headings", {}, file, None))
        for skipped in draft.skipped:
            # what the Word reader left out (images, footnotes ...): said, so nobody counts on it
            findings.append(Finding.of("docx-skipped", f"docx-skipped-{skipped.kind}", {"n": skipped.count}, file,
                                       skipped.location))

        placed: dict[str, _Placed] = {}
        duplicates: list[int] = []  # kept as extra parts, so their text is not lost
        for i, m in matched.items():
            assert m.section is not None
            h = draft.headings[i]
            s = m.section
            if s.id in placed:
                findings.append(
                    Finding.of("section-duplicate", _keyed("section-duplicate", draft), {"title": s.title, "first": placed[s.id].heading.line},
                            file, h.line, s.id, s.point)
                )
                duplicates.append(i)
                continue
            start, end = spans[i]
            text = draft.text(start, end)
            placed[s.id] = _Placed(s, h, m, text, count_words(visible_text(text)), start, end, self.placeholders.search(text))

        # headings that match nothing, and ids that are not the decision's;
        # an unmatched heading outside every section starts an extra part
        enclosing_levels: list[int] = []
        extra_heads: list[int] = []
        title: int | None = None
        first_matched = min(matched, default=len(draft.headings))
        top_level = min((draft.headings[i].level for i in matched), default=0)
        for i, h in enumerate(draft.headings):
            m = matches[i]
            if title is None and i == 0 and i < first_matched and h.level < top_level and m.section is None and m.unknown_id is None:
                title = i  # the document's own title above the sections
                continue
            while enclosing_levels and enclosing_levels[-1] >= h.level:
                enclosing_levels.pop()
            if m.section is not None:
                enclosing_levels.append(h.level)
                continue
            if not enclosing_levels:
                extra_heads.append(i)
                enclosing_levels.append(h.level)
            hint = m.suggestion
            if m.unknown_id is not None:
                key = "heading-unknown-id-hint" if hint else "heading-unknown-id"
                findings.append(Finding.of("heading-unknown-id", key,
                                        {"id": m.unknown_id, "hint": hint.title if hint else "", "hint_id": hint.id if hint else ""},
                                        file, h.line))
            elif hint is not None:
                # a required section that is missing names this heading itself
                if hint.id in placed or not hint.required:
                    findings.append(Finding.of("heading-unmatched", "heading-unmatched-hint",
                                            {"heading": h.text, "hint": hint.title, "hint_id": hint.id},
                                            file, h.line, hint.id, hint.point))
            elif extra_heads and extra_heads[-1] == i:
                findings.append(Finding.of("heading-unmatched", "heading-unmatched", {"heading": h.text}, file, h.line))
        extra_spans = _spans(draft, {**matched, **{i: matches[i] for i in extra_heads}})
        extras = [Extra(draft.headings[i].text, draft.headings[i].level, draft.headings[i].line, extra_spans[i])
                  for i in sorted(extra_heads + duplicates)]
        preamble = _preamble(draft, title)
        preface = _preface(draft, title)
        findings.extend(self._placeholders_outside(draft, [preface, preamble], extras))

        # order: sections not on the longest run that follows the decision's order
        in_draft = sorted(placed.values(), key=lambda p: p.heading.line)
        keep = _longest_increasing([self.order[p.section.id] for p in in_draft])
        for n, p in enumerate(in_draft):
            if n not in keep:
                findings.append(Finding.of("section-order", "section-order", {"title": p.section.title}, file,
                                        p.heading.line, p.section.id, p.section.point))

        # the Cerberus pass: required sections and figures, words, placeholders, amounts, rules
        given, keys = self._given_figures(draft)
        document = {
            **{f"section:{sid}": {"words": p.words, "text": p.text, "placeholder": p.placeholder is not None}
               for sid, p in placed.items()},
            **{f"figure:{fid}": value for fid, value in given.items()},
            "figures": given,
        }
        validator = self._validator(set(placed))
        validator.validate(document, normalize=False)
        section_errors: dict[str, list[str]] = {}
        figure_errors: dict[str, list[str]] = {}
        rule_errors: list[str] = []
        for err in leaf_errors(validator._errors):
            path = err.document_path
            what = _error_name(err)
            kind, _, ident = str(path[0]).partition(":") if len(path) == 1 else ("", "", "")
            if kind == "section":
                section_errors.setdefault(ident, []).append(what)
            elif kind == "figure":
                figure_errors.setdefault(ident, []).append(what)
            elif tuple(path) == ("figures",) and what.startswith("inconsistent:"):
                rule_errors.append(what.split(":", 1)[1])

        section_results = self._section_results(draft, placed, section_errors, findings, matches)
        figure_results = self._figure_results(draft, given, keys, figure_errors, rule_errors, findings)

        # carried-over text from last year's draft (villkor new --from)
        for sid, p in placed.items():
            raw = "\n".join(draft.lines[p.start : p.end])
            if carried_over(raw):
                findings.append(Finding.of("section-carried-over", "section-carried-over", {"title": p.section.title},
                                        file, p.heading.line, sid, p.section.point))
        for x in extras:
            if carried_over("\n".join(draft.lines[x.span[0] : x.span[1]])):
                findings.append(Finding.of("section-carried-over", "section-carried-over", {"title": x.title}, file, x.line))
        for f in c.figures:
            if f.id not in keys:
                continue
            if draft.kind == "markdown":
                line = draft.figure_line(keys[f.id])
                marked = 0 < line <= len(draft.lines) and FIGURE_CARRIED_OVER.search(draft.lines[line - 1]) is not None
            else:  # a Word draft: the reader saw the marker in the figure's table row
                line = draft.carried_figures.get(keys[f.id], 0)
                marked = keys[f.id] in draft.carried_figures
            if marked:
                section = c.section(f.section) if f.section else None
                findings.append(Finding.of("figure-carried-over", "figure-carried-over", {"label": f.label, "id": f.id},
                                        file, line, f.section, section.point if section else ""))

        late = _report_late(draft, c)
        if late is not None:
            findings.append(late)

        findings.sort(key=lambda f: (f.line or 0, f.code))
        for finding in findings:
            finding.unit = draft.unit
        for sr in section_results:
            sr.findings = [f for f in findings if f.section == sr.id and f.severity != INFO]
            if sr.status == "ok" and any(f.severity == ERROR and f.code.startswith("section-") for f in sr.findings):
                sr.status = "incomplete"  # e.g. written twice
        return CheckResult(c, draft, findings, section_results, figure_results, strict, extras, preamble, preface)

    def _match_headings(self, draft: Draft) -> dict[int, Match]:
        """Each heading's match. A heading written twice is matched once, and
        only the first :data:`MAX_SUGGESTIONS` that match nothing get a "did
        you mean": past them a draft is not a report being written, and
        looking for near misses would cost more than the rest of the check."""
        seen: dict[str, Match] = {}
        unmatched = 0
        matches = {}
        for i, h in enumerate(draft.headings):
            m = seen.get(h.text)
            if m is None:
                m = seen[h.text] = self.matcher.match(h.text, suggest=unmatched < MAX_SUGGESTIONS)
                unmatched += m.section is None
            matches[i] = m
        return matches

    def _section_results(self, draft: Draft, placed: dict[str, _Placed], errors: dict[str, list[str]],
                         findings: list[Finding], matches: dict[int, Match]) -> list[SectionResult]:
        file = draft.name
        present = set(placed)
        results = []
        near = _near_misses(draft, matches)
        bold: dict[str, tuple[str, int]] | None = None
        for s in self.conditions.walk_sections():
            required = effective_required(self.conditions, s, present)
            p = placed.get(s.id)
            errs = errors.get(s.id, [])
            if p is None:
                status = "missing" if required else "omitted"
                if "required" in errs and not (s.parent and s.parent not in present):
                    hint = near.get(s.id)
                    if hint is None and bold is None:
                        bold = self._bold_titles(draft)
                    if hint:
                        key = _keyed("section-missing-hint", draft)
                    elif bold is not None and s.id in bold:
                        key, hint = _keyed("section-missing-bold", draft), bold[s.id]
                    else:
                        key = "section-missing"
                    params = {"title": s.title, "id": s.id, "hint": hint[0] if hint else "", "hint_line": hint[1] if hint else ""}
                    line = hint[1] if hint else self._insertion_line(draft, placed, s)
                    findings.append(Finding.of("section-missing", key, params, file, line, s.id, s.point))
                results.append(SectionResult(s.id, s.title, required, status, None, 0, s.point, s.parent))
                continue
            line = p.heading.line
            for what in errs:
                if what == "empty":
                    # an optional part may also be left out: say so, or the writer thinks it is required
                    key = "section-empty" if s.required else "section-empty-optional"
                    findings.append(Finding.of("section-empty", key, {"title": s.title}, file, line, s.id, s.point))
                elif what == "too-short":
                    findings.append(Finding.of("section-too-short", "section-too-short",
                                            {"title": s.title, "words": p.words, "min": s.min_words}, file, line, s.id, s.point))
                elif what == "placeholder":
                    where, found = _placeholder_at(draft, p)
                    findings.append(Finding.of("section-placeholder", "section-placeholder",
                                            {"title": s.title, "text": found}, file, where, s.id, s.point))
            status = "incomplete" if errs else "ok"
            results.append(SectionResult(s.id, s.title, required, status, line, p.words, s.point, s.parent,
                                         level=p.heading.level, span=(p.start, p.end)))
        # a parent whose required part is missing or incomplete is incomplete too
        by_id = {r.id: r for r in results}
        for r in reversed(results):
            if r.parent and r.status in ("missing", "incomplete") and r.required and by_id[r.parent].status == "ok":
                by_id[r.parent].status = "incomplete"
        return results

    def _placeholders_outside(self, draft: Draft, before: list[tuple[int, int] | None], extras: list[Extra]) -> list[Finding]:
        """Placeholder text that reaches the report outside the decision's
        sections: before the first section, under (and in) the writer's own
        headings, and in the facts the cover shows."""
        file = draft.name
        found: list[Finding] = []
        # the text above the first section is one part, whether or not a title splits it
        parts: list[tuple[str, list[tuple[int, int]], str, int]] = [
            ("text-placeholder-preamble", [span for span in before if span is not None], "", 0)]
        parts += [("text-placeholder-extra", [x.span], x.title, x.line) for x in extras]
        for key, spans, heading, heading_line in parts:
            m = self.placeholders.search(heading) if heading else None
            if m is not None:
                found.append(Finding.of("text-placeholder", key, {"heading": heading, "text": m.group(0)}, file, heading_line))
                continue
            for span in spans:
                text = draft.text(*span)
                m = self.placeholders.search(text)
                if m is not None:
                    where = draft.location(span[0] + text.count("\n", 0, m.start()))
                    found.append(Finding.of("text-placeholder", key, {"heading": heading, "text": m.group(0)}, file, where))
                    break
        for fact in REPORTED_FACTS:
            values = draft.meta.get(fact)
            items = list(enumerate(values)) if isinstance(values, list) else [(None, values)]
            for i, value in items:
                m = self.placeholders.search(value) if isinstance(value, str) else None
                if m is not None:
                    line = draft.meta_doc.line((fact,) if i is None else (fact, i))
                    found.append(Finding.of("fact-placeholder", "fact-placeholder", {"key": fact, "text": m.group(0)}, file, line))
        return found

    def _bold_titles(self, draft: Draft) -> dict[str, tuple[str, int]]:
        """Lines of only bold text that name a section, the first for each
        section: headings written as bold text (or, in Word, not given a
        heading style). The draft is read once for all missing sections."""
        found: dict[str, tuple[str, int]] = {}
        for i in range(draft.body_start, len(draft.lines)):
            line = draft.lines[i]
            m = _BOLD_LINE.match(line) if "**" in line or "__" in line else None
            if m:
                section = self.matcher.match(m.group(2), suggest=False).section
                if section is not None and section.id not in found:
                    found[section.id] = (m.group(2).strip(), draft.location(i))
        return found

    def _insertion_line(self, draft: Draft, placed: dict[str, _Placed], s: Section) -> int:
        """Where a missing section belongs: at the next present section, or the end."""
        later = [p.heading.line for p in placed.values() if self.order[p.section.id] > self.order[s.id]]
        last = len(draft.lines) - 1
        while last > 0 and not draft.lines[last].strip():
            last -= 1
        return min(later) if later else draft.location(last)

    def _given_figures(self, draft: Draft) -> tuple[dict[str, Any], dict[str, str]]:
        """The draft's figures by the decision's ids (an earlier id counts as its
        successor), and the key each came from in the draft."""
        given: dict[str, Any] = {}
        keys: dict[str, str] = {}
        for key, value in draft.figures.items():
            fid = key if key in given or key not in self.renamed or self.renamed[key] in draft.figures else self.renamed[key]
            if fid not in given:
                given[fid], keys[fid] = value, key
        return given, keys

    def _not_an_amount(self, f: Figure, raw: Any, source: FigureSource | None, file: str, line: int,
                       point: str, written_bool: str | None = None) -> Finding:
        """``figure-unit-mismatch`` when it is an amount in another unit (``5 %``
        for kronor, or ``%`` in the column's header), else ``figure-not-numeric``."""
        try:
            parse_amount(raw)
        except AmountError:
            hidden = reordering_char(raw)
            written = written_bool if isinstance(raw, bool) else None
            if hidden is not None:
                key = "figure-reordering-char" if hidden[1] else "figure-reordering-char-start"
                params = {"label": f.label, "char": describe_char(hidden[0]), "before": hidden[1]}
            else:
                key = "figure-not-numeric-bool" if written else "figure-not-numeric"
                params = {"label": f.label, "value": written or str(raw)}
            return Finding.of("figure-not-numeric", key, params, file, line, f.section, point)
        own = amount_unit(source.written) if source is not None else ""
        key = "figure-unit-mismatch"
        params = {"label": f.label, "value": str(raw), "unit": amount_unit(raw), "figure_unit": _unit_name(f.unit)}
        if source is not None and source.unit and not own:
            key = f"figure-unit-mismatch-{source.unit_from}"
            params.update(value=source.written, header=source.header)
        return Finding.of("figure-unit-mismatch", key, params, file, line, f.section, point)

    def _plausible(self, f: Figure, value: Decimal, written: str, file: str, line: int, point: str,
                   findings: list[Finding]) -> str:
        """A negative amount is an error; one outside the decision's bounds is a
        warning with the value as read. Returns the figure's status."""
        if value < 0 and f.unit in ("kr", "antal"):
            shown = format_amount(value, f.unit)
            findings.append(Finding.of("figure-negative", "figure-negative", {"label": f.label, "value": shown, "written": written},
                                       file, line, f.section, point))
            return "invalid"
        low, high = f.min, f.max
        if (low is not None and value < low) or (high is not None and value > high):
            shown = format_amount(value, f.unit)  # only here: most amounts are plausible
            bounds = {"min": format_amount(low, f.unit) if low is not None else "–",
                      "max": format_amount(high, f.unit) if high is not None else "–"}
            findings.append(Finding.of("figure-implausible", "figure-implausible",
                                       {"label": f.label, "value": shown, "written": written, **bounds}, file, line,
                                       f.section, point))
        return "ok"

    def _figure_results(self, draft: Draft, given: dict[str, Any], keys: dict[str, str], errors: dict[str, list[str]],
                        rule_errors: list[str], findings: list[Finding]) -> list[FigureResult]:
        c = self.conditions
        file = draft.name
        results: dict[str, FigureResult] = {}
        for f in c.figures:
            errs = errors.get(f.id, [])
            section = c.section(f.section) if f.section else None
            point = section.point if section else ""
            source = draft.figure_sources.get(keys[f.id]) if f.id in keys else None
            if source is not None and source.issues:
                # the reader could not take the amount as written (an ambiguous
                # column, a merged cell, an unknown unit): say why, never guess
                at = draft.figure_line(keys[f.id])
                for issue in source.issues:
                    findings.append(Finding.of(issue.code, issue.key, {"label": f.label, **issue.params}, file, at, f.section, point))
                if any(severity(i.code) == ERROR for i in source.issues):
                    results[f.id] = FigureResult(f.id, f.label, f.unit, f.required, source.written or None, None, "invalid",
                                                 at, f.section, header=source.header, table=source.table)
                    continue
            # an entry left empty (as ``villkor new`` writes it) is missing, not "not an amount"
            empty = f.id in given and given[f.id] in (None, "")
            if f.id not in given or empty:
                status = "missing" if f.required else "omitted"
                if "required" in errs or (empty and f.required):
                    line = draft.figure_line(keys[f.id]) if empty else draft.meta_doc.line(("figures",))
                    findings.append(Finding.of("figure-missing", _keyed("figure-missing", draft), {"label": f.label, "id": f.id},
                                            file, line, f.section, point))
                results[f.id] = FigureResult(f.id, f.label, f.unit, f.required, None, None, status, None, f.section)
                continue
            line = draft.figure_line(keys[f.id])
            source = draft.figure_sources.get(keys[f.id])
            written = source.written if source is not None else str(given[f.id])
            raw = given[f.id]
            value = None
            status = "ok"
            unit_from, unit_text = _unit_source(raw, source)
            if errs:
                status = "invalid"
                findings.append(self._not_an_amount(f, raw, source, file, line, point,
                                                    draft.meta_doc.booleans.get(("figures", keys[f.id]))))
            else:
                value = parse_amount(raw, f.unit)
                status = self._plausible(f, value, written, file, line, point, findings)
            results[f.id] = FigureResult(f.id, f.label, f.unit, f.required, written, value, status, line, f.section,
                                         unit_from, unit_text, source.header if source else "", source.table if source else None)
        for rule in c.rules:
            if rule.id not in rule_errors:
                continue
            total = results[rule.total]
            parts_sum = sum((results[p].value or Decimal(0) for p in rule.parts), Decimal(0))
            from toolkit.read.amounts import format_amount

            total_figure = c.figure(rule.total)
            params = {
                "total": total_figure.label if total_figure else rule.total,
                "total_value": format_amount(total.value or Decimal(0)),
                "parts": " + ".join(_label(c, p) for p in rule.parts),
                "parts_value": format_amount(parts_sum),
            }
            section = c.section(total_figure.section or "") if total_figure else None
            findings.append(Finding.of("figure-inconsistent", "figure-inconsistent", params, file, total.line,
                                    section.id if section else None, rule.point or (section.point if section else "")))
            for fid in [rule.total, *rule.parts]:
                results[fid].status = "inconsistent"
        known = [f.id for f in c.figures] + list(self.renamed)
        for fid in draft.figures:
            if fid not in known:
                hint = did_you_mean(str(fid), [f.id for f in c.figures])
                key = "figure-unknown-hint" if hint else "figure-unknown"
                findings.append(Finding.of("figure-unknown", key, {"id": fid, "hint": hint or ""}, file, draft.figure_line(fid)))
        return list(results.values())


def _unit_source(raw: Any, source: FigureSource | None) -> tuple[str, str]:
    """(where the amount's unit came from, the unit word): "amount" when the
    amount was written with its unit, "header" or "cell" when a Word table gave
    it, "figure" when none was written and the figure's own unit applies."""
    own = amount_unit(source.written if source is not None else raw)
    if own:
        return "amount", own
    if source is not None and source.unit:
        return source.unit_from, source.unit
    return "figure", ""


def _unit_name(unit: str) -> str:
    return {"kr": "kronor", "procent": "%"}.get(unit, unit)


def _report_date(value: Any) -> dt.date | None:
    """The draft's ``datum`` as a date, when it is one (or ISO text)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _report_late(draft: Draft, c: Conditions) -> Finding | None:
    """``report-late`` when the draft is dated after the decision's due date."""
    date = _report_date(draft.meta.get("datum"))
    if date is None or c.due is None or date <= c.due:
        return None
    return Finding.of("report-late", "report-late", {"date": date.isoformat(), "due": c.due.isoformat(),
                                                     "due_text": c.due_text or c.due.isoformat()},
                      draft.name, draft.meta_doc.line(("datum",)))


def _label(c: Conditions, figure_id: str) -> str:
    f = c.figure(figure_id)
    return f.label if f is not None else figure_id


def _keyed(key: str, draft: Draft) -> str:
    """The message that names places the way the draft counts them: a Word
    draft's message says "stycke" where a Markdown draft's says "rad"."""
    return f"{key}-paragraph" if draft.unit == "paragraph" else key


def _error_name(err: Any) -> str:
    if err.rule == "required":
        return "required"
    if err.info and isinstance(err.info[0], str):
        return err.info[0]
    return str(err.rule)


def _placeholder_at(draft: Draft, p: _Placed) -> tuple[int, str]:
    m = p.placeholder
    if m is None:
        return p.heading.line, ""
    return draft.location(p.start + p.text.count("\n", 0, m.start())), m.group(0)


def _near_misses(draft: Draft, matches: dict[int, Match]) -> dict[str, tuple[str, int]]:
    """The first heading that nearly names each section: its text and line."""
    near: dict[str, tuple[str, int]] = {}
    for i, m in matches.items():
        if m.section is None and m.suggestion is not None and m.suggestion.id not in near:
            h = draft.headings[i]
            near[m.suggestion.id] = (h.text, h.line)
    return near


def _longest_increasing(seq: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence."""
    n = len(seq)
    best = [1] * n
    prev = [-1] * n
    for i in range(n):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    if not n:
        return set()
    i = max(range(n), key=lambda k: best[k])
    out = set()
    while i != -1:
        out.add(i)
        i = prev[i]
    return out


_CHECKERS: dict[int, Checker] = {}


def check_draft(draft: Draft, conditions: Conditions, strict: bool = False) -> CheckResult:
    """Check one draft; checkers are cached per decision for batches."""
    checker = _CHECKERS.get(id(conditions))
    if checker is None or checker.conditions is not conditions:
        checker = _CHECKERS[id(conditions)] = Checker(conditions)
    return checker.check(draft, strict)


def check_file(path: str | os.PathLike[str], conditions: str | None = None, strict: bool = False,
               name: str | None = None, decisions: Decisions | None = None, data: bytes | None = None) -> CheckResult:
    """Parse the draft at ``path`` and check it against its decision.

    ``conditions`` (an id or a path) overrides the draft's own ``conditions``,
    or supplies it when the draft names none; either is said in an info finding.
    ``name`` is what the result and its findings call the file (default: ``path``).
    ``decisions`` keeps the decisions of a batch, so each is looked up once;
    ``data`` is the draft's content when the caller has read it already.
    Raises a :class:`~toolkit.errors.VillkorError` when the draft cannot be
    checked; an unknown decision named in the draft is reported at that line.
    """
    from toolkit.decisions.load import Decisions
    from toolkit.drafts.parse import parse_draft
    from toolkit.errors import ConditionsError, DraftError, Problem

    decisions = decisions or Decisions()
    fixed = decisions.load(conditions) if conditions else None
    draft = parse_draft(Path(path), name or str(path), decision_for=decisions.decision_for(conditions),
                        default_conditions=fixed.id if fixed else None, data=data)
    if fixed is not None:
        result = check_draft(draft, fixed, strict)
        note = _override_note(draft, fixed)
        if note is not None:
            note.unit = draft.unit
            result.findings = sorted([*result.findings, note], key=lambda f: (f.line or 0, f.code))
        return result
    cid = draft.conditions_id
    if not cid:
        raise DraftError(Problem("cli-no-conditions", {}, draft.name, draft.meta_doc.first_line, draft.unit))
    try:
        decision = decisions.named(cid)
    except ConditionsError as exc:
        for p in exc.problems:
            if p.key in ("conditions-unknown", "conditions-unknown-hint", "conditions-file-missing", "conditions-path-refused"):
                p.file, p.line, p.unit = draft.name, draft.meta_doc.line(("conditions",)), draft.unit
        raise
    return check_draft(draft, decision, strict)


def _override_note(draft: Draft, decision: Conditions) -> Finding | None:
    """One line saying that ``--conditions`` supplied the draft's missing
    decision, or replaced the one it names."""
    line = draft.meta_doc.line(("conditions",))
    if draft.conditions_supplied:
        return Finding.of("conditions-override", "conditions-override-missing", {"id": decision.id}, draft.name, line)
    named = draft.conditions_id
    if named is not None and named != decision.id:
        return Finding.of("conditions-override", "conditions-override-differs", {"draft": named, "id": decision.id},
                          draft.name, line)
    return None
