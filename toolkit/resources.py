"""Where the tool finds its bundled data and keeps its cache.

The decisions (``conditions/``) and the Cerberus schemas (``schemas/``) sit at
the top of the repository, where people edit them, and are shipped inside the
package (``toolkit/data/``) when a wheel is built. :func:`bundled` finds them
either way: through :mod:`importlib.resources` in an installed package, or
beside the package in a source checkout.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

#: Environment variable naming the cache folder (default
#: ``$XDG_CACHE_HOME/villkor`` or ``~/.cache/villkor``).
CACHE_ENV = "VILLKOR_CACHE_DIR"

_BUNDLED: dict[str, Path] = {}


def bundled(kind: str) -> Path:
    """The folder of bundled ``conditions`` or ``schemas``."""
    found = _BUNDLED.get(kind)
    if found is None:
        shipped = resources.files("toolkit") / "data" / kind
        if shipped.is_dir():
            found = Path(str(shipped))
        else:  # a source checkout: the folders beside the package
            found = Path(__file__).resolve().parent.parent / kind
        _BUNDLED[kind] = found
    return found


def schema_file(name: str) -> Path:
    """A Cerberus schema shipped with the tool: ``draft`` or ``conditions``."""
    return bundled("schemas") / f"{name}.yaml"


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "villkor"
