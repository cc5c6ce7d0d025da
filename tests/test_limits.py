"""Inputs under the size limits that used to hang or take gigabytes, and the
limits themselves (README, "Gränser och säkerhet").

A case that took minutes (or forever) runs in a fresh process that must
finish within :data:`TIMEOUT` seconds: generous, since the code takes well
under a second, so only a return of the old behaviour fails it. Memory is
bounded with tracemalloc's peak, work with counts (how many "did you mean"
searches, how many lines a report has). Nothing here is a benchmark:
``bench/limits.py`` measures.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx_helpers import add_table, declared_size
from helpers import EXAMPLE, PROJECT_ROOT, assert_clean_error, run

from toolkit.checking import matching
from toolkit.drafts import model
from toolkit.drafts import word as docx_reader
from toolkit.drafts.model import count_words
from toolkit.errors import DraftError, InputError
from toolkit.read import yamldoc
from toolkit.read.validation import MAX_ERRORS

#: Seconds a case that once took minutes may take in a fresh process.
TIMEOUT = 60

FRONT = '---\nconditions: "2017"\nregion: Region Test\n---\n'
SECTION = "# Insatser inom det regionala utvecklingsuppdraget\n\n"


def check_bounded(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``villkor check PATH`` in a fresh process that must end within :data:`TIMEOUT` s."""
    try:
        return subprocess.run([sys.executable, "-m", "toolkit", "check", *args, str(path)], cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"villkor check {path.name} did not finish within {TIMEOUT} s")


def flat(text: str) -> str:
    """``text`` with the lines a terminal table wraps joined again."""
    return re.sub(r" *\n *", " ", text)


def peak_mb(fn: Callable[[], Any]) -> tuple[Any, float]:
    """What ``fn()`` returns or raises, and the peak of memory it allocated, in MB."""
    tracemalloc.start()
    try:
        try:
            value: Any = fn()
        except Exception as exc:  # the refusal is what the test looks at
            value = exc
        return value, tracemalloc.get_traced_memory()[1] / 1048576
    finally:
        tracemalloc.stop()


# --------------------------------------------------------------------------
# Patterns that backtracked or rescanned: each used to take minutes or more


#: name -> (draft text, exit status, a fragment of the output)
SLOW_BEFORE = {
    # an exponential regex in the heading numbering
    "heading-of-digits": (FRONT + "# " + "1" * 40 + "x\n", 1, "1111x"),
    "decision-id-of-digits": ('---\nconditions: "' + "1" * 40 + 'x"\nregion: R\n---\n', 2, "okänt villkorsbeslut"),
    # regexes that tried every way of splitting a run of spaces
    "heading-with-spaces": (FRONT + "# a" + " " * 200_000 + "b\n", 1, "motsvarar inget"),
    "explicit-id-after-spaces": (FRONT + "# a" + " " * 200_000 + "{x\n", 1, "motsvarar inget"),
    "bold-line-then-spaces": (FRONT + SECTION + "**a**" + " " * 200_000 + "x\n", 1, "saknas"),
    # a search from every unclosed opening to the end of the text
    "unclosed-comments": (FRONT + SECTION + "<!--x\n" * 40_000, 1, "saknas"),
    "unclosed-comments-one-line": (FRONT + SECTION + "<!--" * 40_000 + "\n", 1, "saknas"),
    "unclosed-carried-over-markers": (FRONT + SECTION + "ord\n" + "<!-- villkor:carried-over " * 40_000 + "\n", 1, "saknas"),
    "unclosed-placeholders": (FRONT + SECTION + "ord [fyll i" * 100_000 + "\n", 1, "saknas"),
    # Cerberus sorting all its errors at each one it adds
    "many-wrong-list-items": (FRONT[:-4] + "bilagor: [" + "1, " * 3_000 + "1]\n---\n", 2, f"minst {MAX_ERRORS} fel"),
    # rich laying out a message that quotes a heading of megabytes
    "heading-of-megabytes": (FRONT + "# " + "Insatser " * 500_000 + "\n\ntext\n", 1, "Insatser Insatser"),
}


