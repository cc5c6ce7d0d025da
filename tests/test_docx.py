"""Word drafts: read, check, render and convert .docx like Markdown.

The Word files are made here with python-docx in ``tmp_path``, except
``fixtures/word/norrbotten-2017-pandoc.docx``, which another program made
(see ``fixtures/word/README.md``).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import docx.table
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx_helpers import (
    add_table,
    markdown_to_docx,
    set_outline_level,
    swedish_heading_styles,
)
from helpers import EXAMPLE, INCOMPLETE, assert_clean_error, run, write
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.checking.checker import check_file
from toolkit.decisions.load import decision_for
from toolkit.drafts import word as docx_reader
from toolkit.drafts.markdown import parse_markdown
from toolkit.drafts.model import count_words
from toolkit.drafts.word import parse_docx
from toolkit.outputs.convert import convert_docx

FIXTURES = Path(__file__).parent / "fixtures" / "word"
PANDOC_DOCX = FIXTURES / "norrbotten-2017-pandoc.docx"

FILLER = " ".join(["Regionen har under året arbetat med insatsen tillsammans med länets aktörer."] * 8)
FIGURE_ROWS = [
    ("Utbetalt projektstöd från anslag 1:1", "88 miljoner"),
    ("Beviljat företagsstöd totalt", "85 mnkr"),
    ("varav från anslag 1:1", "42,5 mnkr"),
    ("varav från EU:s strukturfonder", "42 500 000 kr"),
]
SECTIONS = [
    "Insatser inom det regionala utvecklingsuppdraget", "Jämställd regional tillväxt", "Samarbete med länsstyrelsen",
    "Lärande och uppföljning", "Näringslivets digitalisering", "Stöd till kommersiell service",
    "Klimat- och miljöarbetet", "Användning av anslag 1:1",
]


def summary(result):
    """What must be the same whatever format the draft came in."""
    return {
        "sections": [(s.id, s.status, s.words) for s in result.sections],
        "figures": [(f.id, f.status, f.value) for f in result.figures],
        "complete": result.complete,
        "coverage": result.coverage,
        "codes": sorted(f.code for f in result.findings),
    }


def new_doc(facts=(("Villkorsbeslut", "2017"), ("Region", "Region Testlän"))):
    doc = docx.Document()
    if facts:
        add_table(doc, list(facts))
    return doc


def full_report(doc, style=lambda level: f"Heading {level}", figures=True):
    """Every section of the 2017 decision with enough text, in the given heading style."""
    for n, title in enumerate(SECTIONS, 1):
        doc.add_paragraph(f"{n}. {title}", style=style(1))
        doc.add_paragraph(FILLER)
    if figures:
        add_table(doc, [("Nyckeltal", "Belopp"), *FIGURE_ROWS])
    return doc


def save(doc, path: Path) -> Path:
    doc.save(path)
    return path


def location_of(path: Path, text: str) -> int:
    """Paragraph number (non-empty paragraphs and tables, from 1) of the paragraph holding ``text``."""
    doc = docx.Document(path)
    n = 0
    for block in doc.iter_inner_content():
        if isinstance(block, docx.table.Table):
            n += 1
        elif block.text.strip():
            n += 1
            if text in block.text:
                return n
    raise AssertionError(text)


# --------------------------------------------------------------------------
# The same report as Markdown and as Word


@pytest.mark.parametrize("md", [EXAMPLE, INCOMPLETE], ids=["complete", "incomplete"])
def test_word_version_of_a_markdown_draft_checks_the_same(md, tmp_path):
    docx_path = markdown_to_docx(md, tmp_path / "utkast.docx")
    from_md, from_docx = check_file(md), check_file(docx_path)
    assert summary(from_docx) == summary(from_md)
    assert from_docx.draft.kind == "docx" and from_docx.draft.unit == "paragraph"
    assert from_docx.draft.meta["region"] == "Region Norrbotten"


def test_example_as_word_is_complete_with_the_figures_of_the_markdown(tmp_path):
    result = check_file(markdown_to_docx(EXAMPLE, tmp_path / "utkast.docx"))
    assert result.complete and result.coverage == 1.0
    assert {f.id: int(f.value) for f in result.figures} == {
        "projektstod_utbetalt": 88_000_000, "foretagsstod_beviljat": 85_000_000,
        "foretagsstod_beviljat_anslag": 42_500_000, "foretagsstod_beviljat_eu": 42_500_000,
    }
    assert str(result.draft.meta["datum"]) == "2018-02-25"
    r = run("check", tmp_path / "utkast.docx")
    assert r.code == 0 and "Komplett" in r.out, r


def test_findings_in_a_word_draft_name_paragraphs(tmp_path):
    path = markdown_to_docx(INCOMPLETE, tmp_path / "utkast.docx")
    result = check_file(path)
    placeholder = next(f for f in result.findings if f.code == "section-placeholder")
    assert placeholder.line == location_of(path, "TODO: beskriv")
    heading = next(s for s in result.sections if s.id == "digitalisering")
    assert heading.line == location_of(path, "5. Näringslivets digitalisering")
    r = run("check", path)
    assert r.code == 1
    assert "Stycke" in r.out
    r = run("check", path, "--format", "json")
    problems = json.loads(r.out)["problems"]
    assert placeholder.line in [p["line"] for p in problems if p["code"] == "section-placeholder"]


def test_render_from_word_equals_render_from_markdown(tmp_path):
    path = markdown_to_docx(EXAMPLE, tmp_path / "utkast.docx")
    md = run("render", EXAMPLE)
    word = run("render", path)
    assert word.code == 0, word

    def words(text):
        return " ".join(text.split())

    assert words(word.out) == words(md.out)
    html = run("render", path, "--format", "html", "--output", tmp_path / "rapport.html")
    assert html.code == 0, html
    page = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "<em>Illustrativ exempeltext.</em>" in page
    assert "88&nbsp;000&nbsp;000&nbsp;kr" in page


# --------------------------------------------------------------------------
# Headings: Swedish style names, custom styles, outline levels, the title


def test_swedish_heading_styles_rubrik_1_and_2(tmp_path):
    path = markdown_to_docx(EXAMPLE, tmp_path / "rubrik.docx", heading_style=swedish_heading_styles)
    assert "Rubrik 1" in [p.style.name for p in docx.Document(path).paragraphs]
    assert summary(check_file(path)) == summary(check_file(EXAMPLE))


def test_rubrik_2_sub_headings_belong_to_their_section(tmp_path):
    doc = new_doc()
    style = swedish_heading_styles(doc)
    full_report(doc, style)
    second = next(p for p in doc.paragraphs if p.text.startswith("2. "))
    second.insert_paragraph_before("Bakgrund", style="Rubrik 2")
    second.insert_paragraph_before(FILLER)
    path = save(doc, tmp_path / "d.docx")
    draft = parse_docx(path, decision_for=decision_for())
    assert [(h.text, h.level) for h in draft.headings[:3]] == [
        ("1. Insatser inom det regionala utvecklingsuppdraget", 1), ("Bakgrund", 2), ("2. Jämställd regional tillväxt", 1)]
    result = check_file(path)
    assert result.complete, [f.message() for f in result.findings]
    assert result.sections[0].words == 2 * len(FILLER.split()) + 1


def test_custom_styles_based_on_headings(tmp_path):
    doc = new_doc()
    mine = doc.styles.add_style("Avsnittsrubrik", WD_STYLE_TYPE.PARAGRAPH)
    mine.base_style = doc.styles["Heading 2"]
    deeper = doc.styles.add_style("Regionens rubrik", WD_STYLE_TYPE.PARAGRAPH)
    deeper.base_style = mine  # based on a style that is based on Heading 2
    full_report(doc, lambda level: "Regionens rubrik")
    draft = parse_docx(save(doc, tmp_path / "d.docx"), decision_for=decision_for())
    assert len(draft.headings) == 8 and {h.level for h in draft.headings} == {2}
    assert check_file(tmp_path / "d.docx").complete


def test_outline_levels_make_headings_and_body_text_unmakes_them(tmp_path):
    doc = new_doc()
    outlined = doc.styles.add_style("Egen", WD_STYLE_TYPE.PARAGRAPH)  # based on Normal
    ppr = outlined.element.get_or_add_pPr()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), "0")
    ppr.append(lvl)
    for n, title in enumerate(SECTIONS, 1):
        if n % 2:
            p = doc.add_paragraph(title)  # Normal, with the outline level on the paragraph
            set_outline_level(p, 0)
        else:
            doc.add_paragraph(title, style="Egen")  # outline level from its style
        doc.add_paragraph(FILLER)
    body = doc.add_paragraph("Not a heading: Heading 1 but outline level body text", style="Heading 1")
    set_outline_level(body, 9)
    add_table(doc, FIGURE_ROWS)
    draft = parse_docx(save(doc, tmp_path / "d.docx"), decision_for=decision_for())
    assert [h.text for h in draft.headings] == SECTIONS
    assert check_file(tmp_path / "d.docx").complete


def test_title_style_is_the_document_title_not_a_section(tmp_path):
    doc = new_doc()
    doc.add_paragraph("Jämställd regional tillväxt", style="Title")
    doc.add_paragraph(FILLER)
    draft = parse_docx(save(doc, tmp_path / "d.docx"), decision_for=decision_for())
    assert draft.headings == []
    assert draft.lines[0] == "# Jämställd regional tillväxt"
    result = check_file(tmp_path / "d.docx")
    assert next(s for s in result.sections if s.id == "jamstalld-tillvaxt").status == "missing"


# --------------------------------------------------------------------------
# Figures and metadata


def test_figures_from_labels_aliases_and_ids_in_a_table_with_text(tmp_path):
    doc = new_doc()
    full_report(doc, figures=False)
    add_table(doc, [
        ("Stödform", "Belopp"),
        ("8.1 Utbetalt projektstöd", "88 000 000 kr"),  # alias, with numbering
        ("FÖRETAGSSTÖD BEVILJAT", "85 mnkr"),  # alias, other case
        ("foretagsstod_beviljat_anslag", "42,5 mnkr"),  # id
        ("varav från EU:s strukturfonder", "42,5\u00a0mnkr"),  # label, no-break space
        ("Antal beviljade projekt", "42"),  # not a figure: the table stays in the text
    ])
    path = save(doc, tmp_path / "d.docx")
    draft = parse_docx(path, decision_for=decision_for())
    assert draft.figures == {
        "projektstod_utbetalt": "88 000 000 kr", "foretagsstod_beviljat": "85 mnkr",
        "foretagsstod_beviljat_anslag": "42,5 mnkr", "foretagsstod_beviljat_eu": "42,5 mnkr",
    }
    assert "| Antal beviljade projekt | 42 |" in draft.lines
    result = check_file(path)
    assert result.complete and all(f.status == "ok" for f in result.figures)


def test_a_figures_only_table_is_data_not_section_text(tmp_path):
    path = save(full_report(new_doc()), tmp_path / "d.docx")
    result = check_file(path)
    last = next(s for s in result.sections if s.id == "anslagets-anvandning")
    assert last.words == len(FILLER.split())
    assert not any("Belopp" in line for line in result.draft.lines)


def test_a_figure_that_is_not_an_amount_is_reported_at_its_table(tmp_path):
    doc = full_report(new_doc(), figures=False)
    add_table(doc, [*FIGURE_ROWS[:3], ("varav från EU:s strukturfonder", "ungefär hälften")])
    path = save(doc, tmp_path / "d.docx")
    result = check_file(path)
    bad = next(f for f in result.findings if f.code == "figure-not-numeric")
    assert bad.line == 18  # the facts table, 8 headings with a paragraph each, then this table
    assert not result.complete


def test_a_figure_given_twice_with_different_amounts_is_reported_with_both_places(tmp_path):
    doc = full_report(new_doc())
    add_table(doc, [("Beviljat företagsstöd totalt", "90 mnkr")])
    r = run("check", save(doc, tmp_path / "d.docx"), "--format", "json")
    assert r.code == 1, r
    report = json.loads(r.out)
    (problem,) = [p for p in report["problems"] if p["code"] == "figure-repeated"]
    assert "”85 mnkr” (stycke 18)" in problem["message"] and "”90 mnkr” (stycke 19)" in problem["message"]
    figure = next(f for f in report["figures"] if f["id"] == "foretagsstod_beviljat")
    assert figure["status"] == "invalid" and figure["value"] is None  # neither amount is picked


def test_a_figure_given_twice_with_the_same_amount_is_read_once(tmp_path):
    doc = full_report(new_doc())
    add_table(doc, [("Beviljat företagsstöd totalt", "85 000 000 kr")])
    result = check_file(save(doc, tmp_path / "d.docx"))
    assert result.complete and next(f for f in result.figures if f.id == "foretagsstod_beviljat").value == 85_000_000


def test_metadata_from_core_properties(tmp_path):
    doc = full_report(new_doc(facts=None))
    doc.core_properties.category = "2017"
    doc.core_properties.subject = "Region Kärnsta"
    result = check_file(save(doc, tmp_path / "d.docx"))
    assert result.draft.meta["region"] == "Region Kärnsta" and result.complete


def test_facts_table_wins_over_properties_and_accepts_english_labels(tmp_path):
    doc = full_report(new_doc(facts=(("conditions", "2017"), ("Region", "Region Tabell"), ("Kontaktperson", "A. Handläggare"),
                                     ("Diarienummer", "RUN 2018/1"), ("Datum", "2018-02-20"))))
    doc.core_properties.subject = "Region Egenskap"
    draft = parse_docx(save(doc, tmp_path / "d.docx"), decision_for=decision_for())
    assert draft.meta["region"] == "Region Tabell"
    assert draft.meta["kontaktperson"] == "A. Handläggare"
    assert str(draft.meta["datum"]) == "2018-02-20"
    md = run("render", tmp_path / "d.docx")
    assert "| Kontaktperson | A. Handläggare |" in md.out and "20 februari 2018" in md.out


def test_unknown_label_in_the_facts_table_is_an_error_at_its_paragraph(tmp_path):
    doc = full_report(new_doc(facts=(("Villkorsbeslut", "2017"), ("Region", "Region X"), ("Regoin", "Region Y"))))
    r = run("check", save(doc, tmp_path / "d.docx"))
    assert_clean_error(r, "d.docx, stycke 1: raden ”Regoin” i faktatabellen är okänd – menade du ”Region”?",
                       "Tillåtna etiketter: Villkorsbeslut, Region, Diarienummer")


def test_no_region_is_an_error_like_in_front_matter(tmp_path):
    doc = full_report(new_doc(facts=(("Villkorsbeslut", "2017"),)))
    r = run("check", save(doc, tmp_path / "d.docx"), "--lang", "en")
    assert_clean_error(r, "d.docx, paragraph 1: the facts table has no row for the region: add the row “Region | Region …”")


def test_unknown_decision_is_reported_at_the_facts_table(tmp_path):
    doc = full_report(new_doc(facts=(("Villkorsbeslut", "2071"), ("Region", "Region X"))))
    r = run("check", save(doc, tmp_path / "d.docx"))
    assert_clean_error(r, "d.docx, stycke 1", "2071")


# --------------------------------------------------------------------------
# Text: lists, emphasis and text that looks like Markdown


def test_lists_emphasis_and_markdown_lookalikes_convert_faithfully(tmp_path):
    doc = new_doc()
    full_report(doc)
    first = next(p for p in doc.paragraphs if p.text.startswith("2. "))
    anchor = first.insert_paragraph_before("Inledning")
    p = anchor.insert_paragraph_before("")
    p.add_run("Fet").bold = True
    p.add_run(" och ")
    p.add_run("kursiv").italic = True
    p.add_run(" text, 5 * 3 och a_b.")
    anchor.insert_paragraph_before("# inte en rubrik")
    anchor.insert_paragraph_before("1. inte en lista")
    anchor.insert_paragraph_before("första punkten", style="List Bullet")
    anchor.insert_paragraph_before("andra punkten", style="List Bullet")
    anchor.insert_paragraph_before("steg ett", style="List Number")
    path = save(doc, tmp_path / "d.docx")
    lines = parse_docx(path, decision_for=decision_for()).lines
    assert "**Fet** och *kursiv* text, 5 \\* 3 och a\\_b." in lines
    assert "\\# inte en rubrik" in lines and "1\\. inte en lista" in lines
    i = lines.index("- första punkten")
    assert lines[i + 1] == "- andra punkten" and lines[i + 2] == ""
    assert "1. steg ett" in lines
    out = tmp_path / "d.md"
    assert run("convert", path, "--output", out).code == 0
    converted = parse_markdown(out.read_text(encoding="utf-8"), out)
    assert [h.text for h in converted.headings] == [h.text for h in parse_docx(path, decision_for=decision_for()).headings]
    assert summary(check_file(out)) == summary(check_file(path))


def test_deleted_tracked_text_is_left_out(tmp_path):
    doc = full_report(new_doc())
    p = doc.add_paragraph("Kvar ")
    from docx.oxml import parse_xml

    p._p.append(parse_xml(
        '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="1" w:author="x">'
        '<w:r><w:delText>TODO borttaget</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(
        '<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="2" w:author="x">'
        '<w:r><w:t>tillagt</w:t></w:r></w:ins>'))
    draft = parse_docx(save(doc, tmp_path / "d.docx"), decision_for=decision_for())
    assert draft.lines[-1] == "Kvar tillagt"
    assert check_file(tmp_path / "d.docx").complete


# --------------------------------------------------------------------------
# Convert


def test_convert_prints_a_markdown_draft_that_checks_the_same(tmp_path):
    path = markdown_to_docx(INCOMPLETE, tmp_path / "utkast.docx")
    r = run("convert", path)
    assert r.code == 0, r
    assert r.out.startswith("---\nconditions: '2017'\nregion: Region Norrbotten\n")
    md = write(tmp_path / "konverterad.md", r.out)
    assert summary(check_file(md)) == summary(check_file(path))
    assert run("check", md).code == run("check", path).code == 1


def test_convert_writes_output_and_never_the_input(tmp_path):
    path = markdown_to_docx(EXAMPLE, tmp_path / "utkast.docx")
    before = path.read_bytes()
    r = run("convert", path, "--output", path)
    assert_clean_error(r, "utkast.docx")
    assert path.read_bytes() == before
    out = tmp_path / "ut" / "utkast.md"
    r = run("convert", path, "-o", out)
    assert r.code == 0 and "Skrev" in r.err
    assert check_file(out).complete
    assert [p.name for p in out.parent.iterdir()] == ["utkast.md"]  # no temporary file left


def test_convert_refuses_a_markdown_file():
    assert_clean_error(run("convert", EXAMPLE), "convert", "Word")


# --------------------------------------------------------------------------
# A Word file made by another program (pandoc; see fixtures/word/README.md)


def test_pandoc_made_docx_checks_like_the_markdown_example(tmp_path):
    from_word, from_md = check_file(PANDOC_DOCX), check_file(EXAMPLE)
    assert from_word.complete and from_word.coverage == from_md.coverage == 1.0
    assert [(s.id, s.status) for s in from_word.sections] == [(s.id, s.status) for s in from_md.sections]
    assert [(f.id, f.value) for f in from_word.figures] == [(f.id, f.value) for f in from_md.figures]
    # metadata from the custom properties pandoc wrote
    meta = from_word.draft.meta
    assert (meta["conditions"], meta["region"], meta["diarienummer"], str(meta["datum"])) == (
        "2017", "Region Norrbotten", "00858-2018", "2018-02-25")
    assert "- **uppföljning** av beviljade projektstöd," in from_word.draft.lines
    out = tmp_path / "pandoc.md"
    assert run("convert", PANDOC_DOCX, "-o", out).code == 0
    assert summary(check_file(out)) == summary(from_word)


# --------------------------------------------------------------------------
# Files that are not readable Word drafts


def test_no_headings_lists_every_part_missing_and_says_why(tmp_path):
    doc = new_doc()
    for title in SECTIONS:
        doc.add_paragraph(title)  # typed in bold, perhaps, but in the Normal style
        doc.add_paragraph(FILLER)
    path = save(doc, tmp_path / "d.docx")
    r = run("check", path, "--format", "json")
    assert r.code == 1
    data = json.loads(r.out)
    assert {s["status"] for s in data["sections"]} == {"missing"}
    hint = [p for p in data["problems"] if p["code"] == "docx-no-headings"]
    assert hint and "Rubrik 1" in hint[0]["message"]
    assert "Heading 1" in run("check", path, "--lang", "en").out


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_bad_word_files_get_clear_messages(tmp_path):
    good = save(full_report(new_doc()), tmp_path / "good.docx").read_bytes()
    cases = {
        "text.docx": (b"# Inte Word\n", "inte ett Word-dokument"),
        "empty.docx": (b"", "tomt"),
        "truncated.docx": (good[: len(good) // 2], "skadat"),
        "old.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "WordDocument".encode("utf-16-le"), "gamla Word-formatet"),
        "locked.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600 + "EncryptionInfo".encode("utf-16-le"),
                        "lösenordsskyddat"),
    }
    for name, (data, fragment) in cases.items():
        (tmp_path / name).write_bytes(data)
        assert_clean_error(run("check", tmp_path / name), name, fragment)
    plain_zip = _zip(tmp_path / "plain.docx", {"notes.txt": b"hej"})
    assert_clean_error(run("check", plain_zip), "inget Word-dokument")
    sheet_types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   b'spreadsheetml.sheet.main+xml"/></Types>')
    rels = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"'
            b' Target="xl/workbook.xml"/></Relationships>')
    sheet = _zip(tmp_path / "sheet.docx", {"[Content_Types].xml": sheet_types, "_rels/.rels": rels, "xl/workbook.xml": b"<workbook/>"})
    assert_clean_error(run("check", sheet, "--lang", "en"), "not a Word document")
    assert_clean_error(run("convert", sheet), "sheet.docx")


def test_a_document_without_facts_says_where_they_go(tmp_path):
    path = save(full_report(new_doc(facts=None)), tmp_path / "d.docx")
    assert_clean_error(run("check", path), "d.docx: ", "Villkorsbeslut | 2017")


def test_empty_word_document(tmp_path):
    path = save(docx.Document(), tmp_path / "tom.docx")
    assert_clean_error(run("check", path), "tom.docx", "tomt")


def test_size_limits_and_zip_bombs(tmp_path, monkeypatch):
    huge = tmp_path / "huge.docx"
    with huge.open("wb") as fh:
        fh.truncate(11 * 1024 * 1024)
    assert_clean_error(run("check", huge), "för stor")
    # a small file whose directory declares more than the limit unpacked
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("word/document.xml", b"\0" * (3 * 1024 * 1024))
    assert bomb.stat().st_size < 20_000
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 2 * 1024 * 1024)
    assert_clean_error(run("check", bomb), "packas upp till mer än 2 MB")


def test_macro_enabled_document_is_read_as_text(tmp_path):
    src = save(full_report(new_doc()), tmp_path / "d.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml", b"PLACEHOLDER").replace(
                    b"application/vnd.openxmlformats-officedocument.PLACEHOLDER",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            zout.writestr(item, data)
    docm = tmp_path / "d.docm"
    docm.write_bytes(buf.getvalue())
    assert b"macroEnabled" in zipfile.ZipFile(docm).read("[Content_Types].xml")
    assert check_file(docm).complete


def test_figures_may_stand_in_the_facts_table(tmp_path):
    doc = full_report(new_doc(facts=(("Villkorsbeslut", "2017"), ("Region", "Region X"), *FIGURE_ROWS)), figures=False)
    result = check_file(save(doc, tmp_path / "d.docx"))
    assert result.complete and len(result.draft.figures) == 4


def test_readme_word_commands_work_as_written(tmp_path):
    """Every command in the README's "Word-utkast" section runs from the project root."""
    import re
    import shlex

    from helpers import PROJECT_ROOT

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Word-utkast", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^\.venv/bin/villkor (.+)$", section, re.M)
    assert len(commands) == 4
    for line in commands:
        args = [a.replace("out/", f"{tmp_path}/") for a in shlex.split(line)]
        r = run(*args, cwd=PROJECT_ROOT)
        assert r.code == 0, (line, r)


