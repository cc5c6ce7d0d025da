"""The ``villkor`` command: a thin layer over the library.

Each command calls one library function and hands the result to one writer.
Library errors become a message with file and line and exit status 2 in
:func:`main`, the one place they are translated; nothing here decides what a
draft lacks.

Exit status: 0 complete, 1 incomplete (errors, or warnings with --strict),
2 cannot check (bad input or usage).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import shutil
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

import click

from toolkit import __version__
from toolkit.click_i18n import gettext as click_gettext
from toolkit.click_i18n import install as speak_click
from toolkit.errors import VillkorError
from toolkit.messages import DEFAULT_LANG, LANGUAGES, t

EXIT_COMPLETE, EXIT_INCOMPLETE, EXIT_CANNOT = 0, 1, 2

class _Localised:
    """Commands and groups whose help option speaks the run's language."""

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:  # click words it once, when it first makes the option
            option.help = click_gettext("Show this message and exit.")
        return option


class _Command(_Localised, click.Command):
    pass


class _Group(_Localised, click.Group):
    command_class = _Command
    group_class = type  # sub-groups are of this class too


def lang_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--lang", type=click.Choice(LANGUAGES), default=DEFAULT_LANG, envvar="VILLKOR_LANG", show_default=True,
        callback=_lang_of_group,
    )(fn)


