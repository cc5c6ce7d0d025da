"""Word text nobody sees is no text: hidden runs (``w:vanish`` on the run, in
its character style or in its paragraph's style, through the styles they are
based on) and the placeholder a content control shows until it is filled in
(``w:showingPlcHdr``: "Klicka eller tryck här för att ange text.").

Made with python-docx in ``tmp_path``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx_helpers import add_table, markdown_to_docx
from helpers import EXAMPLE, run

from toolkit.drafts.word import parse_docx

FILLER = " ".join(["Regionen har under året arbetat med insatsen tillsammans med länets aktörer."] * 6)
SECOND = "Jämställd regional tillväxt"


def _section_paragraphs(doc: Any, title: str) -> list[Any]:
    """The body paragraphs under the heading ``title``, up to the next heading."""
    out, inside = [], False
    for p in doc.paragraphs:
        if p.style.name.startswith("Heading"):
            inside = p.text.strip().endswith(title)
            continue
        if inside and p.text.strip():
            out.append(p)
    return out


def _example(tmp_path: Path) -> tuple[Any, Path]:
    path = markdown_to_docx(EXAMPLE, tmp_path / "utkast.docx")
    return docx.Document(str(path)), path


def _check(path: Path) -> tuple[int, dict[str, Any]]:
    r = run("check", path, "--format", "json")
    assert "Traceback" not in r.err, r
    return r.code, json.loads(r.out)


def _section(data: dict[str, Any], sid: str = "jamstalld-tillvaxt") -> dict[str, Any]:
    return next(s for s in data["sections"] if s["id"] == sid)


def test_the_example_as_word_is_complete(tmp_path: Path):
    code, data = _check(_example(tmp_path)[1])
    assert code == 0 and _section(data)["words"] > 30


def test_hidden_runs_are_no_text(tmp_path: Path):
    doc, path = _example(tmp_path)
    for p in _section_paragraphs(doc, SECOND):
        for r in p.runs:
            r.font.hidden = True
    doc.save(str(path))
    code, data = _check(path)
    assert code == 1
    assert _section(data)["words"] == 0 and _section(data)["status"] == "incomplete"


def test_hidden_through_the_runs_character_style(tmp_path: Path):
    doc, path = _example(tmp_path)
    base = doc.styles.add_style("Dold", WD_STYLE_TYPE.CHARACTER)
    base.font.hidden = True
    style = doc.styles.add_style("Anteckning", WD_STYLE_TYPE.CHARACTER)
    style.base_style = base  # hidden only through the style it is based on
    for p in _section_paragraphs(doc, SECOND):
        for r in p.runs:
            r.style = style
    doc.save(str(path))
    code, data = _check(path)
    assert code == 1 and _section(data)["words"] == 0


def test_hidden_through_the_paragraph_style_unless_the_run_shows_itself(tmp_path: Path):
    doc, path = _example(tmp_path)
    style = doc.styles.add_style("Dolt stycke", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.font.hidden = True
    paragraphs = _section_paragraphs(doc, SECOND)
    for p in paragraphs:
        p.style = style
    doc.save(str(path))
    code, data = _check(path)
    assert code == 1 and _section(data)["words"] == 0
    # a run that says hidden="off" is shown whatever its paragraph's style says
    for p in paragraphs:
        for r in p.runs:
            r.font.hidden = False
    doc.save(str(path))
    code, data = _check(path)
    assert code == 0 and _section(data)["words"] > 30


def test_partly_hidden_text_counts_only_what_shows(tmp_path: Path):
    doc, path = _example(tmp_path)
    paragraphs = _section_paragraphs(doc, SECOND)
    for p in paragraphs[1:]:
        p._p.getparent().remove(p._p)
    p = paragraphs[0]
    for r in p.runs:
        r.text = ""
    p.add_run("Fem ord syns i texten.")
    p.add_run(" Dolda ord som ingen läsare ser." * 10).font.hidden = True
    doc.save(str(path))
    code, data = _check(path)
    assert _section(data)["words"] == 5 and code == 1
    draft = parse_docx(path)
    assert not any("Dolda" in line for line in draft.lines)


def test_a_hidden_paragraph_mark_alone_hides_no_text(tmp_path: Path):
    """Word's style separator hides only the paragraph mark: the text shows."""
    doc, path = _example(tmp_path)
    for p in _section_paragraphs(doc, SECOND):
        rpr = OxmlElement("w:rPr")  # the paragraph mark's run properties
        rpr.append(OxmlElement("w:vanish"))
        p._p.get_or_add_pPr().append(rpr)
    doc.save(str(path))
    code, data = _check(path)
    assert code == 0 and _section(data)["words"] > 30


