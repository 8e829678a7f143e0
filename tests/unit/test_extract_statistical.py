"""The statistical tagger's names: what it adds in the gaps and what it must not add.

Sentences are invented for these tests.
"""

from __future__ import annotations

from graph.model import Article
from loaders.extract.lac import _pieces
from loaders.extract.pipeline import Extractor

_with_tagger = Extractor(statistical=True)
_rules_only = Extractor(statistical=False)


def names(extractor: Extractor, text: str, label: str) -> set[str]:
    extraction = extractor.extract(Article(id="t", title="", text=text))
    return {e.name for e in extraction.entities if e.label == label}


def test_unknown_person_is_found_and_the_speech_verb_cut() -> None:
    text = "谈到下一步计划，闫振峰说，工厂将扩大产能。"
    assert "闫振峰" in names(_with_tagger, text, "Person")
    assert "闫振峰说" not in names(_with_tagger, text, "Person")


def test_bylines_are_not_people() -> None:
    text = "本报记者 郝佳音\n工厂将扩大产能。"
    assert "郝佳音" not in names(_with_tagger, text, "Person")


def test_honorifics_without_a_full_name_are_not_people() -> None:
    assert names(_with_tagger, "据潘教授介绍，传感器已量产。", "Person") == set()


def test_vocabulary_is_not_a_company() -> None:
    text = "当地大力发展新能源产业和金融科技。"
    assert names(_with_tagger, text, "Company") == set()


def test_the_tagger_only_fills_gaps() -> None:
    # Names the rules find keep the rules' reading with or without the tagger.
    text = "卡奥斯与星河电子科技有限公司签署合作协议。"
    rules = names(_rules_only, text, "Company")
    assert rules <= names(_with_tagger, text, "Company")


def test_pieces_keep_offsets_and_length_limit() -> None:
    text = "甲乙。  丙丁戊！\n" + "己" * 600
    pieces = _pieces(text)
    assert all(text[start : start + len(piece)] == piece for start, piece in pieces)
    assert all(len(piece) <= 256 for _, piece in pieces)
    assert "".join(p for _, p in pieces).replace("己", "") == "甲乙。丙丁戊！"