def _lang_of_group(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A command's own --lang, else the --lang given to a group before it, else VILLKOR_LANG or sv."""
    from click.core import ParameterSource

    given: click.Context | None = ctx
    while given is not None and given.get_parameter_source("lang") is not ParameterSource.COMMANDLINE:
        given = given.parent
    return str(given.params["lang"]) if given is not None and given is not ctx else value


def output_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--output", "-o", metavar="FIL")(fn)


def conditions_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--conditions", "-c", metavar="ID|SÖKVÄG")(fn)


def localise(command: click.Command, lang: str, path: str = "") -> None:
    """Give every command and option its help text and metavars from the catalogue, in ``lang``.

    Keys: ``help-<command path>`` for a command, ``help-<path>--<option>`` for
    one command's option, ``help-opt-<option>`` for the options many share.
    A metavar is written in Swedish where the command is defined and found by
    that text (or its English) among the ``metavar-`` keys.
    """
    from toolkit.messages import CATALOGUE

    metavars = _metavar_keys()
    key = f"help-{path}"
    if key in CATALOGUE:
        command.help = t(key, lang)
        command.short_help = None
    command.options_metavar = t("metavar-options", lang)
    if isinstance(command, click.Group):
        command.subcommand_metavar = t("metavar-command", lang)
    for param in command.params:
        for pkey in (f"{key}--{param.name}", f"help-opt-{param.name}"):
            if pkey in CATALOGUE and isinstance(param, click.Option):
                param.help = t(pkey, lang)
                break
        if param.name == "version":  # click's own option, worded once when this module was imported
            param.help = click_gettext("Show the version and exit.")
        if param.metavar in metavars:
            param.metavar = t(metavars[param.metavar], lang)
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            localise(sub, lang, f"{path}-{name}" if path else name)


#: Narrowest table the text output lays out; a narrower COLUMNS is taken as this.
MIN_WIDTH = 40


def terminal_width(widest: int) -> int:
    """How wide the text output may be: ``COLUMNS`` when set, else the
    terminal's width, else 80 (piped or written to a file); at most ``widest``,
    which keeps lines readable on a very wide screen."""
    columns = os.environ.get("COLUMNS", "")
    if columns.strip().isdigit() and int(columns) > 0:
        width = int(columns)
    elif _is_tty(sys.stdout):
        width = shutil.get_terminal_size((80, 24)).columns
    else:
        width = 80
    return max(MIN_WIDTH, min(widest, width))


@functools.cache
def _metavar_keys() -> dict[str, str]:
    """Each metavar, in either language, and its catalogue key."""
    from toolkit.messages import CATALOGUE

    return {text: k for k, entry in CATALOGUE.items() if k.startswith("metavar-") for text in entry.values()}


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Show a message or a text report: nothing in it is obeyed by the terminal
    (:func:`~toolkit.outputs.terminal.printable`), whatever the user's file held."""
    from toolkit.outputs.terminal import printable

    click.echo(printable(text), err=err, nl=nl)


class _PrintableStream:
    """Standard error for click's own messages (usage errors quote what was
    typed): written through :func:`~toolkit.outputs.terminal.printable`."""

    def write(self, text: str) -> int:
        from toolkit.outputs.terminal import printable

        return sys.stderr.write(printable(text))

    def flush(self) -> None:
        sys.stderr.flush()


def emit(text: str | Iterable[str], output: str | None, inputs: list[str], lang: str, fmt: str = "text",
         offers_word: bool = False, colored: bool = False) -> None:
    """Write ``text`` (or its pieces, as they are made) to ``output`` (whole or
    not at all) or to standard output. Text is never written under a Word
    document's name (``fmt`` says what it is).

    Text made for the terminal (``fmt`` "text") is made printable wherever it
    goes, unless it is ``colored``: then the formatter made its user text
    printable and the colours are its own. Markdown, HTML and JSON are written
    as they are, and made printable only when shown on a terminal.
    """
    from toolkit.outputs.terminal import printable

    if output and output != "-":
        from toolkit.outputs.write import refuse_input_as_output, refuse_wrong_suffix, write_atomic

        refuse_wrong_suffix(output, fmt, offers_word)
        refuse_input_as_output(output, inputs)
        write_atomic(output, printable(text) if fmt == "text" and isinstance(text, str) else text)
        say(t("cli-wrote", lang, path=output), err=True)
    elif not isinstance(text, str):
        tty = _is_tty(sys.stdout)
        for piece in text:
            click.echo(printable(piece) if tty else piece, nl=False)
    elif colored or not (fmt == "text" or _is_tty(sys.stdout)):
        click.echo(text, nl=not text.endswith("\n"))
    else:
        say(text, nl=not text.endswith("\n"))


def emit_docx(data: bytes, output: str | None, inputs: list[str], lang: str) -> None:
    """Write a Word document to ``output`` (whole or not at all); ``-`` sends it
    to standard output for a pipe. Without ``--output`` it is refused: a Word
    document in a terminal helps nobody."""
    if not output:
        raise CannotCheck(t("cli-docx-needs-output", lang))
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from toolkit.outputs.write import refuse_input_as_output, refuse_wrong_suffix, write_atomic

    refuse_wrong_suffix(output, "docx", True)
    refuse_input_as_output(output, inputs)
    write_atomic(output, data)
    say(t("cli-wrote", lang, path=output), err=True)


def output_matches(output: str | None, fmt: str, offers_word: bool, lang: str) -> None:
    """Before any work: the output's name agrees with the format (exit 2 if not)."""
    from toolkit.outputs.write import refuse_wrong_suffix

    if fmt == "docx" and not output:
        raise CannotCheck(t("cli-docx-needs-output", lang))
    try:
        refuse_wrong_suffix(output, fmt, offers_word)
    except VillkorError as exc:
        raise fail(exc, lang) from None


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


def remaining_warnings(result: Any, lang: str, key: str = "report-warnings") -> None:
    """After writing a report or memo: say which warnings it still has."""
    from toolkit.outputs.report import listed, more_of_kind

    warnings = [f for f in result.findings if f.severity == "warning"]
    if warnings and result.complete:
        say(t(key, lang, file=result.file, n=len(warnings)), err=True)
        shown, hidden = listed(warnings)
        for f in shown:
            say(f"  {f.location(lang)}: {f.message(lang)}", err=True)
        for code, n in hidden.items():
            say(f"  {more_of_kind(code, n, lang)}", err=True)


def _is_tty(stream: Any) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def refuse_multi_line(values: dict[str, Any], keys: tuple[str, ...]) -> None:
    """Options whose values go into a draft or memo as one line: refuse a line
    break or control character (it would start a heading of its own)."""
    from toolkit.drafts.frontmatter import unsafe_value
    from toolkit.errors import DraftError

    problems = []
    for key in keys:
        given = values.get(key)
        for value in [given] if isinstance(given, str) else list(given or ()):
            problem = unsafe_value(value, "--" + key.replace("_", "-"))
            if problem is not None:
                problems.append(problem)
    if problems:
        raise DraftError(problems)


def fail(exc: VillkorError, lang: str) -> CannotCheck:
    return CannotCheck(exc.format(lang))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="villkor")
