"""The committee's memo for approving the report (*beslutsunderlag*), in the
shape of the minutes' paragraph that proposes the board approve it.

What the report holds (region, year, ministry, due date, the parts it reports
on, its figures) comes from the checked draft and its decision. What only the
committee knows (paragraph number, committee and board, meeting dates, the
statement, who receives the extract) comes from the draft's ``memo:`` front
matter (see ``schemas/draft.yaml``), from rows of a Word draft's facts table
(read into the same ``memo``), or from options of ``villkor memo``, which win;
whatever is not given is shown as a marked gap to fill, never made up.

The memo is Markdown, or HTML, or a Word document made from the same Markdown
(:func:`render_memo_docx`), laid out like the minutes' paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from toolkit.checking.results import CheckResult
from toolkit.errors import RenderRefused
from toolkit.messages import t

#: memo key -> message key of the gap shown when it is not given
GAPS = {
    "paragraf": "memo-gap-paragraf",
    "utskott": "memo-gap-utskott",
    "styrelse": "memo-gap-styrelse",
    "styrelsemote": "memo-gap-styrelsemote",
    "yttrande": "memo-gap-yttrande",
    "skickas_till": "memo-gap-skickas-till",
}
#: the decision's key -> message key of the gap shown when the decision does
#: not give it (the appropriation is never assumed to be 1:1)
DECISION_GAPS = {
    "year": "memo-gap-year",
    "issuer": "memo-gap-issuer",
    "appropriation.number": "memo-gap-appropriation",
}


#: memo key -> the option of ``villkor memo`` that gives it
OPTIONS = {
    "paragraf": "--paragraf",
    "utskott": "--utskott",
    "styrelse": "--styrelse",
    "sammantradesdatum": "--sammantradesdatum",
    "styrelsemote": "--styrelsemote",
    "yttrande": "--yttrande",
    "skickas_till": "--skickas-till",
}


@dataclass
class Memo:
    """The memo (Markdown or HTML; ``data`` holds a Word document), the
    facts still to fill in (``memo.paragraf`` ..., or ``diarienummer``) and the
    decision's facts it lacks (``year``, ``issuer`` …)."""

    text: str
    gaps: list[str] = field(default_factory=list)
    data: bytes | None = None
    decision_gaps: list[str] = field(default_factory=list)


def describe_gaps(gaps: list[str], kind: str, lang: str = "sv") -> str:
    """The sentence that says which facts are missing and how to give them in a
    draft of ``kind``: front-matter keys for Markdown, facts-table labels for Word."""
    if kind != "docx":
        return t("memo-gaps", lang, n=len(gaps), keys=", ".join(gaps))
    from toolkit.drafts.word import MEMO_LABEL_KEYS

    labels, flags = [], []
    for gap in gaps:
        key = gap.removeprefix("memo.")
        if key in MEMO_LABEL_KEYS:
            labels.append(t(MEMO_LABEL_KEYS[key], lang))
            flags.append(OPTIONS[key])
        elif key.startswith("figures."):  # last year's amount, in its table row
            labels.append(key.removeprefix("figures."))
        else:
            labels.append(t("cover-diarienummer", lang))
    return t("memo-gaps-word", lang, n=len(gaps), keys=", ".join(labels), flags=" ".join(flags) or "–")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list)) and not value) or (isinstance(value, str) and not value.strip())


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """``Jämställd regional tillväxt`` -> ``jämställd …``; ``EU-medel`` stays as it is."""
    return text[:1].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _genitive(name: str) -> str:
    return name if name.endswith(("s", "x", "z")) else name + "s"


def _join(items: list[str], lang: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('memo-and', lang)} " + items[-1]


def spoken_amount(value: Decimal, unit: str, lang: str) -> str:
    """``88 miljoner kronor``; percentages and counts as plain numbers."""
    from toolkit.outputs.templating import format_number
    from toolkit.read.amounts import spell_amount

    if unit == "kr":
        return spell_amount(value, lang)
    return format_number(value, lang) + (" %" if unit == "procent" else "")


def appropriation_number(result: CheckResult) -> str | None:
    """The appropriation's number as the decision gives it; ``None`` when it does not."""
    number = result.conditions.appropriation.get("number")
    return None if _empty(number) else str(number)


