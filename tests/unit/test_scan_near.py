"""Patterns scanned only near their words (loaders.extract.scan) find what a full scan finds,
and the speed-ups of extraction's patterns (same matches, other spelling) match as before.

Texts are invented: random strings over the words and characters each pattern reads.
"""

from __future__ import annotations

import random
import re

import pytest

from loaders.extract.entities import (
    agencies,
    companies,
    firm_lists,
    organizations,
    people,
    places,
    policies,
    quote_chains,
    quoted,
    slot_firms,
)
from loaders.extract.entities.platforms import _LATIN_NAME
from loaders.extract.entities.policies import _WORK_REPORT, _WORK_REPORT_LEAD
from loaders.extract.entities.projects import _INVEST_VERB, _PROGRAMME
from loaders.extract.entities.slot_firms import _KIND_BEFORE_QUOTES
from loaders.extract.nlp import _SENTENCE_END_RE
from loaders.extract.quantities import _QUANTITY_RE, _matches
from loaders.extract.relations import empowers
from loaders.extract.scan import find_words, finditer_near, stretches

_FILLER = ["星云", "洛阳", "市", "省", "区", "的", "，", "。", "\n", "与", "和", "甲乙", "员", "会"]


def _texts(words: list[str], n: int = 3000, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = words if len(words) > 30 else words + _FILLER
    return ["".join(rng.choice(pool) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def _spans(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


_CHAIN_WORDS = ["“甲乙”", "“星云智造平台”", "“丙”", "、", "、", "等", "App", "平台", "活动",
                "等促消费活动", "等项目", "“丁戊己庚辛壬癸子丑寅卯辰巳午”", "“", "”", "。"] * 3
SITES = [
    (agencies._PARTY_COMMITTEE, agencies._COMMITTEE_CHAR, *agencies._PARTY_COMMITTEE_REACH,
     ["省委", "市委", "自治区党委", "委", "区党委"]),
    *(
        (slot, word, *reach, [*words.split("|"), "作为", "共", "是一", "签", "手"])
        for slot, word, reach, words in zip(
            slot_firms._ORG_SLOTS,
            slot_firms._ORG_SLOT_WORDS,
            slot_firms._ORG_SLOT_REACH,
            slot_firms._SLOT_WORDS,
            strict=True,
        )
    ),
    (people._SPEECH_RE, people._SPEECH_VERB, 3, 2, ["表示", "指出席", "说", "介绍说", "出席"]),
    (places._GOVERNMENT, places._GOVERNMENT_WORD, 2, 4, ["人民政府", "政府", "工作报告"]),
    (
        policies._LIST_AFTER_VERB, policies._ISSUE_WORD, *policies._LIST_REACH,
        ["先后", "已", "出台", "印发", "发布", "印发布", "制定出台", "新编制", "了", "甲乙丙丁戊己",
         "实施方案", "等文件", "等", "、", "《", "，", "。", "星" * 50] * 3,
    ),
    *(
        (chain, quote_chains._QUOTES_IN_A_ROW, *quote_chains._CHAIN_REACH, _CHAIN_WORDS)
        for chain in (quoted._QUOTE_CHAIN, quoted._CAMPAIGN_CHAIN)
    ),
    (slot_firms._LIST_RUN, slot_firms._LIST_MARK, 24, 50,
     ["、", "、", "和", "以及", "及", "与", "等", "，", "星" * 20, "甲乙", "“"]),
    (people._GROUP_AFTER, people._GROUP_MARK, 3, 6,
     ["等", "等等", "3名", "十二位", "政协委员", "全国政协委员", "代表", "，甲乙等委员",
      "、甲乙丙等3名代表", "，甲乙等十二位专家", "甲乙丙"]),
    (places._TOWN_ZONE, places._ZONE_WORD, *places._TOWN_ZONE_REACH,
     ["开发区", "经济开发区", "经济技术开发区", "经济", "技术", "甲乙", "丙", "，", "A", "开发"]),
    (agencies._BARE_GOVERNMENT, agencies._GOVERNMENT_WORD, *agencies._BARE_GOVERNMENT_REACH,
     ["市", "省", "人民", "政府", "办", "工作报告", "甲", "，", "市政府", "省人民政府"]),
    (agencies._BARE_COMMITTEE, agencies._COMMITTEE_CHAR, 1, 1,
     ["市", "省", "区", "县", "委", "员", "会", "托", "甲", "，", "市委", "县委会"]),
    (agencies._DEPT_RE, agencies._DEPT_END, *agencies._DEPT_REACH,
     [*agencies._DEPT_STEMS.split("|"), *agencies._DEPT_SUFFIX.split("|"), "甲", "，", "员会"]),
    (places.ZONE_KIND, places._ZONE_END, *places._ZONE_REACH,
     [*places._ZONE_KINDS, "区", "开发", "保税", "甲", "，"]),
    (organizations._ACADEMIC_UNIT, organizations._UNIVERSITY_WORD, *organizations._ACADEMIC_REACH,
     ["大学", "学院", "大学院", "科", "程", "甲乙", "A1", "研究院", "研究中心", "实验室", "系",
      "统", "列", "书院", "，", "丙丁戊己庚辛壬癸"]),
    (agencies._INSTITUTE_RE, agencies._NATION_WORD, *agencies._INSTITUTE_REACH,
     ["中国", "国家", "中国家", "甲乙", "B2", "研究院", "研究中心", "研究所", "科学院", "信通院",
      "分院", "分中心", "分所", "丙丁", "，", "戊己庚辛壬癸子丑"]),
    (people._ACADEMIC_AFTER, people._ACADEMIC_WORD, 4, 0,
     ["教授", "副教授", "博士", "研究员", "院士", "，甲乙教授", "（甲乙丙副教授", "大甲乙博士",
      "、甲乙丙研究员", "甲乙丙", "甲乙"]),
]


@pytest.mark.parametrize("site", range(len(SITES)))
def test_scanning_near_the_words_finds_every_match(site: int) -> None:
    pattern, anchor, before, after, words = SITES[site]
    found = 0
    for text in _texts(words):
        expected = _spans(pattern.finditer(text))
        assert _spans(finditer_near(pattern, text, anchor, before, after)) == expected, text
        found += len(expected)
    assert found > 100  # the texts do hold matches


def test_department_words_are_plain_words() -> None:
    """The reach of the department scan is counted in characters of its words."""
    for word in [*agencies._DEPT_STEMS.split("|"), *agencies._DEPT_SUFFIX.split("|")]:
        assert word and re.escape(word) == word


def test_zone_words_are_plain_words_ending_in_qu() -> None:
    """The reach of the zone scan is counted in characters of its words, back from 区."""
    for word in places._ZONE_KINDS:
        assert re.escape(word) == word and word.endswith("区")


def test_stretches_join_overlapping_ones() -> None:
    text = "甲乙政府丙丁政府" + "戊" * 20 + "政府"
    assert stretches(text, re.compile("政府"), before=2, after=4) == [[0, 12], [26, 30]]


def test_respelled_patterns_match_as_before() -> None:
    pairs = [
        (re.compile(r"(?<!行动)(?<!工作)(?<!实施)(?<!发展)(?<!投资)计划(?![书表])"), _PROGRAMME),
        (
            re.compile(
                r"(?<![A-Za-z0-9\-.])([A-Za-z][A-Za-z0-9]*(?:[\-.][A-Za-z0-9]+)*"
                r"(?: [A-Z][A-Za-z0-9]+)?)(?![A-Za-z0-9\-])"
            ),
            _LATIN_NAME,
        ),
        (re.compile(r"(?<![有限股份总子分])公司"), companies.X_COMPANY),
        (re.compile(r"(?<![华作成因认行称以较更最视分改广])为"), re.compile(empowers._FOR)),
        (re.compile(r"(?:联合|共同|携手|合作|率先)?在"), empowers._AT_SITE),
        (re.compile(r"(?:主要)?客户(?:包括|涵盖|覆盖|有|遍及)[:：]?|(?:导入|进入|进入到|打入)"),
         empowers._CUSTOMERS),
        (re.compile(r"(?<![有限股份])(?:公司|集团)(?=[「“])"), _KIND_BEFORE_QUOTES),
        (re.compile(r"(?:拟|计划|将)?(?:投资建设|投资兴建|投资|投建|兴建|新建)"), _INVEST_VERB),
        (re.compile(
            f"(?:(?P<etc>等){firm_lists._COUNT}?|{firm_lists._COUNT})"
            "(?:(?<=家)(?:(?!领域|行业|方面|地区|城市|国家)[^的和与及、，,。；\\s\\d]){0,8}?"
            f"|{firm_lists._DESCRIPTOR}*){firm_lists._FIRM_HEAD}"
        ), firm_lists._FIRM_LIST_END),
        (re.compile(r"[。！？；!?;]+[”’」』)）]*|\n+"), _SENTENCE_END_RE),
        (re.compile(r"(?<![\u4e00-\u9fff])([市省])(?:人民)?政府(?!办|工作报告)"),
         agencies._BARE_GOVERNMENT),
    ]
    words = ["行动", "工作", "计划", "书", "aZ", "b9", "-", ".", " Q", "有限", "公司", "分",
             "人民政府", "办", "工作报告", "为", "华", "成", "。", "！", "；", "\n", "”", "）",
             "联合", "合作", "在", "主要", "客户", "包括", "进入", "到", "股份", "集团", "“",
             "「", "拟", "计划", "将", "投资", "建设", "新建", "等", "三", "上百家", "13个", "一批",
             "企业", "服务商", "零部件", "领域"]
    for text in _texts(words):
        for old, new in pairs:
            assert _spans(new.finditer(text)) == _spans(old.finditer(text)), text


def test_work_reports_scanned_between_the_first_and_the_last() -> None:
    for text in _texts(["政府工作报告", "2023", "年", "山东", "淄博", "1"]):
        first, last = text.find("政府工作报告"), text.rfind("政府工作报告") + 6
        scanned = (
            _spans(_WORK_REPORT.finditer(text, max(0, first - _WORK_REPORT_LEAD), last))
            if first >= 0
            else []
        )
        assert scanned == _spans(_WORK_REPORT.finditer(text)), text


def test_quantities_tried_only_where_a_number_opens() -> None:
    # the matches of the whole pattern, but for a lone Chinese numeral (一体化, 十分): no
    # quantity is ever kept of one
    lone = re.compile("[〇一二两三四五六七八九十]")
    words = ["百分之十五", "4.5亿元", "三千万", "1,500家", "第3", "20%", "两", "万", "一体化",
             "十分", "三 ", "五k", "Gw", "元", "个"]
    for text in _texts(words):
        tried = _spans(_matches(text))
        every = _spans(_QUANTITY_RE.finditer(text))
        assert tried == [s for s in every if s in tried], text
        assert all(s[0][1] - s[0][0] == 1 and lone.match(text, s[0][0])
                   for s in every if s not in tried), text


def test_find_words_is_the_longest_first_alternation() -> None:
    rng = random.Random(11)
    letters = "甲乙丙丁戊a.("
    for _ in range(2000):
        words = {"".join(rng.choice(letters) for _ in range(rng.randint(1, 4))) for _ in range(6)}
        text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 30)))
        pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
        assert list(find_words(text, words)) == [m.span() for m in pattern.finditer(text)]


def test_word_alternation_keeps_the_matches_of_the_plain_alternation() -> None:
    from loaders.extract.scan import word_alternation

    words = "董事长兼总经理|董事长|董事|总经理|总裁|主任"
    trie = word_alternation(words)
    assert trie != words
    text = "星云科技董事长兼总经理甲乙、董事丙丁，洛阳市主任戊己与总裁庚辛；董事会"
    for pattern in (f"(?:{words})", f"(?:{words})(?!会)"):
        assert [m.span() for m in re.finditer(pattern, text)] == [
            m.span() for m in re.finditer(pattern.replace(words, trie), text)
        ]
    # a shorter word tried before a longer one it opens: kept as written
    assert word_alternation("董事|董事长") == "董事|董事长"
    assert word_alternation("a.b|c") == "a.b|c"


def test_finditer_near_skips_the_stretches_not_wanted() -> None:
    pattern = re.compile(r"[\u4e00-\u9fff]{2,4}(?=签约)")
    anchor = re.compile("签约")
    text = "星云科技签约洛阳市。" + "甲" * 40 + "，晨曦智造签约。"
    everything = [m.span() for m in finditer_near(pattern, text, anchor, before=4, after=0)]
    assert everything == [m.span() for m in pattern.finditer(text)]
    assert len(everything) == 2
    first_only = finditer_near(pattern, text, anchor, before=4, after=0,
                               wanted=lambda start, end: start < 10)
    assert [m.span() for m in first_only] == everything[:1]
