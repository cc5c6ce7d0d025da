"""Batches, the result cache and the fast paths give exactly what a plain
check gives: the same findings and the same outputs, byte for byte. A cached
verdict is never stale, a damaged or unusable cache folder costs one warning
and never a wrong result, and a worker that dies takes only its own draft.

Nothing here is timed: the figures are in bench/.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib.util
import json
import os
import re
import shutil
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from helpers import EXAMPLE, INCOMPLETE, PROJECT_ROOT, REPORTS, run
from hypothesis import given, settings
from hypothesis import strategies as st

import toolkit
from toolkit.checking import batch, checker
from toolkit.checking.batch import POOL_MIN, RESULT, check_batch
from toolkit.checking.cache import DATABASE, open_cache
from toolkit.checking.compact import NOT_KEPT, decode, detach, encode, from_data, to_data
from toolkit.checking.placeholders import FOLD_SAFE, Placeholders, fold
from toolkit.outputs import jsontext, overview, report
from toolkit.outputs.summary import summarise

BAD = PROJECT_ROOT / "tests" / "bad_inputs"


def _make_drafts(folder: Path, n: int) -> list[Path]:
    spec = importlib.util.spec_from_file_location("make_drafts", PROJECT_ROOT / "bench" / "make_drafts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make(folder, n, 3000)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Enough drafts for worker processes, of every kind the examples give."""
    return _make_drafts(tmp_path_factory.mktemp("many"), POOL_MIN + 5)


def _corpus() -> list[Path]:
    return sorted(REPORTS.glob("*.md")) + sorted(REPORTS.glob("*.docx")) + sorted(BAD.glob("*.md"))


# --------------------------------------------------------------------------
# One process, workers, the cache: the same outputs


@pytest.mark.parametrize("fmt", ["json", "text", "md"])
def test_check_is_the_same_in_one_process_in_workers_and_from_the_cache(many: list[Path], fmt: str):
    drafts = [*many, *_corpus()]
    plain = run("check", "--format", fmt, "--jobs", "1", "--no-cache", *drafts)
    workers = run("check", "--format", fmt, "--jobs", "2", *drafts)
    cached = run("check", "--format", fmt, "--jobs", "2", *drafts)
    assert plain.code == workers.code == cached.code == 2  # some bad inputs cannot be checked
    assert plain.out == workers.out == cached.out
    assert plain.err == workers.err == cached.err


@pytest.mark.parametrize("fmt", ["json", "text", "md", "html"])
def test_summary_is_the_same_in_one_process_in_workers_and_from_the_cache(many: list[Path], fmt: str):
    folders = [many[0].parent, REPORTS, BAD]
    plain = run("summary", "--format", fmt, "--jobs", "1", "--no-cache", *folders)
    workers = run("summary", "--format", fmt, "--jobs", "2", *folders)
    cached = run("summary", "--format", fmt, "--jobs", "2", *folders)
    assert plain.code == workers.code == cached.code == 1
    assert plain.out == workers.out == cached.out
    assert plain.err == workers.err == cached.err


def test_summary_pages_are_the_same_from_workers_and_the_cache(many: list[Path], tmp_path: Path):
    outs = []
    for n, args in enumerate((["--jobs", "1", "--no-cache"], ["--jobs", "2"], ["--jobs", "2"])):
        out = tmp_path / str(n) / "oversikt.html"
        r = run("summary", "--format", "html", "--output", out, *args, many[0].parent, REPORTS)
        assert r.code == 1, r
        files = sorted(p for p in out.parent.rglob("*") if p.is_file())
        outs.append({str(p.relative_to(out.parent)): p.read_bytes() for p in files})
    assert outs[0] == outs[1] == outs[2]
    assert len(outs[0]) > POOL_MIN


def test_the_library_summary_is_the_same_every_way(many: list[Path], tmp_path: Path):
    cache = open_cache(tmp_path / "c")
    texts = []
    for jobs, c in ((1, None), (2, cache), (2, cache), (1, cache)):
        s = summarise([many[0].parent, REPORTS], jobs=jobs, cache=c)
        texts.append((overview.format_json(s), overview.format_text(s), overview.format_md(s)))
    assert texts[0] == texts[1] == texts[2] == texts[3]


