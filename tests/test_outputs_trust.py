"""Trust in what the tool writes: no user's file lost, no input or part of the
tool overwritten, nothing half-written when the run is stopped or the disk is
full, and every system error said in the catalogue's words with exit 2.

Each class of failure has its own test; the ones that need a real process
(signals, a closed standard output, file-size limits, missing permissions)
run the command in a subprocess.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import EXAMPLE, INCOMPLETE, PROJECT_ROOT, REPORTS, assert_clean_error, run, write

from toolkit.outputs.summary import MANIFEST, summarise

PYTHON = sys.executable

# --------------------------------------------------------------------------
# Running the command in a process of its own


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VILLKOR_")}
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    env["VILLKOR_CACHE_DIR"] = str(tmp_path / "cache")
    return env


def _villkor(tmp_path: Path, *args: object, **kw: object) -> subprocess.CompletedProcess[str]:
    kw.setdefault("stdout", subprocess.PIPE)
    kw.setdefault("stderr", subprocess.PIPE)
    return subprocess.run([PYTHON, "-m", "toolkit", *map(str, args)], cwd=tmp_path, env=_env(tmp_path),
                          text=True, timeout=300, **kw)  # type: ignore[call-overload]


#: A script that runs the command with one hook made to stop: it touches the
#: file READY when the hook is reached and then waits to be sent a signal.
_STALL = """
import sys, time
from pathlib import Path
ready, where = Path(sys.argv[1]), sys.argv[2]

def stall(*args, **kwargs):
    result = original(*args, **kwargs)
    ready.touch()
    time.sleep(120)
    return result

if where == "page":
    import toolkit.outputs.summary as summary
    original = summary.Pages.__call__
    summary.Pages.__call__ = stall
else:  # the temporary file of a write, after its text is on disk
    import os
    original = os.fsync
    os.fsync = stall
