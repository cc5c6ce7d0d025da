"""Every word the command line shows is in the user's language: the tool's own
from the message catalogue, click's (usage, help, parse errors) from the
Swedish gettext catalogue ``toolkit/locale/sv/LC_MESSAGES/click.po``."""

from __future__ import annotations

import re
import string
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from helpers import run

PROJECT_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = PROJECT_ROOT / "reports" / "norrbotten-2017.md"

#: click's English, which Swedish output must not contain.
ENGLISH = ["Usage:", "Options", "Commands", "Arguments", "Show this message", "Show the version", "No such",
           "Missing", "Invalid value", "[default:", "[required]", "Did you mean", "Try '", "Error:", "[OPTIONS]",
           "COMMAND [ARGS]", "Got unexpected", "is not one of", "requires an argument", "does not take a value"]
#: Swedish, which English output must not contain.
SWEDISH = ["Användning", "Flaggor", "Kommandon", "Fel:", "standard:", "obligatorisk", "SÖKVÄG", "FIL ", "FIL\n",
           "[FIL.", "UTKAST", "GAMMALT", "NAMN", "FÖRRA", "FLAGGOR", "KOMMANDO", "Menade du", "saknas", "Saknad",
           "Saknat", "Okän", "Ogiltigt", "Skriv '", "Visa den här", "Oväntat"]
FORBIDDEN = {"sv": ENGLISH, "en": SWEDISH}


def assert_in_language(lang: str, text: str) -> None:
    assert text.strip(), "no output"
    assert "Traceback" not in text, text
    found = [w for w in FORBIDDEN[lang] if w in text]
    assert not found, f"{found} in {lang} output:\n{text}"


