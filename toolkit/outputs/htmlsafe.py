"""The one place Markdown becomes trusted HTML: convert, then sanitise.

Python-Markdown passes raw HTML through untouched, and ``attr_list`` lets a
writer add attributes; nh3 then keeps only the tags and attributes a report
needs, drops ``<script>``/``<style>`` with their content, every event
handler, and every link scheme but http(s), mailto and in-page anchors.
Images are dropped too, so a rendered file never loads anything.
"""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "dl", "dt", "dd",
    "strong", "em", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark",
    "blockquote", "code", "pre", "kbd", "abbr", "span", "div", "nav",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "a",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "td": {"colspan", "rowspan", "style"},
    "ol": {"start"},
    "abbr": {"title"},
}


def sanitise(html: str) -> str:
    """Keep only safe markup: no scripts, handlers, remote content or unsafe links."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


def markdown_chunks_to_html(chunks: list[str], toc_depth: str = "2-3") -> tuple[list[str], str]:
    """Each chunk converted and sanitised on its own, and one table of contents.

    A writer's unclosed ``<div>`` then stays inside its own part instead of
    swallowing the rest of the report.
    """
    import html

    import markdown

    md = markdown.Markdown(
        extensions=["tables", "toc", "attr_list", "sane_lists", "fenced_code"],
        extension_configs={"toc": {"toc_depth": toc_depth}},
        output_format="html",
    )
    from toolkit.outputs.defuse import Budget, protect, restore

    parts: list[str] = []
    tokens: list[dict[str, object]] = []
    plain: dict[str, str] = {}
    budget = Budget()
    for chunk in chunks:
        md.reset()
        protected = protect(chunk, budget)  # a report is not changed; see toolkit.outputs.defuse
        plain.update(protected.plain)
        parts.append(restore(sanitise(md.convert(protected.text)), protected.plain))
        tokens.extend(getattr(md, "toc_tokens", []))

    def items(level_tokens: list[dict[str, object]]) -> str:
        out = []
        for tok in level_tokens:
            children = tok.get("children") or []
            inner = f"<ul>{items(children)}</ul>" if children else ""  # type: ignore[arg-type]
            name = html.escape(html.unescape(str(tok["name"])))
            out.append(f'<li><a href="#{html.escape(str(tok["id"]))}">{name}</a>{inner}</li>')
        return "".join(out)

    toc = f'<div class="toc"><ul>{items(tokens)}</ul></div>' if tokens else ""
    return parts, restore(sanitise(toc), plain)


def markdown_to_html(text: str, toc_depth: str = "2-3") -> tuple[str, str]:
    """(body, table of contents) of one Markdown text as sanitised HTML fragments."""
    (body,), toc = markdown_chunks_to_html([text], toc_depth)
    return body, toc
