"""villkor: check, summarise and render the yearly report under a conditions decision.

The pipeline, one subpackage a stage (the README's developer section says more):

* :mod:`toolkit.read`: files, YAML with line numbers, text and amounts
* :mod:`toolkit.decisions`: the decision model, loading, inheritance, diff
* :mod:`toolkit.drafts`: Markdown and Word drafts
* :mod:`toolkit.checking`: results, finding codes, heading matching, the checker
* :mod:`toolkit.outputs`: reports, summaries, memo, render, scaffold
* :mod:`toolkit.cli`: the ``villkor`` command on top

For scripts::

    from toolkit import check_file, load_conditions
    result = check_file("utkast.md")
    print(result.complete, [f.code for f in result.findings])

The names below are imported when first used, so ``import toolkit`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_PUBLIC = {
    "check_file": "toolkit.checking.checker",
    "check_draft": "toolkit.checking.checker",
    "Checker": "toolkit.checking.checker",
    "CheckResult": "toolkit.checking.results",
    "Finding": "toolkit.checking.results",
    "CODES": "toolkit.checking.codes",
    "load_conditions": "toolkit.decisions.load",
    "list_conditions": "toolkit.decisions.source",
    "Conditions": "toolkit.decisions.model",
    "diff_conditions": "toolkit.decisions.diff",
    "parse_draft": "toolkit.drafts.parse",
    "Draft": "toolkit.drafts.model",
    "VillkorError": "toolkit.errors",
    "Problem": "toolkit.errors",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
