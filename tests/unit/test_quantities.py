"""Quantities read from invented sentences: numbers and units, kinds, values, what they
describe (loaders.extract.numbers, quantities, qualifiers) and the rows written for them."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from graph.batch import prepare
from graph.model import Article, Entity, Extraction, Relation
from loaders.extract.numbers import chinese_value, number_value
from loaders.extract.qualifiers import article_quantities, aspect_of
from loaders.extract.quantities import find_quantities


@pytest.mark.parametrize(("text", "value"), [
    ("三千万", 30_000_000), ("一万二千", 12_000), ("十五", 15), ("两百", 200),
    ("三亿五千万", 350_000_000), ("一点五", 1.5), ("一万亿", 10**12),
])
def test_chinese_numerals(text: str, value: float) -> None:
    assert chinese_value(text) == value


@pytest.mark.parametrize(("text", "value"), [
    ("4.5亿", 450_000_000), ("1,500", 1500), ("1.2万亿", 1.2e12), ("８０万", 800_000),
])
def test_arabic_numbers_with_multipliers(text: str, value: float) -> None:
    assert number_value(text) == pytest.approx(value)


def _read(text: str) -> list[tuple[str, float, str, str]]:
    return [(q.text, q.value, q.unit, q.kind) for q in find_quantities(text)]


def test_money_counts_percentages_and_capacities() -> None:
    found = _read("星云科技总投资１２．７亿元，赋能企业3561家，连接设备80万台，节能15%，"
                  "装机300MW，年产10万吨，另获三千万元奖励，提升20个百分点，融资2亿美元。")
    assert found == [
        ("１２．７亿元", 1_270_000_000, "元", "money"),
        ("3561家", 3561, "家", "count"),
        ("80万台", 800_000, "台", "count"),
        ("15%", 15, "%", "percent"),
        ("300MW", 300, "MW", "capacity"),
        ("10万吨", 100_000, "吨", "capacity"),
        ("三千万元", 30_000_000, "元", "money"),
        ("20个百分点", 20, "个百分点", "percent"),
        ("2亿美元", 200_000_000, "美元", "money"),
    ]


def test_what_is_not_a_quantity() -> None:
    text = ("洛阳市第2个5G基站于2023年9月建成，前10名企业入选500强，两家企业用了三个月，"
            "中国工业互联网百人会召开，投入3万多个工作日。")
    assert _read(text) == []


def test_a_bare_amount_is_money_only_next_to_an_amount_word() -> None:
    assert _read("洛阳市投资120亿开展重点项目") == [("120亿", 12_000_000_000, "元", "money")]
    assert _read("该市人口120万") == []
    assert _read("招标金额约 7.68 亿元") == [("7.68 亿元", 768_000_000, "元", "money")]


def test_aspect_is_the_trigger_of_the_clause() -> None:
    sentence = "星云科技总投资5亿元，签约金额3亿元，赋能企业300家"
    for text, aspect in (("5亿元", "investment"), ("3亿元", "signing"), ("300家", "empowered")):
        at = sentence.index(text)
        assert aspect_of(sentence, at, at + len(text))[0] == aspect


@dataclass
class _Mention:
    start: int
    end: int
    label: str
    name: str
    nested: bool = False


@dataclass
class _Sentence:
    text: str
    start: int
    end: int


def _mentions(text: str, names: list[tuple[str, str]]) -> list[_Mention]:
    return [_Mention(text.index(n), text.index(n) + len(n), label, n) for label, n in names]


def test_subject_nearest_entity_project_for_investment_and_examples_skipped() -> None:
    text = "星云科技在洛阳市投资8亿元建设星云智造项目，带动月华电子、辰光机械等50家企业。"
    mentions = _mentions(text, [("Company", "星云科技"), ("City", "洛阳市"),
                                ("Project", "星云智造项目"), ("Company", "月华电子"),
                                ("Company", "辰光机械")])
    quantities = article_quantities([_Sentence(text, 0, len(text))], mentions, [], text)
    about = {q.text: q.about.get("name") for q in quantities}
    assert about == {"8亿元": "星云智造项目", "50家": "星云科技"}


def test_signing_amount_describes_the_signing_and_topic_carries_over() -> None:
    first = "星云科技与月华电子签约，签约金额4.5亿元。"
    second = "今年实现营业收入12亿元。"
    text = first + second
    mentions = _mentions(text, [("Company", "星云科技"), ("Company", "月华电子")])
    deal = Relation("SIGNED_WITH", "星云科技", "Company", "月华电子", "Company", first, 0,
                    len(first), "rule:signed_with", 0.9)
    sentences = [_Sentence(first, 0, len(first)), _Sentence(second, len(first), len(text))]
    signed, revenue = article_quantities(sentences, mentions, [deal], text)
    assert signed.about["type"] == "SIGNED_WITH" and signed.aspect == "signing"
    assert revenue.about == {"label": "Company", "name": "星云科技"}
    assert revenue.aspect == "revenue"


def test_a_sentence_after_a_paragraph_break_has_no_carried_topic() -> None:
    first = "星云科技发布新品。"
    second = "\n全年营收12亿元。"
    text = first + second
    mentions = _mentions(text, [("Company", "星云科技")])
    sentences = [_Sentence(first, 0, len(first)), _Sentence(second.strip(), len(first) + 1,
                                                            len(text))]
    (revenue,) = article_quantities(sentences, mentions, [], text)
    assert revenue.about == {}


def test_prepared_rows_link_quantities_to_entities_and_relationship_keys() -> None:
    text = "星云科技与月华电子签约，签约金额4.5亿元。"
    mentions = _mentions(text, [("Company", "星云科技"), ("Company", "月华电子")])
    deal = Relation("SIGNED_WITH", "星云科技", "Company", "月华电子", "Company", text, 0,
                    len(text), "rule:signed_with", 0.9)
    quantities = article_quantities([_Sentence(text, 0, len(text))], mentions, [deal], text)
    article = Article(id="a1", title="", text=text, date="2024-03-01")
    extraction = Extraction(article, (Entity("Company", "星云科技"), Entity("Company", "月华电子")),
                            (deal,), tuple(quantities))
    prepared = prepare(extraction)
    (row,) = prepared.quantities
    assert row["props"]["value"] == 450_000_000 and row["props"]["kind"] == "money"
    assert row["props"]["date"] == "2024-03-01" and row["props"]["rel"]
    assert sorted(link["name"] for link in row["links"]) == ["星云科技", "月华电子"]
    # the same extraction gives the same key: writing it again merges, never duplicates
    assert prepare(extraction).quantities[0]["props"]["key"] == row["props"]["key"]


def test_resolution_decisions_carry_quantities_to_the_renamed_entity(tmp_path) -> None:
    from loaders.extract.decisions import load_decisions

    path = tmp_path / "decisions.csv"
    path.write_text("action,name,label,target,target_label,note\n"
                    "merge,星云,Company,星云科技,Company,\n"
                    "ignore,月华电子,Company,,,\n", encoding="utf-8")
    text = "星云投资5亿元。月华电子营收3亿元。"
    quantities = article_quantities(
        [_Sentence(text[:8], 0, 8), _Sentence(text[8:], 8, len(text))],
        _mentions(text, [("Company", "星云"), ("Company", "月华电子")]), [], text)
    extraction = Extraction(Article(id="d1", title="", text=text),
                            (Entity("Company", "星云"), Entity("Company", "月华电子")), (),
                            tuple(quantities))
    applied = load_decisions(path).apply(extraction)
    assert [q.about for q in applied.quantities] == [
        {"label": "Company", "name": "星云科技"}, {}]


def test_sentences_where_no_quantity_opens_are_skipped_without_a_change(monkeypatch) -> None:
    """article_quantities reads only the sentences where a quantity can open (next_opening,
    opens_alone); reading every sentence gives the same quantities."""
    import random

    from loaders.extract import qualifiers

    rng = random.Random(5)
    pool = ["星云科技", "洛阳市", "投资", "8", "亿元", "三", "十", "家", "企业", "百分之", "五",
            "１２", "．", "%", "，", "。", "\n", "一体化", "营收", "万", "台", "两"]
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        sentences, start = [], 0
        for piece in text.split("。"):
            end = start + len(piece)
            if piece:
                sentences.append(_Sentence(piece, start, end))
            start = end + 1
        mentions = _mentions(text, [("Company", "星云科技")] if "星云科技" in text else [])
        gated = article_quantities(sentences, mentions, [], text)
        with monkeypatch.context() as patch:
            patch.setattr(qualifiers, "next_opening", lambda folded, pos: pos)
            patch.setattr(qualifiers, "opens_alone", lambda folded, at, end: True)
            assert article_quantities(sentences, mentions, [], text) == gated, text


def test_openings_spelt_with_one_class_match_as_before() -> None:
    """quantities._OPENING opens with one character class (a fast scan): the places it finds
    are those of its plain spelling, on invented strings of numerals, units and words."""
    import random
    import re

    from loaders.extract.quantities import _GOES_ON, _OPENING

    plain = re.compile(rf"[\d百]|[〇一二两三四五六七八九十](?=(?i:[{re.escape(_GOES_ON)}]))")
    rng = random.Random(4)
    pool = [*"0123456789百〇一二两三四五六七八九十点 余多%亿万元家台kKmMgG甲乙，", "个百分点",
            "一体化", "十分", "١٢", "８"]
    for _ in range(5000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert [m.span() for m in _OPENING.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