def test_the_order_of_the_drafts_is_kept_with_hits_and_misses_mixed(many: list[Path], tmp_path: Path):
    cache = open_cache(tmp_path / "c")
    half = many[::2]
    list(check_batch(half, renderers={"j": report.json_part}, cache=cache, jobs=2))
    outcomes = list(check_batch(many, renderers={"j": report.json_part}, cache=open_cache(tmp_path / "c"), jobs=2))
    assert [o.name for o in outcomes] == [str(p) for p in many]
    assert [o.index for o in outcomes] == list(range(len(many)))
    assert {o.source for o in outcomes[::2]} == {"cache"} and {o.source for o in outcomes[1::2]} == {"checked"}
    for o, p in zip(outcomes, many):
        assert o.out["j"] == report.json_part(checker.check_file(p))


# --------------------------------------------------------------------------
# The cache never gives a stale verdict


def _once(path: Path, cache_dir: Path, **kw: object) -> tuple[str, bool, str]:
    """(where the outcome came from, complete, the report's JSON) for one draft."""
    (o,) = check_batch([path], renderers={"j": report.json_part}, cache=open_cache(cache_dir), **kw)  # type: ignore[arg-type]
    assert o.error is None, o.error
    return o.source, o.complete, o.out["j"]


def test_a_draft_changed_by_one_byte_is_checked_again(tmp_path: Path):
    draft = tmp_path / "utkast.md"
    shutil.copy(EXAMPLE, draft)
    assert _once(draft, tmp_path / "c")[:2] == ("checked", True)
    assert _once(draft, tmp_path / "c")[:2] == ("cache", True)
    text = draft.read_bytes()
    # one byte of a heading, so a required section no longer matches it
    at = text.index(b"## 3. ") + len(b"## 3. ")
    draft.write_bytes(text[:at] + b"X" + text[at + 1:])
    source, complete, out = _once(draft, tmp_path / "c")
    assert (source, complete) == ("checked", False)
    assert out == report.json_part(checker.check_file(draft))


def _decisions(tmp_path: Path) -> Path:
    folder = tmp_path / "beslut"
    folder.mkdir()
    for cid in ("2017", "2018"):
        shutil.copy(PROJECT_ROOT / "conditions" / f"{cid}.yaml", folder / f"{cid}.yaml")
    return folder


def _draft_2018(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8").replace('conditions: "2017"', 'conditions: "2018"')
    draft = tmp_path / "utkast-2018.md"
    draft.write_text(text, encoding="utf-8")
    return draft


def test_a_changed_decision_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = _decisions(tmp_path)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(folder))
    draft = _draft_2018(tmp_path)
    assert _once(draft, tmp_path / "c")[:2] == ("checked", True)
    assert _once(draft, tmp_path / "c")[:2] == ("cache", True)
    # the decision itself: its new optional section made required
    child = folder / "2018.yaml"
    original = child.read_text(encoding="utf-8")
    child.write_text(original.replace("    required: false\n", "    required: true\n", 1), encoding="utf-8")
    os.utime(child)
    assert _once(draft, tmp_path / "c")[:2] == ("checked", False)
    # and back: the entry was for the changed decision, so it is checked again
    child.write_text(original, encoding="utf-8")
    os.utime(child)
    assert _once(draft, tmp_path / "c")[:2] == ("checked", True)
    assert _once(draft, tmp_path / "c")[:2] == ("cache", True)


def test_a_change_in_the_decision_it_extends_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = _decisions(tmp_path)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(folder))
    draft = _draft_2018(tmp_path)
    assert _once(draft, tmp_path / "c")[:2] == ("checked", True)
    parent = folder / "2017.yaml"
    text = parent.read_text(encoding="utf-8")
    parent.write_text(text.replace("min_words: 60", "min_words: 6000", 1), encoding="utf-8")
    os.utime(parent)
    source, complete, out = _once(draft, tmp_path / "c")
    assert (source, complete) == ("checked", False)
    assert "section-too-short" in out


def test_a_decision_found_elsewhere_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    draft = _draft_2018(tmp_path)
    assert _once(draft, tmp_path / "c")[:2] == ("checked", True)
    folder = _decisions(tmp_path)  # the same texts, found in another folder first
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(folder))
    assert _once(draft, tmp_path / "c")[0] == "checked"


