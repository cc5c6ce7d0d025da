"""Find, read and build a conditions decision (``conditions/<id>.yaml``).

Decisions are searched for in this order: an explicit path (``--conditions
PATH``), the folders in ``VILLKOR_CONDITIONS_PATH``, a ``conditions/`` folder
in the current directory, then the decisions shipped with the tool. A file is
validated against the Cerberus meta-schema (``schemas/conditions.yaml``);
every problem is reported at once with its file and line. Nothing about a
particular year lives in this module.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from toolkit.decisions.model import Conditions, Figure, Reference, Rule, Section
from toolkit.errors import ConditionsError, Problem
from toolkit.read.files import display_path, read_bytes, read_text
from toolkit.read.yamldoc import YamlDoc, load_yaml
from toolkit.resources import bundled, cache_dir, schema_file

# --------------------------------------------------------------------------
# Finding and reading files


#: Environment variable naming extra folders (``os.pathsep``-separated) that
#: hold conditions files; they are searched before the others.
PATH_ENV = "VILLKOR_CONDITIONS_PATH"

#: Where a decision was found, in search order.
ORIGINS = ("env", "cwd", "bundled")


def search_path() -> list[tuple[Path, str]]:
    """The folders searched for decisions, each with its origin (:data:`ORIGINS`)."""
    dirs = [(Path(p), "env") for p in os.environ.get(PATH_ENV, "").split(os.pathsep) if p]
    shipped = bundled("conditions")
    here = Path("conditions")
    if here.is_dir() and not (shipped.is_dir() and here.resolve() == shipped.resolve()):
        dirs.append((here, "cwd"))
    dirs.append((shipped, "bundled"))
    return dirs


def search_dirs() -> list[Path]:
    return [d for d, _ in search_path()]


def list_conditions_with_origin() -> list[tuple[str, Path, str]]:
    """Every decision found on the search path, as (id, path, origin), sorted by id;
    an id found twice is taken from the folder searched first."""
    seen: dict[str, tuple[Path, str]] = {}
    for d, origin in search_path():
        if d.is_dir():
            for p in sorted(d.glob("*.yaml")):
                seen.setdefault(p.stem, (p, origin))
    return [(cid, p, origin) for cid, (p, origin) in sorted(seen.items())]


def list_conditions() -> list[tuple[str, Path]]:
    """Every decision found on the search path, as (id, path), sorted by id."""
    return [(cid, p) for cid, p, _ in list_conditions_with_origin()]


def looks_like_path(id_or_path: str) -> bool:
    """Whether ``id_or_path`` names a file (``x/2019.yaml``) rather than an id (``2019``)."""
    text = str(id_or_path).strip()
    return text.endswith((".yaml", ".yml")) or "/" in text or os.sep in text


def find_conditions(id_or_path: str, relative_to: Path | None = None) -> Path:
    """The file for a decision id (``2017``) or an explicit path (``x/2019.yaml``)."""
    text = str(id_or_path).strip()
    if looks_like_path(text):
        p = Path(text)
        if not p.is_absolute() and relative_to is not None and not p.exists():
            p = relative_to / p
        if not p.exists():
            raise ConditionsError.of("conditions-file-missing", text, path=text)
        return p
    for d in ([relative_to] if relative_to else []) + search_dirs():
        p = d / f"{text}.yaml"
        if p.is_file():
            return p
    known = [cid for cid, _ in list_conditions()]
    from toolkit.read.text import did_you_mean

    hint = did_you_mean(text, known)
    return _raise_unknown(text, known, hint)


def _raise_unknown(text: str, known: list[str], hint: str | None) -> Path:
    if hint:
        raise ConditionsError.of("conditions-unknown-hint", None, None, id=text, hint=hint, known=", ".join(known))
    raise ConditionsError.of("conditions-unknown", None, None, id=text, known=", ".join(known) or "-")


_META: dict[str, Any] | None = None


def _meta_schema() -> dict[str, Any]:
    global _META
    if _META is None:
        doc = load_yaml(read_text(schema_file("conditions")), str(schema_file("conditions")))
        _META = doc.data
    return _META


def _validator() -> Any:
    import cerberus

    from toolkit.read.validation import BoundedValidator

    meta = _meta_schema()
    return BoundedValidator(meta["schema"], rules_set_registry=cerberus.schema.RulesSetRegistry(meta["registry"]))


def _validated_marker(text: str) -> Path:
    """A file whose existence says: this exact text passed this exact meta-schema.

    Building Cerberus's validator for the meta-schema costs more than the rest
    of a one-draft check; the marker lets a repeated run skip it. The hash
    covers the tool's version, the meta-schema and the file's text. Only a
    hash is stored, never data or code, so a stale or planted marker can at
    worst skip validation of text that once validated. The integrity checks
    (ids, references, inheritance) run every time.
    """
    import hashlib

    from toolkit import __version__

    h = hashlib.sha256()
    h.update(__version__.encode())
    h.update(read_bytes(schema_file("conditions")))  # read_bytes: the schema counts as an input
    h.update(b"\0")
    h.update(text.encode("utf-8"))
    return cache_dir() / "validated" / h.hexdigest()


def read_conditions_file(path: Path) -> YamlDoc:
    """Parse and schema-validate one conditions file (no inheritance)."""
    import hashlib

    name = display_path(path)
    text = read_text(path)
    doc = load_yaml(text, name)
    doc.digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if not isinstance(doc.data, dict):
        raise ConditionsError.of("conditions-not-mapping", name, 1)
    marker = _validated_marker(text)
    try:
        cached = marker.exists()
    except OSError:  # a cache folder that cannot be searched: validate, as if there were none
        cached = False
    if cached:
        return doc
    v = _validator()
    if not v.validate(doc.data, normalize=False):
        from toolkit.read.validation import to_problems

        meta = _meta_schema()
        raise ConditionsError(to_problems(v._errors, doc, name, meta["schema"], meta["registry"]))
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass  # no cache then: the next run validates again
    return doc


# --------------------------------------------------------------------------
# Building the model


def _section(raw: dict[str, Any], doc: YamlDoc, path: tuple[Any, ...], parent: str | None, depth: int) -> Section:
    s = Section(
        id=raw["id"],
        title=raw.get("title") or raw["id"],
        point=raw.get("point") or "",
        required=raw.get("required", True),
        guidance=(raw.get("guidance") or "").strip(),
        aliases=list(raw.get("aliases") or []),
        min_words=raw.get("min_words", 0),
        renamed_from=list(raw.get("renamed_from") or []),
        folded_from=list(raw.get("folded_from") or []),
        parent=parent,
        depth=depth,
        line=doc.line(path),
    )
    s.parts = [_section(p, doc, path + ("parts", i), s.id, depth + 1) for i, p in enumerate(raw.get("parts") or [])]
    return s


def build_conditions(cid: str, path: Path, data: dict[str, Any], doc: YamlDoc) -> Conditions:
    """Turn validated (and, where it extends another, merged) data into a model."""
    app = data.get("appropriation") or {}
    c = Conditions(
        id=cid,
        path=path,
        title=data.get("title") or cid,
        year=data.get("year"),
        issuer=data.get("issuer") or "",
        recipient=data.get("recipient") or "",
        diarienummer=data.get("diarienummer") or "",
        decision_date=data.get("decision_date"),
        appropriation={k: v for k, v in app.items() if v not in (None, "")},
        due=data.get("due"),
        due_text=data.get("due_text") or "",
        legal_basis=data.get("legal_basis") or "",
        source=(data.get("source") or "").strip(),
        references=[
            Reference(r["label"], r.get("value") or "", r.get("date"), r.get("confidence") or "", r.get("source") or "")
            for r in data.get("references") or []
        ],
        placeholders=list(data.get("placeholders") or []),
        attachments=list(data.get("attachments") or []),
        extends=data.get("extends"),
    )
    c.sections = [_section(s, doc, ("sections", i), None, 0) for i, s in enumerate(data.get("sections") or [])]
    for i, f in enumerate(data.get("figures") or []):
        c.figures.append(
            Figure(
                id=f["id"],
                label=f.get("label") or f["id"],
                unit=f.get("unit", "kr"),
                section=f.get("section"),
                aliases=list(f.get("aliases") or []),
                required=f.get("required", True),
                form_of_support=f.get("form_of_support") or "",
                renamed_from=list(f.get("renamed_from") or []),
                line=doc.line(("figures", i)),
            )
        )
    for i, r in enumerate(data.get("rules") or []):
        c.rules.append(
            Rule(
                id=r["id"],
                kind=r.get("kind", "sum"),
                total=r.get("total", ""),
                parts=list(r.get("parts") or []),
                tolerance=Decimal(str(r.get("tolerance", 0))),
                tolerance_percent=Decimal(str(r.get("tolerance_percent", 0))),
                description=r.get("description") or "",
                point=r.get("point") or "",
                line=doc.line(("rules", i)),
            )
        )
    return c


def check_integrity(c: Conditions, name: str) -> list[Problem]:
    """What the meta-schema cannot see: unique ids, known targets, rules that
    can hold, and section names a heading can be matched to."""
    problems: list[Problem] = []
    seen: dict[str, Section] = {}
    for s in c.walk_sections():
        if s.id in seen:
            problems.append(Problem("conditions-duplicate-id", {"id": s.id, "first": _where(seen[s.id], name)}, s.file or name, s.line))
        seen[s.id] = s
    current = set(seen) | {old for s in c.walk_sections() for old in s.renamed_from}
    folded: dict[str, Section] = {}
    for s in c.walk_sections():
        for old in s.folded_from:
            if old in current:
                problems.append(Problem("conditions-folded-current", {"id": old, "section": s.id}, s.file or name, s.line))
            elif old in folded:
                problems.append(Problem("conditions-folded-twice", {"id": old, "section": s.id, "first": folded[old].id},
                                        s.file or name, s.line))
            else:
                folded[old] = s
    figs: dict[str, Figure] = {}
    for f in c.figures:
        if f.id in figs:
            problems.append(Problem("conditions-duplicate-id", {"id": f.id, "first": _where(figs[f.id], name)}, f.file or name, f.line))
        figs[f.id] = f
        if f.section and f.section not in seen:
            problems.append(Problem("conditions-unknown-section", {"id": f.section, "figure": f.id}, f.file or name, f.line))
    for r in c.rules:
        for ref in [r.total, *r.parts]:
            if ref not in figs:
                problems.append(Problem("conditions-unknown-figure", {"id": ref, "rule": r.id}, r.file or name, r.line))
        problems.extend(_rule_problems(r, figs, name))
    problems.extend(_name_problems(c, name))
    return problems


def _rule_problems(r: Rule, figs: dict[str, Figure], name: str) -> list[Problem]:
    """A sum whose total is one of its parts never adds up (unless the other
    parts are zero); a sum of kronor and percentages means nothing."""
    out = []
    if r.total in r.parts:
        out.append(Problem("conditions-rule-total-in-parts", {"rule": r.id, "id": r.total}, r.file or name, r.line))
    units = {figs[f].unit: f for f in [r.total, *r.parts] if f in figs}
    if len(units) > 1:
        shown = ", ".join(f"{fid} ({unit})" for unit, fid in units.items())
        out.append(Problem("conditions-rule-units", {"rule": r.id, "figures": shown}, r.file or name, r.line))
    return out


def _name_problems(c: Conditions, name: str) -> list[Problem]:
    """Titles and aliases that fold to nothing, or to what another section's
    title or alias folds to: a heading could never be matched to the right
    section (the draft check compares headings folded the same way)."""
    from toolkit.read.text import normalise

    out = []
    owner: dict[str, Section] = {}
    for s in c.walk_sections():
        for field_name, text in [("title", s.title), *(("aliases", a) for a in s.aliases)]:
            key = normalise(text)
            if not key:
                out.append(Problem("conditions-name-empty", {"id": s.id, "field": field_name, "text": text}, s.file or name, s.line))
                continue
            first = owner.setdefault(key, s)
            if first is not s:
                out.append(Problem("conditions-name-clash", {"id": s.id, "other": first.id, "text": text,
                                                             "first": _where(first, name)}, s.file or name, s.line))
    return out


def _where(item: Section | Figure, name: str) -> str:
    """``12``, or ``conditions/2017.yaml:12`` when the item comes from another file."""
    if item.file and item.file != name:
        return f"{item.file}:{item.line}"
    return str(item.line)
