"""What the worker processes do (:mod:`toolkit.web.workers`): plain arguments
in, data out. Each task is the library's own functions, in the order the
command line calls them; nothing here decides what a report says.

Uploads are read with :func:`~toolkit.decisions.load.decisions_by_id_only`,
so a file can name its decision only by id, never make the worker read a
file elsewhere on the machine.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.web.downloads import DOWNLOADS, TEMPLATE_FORMATS, Checked, safe_stem

#: Messages that speak of the command line's options, and what the web page
#: says instead (the finding or problem is the same; only its words differ).
WEB_WORDS = {
    "cli-no-conditions": "web-no-conditions",
    "conditions-override-missing": "web-conditions-override-missing",
    "conditions-override-differs": "web-conditions-override-differs",
    "draft-conditions-path": "web-conditions-path",
}


@dataclass
class Made:
    """A checked upload, as the page needs it: the verdict page, every download
    that could be made, and why any other could not."""

    verdict: str
    complete: bool
    #: (key, file name, mimetype, data), in the table's order
    files: list[tuple[str, str, str, bytes]]
    #: (key, the problems that stopped it)
    failed: list[tuple[str, list[Any]]]


def check_upload(path: str, name: str, conditions: str | None, strict: bool, lang: str) -> Made:
    """Check the upload at ``path`` (called ``name``) and make every download."""
    from toolkit.checking.checker import check_file
    from toolkit.decisions.load import decisions_by_id_only
    from toolkit.errors import VillkorError
    from toolkit.outputs.report import format_summary_html
    from toolkit.read.files import forget

    with decisions_by_id_only():
        try:
            result = check_file(path, conditions, strict, name=name)
            for finding in result.findings:
                finding.key = WEB_WORDS.get(finding.key, finding.key)
            checked = Checked(result, Path(path), name, conditions, lang)
            stem = safe_stem(name)
            files, failed = [], []
            for d in DOWNLOADS:
                if not d.offered(checked):
                    continue
                try:
                    made = d.make(checked)
                except VillkorError as exc:
                    failed.append((d.key, list(exc.problems)))
                    continue
                files.append((d.key, stem + d.suffix, d.mimetype, made.encode("utf-8") if isinstance(made, str) else made))
            return Made(format_summary_html(result, lang), result.complete, files, failed)
        finally:
            forget(path)


def make_template(key: str, conditions: str, region: str, last: str | None, last_name: str | None, lang: str) -> tuple[str, bytes]:
    """Next year's template in the format ``key``: (file name, data)."""
    from toolkit.decisions.load import decisions_by_id_only, load_conditions
    from toolkit.read.files import forget

    fmt = next(f for f in TEMPLATE_FORMATS if f.key == key)
    with decisions_by_id_only():
        try:
            c = load_conditions(conditions)
            made = fmt.make(c, region, Path(last) if last else None, last_name, lang)
        finally:
            if last:
                forget(last)
    data = made.encode("utf-8") if isinstance(made, str) else made
    return f"{safe_stem(region, 'region')}-{c.year or c.id}{fmt.suffix}", data




def summarise_folder(folder: str) -> Any:
    """The :class:`~toolkit.outputs.summary.Summary` of every draft under ``folder``."""
    from toolkit.outputs.summary import summarise

    return summarise([folder])


def verdict_page(file: str, lang: str) -> str:
    """The one-page verdict on one draft of the folder (as ``check --format html``)."""
    from toolkit.checking.checker import check_file
    from toolkit.outputs.report import format_summary_html

    return format_summary_html(check_file(file), lang)
