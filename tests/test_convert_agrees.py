"""`convert` makes a Markdown draft that checks exactly like the Word file:
for generated Word documents (a title or not, headings at levels, paragraphs
and headings with characters Markdown gives a meaning to, a facts table, a
figures table, Title-styled paragraphs anywhere), check(docx) and
check(convert(docx)) agree on every section, every figure and the verdict."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import docx
from docx_helpers import add_table
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from toolkit.checking.checker import check_file
from toolkit.decisions.load import load_conditions
from toolkit.outputs.convert import convert_docx

C2017 = load_conditions("2017")
TITLES = [s.title for s in C2017.sections] + [a for s in C2017.sections for a in s.aliases[:1]]
LABELS = [f.label for f in C2017.figures]
RISKY = ["<!--", "-->", "#", "##", "*", "**", "_", "[", "]", "[x](y)", "<b>", "<", ">", "`", "```", "~~~",
         "{#digitalisering}", "\\", "&amp;", "&lt;", "|", "1.", "-", "+", "TODO", "—", "---", "===", "{#", "}"]
WORDS = ["regionen", "länet", "stöd", "insatser", "jämställd", "tillväxt", "2017"]
FILLER = " ".join(["Regionen har under året arbetat med insatsen tillsammans med länets aktörer."] * 4)

TOKENS = st.lists(st.sampled_from(RISKY + WORDS), min_size=1, max_size=6)
RISKY_TEXT = st.tuples(TOKENS, st.sampled_from([" ", ""])).map(lambda t: t[1].join(t[0])).filter(lambda s: s.strip())
HEADING = st.one_of(st.sampled_from(TITLES), RISKY_TEXT,
                    st.tuples(st.sampled_from(TITLES), RISKY_TEXT).map(" ".join),
                    st.tuples(st.sampled_from(["1.", "2)", "A)"]), st.sampled_from(TITLES)).map(" ".join))
PARAGRAPH = st.one_of(RISKY_TEXT, st.just(FILLER), RISKY_TEXT.map(lambda t: f"{t} {FILLER}"),
                      RISKY_TEXT.map(lambda t: f"{FILLER} {t}"))
FIGURE_ROW = st.tuples(st.sampled_from(LABELS), st.sampled_from(["88 mnkr", "42,5 mnkr", "42 500 000 kr", "85 mnkr", "x"]))
BLOCK = st.one_of(
    st.tuples(st.just("heading"), st.integers(1, 3), HEADING),
    st.tuples(st.just("text"), st.just(0), PARAGRAPH),
    st.tuples(st.just("title"), st.just(0), HEADING),
    st.tuples(st.just("figures"), st.just(0), st.lists(FIGURE_ROW, min_size=1, max_size=4, unique_by=lambda r: r[0])),
)
EXAMPLES = int(os.environ.get("VILLKOR_PROPERTY_EXAMPLES", "40"))


def build(path: Path, title: str | None, blocks: list[tuple[str, int, Any]]) -> Path:
    doc = docx.Document()
    if title is not None:
        doc.add_paragraph(title, style="Title")
    add_table(doc, [("Villkorsbeslut", "2017"), ("Region", "Region Norrbotten")])
    for kind, level, value in blocks:
        if kind == "heading":
            doc.add_paragraph(value, style=f"Heading {level}")
        elif kind == "title":
            doc.add_paragraph(value, style="Title")
        elif kind == "figures":
            add_table(doc, [("Nyckeltal", "Belopp"), *value])
        else:
            doc.add_paragraph(value)
    doc.save(str(path))
    return path


def outcome(result: Any) -> dict[str, Any]:
    return {
        "sections": [(s.id, s.status, s.words) for s in result.sections],
        "figures": [(f.id, f.status, f.value) for f in result.figures],
        # a figure the Word reader refuses is refused in Markdown too, in its own words
        "errors": sorted(f.code for f in result.findings if f.severity == "error" and not f.code.startswith("figure-")),
        "complete": result.complete,
    }


def agree(tmp_path: Path, title: str | None, blocks: list[tuple[str, int, Any]]) -> None:
    word = build(tmp_path / "utkast.docx", title, blocks)
    markdown = tmp_path / "utkast.md"
    markdown.write_text(convert_docx(word), encoding="utf-8")
    assert outcome(check_file(markdown)) == outcome(check_file(word)), markdown.read_text(encoding="utf-8")


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=st.one_of(st.none(), HEADING), blocks=st.lists(BLOCK, max_size=10))
@example(title="Återrapport 2017", blocks=[("heading", 1, "Inledning <!-- utkast"), ("text", 0, FILLER),
                                           ("heading", 1, "Jämställd regional tillväxt"), ("text", 0, FILLER)])
@example(title="Återrapport", blocks=[("heading", 1, "Jämställd regional tillväxt"), ("text", 0, FILLER),
                                      ("title", 0, "Samarbete med länsstyrelsen"), ("text", 0, FILLER)])
@example(title="Jämställd regional tillväxt", blocks=[("text", 0, FILLER), ("heading", 1, "Lärande och uppföljning"),
                                                      ("text", 0, FILLER)])
@example(title="Återrapport", blocks=[("heading", 1, "Egen rubrik"), ("text", 0, FILLER)])
@example(title=None, blocks=[("heading", 2, "Jämställd regional tillväxt ##"), ("text", 0, FILLER)])
@example(title=None, blocks=[("heading", 1, "*Jämställd* regional_tillväxt [1]"), ("text", 0, "TODO " + FILLER)])
def test_check_of_docx_and_of_its_conversion_agree(tmp_path_factory: Any, title: str | None,
                                                    blocks: list[tuple[str, int, Any]]):
    agree(tmp_path_factory.mktemp("c"), title, blocks)
