"""A check result as plain data, and back.

A batch sends each result from the process that checked it to the one that
writes the outputs, and keeps it in the result cache, as :func:`to_data`
makes it: JSON-ready data (strings, numbers, lists and mappings), never a
pickle, never code. :func:`from_data` builds the result again from it.

What a result keeps of its draft is what the outputs use: the path and name,
the front matter and how places are counted. The draft's text (its lines,
headings and everything read from them) is not kept; a detached result says
so loudly (:data:`NOT_KEPT`) to anything that reaches for it, rather than
hand out an empty text. The decision is not kept either: it is named, and
the batch gives the one it loaded.

The encoding covers every field of the result's dataclasses, whatever fields
they get later: a value it cannot say exactly (a type it does not know)
raises :class:`TypeError`, and the caller then does without the data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import operator
import sys
from decimal import Decimal
from pathlib import Path, PurePath
from typing import Any

from toolkit.checking.results import CheckResult, Extra, FigureResult, Finding, SectionResult
from toolkit.decisions.model import Conditions
from toolkit.drafts.model import Draft

#: Version of the encoding: data of another version is never read.
FORMAT = 1

#: The dataclasses a result is made of, by the name the data gives them.
CLASSES: dict[str, type[Any]] = {c.__name__: c for c in (CheckResult, Finding, SectionResult, FigureResult, Extra)}

#: The fields a detached draft keeps; every other field is :data:`NOT_KEPT`.
DRAFT_KEPT = ("path", "name", "meta", "kind", "unit", "conditions_supplied")


class NotKept:
    """What a detached result does not keep (the draft's lines, headings, the
    places of its front-matter values): any use of it raises
    :class:`LookupError` rather than give an empty or wrong answer."""

    __slots__ = ()

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise LookupError("a batch result does not keep the draft's text; check the file itself for that")

    __getattr__ = __getitem__ = __iter__ = __len__ = __bool__ = __contains__ = __call__ = _refuse

    def __repr__(self) -> str:
        return "NOT_KEPT"


NOT_KEPT: Any = NotKept()


def detach(draft: Draft) -> Draft:
    """A copy of ``draft`` with only :data:`DRAFT_KEPT`."""
    kept = {f.name: getattr(draft, f.name) if f.name in DRAFT_KEPT else NOT_KEPT for f in dataclasses.fields(Draft)}
    return Draft(**kept)


def to_data(result: CheckResult) -> dict[str, Any]:
    """``result`` as JSON-ready data; raises :class:`TypeError` for a value it cannot encode exactly."""
    return {"format": FORMAT, "result": _Encoder().value(result)}


def from_data(data: dict[str, Any], conditions: Conditions) -> CheckResult:
    """The result :func:`to_data` made ``data`` from, with ``conditions`` as
    its decision and a detached draft. Raises :class:`ValueError` for data
    that is not such an encoding."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a result of this format")
    try:
        result = _Decoder(conditions).value(data["result"])
    except (KeyError, TypeError, AttributeError, IndexError, ArithmeticError) as exc:
        raise ValueError(f"damaged result data: {type(exc).__name__}") from None
    if not isinstance(result, CheckResult):
        raise ValueError("not a check result")
    return result


def encode(value: Any) -> Any:
    """Any value made of a result's parts (findings, section and figure
    results) as JSON-ready data; :class:`TypeError` for what it cannot say exactly."""
    return _Encoder().value(value)


def decode(data: Any, conditions: Conditions | None = None) -> Any:
    """The value :func:`encode` made ``data`` from; :class:`ValueError` for data that is not such."""
    try:
        return _Decoder(conditions).value(data)
    except (KeyError, TypeError, AttributeError, IndexError, ArithmeticError) as exc:
        raise ValueError(f"damaged data: {type(exc).__name__}") from None


def conditions_of(data: dict[str, Any]) -> str | None:
    """The id of the decision ``data``'s result was checked against."""
    try:
        return str(data["result"]["f"]["conditions"]["$conditions"])
    except (KeyError, TypeError):
        return None


#: Each class's field names, in order (looked up once, not for every object).
_FIELDS: dict[type[Any], tuple[str, ...]] = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in CLASSES.values()}
#: Each class's field values as a tuple, in that order (works with slots too).
_VALUES = {cls: operator.attrgetter(*names) for cls, names in _FIELDS.items()}
_SCALARS = (str, int, bool, type(None))


