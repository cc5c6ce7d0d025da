"""A section's words are the words a reader of the rendered report sees.

Markup that ``render`` removes (line breaks, scripts and styles, images and
their alt text, link targets and titles, attribute values, raw tags) is no
text: a section made only of it is empty, however many "words" its Markdown
has.
"""

from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import EXAMPLE, run, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.drafts.model import count_words
from toolkit.drafts.visible import visible_text
from toolkit.outputs.htmlsafe import markdown_to_html

# rendering each example is slow; VILLKOR_PROPERTY_EXAMPLES asks for more
EXAMPLES = int(os.environ.get("VILLKOR_PROPERTY_EXAMPLES", "300"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class _Text(HTMLParser):
    """The text of an HTML fragment as a browser shows it; every tag separates."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")


def rendered_words(markdown: str) -> int:
    """Words in the text of what ``render`` makes of ``markdown``."""
    body, _ = markdown_to_html(markdown)
    parser = _Text()
    parser.feed(body)
    parser.close()
    return count_words("".join(parser.parts))


def _with_section(tmp_path: Path, body: str) -> Path:
    """The complete example with the text of "Jämställd regional tillväxt" replaced."""
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("## 2. Jämställd regional tillväxt")
    end = text.index("\n## ", start + 5)
    return write(tmp_path / "utkast.md", text[:start] + "## 2. Jämställd regional tillväxt\n\n" + body + "\n" + text[end:])


HIDDEN = {
    "line-breaks": "<br>\n" * 40,
    "style": "<style>\n" + "p { font-family: Arial regional tillväxt jämställdhet }\n" * 10 + "</style>",
    "script": "<script>" + "var jämställd = 'regional tillväxt i hela länet';\n" * 10 + "</script>",
    "alt-text": "![Jämställd regional tillväxt i hela länet under året med många insatser och mycket mer text "
                "som ingen läsare ser eftersom rapporten inte har bilder, inte ens en enda liten bild](bild.png)",
    "link-title": "[.](https://example.se/jamstalld-regional-tillvaxt-i-hela-lanet-under-aret "
                  "\"Jämställd regional tillväxt i hela länet under året med många insatser och mer, "
                  "i en titel som bara syns när musen vilar på en punkt i texten\")",
    "attributes": '<span title="Jämställd regional tillväxt i hela länet under året med många insatser '
                  'och mycket mer text som bara syns som verktygstips" class="a b c d e f g h i j k"></span>',
    "raw-tags": "<div><section><article><aside><header><footer><main><figure><figcaption><address>" * 4,
}


@pytest.mark.parametrize("case", sorted(HIDDEN))
def test_markup_alone_is_an_empty_section(case: str, tmp_path: Path):
    path = _with_section(tmp_path, HIDDEN[case])
    r = run("check", path, "--format", "json")
    assert r.code == 1, r
    import json

    sections = {s["id"]: s for s in json.loads(r.out)["sections"]}
    assert sections["jamstalld-tillvaxt"]["words"] == 0
    assert "section-empty" in [p["code"] for p in sections["jamstalld-tillvaxt"]["problems"]]


def test_visible_words_still_count(tmp_path: Path):
    visible = ("Regionen har <b>under året</b> arbetat med [jämställd tillväxt](https://example.se \"titel\") "
               "och <span title=\"dolt\">kartlagt</span> stödet&nbsp;till företag; " * 3)
    path = _with_section(tmp_path, visible)
    r = run("check", path, "--format", "json")
    import json

    words = {s["id"]: s["words"] for s in json.loads(r.out)["sections"]}["jamstalld-tillvaxt"]
    assert words == rendered_words(visible) == 39


@pytest.mark.parametrize("text", [
    "a <br> b", "`<br> kod`", "```python\n<br> kod\n```", "&amp; &lt;b&gt; &nbsp;", "<http://example.se/sida>",
    "[r]: http://x.se \"titel\"\n\n[länk][r] och [odefinierad][q]", "stycke\n{: .klass #id }", "<!DOCTYPE html> ord",
    "<svg><text>ord</text></svg> <template>mall</template> <math><mi>x</mi></math>",
    "<span data-x=\"a > b\">synligt</span>",
])
def test_cases_match_the_renderer(text: str):
    assert count_words(visible_text(text)) == rendered_words(text)


def test_lines_are_kept():
    text = "ett\n<script>\nx\n</script>\ntvå\n![a\nb](c)\ntre"
    assert visible_text(text).split("\n")[0] == "ett"
    assert visible_text(text).count("\n") == text.count("\n")


# -- the property: for generated section texts, the count matches the renderer

WORDS = st.lists(st.sampled_from(["regionen", "stöd", "år", "EU-medel", "länet", "2017", "Norrbotten", "jämställd"]),
                 min_size=1, max_size=4).map(" ".join)
PAIR = st.tuples(WORDS, WORDS)
PIECE = st.one_of(
    WORDS,
    st.sampled_from(["<br>", "<br/>", "<BR />", "&amp;", "&nbsp;", "&lt;b&gt;", "&#8211;", "<http://example.se/sida>",
                     "<?php x ?>"]),
    WORDS.map(lambda w: f"<script>{w}</script>"),
    WORDS.map(lambda w: f"<style>p {{ {w} }}</style>"),
    WORDS.map(lambda w: f"<template>{w}</template>"),
    PAIR.map(lambda p: f'![{p[0]}](http://x.se/{p[1].replace(" ", "-")}.png "{p[1]}")'),
    PAIR.map(lambda p: f'[{p[0]}](http://x.se/{p[1].replace(" ", "/")} "{p[1]}")'),
    PAIR.map(lambda p: f'<span title="{p[1]}" class="k">{p[0]}</span>'),
    PAIR.map(lambda p: f'<a href="https://x.se" title="{p[1]}">{p[0]}</a>'),
    WORDS.map(lambda w: f"<b>{w}</b>"),
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f'<img alt="{w}" src="x.png">'),
    WORDS.map(lambda w: f"`{w} <br>`"),
    WORDS.map(lambda w: f"<!-- {w} -->"),
    WORDS.map(lambda w: f"\n```\n{w} <br>\n```\n"),
    WORDS.map(lambda w: f"\n### {w}\n"),
    WORDS.map(lambda w: f"\n- {w}\n"),
)
#: Block-level HTML at the start of a line makes a raw block in which
#: Python-Markdown leaves links and images as they are written; there the
#: count may be lower than the report's, never higher.
BLOCK_PIECE = st.one_of(
    PIECE,
    WORDS.map(lambda w: f'<div class="x">{w}</div>'),
    PAIR.map(lambda p: f'<p onclick="{p[1]}">{p[0]}</p>'),
    st.sampled_from(["<hr>", "<!DOCTYPE html>"]),
)
JOIN = st.sampled_from([" ", "\n", "\n\n"])


@SETTINGS
@given(text=st.lists(st.tuples(PIECE, JOIN), max_size=12).map(lambda xs: "".join(p + s for p, s in xs)))
def test_count_matches_the_rendered_report(text: str):
    assert count_words(visible_text(text)) == rendered_words(text)


@SETTINGS
@given(text=st.lists(st.tuples(BLOCK_PIECE, JOIN), max_size=12).map(lambda xs: "".join(p + s for p, s in xs)))
def test_count_never_exceeds_the_rendered_report(text: str):
    assert count_words(visible_text(text)) <= rendered_words(text)
