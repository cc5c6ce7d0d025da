"""click's own words (usage, help, errors) as a gettext catalogue for villkor.

click marks its messages with ``_("...")`` and ``ngettext("...", "...", n)``.
This script reads them from the installed click's source, keeps the Swedish
catalogue ``toolkit/locale/sv/LC_MESSAGES/click.po`` in step with them and
compiles it to ``click.mo`` with Babel. Redo it when click is upgraded::

    python tools/click_po.py update    # add click's new msgids to click.po (translations kept)
    # ... translate the entries with an empty msgstr in click.po ...
    python tools/click_po.py compile   # click.po -> click.mo
    python tools/click_po.py check     # exit 1 if a msgid is untranslated or click.mo is stale

(``make click-po`` runs update, compile and check.) The tests run the same
checks, so a click upgrade that adds a message fails them until it is
translated.
"""

from __future__ import annotations

import ast
import io
import sys
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "toolkit" / "locale"
DOMAIN = "click"
LANGS = ("sv",)

#: A msgid: a string, or (singular, plural) for ngettext.
MsgId = str | tuple[str, str]

#: Calls whose argument is not a string literal, so no extractor sees the text:
#: the expression as written in click's source -> the msgid it evaluates to.
DYNAMIC = {
    "extra['required']": "required",  # core.Option.get_help_record: the "[required]" after an option's help
}


def po_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def click_dir() -> Path:
    import click

    return Path(click.__file__).parent


def click_version() -> str:
    from importlib.metadata import version

    return version("click")


def extract(source_dir: Path | None = None) -> tuple[dict[MsgId, list[str]], list[str]]:
    """click's msgids with the files they occur in, and the calls this cannot read.

    Every call of ``_`` or ``ngettext`` in click/*.py counts; a call whose text
    is not a literal is looked up in :data:`DYNAMIC` and otherwise reported as
    ``file:line: expression``, for a person to add to :data:`DYNAMIC`.
    """
    source_dir = source_dir or click_dir()
    found: dict[MsgId, list[str]] = {}
    unknown: list[str] = []
    for path in sorted(source_dir.glob("*.py")):
        name = f"click/{path.name}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id == "_" and node.args:
                texts = node.args[:1]
            elif node.func.id == "ngettext" and len(node.args) >= 2:
                texts = node.args[:2]
            else:
                continue
            if all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in texts):
                values = [a.value for a in texts]  # type: ignore[attr-defined]
                msgid: MsgId = values[0] if len(values) == 1 else (values[0], values[1])
            elif len(texts) == 1 and ast.unparse(texts[0]) in DYNAMIC:
                msgid = DYNAMIC[ast.unparse(texts[0])]
            else:
                unknown.append(f"{name}:{node.lineno}: {ast.unparse(node)}")
                continue
            files = found.setdefault(msgid, [])
            if name not in files:
                files.append(name)
    return found, unknown


def load(lang: str) -> Catalog:
    with po_path(lang).open("rb") as fp:
        return read_po(fp, locale=lang, domain=DOMAIN)


def compile_mo(catalog: Catalog) -> bytes:
    """The .mo that Babel makes from ``catalog`` (fuzzy entries left out)."""
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def translations(mo: bytes) -> dict[Any, Any]:
    """A compiled catalogue's messages, msgid -> msgstr, and its plural rule."""
    catalog = read_mo(io.BytesIO(mo))
    table = {_hashable(m.id): _hashable(m.string) for m in catalog if m.id}
    table["<plural-forms>"] = catalog.plural_forms
    return table


def untranslated(catalog: Catalog, msgids: dict[MsgId, list[str]]) -> list[MsgId]:
    """The msgids that ``catalog`` lacks, leaves empty or marks fuzzy."""
    missing = []
    for msgid in msgids:
        message = catalog.get(msgid)
        string: Any = message.string if message is not None else ""
        strings = string if isinstance(string, (tuple, list)) else (string,)
        if message is None or message.fuzzy or not all(strings):
            missing.append(msgid)
    return missing


def update(lang: str) -> list[MsgId]:
    """Rewrite ``click.po`` with click's current msgids; returns the ones with no translation yet."""
    msgids, unknown = extract()
    if unknown:
        raise SystemExit("calls with a text that is not a literal; add them to DYNAMIC:\n  " + "\n  ".join(unknown))
    old = load(lang) if po_path(lang).exists() else None
    catalog = Catalog(
        locale=lang, domain=DOMAIN, project="villkor (click's messages)", version=f"click {click_version()}",
        copyright_holder="villkor", msgid_bugs_address="", charset="utf-8",
        creation_date=old.creation_date if old else None, revision_date=old.revision_date if old else None,
        language_team=lang, last_translator="villkor", fuzzy=False,
    )
    dynamic = {v: k for k, v in DYNAMIC.items()}
    for msgid, files in msgids.items():
        previous = old.get(msgid) if old else None
        string = previous.string if previous is not None else ("", "") if isinstance(msgid, tuple) else ""
        catalog.add(msgid, string, locations=[(f, None) for f in files],  # type: ignore[misc]
                    auto_comments=[f"not a literal in click: _({dynamic[msgid]})"] if msgid in dynamic else (),
                    flags=[f for f in previous.flags if f != "fuzzy"] if previous is not None else ())
    catalog.header_comment = (
        f"# Swedish translation of click's own messages, for villkor.\n"
        f"# Made with tools/click_po.py from click {click_version()}: run it again after a click upgrade.\n"
        f"#"
    )
    po_path(lang).parent.mkdir(parents=True, exist_ok=True)
    with po_path(lang).open("wb") as fp:
        write_po(fp, catalog, width=100, include_lineno=False, sort_output=True)
    return untranslated(catalog, msgids)


def compile_lang(lang: str) -> None:
    mo_path(lang).write_bytes(compile_mo(load(lang)))


def check(lang: str) -> list[str]:
    """What is wrong with ``lang``'s catalogue: untranslated msgids, a stale .mo."""
    msgids, unknown = extract()
    catalog = load(lang)
    problems = [f"not a literal: {u}" for u in unknown]
    problems += [f"untranslated: {m!r}" for m in untranslated(catalog, msgids)]
    if not mo_path(lang).exists() or translations(mo_path(lang).read_bytes()) != translations(compile_mo(catalog)):
        problems.append(f"{mo_path(lang).relative_to(ROOT)} is not compiled from the .po: run tools/click_po.py compile")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in ("update", "compile", "check"):
        print(__doc__)
        return 2
    status = 0
    for lang in LANGS:
        if argv[0] == "update":
            for msgid in update(lang):
                print(f"{lang}: translate {msgid!r}")
                status = 1
        elif argv[0] == "compile":
            compile_lang(lang)
        else:
            for problem in check(lang):
                print(f"{lang}: {problem}")
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
