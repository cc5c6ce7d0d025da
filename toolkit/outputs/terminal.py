"""Text that is safe to show on a terminal.

A heading, a file name, a value in the front matter or a title in a decision
may hold characters that a terminal obeys instead of showing: escape
sequences (``ESC ]0;…`` retitles the window, ``ESC [2J`` clears the screen,
``ESC [8m`` hides what follows), BEL, backspace and carriage return (which
write over "ofullständig"), the C1 controls, and the bidirectional overrides
that make text read in another order than it is stored. :func:`printable`
replaces each with "�", so the writer sees that something is there and the
terminal obeys nothing; every text the command shows passes through it.

JSON keeps the text as it is: :func:`json_escaped` writes those characters
as ``\\uXXXX`` escapes, which any JSON reader turns back into the same text.
"""

from __future__ import annotations

import re

#: What :func:`printable` puts in place of a character a terminal would obey.
REPLACEMENT = "\ufffd"

#: C0 controls but tab and newline, DEL, the C1 controls, the bidirectional
#: marks, embeddings, overrides and isolates, and lone surrogates (from a
#: file name that is not UTF-8; they cannot even be written out).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: The same, less what JSON itself always escapes (the C0 controls).
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with every character a terminal would obey replaced by "�"."""
    return _UNSAFE.sub(REPLACEMENT, text)


def json_escaped(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the
    characters :func:`printable` replaces written as ``\\uXXXX`` escapes.

    Outside strings JSON is ASCII, so every such character is inside a
    string, where the escape means the same character.
    """
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
