"""The ``villkor`` command: a thin layer over the library.

Each command calls one library function and hands the result to one writer.
Library errors become a message with file and line and exit status 2 in
:func:`main`, the one place they are translated; nothing here decides what a
draft lacks.

Exit status: 0 complete, 1 incomplete (errors, or warnings with --strict),
2 cannot check (bad input or usage).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from typing import Any

import click

from toolkit import __version__
from toolkit.errors import VillkorError
from toolkit.messages import DEFAULT_LANG, LANGUAGES, t

EXIT_COMPLETE, EXIT_INCOMPLETE, EXIT_CANNOT = 0, 1, 2

#: The language of this run's help and usage texts, set by :func:`main`.
_help_lang = DEFAULT_LANG


class _HelpFormatter(click.HelpFormatter):
    """click's help layout with its headings from the message catalogue."""

    _SECTIONS = {"Options": "cli-help-options", "Commands": "cli-help-commands", "Arguments": "cli-help-arguments"}

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix=t("cli-help-usage", _help_lang) + " ")

    def section(self, name: str) -> Any:
        key = self._SECTIONS.get(name)
        return super().section(t(key, _help_lang) if key else name)


class _Context(click.Context):
    formatter_class = _HelpFormatter


class _Localised:
    """Commands and groups whose help uses the catalogue's words."""

    context_class = _Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("cli-help-help", _help_lang)
        return option


class _Command(_Localised, click.Command):
    pass


class _Group(_Localised, click.Group):
    command_class = _Command
    group_class = type  # sub-groups are of this class too


def lang_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--lang", type=click.Choice(LANGUAGES), default=DEFAULT_LANG, envvar="VILLKOR_LANG", show_default=True,
    )(fn)


def output_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--output", "-o", metavar="FIL")(fn)


def conditions_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--conditions", "-c", metavar="ID|SÖKVÄG")(fn)


def localise(command: click.Command, lang: str, path: str = "") -> None:
    """Give every command and option its help text from the catalogue, in ``lang``.

    Keys: ``help-<command path>`` for a command, ``help-<path>--<option>`` for
    one command's option, ``help-opt-<option>`` for the options many share.
    """
    from toolkit.messages import CATALOGUE

    key = f"help-{path}"
    if key in CATALOGUE:
        command.help = t(key, lang)
        command.short_help = None
    for param in command.params:
        for pkey in (f"{key}--{param.name}", f"help-opt-{param.name}"):
            if pkey in CATALOGUE and isinstance(param, click.Option):
                param.help = t(pkey, lang)
                break
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            localise(sub, lang, f"{path}-{name}" if path else name)


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Show a message or a text report: nothing in it is obeyed by the terminal
    (:func:`~toolkit.outputs.terminal.printable`), whatever the user's file held."""
    from toolkit.outputs.terminal import printable

    click.echo(printable(text), err=err, nl=nl)


def emit(text: str, output: str | None, inputs: list[str], lang: str, kind: str = "document") -> None:
    """Write ``text`` to ``output`` (whole or not at all) or to standard output.

    ``kind`` says what the text is: "text" is made for the terminal and is
    made printable wherever it goes; "colored" is that text with the
    formatter's own colours (its user text is printable already); a
    "document" (Markdown, HTML, JSON) is written as it is, and made printable
    only when it is shown on a terminal.
    """
    if output and output != "-":
        from toolkit.outputs.terminal import printable
        from toolkit.outputs.write import refuse_input_as_output, write_atomic

        refuse_input_as_output(output, inputs)
        write_atomic(output, printable(text) if kind == "text" else text)
        say(t("cli-wrote", lang, path=output), err=True)
    elif kind == "colored" or (kind == "document" and not sys.stdout.isatty()):
        click.echo(text, nl=not text.endswith("\n"))
    else:
        say(text, nl=not text.endswith("\n"))


class CannotCheck(click.ClickException):
    """A run that cannot go on: the message is shown as it is, exit status 2."""

    exit_code = EXIT_CANNOT

    def show(self, file: Any = None) -> None:
        say(self.format_message(), err=True)


def refused(exc: Any, lang: str) -> None:
    """An incomplete draft that was not rendered: its findings, then exit 1."""
    from toolkit.outputs.report import format_text

    say(format_text([exc.result], lang), err=True)
    say(f"villkor: {exc.format(lang)}", err=True)
    sys.exit(EXIT_INCOMPLETE)