@pytest.mark.parametrize("name", sorted(SLOW_BEFORE))
def test_input_that_used_to_hang_is_checked_promptly(name: str, tmp_path: Path):
    text, code, fragment = SLOW_BEFORE[name]
    path = tmp_path / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    r = check_bounded(path)
    assert "Traceback" not in r.stdout + r.stderr
    assert r.returncode == code, (r.stdout[-2000:], r.stderr[-2000:])
    assert fragment in r.stdout + r.stderr


def test_a_message_quotes_at_most_200_characters_of_a_heading(tmp_path: Path):
    path = tmp_path / "lang.md"
    path.write_text(FRONT + "# " + "Insatser " * 10_000 + "\n\ntext\n", encoding="utf-8")
    problems = json.loads(run("check", path, "--format", "json").out)["problems"]
    message = next(p["message"] for p in problems if p["code"] == "heading-unmatched")
    quoted = message.split("”")[1]
    assert quoted.startswith("Insatser Insatser") and quoted.endswith("…") and len(quoted) == 201


def test_the_cerberus_errors_are_cut_after_the_first_hundred(tmp_path: Path):
    path = tmp_path / "bilagor.md"
    path.write_text(FRONT[:-4] + "bilagor: [" + "1, " * 500 + "1]\n---\n", encoding="utf-8")
    r = run("check", path)
    assert_clean_error(r, f"{path}:4: bilagor[0]: fel typ", f"{path}: minst {MAX_ERRORS} fel")
    assert r.err.count("fel typ") == MAX_ERRORS


def test_counting_words_does_not_hold_every_word(tmp_path: Path):
    text = "ord " * 200_000
    n, peak = peak_mb(lambda: count_words(text))
    assert n == 200_000
    assert peak < 6, f"{peak:.1f} MB"  # a list of every word took some 11 MB, 130 MB for 10 MB of text


def test_a_yaml_list_of_millions_is_refused_before_it_is_composed():
    text = "bilagor: [" + "1," * 1_000_000 + "1]\n"
    refused, peak = peak_mb(lambda: yamldoc.load_yaml(text, "f.md", 3))
    assert isinstance(refused, InputError)
    assert refused.problems[0].key == "yaml-too-many-nodes" and refused.problems[0].line == 4
    assert peak < 50, f"{peak:.0f} MB"  # composing took some 300 MB (a gigabyte for 4 million)


def test_the_node_budget_still_holds_for_aliases():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    with pytest.raises(InputError) as err:
        yamldoc.load_yaml(bomb, "f.yaml")
    assert err.value.problems[0].key == "yaml-too-many-nodes"


# --------------------------------------------------------------------------
# Word files: what they really unpack to, and how many paragraphs


def docx_bytes(**members: bytes) -> bytes:
    """A small Word draft (facts table, one heading) with ``members`` added or replaced."""
    import io

    d = docx.Document()
    add_table(d, [("Villkorsbeslut", "2017"), ("Region", "Region Test")])
    d.add_heading("Insatser inom det regionala utvecklingsuppdraget", 1)
    d.add_paragraph("text")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for m in src.infolist():
            if m.filename not in members:
                z.writestr(m.filename, src.read(m.filename))
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def with_streamed_member(data: bytes, name: str, piece: bytes, times: int) -> bytes:
    """``data`` (a zip) with the member ``name`` holding ``piece * times``,
    compressed as it is written, so the test never holds it unpacked."""
    import io

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for m in src.infolist():
            if m.filename == name:
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, "w", force_zip64=True) as w:
                    for _ in range(times):
                        w.write(piece)
            else:
                z.writestr(m, src.read(m.filename))
    return out.getvalue()


MB = 1024 * 1024
#: 100 MB of XML that compresses to about 100 kB
XML_BOMB = ("word/document.xml", b"<!--" + b" " * (MB - 4), 100)


