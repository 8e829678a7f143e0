"""A small hand-built corpus of Extractions (plain data) for the store and report tests.

Three made-up articles whose facts exercise every report: a signing and a policy in 淄博, a
platform that empowers companies in two cities, people with titles, a district, an orphan
entity, an alias collision and a low-confidence edge. Written by hand for the tests; it is not
copied from any gold annotation.
"""

from __future__ import annotations

from typing import Any

from graph.model import Article, Entity, Extraction, Relation


def _article(aid: str, path: str, date: str | None, title: str, text: str) -> Article:
    return Article(id=aid, title=title, text=text, date=date, source="test", path=path)


def _rel(rtype: str, head: tuple[str, str], tail: tuple[str, str], sentence: str, start: int,
         confidence: float = 0.9, **props: Any) -> Relation:
    return Relation(rtype, head[1], head[0], tail[1], tail[0], sentence, start,
                    start + len(sentence), f"rule:{rtype.lower()}", confidence, props)


KAOS = ("Platform", "卡奥斯")
HUAGUANG = ("Company", "华光国瓷")
ZIBO = ("City", "淄博市")
SHANDONG = ("City", "山东省")
ZHANGDIAN = ("City", "张店区")
QINGDAO = ("City", "青岛市")
AGENCY = ("Agency", "淄博市工业和信息化局")
POLICY = ("Policy", "2022年淄博市窑炉数字化提升行动计划")
PROJECT = ("Project", "华光智慧窑炉数字化车间项目")
BRAIN = ("Platform", "窑炉数字大脑")
HAIER = ("Company", "海尔集团")
ZHOU = ("Person", "周云杰")
NEWSTAR = ("Company", "纽氏达特")
LUZHONG = ("Company", "鲁中耐火材料")
SHENGRUAN = ("Company", "胜软科技")
HUAWEI = ("Company", "华为")
ORPHAN = ("Company", "孤零零科技")
COLLIDER = ("Company", "华光集团")

S1 = "海尔卡奥斯与华光国瓷签署合作协议。"
S2 = "淄博市工信局印发《2022年淄博市窑炉数字化提升行动计划》。"
S3 = "卡奥斯赋能华光国瓷打造华光智慧窑炉数字化车间项目。"
S4 = "由卡奥斯开发的窑炉数字大脑在淄博上线，海尔集团总裁周云杰出席。"
TEXT1 = S1 + S2 + S3 + S4

T1 = "卡奥斯赋能青岛纽氏达特。"
T2 = "张店区的鲁中耐火材料与卡奥斯签约。"
T3 = "胜软科技携手华为。"
TEXT2 = T1 + T2 + T3

U1 = "华为或与海尔集团合作。"
TEXT3 = "孤零零科技简介。华光集团（又称华光国瓷）消息。" + U1


def corpus() -> list[Extraction]:
    a1 = _article("art-zibo", "corpus/zibo.txt", "2022-08-12", "淄博窑炉数字化", TEXT1)
    o2, o3, o4 = len(S1), len(S1) + len(S2), len(S1) + len(S2) + len(S3)
    ex1 = Extraction(
        a1,
        (
            Entity(*KAOS, aliases=("海尔卡奥斯", "COSMOPlat"), mentions=3),
            Entity(*HUAGUANG, mentions=2),
            Entity(*ZIBO, aliases=("淄博",), mentions=2, properties={"level": "city"}),
            Entity(*SHANDONG, mentions=1, properties={"level": "province"}),
            Entity(*AGENCY, aliases=("淄博市工信局",), mentions=1),
            Entity(*POLICY, mentions=1),
            Entity(*PROJECT, mentions=1),
            Entity(*BRAIN, mentions=1),
            Entity(*HAIER, mentions=1),
            Entity(*ZHOU, mentions=1),
        ),
        (
            _rel("SIGNED_WITH", KAOS, HUAGUANG, S1, 0),
            _rel("SUBSIDIARY_OF", KAOS, HAIER, S1, 0, 0.8),
            _rel("ISSUED_BY", POLICY, AGENCY, S2, o2),
            _rel("LOCATED_IN", AGENCY, ZIBO, S2, o2),
            _rel("EMPOWERS", KAOS, HUAGUANG, S3, o3),
            _rel("PARTICIPATES_IN", HUAGUANG, PROJECT, S3, o3),
            _rel("LOCATED_IN", HUAGUANG, ZIBO, S3, o3, 0.7),
            _rel("DEVELOPED_BY", BRAIN, KAOS, S4, o4),
            _rel("LOCATED_IN", BRAIN, ZIBO, S4, o4),
            _rel("WORKS_FOR", ZHOU, HAIER, S4, o4, title="总裁"),
            _rel("PART_OF", ZIBO, SHANDONG, S4, o4),
        ),
    )
    a2 = _article("art-qingdao", "corpus/qingdao.txt", "2023-03-01", "青岛赋能", TEXT2)
    p2, p3 = len(T1), len(T1) + len(T2)
    ex2 = Extraction(
        a2,
        (
            Entity(*KAOS, aliases=("卡奥斯COSMOPlat",), mentions=2),
            Entity(*NEWSTAR, mentions=1),
            Entity(*QINGDAO, aliases=("青岛",), mentions=1, properties={"level": "city"}),
            Entity(*ZHANGDIAN, mentions=1, properties={"level": "district"}),
            Entity(*ZIBO, mentions=0, properties={"level": "city"}),
            Entity(*SHANDONG, mentions=0, properties={"level": "province"}),
            Entity(*LUZHONG, aliases=("鲁中耐材",), mentions=1),
            Entity(*SHENGRUAN, mentions=1),
            Entity(*HUAWEI, mentions=1),
        ),
        (
            _rel("EMPOWERS", KAOS, NEWSTAR, T1, 0),
            _rel("LOCATED_IN", NEWSTAR, QINGDAO, T1, 0),
            _rel("PART_OF", QINGDAO, SHANDONG, T1, 0, 0.6),
            _rel("PART_OF", ZHANGDIAN, ZIBO, T2, p2),
            _rel("LOCATED_IN", LUZHONG, ZHANGDIAN, T2, p2),
            _rel("SIGNED_WITH", LUZHONG, KAOS, T2, p2),
            _rel("PARTNERS_WITH", SHENGRUAN, HUAWEI, T3, p3),
        ),
    )
    a3 = _article("art-misc", "corpus/misc.txt", "2021-05-01", "杂项", TEXT3)
    ex3 = Extraction(
        a3,
        (
            Entity(*ORPHAN, mentions=1),
            Entity(*COLLIDER, aliases=("华光国瓷",), mentions=1),
            Entity(*HUAWEI, mentions=1),
            Entity(*HAIER, mentions=1),
        ),
        (_rel("PARTNERS_WITH", HUAWEI, HAIER, U1, TEXT3.index(U1), 0.3),),
    )
    return [ex1, ex2, ex3]
