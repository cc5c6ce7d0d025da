"""Word out: the finished report, next year's template and the memo as .docx.

Every document made here is reopened with python-docx and its zip's XML parts
are parsed (``assert_valid_docx``); Word documents standing in for a user's
are built with python-docx in ``tmp_path``.
"""

from __future__ import annotations

import copy
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx_helpers import assert_valid_docx, paragraphs_by_style
from helpers import EXAMPLE, INCOMPLETE, REPORTS, assert_clean_error, run, write
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.checking.checker import check_file
from toolkit.decisions.load import load_conditions

WORD_2017 = REPORTS / "norrbotten-2017.docx"
FIXTURES = Path(__file__).parent / "fixtures" / "word"
LIBREOFFICE_DOCX = FIXTURES / "norrbotten-2017-libreoffice.docx"
LIBREOFFICE_TEMPLATE = FIXTURES / "mall-2018-libreoffice.docx"
COMPLETE = sorted(p for p in REPORTS.iterdir() if p.suffix in (".md", ".docx") and check_file(p).complete)
INCOMPLETE_EXAMPLES = sorted(p for p in REPORTS.glob("*.md") if not check_file(p).complete)
TEXT = "Regionen har under året arbetat vidare med insatsen tillsammans med länets aktörer och följt upp resultaten."


def verdict_of(result):
    """What must be the same for a draft and its rendered Word document."""
    return {
        "sections": [(s.id, s.status, s.words) for s in result.sections],
        "figures": [(f.id, f.status, f.value) for f in result.figures],
        "complete": result.complete,
        "coverage": result.coverage,
        "errors": sorted(f.code for f in result.findings if f.severity == "error"),
    }


def render(draft: Path, out: Path, *extra: str) -> Path:
    r = run("render", draft, "--format", "docx", "--output", out, *extra)
    assert r.code == 0, r
    assert_valid_docx(out)
    return out


# --------------------------------------------------------------------------
# render --format docx


@pytest.mark.parametrize("draft", COMPLETE, ids=lambda p: p.name)
def test_rendered_word_report_checks_like_its_source(draft, tmp_path):
    out = render(draft, tmp_path / "rapport.docx")
    source, rendered = check_file(draft), check_file(out)
    assert verdict_of(rendered) == verdict_of(source)
    # warnings the rendering itself settles (order, carried-over markers) go the same way as in Markdown
    md = tmp_path / "rapport.md"
    assert run("render", draft, "--output", md).code == 0
    assert sorted(f.code for f in rendered.findings) == sorted(f.code for f in check_file(md).findings)


@pytest.mark.parametrize("draft", INCOMPLETE_EXAMPLES, ids=lambda p: p.name)
def test_a_rendered_draft_never_checks_as_having_what_it_lacks(draft, tmp_path):
    out = render(draft, tmp_path / "utkast.docx", "--draft")
    source, rendered = check_file(draft), check_file(out)
    assert not rendered.complete
    ok = {s.id for s in source.sections if s.status == "ok"}
    assert {s.id for s in rendered.sections if s.status == "ok"} <= ok
    assert {f.id for f in rendered.figures if f.status == "ok"} <= {f.id for f in source.figures if f.status == "ok"}
    text = [t for _, t in paragraphs_by_style(docx.Document(str(out)))]
    assert "Utkast – ofullständig" in text
    assert ("Avsnittet saknas i utkastet." in text) == any(s.status == "missing" for s in source.sections)


def test_report_layout_headings_cover_figures_and_page_numbers(tmp_path):
    out = render(EXAMPLE, tmp_path / "rapport.docx")
    doc = assert_valid_docx(out)
    paragraphs = paragraphs_by_style(doc)
    assert paragraphs[0] == ("Title", "Återrapportering 2017 – Region Norrbotten")
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings == [f"{n}. {s.title}" for n, s in enumerate(load_conditions("2017").sections, 1)]
    cover = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert cover["Region"] == "Region Norrbotten" and cover["Avser år"] == "2017"
    assert cover["Villkorsbeslut"] == "2017" and cover["Diarienummer"] == "00858-2018"
    assert cover["Datum"] == "25 februari 2018" and cover["Mottagare"].startswith("Regeringskansliet")
    assert cover["Regeringskansliets diarienummer som återrapporten avser"] == "N2017/07107/RTS"
    figures = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert figures[0] == ["Nyckeltal", "Belopp"]
    assert figures[1] == ["Utbetalt projektstöd från anslag 1:1", "88\xa0000\xa0000 kr"] or figures[1][1].replace("\xa0", " ") == "88 000 000 kr"
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "Sida" in section.footer.paragraphs[0].text
    assert doc.core_properties.category == "2017" and doc.core_properties.author == ""
    assert doc.core_properties.language == "sv-SE"


