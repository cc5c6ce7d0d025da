"""The web page's own templates, and the library's pages in the web page's frame.

The web templates (``toolkit/web/templates``) extend the outputs' base
template and share its style, filters and catalogue: their environment is an
overlay of :func:`toolkit.outputs.templating.environment` that looks in the
web templates first.

A page the library makes (a one-page verdict, the summary, a diff) is shown
as the library made it, whole: :meth:`Pages.wrap` only puts the navigation
after its ``<body>`` and the page's own additions (downloads, a link back)
before its closing ``</main>``. Whatever the library's pages learn to show
(amounts, charts) thus appears on the web page unchanged.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import jinja2

from toolkit.web.security import script_hash

#: The script each page ships, if any (inline, allowed by its hash).
SCRIPTS = {"check.html.j2": "_upload.js", "new.html.j2": "_upload.js"}


@lru_cache(maxsize=4)
def environment(lang: str) -> jinja2.Environment:
    from toolkit.outputs.templating import environment as outputs_environment

    base = outputs_environment(lang)
    loader = jinja2.ChoiceLoader([jinja2.PackageLoader("toolkit.web", "templates"), base.loader])  # type: ignore[list-item]
    return base.overlay(loader=loader)


@lru_cache(maxsize=4)
def script(name: str) -> tuple[str, str]:
    """A script shipped with the web page and its hash for the policy."""
    text = resources.files("toolkit.web").joinpath("templates", name).read_text(encoding="utf-8")
    return text, script_hash(text)


class Pages:
    """Renders the web page's templates and frames the library's pages."""

    def render(self, name: str, lang: str, **context: Any) -> str:
        shipped = SCRIPTS.get(name)
        text, digest = script(shipped) if shipped else (None, None)
        context.setdefault("script", text)
        context.setdefault("script_hash", digest)
        return environment(lang).get_template(name).render(**context)

    def wrap(self, document: str, lang: str, nav: dict[str, Any], extras: str = "") -> str:
        """``document`` (a whole page from the library) with the navigation and ``extras``."""
        bar = self.render("_nav.html.j2", lang, nav=nav)
        start = document.find("<body>")
        if start != -1:
            start += len("<body>")
            document = document[:start] + "\n" + bar + document[start:]
        end = document.rfind("</main>")
        if extras and end != -1:
            document = document[:end] + extras + document[end:]
        elif extras and "</body>" in document:
            end = document.rfind("</body>")
            document = document[:end] + extras + document[end:]
        return document
