"""Match a draft's headings to the decision's sections.

A heading matches a section by explicit id (``{#id}``), by title or by alias,
after :func:`~toolkit.read.text.normalise` has folded it. A heading that nearly
matches gets a "did you mean": first a misspelling of a whole title or alias,
then a heading that contains a title or alias, or most of its words, in other
words ("3. Samverkan med Länsstyrelsen i Jämtlands län" for "Samverkan med
länsstyrelsen"). When two sections fit a heading equally well, none is
suggested: a wrong suggestion is worse than none.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from toolkit.decisions.model import Conditions, Section
from toolkit.read.text import content_words, could_be_close, did_you_mean, normalise, same_word, split_explicit_id

#: A title or alias is suggested when the heading has at least this share of its words.
MOST_WORDS = 0.75
#: ... and they are at least this share of the heading's own words.
ENOUGH_OF_HEADING = 0.25
#: A word in the titles and aliases of this many sections tells them apart from none.
COMMON_IN = 3
#: Words remembered per decision with the title and alias words they stand for.
_WORD_CACHE = 20_000


#: Most headings a matcher remembers (then it starts over): bounded memory in long batches.
_REMEMBERED = 4096


@dataclass(frozen=True)
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
        self._index_words()
        #: headings already matched: a batch meets the same few headings in every draft
        self._seen: dict[tuple[str, bool], Match] = {}

    def _index_words(self) -> None:
        """Each title and alias as its content words, and which names hold each word."""
        sections_with: dict[str, set[str]] = {}
        for s in self.conditions.walk_sections():
            for name in (s.title, *s.aliases):
                for w in content_words(name):
                    sections_with.setdefault(w, set()).add(s.id)
        self._common = {w for w, ids in sections_with.items() if len(ids) >= COMMON_IN}
        self._word_names: list[tuple[tuple[str, ...], Section]] = []
        self._names_with: dict[str, list[int]] = {}
        for s in self.conditions.walk_sections():
            for name in (s.title, *s.aliases):
                words = tuple(dict.fromkeys(w for w in content_words(name) if w not in self._common))
                if words:
                    for w in words:
                        self._names_with.setdefault(w, []).append(len(self._word_names))
                    self._word_names.append((words, s))
        # two words can only be the same word when they start alike (same_word)
        self._vocabulary: dict[str, list[str]] = {}
        for w in self._names_with:
            self._vocabulary.setdefault(w[0], []).append(w)
        self._same: dict[str, tuple[str, ...]] = {}

    def match(self, heading: str, suggest: bool = True) -> Match:
        """The section ``heading`` names; with ``suggest``, the nearest one
        when it names none (the "did you mean", which costs the most).
        Treat the result as read-only: it is shared."""
        key = (heading, suggest)
        found = self._seen.get(key)
        if found is None:
            if len(self._seen) >= _REMEMBERED:
                self._seen.clear()
            found = self._seen[key] = self._match(heading, suggest)
        return found

    def _match(self, heading: str, suggest: bool) -> Match:
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
        if not suggest:
            return Match(None, "")
        # a heading far longer than every name is near none of them by difflib's measure
        close = difflib.get_close_matches(key, self._names, n=1, cutoff=0.8) if could_be_close(key, self._names, 0.8) else []
        if close:
            return Match(None, "", self.by_name[close[0]][0])
        return Match(None, "", self.by_words(title))

    def by_words(self, heading: str) -> Section | None:
        """The one section whose title or alias the heading contains, or whose
        words it mostly has; ``None`` when none does or two fit equally well.

        The cost is linear in the heading's words: each word is looked up in
        the decision's vocabulary (remembered per word), then only the names
        holding a matched word are counted."""
        words = [w for w in dict.fromkeys(content_words(heading)) if w not in self._common]
        if not words:
            return None
        found: dict[int, set[str]] = {}  # name index -> its words the heading has
        for w in words:
            for vw in self._vocabulary_for(w):
                for n in self._names_with[vw]:
                    found.setdefault(n, set()).add(vw)
        best: dict[str, tuple[tuple[float, int, float], Section]] = {}
        for n, hit in found.items():
            name_words, section = self._word_names[n]
            cover, share = len(hit) / len(name_words), len(hit) / len(words)
            if cover < MOST_WORDS or share < ENOUGH_OF_HEADING:
                continue
            score = (cover, len(hit), share)
            if section.id not in best or score > best[section.id][0]:
                best[section.id] = (score, section)
        ranked = sorted(best.values(), key=lambda x: x[0], reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None
        return ranked[0][1]

    def _vocabulary_for(self, word: str) -> tuple[str, ...]:
        """The title and alias words that ``word`` is the same word as."""
        hit = self._same.get(word)
        if hit is None:
            hit = tuple(v for v in self._vocabulary.get(word[0], ()) if same_word(word, v))
            if len(self._same) >= _WORD_CACHE:
                self._same.clear()
            self._same[word] = hit
        return hit

