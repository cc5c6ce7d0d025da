"""Every command the README's reviewer section shows works as written."""

from __future__ import annotations

import re
import shlex

from helpers import PROJECT_ROOT, run

from toolkit.messages import CATALOGUE


def _section() -> str:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index("## Granskning: sammanställning och beslutsunderlag")
    return text[start : text.index("\n## ", start + 3)]


def test_readme_commands_run(tmp_path):
    commands = [line for block in re.findall(r"```sh\n(.*?)```", _section(), re.S) for line in block.splitlines() if line.strip()]
    assert any(" summary " in c for c in commands) and any(" memo " in c for c in commands)
    for command in commands:
        args = shlex.split(command.replace("out/", f"{tmp_path}/"))
        assert args[0] == ".venv/bin/villkor"
        r = run(*args[1:], cwd=PROJECT_ROOT)
        expected = 1 if args[1] == "summary" else 0  # the examples include incomplete drafts
        assert r.code == expected, (command, r)
    assert (tmp_path / "sammanstallning-files" / "norrbotten-2017-md.html").is_file()
    assert (tmp_path / "beslutsunderlag.html").is_file()


def test_readme_documents_every_memo_key():
    import yaml

    schema = yaml.safe_load((PROJECT_ROOT / "schemas" / "draft.yaml").read_text(encoding="utf-8"))
    section = _section()
    for key in schema["memo"]["schema"]:
        assert f"  {key}:" in section, key


def test_every_finding_code_has_a_kind_description():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    codes = set(re.findall(r"^\| `([a-z-]+)` \| (?:fel|varning|upplysning) \|", readme, re.M))
    assert len(codes) >= 13
    for code in codes:
        assert f"summary-kind-{code}" in CATALOGUE, code
    for key, entry in CATALOGUE.items():
        assert entry.get("sv") and entry.get("en"), key