def command_paths(command: click.Command | None = None, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command and sub-command of `villkor`, the group itself first."""
    if command is None:
        from toolkit.cli import cli

        command = cli
    yield path
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            yield from command_paths(sub, path + (name,))


PATHS = list(command_paths())


def test_the_walk_finds_every_command():
    assert ("conditions", "diff") in PATHS and ("check",) in PATHS and len(PATHS) >= 12


def in_lang(lang: str, how: str, args: list[str]) -> list[str]:
    """``args`` run in ``lang``: the default, --lang before the command, --lang after it, or VILLKOR_LANG."""
    if how == "default":
        return args
    if how == "before":
        return ["--lang", lang, *args]
    if how == "after":
        return [*args, f"--lang={lang}"]
    raise AssertionError(how)


WAYS = [("sv", "default"), ("sv", "env"), ("en", "before"), ("en", "after"), ("en", "env")]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: "-".join(p) or "villkor")
@pytest.mark.parametrize("lang,how", WAYS)
def test_every_help_is_in_one_language(path: tuple[str, ...], lang: str, how: str, monkeypatch: pytest.MonkeyPatch):
    if how == "env":
        monkeypatch.setenv("VILLKOR_LANG", lang)
        args = [*path, "--help"]
    else:
        args = in_lang(lang, how, [*path, "--help"])
    r = run(*args)
    assert r.code == 0, r
    assert_in_language(lang, r.out + r.err)
    assert r.out.startswith({"sv": "Användning: villkor", "en": "Usage: villkor"}[lang]), r.out
    assert ("\nFlaggor:\n" if lang == "sv" else "\nOptions:\n") in r.out


#: Usage errors, each with a Swedish and an English sentence click must give.
USAGE_ERRORS = [
    (["check", "--frmat", "md", EXAMPLE], "Fel: Okänd flagga '--frmat'. Menade du '--format'?",
     "Error: No such option '--frmat'. Did you mean '--format'?"),
    (["check"], "Fel: Saknat argument 'UTKAST...'.", "Error: Missing argument 'DRAFT...'."),
    (["conditions", "diff", "2017"], "Fel: Saknat argument 'NYTT'.", "Error: Missing argument 'NEW'."),
    (["new", "--region", "R"], "Fel: Saknad flagga '--conditions' / '-c'.", "Error: Missing option '--conditions' / '-c'."),
    (["check", "--format", "xml", EXAMPLE],
     "Fel: Ogiltigt värde för '--format': 'xml' är inte ett av 'text', 'json', 'md', 'html'.",
     "Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'md', 'html'."),
    (["check", "--strict=ja", EXAMPLE], "Fel: Flaggan '--strict' tar inget värde.",
     "Error: Option '--strict' does not take a value."),
    (["check", EXAMPLE, "-o"], "Fel: Flaggan '-o' kräver ett värde.", "Error: Option '-o' requires an argument."),
    (["chek", EXAMPLE], "Fel: Okänt kommando 'chek'. Menade du 'check'?", "Error: No such command 'chek'. Did you mean 'check'?"),
    (["conditions", "lista"], "Fel: Okänt kommando 'lista'.", "Error: No such command 'lista'."),
    (["convert", "a.docx", "b.docx"], "Fel: Oväntat extra argument (b.docx)", "Error: Got unexpected extra argument (b.docx)"),
    (["render", EXAMPLE, "x", "y"], "Fel: Oväntade extra argument (x y)", "Error: Got unexpected extra arguments (x y)"),
]


@pytest.mark.parametrize("args,sv,en", USAGE_ERRORS, ids=lambda v: " ".join(map(str, v)) if isinstance(v, list) else "")
@pytest.mark.parametrize("lang,how", WAYS)
def test_usage_errors_are_in_one_language(args: list, sv: str, en: str, lang: str, how: str,
                                          monkeypatch: pytest.MonkeyPatch):
    args = [str(a) for a in args]
    if how == "env":
        monkeypatch.setenv("VILLKOR_LANG", lang)
    elif how == "after":  # after the command's name, where no option can take it for its value
        args = [args[0], f"--lang={lang}", *args[1:]]
    elif how != "default":
        args = in_lang(lang, how, args)
    r = run(*args)
    assert r.code == 2, r
    assert r.out == "", r
    assert_in_language(lang, r.err)
    assert {"sv": sv, "en": en}[lang] in r.err, r.err


def test_a_usage_error_shows_usage_and_where_to_find_help():
    r = run("check", "--frmat", "md", EXAMPLE)
    assert r.err == ("Användning: villkor check [FLAGGOR] UTKAST...\n"
                     "Skriv 'villkor check --help' för hjälp.\n\n"
                     "Fel: Okänd flagga '--frmat'. Menade du '--format'?\n")
    r = run("--lang", "en", "conditions", "show")
    assert r.err == ("Usage: villkor conditions show [OPTIONS] ID|PATH\n"
                     "Try 'villkor conditions show --help' for help.\n\n"
                     "Error: Missing argument 'ID|PATH'.\n")


@pytest.mark.parametrize("path", [[], ["conditions"]], ids=["villkor", "conditions"])
def test_a_group_without_a_command_shows_its_help(path: list[str], monkeypatch: pytest.MonkeyPatch):
    r = run(*path)
    assert r.code == 2 and r.out == ""
    assert r.err.startswith(f"Användning: villkor {' '.join(path + [''])}[FLAGGOR] KOMMANDO [ARGUMENT]...\n"), r.err
    assert "\nKommandon:\n" in r.err and "Fel" not in r.err
    monkeypatch.setenv("VILLKOR_LANG", "en")
    en = run(*path)
    assert en.err.startswith("Usage: villkor") and "\nCommands:\n" in en.err and "Error" not in en.err
    # with an option but no command, click says what is missing
    en = run(*path, "--lang", "en")
    assert en.code == 2 and en.err.endswith("\nError: Missing command.\n")
    monkeypatch.delenv("VILLKOR_LANG")
    sv = run(*path, "--lang", "sv")
    assert sv.code == 2 and sv.err.endswith("\nFel: Kommando saknas.\n")


def test_help_shows_defaults_and_required_options_in_the_language():
    sv, en = run("new", "--help"), run("new", "--help", "--lang", "en")
    assert "[obligatorisk]" in sv.out and "[standard: sv]" in sv.out
    assert "[required]" in en.out and "[default: sv]" in en.out
    assert "-c, --conditions ID|SÖKVÄG" in sv.out and "--from FÖRRA_UTKASTET" in sv.out
    assert "-c, --conditions ID|PATH" in en.out and "--from LAST_DRAFT" in en.out and "--region NAME" in en.out


def test_lang_before_the_command_is_the_commands_language():
    assert run("--lang", "en", "--help").code == 0
    r = run("--lang", "en", "check", EXAMPLE)
    assert r.code == 0 and "Complete" in r.out
    r = run("--lang=en", "conditions", "list")
    assert r.code == 0 and r.out.startswith("id ") and "year" in r.out
    r = run("conditions", "--lang", "en", "list")
    assert r.code == 0 and "year" in r.out


def test_the_commands_own_lang_wins_over_the_groups(monkeypatch: pytest.MonkeyPatch):
    r = run("--lang", "en", "check", EXAMPLE, "--lang", "sv")
    assert r.code == 0 and "Komplett" in r.out
    monkeypatch.setenv("VILLKOR_LANG", "en")
    r = run("--lang", "sv", "check", EXAMPLE)  # the command line wins over the environment
    assert r.code == 0 and "Komplett" in r.out
    r = run("check", EXAMPLE)
    assert r.code == 0 and "Complete" in r.out
    r = run("--lang", "sv", "check", "--frmat", "md", EXAMPLE)
    assert "Okänd flagga" in r.err


def test_run_language_reads_argv_before_click():
    from toolkit.cli import run_language

    assert run_language(["check", "x", "--lang", "en"]) == "en"
    assert run_language(["--lang=en", "check", "x"]) == "en"
    assert run_language(["--lang", "en", "check", "--lang", "sv"]) == "sv"
    assert run_language(["--lang", "de"]) == "sv"
    assert run_language(["check", "--", "--lang", "en"]) == "sv"
    assert run_language(["check", "--lang"]) == "sv"


def test_an_unknown_language_is_a_usage_error_in_swedish():
    r = run("--lang", "de", "check", EXAMPLE)
    assert r.code == 2 and "Fel: Ogiltigt värde för '--lang': 'de' är inte ett av 'sv', 'en'." in r.err


def test_every_metavar_comes_from_the_catalogue():
    from toolkit.cli import cli, localise
    from toolkit.messages import CATALOGUE

    def params(command: click.Command) -> Iterator[click.Parameter]:
        yield from command.params
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                yield from params(sub)

    for lang in ("en", "sv"):
        localise(cli, lang)
        ours = {entry[lang] for key, entry in CATALOGUE.items() if key.startswith("metavar-")}
        for param in params(cli):
            assert param.metavar is None or param.metavar in ours, (lang, param.name, param.metavar)


# -- the Swedish catalogue of click's messages -------------------------------


def click_po():
    import tools.click_po

    return tools.click_po


def test_every_click_message_has_a_swedish_translation():
    tool = click_po()
    msgids, unknown = tool.extract()
    assert not unknown, f"click words these with a text that is not a literal; add them to DYNAMIC in tools/click_po.py: {unknown}"
    assert "Usage:" in msgids and ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)") in msgids
    assert "required" in msgids
    missing = tool.untranslated(tool.load("sv"), msgids)
    assert not missing, f"run `python tools/click_po.py update`, translate, then compile: {missing}"


def test_the_committed_mo_is_compiled_from_the_po():
    from babel import __version__ as babel_version

    tool = click_po()
    committed = tool.mo_path("sv").read_bytes()
    compiled = tool.compile_mo(tool.load("sv"))
    assert tool.translations(committed) == tool.translations(compiled), "run `python tools/click_po.py compile`"
    if f"Generated-By: Babel {babel_version}\n".encode() in committed:  # the same Babel makes the same bytes
        assert committed == compiled


def fields(text: str) -> list[tuple[str, str | None, str | None]]:
    """The ``{name!r:spec}`` and ``%(name)s`` placeholders of a message."""
    brace = [(name, conv, spec) for _, name, spec, conv in string.Formatter().parse(text) if name is not None]
    percent = [(name, "%", kind) for name, kind in re.findall(r"%\((\w+)\)([sdr])", text)]
    return sorted(brace + percent, key=str)


def test_translations_keep_the_placeholders():
    catalog = click_po().load("sv")
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert len(strings) == len(ids), message.id  # Swedish has English's two forms, one and other
        for original, text in zip(ids, strings):
            assert fields(text) == fields(original), (message.id, text)


def test_swedish_words_that_the_catalogue_and_the_po_share_agree():
    from toolkit.click_i18n import catalogue

    sv = catalogue("sv")
    assert sv.gettext("Usage:") == "Användning:"
    assert sv.gettext("Options") == "Flaggor" and sv.gettext("Commands") == "Kommandon"
    assert sv.gettext("default: {default}") == "standard: {default}" and sv.gettext("required") == "obligatorisk"
    assert sv.gettext("Show this message and exit.") == "Visa den här hjälpen och avsluta."


def test_install_switches_click_and_leaves_gettext_alone():
    import gettext

    import click.core
    import click.exceptions

    from toolkit.click_i18n import MODULES, catalogue, install

    domain = gettext.textdomain()
    saved = {name: dict(vars(module)) for name, module in sys.modules.items() if name in MODULES}
    try:
        install("sv")
        assert click.core._("Usage:") == "Användning:"
        assert click.exceptions.ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2) \
            == "(Menade du något av: {possibilities}?)"
        install("sv")
        assert click.core._("Commands") == "Kommandon"
        install("en")
        assert click.core._("Usage:") == "Usage:" and click.exceptions._("Error: {message}") == "Error: {message}"
        assert catalogue("sv") is catalogue("sv")
        assert gettext.textdomain() == domain
    finally:
        for name, names in saved.items():
            for attr in ("_", "ngettext"):
                if attr in names:
                    setattr(sys.modules[name], attr, names[attr])


def test_the_catalogue_ships_in_the_wheel():
    from importlib.resources import files

    assert files("toolkit").joinpath("locale", "sv", "LC_MESSAGES", "click.mo").is_file()
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"locale/*/LC_MESSAGES/*"' in pyproject
    assert (PROJECT_ROOT / "toolkit" / "locale" / "sv" / "LC_MESSAGES" / "click.po").is_file()
