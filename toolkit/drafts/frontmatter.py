"""Parse a Markdown draft: YAML front matter, then sections under headings.

A draft is Markdown with YAML front matter (``conditions``, ``region``,
``figures`` and optional metadata; see ``schemas/draft.yaml``). Any ATX
(``#``..``######``) or setext heading starts a section; headings inside fenced
code blocks do not, and text inside HTML comments is not the writer's text.
Every heading keeps its line number, and every front-matter value its line.
"""

from __future__ import annotations

from typing import Any

from toolkit.errors import DraftError, Problem
from toolkit.read.files import read_text
from toolkit.read.yamldoc import YamlDoc, load_yaml
from toolkit.resources import schema_file

_SCHEMA: dict[str, Any] | None = None


def front_matter_schema() -> dict[str, Any]:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = load_yaml(read_text(schema_file("draft")), str(schema_file("draft"))).data
    return _SCHEMA


_VALIDATOR: Any = None


def _front_matter_validator() -> Any:
    """One validator for every draft: building one checks the schema, which
    costs more than validating a front matter (it matters for batches)."""
    global _VALIDATOR
    if _VALIDATOR is None:
        import cerberus

        from toolkit.read.validation import BoundedValidator

        class FrontMatterValidator(BoundedValidator):
            # an id is text or a whole number such as 2017, never true/false
            types_mapping = {**cerberus.Validator.types_mapping,
                             "id": cerberus.TypeDefinition("id", (str, int), (bool,))}

        _VALIDATOR = FrontMatterValidator(front_matter_schema())
    return _VALIDATOR


#: Front-matter values that are identifiers: text as written, even when they
#: look like numbers (``diarienummer: 0123`` is "0123", ``paragraf: 017`` is "017")
IDENTIFIERS: tuple[tuple[str, ...], ...] = (("conditions",), ("diarienummer",), ("memo", "paragraf"))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def values_as_written(meta: Any, doc: YamlDoc) -> None:
    """Read identifiers and amounts as the person wrote them: an identifier
    that YAML read as a number becomes the text written, and so does an
    amount, which is then read from that text (``88.000`` is 88 000 kronor)."""
    if not isinstance(meta, dict):
        return
    for path in IDENTIFIERS:
        parent: Any = meta
        for key in path[:-1]:
            parent = parent.get(key) if isinstance(parent, dict) else None
        if isinstance(parent, dict) and _is_number(parent.get(path[-1])):
            parent[path[-1]] = doc.raw.get(path, str(parent[path[-1]]))
    figures = meta.get("figures")
    if isinstance(figures, dict):
        for key, value in figures.items():
            if _is_number(value):
                figures[key] = doc.raw.get(("figures", key), str(value))


def supply_conditions(meta: Any, conditions: str | None) -> bool:
    """Fill in a missing ``conditions`` with the decision given on the command
    line (``--conditions``); True when it was supplied."""
    if conditions and isinstance(meta, dict) and meta.get("conditions") in (None, ""):
        meta["conditions"] = conditions
        return True
    return False


#: Front-matter values that may run over many lines (Markdown text).
MANY_LINES = {("memo", "yttrande")}


def validate_front_matter(meta: Any, doc: YamlDoc, name: str, labels: dict[str, str] | None = None,
                          more_labels: list[str] | None = None) -> dict[str, Any]:
    """Check the front matter's shape; raise :class:`DraftError` with every problem.

    ``labels`` is given for a Word draft: the label each key had in the facts
    table (``{"conditions": "Villkorsbeslut"}``), so that the messages name the
    row the writer wrote, and ``more_labels`` the other labels a row may have
    (the figures'), for a "did you mean"."""
    if meta is None:
        raise DraftError.of("draft-front-matter-empty", name, doc.first_line)
    if not isinstance(meta, dict):
        raise DraftError.of("draft-front-matter-not-mapping", name, doc.first_line)
    schema = front_matter_schema()
    v = _front_matter_validator()
    problems = []
    if not v.validate(meta, normalize=False):
        from toolkit.read.validation import to_problems

        problems = [explain(p, meta, schema, labels, more_labels or []) for p in to_problems(v._errors, doc, name, schema)]
    problems += one_line_problems(meta, doc, name)
    if problems:
        raise DraftError(sorted(problems, key=lambda p: p.line or 0))
    return meta


def one_line_problems(meta: dict[str, Any], doc: YamlDoc, name: str) -> list[Problem]:
    """Facts are one line of plain text: a line break in ``region`` would
    start a heading of its own in the report, a control character is invisible
    and a reordering character can show "12" as "21". Figures are checked as
    amounts, and the memo's statement is Markdown over many lines."""
    from toolkit.read.validation import dotted

    out = []

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        if path[:1] == ("figures",) or path in MANY_LINES:
            return
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))
        elif isinstance(value, str):
            problem = unsafe_value(value, dotted(path))
            if problem is not None:
                problem.file, problem.line = name, doc.line(path)
                out.append(problem)

    walk(meta, ())
    return out


