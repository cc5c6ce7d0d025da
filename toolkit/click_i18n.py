"""click's own words (usage, help, errors) in the run's language.

click words its messages through the names ``_`` and ``ngettext`` that its
modules import from :mod:`gettext`. :func:`install` points those names at the
Swedish catalogue ``locale/sv/LC_MESSAGES/click.mo`` shipped with this package,
or at the identity for English; the process-wide gettext domain is left alone.
The catalogue is made from click's source by ``tools/click_po.py``.
"""

from __future__ import annotations

import gettext as _gettext
import sys

#: click's modules that import ``_`` or ``ngettext`` (those not imported yet are skipped).
MODULES = (
    "click.core", "click.decorators", "click.exceptions", "click.formatting", "click.parser",
    "click.types", "click.termui", "click.utils", "click.shell_completion", "click._termui_impl",
    "click._winconsole",
)

_catalogues: dict[str, _gettext.NullTranslations] = {}
_current: _gettext.NullTranslations = _gettext.NullTranslations()


def catalogue(lang: str) -> _gettext.NullTranslations:
    """click's messages in ``lang``: the shipped catalogue, or the identity when there is none."""
    found = _catalogues.get(lang)
    if found is None:
        found = _gettext.NullTranslations()
        if lang != "en":
            # the package's own loader reads the resource, from a folder or a zip alike;
            # importlib.resources would do the same at some 15 ms of imports on every run
            import io
            import pkgutil

            try:
                data = pkgutil.get_data("toolkit", f"locale/{lang}/LC_MESSAGES/click.mo")
            except OSError:  # no catalogue for this language: click's English
                data = None
            if data:
                found = _gettext.GNUTranslations(io.BytesIO(data))
        _catalogues[lang] = found
    return found


def install(lang: str) -> None:
    """From now on click speaks ``lang``. Cheap to call again: the catalogue is read once."""
    global _current
    _current = catalogue(lang)
    for name in MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = _current.gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = _current.ngettext  # type: ignore[attr-defined]


def gettext(message: str) -> str:
    """One of click's messages in the installed language (for the texts click fixes when a command is defined)."""
    return _current.gettext(message)
