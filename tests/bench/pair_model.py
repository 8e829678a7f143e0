"""A learned second opinion on pairs of names the rules left unrelated: an experiment, not part
of the pipeline (held out by feed it lowered relation F1; see train_pair_model.py).

Two names of one sentence, at most WINDOW characters apart, are a candidate for every relation
type whose schema allows their labels. A logistic model per type scores the candidate from
general features of the pair, never from the sentence as such: the two labels and their order,
the distance, the punctuation and the number of other names between them, and the character
bigrams between them and just around them (where trigger words such as 赋能, 位于, 旗下 show).

`train_pair_model.py` fits it on the development set and the seed articles and reports the
held-out-feed figures. A pair the rules already related, under any type, is left to the rules.
WORKS_FOR is not learned: it needs the title the rules read.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from graph.model import SCHEMA, Relation
from loaders.extract.entities import Mention
from loaders.extract.relations.base import SentenceView, relation

WINDOW = 40
CONTEXT = 4
LEARNED_TYPES = tuple(t for t in SCHEMA if t != "WORKS_FOR")
METHOD = "model:pair"
_PUNCT = re.compile(r"[，,、；;：:（(）)“”\"《》]")


def candidates(views: list[SentenceView]) -> Iterator[tuple[SentenceView, Mention, Mention, str]]:
    """(view, head, tail, type) for every pair of one sentence close enough to be related."""
    for view in views:
        ms = view.mentions
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                if b.start - a.end > WINDOW:
                    break
                if a.name == b.name:
                    continue
                for head, tail in ((a, b), (b, a)):
                    for rel_type in LEARNED_TYPES:
                        schema = SCHEMA[rel_type]
                        if schema.symmetric and head is b:
                            continue  # one candidate per unordered pair
                        if schema.allows(head.label, tail.label):
                            yield view, head, tail, rel_type


def features(view: SentenceView, head: Mention, tail: Mention) -> list[str]:
    """The pair's features as strings (a bag)."""
    first, second = (head, tail) if head.start < tail.start else (tail, head)
    text = view.text
    between = text[first.end : second.start]
    before = text[max(view.start, first.start - CONTEXT) : first.start]
    after = text[second.end : min(view.end, second.end + CONTEXT)]
    others = sum(1 for m in view.mentions if first.end <= m.start and m.end <= second.start)
    order = "hf" if head is first else "tf"
    feats = [
        f"lab:{head.label}>{tail.label}",
        f"ord:{order}",
        f"lab_ord:{head.label}>{tail.label}:{order}",
        f"dist:{min(len(between) // 5, 8)}",
        f"others:{min(others, 3)}",
        "adjacent" if not between.strip() else "apart",
    ]
    feats += {f"punct:{p}" for p in _PUNCT.findall(between)}
    feats += {f"b:{between[k : k + 2]}" for k in range(len(between) - 1)}
    feats += {f"b1:{c}" for c in between if not c.isspace()} if len(between) <= 3 else []
    feats += {f"pre:{before[k : k + 2]}" for k in range(len(before) - 1)}
    feats += {f"post:{after[k : k + 2]}" for k in range(len(after) - 1)}
    return feats


def probability(model: dict[str, Any], feats: list[str]) -> float:
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def find(
    views: list[SentenceView], found: list[Relation], models: dict[str, Any]
) -> list[Relation]:
    """Relations the model finds among pairs the rules left unrelated."""
    related = {frozenset(((r.head_label, r.head), (r.tail_label, r.tail))) for r in found}
    best: dict[frozenset[tuple[str, str]], tuple[float, Relation]] = {}
    for view, head, tail, rel_type in candidates(views):
        model = models.get(rel_type)
        if model is None:
            continue
        pair = frozenset(((head.label, head.name), (tail.label, tail.name)))
        if pair in related:
            continue
        p = probability(model, features(view, head, tail))
        if p >= model["threshold"] and (pair not in best or p > best[pair][0]):
            # one type per pair: the most probable one
            best[pair] = (p, relation(rel_type, head, tail, view, METHOD, round(p, 3)))
    return [r for _, r in best.values()]
