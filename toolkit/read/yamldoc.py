"""Load YAML with the line of every value, refusing duplicate keys and bombs.

PyYAML composes a node graph whose marks give each value's line; we build
plain Python data from it ourselves so that:

* every mapping key and list item gets its line, recorded in ``lines`` under
  its path (a tuple of keys and indexes), which is how errors name a line;
* a duplicate key is an error, not last-one-wins;
* aliases are followed with a budget, so an alias bomb is refused instead of
  expanding to gigabytes;
* only plain data comes out (no Python objects, no tags executed);
* numbers are read the way a person means them: YAML 1.1 reads ``0123`` as
  octal 83, ``1:28:00`` as 5280 (base 60) and ``0x1F`` as 31, which nobody
  writing a reference number or an amount means, so such plain scalars stay
  text as written; ``lines`` has a sibling ``raw`` with the source text of
  every number, so amounts can be read from what was written (``88.000`` is
  88 000 kronor to a Swede, not 88.0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from toolkit.errors import InputError, Problem

try:  # the C parser is several times faster; fall back when libyaml is absent
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

#: Most nodes (after following aliases) that one document may expand to.
MAX_NODES = 50_000
#: Deepest nesting accepted.
MAX_DEPTH = 64

Path_ = tuple[Any, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "merge")
}

#: Plain scalars that YAML 1.1 resolves to numbers and that mean that number
#: to a person: decimal without a leading zero (``1_000`` too), and decimal
#: fractions. Anything else YAML 1.1 calls a number (``0123`` octal, ``0x1F``,
#: ``0b11``, ``1:28:00`` base 60, ``00.5``) is kept as the text written.
_DECIMAL_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_DECIMAL_FLOAT = re.compile(r"^[-+]?(?:(?:0|[1-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF|nan|NaN|NAN))$")
_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"


@dataclass
class YamlDoc:
    """Plain data from a YAML document, and the line of each path in it."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    first_line: int = 1
    #: the source text of every value that was read as a number, by path
    raw: dict[Path_, str] = field(default_factory=dict)
    #: the text as written of each value YAML read as true or false (``yes``,
    #: ``NO``, ``on``): messages quote what the writer wrote, not ``True``
    booleans: dict[Path_, str] = field(default_factory=dict)
    #: SHA-256 (hex) of the text the document was read from, where the reader
    #: keeps it (decisions: the result cache knows a decision by it)
    digest: str = ""

    def line(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), self.first_line)


