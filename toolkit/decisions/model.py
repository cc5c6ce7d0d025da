"""Load a conditions decision (``conditions/<id>.yaml``) into :class:`Conditions`.

A decision is validated against the Cerberus meta-schema in
``schemas/conditions.yaml``; every problem is reported at once with its file
and line. Nothing about a particular year lives in this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any


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
    parts: list[Section] = field(default_factory=list)
    renamed_from: list[str] = field(default_factory=list)
    #: ids of earlier sections, gone from this decision, whose text belongs here
    folded_from: list[str] = field(default_factory=list)
    parent: str | None = None
    depth: int = 0
    line: int | None = None
    #: the conditions file that defined (or last changed) this part
    file: str | None = None
    #: ``file:line`` where ``point`` was written; it differs from ``file`` when
    #: a later decision changed the section but kept the inherited point
    point_from: str | None = None


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
    #: plausible bounds in the figure's unit (kronor for "kr"): an amount
    #: outside them is a warning, so a slipped unit does not pass unseen
    min: Decimal | None = None
    max: Decimal | None = None
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
    #: SHA-256 of the text each of ``files`` was read from, in the same order:
    #: the result cache knows the decision, and all it extends, by them
    digests: list[str] = field(default_factory=list)

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
