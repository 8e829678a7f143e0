"""Loaders: files told apart by content in a directory run, server-page code cut before parsing,
HTML entities in titles, JSON article files. Every page here is invented for the test."""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders import LoadError, LoadSummary, iter_articles, load_bytes, load_file
from loaders.decode import sniff_binary
from loaders.formats import strip_server_code
from loaders.normalize import normalize_text
from loaders.records import iter_jsonl, json_articles

PARA = "星河科技与云帆制造签署战略合作协议，共建工业互联网平台，助力长宁市制造业数字化转型。"
PARA2 = "星河科技表示，平台将接入三百家中小企业，年内完成首批设备上云。"

JSP_PAGE = f"""<%@ page language="java" contentType="text/html;charset=UTF-8" pageEncoding="UTF-8"%>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<!DOCTYPE html>
<html>
<head>
<title>星河科技携手云帆制造<%= request.getAttribute("suffix") %></title>
<c:import url="/common/init.jsp"><c:param name="lastPage">true</c:param></c:import>
</head>
<body>
<%-- 页面注释 <% 不该出现 %> --%>
<% String user = (String) session.getAttribute("user"); %>
<div class="news">
<h1>星河科技携手云帆制造</h1>
<p>{PARA}</p>
<p>{PARA2}<%=user%></p>
</div>
</body>
</html>
"""
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"


def _zip_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "made.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", PARA)
    return path.read_bytes()


def _errors(items) -> dict[str, str]:
    return {Path(e.path).name: e.reason for e in items if isinstance(e, LoadError)}


def _articles(items) -> dict[str, object]:
    return {Path(a.path).name: a for a in items if not isinstance(a, LoadError)}


# -- 1. a directory run decides by content ---------------------------------------------------------


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "news.jsp").write_text(JSP_PAGE, encoding="utf-8")
    html = f"<html><body><p>{PARA}</p></body></html>"
    for suffix in (".asp", ".aspx", ".shtml", ".tpl"):
        (folder / f"news{suffix}").write_text(html, encoding="utf-8")
    (folder / "news.php").write_text(
        f"<?php include 'header.php'; ?>\n<div><p>{PARA}</p></div>\n<?php footer(); ?>",
        encoding="utf-8",
    )
    (folder / "notes.tpl2").write_text(f"星河科技周报\n{PARA}\n", encoding="utf-8")  # plain text
    (folder / "gbk.jsp").write_bytes(f"<p>{PARA}</p>".encode("gb18030"))
    (folder / "photo.jsp").write_bytes(PNG)
    (folder / "bundle.asp").write_bytes(_zip_bytes(tmp_path))
    (folder / "nul.php").write_bytes(b"<html>" + b"\x00" * 64 + b"</html>")
    (folder / "cover.png").write_bytes(PNG)
    (folder / "style.css").write_text("p { color: red }", encoding="utf-8")
    return folder


def test_pages_of_unknown_extension_load_in_a_directory_run(pages: Path):
    summary = LoadSummary()
    items = list(iter_articles(pages, summary=summary))
    articles = _articles(items)
    assert sorted(articles) == sorted(
        [
            "news.jsp",
            "news.asp",
            "news.aspx",
            "news.shtml",
            "news.tpl",
            "news.php",
            "notes.tpl2",
            "gbk.jsp",
        ]
    )
    for article in articles.values():
        assert PARA in article.text
    assert articles["notes.tpl2"].title == "星河科技周报"
    assert summary.read == 8 and len(summary.skipped) == 5


def test_binary_files_are_still_skipped_with_the_reason(pages: Path):
    errors = _errors(iter_articles(pages))
    assert errors["photo.jsp"] == (
        "not an article file (extension '.jsp'): binary file (a PNG image)"
    )
    assert "extension '.asp'" in errors["bundle.asp"] and "ZIP archive" in errors["bundle.asp"]
    assert "extension '.php'" in errors["nul.php"] and "NUL bytes" in errors["nul.php"]
    assert "extension '.png'" in errors["cover.png"] and "PNG image" in errors["cover.png"]
    assert errors["style.css"] == "not an article file (extension '.css', code or a style sheet)"


def test_a_page_loads_the_same_by_name_and_in_a_directory(pages: Path):
    walked = _articles(iter_articles(pages))["news.jsp"]
    named = load_file(pages / "news.jsp")
    assert walked == named


def test_a_binary_page_given_by_name_is_refused(pages: Path):
    with pytest.raises(LoadError, match=r"binary file \(a PNG image\)"):
        load_file(pages / "photo.jsp")