_MARKDOWNISH = ["#", "##", "-", "*", "+", "1.", "2)", "~~~", "```", "---", "===", "|", "<!--", "-->", ">", "<div>",
                "{#uppdraget}", "ord", "å", " ", "\t", "_", "**", "    "]
_TEXTS = st.lists(st.sampled_from(_MARKDOWNISH), min_size=1, max_size=6).map("".join).filter(str.strip)


@settings(max_examples=15, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TEXTS, min_size=1, max_size=3), breaks=st.booleans())
@example(texts=["~~~ kod"], breaks=False)
@example(texts=["```"], breaks=False)
@example(texts=["text", "---"], breaks=True)
@example(texts=["==="], breaks=True)
@example(texts=["<!-- utan slut"], breaks=False)
@example(texts=["# rubrik?", "1. punkt", "- punkt", "    indraget"], breaks=False)
def test_any_paragraph_text_keeps_the_structure_through_convert(tmp_path, texts, breaks):
    """Whatever the paragraphs say, the converted draft has exactly the Word draft's headings and text."""
    doc = new_doc()
    doc.add_paragraph("Jämställd regional tillväxt", style="Heading 1")
    for text in texts:
        p = doc.add_paragraph(text)
        if breaks:
            p.add_run().add_break()
            p.add_run(text)
    doc.add_paragraph("Samarbete med länsstyrelsen", style="Heading 1")
    doc.add_paragraph("Slut.")
    path = save(doc, tmp_path / "h.docx")
    draft = parse_docx(path, decision_for=decision_for())
    converted = convert_docx(path)
    md = parse_markdown(converted, tmp_path / "h.md")
    assert [(h.text, h.level) for h in md.headings] == [(h.text, h.level) for h in draft.headings]
    words = [count_words(draft.text(h.start, h.end)) for h in draft.headings]
    assert [count_words(md.text(h.start, h.end)) for h in md.headings] == words