def test_markdown_in_the_draft_becomes_word_lists_tables_links_and_emphasis(tmp_path, example_copy):
    text = example_copy.read_text(encoding="utf-8").replace(
        "## 4. Lärande och uppföljning\n",
        "## 4. Lärande och uppföljning\n\n"
        "Vi följer upp **fet** och *kursiv* text, `kod` och [Tillväxtverket](https://tillvaxtverket.se/a b).\n\n"
        "1. första\n2. andra\n    - inre punkt\n\n"
        "Mellan listorna.\n\n"
        "1. ny lista\n2. räknar om\n\n"
        "| Insats | Antal |\n|---|--:|\n| Projekt | 12 |\n| Företag | 30 |\n\n"
        "> Ett citat med **fet** text och {{ 7 * 7 }} &\n\n"
        "```\nkod rad 1\n  kod rad 2\n```\n\n"
        "### Egen underrubrik\n\nText under den.\n\n",
    )
    example_copy.write_text(text, encoding="utf-8")
    out = render(example_copy, tmp_path / "rapport.docx")
    doc = docx.Document(str(out))
    paragraphs = paragraphs_by_style(doc)
    styles = dict((t, s) for s, t in paragraphs)
    assert styles["första"] == "List Number" and styles["inre punkt"] == "List Bullet 2"
    assert styles["ny lista"] == "List Number" and styles["Egen underrubrik"] == "Heading 2"
    assert styles["kod rad 1\n  kod rad 2"] == "Kod"
    assert next(t for s, t in paragraphs if s == "Quote") == "Ett citat med fet text och {{ 7 * 7 }} &"
    # each ordered list counts from 1: its own numbering instance, restarted
    num_ids = {p._p.pPr.numPr.numId.val for p in doc.paragraphs if p.text in ("första", "ny lista")}
    assert len(num_ids) == 2
    para = next(p for p in doc.paragraphs if p.text.startswith("Vi följer upp"))
    assert any(r.bold and r.text == "fet" for r in para.runs) and any(r.italic and r.text == "kursiv" for r in para.runs)
    assert para.text.endswith("Tillväxtverket.")
    links = [r.target_ref for r in doc.part.rels.values() if r.is_external]
    assert links == ["https://tillvaxtverket.se/a%20b"]
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Insats")
    assert [[c.text for c in r.cells] for r in table.rows] == [["Insats", "Antal"], ["Projekt", "12"], ["Företag", "30"]]
    # and the whole thing still checks as its source, word for word
    assert verdict_of(check_file(out)) == verdict_of(check_file(example_copy))
    assert "[Tillväxtverket](https://tillvaxtverket.se/a%20b)." in "\n".join(check_file(out).draft.lines)


def test_raw_html_is_sanitised_as_in_the_html_report(tmp_path, example_copy):
    text = example_copy.read_text(encoding="utf-8").replace(
        "## 4. Lärande och uppföljning\n",
        "## 4. Lärande och uppföljning\n\n<b>Fet</b> <script>alert(1)</script> <img src=x onerror=alert(2)>"
        " [länk](javascript:alert(3)) <a href=\"https://example.org\">ok</a>\n\n")
    example_copy.write_text(text, encoding="utf-8")
    out = render(example_copy, tmp_path / "rapport.docx")
    doc = docx.Document(str(out))
    para = next(p for p in doc.paragraphs if p.text.startswith("Fet"))
    assert para.text == "Fet länk ok" and para.runs[0].bold
    assert [r.target_ref for r in doc.part.rels.values() if r.is_external] == ["https://example.org"]
    assert "alert" not in "\n".join(p.text for p in doc.paragraphs)
    # tag names count as words in Markdown, not in Word: the Word count is never the higher one
    words = {s.id: s.words for s in check_file(out).sections}
    assert all(words[s.id] <= s.words for s in check_file(example_copy).sections)


