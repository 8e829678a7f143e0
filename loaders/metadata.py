"""From a parsed document to an `Article`: normalized text, credits and headers taken out of the
text into metadata, title, ISO date, source, author, stable id.

Credit lines are recognized on the normalized (Simplified) text, so one pattern covers both
scripts: 青島日報 has become 青岛日报 by the time it is seen here.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import re
from dataclasses import dataclass, field
from typing import Any

from graph.model import Article
from loaders.errors import Rejected
from loaders.formats import RawDocument
from loaders.normalize import normalize, normalize_text

MAX_LINE_CHARS = 50_000  # a "paragraph" longer than this is not prose
MAX_TITLE_CHARS = 80

_HAN = "\u4e00-\u9fff"

# -- dates -------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[ T\s])")
_CN_DATE = re.compile(r"(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from a YAML date/datetime or a string in any of the forms met:
    `2022-06-07 10:31:40 +0800`, RFC 2822 `Fri, 12 Aug 2022 08:37:00 GMT`, `2021年3月17日`.
    The date is the one written (no time-zone shift). None when there is no valid date."""
    if isinstance(value, dt.datetime):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return _valid(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    text = normalize_text(value)
    for pattern in (_ISO_DATE, _CN_DATE):
        match = pattern.search(text) if pattern is _CN_DATE else pattern.match(text)
        if match:
            return _valid(*(int(g) for g in match.groups()))
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return _valid(parsed.year, parsed.month, parsed.day)


# -- credit and header lines -------------------------------------------------------------------

_OPEN, _CLOSE = r"[（(【\[]?", r"[）)】\]]?"
_NEWSPAPER_HEADER = re.compile(
    rf"^(?P<source>[{_HAN}]{{2,20}}?(?:报|刊))\s?(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)"
    r"\s?(?:第?\s?[0-9A-Za-z]{1,4}\s?版)?$"
)
_DATELINE = re.compile(
    r"^(?:(?:发布|发表)?(?:时间|日期)\s?[：:]\s?)?(?P<date>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)"
    r"(?:\s?\d{1,2}:\d{2}(?::\d{2})?)?"
    r"(?:\s*(?:来源|来自)\s?[：:]\s?(?P<source>\S{1,30}))?$"
)
_SOURCE_LINE = re.compile(
    rf"^{_OPEN}\s?(?:文章|本文|新闻)?(?:来源|来自|出处|稿源)\s?[：:]\s?"
    rf"(?P<source>[^（）()【】\[\]]{{1,40}}?)\s?{_CLOSE}$"
)
_EDITOR_LINE = re.compile(
    rf"^{_OPEN}\s?(?P<role>责任编辑|责编|编辑|审核|校对|监制|审校|终审)\s?[：:]\s?"
    rf"(?P<name>[^（）()【】\[\]]{{1,30}}?)\s?{_CLOSE}$"
)
_SHARE_LINE = re.compile(
    r"^(?:分享到|分享至|分享|扫一扫|打印本页|关闭窗口|返回顶部|【打印】|【关闭】)"
)
_BYLINE = re.compile(r"^[■●◆▲□]\s?(?P<byline>.{2,60})$")
_ROLE = re.compile(r"(?:本报|特约)?(?:记者|通讯员|实习生|评论员)")
_OUTLET_PREFIX = re.compile(rf"^[{_HAN}]{{2,12}}?(?:日报|晚报|报|网|社|台)")
_INLINE_CREDIT = re.compile(
    rf"[（(](?P<outlet>[^（）()\n]{{0,30}}?)(?:本报)?记者\s?"
    rf"(?P<names>[{_HAN}](?:\s?[{_HAN}]){{1,3}}(?:\s[{_HAN}](?:\s?[{_HAN}]){{1,3}})*)[）)]"
)
_OUTLET_NAME = re.compile(r"(?:门户|网|报|社|新闻|杂志|频道|电视台|周刊|在线|资讯|网站|平台)$")
_TITLE_QUOTES = re.compile(rf"_([{_HAN}][^_]*?)_")
_SENTENCE_END = re.compile(r"[。！？!?]")
_MAX_CREDIT_LINE = 64


def _clean_source(name: str) -> str:
    name = name.strip(" ：:（）()【】[]")
    if name.endswith("日报社") or name.endswith("晚报社"):
        name = name[:-1]  # the paper, not its publishing house
    return name


def _names(chunk: str) -> list[str]:
    """Person names in a credit: `孙 欣` (padded two-character name) is one name,
    `张三 李四` are two."""
    parts = chunk.split()
    if all(len(p) == 1 for p in parts):
        return ["".join(parts)] if 2 <= len(parts) <= 4 else []
    return [p for p in parts if 2 <= len(p) <= 4]


def _byline(text: str, known_source: str | None) -> tuple[str | None, list[str]]:
    """`中国工业报孟凡君通讯员王永` → ('中国工业报', ['孟凡君', '王永'])."""
    outlet = None
    if known_source and text.startswith(known_source):
        outlet, text = known_source, text[len(known_source) :]
    else:
        match = _OUTLET_PREFIX.match(text)
        if match and _ROLE.search(text):
            outlet, text = match.group(), text[match.end() :]
    names = [n for chunk in _ROLE.split(text) for n in _names(chunk.strip())]
    return outlet, names


@dataclass
class TextMeta:
    """What the text itself says about the article."""

    source: str | None = None
    credit_source: str | None = None  # outlet named next to a reporter, weaker than a credit line
    date: str | None = None
    authors: list[str] = field(default_factory=list)
    editor: str | None = None
    dropped: int = 0


def _take_text_meta(lines: list[str], hint_source: str | None) -> tuple[list[str], TextMeta]:
    """Split the normalized lines into the article's lines and its credits/headers."""
    meta = TextMeta()
    kept: list[str] = []
    at_top = True  # header, dateline and byline are only looked for before the first paragraph
    for line in lines:
        if at_top:
            header = _NEWSPAPER_HEADER.match(line) or _DATELINE.match(line)
            if header:
                meta.date = meta.date or parse_date(header.group("date"))
                if header.group("source"):
                    meta.source = meta.source or _clean_source(header.group("source"))
                meta.dropped += 1
                continue
            byline = _BYLINE.match(line) if len(kept) < 3 else None
            if byline:
                outlet, names = _byline(byline.group("byline"), hint_source)
                meta.credit_source = meta.credit_source or outlet
                meta.authors.extend(n for n in names if n not in meta.authors)
                meta.dropped += 1
                continue
        short = len(line) <= _MAX_CREDIT_LINE  # credit lines are short; most lines skip the regexes
        source = _SOURCE_LINE.match(line) if short else None
        if source:
            meta.source = _clean_source(source.group("source"))  # the last credit wins
            meta.dropped += 1
            continue
        editor = _EDITOR_LINE.match(line) if short else None
        if editor:
            if editor.group("role") in ("责任编辑", "责编", "编辑"):
                meta.editor = meta.editor or "".join(editor.group("name").split())
            meta.dropped += 1
            continue
        if len(line) <= 30 and _SHARE_LINE.match(line):
            meta.dropped += 1
            continue
        for credit in _INLINE_CREDIT.finditer(line) if "记者" in line else ():
            outlet = credit.group("outlet").split("/")[0]
            if outlet and not meta.credit_source:
                meta.credit_source = _clean_source(outlet)
            meta.authors.extend(n for n in _names(credit.group("names")) if n not in meta.authors)
        kept.append(line)
        at_top = at_top and len(kept) < 3
    return kept, meta


# -- fields ------------------------------------------------------------------------------------


# Entities written out in declared fields (front matter, JSON records): `&nbsp;`, `&amp;`,
# `&#12288;`, `&#x3000;`. Only the complete forms, with the semicolon: `R&D` or `&copy2` stay.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """`&amp;` → `&`, `&#12288;` → U+3000 …; unknown names are left as they are."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def _text_field(value: Any, *, unescape: bool = True) -> str | None:
    """A declared field as one line of normalized text, HTML entities unescaped (every kind of
    space, U+00A0 and U+3000 included, becomes one plain space, as in the body)."""
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return None
    text = str(value)
    if unescape:
        text = unescape_entities(text)
    text = " ".join(normalize_text(text).split())
    return text or None


def _list_field(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, (list, tuple)) else [value]
    out: list[str] = []
    for item in items:
        text = _text_field(item)
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _title(fields: dict[str, Any], lines: list[str]) -> str:
    title = _text_field(fields.get("title"))
    if title:
        # The Hexo mirror wrote quotation marks as underscores: _数字强省_ → “数字强省”.
        return _TITLE_QUOTES.sub(r"“\1”", title)
    first = lines[0] if lines else ""
    if "&" in first:  # Markdown or plain text keeps entities in the body
        first = " ".join(normalize_text(unescape_entities(first)).split())
    if len(first) <= MAX_TITLE_CHARS:
        return first
    end = _SENTENCE_END.search(first)
    cut = first[: end.start()] if end and end.start() > 0 else first
    return cut[:MAX_TITLE_CHARS]


def _source_from_tags(values: tuple[str, ...]) -> str | None:
    """Mirror tags such as 人民网新闻 / 中国工业报新闻 name the outlet."""
    for value in values:
        if value.endswith("新闻") and _OUTLET_NAME.search(value[:-2]):
            return value[:-2]
    return None


def article_id(text: str) -> str:
    """Stable across runs and machines: a hash of the normalized text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


# Bounds, in UTF-8 bytes, of the Article properties Neo4j indexes (an index refuses a value over
# ~8 KB): a longer declared id, title or path is cut and ends with a hash of the whole value,
# so two long values that share their start still differ.
MAX_ID_BYTES = 256
MAX_TITLE_BYTES = 1024
MAX_PATH_BYTES = 2048


def bounded(value: str | None, max_bytes: int) -> str | None:
    """`value` when its UTF-8 form fits in `max_bytes`, else its start, `…` and a hash of it."""
    if value is None:
        return None
    data = value.encode("utf-8")
    if len(data) <= max_bytes:
        return value
    digest = hashlib.blake2b(data, digest_size=8).hexdigest()
    head = data[: max_bytes - len(digest) - 4].decode("utf-8", "ignore")
    return f"{head}…{digest}"


def build_article(
    doc: RawDocument, *, path: str | None = None, max_line_chars: int = MAX_LINE_CHARS
) -> Article:
    """Normalize a parsed document and collect its metadata. Raises Rejected when nothing usable
    is left (no text, or a line too long to be prose)."""
    fields = doc.fields
    norm = normalize(doc.text)
    lines = norm.text.split("\n") if norm.text else []
    tags = _list_field(fields.get("tags"))
    categories = _list_field(fields.get("categories") or fields.get("category"))
    hint = _text_field(fields.get("source")) or _source_from_tags(tags + categories)
    if not lines:
        raise Rejected("only whitespace or invisible characters, no text")
    kept, meta = _take_text_meta(lines, hint)
    if not kept:
        raise Rejected("nothing but credit, share or header lines, no article text")
    longest = max(range(len(kept)), key=lambda i: len(kept[i]))
    if len(kept[longest]) > max_line_chars:
        raise Rejected(
            f"a line of {len(kept[longest]):,} characters (limit {max_line_chars:,}); not prose"
        )
    text = "\n".join(kept)

    author = _text_field(fields.get("author"))
    author_is_outlet = author is not None and _OUTLET_NAME.search(author) is not None
    source = (
        meta.source
        or _text_field(fields.get("source"))
        or meta.credit_source
        or hint
        or (author if author_is_outlet else None)
    )
    if author_is_outlet:
        author = None
    author = author or ("、".join(meta.authors) if meta.authors else None)
    date = parse_date(fields.get("date")) or meta.date
    quality = dict(norm.stats)
    if doc.boilerplate_lines + meta.dropped:
        quality["boilerplate_lines"] = doc.boilerplate_lines + meta.dropped
    if fields.get("date") is not None and parse_date(fields.get("date")) is None:
        quality["unparsed_date"] = 1
    url = _text_field(
        fields.get("url") or fields.get("link") or fields.get("permalink"), unescape=False
    )
    if url is None and doc.footer_urls:
        url = doc.footer_urls[0]
    given_id = bounded(_text_field(fields.get("id"), unescape=False), MAX_ID_BYTES)
    return Article(
        id=given_id or article_id(text),
        title=bounded(_title(fields, kept), MAX_TITLE_BYTES) or "",
        text=text,
        date=date,
        source=source,
        author=author,
        editor=_text_field(fields.get("editor")) or meta.editor,
        url=url,
        path=bounded(path, MAX_PATH_BYTES),
        script=norm.script,
        categories=categories,
        tags=tags,
        quality=quality,
    )