def test_messages_name_paragraphs_not_lines(tmp_path, wide_terminal):
    doc = full_report(new_doc())
    doc.add_paragraph("Jämställd regional tillväxt", style="Heading 1")  # a second time
    doc.add_paragraph(FILLER)
    path = save(doc, tmp_path / "d.docx")
    r = run("check", path)
    assert "finns redan i stycke 4" in r.out, r.out
    path = markdown_to_docx(INCOMPLETE, tmp_path / "o.docx")
    r = run("check", path, "--lang", "en")
    words = " ".join(r.out.split())  # a long message wraps in its column
    assert f"in paragraph {location_of(path, 'Lärande och uppföljnng')}?" in words
    assert "add a table row" in words


def test_bold_text_instead_of_a_heading_style_is_named(tmp_path):
    path = markdown_to_docx(EXAMPLE, tmp_path / "fet.docx")
    document = docx.Document(path)
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("3. Samarbete med länsstyrelsen"):
            paragraph.style = document.styles["Normal"]
            for run in paragraph.runs:
                run.bold = True
    document.save(path)
    result = check_file(path)
    (f,) = [f for f in result.findings if f.severity == "error"]
    assert f.section == "samarbete-lansstyrelsen" and f.key == "section-missing-bold-paragraph"
    assert "formatmallen Rubrik 1" in f.message("sv")


