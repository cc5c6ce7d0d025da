"""Load a conditions decision (``conditions/<id>.yaml``) into :class:`Conditions`.

A decision is validated against the Cerberus meta-schema in
``schemas/conditions.yaml``; every problem is reported at once with its file
and line. Nothing about a particular year lives in this module.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

from toolkit import PROJECT_ROOT
from toolkit.errors import ConditionsError, InputError, Problem
from toolkit.inputs import read_text
from toolkit.yamlload import YamlDoc, load_yaml

SCHEMA_FILE = PROJECT_ROOT / "schemas" / "conditions.yaml"
#: Environment variable naming extra folders (``os.pathsep``-separated) that
#: hold conditions files; they are searched before the bundled ``conditions/``.
PATH_ENV = "VILLKOR_CONDITIONS_PATH"


@dataclass
class Section:
    """A part of the report the decision asks for (or allows)."""

    id: str
    title: str
    point: str = ""
    required: bool = True
    guidance: str = ""
    aliases: list[str] = field(default_factory=list)
    min_words: int = 0
    parts: list["Section"] = field(default_factory=list)
    renamed_from: list[str] = field(default_factory=list)
    parent: str | None = None
    depth: int = 0
    line: int | None = None
    #: the conditions file that defined (or last changed) this part
    file: str | None = None


@dataclass
class Figure:
    """An amount the report must state, in the front matter's ``figures``."""

    id: str
    label: str
    unit: str = "kr"
    section: str | None = None
    aliases: list[str] = field(default_factory=list)
    required: bool = True
    form_of_support: str = ""
    renamed_from: list[str] = field(default_factory=list)
    line: int | None = None
    file: str | None = None


@dataclass(eq=False)
class Rule:
    """A consistency rule between figures: ``total`` = sum of ``parts``."""

    id: str
    total: str
    parts: list[str]
    kind: str = "sum"
    tolerance: Decimal = Decimal(0)
    tolerance_percent: Decimal = Decimal(0)
    description: str = ""
    point: str = ""
    line: int | None = None
    file: str | None = None

    def allowed_difference(self, total: Decimal) -> Decimal:
        return max(self.tolerance, abs(total) * self.tolerance_percent / 100)


@dataclass
class Reference:
    label: str
    value: str = ""
    date: dt.date | None = None
    confidence: str = ""
    source: str = ""


@dataclass
class Conditions:
    """One decision, after inheritance, ready to build a check from."""

    id: str
    path: Path
    title: str
    year: int | None = None
    issuer: str = ""
    recipient: str = ""
    diarienummer: str = ""
    decision_date: dt.date | None = None
    appropriation: dict[str, Any] = field(default_factory=dict)
    due: dt.date | None = None
    due_text: str = ""
    legal_basis: str = ""
    source: str = ""
    references: list[Reference] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    extends: str | None = None
    #: ids of the decisions this one is built from, the root first, itself last
    chain: list[str] = field(default_factory=list)
    #: the files read to build it, in the same order as ``chain``
    files: list[Path] = field(default_factory=list)

    def walk_sections(self) -> Iterator[Section]:
        """Every section and sub-part, in the decision's order (depth first)."""

        def walk(items: list[Section]) -> Iterator[Section]:
            for s in items:
                yield s
                yield from walk(s.parts)

        return walk(self.sections)

    def section(self, section_id: str) -> Section | None:
        return self._index()[0].get(section_id)

    def figure(self, figure_id: str) -> Figure | None:
        return self._index()[1].get(figure_id)

    def _index(self) -> tuple[dict[str, Section], dict[str, Figure]]:
        # built on first look-up, after the decision is complete (checks look up
        # sections and figures many times a draft)
        index = self.__dict__.get("_by_id")
        if index is None:
            index = self.__dict__["_by_id"] = (
                {s.id: s for s in reversed(list(self.walk_sections()))},
                {f.id: f for f in reversed(self.figures)},
            )
        return index


# --------------------------------------------------------------------------
# Finding and reading files


def search_dirs() -> list[Path]:
    extra = [Path(p) for p in os.environ.get(PATH_ENV, "").split(os.pathsep) if p]
    return extra + [PROJECT_ROOT / "conditions"]


