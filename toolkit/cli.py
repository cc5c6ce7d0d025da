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
from typing import Any, Callable

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
        help="Språk för meddelanden och rapporter (sv eller en).",
    )(fn)


def output_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--output", "-o", metavar="FIL", help="Skriv till FIL i stället för standard ut ('-' = standard ut).")(fn)


def conditions_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--conditions", "-c", metavar="ID|SÖKVÄG", help="Villkorsbeslut att kontrollera mot (annars utkastets 'conditions').")(fn)


def emit(text: str, output: str | None, inputs: list[str], lang: str) -> None:
    """Write ``text`` to ``output`` (whole or not at all) or to standard output."""
    if output and output != "-":
        from toolkit.output import refuse_input_as_output, write_atomic

        refuse_input_as_output(output, inputs)
        write_atomic(output, text)
        click.echo(t("cli-wrote", lang, path=output), err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


class CannotCheck(click.ClickException):
    """A run that cannot go on: the message is shown as it is, exit status 2."""

    exit_code = EXIT_CANNOT

    def show(self, file: Any = None) -> None:
        click.echo(self.format_message(), err=True)


def refused(exc: Any, lang: str) -> None:
    """An incomplete draft that was not rendered: its findings, then exit 1."""
    from toolkit.report import format_text

    click.echo(format_text([exc.result], lang), err=True)
    click.echo(f"villkor: {exc.format(lang)}", err=True)
    sys.exit(EXIT_INCOMPLETE)


def remaining_warnings(result: Any, lang: str) -> None:
    """After writing a report or memo: say which warnings it still has."""
    warnings = [f for f in result.findings if f.severity == "warning"]
    if warnings and result.complete:
        click.echo(t("report-warnings", lang, file=result.file, n=len(warnings)), err=True)
        for f in warnings:
            click.echo(f"  {f.location(lang)}: {f.message(lang)}", err=True)


def fail(exc: VillkorError, lang: str) -> CannotCheck:
    return CannotCheck(exc.format(lang))


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="villkor", help="Visa versionen och avsluta.")
def cli() -> None:
    """Kontrollera, sammanfatta och rendera regionens återrapportering enligt
    årets villkorsbeslut för anslag 1:1.

    \b
    Exempel:
      villkor check reports/norrbotten-2017.md
      villkor render reports/norrbotten-2017.md --format html -o out/rapport.html
    """


@cli.command()
@click.argument("drafts", nargs=-1, required=True, metavar="UTKAST...")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md", "html"]), default="text", show_default=True,
              help="text för terminalen, json för skript, md/html för granskarens sammanfattning.")
@output_option
@click.option("--strict", is_flag=True, help="Varningar gör också utkastet ofullständigt (exit 1).")
@conditions_option
@lang_option
def check(drafts: tuple[str, ...], fmt: str, output: str | None, strict: bool, conditions: str | None, lang: str) -> None:
    """Kontrollera utkast mot villkorsbeslutet: vad saknas, var och enligt vilken punkt.

    Exit 0 komplett, 1 ofullständigt, 2 kan inte kontrolleras.
    """
    from toolkit.check import check_file
    from toolkit import report

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
        click.echo(exc.format(lang), err=True)
    if fmt == "json":
        text = report.format_json(results, lang, [_failure_dict(e, lang) for e in failures])
    elif fmt == "md":
        text = "\n".join(report.format_summary_md(r, lang) for r in results)
    elif fmt == "html":
        text = "".join(report.format_summary_html(r, lang) for r in results)
    else:
        to_tty = output in (None, "-") and sys.stdout.isatty()
        width = max(80, min(140, shutil.get_terminal_size((100, 24)).columns)) if to_tty else 100
        text = report.format_text(results, lang, width=width, color=to_tty and "NO_COLOR" not in os.environ)
        if len(drafts) > 1:
            complete = sum(1 for r in results if r.complete)
            text += t("batch-total", lang, drafts=len(drafts), complete=complete,
                      incomplete=len(results) - complete, failed=len(failures)) + "\n"
    if results or fmt == "json":
        try:
            emit(text, output, list(drafts), lang)
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
@click.option("--draft", "draft_mode", is_flag=True, help="Rendera även ett ofullständigt utkast, märkt 'Utkast – ofullständig'.")
@click.option("--strict", is_flag=True, help="Vägra rendera också när varningar kvarstår (t.ex. överförd text).")
@conditions_option
@lang_option
def render(draft: str, fmt: str, output: str | None, draft_mode: bool, strict: bool, conditions: str | None, lang: str) -> None:
    """Rendera den färdiga rapporten (Markdown eller HTML) från ett komplett utkast.

    Ett ofullständigt utkast vägras med exit 1 och dess brister, om inte --draft anges.
    """
    from toolkit.check import check_file
    from toolkit.errors import RenderRefused
    from toolkit import render as rendering

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
    """Villkorsbesluten: lista, visa, validera och jämför dem.

    \b
    Exempel:
      villkor conditions list
      villkor conditions show 2018
      villkor conditions validate
      villkor conditions diff 2017 2018 --format md
    """