@lang_option
def cli(lang: str) -> None:
    """The villkor command group (help text: the catalogue's "help-")."""


def batch_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--jobs and --no-cache, for the commands that check many drafts."""
    fn = click.option("--no-cache", "no_cache", is_flag=True)(fn)
    return click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="ANTAL")(fn)


def open_cache(no_cache: bool) -> Any:
    from toolkit.checking.cache import open_cache as opened

    return None if no_cache else opened()


def cache_warnings(cache: Any, lang: str) -> None:
    """What went wrong with the result cache, each said once (the run went on without it)."""
    if cache is not None:
        for key in cache.warnings:
            say(t(key, lang, folder=cache.folder), err=True)


class Stream:
    """An output written as it is made, as :func:`emit` writes a whole text:
    to standard output in pieces as they come, or (``--output``) into a
    spool that is put in place whole at the end, once every input is read."""

    def __init__(self, output: str | None, fmt: str, colored: bool = False):
        from toolkit.outputs.write import Spool

        self.output, self.fmt = output, fmt
        self.spool = Spool() if output and output != "-" else None
        # what emit makes printable: text for the terminal wherever it goes
        # (unless coloured), anything shown on a terminal
        self.printable = fmt == "text" if self.spool is not None else not colored and (fmt == "text" or _is_tty(sys.stdout))
        self._pending: list[str] = []
        self._size = 0
        self.last = ""

    def write(self, text: str) -> None:
        if not text:
            return
        if self.printable:
            from toolkit.outputs.terminal import printable

            text = printable(text)
        self.last = text[-1]
        if self.spool is not None:
            self.spool.write(text)
            return
        self._pending.append(text)
        self._size += len(text)
        if self._size >= 64 * 1024:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            text, self._pending, self._size = "".join(self._pending), [], 0
            click.echo(text, nl=False)

    def finish(self, inputs: list[str], lang: str) -> None:
        """End the output: standard output gets its last line break, a file is put in place."""
        if self.spool is None:
            self.flush()
            if self.last != "\n":
                click.echo("")
            return
        try:
            from toolkit.outputs.write import refuse_input_as_output, refuse_wrong_suffix, write_atomic

            assert self.output is not None
            refuse_wrong_suffix(self.output, self.fmt, False)
            refuse_input_as_output(self.output, inputs)
            write_atomic(self.output, self.spool)
            say(t("cli-wrote", lang, path=self.output), err=True)
        finally:
            self.spool.close()


@cli.command()
@click.argument("drafts", nargs=-1, required=True, metavar="UTKAST...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md", "html"]), default="text", show_default=True)
@output_option
@click.option("--strict", is_flag=True)
@conditions_option
@click.option("--no-indent", "compact", is_flag=True)
@batch_options
@lang_option
def check(drafts: tuple[str, ...], fmt: str, output: str | None, strict: bool, conditions: str | None, compact: bool,
          jobs: int | None, no_cache: bool, lang: str) -> None:
    """Check drafts against their decision (help: "help-check")."""
    from toolkit.checking.batch import check_batch
    from toolkit.decisions.load import Decisions
    from toolkit.outputs import report

    output_matches(output, fmt, False, lang)
    # several whole HTML documents in one stream, or several summaries in one
    # file, are no use to anyone: `villkor summary` is the view over many drafts
    if len(drafts) > 1 and (fmt == "html" or (fmt == "md" and output not in (None, "-"))):
        raise CannotCheck(t("cli-output-many", lang, fmt=fmt))
    # each draft's part is made where it is checked (and kept in the result
    # cache); the parts are written in order as they come
    render: Callable[..., str]
    color = False
    if fmt == "json":
        render, key = functools.partial(report.json_part, lang=lang, compact=compact), f"json|{lang}|{compact}"
    elif fmt == "md":
        render, key = functools.partial(report.format_summary_md, lang=lang), f"md|{lang}"
    elif fmt == "html":
        render, key = functools.partial(report.format_summary_html, lang=lang), f"html|{lang}"
    else:
        to_tty = output in (None, "-") and _is_tty(sys.stdout)
        width = terminal_width(140)
        color = to_tty and "NO_COLOR" not in os.environ
        render, key = functools.partial(report.text_part, lang=lang, width=width, color=color), f"text|{lang}|{width}|{color}"
    between = "\n" if fmt in ("md", "text") else ""
    reports = report.JsonReports(single=len(drafts) == 1, compact=compact) if fmt == "json" else None
    out = Stream(output, fmt, colored=color)
    failures: list[VillkorError] = []
    checked = complete = 0
    cache = open_cache(no_cache)
    decisions = Decisions()
    for outcome in check_batch(drafts, conditions, strict, {key: render}, cache, jobs, decisions):
        if outcome.error is not None:
            failures.append(outcome.error)
            say(outcome.error.format(lang), err=True)
            continue
        part = outcome.part(key, render, decisions)
        out.write(reports.add(part) if reports is not None else (between if checked else "") + part)
        checked += 1
        complete += outcome.complete
    cache_warnings(cache, lang)
    if reports is not None:
        out.write(reports.close([_failure_dict(e, lang) for e in failures]))
    elif fmt == "text" and len(drafts) > 1:
        import textwrap

        out.write(textwrap.fill(t("batch-total", lang, drafts=len(drafts), complete=complete,
                                  incomplete=checked - complete, failed=len(failures)), width) + "\n")
    if checked or fmt == "json":
        try:
            out.finish(list(drafts), lang)
        except VillkorError as exc:
            raise fail(exc, lang) from None
    if failures:
        sys.exit(EXIT_CANNOT)
    sys.exit(EXIT_COMPLETE if complete == checked else EXIT_INCOMPLETE)


def _failure_dict(exc: VillkorError, lang: str) -> dict[str, Any]:
    first = exc.problems[0]
    return {"file": first.file, "line": first.line, "message": "\n".join(t(p.key, lang, **p.params) for p in exc.problems)}


@cli.command()
@click.argument("draft", metavar="UTKAST")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "docx"]), default="md", show_default=True)
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

    output_matches(output, fmt, True, lang)
    try:
        result = check_file(draft, conditions, strict)
        if fmt == "docx":
            emit_docx(rendering.render_docx(result, lang, draft_mode), output, [draft], lang)
        else:
            text = (rendering.render_html if fmt == "html" else rendering.render_markdown)(result, lang, draft_mode)
            emit(text, output, [draft], lang, fmt, True)
    except RenderRefused as exc:
        refused(exc, lang)
    remaining_warnings(result, lang)


# -- decisions: conditions list/show/validate/diff, new ---------------------


@cli.group(name="conditions")
@lang_option
def conditions_group(lang: str) -> None:
    """The decisions: list, show, validate, diff (help: "help-conditions")."""


@conditions_group.command(name="list")
@lang_option
def conditions_list(lang: str) -> None:
    """List the known decisions (help: "help-conditions-list")."""
    from toolkit.decisions.inherit import survey
    from toolkit.outputs.conditions_report import format_list

    say(format_list(survey(), lang, terminal_width(200)), nl=False)


@conditions_group.command(name="show")
@click.argument("decision", metavar="ID|SÖKVÄG")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text", show_default=True)
@output_option
@lang_option
def conditions_show(decision: str, fmt: str, output: str | None, lang: str) -> None:
    """Show a decision after inheritance (help: "help-conditions-show")."""
    from toolkit.decisions.load import load_conditions
    from toolkit.outputs.conditions_report import format_outline

    output_matches(output, fmt, False, lang)
    c = load_conditions(decision)
    emit(format_outline(c, lang, fmt), output, [str(p) for p in c.files], lang, fmt)


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
    output_matches(output, fmt, False, lang)
    emit(format_diff(diff_conditions(old_c, new_c), fmt, lang), output, [str(p) for p in {*old_c.files, *new_c.files}], lang, fmt)


@cli.command(name="new")
@click.option("--conditions", "-c", "decision", required=True, metavar="ID|SÖKVÄG")
@click.option("--region", required=True, metavar="NAMN")
@click.option("--from", "last", metavar="FÖRRA_UTKASTET")
@click.option("--format", "fmt", type=click.Choice(["md", "docx"]), default=None)
@output_option
@click.option("--force", is_flag=True)
@lang_option
def new(decision: str, region: str, last: str | None, fmt: str | None, output: str | None, force: bool, lang: str) -> None:
    """Start a new draft (help: "help-new")."""
    from toolkit.decisions.load import load_conditions
    from toolkit.outputs.scaffold import format_docx, format_markdown, plan_draft, refuse_existing

    if fmt is None:  # the name says which: next.docx is a Word template
        fmt = "docx" if output and output.lower().endswith(".docx") else "md"
    output_matches(output, fmt, True, lang)
    refuse_existing(output, force)
    inputs = [last] if last else []
    plan = plan_draft(load_conditions(decision), region, last)
    if fmt == "docx":
        emit_docx(format_docx(plan, lang), output, inputs, lang)
    else:
        emit(format_markdown(plan, lang), output, inputs, lang, "md", True)
    for notice in plan.notices:  # last year's text that did not keep its place
        say(t("new-notice", lang, notice=notice.format(lang)), err=True)


# -- reviewers: summary, memo ----------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="SÖKVÄG...")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json", "csv", "xlsx"]), default="text",
              show_default=True)
@output_option
@click.option("--all", "all_places", is_flag=True)
@click.option("--strict", is_flag=True)
@conditions_option
@click.option("--no-indent", "compact", is_flag=True)
@batch_options
@lang_option
def summary(paths: tuple[str, ...], fmt: str, output: str | None, all_places: bool, strict: bool,
            conditions: str | None, compact: bool, jobs: int | None, no_cache: bool, lang: str) -> None:
    """Summarise many drafts (help: "help-summary")."""
    from toolkit.outputs import overview
    from toolkit.outputs import summary as summarising

    output_matches(output, fmt, False, lang)
    to_file = bool(output) and output != "-"
    csv_folder = fmt == "csv" and to_file and not str(output).lower().endswith(".csv")
    try:
        _refuse_spreadsheet_early(fmt, output, to_file, csv_folder, paths)
        if to_file and not csv_folder:
            from toolkit.outputs.write import check_output

            check_output(output, paths)  # type: ignore[arg-type]
    except VillkorError as exc:
        raise fail(exc, lang) from None
    if fmt == "xlsx" and not to_file and _is_tty(sys.stdout):
        raise CannotCheck(f"villkor: {t('summary-xlsx-tty', lang)}")
    pages = summarising.Pages(output, fmt, lang, paths) if to_file and fmt in ("html", "md") else None  # type: ignore[arg-type]
    cache = open_cache(no_cache)
    try:
        with _progress(paths, lang) as advance:
            result = summarising.summarise(paths, conditions, strict, progress=advance, pages=pages, jobs=jobs, cache=cache)
        cache_warnings(cache, lang)
        if to_file or not result.rows:
            for failure in result.failed:
                say(VillkorError(failure.problems).format(lang), err=True)
        if not result.rows:
            # nothing could be checked: say so; JSON still gives its (empty) document
            if not result.failed:
                key = "summary-no-drafts-skipped" if result.skipped else "summary-nothing"
                say(t(key, lang, paths=", ".join(paths), n=len(result.skipped)), err=True)
            else:
                say(t("summary-none-checked", lang, n=len(result.failed)), err=True)
            if fmt == "json":
                emit(overview.format_json(result, lang, compact), output, list(paths) + result.inputs, lang, "json")
            sys.exit(EXIT_CANNOT)
        inputs = list(paths) + result.inputs
        if fmt in ("csv", "xlsx"):
            _spreadsheet(result, fmt, output, csv_folder, inputs, lang)
            sys.exit(result.exit_code)
        text: str | Iterable[str]
        color = False
        if fmt == "text":
            # written as it is made: ten thousand reports are never held as one text
            to_tty = not to_file and _is_tty(sys.stdout)
            color = to_tty and "NO_COLOR" not in os.environ
            out = Stream(output, fmt, colored=color)
            overview.format_text(result, lang, terminal_width(200), color, all_places, write=out.write)
            out.finish(inputs, lang)
            sys.exit(result.exit_code)
        elif fmt == "json":
            text = overview.iter_json(result, lang, compact=compact)
        else:
            text = {"md": overview.format_md, "html": overview.format_html}[fmt](result, lang)
        emit(text, output, inputs, lang, fmt, colored=color)
        if pages is not None:
            assert isinstance(text, str)  # pages go with html and md, which are made whole
            pages.commit(text)
    except VillkorError as exc:
        raise fail(exc, lang) from None
    finally:
        if pages is not None:
            pages.discard()
    sys.exit(result.exit_code)


def _is_csv(path: Any) -> bool:
    from pathlib import Path

    return Path(path).suffix.lower() == ".csv"


def _refuse_spreadsheet_early(fmt: str, output: str | None, to_file: bool, csv_folder: bool, paths: tuple[str, ...]) -> None:
    """Before any draft is checked: an output that will be refused anyway is refused now."""
    from toolkit.errors import OutputError

    if fmt == "xlsx" and to_file and not str(output).lower().endswith(".xlsx"):
        raise OutputError.of("summary-xlsx-suffix", str(output))
    if csv_folder:
        from toolkit.outputs.write import refuse_folder

        refuse_folder(str(output), _is_csv, paths)


def _spreadsheet(result: Any, fmt: str, output: str | None, csv_folder: bool, inputs: list[str], lang: str) -> None:
    """Write the summary's tables: an Excel workbook, a folder of CSV files, or
    the CSV of figures to one file or to standard output."""
    from toolkit.outputs import sheets

    if fmt == "xlsx":
        data = sheets.xlsx_bytes(sheets.tables(result, lang))
        if output and output != "-":
            emit_bytes(data, output, inputs, lang)
        else:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        return
    if csv_folder:
        from toolkit.outputs.write import replace_folder

        written = replace_folder(str(output), sheets.csv_files(sheets.tables(result, lang), lang), _is_csv, inputs)
        click.echo(t("summary-wrote-folder", lang, n=len(written), path=output), err=True)
        return
    pieces = sheets.csv_pieces(sheets.figures_table(result, lang), lang)
    if output and output != "-":
        emit(pieces, output, inputs, lang)
    else:
        sys.stdout.flush()
        for piece in pieces:
            sys.stdout.buffer.write(piece.encode("utf-8"))
        sys.stdout.buffer.flush()


def emit_bytes(data: bytes, output: str, inputs: list[str], lang: str) -> None:
    from toolkit.outputs.write import refuse_input_as_output, write_atomic

    refuse_input_as_output(output, inputs)
    write_atomic(output, data)
    click.echo(t("cli-wrote", lang, path=output), err=True)


def _progress(paths: tuple[str, ...], lang: str) -> Any:
    """A progress bar on standard error when it is a terminal and there are many drafts."""
    import contextlib

    if not _is_tty(sys.stderr):
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
@click.option("--format", "fmt", type=click.Choice(["md", "html", "docx"]), default="md", show_default=True)
@output_option
@click.option("--draft", "draft_mode", is_flag=True)
@click.option("--strict", is_flag=True)
@click.option("--paragraf", metavar="NR")
@click.option("--utskott", metavar="NAMN")
@click.option("--styrelse", metavar="NAMN")
@click.option("--sammantradesdatum", metavar="ÅÅÅÅ-MM-DD")
@click.option("--styrelsemote", metavar="ÅÅÅÅ-MM-DD")
@click.option("--skickas-till", "skickas_till", metavar="MOTTAGARE", multiple=True)
@click.option("--yttrande", metavar="TEXT")
@conditions_option
@lang_option
def memo(draft: str, fmt: str, output: str | None, draft_mode: bool, strict: bool, conditions: str | None, lang: str,
         **facts: Any) -> None:
    """The committee's memo (help: "help-memo")."""
    from toolkit.checking.checker import check_file
    from toolkit.errors import RenderRefused
    from toolkit.outputs import memo as memos
    from toolkit.read.text import parse_date

    output_matches(output, fmt, True, lang)
    refuse_multi_line(facts, ("paragraf", "utskott", "styrelse", "skickas_till"))
    for key in ("sammantradesdatum", "styrelsemote"):  # meeting dates: 2018-05-02 (or 2 maj 2018)
        if facts.get(key):
            date = parse_date(facts[key])
            if date is None:
                raise CannotCheck(f"--{key}: " + t("memo-flag-bad-date", lang, value=facts[key]))
            facts[key] = date
    if facts.get("paragraf"):
        facts["paragraf"] = facts["paragraf"].lstrip("§ ").strip()
    facts["skickas_till"] = list(facts.get("skickas_till") or ()) or None
    make = {"html": memos.render_memo_html, "docx": memos.render_memo_docx}.get(fmt, memos.build_memo)
    try:
        result = check_file(draft, conditions, strict)
        made = make(result, lang, draft_mode, facts)
    except RenderRefused as exc:
        refused(exc, lang)
    if made.data is not None:
        emit_docx(made.data, output, [draft], lang)
    else:
        emit(made.text, output, [draft], lang, fmt, True)
    remaining_warnings(result, lang, "memo-warnings")
    if made.gaps:
        say(memos.describe_gaps(made.gaps, result.draft.kind, lang), err=True)
    if made.decision_gaps:
        say(t("memo-decision-gaps", lang, id=result.conditions.id, n=len(made.decision_gaps),
                     keys=", ".join(made.decision_gaps), file=result.conditions.path), err=True)


