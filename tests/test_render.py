"""The finished report: golden files, refusal of incomplete drafts, safe HTML."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers import (
    EXAMPLE,
    INCOMPLETE,
    OPTIONAL_PARTS,
    PROJECT_ROOT,
    assert_clean_error,
    assert_golden,
    run,
    write,
)

from toolkit.checking.checker import check_file
from toolkit.outputs.render import render_html, render_markdown


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden_report(fmt: str, update_golden: bool):
    r = run("render", EXAMPLE, "--format", fmt)
    assert r.code == 0, r
    assert_golden(f"norrbotten-2017.{fmt}", r.out, update_golden)


def test_golden_summary(update_golden: bool):
    # relative to the project, so the golden file holds no machine's folder
    r = run("check", INCOMPLETE.relative_to(PROJECT_ROOT), "--format", "md", cwd=PROJECT_ROOT)
    assert_golden("norrbotten-2017-ofullstandig.summary.md", r.out, update_golden)


def test_report_structure():
    md = render_markdown(check_file(EXAMPLE))
    headings = re.findall(r"^## (.+)$", md, re.M)
    assert headings[0] == "1. Insatser inom det regionala utvecklingsuppdraget {#uppdraget}"
    assert headings[7] == "8. Användning av anslag 1:1 {#anslagets-anvandning}"
    assert "| Mottagare | Regeringskansliet (Näringsdepartementet) |" in md
    assert "| Datum | 25 februari 2018 |" in md
    assert "| Utbetalt projektstöd från anslag 1:1 | 88\u00a0000\u00a0000\u00a0kr |" in md


def test_rendered_markdown_checks_complete_again(tmp_path: Path):
    md = render_markdown(check_file(EXAMPLE))
    again = check_file(write(tmp_path / "rendered.md", md))
    assert again.complete and again.findings == []


def test_incomplete_draft_is_refused_and_nothing_written(tmp_path: Path):
    out = tmp_path / "rapport.html"
    r = run("render", INCOMPLETE, "--format", "html", "--output", out)
    assert r.code == 1
    assert "renderas inte" in r.err and "Klimat- och miljöarbetet" in r.err
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_draft_mode_marks_the_report(tmp_path: Path):
    out = tmp_path / "utkast.md"
    r = run("render", INCOMPLETE, "--draft", "--output", out)
    assert r.code == 0
    text = out.read_text(encoding="utf-8")
    assert "> **Utkast – ofullständig**" in text
    assert "## 7. Klimat- och miljöarbetet {#klimat-miljo}\n\n*Avsnittet saknas i utkastet.*" in text


def test_writers_subheadings_move_under_the_section(tmp_path: Path, example_copy: Path):
    text = example_copy.read_text(encoding="utf-8").replace(
        "## 2. Jämställd regional tillväxt\n", "# 2. Jämställd regional tillväxt\n\n## Egen underrubrik\n\nText.\n"
    )
    md = render_markdown(check_file(write(tmp_path / "u.md", text)))
    assert "## 2. Jämställd regional tillväxt {#jamstalld-tillvaxt}\n\n### Egen underrubrik" in md


PAYLOADS = """
<script>document.title = 'pwned'; alert(1)</script>

<img src="http://example.invalid/x.png" onerror="alert(2)">

<a href="javascript:alert(3)">klicka</a> och <a href="https://www.regeringen.se/">regeringen</a>

<div onclick="alert(4)" style="background:url(http://example.invalid/)">ruta</div>

<iframe src="http://example.invalid/"></iframe><svg onload="alert(5)"></svg>

[länk](javascript:alert(6)) {{ 7 * 7 }} {% raw %}x{% endraw %} ${7*7}

Text med attribut {: onmouseover="alert(7)" }
"""


def injected_draft(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "## 3. Samarbete med länsstyrelsen\n", "## 3. Samarbete med länsstyrelsen\n" + PAYLOADS
    )
    return write(tmp_path / "farlig.md", text)


class Markup(HTMLParser):
    """Every tag and attribute in a page, as the browser's parser sees them."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v or "") for k, v in attrs]


