"""Charts are inline SVG rebuilt from an allow-list: nothing in them runs or loads."""

from __future__ import annotations

import re

from toolkit.outputs.charts import Series, bar_chart, line_chart, sanitise_svg

HOSTILE_SVG = """<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
 <metadata><rdf>http://purl.org/dc/</rdf></metadata>
 <defs><style>@import url(http://evil.example/x.css); * { fill: red }</style></defs>
 <script>alert(2)</script>
 <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
 <a xlink:href="javascript:alert(3)"><text x="1" y="1">länk</text></a>
 <image xlink:href="http://evil.example/x.png" width="1" height="1"/>
 <use xlink:href="http://evil.example/s.svg#a"/>
 <use xlink:href="#ok"/>
 <path id="ok" d="M 0 0 L 1 1" style="fill: url(http://evil.example/p); stroke: #000" clip-path="url(#c1)" onclick="alert(4)"/>
 <text x="1" y="2">&lt;script&gt;alert(5)&lt;/script&gt;</text>
</svg>"""


def test_sanitising_drops_everything_that_could_run_or_load():
    svg = str(sanitise_svg(HOSTILE_SVG, "chart-x", "Titel <b>"))
    for bad in ("onload", "onclick", "<script", "alert(2)", "foreignObject", "javascript:", "evil.example", "<style",
                "@import", "metadata", "<image", "<a ", "DOCTYPE", "<?xml"):
        assert bad not in svg, bad
    assert '<title id="chart-x-title">Titel &lt;b&gt;</title>' in svg
    assert 'role="img"' in svg and 'aria-labelledby="chart-x-title"' in svg
    assert 'xlink:href="#chart-x-ok"' in svg and 'id="chart-x-ok"' in svg and 'clip-path="url(#chart-x-c1)"' in svg
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in svg


def test_charts_keep_text_as_text_and_ids_apart():
    one = str(bar_chart("chart-1", "Ett", ["Region A", "$x$ <i>"], [Series("Belopp", [1e6, None])], "mnkr", lambda v: f"{v:.0f}"))
    two = str(line_chart("chart-2", "Två", ["2017", "2018"], [Series("Belopp", [1e6, 2e6])], "mnkr", lambda v: f"{v:.0f}"))
    assert "<text" in one and "$x$ &lt;i&gt;" in one  # no mathtext, escaped
    assert "font-family" in one and "@font-face" not in one and "url(" not in one.replace("url(#", "")
    ids = lambda svg: re.findall(r' id="([^"]+)"', svg)  # noqa: E731
    assert ids(one) and not set(ids(one)) & set(ids(two))  # two charts on one page never share an id
    assert len(ids(one)) == len(set(ids(one)))
    for ref in re.findall(r'(?:href="#|url\(#)([^")]+)', one):
        assert ref in ids(one), ref  # every reference still finds its element
