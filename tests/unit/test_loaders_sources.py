"""Sources and formats: directories, globs, JSON Lines, streaming, front matter, HTML, dates."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from pathlib import Path

import pytest

from graph.model import Article
from loaders import LoadError, LoadSummary, iter_articles, load_bytes
from loaders.limits import Limits
from loaders.metadata import parse_date
from loaders.records import iter_jsonl

PARA = "海尔卡奥斯与华光国瓷签署合作协议，华光智慧窑炉数字化车间项目正式启动。"


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("Fri, 12 Aug 2022 08:37:00 GMT", "2022-08-12"),
        ("2022-06-07 10:31:40 +0800", "2022-06-07"),
        ("2022/3/8", "2022-03-08"),
        ("2021年3月17日", "2021-03-17"),
        ("２０２１年３月１７日", "2021-03-17"),
        (dt.date(2022, 3, 8), "2022-03-08"),
        (dt.datetime(2022, 3, 8, 23, 59), "2022-03-08"),
        ("2022-13-45", None),
        ("yesterday", None),
        (20220308, None),
        (None, None),
    ],
)
def test_parse_date(value, iso):
    assert parse_date(value) == iso


def test_directories_are_walked_recursively_in_order(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("甲\n" + PARA, encoding="utf-8")
    (tmp_path / "b" / "deep" / "c.md").write_text("# 丙\n\n" + PARA, encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    titles = [a.title for a in iter_articles(tmp_path)]
    assert titles == ["甲", "丙"]


def test_globs_and_duplicates(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(name + "\n" + PARA, encoding="utf-8")
    got = [Path(a.path).name for a in iter_articles([str(tmp_path / "x*.txt"), tmp_path])]
    assert got == ["x1.txt", "x2.txt", "y.txt"]  # each file once


def test_jsonl_records(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"title": "标题一", "text": PARA, "date": "2022-08-12", "source": "人民网",
         "url": "https://example.com/1", "id": "a1", "author": "张三", "tags": ["工业互联网"]},
        {"html": "<h1>标题二</h1><p>" + PARA + "</p><style>p{}</style>",
         "date": "Fri, 12 Aug 2022 08:37:00 GMT"},
        {"text": "青島市工業(yè)互聯(lián)網發展。", "title": "繁體標題"},
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                      encoding="utf-8")
    one, two, three = iter_articles(corpus)
    assert (one.id, one.title, one.date, one.source, one.url, one.author, one.tags) == (
        "a1", "标题一", "2022-08-12", "人民网", "https://example.com/1", "张三", ("工业互联网",))
    assert one.path == f"{corpus}:1"
    assert two.title == "标题二" and two.text == "标题二\n" + PARA and two.date == "2022-08-12"
    assert len(two.id) == 16
    assert three.text == "青岛市工业互联网发展。" and three.title == "繁体标题"
    assert three.script == "zh-Hant"


def test_jsonl_overlong_record_is_skipped_and_the_rest_goes_on(tmp_path):
    corpus = tmp_path / "c.jsonl"
    long_row = json.dumps({"text": PARA * 200}, ensure_ascii=False)
    corpus.write_text(long_row + "\n" + json.dumps({"text": PARA}, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    first, second = iter_jsonl(corpus, limits=Limits(max_record_bytes=2000))
    assert isinstance(first, LoadError) and "byte limit" in first.reason
    assert first.path == f"{corpus}:1"
    assert isinstance(second, Article) and second.path == f"{corpus}:2"


def test_jsonl_invalid_utf8_line(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b'{"text": "\xff\xfe"}\n' + json.dumps({"text": PARA}).encode() + b"\n")
    bad, good = iter_articles(corpus)
    assert isinstance(bad, LoadError) and "not valid UTF-8" in bad.reason
    assert isinstance(good, Article)


def test_iter_articles_is_lazy_and_streams(tmp_path):
    """Memory does not grow with the corpus: reading ten times as many records does not raise
    the peak allocation."""
    corpus = tmp_path / "big.jsonl"
    row = json.dumps({"text": PARA * 20}, ensure_ascii=False)

    def peak(rows: int) -> int:
        corpus.write_text((row + "\n") * rows, encoding="utf-8")
        summary = LoadSummary()
        tracemalloc.start()
        count = sum(1 for _ in iter_articles(corpus, summary=summary))
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == rows == summary.read
        return top

    small, large = peak(100), peak(1000)
    assert large < small * 1.5
    assert large < 2_000_000


def test_front_matter_fields_and_html_body():
    data = (
        "---\ntitle: 卡奥斯赋能淄博\ndate: 2022-06-07\nauthor: 李四\ncategories: [新闻, 工业]\n"
        "tags: 工业互联网\nurl: https://example.com/a\nimages: [a.png]\n---\n"
        "<div><p>第一段" + PARA + "</p><h2>小标题</h2><p>第二段<a href='x'>链接文字</a>结束。</p>"
        "<script>alert(1)</script><ul><li>一</li><li>二</li></ul></div>\n"
    ).encode()
    article = load_bytes(data, "a.md", suffix=".md")
    assert article.title == "卡奥斯赋能淄博"
    assert article.date == "2022-06-07"
    assert article.author == "李四"
    assert article.categories == ("新闻", "工业") and article.tags == ("工业互联网",)
    assert article.url == "https://example.com/a"
    assert article.text == f"第一段{PARA}\n小标题\n第二段链接文字结束。\n一\n二"


def test_full_html_page_title_and_meta():
    page = ("<html><head><title>页面标题</title><meta name='author' content='王五'>"
            "<meta property='article:published_time' content='2022-03-08T10:00:00+08:00'>"
            "<style>body{}</style></head><body><p>" + PARA + "</p></body></html>").encode()
    article = load_bytes(page, "p.html", suffix=".html")
    assert (article.title, article.author, article.date) == ("页面标题", "王五", "2022-03-08")
    assert article.text == PARA


def test_plain_text_title_and_dated_header():
    text = ("人民日报2022年3月8日第5版\n工业互联网发展驶入快车道\n" + PARA
            + "\n责任编辑：赵六\n分享到")
    article = load_bytes(text.encode(), "t.txt", suffix=".txt")
    assert article.title == "工业互联网发展驶入快车道"
    assert (article.date, article.source, article.editor) == ("2022-03-08", "人民日报", "赵六")
    assert article.text == "工业互联网发展驶入快车道\n" + PARA


def test_plain_text_without_a_short_first_line_gets_a_clipped_title():
    text = PARA * 5
    article = load_bytes(text.encode(), "t.txt")
    assert article.title == PARA[: PARA.index("。")]


def test_markdown_links_keep_their_text():
    md = "---\ntitle: t\n---\n见[工信部网站](https://miit.gov.cn)的通知。\n\n[返回首页](/)｜[更多](/m)\n"
    article = load_bytes(md.encode(), "m.md", suffix=".md")
    assert article.text == "见工信部网站的通知。"
    assert article.quality["boilerplate_lines"] == 1


def test_a_folder_that_cannot_be_listed_is_reported(tmp_path):
    from loaders.paths import _walk

    (error,) = list(_walk(tmp_path / "gone"))
    assert isinstance(error, LoadError)
    assert error.path == str(tmp_path / "gone") and error.reason.startswith("cannot list folder")


def test_jsonl_odd_values_are_load_errors_or_articles(tmp_path):
    corpus = tmp_path / "c.jsonl"
    lines = [
        '{"id": ' + "9" * 5000 + ', "text": "正文。"}',  # int too long for Python to convert
        "[" * 100_000 + "]" * 100_000,  # nested too deeply
        '{"text": "正文。", "title": {"a": 1}, "tags": [1, null, "标签"], "date": 20220808}',
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    long_id, deep, odd = iter_articles(corpus)
    assert isinstance(long_id, LoadError) and "invalid JSON" in long_id.reason
    assert isinstance(deep, LoadError) and "invalid JSON" in deep.reason
    assert isinstance(odd, Article)
    assert (odd.title, odd.tags, odd.date) == ("正文。", ("1", "标签"), None)
