"""A decision written from scratch (no code change) and the README guide for
adding next year's decision: both work for check, render, diff and new."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
from helpers import PROJECT_ROOT, REPORTS, run, write

SCRATCH = """
# A decision written in a test: sub-parts, an optional part, a renamed part,
# figures per form of support and a fixed deadline day.
format: 1
title: Villkor för anslag 1:1 Regionala utvecklingsåtgärder, budgetåret 2060 (testbeslut)
year: 2060
issuer: Landsbygds- och infrastrukturdepartementet
recipient: Regeringskansliet
appropriation: {number: "1:1", name: Regionala utvecklingsåtgärder, expenditure_area: 19, expenditure_area_name: Regional utveckling}
due: 2061-03-01
due_text: senast den 1 mars 2061
sections:
  - id: resultat
    title: Resultat och effekter
    point: Punkt 1
    guidance: Redovisa resultat per strategiskt område.
    parts:
      - {id: resultat-innovation, title: Innovation, min_words: 5}
      - {id: resultat-kompetens, title: Kompetensförsörjning, min_words: 5}
  - id: klimat-omstallning
    title: Klimatomställning
    renamed_from: [klimat-miljo]
    min_words: 5
  - id: agenda
    title: Agenda 2030
    required: false
    guidance: Frivilligt och kort.
  - id: anslaget
    title: Anslagets användning per stödform
    min_words: 3
figures:
  - {id: projekt, label: Projektverksamhet, section: anslaget, form_of_support: Projektverksamhet}
  - {id: foretag, label: Regionala företagsstöd, section: anslaget, form_of_support: Regionala företagsstöd}
  - {id: service, label: Stöd till kommersiell service, section: anslaget, form_of_support: Stöd till kommersiell service}
  - {id: totalt, label: Totalt från anslaget, section: anslaget}
rules:
  - {id: summa, total: totalt, parts: [projekt, foretag, service]}
"""

DRAFT = """
---
conditions: scratch-2060
region: Region Test
figures:
  projekt: 10 mnkr
  foretag: 5 mnkr
  service: 1 mnkr
  totalt: 16 mnkr
---

# Återrapportering 2060

## Resultat och effekter

Inledning om resultaten i länet.

### Innovation

Fem ord om innovation finns här.

### Kompetensförsörjning

Fem ord om kompetens finns här.

## Vår egen rubrik {#klimat-miljo}

Klimatarbetet har fortsatt under hela året.

## Anslagets användning per stödform

