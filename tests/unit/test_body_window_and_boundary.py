"""The window test before a place-led body's pattern skips only places the pattern cannot open a
body after, and a token index's boundary test with its stored length answers as the plain one.

Texts are invented for these tests.
"""

from __future__ import annotations

from loaders.extract.entities import agencies
from loaders.extract.entities.tokens import TokenIndex
from loaders.extract.nlp import get_nlp

TEXTS = [
    "星河市人民政府与星河市经济和信息化委员会、星河区管委会共同发布通知。",
    "甲乙县科学技术局局长在甲乙县政务服务中心表示，甲乙县投资服务中心将开放。",
    "丙丁州发展和改革委员会办公室的工作人员来到丙丁州政府大楼，丙丁州局长讲话。",
    "星河市将在星河区建设一座非常非常非常非常大型的企业服务中心和星河区党工委。",
    "星河省\n政府，星河市市政府，星河县县长",
]


def test_body_window_holds_every_match() -> None:
    found = 0
    for text in TEXTS:
        for pos in range(len(text) + 1):
            m = agencies._BODY_AFTER_PLACE.match(text, pos)
            gate = agencies._BODY_WORD.search(text, pos, pos + agencies._BODY_REACH)
            if m is not None:
                found += 1
                assert gate is not None and gate.end() <= m.end()
    assert found >= 10


def test_is_boundary_with_stored_length_answers_as_the_plain_test() -> None:
    nlp = get_nlp()
    for text in TEXTS:
        tokens = TokenIndex(nlp(text))
        for pos in range(-2, len(tokens.text) + 3):
            at_start = tokens.starts[tokens.token_at(pos)] == pos
            plain = pos <= 0 or pos >= len(tokens.text) or at_start
            assert tokens.is_boundary(pos) == plain