def list_conditions() -> list[tuple[str, Path]]:
    """Every decision found on the search path, as (id, path), sorted by id."""
    seen: dict[str, Path] = {}
    for d in search_dirs():
        if d.is_dir():
            for p in sorted(d.glob("*.yaml")):
                seen.setdefault(p.stem, p)
    return sorted(seen.items())


def find_conditions(id_or_path: str, relative_to: Path | None = None) -> Path:
    """The file for a decision id (``2017``) or an explicit path (``x/2019.yaml``)."""
    text = str(id_or_path).strip()
    looks_like_path = text.endswith((".yaml", ".yml")) or "/" in text or os.sep in text
    if looks_like_path:
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
    from toolkit.matching import did_you_mean

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
        doc = load_yaml(read_text(SCHEMA_FILE), str(SCHEMA_FILE))
        _META = doc.data
    return _META


def _validator() -> Any:
    import cerberus

    meta = _meta_schema()
    return cerberus.Validator(meta["schema"], rules_set_registry=cerberus.schema.RulesSetRegistry(meta["registry"]))


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


#: Environment variable naming the folder where validation results are
#: remembered (default ``$XDG_CACHE_HOME/villkor`` or ``~/.cache/villkor``).
CACHE_ENV = "VILLKOR_CACHE_DIR"


def _cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "villkor"


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
    h.update(SCHEMA_FILE.read_bytes())
    h.update(b"\0")
    h.update(text.encode("utf-8"))
    return _cache_dir() / "validated" / h.hexdigest()


def read_conditions_file(path: Path) -> YamlDoc:
    """Parse and schema-validate one conditions file (no inheritance)."""
    name = _rel(path)
    text = read_text(path)
    doc = load_yaml(text, name)
    if not isinstance(doc.data, dict):
        raise ConditionsError.of("conditions-not-mapping", name, 1)
    marker = _validated_marker(text)
    if marker.exists():
        return doc
    v = _validator()
    if not v.validate(doc.data, normalize=False):
        from toolkit.cerberus_errors import to_problems

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
    """Cross-references the meta-schema cannot see: unique ids, known targets."""
    problems: list[Problem] = []
    seen: dict[str, Section] = {}
    for s in c.walk_sections():
        if s.id in seen:
            problems.append(Problem("conditions-duplicate-id", {"id": s.id, "first": _where(seen[s.id], name)}, s.file or name, s.line))
        seen[s.id] = s
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
    return problems


def _where(item: Section | Figure, name: str) -> str:
    """``12``, or ``conditions/2017.yaml:12`` when the item comes from another file."""
    if item.file and item.file != name:
        return f"{item.file}:{item.line}"
    return str(item.line)


_CACHE: dict[str, tuple[list[tuple[Path, float]], Conditions]] = {}


def _stamps(files: list[Path]) -> list[tuple[Path, float]]:
    try:
        return [(p, p.stat().st_mtime) for p in files]
    except OSError:
        return []


def load_conditions(id_or_path: str, relative_to: Path | None = None) -> Conditions:
    """Find, read, validate and (where it extends another) merge a decision.

    A cached decision is reused only while none of the files it was built
    from (itself and every decision it extends) has changed.
    """
    path = find_conditions(id_or_path, relative_to)
    key = str(path.resolve())
    hit = _CACHE.get(key)
    if hit is not None and hit[0] and hit[0] == _stamps([p for p, _ in hit[0]]):
        return hit[1]
    from toolkit.inherit import resolve

    c = resolve(path)
    _CACHE[key] = (_stamps(c.files or [path]), c)
    return c


def validate_paths(paths: list[Path]) -> list[tuple[Path, list[Problem]]]:
    """Each file with every problem found in it (and in what it extends), for
    ``conditions validate``; an empty list means the file is valid."""
    from toolkit.inherit import resolve

    out: list[tuple[Path, list[Problem]]] = []
    for p in paths:
        try:
            resolve(p)
            out.append((p, []))
        except (ConditionsError, InputError) as exc:
            out.append((p, list(exc.problems)))
    return out