Medlen har använts enligt tabellen.
"""


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "beslut"
    write(folder / "scratch-2060.yaml", SCRATCH)
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(folder))
    return write(tmp_path / "utkast.md", DRAFT)


def test_scratch_decision_checks_and_renders(scratch: Path, tmp_path: Path) -> None:
    r = run("conditions", "validate")
    assert r.code == 0 and "scratch-2060.yaml" in r.out, r
    r = run("check", scratch, "--format", "json")
    assert r.code == 0, r
    data = json.loads(r.out)
    status = {s["id"]: s["status"] for s in data["sections"]}
    assert status == {"resultat": "ok", "resultat-innovation": "ok", "resultat-kompetens": "ok",
                      "klimat-omstallning": "ok", "agenda": "omitted", "anslaget": "ok"}
    out = tmp_path / "rapport.html"
    assert run("render", scratch, "--format", "html", "--output", out).code == 0
    html = out.read_text()
    assert "Klimatomställning" in html and "Stöd till kommersiell service" in html
    md = run("render", scratch, "--format", "md").out
    assert "## 1. Resultat och effekter" in md and "### 1.2. Kompetensförsörjning" in md and "## 2. Klimatomställning" in md
    # a missing sub-part is an error that names it; the wrong sum too
    scratch.write_text(scratch.read_text().replace("### Kompetensförsörjning\n\nFem ord om kompetens finns här.\n", "")
                       .replace("totalt: 16 mnkr", "totalt: 17 mnkr"))
    data = json.loads(run("check", scratch, "--format", "json").out)
    codes = {(p["code"], p["section"]) for p in data["problems"]}
    assert ("section-missing", "resultat-kompetens") in codes and ("figure-inconsistent", "anslaget") in codes


def test_scratch_decision_show_diff_and_new(scratch: Path, tmp_path: Path) -> None:
    r = run("conditions", "show", "scratch-2060")
    assert r.code == 0
    assert "1.2 Kompetensförsörjning {#resultat-kompetens} – obligatoriskt, minst 5 ord" in r.out
    assert "Agenda 2030 {#agenda} – frivilligt" in r.out and "2061-03-01" in r.out
    d = json.loads(run("conditions", "diff", "2017", "scratch-2060", "--format", "json").out)
    renamed = [s for s in d["sections"] if s["status"] == "renamed"]
    assert [(s["old_id"], s["id"]) for s in renamed] == [("klimat-miljo", "klimat-omstallning")]
    assert {"field": "due", "old": "2018-02-28", "new": "2061-03-01"} in d["deadline"]
    assert any(c["field"] == "issuer" for c in d["metadata"])
    # last year's 2017 draft carries over into the renamed part
    out = tmp_path / "nytt.md"
    r = run("new", "--conditions", "scratch-2060", "--region", "Region Norrbotten", "--from", REPORTS / "norrbotten-2017.md",
            "--output", out)
    assert r.code == 0, r
    text = out.read_text()
    klimat = text[text.index("{#klimat-omstallning}"):text.index("{#anslaget}")]
    assert "miljöaspekter" in klimat and "villkor:carried-over" in klimat
    data = json.loads(run("check", out, "--format", "json").out)
    errors = {(p["code"], p["section"]) for p in data["problems"] if p["severity"] == "error"}
    assert ("section-empty", "resultat-innovation") in errors and ("section-empty", "resultat-kompetens") in errors
    assert not any(s == "klimat-omstallning" for _, s in errors)


# --------------------------------------------------------------------------
# The README guide, run as written


def guide() -> str:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Lägg till nästa års villkorsbeslut")
    end = readme.index("\n## ", start + 5)
    return readme[start:end]


def test_readme_guide_commands_work_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = guide()
    yaml_blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    assert len(yaml_blocks) == 1
    assert yaml_blocks[0].startswith("# ILLUSTRATIVT EXEMPEL")
    assert "Skapa `conditions/2019.yaml`" in text
    write(tmp_path / "conditions" / "2019.yaml", yaml_blocks[0])
    shutil.copytree(REPORTS, tmp_path / "reports")
    monkeypatch.setenv("VILLKOR_CONDITIONS_PATH", str(tmp_path / "conditions"))
    commands = [line for block in re.findall(r"```sh\n(.*?)```", text, re.S) for line in block.splitlines()
                if line.startswith(".venv/bin/villkor ")]
    assert len(commands) >= 8
    results = {}
    for line in commands:
        args = shlex.split(line)[1:]
        r = run(*args, cwd=tmp_path)
        assert "Traceback" not in r.out + r.err, (line, r)
        results[line] = r
        expected = 1 if args[0] == "check" else 0
        assert r.code == expected, (line, r)
    out = tmp_path / "out"
    assert (out / "norrbotten-2019.md").exists() and (out / "villkor-2018-2019.html").exists()
    draft = (out / "norrbotten-2019.md").read_text()
    # the renamed part carries last year's text; the removed part is gone; new parts are empty headings
    klimat = draft[draft.index("{#hallbar-omstallning}"):draft.index("{#anslagets-anvandning}")]
    assert "miljöaspekter" in klimat
    assert "{#digitalisering}" not in draft and "{#resultat-innovation}" in draft
    diff = next(r.out for line, r in results.items() if line.endswith("diff 2018 2019"))
    assert "nytt id: 7 Klimat, miljö och hållbar omställning {#hallbar-omstallning}" in diff
    assert "borttaget: 5 Näringslivets digitalisering {#digitalisering}" in diff


def test_readme_documents_every_conditions_command() -> None:
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    for cmd in ("conditions list", "conditions show", "conditions validate", "conditions diff", "villkor new"):
        assert cmd in readme, cmd
    for word in ("extends", "renamed_from", "remove:", "after", "before", "figure-carried-over"):
        assert word in readme, word