def test_sniff_binary():
    assert sniff_binary(PNG) == "binary file (a PNG image)"
    assert sniff_binary(b"%PDF-1.7\n") == "binary file (a PDF document)"
    assert sniff_binary(b"Rar!\x1a\x07\x00") == "binary file (a RAR archive)"
    assert sniff_binary(b"abc\x00def") == "binary file (contains NUL bytes)"
    assert sniff_binary(JSP_PAGE.encode()) is None
    assert sniff_binary("星河科技".encode("utf-16")) is None  # a BOM, then NUL-rich text
    assert sniff_binary(PARA.encode("gb18030")) is None


# -- 2. server-page code never reaches the text or the title ---------------------------------------


def test_jsp_directives_and_scriptlets_are_cut():
    article = load_bytes(JSP_PAGE.encode(), "news.jsp", suffix=".jsp")
    assert article.title == "星河科技携手云帆制造"
    assert article.text.split("\n") == ["星河科技携手云帆制造", PARA, PARA2]
    for leak in ("<%", "%>", "page", "taglib", "request", "session", "true", "页面注释"):
        assert leak not in article.text and leak not in article.title


def test_a_jsp_page_before_doctype_keeps_its_head_out_of_the_body():
    page = (
        '<%@ page pageEncoding="UTF-8"%>\n<%@ include file="/common/taglibs.jsp"%>\n'
        "<html><head><title>星河科技新闻</title><style>p{}</style></head>"
        f"<body><p>{PARA}</p></body></html>"
    )
    article = load_bytes(page.encode(), "p.jsp", suffix=".jsp")
    assert article.title == "星河科技新闻"
    assert article.text == PARA  # the <title> is not a line of the body


def test_php_blocks_are_cut_even_when_the_last_one_is_open():
    page = f"<?php $t = '标题'; ?><html><body><p><?= $t ?>{PARA}</p></body></html><?php exit;"
    article = load_bytes(page.encode(), "p.php", suffix=".php")
    assert article.text == PARA


def test_server_code_in_an_html_file_is_cut_too():
    page = "<html><body><% if (x) { %><p>" + PARA + "</p><% } %></body></html>"
    assert load_bytes(page.encode(), "p.html", suffix=".html").text == PARA


def test_near_misses_of_server_code_are_left_alone():
    assert strip_server_code("增长<%5，全年%>3") == "增长<%5，全年%>3"  # a number after <%
    assert strip_server_code("<p>a <% b</p>") == "<p>a <% b</p>"  # never closed
    assert strip_server_code('<?xml version="1.0"?><p>x</p>') == '<?xml version="1.0"?><p>x</p>'
    assert strip_server_code("plain text") == "plain text"


def test_a_page_of_only_server_code_is_refused():
    with pytest.raises(LoadError, match="only server-side code"):
        page = b'<%@ page pageEncoding="UTF-8"%>\n<% out.print(1); %>\n'
        load_bytes(page, "x.jsp", suffix=".jsp")


def test_stripping_is_linear_on_many_unclosed_openings():
    text = "<% " * 200_000 + PARA
    started = time.perf_counter()
    assert strip_server_code(text) == text
    assert time.perf_counter() - started < 2


# -- 3. entities and spaces in titles --------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("星河科技&nbsp;发布新平台", "星河科技 发布新平台"),
        ("星河科技&amp;云帆制造签约", "星河科技&云帆制造签约"),
        ("星河科技&#12288;年度报告", "星河科技 年度报告"),
        ("星河科技&#x3000;年度报告", "星河科技 年度报告"),
        ("&ldquo;星河&rdquo;平台上线", "“星河”平台上线"),
        ("星河科技\u3000年度\u00a0报告", "星河科技 年度 报告"),
        ("星河R&D中心&copy2024", "星河R&D中心&copy2024"),  # no semicolon: not an entity
        ("星河&unknownname;", "星河&unknownname;"),
    ],
)
def test_front_matter_titles_are_unescaped_and_spaces_normalized(title, expected):
    md = f'---\ntitle: "{title}"\n---\n\n{PARA}\n'
    assert load_bytes(md.encode(), "a.md", suffix=".md").title == expected


def test_title_spaces_are_normalized_like_the_body():
    raw = "星河科技\u3000\u3000年度报告\u00a0发布"
    page = f"<html><head><title>{raw}</title></head><body><p>{raw}</p><p>{PARA}</p></body></html>"
    article = load_bytes(page.encode(), "p.html", suffix=".html")
    assert article.title == article.text.split("\n")[0] == normalize_text(raw)


def test_html_titles_lose_their_entities():
    page = (
        "<html><head><title>星河科技&amp;云帆&#12288;合作&nbsp;签约</title></head>"
        f"<body><p>{PARA}</p></body></html>"
    )
    assert load_bytes(page.encode(), "p.html", suffix=".html").title == "星河科技&云帆 合作 签约"


def test_a_title_from_the_first_line_of_text_is_unescaped():
    text = f"星河科技&nbsp;发布&amp;签约\n{PARA}\n"
    assert load_bytes(text.encode(), "t.txt", suffix=".txt").title == "星河科技 发布&签约"