def remaining_warnings(result: Any, lang: str) -> None:
    """After writing a report or memo: say which warnings it still has."""
    from toolkit.outputs.report import listed, more_of_kind

    warnings = [f for f in result.findings if f.severity == "warning"]
    if warnings and result.complete:
        say(t("report-warnings", lang, file=result.file, n=len(warnings)), err=True)
        shown, hidden = listed(warnings)
        for f in shown:
            say(f"  {f.location(lang)}: {f.message(lang)}", err=True)
        for code, n in hidden.items():
            say(f"  {more_of_kind(code, n, lang)}", err=True)


def fail(exc: VillkorError, lang: str) -> CannotCheck:
    return CannotCheck(exc.format(lang))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="villkor")
def cli() -> None:
    """The villkor command group (help text: the catalogue's "help-")."""


@cli.command()
@click.argument("drafts", nargs=-1, required=True, metavar="UTKAST...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md", "html"]), default="text", show_default=True)
@output_option
@click.option("--strict", is_flag=True)
@conditions_option
@lang_option
def check(drafts: tuple[str, ...], fmt: str, output: str | None, strict: bool, conditions: str | None, lang: str) -> None:
    """Check drafts against their decision (help: "help-check")."""
    from toolkit.checking.checker import check_file
    from toolkit.outputs import report

    results, failures = [], []
    for path in drafts:
        try:
            results.append(check_file(path, conditions, strict))
        except VillkorError as exc:
            failures.append(exc)
    # several whole HTML documents in one stream, or several summaries in one
    # file, are no use to anyone: `villkor summary` is the view over many drafts
    if len(drafts) > 1 and (fmt == "html" or (fmt == "md" and output not in (None, "-"))):
        raise CannotCheck(t("cli-output-many", lang, fmt=fmt))
    for exc in failures:
        say(exc.format(lang), err=True)
    kind = "document"
    if fmt == "json":
        text = report.format_json(results, lang, [_failure_dict(e, lang) for e in failures])
    elif fmt == "md":
        text = "\n".join(report.format_summary_md(r, lang) for r in results)
    elif fmt == "html":
        text = "".join(report.format_summary_html(r, lang) for r in results)
    else:
        to_tty = output in (None, "-") and sys.stdout.isatty()
        width = max(80, min(140, shutil.get_terminal_size((100, 24)).columns)) if to_tty else 100
        color = to_tty and "NO_COLOR" not in os.environ
        text = report.format_text(results, lang, width=width, color=color)
        kind = "colored" if color else "text"
        if len(drafts) > 1:
            complete = sum(1 for r in results if r.complete)
            text += t("batch-total", lang, drafts=len(drafts), complete=complete,
                      incomplete=len(results) - complete, failed=len(failures)) + "\n"
    if results or fmt == "json":
        try:
            emit(text, output, list(drafts), lang, kind)
        except VillkorError as exc:
            raise fail(exc, lang) from None
    if failures:
        sys.exit(EXIT_CANNOT)
    sys.exit(EXIT_COMPLETE if all(r.complete for r in results) else EXIT_INCOMPLETE)


def _failure_dict(exc: VillkorError, lang: str) -> dict[str, Any]:
    first = exc.problems[0]
    return {"file": first.file, "line": first.line, "message": "\n".join(t(p.key, lang, **p.params) for p in exc.problems)}


@cli.command()
@click.argument("draft", metavar="UTKAST")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@output_option
@click.option("--draft", "draft_mode", is_flag=True)
@click.option("--strict", is_flag=True)
@conditions_option
@lang_option
def render(draft: str, fmt: str, output: str | None, draft_mode: bool, strict: bool, conditions: str | None, lang: str) -> None:
    """Render the finished report (help: "help-render")."""
    from toolkit.checking.checker import check_file
    from toolkit.errors import RenderRefused
    from toolkit.outputs import render as rendering

    try:
        result = check_file(draft, conditions, strict)
        text = (rendering.render_html if fmt == "html" else rendering.render_markdown)(result, lang, draft_mode)
    except RenderRefused as exc:
        refused(exc, lang)
    emit(text, output, [draft], lang)
    remaining_warnings(result, lang)


# -- decisions: conditions list/show/validate/diff, new ---------------------