@conditions_group.command(name="list")
@lang_option
def conditions_list(lang: str) -> None:
    """Lista kända villkorsbeslut: id, år, titel, tidsfrist och vilket beslut de bygger på."""
    from toolkit.conditions_report import format_list
    from toolkit.inherit import survey

    click.echo(format_list(survey(), lang), nl=False)


@conditions_group.command(name="show")
@click.argument("decision", metavar="ID|SÖKVÄG")
@lang_option
def conditions_show(decision: str, lang: str) -> None:
    """Visa ett beslut efter arv: avsnitt, underavsnitt, nyckeltal, regler och tidsfrist."""
    from toolkit.conditions import load_conditions
    from toolkit.conditions_report import format_outline

    click.echo(format_outline(load_conditions(decision), lang), nl=False)


@conditions_group.command(name="validate")
@click.argument("paths", nargs=-1, metavar="[FIL...]")
@lang_option
def conditions_validate(paths: tuple[str, ...], lang: str) -> None:
    """Validera villkorsfiler (standard: alla kända) och visa varje problem med fil och rad.

    Exit 0 om alla är giltiga, 2 om någon är ogiltig.
    """
    from pathlib import Path

    from toolkit.conditions import list_conditions, validate_paths
    from toolkit.conditions_report import format_validation

    files = [Path(p) for p in paths] or [p for _, p in list_conditions()]
    if not files:
        raise CannotCheck(t("validate-no-files", lang))
    results = validate_paths(files)
    click.echo(format_validation(results, lang), nl=False)
    sys.exit(EXIT_CANNOT if any(problems for _, problems in results) else EXIT_COMPLETE)


@conditions_group.command(name="diff")
@click.argument("old", metavar="GAMMALT")
@click.argument("new", metavar="NYTT")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text", show_default=True)
@output_option
@lang_option
def conditions_diff(old: str, new: str, fmt: str, output: str | None, lang: str) -> None:
    """Vad har ändrats mellan två beslut: avsnitt, nyckeltal, regler, tidsfrist och övriga uppgifter."""
    from toolkit.conditions import load_conditions
    from toolkit.conditions_report import format_diff
    from toolkit.diff import diff_conditions

    old_c, new_c = load_conditions(old), load_conditions(new)
    emit(format_diff(diff_conditions(old_c, new_c), fmt, lang), output, [str(p) for p in {*old_c.files, *new_c.files}], lang)


@cli.command(name="new")
@click.option("--conditions", "-c", "decision", required=True, metavar="ID|SÖKVÄG", help="Villkorsbeslutet som utkastet ska följa.")
@click.option("--region", required=True, metavar="NAMN", help='Regionens namn, t.ex. "Region Norrbotten".')
@click.option("--from", "last", metavar="FÖRRA_UTKASTET", help="Förra årets utkast: dess text förs över, markerad som överförd.")
@output_option
@click.option("--force", is_flag=True, help="Skriv över --output om filen redan finns.")
@lang_option
def new(decision: str, region: str, last: str | None, output: str | None, force: bool, lang: str) -> None:
    """Skapa ett nytt utkast med beslutets rubriker och vägledning, och förra årets text med --from."""
    from toolkit.conditions import load_conditions
    from toolkit.scaffold import new_draft, refuse_existing

    refuse_existing(output, force)
    emit(new_draft(load_conditions(decision), region, last, lang), output, [last] if last else [], lang)


