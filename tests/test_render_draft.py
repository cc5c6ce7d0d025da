"""``render --draft``: what is left to fix stands at the top of each part, apart
from the writer's text, and the draft is marked on screen and on paper."""

from __future__ import annotations

from pathlib import Path

import markdown
from helpers import INCOMPLETE, run
from lxml import html as lxml_html

FIRST = "Region Norrbotten har sedan 1 januari 2017 det regionala utvecklingsansvaret."
SHORT = "Kort."  # the whole text of section 3 in the incomplete example


def enclosing(tree: object, text: str) -> list[str]:
    """Tag names (with classes) around the element whose text starts with ``text``."""
    hits = [el for el in tree.iter() if (el.text or "").strip().startswith(text)]  # type: ignore[attr-defined]
    assert len(hits) == 1, (text, hits)
    names = []
    el = hits[0]
    while el is not None:
        names.append(f"{el.tag}.{el.get('class')}" if el.get("class") else el.tag)
        el = el.getparent()
    return names


def test_markdown_keeps_the_first_paragraph_out_of_the_note() -> None:
    r = run("render", INCOMPLETE, "--draft", "--format", "md")
    assert r.code == 0, r
    assert "> **Att åtgärda:** Avsnittet ”Insatser inom det regionala utvecklingsuppdraget” är för kort: 59 ord, minst 60 krävs.\n\n" + FIRST in r.out
    tree = lxml_html.fromstring(markdown.markdown(r.out.split("---", 2)[2], extensions=["tables"]))
    for text in (FIRST, SHORT):
        assert "blockquote" not in enclosing(tree, text), text
    # several things to fix are a list inside the note, and the text after it is the writer's again
    assert "> **Att åtgärda:**\n>\n> - Avsnittet ”Näringslivets digitalisering” är för kort" in r.out
    assert "blockquote" not in enclosing(tree, "TODO: beskriv insatserna")


def test_html_keeps_the_first_paragraph_out_of_the_note(tmp_path: Path) -> None:
    out = tmp_path / "utkast.html"
    assert run("render", INCOMPLETE, "--draft", "--format", "html", "--output", out).code == 0
    tree = lxml_html.fromstring(out.read_text(encoding="utf-8"))
    for text in (FIRST, SHORT, "TODO: beskriv insatserna"):
        around = enclosing(tree, text)
        assert not [n for n in around if n.startswith(("blockquote", "div.to-fix"))], (text, around)
    notes = tree.find_class("to-fix")
    assert len(notes) == 4 and all(n.tag == "div" for n in notes)
    assert notes[0].text_content().startswith("Att åtgärda:Avsnittet ”Insatser inom")
    assert tree.find_class("missing-part")[0].text_content() == "Avsnittet saknas i utkastet."


def test_the_draft_banner_is_on_screen_and_on_every_printed_page(tmp_path: Path) -> None:
    out = tmp_path / "utkast.html"
    assert run("render", INCOMPLETE, "--draft", "--format", "html", "--output", out).code == 0
    text = out.read_text(encoding="utf-8")
    tree = lxml_html.fromstring(text)
    banner = tree.find_class("draft-banner")
    assert len(banner) == 1 and banner[0].get("role") == "note"
    assert banner[0].text_content().startswith("Utkast – ofullständig Inte för inlämning. Ofullständig: 6 av 12")
    assert tree.body[0] is banner[0]  # the first thing on the page
    main = tree.find(".//main")
    assert main.get("class") == "draft" and main.get("data-draft") == "UTKAST"
    assert "main.draft::before { content: attr(data-draft); position: fixed;" in text  # repeated on each printed page
    assert "<blockquote>" not in text.split("<main", 1)[1].split("</h1>", 1)[0]  # no second, Markdown banner


def test_a_complete_report_has_no_banner_and_no_notes(tmp_path: Path) -> None:
    from helpers import EXAMPLE

    r = run("render", EXAMPLE, "--draft", "--format", "html")
    assert r.code == 0
    assert "draft-banner" not in r.out.split("</style>", 1)[1] and 'class="to-fix"' not in r.out


def test_english(tmp_path: Path) -> None:
    r = run("render", INCOMPLETE, "--draft", "--format", "html", "--lang", "en")
    tree = lxml_html.fromstring(r.out)
    assert tree.find_class("draft-banner")[0].text_content().startswith("Draft – incomplete Not for submission.")
    assert tree.find(".//main").get("data-draft") == "DRAFT"
