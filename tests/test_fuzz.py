"""Fuzzing: drafts (Markdown), decisions (YAML) and Word files, mutated.

Each case starts from a real file (the example draft, the 2017 decision, the
example as Word) and applies a few mutations: strange text inserted (often
many times over: unclosed comments, brackets, digits, spaces, escape
sequences, bidi overrides, nesting, YAML and XML syntax), ranges deleted or
repeated, bytes flipped. Whatever comes out, the command must:

* exit 0, 1 or 2, never with a traceback or an internal error;
* stay under :data:`MAX_SECONDS` of CPU (and a generous wall-clock bound,
  since the machine may be shared) and :data:`MAX_MB` of memory (tracemalloc's
  peak), run in this process;
* leave its input exactly as it was.

The examples are derandomised, so ``make test`` is repeatable; set
``VILLKOR_FUZZ_EXAMPLES`` to run more (what a longer run finds becomes a
case in ``tests/bad_inputs/`` or ``tests/test_limits.py``).
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from docx_helpers import markdown_to_docx
from helpers import EXAMPLE, PROJECT_ROOT, run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("VILLKOR_FUZZ_EXAMPLES", "0"))
MAX_SECONDS = 2.0
#: Wall-clock seconds: a sanity bound only, since other work shares the machine.
MAX_WALL_SECONDS = 20.0
MAX_MB = 200


def fuzz_settings(default: int) -> settings:
    return settings(max_examples=EXAMPLES or default, deadline=None, derandomize=not EXAMPLES, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


#: Text that has hung, crashed or misled before, and its neighbours.
STRANGE = [
    "<!--", "-->", "<!-- villkor:carried-over ", "[fyll i", "[", "]", "(", ")", "](", "![", "{#", "{#id}", "}",
    "**", "__", "*", "_", "`", "```", "~~~", "#", "## ", "###### ", "\n", "\n\n", "\n# ", "\n## Rubrik\n",
    " " * 40, "\t", "1" * 30, "3.2.1. ", "IV. ", "(iv) ", "§ 5 ", "A) ", "TODO", "XXXX", "lorem ipsum",
    "\x1b[31m", "\x1b]0;x\x07", "\x07", "\x08", "\x7f", "\x9b", "\u202e", "\u2066", "\u200f", "\u00a0", "\u00ad",
    "\u2028", "\ufeff", "\r", "\r\n", "&amp;", "&", "<div ", "<a href=\"", ">", "- ", "> ", "1. ", "* ", "|", "|-|",
    "---", "...", "===", "\\", "é", "ö", "𝔘", "😀", "ﬁ", "Ⅳ", "１２３", "%", "mnkr", "88 000 000 kr", "1,2 miljarder",
]
YAML_STRANGE = [
    ":", ": ", "- ", "\n- ", "[", "]", "{", "}", "&a ", "*a", "!!python/object:os.system", "!x ", "<<: ", "? ",
    "'", '"', "#", "\n  ", "\n", "\t", "---\n", "...\n", "null", "~", "true", "0x1F", "1e400", "2018-02-30",
    "id: ", "title: ", "sections:", "figures:", "extends: ", "parts:", "aliases:", "min_words: ", "required: ",
    "\"\\e]0;x\\a\"", "\"\\u202e\"", "\"\\ud800\"", "1" * 30, " " * 40, "\x1b", "\u202e",
]
XML_STRANGE = [
    b"<w:p>", b"</w:p>", b"<w:r><w:t>x</w:t></w:r>", b"<w:r><w:t xml:space=\"preserve\"> ord </w:t></w:r>",
    b"<w:tbl>", b"</w:tbl>", b"<w:tr><w:tc><w:p><w:r><w:t>Region</w:t></w:r></w:p></w:tc></w:tr>",
    b"<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>", b"<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>",
    b"<w:b/>", b"<w:br/>", b"<w:tab/>", b"<w:del>", b"</w:del>", b"&amp;", b"&#x202E;", b"&#1;", b"<", b">",
    b"<!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>", b"&b;", b"\"", b"\x00",
    b"Insatser inom det regionala utvecklingsuppdraget", "\u202e".encode(), b"1" * 30,
]


def mutations(vocabulary: list, unit: type) -> st.SearchStrategy:
    """A list of (kind, where, what, times) edits."""
    empty = unit()
    return st.lists(
        st.tuples(
            st.sampled_from(["insert", "insert", "insert", "delete", "repeat", "flip"]),
            st.floats(0, 1),
            st.sampled_from(vocabulary) | st.binary(max_size=8).map(lambda b: b if unit is bytes else b.decode("latin-1")),
            st.sampled_from([1, 1, 1, 2, 7, 50, 400, 3000]),
        ).map(lambda e: e if isinstance(e[2], unit) else (e[0], e[1], empty, e[3])),
        min_size=1, max_size=5,
    )


def mutate(data, edits):  # type: ignore[no-untyped-def]
    for kind, where, what, times in edits:
        pos = int(where * len(data))
        if kind == "insert":
            data = data[:pos] + what * times + data[pos:]
        elif kind == "delete":
            data = data[:pos] + data[pos + min(times, 200) :]
        elif kind == "repeat":
            piece = data[pos : pos + 40]
            data = data[:pos] + piece * min(times, 400) + data[pos:]
        elif data:  # flip one character or byte
            pos = min(pos, len(data) - 1)
            if isinstance(data, bytes):
                data = data[:pos] + bytes([data[pos] ^ (1 + times % 255)]) + data[pos + 1 :]
            else:
                data = data[:pos] + chr((ord(data[pos]) + times) % 0x10FFFF or 1).replace("\ud800", "x") + data[pos + 1 :]
    return data


def run_bounded(*args: object) -> None:
    """Run ``villkor ARGS`` in this process and hold it to the rules above."""
    paths = [Path(a) for a in args if isinstance(a, Path)]
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths if p.is_file()}
    tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        r = run(*args)
        peak = tracemalloc.get_traced_memory()[1] / 1048576
    finally:
        tracemalloc.stop()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    text = r.out + r.err
    assert r.code in (0, 1, 2), r
    assert "Traceback" not in text and "internt fel" not in text and "internal error" not in text, text[-3000:]
    assert cpu < MAX_SECONDS and wall < MAX_WALL_SECONDS, f"{cpu:.1f} s CPU, {wall:.1f} s: villkor {args}"
    assert peak < MAX_MB, f"{peak:.0f} MB: villkor {args}"
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before}
    assert after == before, "an input was changed"


EXAMPLE_TEXT = EXAMPLE.read_text(encoding="utf-8")
DECISION_TEXT = (PROJECT_ROOT / "conditions" / "2017.yaml").read_text(encoding="utf-8")


@fuzz_settings(60)
@given(edits=mutations(STRANGE, str), command=st.sampled_from(["text", "json", "render"]))
def test_mutated_markdown_drafts(edits: list, command: str):
    text = mutate(EXAMPLE_TEXT, edits)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "utkast.md"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        if command == "render":
            run_bounded("render", path, "--format", "html", "--draft")
        else:
            run_bounded("check", path, "--format", command)


@fuzz_settings(30)
@given(edits=mutations(YAML_STRANGE + STRANGE, str), command=st.sampled_from(["check", "validate", "show"]))
def test_mutated_decisions(edits: list, command: str):
    text = mutate(DECISION_TEXT, edits)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "2099.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        if command == "check":
            run_bounded("check", EXAMPLE, "--conditions", path)
        else:
            run_bounded("conditions", command, path)


@pytest.fixture(scope="module")
def example_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return markdown_to_docx(EXAMPLE, tmp_path_factory.mktemp("word") / "utkast.docx").read_bytes()


def _with_document(docx_bytes: bytes, document: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx_bytes))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for m in src.infolist():
            z.writestr(m.filename, document if m.filename == "word/document.xml" else src.read(m.filename))
    return out.getvalue()


@fuzz_settings(20)
@given(edits=mutations(XML_STRANGE, bytes), whole_file=st.booleans())
def test_mutated_word_files(example_docx: bytes, edits: list, whole_file: bool):
    if whole_file:  # the zip itself: mostly damaged, sometimes still readable
        data = mutate(example_docx, edits)
    else:  # the document's XML
        document = zipfile.ZipFile(io.BytesIO(example_docx)).read("word/document.xml")
        data = _with_document(example_docx, mutate(document, edits))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "utkast.docx"
        path.write_bytes(data)
        run_bounded("check", path, "--format", "json")
