"""The five seed articles come out with the right title, date, source and script, and clean text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest
from support.paths import SEEDS

from loaders import iter_articles, load_file, normalize_text
from loaders.normalize import HANS, HANT

GOLD = Path("/work/shared/gold")

EXPECTED = {
    "000_14939d2c03372406.txt": {
        "title": "数字赋能、产业蝶变，“数字强省”建设提速",
        "date": "2022-08-12",  # front matter, RFC 2822: Fri, 12 Aug 2022 08:37:00 GMT
        "source": "高科技行业门户",  # the front matter's author field names the portal
        "script": HANS,
        "author": None,
        "url": None,
    },
    "001_7ad30a413e0d3cf8.txt": {
        "title": "东营市奋力打造工业互联网创新应用高地",
        "date": "2022-06-07",  # 2022-06-07 10:31:40 +0800
        "source": "中国工业报",  # （文章来源：中国工业报）
        "script": HANS,
        "author": "孟凡君、王永",  # ■ 中国工业报孟凡君通讯员王永
        "url": "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202206072403767554",
    },
    "002_ff181dfd1ad38a95.txt": {
        "title": "市工业互联网专项工作组第二次会议召开",
        "date": "2021-03-17",  # 青島日報2021年3月17日1版
        "source": "青岛日报",
        "script": HANT,
        "author": "薛华飞、孙欣",
        "url": None,
    },
    "003_6f8853c215457124.txt": {
        "title": "四新领航,能级跃升!青岛刷新“工赋”愿景",
        "date": None,  # the text carries no date
        "source": "青岛日报",  # (青岛日报社/观海新闻记者 李晓彤)
        "script": HANS,
        "author": "李晓彤",
        "url": None,
    },
    "004_51071248d9f11fe2.txt": {
        "title": "赋能千行百业转型 工业互联网发展驶入快车道",
        "date": "2022-03-08",
        "source": "人民网",  # （文章来源：人民网）
        "script": HANS,
        "author": None,
        "url": "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202203082301258896",
    },
}


@pytest.fixture(scope="module")
def seeds():
    return {Path(a.path).name: a for a in map(load_file, sorted(SEEDS.glob("*.txt")))}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_metadata(seeds, name):
    article = seeds[name]
    for key, value in EXPECTED[name].items():
        assert getattr(article, key) == value, key


def test_all_seeds_load_through_the_directory_walk():
    names = sorted(Path(a.path).name for a in iter_articles(SEEDS))
    assert names == sorted(EXPECTED)


def test_002_is_simplified_without_pinyin_artifacts(seeds):
    article = seeds["002_ff181dfd1ad38a95.txt"]
    text = article.text
    assert "工业互联网" in text and "業" not in text and "聯" not in text
    assert re.search(r"\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)", text) is None
    assert "(yè)" not in text and "(lián)" not in text
    assert article.quality["pinyin_artifacts"] > 600
    assert article.quality["traditional_chars"] > 2000


def test_002_newspaper_header_is_metadata_not_text(seeds):
    article = seeds["002_ff181dfd1ad38a95.txt"]
    assert not article.text.startswith("青岛日报2021年")
    assert article.text.startswith("市工业互联网专项工作组第二次会议召开\n")
    assert article.editor == "岳文燕"


def test_002_garbled_runs_are_counted_and_kept_out_of_lines(seeds):
    article = seeds["002_ff181dfd1ad38a95.txt"]
    assert article.quality["garbled_chars"] >= 20
    for garbage in ("焙柤", "皬", "毙袆", "?!"):
        assert garbage not in article.text
    # the sentence after a cut starts on its own line instead of being glued to garbage
    assert "\n总裁周云杰在今年全国两会上" in article.text


def test_002_text_matches_opencc_t2s_outside_garbled_runs(seeds):
    """Evidence spans are quoted from OpenCC t2s of the de-pinyined text: every line we keep
    must appear verbatim in that reference (garbled runs are only cut, never rewritten)."""
    raw = (SEEDS / "002_ff181dfd1ad38a95.txt").read_text(encoding="utf-8")
    depinyin = re.sub(r"(?<=[\u4e00-\u9fff])(\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\))+", "", raw)
    reference = opencc.OpenCC("t2s").convert(depinyin)
    for line in seeds["002_ff181dfd1ad38a95.txt"].text.split("\n"):
        assert line in reference


def test_000_fullwidth_numbers_are_folded(seeds):
    text = seeds["000_14939d2c03372406.txt"].text
    assert "2.5万亿元" in text and "2．5" not in text
    assert "31.5%" in text and "％" not in text
    assert "“工赋青岛”2.0新增" in text
    # Chinese punctuation stays; a full-width plus between words is not a number
    assert "，" in text and "《工业炉窑大气污染综合治理方案》" in text
    assert "产业大脑＋未来工厂" in text


def test_html_is_flattened_to_paragraph_lines(seeds):
    text = seeds["000_14939d2c03372406.txt"].text
    assert "<p" not in text and "style=" not in text and "cors.zfour" not in text
    assert "\n企业“点金石”：传统窑炉有了“数字大脑”\n" in text  # a <strong> heading line
    assert "“推广化工行业传感器及移动互联网技术，打造泛在感知的生产环境。”" in text  # inline <a>


def test_markdown_footers_and_credits_are_removed(seeds):
    for name in ("001_7ad30a413e0d3cf8.txt", "004_51071248d9f11fe2.txt"):
        text = seeds[name].text
        assert "返回" not in text and "finews" not in text and "文章来源" not in text
        assert seeds[name].quality["boilerplate_lines"] >= 3
    assert "■" not in seeds["001_7ad30a413e0d3cf8.txt"].text
    assert "分享到" not in seeds["003_6f8853c215457124.txt"].text
    assert "责任编辑" not in seeds["003_6f8853c215457124.txt"].text


def test_front_matter_lists(seeds):
    a000 = seeds["000_14939d2c03372406.txt"]
    assert a000.categories == ("新媒体", "高科技行业门户", "新闻")
    assert seeds["001_7ad30a413e0d3cf8.txt"].tags == ("中国工业报新闻",)


def test_ids_are_stable_and_distinct(seeds):
    again = {Path(a.path).name: a.id for a in map(load_file, sorted(SEEDS.glob("*.txt")))}
    assert again == {name: a.id for name, a in seeds.items()}
    assert len(set(again.values())) == 5
    assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in again.values())


def test_article_text_is_already_normalized(seeds):
    """Offsets into Article.text stay valid: normalizing it again changes nothing."""
    for article in seeds.values():
        assert normalize_text(article.text) == article.text
        assert normalize_text(article.title) == article.title


@pytest.mark.skipif(not GOLD.is_dir(), reason="gold annotations not available")
def test_gold_evidence_spans_are_found_in_the_text(seeds):
    """Measurement of alignment with the hand-annotated spans (normalized the same way)."""
    missing = []
    for name, article in seeds.items():
        gold = json.loads((GOLD / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
        missing += [r["evidence"] for r in gold["relations"]
                    if normalize_text(r["evidence"]) not in article.text]
    assert missing == []
