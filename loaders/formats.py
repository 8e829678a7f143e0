"""Document structure: YAML front matter, HTML bodies, Markdown footers and plain text.

Everything here works on decoded but not yet normalized text and returns a `RawDocument`: the
body as lines of plain text plus the fields the document itself declares (front matter, HTML
<head>, a JSON record). Metadata found *inside* the text (bylines, newspaper headers, source
credits) is the job of `metadata.py`, which runs after normalization.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from selectolax.lexbor import LexborHTMLParser

from loaders.errors import Rejected
from loaders.html_depth import bound_nesting

try:  # the C loader is much faster; same results
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]

MAX_FRONT_MATTER_CHARS = 64_000


@dataclass
class RawDocument:
    text: str  # plain text, one paragraph or heading per line, not normalized
    kind: str  # "html", "markdown" or "text"
    fields: dict[str, Any] = field(default_factory=dict)  # declared metadata (front matter…)
    footer_urls: list[str] = field(default_factory=list)  # bare links cut from the body
    boilerplate_lines: int = 0


# -- front matter ------------------------------------------------------------------------------

_OPENING = re.compile(r"\A(?:[ \t]*\r?\n)*---[ \t]*\r?\n")  # blank lines, then ---
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """(front matter, body). No front matter: (None, text). A front matter must open with `---`
    as the first non-blank line and close with `---` (or `...`); its YAML must be a mapping."""
    opening = _OPENING.match(text)
    if opening is None:
        return None, text
    first_line = text.count("\n", 0, opening.end())  # 1-based number of the --- line
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise Rejected(f"front matter opened by '---' on line {first_line} is never closed")
    source = text[opening.end() : closing.start()]
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise Rejected(
            f"front matter is {len(source):,} characters long (limit is {MAX_FRONT_MATTER_CHARS:,})"
        )
    data = _load_yaml(source, line_offset=first_line)
    body = text[closing.end() :]
    if not body.strip():
        raise Rejected("front matter but no body")
    return data, body


def _load_yaml(source: str, line_offset: int) -> dict[str, Any]:
    try:
        data = yaml.load(source, Loader=_YamlLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" (line {mark.line + line_offset + 1})" if mark is not None else ""
        raise Rejected(f"invalid YAML front matter: {exc.problem or exc.context}{where}") from None
    except yaml.YAMLError as exc:
        raise Rejected(f"invalid YAML front matter: {exc}") from None
    except (ValueError, OverflowError, RecursionError) as exc:  # e.g. date: 2022-13-45
        raise Rejected(f"invalid value in YAML front matter: {exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise Rejected(f"front matter is a YAML {type(data).__name__}, not a mapping of fields")
    return {str(k).strip().lower(): v for k, v in data.items()}


# -- Markdown ----------------------------------------------------------------------------------

_AUTOLINK_LINE = re.compile(r"^\s*<(https?://[^<>\s]+)>\s*$")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\(([^)\n]*)\)")
_LINK_SEPARATORS = re.compile(r"[\s|｜·•/>\-—]*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _strip_markdown_lines(text: str, doc: RawDocument, html: bool) -> str:
    """Cut bare-link lines and link-only footers (`[返回人民网新闻](…)｜[返回首页](…)`),
    keep the text of inline links, drop images. Headings and bold only outside HTML."""
    kept = []
    for line in text.split("\n"):
        auto = _AUTOLINK_LINE.match(line)
        if auto:
            doc.footer_urls.append(auto.group(1))
            doc.boilerplate_lines += 1
            continue
        line = _IMAGE.sub("", line)
        if "](" in line:
            if _LINK_SEPARATORS.fullmatch(_LINK.sub("", line)) and _LINK.search(line):
                doc.boilerplate_lines += 1
                continue
            line = _LINK.sub(r"\1", line)
        if not html:
            line = _BOLD.sub(r"\2", _HEADING.sub("", line))
        kept.append(line)
    return "\n".join(kept)


# -- HTML --------------------------------------------------------------------------------------

_HTML_HINT = re.compile(
    r"<(?:p|div|br|span|strong|b|em|i|a|img|h[1-6]|table|tr|td|ul|ol|li|section|article|"
    r"blockquote|html|body|head|script|style|font|center|figure|iframe|meta|title)\b[^<>]*>",
    re.IGNORECASE,
)
_DROP_TAGS = [
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "canvas",
    "select",
    "button",
    "math",
]
_BLOCKS = (
    "p,div,h1,h2,h3,h4,h5,h6,li,ul,ol,dl,dt,dd,tr,table,blockquote,section,article,"
    "header,footer,aside,nav,main,figure,figcaption,caption,pre,hr,address,center,form,"
    "fieldset,details,summary"
)
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


# Titles page editors put in a new page, never replaced by the site (a JSP page made in Eclipse
# keeps "Insert title here"): not the article's title, which then comes from <h1> or the text.
PLACEHOLDER_TITLES = frozenset(
    {"insert title here", "untitled document", "untitled", "无标题文档", "无标题页", "document"}
)


def looks_like_html(text: str) -> bool:
    return _HTML_HINT.search(text) is not None


def _html_fields(tree: LexborHTMLParser) -> dict[str, Any]:
    """Title, author and date declared in an HTML <head>, when there is one."""
    found: dict[str, Any] = {}
    title = tree.css_first("title")
    title_text = title.text(strip=True) if title is not None else ""
    if title_text and title_text.lower() not in PLACEHOLDER_TITLES:
        found["title"] = title_text
    names = {
        "author": "author",
        "article:author": "author",
        "source": "source",
        "og:site_name": "source",
        "article:published_time": "date",
        "pubdate": "date",
        "publishdate": "date",
        "date": "date",
        "og:url": "url",
    }
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        target = names.get(key)
        if target and attrs.get("content") and target not in found:
            found[target] = attrs["content"]
    return found


def html_to_text(source: str) -> tuple[str, dict[str, Any]]:
    """Visible text of an HTML document or fragment, one block (paragraph, heading, list item,
    table row, <br>) per line; script, style and similar are dropped with their content."""
    # In HTML a newline is just a space; a blank line (Markdown around raw HTML) is a break,
    # except before the first tag, where a break would open the body before the <head>.
    source = _BLANK_LINE.sub("<br>", source.lstrip()).replace("\n", " ")
    source, _flattened = bound_nesting(source)  # the parser is quadratic in the depth
    tree = LexborHTMLParser(source)
    found = _html_fields(tree)
    tree.strip_tags(_DROP_TAGS)
    for node in tree.css(_BLOCKS):
        node.insert_before("\n")
        node.insert_after("\n")
    for node in tree.css("br"):
        node.insert_after("\n")
    for node in tree.css("td,th"):
        node.insert_after(" ")
    root = tree.body if tree.body is not None else tree.root
    text = root.text(deep=True) if root is not None else ""
    if "title" not in found:
        heading = tree.css_first("h1")
        if heading is not None and heading.text(strip=True):
            found["title"] = heading.text(strip=True)
    return text, found


# -- server pages ------------------------------------------------------------------------------

# Templates saved as they sit on the server (JSP, ASP, PHP) hold code the server would have run:
# directives (<%@ page … %>), scriptlets (<% … %>), expressions (<%= … %>), comments
# (<%-- … --%>), PHP blocks (<?php … ?>, <?= … ?>). None of it is article text; it is cut before
# the HTML parser sees it (a directive before <html> would otherwise push <head> into the body).
# In an HTML page a `<` of prose is written `&lt;`; still, `<%5` (a number) is left alone, and so
# is an unclosed `<%`. An unclosed `<?php` runs to the end of the file, as in PHP.
_SERVER_OPEN = re.compile(r"<%(?![\d.])|<\?(?:php\b|=)", re.IGNORECASE)
# Parameters of JSP include/import tags are values passed to another page, never shown.
_SERVER_PARAM = re.compile(r"<(c|jsp):param\b[^<>]*(?:/>|>[^<]*</\1:param\s*>)", re.IGNORECASE)
_LINE_REST = re.compile(r"[ \t\r]*(?:\n|\Z)")
SERVER_PAGE_SUFFIXES = frozenset(
    {".jsp", ".jspx", ".jspf", ".asp", ".aspx", ".ascx", ".php", ".phtml", ".tpl", ".shtml"}
)


def strip_server_code(text: str) -> str:
    """Cut server-side directives, scriptlets, comments and PHP blocks out of a page (one pass,
    linear: once a closing mark is missing, no later opening can be closed by it)."""
    if "<%" in text or "<?" in text:
        text = _strip_blocks(text)
    if ":param" in text:
        text = _SERVER_PARAM.sub("", text)
    return text


def _strip_blocks(text: str) -> str:
    out: list[str] = []
    pos = 0
    unclosed: set[str] = set()
    for opening in _SERVER_OPEN.finditer(text):
        if opening.start() < pos:
            continue  # inside a block already cut
        after = opening.end()
        if opening.group().startswith("<?"):
            close = "?>"
        elif text.startswith("--", after):
            close, after = "--%>", after + 2
        else:
            close = "%>"
        if close in unclosed:
            continue
        end = text.find(close, after)
        if end < 0:
            if close != "?>":
                unclosed.add(close)  # left as it is: not server code after all
                continue
            end = len(text)  # PHP allows leaving the last block open
        else:
            end += len(close)
        start = opening.start()
        # A block alone on its line takes the line with it: the blank lines left behind would
        # be read as breaks, and a break before <head> puts the head's title into the body.
        # Both looks are bounded (back to the last cut, forward over blanks): the pass stays
        # linear on a page of one long line.
        newline = text.rfind("\n", pos, start)
        at_line_start = newline >= 0 or pos == 0 or text[pos - 1] == "\n"
        line_start = newline + 1 if newline >= 0 else pos
        rest = _LINE_REST.match(text, end)
        if at_line_start and rest and not text[line_start:start].strip():
            start, end = line_start, rest.end()
        out.append(text[pos:start])
        pos = end
    out.append(text[pos:])
    return "".join(out)


# -- dispatch ----------------------------------------------------------------------------------

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def parse_body(
    body: str, fields: dict[str, Any], *, markdown: bool, html: bool | None = None
) -> RawDocument:
    """Turn a body into plain text lines. `html=None` sniffs for HTML tags."""
    if html is None:
        html = looks_like_html(body)
    if html:
        body = strip_server_code(body)
    doc = RawDocument(
        text="", kind="html" if html else ("markdown" if markdown else "text"), fields=dict(fields)
    )
    if markdown or html:
        body = _strip_markdown_lines(body, doc, html=html)
    if html:
        text, declared = html_to_text(body)
        for key, value in declared.items():
            doc.fields.setdefault(key, value)
        if not text.strip():
            raise Rejected("no visible text in the HTML (only markup, scripts or styles)")
        doc.text = text
    else:
        doc.text = body
    return doc


def parse_document(text: str, suffix: str) -> RawDocument:
    """A whole decoded file: front matter if any, then the body by its kind."""
    suffix = suffix.lower()
    if suffix in SERVER_PAGE_SUFFIXES:
        text = strip_server_code(text)  # before sniffing: a page of only code has no text
        if not text.strip():
            raise Rejected("only server-side code (directives, scriptlets), no page text")
    front, body = split_front_matter(text)
    markdown = front is not None or suffix in MARKDOWN_SUFFIXES
    html = True if suffix in HTML_SUFFIXES else None
    return parse_body(body, front or {}, markdown=markdown, html=html)
