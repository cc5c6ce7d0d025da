"""The web page (``villkor serve``): the library behind a few forms and pages,
for people who write in Word and do not open a terminal.

* :mod:`toolkit.web.app`: the Flask application (:func:`create_app`), its
  pages and error pages; every sentence comes from :mod:`toolkit.messages`.
* :mod:`toolkit.web.downloads`: the one table of what a checked upload can be
  downloaded as (label, format, library function).
* :mod:`toolkit.web.cache`: finished downloads kept in memory for a short time
  under a random token, bounded by count, bytes and age.
* :mod:`toolkit.web.folder`: a folder's summary, checked again when its files change.
* :mod:`toolkit.web.security`: headers, Content-Security-Policy, form tokens.
* :mod:`toolkit.web.server`: waitress, and stopping it cleanly.

Flask is imported only by :mod:`toolkit.web.app`: never on the command
line's other paths, nor in the worker processes.
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """The Flask application: :func:`toolkit.web.app.create_app`."""
    from toolkit.web.app import create_app as make

    return make(*args, **kwargs)


__all__ = ["create_app"]