def _placeholder_control(text: str, block: bool) -> Any:
    """A content control still showing its placeholder, as Word writes one."""
    run_xml = f'<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
    pr = "<w:sdtPr><w:alias w:val=\"Text\"/><w:showingPlcHdr/><w:text/></w:sdtPr>"
    content = f"<w:p>{run_xml}</w:p>" if block else run_xml
    return parse_xml(f"<w:sdt {nsdecls('w')}>{pr}<w:sdtContent>{content}</w:sdtContent></w:sdt>")


def test_content_control_placeholders_are_no_text(tmp_path: Path):
    doc, path = _example(tmp_path)
    paragraphs = _section_paragraphs(doc, SECOND)
    long_prompt = "Klicka eller tryck här för att ange text om jämställd regional tillväxt under året. " * 4
    # one control inside a paragraph, one standing as a paragraph of its own
    for r in list(paragraphs[0]._p.iter(qn("w:r"))):
        r.getparent().remove(r)
    paragraphs[0]._p.append(_placeholder_control(long_prompt, block=False))
    for p in paragraphs[1:]:
        p._p.addprevious(_placeholder_control(long_prompt, block=True))
        p._p.getparent().remove(p._p)
    doc.save(str(path))
    code, data = _check(path)
    assert code == 1 and _section(data)["words"] == 0
    assert not any("Klicka" in line for line in parse_docx(path).lines)


def test_a_filled_in_content_control_is_text(tmp_path: Path):
    doc, path = _example(tmp_path)
    paragraphs = _section_paragraphs(doc, SECOND)
    control = _placeholder_control(FILLER, block=True)
    control.find(qn("w:sdtPr")).remove(control.find(qn("w:sdtPr")).find(qn("w:showingPlcHdr")))
    for p in paragraphs:
        p._p.getparent().remove(p._p)
    heading = next(p for p in doc.paragraphs if p.text.strip().endswith(SECOND))
    heading._p.addnext(control)
    doc.save(str(path))
    code, data = _check(path)
    assert code == 0 and _section(data)["words"] == 66


def test_hidden_and_placeholder_facts_are_no_facts(tmp_path: Path):
    doc = docx.Document()
    table = add_table(doc, [("Villkorsbeslut", "2017"), ("Region", "Region Norrbotten"), ("Kontaktperson", "")])
    table.rows[1].cells[1].paragraphs[0].runs[0].font.hidden = True
    cell = table.rows[2].cells[1]
    cell.paragraphs[0]._p.append(_placeholder_control("Ange namn", block=False))
    doc.add_paragraph("Insatser inom det regionala utvecklingsuppdraget", style="Heading 1")
    doc.add_paragraph(FILLER)
    path = tmp_path / "fakta.docx"
    doc.save(str(path))
    r = run("check", path)
    assert r.code == 2 and "region" in r.err  # region is required, and hidden is not given
    table.rows[1].cells[1].paragraphs[0].runs[0].font.hidden = False
    doc.save(str(path))
    draft = parse_docx(path)
    assert draft.meta["region"] == "Region Norrbotten"
    assert draft.meta.get("kontaktperson") is None


def test_hidden_heading_text_is_no_heading(tmp_path: Path):
    doc, path = _example(tmp_path)
    heading = next(p for p in doc.paragraphs if p.text.strip().endswith(SECOND))
    for r in heading.runs:
        r.font.hidden = True
    doc.save(str(path))
    code, data = _check(path)
    assert code == 1 and _section(data)["status"] == "missing"