def test_a_word_file_that_lies_about_its_size_is_refused_without_unpacking_it(tmp_path: Path):
    name, piece, times = XML_BOMB
    data = declared_size(with_streamed_member(docx_bytes(), name, piece, times), name, 1000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    assert path.stat().st_size < MB
    refused, peak = peak_mb(lambda: docx_reader.open_document(path, "bomb.docx"))
    assert isinstance(refused, DraftError) and refused.problems[0].key == "docx-xml-too-large"
    assert peak < 40, f"{peak:.0f} MB"  # python-docx inflated all 100 MB of it
    assert_clean_error(run("check", path), f"{path}: Word-dokumentets text", "mer än 16 MB XML")


def test_a_word_file_whose_xml_really_is_too_large_is_refused(tmp_path: Path):
    name, piece, times = XML_BOMB
    path = tmp_path / "stor.docx"
    path.write_bytes(with_streamed_member(docx_bytes(), name, piece, 20))
    assert_clean_error(run("check", path), "mer än 16 MB XML")


def test_a_picture_that_unpacks_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 4 * MB)
    data = with_streamed_member(docx_bytes(**{"word/media/image1.png": b""}), "word/media/image1.png", b"\0" * MB, 6)
    path = tmp_path / "bild.docx"
    path.write_bytes(declared_size(data, "word/media/image1.png", 10))
    assert_clean_error(run("check", path), "packas upp till mer än 4 MB")


def test_a_word_file_whose_directory_declares_more_than_it_holds_is_damaged(tmp_path: Path):
    path = tmp_path / "skadad.docx"
    path.write_bytes(declared_size(docx_bytes(**{"word/media/image1.png": b"\0" * 5000}), "word/media/image1.png", 6000))
    assert_clean_error(run("check", path), "skadat")


def test_one_paragraph_of_many_runs_is_read_in_linear_time(tmp_path: Path):
    path = tmp_path / "runs.docx"
    doc = docx.Document()
    add_table(doc, [("Villkorsbeslut", "2017"), ("Region", "Region Test")])
    doc.add_heading("Insatser inom det regionala utvecklingsuppdraget", 1)
    doc.save(path)
    body = b"<w:p>" + b"<w:r><w:t xml:space=\"preserve\">ord </w:t></w:r>" * 150_000 + b"</w:p>"
    document = zipfile.ZipFile(path).read("word/document.xml").replace(b"<w:sectPr", body + b"<w:sectPr", 1)
    path.write_bytes(docx_bytes_from(path, {"word/document.xml": document}))
    r = check_bounded(path, "--format", "json")
    assert r.returncode == 1, r.stderr
    words = {s["id"]: s["words"] for s in json.loads(r.stdout)["sections"]}
    assert words["uppdraget"] == 150_000


def docx_bytes_from(path: Path, members: dict[str, bytes]) -> bytes:
    import io

    src = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for m in src.infolist():
            z.writestr(m.filename, members.get(m.filename, src.read(m.filename)))
    return out.getvalue()


def test_a_word_body_of_too_many_paragraphs_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(docx_reader, "MAX_PARAGRAPHS", 5)
    doc = docx.Document()
    add_table(doc, [("Villkorsbeslut", "2017"), ("Region", "Region Test")])
    for n in range(5):
        doc.add_paragraph(f"stycke {n}")
    path = tmp_path / "stycken.docx"
    doc.save(path)
    assert_clean_error(run("check", path), f"{path}: Word-dokumentet har fler än 5 stycken")


# --------------------------------------------------------------------------
# Many headings: a limit, a bounded report, a bounded "did you mean"


def test_more_than_ten_thousand_headings_are_refused_at_the_first_too_many(tmp_path: Path):
    path = tmp_path / "rubriker.md"
    path.write_text(FRONT + "#\n" * 10_001, encoding="utf-8")
    assert_clean_error(run("check", path), f"{path}:10005: utkastet har fler än 10\u00a0000 rubriker")
    ok = tmp_path / "gräns.md"
    ok.write_text(FRONT + "#\n" * 10_000, encoding="utf-8")
    assert run("check", ok).code == 1


def test_a_word_draft_of_too_many_headings_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(model, "MAX_HEADINGS", 3)
    doc = docx.Document()
    add_table(doc, [("Villkorsbeslut", "2017"), ("Region", "Region Test")])
    for n in range(4):
        doc.add_heading(f"Rubrik {n}", 1)
    path = tmp_path / "rubriker.docx"
    doc.save(path)
    assert_clean_error(run("check", path), f"{path}, stycke 5: utkastet har fler än 3 rubriker")