def test_word_figures_are_read_by_the_decision_given_with_conditions(tmp_path):
    """--conditions names a decision extending 2017 with a new figure: a Word row
    for that figure is recognised, as the same figure in a Markdown draft is."""
    extended = write(tmp_path / "beslut" / "2017x.yaml", """
        extends: "2017"
        title: Utökat beslut
        year: 2017
        figures:
          - id: hemsandningsbidrag
            label: Beviljat hemsändningsbidrag
            unit: kr
            section: kommersiell-service
    """)
    md = tmp_path / "utkast.md"
    md.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "figures:\n", "figures:\n  hemsandningsbidrag: 1 200 000 kr\n", 1), encoding="utf-8")
    word = markdown_to_docx(EXAMPLE, tmp_path / "utkast.docx")
    doc = docx.Document(str(word))
    add_table(doc, [("Nyckeltal", "Belopp"), ("Beviljat hemsändningsbidrag", "1 200 000 kr")])
    doc.save(str(word))
    from_md = check_file(md, conditions=str(extended))
    from_word = check_file(word, conditions=str(extended))
    assert from_md.complete, [f.code for f in from_md.findings]
    assert from_word.complete, [(f.code, f.params) for f in from_word.findings]
    assert {f.id: f.value for f in from_word.figures} == {f.id: f.value for f in from_md.figures}
    assert int(next(f for f in from_word.figures if f.id == "hemsandningsbidrag").value) == 1_200_000
    r = run("check", word, "--conditions", extended)
    assert r.code == 0, r
