"""Corpora for the bulk-load tests: invented articles whose extraction (made here, by hand)
holds every value a bulk load must carry exactly as the Cypher writes store it: quotes,
commas, backslashes and line breaks in text, empty strings, lists that are empty or hold one
empty string, extra entity properties of every type (and of different types under one name),
floats that only print exactly with all their digits, WORKS_FOR titles from several articles,
dates missing, quantities sharing a key. Every other article goes through the real pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

from graph.model import Article, Entity, Extraction, Quantity, Relation

TRICKY_FILE = "tricky.jsonl"
TEXTS = [
    "星云科技在洛阳市建设工业互联网平台。总经理王小明表示，平台已服务三百家企业。",
    "晨曦制造与星云科技签署合作协议，金额4.5亿元。",
    "星云科技董事长王小明到访洛阳市老城区。",
]
RECORDS = [
    {"title": '星云, "科技" \\ 平台 1', "text": TEXTS[0], "date": "2022-01-02",
     "source": "洛阳日报", "url": "http://news.example/a?x=1,2",
     "categories": ['工业,"互联网"', "平台"], "tags": ["新闻"]},
    {"title": "晨曦签约 2", "text": TEXTS[1]},
    {"title": "星云到访 3", "text": TEXTS[2], "date": "2021-05-01", "source": "晨报"},
]
XINGYUN = ("Company", "星云科技")
CHENXI = ("Company", "晨曦制造")
LUOYANG = ("City", "洛阳市")
WANG = ("Person", "王小明")


def write_tricky(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / TRICKY_FILE
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS),
                    encoding="utf-8")
    return path


def _rel(rtype: str, head: tuple[str, str], tail: tuple[str, str], sentence: str, start: int,
         confidence: float, **props: str) -> Relation:
    return Relation(rtype, head[1], head[0], tail[1], tail[0], sentence, start,
                    start + len(sentence), f"rule:{rtype.lower()}", confidence, props)


def _tricky(article: Article, n: int) -> Extraction:
    company = {"rank": n, "score": n / 2, "listed": n == 2, "lines": ["甲", "乙"] if n == 1 else []}
    entities = [
        Entity(*LUOYANG, aliases=("洛阳",), mentions=2,
               properties={"level": "district" if n == 3 else "city"}),
        Entity(*XINGYUN, aliases=("星云",) if n == 1 else (), mentions=n, properties=company),
        Entity(*CHENXI, properties={"rank": "first", "codes": [""]}),
        Entity(*WANG, aliases=(), mentions=1),
    ]
    odd = 'a "quoted", comma\\backslash\nnew line\r\nand a return'
    relations = [
        _rel("LOCATED_IN", XINGYUN, LUOYANG, odd, 0, 0.1 + 0.2),
        _rel("SIGNED_WITH", CHENXI, XINGYUN, "晨曦制造与星云科技签署合作协议", 0, 0.9)
        if n != 1 else _rel("SIGNED_WITH", XINGYUN, CHENXI, "", 0, 1 / 3),
        _rel("WORKS_FOR", WANG, XINGYUN, "总经理王小明", 5, 0.8,
             title={1: "总经理", 2: "董事长", 3: ""}[n]),
        _rel("PART_OF", ("City", "老城区"), LUOYANG, "", 0, 1.0),
    ]
    if n == 1:
        relations.append(_rel("WORKS_FOR", WANG, XINGYUN, "王小明任副总经理", 30, 0.7,
                              title="副总经理"))
    quantities = [
        Quantity(450000000, "元", "money", "4.5亿元", "signing", "金额", 20, TEXTS[1], 0, 24,
                 {"type": "SIGNED_WITH", "head_label": "Company", "head": "晨曦制造",
                  "tail_label": "Company", "tail": "星云科技"}),
        Quantity(4.5, "%", "percent", "4.5%", "other", "", 3, odd, 0, 9, {}),
        Quantity(300, "家", "count", "三百家", "served", "服务", 33, TEXTS[0], 0, 40,
                 {"label": "Company", "name": "星云科技"}),
        Quantity(300, "家", "count", "三百家", "empowered", "赋能", 33, TEXTS[0], 0, 40,
                 {"label": "City", "name": "洛阳市"}),
        Quantity(1e-7, "MW", "capacity", "0.0000001MW", "capacity", "装机", 7, "", 0, 0,
                 {"label": "Company", "name": "无名公司"}),
    ]
    return Extraction(article, tuple(entities), tuple(relations), tuple(quantities))


def mixed_extract(article: Article) -> Extraction:
    """The tricky extraction for the articles of TRICKY_FILE, the pipeline for the others."""
    if article.path and Path(article.path.rsplit(":", 1)[0]).name == TRICKY_FILE:
        return _tricky(article, int(article.title[-1]))
    from loaders.extract.pipeline import extract

    return extract(article)