def test_only_the_first_200_unmatched_headings_get_a_did_you_mean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    searched = []
    real = matching.difflib.get_close_matches

    def counted(*args: Any, **kwargs: Any) -> Any:
        searched.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(matching.difflib, "get_close_matches", counted)
    path = tmp_path / "många.md"
    path.write_text(FRONT + "".join(f"# Rubrik nummer {i}\n\ntext\n\n" for i in range(10_000)), encoding="utf-8")
    r = run("check", path)
    assert r.code == 1
    assert len(searched) <= 200
    # the text report lists 50 of the 10,000 and says how many more there are
    assert r.out.count("Rubrik nummer") == 50
    assert "… och 9\u00a0950 till av samma slag (rubriken motsvarar inget avsnitt)" in flat(r.out)
    assert len(r.out.splitlines()) < 400  # it was 20,000


def test_each_kind_of_finding_is_listed_fifty_times_and_json_lists_them_all(tmp_path: Path):
    path = tmp_path / "extra.md"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + "".join(f"\n# Egen del {i}\n\ntext\n" for i in range(60)),
                    encoding="utf-8")
    more = "… och 10 till av samma slag (rubriken motsvarar inget avsnitt)"
    text = run("check", path).out
    assert text.count("Egen del") == 50 and more in flat(text)
    for fmt in ("md", "html"):
        out = run("check", path, "--format", fmt).out
        assert out.count("Egen del") == 50 and more in out, fmt
    problems = json.loads(run("check", path, "--format", "json").out)["problems"]
    assert sum(p["code"] == "heading-unmatched" for p in problems) == 60


# --------------------------------------------------------------------------
# Rendering: what would make the Markdown converter superlinear is defused


def complete_with(extra: str, tmp_path: Path, name: str = "utkast.md") -> Path:
    """The complete example with ``extra`` as a part of the writer's own at the end."""
    path = tmp_path / name
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n# Egen del\n\n" + extra + "\n", encoding="utf-8")
    return path


def render_bounded(path: Path) -> str:
    try:
        r = subprocess.run([sys.executable, "-m", "toolkit", "render", str(path), "--format", "html"], cwd=PROJECT_ROOT,
                           capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"villkor render {path.name} did not finish within {TIMEOUT} s")
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


#: name -> (the writer's text, what the HTML must show of it)
RENDER_SLOW_BEFORE = {
    "unclosed-brackets": ("[fyll i " * 10_000, "[fyll i [fyll i"),  # eleven minutes
    "asterisks": ("*a" * 100_000, "*a*a*a"),  # forty seconds, quadratic
    "unclosed-tags": ("<div " * 20_000, "&lt;div &lt;div"),  # as the writer wrote it, escaped
    "nested-list": ("- " * 1_000 + "x", "x"),  # RecursionError
    "headings-in-one-block": ("### a\n" * 5_000, '<h4 id="a_4999">a</h4>'),
    "entities": ("&amp;" * 200_000, "&amp;amp;&amp;amp;"),
}


@pytest.mark.parametrize("name", sorted(RENDER_SLOW_BEFORE))
def test_a_complete_draft_with_strange_text_renders_promptly(name: str, tmp_path: Path):
    extra, shown = RENDER_SLOW_BEFORE[name]
    html = render_bounded(complete_with(extra, tmp_path))
    assert shown in html
    assert "Regionala tillväxtåtgärder" in html  # the rest of the report is there


def test_every_bundled_report_is_rendered_exactly_as_written():
    from toolkit.checking.checker import check_file
    from toolkit.drafts.markdown import split_front_matter
    from toolkit.outputs.defuse import protect
    from toolkit.outputs.render import render_markdown, split_parts

    for path in sorted((PROJECT_ROOT / "reports").glob("*.md")):
        text = render_markdown(check_file(path), draft_mode=True)
        _, _, start = split_front_matter(text, path.name)
        for chunk in split_parts(text.split("\n")[start:]):
            protected = protect(chunk)
            assert protected.text == chunk and not protected.plain, path.name


def test_a_costly_paragraph_is_shown_as_its_text():
    from toolkit.outputs.htmlsafe import markdown_to_html

    body, _ = markdown_to_html("Före.\n\n" + "[a <b> & " * 5_000 + "\n\nEfter *kursiv*.")
    assert "<p>Före.</p>" in body and "<em>kursiv</em>" in body
    assert "[a &lt;b&gt; &amp; [a &lt;b&gt;" in body  # shown, escaped, not interpreted
    assert "VILLKORPLAIN" not in body
