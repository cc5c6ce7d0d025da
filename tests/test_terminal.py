"""Nothing a user's file holds is obeyed by the terminal: escape sequences,
BEL, carriage returns, C1 controls and bidi overrides in headings, values,
titles and file names are shown as "�" by every command (README, "Gränser
och säkerhet"). JSON keeps them, escaped; a document written to a file keeps
them as written.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx_helpers import add_table
from helpers import EXAMPLE, PROJECT_ROOT, run

from toolkit.checking.checker import check_file
from toolkit.outputs import overview, report
from toolkit.outputs.summary import summarise
from toolkit.outputs.terminal import json_escaped, printable

#: What a heading may hold: retitle the window, clear the screen, ring the
#: bell, step back, switch to 8-bit CSI, read right to left. (A carriage
#: return ends a line when a file is read; YAML's "\r" makes one: see
#: :func:`test_conditions_show`.)
NASTY = "\x1b]0;pwned\x07\x1b[2J\x08\x9b31m\u202eTROJAN\u2066"
#: Everything that must never reach a terminal from a user's file.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: What rich writes itself when it colours (SGR codes only).
RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")


def assert_safe(text: str, *, colored: bool = False, replaced: bool = True) -> None:
    """Nothing a terminal obeys in ``text`` (but rich's own colours when
    ``colored``), and, when ``replaced``, "�" where the user's file had it."""
    if colored:
        text = RICH_SGR.sub("", text)
    found = UNSAFE.findall(text)
    assert not found, f"{found!r} in {text[:3000]!r}"
    if replaced:
        assert "\ufffd" in text, "the user's odd characters should show as U+FFFD"


def front(extra: str = "") -> str:
    return f'---\nconditions: "2017"\nregion: Region Test\n{extra}---\n'


@pytest.fixture
def nasty_draft(tmp_path: Path) -> Path:
    """The complete example with an extra part under a heading full of controls."""
    path = tmp_path / "utkast.md"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + f"\n# Egen del {NASTY}\n\ntext\n", encoding="utf-8")
    return path


def test_printable_replaces_what_a_terminal_obeys_and_keeps_text():
    assert printable("Rad 1\n\tindrag – åäö €") == "Rad 1\n\tindrag – åäö €"
    assert printable("a\x1b[2Jb\u202ec\ud800\r\x85") == "a\ufffd[2Jb\ufffdc\ufffd\ufffd\ufffd"
    assert json.loads(json_escaped(json.dumps("\x1b\x9b\u202e\u2066", ensure_ascii=False))) == "\x1b\x9b\u202e\u2066"


def test_check_text(nasty_draft: Path):
    r = run("check", nasty_draft)
    assert r.code == 0
    assert_safe(r.out)
    assert "Egen del �]0;pwned��[2J" in r.out


def test_check_text_in_colour(nasty_draft: Path):
    out = report.format_text([check_file(nasty_draft)], color=True)
    assert RICH_SGR.search(out), "colours are kept"
    assert_safe(out, colored=True)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_check_summary_to_standard_output_that_is_not_a_terminal_keeps_the_text(nasty_draft: Path, fmt: str):
    # a Markdown or HTML document piped to a file is the document; on a terminal it is made printable
    assert "\u202eTROJAN" in run("check", nasty_draft, "--format", fmt).out


def test_check_json_escapes_and_keeps_the_text(nasty_draft: Path):
    out = run("check", nasty_draft, "--format", "json").out
    assert not UNSAFE.search(out)
    assert "\\u001b]0;pwned\\u0007" in out and "\\u202e" in out
    messages = [p["message"] for p in json.loads(out)["problems"]]
    assert any(NASTY in m for m in messages)


def test_check_error_messages_and_file_names(tmp_path: Path):
    bad = tmp_path / "utkast.md"
    bad.write_text(front('"kontakt\\e[2J\\u202e": Anna\n'), encoding="utf-8")
    r = run("check", bad)
    assert r.code == 2
    assert_safe(r.err)
    named = tmp_path / "ut\x1b]0;x\x07kast.md"
    named.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    r = run("check", named)
    assert r.code == 0
    assert_safe(r.out)
    r = run("check", tmp_path / "saknas\x1b[2J.md")
    assert r.code == 2
    assert_safe(r.err)


def test_usage_errors_quote_the_argument_safely():
    r = run("check", "--format", "x\x1b[2J\u202e", str(EXAMPLE))
    assert r.code == 2
    assert_safe(r.err, replaced=False)  # click quotes it with repr(): "x\\x1b[2J"