from toolkit.cli import main
main(sys.argv[3:])
"""


def _stopped(tmp_path: Path, where: str, sig: int, *args: object) -> tuple[int, str]:
    """Run ``villkor ARGS`` until the ``where`` hook is reached, send ``sig``,
    and return the exit status and standard error."""
    script = tmp_path / "stall.py"
    script.write_text(_STALL, encoding="utf-8")
    ready = tmp_path / "ready"
    proc = subprocess.Popen([PYTHON, str(script), str(ready), where, *map(str, args)], cwd=tmp_path, env=_env(tmp_path),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120  # an upper bound for a loaded machine, not a timing being tested
        while not ready.exists():
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the command never reached the hook"
            time.sleep(0.05)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    return proc.returncode, err


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# --------------------------------------------------------------------------
# 1. The folder of pages beside summary's --output holds only what the tool wrote


@pytest.mark.parametrize("foreign", ["mina.md", "egen.html", "anteckning.txt", "egen/fil.md"])
def test_a_pages_folder_without_manifest_that_is_not_empty_is_refused(tmp_path: Path, foreign: str):
    out = tmp_path / "rapport.html"
    mine = write(tmp_path / "rapport-files" / foreign, "min egen text\n")
    r = run("summary", REPORTS, "--format", "html", "--output", out)
    assert_clean_error(r, str(tmp_path / "rapport-files"), foreign.split("/")[0], "som villkor inte har skrivit")
    assert mine.read_text(encoding="utf-8") == "min egen text\n"
    assert not out.exists()
    assert _hidden(tmp_path) == []


def test_a_file_added_to_the_tools_folder_is_refused_and_kept(tmp_path: Path):
    out = tmp_path / "rapport.html"
    assert run("summary", EXAMPLE, INCOMPLETE, "--format", "html", "--output", out).code == 1
    pages = tmp_path / "rapport-files"
    assert json.loads((pages / MANIFEST).read_text(encoding="utf-8"))["overview"] == "rapport.html"
    before = {p.name: p.read_bytes() for p in pages.iterdir()}
    mine = write(pages / "mina.md", "mina anteckningar\n")
    r = run("summary", EXAMPLE, "--format", "html", "--output", out)
    assert_clean_error(r, "rapport-files", "mina.md", "som villkor inte har skrivit")
    assert mine.read_text(encoding="utf-8") == "mina anteckningar\n"
    assert {p.name: p.read_bytes() for p in pages.iterdir() if p != mine} == before


def test_a_page_a_person_changed_is_refused_and_kept(tmp_path: Path):
    out = tmp_path / "s.md"
    assert run("summary", EXAMPLE, "--format", "md", "--output", out).code == 0
    page = tmp_path / "s-files" / "norrbotten-2017-md.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMin kommentar.\n", encoding="utf-8")
    r = run("summary", EXAMPLE, "--format", "md", "--output", out, "--lang", "en")
    assert_clean_error(r, "s-files", "norrbotten-2017-md.md", "was changed after villkor wrote it")
    assert page.read_text(encoding="utf-8").endswith("Min kommentar.\n")


def test_a_damaged_manifest_is_refused(tmp_path: Path):
    out = tmp_path / "s.html"
    assert run("summary", EXAMPLE, "--format", "html", "--output", out).code == 0
    (tmp_path / "s-files" / MANIFEST).write_text("{inte json", encoding="utf-8")
    assert_clean_error(run("summary", EXAMPLE, "--format", "html", "--output", out), "s-files", MANIFEST, "skadad")
    assert (tmp_path / "s-files" / "norrbotten-2017-md.html").is_file()


def test_a_file_where_the_folder_goes_is_refused(tmp_path: Path):
    mine = write(tmp_path / "s-files", "en fil, ingen mapp\n")
    assert_clean_error(run("summary", EXAMPLE, "--format", "html", "--output", tmp_path / "s.html"), "s-files", "en fil")
    assert mine.read_text(encoding="utf-8") == "en fil, ingen mapp\n"


def test_an_empty_folder_and_the_tools_own_folder_are_replaced(tmp_path: Path):
    out = tmp_path / "s.html"
    (tmp_path / "s-files").mkdir()
    assert run("summary", EXAMPLE, "--format", "html", "--output", out).code == 0
    assert run("summary", INCOMPLETE, "--format", "html", "--output", out).code == 1
    assert sorted(p.name for p in (tmp_path / "s-files").iterdir()) == [MANIFEST, "norrbotten-2017-ofullstandig-md.html"]
    assert _hidden(tmp_path) == []


# --------------------------------------------------------------------------
# 2. No output overwrites what the run read or the tool itself


@pytest.mark.parametrize(
    "target",
    ["schemas/conditions.yaml", "conditions/2017.yaml", "toolkit/outputs/templates/summary.html.j2", "toolkit/messages.py",
     "toolkit/outputs/templates/ny-fil.md"],
)
def test_the_tools_own_files_are_never_an_output(target: str):
    path = PROJECT_ROOT / target
    before = path.read_bytes() if path.exists() else None
    try:
        r = run("conditions", "diff", "2017", "2018", "--output", path)
        assert_clean_error(r, "verktygets egna filer")
        r = run("check", EXAMPLE, "--format", "html", "--output", path, "--lang", "en")
        assert_clean_error(r, "the tool's own files")
    finally:  # should the refusal ever break, leave the checkout as it was
        if before is None:
            path.unlink(missing_ok=True)
        else:
            path.write_bytes(before)
    assert (path.read_bytes() if path.exists() else None) == before
    assert run("conditions", "validate").code == 0


def test_a_decision_read_through_extends_is_an_input(tmp_path: Path, example_copy: Path):
    folder = tmp_path / "beslut"
    folder.mkdir()
    for cid in ("2017", "2018"):
        shutil.copy(PROJECT_ROOT / "conditions" / f"{cid}.yaml", folder / f"{cid}.yaml")
    parent = folder / "2017.yaml"
    before = parent.read_bytes()
    r = run("check", example_copy, "--conditions", folder / "2018.yaml", "--format", "json", "--output", parent)
    assert_clean_error(r, "samma som en indatafil")
    assert parent.read_bytes() == before


def test_templates_and_the_schema_count_as_read():
    from toolkit.outputs.templating import render_template
    from toolkit.read.files import was_read
    from toolkit.resources import schema_file

    assert run("conditions", "diff", "2017", "2018").code == 0  # the validation cache is warm by now
    assert was_read(schema_file("conditions"))
    render_template("report.md.j2", "sv", **_report_context())
    assert was_read(PROJECT_ROOT / "toolkit" / "outputs" / "templates" / "report.md.j2")
    assert was_read(PROJECT_ROOT / "toolkit" / "outputs" / "templates" / "_cover.md.j2")


def _report_context() -> dict:
    from toolkit.checking.checker import check_file
    from toolkit.outputs.render import report_context

    return report_context(check_file(EXAMPLE), False)


# --------------------------------------------------------------------------
# 3. Text above the draft's title is rendered in its place


def test_text_between_front_matter_and_title_is_rendered(tmp_path: Path):
    text = EXAMPLE.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5
    draft = write(tmp_path / "utkast.md", text[:end] + "\nFörsta raden före titeln.\n\n" + text[end:])
    md = run("render", draft)
    assert md.code == 0, md
    body = md.out
    assert "Första raden före titeln." in body
    # after the cover, before the first part
    assert body.index("Diarienummer") < body.index("Första raden före titeln.") < body.index("## 1. Insatser")
    html = run("render", draft, "--format", "html").out
    assert "<p>Första raden före titeln.</p>" in html
    assert html.index("Första raden före titeln.") < html.index("Insatser inom det regionala utvecklingsuppdraget</h2>")


def test_text_above_the_title_of_a_word_draft_is_rendered(tmp_path: Path):
    import docx
    from docx_helpers import markdown_to_docx

    path = markdown_to_docx(EXAMPLE, tmp_path / "utkast.docx")
    doc = docx.Document(str(path))
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    title.insert_paragraph_before("Rader ovanför titeln i Word.")
    doc.save(str(path))
    r = run("render", path)
    assert r.code == 0, r
    assert "Rader ovanför titeln i Word." in r.out


# --------------------------------------------------------------------------
# 4. Stopped runs leave nothing behind; folders and read-only files are refused


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_summary_leaves_no_hidden_folder(tmp_path: Path, sig: int):
    out = tmp_path / "ut" / "s.html"
    code, err = _stopped(tmp_path, "page", sig, "summary", REPORTS, "--format", "html", "--output", out)
    assert code == 128 + sig, err
    assert "Avbrutet" in err and "Traceback" not in err
    assert list(out.parent.iterdir()) == []


def test_a_stopped_write_leaves_the_old_file_and_no_temporary(tmp_path: Path):
    out = write(tmp_path / "ut" / "s.json", "förra körningens text\n")
    code, err = _stopped(tmp_path, "fsync", signal.SIGTERM, "check", EXAMPLE, "--format", "json", "--output", out)
    assert code == 128 + signal.SIGTERM, err
    assert [p.name for p in out.parent.iterdir()] == ["s.json"]
    assert out.read_text(encoding="utf-8") == "förra körningens text\n"


@pytest.mark.parametrize("command", [["check", "--format", "json"], ["render"], ["summary", "--format", "html"], ["memo"]])
def test_an_output_ending_in_a_slash_or_naming_a_folder_is_refused(tmp_path: Path, command: list[str]):
    r = run(command[0], EXAMPLE, *command[1:], "--output", f"{tmp_path}/ny/")
    assert_clean_error(r, "slutar med '/'")
    assert not (tmp_path / "ny").exists()
    (tmp_path / "mapp").mkdir()
    assert_clean_error(run(command[0], EXAMPLE, *command[1:], "--output", tmp_path / "mapp"), "är en mapp")
    assert list((tmp_path / "mapp").iterdir()) == []


def test_a_read_only_output_is_refused(tmp_path: Path):
    out = write(tmp_path / "rapport.md", "skyddad\n")
    out.chmod(0o444)
    assert_clean_error(run("render", EXAMPLE, "--output", out), "filen är skrivskyddad")
    assert out.read_text(encoding="utf-8") == "skyddad\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.md"]


# --------------------------------------------------------------------------
# 5. System errors are messages, not "internt fel"


def test_an_output_in_a_symlink_loop_is_refused(tmp_path: Path):
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    assert_clean_error(run("render", EXAMPLE, "--output", loop), "loop.md", "slinga")
    assert_clean_error(run("check", tmp_path / "loop.md"), "loop.md", "slinga")


def test_standard_output_on_a_full_disk(tmp_path: Path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        r = _villkor(tmp_path, "check", EXAMPLE, stdout=full, stderr=subprocess.PIPE)
    assert r.returncode == 2, r.stderr
    assert "kunde inte skriva till standard ut: disken är full" in r.stderr
    assert "internt fel" not in r.stderr and "Traceback" not in r.stderr and "Exception ignored" not in r.stderr


@pytest.mark.parametrize("args", [["check", EXAMPLE], ["summary", REPORTS], ["conditions", "list"]])
def test_standard_output_closed(tmp_path: Path, args: list[object]):
    r = subprocess.run([PYTHON, "-m", "toolkit", *map(str, args)], cwd=tmp_path, env=_env(tmp_path),
                       stderr=subprocess.PIPE, text=True, timeout=300, preexec_fn=lambda: os.close(1))
    assert r.returncode == 2, r.stderr
    assert "kunde inte skriva till standard ut" in r.stderr and "internt fel" not in r.stderr


def test_an_extends_chain_longer_than_the_limit(tmp_path: Path):
    from toolkit.decisions.inherit import MAX_EXTENDS_DEPTH

    folder = tmp_path / "conditions"
    folder.mkdir()
    shutil.copy(PROJECT_ROOT / "conditions" / "2017.yaml", folder / "k0.yaml")
    for i in range(1, 400):  # deep enough to exhaust Python's stack without a limit
        (folder / f"k{i}.yaml").write_text(f"extends: k{i - 1}\ntitle: Kedja {i}\nyear: 2017\n", encoding="utf-8")
    r = run("conditions", "show", "k399", cwd=tmp_path)
    assert_clean_error(r, f"k{399 - MAX_EXTENDS_DEPTH + 1}.yaml:1:", f"gränsen är {MAX_EXTENDS_DEPTH}", "'k399'")
    last_ok = MAX_EXTENDS_DEPTH - 1
    assert run("conditions", "show", f"k{last_ok}", cwd=tmp_path).code == 0
    listing = run("conditions", "list", cwd=tmp_path)
    assert listing.code == 0, listing
    assert "2017" in listing.out  # the bundled decisions are still listed
    lines = {line.split()[0]: line for line in listing.out.splitlines() if line.startswith("k")}
    assert "ogiltigt" not in lines[f"k{last_ok}"] and "ogiltigt" in lines[f"k{last_ok + 1}"]


# --------------------------------------------------------------------------
# 6. summary: no drafts, reruns into the scanned folder, errors per report


def test_a_folder_of_non_drafts_says_so_in_text_and_json(tmp_path: Path):
    write(tmp_path / "README.md", "# Mappen\n")
    write(tmp_path / "anteckningar.md", "bara text\n")
    r = run("summary", tmp_path)
    assert_clean_error(r, f"inga utkast hittades i {tmp_path}", "2 filerna", "saknar front matter")
    r = run("summary", tmp_path, "--format", "json")
    assert r.code == 2, r
    data = json.loads(r.out)
    assert data["reports"] == [] and data["totals"]["drafts"] == 0 and len(data["skipped"]) == 2
    out = tmp_path / "ut" / "s.html"
    assert_clean_error(run("summary", tmp_path, "--format", "html", "--output", out), "inga utkast hittades")
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_summary_rerun_into_the_scanned_folder(tmp_path: Path, fmt: str):
    folder = tmp_path / "rapporter"
    folder.mkdir()
    for p in (EXAMPLE, INCOMPLETE):
        shutil.copy(p, folder / p.name)
    out = folder / f"sammanstallning.{fmt}"
    outputs = []
    for _ in range(3):
        r = run("summary", folder, "--format", fmt, "--output", out)
        assert r.code == 1, r
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[2]
    data = json.loads(run("summary", folder, "--format", "json").out)
    assert data["totals"]["drafts"] == 2 and data["skipped"] == [] and data["failed"] == []


def test_an_over_long_file_name_does_not_fail_the_summary(tmp_path: Path):
    long = tmp_path / ("å" * 125 + ".md")  # 253 bytes: the page's name would pass 255
    shutil.copy(EXAMPLE, long)
    shutil.copy(EXAMPLE, tmp_path / "kort.md")
    out = tmp_path / "ut" / "s.html"
    r = run("summary", tmp_path, "--format", "html", "--output", out)
    assert r.code == 0, r
    pages = [p for p in (tmp_path / "ut" / "s-files").iterdir() if p.name != MANIFEST]
    assert len(pages) == 2 and all(len(p.name.encode()) <= 255 for p in pages)


def test_a_page_that_cannot_be_written_fails_only_its_report():
    from toolkit.errors import OutputError

    def page(result, row):
        if "ofullstandig" in row.file:
            raise OutputError.of("output-reason-full", row.file + ".html")

    s = summarise([EXAMPLE, INCOMPLETE, REPORTS / "kalmar-2017.md"], on_result=page)
    assert len(s.rows) == 3
    assert [f.file for f in s.failed] == [str(INCOMPLETE)]
    assert s.failed[0].message("sv") == "kunde inte skriva filen: disken är full"
    assert s.exit_code == 1


def test_errors_from_the_system_are_in_the_catalogues_words(tmp_path: Path):
    import resource

    def small_files() -> None:  # every file this process writes stops at 2 kB: EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    out = tmp_path / "ut" / "s.html"
    r = _villkor(tmp_path, "summary", EXAMPLE, INCOMPLETE, "--format", "html", "--output", out, preexec_fn=small_files)
    assert r.returncode == 2, r.stderr
    assert "den blir större än systemet tillåter" in r.stderr
    assert "File too large" not in r.stderr and "internt fel" not in r.stderr
    assert not out.exists() and list(out.parent.iterdir()) == []


def _without_privileges(tmp_path: Path, *args: object) -> subprocess.CompletedProcess[str]:
    """Run the command so that file permissions hold, even for root."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    return subprocess.run([*prefix, PYTHON, "-m", "toolkit", *map(str, args)], cwd=tmp_path, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=300)


def test_an_unreadable_folder_or_draft_is_reported_not_skipped(tmp_path: Path):
    folder = tmp_path / "rapporter"
    shutil.copy(EXAMPLE, write(folder / "ok.md", "").parent / "ok.md")
    shutil.copy(EXAMPLE, write(folder / "last" / "a.md", "").parent / "a.md")
    shutil.copy(EXAMPLE, write(folder / "b.md", ""))
    (folder / "last").chmod(0)
    (folder / "b.md").chmod(0)
    try:
        r = _without_privileges(tmp_path, "summary", folder)
        j = _without_privileges(tmp_path, "summary", folder, "--format", "json", "--lang", "en")
    finally:
        (folder / "last").chmod(0o755)
        (folder / "b.md").chmod(0o644)
    assert r.returncode == 1, r.stderr
    assert "mappen går inte att läsa (behörighet saknas)" in r.stdout
    assert "filen går inte att läsa (behörighet saknas)" in r.stdout
    assert "Permission denied" not in r.stdout + r.stderr
    data = json.loads(j.stdout)
    assert sorted(Path(f["file"]).name for f in data["failed"]) == ["b.md", "last"]
    assert all("permission denied" in f["message"] for f in data["failed"])
