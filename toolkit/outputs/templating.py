"""The one Jinja2 environment factory.

Templates live in ``toolkit/outputs/templates``: one entry template per output
(``report.md.j2``, ``report.html.j2``, ``summary.md.j2``, ...), partials named
``_something``. HTML templates (``*.html.j2``) are autoescaped; Markdown
templates are not (their output is sanitised after conversion to HTML).
Undefined variables are errors. Text from drafts and decisions is only ever
passed in as data, never compiled as a template.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Any

import jinja2

from toolkit.messages import t
from toolkit.read.files import note_read


class _Loader(jinja2.PackageLoader):
    """The package's templates, each noted as an input of the run when it is
    loaded, so that no ``--output`` can overwrite the template it came from."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool] | None]:
        source, filename, uptodate = super().get_source(environment, template)
        if filename:
            note_read(filename)
        return source, filename, uptodate


def _autoescape(name: str | None) -> bool:
    return bool(name) and name.endswith((".html.j2", ".html"))  # type: ignore[union-attr]


def format_date(value: Any, lang: str = "sv") -> str:
    """``25 februari 2018`` (sv) or ``25 February 2018`` (en); text is kept as is."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        from babel.dates import format_date as babel_date

        return babel_date(value, format="d MMMM y", locale=lang)
    return "" if value is None else str(value)


def format_number(value: Any, lang: str = "sv") -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale="sv_SE" if lang == "sv" else "en_GB")


def format_percent(value: float, lang: str = "sv") -> str:
    from babel.numbers import format_percent as babel_percent

    return babel_percent(value, locale="sv_SE" if lang == "sv" else "en_GB")


@lru_cache(maxsize=4)
def environment(lang: str = "sv") -> jinja2.Environment:
    """The template environment for ``lang``; ``t`` is the message catalogue."""
    env = jinja2.Environment(
        loader=_Loader("toolkit.outputs", "templates"),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["t"] = lambda key, **kw: t(key, lang, **kw)
    env.globals["lang"] = lang
    env.filters["date"] = lambda v: format_date(v, lang)
    env.filters["number"] = lambda v: format_number(v, lang)
    env.filters["percent"] = lambda v: format_percent(v, lang)

    def amount(value: Decimal | None, unit: str = "kr") -> str:
        from toolkit.read.amounts import format_amount

        return "" if value is None else format_amount(value, unit, "sv_SE" if lang == "sv" else "en_GB")

    env.filters["amount"] = amount
    env.filters["plain"] = lambda v: format(Decimal(v).normalize(), "f")
    env.filters["yamlstr"] = lambda v: json.dumps(str(v), ensure_ascii=False)
    env.filters["mdcell"] = lambda v: str(v).replace("|", "\\|").replace("\n", " ")
    return env


def render_template(name: str, lang: str = "sv", **context: Any) -> str:
    return environment(lang).get_template(name).render(**context)
