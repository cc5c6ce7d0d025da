"""What changed between two decisions, as data for authors and reviewers.

:func:`diff_conditions` compares two resolved decisions (after inheritance)
and returns a :class:`ConditionsDiff`: parts (sections and sub-parts),
figures and rules that were added, removed, renamed or changed, field by
field, and the metadata that changed (deadline, issuer, appropriation ...).
Items are matched by id, and across a rename through ``renamed_from`` (in
either direction, so an older decision may be compared with a newer one).
Presenting the result is :mod:`toolkit.outputs.conditions_report`'s job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from toolkit.decisions.model import Conditions, Figure, Rule, Section

#: Bumped only when a key of the JSON diff changes meaning.
DIFF_SCHEMA_VERSION = 1

SECTION_FIELDS = ("title", "required", "point", "guidance", "min_words", "aliases", "parts", "parent", "order")
FIGURE_FIELDS = ("label", "required", "unit", "section", "form_of_support", "aliases", "min", "max", "order")
RULE_FIELDS = ("kind", "total", "parts", "tolerance", "tolerance_percent", "description", "point")
#: Metadata compared, in the order shown. ``source`` describes where the
#: encoding comes from, not the decision, so it is not compared.
DEADLINE_FIELDS = ("due", "due_text")
META_FIELDS = (
    "title", "year", "issuer", "recipient", "diarienummer", "decision_date",
    "appropriation.number", "appropriation.name", "appropriation.expenditure_area",
    "appropriation.expenditure_area_name", "legal_basis", "references", "placeholders", "attachments",
)


@dataclass
class Change:
    """One field that differs: its name, the old and the new value."""

    field: str
    old: Any
    new: Any


@dataclass
class ItemDiff:
    """A section, figure or rule that was added, removed, renamed or changed."""

    kind: str  # section, figure, rule
    status: str  # added, removed, renamed, changed
    id: str
    old_id: str | None
    title: str
    required: bool | None = None
    parent: str | None = None
    number: str = ""
    changes: list[Change] = field(default_factory=list)
    #: for an added item, what it asks for (guidance, minimum length, sub-parts ...)
    details: list[Change] = field(default_factory=list)
    file: str | None = None
    line: int | None = None


@dataclass
class ConditionsDiff:
    old: Conditions
    new: Conditions
    deadline: list[Change]
    metadata: list[Change]
    sections: list[ItemDiff]
    figures: list[ItemDiff]
    rules: list[ItemDiff]

    @property
    def unchanged(self) -> bool:
        return not (self.deadline or self.metadata or self.sections or self.figures or self.rules)

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for name, items in (("sections", self.sections), ("figures", self.figures), ("rules", self.rules)):
            out[name] = {s: sum(1 for i in items if i.status == s) for s in ("added", "removed", "renamed", "changed")}
        out["metadata"] = {"changed": len(self.deadline) + len(self.metadata)}
        return out

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract of ``villkor conditions diff --format json``."""

        def change(c: Change) -> dict[str, Any]:
            return {"field": c.field, "old": _plain(c.old), "new": _plain(c.new)}

        def item(i: ItemDiff) -> dict[str, Any]:
            return {
                "status": i.status, "id": i.id, "old_id": i.old_id, "title": i.title, "required": i.required,
                "parent": i.parent, "number": i.number or None, "file": i.file, "line": i.line,
                "changes": [change(c) for c in i.changes], "details": [change(c) for c in i.details],
            }

        def side(c: Conditions) -> dict[str, Any]:
            return {"id": c.id, "title": c.title, "year": c.year, "extends": c.extends}

        return {
            "schema_version": DIFF_SCHEMA_VERSION,
            "old": side(self.old),
            "new": side(self.new),
            "unchanged": self.unchanged,
            "counts": self.counts(),
            "deadline": [change(c) for c in self.deadline],
            "metadata": [change(c) for c in self.metadata],
            "sections": [item(i) for i in self.sections],
            "figures": [item(i) for i in self.figures],
            "rules": [item(i) for i in self.rules],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


# --------------------------------------------------------------------------
# Matching


def _pair(old: Sequence[Any], new: Sequence[Any]) -> dict[int, int]:
    """new index -> old index, by id and then through ``renamed_from`` either way."""
    by_id = {o.id: n for n, o in enumerate(old)}
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for n, item in enumerate(new):
        if item.id in by_id:
            pairs[n] = by_id[item.id]
            used.add(by_id[item.id])
    for n, item in enumerate(new):
        if n in pairs:
            continue
        for m, o in enumerate(old):
            if m in used:
                continue
            if o.id in getattr(item, "renamed_from", []) or item.id in getattr(o, "renamed_from", []):
                pairs[n] = m
                used.add(m)
                break
    return pairs


def _moved(pairs: dict[int, int]) -> set[int]:
    """New indexes of matched items that left the old order (not on a longest run)."""
    news = sorted(pairs)
    seq = [pairs[n] for n in news]
    best, prev = [1] * len(seq), [-1] * len(seq)
    for i in range(len(seq)):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    keep: set[int] = set()
    if seq:
        i = max(range(len(seq)), key=lambda k: best[k])
        while i != -1:
            keep.add(news[i])
            i = prev[i]
    return set(news) - keep


def numbers(c: Conditions) -> dict[str, str]:
    """Outline numbers ("3", "3.2") of every section, as the rendered report numbers them."""
    out: dict[str, str] = {}

    def walk(items: list[Section], prefix: str) -> None:
        for n, s in enumerate(items, 1):
            out[s.id] = f"{prefix}{n}"
            walk(s.parts, f"{prefix}{n}.")

    walk(c.sections, "")
    return out


def _fields(item: Any, names: Iterable[str]) -> dict[str, Any]:
    return {n: getattr(item, n) for n in names if hasattr(item, n)}


def _compare(old: dict[str, Any], new: dict[str, Any], names: Iterable[str]) -> list[Change]:
    return [Change(n, old.get(n), new.get(n)) for n in names if _norm(old.get(n)) != _norm(new.get(n))]


def _norm(value: Any) -> Any:
    if value in (None, "", [], {}):
        return None
    if isinstance(value, list):
        return tuple(value)
    return value


# --------------------------------------------------------------------------
# The diff


def _sections(old: Conditions, new: Conditions) -> list[ItemDiff]:
    olds, news = list(old.walk_sections()), list(new.walk_sections())
    pairs = _pair(olds, news)
    moved = _moved(pairs)
    old_num, new_num = numbers(old), numbers(new)
    # ids of the old decision, as the new one calls them, so parents and sub-parts compare
    new_name = {olds[m].id: news[n].id for n, m in pairs.items()}

    def view(s: Section, nums: dict[str, str], rename: dict[str, str]) -> dict[str, Any]:
        v = _fields(s, ("title", "required", "point", "guidance", "min_words", "aliases"))
        v["parts"] = [rename.get(p.id, p.id) for p in s.parts]
        v["parent"] = rename.get(s.parent, s.parent) if s.parent else None
        v["order"] = nums.get(s.id)
        return v

    out: list[ItemDiff] = []
    removed = [o for m, o in enumerate(olds) if m not in pairs.values()]
    for n, s in enumerate(news):
        base = dict(kind="section", id=s.id, title=s.title, required=s.required, parent=s.parent,
                    number=new_num[s.id], file=s.file, line=s.line)
        if n not in pairs:
            details = [Change(k, None, v) for k, v in view(s, new_num, {}).items()
                       if k not in ("title", "required", "order", "parent") and _norm(v) is not None
                       and not (k == "min_words" and v == 0)]
            out.append(ItemDiff(status="added", old_id=None, details=details, **base))  # type: ignore[arg-type]
            continue
        o = olds[pairs[n]]
        old_view, new_view = view(o, old_num, new_name), view(s, new_num, {})
        names = [f for f in SECTION_FIELDS if f != "order" or n in moved]
        changes = _compare(old_view, new_view, names)
        if o.id != s.id:
            out.append(ItemDiff(status="renamed", old_id=o.id, changes=changes, **base))  # type: ignore[arg-type]
        elif changes:
            out.append(ItemDiff(status="changed", old_id=o.id, changes=changes, **base))  # type: ignore[arg-type]
    # where the new decision says a removed section's text now belongs
    folded = {old_id: s for s in news for old_id in s.folded_from}
    for o in removed:
        into = next((folded[i] for i in (o.id, *o.renamed_from) if i in folded), None)
        details = [Change("folded_into", None, f"{new_num[into.id]} {into.title} {{#{into.id}}}")] if into else []
        out.append(ItemDiff("section", "removed", o.id, o.id, o.title, o.required, o.parent, old_num[o.id],
                            details=details, file=o.file, line=o.line))
    return out


def _flat(kind: str, olds: list[Any], news: list[Any], names: tuple[str, ...]) -> list[ItemDiff]:
    pairs = _pair(olds, news)
    moved = _moved(pairs) if kind == "figure" else set()
    out: list[ItemDiff] = []

    def title(x: Figure | Rule) -> str:
        return x.label if isinstance(x, Figure) else (x.description or x.id)

    def view(x: Any, n: int) -> dict[str, Any]:
        v = _fields(x, [f for f in names if f != "order"])
        v["order"] = n + 1
        return v

    for n, x in enumerate(news):
        required = x.required if isinstance(x, Figure) else None
        if n not in pairs:
            details = [Change(k, None, v) for k, v in view(x, n).items()
                       if k not in ("label", "required", "order") and _norm(v) is not None]
            out.append(ItemDiff(kind, "added", x.id, None, title(x), required, details=details, file=x.file, line=x.line))
            continue
        o = olds[pairs[n]]
        fields = [f for f in names if f != "order" or n in moved]
        changes = _compare(view(o, pairs[n]), view(x, n), fields)
        status = "renamed" if o.id != x.id else "changed"
        if status == "renamed" or changes:
            out.append(ItemDiff(kind, status, x.id, o.id, title(x), required, changes=changes, file=x.file, line=x.line))
    for m, o in enumerate(olds):
        if m not in pairs.values():
            out.append(ItemDiff(kind, "removed", o.id, o.id, title(o), o.required if isinstance(o, Figure) else None,
                                file=o.file, line=o.line))
    return out


def _meta(c: Conditions) -> dict[str, Any]:
    v: dict[str, Any] = _fields(c, ("title", "year", "issuer", "recipient", "diarienummer", "decision_date", "due",
                                    "due_text", "legal_basis", "placeholders", "attachments"))
    for k, val in c.appropriation.items():
        v[f"appropriation.{k}"] = val
    v["references"] = [
        " ".join(x for x in (r.label + ":", r.value, r.date.isoformat() if r.date else "") if x) for r in c.references
    ]
    return v


def diff_conditions(old: Conditions, new: Conditions) -> ConditionsDiff:
    """Everything that differs between ``old`` and ``new`` (both after inheritance)."""
    om, nm = _meta(old), _meta(new)
    return ConditionsDiff(
        old=old,
        new=new,
        deadline=_compare(om, nm, DEADLINE_FIELDS),
        metadata=_compare(om, nm, META_FIELDS),
        sections=_sections(old, new),
        figures=_flat("figure", old.figures, new.figures, FIGURE_FIELDS),
        rules=_flat("rule", old.rules, new.rules, RULE_FIELDS),
    )
