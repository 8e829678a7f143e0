"""Invented article text for the near-duplicate tests and benchmark: sentences of made-up
words, different for every seed, and copies with a few characters changed."""

from __future__ import annotations

import random

_WORDS = ("星云科技", "洛阳市", "天河电子", "开封市", "工业互联网", "平台", "签约", "建设",
          "数字化", "车间", "项目", "投资", "智能制造", "企业", "园区", "发布", "合作", "升级")


def invented_text(seed: int, sentences: int = 30) -> str:
    """Sentences of invented words, different for every seed."""
    rng = random.Random(seed)
    return "".join(
        "".join(rng.choice(_WORDS) for _ in range(rng.randint(4, 9))) + rng.choice("，。")
        for _ in range(sentences))


def changed(text: str, n: int, seed: int = 0) -> str:
    """The text with `n` characters replaced."""
    rng = random.Random(seed)
    chars = list(text)
    for i in rng.sample(range(len(chars)), n):
        chars[i] = "某"
    return "".join(chars)