class _Builder:
    def __init__(self, name: str, offset: int):
        self.name = name
        self.offset = offset
        self.count = 0
        self.lines: dict[Path_, int] = {}
        self.raw: dict[Path_, str] = {}
        self.booleans: dict[Path_, str] = {}
        self.problems: list[Problem] = []
        self._scalar = yaml.SafeLoader("")  # only its scalar constructors are used

    def line_of(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise InputError.of("yaml-too-many-nodes", self.name, self.line_of(node), limit=MAX_NODES)
        if depth > MAX_DEPTH:
            raise InputError.of("yaml-too-deep", self.name, self.line_of(node), limit=MAX_DEPTH)
        self.lines.setdefault(path, self.line_of(node))
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(Problem("yaml-tag", {"tag": node.tag}, self.name, self.line_of(node)))
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem("yaml-complex-key", {}, self.name, self.line_of(key_node)))
                    continue
                key = self._construct_scalar(key_node)
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.problems.append(Problem("yaml-merge-key", {}, self.name, self.line_of(key_node)))
                    continue
                if not isinstance(key, (str, int, bool)) or key is None:
                    key = str(key)
                if key in out:
                    self.problems.append(
                        Problem("yaml-duplicate-key", {"key": key, "first": self.lines.get(path + (key,))}, self.name, self.line_of(key_node))
                    )
                    continue
                self.lines[path + (key,)] = self.line_of(key_node)
                out[key] = self.build(value_node, path + (key,), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        value = self._construct_scalar(node)
        if isinstance(value, bool):
            self.booleans[path] = str(node.value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.raw[path] = node.value
        return value

    def _construct_scalar(self, node: yaml.Node) -> Any:
        if node.tag == _INT_TAG and not _DECIMAL_INT.match(node.value):
            return node.value  # 0123, 0x1F, 1:28:00: text as written, never reinterpreted
        if node.tag == _FLOAT_TAG and not _DECIMAL_FLOAT.match(node.value):
            return node.value  # 1:28:00.5, 00.5
        try:
            return self._scalar.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as exc:
            self.problems.append(Problem("yaml-bad-value", {"problem": exc.problem or str(exc)}, self.name, self.line_of(node)))
            return None
        except ValueError:  # an impossible date such as 2018-02-30
            self.problems.append(Problem("yaml-bad-value", {"problem": node.value}, self.name, self.line_of(node)))
            return None


#: PyYAML's problems that people make most often, said in the catalogue's words
_KNOWN_PROBLEMS = (
    ("did not find expected ',' or ']'", "yaml-p-flow-seq"),
    ("did not find expected ',' or '}'", "yaml-p-flow-map"),
    ("found character '\\t' that cannot start any token", "yaml-p-tab"),
    ("found a tab character", "yaml-p-tab"),
    ("mapping values are not allowed", "yaml-p-colon"),
    ("found unexpected end of stream", "yaml-p-eof"),
    ("found undefined alias", "yaml-p-alias"),
    ("could not find expected ':'", "yaml-p-no-colon"),
    ("expected <block end>", "yaml-p-indent"),
    ("found unknown escape character", "yaml-p-escape"),
    ("did not find expected key", "yaml-p-indent"),
    ("did not find expected '-' indicator", "yaml-p-indent"),
    ("found character that cannot start any token", "yaml-p-token"),
    ("but found another document", "yaml-p-document"),
    ("did not find expected node content", "yaml-p-node"),
    ("found unexpected ':'", "yaml-p-colon"),
)


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str, offset: int) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 + offset if mark is not None else None
    start = exc.context_mark.line + 1 + offset if exc.context_mark is not None else line
    problem = (exc.problem or exc.context or "").strip()
    for prefix, key in _KNOWN_PROBLEMS:
        if problem.startswith(prefix):
            return Problem(key, {"start": start}, name, line)
    return Problem("yaml-syntax", {"problem": problem}, name, line)


def _count_events(text: str, name: str, offset: int) -> None:
    """Refuse a document with more values than :data:`MAX_NODES` before it is
    composed: PyYAML builds every node (with two marks each) first, and a
    flow list of four million items took a minute and more than a gigabyte
    before the budget in :class:`_Builder` could say no. Each value is at
    most two events (a collection's start and end), so past ``2 * MAX_NODES``
    the document certainly expands to more than ``MAX_NODES``."""
    for n, event in enumerate(yaml.parse(text, Loader=_Loader)):
        if n > 2 * MAX_NODES + 4:  # + the stream's and the document's start and end
            mark = event.start_mark
            raise InputError.of("yaml-too-many-nodes", name, (mark.line if mark else 0) + 1 + offset, limit=MAX_NODES)


def load_yaml(text: str, name: str, line_offset: int = 0) -> YamlDoc:
    """Parse one YAML document from ``text``.

    ``name`` is the file named in errors; ``line_offset`` is added to every line
    (front matter starts after the opening ``---``). Raises :class:`InputError`
    with every problem found (all duplicate keys, not just the first).
    """
    try:
        _count_events(text, name, line_offset)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise InputError(_syntax_problem(exc, name, line_offset)) from None
    except yaml.YAMLError as exc:
        raise InputError.of("yaml-syntax", name, line_offset + 1, problem=str(exc)) from None
    except RecursionError:
        raise InputError.of("yaml-too-deep", name, line_offset + 1, limit=MAX_DEPTH) from None
    if node is None:
        return YamlDoc(None, {(): line_offset + 1}, line_offset + 1)
    builder = _Builder(name, line_offset)
    try:
        data = builder.build(node, (), 0)
    except RecursionError:
        raise InputError.of("yaml-too-deep", name, line_offset + 1, limit=MAX_DEPTH) from None
    if builder.problems:
        raise InputError(builder.problems)
    return YamlDoc(data, builder.lines, line_offset + 1, builder.raw, builder.booleans)