def test_another_version_of_the_tool_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    draft = tmp_path / "utkast.md"
    shutil.copy(EXAMPLE, draft)
    assert _once(draft, tmp_path / "c")[0] == "checked"
    assert _once(draft, tmp_path / "c")[0] == "cache"
    monkeypatch.setattr(toolkit, "__version__", "99.0.0")
    assert _once(draft, tmp_path / "c")[0] == "checked"


def test_options_and_names_are_part_of_the_key(tmp_path: Path):
    draft = tmp_path / "a.md"
    shutil.copy(INCOMPLETE, draft)
    assert _once(draft, tmp_path / "c")[0] == "checked"
    assert _once(draft, tmp_path / "c", strict=True)[0] == "checked"
    assert _once(draft, tmp_path / "c", conditions="2017")[0] == "checked"
    same = tmp_path / "b.md"  # the same bytes under another name: its findings name it
    shutil.copy(draft, same)
    source, _, out = _once(same, tmp_path / "c")
    assert source == "checked" and str(same) in out and str(draft) not in out


def _entries(folder: Path) -> list[tuple[str, bytes]]:
    if not (folder / DATABASE).exists():
        return []
    with contextlib.closing(sqlite3.connect(folder / DATABASE)) as db:
        return list(db.execute("select key, body from entries order by key"))


def test_entries_are_json_data(tmp_path: Path):
    draft = tmp_path / "utkast.md"
    shutil.copy(EXAMPLE, draft)
    _once(draft, tmp_path / "c")
    entries = _entries(tmp_path / "c")
    assert len(entries) == 1
    head, _, body = entries[0][1].partition(b"\n")
    assert head.startswith(b"villkor-cache 1 ")
    data = json.loads(body)
    assert set(data) == {"key", "decision", "complete", "out"}
    assert all(isinstance(v, str) for v in data["out"].values())


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path / "c"))
    assert run("check", "--no-cache", EXAMPLE).code == 0
    assert not (tmp_path / "c" / "results").exists()
    assert run("check", EXAMPLE).code == 0
    assert len(_entries(tmp_path / "c" / "results")) == 1


def test_old_entries_go_and_the_file_stays_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from toolkit.checking import cache as cache_module

    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path / "c"))
    folder = tmp_path / "c" / "results"
    drafts = [EXAMPLE, INCOMPLETE, *sorted(REPORTS.glob("*-2017.md"))]
    expected = run("check", "--format", "json", "--no-cache", *drafts)
    assert run("check", "--format", "json", *drafts).out == expected.out
    keys = [k for k, _ in _entries(folder)]
    assert len(keys) == len(set(map(str, drafts)))
    # an entry written long ago is dropped at the end of the next run
    with contextlib.closing(sqlite3.connect(folder / DATABASE)) as db:
        db.execute("update entries set written = 0 where key = ?", (keys[0],))
        db.commit()
    assert run("check", "--format", "json", EXAMPLE).code == 0
    assert keys[0] not in [k for k, _ in _entries(folder)]
    # a file above the size limit loses its oldest quarter, and the results stay right
    monkeypatch.setattr(cache_module, "MAX_BYTES", 1)
    again = run("check", "--format", "json", *drafts)
    assert (again.code, again.out, again.err) == (expected.code, expected.out, "")
    assert 0 < len(_entries(folder)) < len(keys)


# --------------------------------------------------------------------------
# A damaged or unusable cache folder: one warning, the right result


def test_a_damaged_entry_is_one_warning_and_the_right_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path / "c"))
    drafts = [tmp_path / "a.md", tmp_path / "b.md"]
    shutil.copy(EXAMPLE, drafts[0])
    shutil.copy(INCOMPLETE, drafts[1])
    first = run("check", "--format", "json", *drafts)
    assert first.code == 1 and first.err == ""
    folder = tmp_path / "c" / "results"
    (k1, _), (k2, body) = _entries(folder)
    with contextlib.closing(sqlite3.connect(folder / DATABASE)) as db:
        db.execute("update entries set body = ? where key = ?", (os.urandom(300), k1))
        db.execute("update entries set body = ? where key = ?", (body.replace(b'"OK"', b'"ok"').replace(b'"ok"', b'"OK"', 1), k2))
        db.commit()
    again = run("check", "--format", "json", *drafts)
    assert again.code == 1 and again.out == first.out
    assert again.err.count("varning") == 1 and "skadade" in again.err, again.err
    assert run("check", "--format", "json", *drafts).err == ""  # the entries were written anew