class _Encoder:
    def __init__(self) -> None:
        # objects met before, by identity: a section's findings are the result's own
        self.seen: dict[int, int] = {}
        self.keep: list[Any] = []  # ids stay unique while the encoder lives

    def value(self, v: Any) -> Any:
        t = type(v)
        if t in _SCALARS:
            return v
        if t is list:
            return [x if type(x) in _SCALARS else self.value(x) for x in v]
        if t is dict:
            if all(type(k) is str and k[:1] != "$" for k in v):
                return {k: x if type(x) in _SCALARS else self.value(x) for k, x in v.items()}
            return {"$map": [[self.value(k), self.value(x)] for k, x in v.items()]}
        names = _FIELDS.get(t)
        if names is not None:
            ref = self.seen.get(id(v))
            if ref is not None:
                return {"$ref": ref}
            self.seen[id(v)] = len(self.keep)
            self.keep.append(v)
            values = _VALUES[t](v)
            return {"$obj": t.__name__,
                    "f": {name: x if type(x) in _SCALARS else self.value(x) for name, x in zip(names, values)}}
        if t is float:
            return v if math.isfinite(v) else {"$float": repr(v)}
        if t is tuple:
            return {"$tuple": [self.value(x) for x in v]}
        if t is Decimal:
            return {"$dec": str(v)}
        if t is dt.datetime:
            return {"$datetime": v.isoformat()}
        if t is dt.date:
            return {"$date": v.isoformat()}
        if isinstance(v, PurePath):
            return {"$path": str(v)}
        if t is Conditions:
            return {"$conditions": v.id}
        if t is Draft:
            return {"$draft": {name: self.value(getattr(v, name)) for name in DRAFT_KEPT}}
        raise TypeError(f"cannot keep a {t.__name__} in result data")


_PLAIN = (str, int, bool, float, type(None))
_intern = sys.intern


class _Decoder:
    def __init__(self, conditions: Conditions | None) -> None:
        self.conditions = conditions
        self.objects: list[Any] = []

    def value(self, v: Any) -> Any:
        # text is interned: a summary keeps every finding, and their codes,
        # file names and references are the same few strings again and again
        t = type(v)
        if t is str:
            return _intern(v)
        if t in _PLAIN:
            return v
        if t is list:
            return [_intern(x) if type(x) is str else x if type(x) in _PLAIN else self.value(x) for x in v]
        if t is not dict:
            raise TypeError(t.__name__)
        cls_name = v.get("$obj")
        if cls_name is not None:
            cls = CLASSES[cls_name]
            slot = len(self.objects)
            self.objects.append(None)
            given = v["f"]
            names = _FIELDS[cls]
            if len(given) != len(names):
                raise TypeError("fields differ")
            obj = cls(**{name: _intern(x) if type(x) is str else x if type(x) in _PLAIN else self.value(x)
                         for name in names for x in (given[name],)})
            self.objects[slot] = obj
            return obj
        if len(v) == 1:
            ((tag, x),) = v.items()
            if tag[:1] == "$":
                return self._tagged(tag, x)
        if any(k[:1] == "$" for k in v):
            raise TypeError("unknown tag")
        return {_intern(k): _intern(x) if type(x) is str else x if type(x) in _PLAIN else self.value(x) for k, x in v.items()}

    def _tagged(self, tag: str, x: Any) -> Any:
        if tag == "$ref":
            return self.objects[x]
        if tag == "$dec":
            return Decimal(x)
        if tag == "$tuple":
            return tuple(self.value(y) for y in x)
        if tag == "$map":
            return {self.value(k): self.value(y) for k, y in x}
        if tag == "$float":
            return float(x)
        if tag == "$datetime":
            return dt.datetime.fromisoformat(x)
        if tag == "$date":
            return dt.date.fromisoformat(x)
        if tag == "$path":
            return Path(x)
        if tag == "$conditions":
            if self.conditions is None or x != self.conditions.id:
                raise TypeError("another decision")
            return self.conditions
        if tag == "$draft":
            kept = {name: self.value(x[name]) for name in DRAFT_KEPT}
            if not isinstance(kept["path"], Path):
                raise TypeError("a draft without its path")
            fields = {f.name: kept[f.name] if f.name in DRAFT_KEPT else NOT_KEPT for f in dataclasses.fields(Draft)}
            return Draft(**fields)
        raise TypeError("unknown tag")