MARKDOWNISH = st.lists(
    st.sampled_from(list("aåö Z1.#*_-+>|`~[]()<>!&;:{}\\/\n\t\u00a0\u200b—”é") + ["http://x.se", "<b>", "</div>", "<!--", "-->"]),
    max_size=80,
).map("".join)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(MARKDOWNISH)
@example("1. a\n\n   > b\n\n- c\n  | x |\n  |---|\n  | y |")
@example("<table><tr><td colspan=3>a</td><td><ul><li>b</li></ul></td></tr></table>")
@example("```\n# inte en rubrik\n```")
def test_any_section_text_makes_a_document_that_reopens_and_checks(tmp_path, text):
    from toolkit.outputs.render import render_docx

    source = EXAMPLE.read_text(encoding="utf-8").replace(
        "## 5. Näringslivets digitalisering\n", "## 5. Näringslivets digitalisering\n\n" + text + "\n\n")
    draft = write(tmp_path / "utkast.md", source)
    out = tmp_path / "rapport.docx"
    out.write_bytes(render_docx(check_file(draft), draft_mode=True))
    assert_valid_docx(out)
    result = check_file(out)  # never a crash, whatever the text
    assert result.conditions.id == "2017"


def test_text_word_cannot_hold_is_dropped_not_fatal(tmp_path, example_copy):
    text = example_copy.read_text(encoding="utf-8").replace("Illustrativ exempeltext.", "Illustrativ\x0b exempeltext\x1b.", 1)
    example_copy.write_text(text, encoding="utf-8")
    out = render(example_copy, tmp_path / "rapport.docx")
    assert "Illustrativ exempeltext." in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_english_report_reads_back_the_same(tmp_path):
    out = tmp_path / "report.docx"
    assert run("render", EXAMPLE, "--format", "docx", "--output", out, "--lang", "en").code == 0
    doc = assert_valid_docx(out)
    assert doc.tables[0].rows[0].cells[0].text == "Region"
    assert "Page" in doc.sections[0].footer.paragraphs[0].text
    assert doc.tables[1].rows[1].cells[1].text.replace("\xa0", " ") == "88 000 000 kr"  # amounts as the ministry adds them
    assert verdict_of(check_file(out)) == verdict_of(check_file(EXAMPLE))


def test_incomplete_draft_is_refused_and_nothing_written(tmp_path):
    out = tmp_path / "rapport.docx"
    r = run("render", INCOMPLETE, "--format", "docx", "--output", out)
    assert_clean_error(r, "--draft", code=1)
    assert not out.exists()


# --------------------------------------------------------------------------
# Wrong names and missing --output are usage errors, never a mis-named file


@pytest.mark.parametrize("args", [
    ("new", "--conditions", "2018", "--region", "Region X", "--format", "md", "--output", "{tmp}/nasta.docx"),
    ("new", "--conditions", "2018", "--region", "Region X", "--format", "docx", "--output", "{tmp}/nasta.md"),
    ("convert", str(WORD_2017), "--output", "{tmp}/x.docx"),
    ("render", str(EXAMPLE), "--output", "{tmp}/x.docx"),
    ("render", str(EXAMPLE), "--format", "html", "--output", "{tmp}/x.docx"),
    ("render", str(EXAMPLE), "--format", "docx", "--output", "{tmp}/x.md"),
    ("memo", str(EXAMPLE), "--output", "{tmp}/x.docx"),
    ("memo", str(EXAMPLE), "--format", "docx", "--output", "{tmp}/x.html"),
    ("check", str(EXAMPLE), "--format", "md", "--output", "{tmp}/x.docx"),
])
def test_a_wrong_extension_is_refused_and_names_the_fix(args, tmp_path):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    r = run(*args)
    assert_clean_error(r, code=2)
    text = r.out + r.err
    assert "--format docx" in text or ".docx" in text and ".md" in text or "FIL.docx" in text
    assert list(tmp_path.iterdir()) == []
    assert "Skrev" not in text


