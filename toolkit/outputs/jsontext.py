"""JSON text for the reports, fast, and written a piece at a time.

:func:`dumps` gives exactly what ``json.dumps(value, ensure_ascii=False,
indent=2)`` gives (the JSON contract and its golden files are written that
way), several times faster: the standard library writes indented JSON with
its slow pure-Python encoder, while this one does the strings with the C
encoder and the layout in one recursive pass. :func:`dumps_compact` is the C
encoder's own compact form, for outputs where no indentation is asked for.

:func:`nest` puts a piece written at the top level where it sits inside an
indented document, so a list of reports can be written one report at a time
and still come out byte for byte as if written whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_string = json.encoder.encode_basestring  # the C version where there is one
_INF = float("inf")


class Lazy:
    """A JSON array whose items are made one at a time as it is written
    (:func:`dump_parts`), so a list of ten thousand reports is never held whole."""

    def __init__(self, make: Callable[[], Iterable[Any]]):
        self.make = make

    def __iter__(self) -> Iterator[Any]:
        return iter(self.make())


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INF:
        return "Infinity"
    if o == -_INF:
        return "-Infinity"
    return float.__repr__(o)


def _key(k: Any) -> str:
    if isinstance(k, str):
        return _string(k)
    if k is True:
        return '"true"'
    if k is False:
        return '"false"'
    if k is None:
        return '"null"'
    if isinstance(k, int):
        return '"' + int.__repr__(k) + '"'
    if isinstance(k, float):
        return '"' + _float(k) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")


def _scalar(o: Any) -> str | None:
    """The JSON of a string, number, boolean or null; ``None`` for a list or mapping."""
    t = type(o)
    if t is str:
        return _string(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if t is int:
        return int.__repr__(o)
    if t is float:
        return _float(o)
    if isinstance(o, str):
        return _string(o)
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    if isinstance(o, (list, tuple, dict, Lazy)):
        return None
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def _write(o: Any, out: list[str], level: int) -> None:
    text = _scalar(o)
    if text is not None:
        out.append(text)
        return
    inner = "\n" + "  " * (level + 1)
    sep = "," + inner
    if isinstance(o, Lazy):
        o = list(o)
    if isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        lead = "{" + inner
        for k, v in o.items():
            head = lead + (_string(k) if type(k) is str else _key(k)) + ": "
            lead = sep
            text = _scalar(v)
            if text is not None:
                out.append(head + text)
            else:
                out.append(head)
                _write(v, out, level + 1)
        out.append("\n" + "  " * level + "}")
    else:
        if not o:
            out.append("[]")
            return
        # a list of plain values (the indexes of ten thousand reports) is one
        # piece: no string per item left waiting for the final join
        texts = []
        for item in o:
            text = _scalar(item)
            if text is None:
                break
            texts.append(text)
        else:
            out.append("[" + inner + sep.join(texts) + "\n" + "  " * level + "]")
            return
        lead = "[" + inner
        for item in o:
            text = _scalar(item)
            if text is not None:
                out.append(lead + text)
            else:
                out.append(lead)
                _write(item, out, level + 1)
            lead = sep
        out.append("\n" + "  " * level + "]")


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, the same text."""
    out: list[str] = []
    _write(value, out, 0)
    return "".join(out)


def dumps_compact(value: Any) -> str:
    """One line, no spaces: the C encoder's compact form."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def nest(text: str, level: int) -> str:
    """``text`` (JSON written at the top level with indent 2) as it is written
    ``level`` levels deep; a string in JSON never holds a raw line break."""
    return text.replace("\n", "\n" + "  " * level) if level else text


def dump_parts(value: dict[str, Any], compact: bool = False) -> Iterator[str]:
    """:func:`dumps` (``compact``: :func:`dumps_compact`) of a mapping, in
    pieces: each :class:`Lazy` value at its top level is written an item at
    a time. The pieces joined are the same text."""
    if not value:
        yield "{}"
        return
    lead = "{" if compact else "{\n  "
    for k, v in value.items():
        head = lead + (_key(k) if type(k) is not str else _string(k)) + (":" if compact else ": ")
        lead = "," if compact else ",\n  "
        if isinstance(v, Lazy):
            first = True
            for item in v:
                if compact:
                    yield (head + "[" if first else ",") + dumps_compact(item)
                else:
                    yield (head + "[\n    " if first else ",\n    ") + nest(dumps(item), 2)
                first = False
            yield head + "[]" if first else ("]" if compact else "\n  ]")
        else:
            yield head + (dumps_compact(v) if compact else nest(dumps(v), 1))
    yield "}" if compact else "\n}"