@cli.group(name="conditions")
def conditions_group() -> None:
    """The decisions: list, show, validate, diff (help: "help-conditions")."""


@conditions_group.command(name="list")
@lang_option
def conditions_list(lang: str) -> None:
    """List the known decisions (help: "help-conditions-list")."""
    from toolkit.decisions.inherit import survey
    from toolkit.outputs.conditions_report import format_list

    say(format_list(survey(), lang), nl=False)


@conditions_group.command(name="show")
@click.argument("decision", metavar="ID|SÖKVÄG")
@lang_option
def conditions_show(decision: str, lang: str) -> None:
    """Show a decision after inheritance (help: "help-conditions-show")."""
    from toolkit.decisions.load import load_conditions
    from toolkit.outputs.conditions_report import format_outline

    say(format_outline(load_conditions(decision), lang), nl=False)


@conditions_group.command(name="validate")
@click.argument("paths", nargs=-1, metavar="[FIL...]")
@lang_option
def conditions_validate(paths: tuple[str, ...], lang: str) -> None:
    """Validate conditions files (help: "help-conditions-validate")."""
    from pathlib import Path

    from toolkit.decisions.load import validate_paths
    from toolkit.decisions.source import list_conditions
    from toolkit.outputs.conditions_report import format_validation

    files = [Path(p) for p in paths] or [p for _, p in list_conditions()]
    if not files:
        raise CannotCheck(t("validate-no-files", lang))
    results = validate_paths(files)
    say(format_validation(results, lang), nl=False)
    sys.exit(EXIT_CANNOT if any(problems for _, problems in results) else EXIT_COMPLETE)


@conditions_group.command(name="diff")
@click.argument("old", metavar="GAMMALT")
@click.argument("new", metavar="NYTT")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text", show_default=True)
@output_option
@lang_option
def conditions_diff(old: str, new: str, fmt: str, output: str | None, lang: str) -> None:
    """What changed between two decisions (help: "help-conditions-diff")."""
    from toolkit.decisions.diff import diff_conditions
    from toolkit.decisions.load import load_conditions
    from toolkit.outputs.conditions_report import format_diff

    old_c, new_c = load_conditions(old), load_conditions(new)
    emit(format_diff(diff_conditions(old_c, new_c), fmt, lang), output, [str(p) for p in {*old_c.files, *new_c.files}], lang,
         "text" if fmt == "text" else "document")


@cli.command(name="new")
@click.option("--conditions", "-c", "decision", required=True, metavar="ID|SÖKVÄG")
@click.option("--region", required=True, metavar="NAMN")
@click.option("--from", "last", metavar="FÖRRA_UTKASTET")
@output_option
@click.option("--force", is_flag=True)
@lang_option
def new(decision: str, region: str, last: str | None, output: str | None, force: bool, lang: str) -> None:
    """Start a new draft (help: "help-new")."""
    from toolkit.decisions.load import load_conditions
    from toolkit.outputs.scaffold import new_draft, refuse_existing

    refuse_existing(output, force)
    emit(new_draft(load_conditions(decision), region, last, lang), output, [last] if last else [], lang)


# -- reviewers: summary, memo ----------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="SÖKVÄG...")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text", show_default=True)
@output_option
@click.option("--all", "all_places", is_flag=True)
@click.option("--strict", is_flag=True)
@conditions_option
@lang_option
def summary(paths: tuple[str, ...], fmt: str, output: str | None, all_places: bool, strict: bool,
            conditions: str | None, lang: str) -> None:
    """Summarise many drafts (help: "help-summary")."""
    from toolkit.outputs import overview
    from toolkit.outputs import summary as summarising

    to_file = bool(output) and output != "-"
    pages = summarising.Pages(output, fmt, lang, paths) if to_file and fmt in ("html", "md") else None  # type: ignore[arg-type]
    try:
        with _progress(paths, lang) as advance:
            result = summarising.summarise(paths, conditions, strict, on_result=pages, progress=advance)
        if not (result.rows or result.failed or result.skipped):
            raise CannotCheck(t("summary-nothing", lang, paths=", ".join(paths)))
        if to_file or not result.rows:
            for failure in result.failed:
                say(VillkorError(failure.problems).format(lang), err=True)
        if not result.rows:  # nothing could be checked: write nothing
            sys.exit(EXIT_CANNOT)
        kind = "document"
        if fmt == "text":
            to_tty = not to_file and sys.stdout.isatty()
            width = max(100, min(200, shutil.get_terminal_size((160, 24)).columns)) if to_tty else 160
            color = to_tty and "NO_COLOR" not in os.environ
            text = overview.format_text(result, lang, width, color, all_places)
            kind = "colored" if color else "text"
        else:
            text = {"json": overview.format_json, "md": overview.format_md, "html": overview.format_html}[fmt](result, lang)
        emit(text, output, list(paths) + result.inputs, lang, kind)
        if pages is not None:
            pages.commit()
    except VillkorError as exc:
        raise fail(exc, lang) from None
    finally:
        if pages is not None:
            pages.discard()
    sys.exit(result.exit_code)