@pytest.mark.parametrize("command", [("render", str(EXAMPLE)), ("memo", str(EXAMPLE)),
                                     ("new", "--conditions", "2018", "--region", "Region X")])
def test_word_output_needs_a_file(command):
    assert_clean_error(run(*command, "--format", "docx"), "--output FIL.docx")


def test_new_output_docx_means_a_word_template(tmp_path):
    out = tmp_path / "nasta.docx"
    r = run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--output", out)
    assert r.code == 0, r
    assert f"Skrev {out}" in r.err
    assert_valid_docx(out)
    assert run("check", out).code == 1  # a real Word draft, not Markdown under a Word name


# --------------------------------------------------------------------------
# new --format docx: next year's template


def test_template_has_every_part_as_a_heading_and_guidance_that_is_not_read(tmp_path):
    out = tmp_path / "mall.docx"
    assert run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--output", out).code == 0
    doc = assert_valid_docx(out)
    paragraphs = paragraphs_by_style(doc)
    c = load_conditions("2018")
    headings = [(s, t) for s, t in paragraphs if s.startswith("Heading")]
    assert headings == [(f"Heading {1 + s.depth}", s.title) for s in c.walk_sections()]
    guidance = [t for s, t in paragraphs if s == "Vägledning"]
    assert any("Redovisa särskilt samarbetet med länsstyrelsen." in g for g in guidance)
    assert any(g.startswith("Frivilligt avsnitt") for g in guidance)  # the optional part is marked
    facts = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert facts["Villkorsbeslut"] == "2018" and facts["Region"] == "Region Norrbotten"
    assert {"Paragraf", "Utskott", "Styrelse", "Sammanträdesdatum", "Styrelsemöte", "Skickas till", "Yttrande"} <= set(facts)
    result = check_file(out)
    assert not result.complete
    assert all(s.words == 0 for s in result.sections)  # the decision's words are not the writer's
    assert {f.code for f in result.findings} == {"section-empty", "figure-missing"}
    assert sum(f.code == "figure-missing" for f in result.findings) == len(c.figures)
    agenda = next(f for f in result.findings if f.section == "agenda-2030")
    assert "frivilliga" in agenda.message() and "ta bort rubriken" in agenda.message()


def test_template_from_last_years_word_report_warns_like_markdown(tmp_path):
    out = tmp_path / "mall.docx"
    assert run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", WORD_2017, "--output", out).code == 0
    md = tmp_path / "mall.md"
    assert run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", WORD_2017, "--output", md).code == 0
    doc = assert_valid_docx(out)
    marks = [t for s, t in paragraphs_by_style(doc) if s == "Överförd text"]
    assert len(marks) == 8 and all("villkor:carried-over" in m and "norrbotten-2017.docx" in m for m in marks)
    word, markdown = check_file(out), check_file(md)
    codes = lambda r: sorted(f.code for f in r.findings if f.code != "section-empty")  # noqa: E731
    assert codes(word) == codes(markdown)
    assert codes(word).count("section-carried-over") == 8 and codes(word).count("figure-carried-over") == 4
    assert [(s.id, s.words) for s in word.sections if s.required] == [(s.id, s.words) for s in markdown.sections if s.required]
    assert {f.id: f.value for f in word.figures} == {f.id: f.value for f in markdown.figures}


def test_carried_over_marker_survives_a_lost_style_and_convert(tmp_path):
    out = tmp_path / "mall.docx"
    run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", out)
    doc = docx.Document(str(out))
    for p in doc.paragraphs:
        if p.style.name == "Överförd text":
            p.style = doc.styles["Normal"]  # the user pasted it as plain text
    doc.save(out)
    result = check_file(out)
    assert sum(f.code == "section-carried-over" for f in result.findings) == 8
    converted = tmp_path / "mall.md"
    assert run("convert", out, "--output", converted).code == 0
    again = check_file(converted)
    assert sorted(f.code for f in again.findings) == sorted(f.code for f in result.findings)


