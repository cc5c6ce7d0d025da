"""Charts for the HTML summary: inline SVG drawn by matplotlib, then sanitised.

matplotlib is imported only here, and only when a chart is drawn, so the
``check`` path never loads it. Figures are made with
:class:`matplotlib.figure.Figure` directly (no pyplot: no global state) and
saved by the SVG backend with text kept as text (``svg.fonttype: none``), so
nothing refers to a font file and nothing is fetched; mathtext is off
(``text.parse_math``), so a ``$`` in a region's name is just a dollar sign.

The SVG is then parsed and rebuilt from an allow-list of elements and
attributes (:func:`sanitise_svg`): no script, no event handler, no
``foreignObject``, no link that leaves the document, no ``<style>`` (inside an
HTML page an SVG's style sheet would apply to the whole page). A ``<title>``
names the chart for screen readers; the page puts a caption and a table of
the same numbers beside it.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"

#: Okabe and Ito's palette: told apart with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")

#: Longest label drawn on an axis, and in a legend; the full text is in the table beside the chart.
LABEL_CHARS = 34
LEGEND_CHARS = 48

_ELEMENTS = {"svg", "g", "path", "rect", "line", "polyline", "polygon", "circle", "ellipse", "text", "tspan",
             "defs", "clipPath", "use", "title", "desc"}
_ATTRIBUTES = {
    "id", "class", "d", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
    "points", "transform", "viewBox", "version", "style", "fill", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "opacity", "fill-opacity", "stroke-opacity", "clip-path",
    "font-family", "font-size", "font-weight", "font-style", "text-anchor", "dominant-baseline",
    "preserveAspectRatio", "role", "aria-labelledby", "focusable",
}
_REFERENCE = re.compile(r"url\(\s*#[\w.-]+\s*\)")
_ANY_URL = re.compile(r"url\(|@import|expression\(|javascript:", re.I)


@dataclass
class Series:
    """One set of values drawn in one colour: ``None`` where there is no value."""

    name: str
    values: Sequence[float | None]


def _rc(salt: str) -> Any:
    return {
        "svg.fonttype": "none",
        "svg.hashsalt": salt,
        "text.parse_math": False,
        "text.usetex": False,
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans"],
        "font.size": 9,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.titlesize": 10,
    }


#: Width of an average character as a share of the font size (DejaVu Sans):
#: margins are set from the labels' lengths instead of measuring every text
#: (matplotlib's tight_layout draws the whole figure once more to do that).
_CHAR_EM = 0.6


def _text_inches(chars: int, size: float) -> float:
    return chars * size * _CHAR_EM / 72


def _margins(fig: Any, left: float, right: float, top: float, bottom: float) -> None:
    """Margins in inches, as fractions of the figure."""
    width, height = fig.get_size_inches()
    fig.subplots_adjust(left=min(0.6, left / width), right=1 - min(0.5, right / width),
                        top=1 - min(0.4, top / height), bottom=min(0.4, bottom / height))


def _short(label: str, most: int = LABEL_CHARS) -> str:
    """The label on one line, at most ``most`` characters: the middle gives
    way, so "Region Norrbotten (…2017.docx)" keeps what tells two apart."""
    label = " ".join(label.split())
    if len(label) <= most:
        return label
    head = (most - 1) // 2
    return label[:head] + "…" + label[-(most - 1 - head):]


def bar_chart(chart_id: str, title: str, categories: Sequence[str], series: Sequence[Series], axis_label: str,
              tick: Callable[[float], str], limit: float | None = None) -> Markup:
    """Horizontal bars, one group per category and one bar per series; a
    missing value draws no bar (it is never a zero)."""
    import matplotlib

    with matplotlib.rc_context(_rc(chart_id)):
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter

        n, k = len(categories), max(1, len(series))
        height = 0.9 + max(1, n) * (0.22 + 0.16 * k) + (0.3 if k > 1 else 0)
        fig = Figure(figsize=(7.5, height), dpi=72)
        ax = fig.add_subplot()
        bar = 0.8 / k
        for j, ser in enumerate(series):
            ys = [i + (j - (k - 1) / 2) * bar for i in range(n)]
            pairs = [(y, v) for y, v in zip(ys, ser.values) if v is not None]
            if pairs:
                ax.barh([p[0] for p in pairs], [p[1] for p in pairs], height=bar * 0.92,
                        color=PALETTE[j % len(PALETTE)], label=_short(ser.name, LEGEND_CHARS))
            else:  # keep the series in the legend even with no bar
                ax.barh([], [], color=PALETTE[j % len(PALETTE)], label=_short(ser.name, LEGEND_CHARS))
        ax.set_yticks(range(n), [_short(c) for c in categories])
        if n:
            ax.set_ylim(n - 0.5, -0.5)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: tick(v)))
        if limit is not None:
            ax.set_xlim(0, limit)
        ax.set_xlabel(axis_label)
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        legend_rows = 0
        if k > 1:
            legend_rows = (k + 2) // 3
            ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=min(k, 3), frameon=False, fontsize=8)
        longest = max((len(_short(c)) for c in categories), default=4)
        _margins(fig, left=0.2 + _text_inches(longest, 9), right=0.35, top=0.15 + 0.22 * legend_rows, bottom=0.55)
        return _finish(fig, chart_id, title)


def histogram(chart_id: str, title: str, bins: Sequence[str], counts: Sequence[int], axis_label: str) -> Markup:
    """Vertical bars of counts, one per bin (labelled by the caller)."""
    import matplotlib

    with matplotlib.rc_context(_rc(chart_id)):
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator

        fig = Figure(figsize=(7.5, 2.8), dpi=72)
        ax = fig.add_subplot()
        ax.bar(range(len(bins)), counts, color=PALETTE[0], width=0.85)
        ax.set_xticks(range(len(bins)), list(bins), rotation=0, fontsize=7.5)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_ylabel(axis_label)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        _margins(fig, left=0.75, right=0.15, top=0.15, bottom=0.4)
        return _finish(fig, chart_id, title)


def line_chart(chart_id: str, title: str, xs: Sequence[str], series: Sequence[Series], axis_label: str,
               tick: Callable[[float], str]) -> Markup:
    """One line per series over the columns ``xs``; a gap where a value is missing."""
    import matplotlib

    with matplotlib.rc_context(_rc(chart_id)):
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter

        fig = Figure(figsize=(7.5, 3.2), dpi=72)
        ax = fig.add_subplot()
        markers = "osD^v<>p"
        for j, ser in enumerate(series):
            ys = [float("nan") if v is None else v for v in ser.values]
            ax.plot(range(len(xs)), ys, marker=markers[j % len(markers)], color=PALETTE[j % len(PALETTE)],
                    label=_short(ser.name, LEGEND_CHARS), linewidth=1.6)
        ax.set_xticks(range(len(xs)), list(xs))
        ax.set_xlim(-0.3, len(xs) - 0.7)
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: tick(v)))
        ax.set_ylabel(axis_label)
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
        longest = max((len(_short(ser.name, LEGEND_CHARS)) for ser in series), default=4)
        _margins(fig, left=0.8, right=0.45 + _text_inches(longest, 8), top=0.15, bottom=0.4)
        return _finish(fig, chart_id, title)


def _finish(fig: Any, chart_id: str, title: str) -> Markup:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return sanitise_svg(buf.getvalue(), chart_id, title)


def sanitise_svg(svg: str, chart_id: str, title: str) -> Markup:
    """The SVG rebuilt from an allow-list, with ``title`` as its accessible name.

    Everything not on the list is dropped with its content; references may
    only point inside the document (``#id``, ``url(#id)``).
    """
    start = svg.find("<svg")
    if start < 0:
        raise ValueError("not an SVG document")
    root = ET.fromstring(svg[start:])  # our own output, after the prolog and its DOCTYPE
    clean = _clean(root, chart_id + "-")
    if clean is None:
        raise ValueError("not an SVG document")
    clean.set("role", "img")
    clean.set("aria-labelledby", f"{chart_id}-title")
    clean.set("id", chart_id)
    clean.set("style", "stroke-linejoin: round; stroke-linecap: butt")
    clean.set("focusable", "false")
    title_el = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{chart_id}-title"})
    title_el.text = title
    clean.insert(0, title_el)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return Markup(ET.tostring(clean, encoding="unicode"))


def _clean(el: ET.Element, prefix: str) -> ET.Element | None:
    """``el`` and its children from the allow-list; every id (and every
    reference to one) gets ``prefix``, so charts on one page never share an id."""
    tag = el.tag.split("}", 1)[1] if el.tag.startswith(f"{{{SVG_NS}}}") else None
    if tag not in _ELEMENTS or tag in ("title", "desc"):
        return None  # matplotlib writes no title or desc of its own; ours is added after
    out = ET.Element(el.tag)
    for name, value in el.attrib.items():
        if name == f"{{{XLINK_NS}}}href" or name == "href":
            if re.fullmatch(r"#[\w.-]+", value):
                out.set(f"{{{XLINK_NS}}}href", "#" + prefix + value[1:])
            continue
        if name not in _ATTRIBUTES:
            continue
        if _ANY_URL.search(_REFERENCE.sub("", value)):
            continue
        if name == "id":
            value = prefix + value
        out.set(name, _REFERENCE.sub(lambda m: "url(#" + prefix + m.group(0)[4:].strip(" #)") + ")", value))
    out.text = el.text
    for child in el:
        kept = _clean(child, prefix)
        if kept is not None:
            kept.tail = child.tail
            out.append(kept)
    return out