def decision(tmp_path: Path, name: str = "2099.yaml", title: str = "Villkor \\e]0;pwned\\a\\r \u202eTROJAN") -> Path:
    folder = tmp_path / "beslut"
    folder.mkdir(exist_ok=True)
    path = folder / name
    text = (PROJECT_ROOT / "conditions" / "2017.yaml").read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", lambda _: f'title: "{title}"', text, count=1, flags=re.M)
    text = text.replace("title: Jämställd regional tillväxt", 'title: "Jämställd \\e[2J tillväxt"', 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_conditions_show(tmp_path: Path):
    r = run("conditions", "show", decision(tmp_path))
    assert r.code == 0
    assert_safe(r.out)


def test_conditions_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(decision(tmp_path).parent))
    r = run("conditions", "list")
    assert r.code == 0 and "2099" in r.out
    assert_safe(r.out)


def test_conditions_validate(tmp_path: Path):
    path = decision(tmp_path)
    path.write_text(path.read_text(encoding="utf-8") + '"titel\\e[2J\u202e": x\n', encoding="utf-8")
    r = run("conditions", "validate", path)
    assert r.code == 2
    assert_safe(r.out + r.err)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_conditions_diff(tmp_path: Path, fmt: str):
    new = decision(tmp_path)
    r = run("conditions", "diff", PROJECT_ROOT / "conditions" / "2017.yaml", new, "--format", fmt)
    assert r.code == 0
    if fmt == "json":
        assert not UNSAFE.search(r.out) and "\\u202e" in r.out
    else:
        assert_safe(r.out)


def test_summary_text(nasty_draft: Path):
    (nasty_draft.parent / "annan.md").write_text(
        front() + f"# Jämställd regional tillväxt {NASTY}\n\ntext\n", encoding="utf-8")
    r = run("summary", nasty_draft.parent, "--all")
    assert r.code == 1
    assert_safe(r.out)


def test_summary_text_in_colour(nasty_draft: Path):
    (nasty_draft.parent / "annan.md").write_text(front() + f"# Rubrik {NASTY}\n\ntext\n", encoding="utf-8")
    out = overview.format_text(summarise([str(nasty_draft.parent)]), color=True, all_places=True)
    assert_safe(out, colored=True)


def test_render_refused_shows_the_findings_safely(tmp_path: Path):
    path = tmp_path / "utkast.md"
    path.write_text(front() + f"# Rubrik {NASTY}\n\ntext\n", encoding="utf-8")
    r = run("render", path)
    assert r.code == 1
    assert_safe(r.err)


# --------------------------------------------------------------------------
# Documents: shown safely on a terminal, written as they are to a file


def on_terminal(*args: object) -> str:
    """What ``villkor ARGS`` shows on a terminal (a pseudo-terminal, in a fresh process)."""
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "toolkit", *map(str, args)], cwd=PROJECT_ROOT,
                            stdout=child, stderr=subprocess.DEVNULL, env={**os.environ, "NO_COLOR": "1"})
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the other end is closed
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.fixture
def nasty_complete(tmp_path: Path) -> Path:
    """The complete example with controls in the text of one section (front
    matter values with them are refused: see test_check_error_messages_and_file_names)."""
    path = tmp_path / "utkast.md"
    text = EXAMPLE.read_text(encoding="utf-8")
    heading = "## 7. Klimat- och miljöarbetet\n"
    assert heading in text
    path.write_text(text.replace(heading, heading + f"\nEn rad {NASTY}.\n", 1), encoding="utf-8")
    return path


def test_render_to_a_terminal_and_to_a_file(nasty_complete: Path, tmp_path: Path):
    assert_safe(on_terminal("render", nasty_complete))
    out = tmp_path / "rapport.md"
    assert run("render", nasty_complete, "--output", out).code == 0
    assert NASTY in out.read_text(encoding="utf-8")  # the report is the writer's text, as written


def test_memo_to_a_terminal(nasty_complete: Path, tmp_path: Path):
    # the memo names the decision, whose title here holds the controls
    assert_safe(on_terminal("memo", nasty_complete, "--draft", "--conditions", decision(tmp_path)))


def test_new_to_a_terminal(nasty_complete: Path):
    # last year's text, carried over, holds the controls
    assert_safe(on_terminal("new", "--conditions", "2017", "--region", "Region Test", "--from", nasty_complete))


def test_convert_to_a_terminal(tmp_path: Path):
    doc = docx.Document()
    add_table(doc, [("Villkorsbeslut", "2017"), ("Region", "Region Test")])
    doc.add_heading("Insatser inom det regionala utvecklingsuppdraget \u202eTROJAN", 1)
    doc.add_paragraph("text \u2066isolerad\u2069")
    path = tmp_path / "utkast.docx"
    doc.save(path)
    assert_safe(on_terminal("convert", path))