# -- Word drafts: convert --------------------------------------------------


@cli.command()
@click.argument("draft", metavar="UTKAST.docx")
@conditions_option
@output_option
@lang_option
def convert(draft: str, conditions: str | None, output: str | None, lang: str) -> None:
    """Convert a Word draft to Markdown (help: "help-convert")."""
    from toolkit.outputs.convert import convert_docx

    output_matches(output, "md", False, lang)
    emit(convert_docx(draft, conditions=conditions), output, [draft], lang, "md")


class _ClosedStream:
    """Standard output when the shell closed it (``>&-``): writing says so,
    instead of the output vanishing while the command reports success."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("text only")
        if not text:
            return 0
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _on_stop(lang: str) -> Callable[[int, Any], None]:
    """A handler for SIGTERM and SIGINT: remove this run's temporary files and
    folders, say so, and end with status 128 + the signal's number."""

    # everything the handler needs is at hand before a signal can come: an
    # import inside a handler can meet the same import half done
    from toolkit.outputs.write import remove_temporaries

    message = (t("cli-stopped", lang) + "\n").encode("utf-8")

    def stop(signum: int, frame: Any) -> None:
        remove_temporaries()
        try:
            os.write(2, message)
        except OSError:
            pass
        os._exit(128 + signum)

    return stop