@pytest.mark.parametrize("how", ["a file", "a file in the way"])
def test_an_unusable_cache_folder_is_one_warning_and_the_right_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      how: str):
    blocker = tmp_path / "blocker"
    blocker.write_text("no folder here\n", encoding="utf-8")
    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(blocker if how == "a file" else tmp_path))
    if how == "a file in the way":
        (tmp_path / "results").write_text("no folder here\n", encoding="utf-8")
    drafts = [EXAMPLE, INCOMPLETE, *sorted(REPORTS.glob("*-2017.md"))]
    expected = run("check", "--format", "json", "--no-cache", *drafts)
    r = run("check", "--format", "json", *drafts)
    assert (r.code, r.out) == (expected.code, expected.out)
    assert r.err.count("villkor: varning") == 1 and "går inte att använda" in r.err, r.err


def test_a_cache_file_of_garbage_is_one_warning_and_the_right_result(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path / "c"))
    drafts = [EXAMPLE, INCOMPLETE]
    expected = run("check", "--format", "json", "--no-cache", *drafts)
    (tmp_path / "c" / "results").mkdir(parents=True)
    (tmp_path / "c" / "results" / DATABASE).write_bytes(os.urandom(8192))
    r = run("check", "--format", "json", *drafts)
    assert (r.code, r.out) == (expected.code, expected.out)
    assert r.err.count("villkor: varning") == 1 and "går inte att använda" in r.err, r.err


# --------------------------------------------------------------------------
# A worker that dies takes only its own draft


