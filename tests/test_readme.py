"""The README is the user's way in: every command it shows works as written."""

import re
import shlex
import shutil
from pathlib import Path

import pytest
from helpers import PROJECT_ROOT, run

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


GUIDE = "## Lägg till nästa års villkorsbeslut"
WORD_GUIDE = "## Word från början till slut"


def section(heading: str, text: str = README) -> str:
    """The README's text from ``heading`` to the next heading of its level."""
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start:end] if end != -1 else text[start:]


def shown_commands() -> list[str]:
    """Every `villkor ...` line inside a ```sh block of the README.

    The guides for next year's decision and for Word are left out here: their
    commands build on each other and on the file they ask the reader to write,
    so ``test_new_decision.py`` and ``test_word_out.py`` run them in order, as
    a reader would.
    """
    text = README
    for guide in (GUIDE, WORD_GUIDE):
        if guide in text:
            text = text.replace(section(guide, text), "")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            line = line.split("  #", 1)[0].strip()
            # `villkor serve` runs until stopped: tests/test_web_load.py starts it as a server
            if re.match(r"^(\.venv/bin/)?villkor\b", line) and not re.match(r"^(\.venv/bin/)?villkor serve\b", line):
                commands.append(line)
    return commands


def test_readme_shows_the_two_commands():
    assert "make run" in README and "make test" in README


COMMANDS = shown_commands()


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_works_as_written(command: str, tmp_path: Path):
    # run in a copy of the project's example folders so nothing is written into the repository
    for folder in ("reports", "conditions"):
        shutil.copytree(PROJECT_ROOT / folder, tmp_path / folder)
    args = shlex.split(command)[1:]
    result = run(*args, cwd=tmp_path)
    assert result.code in (0, 1), f"{command}\n{result.out}\n{result.err}"
    assert "Traceback" not in result.out + result.err
    if "--output" in args:
        target = tmp_path / args[args.index("--output") + 1]
        # a folder only for CSV files (--format csv --output MAPP), else a file
        assert target.is_file() or ("csv" in args and target.is_dir() and any(target.glob("*.csv")))


def test_readme_has_commands_to_test():
    assert len(COMMANDS) >= 5


def test_readme_table_of_codes_is_the_registry():
    """The README's table of finding codes is the registry, row for row."""
    from toolkit.checking.codes import CODES
    from toolkit.messages import t

    rows = [f"| `{c.code}` | {t('severity-' + c.severity)} | {t(c.description_key)} | {t(c.hint_key)} |" for c in CODES.values()]
    table = "\n".join(["| kod | allvar | betyder | så åtgärdar du |", "|---|---|---|---|", *rows])
    assert table in README


def test_every_code_the_checker_reports_is_registered():
    import toolkit.checking.checker as checker
    from toolkit.checking.codes import CODES
    from toolkit.messages import CATALOGUE

    used = set(re.findall(r'Finding\.of\(\s*"([a-z-]+)"', Path(checker.__file__).read_text(encoding="utf-8")))
    assert used and used <= set(CODES)
    for c in CODES.values():
        for key in (c.description_key, c.hint_key):
            assert set(CATALOGUE[key]) == {"sv", "en"}, key
