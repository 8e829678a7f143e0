"""A bound on how deeply HTML elements nest, applied before the HTML parser sees a page.

The HTML parser (lexbor) checks the stack of open elements for every block start tag (`<div>`,
`<ul>`, `<section>`…: "is a <p> open in button scope?"), so its time grows with the square of
the nesting depth: 100,000 nested `<div>`s (1.1 MB) take half a minute. No page of news nests
anywhere near MAX_DEPTH; past that depth a start tag (and the end tag that closes it) is
replaced by a line break for a block element (the caller has made the page's own line breaks
spaces, so this one stays a break in the text) and dropped for any other: the text and its
lines are kept and the parse stays linear. One pass over the tags, linear in the page.
"""

from __future__ import annotations

import re

MAX_DEPTH = 400

# Elements that never hold content, or that the parser closes by itself when the next one
# opens (so they do not pile up): they are not counted.
_NOT_NESTING = frozenset(
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
        "keygen", "link", "meta", "param", "source", "track", "wbr", "p", "li", "dt", "dd",
        "option", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "html",
        "head", "body"
    }
)
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
        "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "listing",
        "main", "menu", "nav", "ol", "optgroup", "pre", "search", "section", "summary", "table",
        "ul", "h1", "h2", "h3", "h4", "h5", "h6"
    }
)
_TAG = re.compile(r"<!--|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
_RAW_TEXT = {"script": "</script", "style": "</style", "textarea": "</textarea"}


def bound_nesting(source: str, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """(source with nesting past `max_depth` flattened, number of tags replaced or dropped).
    A page with fewer start tags than `max_depth` is returned as it is, without a scan."""
    if source.count("<") < max_depth:
        return source, 0
    lower = source.lower()
    out: list[str] = []
    pos = depth = excess = changed = scan = 0
    for match in _TAG.finditer(source):
        start = match.start()
        if start < scan:
            continue  # inside a comment or a script
        name = match.group(2)
        if name is None:  # a comment: its tags are not tags
            end = source.find("-->", start + 4)
            scan = len(source) if end < 0 else end + 3
            continue
        name = name.lower()
        if name in _NOT_NESTING or match.group(0).endswith("/>"):
            continue
        closing = match.group(1) == "/"
        if not closing and name in _RAW_TEXT:  # its content is text, not tags
            end = lower.find(_RAW_TEXT[name], match.end())
            scan = len(source) if end < 0 else end
            continue
        if closing:
            if not excess:
                depth = max(depth - 1, 0)
                continue
            excess -= 1
        elif depth < max_depth:
            depth += 1
            continue
        else:
            excess += 1
        out.append(source[pos:start])
        out.append("\n" if name in _BLOCK else "")
        pos = match.end()
        changed += 1
    if not changed:
        return source, 0
    out.append(source[pos:])
    return "".join(out), changed