def _progress(paths: tuple[str, ...], lang: str) -> Any:
    """A progress bar on standard error when it is a terminal and there are many drafts."""
    import contextlib

    if not sys.stderr.isatty():
        return contextlib.nullcontext(None)
    from toolkit.outputs.summary import count_drafts

    total = count_drafts(paths)
    if total < 20:
        return contextlib.nullcontext(None)

    @contextlib.contextmanager
    def bar() -> Any:
        from rich.console import Console
        from rich.progress import Progress

        with Progress(transient=True, console=Console(stderr=True)) as progress:
            task = progress.add_task("villkor summary", total=total)
            yield lambda done, _total: progress.update(task, completed=done)

    return bar()


@cli.command()
@click.argument("draft", metavar="UTKAST")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@output_option
@click.option("--draft", "draft_mode", is_flag=True)
@conditions_option
@lang_option
def memo(draft: str, fmt: str, output: str | None, draft_mode: bool, conditions: str | None, lang: str) -> None:
    """The committee's memo (help: "help-memo")."""
    from toolkit.checking.checker import check_file
    from toolkit.errors import RenderRefused
    from toolkit.outputs import memo as memos

    try:
        result = check_file(draft, conditions)
        made = (memos.render_memo_html if fmt == "html" else memos.build_memo)(result, lang, draft_mode)
    except RenderRefused as exc:
        refused(exc, lang)
    emit(made.text, output, [draft], lang)
    if made.gaps:
        say(t("memo-gaps", lang, n=len(made.gaps), keys=", ".join(made.gaps)), err=True)


# -- Word drafts: convert --------------------------------------------------


@cli.command()
@click.argument("draft", metavar="UTKAST.docx")
@conditions_option
@output_option
@lang_option
def convert(draft: str, conditions: str | None, output: str | None, lang: str) -> None:
    """Convert a Word draft to Markdown (help: "help-convert")."""
    from toolkit.outputs.convert import convert_docx

    emit(convert_docx(draft, conditions=conditions), output, [draft], lang)


def main(argv: list[str] | None = None, prog_name: str | None = None) -> None:
    """Entry point: run the command group, turning library errors into exit 2."""
    lang = os.environ.get("VILLKOR_LANG", DEFAULT_LANG)
    if argv is None:
        argv = sys.argv[1:]
    for i, arg in enumerate(argv):  # --lang en or --lang=en, before click has parsed anything
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    lang = lang if lang in LANGUAGES else DEFAULT_LANG
    global _help_lang
    _help_lang = lang
    localise(cli, lang)
    try:
        cli.main(args=argv, prog_name=prog_name or "villkor", standalone_mode=False)
    except click.exceptions.Abort:
        say(t("cli-aborted", lang), err=True)
        sys.exit(EXIT_CANNOT)
    except click.UsageError as exc:
        # click's own sentence stays as click words it; the frame around it is ours
        if exc.ctx is not None:
            say(exc.ctx.get_usage(), err=True)
            say(t("cli-try-help", lang, command=exc.ctx.command_path), err=True)
        say(f"\n{t('cli-error', lang).capitalize()}: {exc.format_message()}", err=True)
        sys.exit(EXIT_CANNOT)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except VillkorError as exc:
        say(exc.format(lang), err=True)
        sys.exit(EXIT_CANNOT)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug: say so briefly, never a traceback unless asked
        if os.environ.get("VILLKOR_DEBUG"):
            raise
        say(f"villkor: {t('cli-internal-error', lang, error=type(exc).__name__ + ': ' + str(exc))}", err=True)
        sys.exit(EXIT_CANNOT)
