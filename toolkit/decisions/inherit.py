"""Resolve a conditions file into a :class:`~toolkit.conditions.Conditions`,
following ``extends`` to the decision it builds on.

Every file, with or without ``extends``, goes through the same merge: a file
that extends nothing is merged onto an empty decision. The rules (the README
documents them for authors, "Arv mellan beslut"):

* Metadata: a key the child writes replaces the inherited value (an empty
  value clears it); ``appropriation`` is merged key by key. The keys that
  identify one decision (:data:`NOT_INHERITED`) are never inherited: a
  reference number or a deadline from last year is not this year's.
* Sections, figures and rules are matched by ``id``. A child item whose id is
  inherited is merged field by field: the fields it writes replace the
  inherited ones (lists as a whole), the others are kept, and it keeps its
  place. A section's ``parts`` merge the same way, one level down.
* A child item with a new id whose ``renamed_from`` names an inherited item
  at the same level renames it: it takes that item's place and fields, gets
  the new id, and remembers every earlier id in ``renamed_from``, so drafts,
  figures and rules that use an old id still map to it.
* Any other new item is added at the end of its list, or where ``after`` or
  ``before`` (an id at the same level) puts it; ``after``/``before`` on an
  inherited item moves it.
* ``remove: {sections, figures, rules}`` drops inherited items (a section with
  its sub-parts) before the child's items are applied, so remove-and-add
  replaces an item whole.

Problems (an unknown parent, a cycle, removing or placing relative to an
unknown id) are reported with the file and line that say it; items keep the
file and line that defined them last.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from toolkit.decisions.model import Conditions, Figure, Reference, Rule, Section
from toolkit.decisions.source import (
    check_integrity,
    find_conditions,
    list_conditions,
    list_conditions_with_origin,
    read_conditions_file,
    search_dirs,
)
from toolkit.errors import ConditionsError, InputError, Problem
from toolkit.read.files import display_path
from toolkit.read.yamldoc import YamlDoc

#: Longest chain of ``extends``: a real decision builds on a handful of
#: earlier years; a longer chain is a mistake (or a file made to exhaust the
#: stack) and is refused where it passes the limit.
MAX_EXTENDS_DEPTH = 50

#: Metadata that belongs to one decision and is never inherited.
NOT_INHERITED = ("title", "year", "diarienummer", "decision_date", "due", "references")

_Item = TypeVar("_Item", Section, Figure, Rule)


def survey() -> list[tuple[str, Path, Conditions | None, str]]:
    """Every known decision as (id, path, decision, origin), the decision
    ``None`` where the file does not resolve (``conditions validate`` says why);
    the origin says where it was found (:data:`~toolkit.decisions.source.ORIGINS`)."""
    found = list_conditions_with_origin()
    resolved = resolve_all([path for _, path, _ in found])
    return [(cid, path, c, origin) for (cid, path, origin), (_, c, _) in zip(found, resolved)]


def resolve(path: Path) -> Conditions:
    """Read, validate and merge the decision at ``path`` (and what it extends)."""
    return _resolve(Path(path), [])


def resolve_all(paths: list[Path]) -> list[tuple[Path, Conditions | None, list[Problem]]]:
    """Resolve many decisions, each file read and each chain merged once:
    (path, decision or ``None``, the problems that stopped it)."""
    memo = _Memo()
    out: list[tuple[Path, Conditions | None, list[Problem]]] = []
    for path in paths:
        try:
            out.append((path, _resolve(Path(path), [], memo), []))
        except (ConditionsError, InputError) as exc:
            out.append((path, None, list(exc.problems)))
    return out


class _Memo:
    """What one survey of many decisions has read and merged, by resolved path.
    Only successes are kept: a chain too long or circular depends on where it
    was entered, and is cheap to find again without merging."""

    def __init__(self) -> None:
        self.docs: dict[Path, tuple[YamlDoc, str]] = {}
        self.parents: dict[Path, tuple[Path, Path]] = {}
        self.done: dict[Path, Conditions] = {}


def _resolve(path: Path, stack: list[tuple[Path, str]], memo: _Memo | None = None, key: Path | None = None) -> Conditions:
    key = key or path.resolve()
    done = memo.done.get(key) if memo is not None else None
    if done is not None and len(stack) + len(done.chain) <= MAX_EXTENDS_DEPTH:
        return done
    if memo is not None and key in memo.docs:
        doc, name = memo.docs[key]
    else:
        doc, name = read_conditions_file(path), display_path(path)
        if memo is not None:
            memo.docs[key] = (doc, name)
    base: Conditions | None = None
    parent_id = doc.data.get("extends")
    if parent_id not in (None, ""):
        parent_id = str(parent_id)
        line = doc.line(("extends",))
        if len(stack) + 1 >= MAX_EXTENDS_DEPTH:
            first = stack[0][1] if stack else path.stem
            raise ConditionsError(Problem("conditions-extends-too-deep", {"limit": MAX_EXTENDS_DEPTH, "first": first}, name, line))
        if memo is not None and key in memo.parents:
            parent_path, parent_key = memo.parents[key]
        else:
            parent_path = _find_parent(parent_id, path, name, line)
            parent_key = parent_path.resolve()
            if memo is not None:
                memo.parents[key] = parent_path, parent_key
        if parent_key == key or parent_key in {p for p, _ in stack}:
            ancestors = [p for p, _ in stack] + [key]
            ids = [stem for _, stem in stack] + [path.stem]
            start = ancestors.index(parent_key)
            cycle = " → ".join(ids[start:] + [parent_path.stem])
            raise ConditionsError(Problem("conditions-extends-cycle", {"cycle": cycle}, name, line))
        base = _resolve(parent_path, stack + [(key, path.stem)], memo, parent_key)
    merger = _Merger(doc, name, path, base)
    c = merger.build()
    problems = merger.problems + merger.explain(check_integrity(c, name))
    if problems:
        raise ConditionsError(sorted(problems, key=lambda p: (p.file != name, p.file or "", p.line or 0)))
    if memo is not None:
        memo.done[key] = c
    return c


def _find_parent(parent_id: str, path: Path, name: str, line: int) -> Path:
    try:
        found = find_conditions(parent_id, relative_to=path.parent)
    except ConditionsError:
        from toolkit.read.text import did_you_mean

        known = sorted({cid for cid, _ in list_conditions()} | {p.stem for p in path.parent.glob("*.yaml")})
        hint = did_you_mean(parent_id, known)
        if hint:
            raise ConditionsError(Problem("conditions-extends-unknown-hint", {"id": parent_id, "hint": hint}, name, line)) from None
        raise ConditionsError(
            Problem("conditions-extends-unknown", {"id": parent_id, "known": ", ".join(known) or "-"}, name, line)
        ) from None
    # a decision may only build on decisions in its own folder or on the search
    # path: data never reaches for files elsewhere on the machine
    allowed = [path.parent.resolve(), *(d.resolve() for d in search_dirs())]
    if not any(found.resolve().is_relative_to(folder) for folder in allowed):
        raise ConditionsError(Problem("conditions-extends-outside", {"id": parent_id}, name, line))
    return found


# --------------------------------------------------------------------------
# Fields: the YAML keys a child may write for each kind of item


def _text(v: Any) -> str:
    return (v or "").strip() if isinstance(v, str) or v is None else str(v)


_SECTION_FIELDS: dict[str, Callable[[Any], Any]] = {
    "title": str,
    "point": _text,
    "required": bool,
    "guidance": _text,
    "aliases": list,
    "min_words": int,
    "folded_from": list,
}
_FIGURE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "label": str,
    "unit": str,
    "section": lambda v: v or None,
    "aliases": list,
    "required": bool,
    "form_of_support": _text,
}
_RULE_FIELDS: dict[str, Callable[[Any], Any]] = {
    "kind": str,
    "total": str,
    "parts": list,
    "tolerance": lambda v: Decimal(str(v)),
    "tolerance_percent": lambda v: Decimal(str(v)),
    "description": _text,
    "point": _text,
}


def _new(kind: type[_Item], raw: dict[str, Any]) -> _Item:
    if kind is Section:
        return Section(id=raw["id"], title=raw.get("title") or raw["id"])  # type: ignore[return-value]
    if kind is Figure:
        return Figure(id=raw["id"], label=raw.get("label") or raw["id"])  # type: ignore[return-value]
    return Rule(id=raw["id"], total="", parts=[])  # type: ignore[return-value]


def _fields(kind: type[Any]) -> dict[str, Callable[[Any], Any]]:
    return _SECTION_FIELDS if kind is Section else _FIGURE_FIELDS if kind is Figure else _RULE_FIELDS


def _dedupe(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


# --------------------------------------------------------------------------
# The merge


class _Merger:
    """Applies one file onto the decision it extends (or onto nothing)."""

    def __init__(self, doc: YamlDoc, name: str, path: Path, base: Conditions | None):
        self.doc, self.name, self.path, self.base = doc, name, path, base
        self.problems: list[Problem] = []
        #: ids this file removes, with the line that removes them
        self.removed: dict[str, tuple[str, int]] = {}

    def problem(self, key: str, at: tuple[Any, ...], **params: Any) -> None:
        self.problems.append(Problem(key, params, self.name, self.doc.line(at)))

    def build(self) -> Conditions:
        data = self.doc.data
        if self.base is None:
            c = Conditions(id=self.path.stem, path=self.path, title=self.path.stem)
        else:
            c = copy.deepcopy(self.base)
            fresh = Conditions(id=self.path.stem, path=self.path, title=self.path.stem)
            for key in NOT_INHERITED:
                setattr(c, key, getattr(fresh, key))
            c.title = self.path.stem
        c.id, c.path = self.path.stem, self.path
        c.extends = str(data["extends"]) if data.get("extends") not in (None, "") else None
        c.chain = (self.base.chain if self.base else []) + [self.path.stem]
        c.files = (self.base.files if self.base else []) + [self.path]
        c.digests = (self.base.digests if self.base else []) + [self.doc.digest]
        self._metadata(c, data)
        self._remove(c, data.get("remove") or {})
        c.sections = self._merge(Section, c.sections, data.get("sections") or [], ("sections",))
        c.figures = self._merge(Figure, c.figures, data.get("figures") or [], ("figures",))
        c.rules = self._merge(Rule, c.rules, data.get("rules") or [], ("rules",))
        _follow_renames(c)
        _set_parents(c.sections, None, 0)
        return c

    def _metadata(self, c: Conditions, data: dict[str, Any]) -> None:
        simple = {
            "title": lambda v: v or c.id,
            "year": lambda v: v,
            "issuer": _text,
            "recipient": _text,
            "diarienummer": _text,
            "decision_date": lambda v: v,
            "due": lambda v: v,
            "due_text": _text,
            "legal_basis": _text,
            "source": _text,
            "placeholders": lambda v: list(v or []),
            "attachments": lambda v: list(v or []),
        }
        for key, conv in simple.items():
            if key in data:
                setattr(c, key, conv(data[key]))
        if "references" in data:
            c.references = [
                Reference(r["label"], r.get("value") or "", r.get("date"), r.get("confidence") or "", r.get("source") or "")
                for r in data["references"] or []
            ]
        if "appropriation" in data:
            app = dict(c.appropriation)
            for k, v in (data["appropriation"] or {}).items():
                if v in (None, ""):
                    app.pop(k, None)
                else:
                    app[k] = v
            c.appropriation = app

    def _remove(self, c: Conditions, remove: dict[str, list[str]]) -> None:
        if remove and self.base is None:
            self.problem("conditions-remove-without-extends", ("remove",))
            return
        known_sections = {s.id for s in c.walk_sections()}
        for what, ids in remove.items():
            for i, rid in enumerate(ids or []):
                at = ("remove", what, i)
                if what == "sections":
                    known: set[str] = known_sections
                elif what == "figures":
                    known = {f.id for f in c.figures}
                else:
                    known = {r.id for r in c.rules}
                if rid not in known:
                    from toolkit.read.text import did_you_mean

                    hint = did_you_mean(rid, known)
                    key = "conditions-remove-unknown-hint" if hint else "conditions-remove-unknown"
                    self.problem(key, at, id=rid, what=what, hint=hint or "")
                    continue
                self.removed[rid] = (self.name, self.doc.line(at))
        gone = set(self.removed)
        c.sections = _without(c.sections, gone)
        c.figures = [f for f in c.figures if f.id not in gone]
        c.rules = [r for r in c.rules if r.id not in gone]

    def _merge(self, kind: type[_Item], items: list[_Item], raws: list[dict[str, Any]], path: tuple[Any, ...]) -> list[_Item]:
        """Apply one list of the file (sections, a section's parts, figures or rules)."""
        items = list(items)
        in_file: dict[str, int] = {}
        placements: list[tuple[_Item, str, str, tuple[Any, ...]]] = []
        for i, raw in enumerate(raws):
            at = path + (i,)
            rid = raw["id"]
            if rid in in_file:
                self.problem("conditions-duplicate-id", at, id=rid, first=in_file[rid])
                continue
            in_file[rid] = self.doc.line(at)
            new_ids: list[str] = list(raw.get("renamed_from") or [])
            item: _Item | None = next((it for it in items if it.id == rid), None)
            renamed = False
            if item is None and kind is not Rule:
                old_ids: list[str] = raw.get("renamed_from") or []
                item = next((it for it in items if it.id in old_ids and it.id not in in_file), None)
                if item is not None:
                    earlier: list[str] = [item.id, *getattr(item, "renamed_from", [])]
                    item.id = rid
                    setattr(item, "renamed_from", _dedupe([*old_ids, *earlier]))  # noqa: B010 (rules have no renames)
                    renamed = True
            if item is None:
                item = _new(kind, raw)
                items.append(item)
                if kind is not Rule:
                    setattr(item, "renamed_from", list(raw.get("renamed_from") or []))  # noqa: B010
            elif not renamed and new_ids:
                setattr(item, "renamed_from", _dedupe([*new_ids, *getattr(item, "renamed_from", [])]))  # noqa: B010
            for key, conv in _fields(kind).items():
                if key in raw:
                    setattr(item, key, conv(raw[key]))
            if isinstance(item, Section) and "point" in raw:
                item.point_from = f"{self.name}:{self.doc.line(at + ('point',))}"
            if isinstance(item, Figure):
                self._bounds(item, raw, at)
            item.line, item.file = self.doc.line(at), self.name
            if isinstance(item, Section) and "parts" in raw:
                item.parts = self._merge(Section, item.parts, raw["parts"] or [], at + ("parts",))
            if raw.get("after") and raw.get("before"):
                self.problem("conditions-place-both", at + ("before",), id=rid)
            for where in ("after", "before"):
                if raw.get(where):
                    placements.append((item, where, raw[where], at + (where,)))
        for placed, where, anchor, place_at in placements:
            if anchor == placed.id:
                self.problem("conditions-place-self", place_at, id=placed.id, where=where)
                continue
            rest = [it for it in items if it is not placed]
            pos = next((n for n, it in enumerate(rest) if it.id == anchor or anchor in getattr(it, "renamed_from", [])), None)
            if pos is None:
                from toolkit.read.text import did_you_mean

                hint = did_you_mean(anchor, [it.id for it in rest])
                key = "conditions-place-unknown-hint" if hint else "conditions-place-unknown"
                self.problem(key, place_at, id=anchor, where=where, item=placed.id, hint=hint or "")
                continue
            rest.insert(pos + 1 if where == "after" else pos, placed)
            items = rest
        return items

    def _bounds(self, f: Figure, raw: dict[str, Any], at: tuple[Any, ...]) -> None:
        """A figure's plausible ``min`` and ``max``, in its unit; an empty
        value clears an inherited bound."""
        from toolkit.read.amounts import AmountError, parse_amount

        for key in ("min", "max"):
            if key not in raw:
                continue
            value = raw[key]
            if value in (None, ""):
                setattr(f, key, None)
                continue
            try:
                setattr(f, key, parse_amount(value, f.unit))
            except AmountError:
                self.problem("conditions-bound-not-amount", at + (key,), id=f.id, bound=key, value=value)
        if f.min is not None and f.max is not None and f.min > f.max:
            self.problem("conditions-bounds-order", at + ("max" if "max" in raw else "min",), id=f.id)

    def explain(self, problems: list[Problem]) -> list[Problem]:
        """Say "removed here but still used" at the ``remove`` line, not at the user."""
        out = []
        for p in problems:
            ref = p.params.get("id")
            if p.key in ("conditions-unknown-section", "conditions-unknown-figure") and ref in self.removed:
                file, line = self.removed[ref]
                user = p.params.get("figure") or p.params.get("rule")
                out.append(Problem("conditions-removed-still-used", {"id": ref, "user": user}, file, line))
            else:
                out.append(p)
        return out


def _without(sections: list[Section], gone: set[str]) -> list[Section]:
    out = []
    for s in sections:
        if s.id in gone:
            continue
        s.parts = _without(s.parts, gone)
        out.append(s)
    return out


def _set_parents(sections: list[Section], parent: str | None, depth: int) -> None:
    for s in sections:
        s.parent, s.depth = parent, depth
        _set_parents(s.parts, s.id, depth + 1)


def _follow_renames(c: Conditions) -> None:
    """Point figures and rules that name an earlier id at the item's current id."""
    section_ids = {s.id for s in c.walk_sections()}
    old_section = {old: s.id for s in c.walk_sections() for old in s.renamed_from if old not in section_ids}
    for f in c.figures:
        if f.section and f.section not in section_ids and f.section in old_section:
            f.section = old_section[f.section]
    figure_ids = {f.id for f in c.figures}
    old_figure = {old: f.id for f in c.figures for old in f.renamed_from if old not in figure_ids}
    for r in c.rules:
        if r.total not in figure_ids and r.total in old_figure:
            r.total = old_figure[r.total]
        r.parts = [old_figure.get(p, p) if p not in figure_ids else p for p in r.parts]