def test_a_worker_that_dies_takes_only_its_draft(many: list[Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    fatal = many[7]
    original = checker.check_file

    def dies_on_one(path, *args, **kwargs):  # in the worker (forked with this patch)
        if str(path) == str(fatal):
            os._exit(3)
        return original(path, *args, **kwargs)

    expected = run("check", "--format", "json", "--jobs", "1", "--no-cache", *[p for p in many if p != fatal])
    monkeypatch.setattr(checker, "check_file", dies_on_one)
    monkeypatch.setattr(batch, "START_METHOD", "fork")  # the workers have the patch (other tests may leave a thread)
    r = run("check", "--format", "json", "--jobs", "2", "--no-cache", *many)
    assert r.code == 2
    assert r.err.count("\n") == 1 and str(fatal) in r.err and "avslutades oväntat" in r.err, r.err
    data = json.loads(r.out)
    assert [f["file"] for f in data["failed"]] == [str(fatal)]
    assert data["reports"] == json.loads(expected.out)["reports"]


# --------------------------------------------------------------------------
# The parts the fast paths are made of


def _results() -> list:
    out = []
    for p in _corpus():
        try:
            out.append(checker.check_file(p))
        except toolkit.VillkorError:
            pass
    return out


def test_results_as_data_come_back_the_same():
    results = _results()
    assert len(results) > 20
    for r in results:
        detached = dataclasses.replace(r, draft=detach(r.draft))
        data = json.loads(json.dumps(to_data(detached)))
        back = from_data(data, r.conditions)
        for f in dataclasses.fields(r):
            if f.name != "draft":
                assert getattr(back, f.name) == getattr(r, f.name), f.name
        for name in ("path", "name", "meta", "kind", "unit", "conditions_supplied"):
            assert getattr(back.draft, name) == getattr(r.draft, name)
        assert report.json_part(back) == report.json_part(r)
        assert report.text_part(back) == report.text_part(r)
        assert report.format_summary_html(back) == report.format_summary_html(r)
        assert decode(json.loads(json.dumps(encode(r.findings)))) == r.findings


def test_a_detached_result_refuses_the_draft_text():
    r = checker.check_file(EXAMPLE)
    d = detach(r.draft)
    assert d.lines is NOT_KEPT
    with pytest.raises(LookupError):
        d.lines[0]
    with pytest.raises(LookupError):
        len(d.headings)
    with pytest.raises(LookupError):
        d.meta_doc.line(("region",))


def test_a_result_that_cannot_be_said_as_data_still_comes_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    class Odd(str):
        """A value the data has no word for."""

    original = checker.check_file

    def odd(path, *args, **kwargs):
        r = original(path, *args, **kwargs)
        r.findings[0].params["odd"] = Odd("x")
        return r

    monkeypatch.setattr(checker, "check_file", odd)
    renderers = {"j": report.json_part, RESULT[0]: RESULT[1]}
    (o,) = check_batch([INCOMPLETE], renderers=renderers, cache=open_cache(tmp_path / "c"), jobs=1)
    assert o.out == {} and o.result is not None  # given as it is, and not kept
    assert o.part("j", report.json_part, None) == report.json_part(odd(INCOMPLETE))  # type: ignore[arg-type]
    assert _entries(tmp_path / "c") == []


def test_text_parts_joined_are_the_text_of_all():
    results = _results()[:6]
    assert "\n".join(report.text_part(r) for r in results) == report.format_text(results)


def test_json_reports_written_a_piece_at_a_time_are_format_json():
    results = _results()[:4]
    failed = [{"file": "x.md", "line": 2, "message": "a\nb"}]
    for n in range(len(results) + 1):
        for fails in ([], failed):
            for single in (True, False) if n <= 1 else (False,):
                if n == 0 and not fails and single:
                    continue
                for compact in (False, True):
                    w = report.JsonReports(single=single, compact=compact)
                    text = "".join(w.add(report.json_part(r, compact=compact)) for r in results[:n]) + w.close(fails)
                    if n == 1 and not fails and not single:
                        continue  # several drafts were asked for: never one report on its own
                    assert text == report.format_json(results[:n], failed=fails, compact=compact)
                    as_std = json.dumps(json.loads(text), ensure_ascii=False,
                                        **({"separators": (",", ":")} if compact else {"indent": 2})) + "\n"
                    assert text == as_std


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(_json_values)
def test_the_fast_json_writer_writes_what_the_standard_library_writes(value: object):
    assert jsontext.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
    if isinstance(value, dict):
        assert "".join(jsontext.dump_parts(value)) == json.dumps(value, ensure_ascii=False, indent=2)
        lazy = {k: jsontext.Lazy(lambda v=v: iter(v)) if isinstance(v, list) else v for k, v in value.items()}
        assert "".join(jsontext.dump_parts(lazy)) == json.dumps(value, ensure_ascii=False, indent=2)
        assert "".join(jsontext.dump_parts(lazy, compact=True)) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# --------------------------------------------------------------------------
# Placeholders: the prefilter never hides one


def test_the_fold_makes_every_case_insensitive_match_of_a_safe_character_that_character():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for ch in sorted(FOLD_SAFE):
        for m in re.finditer(re.escape(ch), every, re.IGNORECASE):
            assert fold(m.group(0)) == fold(ch), (ch, m.group(0))
    assert all(len(fold(c)) == 1 for c in every[:0x3000])


_tricky = st.text(alphabet=st.sampled_from(list("TODOtodoTBDFIXMExXlorem ipsumtext kommerfyll iskrivinfoga[]\n åäöÅÄÖſıİKſ-_.,")),
                  max_size=80)


@settings(max_examples=500, deadline=None)
@given(_tricky, st.lists(st.text(alphabet=st.sampled_from(list("abcåäöXYZ[] ıſİµ")), max_size=6), max_size=2))
def test_placeholders_find_what_the_expressions_find(text: str, extra: list[str]):
    p = Placeholders(extra)
    assert p.search(text) == p.search_all_ways(text)


def test_placeholders_in_every_bad_input_are_found_as_before():
    p = Placeholders()
    for path in _corpus():
        if path.suffix == ".md":
            text = path.read_bytes().decode("utf-8", "replace")
            for chunk in [text, *text.split("\n\n")]:
                assert p.search(chunk) == p.search_all_ways(chunk), path


def test_check_stays_free_of_the_process_pool_for_one_draft():
    code = ("import sys; from toolkit.cli import main\n"
            "try:\n    main(['check', '--format', 'json', sys.argv[1]])\nexcept SystemExit: pass\n"
            "assert 'concurrent.futures' not in sys.modules, 'pool imported'\n")
    import subprocess

    r = subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], capture_output=True, text=True, cwd=PROJECT_ROOT,
                       env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_the_summary_written_as_it_is_made_is_the_summary_made_whole(many: list[Path], fmt: str):
    folders = [many[0].parent, REPORTS, BAD]
    s = summarise(folders)
    whole = overview.format_text(s, "sv", 80) if fmt == "text" else overview.format_json(s)
    if fmt == "text":
        pieces: list[str] = []
        assert overview.format_text(s, "sv", 80, write=pieces.append) == ""
        assert "".join(pieces) == whole and len(pieces) > 3
    r = run("summary", "--format", fmt, *folders)
    assert r.out == whole + ("" if whole.endswith("\n") else "\n")


@given(st.decimals(allow_nan=True, allow_infinity=True) | st.integers().map(Decimal) | st.none())
@settings(max_examples=300, deadline=None)
def test_an_amount_kept_compactly_gives_back_the_same_decimal(value: Decimal | None):
    from toolkit.outputs.summary import Amount

    kept = Amount(value, "som skrivet", "ok", 3).value
    if value is None:
        assert kept is None
        return
    assert type(kept) is Decimal and str(kept) == str(value) and kept.as_tuple() == value.as_tuple()


def test_a_rerun_from_the_cache_never_loads_the_checker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A process that only reads results from the cache keeps Cerberus and the
    checker out of its memory (about 4 MiB of a large summary's peak)."""
    import subprocess

    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path / "c"))
    drafts = [str(EXAMPLE), str(INCOMPLETE)]
    first = run("summary", "--format", "json", *drafts)
    probe = ("import sys, contextlib, os\nfrom toolkit.cli import main\n"
             "with contextlib.redirect_stdout(open(os.devnull, 'w')):\n"
             "    try:\n        main(sys.argv[1:])\n    except SystemExit as e:\n        code = e.code\n"
             "print(code, 'cerberus' in sys.modules, 'toolkit.checking.checker' in sys.modules)")
    def fresh_process() -> list[str]:
        done = subprocess.run([sys.executable, "-c", probe, "summary", "--format", "json", *drafts], capture_output=True,
                              text=True, cwd=os.getcwd(), env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
        return done.stdout.split() + [done.stderr]

    # a first fresh process may still validate the decisions with Cerberus (this
    # process may have had them loaded already); the second finds everything kept
    assert fresh_process()[0] == str(first.code)
    assert fresh_process() == [str(first.code), "False", "False", ""]


def _summary_in_daemon(paths: list[str], out: Any) -> None:
    try:
        s = summarise(paths)
        out.put((len(s.rows), len(s.failed)))
    except BaseException as exc:  # noqa: BLE001 - reported to the test
        out.put(repr(exc))


def test_a_daemon_process_checks_a_large_batch_itself(many: list[Path]):
    """The web page's workers are daemons, which may not start processes: a
    folder of more than a few dozen drafts is checked in the worker itself."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    worker = ctx.Process(target=_summary_in_daemon, args=([str(p) for p in many], out), daemon=True)
    worker.start()
    got = out.get(timeout=120)
    worker.join(30)
    assert got == (len(many), 0)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="permissions as on Unix")
def test_a_cache_folder_others_can_write_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path / "c"))
    drafts = [EXAMPLE, INCOMPLETE]
    expected = run("check", "--format", "json", "--no-cache", *drafts)
    assert run("check", "--format", "json", *drafts).err == ""
    folder = tmp_path / "c" / "results"
    assert folder.stat().st_mode & 0o077 == 0  # made for this user alone
    folder.chmod(0o777)
    r = run("check", "--format", "json", *drafts)
    assert (r.code, r.out) == (expected.code, expected.out)
    assert r.err.count("villkor: varning") == 1 and "kan ändras av andra" in r.err, r.err


def test_another_library_version_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from toolkit.checking import cache as cache_module

    monkeypatch.setenv("VILLKOR_CACHE_DIR", str(tmp_path / "c"))
    before = open_cache().stamp
    monkeypatch.setattr(cache_module, "_libraries", lambda: "Babel-99.0.dist-info")
    assert open_cache().stamp != before