def test_a_placeholder_html_title_gives_way_to_the_heading():
    page = f"<html><head><title>Insert title here</title></head><h1>星河快讯</h1><p>{PARA}</p>"
    assert load_bytes(page.encode(), "p.jsp", suffix=".jsp").title == "星河快讯"


# -- 4. JSON article files -------------------------------------------------------------------------


def test_a_json_object_is_one_article(tmp_path: Path):
    record = {
        "title": "星河科技&amp;云帆制造签约",
        "content": f"<div><p>{PARA}</p><p>{PARA2}</p></div>",
        "pubDate": "2024-05-06T08:00:00+08:00",
        "source": "长宁日报",
        "url": "https://news.example.cn/a?id=1&amp;p=2",
        "id": "xh-001",
    }
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    article = load_file(path)
    assert article.title == "星河科技&云帆制造签约"
    assert article.text == f"{PARA}\n{PARA2}"
    assert (article.date, article.source, article.id) == ("2024-05-06", "长宁日报", "xh-001")
    assert article.url == record["url"]  # URLs are kept as written
    assert [a.id for a in iter_articles(path)] == ["xh-001"]


@pytest.mark.parametrize(
    ("body_key", "date_key"), [("text", "date"), ("body", "published"), ("html", "publishedAt")]
)
def test_json_body_and_date_field_names(tmp_path: Path, body_key, date_key):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({body_key: PARA, date_key: "2024-01-02"}), encoding="utf-8")
    article = load_file(path)
    assert article.text == PARA and article.date == "2024-01-02"


def test_a_json_list_yields_each_article_and_names_bad_elements(tmp_path: Path):
    records = [
        {"title": "第一篇", "text": PARA},
        "不是对象",
        {"title": "没有正文"},
        {"title": "第四篇", "content": PARA2},
    ]
    path = tmp_path / "list.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    summary = LoadSummary()
    items = list(iter_articles(path, summary=summary))
    assert [a.title for a in items if not isinstance(a, LoadError)] == ["第一篇", "第四篇"]
    assert [a.path for a in items if not isinstance(a, LoadError)] == [
        f"{path}[0]",
        f"{path}[3]",
    ]
    errors = {e.path: e.reason for e in items if isinstance(e, LoadError)}
    assert errors == {
        f"{path}[1]": "record is a JSON string, not an object",
        f"{path}[2]": "record has no non-empty 'text' or 'html' string (nor 'content' or 'body')",
    }
    assert summary.read == 2 and len(summary.skipped) == 2
    with pytest.raises(LoadError, match="a JSON list of 4 articles; use iter_articles"):
        load_file(path)


def test_a_gold_json_file_is_refused_not_crashed(tmp_path: Path):
    gold = {
        "article": "x.txt",
        "entities": [{"label": "Company", "name": "星河科技"}],
        "relations": [],
    }
    path = tmp_path / "x.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    (error,) = iter_articles(tmp_path)
    assert isinstance(error, LoadError) and error.path == str(path)
    assert "not an article" in error.reason and "'entities'" in error.reason
    with pytest.raises(LoadError, match="gold or extraction file"):
        load_file(path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'"just a string"', "a JSON string, not an article object or a list of them"),
        (b"42", "a JSON number, not an article object"),
        (b"null", "a JSON null"),
        (b"[]", "an empty JSON list, no article"),
        (b'{"title": "x", ', "invalid JSON"),
        (b"", "empty file"),
        (PNG, "binary file (a PNG image)"),
    ],
)
def test_json_that_is_not_an_article_is_a_load_error(data, reason):
    (error,) = json_articles(data, "bad.json")
    assert isinstance(error, LoadError) and error.path == "bad.json"
    assert reason in error.reason


def test_jsonl_records_share_the_json_field_names(tmp_path: Path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"content": f"<p>{PARA}</p>", "pubDate": "2024-03-04"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    (article,) = iter_jsonl(corpus)
    assert article.text == PARA and article.date == "2024-03-04"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from([".json", ".jsp", ".php", ".tpl"]))
def test_arbitrary_bytes_with_new_suffixes_raise_only_load_error(data, suffix):
    try:
        article = load_bytes(data, "x" + suffix, suffix=suffix)
    except LoadError as exc:
        assert exc.reason
    else:
        assert article.text


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=30),
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "title",
                        "text",
                        "html",
                        "content",
                        "body",
                        "date",
                        "pubDate",
                        "entities",
                        "tags",
                        "id",
                        "url",
                    ]
                ),
                inner,
                max_size=5,
            )
        ),
        max_leaves=12,
    )
)
def test_arbitrary_json_gives_articles_or_load_errors(value):
    for item in json_articles(json.dumps(value).encode(), "r.json"):
        assert (isinstance(item, LoadError) and item.reason) or item.text
