"""The text a reader of the rendered report sees, from a draft's Markdown.

A section's words are counted in this text, not in the Markdown: ``render``
turns Markdown into HTML (Python-Markdown) and sanitises it (nh3, see
:mod:`toolkit.outputs.htmlsafe`), and what that removes is no text of the
report. Removed here, the same way:

* HTML comments;
* ``<script>``, ``<style>``, ``<template>``, ``<svg>`` and ``<math>`` with all
  they hold (the sanitiser drops their content);
* images, their alt text and titles included (the report has no images);
* link targets and titles (``[text](url "title")``: only ``text`` is seen),
  and reference definitions (``[id]: url "title"``);
* HTML tags with their attribute values (``<span title="…">`` shows nothing
  but what it encloses), declarations and processing instructions;
* attribute lists (``{: .class #id }``);
* character references become the character they stand for (``&nbsp;`` is
  no word, ``&amp;`` no "amp").

Code (fenced blocks and inline code spans) is shown as written, markup and
all, and is left alone. Inside a raw HTML block (a line that starts with
``<div>``, ``<p>`` and the like) Python-Markdown leaves links and images as
written, so the report may show a little more than is counted here, never
less: a near miss makes a section look shorter, not written. Line breaks are kept, so a line in the result is the
same line in the draft. This is a few regular expressions, cheap enough to
run on every section of every draft; a test holds it to the renderer.
"""

from __future__ import annotations

import html
import re

from toolkit.drafts.markdown import fence_closes, fence_opens
from toolkit.drafts.model import strip_comments

#: Characters without which the text has no markup this module removes.
_MARKUP = re.compile(r"[<&\[{]")

_DROPPED = re.compile(r"<(script|style|template|svg|math)\b[^<>]*+>.*?(?:</\1\s*>|\Z)", re.I | re.S)
# possessive (``*+``) so that text full of ``<`` never makes the search
# backtrack: every pattern here runs in time linear in the text
_ATTRIBUTE = r"""(?:\s+[^\s"'<>/=]++(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]++))?)"""
_TAG = re.compile(rf"</?([A-Za-z][A-Za-z0-9-]*+)(?:{_ATTRIBUTE})*+\s*/?>")
#: ``<?…?>`` and ``<!DOCTYPE …>``; the renderer shows the latter as text
#: inside a paragraph, and not counting it there errs on the safe side
_DECLARATION = re.compile(r"<\?[^<>]*+>|<![A-Za-z][^<>]*+>")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>@]+)>", re.I)
_LINK_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"
_IMAGE = re.compile(rf"!\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:{_LINK_TARGET}|\[[^\]]*\])?")
_LINK = re.compile(rf"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]{_LINK_TARGET}")
_REF_LINK = re.compile(r"\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\[([^\[\]]*)\]")
_REF_DEFINITION = re.compile(r"""^ {0,3}\[([^\]\n]++)\]:[ \t]*\S+(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$""", re.M)
_ATTR_LIST = re.compile(
    r"""(?:(?<=^)|(?<=[)*_`\]>]))\{:?[ \t]*(?:(?:[#.][^\s{}]+|[^\s{}=]+=(?:"[^"]*"|'[^']*'|[^\s{}]+))[ \t]*)+\}""",
    re.M,
)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
#: Tags that separate the words on either side of them; other tags (``<b>``,
#: ``<span>``) may sit inside a word.
_BREAKING = frozenset(
    "br p div hr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot tr th td caption "
    "blockquote pre section article aside header footer nav main figure figcaption address img".split()
)


def _blank(match: re.Match[str]) -> str:
    """What is left of removed markup: its line breaks, or a space."""
    return "\n" * match.group(0).count("\n") or " "


def _tag(match: re.Match[str]) -> str:
    newlines = "\n" * match.group(0).count("\n")
    if newlines or match.group(1).lower() in _BREAKING:
        return newlines or " "
    return ""


def _prose(text: str, labels: set[str]) -> str:
    text = _DECLARATION.sub(_blank, text)
    text = _DROPPED.sub(_blank, text)
    text = _IMAGE.sub(_blank, text)
    text = _REF_DEFINITION.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_LINK.sub(
        lambda m: m.group(1) if (m.group(2) or m.group(1)).strip().casefold() in labels else m.group(0), text
    )
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub(_tag, text)
    text = _ATTR_LIST.sub("", text)
    return html.unescape(text) if "&" in text else text


def _outside_code(text: str, labels: set[str]) -> str:
    """Markup removed from ``text`` except inside inline code spans."""
    if "`" not in text:
        return _prose(text, labels)
    out, pos = [], 0
    for m in _CODE_SPAN.finditer(text):
        out.append(_prose(text[pos : m.start()], labels))
        out.append(m.group(2))
        pos = m.end()
    out.append(_prose(text[pos:], labels))
    return "".join(out)


def visible_text(markdown: str) -> str:
    """The words of ``markdown`` that the rendered report shows, line for line."""
    text = strip_comments(markdown)
    if not _MARKUP.search(text):
        return text
    labels = {m.group(1).strip().casefold() for m in _REF_DEFINITION.finditer(text)}
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        if fence is not None:
            closes = fence_closes(line, fence)
            out.append("" if closes else line)
            fence = None if closes else fence
            continue
        opened = fence_opens(line)
        if opened:
            if prose:
                out.append(_outside_code("\n".join(prose), labels))
                prose = []
            fence = opened
            out.append("")  # the fence and its language name are not shown
            continue
        prose.append(line)
    if prose:
        out.append(_outside_code("\n".join(prose), labels))
    return "\n".join(out)