@contextlib.contextmanager
def _stop_cleanly(lang: str) -> Iterator[None]:
    """Install :func:`_on_stop` for the run (main thread only) and put back what was there."""
    saved = {}
    try:
        for sig in (signal.SIGTERM, signal.SIGINT):
            if signal.getsignal(sig) is signal.SIG_IGN:  # started with the signal ignored (nohup, a background job)
                continue
            saved[sig] = signal.signal(sig, _on_stop(lang))
    except ValueError:  # not the main thread: whoever runs us handles signals
        pass
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def _os_failed(exc: OSError, lang: str) -> None:
    """An error from the system that the library did not translate: standard
    output that cannot be written (closed, disk full), or a file it names.
    Said in the catalogue's words, exit status 2."""
    from toolkit.read.files import os_reason

    reason_key = "closed" if exc.errno == errno.EBADF else os_reason(exc)
    reason = t(f"os-reason-{reason_key}", lang) if reason_key else (exc.strerror or str(exc))
    if exc.filename is not None:
        say(f"villkor: {t('cli-file-error', lang, file=exc.filename, reason=reason)}", err=True)
    else:
        say(f"villkor: {t('stdout-failed', lang, reason=reason)}", err=True)
        try:  # what is still buffered would fail again when Python exits
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            pass
    sys.exit(EXIT_CANNOT)