def test_html_is_sanitised_and_template_syntax_is_literal(tmp_path: Path):
    html = render_html(check_file(injected_draft(tmp_path)))
    markup = Markup(html)
    assert not {"script", "img", "iframe", "svg", "object", "embed", "link"} & set(markup.tags)
    assert [a for a in markup.attrs if a[1].startswith("on")] == []
    assert [a for a in markup.attrs if a[1] in ("href", "src") and not a[2].startswith(("#", "https://"))] == []
    assert not [a for a in markup.attrs if a[1] == "style" and "url(" in a[2]]
    assert "example.invalid" not in html
    assert "{{ 7 * 7 }}" in html and "{% raw %}" in html and "49" not in html
    assert 'href="https://www.regeringen.se/"' in html


def test_self_contained_with_strict_csp():
    html = render_html(check_file(EXAMPLE))
    assert "default-src 'none'" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.split("<main>", 1)[0])
    assert "<link" not in html and "@import" not in html
    assert "@media print" in html and "size: A4" in html


def test_markdown_output_keeps_template_syntax_literal(tmp_path: Path):
    md = render_markdown(check_file(injected_draft(tmp_path)))
    assert "{{ 7 * 7 }}" in md and "{% raw %}x{% endraw %}" in md


def test_render_bad_input_exit_2(tmp_path: Path):
    assert_clean_error(run("render", tmp_path / "saknas.md"), "filen finns inte")


def test_render_english_labels():
    r = run("render", EXAMPLE, "--lang", "en")
    assert "| Recipient | Regeringskansliet (Näringsdepartementet) |" in r.out
    assert "| Date | 25 February 2018 |" in r.out


def test_code_fences_keep_their_hash_lines(tmp_path: Path, example_copy: Path):
    text = example_copy.read_text(encoding="utf-8").replace(
        "## 2. Jämställd regional tillväxt\n", "## 2. Jämställd regional tillväxt\n\n```sh\n# installera\n```\n"
    )
    md = render_markdown(check_file(write(tmp_path / "u.md", text)))
    assert "```sh\n# installera\n```" in md


def test_english_rendering_checks_again(tmp_path: Path):
    md = render_markdown(check_file(EXAMPLE), lang="en")
    again = check_file(write(tmp_path / "en.md", md))
    assert again.complete and again.findings == []


def test_outputs_are_as_readable_as_other_files(tmp_path: Path):
    import os

    out = tmp_path / "r.html"
    assert run("render", EXAMPLE, "--format", "html", "--output", out).code == 0
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_an_unclosed_tag_stays_inside_its_part(tmp_path: Path, example_copy: Path):
    text = example_copy.read_text(encoding="utf-8").replace(
        "## 1. Insatser inom det regionala utvecklingsuppdraget\n", "## 1. Insatser inom det regionala utvecklingsuppdraget\n\n<div>\n"
    )
    html = render_html(check_file(write(tmp_path / "u.md", text)))
    markup = Markup(html)
    assert markup.tags.count("h2") == 8 + 1  # the sections and the table of contents
    assert "## 2." not in html and "{#" not in html
    assert html.count('href="#') >= 8


def test_a_part_without_its_optional_parent_gets_the_parents_heading(tmp_path: Path):
    cond = write(tmp_path / "x.yaml", OPTIONAL_PARTS)
    draft = write(tmp_path / "u.md", '---\nconditions: "x"\nregion: R\n---\n## Avsnitt A\n\nText.\n\n### Del\n\nDelens text.\n')
    md = render_markdown(check_file(draft, conditions=str(cond)))
    assert "## 2. Frivilligt {#frivillig}\n\n### 2.1. Del {#del}\n\nDelens text." in md