def _rename_style(path: Path, old_id: str, new_id: str, new_name: str | None) -> None:
    """Rename a style (or delete it, ``new_name=None``) in the styles part, as a user might."""
    doc = docx.Document(str(path))
    style = doc.styles.element.get_by_id(old_id)
    if new_name is None:
        style.getparent().remove(style)
    else:
        style.set(qn("w:styleId"), new_id)
        style.name_val = new_name
        for p in doc.element.body.iter(qn("w:pStyle")):
            if p.get(qn("w:val")) == old_id:
                p.set(qn("w:val"), new_id)
    doc.save(path)


@pytest.mark.parametrize("change", ["renamed", "deleted"])
def test_guidance_is_not_counted_when_its_style_was_renamed_or_deleted(change, tmp_path):
    out = tmp_path / "mall.docx"
    run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--output", out)
    if change == "renamed":
        _rename_style(out, "Vagledning", "MinStil", "Min stil")
    else:
        _rename_style(out, "Vagledning", "", None)
    result = check_file(out)
    assert all(s.words == 0 for s in result.sections)
    assert not result.complete
    if change == "renamed":  # found by its words, and said so
        skipped = [f for f in result.findings if f.code == "docx-skipped"]
        assert skipped and "vägledning" in skipped[0].message()


def test_headings_whose_style_was_deleted_are_still_headings(tmp_path):
    out = render(EXAMPLE, tmp_path / "rapport.docx")
    _rename_style(out, "Heading1", "", None)
    assert verdict_of(check_file(out)) == verdict_of(check_file(EXAMPLE))


# --------------------------------------------------------------------------
# The memo as Word; the memo's facts in a Word draft or as options


def test_memo_as_word_follows_the_seed(tmp_path):
    out = tmp_path / "underlag.docx"
    r = run("memo", EXAMPLE, "--format", "docx", "--output", out)
    assert r.code == 0, r
    doc = assert_valid_docx(out)
    paragraphs = paragraphs_by_style(doc)
    texts = [t for _, t in paragraphs]
    order = ["§ 29", "Återrapportering från Region Norrbotten, anslag 1:1", "Dnr 00858-2018",
             "Regionutvecklingsutskottets beslut", "Yttrande till beslutsförslaget", "Sammanfattning", "Ärendet",
             "Bilagor:", "Återrapport villkorsbeslut 2017", "Protokollsutdrag skickas till:", "Regionala utvecklingsdirektör"]
    positions = [texts.index(x) for x in order]
    assert positions == sorted(positions)
    assert ("Heading 1", "Återrapportering från Region Norrbotten, anslag 1:1") in paragraphs
    assert ("List Number", "Godkänna 2017 års återrapportering av uppdraget som regionalt utvecklingsansvarig till Näringsdepartementet.") in paragraphs
    assert ("List Bullet", "Utbetalt projektstöd från anslag 1:1: 88 miljoner kronor") in paragraphs


def test_summary_passes_by_a_memo_saved_beside_the_drafts(tmp_path):
    folder = tmp_path / "rapporter"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "utkast.md")
    assert run("memo", folder / "utkast.md", "--format", "docx", "--output", folder / "underlag.docx").code == 0
    r = run("summary", folder, "--format", "json")
    assert r.code == 0, r
    import json

    data = json.loads(r.out)
    assert [x["file"] for x in data["skipped"]] == [str(folder / "underlag.docx")] and data["failed"] == []


