"""Measure the inputs under the size limits that used to hang or eat memory.

    .venv/bin/python bench/limits.py [--timeout 120] [--code DIR] [CASE ...]

Each case is written to a temporary folder and checked by ``villkor check``
(or ``--format json``) in a fresh process; the wall time and the process's
peak memory (ru_maxrss from wait4) are printed with the exit status. A run
that passes ``--timeout`` is stopped and shown as "> N s". ``--code DIR``
runs another checkout of the package (the figures before a change).
Nothing here is a test; the figures go into the project's notes.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRONT = '---\nconditions: "2017"\nregion: Region Test\n---\n'
SECTION = "# Insatser inom det regionala utvecklingsuppdraget\n\n"


def md(body: str) -> bytes:
    return (FRONT + body).encode("utf-8")


def docx_with_body(body_xml: bytes) -> bytes:
    """A Word draft (facts table first) whose body ends with ``body_xml``."""
    import docx

    d = docx.Document()
    table = d.add_table(rows=2, cols=2)
    for row, (a, b) in zip(table.rows, (("Villkorsbeslut", "2017"), ("Region", "Region Test"))):
        row.cells[0].text, row.cells[1].text = a, b
    d.add_heading("Insatser inom det regionala utvecklingsuppdraget", 1)
    d.add_paragraph("text")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for m in src.infolist():
            data = src.read(m.filename)
            if m.filename == "word/document.xml":
                head, tail = data.split(b"<w:sectPr", 1)
                data = head + body_xml + b"<w:sectPr" + tail
            z.writestr(m.filename, data)
    return out.getvalue()


def lying_zip(data: bytes, member: str = "word/document.xml", size: int = 1000) -> bytes:
    """``data`` with the central directory's uncompressed size of ``member`` set to ``size``."""
    import struct

    raw = bytearray(data)
    i = 0
    while (i := raw.find(b"PK\x01\x02", i)) >= 0:
        n = struct.unpack_from("<H", raw, i + 28)[0]
        if bytes(raw[i + 46 : i + 46 + n]) == member.encode():
            struct.pack_into("<I", raw, i + 24, size)
        i += 4
    return bytes(raw)


#: name -> (file suffix, what it is, how to make it, extra arguments)
CASES: dict[str, tuple[str, str, Callable[[], bytes], list[str]]] = {
    "numbering-32": (".md", "a heading of 32 digits", lambda: md("# " + "1" * 32 + "x\n"), []),
    "atx-spaces": (".md", "a heading with 1 MB of spaces inside", lambda: md("# a" + " " * 1_000_000 + "b\n"), []),
    "bold-spaces": (".md", "a bold line followed by 1 MB of spaces", lambda: md(SECTION + "**a**" + " " * 1_000_000 + "x\n"), []),
    "id-spaces": (".md", "a heading of 1 MB of spaces before {", lambda: md("# a" + " " * 1_000_000 + "{x\n"), []),
    "comments-lines": (".md", "20,000 unclosed <!-- on lines of their own", lambda: md(SECTION + "<!--x\n" * 20_000), []),
    "comments-one-line": (".md", "20,000 unclosed <!-- on one line", lambda: md(SECTION + "<!--" * 20_000 + "\n"), []),
    "carried-over": (".md", "20,000 unclosed carried-over markers",
                     lambda: md(SECTION + "ord\n" + "<!-- villkor:carried-over " * 20_000 + "\n"), []),
    "placeholder-open": (".md", "800,000 '[fyll i' never closed", lambda: md(SECTION + "ord [fyll i" * 800_000 + "\n"), []),
    "hashes-1M": (".md", "1,000,000 lines of '#' (2 MB)", lambda: md("#\n" * 1_000_000), []),
    "unmatched-30k": (".md", "30,000 headings that match nothing",
                      lambda: md("".join(f"# Rubrik nummer {i}\n\ntext\n\n" for i in range(30_000))), []),
    "unmatched-30k-json": (".md", "the same, --format json",
                           lambda: md("".join(f"# Rubrik nummer {i}\n\ntext\n\n" for i in range(30_000))), ["--format", "json"]),
    "long-heading": (".md", "a heading of 9 MB", lambda: md("# " + "Insatser " * 1_000_000 + "\n\ntext\n"), []),
    "words-10MB": (".md", "a section of 2.5 million words", lambda: md(SECTION + "ord " * 2_500_000 + "\n"), []),
    "yaml-4M-items": (".md", "front matter with a list of 4 million items",
                      lambda: (FRONT[:-4] + "bilagor: [" + "1," * 4_000_000 + "1]\n---\n# x\n").encode(), []),
    "docx-bomb-honest": (".docx", "Word: document.xml inflates to 300 MB, sizes told",
                         lambda: docx_with_body(b"<!--" + b" " * (300 << 20) + b"-->"), []),
    "docx-bomb-lying": (".docx", "Word: document.xml inflates to 500 MB, told 1000 bytes",
                        lambda: lying_zip(docx_with_body(b"<!--" + b" " * (500 << 20) + b"-->")), []),
    "docx-200k-paragraphs": (".docx", "Word: 200,000 short paragraphs (8 MB of XML)",
                             lambda: docx_with_body(b"<w:p><w:r><w:t>ord ord</w:t></w:r></w:p>" * 200_000), []),
    "docx-runs": (".docx", "Word: one paragraph of 300,000 runs",
                  lambda: docx_with_body(b"<w:p>" + b"<w:r><w:t>ord </w:t></w:r>" * 300_000 + b"</w:p>"), []),
}


def measure(path: Path, args: list[str], code: Path, timeout: float) -> tuple[str, float, float]:
    """(exit status or "timeout", seconds, peak MB) of one ``villkor check``."""
    cmd = [sys.executable, "-m", "toolkit", "check", *args, str(path)]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=code, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            return "timeout", time.perf_counter() - start, usage.ru_maxrss / 1024
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return str(proc.returncode), time.perf_counter() - start, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases", nargs="*", help=f"cases to run (default: all): {', '.join(CASES)}")
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--code", type=Path, default=ROOT, help="the checkout whose package is run")
    ap.add_argument("--make", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.make:  # in a process of its own, so the one that starts the checks stays small
        Path(args.make[1]).write_bytes(CASES[args.make[0]][2]())
        return
    names = args.cases or list(CASES)
    print(f"villkor limits bench: {args.code}, timeout {args.timeout:.0f} s")
    print(f"  {'case':22} {'input':>9} {'exit':>5} {'time':>9} {'peak':>9}  what")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            suffix, what, _, extra = CASES[name]
            path = Path(tmp) / f"{name}{suffix}"
            subprocess.run([sys.executable, __file__, "--make", name, str(path)], check=True)
            size = path.stat().st_size
            code, seconds, peak = measure(path, extra, args.code, args.timeout)
            shown = f"> {args.timeout:.0f} s" if code == "timeout" else f"{seconds:.2f} s"
            print(f"  {name:22} {size / 1048576:7.2f}MB {code:>5} {shown:>9} {peak:7.0f}MB  {what}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
