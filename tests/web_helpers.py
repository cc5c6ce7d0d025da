"""The web page's tests share these: a server in a subprocess, uploads over
plain HTTP (standard library only), and the files people, by mistake or on
purpose, upload.

Everything talks to 127.0.0.1 only, and every loop has a bound.
"""

from __future__ import annotations

import functools
import http.client
import io
import os
import re
import select
import signal
import struct
import subprocess
import sys
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from helpers import EXAMPLE, INCOMPLETE, PROJECT_ROOT, REPORTS

DOCX = REPORTS / "norrbotten-2017.docx"


def token_of(html: str) -> str:
    found = re.search(r'name="token" value="([^"]+)"', html)
    assert found, "no form token on the page"
    return found.group(1)


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body and its content type."""
    boundary = "villkor" + uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, data) in files.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                  f"Content-Type: application/octet-stream\r\n\r\n".encode())
        out.write(data)
        out.write(b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def request(url: str, method: str = "GET", body: bytes | None = None, headers: dict[str, str] | None = None,
            timeout: float = 60) -> Answer:
    """One request to the server at ``url`` (127.0.0.1 only)."""
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", url
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, path or "/", body=body, headers=headers or {})
        resp = conn.getresponse()
        return Answer(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        conn.close()


def upload(base: str, token: str, filename: str, data: bytes, conditions: str = "") -> Answer:
    body, ctype = multipart({"token": token, "conditions": conditions}, {"draft": (filename, data)})
    return request(base + "/check", "POST", body, {"Content-Type": ctype, "Origin": base})


class Server:
    """``villkor serve`` in a subprocess on 127.0.0.1, on a free port (or ``port``),
    with its temporary folder at ``tmp``."""

    def __init__(self, workdir: Path, tmp: Path, folder: Path | None = None, port: int = 0, lang: str = "sv"):
        tmp.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT), TMPDIR=str(tmp), VILLKOR_CACHE_DIR=str(workdir / "cache"),
                   PYTHONDONTWRITEBYTECODE="1")
        env.pop("VILLKOR_CONDITIONS_PATH", None)
        args = [sys.executable, "-m", "toolkit", "serve", "--host", "127.0.0.1", "--port", str(port), "--lang", lang]
        if folder is not None:
            args += ["--dir", str(folder)]
        self.proc = subprocess.Popen(args, cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ready, _, _ = select.select([self.proc.stdout], [], [], 30)
        line = self.proc.stdout.readline().decode("utf-8") if ready else ""  # type: ignore[union-attr]
        found = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not found:
            self.proc.kill()
            raise AssertionError(f"the server did not start: {line!r} {self.proc.stderr.read().decode()!r}")  # type: ignore[union-attr]
        self.first_line = line
        self.port = int(found.group(1))
        self.url = f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def rss_kb(self, pid: int | None = None) -> int:
        """Resident memory of the server (or of process ``pid``)."""
        status = Path(f"/proc/{pid or self.pid}/status").read_text()
        return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1))  # type: ignore[union-attr]

    def workers(self) -> list[int]:
        """The server's child processes: its workers."""
        children: list[int] = []
        for task in Path(f"/proc/{self.pid}/task").iterdir():
            children += [int(c) for c in (task / "children").read_text().split()]
        return children

    def total_rss_kb(self) -> int:
        """Resident memory of the server and its workers."""
        total = self.rss_kb()
        for pid in self.workers():
            try:
                total += self.rss_kb(pid)
            except (FileNotFoundError, AttributeError):
                continue
        return total

    def stop(self) -> tuple[int, str]:
        """SIGTERM, then the exit status and what it wrote to standard error."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            _, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return self.proc.returncode, err.decode("utf-8", "replace")

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


# --------------------------------------------------------------------------
# What people upload


def zip_bomb(unpacked_mb: int = 210) -> bytes:
    """A .docx-looking zip whose one member really unpacks to ``unpacked_mb`` MB
    of zeros, more than the reader's limit. The deflate stream is one
    compressed megabyte repeated (each copy ends in a full flush, so the
    copies stand alone), which is quick to make."""
    chunk = b"\0" * (1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    data = block * unpacked_mb + deflate.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(unpacked_mb):
        crc = zlib.crc32(chunk, crc)
    size = unpacked_mb << 20
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
    head = out.getvalue()
    head = head[: head.rfind(b"PK\x01\x02")]  # keep the first member, drop its directory
    offset = len(head)
    name = b"word/document.xml"
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size, len(name), 0) + name
    first = zipfile.ZipFile(io.BytesIO(out.getvalue())).infolist()[0]
    central = b""
    for at, method, crc_, csize, usize, nm in (
        (0, 0, first.CRC, first.compress_size, first.file_size, first.filename.encode()),
        (offset, 8, crc, len(data), size, name),
    ):
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, method, 0, 0, crc_, csize, usize, len(nm),
                               0, 0, 0, 0, 0, at) + nm
    body = head + local + data
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2, len(central), len(body), 0)
    return body + central + end


def heavy_docx(unpacked_mb: int) -> bytes:
    """A real Word document of a few hundred kB whose text is ``unpacked_mb`` MB
    of short paragraphs: small to upload, slow and large to read."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=0, cols=2)
    for label, value in (("Villkorsbeslut", "2017"), ("Region", "Region X")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_paragraph("x")
    plain = io.BytesIO()
    document.save(plain)
    source = zipfile.ZipFile(io.BytesIO(plain.getvalue()))
    paragraph = b"<w:p><w:r><w:t>Text text text text text text text text</w:t></w:r></w:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                head, tail = data.split(b"</w:tbl>", 1)
                data = head + b"</w:tbl>" + paragraph * (unpacked_mb * (1 << 20) // len(paragraph)) + tail
            zf.writestr(info.filename, data)
    return out.getvalue()


def many_members() -> bytes:
    """A zip of thousands of tiny members."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for n in range(5_100):
            zf.writestr(f"m/{n}", b"")
    return out.getvalue()


@dataclass(frozen=True)
class Case:
    """An upload and the answer it must get: the status, and words the page must hold."""

    name: str
    filename: str
    data: bytes
    status: int
    words: tuple[str, ...]


@functools.cache
def cases() -> list[Case]:
    """Good drafts and hostile files, each with its right answer (in Swedish)."""
    good = EXAMPLE.read_bytes()
    return [
        Case("good-md", "norrbotten-2017.md", good, 303, ("Komplett:",)),
        Case("incomplete-md", "norrbotten-2017-ofullstandig.md", INCOMPLETE.read_bytes(), 303, ("Ofullständig:",)),
        Case("good-docx", "norrbotten-2017.docx", DOCX.read_bytes(), 303, ("Komplett:",)),
        Case("binary", "rapport.md", b"%PDF-1.7\n" + os.urandom(2048), 415, ("PDF-fil",)),
        Case("nul", "rapport.md", b"---\nregion: x\n---\n\x00\x01\x02", 415, ("binära data",)),
        Case("huge", "stor.md", b"---\nconditions: '2017'\n---\n" + b"a" * (11 * 1024 * 1024), 413, ("för stor",)),
        Case("zip-bomb", "bomb.docx", zip_bomb(), 413, ("packas upp",)),
        Case("many-members", "manga.docx", many_members(), 413, ("packas upp",)),
        Case("bad-yaml", "trasig.md", b"---\nconditions: '2017\nregion: [x\n---\n# Rubrik\n", 400, ("ogiltig YAML",)),
        Case("wrong-suffix", "rapport.pdf", good, 415, ("varken ett Word-dokument",)),
        Case("text-as-docx", "rapport.docx", good, 415, ("rapport.docx",)),
        Case("empty", "tom.md", b"", 400, ("tom.md",)),
        Case("path-decision", "stig.md", good.replace(b'conditions: "2017"', b'conditions: "/etc/hostname.yaml"'), 400,
             ("är en sökväg", "välj beslutet i listan")),
    ]