def test_memo_facts_from_a_word_drafts_facts_table(tmp_path):
    draft = tmp_path / "utkast.docx"
    shutil.copy(WORD_2017, draft)
    r = run("memo", draft)
    assert r.code == 0 and "faktatabell" in r.err and "Paragraf" in r.err and "memo.paragraf" not in r.err
    doc = docx.Document(str(draft))
    # the facts are in the document's properties (pandoc); the memo's go in a table of their own
    facts = doc.add_table(rows=0, cols=2)
    doc.element.body.insert(1, facts._tbl)
    for label, value in [("Paragraf", "§ 29"), ("Utskott", "Regionutvecklingsutskottet"), ("Styrelse", "regionstyrelsen"),
                         ("Styrelsemöte", "2 maj 2018"), ("Skickas till", "Regionala utvecklingsdirektör; Ekonomichef")]:
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    cells = facts.add_row().cells
    cells[0].text = "Yttrande"
    cells[1].text = "Första stycket i yttrandet."
    cells[1].add_paragraph("Andra stycket.")
    doc.save(draft)
    result = check_file(draft)
    assert result.complete  # memo rows are known facts, not "okänt fält"
    assert result.draft.meta["memo"]["skickas_till"] == ["Regionala utvecklingsdirektör", "Ekonomichef"]
    r = run("memo", draft)
    assert r.code == 0 and r.err == "", r
    assert "**§ 29**" in r.out and "vid styrelsemötet 2 maj 2018" in r.out
    assert "Första stycket i yttrandet.\n\nAndra stycket." in r.out and "- Ekonomichef" in r.out
    # and the same draft converted to Markdown carries them as front matter
    md = tmp_path / "utkast.md"
    assert run("convert", draft, "--output", md).code == 0
    assert run("memo", md).out == r.out


def test_memo_options_work_for_any_draft_and_win(tmp_path):
    r = run("memo", WORD_2017, "--paragraf", "§ 31", "--utskott", "Regionala utvecklingsnämnden",
            "--styrelse", "regionstyrelsen", "--styrelsemote", "2018-05-02", "--skickas-till", "Regiondirektör",
            "--skickas-till", "Ekonomichef", "--yttrande", "Ett *kort* yttrande.")
    assert r.code == 0 and r.err == "", r
    assert "**§ 31**" in r.out and "Regionala utvecklingsnämnden föreslår regionstyrelsen att" in r.out
    assert "- Regiondirektör\n- Ekonomichef" in r.out and "Ett *kort* yttrande." in r.out
    r = run("memo", EXAMPLE, "--paragraf", "30")
    assert "**§ 30**" in r.out  # the option wins over the front matter's 29
    assert_clean_error(run("memo", EXAMPLE, "--styrelsemote", "i maj"), "inget datum", "2018-05-02")


def test_memo_gaps_are_highlighted_in_word(tmp_path):
    out = tmp_path / "underlag.docx"
    r = run("memo", WORD_2017, "--format", "docx", "--output", out)
    assert r.code == 0 and "7 luckor" not in r.err and "luckor" in r.err
    doc = assert_valid_docx(out)
    marked = [run_.text for p in doc.paragraphs for run_ in p.runs if run_.font.highlight_color is not None]
    assert "[Paragrafnummer saknas]" in marked and "[Yttrande saknas]" in marked


# --------------------------------------------------------------------------
# A Word team's whole year, with no Markdown file in between


def _fill_template(path: Path) -> None:
    """What the case officer does in Word: removes the markers, updates the
    text, writes this year's amounts, fills the memo's rows, leaves the
    optional part out."""
    doc = docx.Document(str(path))
    body = doc.element.body
    for p in list(doc.paragraphs):
        if p.style.name == "Överförd text":
            body.remove(p._p)
    paragraphs = doc.paragraphs
    for n, p in enumerate(paragraphs):
        if p.style.name == "Heading 1" and p.text == "Arbetet med Agenda 2030":
            # the optional part: heading and its guidance removed
            body.remove(paragraphs[n + 1]._p)
            body.remove(p._p)
        elif p.style.name.startswith("Heading"):
            p.insert_paragraph_before()  # an empty paragraph is harmless
    for p in doc.paragraphs:
        if p.text.startswith("Region Norrbotten har sedan 1 januari 2017"):
            p.add_run(" Under 2018 har arbetet fortsatt. " + TEXT)
    amounts = {"Utbetalt projektstöd från anslag 1:1": "91 mnkr", "Beviljat företagsstöd totalt": "80 mnkr",
               "varav från anslag 1:1": "40 mnkr", "varav från EU:s strukturfonder": "40 mnkr"}
    for n, table in enumerate(doc.tables):
        for row in table.rows:
            label = row.cells[0].text
            if label in amounts:
                row.cells[1].text = amounts[label]
                row.cells[2].text = ""
            memo = {"Paragraf": "29", "Utskott": "Regionutvecklingsutskottet", "Styrelse": "regionstyrelsen",
                    "Styrelsemöte": "2019-05-07", "Skickas till": "Regionala utvecklingsdirektör",
                    "Yttrande": "Rapporten beskriver årets arbete.", "Datum": "2019-02-20", "Diarienummer": "00123-2019"}
            if n == 0 and label in memo:
                row.cells[1].text = memo[label]
    doc.save(path)