# -- reviewers: summary, memo ----------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="SÖKVÄG...")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text", show_default=True)
@output_option
@click.option("--all", "all_places", is_flag=True, help="Text: visa alla platser för varje slags brist, inte bara de första.")
@click.option("--strict", is_flag=True, help="Varningar gör också en rapport ofullständig.")
@conditions_option
@lang_option
def summary(paths: tuple[str, ...], fmt: str, output: str | None, all_places: bool, strict: bool,
            conditions: str | None, lang: str) -> None:
    """Sammanställ många utkast: omdöme per rapport, matris över delarna, brister per slag.

    Mappar genomsöks rekursivt. Med --output FIL i html eller md skrivs varje
    rapports sammanfattning på en sida till mappen FIL-namn-files/ bredvid.
    Exit 0 alla kompletta, 1 någon ofullständig eller ej kontrollerbar, 2 inget kunde kontrolleras.
    """
    from toolkit import overview, summary as summarising

    to_file = bool(output) and output != "-"
    pages = summarising.Pages(output, fmt, lang, paths) if to_file and fmt in ("html", "md") else None  # type: ignore[arg-type]
    try:
        with _progress(paths, lang) as advance:
            result = summarising.summarise(paths, conditions, strict, on_result=pages, progress=advance)
        if not (result.rows or result.failed or result.skipped):
            raise CannotCheck(t("summary-nothing", lang, paths=", ".join(paths)))
        if to_file or not result.rows:
            for failure in result.failed:
                click.echo(VillkorError(failure.problems).format(lang), err=True)
        if not result.rows:  # nothing could be checked: write nothing
            sys.exit(EXIT_CANNOT)
        if fmt == "text":
            to_tty = not to_file and sys.stdout.isatty()
            width = max(100, min(200, shutil.get_terminal_size((160, 24)).columns)) if to_tty else 160
            text = overview.format_text(result, lang, width, to_tty and "NO_COLOR" not in os.environ, all_places)
        else:
            text = {"json": overview.format_json, "md": overview.format_md, "html": overview.format_html}[fmt](result, lang)
        emit(text, output, list(paths) + result.inputs, lang)
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
    from toolkit.summary import count_drafts

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
@click.option("--draft", "draft_mode", is_flag=True, help="Skriv underlaget även för ett ofullständigt utkast, märkt 'Utkast – ofullständig'.")
@conditions_option
@lang_option
def memo(draft: str, fmt: str, output: str | None, draft_mode: bool, conditions: str | None, lang: str) -> None:
    """Utskottets beslutsunderlag för att godkänna återrapporteringen (som § 29 i protokollet).

    Uppgifter som bara utskottet har (paragraf, utskott, styrelse, mötesdatum,
    yttrande, mottagare) hämtas från utkastets front matter under memo:; det
    som saknas visas som en lucka att fylla i. Ett ofullständigt utkast vägras
    med exit 1, om inte --draft anges.
    """
    from toolkit.check import check_file
    from toolkit.errors import RenderRefused
    from toolkit import memo as memos

    try:
        result = check_file(draft, conditions)
        made = (memos.render_memo_html if fmt == "html" else memos.build_memo)(result, lang, draft_mode)
    except RenderRefused as exc:
        refused(exc, lang)
    emit(made.text, output, [draft], lang)
    if made.gaps:
        click.echo(t("memo-gaps", lang, n=len(made.gaps), keys=", ".join(made.gaps)), err=True)


# -- Word drafts: convert --------------------------------------------------


@cli.command()
@click.argument("draft", metavar="UTKAST.docx")
@output_option
@lang_option
def convert(draft: str, output: str | None, lang: str) -> None:
    """Gör om ett Word-utkast (.docx) till ett Markdown-utkast som kontrolleras likadant.

    Utan --output skrivs Markdown till standard ut; Word-filen ändras aldrig.
    """
    from toolkit.convert import convert_docx

    emit(convert_docx(draft), output, [draft], lang)


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
    try:
        cli.main(args=argv, prog_name=prog_name or "villkor", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(t("cli-aborted", lang), err=True)
        sys.exit(EXIT_CANNOT)
    except click.UsageError as exc:
        # click's own sentence stays as click words it; the frame around it is ours
        if exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
            click.echo(t("cli-try-help", lang, command=exc.ctx.command_path), err=True)
        click.echo(f"\n{t('cli-error', lang).capitalize()}: {exc.format_message()}", err=True)
        sys.exit(EXIT_CANNOT)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except VillkorError as exc:
        click.echo(exc.format(lang), err=True)
        sys.exit(EXIT_CANNOT)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except (SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:  # a bug: say so briefly, never a traceback unless asked
        if os.environ.get("VILLKOR_DEBUG"):
            raise
        click.echo(f"villkor: {t('cli-internal-error', lang, error=type(exc).__name__ + ': ' + str(exc))}", err=True)
        sys.exit(EXIT_CANNOT)