# -- the web page: serve ----------------------------------------------------


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, metavar="VÄRD")
@click.option("--port", default=8000, type=click.IntRange(0, 65535), show_default=True)
@click.option("--dir", "folder", metavar="MAPP")
@lang_option
def serve(host: str, port: int, folder: str | None, lang: str) -> None:
    """The web page (help: "help-serve")."""
    from toolkit.web import create_app
    from toolkit.web import server as serving

    serving.check_folder(folder)
    serving.sweep_uploads()
    app = create_app(folder, lang, host)
    server = serving.make_server(app, host, port)
    app.extensions["villkor"]["workers"].start()
    key = "serve-listening-remote" if serving.reachable_from_others(host) else "serve-listening"

    def ready() -> None:
        say(t(key, lang, url=serving.address(server)))
        if folder:
            say(t("serve-folder", lang, folder=folder))

    serving.run(server, ready)
    say(t("serve-stopped", lang), err=True)


def run_language(argv: list[str]) -> str:
    """The language of a run, known before click parses: the last --lang in ``argv``, else VILLKOR_LANG, else sv.

    ``--lang en`` and ``--lang=en`` count before or after the command's name
    (the command's own --lang comes later, so it wins over the group's); an
    unknown language gives sv, and click then says what is wrong with it.
    """
    lang = os.environ.get("VILLKOR_LANG", DEFAULT_LANG)
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in LANGUAGES else DEFAULT_LANG