def test_word_only_year_from_2017_docx_to_2018_report_and_memo(tmp_path):
    template = tmp_path / "norrbotten-2018.docx"
    r = run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", WORD_2017,
            "--format", "docx", "--output", template)
    assert r.code == 0, r
    before = check_file(template)
    assert {"section-carried-over", "figure-carried-over"} <= {f.code for f in before.findings}

    _fill_template(template)
    r = run("check", template, "--strict")
    assert r.code == 0, r.out + r.err
    result = check_file(template)
    assert result.complete and not result.findings
    assert {f.id: int(f.value) for f in result.figures}["projektstod_utbetalt"] == 91_000_000

    report = tmp_path / "rapport-2018.docx"
    assert run("render", template, "--format", "docx", "--output", report).code == 0
    assert_valid_docx(report)
    assert verdict_of(check_file(report)) == verdict_of(result)

    memo = tmp_path / "underlag-2018.docx"
    r = run("memo", template, "--format", "docx", "--output", memo)
    assert r.code == 0 and r.err == f"Skrev {memo}\n", r
    texts = [p.text for p in assert_valid_docx(memo).paragraphs]
    assert "§ 29" in texts and "Dnr 00123-2019" in texts
    assert any("Godkänna 2018 års återrapportering" in t for t in texts)
    assert "Rapporten beskriver årets arbete." in texts
    assert not any(f.suffix == ".md" for f in tmp_path.iterdir())


