"""Match a draft's headings to the decision's sections.

A heading matches a section by explicit id (``{#id}``), by title or by alias,
after :func:`~toolkit.read.text.normalise` has folded it. A heading that nearly
matches gets a "did you mean".
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from toolkit.decisions.model import Conditions, Section
from toolkit.read.text import could_be_close, did_you_mean, normalise, split_explicit_id


@dataclass
class Match:
    section: Section | None
    how: str  # "id", "title", "alias", "renamed" or "" when nothing matched
    suggestion: Section | None = None
    unknown_id: str | None = None


class Matcher:
    """Matches headings against one decision; build once, use for many drafts."""

    def __init__(self, conditions: Conditions):
        self.conditions = conditions
        self.by_id: dict[str, Section] = {}
        self.by_name: dict[str, tuple[Section, str]] = {}
        for s in conditions.walk_sections():
            self.by_id[s.id] = s
            for old in s.renamed_from:
                self.by_id.setdefault(old, s)
        for s in conditions.walk_sections():
            self.by_name.setdefault(normalise(s.title), (s, "title"))
        for s in conditions.walk_sections():
            for alias in s.aliases:
                self.by_name.setdefault(normalise(alias), (s, "alias"))
        self._by_norm_id = {normalise(i): s for i, s in self.by_id.items()}
        self._names = list(self.by_name)

    def match(self, heading: str, suggest: bool = True) -> Match:
        """The section ``heading`` names; with ``suggest``, the nearest one
        when it names none (the "did you mean", which costs the most)."""
        title, explicit = split_explicit_id(heading)
        if explicit is not None:
            s = self.by_id.get(explicit)
            if s is not None:
                return Match(s, "id" if s.id == explicit else "renamed")
            hint = did_you_mean(explicit, list(self.by_id)) if suggest else None
            return Match(None, "", self.by_id[hint] if hint else None, unknown_id=explicit)
        key = normalise(title)
        hit = self.by_name.get(key)
        if hit is not None:
            return Match(hit[0], hit[1])
        if key in self._by_norm_id:
            return Match(self._by_norm_id[key], "id")
        if not suggest or not could_be_close(key, self._names, 0.8):
            return Match(None, "")
        close = difflib.get_close_matches(key, self._names, n=1, cutoff=0.8)
        return Match(None, "", self.by_name[close[0]][0] if close else None)