def memo_context(result: CheckResult, lang: str = "sv", draft_mode: bool = False,
                 facts: dict[str, Any] | None = None) -> tuple[dict[str, Any], list[str], list[str]]:
    """What the memo template needs, the draft's facts that are missing
    (``memo.*``, ``figures.*`` still last year's) and the decision's.
    ``facts`` (from options) win over the draft's own ``memo``."""
    from toolkit.outputs.templating import format_date

    c = result.conditions
    meta = result.draft.meta
    given = {**(meta.get("memo") or {}), **{k: v for k, v in (facts or {}).items() if not _empty(v)}}
    gaps: list[str] = []
    decision_gaps: list[str] = []

    def gap(key: str, message: str | None = None, where: str | None = None) -> str:
        gaps.append(where or f"memo.{key}")
        return f'<mark class="gap">{t(message or GAPS[key], lang)}</mark>'

    def decision_gap(key: str) -> str:
        decision_gaps.append(key)
        return f'<mark class="gap">{t(DECISION_GAPS[key], lang)}</mark>'

    year = str(c.year) if c.year else decision_gap("year")
    ministry = c.issuer if not _empty(c.issuer) else decision_gap("issuer")
    number = appropriation_number(result)
    appropriation = number if number else decision_gap("appropriation.number")
    carried = {str(f.params.get("id")) for f in result.findings if f.code == "figure-carried-over"}

    def amount(f: Any) -> str:
        spoken = spoken_amount(f.value, f.unit, lang)
        if f.id in carried:
            spoken += " " + gap("", "memo-gap-carried-over", f"figures.{f.id}")
        return spoken

    def value(key: str) -> Any:
        v = given.get(key)
        return None if _empty(v) else v

    region = str(meta.get("region") or "")
    committee = value("utskott")
    board = value("styrelse")
    board_text = str(board) if board else gap("styrelse")
    reported = [s for s in result.sections if s.status == "ok" and s.parent is None]
    lacking = [s for s in result.sections if s.status in ("missing", "incomplete") and s.required]
    figures = [(f.label, amount(f)) for f in result.figures if f.value is not None]
    due = c.due_text or (t("memo-due-date", lang, date=format_date(c.due, lang)) if c.due else "")
    meeting = value("sammantradesdatum")
    board_meeting = value("styrelsemote")
    recipients = value("skickas_till")
    ctx = {
        "paragraph": str(value("paragraf")) if value("paragraf") is not None else gap("paragraf"),
        "heading": t("memo-heading", lang, region=region, appropriation=appropriation),
        "dnr": str(meta["diarienummer"]) if not _empty(meta.get("diarienummer")) else gap("", "memo-gap-dnr", "diarienummer"),
        "decision_heading": t("memo-decision-heading", lang, committee=_genitive(str(committee)) if lang == "sv" else str(committee)) if committee
        else t("memo-decision-heading-unknown", lang),
        "proposal": t("memo-proposal", lang, committee=str(committee) if committee else gap("utskott"), board=board_text),
        "item": t("memo-item", lang, year=year, ministry=ministry),
        "statement": str(value("yttrande")).strip() if value("yttrande") else gap("yttrande"),
        "summary_mission": t("memo-summary-mission", lang, region=region, appropriation=appropriation),
        "summary_report": t("memo-summary-report", lang, region=region, ministry=ministry, year=year),
        "summary_parts": t("memo-summary-parts", lang, parts=_join([_lower_first(s.title) for s in reported], lang)) if reported else "",
        "lacking": t("memo-lacking", lang, parts=_join([_lower_first(s.title) for s in lacking], lang)) if lacking else "",
        "figures": figures,
        "case_mission": t("memo-case-mission", lang, region=region, ministry=ministry, due=(" " + due) if due else ""),
        "case_dated": t("memo-case-dated", lang, year=year, date=format_date(meta["datum"], lang)) if meta.get("datum") else "",
        "case_board": t("memo-case-board", lang, board=_capitalise(board_text) if board else board_text,
                        date=format_date(board_meeting, lang) if board_meeting else gap("styrelsemote")),
        "case_meeting": t("memo-case-meeting", lang, committee=str(committee), date=format_date(meeting, lang))
        if meeting and committee else "",
        "attachments": [t("memo-attachment", lang, year=c.year or c.id)],
        "recipients": [str(r) for r in recipients] if recipients else [],
        "recipients_gap": "" if recipients else gap("skickas_till"),
        "draft_mode": draft_mode and not result.complete,
    }
    return ctx, list(dict.fromkeys(gaps)), list(dict.fromkeys(decision_gaps))


def build_memo(result: CheckResult, lang: str = "sv", draft_mode: bool = False,
               facts: dict[str, Any] | None = None) -> Memo:
    """The memo as Markdown; an incomplete draft is refused unless ``draft_mode``."""
    from toolkit.outputs.templating import render_template

    if not result.complete and not draft_mode:
        from toolkit.outputs.render import refusal

        raise RenderRefused(refusal("memo-incomplete", result), result)
    ctx, gaps, decision_gaps = memo_context(result, lang, draft_mode, facts)
    return Memo(render_template("memo.md.j2", lang, **ctx), gaps, decision_gaps=decision_gaps)


def render_memo_docx(result: CheckResult, lang: str = "sv", draft_mode: bool = False,
                     facts: dict[str, Any] | None = None) -> Memo:
    """The memo as a Word document: the same text as the Markdown memo, laid out
    like the minutes' paragraph ("§ 29", the heading, Dnr, the committee's
    decision, statement, summary, the matter, attachments, recipients); gaps
    are highlighted."""
    from toolkit.outputs.docx_writer import WordDocument

    memo = build_memo(result, lang, draft_mode, facts)
    region = str(result.draft.meta.get("region") or "")
    appropriation = appropriation_number(result) or t(DECISION_GAPS["appropriation.number"], lang)
    title = t("memo-heading", lang, region=region, appropriation=appropriation)
    # no region or decision in the properties: the memo is no draft, and
    # `villkor summary` over a folder passes it by
    doc = WordDocument(lang, title=title)
    doc.markdown(memo.text)
    return Memo(memo.text, memo.gaps, doc.to_bytes(), memo.decision_gaps)


def render_memo_html(result: CheckResult, lang: str = "sv", draft_mode: bool = False,
                     facts: dict[str, Any] | None = None) -> Memo:
    """The memo as one self-contained, sanitised HTML page."""
    from toolkit.outputs.htmlsafe import markdown_to_html
    from toolkit.outputs.templating import render_template

    memo = build_memo(result, lang, draft_mode, facts)
    body, _ = markdown_to_html(memo.text)
    region = str(result.draft.meta.get("region") or "")
    appropriation = appropriation_number(result) or t(DECISION_GAPS["appropriation.number"], lang)
    title = t("memo-heading", lang, region=region, appropriation=appropriation)
    return Memo(render_template("memo.html.j2", lang, body=body, title=title), memo.gaps, decision_gaps=memo.decision_gaps)