# --------------------------------------------------------------------------
# Documents from elsewhere: tables of contents, images, notes, LibreOffice


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def _field_run(kind: str) -> OxmlElement:
    return parse_xml(f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="{kind}"/></w:r>')


def _toc_field(doc, entries: list[str]) -> None:
    """A table of contents as Word inserts it: a TOC field whose result is the entries."""
    first = doc.add_paragraph()
    first._p.append(_field_run("begin"))
    first._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r>'))
    first._p.append(_field_run("separate"))
    first.add_run(entries[0])
    for entry in entries[1:]:
        p = doc.add_paragraph()
        p._p.append(_field_run("begin"))
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'))
        p._p.append(_field_run("separate"))
        p.add_run(entry)
        p._p.append(_field_run("end"))
    doc.add_paragraph()._p.append(_field_run("end"))


def _word_draft(tmp_path: Path, extras: bool) -> Path:
    """The complete 2017 example in Word, with (``extras``) a table of contents,
    a picture, a footnote and a comment mark, a text box and a content-control TOC."""
    from docx_helpers import markdown_to_docx

    path = markdown_to_docx(EXAMPLE, tmp_path / ("med-extra.docx" if extras else "utan.docx"))
    if not extras:
        return path
    doc = docx.Document(str(path))
    title = doc.paragraphs[0]
    toc = docx.Document()
    _toc_field(toc, ["1. Insatser inom det regionala utvecklingsuppdraget 2", "2. Jämställd regional tillväxt 3"])
    anchor = doc.tables[0]._tbl
    for p in reversed(list(toc.element.body.iterchildren(qn("w:p")))):
        anchor.addnext(copy.deepcopy(p))
    picture = tmp_path / "bild.png"
    picture.write_bytes(_png())
    target = next(p for p in doc.paragraphs if p.text.startswith("Illustrativ exempeltext. Regionen har under året arbetat för att"))
    target.add_run().add_picture(str(picture))
    target._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    target._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:commentReference w:id="0"/></w:r>'))
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        '<w:sdtContent><w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t>Innehåll</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>3. Samarbete med länsstyrelsen 4</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    )
    title._p.addnext(sdt)
    doc.save(path)
    return path


def test_toc_images_and_notes_are_skipped_and_said(tmp_path):
    plain, rich = check_file(_word_draft(tmp_path, False)), check_file(_word_draft(tmp_path, True))
    assert verdict_of(rich)["sections"] == verdict_of(plain)["sections"]
    assert rich.complete
    skipped = {f.key: f for f in rich.findings if f.code == "docx-skipped"}
    assert set(skipped) == {"docx-skipped-toc", "docx-skipped-image", "docx-skipped-footnote", "docx-skipped-comment"}
    assert all(f.severity == "info" for f in skipped.values())
    assert skipped["docx-skipped-image"].message() == (
        "1 bild lästes inte; bara text räknas, och bilder kommer inte med i den renderade rapporten.")
    assert "Innehåll" not in "\n".join(rich.draft.lines) and "PAGEREF" not in "\n".join(rich.draft.lines)


def test_libreoffice_saved_report_checks_like_its_source():
    """``fixtures/word/norrbotten-2017-libreoffice.docx``: the rendered example
    opened and saved again by LibreOffice (see fixtures/word/README.md)."""
    result = check_file(LIBREOFFICE_DOCX)
    assert verdict_of(result) == verdict_of(check_file(EXAMPLE))


def test_libreoffice_saved_template_keeps_guidance_out_and_markers_in(tmp_path):
    """The template, saved again by LibreOffice, which renames the style ids."""
    result = check_file(LIBREOFFICE_TEMPLATE)
    md = tmp_path / "mall.md"
    run("new", "--conditions", "2018", "--region", "Region Norrbotten", "--from", EXAMPLE, "--output", md)
    markdown = check_file(md)
    required = lambda r: [(s.id, s.status, s.words) for s in r.sections if s.required]  # noqa: E731
    assert required(result) == required(markdown)
    assert verdict_of(result)["figures"] == verdict_of(markdown)["figures"]
    codes = lambda r: sorted(f.code for f in r.findings)  # noqa: E731
    # the optional part is a heading to fill or remove in Word, a comment in Markdown
    assert codes(result) == sorted([*codes(markdown), "section-empty"])


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_rendered_report_converts_to_pdf_with_headings_tables_and_page_numbers(tmp_path):
    out = render(EXAMPLE, tmp_path / "rapport.docx")
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=300)
    pdf = (tmp_path / "rapport.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/Type /Page" in pdf or b"/Type/Page" in pdf
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "rapport.pdf"), "-"], check=True,
                              capture_output=True, text=True).stdout
        assert "1. Insatser inom det regionala utvecklingsuppdraget" in text
        assert "88 000 000 kr" in text.replace("\xa0", " ") and "Sida 1 av " in text
        pages = text.count("\x0c")
        assert pages >= 2 and f"Sida {pages} av {pages}" in text


def test_bad_input_into_word_writers_is_a_clean_error(tmp_path):
    broken = write(tmp_path / "trasig.md", "---\nconditions: [\n---\n")
    for args in (("render", broken, "--format", "docx", "--output", tmp_path / "x.docx"),
                 ("memo", broken, "--format", "docx", "--output", tmp_path / "y.docx"),
                 ("new", "--conditions", "2018", "--region", "R", "--from", broken, "--output", tmp_path / "z.docx")):
        assert_clean_error(run(*args), "trasig.md", code=2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trasig.md"]



def test_readme_word_guide_works_in_order(tmp_path):
    """The README's "Word från början till slut", run as a reader would, with
    the writing in Word done by python-docx between the first two commands."""
    import re
    import shlex

    from helpers import PROJECT_ROOT
    from test_readme import WORD_GUIDE, section

    for folder in ("reports", "conditions"):
        shutil.copytree(PROJECT_ROOT / folder, tmp_path / folder)
    block = re.search(r"```sh\n(.*?)```", section(WORD_GUIDE), re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.startswith(".venv/bin/villkor")]
    assert [c.split()[1] for c in commands] == ["new", "check", "render", "memo"]
    for n, command in enumerate(commands):
        args = shlex.split(command)[1:]
        r = run(*args, cwd=tmp_path)
        assert r.code == 0, f"{command}\n{r.out}\n{r.err}"
        if n == 0:
            _fill_template(tmp_path / "out" / "norrbotten-2018.docx")
        if "--output" in args:
            assert_valid_docx(tmp_path / args[args.index("--output") + 1])