def main(argv: list[str] | None = None, prog_name: str | None = None) -> None:
    """Entry point: run the command group, turning library errors into exit 2."""
    if argv is None:
        argv = sys.argv[1:]
    lang = run_language(argv)
    speak_click(lang)  # click's own words: usage, help and parse errors
    localise(cli, lang)
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    try:
        with _stop_cleanly(lang):
            cli.main(args=argv, prog_name=prog_name or "villkor", standalone_mode=False)
    except click.exceptions.Abort:
        say(click_gettext("Aborted!"), err=True)
        sys.exit(EXIT_CANNOT)
    except click.ClickException as exc:  # usage errors too, and bare `villkor`: its help, as click shows it
        exc.show(file=cast(Any, _PrintableStream()))  # what was typed is quoted: shown, never obeyed
        sys.exit(exc.exit_code)
    except VillkorError as exc:
        say(exc.format(lang), err=True)
        sys.exit(EXIT_CANNOT)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (SystemExit, KeyboardInterrupt):
        raise
    except OSError as exc:  # the library turns its own file errors into VillkorError: this is standard output
        if os.environ.get("VILLKOR_DEBUG"):
            raise
        _os_failed(exc, lang)
    except Exception as exc:  # a bug: say so briefly, never a traceback unless asked
        if os.environ.get("VILLKOR_DEBUG"):
            raise
        say(f"villkor: {t('cli-internal-error', lang, error=type(exc).__name__ + ': ' + str(exc))}", err=True)
        sys.exit(EXIT_CANNOT)