def unsafe_value(text: str, what: str) -> Problem | None:
    """Why ``text`` (named ``what`` in the message) is not one plain line, or ``None``."""
    from toolkit.read.text import LINE_BREAKS, describe_char, first_unsafe

    i = first_unsafe(text)
    if i is None:
        return None
    before = text[max(0, i - 20) : i].strip()
    kind = "value-line-break" if text[i] in LINE_BREAKS else "value-control-char"
    return Problem(kind if before else kind + "-start", {"path": what, "char": describe_char(text[i]), "before": before})



def explain(problem: Problem, meta: dict[str, Any], schema: dict[str, Any], labels: dict[str, str] | None,
            more_labels: list[str]) -> Problem:
    """A schema problem in the writer's words: which decisions there are and
    what to write for ``conditions``, the fields (or facts-table labels) that
    are allowed for an unknown one, and the label the writer used in Word."""
    path = str(problem.params.get("path", ""))
    key = path.split(".")[0].split("[")[0]
    word = labels is not None
    field = labels.get(key, key) if labels is not None and "." not in path else path
    # in Word a problem is named by the label the writer gave the row, as written
    params = dict(problem.params, field=field, path=field)
    rule = problem.key.removeprefix("schema-")
    if key == "conditions" and path == "conditions" and problem.key != "schema-type-bool":  # that one says it all
        return _explain_conditions(problem, meta.get("conditions"), rule, params, word, key in (labels or {}))
    if key == "region" and path == "region" and rule in ("required", "empty", "nullable"):
        suffix = ("-word" if key in (labels or {}) else "-word-missing") if word else ""
        return Problem("draft-region-empty" + suffix, params, problem.file, problem.line, problem.unit)
    if rule in ("unknown", "unknown-hint"):
        from toolkit.read.text import did_you_mean
        from toolkit.read.validation import allowed_keys

        if word and "." not in path:
            hint = did_you_mean(field, [*_WORD_LABELS, *more_labels])
            return Problem("draft-unknown-label-hint" if hint else "draft-unknown-label", dict(params, hint=hint or ""),
                           problem.file, problem.line, problem.unit)
        parent = tuple(path.split(".")[:-1])
        allowed = allowed_keys(schema, {}, parent) if parent else list(schema)  # the schema's order: conditions first
        return Problem("draft-unknown-key-hint" if params.get("hint") else "draft-unknown-key",
                       dict(params, known=", ".join(allowed)), problem.file, problem.line, problem.unit)
    return Problem(problem.key, params, problem.file, problem.line, problem.unit)


#: The facts-table labels a "did you mean" offers, as a writer would type them.
_WORD_LABELS = ("Villkorsbeslut", "Region", "Diarienummer", "Dnr", "Datum", "Kontaktperson", "Mottagare",
                "Conditions", "Date", "Contact", "Recipient", "Paragraf", "Utskott", "Styrelse", "Sammanträdesdatum",
                "Styrelsemöte", "Skickas till", "Yttrande")


def _explain_conditions(problem: Problem, value: Any, rule: str, params: dict[str, Any], in_word: bool,
                        has_row: bool) -> Problem:
    import re

    from toolkit.decisions.source import list_conditions

    known = [cid for cid, _ in list_conditions()]
    params = dict(params, known=", ".join(known) or "–", example=known[-1] if known else "2017")
    word = "-word" if in_word else ""
    if value is None or str(value).strip() == "" or rule in ("required", "nullable", "empty"):
        return Problem("draft-conditions-empty" + word + ("" if has_row or not in_word else "-missing"), params, problem.file, problem.line, problem.unit)
    text = str(value).lower() if isinstance(value, bool) else str(value)
    if isinstance(value, str) and (text.startswith(("/", "./", "../", "~")) or "\\" in text or text.endswith((".yaml", ".yml"))):
        return Problem("draft-conditions-path", dict(params, value=text), problem.file, problem.line, problem.unit)
    named = [cid for cid in known if re.search(rf"(?<![\w-]){re.escape(cid)}(?![\w-])", text, re.IGNORECASE)]
    if len(named) == 1:
        return Problem("draft-conditions-form-hint" + word, dict(params, value=text, hint=named[0]), problem.file, problem.line,
                       problem.unit)
    return Problem("draft-conditions-form" + word, dict(params, value=text), problem.file, problem.line, problem.unit)
